"""iCalendar (RFC 5545): the program's meetings and stage deadlines as a calendar feed.

Written with the :mod:`icalendar` package, imported only when :func:`to_ical` is called.

* One all-day ``VEVENT`` per meeting whose start is known to the day. ``DTEND`` is
  exclusive, as the RFC says: a meeting from 2024-02-27 to 2024-03-01 has ``DTEND``
  2024-03-02. When ``ends_on`` is known only to the month or the year, the event covers
  only the days the meeting certainly lasted: from its start to the *earliest* day
  ``ends_on`` can denote (at least the start day); the description gives the end as
  recorded. Nothing is invented.
* One all-day ``VEVENT`` per stage deadline of the plan in use (the last plan known on
  ``known_on``, default ``as_of``), on the stage's last day, with the window, the
  plan, how far the deadline moved from the first plan and the stage's sources in the
  description (a ``VTODO`` would be the RFC's own word for a deadline, but most calendar
  applications ignore to-dos). ``SEQUENCE`` is the plan's place in the record (0 for the
  first), so a subscriber takes a rescheduled deadline as an update of the same event.
* Meetings known only to the month or the year are not events: they are listed in the
  calendar's description (``DESCRIPTION`` from RFC 7986 and ``X-WR-CALDESC``).
* Events are written in date order (a stage deadline before a meeting on the same day;
  meetings in the order of :func:`csto_program.words.timeline`).
* UIDs are derived from the record's ids (``meeting-<id>@<program id>.csto-program``,
  ``stage-<n>-deadline@<program id>.csto-program``) so subscribers see updates, not
  duplicates; ``DTSTAMP`` is ``stamp`` in UTC and nothing reads the clock, so the same
  input gives the same bytes.
* A date that is uncertain or approximate (``?``, ``~``, ``%``) gives ``STATUS:TENTATIVE``,
  and so does a meeting announced but not (yet) held (scheduled, postponed); a cancelled one
  is ``STATUS:CANCELLED``. Its description says "scheduled for D; no report that it took
  place" once its day has passed by ``as_of``.
* Only what was known on ``known_on`` is in the feed (:func:`csto_program.words.cut`); the
  calendar's description states "as of D, as known on K" and the status headline.
* Words (windows, places, dates, sources) come from :mod:`csto_program.words`.
  Control characters other than tab and newline, which iCalendar text may not hold, are
  written as U+FFFD.

>>> import datetime
>>> from icalendar import Calendar
>>> from csto_program import Meeting, Place, Plan, Program, plan_stages
>>> plan = Plan(id="plan", announced_on="2024-12-04", starts_on="2025-01-01",
...             stages=plan_stages("2025-01-01"))
>>> program = Program(
...     id="demo", title="Demo program", adopted_on="2024-11-28", plans=[plan],
...     meetings=[Meeting(id="astana", title="Council session", kind="summit",
...                       starts_on="2024-11-27", ends_on="2024-11-28",
...                       place=Place(name="Astana", country="KZ", timezone="Asia/Almaty"))])
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
from typing import TYPE_CHECKING, Any, Final

from csto_program import words as text
from csto_program._i18n import N_, using
from csto_program._i18n import gettext as _
from csto_program.dates import MAX_DATE, Precision, add_days, as_date, days_between
from csto_program.model import Meeting, Plan, Program, Source, Stage

if TYPE_CHECKING:
    import pendulum

__all__ = ["PRODID", "ical_bytes", "meeting_days", "meeting_uid", "stage_uid", "to_ical"]

PRODID = "-//csto-program//csto_program export//EN"
"""The ``PRODID`` of every calendar written (no version number, so output is stable).

