"""Text for a terminal: the one escaping rule, cutting to a width, and safe output.

Anything that came from outside the program (a file, an argument, an identifier in
a document) goes through :func:`escape` before it is printed, so that it cannot move
the cursor, clear the screen, start a new line or reorder the text around it.
:func:`shorten` and :func:`fit` cut escaped text without breaking an escape, and
:class:`Output` writes lines that never fail on an encoding and that turn a closed
pipe or a full disk into one :class:`OutputError`.

>>> print(display("stage\\n2\\x1b[2J"))
stage\\n2\\x1b[2J
"""

from __future__ import annotations

import errno as errno_codes
import os
import sys
from collections.abc import Callable, Iterable
from typing import Final, TextIO

from csto_program._escape import escape
from csto_program.errors import OutputError

__all__ = ["Output", "OutputError", "display", "escape", "fit", "shorten"]

# Length of the escape that starts with a backslash and the given letter: \xhh, \uhhhh,
# \Uhhhhhhhh; every other escape (\\, \n, \t, \r) is two characters long.
_ESCAPE_LENGTHS: Final = {"x": 4, "u": 6, "U": 10}
_ELLIPSIS: Final = "…"


def shorten(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` characters, ending with ``…`` when it was cut.

    Give it text that :func:`escape` produced: the cut never falls inside an escape
    such as ``\\u202e``, so it may come a few characters early. Only the first
    ``width`` characters are looked at, so a very long text is as quick to shorten as
    a short one. ``width`` must be at least 1.

    >>> shorten("Collective Security Treaty Organization", 20)
    'Collective Security…'
    >>> shorten("abc\\\\u202edef", 8)
    'abc…'
    >>> shorten("short", 20)
    'short'
    """
    if width < 1:
        raise ValueError(f"width must be at least 1, got {width}")
    if len(text) <= width:
        return text
    end = width - 1
    start = 0
    while (slash := text.find("\\", start, end)) >= 0:
        step = _ESCAPE_LENGTHS.get(text[slash + 1 : slash + 2], 2)
        if slash + step > end:
            end = slash
            break
        start = slash + step
    return text[:end] + _ELLIPSIS


def display(value: object, width: int = 60) -> str:
    """``value`` as one short, safe piece of text to echo back to a user.

    The same as ``shorten(escape(str(value)), width)``, but only the start of a long
    text is escaped.

    >>> display("bad\\nid")
    'bad\\\\nid'
    >>> display("x" * 1_000_000, width=10)
    'xxxxxxxxx…'
    >>> display(3.5)
    '3.5'
    """
    text = value if isinstance(value, str) else str(value)
    # escape() never makes text shorter, so escaping one character more than fits
    # shows whether the whole text would have had to be cut.
    return shorten(escape(text[: width + 1]), width)


def fit(line: str, columns: int | None) -> str:
    """``line`` cut to a terminal ``columns`` wide, without breaking an escape.

    ``columns=None`` means the output is not a terminal (a file or a pipe): the line
    is never cut. So is a terminal that reports no width (0 columns). Each character
    counts as one column, a wide East Asian character included.

    >>> fit("STAGE  NAME     START       END", 12)
    'STAGE  NAME…'
    >>> fit("STAGE  NAME     START       END", None)
    'STAGE  NAME     START       END'
    """
    if columns is None or columns < 1:
        return line
    return shorten(line, columns)


class Output:
    """Lines written to a text stream (standard output by default) that never fail halfway.

    Text is encoded with the stream's encoding and ``errors="replace"``, so a
    latin-1, cp1251 or ASCII terminal shows ``?`` for a character it cannot show
    instead of raising ``UnicodeEncodeError``. Every call writes every byte or fails:
    the bytes go to the stream's file descriptor when it has one (after anything already
    written to the stream), in as many writes as it takes, whatever the buffering
    (``PYTHONUNBUFFERED``, a short write past ``ulimit -f``) and waiting on a
    non-blocking pipe that is full; a stream without one gets them through its binary
    ``buffer`` or as text. A reader that has gone away (``BrokenPipeError``), a full disk
    or a closed stream is reported there and then, as one :class:`OutputError`.

    >>> import io
    >>> stream = io.TextIOWrapper(io.BytesIO(), encoding="cp1251")
    >>> out = Output(stream)
    >>> out.line("Таджикистан – Қазақстан")
    >>> stream.buffer.getvalue().decode("cp1251")
    'Таджикистан – ?аза?стан\\n'
    """

    def __init__(self, stream: TextIO | None = None, *, name: str = "standard output") -> None:
        self._stream = stream
        self.name = name

    @property
    def stream(self) -> TextIO:
        """The stream written to: the one given, else ``sys.stdout`` at the time of the call.

        >>> Output().stream is sys.stdout
        True
        """
        return self._stream if self._stream is not None else sys.stdout

    @property
    def encoding(self) -> str:
        """The encoding text is written in: the stream's own, else UTF-8.

        >>> import io
        >>> Output(io.TextIOWrapper(io.BytesIO(), encoding="latin-1")).encoding
        'latin-1'
        """
        return getattr(self.stream, "encoding", None) or "utf-8"

    def line(self, text: str = "") -> None:
        """Write ``text`` and a newline.

        >>> Output().line("Stage 1")
        Stage 1
        """
        self.write(text + "\n")

    def lines(self, lines: Iterable[str]) -> None:
        """Write each of ``lines`` followed by a newline, all in one write.

        >>> Output().lines(["STAGE  NAME", "1      Stage 1"])
        STAGE  NAME
        1      Stage 1
        """
        self.write("".join(line + "\n" for line in lines))

    def write(self, text: str) -> None:
        """Write ``text`` as it is (add the newlines yourself) and flush.

        >>> import io
        >>> stream = io.StringIO()
        >>> stream.close()
        >>> Output(stream, name="the report").write("x")
        Traceback (most recent call last):
        ...
        csto_program.errors.OutputError: cannot write to the report: the stream is closed
        """
        encoding = self.encoding
        data = text.encode(encoding, "replace")
        if getattr(self.stream, "buffer", None) is None:
            self._guarded(lambda stream: _write_text(stream, data.decode(encoding)))
        else:
            self.write_bytes(data)

    def write_bytes(self, data: bytes) -> None:
        """Write ``data`` as it is, every byte of it, after anything written before.

        >>> import io
        >>> stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        >>> Output(stream).write_bytes(b"\\x89PNG")
        >>> stream.buffer.getvalue()
        b'\\x89PNG'
        """
        self._guarded(lambda stream: _write_bytes(stream, data))

    def _guarded(self, write: Callable[[TextIO], None]) -> None:
        stream = self.stream
        try:
            write(stream)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise OutputError(self.name, reason, errno=exc.errno) from exc
        except ValueError as exc:
            buffer = getattr(stream, "buffer", None)
            if stream.closed or (buffer is not None and buffer.closed):
                raise OutputError(self.name, "the stream is closed") from exc
            raise


def _write_text(stream: TextIO, text: str) -> None:
    stream.write(text)
    stream.flush()


def _write_bytes(stream: TextIO, data: bytes) -> None:
    """Every byte of ``data`` to ``stream``: to its file descriptor when it has one."""
    buffer = stream.buffer
    try:
        fd = buffer.fileno()
    except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation: no descriptor
        fd = -1
    if fd < 0:
        _flush(stream, fd)
        view = memoryview(data)
        while view:
            written = buffer.write(view)
            if written is None:  # a raw non-blocking stream that is full, and no descriptor
                raise OSError(errno_codes.EAGAIN, os.strerror(errno_codes.EAGAIN))
            view = view[written:]
        buffer.flush()
        return
    _flush(stream, fd)
    _write_all(fd, data)


def _flush(stream: TextIO, fd: int) -> None:
    """Flush what was written to ``stream`` before, waiting on a full non-blocking pipe."""
    while True:
        try:
            stream.flush()
            return
        except BlockingIOError:
            if fd < 0:
                raise
            _wait_writable(fd)


def _write_all(fd: int, data: bytes) -> None:
    """Write ``data`` to the descriptor ``fd``, looping over short writes.

    A write that cannot go on raises ``OSError`` (``EFBIG`` past ``ulimit -f``,
    ``ENOSPC``, ``EPIPE``); a non-blocking pipe that is full is waited on.
    """
    view = memoryview(data)
    while view:
        try:
            written = os.write(fd, view)
        except BlockingIOError:
            _wait_writable(fd)
            continue
        if written <= 0:  # pragma: no cover - no system returns 0 for a non-empty write
            raise OSError(errno_codes.EIO, "nothing could be written")
        view = view[written:]


def _wait_writable(fd: int) -> None:
    import select

    select.select([], [fd], [])
