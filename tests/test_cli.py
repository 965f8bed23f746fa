"""The ``csto-program`` command line: every command in-process through ``main(argv)`` with
``capsys``, and a few end-to-end runs of ``python -m csto_program`` and the console script.

The hostile side (terminal escapes in records, broken outputs, huge inputs, resource
limits) is in ``test_hostile.py``.
"""

from __future__ import annotations

import datetime
import importlib.metadata
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import click
import jsonschema
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csto_program import (
    DataError,
    PartialDate,
    Program,
    ScheduleError,
    StageState,
    from_json,
    json_schema,
    plan_stages,
    to_dict,
    to_json,
)
from csto_program import _files as files_module
from csto_program import cli as cli_module
from csto_program._spec import ENUM_DESCRIPTIONS
from csto_program.cli import _params as cli_params
from csto_program.cli import _plan as cli_plan
from csto_program.cli import main
from csto_program.datasets import starter_program, tajik_afghan_border
from csto_program.errors import FileError
from csto_program.export import text
from csto_program.serialize import SCHEMA_VERSION, SUPPORTED_VERSIONS

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / "csto-program"
DAY = "2026-01-29"
DAY_DATE = pendulum.Date(2026, 1, 29)


class Result(NamedTuple):
    code: int
    out: str
    err: str

    def errors(self) -> list[str]:
        """The stderr lines, each checked to be one ``error:`` line and no traceback."""
        lines = self.err.splitlines()
        assert lines, "expected errors on stderr"
        assert all(line.startswith("error: ") for line in lines), lines
        assert "Traceback" not in self.err
        assert "please report" not in self.err
        return lines


Run = Callable[..., Result]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """``cli(*args, stdin=...)``: ``main(args)`` with stdout and stderr captured."""

    def invoke(*args: object, stdin: bytes | str | None = None) -> Result:
        capsys.readouterr()
        if stdin is not None:
            data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), "utf-8"))
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture(scope="module")
def record() -> Program:
    return tajik_afghan_border()


@pytest.fixture
def record_file(tmp_path: Path, record: Program) -> Path:
    path = tmp_path / "record.json"
    path.write_text(to_json(record, indent=True), encoding="utf-8")
    return path


@pytest.fixture
def starter_file(tmp_path: Path) -> Path:
    path = tmp_path / "starter.json"
    path.write_text(to_json(starter_program(), indent=True), encoding="utf-8")
    return path


@pytest.fixture
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> pendulum.Date:
    today = pendulum.Date(2026, 11, 29)
    monkeypatch.setattr(cli_params, "today", lambda: today)
    return today


def version_1_document() -> dict[str, Any]:
    """A version-1 program document, written by hand: one calendar, a completion day."""
    return {
        "schema_version": 1,
        "id": "old-program",
        "title": "A program recorded in version 1",
        "adopted_on": "2024-11-28",
        "starts_on": "2025-01-01",
        "term_months": 60,
        "stages": [
            {
                "number": 1,
                "name": "Stage 1",
                "start": "2025-01-01",
                "end": "2026-01-01",
                "completed_on": "2025-12-01",
            },
            {"number": 2, "name": "Stage 2", "start": "2026-01-01", "end": "2028-01-01"},
            {"number": 3, "name": "Stage 3", "start": "2028-01-01", "end": "2030-01-01"},
        ],
    }


def normalized(help_text: str) -> str:
    """Help text with click's line wrapping undone."""
    return " ".join(help_text.split())


# --------------------------------------------------------------------------- plan


def test_plan_table(cli: Run) -> None:
    result = cli("plan", "--start", "2024-11-28")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines() == [
        "Stage plan from 2024-11-28 (12, 24, 24 months; term 60 months)",
        "",
        "STAGE  NAME     START       END         LAST DAY    MONTHS",
        "1      Stage 1  2024-11-28  2025-11-28  2025-11-27  12",
        "2      Stage 2  2025-11-28  2027-11-28  2027-11-27  24",
        "3      Stage 3  2027-11-28  2029-11-28  2029-11-27  24",
        "Windows are [START, END): END is the first day after a stage, LAST DAY its deadline.",
    ]


def test_readme_shows_real_plan_output(cli: Run) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("`csto-program plan --start 2024-11-28` prints:\n\n```text\n")[1]
    assert block.split("```")[0] == cli("plan", "--start", "2024-11-28").out


def test_plan_json_month_end(cli: Run) -> None:
    result = cli(
        "plan", "--start", "2024-01-31", "--months", " 12, 13 ,35", "--term-months", "60", "--json"
    )
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


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    start=st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)),
    months=st.lists(st.integers(-2, 40), max_size=5),
    term=st.integers(-1, 130),
)
def test_plan_json_equals_plan_stages(
    cli: Run, start: datetime.date, months: list[int], term: int
) -> None:
    result = cli(
        "plan",
        "--start",
        start.isoformat(),
        "--term-months",
        term,
        "--months",
        ",".join(map(str, months)),
        "--json",
    )
    if any(m < 0 for m in months) or term < 0 or not months:
        assert result.code == 2  # not whole numbers, or none at all: a usage error
        assert ("'--months'" in result.err) or ("'--term-months'" in result.err)
        return
    try:
        expected = plan_stages(start, months=months, term_months=term, first_stage_months=None)
    except ScheduleError:
        assert result.code == 2
        [line] = result.errors()
        assert line.startswith("error: impossible plan: ")
        assert result.out == ""
        return
    assert result.code == 0, result.err
    assert json.loads(result.out) == {
        "stages": [
            {
                "number": s.number,
                "name": s.name,
                "start": str(s.start),
                "end": str(s.end),
                "last_day": str(s.last_day),
            }
            for s in expected
        ]
    }


