"""Files: the atomic writer under failures and concurrent readers, the bounded reader."""

from __future__ import annotations

import errno
import inspect
import io
import os
import pickle
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csto_program import _files
from csto_program._files import MAX_DOCUMENT_BYTES, FileError, read_limited, write_atomic
from csto_program.errors import CstoProgramError, DataError
from support import run_unprivileged

MiB = 1024 * 1024


@pytest.fixture
def umask() -> Iterator[None]:
    """Restore the process's umask after a test that changes it."""
    old = os.umask(0o022)
    os.umask(old)
    try:
        yield
    finally:
        os.umask(old)


def run_python(code: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter of this environment."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


# --------------------------------------------------------------------------- write_atomic


def test_writes_bytes_text_as_utf8_and_callback_output(tmp_path: Path) -> None:
    target = tmp_path / "plan.txt"
    write_atomic(target, b"\x00\xffbytes")
    assert target.read_bytes() == b"\x00\xffbytes"
    write_atomic(str(target), "Қазақстан – Таджикистан\n")
    assert target.read_bytes() == "Қазақстан – Таджикистан\n".encode()

    def callback(stream: BinaryIO) -> None:
        stream.write(b"from a callback")

    write_atomic(target, callback)
    assert target.read_bytes() == b"from a callback"
    assert os.listdir(tmp_path) == ["plan.txt"]


def test_replaces_a_larger_file_completely(tmp_path: Path) -> None:
    target = tmp_path / "plan.txt"
    target.write_bytes(b"x" * 10_000)
    write_atomic(target, b"short")
    assert target.read_bytes() == b"short"


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644, 0o755, 0o444])
def test_keeps_the_permission_bits_of_an_existing_file(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "plan.txt"
    target.write_bytes(b"old")
    target.chmod(mode)
    write_atomic(target, b"new", force=mode == 0o444)  # a read-only file only when forced
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert target.read_bytes() == b"new"


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002, 0o077])
def test_a_new_file_honours_the_umask(tmp_path: Path, umask: None, mask: int) -> None:
    os.umask(mask)
    target = tmp_path / "plan.txt"
    write_atomic(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_umask_is_left_as_it_was(tmp_path: Path, umask: None) -> None:
    os.umask(0o037)
    write_atomic(tmp_path / "plan.txt", b"new")
    assert os.umask(0o037) == 0o037


class Stop(Exception):
    pass


@pytest.mark.parametrize("error", [Stop("stopped"), KeyboardInterrupt(), MemoryError()])
def test_a_failing_callback_leaves_the_target_and_no_temporary_file(
    tmp_path: Path, error: BaseException
) -> None:
    target = tmp_path / "plan.txt"
    target.write_bytes(b"old version")
    target.chmod(0o640)
    before = target.stat()

    def half_written(stream: BinaryIO) -> None:
        stream.write(b"new version, " * 10_000)
        raise error

    with pytest.raises(type(error)) as caught:
        write_atomic(target, half_written)
    assert caught.value is error
    assert target.read_bytes() == b"old version"
    after = target.stat()
    assert (after.st_ino, after.st_mode, after.st_mtime_ns) == (
        before.st_ino,
        before.st_mode,
        before.st_mtime_ns,
    )
    assert os.listdir(tmp_path) == ["plan.txt"]


def test_a_library_error_from_the_callback_is_raised_as_it_is(tmp_path: Path) -> None:
    target = tmp_path / "copy.json"

    def copy(stream: BinaryIO) -> None:
        stream.write(read_limited("missing.json", label="missing.json"))

    with pytest.raises(FileError) as caught:
        write_atomic(target, copy)
    assert caught.value.path == "missing.json"
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("failing", ["fsync", "replace", "chmod"])
def test_a_failing_system_call_is_a_file_error_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "plan.txt"
    target.write_bytes(b"old")

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, failing, no_space)
    with pytest.raises(FileError) as caught:
        write_atomic(target, b"new")
    monkeypatch.undo()
    assert caught.value.errno == errno.ENOSPC
    assert str(caught.value) == f"{target}: cannot write the file: No space left on device"
    assert isinstance(caught.value.__cause__, OSError)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["plan.txt"]