>>> import datetime
>>> from csto_program.datasets import tajik_afghan_border
>>> calendar = ical_bytes(
...     tajik_afghan_border(), stamp=datetime.datetime(2026, 1, 29, tzinfo=datetime.UTC)
... )
>>> calendar.decode("utf-8").splitlines()[2]
'PRODID:-//csto-program//csto_program export//EN'
"""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")

# A meeting's kind in words: the description says it (capitalised), and it is the second
# category of the meeting's event.
_KINDS: Final = {
    "summit": N_("summit"),
    "council_session": N_("council session"),
    "ministerial_meeting": N_("ministerial meeting"),
    "parliamentary_session": N_("parliamentary session"),
    "working_meeting": N_("working meeting"),
    "talks": N_("talks"),
    "press_conference": N_("press conference"),
    "interview": N_("interview"),
    "phone_call": N_("phone call"),
    "visit": N_("visit"),
    "video_conference": N_("video conference"),
    "other": N_("other"),
}
# The end of a meeting known to less than the day, by the precision it is known to.
_END_KNOWN: Final = {
    "month": N_("end known to the month only"),
    "year": N_("end known to the year only"),
    "interval": N_("end known only as a range of days"),
}


def _kind(meeting: Meeting) -> str:
    value = str(meeting.kind.value)
    return _(_KINDS[value]) if value in _KINDS else value.replace("_", " ")


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def _text(value: str) -> str:
    """Text as iCalendar may hold it: CR LF and CR become LF, other controls U+FFFD."""
    return _CONTROL.sub("\ufffd", value.replace("\r\n", "\n").replace("\r", "\n"))


def meeting_uid(program: Program, meeting: Meeting) -> str:
    """The stable UID of a meeting's event.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> meeting_uid(program, program.by_id["astana-2024-11-28"])
    'meeting-astana-2024-11-28@tajik-afghan-border.csto-program'
    """
    return f"meeting-{meeting.id}@{program.id}.csto-program"


def stage_uid(program: Program, stage: Stage) -> str:
    """The stable UID of a stage deadline's event: the same in every plan, so a rescheduled
    deadline updates its event.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> stage_uid(program, program.stages[1]) == stage_uid(program, program.baseline.stages[1])
    True
    >>> stage_uid(program, program.stages[1])
    'stage-2-deadline@tajik-afghan-border.csto-program'
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

    >>> from csto_program import Meeting
    >>> def days(start, end=None):
    ...     return meeting_days(Meeting(id="m", title="M", kind="summit", starts_on=start,
    ...                                 ends_on=end))
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


def _sources(program: Program, ids: tuple[str, ...]) -> str:
    lines = []
    for ref in ids:
        source = program.by_id[ref]
        assert isinstance(source, Source)  # references resolve by construction
        details = [text.source_label(program, source)]
        if source.title.strip():
            details.append(f"“{' '.join(source.title.split())}”")
        if source.published_on is not None:
            details.append(str(source.published_on))
        lines.append("- " + ", ".join(details) + (f" <{source.url}>" if source.url else ""))
    return _("Sources:") + "\n" + "\n".join(lines) if lines else ""


def _meeting_description(program: Program, meeting: Meeting, as_of: datetime.date) -> str:
    when = text.meeting_when(meeting)
    if meeting.ends_on is not None and meeting.ends_on.precision is not Precision.DAY:
        precision = str(meeting.ends_on.precision.value)
        when += f" ({_(_END_KNOWN[precision])})"
    decisions = "".join(f"\n- {decision}" for decision in meeting.decisions)
    state = text.meeting_words(meeting, as_of)
    return _join(
        f"{_capital(_kind(meeting))}, {when}.",
        _("{state} (as of {day}).").format(state=_capital(state), day=as_of) if state else "",
        meeting.description,
        _("Decisions:") + decisions if decisions else "",
        _sources(program, meeting.sources),
    )


def _calendar_description(view: text.Cut, plan: Plan | None, undated: list[Meeting]) -> str:
    program = view.program
    heading = f"{_capital(view.heading)}: {view.headline}."
    title = text.title_of(program)
    if plan is None:
        lines = [
            _("{title}: adopted {day}; no plan known.").format(title=title, day=program.adopted_on),
            heading,
        ]
    else:
        lines = [
            _(
                "{title}: adopted {day}; deadlines of plan {plan} (announced {announced}), "
                "which runs {window}."
            ).format(
                title=title,
                day=program.adopted_on,
                plan=plan.id,
                announced=plan.announced_on,
                window=text.window(plan.starts_on, add_days(plan.ends_on, -1)),
            ),
            heading,
        ]
    if undated:
        lines.append(_("Meetings not known to the day (not shown as events):"))
        for meeting in undated:
            place = text.meeting_place(meeting)
            title = " ".join(meeting.title.split())
            lines.append(
                f"- {text.meeting_when(meeting)}: {title}" + (f" ({place})" if place else "")
            )
    return "\n".join(lines)


