"""iCalendar (RFC 5545): the program's meetings and stage deadlines as a calendar feed.

Written with the :mod:`icalendar` package, imported only when :func:`to_ical` is called.

* One all-day ``VEVENT`` per meeting whose start is known to the day. ``DTEND`` is
  exclusive, as the RFC says: a meeting from 2024-02-27 to 2024-03-01 has ``DTEND``
  2024-03-02. When ``ends_on`` is known only to the month or the year, the event covers
  only the days the meeting certainly lasted: from its start to the *earliest* day
  ``ends_on`` can denote (at least the start day); the description gives the end as
  recorded. Nothing is invented.
* One all-day ``VEVENT`` per stage deadline, on the stage's last day, with the stage
  window in the description (a ``VTODO`` would be the RFC's own word for a deadline, but
  most calendar applications ignore to-dos).
* Meetings known only to the month or the year are not events: they are listed in the
  calendar's description (``DESCRIPTION`` from RFC 7986 and ``X-WR-CALDESC``).
* Events are written in date order (a stage deadline before a meeting on the same day).
* UIDs are derived from the record's ids (``meeting-<id>@<program id>.csto-program``,
  ``stage-<n>-deadline@<program id>.csto-program``) so subscribers see updates, not
  duplicates; ``DTSTAMP`` is ``stamp`` in UTC, so the same input gives the same bytes.
* A date that is uncertain or approximate (``?``, ``~``, ``%``) gives ``STATUS:TENTATIVE``.
* Control characters other than tab and newline, which iCalendar text may not hold, are
  written as U+FFFD.

>>> import datetime
>>> from icalendar import Calendar
>>> from csto_program import Meeting, MeetingKind, PartialDate, Place, Program, plan_stages
>>> program = Program(
...     id="demo", title="Demo program", adopted_on=datetime.date(2024, 11, 28),
...     starts_on=datetime.date(2025, 1, 1), stages=plan_stages(datetime.date(2025, 1, 1)),
...     meetings=(Meeting(id="astana", title="Council session", kind=MeetingKind.SUMMIT,
...                       starts_on=PartialDate.parse("2024-11-27"),
...                       ends_on=PartialDate.parse("2024-11-28"),
...                       place=Place(name="Astana", country="KZ", timezone="Asia/Almaty")),))
>>> stamp = datetime.datetime(2026, 1, 29, 12, tzinfo=datetime.timezone.utc)
>>> calendar = Calendar.from_ical(to_ical(program, stamp=stamp))
>>> event = calendar.walk("VEVENT")[0]  # events are in date order
>>> str(event["UID"]), str(event["LOCATION"])
('meeting-astana@demo.csto-program', 'Astana, KZ')
>>> event.decoded("DTSTART"), event.decoded("DTEND")  # DTEND is exclusive
(datetime.date(2024, 11, 27), datetime.date(2024, 11, 29))
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, Any

from csto_program.dates import MAX_DATE, Precision, add_days, format_iso_date
from csto_program.model import Meeting, Program, Stage

if TYPE_CHECKING:
    import pendulum

__all__ = ["PRODID", "meeting_days", "meeting_uid", "stage_uid", "to_ical"]

PRODID = "-//csto-program//csto_program export//EN"
"""The ``PRODID`` of every calendar written (no version number, so output is stable)."""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def _text(value: str) -> str:
    """Text as iCalendar may hold it: CR LF and CR become LF, other controls U+FFFD."""
    return _CONTROL.sub("\ufffd", value.replace("\r\n", "\n").replace("\r", "\n"))


def meeting_uid(program: Program, meeting: Meeting) -> str:
    """The stable UID of a meeting's event.

    >>> import datetime
    >>> from csto_program import Meeting, MeetingKind, PartialDate, Program, plan_stages
    >>> program = Program(id="demo", title="Demo", adopted_on=datetime.date(2025, 1, 1),
    ...                   starts_on=datetime.date(2025, 1, 1),
    ...                   stages=plan_stages(datetime.date(2025, 1, 1)))
    >>> meeting_uid(program, Meeting(id="astana-2024", title="Summit",
    ...                               kind=MeetingKind.SUMMIT,
    ...                               starts_on=PartialDate.parse("2024-11-28")))
    'meeting-astana-2024@demo.csto-program'
    """
    return f"meeting-{meeting.id}@{program.id}.csto-program"


def stage_uid(program: Program, stage: Stage) -> str:
    """The stable UID of a stage deadline's event.

    >>> import datetime
    >>> from csto_program import Program, plan_stages
    >>> program = Program(id="demo", title="Demo", adopted_on=datetime.date(2025, 1, 1),
    ...                   starts_on=datetime.date(2025, 1, 1),
    ...                   stages=plan_stages(datetime.date(2025, 1, 1)))
    >>> stage_uid(program, program.stages[1])
    'stage-2-deadline@demo.csto-program'
    """
    return f"stage-{stage.number}-deadline@{program.id}.csto-program"


def _check_stamp(stamp: object) -> datetime.datetime:
    if not isinstance(stamp, datetime.datetime):
        raise TypeError(f"stamp must be a timezone-aware datetime, not {type(stamp).__name__}")
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise TypeError("stamp must be a timezone-aware datetime, not a naive one")
    utc = stamp.astimezone(datetime.UTC)
    return datetime.datetime(
        utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second, tzinfo=datetime.UTC
    )


def _plain(day: pendulum.Date) -> datetime.date:
    return datetime.date(day.year, day.month, day.day)


def meeting_days(meeting: Meeting) -> tuple[datetime.date, datetime.date] | None:
    """``(DTSTART, DTEND)`` of a meeting's all-day event, or ``None`` if it gets none.

    ``DTEND`` is exclusive. A meeting whose start is not known to the day gets no event;
    nor does one ending on 9999-12-31, whose exclusive end iCalendar cannot write.

    >>> from csto_program import Meeting, MeetingKind, PartialDate
    >>> def days(start, end=None):
    ...     return meeting_days(Meeting(
    ...         id="m", title="M", kind=MeetingKind.SUMMIT, starts_on=PartialDate.parse(start),
    ...         ends_on=None if end is None else PartialDate.parse(end)))
    >>> [str(d) for d in days("2024-02-27", "2024-03-01")]
    ['2024-02-27', '2024-03-02']
    >>> [str(d) for d in days("2024-02-27", "2024-03")]  # certainly ran through 1 March
    ['2024-02-27', '2024-03-02']
    >>> [str(d) for d in days("2024-02-27", "2024")]  # certainly only on its first day
    ['2024-02-27', '2024-02-28']
    >>> days("2024-02") is None
    True
    """
    if meeting.starts_on.precision is not Precision.DAY:
        return None
    start = meeting.starts_on.earliest
    last = start if meeting.ends_on is None else max(start, meeting.ends_on.earliest)
    if last >= MAX_DATE:
        return None
    return _plain(start), _plain(add_days(last, 1))


def _join(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def _meeting_description(program: Program, meeting: Meeting) -> str:
    when = str(meeting.starts_on)
    if meeting.ends_on is not None:
        when += f" to {meeting.ends_on}"
        if meeting.ends_on.precision is not Precision.DAY:
            when += f" (end known to the {meeting.ends_on.precision.value} only)"
    decisions = "".join(f"\n- {decision}" for decision in meeting.decisions)
    return _join(
        f"{meeting.kind.value.replace('_', ' ').capitalize()}, {when}.",
        meeting.description,
        f"Decisions:{decisions}" if decisions else "",
        _sources(program, meeting.sources),
    )


def _sources(program: Program, ids: tuple[str, ...]) -> str:
    by_id = {source.id: source for source in program.sources}
    lines = []
    for source_id in ids:
        source = by_id[source_id]
        lines.append(f"- {source.outlet}" + (f" <{source.url}>" if source.url else ""))
    return "Sources:\n" + "\n".join(lines) if lines else ""


def _place(meeting: Meeting) -> str | None:
    if meeting.place is None:
        return None
    return f"{meeting.place.name}, {meeting.place.country}"


def _undated(program: Program) -> list[Meeting]:
    found = [m for m in program.meetings if meeting_days(m) is None]
    return sorted(found, key=lambda m: m.starts_on.sort_key)


def _calendar_description(program: Program) -> str:
    lines = [
        f"{program.title}: adopted {format_iso_date(program.adopted_on)}, "
        f"runs from {format_iso_date(program.starts_on)} "
        f"to {format_iso_date(add_days(program.ends_on, -1))}."
    ]
    undated = _undated(program)
    if undated:
        lines.append("Meetings not known to the day (not shown as events):")
        for meeting in undated:
            place = _place(meeting)
            when = str(meeting.starts_on)
            if meeting.ends_on is not None:
                when += f" to {meeting.ends_on}"
            title = " ".join(meeting.title.split())
            lines.append(f"- {when}: {title}" + (f" ({place})" if place else ""))
    return "\n".join(lines)


def _event(uid: str, stamp: datetime.datetime, summary: str) -> Any:
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", _text(summary))
    return event


def _stage_event(program: Program, stage: Stage, stamp: datetime.datetime) -> Any:
    event = _event(stage_uid(program, stage), stamp, f"Stage {stage.number} deadline: {stage.name}")
    last = stage.last_day
    event.add("dtstart", _plain(last))
    event.add("dtend", _plain(stage.end))
    window = (
        f"Stage {stage.number} runs from {format_iso_date(stage.start)} to "
        f"{format_iso_date(last)} inclusive (window [{format_iso_date(stage.start)}, "
        f"{format_iso_date(stage.end)})); {format_iso_date(last)} is its last day."
    )
    completed = (
        f"Completed on {format_iso_date(stage.completed_on)}."
        if stage.completed_on is not None
        else ""
    )
    tasks = "".join(f"\n- {task}" for task in stage.tasks)
    event.add(
        "description",
        _text(
            _join(
                window,
                completed,
                stage.description,
                f"Tasks:{tasks}" if tasks else "",
                _sources(program, stage.sources),
            )
        ),
    )
    event.add("categories", ["Deadline"])
    event.add("transp", "TRANSPARENT")
    return event


def _meeting_event(
    program: Program,
    meeting: Meeting,
    days: tuple[datetime.date, datetime.date],
    stamp: datetime.datetime,
) -> Any:
    event = _event(meeting_uid(program, meeting), stamp, meeting.title)
    event.add("dtstart", days[0])
    event.add("dtend", days[1])
    place = _place(meeting)
    if place is not None:
        event.add("location", _text(place))
    event.add("description", _text(_meeting_description(program, meeting)))
    event.add("categories", ["Meeting", meeting.kind.value])
    tentative = meeting.starts_on.qualifier is not None or (
        meeting.ends_on is not None and meeting.ends_on.qualifier is not None
    )
    if tentative:
        event.add("status", "TENTATIVE")
    event.add("transp", "TRANSPARENT")
    return event


def to_ical(program: Program, *, stamp: datetime.datetime) -> bytes:
    """The program's meetings and stage deadlines as an iCalendar file (``text/calendar``).

    ``stamp`` (a timezone-aware datetime; a naive one raises ``TypeError``) becomes every
    event's ``DTSTAMP`` in UTC; nothing reads the clock, so the same program and stamp
    always give the same bytes. See the module documentation for the rules.

    >>> import datetime
    >>> from csto_program import Program, plan_stages
    >>> program = Program(id="demo", title="Demo", adopted_on=datetime.date(2025, 1, 1),
    ...                   starts_on=datetime.date(2025, 1, 1),
    ...                   stages=plan_stages(datetime.date(2025, 1, 1)))
    >>> text = to_ical(program, stamp=datetime.datetime(2026, 1, 29, tzinfo=datetime.UTC))
    >>> [line for line in text.decode().splitlines() if line.startswith(("DTSTART", "UID"))]
    ... # doctest: +NORMALIZE_WHITESPACE
    ['DTSTART;VALUE=DATE:20251231', 'UID:stage-1-deadline@demo.csto-program',
     'DTSTART;VALUE=DATE:20271231', 'UID:stage-2-deadline@demo.csto-program',
     'DTSTART;VALUE=DATE:20291231', 'UID:stage-3-deadline@demo.csto-program']
    >>> to_ical(program, stamp=datetime.datetime(2026, 1, 29))
    Traceback (most recent call last):
    ...
    TypeError: stamp must be a timezone-aware datetime, not a naive one
    """
    if not isinstance(program, Program):
        raise TypeError(f"program must be a Program, not {type(program).__name__}")
    utc_stamp = _check_stamp(stamp)
    from icalendar import Calendar, vText

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", vText(_text(program.title)))
    calendar.add("x-wr-calname", vText(_text(program.title)))
    description = _text(_calendar_description(program))
    calendar.add("description", description)
    calendar.add("x-wr-caldesc", vText(description))
    events: list[tuple[datetime.date, int, Any]] = [
        (_plain(stage.last_day), 0, _stage_event(program, stage, utc_stamp))
        for stage in program.stages
    ]
    for meeting in program.meetings:
        days = meeting_days(meeting)
        if days is not None:
            events.append((days[0], 1, _meeting_event(program, meeting, days, utc_stamp)))
    events.sort(key=lambda event: event[:2])  # stable: ties keep the record's order
    for _, _, event in events:
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