@pytest.mark.parametrize(
    ("args", "option", "detail"),
    [
        (["--start", "2025-1-01"], "--start", "expected an ISO date YYYY-MM-DD, got '2025-1-01'"),
        (["--start", "2023-02-29"], "--start", "got '2023-02-29'"),
        (["--start", "2025-01-01T00:00"], "--start", "expected an ISO date"),
        (["--start", ""], "--start", "got ''"),
        (["--start", "2025-01-01", "--months", "12,,24"], "--months", "whole number"),
        (["--start", "2025-01-01", "--months", "12,2x"], "--months", "got '2x'"),
        (["--start", "2025-01-01", "--months", "12,٢٤"], "--months", "whole number"),
        (["--start", "2025-01-01", "--term-months", "6_0"], "--term-months", "whole number"),
        (["--start", "2025-01-01", "--term-months", "٦٠"], "--term-months", "whole number"),
        (["--start", "2025-01-01", "--term-months", "-5"], "--term-months", "whole number"),
        (["--start", "2025-01-01", "--term-months", "9" * 5000], "--term-months", "99…'"),
        (["--start", "2025-01-01", "--months", "12," + "9" * 19], "--months", "whole number"),
        (["--start", "2" * 5000], "--start", "got '222222222"),
    ],
)
def test_plan_bad_arguments_are_usage_errors(
    cli: Run, args: list[str], option: str, detail: str
) -> None:
    result = cli("plan", *args)
    assert result.code == 2
    [line] = result.errors()
    assert line.startswith(f"error: invalid value for '{option}': ")
    assert detail in line
    assert line.endswith("(see 'csto-program plan --help')")
    assert len(line) < 250  # a long argument is echoed shortened
    assert result.out == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--months", "12,0"], "stage 2 must last a positive number of months, got 0"),
        (["--term-months", "0"], "term_months must be positive, got 0"),
        (["--term-months", "36"], "stages last 60 months in all, beyond the term of 36 months"),
        (["--months", "12," + "9" * 17, "--term-months", "9" * 18], "outside the years"),
    ],
)
def test_plan_impossible_schedules(cli: Run, args: list[str], message: str) -> None:
    result = cli("plan", "--start", "2025-01-01", *args)
    assert result.code == 2
    [line] = result.errors()
    assert line.startswith("error: impossible plan: ")
    assert message in line


def test_plan_near_year_9999(cli: Run) -> None:
    result = cli("plan", "--start", "9994-12-31")
    assert result.code == 0
    assert "9999-12-31" in result.out
    result = cli("plan", "--start", "9995-01-01")
    assert result.code == 2
    assert result.errors() == [
        "error: impossible plan: 9995-01-01 + 60 months is outside the years 0001..9999"
    ]


def test_plan_without_start(cli: Run) -> None:
    result = cli("plan")
    assert result.code == 2
    assert result.errors() == ["error: missing option '--start' (see 'csto-program plan --help')"]


# --------------------------------------------------------------------------- status


def test_status_table_of_the_embedded_record(cli: Run) -> None:
    result = cli("status", "--as-of", DAY)
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[:4] == [
        "CSTO Targeted Interstate Program for strengthening the Tajik–Afghan border "
        "(tajik-afghan-border)",
        "As of 2026-01-29, as known on 2026-01-29: planned: stage 2 of 3; "
        "reported: stage 1 in progress (2026-01-29)",
        "Plan in use: press-service-2025, announced 2025-04-11",
        "",
    ]
    header, *rows = lines[4:8]
    assert header.split() == ["STAGE", "NAME", "WINDOW", "STATE", "PROGRESS", "DAYS", "SHIFT"]
    assert rows[0].startswith("1      Stage 1: assessment, funding and contracts  ")  # not cut
    first = rows[0].split("  ")
    assert "2025-01-01 – 2025-12-31" in rows[0]
    assert [cell.strip() for cell in first if cell.strip()][-4:] == [
        "overdue",
        "in progress (2026-01-29)",
        "29 overdue",
        "+34 days (later, inferred)",  # against the inferred first plan
    ]
    assert (
        "  active    not started (inferred, 2026-01-29)  701 remaining  +34 days (later, inferred)"
        in rows[1]
    )
    assert "  upcoming  no progress report  " in rows[2]
    assert "Evidence on record by 2026-01-29:" in lines
    assert any(
        line.startswith("    2026-01-29  Talatbek Masadykov, CSTO Secretary-General: ")
        for line in lines
    )
    assert lines[-1] == "  Stage 3: none"