def _event(uid: str, stamp: datetime.datetime, summary: str) -> Any:
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", _text(summary))
    return event


def _stage_event(
    view: text.Cut, plan: Plan, sequence: int, stage: Stage, stamp: datetime.datetime
) -> Any:
    program = view.program
    # "Stage 1 deadline: assessment...", never "Stage 1 deadline: Stage 1: assessment..."
    name = text.stage_title(stage.number, stage.name).partition(": ")[2]
    summary = (
        _("Stage {number} deadline: {name}") if name else _("Stage {number} deadline")
    ).format(number=stage.number, name=name)
    event = _event(stage_uid(program, stage), stamp, summary)
    last = stage.last_day
    event.add("dtstart", _plain(last))
    event.add("dtend", _plain(stage.end))
    event.add("sequence", sequence)
    first = view.plans[0]
    shift = ""
    if plan.id != first.id and stage.number <= len(first.stages):
        moved = text.shift_words(
            days_between(first.stage(stage.number).last_day, last),
            first.inferred or plan.inferred,
        )
        shift = _("Against the first plan ({plan}): {moved}.").format(plan=first.id, moved=moved)
    tasks = "".join(f"\n- {task}" for task in stage.tasks)
    description = _join(
        _("Stage {number} runs {window}; {day} is its last day.").format(
            number=stage.number, window=text.window(stage.start, last), day=last
        ),
        _("Plan {plan}, announced {day}.").format(plan=plan.id, day=plan.announced_on),
        shift,
        stage.description,
        _("Tasks:") + tasks if tasks else "",
        _sources(program, stage.sources),
    )
    event.add("description", _text(description))
    event.add("categories", [_("Deadline")])
    event.add("transp", "TRANSPARENT")
    return event


def _meeting_event(
    program: Program,
    meeting: Meeting,
    days: tuple[datetime.date, datetime.date],
    stamp: datetime.datetime,
    as_of: datetime.date,
) -> Any:
    state = meeting.status.value
    shown = text.meeting_state(state)
    summary = meeting.title if state == "held" else f"{meeting.title} ({shown})"
    event = _event(meeting_uid(program, meeting), stamp, summary)
    event.add("dtstart", days[0])
    event.add("dtend", days[1])
    place = text.meeting_place(meeting)
    if place:
        event.add("location", _text(place))
    event.add("description", _text(_meeting_description(program, meeting, as_of)))
    event.add("categories", [_("Meeting"), _kind(meeting)])
    tentative = (
        state in ("scheduled", "postponed")
        or meeting.starts_on.qualifier is not None
        or (meeting.ends_on is not None and meeting.ends_on.qualifier is not None)
    )
    if state == "cancelled":
        event.add("status", "CANCELLED")
    elif tentative:
        event.add("status", "TENTATIVE")
    event.add("transp", "TRANSPARENT")
    return event


