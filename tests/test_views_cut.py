"""Every view takes the one knowledge cut: nothing that became known after the day of
knowledge shows in any view, and the embedded record reads as it should on the days that
matter (as of 2024-12-01 and 2026-12-06).

The oracle is :func:`csto_program.knowledge.known_day`, the library's one rule of when a
record became known, applied record by record to the outputs (not to the cut program)."""

from __future__ import annotations

import datetime
import html
import json

from hypothesis import given
from hypothesis import strategies as st

from csto_program import Meeting, MeetingKind, PartialDate, Program, words
from csto_program.datasets import tajik_afghan_border
from csto_program.export.html import to_html
from csto_program.export.ical import to_ical
from csto_program.export.markdown import escape_markdown, to_markdown
from csto_program.export.mermaid import to_mermaid
from csto_program.knowledge import known_day
from csto_program.strategies import programs
from export_samples import one_plan_program
from support import whole_program_settings

D = datetime.date
STAMP = datetime.datetime(2026, 12, 6, tzinfo=datetime.UTC)

_TEXTS = {  # the words of each kind of record that a view may show
    "statements": ("text",),
    "meetings": ("title", "description"),
    "sources": ("title", "url"),
    "notes": ("text",),
    "reports": ("note",),
    "plans": ("basis", "id"),
}


def _views(program: Program, day: D) -> dict[str, str]:
    """Every view of ``program`` as of ``day``, as known on ``day`` (the default)."""
    view = words.cut(program, day)
    timeline = words.timeline_json(view.events(), day, headline=str(view.headline))
    return {
        "json": json.dumps(timeline, ensure_ascii=False),
        "markdown": to_markdown(program, as_of=day),
        "mermaid": to_mermaid(program, as_of=day),
        "html": to_html(program, as_of=day),
        "ics": to_ical(
            program,
            stamp=datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC),
            as_of=day,
        ).decode("utf-8"),
    }


def _forms(text: str) -> set[str]:
    """``text`` as each output may write it (escaped for Markdown, HTML, JSON, iCalendar)."""
    words_ = " ".join(text.split())
    return {
        words_,
        escape_markdown(words_),
        html.escape(words_),
        json.dumps(words_, ensure_ascii=False)[1:-1],
        words_.replace(",", "\\,").replace(";", "\\;"),
    }


def _later_texts(program: Program, day: D) -> list[tuple[str, str]]:
    """``(record id, text)`` of each record not yet known on ``day`` whose text no known
    record shares (so its appearance can only be a leak)."""
    known_words: list[str] = [program.title, program.description, program.id]
    later: list[tuple[str, str]] = []
    for name, fields in _TEXTS.items():
        for record in getattr(program, name):
            became = known_day(program, record)
            values = [str(getattr(record, f) or "") for f in fields]
            if became is None or became <= day:
                known_words += values
            else:
                later += [(record.id, v) for v in values if len(" ".join(v.split())) >= 8]
    known_text = "\n".join(" ".join(w.split()) for w in known_words)
    return [(ref, text) for ref, text in later if " ".join(text.split()) not in known_text]


def _leaks(program: Program, day: D, views: dict[str, str]) -> list[str]:
    found = []
    for ref, text in _later_texts(program, day):
        for name, output in views.items():
            if any(form in output for form in _forms(text)):
                found.append(f"{name}: {ref}: {text[:40]!r}")
    return found


@whole_program_settings
@given(programs(), st.dates(D(1990, 1, 1), D(2045, 12, 31)))
def test_no_view_shows_what_became_known_later(program: Program, day: D) -> None:
    views = _views(program, day)
    assert _leaks(program, day, views) == []
    events = json.loads(views["json"])["events"]
    for event in events:  # every dated event had happened, or been announced, by then
        if event["kind"] in ("stage", "adopted", "meeting"):
            continue
        assert PartialDate.parse(event["date"].split(" – ")[0]).earliest <= day, event