def test_status_json_of_the_embedded_record(cli: Run, record: Program) -> None:
    result = cli("status", "--as-of", DAY, "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data == text.status_json(record.status(DAY_DATE))
    assert (data["as_of"], data["known_on"], data["plan"]) == (DAY, DAY, "press-service-2025")
    assert (data["current_stage"], data["reported_stage"]) == (2, 1)
    first, second, third = data["stages"]
    assert (
        first["state"],
        first["days_overdue"],
        first["progress"],
        first["rescheduled_days"],
    ) == ("overdue", 29, "in_progress", 34)
    assert (first["start"], first["end"], first["last_day"]) == (
        "2025-01-01",
        "2026-01-01",
        "2025-12-31",
    )
    assert "masadykov-2026-01-29" in first["evidence"]
    assert (second["state"], second["progress"], second["days_remaining"]) == (
        "active",
        "not_started",
        701,
    )
    assert (third["state"], third["progress"]) == ("upcoming", None)


def test_status_known_on_uses_only_what_was_known_then(cli: Run, record: Program) -> None:
    result = cli("status", "--known-on", "2025-06-01", "--as-of", DAY, "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    expected = record.status(DAY_DATE, known_on=datetime.date(2025, 6, 1))
    assert data == text.status_json(expected)
    assert data["known_on"] == "2025-06-01"
    first, second, _ = data["stages"]
    # Stage 1 is still overdue on the day, but only the April 2025 report was known.
    assert (first["state"], first["progress"]) == ("overdue", "in_progress")
    assert first["report"] != "stage-1-2026-01-29"
    assert second["report"] != "stage-2-2026-01-29"
    known = [r for r in record.reports if r.reported_on.latest <= datetime.date(2025, 6, 1)]
    assert {first["report"], second["report"]} <= {r.id for r in known}
    assert first["evidence"] == ["tasmagambetov-2025-01-29"]  # nothing said after June 2025
    for stage in data["stages"]:
        for statement in stage["evidence"]:
            said = record.by_id[statement].said_on  # type: ignore[union-attr]
            assert said.latest <= datetime.date(2025, 6, 1)

    table = cli("status", "--known-on", "2025-06-01", "--as-of", DAY)
    assert table.code == 0
    lines = table.out.splitlines()
    assert lines[1] == (
        "As of 2026-01-29, as known on 2025-06-01: planned: stage 2 of 3; "
        "reported: stage 1 in progress (2025-04); no progress report for 253 days "
        "(since 2025-05-21)"
    )
    assert "Evidence on record by 2025-06-01:" in lines
    assert "Masadykov" not in table.out and "2026-01-29)" not in table.out


def test_status_before_any_plan_was_known(cli: Run) -> None:
    result = cli("status", "--as-of", "2024-01-01")
    assert result.code == 0, result.err
    assert result.out.splitlines()[1] == (
        "As of 2024-01-01, as known on 2024-01-01: no plan had been announced"
    )
    data = json.loads(cli("status", "--as-of", "2024-01-01", "--json").out)
    assert (data["plan"], data["stages"]) == (None, [])


def test_status_defaults_to_today_and_says_so(cli: Run, fixed_today: pendulum.Date) -> None:
    result = cli("status")
    assert result.code == 0, result.err
    assert result.out.splitlines()[1].startswith(
        "As of 2026-11-29 (today), as known on 2026-11-29: planned: stage 2 of 3"
    )
    assert json.loads(cli("status", "--json").out)["as_of"] == "2026-11-29"


def test_today_reads_the_clock() -> None:
    today = cli_params.today()
    assert type(today) is pendulum.Date
    assert abs(datetime.date.fromordinal(today.toordinal()) - datetime.date.today()).days <= 1


def test_status_help_explains_every_state(cli: Run) -> None:
    result = cli("status", "--help")
    assert (result.code, result.err) == (0, "")
    described = ENUM_DESCRIPTIONS[StageState]
    assert set(described) == {state.value for state in StageState}
    for state in StageState:
        sentence = described[state.value]
        assert sentence.endswith(".") and len(sentence.split()) >= 4
        assert f"{state.value}: {normalized(sentence)}" in normalized(result.out)
    assert "--known-on YYYY-MM-DD" in result.out


def test_status_of_a_file_and_of_stdin(cli: Run, starter_file: Path) -> None:
    by_file = cli("status", starter_file, "--as-of", "2025-06-01", "--json")
    assert by_file.code == 0, by_file.err
    by_stdin = cli(
        "status", "-", "--as-of", "2025-06-01", "--json", stdin=starter_file.read_bytes()
    )
    assert by_stdin == by_file
    data = json.loads(by_file.out)
    assert data["stages"][0]["state"] == "active"
    bad = cli("status", "-", stdin=b"{")
    assert bad.code == 1
    assert bad.errors()[0].startswith("error: <stdin>: $: invalid JSON")


# --------------------------------------------------------------------------- timeline


def test_timeline_of_the_embedded_record(cli: Run, record: Program) -> None:
    result = cli("timeline", "--as-of", DAY)
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[0] == f"{record.title} ({record.id})"
    assert lines[1] == (
        "As of 2026-01-29, as known on 2026-01-29: planned: stage 2 of 3; "
        "reported: stage 1 in progress (2026-01-29)"
    )
    assert lines[2] == ""
    assert lines[3].split() == ["DATE", "EVENT", "DETAILS"]
    events = text.timeline(record, DAY_DATE)
    rows = lines[4:]
    assert len(rows) == len(events) + 1  # and the marker row
    marker = rows.index("2026-01-29               as of      ── events below begin later ──")
    assert all(event.key[0] <= DAY_DATE for event in events[:marker])
    assert all(event.key[0] > DAY_DATE for event in events[marker:])
    assert rows[-1].startswith("2028-01-01 – 2029-12-31  stage      Stage 3: ")
    assert rows[-1].split(": ")[-1].startswith("upcoming, starts in 702 days")
    with_places = [m for m in record.meetings if m.place is not None]
    for meeting in with_places:
        assert f"({meeting.place.name}, {meeting.place.country})" in result.out  # type: ignore[union-attr]


def test_timeline_json_lists_every_event(cli: Run, record: Program) -> None:
    result = cli("timeline", "--as-of", DAY, "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert (data["as_of"], data["known_on"]) == (DAY, DAY)
    events = text.timeline(record, DAY_DATE)
    assert [(e["date"], e["kind"], e["title"]) for e in data["events"]] == [
        (e.when, e.kind, e.title) for e in events
    ]
    assert set(data["events"][0]) == {"date", "kind", "title", "text", "stages", "sources"}
    kinds = {e["kind"] for e in data["events"]}
    assert kinds == set(text.EVENT_KINDS)
    masadykov = [e for e in data["events"] if e["title"].startswith("Talatbek Masadykov")]
    assert masadykov[0]["date"] == DAY and masadykov[0]["stages"] == [1]
    assert all(source in record.by_id for e in data["events"] for source in e["sources"])


def timeline_json(cli: Run, *args: str) -> list[dict[str, Any]]:
    result = cli("timeline", "--as-of", DAY, "--json", *args)
    assert result.code == 0, result.err
    events: list[dict[str, Any]] = json.loads(result.out)["events"]
    return events


def bounds(when: str) -> tuple[datetime.date, datetime.date]:
    first, _, last = when.partition(" – ")
    return PartialDate.parse(first).earliest, PartialDate.parse(last or first).latest


def test_timeline_filters(cli: Run, record: Program) -> None:
    everything = timeline_json(cli)
    since, until = datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)

    later = timeline_json(cli, "--from", "2025-01-01")
    assert later and len(later) < len(everything)
    assert all(bounds(e["date"])[1] >= since for e in later)
    assert [e for e in everything if bounds(e["date"])[1] >= since] == later

    earlier = timeline_json(cli, "--to", "2025-12-31")
    assert all(bounds(e["date"])[0] <= until for e in earlier)
    assert [e for e in everything if bounds(e["date"])[0] <= until] == earlier

    in_2025 = timeline_json(cli, "--from", "2025-01-01", "--to", "2025-12-31")
    assert [e for e in later if e in earlier] == in_2025

    reports_and_plans = timeline_json(cli, "--kind", "report", "--kind", "plan")
    assert {e["kind"] for e in reports_and_plans} == {"report", "plan"}
    assert len(reports_and_plans) == len(record.reports) + len(record.plans)

    about_2 = timeline_json(cli, "--stage", "2")
    assert about_2 and all(2 in e["stages"] for e in about_2)
    assert [e for e in everything if 2 in e["stages"]] == about_2

    by_id = timeline_json(cli, "--speaker", "tasmagambetov")
    said = [s for s in record.statements if s.speaker == "tasmagambetov"]
    assert len(by_id) == len(said) > 1
    assert all(e["kind"] == "statement" for e in by_id)
    assert timeline_json(cli, "--speaker", "Tasmagambetov") == by_id  # any case, part of a name
    assert timeline_json(cli, "--speaker", "imangali") == by_id
    other_name = timeline_json(cli, "--speaker", "Taalatbek")  # one of other_names
    assert [e["title"] for e in other_name] == ["Talatbek Masadykov, CSTO Secretary-General"]
    by_role = timeline_json(cli, "--speaker", "secretary")  # a role matches too
    assert len(by_role) > len(by_id)
    assert all(e["kind"] == "statement" and "secretary" in e["title"].lower() for e in by_role)

    combined = timeline_json(
        cli, "--speaker", "tasmagambetov", "--from", "2025-01-01", "--stage", "1"
    )
    assert [e["date"] for e in combined] == ["2025-01-29"]


def test_timeline_speaker_by_an_id_unlike_the_name(cli: Run, starter_file: Path) -> None:
    result = cli(
        "timeline", starter_file, "--as-of", "2025-06-01", "--json", "--speaker", "example-person"
    )
    assert result.code == 0, result.err
    assert [e["title"] for e in json.loads(result.out)["events"]] == ["Example Person, Their role"]


def test_timeline_filters_in_the_table(cli: Run) -> None:
    result = cli("timeline", "--as-of", DAY, "--kind", "report")
    rows = result.out.splitlines()[4:]
    assert rows[-1] == "2026-01-29  as of   ── no later events ──"
    assert all(row.split()[1] in ("report", "as") for row in rows)


def test_timeline_marker_before_everything(cli: Run) -> None:
    rows = cli("timeline", "--as-of", "2000-01-01").out.splitlines()[4:]
    assert rows[0].split()[:3] == ["2000-01-01", "as", "of"]


def test_timeline_defaults_to_today(cli: Run, fixed_today: pendulum.Date) -> None:
    result = cli("timeline")
    assert result.code == 0, result.err
    assert result.out.splitlines()[1].startswith(
        "As of 2026-11-29 (today), as known on 2026-11-29: "
    )
    assert "\n2026-11-29               as of      ── events below begin later ──\n" in result.out


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--kind", "rumour"], "'--kind'"),
        (["--stage", "two"], "'--stage'"),
        (["--from", "2025-13-01"], "'--from'"),
        (["--to", "yesterday"], "'--to'"),
        (["--known-on", "2025"], "'--known-on'"),
    ],
)
def test_timeline_bad_filters_are_usage_errors(cli: Run, args: list[str], option: str) -> None:
    result = cli("timeline", *args)
    assert result.code == 2
    [line] = result.errors()
    assert option in line and line.endswith("(see 'csto-program timeline --help')")


