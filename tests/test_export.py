"""iCalendar export checked with the ``icalendar`` parser; ``render``; lazy imports."""

from __future__ import annotations

import datetime
import io
import re
import subprocess
import sys
import zoneinfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from csto_program import (
    MAX_DATE,
    Meeting,
    MeetingKind,
    PartialDate,
    Precision,
    Program,
    Statement,
    iter_jsonl,
    plan_stages,
)
from csto_program.export import FORMATS, render, to_ical
from csto_program.strategies import programs
from export_samples import sample_program

D = datetime.date
UTC = datetime.UTC
STAMP = datetime.datetime(2026, 1, 29, 12, 30, 15, tzinfo=UTC)
AS_OF = D(2026, 1, 29)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def _parse(data: bytes) -> Calendar:
    calendar = Calendar.from_ical(data)
    assert calendar.errors == []
    for component in calendar.walk():
        assert component.errors == []
    return calendar


def _events(calendar: Calendar) -> dict[str, object]:
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert len(events) == len(calendar.walk("VEVENT"))  # UIDs are unique
    return events  # type: ignore[return-value]


def _as_ical_text(text: str) -> str:
    """What iCalendar text can hold: CR LF and CR become LF, other controls U+FFFD."""
    return _CONTROL.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))


def _expected_days(meeting: Meeting) -> tuple[D, D] | None:
    """The all-day event a meeting must get, from the rules in the issue (exclusive end)."""
    start = meeting.starts_on
    if start.precision is not Precision.DAY:
        return None
    first = D(start.year, start.month or 1, start.day or 1)
    # Through the day it ends; if that is known only to the month or year, only through the
    # days it certainly lasted: up to the earliest day the end can denote.
    last = first if meeting.ends_on is None else max(first, meeting.ends_on.earliest)
    if last == MAX_DATE:
        return None
    return first, last + datetime.timedelta(days=1)


