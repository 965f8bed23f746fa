"""Data safety: what a hostile record, a broken output, an endless or huge input, a
resource limit or a wrong-typed call does to the command line and the library.

Each test is a regression test that fails if the protection it checks is lost:

* a record full of terminal escapes and bidirectional overrides never reaches the
  terminal raw, from any command, on standard output or standard error;
* unreadable files, odd encodings, a full disk, a closed pipe or a closed stream end
  with one clear line and a status, never a traceback;
* endless input (``/dev/zero``), a million wrong items and 100 KB arguments cost bounded
  time and memory and are echoed shortened;
* ``ulimit -f`` never truncates an existing file;
* random bad arguments and documents always end with status 0, 1 or 2;
* the library's public functions raise only ``TypeError`` or a ``CstoProgramError`` for
  wrong-typed arguments.
"""

from __future__ import annotations

import collections
import copy
import datetime
import inspect
import io
import json
import math
import os
import re
import resource
import subprocess
import sys
import textwrap
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import csto_program
from csto_program import (
    CstoProgramError,
    DataError,
    Meeting,
    MeetingKind,
    PartialDate,
    Person,
    Place,
    Program,
    Progress,
    ProgressReport,
    Source,
    Statement,
    StatementKind,
    export,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from csto_program._terminal import escape
from csto_program.cli import main
from csto_program.datasets import dataset_text, starter_program, tajik_afghan_border

DAY = "2026-01-29"
MiB = 1024 * 1024

# Everything a record can hide in a string to take over a terminal: clear the screen, set
# the window title (OSC ... BEL), reverse or isolate the text around it, break the line,
# return the cursor, a C1 CSI, DEL, NUL and the line separator.
EVIL = "A\x1b[2J\x1b]0;title\x07B\u202eC\u2066D\nE\rF\x9bG\x7fH\x00I\u2028J\u200fK"
# Bidirectional embeddings, overrides and isolates, and their ends: what reorders text.
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def raw_controls(text: str) -> list[str]:
    """The characters of ``text`` a terminal acts on or that reorder the text around them:
    C0 (but the newline), DEL, C1, bidirectional overrides and isolates, line and
    paragraph separators."""
    return sorted(
        {
            f"U+{ord(char):04X}"
            for char in text
            if (ord(char) < 0x20 and char != "\n")
            or 0x7F <= ord(char) <= 0x9F
            or char in BIDI
            or unicodedata.category(char) in ("Zl", "Zp")
        }
    )


def hidden(text: str) -> list[str]:
    """Every character the command line's own escaping rule hides (a stricter test than
    :func:`raw_controls`: format characters such as U+200F RIGHT-TO-LEFT MARK too)."""
    return sorted(
        {
            f"U+{ord(char):04X}"
            for char in text
            if char != "\n" and escape(char) != char and char != "\\"
        }
    )


class Result(NamedTuple):
    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """``cli(*args, stdin=...)``: ``main(args)`` with stdout and stderr captured."""

    def invoke(*args: object, stdin: bytes | None = None) -> Result:
        capsys.readouterr()
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), "utf-8"))
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


def assert_clean_errors(result: Result, *, lines: int | None = None) -> list[str]:
    """Standard error holds only ``error:`` lines, none a traceback or a bug report."""
    found = result.err.splitlines()
    assert "Traceback" not in result.err
    assert "please report" not in result.err
    assert all(line.startswith("error: ") for line in found), found
    if lines is not None:
        assert len(found) == lines, found
    return found


# --------------------------------------------------------------------------- hostile record