# --------------------------------------------------------------------------- plans


def test_plans_shows_the_three_plans_with_shifts(cli: Run, record: Program) -> None:
    result = cli("plans")
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[0] == f"{record.title} ({record.id})"
    headings = [line for line in lines if ", announced " in line and not line.startswith(" ")]
    assert headings == [
        "asia-plus-2024-11-25 (inferred), announced 2024-11-11: starts 2024-11-28, term 60 months",
        "sputnik-2024-12-04, announced 2024-12-04: starts 2025-01-01, term 60 months",
        "press-service-2025, announced 2025-04-11: starts 2025-01-01, term 60 months",
    ]
    rows = [line.split("  ") for line in lines if line.startswith("  1 ")]
    rows = [[cell.strip() for cell in row if cell.strip()] for row in rows]
    assert rows == [
        ["1", "2024-11-28 – 2025-11-27", "unchanged", "unchanged"],
        ["1", "2025-01-01 – 2025-12-31", "+34 days (later)", "+34 days (later, inferred)"],
        ["1", "2025-01-01 – 2025-12-31", "unchanged", "+34 days (later, inferred)"],
    ]
    assert "  sources: Sputnik Tajikistan, 2024-12-04; Asia-Plus, 2024-11-25; " in result.out
    assert lines.count("  STAGE  WINDOW                   VS PREVIOUS       VS FIRST") == 1


def test_plans_json(cli: Run, record: Program) -> None:
    result = cli("plans", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data == {"plans": text.plan_history(record)}
    assert [[s["shift_from_first"] for s in plan["stages"]] for plan in data["plans"]] == [
        [0, 0, 0],
        [34, 34, 34],
        [34, 34, 34],
    ]


# --------------------------------------------------------------------------- validate


def test_validate(cli: Run, record_file: Path, starter_file: Path) -> None:
    result = cli("validate", record_file, starter_file)
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines() == [
        f"{record_file}: ok (3 plans, 3 stages, 17 meetings, 18 statements, 6 progress reports)",
        f"{starter_file}: ok (1 plan, 3 stages, 1 meeting, 1 statement, 1 progress report)",
    ]


def test_validate_reports_every_problem_of_every_file(
    cli: Run, tmp_path: Path, starter_file: Path
) -> None:
    data = to_dict(starter_program())
    data["plans"][0]["stages"][1]["start"] = "2026-02-30"
    data["plans"][0]["stages"][2]["number"] = "3"
    data["unexpected"] = True
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    refs = to_dict(starter_program())
    refs["statements"][0]["speaker"] = "nobody"
    refs["reports"][0]["sources"] = ["nowhere"]
    dangling = tmp_path / "refs.json"
    dangling.write_text(json.dumps(refs))
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 4}')
    missing = tmp_path / "missing.json"
    result = cli("validate", bad, starter_file, dangling, broken, missing)
    assert result.code == 1
    assert result.out == (
        f"{starter_file}: ok (1 plan, 3 stages, 1 meeting, 1 statement, 1 progress report)\n"
    )
    lines = result.errors()
    assert f"error: {bad}: $.unexpected: unknown key" in lines
    assert any(
        line.startswith(f"error: {bad}: $.plans[0].stages[1].start: '2026-02-30'") for line in lines
    )
    assert any(line.startswith(f"error: {bad}: $.plans[0].stages[2].number: ") for line in lines)
    assert any(
        line.startswith(f"error: {dangling}: $.statements[0].speaker: ") and "'nobody'" in line
        for line in lines
    )
    assert any(
        line.startswith(f"error: {dangling}: $.reports[0].sources[0]: ") and "'nowhere'" in line
        for line in lines
    )
    assert any(line.startswith(f"error: {broken}: $.schema_version: ") for line in lines)
    assert lines[-1] == f"error: {missing}: cannot read the file: No such file or directory"
    # in the order of the files
    files = [
        next(str(p) for p in (bad, dangling, broken, missing) if line.startswith(f"error: {p}: "))
        for line in lines
    ]
    assert files == sorted(files, key=[str(bad), str(dangling), str(broken), str(missing)].index)


def test_validate_stdin_and_limit(cli: Run, starter_file: Path) -> None:
    result = cli("validate", "-", stdin=starter_file.read_bytes())
    assert result.code == 0, result.err
    assert result.out.startswith("<stdin>: ok (1 plan, ")
    result = cli("validate", starter_file, "--max-bytes", "100")
    assert result.code == 1
    assert result.errors() == [
        f"error: {starter_file}: larger than 100 bytes (the limit; raise it with --max-bytes)"
    ]
    result = cli("validate", starter_file, "--max-bytes", "lots")
    assert result.code == 2


def test_validate_needs_a_file(cli: Run) -> None:
    result = cli("validate")
    assert result.code == 2
    assert result.errors() == [
        "error: missing argument 'FILES...' (see 'csto-program validate --help')"
    ]