def test_a_temporary_file_that_cannot_be_made_is_a_file_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(FileError) as caught:
        write_atomic(tmp_path / "plan.txt", b"new")
    assert str(caught.value) == f"{tmp_path / 'plan.txt'}: cannot write the file: Permission denied"
    assert caught.value.errno == errno.EACCES


def test_the_umask_is_found_without_proc_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask: None
) -> None:
    def no_proc(*args: object, **kwargs: object) -> None:
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT))

    os.umask(0o027)
    monkeypatch.setattr(_files, "open", no_proc, raising=False)
    assert _files._umask() == 0o027
    monkeypatch.undo()
    assert os.umask(0o027) == 0o027


ULIMIT_WRITE = """
    import resource, signal, sys
    from csto_program._files import FileError, write_atomic

    # Python ignores SIGXFSZ from start-up; "default" restores the signal's default
    # action, which ends the process on the spot.
    assert signal.getsignal(signal.SIGXFSZ) == signal.SIG_IGN
    if sys.argv[2] == "default":
        signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))
    try:
        write_atomic(sys.argv[1], b"n" * 100_000)
    except FileError as exc:
        print(exc)
        sys.exit(3)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="no file size limit here")
def test_the_file_size_limit_leaves_the_target_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "plan.bin"
    old = os.urandom(20_000)
    target.write_bytes(old)
    done = run_python(ULIMIT_WRITE, str(target), "ignore")
    assert done.returncode == 3, done.stderr
    assert done.stdout == f"{target}: cannot write the file: File too large\n"
    assert done.stderr == ""
    assert target.read_bytes() == old
    assert os.listdir(tmp_path) == ["plan.bin"]


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="no file size limit here")
def test_killed_by_sigxfsz_the_target_is_still_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "plan.bin"
    old = os.urandom(20_000)
    target.write_bytes(old)
    done = run_python(ULIMIT_WRITE, str(target), "default")
    assert done.returncode == -signal.SIGXFSZ
    assert target.read_bytes() == old


def test_a_concurrent_reader_sees_only_complete_versions(tmp_path: Path) -> None:
    target = tmp_path / "plan.txt"
    versions = [f"version {i:03d}\n".encode() * (40 + 37 * i) for i in range(200)]
    write_atomic(target, versions[0])
    complete = set(versions)
    seen: list[bytes] = []
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            seen.append(target.read_bytes())

    reader = threading.Thread(target=poll)
    reader.start()
    try:
        for version in versions[1:]:
            write_atomic(target, version)
            time.sleep(0.0005)
    finally:
        done.set()
        reader.join()
    assert len(seen) > 100
    assert all(read in complete for read in seen), "a reader saw a partial file"
    assert target.read_bytes() == versions[-1]
    assert os.listdir(tmp_path) == ["plan.txt"]


def test_a_missing_directory_is_a_file_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileError) as caught:
        write_atomic("no-such-dir/plan.txt", b"x")
    assert caught.value.path == "no-such-dir/plan.txt"
    assert caught.value.errno == errno.ENOENT
    assert (
        str(caught.value)
        == "no-such-dir/plan.txt: cannot write the file: its directory does not exist"
    )
    assert isinstance(caught.value, CstoProgramError) and isinstance(caught.value, OSError)
    assert os.listdir(tmp_path) == []


def test_a_directory_as_target_is_a_file_error(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "keep.txt").write_bytes(b"keep")
    for name in (str(folder), f"{folder}/"):
        with pytest.raises(FileError) as caught:
            write_atomic(name, b"x")
        assert caught.value.errno == errno.EISDIR
        assert str(caught.value) == f"{name}: cannot write the file: it is a directory"
    assert os.listdir(folder) == ["keep.txt"]
    assert sorted(os.listdir(tmp_path)) == ["plans"]


def test_a_file_as_parent_is_a_file_error(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_bytes(b"keep")
    with pytest.raises(FileError) as caught:
        write_atomic(tmp_path / "plan.txt" / "inner", b"x")
    assert caught.value.errno == errno.ENOTDIR
    assert (tmp_path / "plan.txt").read_bytes() == b"keep"


def test_a_read_only_directory_is_a_file_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Run as an unprivileged user (root may write anywhere), from a folder others may search.
    tmp_path.chmod(0o755)
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "plan.txt").write_bytes(b"old")
    (folder / "plan.txt").chmod(0o644)
    folder.chmod(0o555)  # anyone may read and search it; nobody may write in it
    try:
        with pytest.raises(FileError) as caught:
            run_unprivileged(lambda: write_atomic(Path("locked") / "plan.txt", b"new"))
        assert caught.value.errno == errno.EACCES
    finally:
        folder.chmod(0o700)
    assert (folder / "plan.txt").read_bytes() == b"old"
    assert os.listdir(folder) == ["plan.txt"]


def test_a_symbolic_link_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    real.chmod(0o600)
    link = tmp_path / "link.txt"
    link.symlink_to("real.txt")
    write_atomic(link, b"new")
    assert link.is_symlink() and os.readlink(link) == "real.txt"
    assert real.read_bytes() == b"new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert sorted(os.listdir(tmp_path)) == ["link.txt", "real.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_written_to_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, b"through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert os.listdir(tmp_path) == ["pipe"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize(
    "error",
    [OSError(errno.ENOSPC, "No space left on device"), FileError("in.json", "cannot read")],
)
def test_a_failure_writing_to_a_named_pipe_is_a_file_error(tmp_path: Path, error: OSError) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = threading.Thread(target=fifo.read_bytes)
    reader.start()

    def failing(stream: BinaryIO) -> None:
        raise error

    with pytest.raises(FileError) as caught:
        write_atomic(fifo, failing)
    reader.join(timeout=10)
    if isinstance(error, FileError):
        assert caught.value is error
    else:
        assert str(caught.value) == f"{fifo}: cannot write the file: No space left on device"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_file_error_is_one_line_and_pickles() -> None:
    err = FileError("evil\n\x1b[2J.json", "cannot read the file: Is a directory", errno=21)
    assert str(err) == "evil\\n\\x1b[2J.json: cannot read the file: Is a directory"
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.path, copy.reason, copy.errno) == (err.path, err.reason, 21)
    assert str(copy) == str(err)


# --------------------------------------------------------------------------- read_limited


def test_the_default_limit_is_max_document_bytes() -> None:
    default = inspect.signature(read_limited).parameters["max_bytes"].default
    assert default == MAX_DOCUMENT_BYTES == 256 * MiB


class Trickle(io.RawIOBase):
    """A raw stream that returns at most ``step`` bytes per read, like a slow pipe."""

    def __init__(self, data: bytes, step: int) -> None:
        self._data = memoryview(data)
        self._step = step

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        count = min(len(buffer), self._step, len(self._data))
        buffer[:count] = self._data[:count]
        self._data = self._data[count:]
        return count


@given(size=st.integers(0, 3000), limit=st.integers(0, 3000), step=st.integers(1, 700))
def test_reads_everything_up_to_the_limit_and_nothing_past_it(
    size: int, limit: int, step: int
) -> None:
    data = bytes(i % 251 for i in range(size))
    stream = Trickle(data, step)
    if size <= limit:
        assert read_limited(stream, max_bytes=limit, label="<stdin>") == data  # type: ignore[arg-type]
    else:
        with pytest.raises(DataError) as caught:
            read_limited(stream, max_bytes=limit, label="<stdin>")  # type: ignore[arg-type]
        message = (
            f"<stdin>: larger than {limit} bytes (the limit; pass a larger max_bytes to read it)"
        )
        assert caught.value.problems == (("$", message),)


@pytest.mark.parametrize("size", [0, 1, 65_535, 65_536, 65_537, 200_000])
def test_reads_a_file_at_and_past_the_limit(tmp_path: Path, size: int) -> None:
    path = tmp_path / "program.json"
    data = os.urandom(size)
    path.write_bytes(data)
    assert read_limited(path, max_bytes=size, label="program.json") == data
    assert read_limited(str(path), label="program.json") == data
    if size:
        with pytest.raises(DataError, match=f"program.json: larger than {size - 1} bytes"):
            read_limited(path, max_bytes=size - 1, label="program.json")


def test_dev_zero_ends_with_a_data_error() -> None:
    # how quickly is checked by benchmarks/test_cost.py (make bench-check)
    with pytest.raises(DataError, match=r"^1 problem:\n  \$: /dev/zero: larger than 1048576 bytes"):
        read_limited("/dev/zero", max_bytes=MiB, label="/dev/zero")


PEAK_MEMORY = """
    import resource, sys
    from csto_program._files import read_limited
    from csto_program.errors import DataError

    resource.setrlimit(resource.RLIMIT_AS, (2048 * 1024 * 1024, resource.RLIM_INFINITY))
    limit = int(sys.argv[1])
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        read_limited(sys.stdin.buffer if sys.argv[2] == "-" else sys.argv[2],
                     max_bytes=limit, label=sys.argv[2])
    except DataError as exc:
        print(exc.problems[0][1])
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print((after - before) * 1024)
"""


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
@pytest.mark.parametrize("source", ["/dev/zero", "-"])
def test_memory_stays_bounded_on_an_endless_input(source: str) -> None:
    limit = 48 * MiB
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(PEAK_MEMORY), str(limit), source],
            stdin=zero,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    message, growth = done.stdout.splitlines()
    assert message.startswith(f"{source}: larger than {limit} bytes")
    assert int(growth) < limit + 64 * MiB


def test_reads_a_pipe_and_stops_an_endless_one() -> None:
    read_end, write_end = os.pipe()
    writer_error: list[BaseException] = []

    def write_forever() -> None:
        try:
            with open(write_end, "wb") as stream:
                while True:
                    stream.write(b"y" * 10_000)
        except BrokenPipeError:
            pass
        except BaseException as exc:  # pragma: no cover - reported below
            writer_error.append(exc)

    writer = threading.Thread(target=write_forever)
    writer.start()
    with open(read_end, "rb") as stream, pytest.raises(DataError, match="<pipe>: larger than"):
        read_limited(stream, max_bytes=100_000, label="<pipe>")
    writer.join(timeout=10)
    assert not writer.is_alive() and writer_error == []

    read_end, write_end = os.pipe()
    os.write(write_end, b'{"id": "p1"}')
    os.close(write_end)
    with open(read_end, "rb") as stream:
        assert read_limited(stream, label="<pipe>") == b'{"id": "p1"}'


def test_a_missing_file_is_a_file_error_naming_it_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileError) as caught:
        read_limited("data/program.json", label="ignored for files")
    assert str(caught.value) == "data/program.json: cannot read the file: No such file or directory"
    assert caught.value.path == "data/program.json"
    assert caught.value.errno == errno.ENOENT
    assert "\n" not in str(caught.value)


def test_a_directory_is_a_file_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    os.mkdir("plans")
    with pytest.raises(FileError) as caught:
        read_limited(Path("plans"), label="plans")
    assert str(caught.value) == "plans: cannot read the file: Is a directory"
    assert caught.value.errno == errno.EISDIR


def test_an_unreadable_file_is_a_file_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Run as an unprivileged user (root may read any file), from a folder others may search.
    tmp_path.chmod(0o755)
    monkeypatch.chdir(tmp_path)
    Path("secret.json").write_bytes(b"{}")
    Path("secret.json").chmod(0o000)
    with pytest.raises(FileError) as caught:
        run_unprivileged(lambda: read_limited("secret.json", label="secret.json"))
    assert str(caught.value) == "secret.json: cannot read the file: Permission denied"


class Failing(io.RawIOBase):
    """A stream whose reads fail like a disk that has gone bad."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        raise OSError(errno.EIO, os.strerror(errno.EIO))


def test_a_stream_that_fails_is_a_file_error_naming_the_label() -> None:
    with pytest.raises(FileError) as caught:
        read_limited(Failing(), label="<stdin>")  # type: ignore[arg-type]
    assert str(caught.value) == "<stdin>: cannot read: Input/output error"
    assert caught.value.errno == errno.EIO


def test_a_stream_is_not_closed() -> None:
    stream = io.BytesIO(b"abc")
    assert read_limited(stream, label="<stdin>") == b"abc"
    assert not stream.closed


def test_a_negative_limit_is_refused() -> None:
    with pytest.raises(ValueError, match="max_bytes must be at least 0"):
        read_limited(io.BytesIO(b""), max_bytes=-1, label="<stdin>")
