"""Files: the one atomic writer, for a file and for a folder, and the bounded reader.

:func:`write_atomic` replaces a file in one step and :func:`write_folder` a folder of
files, so that a reader, a crash or a full disk never leaves either empty or half written.
:func:`read_limited` reads a file or a stream up to a limit (:data:`MAX_DOCUMENT_BYTES` by
default), so that a huge or endless input ends with a clear error instead of filling
memory. A problem with the file system is a :class:`~csto_program.errors.FileError`, one
line that names the file as it was given.

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
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Mapping
from typing import BinaryIO, Final

from csto_program.errors import CstoProgramError, DataError, FileError

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "FileError",
    "from_os_error",
    "read_limited",
    "write_atomic",
    "write_folder",
    "write_new_file",
]

MAX_DOCUMENT_BYTES: Final = 256 * 1024 * 1024
"""The default limit of :func:`read_limited`: 256 MiB, far more than a program record needs.

>>> MAX_DOCUMENT_BYTES // (1024 * 1024)
256
"""

_CHUNK: Final = 64 * 1024
_CANNOT_READ: Final = "cannot read the file"
_CANNOT_WRITE: Final = "cannot write the file"


def from_os_error(path: str, action: str, exc: OSError) -> FileError:
    """A :class:`FileError` for ``exc``, which happened while doing ``action`` on ``path``.

    >>> print(from_os_error("out.ics", "cannot write the file", OSError(28, "No space left")))
    out.ics: cannot write the file: No space left
    """
    reason = exc.strerror or str(exc) or type(exc).__name__
    return FileError(path, f"{action}: {reason}", errno=exc.errno)


# The names of a process's own open descriptors: /dev/stdout, /dev/fd/3, /proc/self/fd/3...
_DESCRIPTOR: Final = re.compile(
    r"/dev/fd/([0-9]{1,9})|/proc/(?:self|thread-self|([0-9]+))/fd/([0-9]{1,9})"
)
_STANDARD: Final = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
_MAX_LINKS: Final = 40  # as the system's own limit on links followed in one path


def _descriptor(path: str) -> int | None:
    """The open descriptor of this process that ``path`` names (``/dev/stdout``,
    ``/dev/fd/3``, ``/proc/self/fd/3``, or a link to one of them), else ``None``.

    Such a name is not a file to replace: on Linux it is a link to whatever the
    descriptor holds (a pipe, a terminal, the file a shell opened with ``>>``), so
    replacing "the file behind it" would destroy a file the caller only redirected to.

    >>> _descriptor("/dev/stdout"), _descriptor("/dev/fd/7"), _descriptor("plan.txt")
    (1, 7, None)
    """
    current = path
    for _ in range(_MAX_LINKS):
        absolute = os.path.normpath(os.path.abspath(current))
        if absolute in _STANDARD:
            return _STANDARD[absolute]
        match = _DESCRIPTOR.fullmatch(absolute)
        if match is not None:
            pid = match.group(2)
            if pid is None or int(pid) == os.getpid():
                return int(match.group(1) or match.group(3))
        try:
            link = os.readlink(absolute)
        except OSError:
            return None
        current = os.path.join(os.path.dirname(absolute), link)
    return None


def _read_only(status: os.stat_result, target: str) -> bool:
    """Whether the file may not be written: no permission, or no write bit for anyone (the
    mark of a read-only file even for a user whom permissions do not bind, such as root).

    >>> import os
    >>> _read_only(os.stat("/dev/null"), "/dev/null")
    False
    """
    return not (status.st_mode & 0o222) or not os.access(target, os.W_OK)


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes | str | Callable[[BinaryIO], None],
    *,
    force: bool = False,
) -> None:
    """Replace the file at ``path`` with ``data`` in one step: all of it or nothing.

    ``data`` is bytes, text (written as UTF-8) or a function that writes to the
    binary stream it is given. It goes to a temporary file next to the target
    (``.NAME.XXXXXXXX.tmp``), which is flushed to disk and then renamed over the
    target, so a reader sees the old file or the new one, never an empty or half
    written file. A target that exists keeps its permission bits; a new one gets
    the usual ``0o666`` less the umask. A symbolic link is followed (the file it
    points to is replaced, the link stays).

    What is not a regular file is written to, never replaced: a device or a named pipe
    is opened and written, and a name of one of the process's open descriptors
    (``/dev/stdout``, ``/dev/stderr``, ``/dev/fd/N``, ``/proc/self/fd/N``, or a link to
    one) is written through that descriptor, at its position, so that ``-o /dev/stdout
    >> log.md`` appends to ``log.md`` as the shell asked instead of replacing it.

    A read-only file (no write permission, or no write bit for anyone) is refused with a
    :class:`FileError` and left as it was, as ``cp`` does, unless ``force=True``.

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
    csto_program.errors.FileError: .../missing/plan.txt: cannot write the file: its directory ...
    >>> folder.cleanup()
    """
    if not isinstance(force, bool):
        raise TypeError(f"force must be a bool, not {type(force).__name__}")
    given = _name(path, _CANNOT_WRITE)
    content = data.encode("utf-8") if isinstance(data, str) else data
    descriptor = _descriptor(given)
    if descriptor is not None:
        _write_to_descriptor(given, descriptor, content)
        return
    target = os.path.realpath(given) if os.path.islink(given) else given
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    except OSError as exc:
        raise from_os_error(given, _CANNOT_WRITE, exc) from exc
    directory, name = os.path.split(target)
    if (status is not None and stat.S_ISDIR(status.st_mode)) or not name:
        raise FileError(given, f"{_CANNOT_WRITE}: it is a directory", errno=errno_codes.EISDIR)
    if status is not None and not stat.S_ISREG(status.st_mode):
        _write_in_place(given, target, content)
        return
    if status is not None and not force and _read_only(status, target):
        raise FileError(
            given,
            f"{_CANNOT_WRITE}: it is read-only; refusing to replace it unless forced",
            errno=errno_codes.EACCES,
        )
    mode = stat.S_IMODE(status.st_mode) if status is not None else 0o666 & ~_umask()
    directory = directory or os.curdir
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
    except FileNotFoundError as exc:
        raise FileError(
            given, f"{_CANNOT_WRITE}: its directory does not exist", errno=exc.errno
        ) from exc
    except OSError as exc:
        raise from_os_error(given, _CANNOT_WRITE, exc) from exc
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
            raise from_os_error(given, _CANNOT_WRITE, exc) from exc
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
        raise from_os_error(given, _CANNOT_WRITE, exc) from exc


def _write_to_descriptor(
    given: str, descriptor: int, content: bytes | Callable[[BinaryIO], None]
) -> None:
    """Write through an open descriptor of this process, at its position, every byte
    (a short write is continued), and leave it open.

    >>> import os
    >>> read, write = os.pipe()
    >>> _write_to_descriptor(f"/dev/fd/{write}", write, b"abc")
    >>> os.read(read, 10)
    b'abc'
    >>> os.close(read); os.close(write)
    """
    for stream in (sys.stdout, sys.stderr):  # what Python holds for it goes first
        with contextlib.suppress(Exception):
            if stream is not None and stream.fileno() == descriptor:
                stream.flush()
    try:
        with open(descriptor, "wb", closefd=False) as out:  # buffered: writes every byte
            _fill(out, content)
    except OSError as exc:
        if isinstance(exc, CstoProgramError):
            raise
        raise from_os_error(given, _CANNOT_WRITE, exc) from exc


_CANNOT_WRITE_FOLDER: Final = "cannot write the folder"


def write_folder(
    path: str | os.PathLike[str],
    files: Mapping[str, bytes],
    *,
    may_replace: Callable[[str], None],
    action: str = _CANNOT_WRITE_FOLDER,
) -> None:
    """Replace the folder at ``path`` with a new one holding ``files`` (name: bytes), in one
    step: all of it or nothing.

    The folder is built next to ``path`` (``.NAME.XXXXXXXX.tmp``), every file flushed to
    disk, and renamed into place when complete, so that a failure leaves what was at
    ``path`` as it was and no reader sees a half-written folder. A symbolic link to a folder
    is followed, with or without a trailing ``/`` (the folder it points to is replaced, the
    link stays). An existing folder that is not empty is replaced only when ``may_replace``
    (called with its path) returns; it raises a :class:`FileError` to refuse. The old
    folder is renamed aside (``.NAME.XXXXXXXX.old``), checked again by ``may_replace`` (a
    file added meanwhile stays the user's), the new one renamed into place and the old one
    removed, so there is an instant without a folder at ``path``, never a partial one (a
    crash in that instant leaves the old folder aside). The current folder and the folders
    that hold it are refused: replacing them would leave the process, and the shell that
    started it, in a deleted folder. ``action`` starts the reason of every
    :class:`FileError`.

    >>> import os, tempfile
    >>> def never(folder):
    ...     raise FileError(folder, "it holds someone else's files")
    >>> with tempfile.TemporaryDirectory() as parent:
    ...     target = os.path.join(parent, "tables")
    ...     write_folder(target, {"a.csv": b"x\\r\\n"}, may_replace=never)  # a new folder
    ...     write_folder(target, {"b.csv": b"y\\r\\n"}, may_replace=lambda folder: None)
    ...     sorted(os.listdir(target))
    ['b.csv']
    """
    given = _name(path, action)
    target = os.path.abspath(os.path.realpath(given) if _is_link(given) else given)
    existing = _existing_folder(given, target, action)
    here = _current_folder()
    if here is not None and (here == target or here.startswith(target.rstrip(os.sep) + os.sep)):
        raise FileError(
            given,
            f"{action}: it is the current folder or holds it; refusing to replace it "
            "(write from another folder, or to a new folder)",
        )
    if existing and os.listdir(target):
        _checked(given, may_replace, target)
    parent, name = os.path.split(target)
    try:
        temporary = tempfile.mkdtemp(dir=parent, prefix=f".{name}.", suffix=".tmp")
    except FileNotFoundError as exc:
        raise FileError(
            given, f"{action}: its parent folder does not exist", errno=exc.errno
        ) from exc
    except OSError as exc:
        raise from_os_error(given, action, exc) from exc
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode) if existing else 0o777 & ~_umask()
        os.chmod(temporary, mode)
        for file_name, data in files.items():
            write_new_file(os.path.join(temporary, file_name), data)
        _sync_directory(temporary)
        _install(temporary, target, existing, lambda aside: _checked(given, may_replace, aside))
    except BaseException as exc:
        shutil.rmtree(temporary, ignore_errors=True)
        if isinstance(exc, OSError) and not isinstance(exc, CstoProgramError):
            raise from_os_error(given, action, exc) from exc
        raise
    _sync_directory(parent)


def _checked(given: str, may_replace: Callable[[str], None], folder: str) -> None:
    """Call ``may_replace(folder)``; a :class:`FileError` it raises names ``given``."""
    try:
        may_replace(folder)
    except FileError as exc:
        raise FileError(given, exc.reason, errno=exc.errno) from None


def _is_link(path: str) -> bool:
    """Whether ``path`` names a symbolic link, a trailing ``/`` ignored.

    >>> _is_link("/dev/stdout/"), _is_link("/")
    (True, False)
    """
    stripped = path.rstrip("/" + os.sep) or path
    return os.path.islink(stripped)


def _current_folder() -> str | None:
    """The process's current folder, resolved; ``None`` if it has gone.

    >>> _current_folder() == os.path.realpath(os.getcwd())
    True
    """
    try:
        return os.path.realpath(os.getcwd())
    except OSError:  # pragma: no cover - the folder was removed under the process
        return None


def _existing_folder(given: str, target: str, action: str) -> bool:
    """Whether a folder exists at ``target``; a :class:`FileError` if something else does.

    >>> _existing_folder("/", "/", "cannot write"), _existing_folder("x", "/no/such", "")
    (True, False)
    """
    try:
        status = os.stat(target)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise from_os_error(given, action, exc) from exc
    if not stat.S_ISDIR(status.st_mode):
        raise FileError(given, f"{action}: it exists and is not a folder")
    return True


def write_new_file(path: str, data: bytes) -> None:
    """Create the file ``path`` (it must not exist) with ``data``, flushed to disk.

    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_new_file(os.path.join(folder, "a.csv"), b"x")
    ...     os.listdir(folder)
    ['a.csv']
    """
    with open(path, "xb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def _install(
    temporary: str, target: str, existing: bool, may_replace: Callable[[str], None]
) -> None:
    """Rename the finished ``temporary`` folder to ``target``, the old one out of the way
    first; on failure the old one is put back."""
    if not existing:
        os.rename(temporary, target)  # fails if a folder with files appeared meanwhile
        return
    parent = os.path.dirname(temporary)
    import secrets  # only here: it imports hashlib, which reading never needs

    aside = os.path.join(parent, f".{os.path.basename(target)}.{secrets.token_hex(4)}.old")
    os.rename(target, aside)
    try:
        if os.listdir(aside):
            may_replace(aside)  # files added since the first check stay the user's
        os.rename(temporary, target)
    except BaseException:
        os.rename(aside, target)
        raise
    shutil.rmtree(aside, ignore_errors=True)


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
            raise from_os_error(label, "cannot read", exc) from exc
    given = _name(source, _CANNOT_READ)
    try:
        with open(given, "rb") as stream:
            return _read_stream(stream, max_bytes, label)
    except OSError as exc:
        raise from_os_error(given, _CANNOT_READ, exc) from exc


def _name(path: str | os.PathLike[str], action: str) -> str:
    """The path as a string; a NUL character, which no file name can hold, is a FileError.

    >>> _name("plan" + chr(0) + ".json", "cannot read")
    Traceback (most recent call last):
    ...
    csto_program.errors.FileError: plan\\x00.json: cannot read: the name holds a NUL character
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
