"""Files: the one atomic writer and the bounded reader.

:func:`write_atomic` replaces a file in one step, so that a reader, a crash or a full
disk never leaves it empty or half written. :func:`read_limited` reads a file or a
stream up to a limit (:data:`MAX_DOCUMENT_BYTES` by default), so that a huge or
endless input ends with a clear error instead of filling memory. A problem with the
file system is a :class:`FileError`, one line that names the file as it was given.

>>> import os, tempfile
>>> folder = tempfile.TemporaryDirectory()
>>> target = os.path.join(folder.name, "plan.txt")
>>> write_atomic(target, "Stage 1: 2025-01-01\\n")
>>> read_limited(target, label="plan.txt")
b'Stage 1: 2025-01-01\\n'
>>> folder.cleanup()
"""

from __future__ import annotations

import contextlib
import errno as errno_codes
import io
import os
import stat
import tempfile
from collections.abc import Callable
from typing import BinaryIO, Final

from csto_program._terminal import escape
from csto_program.errors import CstoProgramError, DataError

__all__ = ["MAX_DOCUMENT_BYTES", "FileError", "read_limited", "write_atomic"]

MAX_DOCUMENT_BYTES: Final = 256 * 1024 * 1024
"""The default limit of :func:`read_limited`: 256 MiB, far more than a program record needs.

>>> MAX_DOCUMENT_BYTES // (1024 * 1024)
256
"""

_CHUNK: Final = 64 * 1024
_CANNOT_READ: Final = "cannot read the file"
_CANNOT_WRITE: Final = "cannot write the file"


