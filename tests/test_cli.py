"""The ``csto-program`` command line: in-process through ``main(argv)``, plus a few real
subprocess runs of the installed console script."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import attrs
import jsonschema
import pendulum
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from csto_program import (
    DataError,
    Meeting,
    MeetingKind,
    PartialDate,
    Person,
    Place,
    Program,
    ScheduleError,
    Source,
    Statement,
    StatementKind,
    json_schema,
    plan_stages,
    to_dict,
    to_json,
)
from csto_program import cli as cli_module
from csto_program.cli import EXPORT_FORMATS, main
from csto_program.strategies import iso_dates, programs

BIN = Path(sys.executable).parent
SCRIPT = BIN / "csto-program"


class Run(NamedTuple):
    code: int
    out: str
    err: str
    raw: bytes


def run(args: Sequence[str], input: bytes | str | None = None) -> Run:
    """``main(args)`` with stdin, stdout and stderr captured (safe inside hypothesis)."""
    with CliRunner().isolation(input=input) as streams:
        code = main(list(args))
        sys.stdout.flush()
        sys.stderr.flush()
        raw = streams[0].getvalue()
        err = streams[1].getvalue().decode()
    return Run(code, raw.decode(errors="replace"), err, raw)


def error_lines(result: Run) -> list[str]:
    lines = result.err.splitlines()
    assert lines, "expected errors on stderr"
    assert all(line.startswith("error: ") for line in lines), lines
    assert "Traceback" not in result.err
    return lines


# --------------------------------------------------------------------------- fixtures


def sample_program(**changes: Any) -> Program:
    """A small record: people, sources relayed by others, meetings, statements."""
    stages = list(plan_stages(datetime.date(2025, 1, 1)))
    stages[0] = attrs.evolve(stages[0], name="Preparation")
    values: dict[str, Any] = {
        "id": "sample",
        "title": "Sample border program",
        "adopted_on": datetime.date(2024, 11, 28),
        "starts_on": datetime.date(2025, 1, 1),
        "stages": tuple(stages),
        "people": (
            Person(id="masadykov", name="Talatbek Masadykov"),
            Person(id="rahmon", name="Emomali Rahmon"),
        ),
        "sources": (
            Source(id="khovar", outlet="Khovar"),
            Source(id="tass", outlet="TASS", via=("khovar",)),
            Source(id="asia-plus", outlet="Asia-Plus"),
        ),
        "meetings": (
            Meeting(
                id="astana",
                title="Collective Security Council session",
                kind=MeetingKind.COUNCIL_SESSION,
                starts_on=PartialDate.parse("2024-11-28"),
                place=Place(name="Astana", country="KZ", timezone="Asia/Almaty"),
            ),
            Meeting(
                id="minsk",
                title="Ministerial meeting",
                kind=MeetingKind.MINISTERIAL_MEETING,
                starts_on=PartialDate.parse("2023-12-20"),
                ends_on=PartialDate.parse("2023-12-21"),
                place=Place(name="Minsk", country="BY", timezone="Europe/Minsk"),
            ),
            Meeting(
                id="talks-2023",
                title="Talks on the border",
                kind=MeetingKind.TALKS,
                starts_on=PartialDate.parse("2023"),
            ),
        ),
        "statements": (
            Statement(
                id="masadykov-2026-01-29",
                speaker="masadykov",
                role="CSTO Secretary-General",
                said_on=PartialDate.parse("2026-01-29"),
                text="The CSTO is assisting in the implementation of the first stage.",
                kind=StatementKind.PARAPHRASE,
                stages=(1,),
                sources=("tass",),
            ),
            Statement(
                id="rahmon-2025-06",
                speaker="rahmon",
                role="President of Tajikistan",
                said_on=PartialDate.parse("2025-06"),
                text="We count on the program. " * 10,
                kind=StatementKind.QUOTE,
                stages=(1, 2),
                sources=("asia-plus", "khovar"),
            ),
            Statement(
                id="rahmon-2024",
                speaker="rahmon",
                role="President of Tajikistan",
                said_on=PartialDate.parse("2024-11-28"),
                text="The border must be strengthened.",
                kind=StatementKind.QUOTE,
                meeting="astana",
            ),
        ),
    }
    values.update(changes)
    return Program(**values)


@pytest.fixture
def program_file(tmp_path: Path) -> Path:
    path = tmp_path / "program.json"
    path.write_text(to_json(sample_program(), indent=True), encoding="utf-8")
    return path


@pytest.fixture
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> pendulum.Date:
    today = pendulum.Date(2026, 11, 29)
    monkeypatch.setattr(cli_module, "_today", lambda: today)
    return today


# --------------------------------------------------------------------------- plan


def test_plan_table() -> None:
    result = run(["plan", "--start", "2024-11-28"])
    assert result.code == 0, result.err
    assert result.err == ""
    assert result.out.splitlines() == [
        "Stage plan from 2024-11-28 (12, 24, 24 months; term 60 months)",
        "",
        "STAGE  NAME     START       END         LAST DAY    MONTHS",
        "1      Stage 1  2024-11-28  2025-11-28  2025-11-27  12",
        "2      Stage 2  2025-11-28  2027-11-28  2027-11-27  24",
        "3      Stage 3  2027-11-28  2029-11-28  2029-11-27  24",
        "Windows are [START, END): END is the first day after a stage, LAST DAY its deadline.",
    ]


def test_plan_json_month_end() -> None:
    args = ["--start", "2024-01-31", "--months", " 12, 13 ,35", "--term-months", "60"]
    result = run(["plan", *args, "--json"])
    assert result.code == 0, result.err
    assert json.loads(result.out) == {
        "stages": [
            {
                "number": 1,
                "name": "Stage 1",
                "start": "2024-01-31",
                "end": "2025-01-31",
                "last_day": "2025-01-30",
            },
            {
                "number": 2,
                "name": "Stage 2",
                "start": "2025-01-31",
                "end": "2026-02-28",
                "last_day": "2026-02-27",
            },
            {
                "number": 3,
                "name": "Stage 3",
                "start": "2026-02-28",
                "end": "2029-01-31",
                "last_day": "2029-01-30",
            },
        ]
    }


def stages_json(stages: Sequence[Any]) -> list[dict[str, Any]]:
    return [
        {
            "number": s.number,
            "name": s.name,
            "start": s.start.isoformat(),
            "end": s.end.isoformat(),
            "last_day": s.last_day.isoformat(),
        }
        for s in stages
    ]


@given(
    start=iso_dates(),
    months=st.lists(st.integers(-2, 40), min_size=0, max_size=5),
    term=st.integers(-1, 130),
)
def test_plan_json_equals_plan_stages(start: pendulum.Date, months: list[int], term: int) -> None:
    args = ["plan", "--start", start.isoformat(), "--term-months", str(term), "--json"]
    args += ["--months", ",".join(map(str, months))]
    result = run(args)
    if any(m < 0 for m in months) or term < 0 or not months:
        # Not whole numbers (or nothing at all): a usage error naming the option.
        assert result.code == 2
        assert ("'--months'" in result.err) or ("'--term-months'" in result.err)
        return
    try:
        expected = plan_stages(start, months=months, term_months=term)
    except ScheduleError as exc:
        assert result.code == 2
        assert error_lines(result) == [f"error: impossible plan: {exc}"]
        assert result.out == ""
        return
    assert result.code == 0, result.err
    assert json.loads(result.out) == {"stages": stages_json(expected)}


@pytest.mark.parametrize(
    ("args", "option", "detail"),
    [
        (["--start", "2025-1-01"], "--start", "expected an ISO date YYYY-MM-DD, got '2025-1-01'"),
        (["--start", "2023-02-29"], "--start", "is not a calendar date"),
        (["--start", "2025-01-01T00:00"], "--start", "expected an ISO date"),
        (["--start", "2025-01-01", "--months", "12,,24"], "--months", "whole numbers"),
        (["--start", "2025-01-01", "--months", "12,2x"], "--months", "whole numbers"),
        (["--start", "2025-01-01", "--months", "12,٢٤"], "--months", "whole numbers"),
        (["--start", "2025-01-01", "--term-months", "6_0"], "--term-months", "whole number"),
        (["--start", "2025-01-01", "--term-months", "٦٠"], "--term-months", "whole number"),
        (["--start", "2025-01-01", "--term-months", "-5"], "--term-months", "whole number"),
        (["--start", "2025-01-01", "--term-months", "9" * 5000], "--term-months", "too large"),
        (["--start", "2025-01-01", "--months", "12," + "9" * 19], "--months", "too large"),
        (["--start", "2" * 5000], "--start", "got '222222222"),
    ],
)
def test_plan_bad_arguments_are_usage_errors(args: list[str], option: str, detail: str) -> None:
    result = run(["plan", *args])
    assert result.code == 2
    [line] = error_lines(result)
    assert line.startswith(f"error: invalid value for '{option}': ")
    assert detail in line
    assert line.endswith("(see 'csto-program plan --help')")
    assert len(line) < 250
    assert result.out == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--months", "6,24,30"], "stage one must last 12 months, got 6"),
        (["--months", "12,0"], "stage 2 must last a positive number of months, got 0"),
        (["--term-months", "0"], "term_months must be positive, got 0"),
        (["--term-months", "36"], "stages last 60 months in all, beyond the term of 36 months"),
        (["--months", "12," + "9" * 17, "--term-months", "9" * 18], "outside the years"),
    ],
)
def test_plan_impossible_schedules(args: list[str], message: str) -> None:
    result = run(["plan", "--start", "2025-01-01", *args])
    assert result.code == 2
    [line] = error_lines(result)
    assert line.startswith("error: impossible plan: ")
    assert message in line


def test_plan_near_year_9999() -> None:
    result = run(["plan", "--start", "9994-12-31"])
    assert result.code == 0
    assert "9999-12-31" in result.out
    result = run(["plan", "--start", "9995-01-01"])
    assert result.code == 2
    assert error_lines(result) == [
        "error: impossible plan: 9995-01-01 + 60 months is outside the years 0001..9999"
    ]


def test_plan_without_start() -> None:
    result = run(["plan"])
    assert result.code == 2
    assert error_lines(result) == [
        "error: missing option '--start' (see 'csto-program plan --help')"
    ]


# --------------------------------------------------------------------------- status


def test_status_json(program_file: Path) -> None:
    result = run(["status", str(program_file), "--as-of", "2026-01-29", "--json"])
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["as_of"] == "2026-01-29"
    assert data["stages"] == [
        {
            "number": 1,
            "name": "Preparation",
            "start": "2025-01-01",
            "end": "2026-01-01",
            "last_day": "2025-12-31",
            "state": "overdue",
            "days_remaining": None,
            "days_overdue": 29,
            "evidence": ["rahmon-2025-06", "masadykov-2026-01-29"],
        },
        {
            "number": 2,
            "name": "Stage 2",
            "start": "2026-01-01",
            "end": "2028-01-01",
            "last_day": "2027-12-31",
            "state": "active",
            "days_remaining": 701,
            "days_overdue": None,
            "evidence": ["rahmon-2025-06"],
        },
        {
            "number": 3,
            "name": "Stage 3",
            "start": "2028-01-01",
            "end": "2030-01-01",
            "last_day": "2029-12-31",
            "state": "upcoming",
            "days_remaining": None,
            "days_overdue": None,
            "evidence": [],
        },
    ]


def test_status_evidence_known_only_by_as_of(program_file: Path) -> None:
    # On 2026-01-28 the Masadykov statement has not been made; "2025-06" is known
    # only from 2025-06-30, its last possible day.
    data = json.loads(run(["status", str(program_file), "--as-of", "2026-01-28", "--json"]).out)
    assert data["stages"][0]["evidence"] == ["rahmon-2025-06"]
    data = json.loads(run(["status", str(program_file), "--as-of", "2025-06-30", "--json"]).out)
    assert data["stages"][0]["evidence"] == ["rahmon-2025-06"]
    data = json.loads(run(["status", str(program_file), "--as-of", "2025-06-29", "--json"]).out)
    assert data["stages"][0]["evidence"] == []
    assert data["stages"][0]["days_remaining"] == 185


def test_status_table(program_file: Path) -> None:
    result = run(["status", str(program_file), "--as-of", "2026-01-29"])
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "Sample border program (sample)",
        "Status as of 2026-01-29: stage 2 of 3 is under way",
        "",
        "STAGE  NAME         START       END         LAST DAY    STATE     DAYS",
        "1      Preparation  2025-01-01  2026-01-01  2025-12-31  overdue   29 overdue",
        "2      Stage 2      2026-01-01  2028-01-01  2027-12-31  active    701 remaining",
        "3      Stage 3      2028-01-01  2030-01-01  2029-12-31  upcoming  starts in 702",
        "Windows are [START, END): END is the first day after a stage, LAST DAY its deadline.",
        "",
        "Evidence on record by 2026-01-29:",
        "  Stage 1:",
        "    2025-06  Emomali Rahmon, President of Tajikistan: “We count on the program. We "
        "count on the program. We count on the program. We c…” [Asia-Plus; Khovar]",
        "    2026-01-29  Talatbek Masadykov, CSTO Secretary-General: (paraphrase) The CSTO is "
        "assisting in the implementation of the first stage. [TASS via Khovar]",
        "  Stage 2:",
        "    2025-06  Emomali Rahmon, President of Tajikistan: “We count on the program. We "
        "count on the program. We count on the program. We c…” [Asia-Plus; Khovar]",
        "  Stage 3: none",
    ]


def test_status_completed_stages(tmp_path: Path) -> None:
    program = sample_program()
    stages = list(program.stages)
    stages[0] = attrs.evolve(stages[0], completed_on=datetime.date(2025, 12, 1))
    stages[1] = attrs.evolve(stages[1], completed_on=datetime.date(2028, 1, 10))
    path = tmp_path / "done.json"
    path.write_text(to_json(attrs.evolve(program, stages=tuple(stages))))
    result = run(["status", str(path), "--as-of", "2028-06-01"])
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "Status as of 2028-06-01: stage 3 of 3 is under way" in lines
    assert any(line.endswith("completed       done 2025-12-01") for line in lines), lines
    assert any(line.endswith("completed_late  done 2028-01-10, 10 late") for line in lines)
    data = json.loads(run(["status", str(path), "--as-of", "2028-06-01", "--json"]).out)
    assert [(s["state"], s["days_overdue"]) for s in data["stages"]] == [
        ("completed", None),
        ("completed_late", 10),
        ("active", None),
    ]
    result = run(["status", str(path), "--as-of", "2029-12-31"])
    assert "3      Stage 3      2028-01-01  2030-01-01  2029-12-31  active" in result.out
    assert "0 remaining" in result.out


def test_status_outside_the_stages(program_file: Path) -> None:
    result = run(["status", str(program_file), "--as-of", "2024-12-31"])
    assert (
        "Status as of 2024-12-31: the program has not started (stage 1 starts on 2025-01-01)"
        in result.out
    )
    result = run(["status", str(program_file), "--as-of", "2030-01-01"])
    assert "Status as of 2030-01-01: no stage window holds this day" in result.out


def test_status_defaults_to_today_and_says_so(
    program_file: Path, fixed_today: pendulum.Date
) -> None:
    result = run(["status", str(program_file)])
    assert result.code == 0, result.err
    assert "Status as of 2026-11-29 (today): stage 2 of 3 is under way" in result.out
    data = json.loads(run(["status", str(program_file), "--json"]).out)
    assert data["as_of"] == "2026-11-29"


def test_today_reads_the_clock() -> None:
    today = cli_module._today()
    assert type(today) is pendulum.Date
    assert today == datetime.date.today() or today == datetime.date.today() - datetime.timedelta(1)


@settings(max_examples=25)
@given(program=programs(), as_of=iso_dates(datetime.date(1990, 1, 1), datetime.date(2100, 1, 1)))
def test_status_json_equals_program_status(program: Program, as_of: pendulum.Date) -> None:
    result = run(["status", "-", "--as-of", as_of.isoformat(), "--json"], input=to_json(program))
    assert result.code == 0, result.err
    expected = program.status(as_of)
    data = json.loads(result.out)
    assert data["as_of"] == as_of.isoformat()
    assert data["stages"] == [
        {
            **stages_json([s.stage])[0],
            "state": s.state.value,
            "days_remaining": s.days_remaining,
            "days_overdue": s.days_overdue,
            "evidence": [statement.id for statement in s.evidence],
        }
        for s in expected.stages
    ]
    table = run(["status", "-", "--as-of", as_of.isoformat()], input=to_json(program))
    assert table.code == 0, table.err
    assert f"Status as of {as_of}: " in table.out


# --------------------------------------------------------------------------- timeline


def test_timeline(program_file: Path) -> None:
    result = run(["timeline", str(program_file), "--as-of", "2026-01-29"])
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[:3] == [
        "Sample border program (sample)",
        "Status as of 2026-01-29: stage 2 of 3 is under way",
        "",
    ]
    rows = [[cell.strip() for cell in (line[:25], line[25:36], line[36:])] for line in lines[3:]]
    assert rows == [
        ["DATE", "EVENT", "DETAILS"],
        ["2023", "meeting", "Talks on the border"],
        ["2023-12-20 – 2023-12-21", "meeting", "Ministerial meeting (Minsk, BY)"],
        ["2024-11-28", "adopted", "Sample border program adopted"],
        ["2024-11-28", "meeting", "Collective Security Council session (Astana, KZ)"],
        [
            "2024-11-28",
            "statement",
            "Emomali Rahmon, President of Tajikistan: “The border must be strengthened.” "
            "[no source on record]",
        ],
        ["2025-01-01 – 2025-12-31", "stage 1", "Preparation — overdue by 29 days"],
        [
            "2025-06",
            "statement",
            "Emomali Rahmon, President of Tajikistan: “"
            + ("We count on the program. " * 4)[:99].rstrip()
            + "…” [Asia-Plus; Khovar]",
        ],
        ["2026-01-01 – 2027-12-31", "stage 2", "active, 701 days remaining"],
        [
            "2026-01-29",
            "statement",
            "Talatbek Masadykov, CSTO Secretary-General: (paraphrase) The CSTO is assisting "
            "in the implementation of the first stage. [TASS via Khovar]",
        ],
        ["2026-01-29", "as of", "── events below begin later ──"],
        ["2028-01-01 – 2029-12-31", "stage 3", "upcoming, starts in 702 days"],
    ]


def test_timeline_marker_before_everything(program_file: Path) -> None:
    result = run(["timeline", str(program_file), "--as-of", "2000-01-01"])
    lines = result.out.splitlines()
    assert lines[4].split()[:3] == ["2000-01-01", "as", "of"]
    assert "upcoming, starts in 9132 days" in result.out


def test_timeline_last_day_and_one_day(program_file: Path) -> None:
    result = run(["timeline", str(program_file), "--as-of", "2025-12-31"])
    assert "Preparation — active, today is its last day" in result.out
    result = run(["timeline", str(program_file), "--as-of", "2025-12-30"])
    assert "Preparation — active, 1 day remaining" in result.out
    result = run(["timeline", str(program_file), "--as-of", "2026-01-01"])
    assert "Preparation — overdue by 1 day" in result.out


def test_timeline_defaults_to_today(program_file: Path, fixed_today: pendulum.Date) -> None:
    result = run(["timeline", str(program_file)])
    assert result.code == 0, result.err
    assert result.out.splitlines()[1].startswith("Status as of 2026-11-29 (today): ")
    assert "\n2026-11-29               as of      ── events below begin later ──\n" in result.out


def test_timeline_neutralises_control_characters(tmp_path: Path) -> None:
    program = sample_program(title="Evil\x1b[2J title\nsecond line\u202eoverride")
    path = tmp_path / "evil.json"
    path.write_text(to_json(program))
    result = run(["timeline", str(path), "--as-of", "2026-01-29"])
    assert result.code == 0
    assert "\x1b" not in result.out and "\u202e" not in result.out
    assert result.out.splitlines()[0] == ("Evil\\x1b[2J title second line\\u202eoverride (sample)")


@settings(max_examples=25)
@given(program=programs(), as_of=iso_dates(datetime.date(1990, 1, 1), datetime.date(2100, 1, 1)))
def test_timeline_lists_every_event_in_date_order(program: Program, as_of: pendulum.Date) -> None:
    result = run(["timeline", "-", "--as-of", as_of.isoformat()], input=to_json(program))
    assert result.code == 0, result.err
    rows = result.out.splitlines()[4:]
    expected = 1 + len(program.meetings) + len(program.statements) + len(program.stages) + 1
    assert len(rows) == expected
    keys = []
    for row in rows:
        when = row.split("  ")[0].strip()
        first, _, last = when.partition(" – ")
        begin = PartialDate.parse(first)
        keys.append((begin.earliest, PartialDate.parse(last).latest if last else begin.latest))
    events = [key for key, row in zip(keys, rows, strict=True) if " as of " not in row]
    assert events == sorted(events, key=lambda key: key[0]), rows
    marker = next(i for i, row in enumerate(rows) if " as of " in row)
    assert all(key[0] <= as_of for key in keys[:marker])
    assert all(key[0] > as_of for key in keys[marker + 1 :])


# --------------------------------------------------------------------------- reading files


def test_stdin(program_file: Path) -> None:
    result = run(
        ["status", "-", "--as-of", "2026-01-29", "--json"], input=program_file.read_bytes()
    )
    assert result.code == 0
    assert json.loads(result.out)["stages"][0]["days_overdue"] == 29
    result = run(["status", "-", "--as-of", "2026-01-29"], input=b"{")
    assert result.code == 1
    assert error_lines(result)[0].startswith("error: <stdin>: $: invalid JSON")


def test_bad_file_lists_every_problem_with_its_path(tmp_path: Path) -> None:
    data = to_dict(sample_program())
    data["stages"][1]["start"] = "2026-02-30"
    data["stages"][2]["number"] = "3"
    data["unexpected"] = True
    path = tmp_path / "data.json"
    path.write_text(json.dumps(data))
    for command in (["timeline"], ["status"], ["status", "--json"], ["export", "-f", "ics"]):
        result = run([*command[:1], str(path), *command[1:]])
        assert result.code == 1, command
        assert result.out == ""
        lines = error_lines(result)
        assert sorted(lines) == sorted(
            [
                f"error: {path}: $.stages[1].start: '2026-02-30' is not a calendar date: "
                "day 30 is out of range for 2026-02 (1..28)",
                f"error: {path}: $.stages[2].number: expected an integer, got string '3'",
                f"error: {path}: $.unexpected: unknown key",
            ]
        ), lines


def test_broken_invariant_names_its_path(tmp_path: Path) -> None:
    data = to_dict(sample_program())
    data["stages"][1]["start"] = "2025-12-01"
    path = tmp_path / "overlap.json"
    path.write_text(json.dumps(data))
    result = run(["status", str(path)])
    assert result.code == 1
    assert error_lines(result) == [
        f"error: {path}: $.stages[1].start: stage 2 starts on 2025-12-01, "
        "before stage 1 ends on 2026-01-01"
    ]


def test_unreadable_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "missing.json"
    result = run(["timeline", str(missing)])
    assert result.code == 1
    assert error_lines(result) == [
        f"error: {missing}: cannot read the file: No such file or directory"
    ]
    result = run(["status", str(tmp_path)])
    assert result.code == 1
    assert error_lines(result) == [f"error: {tmp_path}: cannot read the file: Is a directory"]

    locked = tmp_path / "locked.json"
    locked.write_text("{}")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = run(["status", str(locked)])
    assert result.code == 1
    assert error_lines(result) == [f"error: {locked}: cannot read the file: Permission denied"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied_for_real(tmp_path: Path) -> None:  # pragma: no cover - not as root
    locked = tmp_path / "locked.json"
    locked.write_text("{}")
    locked.chmod(0)
    result = run(["status", str(locked)])
    assert result.code == 1
    assert error_lines(result) == [f"error: {locked}: cannot read the file: Permission denied"]


def test_not_utf8_and_not_an_object(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"title": "\xe9"}')
    result = run(["status", str(path)])
    assert result.code == 1
    [line] = error_lines(result)
    assert line.startswith(f"error: {path}: $: invalid JSON")
    path.write_text("[1, 2]")
    result = run(["status", str(path)])
    assert error_lines(result) == [f"error: {path}: $: expected an object, got an array"]


# --------------------------------------------------------------------------- validate


def test_validate(program_file: Path, tmp_path: Path) -> None:
    result = run(["validate", str(program_file), str(program_file)])
    assert result.code == 0
    assert result.err == ""
    assert (
        result.out.splitlines()
        == [
            f"{program_file}: ok (3 stages, 3 meetings, 3 statements)",
        ]
        * 2
    )

    bad = tmp_path / "bad.json"
    data = to_dict(sample_program())
    data["stages"][0]["end"] = "2026-01-02"
    bad.write_text(json.dumps(data))
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 2}')
    missing = tmp_path / "missing.json"
    result = run(["validate", str(bad), str(program_file), str(broken), str(missing)])
    assert result.code == 1
    assert result.out == f"{program_file}: ok (3 stages, 3 meetings, 3 statements)\n"
    assert error_lines(result) == [
        f"error: {bad}: $.stages[0].end: stage one must last 12 months: end 2026-01-01, "
        "got 2026-01-02",
        f"error: {bad}: $.stages[1].start: stage 2 starts on 2026-01-01, before stage 1 ends "
        "on 2026-01-02",
        f"error: {broken}: $.schema_version: unsupported schema_version integer 2; "
        "this library reads version 1",
        f"error: {missing}: cannot read the file: No such file or directory",
    ]


def test_validate_reports_reference_problems_together(tmp_path: Path) -> None:
    data = to_dict(sample_program())
    data["statements"][0]["speaker"] = "nobody"
    data["statements"][1]["sources"] = ["nowhere"]
    bad = tmp_path / "refs.json"
    bad.write_text(json.dumps(data))
    result = run(["validate", str(bad)])
    assert result.code == 1
    assert error_lines(result) == [
        f"error: {bad}: $.statements[0].speaker: refers to 'nobody', which is not in people",
        f"error: {bad}: $.statements[1].sources[0]: refers to 'nowhere', which is not in sources",
    ]


def test_validate_needs_a_file() -> None:
    result = run(["validate"])
    assert result.code == 2
    assert error_lines(result) == [
        "error: missing argument 'FILES...' (see 'csto-program validate --help')"
    ]


@settings(max_examples=20)
@given(program=programs())
def test_validate_accepts_every_valid_program(program: Program) -> None:
    result = run(["validate", "-"], input=to_json(program))
    assert result.code == 0, result.err
    assert result.out.startswith("<stdin>: ok (")


# --------------------------------------------------------------------------- schema


def test_schema(program_file: Path) -> None:
    result = run(["schema"])
    assert result.code == 0
    schema = json.loads(result.out)
    assert schema == json_schema(Program)
    assert result.out.startswith('{\n  "$schema": ')
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(program_file.read_text()), schema)


# --------------------------------------------------------------------------- export


class FakeRender:
    def __init__(self, result: bytes = b"rendered\n") -> None:
        self.calls: list[tuple[Program, str, dict[str, Any]]] = []
        self.result = result

    def __call__(self, program: Program, fmt: str, **kwargs: Any) -> bytes:
        self.calls.append((program, fmt, kwargs))
        return self.result


@pytest.fixture
def fake_render(monkeypatch: pytest.MonkeyPatch) -> FakeRender:
    render = FakeRender()
    monkeypatch.setattr(cli_module, "_renderer", lambda: render)
    return render


def test_export_passes_as_of_and_a_reproducible_stamp(
    program_file: Path, fake_render: FakeRender
) -> None:
    result = run(["export", str(program_file), "--format", "ICS", "--as-of", "2026-01-29"])
    assert result.code == 0, result.err
    assert result.raw == b"rendered\n"
    [(program, fmt, kwargs)] = fake_render.calls
    assert program == sample_program()
    assert fmt == "ics"
    assert kwargs == {
        "as_of": pendulum.Date(2026, 1, 29),
        "stamp": datetime.datetime(2026, 1, 29, tzinfo=datetime.UTC),
    }
    assert type(kwargs["as_of"]) is pendulum.Date


def test_export_to_a_file(
    program_file: Path, tmp_path: Path, fake_render: FakeRender, fixed_today: pendulum.Date
) -> None:
    out = tmp_path / "out.png"
    fake_render.result = b"\x89PNG\r\n\x1a\n"
    result = run(["export", str(program_file), "-f", "png", "-o", str(out)])
    assert result.code == 0, result.err
    assert result.raw == b""
    assert out.read_bytes() == b"\x89PNG\r\n\x1a\n"
    assert fake_render.calls[0][2]["as_of"] == fixed_today
    result = run(["export", str(program_file), "-f", "svg", "-o", "-"])
    assert result.raw == b"\x89PNG\r\n\x1a\n"


def test_export_refuses_png_on_a_terminal(
    program_file: Path, fake_render: FakeRender, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_module, "_stdout_is_terminal", lambda: True)
    result = run(["export", str(program_file), "-f", "png"])
    assert result.code == 2
    assert error_lines(result) == [
        "error: refusing to write PNG to a terminal; use -o FILE or redirect the output"
    ]
    assert fake_render.calls == []
    result = run(["export", str(program_file), "-f", "svg", "--as-of", "2026-01-29"])
    assert result.code == 0


def test_export_write_and_render_errors(
    program_file: Path, tmp_path: Path, fake_render: FakeRender, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(["export", str(program_file), "-f", "ics", "-o", str(tmp_path)])
    assert result.code == 1
    assert error_lines(result) == [f"error: {tmp_path}: cannot write the file: Is a directory"]
    target = tmp_path / "no-such-dir" / "out.ics"
    result = run(["export", str(program_file), "-f", "ics", "-o", str(target)])
    assert error_lines(result) == [
        f"error: {target}: cannot write the file: No such file or directory"
    ]

    def failing(program: Program, fmt: str, **kwargs: Any) -> bytes:
        raise DataError.at("$.meetings[0]", "cannot be drawn")

    monkeypatch.setattr(cli_module, "_renderer", lambda: failing)
    result = run(["export", str(program_file), "-f", "mermaid", "--as-of", "2026-01-29"])
    assert result.code == 1
    assert error_lines(result) == ["error: mermaid export: $.meetings[0]: cannot be drawn"]


def test_export_without_the_export_package(
    program_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "csto_program.export", None)
    result = run(["export", str(program_file), "-f", "ics", "--as-of", "2026-01-29"])
    assert result.code == 1
    [line] = error_lines(result)
    assert line.startswith("error: exports are not available: ")


def test_export_format_is_required_and_checked(program_file: Path) -> None:
    result = run(["export", str(program_file)])
    assert result.code == 2
    assert "'--format'" in error_lines(result)[0]
    result = run(["export", str(program_file), "-f", "pdf"])
    assert result.code == 2
    [line] = error_lines(result)
    assert line.startswith("error: invalid value for '-f' / '--format': ")
    assert set(EXPORT_FORMATS) == {"ics", "jsonl", "markdown", "mermaid", "png", "svg"}


# --------------------------------------------------------------------------- usage and errors


def test_no_command_prints_help_and_is_a_usage_error() -> None:
    result = run([])
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("Usage: csto-program [OPTIONS] [COMMAND] [ARGS]...")
    for command in ("timeline", "status", "plan", "validate", "schema", "export"):
        assert f"\n  {command} " in result.err


def test_help_and_version() -> None:
    result = run(["--help"])
    assert result.code == 0
    assert "Exit status: 0 success, 1 bad or unreadable data, 2 usage error." in result.out
    assert "\\f" not in result.out and ">>>" not in result.out
    result = run(["status", "-h"])
    assert result.code == 0
    assert "--as-of YYYY-MM-DD" in result.out
    result = run(["--version"])
    assert result.code == 0
    assert result.out == "csto-program, version 0.1.0\n"


def test_usage_errors() -> None:
    assert error_lines(run(["frobnicate"])) == [
        "error: no such command 'frobnicate' (see 'csto-program --help')"
    ]
    result = run(["status", "--as-of", "tomorrow"])
    assert result.code == 2
    assert error_lines(result) == [
        "error: invalid value for '--as-of': expected an ISO date YYYY-MM-DD, got 'tomorrow' "
        "(see 'csto-program status --help')"
    ]
    result = run(["schema", "--bogus"])
    assert result.code == 2
    assert error_lines(result) == [
        "error: no such option '--bogus' (see 'csto-program schema --help')"
    ]
    result = run(["schema", "extra"])
    assert result.code == 2


def test_unexpected_errors_are_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("something broke\ninside")

    monkeypatch.setattr(cli_module, "plan_stages", boom)
    result = run(["plan", "--start", "2025-01-01"])
    assert result.code == 1
    assert error_lines(result) == [
        "error: unexpected RuntimeError: something broke inside (please report this)"
    ]


def test_interrupt(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_module, "plan_stages", interrupt)
    result = run(["plan", "--start", "2025-01-01"])
    assert result.code == 130
    # click itself ends the line the terminal's ^C is on.
    assert result.err == "\nerror: interrupted\n"


def test_main_reads_sys_argv(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["csto-program", "plan", "--start", "2025-01-01", "--json"])
    with CliRunner().isolation() as streams:
        code = main()
        out = streams[0].getvalue()
    assert code == 0
    assert json.loads(out)["stages"][0]["start"] == "2025-01-01"


# --------------------------------------------------------------------------- subprocesses


def subprocess_run(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(args, input=input, capture_output=True, timeout=60, check=False, env=env)


def test_importing_the_library_does_not_import_click() -> None:
    code = "import csto_program, sys; assert 'click' not in sys.modules, 'click imported'"
    result = subprocess_run(sys.executable, "-c", code)
    assert result.returncode == 0, result.stderr.decode()


@pytest.mark.skipif(not SCRIPT.exists(), reason="console script not installed")
def test_console_script(program_file: Path, tmp_path: Path) -> None:
    result = subprocess_run(str(SCRIPT), "plan", "--start", "2025-01-01", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "stages": stages_json(plan_stages(datetime.date(2025, 1, 1)))
    }

    result = subprocess_run(str(SCRIPT), "status", str(program_file), "--as-of", "2026-01-29")
    assert result.returncode == 0
    assert "1      Preparation  2025-01-01  2026-01-01  2025-12-31  overdue   29 overdue" in (
        result.stdout.decode()
    )

    missing = tmp_path / "missing.json"
    result = subprocess_run(str(SCRIPT), "validate", str(missing))
    assert result.returncode == 1
    assert result.stdout == b""
    assert result.stderr.decode() == (
        f"error: {missing}: cannot read the file: No such file or directory\n"
    )

    result = subprocess_run(str(SCRIPT), "plan", "--start", "2025-02-30")
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    assert result.stderr.decode().count("\n") == 1


def test_python_dash_m(program_file: Path) -> None:
    result = subprocess_run(
        sys.executable, "-m", "csto_program", "validate", "-", input=program_file.read_bytes()
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == b"<stdin>: ok (3 stages, 3 meetings, 3 statements)\n"
    result = subprocess_run(sys.executable, "-m", "csto_program")
    assert result.returncode == 2
    assert result.stderr.startswith(b"Usage: csto-program ")


def test_parameter_types_accept_converted_values() -> None:
    assert cli_module._IsoDateType().convert(datetime.date(2025, 1, 1), None, None) == (
        pendulum.Date(2025, 1, 1)
    )
    assert type(cli_module._IsoDateType().convert(datetime.date(2025, 1, 1), None, None)) is (
        pendulum.Date
    )
    assert cli_module._MonthsType().convert((12, 48), None, None) == (12, 48)
    assert cli_module._WholeNumberType().convert(60, None, None) == 60


def test_stdout_is_terminal_asks_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    assert cli_module._stdout_is_terminal() is True


def test_usage_line_keeps_acronyms_and_options() -> None:
    import click

    assert cli_module._usage_line(click.UsageError("JSON is wanted.")) == (
        "JSON is wanted (see 'csto-program --help')"
    )
    assert cli_module._usage_line(click.UsageError("--as-of is wrong")) == (
        "--as-of is wrong (see 'csto-program --help')"
    )
    assert cli_module._usage_line(click.UsageError("Bad thing.")) == (
        "bad thing (see 'csto-program --help')"
    )


# --------------------------------------------------------------------------- embedded record


@pytest.fixture(scope="module")
def record() -> Program:
    from csto_program.datasets import tajik_afghan_border

    return tajik_afghan_border()


def test_status_of_the_embedded_record(record: Program) -> None:
    result = run(["status", "--as-of", "2026-01-29", "--json"])
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["as_of"] == "2026-01-29"
    first = data["stages"][0]
    # The press service calendar: stage one 2025-01-01..2026-01-01, last day 2025-12-31.
    assert (first["start"], first["end"], first["last_day"]) == (
        "2025-01-01",
        "2026-01-01",
        "2025-12-31",
    )
    assert (first["state"], first["days_overdue"], first["days_remaining"]) == ("overdue", 29, None)
    masadykov = [
        s.id
        for s in record.statements
        if s.said_on == PartialDate.parse("2026-01-29")
        and "Masadykov" in next(p.name for p in record.people if p.id == s.speaker)
    ]
    assert masadykov
    assert set(masadykov) <= set(first["evidence"])
    assert data["stages"][1]["state"] == "active"
    expected = record.status(pendulum.Date(2026, 1, 29))
    assert [s["evidence"] for s in data["stages"]] == [
        [statement.id for statement in s.evidence] for s in expected.stages
    ]

    table = run(["status", "--as-of", "2026-01-29"])
    assert table.code == 0
    lines = table.out.splitlines()
    assert lines[1] == "Status as of 2026-01-29: stage 2 of 3 is under way"
    assert any(line.startswith("    2026-01-29  Talatbek Masadykov, ") for line in lines)


def test_timeline_of_the_embedded_record(record: Program, fixed_today: pendulum.Date) -> None:
    result = run(["timeline"])
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == f"{record.title} ({record.id})"
    assert lines[1].startswith("Status as of 2026-11-29 (today): ")
    assert len(lines) == 3 + 1 + 1 + len(record.meetings) + len(record.statements) + 3 + 1
    for meeting in record.meetings:
        if meeting.place is not None:
            assert f"({meeting.place.name}, {meeting.place.country})" in result.out
    for person in record.people:
        if any(s.speaker == person.id for s in record.statements):
            assert f"{person.name}, " in result.out
    with_range = [m for m in record.meetings if m.ends_on not in (None, m.starts_on)]
    for meeting in with_range:
        assert f"{meeting.starts_on} – {meeting.ends_on}  " in result.out


def test_validate_the_embedded_record_as_a_file(record: Program, tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    path.write_text(to_json(record, indent=True))
    result = run(["validate", str(path)])
    assert result.code == 0, result.err
    assert result.out == (
        f"{path}: ok ({len(record.stages)} stages, {len(record.meetings)} meetings, "
        f"{len(record.statements)} statements)\n"
    )
    assert run(["status", str(path), "--as-of", "2026-01-29", "--json"]).out == (
        run(["status", "--as-of", "2026-01-29", "--json"]).out
    )


# --------------------------------------------------------------------------- real exports


def test_export_formats_match_the_export_package() -> None:
    from csto_program.export import FORMATS

    assert tuple(FORMATS) == EXPORT_FORMATS


@pytest.mark.parametrize("fmt", ["ics", "jsonl", "markdown", "mermaid"])
def test_real_text_exports_are_reproducible(fmt: str, record: Program) -> None:
    from csto_program.export import render

    first = run(["export", "--format", fmt, "--as-of", "2026-01-29"])
    assert first.code == 0, first.err
    second = run(["export", "--format", fmt, "--as-of", "2026-01-29"])
    assert first.raw == second.raw
    stamp = datetime.datetime(2026, 1, 29, tzinfo=datetime.UTC)
    assert first.raw == render(record, fmt, as_of=datetime.date(2026, 1, 29), stamp=stamp)
    if fmt == "ics":
        assert first.raw.startswith(b"BEGIN:VCALENDAR")
        assert b"DTSTAMP:20260129T000000Z" in first.raw
    if fmt == "jsonl":
        assert len(first.raw.splitlines()) == len(record.statements)


def test_real_image_exports(tmp_path: Path, program_file: Path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "timeline.png"
    result = run(
        ["export", str(program_file), "-f", "png", "-o", str(out), "--as-of", "2026-01-29"]
    )
    assert result.code == 0, result.err
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    result = run(["export", str(program_file), "-f", "svg", "--as-of", "2026-01-29"])
    assert result.code == 0, result.err
    assert b"<svg" in result.raw[:1000]


def test_missing_matplotlib_is_a_clean_error(
    program_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in list(sys.modules):
        if name == "matplotlib" or name.startswith("matplotlib."):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    result = run(["export", str(program_file), "-f", "svg", "--as-of", "2026-01-29"])
    assert result.code == 1
    [line] = error_lines(result)
    assert line.startswith("error: svg export: ")
    assert "csto-program[plot]" in line


@pytest.mark.skipif(not SCRIPT.exists(), reason="console script not installed")
def test_console_script_on_the_embedded_record() -> None:
    result = subprocess_run(str(SCRIPT), "timeline", "--as-of", "2026-01-29")
    assert result.returncode == 0, result.stderr
    assert "Status as of 2026-01-29: stage 2 of 3 is under way" in result.stdout.decode()
    result = subprocess_run(str(SCRIPT), "export", "-f", "ics", "--as-of", "2026-01-29")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"BEGIN:VCALENDAR")


def test_readme_shows_real_plan_output() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("`csto-program plan --start 2024-11-28` prints:\n\n```text\n")[1]
    assert block.split("```")[0] == run(["plan", "--start", "2024-11-28"]).out


def test_validate_counts_are_singular_for_one(tmp_path: Path) -> None:
    from csto_program import Program, plan_stages, to_json

    start = datetime.date(2025, 1, 1)
    program = Program(
        id="one",
        title="One stage",
        adopted_on=start,
        starts_on=start,
        stages=plan_stages(start, months=(12,), term_months=12),
    )
    path = tmp_path / "one.json"
    path.write_text(to_json(program), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "csto_program", "validate", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{path}: ok (1 stage, 0 meetings, 0 statements)\n"


def test_readme_shows_real_timeline_output() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("`csto-program timeline --as-of 2026-01-29` prints:\n\n```text\n")[1]
    assert block.split("```")[0] == run(["timeline", "--as-of", "2026-01-29"]).out
