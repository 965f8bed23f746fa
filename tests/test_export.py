"""iCalendar checked with the ``icalendar`` parser; the format registry and ``render``; lazy
imports; a hostile record in every format. (That cost is linear in the size of the record is
checked by benchmarks/test_cost.py, run by ``make bench-check``.)"""

from __future__ import annotations

import datetime
import inspect
import io
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zoneinfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar
from PIL import Image

from csto_program import Meeting, MeetingKind, PartialDate, Program, Statement, iter_jsonl
from csto_program.datasets import tajik_afghan_border
from csto_program.dates import MAX_DATE, Precision
from csto_program.export import FORMATS, render, text
from csto_program.export.ical import ical_bytes, to_ical
from csto_program.knowledge import known_day
from export_samples import (
    hostile_program,
    one_plan_program,
    programs,
    sample_program,
)
from support import untraced

D = datetime.date
UTC = datetime.UTC
STAMP = datetime.datetime(2026, 1, 29, 12, 30, 15, tzinfo=UTC)
AS_OF = D(2026, 1, 29)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_MINE = ("markdown", "mermaid", "ics", "png", "svg")


def _parse(data: bytes) -> Calendar:
    with untraced():
        calendar = Calendar.from_ical(data)
    assert calendar.errors == []
    for component in calendar.walk():
        assert component.errors == []
    return calendar


def _events(calendar: Calendar) -> dict[str, object]:
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert len(events) == len(calendar.walk("VEVENT"))  # UIDs are unique
    return events  # type: ignore[return-value]


def _as_ical_text(value: str) -> str:
    """What iCalendar text can hold: CR LF and CR become LF, other controls U+FFFD."""
    return _CONTROL.sub("\ufffd", value.replace("\r\n", "\n").replace("\r", "\n"))


def _expected_days(meeting: Meeting) -> tuple[D, D] | None:
    """The all-day event a meeting must get (exclusive end)."""
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


