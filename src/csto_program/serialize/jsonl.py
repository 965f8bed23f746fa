"""JSON Lines: corpora of many programs or statements, streamed with constant memory.

Each line of a JSON Lines file is exactly :func:`~csto_program.to_json` of one item (compact
JSON, UTF-8, no raw newline inside), followed by ``"\\n"``. Split such a file on ``"\\n"``
only: text may hold U+2028 or U+0085, written raw (as valid JSON allows), which
``str.splitlines()`` would wrongly take for line ends (Python's own file iteration is
safe). All the items of one file are of one model class, the class :func:`iter_jsonl` is
asked to read. Lines that are empty or hold only JSON whitespace are skipped on reading
(JSON Lines forbids them, but editors and ``cat`` leave them behind, and they hold no
data); they still count for line numbers.

``file`` is a path (``str`` or ``os.PathLike``) or an open file object, text or binary: a
binary file (``open(path, "rb")``, ``io.BytesIO``, ``gzip.open(path)``) gets UTF-8 bytes, a
text file (``io.StringIO``, ``sys.stdout``, ``gzip.open(path, "wt")``) gets ``str``. A path is
opened as binary, so a line that is not valid UTF-8 is reported with its line number like
any other bad line.

>>> import io
>>> from csto_program import PartialDate, Statement, StatementKind
>>> said = Statement(id="s1", speaker="masadykov", role="CSTO Secretary-General",
...                  said_on=PartialDate.parse("2026-01-29"), text="Stage one is under way.",
...                  kind=StatementKind.PARAPHRASE, stages=(1,))
>>> buffer = io.StringIO()
>>> write_jsonl([said, said], buffer)
2
>>> print(buffer.getvalue(), end="")
{"id":"s1","speaker":"masadykov","role":"CSTO Secretary-General","said_on":"2026-01-29",...}
{"id":"s1","speaker":"masadykov","role":"CSTO Secretary-General","said_on":"2026-01-29",...}
>>> [str(s.said_on) for s in iter_jsonl(io.StringIO(buffer.getvalue()), Statement)]
['2026-01-29', '2026-01-29']
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from typing import IO, Any, Final, TypeAlias, TypeVar

from csto_program._files import MAX_DOCUMENT_BYTES, FileError, write_atomic
from csto_program.errors import DataError, short_repr
from csto_program.serialize._api import MODEL_CLASSES, from_json, to_json

__all__ = ["MAX_LINE_BYTES", "iter_jsonl", "write_jsonl"]

MAX_LINE_BYTES: Final = MAX_DOCUMENT_BYTES
"""The longest line :func:`iter_jsonl` reads: the cap on one document, 256 MiB (characters,
for a text file), its ``"\\n"`` not counted. A longer line is a
:class:`~csto_program.DataError` with its line number, found without reading more of it
than the cap, so an endless line (``/dev/zero``) ends with that error, not with memory
filled.