@given(programs(), st.sampled_from([UTC, zoneinfo.ZoneInfo("Asia/Almaty")]))
def test_every_event_matches_the_program(program: Program, zone: datetime.tzinfo) -> None:
    stamp = STAMP.astimezone(zone)
    data = to_ical(program, stamp=stamp)
    assert data == to_ical(program, stamp=STAMP)  # the same instant gives the same bytes
    calendar = _parse(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"])
    events = _events(calendar)
    dated = 0
    for meeting in program.meetings:
        uid = f"meeting-{meeting.id}@{program.id}.csto-program"
        expected = _expected_days(meeting)
        if expected is None:
            assert uid not in events
            assert str(meeting.starts_on) in str(calendar["DESCRIPTION"])
            continue
        dated += 1
        event = events[uid]
        assert (event.decoded("DTSTART"), event.decoded("DTEND")) == expected  # type: ignore[attr-defined]
        assert type(event.decoded("DTSTART")) is D  # type: ignore[attr-defined]
        assert event.decoded("DTSTAMP") == STAMP  # type: ignore[attr-defined]
        assert str(event["SUMMARY"]) == _as_ical_text(meeting.title)  # type: ignore[index]
        if meeting.place is None:
            assert "LOCATION" not in event  # type: ignore[operator]
        else:
            location = f"{meeting.place.name}, {meeting.place.country}"
            assert str(event["LOCATION"]) == location  # type: ignore[index]
        qualified = meeting.starts_on.qualifier or (meeting.ends_on and meeting.ends_on.qualifier)
        assert (str(event.get("STATUS")) == "TENTATIVE") == bool(qualified)  # type: ignore[attr-defined]
    for stage in program.stages:
        event = events[f"stage-{stage.number}-deadline@{program.id}.csto-program"]
        assert event.decoded("DTSTART") == stage.end - datetime.timedelta(days=1)  # type: ignore[attr-defined]
        assert event.decoded("DTEND") == stage.end  # type: ignore[attr-defined]
        description = str(event["DESCRIPTION"])  # type: ignore[index]
        assert f"[{stage.start.isoformat()}, {stage.end.isoformat()})" in description
    assert len(events) == len(program.stages) + dated
    starts = [event.decoded("DTSTART") for event in calendar.walk("VEVENT")]
    assert starts == sorted(starts)  # events in date order


@given(st.text(min_size=1, max_size=120).filter(str.strip))
def test_any_title_survives_as_text(title: str) -> None:
    meeting = Meeting(
        id="m", title=title, kind=MeetingKind.TALKS, starts_on=PartialDate.parse("2025-03-04")
    )
    calendar = _parse(to_ical(_one_meeting(meeting), stamp=STAMP))
    (event,) = (e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("meeting-"))
    assert str(event["SUMMARY"]) == _as_ical_text(title)


def test_lines_are_crlf_and_folded() -> None:
    data = to_ical(sample_program(), stamp=STAMP)
    assert data.endswith(b"\r\n")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75  # RFC 5545 3.1: lines are folded at 75 octets
        assert b"\n" not in line and b"\r" not in line


def test_the_sample_program() -> None:
    program = sample_program()
    calendar = _parse(to_ical(program, stamp=STAMP))
    events = _events(calendar)
    moscow = events["meeting-moscow-2024@tajik-afghan-border.csto-program"]
    # 27 February to 1 March 2024 (a leap year): DTEND is 2 March, exclusive.
    assert moscow.decoded("DTSTART") == D(2024, 2, 27)  # type: ignore[attr-defined]
    assert moscow.decoded("DTEND") == D(2024, 3, 2)  # type: ignore[attr-defined]
    assert str(moscow["LOCATION"]) == "Moscow, RU"  # type: ignore[index]
    description = str(moscow["DESCRIPTION"])  # type: ignore[index]
    assert "Agree the draft" in description and "https://tass.com/world/2078683" in description
    assert "2024-02-27 to 2024-03-01" in description
    # Ends "2025-04", starts 2025-04-11~: only the start day is certain; tentative.
    talks = events["meeting-talks-2025@tajik-afghan-border.csto-program"]
    assert talks.decoded("DTEND") == D(2025, 4, 12)  # type: ignore[attr-defined]
    assert str(talks["STATUS"]) == "TENTATIVE"  # type: ignore[index]
    assert "end known to the month only" in str(talks["DESCRIPTION"])  # type: ignore[index]
    # Known to the month or year: listed in the calendar's description, not as events.
    assert "meeting-spring-2025@tajik-afghan-border.csto-program" not in events
    listing = str(calendar["DESCRIPTION"])
    assert "- 2025-05: Spring consultations (Astana, KZ)" in listing
    assert "- 2023? to 2024: Consultations on the draft" in listing
    raw = to_ical(program, stamp=STAMP).decode()
    assert "X-WR-CALDESC:" in raw and "X-WR-CALNAME:CSTO Targeted" in raw
    stage2 = events["stage-2-deadline@tajik-afghan-border.csto-program"]
    assert "Completed on 2027-06-30." in str(stage2["DESCRIPTION"])  # type: ignore[index]
    stage1 = events["stage-1-deadline@tajik-afghan-border.csto-program"]
    assert "Tasks:\n- Lists" in str(stage1["DESCRIPTION"])  # type: ignore[index]


def _one_meeting(meeting: Meeting) -> Program:
    return Program(
        id="p",
        title="Title\r\nwith\x00control\x1bcharacters",
        adopted_on=D(2025, 1, 1),
        starts_on=D(2025, 1, 1),
        stages=plan_stages(D(2025, 1, 1)),
        meetings=(meeting,),
    )


def test_control_characters_and_the_last_representable_day() -> None:
    last = Meeting(
        id="last",
        title="A\x07bell",
        kind=MeetingKind.OTHER,
        starts_on=PartialDate.parse("9999-12-31"),
    )
    calendar = _parse(to_ical(_one_meeting(last), stamp=STAMP))
    for name in ("NAME", "X-WR-CALNAME"):  # unknown to the parser, which keeps them raw
        raw = calendar[name].to_ical().decode()
        assert raw == "Title\\nwith\ufffdcontrol\ufffdcharacters"  # RFC 5545 3.3.11 escape
    assert "meeting-last@p.csto-program" not in _events(calendar)  # DTEND would be year 10000
    assert "9999-12-31: A\ufffdbell" in str(calendar["DESCRIPTION"])


@pytest.mark.parametrize(
    "stamp",
    [datetime.datetime(2026, 1, 29, 12), D(2026, 1, 29), "2026-01-29T12:00:00Z", None],
)
def test_stamp_must_be_an_aware_datetime(stamp: object) -> None:
    with pytest.raises(TypeError, match="timezone-aware"):
        to_ical(sample_program(), stamp=stamp)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="timezone-aware"):
        render(sample_program(), "markdown", as_of=AS_OF, stamp=stamp)  # type: ignore[arg-type]