def hostile_program() -> Program:
    """The embedded record with ``EVIL`` in every kind of text the commands print."""
    program = tajik_afghan_border()
    plans = list(program.plans)
    stages = list(plans[-1].stages)
    stages[0] = attrs.evolve(stages[0], name="Stage " + EVIL, description=EVIL)
    plans[-1] = attrs.evolve(plans[-1], stages=tuple(stages), basis="Basis " + EVIL)
    program = attrs.evolve(program, title="Title " + EVIL, description=EVIL, plans=tuple(plans))
    return program.add(
        Source(
            id="evil-source",
            outlet="Outlet " + EVIL,
            published_on=PartialDate.parse("2025-06-01"),
            title=EVIL,
        ),
        Person(id="evil-person", name="Name " + EVIL, other_names=(EVIL,)),
        Meeting(
            id="evil-meeting",
            title="Meeting " + EVIL,
            kind=MeetingKind.TALKS,
            starts_on=PartialDate.parse("2025-06-01"),
            description=EVIL,
            sources=("evil-source",),
            place=Place(name="Place " + EVIL, country="TJ", timezone="Asia/Dushanbe"),
        ),
        Statement(
            id="evil-statement",
            speaker="evil-person",
            role="Role " + EVIL,
            said_on=PartialDate.parse("2025-06-02"),
            text="Text " + EVIL,
            kind=StatementKind.QUOTE,
            stages=(1, 2),
            sources=("evil-source",),
            meeting="evil-meeting",
            note=EVIL,
        ),
        ProgressReport(
            id="evil-report",
            stage=1,
            progress=Progress.IN_PROGRESS,
            reported_on=PartialDate.parse("2025-06-03"),
            note="Note " + EVIL,
            sources=("evil-source",),
        ),
    )


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile.json"
    path.write_text(to_json(hostile_program(), indent=True), encoding="utf-8")
    return path


def test_the_hostile_record_is_valid_and_holds_the_escapes(hostile_file: Path) -> None:
    program = from_json(hostile_file.read_bytes(), Program)
    assert program == hostile_program()
    assert EVIL in program.title and program.by_id["evil-statement"].text.endswith(EVIL)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--as-of", DAY],
        ["timeline", "--as-of", DAY, "--json"],
        ["timeline", "--as-of", DAY, "--speaker", "evil-person"],
        ["status", "--as-of", DAY],
        ["status", "--as-of", DAY, "--json"],
        ["plans"],
        ["plans", "--json"],
        ["validate"],
        ["export", "-f", "markdown", "--as-of", DAY],
        ["export", "-f", "mermaid", "--as-of", DAY],
    ],
    ids=lambda args: " ".join(a for a in args if a not in (DAY, "--as-of")),
)
def test_no_command_prints_a_raw_control_character(
    cli: Run, hostile_file: Path, args: list[str]
) -> None:
    result = cli(args[0], hostile_file, *args[1:])
    assert result.code == 0, result.err
    assert raw_controls(result.out) == []
    assert raw_controls(result.err) == []
    assert result.err == ""
    if args[0] != "export":  # the command line's own output: its own, stricter rule
        assert hidden(result.out) == []
    if args[0] != "validate":  # the record was printed, made harmless
        marker = {"status": "Stage A", "plans": "Basis A"} if "--json" in args else {}
        assert marker.get(args[0], "itle A") in result.out  # mermaid writes T as #84;
    if args[0] in ("timeline", "status") and "--json" not in args:
        assert "Title A\\x1b[2J\\x1b]0;title\\x07B\\u202eC\\u2066D\\nE\\rF\\x9bG" in result.out
    if "--json" in args:
        data = json.loads(result.out)  # the escapes are JSON's: the data is unchanged
        if args[0] == "timeline":
            titles = [event["title"] for event in data["events"]]
            assert "Meeting " + EVIL + " (Place " + EVIL + ", TJ)" in titles


def test_hostile_documents_and_arguments_on_standard_error(cli: Run, tmp_path: Path) -> None:
    data = to_dict(starter_program())
    data["statements"][0]["id"] = EVIL
    data[EVIL] = EVIL
    data["plans"][0]["stages"][0]["start"] = EVIL
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    evil_name = tmp_path / ("evil" + EVIL.replace("\x00", "") + ".json")
    for args in (
        ["validate", bad, evil_name],
        ["status", bad],
        ["status", "--as-of", EVIL],
        ["timeline", "--kind", EVIL],
        ["timeline", "--stage", EVIL],
        ["plan", "--start", "2025-01-01", "--months", EVIL],
        [EVIL],
        ["status", "--" + EVIL],
        ["export", "-f", EVIL],
        ["validate", tmp_path / "a\x00b.json"],
    ):
        result = cli(*args)
        assert result.code in (1, 2), args
        assert hidden(result.out + result.err) == [], args
        assert_clean_errors(result)
    result = cli("validate", bad, evil_name)
    assert "\\x1b[2J" in result.err and "\\u202e" in result.err
    # a file of that name is written as asked, silently
    result = cli("export", "-o", evil_name)
    assert (result.code, result.out, result.err) == (0, "", "")
    assert from_json(evil_name.read_bytes(), Program) == tajik_afghan_border()


