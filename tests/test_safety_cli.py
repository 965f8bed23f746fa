"""The command line never loses output or a user's file, and says so in one line when it
cannot help it: short writes, unreadable files (as an unprivileged user, never skipped),
outputs inside an input folder, a closed standard output, narrow terminals and encodings
that cannot write every character.

Permission tests run the command as uid and gid 65534 (``nobody``): directly when the tests
do not run as root, else under ``setpriv --reuid=65534 --regid=65534 --clear-groups``, or,
when that user cannot reach the Python interpreter (one installed in root's home), in a
forked process that drops the same privileges before it runs the command.
"""

from __future__ import annotations

import fcntl
import io
import json
import os
import shutil
import stat
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import csto_program.export as export_module
from csto_program import to_json
from csto_program.cli import main
from csto_program.datasets import starter_program, tajik_afghan_border
from support import NOBODY, drop_privileges

SRC = Path(__file__).resolve().parent.parent / "src"
DAY = "2026-01-29"
# Root is not bound by permissions: as root, the permission tests drop to uid 65534
# (setpriv, or a forked process); they are never skipped.
AS_ROOT = os.geteuid() == 0


class Result(NamedTuple):
    code: int
    out: str
    err: str

    def error_lines(self) -> list[str]:
        """Standard error: only ``error:`` lines, none a traceback or a bug report."""
        lines = self.err.splitlines()
        assert "Traceback" not in self.err and "please report" not in self.err, self.err
        assert all(line.startswith("error: ") for line in lines), lines
        return lines


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COV_", "COVERAGE"))}
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")])
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # past `ulimit -f`, a .pyc write would kill Python
    env.pop("PYTHONUNBUFFERED", None)
    env.pop("PYTHONIOENCODING", None)
    env.update(extra)
    return env


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "csto_program", *args]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Any:
    def invoke(*args: object) -> Result:
        capsys.readouterr()
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


# --------------------------------------------------------------------------- every byte or exit 1


@pytest.mark.parametrize("unbuffered", ["1", ""])
def test_a_short_write_past_the_file_size_limit_is_exit_1(tmp_path: Path, unbuffered: str) -> None:
    target = tmp_path / "out.json"
    script = 'ulimit -f 10 && exec "$@" > "$OUT"'
    env = environment(OUT=str(target), PYTHONUNBUFFERED=unbuffered)
    done = subprocess.run(
        ["sh", "-c", script, "sh", *command("export", "-f", "json", "--as-of", DAY)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    result = Result(done.returncode, done.stdout, done.stderr)
    assert result.code == 1, (result, target.stat().st_size)
    assert result.error_lines() == ["error: cannot write to standard output: File too large"]
    assert target.stat().st_size < len(to_json(tajik_afghan_border(), indent=True))


def _smallest_pipe(fd: int) -> int:
    """Shrink the pipe ``fd`` to what the system allows (a page on Linux); its capacity.

    The pipe is made small rather than the output large, so that the test does not depend on
    the size of the report.
    """
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None)
    if set_size is None:  # pragma: no cover - not Linux: the usual 64 KiB
        return 65536
    fcntl.fcntl(fd, set_size, 4096)
    return int(fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ))


def _queued(fd: int) -> int:
    """How many bytes wait in the pipe whose read end is ``fd``."""
    return struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]  # type: ignore[no-any-return]


