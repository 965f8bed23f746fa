"""The commands that show a program take the one knowledge cut and the one vocabulary:
``--known-on`` (and the word ``today``), ``--stale-after``, ``--wide``, tables fitted to a
terminal without cutting a key column, ``--speaker`` by role, and citations."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import NamedTuple

import pendulum
import pytest

from csto_program.cli import _params as cli_params
from csto_program.cli import _views as cli_views
from csto_program.cli import main
from csto_program.cli._table import fit_table, wrap_line


class Result(NamedTuple):
    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    def invoke(*args: object) -> Result:
        capsys.readouterr()
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Today is 2026-12-06; counts the clock reads."""
    reads: list[int] = []

    def clock() -> pendulum.Date:
        reads.append(1)
        return pendulum.Date(2026, 12, 6)

    monkeypatch.setattr(cli_params, "today", clock)
    return reads


def test_status_as_of_2026_12_06_warns_and_marks_inferences(cli: Run) -> None:
    result = cli("status", "--as-of", "2026-12-06")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[1] == (
        "As of 2026-12-06, as known on 2026-12-06: planned: stage 2 of 3; reported: stage 1 "
        "in progress (2026-01-29); no progress report for 311 days (since 2026-01-29)"
    )
    assert "not started (inferred, 2026-01-29)" in result.out
    assert "completed_late" not in result.out


def test_stale_after_moves_the_warning(cli: Run) -> None:
    quiet = cli("status", "--as-of", "2026-12-06", "--stale-after", "400")
    assert "no progress report for" not in quiet.out
    data = json.loads(cli("status", "--as-of", "2026-12-06", "--json").out)
    assert (data["is_stale"], data["report_age_days"], data["stale_after"]) == (True, 311, 180)
    assert data["stages"][1]["progress_inferred"] is True
    timeline = json.loads(cli("timeline", "--as-of", "2026-12-06", "--json").out)
    assert timeline["headline"].endswith("no progress report for 311 days (since 2026-01-29)")


def test_the_word_today_is_read_once(cli: Run, today: list[int]) -> None:
    result = cli("status", "--as-of", "2025-06-01", "--known-on", "today")
    assert result.code == 0, result.err
    assert "As of 2025-06-01, as known on 2026-12-06: " in result.out
    assert len(today) == 1
    today.clear()
    both = cli("timeline", "--known-on", "today", "--json")
    assert json.loads(both.out)["as_of"] == "2026-12-06" and len(today) == 1


def test_timeline_as_of_2024_12_01_holds_only_what_was_known(cli: Run) -> None:
    data = json.loads(cli("timeline", "--as-of", "2024-12-01", "--json").out)
    assert data["known_on"] == "2024-12-01"
    dated = [e for e in data["events"] if e["kind"] not in ("stage", "adopted")]
    assert all(e["date"].split(" – ")[0] <= "2024-12-01" for e in dated)
    assert not any("2026" in e["date"] for e in data["events"])


def test_speaker_matches_a_role(cli: Run) -> None:
    data = json.loads(
        cli("timeline", "--as-of", "2026-12-06", "--speaker", "Joint Staff", "--json").out
    )
    assert data["events"] and all("Joint Staff" in e["title"] for e in data["events"])


def test_outlets_are_told_apart_by_date(cli: Run) -> None:
    result = cli("status", "--as-of", "2026-12-06")
    assert "[TASS via Khovar, 2025-01-29]" in result.out


def test_plans_known_on(cli: Run) -> None:
    early = json.loads(cli("plans", "--known-on", "2024-12-01", "--json").out)
    assert [p["id"] for p in early["plans"]] == ["asia-plus-2024-11-25"]
    assert early["plans"][0]["inferred"] is True
    every = json.loads(cli("plans", "--json").out)
    assert len(every["plans"]) == 3


def test_a_narrow_terminal_keeps_the_key_columns(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_views, "columns", lambda: 80)
    result = cli("status", "--as-of", "2026-12-06")
    lines = result.out.splitlines()
    assert all(len(line) <= 80 for line in lines), [line for line in lines if len(line) > 80]
    for words in (
        "overdue",
        "in progress (2026-01-29)",
        "340 overdue",
        "not started",
        "(inferred,",
        "311 days",
        "+34 days",
    ):
        assert words in result.out, words
    assert "…" not in "\n".join(lines[1:12])  # the headline and the table: wrapped, not cut
    wide = cli("status", "--as-of", "2026-12-06", "--wide")
    assert any(len(line) > 80 for line in wide.out.splitlines())
    assert "Stage 1: assessment, funding and contracts" in wide.out


def test_a_narrow_terminal_timeline_keeps_date_and_kind(
    cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_views, "columns", lambda: 60)
    lines = cli("timeline", "--as-of", "2026-12-06").out.splitlines()
    assert all(len(line) <= 60 for line in lines)
    assert any(line.startswith("2026-01-29  ") and "statement" in line for line in lines)
    assert lines[1].startswith("As of 2026-12-06, as known on 2026-12-06:")


def test_fit_table_drops_then_wraps_never_cuts_a_key_column() -> None:
    rows = [
        [
            "1",
            "A long stage name that can go",
            "2025-01-01 – 2025-12-31",
            "completed late between 2026-01-29 and 2026-11-27",
            "29–331 late",
        ]
    ]
    headers = ["STAGE", "NAME", "WINDOW", "STATE", "DAYS"]
    lines = fit_table(headers, rows, 40, shrink="NAME", drop=("NAME", "WINDOW"))
    assert lines[0].split() == ["STAGE", "STATE", "DAYS"]
    text = " ".join(" ".join(line.split()) for line in lines[1:])
    for word in [*rows[0][3].split(), "29–331", "late"]:
        assert word in text
    assert all(len(line) <= 40 for line in lines)
    assert fit_table(headers, rows, None) == fit_table(headers, rows, 0)  # a pipe: whole
    assert wrap_line("x" * 50, 20) == ["x" * 50]  # a word is never cut


def test_export_views_take_the_cut_and_records_stay_whole(cli: Run) -> None:
    markdown = cli("export", "-f", "markdown", "--as-of", "2024-12-01").out
    assert "2026-01-29" not in markdown
    assert "## Status as of 2024-12-01, as known on 2024-12-01" in markdown
    stale = cli("export", "-f", "markdown", "--as-of", "2026-12-06", "--stale-after", "400").out
    assert "no progress report for" not in stale
    whole = json.loads(cli("export", "-f", "json", "--as-of", "2024-12-01").out)
    assert len(whole["plans"]) == 3
    cut = json.loads(
        cli("export", "-f", "json", "--as-of", "2024-12-01", "--known-on", "2024-12-01").out
    )
    assert len(cut["plans"]) == 1


def test_json_is_unchanged_by_the_terminal(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_views, "columns", lambda: 40)
    data = cli("status", "--as-of", "2026-12-06", "--json").out
    monkeypatch.setattr(cli_views, "columns", lambda: None)
    assert cli("status", "--as-of", "2026-12-06", "--json").out == data