# --------------------------------------------------------------------------- unreadable files


def test_unreadable_files_are_one_line(cli: Run, tmp_path: Path) -> None:
    folder = tmp_path / "not-a-package"
    folder.mkdir()
    (folder / "program.json").write_text("{}")
    for args, message in (
        (["status", folder], "cannot read the file: Is a directory"),
        (["timeline", tmp_path / "missing.json"], "cannot read the file: No such file"),
        (["plans", tmp_path / "missing" / "deeper.json"], "cannot read the file: No such file"),
        (["upgrade", tmp_path / "missing.json"], "cannot read the file: No such file"),
        (["export", "-f", "json", tmp_path / "missing.json"], "cannot read the file: No such"),
        (["status", "-"], "<stdin>: $: invalid JSON"),
    ):
        result = cli(*args, stdin=b"")
        assert result.code == 1, args
        [line] = assert_clean_errors(result, lines=1)
        assert message in line, line
        assert result.out == ""


def test_validate_goes_on_past_a_missing_file(cli: Run, tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(to_json(starter_program()))
    good2 = tmp_path / "good2.json"
    good2.write_text(to_json(tajik_afghan_border()))
    missing = tmp_path / "missing.json"
    result = cli("validate", good, missing, good2)
    assert result.code == 1
    assert result.out.splitlines() == [
        f"{good}: ok (1 plan, 3 stages, 1 meeting, 1 statement, 1 progress report)",
        f"{good2}: ok (3 plans, 3 stages, 17 meetings, 18 statements, 6 progress reports)",
    ]
    assert assert_clean_errors(result, lines=1) == [
        f"error: {missing}: cannot read the file: No such file or directory"
    ]


# --------------------------------------------------------------------------- broken outputs


def run_process(
    *args: str | Path,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    **kwargs: Any,
) -> subprocess.CompletedProcess[bytes]:
    """``python -m csto_program ARGS`` in a fresh interpreter."""
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "csto_program", *map(str, args)],
        env=environment,
        timeout=timeout,
        check=False,
        **kwargs,
    )