class FileError(CstoProgramError, OSError):
    """A file that cannot be read or written: missing, a directory, no permission, disk full.

    ``path`` is the file as it was given (not resolved), ``reason`` what went wrong;
    ``errno`` is the system's error number when there is one. It is an ``OSError``
    too, so ``except OSError`` still catches it. ``str()`` is one line, with any
    control character in the path escaped.

    >>> try:
    ...     read_limited("no-such-program.json", label="no-such-program.json")
    ... except FileError as exc:
    ...     print(exc)
    ...     print(exc.path, exc.errno)
    no-such-program.json: cannot read the file: No such file or directory
    no-such-program.json 2
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


def _from_os_error(path: str, action: str, exc: OSError) -> FileError:
    """A :class:`FileError` for ``exc``, which happened while doing ``action`` on ``path``.

    >>> print(_from_os_error("out.ics", "cannot write the file", OSError(28, "No space left")))
    out.ics: cannot write the file: No space left
    """
    reason = exc.strerror or str(exc) or type(exc).__name__
    return FileError(path, f"{action}: {reason}", errno=exc.errno)


def write_atomic(
    path: str | os.PathLike[str], data: bytes | str | Callable[[BinaryIO], None]
) -> None:
    """Replace the file at ``path`` with ``data`` in one step: all of it or nothing.

    ``data`` is bytes, text (written as UTF-8) or a function that writes to the
    binary stream it is given. It goes to a temporary file next to the target
    (``.NAME.XXXXXXXX.tmp``), which is flushed to disk and then renamed over the
    target, so a reader sees the old file or the new one, never an empty or half
    written file. A target that exists keeps its permission bits; a new one gets
    the usual ``0o666`` less the umask. A symbolic link is followed (the file it
    points to is replaced, the link stays), and a target that is not a regular
    file (a device such as ``/dev/stdout``, a named pipe) is written to directly.

    On any failure, an exception from the function included (even
    ``KeyboardInterrupt``), the temporary file is removed, the target is left
    exactly as it was and the exception is raised again; a problem with the file
    system (a missing directory, a directory as target, no permission, a full disk,
    the file size limit) is raised as a :class:`FileError`.

    Past the file size limit (``ulimit -f``) the system sends ``SIGXFSZ``, which ends
    a process on the spot unless it is ignored. Python ignores it from start-up, and
    so does the command line, so such a write fails with ``EFBIG`` and is reported
    like any other; a program that restores the signal's default action would be
    killed instead, leaving the target as it was and the temporary file behind.

    >>> import os, tempfile
    >>> folder = tempfile.TemporaryDirectory()
    >>> target = os.path.join(folder.name, "plan.txt")
    >>> write_atomic(target, b"Stage 1\\n")
    >>> def half_written(stream):
    ...     stream.write(b"Stage 2\\n")
    ...     raise RuntimeError("stopped halfway")
    >>> write_atomic(target, half_written)
    Traceback (most recent call last):
    ...
    RuntimeError: stopped halfway
    >>> open(target, "rb").read(), os.listdir(folder.name)
    (b'Stage 1\\n', ['plan.txt'])
    >>> write_atomic(os.path.join(folder.name, "missing", "plan.txt"), b"")
    Traceback (most recent call last):
    ...
    csto_program._files.FileError: .../missing/plan.txt: cannot write the file: its directory ...
    >>> folder.cleanup()
    """
    given = _name(path, _CANNOT_WRITE)
    content = data.encode("utf-8") if isinstance(data, str) else data
    target = os.path.realpath(given) if os.path.islink(given) else given
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    except OSError as exc:
        raise _from_os_error(given, _CANNOT_WRITE, exc) from exc
    directory, name = os.path.split(target)
    if (status is not None and stat.S_ISDIR(status.st_mode)) or not name:
        raise FileError(given, f"{_CANNOT_WRITE}: it is a directory", errno=errno_codes.EISDIR)
    if status is not None and not stat.S_ISREG(status.st_mode):
        _write_in_place(given, target, content)
        return
    mode = stat.S_IMODE(status.st_mode) if status is not None else 0o666 & ~_umask()
    directory = directory or os.curdir
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
    except FileNotFoundError as exc:
        raise FileError(
            given, f"{_CANNOT_WRITE}: its directory does not exist", errno=exc.errno
        ) from exc
    except OSError as exc:
        raise _from_os_error(given, _CANNOT_WRITE, exc) from exc
    try:
        with open(handle, "wb") as stream:
            _fill(stream, content)
            stream.flush()
            os.chmod(temporary, mode)
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError) and not isinstance(exc, CstoProgramError):
            raise _from_os_error(given, _CANNOT_WRITE, exc) from exc
        raise
    _sync_directory(directory)


def _fill(stream: BinaryIO, content: bytes | Callable[[BinaryIO], None]) -> None:
    """Write ``content`` to ``stream``: the bytes, or whatever the function writes.

    >>> import io
    >>> stream = io.BytesIO()
    >>> _fill(stream, lambda out: out.write(b"abc") and None)
    >>> stream.getvalue()
    b'abc'
    """
    if callable(content):
        content(stream)
    else:
        stream.write(content)


def _write_in_place(given: str, target: str, content: bytes | Callable[[BinaryIO], None]) -> None:
    """Write to a target that is not a regular file (a device, a named pipe) directly.

    >>> _write_in_place("/dev/null", "/dev/null", b"discarded")
    """
    try:
        with open(target, "wb") as stream:
            _fill(stream, content)
    except OSError as exc:
        if isinstance(exc, CstoProgramError):
            raise
        raise _from_os_error(given, _CANNOT_WRITE, exc) from exc


def _umask() -> int:
    """The process's umask, read without changing it where the system allows.

    >>> 0 <= _umask() <= 0o777
    True
    """
    with contextlib.suppress(OSError), open("/proc/self/status", "rb") as status:
        for line in status:
            if line.startswith(b"Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_directory(directory: str) -> None:
    """Flush a rename in ``directory`` to disk, where the system supports it (best effort).

    >>> _sync_directory(".")
    """
    with contextlib.suppress(OSError):
        handle = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def read_limited(
    source: str | os.PathLike[str] | BinaryIO,
    *,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    label: str,
) -> bytes:
    """The bytes of a file (a path) or of a binary stream, at most ``max_bytes`` of them.

    ``source`` is a path or an open binary stream such as ``sys.stdin.buffer``; a
    stream is read to its end but not closed. Reading stops as soon as there is
    more than ``max_bytes``, with a :class:`~csto_program.DataError` that names the
    input by ``label``: an endless input (``/dev/zero``, a pipe that never ends)
    ends with that error, and memory stays within about ``max_bytes``. A file that
    cannot be read is a :class:`FileError` naming the path as it was given.

    >>> import io
    >>> read_limited(io.BytesIO(b'{"id": "p1"}'), label="<stdin>")
    b'{"id": "p1"}'
    >>> read_limited(io.BytesIO(b"x" * 2000), max_bytes=1000, label="<stdin>")
    Traceback (most recent call last):
    ...
    csto_program.errors.DataError: 1 problem:
      $: <stdin>: larger than 1000 bytes (the limit; pass a larger max_bytes to read it)
    """
    if max_bytes < 0:
        raise ValueError(f"max_bytes must be at least 0, got {max_bytes}")
    if not isinstance(source, str | os.PathLike):
        try:
            return _read_stream(source, max_bytes, label)
        except OSError as exc:
            raise _from_os_error(label, "cannot read", exc) from exc
    given = _name(source, _CANNOT_READ)
    try:
        with open(given, "rb") as stream:
            return _read_stream(stream, max_bytes, label)
    except OSError as exc:
        raise _from_os_error(given, _CANNOT_READ, exc) from exc


def _name(path: str | os.PathLike[str], action: str) -> str:
    """The path as a string; a NUL character, which no file name can hold, is a FileError.

    >>> _name("plan" + chr(0) + ".json", "cannot read")
    Traceback (most recent call last):
    ...
    csto_program._files.FileError: plan\\x00.json: cannot read: the name holds a NUL character
    """
    given = os.fspath(path)
    if "\0" in given:
        raise FileError(given, f"{action}: the name holds a NUL character")
    return given


def _read_stream(stream: BinaryIO, max_bytes: int, label: str) -> bytes:
    """Read ``stream`` to its end in chunks, stopping once it holds more than ``max_bytes``.

    >>> import io
    >>> _read_stream(io.BytesIO(b"abc"), 3, "abc")
    b'abc'
    """
    buffer = io.BytesIO()
    while (room := max_bytes + 1 - buffer.tell()) > 0:
        chunk = stream.read(min(_CHUNK, room))
        if not chunk:
            return buffer.getvalue()
        buffer.write(chunk)
    raise DataError.at(
        "$",
        f"{label}: larger than {max_bytes} bytes (the limit; pass a larger max_bytes to read it)",
    )