@pytest.mark.parametrize("unbuffered", ["1", ""])
def test_a_full_non_blocking_pipe_is_waited_on(unbuffered: str) -> None:
    # known on a late day: the whole record, a report larger than a pipe holds
    args = command("export", "-f", "html", "--as-of", DAY, "--known-on", "2026-12-06")
    expected = subprocess.run(
        args, env=environment(), capture_output=True, timeout=120, check=True
    ).stdout
    read_end, write_end = os.pipe()
    capacity = _smallest_pipe(write_end)
    assert len(expected) > 4 * capacity  # the writer meets a full pipe, again and again
    flags = fcntl.fcntl(write_end, fcntl.F_GETFL)
    fcntl.fcntl(write_end, fcntl.F_SETFL, flags | os.O_NONBLOCK)
    with subprocess.Popen(
        args,
        env=environment(PYTHONUNBUFFERED=unbuffered),
        stdout=write_end,
        stderr=subprocess.PIPE,
    ) as process:
        os.close(write_end)
        deadline = time.monotonic() + 60  # let the writer fill the pipe first
        while _queued(read_end) < capacity and process.poll() is None:
            assert time.monotonic() < deadline, "the pipe never filled"
            time.sleep(0.005)
        chunks = []
        with os.fdopen(read_end, "rb") as reader:
            while chunk := reader.read(4096):
                chunks.append(chunk)
                time.sleep(0.001)
        err = process.stderr.read() if process.stderr else b""
        code = process.wait(timeout=120)
    assert (code, err) == (0, b"")
    assert b"".join(chunks) == expected