def to_ical(
    program: Program,
    *,
    stamp: datetime.datetime,
    known_on: datetime.date | None = None,
    as_of: datetime.date | None = None,
    stale_after: int = text.STALE_AFTER,
    lang: str | None = None,
) -> bytes:
    """The program's meetings and stage deadlines as an iCalendar file (``text/calendar``),
    as known on ``known_on``: only what was known by then (:func:`csto_program.words.cut`),
    its summaries and descriptions in ``lang`` (``"en"``, ``"ru"``; default: the language
    in use).

    ``as_of`` (default: the day of ``stamp`` in UTC) is the day the calendar's description
    and the meetings' states speak of; ``known_on`` defaults to ``as_of``. The deadlines are
    those of the last plan known on ``known_on``. A meeting announced but not held is
    ``STATUS:TENTATIVE`` (scheduled or postponed) or ``STATUS:CANCELLED``, and one whose day
    has passed says "no report that it took place". ``stamp`` (a timezone-aware datetime; a
    naive one raises ``TypeError``) becomes every event's ``DTSTAMP`` in UTC; nothing reads
    the clock, so the same program and stamp always give the same bytes. See the module
    documentation for the rules.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> program, stamp = tajik_afghan_border(), datetime.datetime(2026, 1, 29, tzinfo=datetime.UTC)
    >>> def deadlines(data):
    ...     events = data.decode().split("BEGIN:VEVENT")
    ...     return [line for event in events if "CATEGORIES:Deadline" in event
    ...             for line in event.splitlines() if line.startswith("DTSTART")]
    >>> deadlines(to_ical(program, stamp=stamp))  # the plan known on 2026-01-29
    ['DTSTART;VALUE=DATE:20251231', 'DTSTART;VALUE=DATE:20271231', 'DTSTART;VALUE=DATE:20291231']
    >>> deadlines(to_ical(program, stamp=stamp, known_on=datetime.date(2024, 12, 1)))
    ['DTSTART;VALUE=DATE:20251127', 'DTSTART;VALUE=DATE:20271127', 'DTSTART;VALUE=DATE:20291127']
    >>> to_ical(program, stamp=datetime.datetime(2026, 1, 29))
    Traceback (most recent call last):
    ...
    TypeError: stamp must be a timezone-aware datetime, not a naive one
    >>> russian = to_ical(program, stamp=stamp, lang="ru").decode()
    >>> "SUMMARY:Срок этапа 1" in russian
    True
    """
    with using(lang):
        return _calendar(program, stamp, known_on, as_of, stale_after)


def _calendar(
    program: Program,
    stamp: datetime.datetime,
    known_on: datetime.date | None,
    as_of: datetime.date | None,
    stale_after: int,
) -> bytes:
    if not isinstance(program, Program):
        raise TypeError(f"program must be a Program, not {type(program).__name__}")
    utc_stamp = _check_stamp(stamp)
    day = utc_stamp.date() if as_of is None else as_date(as_of, "as_of")
    view = text.cut(program, day, known_on, stale_after=stale_after)
    shown = view.program
    plan = view.status.plan
    from icalendar import Calendar, vText

    events: list[tuple[datetime.date, int, Any]] = []
    if plan is not None:
        sequence = next(i for i, known in enumerate(view.plans) if known.id == plan.id)
        events += [
            (_plain(stage.last_day), 0, _stage_event(view, plan, sequence, stage, utc_stamp))
            for stage in plan.stages
        ]
    undated = []
    for event in view.events(stages=False):
        if event.kind != "meeting":
            continue
        meeting = shown.meetings[event.order]
        days = meeting_days(meeting)
        if days is None:
            undated.append(meeting)
        else:
            events.append((days[0], 1, _meeting_event(shown, meeting, days, utc_stamp, day)))
    events.sort(key=lambda event: event[:2])  # stable: ties keep the timeline's order

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    title = _text(text.title_of(program))
    calendar.add("name", vText(title))
    calendar.add("x-wr-calname", vText(title))
    description = _text(_calendar_description(view, plan, undated))
    calendar.add("description", description)
    calendar.add("x-wr-caldesc", vText(description))
    for *_key, event in events:
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def ical_bytes(
    program: Program,
    *,
    as_of: datetime.date | None = None,
    known_on: datetime.date | None = None,
    stamp: datetime.datetime,
    stale_after: int = text.STALE_AFTER,
    lang: str | None = None,
) -> bytes:
    """:func:`to_ical`: the ``ics`` format of :func:`csto_program.export.render`, as of
    ``as_of`` and as known on ``known_on`` (default ``as_of``), in ``lang``.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> stamp = datetime.datetime(2026, 1, 29, tzinfo=datetime.UTC)
    >>> ical_bytes(tajik_afghan_border(), as_of=datetime.date(2026, 1, 29), stamp=stamp)[:15]
    b'BEGIN:VCALENDAR'
    """
    return to_ical(
        program,
        stamp=stamp,
        known_on=known_on,
        as_of=as_of,
        stale_after=stale_after,
        lang=lang,
    )