def test_validate_a_version_1_document(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(version_1_document()))
    result = cli("validate", path)
    assert result.code == 0, result.err
    assert (
        result.out
        == f"{path}: ok (1 plan, 3 stages, 0 meetings, 0 statements, 1 progress report)\n"
    )


# --------------------------------------------------------------------------- reading files


def test_unreadable_files(cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "missing.json"
    result = cli("timeline", missing)
    assert result.code == 1
    assert result.errors() == [f"error: {missing}: cannot read the file: No such file or directory"]
    folder = tmp_path / "folder"
    folder.mkdir()
    result = cli("status", folder)
    assert result.code == 1
    assert result.errors() == [
        f"error: {folder}: cannot read the file: Is a directory "
        "(and not a data package: it has no datapackage.json)"
    ]
    locked = tmp_path / "locked.json"
    locked.write_text("{}")

    def refuse(source: object, **kwargs: Any) -> bytes:
        raise FileError(str(source), "cannot read the file: Permission denied", errno=13)

    monkeypatch.setattr(files_module, "read_limited", refuse)
    result = cli("plans", locked)
    assert result.code == 1
    assert result.errors() == [f"error: {locked}: cannot read the file: Permission denied"]


def test_not_utf8_and_not_an_object(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"title": "\xe9"}')
    [line] = cli("status", path).errors()
    assert line.startswith(f"error: {path}: $: ")
    assert "utf-8" in line.lower()
    path.write_text("[1, 2]")
    result = cli("status", path)
    assert result.code == 1
    assert result.errors() == [f"error: {path}: $: expected an object, got an array"]


def test_broken_invariant_names_its_path(cli: Run, tmp_path: Path) -> None:
    data = to_dict(starter_program())
    data["plans"][0]["stages"][1]["start"] = "2025-12-01"
    path = tmp_path / "overlap.json"
    path.write_text(json.dumps(data))
    result = cli("status", path)
    assert result.code == 1
    lines = result.errors()
    assert any(line.startswith(f"error: {path}: $.plans[0].stages[1].start: ") for line in lines)


def test_long_arguments_are_echoed_shortened(cli: Run, tmp_path: Path) -> None:
    long_name = str(tmp_path / ("x" * 5000 + ".json"))
    for args in (
        ["status", "--as-of", "2" * 100_000],
        ["timeline", "--kind", "k" * 100_000],
        ["status", long_name],
        ["x" * 100_000],
    ):
        result = cli(*args)
        assert result.code in (1, 2)
        [line] = result.errors()
        assert len(line) < 1200, args[0]
        assert "…" in line
        assert line.endswith("--help')") == (result.code == 2)


def test_control_characters_in_arguments_are_escaped(cli: Run, tmp_path: Path) -> None:
    evil = tmp_path / "evil\x1b[2J\u202e.json"
    result = cli("validate", evil)
    assert result.code == 1
    assert result.errors() == [
        f"error: {tmp_path}/evil\\x1b[2J\\u202e.json: cannot read the file: "
        "No such file or directory"
    ]
    result = cli("status", "--as-of", "2026\n01\x1b[2J")
    assert "2026\\n01\\x1b[2J" in result.errors()[0]


# --------------------------------------------------------------------------- schema


def test_schema(cli: Run, record_file: Path) -> None:
    result = cli("schema")
    assert result.code == 0
    schema = json.loads(result.out)
    assert schema == json_schema(Program)
    assert result.out.startswith('{\n  "$schema": ')
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(record_file.read_text()), schema)
    old = json.loads(cli("schema", "--version", "1").out)
    assert old == json_schema(Program, version=1)
    jsonschema.validate(version_1_document(), old)
    for version in SUPPORTED_VERSIONS:
        shown = json.loads(cli("schema", "--version", str(version)).out)
        assert shown == json_schema(Program, version=version)
    assert json.loads(cli("schema", "--version", str(SCHEMA_VERSION)).out) == schema
    assert cli("schema", "--version", str(max(SUPPORTED_VERSIONS) + 1)).code == 2


# --------------------------------------------------------------------------- export


def test_export_json_writes_a_document_validate_accepts(
    cli: Run, tmp_path: Path, record: Program
) -> None:
    out = tmp_path / "record.json"
    result = cli("export", "-f", "json", "-o", out, "--as-of", DAY)
    assert (result.code, result.out, result.err) == (0, "", "")
    assert from_json(out.read_bytes(), Program) == record
    assert json.loads(out.read_bytes())["schema_version"] == 3
    check = cli("validate", out)
    assert check.code == 0, check.err
    assert check.out.startswith(f"{out}: ok (3 plans, 3 stages, ")
    # the format from the suffix of -o, and standard output
    by_suffix = tmp_path / "again.json"
    assert cli("export", "-o", by_suffix, "--as-of", DAY).code == 0
    assert by_suffix.read_bytes() == out.read_bytes()
    to_stdout = cli("export", "-f", "json", "--as-of", DAY)
    assert to_stdout.out.encode() == out.read_bytes()


def test_export_is_reproducible(cli: Run, record: Program) -> None:
    from csto_program import export

    for fmt in ("jsonl", "ics"):
        first = cli("export", "--format", fmt.upper(), "--as-of", DAY)
        assert first.code == 0, first.err
        assert cli("export", "--format", fmt, "--as-of", DAY).out == first.out
        assert first.out.encode() == export.render(record, fmt, as_of=DAY_DATE)
    jsonl = cli("export", "-f", "jsonl", "--as-of", DAY).out
    assert len(jsonl.splitlines()) == len(record.statements)


def test_export_format_contradicting_the_suffix_is_a_usage_error(cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "x.svg"
    result = cli("export", "-o", out, "-f", "png")
    assert result.code == 2
    [line] = result.errors()
    assert line.startswith("error: the format png does not match the suffix of '")
    assert line.endswith(" (svg); give --force to write it anyway")
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give --format (one of json, jsonl, "),
        (["-f", "pdf"], "unknown format 'pdf'; expected one of: json, "),
        (["-o", "report.txt"], "give --format"),
        (["-f", "datapackage"], "the datapackage format writes a folder: give -o DIR"),
    ],
)
def test_export_usage_errors(cli: Run, args: list[str], message: str) -> None:
    result = cli("export", *args)
    assert result.code == 2
    [line] = result.errors()
    assert line.startswith(f"error: {message}")