@pytest.fixture(scope="module")
def kazakh_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A record whose text latin-1 cannot show at all and cp1251 only in part (Қ, ҷ)."""
    program = attrs.evolve(starter_program(), title="Программа: Қазақстан – Тоҷикистон")
    path = tmp_path_factory.mktemp("kazakh") / "kazakh.json"
    path.write_text(to_json(program), encoding="utf-8")
    return path


@pytest.mark.parametrize("encoding", ["latin-1", "cp1251", "ascii"])
def test_narrow_output_encodings_replace_characters(
    kazakh_file: Path, tmp_path: Path, encoding: str
) -> None:
    for args in (
        ["status", kazakh_file, "--as-of", "2025-06-01"],
        ["timeline", kazakh_file, "--as-of", "2025-06-01"],
        ["status", "--help"],
    ):
        result = run_process(*args, env={"PYTHONIOENCODING": encoding})
        assert result.returncode == 0, result.stderr
        assert result.stderr == b""
        out = result.stdout.decode(encoding)  # nothing but that encoding was written
        if "--help" not in args:
            if encoding == "cp1251":
                assert "Программа: ?аза?стан – То?икистон" in out
            else:
                assert "?????????: ?????????" in out
    missing = tmp_path / "Қазақстан.json"
    result = run_process("validate", missing, env={"PYTHONIOENCODING": encoding})
    assert result.returncode == 1
    err = result.stderr.decode(encoding)
    assert "Traceback" not in err and "UnicodeEncodeError" not in err
    shown = "?аза?стан" if encoding == "cp1251" else "?????????"
    assert (
        err == f"error: {tmp_path}/{shown}.json: cannot read the file: No such file or directory\n"
    )


# One command for each way of writing: a table, JSON, an export's bytes, a document.
OUTPUT_COMMANDS = [
    ["timeline", "--as-of", DAY],
    ["status", "--as-of", DAY, "--json"],
    ["export", "-f", "json"],
    ["init"],
]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("args", [*OUTPUT_COMMANDS, ["--help"], ["--version"]], ids=" ".join)
def test_full_output_is_one_clear_line(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        result = run_process(*args, stdout=full)
    assert result.returncode == 1
    assert result.stderr == b"error: cannot write to standard output: No space left on device\n"


@pytest.mark.parametrize("args", [*OUTPUT_COMMANDS, ["--help"]], ids=" ".join)
def test_closed_pipe_is_no_traceback(args: list[str]) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # the reader went away before anything was written (`| head -0`)
    try:
        result = run_process(*args, stdout=writer)
    finally:
        os.close(writer)
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr and b"please report" not in result.stderr
    if args != ["--help"]:  # click ends a broken pipe of its own help silently
        assert result.stderr == b"error: cannot write to standard output: Broken pipe\n"


def test_closed_standard_streams() -> None:
    closed_out = run_process("status", "--as-of", DAY, stdout=None, preexec_fn=lambda: os.close(1))
    assert closed_out.returncode == 1
    assert closed_out.stderr == b"error: cannot write to standard output: it is closed\n"
    closed_in = run_process("validate", "-", preexec_fn=lambda: os.close(0))
    assert closed_in.returncode == 1
    assert closed_in.stderr == b"error: <stdin>: cannot read: standard input is closed\n"
    closed_err = run_process(
        "status", "--as-of", "bad", preexec_fn=lambda: os.close(2), stderr=None
    )
    assert closed_err.returncode == 2


# ------------------------------------------------------------------ endless and huge inputs


def measure(args: list[str], timeout: float) -> dict[str, Any]:
    """Run the command line in a child of a fresh interpreter; its exit status, standard
    error, wall time and peak resident memory (``ru_maxrss`` of that child alone)."""
    code = textwrap.dedent(
        """
        import json, resource, subprocess, sys, time
        start = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "csto_program", *sys.argv[1:]],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        seconds = time.monotonic() - start
        rss_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(json.dumps({"code": done.returncode, "seconds": seconds, "rss_mib": rss_kib / 1024,
                          "stderr": done.stderr.decode("utf-8", "replace")}))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, timeout=timeout, check=True
    )
    found: dict[str, Any] = json.loads(result.stdout)
    print(f"{' '.join(args)[:60]}: {found['seconds']:.2f} s, peak RSS {found['rss_mib']:.0f} MiB")
    return found


def test_endless_input_with_a_small_limit_ends_quickly(cli: Run) -> None:
    result = cli("validate", "/dev/zero", "--max-bytes", "1000000")  # it ends: it was bounded
    assert result.code == 1
    assert assert_clean_errors(result, lines=1) == [
        "error: /dev/zero: larger than 1000000 bytes (the limit; raise it with --max-bytes)"
    ]


def test_endless_input_with_the_default_limit_is_bounded() -> None:
    found = measure(["validate", "/dev/zero"], timeout=60)
    assert found["code"] == 1
    assert found["stderr"] == (
        "error: /dev/zero: larger than 268435456 bytes (the limit; raise it with --max-bytes)\n"
    )
    assert found["rss_mib"] < 600


