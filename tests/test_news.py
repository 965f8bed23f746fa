"""``changes``, ``diff`` and ``find``, and :func:`csto_program.news.changes`, on known inputs."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from csto_program import DataError, Program, from_json, to_json
from csto_program.datasets import tajik_afghan_border
from csto_program.news import (
    Article,
    ReportSpec,
    StageView,
    changes,
    describe,
    headlines,
    log_article,
)

SINCE, UNTIL = datetime.date(2026, 11, 1), datetime.date(2026, 12, 6)
PLANNED = "planned: stage 2 of 3; reported: stage 1 in progress (2026-01-29)"
# the newest report before the article is of 2026-01-29: stale on both days (over 180 days)
BEFORE = f"{PLANNED}; no progress report for 276 days (since 2026-01-29)"  # on 2026-11-01
BEFORE_UNTIL = f"{PLANNED}; no progress report for 311 days (since 2026-01-29)"  # 2026-12-06
AFTER = "planned: stage 2 of 3; reported: stage 2 in progress (2026-11-27)"
SUMMIT = Article(
    outlet="Example News",
    published_on="2026-11-27",
    speaker="Masadykov",
    quote="the first stage has been completed and the second has begun",
    reports=(
        ReportSpec.parse("1=completed@2026-01-29/2026-11-27"),
        ReportSpec.parse("2=in_progress"),
    ),
)
ADDED = {
    "statements": ["masadykov-2026-11-27"],
    "reports": ["stage-1-2026-11-27", "stage-2-2026-11-27"],
    "sources": ["example-news-2026-11-27"],
}


@pytest.fixture(scope="module")
def base() -> Program:
    """The record before the summit article (of its own: the embedded one grows)."""
    program = tajik_afghan_border()
    return program.as_known_on(datetime.date(2026, 11, 26))


@pytest.fixture(scope="module")
def logged(base: Program) -> Program:
    return log_article(base, SUMMIT).program


@pytest.fixture
def files(tmp_path: Path, base: Program, logged: Program) -> tuple[Path, Path]:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(to_json(base, indent=True), encoding="utf-8")
    new.write_text(to_json(logged, indent=True), encoding="utf-8")
    return old, new


def test_changes_after_the_summit_article(logged: Program) -> None:
    found = changes(logged, SINCE, UNTIL)
    assert found.to_dict() == {
        "since": "2026-11-01",
        "until": "2026-12-06",
        "added": ADDED,
        "headline": {"before": BEFORE, "after": AFTER},
        "stages": [
            {
                "number": 1,
                "before": {"state": "overdue", "progress": "in_progress"},
                "after": {"state": "completed_late", "progress": "completed"},
            },
            {
                "number": 2,
                "before": {"state": "active", "progress": "not_started", "inferred": True},
                "after": {"state": "active", "progress": "in_progress"},
            },
            {
                "number": 3,
                "before": {"state": "upcoming", "progress": None},
                "after": {"state": "upcoming", "progress": None},
            },
        ],
    }
    assert [stage.changed for stage in found.stages] == [True, True, False]


def test_nothing_became_known_in_a_quiet_week(logged: Program) -> None:
    found = changes(logged, datetime.date(2026, 3, 1), datetime.date(2026, 3, 8))
    assert found.added == {}
    assert found.headline_before == found.headline_after
    assert not any(stage.changed for stage in found.stages)
    assert "Nothing new became known." in found.markdown(logged)
    assert "No stage's state or progress changed." in found.markdown(logged)


def test_a_stage_no_plan_had_yet_is_none_before(logged: Program) -> None:
    found = changes(logged, datetime.date(2024, 1, 1), datetime.date(2024, 12, 1))
    assert found.stages[0].before is None
    assert found.stages[0].after == StageView("active", None)
    assert found.headline_before == "no plan had been announced"
    assert "- Stage 1: – → active, no progress report" in found.markdown(logged)


def test_the_note_in_russian(logged: Program) -> None:
    english = changes(logged, SINCE, UNTIL, lang="en")
    russian = changes(logged, SINCE, UNTIL, lang="ru")
    assert russian.to_dict() != english.to_dict()  # the headlines are words
    assert {**russian.to_dict(), "headline": None} == {**english.to_dict(), "headline": None}
    note = russian.markdown(logged)
    assert note == english.markdown(logged, lang="ru")  # the headlines said again in Russian
    assert english.markdown(logged) == russian.markdown(logged, lang="en")
    assert "- Этап 1: просрочен, в работе → завершён с опозданием\n" in note
    assert f"- На {UNTIL}: {russian.headline_after}\n" in note
    assert "Новое в записи:" in note and "New on record" not in note
    assert "- отчёт stage-1-2026-11-27: этап 1 — завершён" in note


def test_a_state_is_said_once() -> None:
    assert StageView("completed_late", "completed").words() == "completed late"
    assert StageView("completed", "completed", True).words() == "completed (inferred)"
    assert StageView("cancelled", "cancelled").words() == "cancelled"
    assert StageView("overdue", "completed").words() == "overdue, completed"
    assert StageView("active", "cancelled").words() == "active, cancelled"


def test_until_before_since_is_refused(logged: Program) -> None:
    with pytest.raises(DataError, match="before since"):
        changes(logged, UNTIL, SINCE)


def test_the_changes_command(run, files: tuple[Path, Path]) -> None:  # type: ignore[no-untyped-def]
    _, new = files
    result = run("changes", new, "--since", SINCE, "--until", UNTIL)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[1] == "Changes after 2026-11-01 and by 2026-12-06, each day as known then"
    assert lines[3] == f"Headline on 2026-11-01: {BEFORE}"
    assert lines[4] == f"Headline on 2026-12-06: {AFTER}"
    expected = "1  overdue, in progress  completed late  changed"
    assert " ".join(lines[7].split()) == " ".join(expected.split())
    assert "New on record (4):" in lines
    assert (
        "  report stage-1-2026-11-27: stage 1 completed "
        "(as of a day between 2026-01-29 and 2026-11-27), "
        "reported 2026-11-27" in lines
    )
    data = json.loads(run("changes", new, "--since", SINCE, "--until", UNTIL, "--json").out)
    assert data["added"] == ADDED and data["headline"] == {"before": BEFORE, "after": AFTER}
    note = run("changes", new, "--since", SINCE, "--until", UNTIL, "--format", "markdown").out
    # a state is said once: "completed late", never "completed late, completed"
    assert "- Stage 1: overdue, in progress → completed late\n" in note
    assert "- Stage 2: active, not started (inferred) → active, in progress" in note
    assert "- source example-news-2026-11-27: Example News, 2026-11-27" in note


def test_changes_until_today_and_a_bad_order(run, files, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from csto_program.cli import _params

    monkeypatch.setattr(_params, "today", lambda: UNTIL)
    _, new = files
    result = run("changes", new, "--since", SINCE)
    assert "and by 2026-12-06 (today)" in result.out
    result = run("changes", new, "--since", "2026-12-07")
    assert result.code == 2
    assert result.err == "error: --until 2026-12-06 is before --since 2026-12-07\n"


def test_changes_reads_the_embedded_record_without_a_file(run) -> None:  # type: ignore[no-untyped-def]
    result = run("changes", "--since", "2026-01-01", "--until", "2026-02-01", "--json")
    data = json.loads(result.out)
    assert "stage-1-2026-01-29" in data["added"]["reports"]


def test_markdown_escapes_what_could_be_a_link(logged: Program) -> None:
    program = log_article(
        logged, Article(outlet="[click](http://x) <b>", published_on="2026-12-01")
    ).program
    note = changes(program, SINCE, UNTIL).markdown(program)
    assert "\\[click\\](http://x) \\<b\\>" in note


def test_the_diff_command(run, files: tuple[Path, Path]) -> None:  # type: ignore[no-untyped-def]
    old, new = files
    result = run("diff", old, new, "--as-of", UNTIL)
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        f"--- {old}",
        f"+++ {new}",
        "added statements: masadykov-2026-11-27",
        "added reports: stage-1-2026-11-27",
        "added reports: stage-2-2026-11-27",
        "added sources: example-news-2026-11-27",
        "Headline as of 2026-12-06, as known on 2026-12-06:",
        f"  old: {BEFORE_UNTIL}",
        f"  new: {AFTER}",
    ]
    data = json.loads(run("diff", old, new, "--as-of", UNTIL, "--json").out)
    assert data["added"] == ADDED and data["removed"] == {}
    assert data["headline"] == {"old": BEFORE_UNTIL, "new": AFTER}


def test_diff_shows_changed_fields_and_no_differences(run, tmp_path: Path, base: Program) -> None:  # type: ignore[no-untyped-def]
    import attrs

    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(to_json(base, indent=True), encoding="utf-8")
    masadykov = base.by_id["masadykov"]
    people = tuple(
        attrs.evolve(p, description="Changed.") if p is masadykov else p for p in base.people
    )
    changed = attrs.evolve(base, people=people, title="Renamed", plans=base.plans)
    new.write_text(to_json(changed, indent=True), encoding="utf-8")
    out = run("diff", old, new, "--as-of", UNTIL).out
    assert (
        "changed people[masadykov].description: "
        "'CSTO Secretary-General in January 2026.' -> 'Changed.'" in out
    )
    assert "changed title: " in out
    out = run("diff", new, new, "--as-of", UNTIL).out
    assert "no differences" in out.splitlines()
    reordered = attrs.evolve(base, people=tuple(reversed(base.people)))
    new.write_text(to_json(reordered, indent=True), encoding="utf-8")
    assert "reordered: people" in run("diff", old, new, "--as-of", UNTIL).out.splitlines()
    removed = run("diff", new, tmp_path / "missing.json")
    assert removed.code == 1


def test_diff_of_removed_records_and_nested_values(run, files) -> None:  # type: ignore[no-untyped-def]
    old, new = files
    out = run("diff", new, old, "--as-of", UNTIL).out
    assert "removed reports: stage-1-2026-11-27" in out.splitlines()


def test_the_find_command(run) -> None:  # type: ignore[no-untyped-def]
    result = run("find", "rakhmon")
    assert result.code == 0, result.err
    assert result.out.splitlines()[:2] == [
        "KIND    ID      NAME            MATCHED",
        "person  rahmon  Emomali Rahmon  (Emomali Rakhmon)",
    ]
    out = run("find", "masadykov").out.splitlines()
    assert out[0].split() == ["KIND", "ID", "NAME"]
    assert out[1].split()[:2] == ["person", "masadykov"]
    data = json.loads(run("find", "MASADÝKOV", "--json").out)
    assert data["matches"][0]["id"] == "masadykov"
    result = run("find", "nobody-like-this")
    assert result.code == 0
    assert result.out == "no id, name or title contains 'nobody-like-this'\n"


def test_find_in_a_file(run, files) -> None:  # type: ignore[no-untyped-def]
    _, new = files
    out = run("find", "example news", new).out
    assert "source  example-news-2026-11-27" in out


def test_headlines_and_views() -> None:
    program = tajik_afghan_border()
    old, new = headlines(program, program, datetime.date(2024, 12, 1))
    assert old == new
    assert StageView("active", None).words() == "active, no progress report"
    assert StageView("overdue", "in_progress", True).to_dict()["inferred"] is True


@pytest.mark.parametrize(
    ("ident", "start"),
    [
        ("press-service-2025", "plan press-service-2025: announced 2025-04-11"),
        ("astana-2024-11-28", "meeting astana-2024-11-28: "),
        ("date-sochi-decision", "note date-sochi-decision: "),
        ("masadykov", "person masadykov: Talatbek Masadykov"),
        ("csto", "organization csto: Collective Security Treaty Organization"),
        ("tasmagambetov-2024-11-25-signing", "statement tasmagambetov-2024-11-25-signing: "),
        ("khovar-2025-01", "source khovar-2025-01: Khovar"),
        ("stage-2-2026-01-29", "report stage-2-2026-01-29: stage 2 not started (as of "),
    ],
)
def test_describe_every_kind(ident: str, start: str) -> None:
    assert describe(tajik_afghan_border(), ident).startswith(start)


def test_a_paraphrase_is_described_without_quotation_marks() -> None:
    program = tajik_afghan_border()
    paraphrases = [s for s in program.statements if s.kind.value == "paraphrase"]
    text = describe(program, paraphrases[0].id)
    assert "“" not in text


def test_a_long_statement_is_cut() -> None:
    program = log_article(
        tajik_afghan_border(),
        Article(outlet="X", published_on="2026", speaker="masadykov", quote="word " * 60),
    ).program
    assert describe(program, "masadykov-2026").endswith("…”")


def test_a_record_read_back_equals_the_logged_one(
    files: tuple[Path, Path], logged: Program
) -> None:
    _, new = files
    assert from_json(new.read_bytes(), Program) == logged


# --------------------------------------------------------------------------- the record


def test_the_embedded_record_on_2026_12_06() -> None:
    program = tajik_afghan_border()
    status = program.status(UNTIL)
    one, two, _ = status.stages
    assert (one.state.value, one.days_overdue, one.progress.value) == (
        "overdue",
        340,
        "in_progress",
    )
    assert one.report is not None and str(one.report.reported_on) == "2026-01-29"
    assert (two.state.value, two.progress.value, two.progress_inferred) == (
        "active",
        "not_started",
        True,
    )
    assert status.report_age_days == 311 and status.is_stale
    moscow = program.by_id["moscow-2026-11-11"]
    assert moscow.status.value == "scheduled" and str(moscow.announced_on) == "2025-11-24"
    assert moscow.starts_on.latest < UNTIL
    assert not any(s.meeting == moscow.id for s in program.statements)
    note = program.by_id["context-moscow-council-2026"]
    assert "No stored report" in note.text and note.about == ("moscow-2026-11-11",)


def test_the_first_plan_is_known_on_2024_11_20() -> None:
    program = tajik_afghan_border()
    status = program.status(datetime.date(2024, 11, 20))
    assert status.plan is not None and status.plan.id == "asia-plus-2024-11-25"
    assert str(status.plan.announced_on) == "2024-11-11"
    first = program.plans[0]
    assert first.sources[:2] == ("asia-plus-2024-11-11", "asia-plus-2024-11-25-article")
    # as known on 2024-11-20, the plan rests on the report of 2024-11-11 alone
    assert status.plan.sources == ("asia-plus-2024-11-11", "csto-pa-website")
    for stage in status.plan.stages:
        assert "asia-plus-2024-11-25-article" not in stage.sources
        assert "2024-11-25" not in stage.description
    assert "2024-11-25" not in status.plan.basis
    assert status.stages[0].state.value == "upcoming"
    assert program.status(datetime.date(2024, 11, 10)).plan is None


def test_what_became_known_in_2026() -> None:
    found = changes(tajik_afghan_border(), datetime.date(2026, 2, 1), UNTIL)
    assert found.added["statements"] == ("shoigu-2026-02-12", "vasilyev-2026-06-26")
    assert "reports" not in found.added  # no progress report since 2026-01-29
    assert not any(stage.changed for stage in found.stages[:1])


def test_shoigu_is_a_statement_with_the_relayed_claim_noted() -> None:
    program = tajik_afghan_border()
    statement = program.by_id["shoigu-2026-02-12"]
    assert statement.stages == () and statement.language == "ru"
    assert not any(r.statement == statement.id for r in program.reports)
    note = program.by_id["context-shoigu-relayed-claim"]
    assert "relayed claim" in note.text and "afghan-verified-2026-02" in note.sources


def test_the_new_conflicts_and_the_translation_note() -> None:
    program = tajik_afghan_border()
    kinds = {n.id: n.kind.value for n in program.notes}
    assert kinds["conflict-secretary-general-name"] == "conflict"
    assert kinds["conflict-start-2026"] == "conflict"
    assert kinds["context-masadykov-translation"] == "context"
    assert "Talgat Musabayev" in program.by_id["conflict-secretary-general-name"].text


def test_dates_between_two_days_are_described_as_ranges() -> None:
    program = tajik_afghan_border()
    assert describe(program, "muhriddin-2024-06").startswith(
        "statement muhriddin-2024-06: Sirojiddin Muhriddin, 2024-06-20 – 2024-06-21: "
    )
    assert "/" not in describe(program, "vasilyev-2026-06-26").split(":")[1]