def test_export_refuses_to_overwrite_its_input(cli: Run, tmp_path: Path, record: Program) -> None:
    path = tmp_path / "record.jsonl"  # a program document, named for the format
    original = to_json(record, indent=True).encode()
    path.write_bytes(original)
    result = cli("export", "-f", "jsonl", path, "-o", path)
    assert result.code == 2
    assert result.errors() == [f"error: {path} is also an input; give --force to overwrite it"]
    assert path.read_bytes() == original
    same = tmp_path / "link.jsonl"
    same.symlink_to(path)
    assert cli("export", "-f", "jsonl", path, "-o", same).code == 2
    assert path.read_bytes() == original
    result = cli("export", "-f", "jsonl", path, "-o", path, "--force", "--as-of", DAY)
    assert result.code == 0, result.err
    assert len(path.read_text().splitlines()) == len(record.statements)


def test_export_write_errors(cli: Run, tmp_path: Path) -> None:
    result = cli("export", "-f", "json", "-o", tmp_path)
    assert result.code == 1
    assert result.errors() == [f"error: {tmp_path}: cannot write the file: it is a directory"]
    target = tmp_path / "no-such-dir" / "out.json"
    result = cli("export", "-f", "json", "-o", target)
    assert result.code == 1
    assert result.errors() == [
        f"error: {target}: cannot write the file: its directory does not exist"
    ]