>>> MAX_LINE_BYTES // (1024 * 1024)
256
"""

T = TypeVar("T")

# What write_jsonl and iter_jsonl accept: a path, an open text file or an open binary file.
_File: TypeAlias = str | os.PathLike[str] | IO[str] | IO[bytes]
_BLANK = " \t\r\n"  # JSON's whitespace: a line of nothing else is skipped


def _is_path(file: object) -> bool:
    return isinstance(file, (str, os.PathLike))


def _is_binary(file: object) -> bool:
    """Whether ``file`` is an open binary file (bytes in and out), else a text file."""
    if isinstance(file, io.TextIOBase):
        return False
    if isinstance(file, (io.RawIOBase, io.BufferedIOBase)):
        return True
    mode = getattr(file, "mode", None)
    if isinstance(mode, str):
        return "b" in mode
    raise TypeError(
        f"file must be a path or an open text or binary file, not {type(file).__name__}; "
        "wrap other file-like objects in io.TextIOWrapper"
    )


def _check_file(file: object, method: str) -> None:
    if _is_path(file):
        return
    if isinstance(file, (bytes, bytearray)):
        raise TypeError("file must be a path or an open file, not bytes")
    if not callable(getattr(file, method, None)):
        raise TypeError(
            f"file must be a path or an open file with a {method}() method, "
            f"not {type(file).__name__}"
        )
    _is_binary(file)


def write_jsonl(items: Iterable[Any], file: _File) -> int:
    """Write ``items`` to ``file``, one ``to_json(item)`` a line; return how many were written.

    ``items`` may be any iterable, a generator included: it is consumed one item at a time.
    Every item must be of the same model class (``TypeError`` otherwise), since a JSON Lines
    file is read back as one class. A path is created or overwritten; an open file is
    written at its current position and left open.

    >>> import io
    >>> from csto_program import Place
    >>> out = io.BytesIO()
    >>> write_jsonl((Place(name=city, country="KZ", timezone="Asia/Almaty")
    ...              for city in ("Astana", "Almaty")), out)
    2
    >>> out.getvalue().splitlines()
    [b'{"name":"Astana","country":"KZ","timezone":"Asia/Almaty"}', b'{"name":"Almaty",...}']
    """
    _check_file(file, "write")
    if _is_path(file):
        assert isinstance(file, (str, os.PathLike))
        counted: list[int] = []
        write_atomic(file, lambda handle: counted.append(_write(items, handle, binary=True)))
        return counted[0]
    return _write(items, file, binary=_is_binary(file))  # type: ignore[arg-type]


def _write(items: Iterable[Any], file: IO[Any], *, binary: bool) -> int:
    if isinstance(items, (str, bytes, bytearray)) or not isinstance(items, Iterable):
        raise TypeError(f"items must be an iterable of model objects, not {type(items).__name__}")
    cls: type | None = None
    count = 0
    for index, item in enumerate(items):
        if type(item) not in MODEL_CLASSES:
            names = ", ".join(c.__name__ for c in MODEL_CLASSES)
            raise TypeError(f"item {index} is a {type(item).__name__}, not one of {names}")
        if cls is None:
            cls = type(item)
        elif type(item) is not cls:
            raise TypeError(
                f"item {index} is a {type(item).__name__}, but the file holds {cls.__name__}s: "
                "a JSON Lines file holds one class"
            )
        line = to_json(item) + "\n"
        file.write(line.encode("utf-8") if binary else line)
        count += 1
    return count


def iter_jsonl(file: _File, cls: type[T]) -> Iterator[T]:
    """Read ``cls`` objects from ``file`` lazily, one line at a time (constant memory).

    The result is a generator: nothing is read before the first item is asked for, and a
    path is opened then and closed once the generator is exhausted or closed. Lines that are
    empty or hold only whitespace are skipped (they still count for line numbers). A line
    longer than :data:`MAX_LINE_BYTES` is a bad line too, found without reading it all. A
    bad line raises :class:`~csto_program.DataError` whose problem paths start with the 1-based line
    number, ``line 17: $.said_on``; the items before it have already been yielded.

    >>> import io
    >>> from csto_program import Place
    >>> lines = io.StringIO(
    ...     '{"name":"Astana","country":"KZ","timezone":"Asia/Almaty"}\\n'
    ...     '\\n'
    ...     '{"name":"Dushanbe","country":"tj","timezone":"Asia/Dushanbe"}\\n')
    >>> places = iter_jsonl(lines, Place)
    >>> next(places).name
    'Astana'
    >>> next(places)
    Traceback (most recent call last):
    ...
    csto_program.errors.DataError: 1 problem:
      line 3: $.country: 'tj' is not an ISO 3166-1 alpha-2 country code such as 'KZ'
    """
    if cls not in MODEL_CLASSES:
        names = ", ".join(c.__name__ for c in MODEL_CLASSES)
        raise TypeError(f"expected one of the model classes ({names}), got {short_repr(cls)}")
    _check_file(file, "readline")
    return _iter(file, cls)


def _iter(file: _File, cls: type[T]) -> Iterator[T]:
    if _is_path(file):
        assert isinstance(file, (str, os.PathLike))
        try:
            if "\0" in os.fspath(file):
                raise FileError(os.fspath(file), "the name holds a NUL character")
            handle = open(file, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise FileError(
                os.fspath(file), exc.strerror or type(exc).__name__, errno=exc.errno
            ) from None
        with handle:
            yield from _read(handle, cls)
    else:
        yield from _read(file, cls)  # type: ignore[arg-type]


def _lines(file: IO[Any]) -> Iterator[Any]:
    """The lines of ``file``, each read with a bound: a line past :data:`MAX_LINE_BYTES`
    raises ``DataError`` as soon as that much of it has been read."""
    limit = MAX_LINE_BYTES
    number = 0
    while True:
        line = file.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and line[limit:] not in ("\n", b"\n"):
            raise DataError.at(
                f"line {number}: $",
                f"the line is longer than {limit} bytes (the limit of a line)",
            )
        yield line


def _read(file: IO[Any], cls: type[T]) -> Iterator[T]:
    for number, line in enumerate(_lines(file), start=1):
        if not line.strip(_BLANK if isinstance(line, str) else _BLANK.encode()):
            continue
        try:
            item = from_json(line, cls)
        except DataError as exc:
            raise exc.prefixed(f"line {number}: $") from None
        yield item