@given(
    programs(),
    st.sampled_from([UTC, zoneinfo.ZoneInfo("Asia/Almaty")]),
    st.none() | st.dates(D(1990, 1, 1), D(2041, 1, 1)),
)
def test_every_event_matches_the_program(
    program: Program, zone: datetime.tzinfo, known_on: D | None
) -> None:
    data = to_ical(program, stamp=STAMP.astimezone(zone), known_on=known_on)
    assert data == to_ical(program, stamp=STAMP, known_on=known_on)  # the same instant
    calendar = _parse(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"])
    events = _events(calendar)
    dated = 0
    known = STAMP.date() if known_on is None else known_on  # known_on defaults to as_of
    for meeting in program.meetings:
        uid = f"meeting-{meeting.id}@{program.id}.csto-program"
        expected = _expected_days(meeting)
        became = known_day(program, meeting)
        if became is not None and became > known:  # not yet known: not in the feed
            assert uid not in events
            continue
        if expected is None:
            assert uid not in events
            assert str(meeting.starts_on) in str(calendar["DESCRIPTION"])
            continue
        dated += 1
        event = events[uid]
        assert (event.decoded("DTSTART"), event.decoded("DTEND")) == expected  # type: ignore[attr-defined]
        assert type(event.decoded("DTSTART")) is D  # type: ignore[attr-defined]
        state = meeting.status.value
        title = meeting.title if state == "held" else f"{meeting.title} ({state})"
        assert str(event["SUMMARY"]) == _as_ical_text(title)  # type: ignore[index]
        if meeting.place is None:
            assert "LOCATION" not in event  # type: ignore[operator]
        else:
            location = f"{meeting.place.name}, {meeting.place.country}"
            assert str(event["LOCATION"]) == location  # type: ignore[index]
        qualified = meeting.starts_on.qualifier or (meeting.ends_on and meeting.ends_on.qualifier)
        tentative = bool(qualified) or state in ("scheduled", "postponed")
        expected_status = (
            "CANCELLED" if state == "cancelled" else "TENTATIVE" if tentative else None
        )
        assert str(event.get("STATUS")) == str(expected_status)  # type: ignore[attr-defined]
    plan = program.plan_known_on(known)
    stages = () if plan is None else plan.stages
    for stage in stages:
        assert plan is not None
        event = events[f"stage-{stage.number}-deadline@{program.id}.csto-program"]
        assert event.decoded("DTSTART") == stage.last_day  # type: ignore[attr-defined]
        assert event.decoded("DTEND") == stage.end  # type: ignore[attr-defined]
        assert event.decoded("SEQUENCE") == program.plans.index(plan)  # type: ignore[attr-defined]
        description = str(event["DESCRIPTION"])  # type: ignore[index]
        assert text.window(stage.start, stage.last_day) in description
        assert f"Plan {plan.id}, announced {plan.announced_on}." in description
        summary = str(event["SUMMARY"])  # type: ignore[index]
        name = " ".join(stage.name.split())
        if "stage" not in name.lower():  # (names with their own "Stage N": the record's test)
            prefix = f"Stage {stage.number} deadline"
            assert summary == _as_ical_text(f"{prefix}: {name}" if name else prefix)
    assert len(events) == len(stages) + dated
    for event in calendar.walk("VEVENT"):
        assert event.decoded("DTSTAMP") == STAMP  # from the stamp, and nothing else
        assert not {"CREATED", "LAST-MODIFIED"} & set(event)
    starts = [event.decoded("DTSTART") for event in calendar.walk("VEVENT")]
    assert starts == sorted(starts)  # events in date order


def test_deadlines_follow_the_plan_in_use_with_stable_uids() -> None:
    program = tajik_afghan_border()

    def deadlines(known_on: D | None) -> dict[str, tuple[D, int]]:
        events = _events(_parse(to_ical(program, stamp=STAMP, known_on=known_on)))
        return {
            uid: (event.decoded("DTSTART"), event.decoded("SEQUENCE"))  # type: ignore[attr-defined]
            for uid, event in events.items()
            if uid.startswith("stage-")
        }

    summaries = [
        str(event["SUMMARY"])  # type: ignore[index]
        for uid, event in _events(_parse(to_ical(program, stamp=STAMP))).items()
        if uid.startswith("stage-")
    ]
    assert summaries == [  # the stage's name without its own "Stage N:" again
        "Stage 1 deadline: assessment, funding and contracts",
        "Stage 2 deadline: deliveries and deployment",
        "Stage 3 deadline: full implementation",
    ]
    first, latest = deadlines(D(2024, 12, 1)), deadlines(None)
    assert first.keys() == latest.keys()  # the same events, updated
    stage1 = "stage-1-deadline@tajik-afghan-border.csto-program"
    assert first[stage1] == (D(2025, 11, 27), 0)
    assert latest[stage1] == (D(2025, 12, 31), len(program.plans) - 1)
    assert deadlines(D(2024, 1, 1)) == {}  # no plan was known yet
    assert ical_bytes(program, as_of=AS_OF, known_on=None, stamp=STAMP) == to_ical(
        program, stamp=STAMP
    )


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
    assert "Agree the draft" in description
    assert "- TASS, “CSTO assists in the first stage”, 2026-01-29 <https://tass.com" in (
        description
    )
    assert "2024-02-27 – 2024-03-01" in description
    sochi = events["meeting-sochi-2013@tajik-afghan-border.csto-program"]
    assert str(sochi["LOCATION"]) == "Sochi, RU"  # type: ignore[index]
    # Ends "2025-04", starts 2025-04-11~: only the start day is certain; tentative.
    talks = events["meeting-talks-2025@tajik-afghan-border.csto-program"]
    assert talks.decoded("DTEND") == D(2025, 4, 12)  # type: ignore[attr-defined]
    assert str(talks["STATUS"]) == "TENTATIVE"  # type: ignore[index]
    assert "end known to the month only" in str(talks["DESCRIPTION"])  # type: ignore[index]
    # Known to the month or year: listed in the calendar's description, not as events.
    assert "meeting-spring-2025@tajik-afghan-border.csto-program" not in events
    listing = str(calendar["DESCRIPTION"])
    assert "- 2025-05: Spring consultations (Astana, KZ)" in listing
    assert "- 2023? – 2024: Consultations on the draft" in listing
    assert "deadlines of plan later-plan (announced 2024-12-04)" in listing
    raw = to_ical(program, stamp=STAMP).decode()
    assert "X-WR-CALDESC:" in raw and "X-WR-CALNAME:CSTO Targeted" in raw
    stage1 = events["stage-1-deadline@tajik-afghan-border.csto-program"]
    description = str(stage1["DESCRIPTION"])  # type: ignore[index]
    assert "Tasks:\n- Lists" in description
    assert "Stage 1 runs 2025-01-01 – 2025-12-31; 2025-12-31 is its last day." in description
    assert "Against the first plan (first-plan): +34 days (later)." in description
    astana = str(events["meeting-astana-2024@tajik-afghan-border.csto-program"]["DESCRIPTION"])  # type: ignore[index]
    assert "- Odd (outlet) via Khovar [TJ], “A title” <https://example.org/a_(b)>" in astana


def _one_meeting(meeting: Meeting) -> Program:
    return one_plan_program(title="Title\r\nwith\x00control\x1bcharacters", meetings=(meeting,))


def test_control_characters_and_the_last_representable_day() -> None:
    last = Meeting(
        id="last",
        title="A\x07bell",
        kind=MeetingKind.OTHER,
        starts_on=PartialDate.parse("9999-12-31"),
    )
    # a held meeting is known from its day: ask for the feed as known on that day
    calendar = _parse(to_ical(_one_meeting(last), stamp=STAMP, known_on=MAX_DATE))
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
    if stamp is not None:  # render takes None as midnight UTC of as_of
        with pytest.raises(TypeError, match="timezone-aware"):
            render(sample_program(), "markdown", as_of=AS_OF, stamp=stamp)  # type: ignore[arg-type]


def test_non_programs_are_refused() -> None:
    for call in (
        lambda: to_ical("p", stamp=STAMP),  # type: ignore[arg-type]
        lambda: render("p", "ics", as_of=AS_OF, stamp=STAMP),  # type: ignore[arg-type]
        lambda: render(sample_program(), 3, as_of=AS_OF, stamp=STAMP),  # type: ignore[arg-type]
        lambda: render(sample_program(), "ics", as_of=STAMP, stamp=STAMP),
        lambda: to_ical(sample_program(), stamp=STAMP, known_on="2025"),  # type: ignore[arg-type]
    ):
        with pytest.raises(TypeError):
            call()


# ------------------------------------------------------------------------------ registry


@pytest.mark.parametrize("name", _MINE)
def test_each_format_has_its_adapter(name: str) -> None:
    function = FORMATS[name].function()
    parameters = inspect.signature(function).parameters
    assert next(iter(parameters)) == "program"
    for keyword in ("as_of", "known_on", "stamp"):
        assert parameters[keyword].kind is inspect.Parameter.KEYWORD_ONLY
    data = function(sample_program(), as_of=AS_OF, known_on=None, stamp=STAMP)
    assert isinstance(data, bytes) and data
    assert render(sample_program(), name, as_of=AS_OF, stamp=STAMP) == data


def test_render_text_formats() -> None:
    from csto_program.export.markdown import to_markdown
    from csto_program.export.mermaid import to_mermaid

    program = sample_program()
    for fmt in ("ics", "markdown", "mermaid", "jsonl"):
        render(program, fmt, as_of=AS_OF, stamp=STAMP).decode("utf-8")
    assert render(program, "ics", as_of=AS_OF, stamp=STAMP) == to_ical(program, stamp=STAMP)
    known = D(2024, 12, 1)
    assert render(program, "ics", as_of=AS_OF, known_on=known, stamp=STAMP) == to_ical(
        program, stamp=STAMP, known_on=known
    )
    assert (
        render(program, "markdown", as_of=AS_OF, known_on=known)
        == to_markdown(program, as_of=AS_OF, known_on=known).encode()
    )
    assert (
        render(program, "mermaid", as_of=AS_OF, known_on=known)
        == to_mermaid(program, as_of=AS_OF, known_on=known).encode()
    )


def test_render_jsonl_is_the_statements() -> None:
    program = sample_program()
    data = render(program, "jsonl", as_of=AS_OF, stamp=STAMP)
    assert tuple(iter_jsonl(io.BytesIO(data), Statement)) == program.statements
    assert render(one_plan_program(), "jsonl", as_of=AS_OF, stamp=STAMP) == b""


@pytest.mark.parametrize("fmt", ["pdf", "ICS", "", "md"])
def test_render_unknown_format(fmt: str) -> None:
    with pytest.raises(ValueError) as info:
        render(sample_program(), fmt, as_of=AS_OF, stamp=STAMP)
    message = str(info.value)
    assert repr(fmt) in message
    for known in FORMATS:
        assert known in message


def test_importing_the_package_imports_neither_icalendar_nor_matplotlib() -> None:
    code = (
        "import sys, csto_program, csto_program.export\n"
        "import csto_program.export.ical, csto_program.export.plot\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('icalendar', 'matplotlib'))\n"
        "assert not heavy, heavy\n"
        "import datetime\n"
        "from csto_program.export import render\n"
        "from csto_program.datasets import tajik_afghan_border\n"
        "p, d = tajik_afghan_border(), datetime.date(2026, 1, 29)\n"
        "render(p, 'markdown', as_of=d)\n"
        "render(p, 'mermaid', as_of=d)\n"
        "assert 'icalendar' not in sys.modules and 'matplotlib' not in sys.modules\n"
        "render(p, 'ics', as_of=d)\n"
        "assert 'icalendar' in sys.modules and 'matplotlib' not in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


# ------------------------------------------------------------------------------ hostility


# Unicode's controls (Cc, fixed by its stability policy) but the newline, and the surrogates
# (Cs), then the bidirectional embeddings, overrides and isolates.
_RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def test_the_raw_control_pattern_is_the_categories() -> None:
    # every control and surrogate is in the Basic Multilingual Plane
    found = {chr(c) for c in range(0x10000) if _RAW_CONTROL.match(chr(c))}
    assert found == {
        chr(c)
        for c in range(0x10000)
        if chr(c) != "\n" and unicodedata.category(chr(c)) in ("Cc", "Cs")
    }


def _no_raw_controls(value: str) -> None:
    assert (found := _RAW_CONTROL.search(value)) is None, repr(found)
    assert not _BIDI.search(value)


def test_a_hostile_record_renders_in_every_format() -> None:
    program = hostile_program()
    outputs = {
        fmt: render(program, fmt, as_of=AS_OF, stamp=STAMP) for fmt in FORMATS if fmt in _MINE
    }
    markdown, mermaid = outputs["markdown"].decode(), outputs["mermaid"].decode()
    for value in (markdown, mermaid):
        _no_raw_controls(value)
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    assert len(mermaid) < 5_000
    calendar = _parse(outputs["ics"])
    assert calendar.walk("VEVENT")
    root = ET.fromstring(outputs["svg"])  # well-formed XML: no control characters in it
    assert root.tag.endswith("svg")
    assert len(outputs["svg"]) < 200_000  # the megabyte of text was cut before drawing
    with Image.open(io.BytesIO(outputs["png"])) as image:
        image.verify()


def test_a_bare_program_and_days_before_any_plan() -> None:
    for program in (one_plan_program(), sample_program()):
        for fmt in _MINE:
            for as_of, known_on in ((AS_OF, None), (AS_OF, D(2000, 1, 1)), (D(1990, 1, 1), None)):
                assert render(program, fmt, as_of=as_of, known_on=known_on, stamp=STAMP)