def test_the_embedded_record_as_of_2024_12_01_holds_nothing_published_later() -> None:
    program = tajik_afghan_border()
    day = D(2024, 12, 1)
    views = _views(program, day)
    assert _leaks(program, day, views) == []
    later = [s for s in program.sources if s.published_on and s.published_on.earliest > day]
    assert later  # the record has later sources: the test means something
    for name in ("json", "markdown", "html"):
        output = views[name]
        assert "2026-01-29" not in output, name  # Masadykov's interview, two years later
        assert "2025-04-11" not in output, name  # the plan announced then
        for source in later:
            assert source.id not in output, (name, source.id)
            if source.url:
                assert html.escape(source.url) not in output, (name, source.url)
    for name in ("markdown", "html"):
        assert "as of 2024-12-01, as known on 2024-12-01" in views[name].lower(), name


def test_the_embedded_record_as_of_2026_12_06_warns_of_old_news() -> None:
    program = tajik_afghan_border()
    day = D(2026, 12, 6)
    warning = "no progress report for 311 days (since 2026-01-29)"
    views = _views(program, day)
    for name in ("json", "markdown", "html", "mermaid"):
        assert warning in views[name], name
    for name in ("json", "markdown", "html"):
        assert "not started (inferred" in views[name], name  # stage 2 rests on an inference
    status = program.status(day)
    assert status.is_stale and status.report_age_days == 311
    assert words.stage_rows(status)[1].progress_line == "not started (inferred, 2026-01-29)"


def test_the_views_of_an_earlier_day_with_todays_knowledge() -> None:
    program = tajik_afghan_border()
    early = to_markdown(program, as_of=D(2025, 6, 1))
    later = to_markdown(program, as_of=D(2025, 6, 1), known_on=D(2026, 12, 6))
    assert "Masadykov" not in early and "Masadykov" in later
    assert "as of 2025-06-01, as known on 2026-12-06" in later


def test_a_day_before_the_first_plan_shows_no_plan_and_nothing_later() -> None:
    program = tajik_afghan_border()
    day = D(2024, 6, 1)
    view = words.cut(program, day)
    assert not view.plans_known and view.plans == () and view.plan_rows() == ()
    assert {e.kind for e in view.events()} <= {"adopted", "meeting", "statement"}
    views = _views(program, day)
    assert _leaks(program, day, views) == []
    for output in views.values():
        assert "asia-plus-2024-11-25" not in output  # the first plan was not known yet


def _scheduled_program(status: str) -> Program:
    meeting = Meeting(
        id="moscow-2026-11-11",
        title="Collective Security Council session",
        kind=MeetingKind.SUMMIT,
        starts_on=PartialDate.parse("2026-11-11"),
        status=status,
        announced_on=PartialDate.parse("2025-11-27"),
    )
    return one_plan_program(meetings=(meeting,))


def test_a_scheduled_meeting_in_every_view() -> None:
    program = _scheduled_program("scheduled")
    before, after = D(2026, 1, 1), D(2026, 12, 6)
    (event,) = [e for e in words.timeline(program, before) if e.kind == "meeting"]
    assert event.text == "scheduled for 2026-11-11 (upcoming)"
    (event,) = [e for e in words.timeline(program, after) if e.kind == "meeting"]
    assert event.text == "scheduled for 2026-11-11; no report that it took place"
    assert "scheduled for 2026-11-11; no report that it took place" in to_markdown(
        program, as_of=after
    )
    feed = to_ical(program, stamp=STAMP).decode("utf-8")
    assert "STATUS:TENTATIVE" in feed and "(scheduled)" in feed
    assert "no report that it took place" in feed.replace("\r\n ", "")
    assert not [e for e in words.timeline(program, D(2025, 11, 1)) if e.kind == "meeting"]


def test_postponed_and_cancelled_meetings() -> None:
    cancelled = to_ical(_scheduled_program("cancelled"), stamp=STAMP).decode("utf-8")
    assert "STATUS:CANCELLED" in cancelled
    (event,) = [
        e
        for e in words.timeline(_scheduled_program("postponed"), D(2026, 12, 6))
        if e.kind == "meeting"
    ]
    assert event.text == "postponed (was scheduled for 2026-11-11)"


def test_record_formats_are_whole_unless_known_on_is_given() -> None:
    from csto_program import from_json
    from csto_program.export import render

    program = tajik_afghan_border()
    whole = from_json(render(program, "json", as_of=D(2024, 12, 1)), Program)
    assert whole == program
    cut = from_json(render(program, "json", as_of=D(2024, 12, 1), known_on=D(2024, 12, 1)), Program)
    assert cut == program.as_known_on(D(2024, 12, 1)) and len(cut.plans) < len(program.plans)
