"""The library's errors, every one of them.

Every error the library raises on purpose derives from :class:`CstoProgramError`. Bad data,
whether it comes from a document or from a constructor, is a :class:`DataError` (an
impossible schedule is the subclass :class:`ScheduleError`), so one ``except DataError``
catches every bad document. A file that cannot be read or written is a :class:`FileError`,
output that cannot be delivered (a closed pipe, a full disk) an :class:`OutputError` (each
an ``OSError`` too); an export format that does not fit the output's name is a
:class:`FormatError`, also a ``ValueError``.

>>> from csto_program import DataError
>>> err = DataError([("$.plans[0].stages[1].start", "expected an ISO date, got '2024-02-30'")])
>>> print(err)
1 problem:
  $.plans[0].stages[1].start: expected an ISO date, got '2024-02-30'
>>> err.problems
(('$.plans[0].stages[1].start', "expected an ISO date, got '2024-02-30'"),)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from csto_program._escape import escape as escape  # the one escaping rule, for messages

__all__ = [
    "MAX_PROBLEMS",
    "CstoProgramError",
    "DataError",
    "FileError",
    "FormatError",
    "OutputError",
    "ScheduleError",
]

MAX_PROBLEMS: Final = 100
"""How many problems a :class:`DataError` keeps; the rest are only counted (``more``).

A document with a million wrong items is reported with its first problems and a count, in
memory bounded by this number, not by the size of the mistake.