# --------------------------------------------------------------------------- a closed output


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["status", "--as-of", DAY]])
def test_a_closed_standard_output_is_exit_1(args: list[str]) -> None:
    done = subprocess.run(
        ["sh", "-c", 'exec "$@" >&-', "sh", *command(*args)],
        env=environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    result = Result(done.returncode, done.stdout, done.stderr)
    assert result.code == 1
    assert result.error_lines() == ["error: cannot write to standard output: it is closed"]


# --------------------------------------------------------------------------- narrow terminals


@pytest.mark.parametrize("width", ["1", "5", "39"])
def test_a_narrow_terminal_is_taken_as_40_columns(
    cli: Any, monkeypatch: pytest.MonkeyPatch, width: str
) -> None:
    monkeypatch.setenv("COLUMNS", width)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    result = cli("plan", "--start", "2025-01-01")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "Stage plan from 2025-01-01 (12, 24, 24 months; term 60 mo…"[:39] + "…"
    assert all(len(line) <= 40 for line in lines)
    assert lines[3].startswith("1      Stage 1  2025-01-01  2026-01-01")


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("args", [["plans", "--json"], ["status", "--json", "--as-of", DAY]])
@pytest.mark.parametrize("encoding", ["latin-1", "ascii", "cp1251"])
def test_json_output_is_lossless_in_any_encoding(args: list[str], encoding: str) -> None:
    wanted = subprocess.run(
        command(*args), env=environment(), capture_output=True, timeout=120, check=True
    )
    done = subprocess.run(
        command(*args),
        env=environment(PYTHONIOENCODING=encoding),
        capture_output=True,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    text = done.stdout.decode(encoding)  # the stream's own encoding, every byte of it
    assert "?" not in text.replace('"?', "")  # no character replaced
    assert json.loads(text) == json.loads(wanted.stdout.decode("utf-8"))
    if encoding == "latin-1" and args[0] == "plans":
        assert "\\u2013" in text  # the en dash, which latin-1 cannot write


# --------------------------------------------------------------------------- outputs and inputs


@pytest.fixture
def package(tmp_path: Path, cli: Any) -> Path:
    folder = tmp_path / "ip2"
    assert cli("export", "-f", "datapackage", "-o", folder, "--as-of", DAY).code == 0
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("name", ["statements.csv", "new.md", "sub/new.md", "."])
def test_an_output_inside_an_input_folder_is_refused(
    cli: Any, package: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(package)
    target = package / name
    result = cli("export", package, "-f", "markdown", "-o", target, "--as-of", DAY)
    assert result.code == 2
    [line] = result.error_lines()
    assert line.startswith(f"error: {target} is ")
    assert line.endswith("; give --force to write there") or "also an input" in line
    assert snapshot(package) == before
    monkeypatch.chdir(package)  # a relative name, and a link into the folder
    assert cli("export", ".", "-f", "markdown", "-o", "people.csv", "--as-of", DAY).code == 2
    link = package.parent / "link"
    link.symlink_to(package, target_is_directory=True)
    assert cli("export", package, "-f", "markdown", "-o", link / "x.md", "--as-of", DAY).code == 2
    assert snapshot(package) == before


def test_an_output_inside_an_input_folder_with_force(cli: Any, package: Path) -> None:
    target = package / "notes.md"
    result = cli("export", package, "-f", "markdown", "-o", target, "--force", "--as-of", DAY)
    assert (result.code, result.err) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("# ")


def test_an_output_beside_an_input_folder_is_fine(cli: Any, package: Path) -> None:
    target = package.parent / "ip2.md"  # a name that starts like the folder's
    result = cli("export", package, "-f", "markdown", "-o", target, "--as-of", DAY)
    assert (result.code, result.err) == (0, "")


def test_a_suffix_of_no_format_is_a_usage_error(cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "chart.pdf"
    result = cli("export", "-f", "json", "-o", target, "--as-of", DAY)
    assert result.code == 2
    [line] = result.error_lines()
    assert line.endswith("; give --force to write it anyway"), line  # the CLI's word
    assert "force=" not in line
    assert not target.exists()


@pytest.mark.parametrize(
    ("args", "forcible"),
    [
        (["-f", "png", "-o", "chart.svg"], True),  # the suffix of another format
        (["-f", "nope", "-o", "chart.svg"], False),  # an unknown format: --force cannot help
        (["-o", "chart.pdf"], False),  # no format at all
    ],
)
def test_a_format_problem_names_force_only_when_it_helps(
    cli: Any, tmp_path: Path, args: list[str], forcible: bool
) -> None:
    args = [str(tmp_path / a) if a.startswith("chart.") else a for a in args]
    result = cli("export", *args, "--as-of", DAY)
    assert result.code == 2
    [line] = result.error_lines()
    assert ("--force" in line) is forcible, line
    assert "force=" not in line
    assert not any(tmp_path.iterdir())


def test_force_writes_a_suffix_of_another_format(cli: Any, tmp_path: Path) -> None:
    for name, fmt in (("record.pdf", "json"), ("record.md", "json")):
        target = tmp_path / name
        result = cli("export", "-f", fmt, "-o", target, "--force", "--as-of", DAY)
        assert (result.code, result.err) == (0, "")
        assert json.loads(target.read_text(encoding="utf-8"))["id"] == "tajik-afghan-border"


def test_force_reaches_the_writer_of_a_folder(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []

    def write(program: object, name: str, path: object, **kwargs: Any) -> None:
        calls.append({"name": name, "path": path, **kwargs})

    def write_with_force(
        program: object, name: str, path: object, *, force: bool = False, **kwargs: Any
    ) -> None:
        write(program, name, path, force=force, **kwargs)

    monkeypatch.setattr(export_module, "write", write_with_force)
    folder = tmp_path / "pkg"
    assert cli("export", "-f", "datapackage", "-o", folder, "--as-of", DAY).code == 0
    assert cli("export", "-f", "datapackage", "-o", folder, "--force", "--as-of", DAY).code == 0
    assert [c["force"] for c in calls] == [False, True]


def test_max_bytes_applies_to_a_package_folder(cli: Any, package: Path) -> None:
    assert cli("validate", package).code == 0
    largest = max(p.stat().st_size for p in package.iterdir())
    result = cli("validate", package, "--max-bytes", largest - 1)
    assert result.code == 1
    assert result.error_lines()
    assert cli("validate", package, "--max-bytes", largest).code in (0, 1)


# --------------------------------------------------------------------------- unreadable files


def _reachable_by_nobody(path: str) -> bool:
    """Whether uid 65534 can run ``path``: every folder on the way searchable by others."""
    real = Path(os.path.realpath(path))
    for folder in real.parents:
        if not os.stat(folder).st_mode & stat.S_IXOTH:
            return False
    return bool(os.stat(real).st_mode & stat.S_IXOTH)


def _forked(args: Sequence[str], cwd: Path) -> Result:
    """``main(args)`` in a forked process that runs as uid and gid 65534."""
    with io.StringIO() as sink:  # a first run as root imports every module the command needs
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = sink
        try:
            main(list(args))
        finally:
            sys.stdout, sys.stderr = saved
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child; coverage does not follow it
            code = 99
            try:
                drop_privileges()
                os.chdir(cwd)
                os.dup2(out.fileno(), 1)
                os.dup2(err.fileno(), 2)
                sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                code = main(list(args))
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        out.seek(0)
        err.seek(0)
        return Result(
            os.waitstatus_to_exitcode(status),
            out.read().decode("utf-8"),
            err.read().decode("utf-8"),
        )


def run_unprivileged(args: Sequence[str], cwd: Path) -> Result:
    """The command line run by an unprivileged user, whoever runs the tests."""
    if not AS_ROOT:  # pragma: no cover - the tests run as root here
        done = subprocess.run(
            command(*args), cwd=cwd, env=environment(), capture_output=True, text=True
        )
        return Result(done.returncode, done.stdout, done.stderr)
    if shutil.which("setpriv") and _reachable_by_nobody(sys.executable):  # pragma: no cover
        done = subprocess.run(
            [
                "setpriv",
                f"--reuid={NOBODY}",
                f"--regid={NOBODY}",
                "--clear-groups",
                *command(*args),
            ],
            cwd=cwd,
            env=environment(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        return Result(done.returncode, done.stdout, done.stderr)
    return _forked(args, cwd)


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder any user can read (pytest's own temporary folders are root's only)."""
    folder = Path(tempfile.mkdtemp(prefix="csto-cli-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def _files(folder: Path) -> tuple[Path, Path, Path]:
    good = folder / "good.json"
    good.write_text(to_json(starter_program()), encoding="utf-8")
    good.chmod(0o644)
    locked = folder / "locked.json"
    locked.write_text(to_json(starter_program()), encoding="utf-8")
    locked.chmod(0)
    other = folder / "other.json"
    other.write_text(to_json(tajik_afghan_border()), encoding="utf-8")
    other.chmod(0o644)
    return good, locked, other


def test_an_unreadable_file_is_exit_1_and_validate_goes_on(shared: Path) -> None:
    good, locked, other = _files(shared)
    result = run_unprivileged(["validate", str(good), str(locked), str(other)], shared)
    assert result.code == 1, result
    assert result.error_lines() == [f"error: {locked}: cannot read the file: Permission denied"]
    assert result.out.splitlines() == [
        f"{good}: ok (1 plan, 3 stages, 1 meeting, 1 statement, 1 progress report)",
        f"{other}: ok (3 plans, 3 stages, 17 meetings, 18 statements, 6 progress reports)",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--as-of", DAY],
        ["timeline", "--as-of", DAY],
        ["plans"],
        ["upgrade"],
        ["export", "-f", "json", "--as-of", DAY],
    ],
)
def test_an_unreadable_file_is_one_line(shared: Path, args: list[str]) -> None:
    _, locked, _ = _files(shared)
    result = run_unprivileged([args[0], str(locked), *args[1:]], shared)
    assert (result.code, result.out) == (1, "")
    assert result.error_lines() == [f"error: {locked}: cannot read the file: Permission denied"]


def test_an_unreadable_output_is_no_usage_error(shared: Path) -> None:
    good, _, _ = _files(shared)
    writable = shared / "writable"
    writable.mkdir()
    writable.chmod(0o777)  # the atomic writer makes its temporary file beside the target
    target = writable / "out.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o222)  # others may write it, not read it
    result = run_unprivileged(["upgrade", str(good), "-o", str(target)], shared)
    assert (result.code, result.err) == (0, "")