@pytest.fixture(scope="module")
def million_wrong_items(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The embedded record with its statements replaced by a million integers (2 MB), and
    what ``validate`` of it did (run once for the tests below)."""
    data = json.loads(dataset_text())
    data["statements"] = [1] * 1_000_000
    path = tmp_path_factory.mktemp("million") / "million.json"
    path.write_text(json.dumps(data, separators=(",", ":")))
    assert 1.9 * MiB < path.stat().st_size < 2.1 * MiB
    return path, measure(["validate", str(path)], timeout=120)


def test_a_million_wrong_items_are_listed_shortly(
    million_wrong_items: tuple[Path, dict[str, Any]],
) -> None:
    path, found = million_wrong_items
    assert found["code"] == 1
    lines = found["stderr"].splitlines()
    assert len(lines) <= 101
    assert "Traceback" not in found["stderr"] and "please report" not in found["stderr"]
    listed = [line for line in lines if ": $.statements[" in line]
    assert listed[0] == f"error: {path}: $.statements[0]: expected an object, got integer 1"
    more = re.fullmatch(r"error: .*: and (\d+) more problems", lines[-1])
    assert more is not None, lines[-1]
    assert len(lines) - 1 + int(more.group(1)) >= 1_000_000


def test_a_million_wrong_items_cost_bounded_memory(
    million_wrong_items: tuple[Path, dict[str, Any]],
) -> None:
    _, found = million_wrong_items
    assert found["rss_mib"] < 300, f"peak RSS {found['rss_mib']:.0f} MiB"


@pytest.mark.parametrize(
    "where",
    [
        ("statements",),
        ("people",),
        ("other_names",),
        ("statements", 0, "sources"),
        ("plans", 0, "stages", 0, "tasks"),
    ],
    ids=lambda where: ".".join(map(str, where)),
)
def test_problems_past_the_first_hundred_are_counted(
    cli: Run, tmp_path: Path, where: tuple[Any, ...]
) -> None:
    data = to_dict(starter_program())
    node = data
    for part in where[:-1]:
        node = node[part]
    node[where[-1]] = [1] * 1000
    path = tmp_path / "wrong.json"
    path.write_text(json.dumps(data))
    result = cli("validate", path)
    assert result.code == 1
    lines = assert_clean_errors(result)
    assert len(lines) <= 101
    assert re.fullmatch(r"error: .*: and \d+ more problems", lines[-1]), lines[-1]
    assert len(lines) - 1 + int(lines[-1].split()[-3]) >= 1000


def test_huge_arguments_are_echoed_shortened(cli: Run, tmp_path: Path) -> None:
    long_name = "n" * 100_000
    for args, status in (
        (["status", "--as-of", "2" * 100_000], 2),
        (["status", "--known-on", "x" * 100_000], 2),
        (["timeline", "--kind", "k" * 100_000], 2),
        (["timeline", "--stage", "9" * 100_000], 2),
        (["plan", "--start", "2025-01-01", "--months", "1" * 100_000], 2),
        (["k" * 100_000], 2),
        (["status", "--" + "o" * 100_000], 2),
        (["status", long_name], 1),
        (["validate", long_name, long_name], 1),
        (["upgrade", long_name], 1),
        (["init", "-o", tmp_path / long_name], 1),
        (["export", "-f", "json", "-o", tmp_path / long_name], 1),
        (["export", "-f", "y" * 100_000], 2),
    ):
        result = cli(*args)
        assert result.code == status, (args[0], result.err[:300])
        lines = assert_clean_errors(result)
        assert lines
        assert all(len(line) < 3000 for line in lines), (args[0], max(map(len, lines)))
    result = cli("timeline", "--as-of", DAY, "--speaker", "s" * 100_000)
    assert result.code == 0


def test_a_50_mb_bad_id_is_echoed_shortened(cli: Run, tmp_path: Path) -> None:
    data = to_dict(starter_program())
    data["people"][0]["id"] = "X" * 50_000_000
    path = tmp_path / "big-id.json"
    path.write_text(json.dumps(data))
    result = cli("validate", path)
    assert result.code == 1
    lines = assert_clean_errors(result)
    assert any("$.people[0].id: 'XXXX" in line for line in lines)
    assert all(len(line) < 3000 for line in lines)


# --------------------------------------------------------------------------- ulimit -f


def has_matplotlib() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.parametrize("fmt", ["svg" if has_matplotlib() else "markdown", "json"])
def test_file_size_limit_leaves_an_existing_file_as_it_was(tmp_path: Path, fmt: str) -> None:
    existing = tmp_path / f"existing.{fmt}"
    original = b"the chart that was here before\n" * 10
    existing.write_bytes(original)

    def limit() -> None:  # `ulimit -f 4` in the child
        _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))

    result = run_process(
        "export", "-f", fmt, "-o", existing, "--as-of", DAY, preexec_fn=limit, timeout=120
    )
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.decode().splitlines() if line.startswith("error:")]
    assert errors == [f"error: {existing}: cannot write the file: File too large"]
    assert b"Traceback" not in result.stderr
    assert existing.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == [existing.name]  # no temporary file left


# --------------------------------------------------------------------------- random bad input


COMMANDS = [
    "timeline",
    "status",
    "plans",
    "plan",
    "validate",
    "schema",
    "export",
    "init",
    "upgrade",
    "frobnicate",
]
OPTIONS = [
    "--as-of",
    "--known-on",
    "--from",
    "--to",
    "--kind",
    "--stage",
    "--speaker",
    "--json",
    "--start",
    "--months",
    "--term-months",
    "--max-bytes",
    "--version",
    "-f",
    "--format",
    "-o",
    "--output",
    "--force",
    "-h",
    "-",
    "--",
    "-x",
    "--version",
]
VALUES = [
    "2026-01-29",
    "2025-02-30",
    "0001-01-01",
    "9999-12-31",
    "",
    "12,24,24",
    "6,0",
    "-1",
    "99999999999999999999",
    "statement",
    "stage",
    "json",
    "jsonl",
    "markdown",
    "mermaid",
    "ics",
    "pdf",
    "datapackage",
    "out.json",
    "out.md",
    "out.jsonl",
    "x",
    "0",
    "2",
    ".",
    "..",
    "1",
]
# no "/" in a random token: it never names a file outside the test's own folder
TOKENS = st.one_of(
    st.sampled_from(OPTIONS),
    st.sampled_from(VALUES),
    st.text(st.characters(exclude_characters="/", exclude_categories=["Cs"]), max_size=12),
)


def json_values() -> st.SearchStrategy[Any]:
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**30), 10**30),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=20),
        st.sampled_from(["2025-01-01", "2025-02-30", "2023", "tass", "KZ", "Asia/Almaty"]),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
        ),
        max_leaves=8,
    )


def every_path(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += every_path(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += every_path(value, (*path, index))
    return found


STARTER = to_dict(starter_program())
STARTER_PATHS = every_path(STARTER)


@st.composite
def bad_documents(draw: st.DrawFn) -> bytes:
    """A starter document with one value replaced, a key removed, or random bytes."""
    choice = draw(st.integers(0, 3))
    if choice == 0:
        return draw(st.binary(max_size=200))
    data = copy.deepcopy(STARTER)
    path = draw(st.sampled_from(STARTER_PATHS[1:]))
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if choice == 1 or not isinstance(parent, dict):
        parent[path[-1]] = draw(json_values())
    else:
        del parent[path[-1]]
    text = json.dumps(data)
    if choice == 3:
        cut = draw(st.integers(0, len(text)))
        text = text[:cut]
    return text.encode("utf-8", "surrogatepass")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    command=st.sampled_from(COMMANDS),
    args=st.lists(TOKENS, max_size=6),
    document=bad_documents(),
)
def test_random_bad_arguments_and_documents(
    cli: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    args: list[str],
    document: bytes,
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli(command, *args, stdin=document)
    assert result.code in (0, 1, 2), result
    assert "Traceback" not in result.err
    assert "please report" not in result.err, result.err
    assert hidden(result.err) == []


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    document=bad_documents(),
    command=st.sampled_from(["validate", "status", "timeline", "plans", "upgrade"]),
)
def test_random_bad_documents_on_stdin(cli: Run, command: str, document: bytes) -> None:
    result = cli(command, "-", stdin=document)
    assert result.code in (0, 1)
    assert_clean_errors(result)
    if result.code == 1:
        assert result.err.startswith("error: <stdin>: ")


# --------------------------------------------------------------------------- the library


WRONG: list[Any] = [
    None,
    0,
    -1,
    10**5000,
    1.5,
    math.nan,
    math.inf,
    True,
    b"{}",
    bytearray(b"{}"),
    [],
    {},
    (),
    object(),
    datetime.date(2026, 1, 29),
    datetime.datetime(2026, 1, 29),
    Program,
    collections.OrderedDict(),
    [1, 2],
    "\x00",
    "",
]


def public_functions() -> dict[str, Callable[..., Any]]:
    found = {
        name: getattr(csto_program, name)
        for name in csto_program.__all__
        if inspect.isfunction(getattr(csto_program, name))
    }
    found.update(
        {"render": export.render, "write": export.write, "choose_format": export.choose_format}
    )
    return found


def good_arguments(record: Program, folder: Path) -> dict[str, tuple[list[Any], dict[str, Any]]]:
    """Arguments each function accepts; every test replaces one of them."""
    day = datetime.date(2026, 1, 29)
    return {
        "diff_plans": ([record.plans[0], record.plans[1]], {}),
        "from_dict": ([to_dict(record), Program], {}),
        "from_json": ([to_json(record), Program], {}),
        "iter_jsonl": ([str(folder / "statements.jsonl"), Statement], {}),
        "json_schema": ([Program], {}),
        "plan_stages": (["2025-01-01"], {}),
        "to_dict": ([record], {}),
        "to_json": ([record], {}),
        "write_jsonl": ([record.statements, str(folder / "out.jsonl")], {}),
        "render": ([record, "json"], {"as_of": day}),
        "write": ([record, "json", str(folder / "out.json")], {"as_of": day}),
        "choose_format": (["json", "out.json"], {}),
    }


def call(function: Callable[..., Any], args: list[Any], kwargs: dict[str, Any]) -> Any:
    result = function(*args, **kwargs)
    if inspect.isgenerator(result) or hasattr(result, "__next__"):
        result = list(result)
    return result


def test_every_public_function_is_covered() -> None:
    assert set(public_functions()) == set(good_arguments(tajik_afghan_border(), Path(".")))


_BIG_CLS = (
    "serialize/_api.py _check_class formats cls with {cls!r}: ValueError for an int of 5000 digits"
)
_NUL_PATH = "ValueError('embedded null byte') escapes for a path holding NUL"
WRONG_TYPE_BUGS: dict[str, str] = {}  # none known


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(reason="src bug: " + WRONG_TYPE_BUGS[name]))
        if name in WRONG_TYPE_BUGS
        else name
        for name in sorted(public_functions())
    ],
)
def test_wrong_typed_arguments_raise_type_or_library_errors(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a bytes path such as b"{}" is a file name: write it here
    record = tajik_afghan_border()
    function = public_functions()[name]
    (tmp_path / "statements.jsonl").write_text(
        "".join(to_json(s) + "\n" for s in record.statements[:2]), encoding="utf-8"
    )
    args, kwargs = good_arguments(record, tmp_path)[name]
    call(function, args, kwargs)  # the good arguments work
    parameters = inspect.signature(function).parameters
    slots: list[tuple[int | str, str]] = [
        (i, p) for i, p in enumerate(list(parameters)[: len(args)])
    ]
    slots += [
        (key, key) for key in parameters if parameters[key].kind is inspect.Parameter.KEYWORD_ONLY
    ]
    wrong: list[str] = []
    for slot, label in slots:
        for value in WRONG:
            changed_args, changed_kwargs = list(args), dict(kwargs)
            if isinstance(slot, int):
                changed_args[slot] = value
            else:
                changed_kwargs[slot] = value
            try:
                call(function, changed_args, changed_kwargs)
            except (TypeError, CstoProgramError):
                continue
            except ValueError as exc:
                documented = (
                    name in ("render", "write", "choose_format")
                    and label == "format"
                    and (isinstance(value, str))
                )
                documented |= name == "choose_format" and value is None and label == "format"
                if documented:
                    continue
                wrong.append(
                    f"{label}={csto_program.errors.short_repr(value)}: "
                    f"{type(exc).__name__}: {str(exc)[:80]}"
                )
            except Exception as exc:  # every other kind is the finding
                wrong.append(
                    f"{label}={csto_program.errors.short_repr(value)}: "
                    f"{type(exc).__name__}: {str(exc)[:80]}"
                )
    assert wrong == [], f"{name}: " + "; ".join(wrong)


def test_from_dict_takes_an_ordered_dict() -> None:
    def ordered(node: Any) -> Any:
        if isinstance(node, dict):
            return collections.OrderedDict((key, ordered(value)) for key, value in node.items())
        if isinstance(node, list):
            return [ordered(value) for value in node]
        return node

    record = tajik_afghan_border()
    assert from_dict(ordered(to_dict(record)), Program) == record
    data = ordered(to_dict(record))
    data["plans"][0]["stages"][0]["number"] = "1"
    with pytest.raises(DataError) as caught:
        from_dict(data, Program)
    assert caught.value.problems[0][0] == "$.plans[0].stages[0].number"


def test_a_stamp_outside_the_years_is_a_data_error() -> None:
    record = tajik_afghan_border()
    five_east = datetime.timezone(datetime.timedelta(hours=5))
    for stamp in (
        datetime.datetime(1, 1, 1, tzinfo=five_east),
        datetime.datetime(9999, 12, 31, 23, tzinfo=datetime.timezone(-datetime.timedelta(hours=5))),
    ):
        for fmt in ("ics", "json"):
            with pytest.raises(DataError) as caught:
                export.render(record, fmt, as_of=datetime.date(2026, 1, 29), stamp=stamp)
            assert "outside the years 0001..9999" in str(caught.value)


@pytest.mark.parametrize(
    ("where", "path"),
    [
        (("plans", 0, "stages", 0, "number"), "$.plans[0].stages[0].number"),
        (("plans", 0, "term_months"), "$.plans[0].term_months"),
        (("reports", 0, "stage"), "$.reports[0].stage"),
        (("schema_version",), "$.schema_version"),
    ],
)
def test_integers_with_5000_digits(
    cli: Run, tmp_path: Path, where: tuple[Any, ...], path: str
) -> None:
    data = json.loads(dataset_text())
    node = data
    for part in where[:-1]:
        node = node[part]
    node[where[-1]] = 10**5000
    with pytest.raises(DataError) as by_dict:
        from_dict(data, Program)
    assert by_dict.value.problems[0][0] == path
    assert all(len(message) < 300 for _, message in by_dict.value.problems)
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        text = json.dumps(data)
    finally:
        sys.set_int_max_str_digits(old)
    for document in (text, text.encode()):
        with pytest.raises(DataError) as by_text:
            from_json(document, Program)
        assert all(len(message) < 300 for _, message in by_text.value.problems)
    file = tmp_path / "digits.json"
    file.write_text(text)
    result = cli("validate", file)
    assert result.code == 1
    assert all(len(line) < 400 for line in assert_clean_errors(result))


def test_a_300_character_time_zone_is_refused() -> None:
    for zone in ("A" * 300, "Asia/" + "x" * 295, "../../../../etc/passwd", "Asia/Almaty\x00"):
        with pytest.raises(DataError) as caught:
            Place(name="Almaty", country="KZ", timezone=zone)
        assert caught.value.problems[0][0] == "$.timezone"
        assert len(str(caught.value)) < 300
    data = json.loads(dataset_text())
    data["meetings"][0]["place"]["timezone"] = "A" * 300
    with pytest.raises(DataError) as caught:
        from_json(json.dumps(data), Program)
    assert caught.value.problems == (("$.meetings[0].place.timezone", caught.value.problems[0][1]),)
    assert "is not an IANA time zone" in caught.value.problems[0][1]


@pytest.mark.parametrize("country", ["XX", "ZZ", "EU", "UK", "kz", "KAZ", ""])
def test_country_codes_not_in_use_are_refused(country: str) -> None:
    with pytest.raises(DataError):
        Place(name="Somewhere", country=country, timezone="Asia/Almaty")
    data = json.loads(dataset_text())
    data["meetings"][0]["place"]["country"] = country
    with pytest.raises(DataError) as caught:
        from_json(json.dumps(data), Program)
    assert [path for path, _ in caught.value.problems] == ["$.meetings[0].place.country"]


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
)
def test_utf16_and_utf32_are_refused_clearly(encoding: str) -> None:
    with pytest.raises(DataError) as caught:
        from_json(dataset_text().encode(encoding), Program)
    [(path, message)] = caught.value.problems
    assert path == "$"
    assert "UTF-8" in message and ("UTF-16" in message or "UTF-32" in message)


def test_a_byte_order_mark_is_accepted() -> None:
    record = tajik_afghan_border()
    text = "\ufeff" + dataset_text()
    assert from_json(text, Program) == record
    assert from_json(text.encode("utf-8"), Program) == record
    assert from_json(bytearray(text.encode("utf-8")), Program) == record


def test_a_duplicate_key_deep_in_a_document_names_its_path() -> None:
    data = json.loads(dataset_text())
    data["plans"][2]["stages"][1]["description"] = "MARKER"
    text = json.dumps(data).replace(
        '"description": "MARKER"', '"description": "one", "description": "two"'
    )
    for document in (text, text.encode()):
        with pytest.raises(DataError) as caught:
            from_json(document, Program)
        [(path, message)] = caught.value.problems
        assert path == "$.plans[2].stages[1]"
        assert "duplicate key 'description'" in message