>>> err = DataError((f"$[{i}]", "expected a string") for i in range(1000))
>>> len(err.problems), err.more
(100, 900)
>>> str(err).splitlines()[-1]
'  and 900 more'
"""


def short_repr(value: object, width: int = 60) -> str:
    """``repr(value)`` cut to about ``width`` characters, safe for any value.

    Huge integers are described by their size (Python refuses to print more than 4,300
    digits) and long strings are cut before they are copied, so an error message costs the
    same whatever the input.

    >>> short_repr("x" * 1000, 12)
    "'xxxxxxxx..."
    >>> short_repr(10 ** 4000)
    'an integer of 4001 digits'
    """
    if type(value) is int and value.bit_length() > 200:
        size = abs(value)
        digits = len(str(size)) if value.bit_length() < 14000 else None  # < 4,300 digits
        if digits is None:
            return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
        return f"an integer of {digits} digits"
    if isinstance(value, str) and len(value) > width:
        value = value[: width + 2]
    try:
        text = repr(value)
    except ValueError:  # an int subclass with too many digits, say
        return f"a {type(value).__name__}"
    return text if len(text) <= width else text[: width - 3] + "..."


class CstoProgramError(Exception):
    """Base class of every error this library raises on purpose.

    >>> from csto_program import CstoProgramError, ScheduleError
    >>> issubclass(ScheduleError, CstoProgramError)
    True
    """


class DataError(CstoProgramError, ValueError):
    """Bad data: a document being loaded, or a value given to a constructor.

    ``problems`` is a tuple of ``(path, message)`` pairs; each path is a JSONPath
    (``$`` is the document itself, ``$.plans[0].starts_on`` a field inside it). At most
    :data:`MAX_PROBLEMS` are kept; ``more`` counts the ones left out.

    >>> err = DataError([("$", "not valid JSON"), ("$.id", "missing")])
    >>> [path for path, _ in err.problems], err.more
    (['$', '$.id'], 0)
    """

    problems: tuple[tuple[str, str], ...]
    more: int

    def __init__(self, problems: Iterable[tuple[str, str]], *, more: int = 0) -> None:
        kept: list[tuple[str, str]] = []
        dropped = more
        for path, message in problems:  # consumed lazily: memory bounded by MAX_PROBLEMS
            if len(kept) < MAX_PROBLEMS:
                kept.append((str(path), str(message)))
            else:
                dropped += 1
        if not kept:
            raise ValueError("a DataError needs at least one problem")
        self.problems = tuple(kept)
        self.more = dropped
        super().__init__(self.problems)

    @classmethod
    def at(cls, path: str, message: str) -> DataError:
        """A ``DataError`` with a single problem.

        >>> DataError.at("$.title", "expected a string").problems
        (('$.title', 'expected a string'),)
        """
        return cls([(path, message)])

    def prefixed(self, prefix: str) -> DataError:
        """The same problems with every path's leading ``$`` replaced by ``prefix``.

        >>> str(DataError.at("$.id", "missing").prefixed("line 3: $"))
        '1 problem:\\n  line 3: $.id: missing'
        """
        return DataError(((prefix + path[1:], msg) for path, msg in self.problems), more=self.more)

    def __str__(self) -> str:
        count = len(self.problems) + self.more
        head = f"{count} problem{'s' if count != 1 else ''}:"
        lines = [head, *(f"  {path}: {msg}" for path, msg in self.problems)]
        if self.more:
            lines.append(f"  and {self.more} more")
        return "\n".join(lines)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.problems, self.more))


def _rebuild(cls: type[DataError], problems: tuple[tuple[str, str], ...], more: int) -> DataError:
    err = DataError.__new__(cls)
    DataError.__init__(err, problems, more=more)
    return err


class ScheduleError(DataError):
    """An impossible schedule: bad stage lengths, overlaps, a date past year 9999.

    It is a :class:`DataError`, so the same bad plan raises the same type from a
    constructor as from the loader.

    >>> from csto_program import plan_stages, ScheduleError
    >>> import datetime
    >>> try:
    ...     plan_stages(datetime.date(2024, 11, 28), months=(6, 24, 30))
    ... except ScheduleError as exc:
    ...     print(exc.problems)
    (('$', 'stage one must last 12 months, got 6'),)
    """

    def __init__(
        self,
        message: str | Iterable[tuple[str, str]],
        *,
        path: str = "$",
        more: int = 0,
    ) -> None:
        if isinstance(message, str):
            super().__init__([(path, message)], more=more)
        else:
            super().__init__(message, more=more)


class FileError(CstoProgramError, OSError):
    """A file that cannot be read or written: missing, a directory, no permission, disk full.

    ``path`` is the file as it was given (not resolved), ``reason`` what went wrong;
    ``errno`` is the system's error number when there is one. It is an ``OSError``
    too, so ``except OSError`` still catches it. ``str()`` is one line, with any
    control character in the path escaped.

    >>> from csto_program.errors import FileError
    >>> from csto_program import write_jsonl
    >>> try:
    ...     write_jsonl([], "no-such-folder/statements.jsonl")
    ... except FileError as exc:
    ...     print(exc)
    ...     print(exc.path, exc.errno)
    no-such-folder/statements.jsonl: cannot write the file: its directory does not exist
    no-such-folder/statements.jsonl 2
    """

    path: str
    reason: str

    def __init__(self, path: str, reason: str, *, errno: int | None = None) -> None:
        super().__init__(errno, reason, path)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{escape(self.path)}: {escape(self.reason)}"

    def __reduce__(self) -> tuple[object, ...]:
        return (_file_error, (self.path, self.reason, self.errno))


def _file_error(path: str, reason: str, number: int | None) -> FileError:
    """Rebuild a :class:`FileError` (for pickling).

    >>> print(_file_error("a.json", "cannot read the file: Is a directory", 21))
    a.json: cannot read the file: Is a directory
    """
    return FileError(path, reason, errno=number)


class OutputError(CstoProgramError, OSError):
    """Output could not be written: the reader went away, the disk is full, the stream is closed.

    ``name`` says where the output was going, ``reason`` what went wrong; ``errno``
    is the system's error number when there is one. ``str()`` is one line.

    >>> from csto_program.errors import OutputError
    >>> err = OutputError("standard output", "Broken pipe", errno=32)
    >>> print(err)
    cannot write to standard output: Broken pipe
    >>> isinstance(err, OSError), err.errno
    (True, 32)
    """

    name: str
    reason: str

    def __init__(self, name: str, reason: str, *, errno: int | None = None) -> None:
        super().__init__(errno, reason)
        self.name = name
        self.reason = reason

    def __str__(self) -> str:
        return f"cannot write to {escape(self.name)}: {escape(self.reason)}"

    def __reduce__(self) -> tuple[object, ...]:
        return (_output_error, (self.name, self.reason, self.errno))


def _output_error(name: str, reason: str, number: int | None) -> OutputError:
    """Rebuild an :class:`OutputError` (for pickling).

    >>> _output_error("x", "Broken pipe", 32).errno
    32
    """
    return OutputError(name, reason, errno=number)


class FormatError(CstoProgramError, ValueError):
    """An export format that cannot be chosen: unknown, missing, or not what the output's
    name says (``-f png -o chart.pdf``). It is a usage mistake, not bad data, and a
    ``ValueError`` too.

    >>> from csto_program.errors import FormatError
    >>> from csto_program.export import choose_format
    >>> try:
    ...     choose_format("png", "chart.pdf")
    ... except FormatError as exc:
    ...     print(*str(exc).split("; "), sep=chr(10))
    the suffix of 'chart.pdf' (.pdf) is not one of the png format (.png)
    pass force=True to write it anyway
    """