def test_non_programs_are_refused() -> None:
    for call in (
        lambda: to_ical("p", stamp=STAMP),  # type: ignore[arg-type]
        lambda: render("p", "ics", as_of=AS_OF, stamp=STAMP),  # type: ignore[arg-type]
        lambda: render(sample_program(), 3, as_of=AS_OF, stamp=STAMP),  # type: ignore[arg-type]
        lambda: render(sample_program(), "ics", as_of=STAMP, stamp=STAMP),
    ):
        with pytest.raises(TypeError):
            call()


# ------------------------------------------------------------------------------ render


def test_render_text_formats() -> None:
    program = sample_program()
    for fmt in ("ics", "markdown", "mermaid", "jsonl"):
        data = render(program, fmt, as_of=AS_OF, stamp=STAMP)
        assert isinstance(data, bytes)
        data.decode("utf-8")
    assert render(program, "ics", as_of=AS_OF, stamp=STAMP) == to_ical(program, stamp=STAMP)
    assert render(program, "markdown", as_of=AS_OF, stamp=STAMP).startswith(b"# CSTO")
    assert render(program, "mermaid", as_of=AS_OF, stamp=STAMP).startswith(b"gantt\n")


def test_render_jsonl_is_the_statements() -> None:
    program = sample_program()
    data = render(program, "jsonl", as_of=AS_OF, stamp=STAMP)
    assert tuple(iter_jsonl(io.BytesIO(data), Statement)) == program.statements
    bare = Program(
        id="p",
        title="P",
        adopted_on=D(2025, 1, 1),
        starts_on=D(2025, 1, 1),
        stages=plan_stages(D(2025, 1, 1)),
    )
    assert render(bare, "jsonl", as_of=AS_OF, stamp=STAMP) == b""


@pytest.mark.parametrize("fmt", ["pdf", "ICS", "", "json", "md"])
def test_render_unknown_format(fmt: str) -> None:
    with pytest.raises(ValueError) as info:
        render(sample_program(), fmt, as_of=AS_OF, stamp=STAMP)
    message = str(info.value)
    assert repr(fmt) in message
    for known in FORMATS:
        assert known in message


def test_importing_the_package_imports_neither_icalendar_nor_matplotlib() -> None:
    code = (
        "import sys, csto_program, csto_program.export, csto_program.jsonl\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('icalendar', 'matplotlib'))\n"
        "assert not heavy, heavy\n"
        "import datetime\n"
        "from csto_program.export import render, to_ical\n"
        "from csto_program import Program, plan_stages\n"
        "d = datetime.date(2025, 1, 1)\n"
        "p = Program(id='p', title='P', adopted_on=d, starts_on=d, stages=plan_stages(d))\n"
        "render(p, 'markdown', as_of=d, stamp=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC))\n"
        "assert 'icalendar' not in sys.modules and 'matplotlib' not in sys.modules\n"
        "to_ical(p, stamp=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC))\n"
        "assert 'icalendar' in sys.modules and 'matplotlib' not in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