def test_export_render_errors(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from csto_program import export

    def failing(*args: Any, **kwargs: Any) -> bytes:
        raise DataError.at("$.meetings[0]", "cannot be drawn")

    monkeypatch.setattr(export, "render", failing)
    result = cli("export", "-f", "mermaid", "--as-of", DAY)
    assert result.code == 1
    assert result.errors() == ["error: mermaid export: $.meetings[0]: cannot be drawn"]

    def no_matplotlib(*args: Any, **kwargs: Any) -> bytes:
        raise ImportError("the svg format needs matplotlib: pip install 'csto-program[plot]'")

    monkeypatch.setattr(export, "render", no_matplotlib)
    result = cli("export", "-f", "svg", "--as-of", DAY)
    assert result.code == 1
    [line] = result.errors()
    assert line.startswith("error: svg export: ") and "csto-program[plot]" in line


def test_export_refuses_binary_on_a_terminal(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from csto_program import export

    monkeypatch.setattr(export, "render", lambda *args, **kwargs: b"\x89PNG\r\n\x1a\n")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    result = cli("export", "-f", "png")
    assert result.code == 2
    assert result.errors() == ["error: refusing to write binary data to a terminal; use -o FILE"]


def test_real_image_export(cli: Run, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "timeline.png"
    result = cli("export", "-o", out, "--as-of", DAY)
    assert result.code == 0, result.err
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_a_data_package_folder_is_read_like_a_file(
    cli: Run, tmp_path: Path, record: Program
) -> None:
    folder = tmp_path / "package"
    result = cli("export", "-f", "datapackage", "-o", folder, "--as-of", DAY)
    assert (result.code, result.out, result.err) == (0, "", "")
    assert (folder / "datapackage.json").is_file()
    check = cli("validate", folder)
    assert check.code == 0, check.err
    assert check.out == (
        f"{folder}: ok (3 plans, 3 stages, 17 meetings, 18 statements, 6 progress reports)\n"
    )
    assert cli("status", folder, "--as-of", DAY, "--json").out == (
        cli("status", "--as-of", DAY, "--json").out
    )
    (folder / "datapackage.json").write_text("not json")
    result = cli("validate", folder)
    assert result.code == 1
    [line] = result.errors()
    assert line.startswith(f"error: {folder}: datapackage.json: ")


# --------------------------------------------------------------------------- init and upgrade


def test_init_writes_a_document_that_validates(cli: Run, tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    result = cli("init", "-o", mine)
    assert (result.code, result.out, result.err) == (0, "", "")
    check = cli("validate", mine)
    assert check.code == 0, check.err
    assert from_json(mine.read_bytes(), Program) == starter_program()

    six = tmp_path / "six.json"
    assert cli("init", "-o", six, "--start", "2026-01-01", "--months", "6,12,18").code == 0
    assert cli("validate", six).code == 0
    plan = json.loads(six.read_text())["plans"][0]
    assert [s["end"] for s in plan["stages"]] == ["2026-07-01", "2027-07-01", "2029-01-01"]
    assert (plan["term_months"], plan["first_stage_months"]) == (36, 6)

    to_stdout = cli("init", "--months", "12,48")
    assert to_stdout.code == 0
    assert from_json(to_stdout.out, Program).plan.term_months == 60


def test_init_does_not_overwrite_without_force(cli: Run, tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    mine.write_text("my own work")
    result = cli("init", "-o", mine)
    assert result.code == 2
    assert result.errors() == [f"error: {mine} exists; give --force to overwrite it"]
    assert mine.read_text() == "my own work"
    assert cli("init", "-o", mine, "--force").code == 0
    assert cli("validate", mine).code == 0


@pytest.mark.parametrize(
    "args", [["--months", "12,0"], ["--term-months", "0"], ["--start", "9999-01-01"]]
)
def test_init_impossible_plan(cli: Run, tmp_path: Path, args: list[str]) -> None:
    mine = tmp_path / "mine.json"
    result = cli("init", "-o", mine, *args)
    assert result.code == 2
    [line] = result.errors()
    assert line.startswith("error: impossible plan: ")
    assert not mine.exists()


def test_upgrade_writes_version_2(cli: Run, tmp_path: Path) -> None:
    old = tmp_path / "v1.json"
    old.write_text(json.dumps(version_1_document()))
    new = tmp_path / "v2.json"
    result = cli("upgrade", old, "-o", new)
    assert (result.code, result.err) == (0, "")
    data = json.loads(new.read_text())
    assert data["schema_version"] == 3
    assert [plan["id"] for plan in data["plans"]] == ["plan"]
    assert [r["id"] for r in data["reports"]] == ["stage-1-completed"]
    assert "stages" not in data and "starts_on" not in data
    assert from_json(new.read_bytes(), Program) == from_json(old.read_bytes(), Program)
    assert cli("validate", new).code == 0
    assert json.loads(old.read_text()) == version_1_document()  # the input is untouched
    to_stdout = cli("upgrade", old)
    assert to_stdout.out == new.read_text()


def test_upgrade_never_truncates_the_output_on_failure(cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("precious")
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "id": "x"')
    result = cli("upgrade", bad, "-o", out)
    assert result.code == 1
    assert result.errors()[0].startswith(f"error: {bad}: $: invalid JSON")
    assert out.read_text() == "precious"
    result = cli("upgrade", tmp_path / "missing.json", "-o", out)
    assert result.code == 1
    assert out.read_text() == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "out.json"]


def test_upgrade_in_place_needs_force(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(version_1_document()))
    result = cli("upgrade", path, "-o", path)
    assert result.code == 2
    assert result.errors() == [f"error: {path} is also an input; give --force to overwrite it"]
    assert json.loads(path.read_text()) == version_1_document()
    assert cli("upgrade", path, "-o", path, "--force").code == 0
    assert json.loads(path.read_text())["schema_version"] == 3


# --------------------------------------------------------------------------- usage and errors


def test_no_command_prints_help_and_is_a_usage_error(cli: Run) -> None:
    result = cli()
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("Usage: csto-program [OPTIONS] COMMAND [ARGS]...") or (
        result.err.startswith("Usage: csto-program [OPTIONS] [COMMAND] [ARGS]...")
    )
    for command in (
        "timeline",
        "status",
        "plans",
        "plan",
        "validate",
        "schema",
        "export",
        "init",
        "upgrade",
    ):
        assert f"\n  {command} " in result.err


def test_help_and_version(cli: Run) -> None:
    result = cli("--help")
    assert result.code == 0
    assert "Exit status: 0 success, 1 bad or unreadable data, 2 usage error." in result.out
    assert "\\f" not in result.out and ">>>" not in result.out
    result = cli("timeline", "-h")
    assert result.code == 0
    assert "--as-of YYYY-MM-DD" in result.out
    for kind in text.EVENT_KINDS:
        assert kind in result.out
    result = cli("--version")
    assert result.code == 0
    assert result.out == f"csto-program, version {importlib.metadata.version('csto-program')}\n"


def test_usage_errors(cli: Run) -> None:
    assert cli("frobnicate").errors() == [
        "error: no such command 'frobnicate' (see 'csto-program --help')"
    ]
    result = cli("status", "--as-of", "tomorrow")
    assert result.code == 2
    assert result.errors() == [
        "error: invalid value for '--as-of': expected an ISO date YYYY-MM-DD, got 'tomorrow' "
        "(see 'csto-program status --help')"
    ]
    result = cli("schema", "--bogus")
    assert result.code == 2
    assert result.errors() == ["error: no such option '--bogus' (see 'csto-program schema --help')"]
    assert cli("schema", "extra").code == 2
    assert cli("upgrade").code == 2


def test_unexpected_errors_are_one_line(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("something broke\ninside " + "x" * 10_000)

    monkeypatch.setattr(cli_plan, "plan_stages", boom)
    result = cli("plan", "--start", "2025-01-01")
    assert result.code == 1
    [line] = result.err.splitlines()
    assert line.startswith("error: unexpected RuntimeError: something broke\\ninside xxx")
    assert line.endswith("(please report this)")
    assert len(line) < 600


def test_interrupt(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_plan, "plan_stages", interrupt)
    result = cli("plan", "--start", "2025-01-01")
    assert result.code == 130
    assert result.err.endswith("error: interrupted\n")


def test_main_reads_sys_argv(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["csto-program", "plan", "--start", "2025-01-01", "--json"])
    assert main() == 0
    assert json.loads(capsys.readouterr().out)["stages"][0]["start"] == "2025-01-01"


def test_parameter_types_accept_converted_values() -> None:
    converted = cli_params.IsoDateType().convert(datetime.date(2025, 1, 1), None, None)
    assert converted == pendulum.Date(2025, 1, 1) and type(converted) is pendulum.Date
    assert cli_params.MonthsType().convert((12, 48), None, None) == (12, 48)
    assert cli_params.WholeNumberType().convert(60, None, None) == 60


def test_usage_line_keeps_acronyms_and_options() -> None:

    assert cli_module._usage_line(click.UsageError("JSON is wanted.")) == (
        "JSON is wanted (see 'csto-program --help')"
    )
    assert cli_module._usage_line(click.UsageError("--as-of is wrong")) == (
        "--as-of is wrong (see 'csto-program --help')"
    )
    assert cli_module._usage_line(click.UsageError("Bad thing.")) == (
        "bad thing (see 'csto-program --help')"
    )


# --------------------------------------------------------------------------- subprocesses


def run_process(
    *args: str | Path, input: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [str(arg) for arg in args],
        input=input,
        capture_output=True,
        timeout=120,
        check=False,
        env=env,
        cwd=cwd,
    )


def python_m(*args: str | Path, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    return run_process(sys.executable, "-m", "csto_program", *args, **kwargs)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    yield tmp_path


def test_end_to_end_init_validate_status(in_tmp: Path) -> None:
    result = python_m("init", "-o", "mine.json", "--months", "6,12,18", cwd=in_tmp)
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
    result = python_m("validate", "mine.json", cwd=in_tmp)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        b"mine.json: ok (1 plan, 3 stages, 1 meeting, 1 statement, 1 progress report)\n"
    )
    result = python_m(
        "status", "-", "--as-of", "2025-03-01", "--json", input=(in_tmp / "mine.json").read_bytes()
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["stages"][0]["last_day"] == "2025-06-30"
    result = python_m("validate", "missing.json", cwd=in_tmp)
    assert result.returncode == 1
    assert (result.stdout, result.stderr) == (
        b"",
        b"error: missing.json: cannot read the file: No such file or directory\n",
    )


def test_end_to_end_usage_errors_and_no_command() -> None:
    result = python_m("plan", "--start", "2025-02-30")
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    assert result.stderr.count(b"\n") == 1
    result = python_m()
    assert result.returncode == 2
    assert result.stderr.startswith(b"Usage: csto-program ")


@pytest.mark.skipif(not SCRIPT.exists(), reason="console script not installed")
def test_console_script() -> None:
    result = run_process(SCRIPT, "status", "--as-of", DAY)
    assert result.returncode == 0, result.stderr
    assert b"reported: stage 1 in progress (2026-01-29)" in result.stdout


def test_importing_the_library_does_not_import_click() -> None:
    code = "import csto_program, sys; assert 'click' not in sys.modules, 'click imported'"
    result = run_process(sys.executable, "-c", code)
    assert result.returncode == 0, result.stderr.decode()


# --------------------------------------------------------------------------- imports


def _modules_after(*args: str) -> set[str]:
    """The modules of the package loaded by running the command line once, in a new process."""
    code = (
        "import sys, io, contextlib\n"
        "from csto_program.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(sys.argv[1:])\n"
        "wanted = ('csto_program', 'matplotlib')\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith(wanted))))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    return set(done.stdout.split())


def test_help_version_and_completion_load_only_the_command_table() -> None:
    for args in (["--help"], ["--version"], ["-h"]):
        modules = _modules_after(*args)
        loaded = {m for m in modules if m.startswith("csto_program.cli")}
        assert loaded == {"csto_program.cli", "csto_program.cli._io"}, args
        below = {"errors", "_escape", "_terminal", "_version", "_i18n"}
        assert modules - loaded <= {"csto_program", *(f"csto_program.{m}" for m in below)}
        assert "importlib.metadata" not in modules, args  # heavier than click


def test_status_loads_no_zip_reader_and_no_hash() -> None:
    """Reading the embedded record (and its time zones) needs neither importlib's resource
    readers, which import zipfile, nor secrets, which imports hashlib: a writer's needs."""
    code = (
        "import sys, io, contextlib\n"
        "from csto_program.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['status', '--as-of', '2026-01-29']) == 0\n"
        "print(sorted({'zipfile', 'importlib.readers', 'secrets', 'hashlib'} & set(sys.modules)))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.stdout.split() == ["[]"], done.stderr


def test_import_csto_program_loads_nothing_until_a_name_is_used() -> None:
    code = (
        "import sys, csto_program\n"
        "before = sorted(m for m in sys.modules if m.startswith('csto_program.'))\n"
        "csto_program.PartialDate\n"
        "after = sorted(m for m in sys.modules if m.startswith('csto_program.'))\n"
        "print(before, 'serialize' in str(after), sorted(dir(csto_program)) == dir(csto_program))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.stdout.split() == ["[]", "False", "True"], done.stderr


def test_every_public_name_of_the_root_is_importable() -> None:
    import csto_program

    assert set(csto_program.__all__) <= set(dir(csto_program))
    for name in csto_program.__all__:
        assert getattr(csto_program, name) is not None
    assert csto_program.__version__ == importlib.metadata.version("csto-program")
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        csto_program.nothing  # noqa: B018


def _dist_info(folder: Path, name: str, metadata: str) -> None:
    (folder / name).mkdir()
    (folder / name / "METADATA").write_text(metadata, encoding="utf-8")


def test_the_version_is_read_from_the_first_distribution_on_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csto_program._version as version_module

    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    _dist_info(
        first, "csto_program-9.1.dist-info", "Name: csto-program\nVersion: 9.1\n\nVersion: 0\n"
    )
    _dist_info(second, "csto_program-9.2.dist-info", "Name: csto-program\nVersion: 9.2\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing"), str(first), str(second)])
    assert version_module.version() == "9.1"
    # a folder with no Version field, or none before the body, is passed over
    monkeypatch.setattr(sys, "path", [str(first), str(second)])
    (first / "csto_program-9.1.dist-info" / "METADATA").write_text("Name: x\n\nVersion: 1\n")
    assert version_module.version() == "9.2"


def test_without_a_distribution_the_version_is_importlib_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Run
) -> None:
    import csto_program._version as version_module

    (tmp_path / "csto_program.egg-info").mkdir()  # an older install: importlib reads it
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    monkeypatch.setattr(version_module, "DISTRIBUTION", "csto-program-not-installed")
    with pytest.raises(importlib.metadata.PackageNotFoundError):
        version_module.version()
    result = cli("--version")
    assert (result.code, result.out) == (0, "csto-program, version unknown (not installed)\n")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "_CSTO_PROGRAM_COMPLETE": "bash_complete",
        "COMP_WORDS": "csto-program st",
        "COMP_CWORD": "1",
    }
    code = (
        "import sys\n"
        "from csto_program.cli import main\n"
        "code = main([])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('csto_program.cli'))\n"
        "print(loaded, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["plain,status"]
    assert "'csto_program.cli._views'" not in done.stderr


def test_commands_load_what_they_use() -> None:
    for args in (
        ["validate", str(ROOT / "src/csto_program/data/tajik-afghan-border.json")],
        ["schema"],
        ["plan", "--start", "2025-01-01", "--json"],
    ):
        loaded = _modules_after(*args)
        assert "csto_program.export" not in loaded, args
        assert "csto_program.cli._views" not in loaded, args
    assert not {m for m in _modules_after("export", "-f", "json") if m.startswith("matplotlib")}


def test_the_command_table_says_what_each_command_says() -> None:
    group = cli_module.cli
    ctx = click.Context(group)
    for name, entry in cli_module._COMMANDS.items():
        command = group.get_command(ctx, name)
        assert command is not None and command.name == name
        assert command.short_help == entry.short_help, name
    assert group.get_command(ctx, "frobnicate") is None


def test_completion_of_command_names_reads_the_table(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = click.Context(cli_module.cli)
    items = cli_module.cli.shell_complete(ctx, "pl")
    assert [item.value for item in items] == ["plan", "plans"]
    assert items[0].help == cli_module._COMMANDS["plan"].short_help
    monkeypatch.setenv("_CSTO_PROGRAM_COMPLETE", "bash_complete")
    monkeypatch.setenv("COMP_WORDS", "csto-program val")
    monkeypatch.setenv("COMP_CWORD", "1")
    assert main([]) == 0
    assert capsys.readouterr().out.split() == ["plain,validate"]


def test_completion_to_a_full_output_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("_CSTO_PROGRAM_COMPLETE", "bash_complete")
    monkeypatch.setenv("COMP_WORDS", "csto-program val")
    monkeypatch.setenv("COMP_CWORD", "1")
    with open("/dev/full", "w", encoding="utf-8") as full:
        monkeypatch.setattr(sys, "stdout", full)
        assert main([]) == 1
    assert capsys.readouterr().err == (
        "error: cannot write to standard output: No space left on device\n"
    )


def test_a_full_standard_output_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        monkeypatch.setattr(sys, "stdout", full)
        assert main(["plan", "--start", "2025-01-01"]) == 1
    assert capsys.readouterr().err == (
        "error: cannot write to standard output: No space left on device\n"
    )


def test_closed_standard_streams_in_process(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert main(["status", "-"]) == 1
    assert capsys.readouterr().err == "error: <stdin>: cannot read: standard input is closed\n"
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["plan", "--start", "2025-01-01"]) == 1
    assert capsys.readouterr().err == "error: cannot write to standard output: it is closed\n"
    monkeypatch.setattr(sys, "stderr", None)
    assert main([]) == 2  # the help goes nowhere, and nothing fails
    assert main(["frobnicate"]) == 2


def test_an_unexpected_os_error_is_a_bug_report(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise FileNotFoundError(2, "No such file or directory", "/somewhere")

    monkeypatch.setattr(cli_plan, "plan_stages", boom)
    result = cli("plan", "--start", "2025-01-01")
    assert result.code == 1
    assert result.err.startswith("error: unexpected FileNotFoundError: ")
    assert result.err.endswith("(please report this)\n")


def test_helpers_of_the_package() -> None:
    from csto_program.cli import _io
    from csto_program.errors import CstoProgramError

    assert _io.problem_lines("x.json", CstoProgramError("no")) == ["x.json: no"]
    assert _io.help_through_output(None) is None
