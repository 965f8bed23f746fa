"""The phrases of every view: days, windows, states, progress, shifts, sources, meetings."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any, Final

from csto_program._i18n import N_, current, ngettext, pgettext, prose_date
from csto_program._i18n import gettext as _
from csto_program.dates import PartialDate, days_between
from csto_program.languages import name_in, wording_in
from csto_program.model import (
    Meeting,
    Organization,
    Person,
    Program,
    Source,
    Statement,
    StatementKind,
)
from csto_program.precedence import days_late
from csto_program.status import StageState, StageStatus

__all__ = [
    "EVENT_KINDS",
    "INFERRED",
    "NO_REPORT",
    "as_of_words",
    "citation",
    "completion_words",
    "date_words",
    "days",
    "days_cell",
    "event_kind",
    "marked",
    "meeting_place",
    "meeting_when",
    "meeting_words",
    "months",
    "note_kind",
    "outlets",
    "person_name",
    "progress_line",
    "progress_words",
    "prose_day",
    "quote_language",
    "said",
    "shift_words",
    "source_label",
    "stage_title",
    "state_name",
    "state_words",
    "table",
    "title_of",
    "window",
]

EVENT_KINDS: tuple[str, ...] = ("adopted", "plan", "meeting", "statement", "report", "stage")
"""The kinds of timeline events, in the order they are listed on the same day.

>>> EVENT_KINDS.index("meeting") < EVENT_KINDS.index("statement")
True
>>> EVENT_KINDS[-1]
'stage'
"""

NO_REPORT: Final = N_("no progress report")
"""The one phrase for a stage, or a program, without a progress report.

>>> NO_REPORT
'no progress report'
"""

INFERRED: Final = N_("inferred")
"""The one mark of a record that its author inferred rather than a source stated: a plan, a
progress report, or a shift measured against an inferred plan ("not started (inferred)").

>>> f"not started ({INFERRED})"
'not started (inferred)'
"""


def marked(words: str, inferred: bool) -> str:
    """``words``, followed by the mark :data:`INFERRED` in brackets when ``inferred``: the one
    way every view marks an inferred plan, report or progress.

    >>> marked("plan 2", True), marked("plan 2", False)
    ('plan 2 (inferred)', 'plan 2')
    """
    return f"{words} ({_(INFERRED)})" if inferred else words


def days(count: int) -> str:
    """``"1 day"``, ``"29 days"``.

    >>> days(1), days(29)
    ('1 day', '29 days')
    """
    return ngettext("{n} day", "{n} days", count).format(n=count)


def months(count: int) -> str:
    """``"1 month"``, ``"60 months"``.

    >>> months(1), months(60)
    ('1 month', '60 months')
    """
    return ngettext("{n} month", "{n} months", count).format(n=count)


_EVENT_KINDS: Final = {
    "adopted": N_("adopted"),
    "plan": N_("plan"),
    "meeting": N_("meeting"),
    "statement": N_("statement"),
    "report": N_("report"),
    "stage": N_("stage"),
}


def event_kind(kind: str) -> str:
    """The name of a kind of :data:`EVENT_KINDS` in the language in use (the kind itself
    in English).

    >>> event_kind("meeting")
    'meeting'
    """
    return _(_EVENT_KINDS[kind]) if kind in _EVENT_KINDS else kind


_STATES: Final = {
    "upcoming": N_("upcoming"),
    "active": N_("active"),
    "overdue": N_("overdue"),
    "completed": N_("completed"),
    "completed_late": N_("completed late"),
    "cancelled": N_("cancelled"),
}


def state_name(state: StageState) -> str:
    """A :class:`~csto_program.status.StageState` in one or two words: ``completed late``.

    >>> state_name(StageState.COMPLETED_LATE)
    'completed late'
    """
    value = str(state.value)
    return _(_STATES[value]) if value in _STATES else value.replace("_", " ")


_NOTE_KINDS: Final = {
    "conflict": N_("conflict"),
    "date_resolution": N_("date resolution"),
    "context": N_("context"),
}


def note_kind(kind: str) -> str:
    """The kind of a note in words, in the language in use: ``date resolution``.

    >>> note_kind("date_resolution")
    'date resolution'
    """
    return _(_NOTE_KINDS[kind]) if kind in _NOTE_KINDS else kind.replace("_", " ")


def title_of(program: Program) -> str:
    """The program's title in the language in use where the record has it.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> title_of(tajik_afghan_border())[:22]
    'CSTO Targeted Intersta'
    """
    return name_in(program, current())


def prose_day(day: datetime.date) -> str:
    """A day in prose in Russian (``28 ноября 2024 г.``); an ISO day in English, as every
    English view has always written it.

    >>> prose_day(datetime.date(2024, 11, 28))
    '2024-11-28'
    """
    return str(day) if current() == "en" else prose_date(day)


def window(start: datetime.date | str, last_day: datetime.date | str) -> str:
    """A stage window as a reader writes it: first day – last day, both inclusive.

    >>> window(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    '2025-01-01 – 2025-12-31'
    """
    return f"{start} – {last_day}"


def date_words(day: PartialDate, *, prose: bool = False) -> str:
    """A recorded date as a reader reads it, never the raw EDTF interval: in a date column
    an interval is ``2026-01-29 – 2026-11-27`` (as a stage window is written), in prose
    ``between 2026-01-29 and 2026-11-27``; a single date, exact or partial, as recorded
    (``2024-06``, ``2026?``). The interval's ends are shown as recorded, never filled in.

    >>> interval = PartialDate.parse("2026-01-29/2026-11-27")
    >>> date_words(interval), date_words(interval, prose=True)
    ('2026-01-29 – 2026-11-27', 'between 2026-01-29 and 2026-11-27')
    >>> date_words(PartialDate.parse("2026/2026-11")), date_words(PartialDate(2024, 6))
    ('2026 – 2026-11', '2024-06')
    """
    start, end = day.start, day.end
    if start is None or end is None:
        return str(day)
    if prose:
        return _("between {first} and {last}").format(first=start, last=end)
    return window(str(start), str(end))


def as_of_words(day: PartialDate) -> str:
    """The day a report describes, in prose: ``as of 2026-01-29``, or ``as of a day between
    2026-01-29 and 2026-11-27`` for an interval.

    >>> as_of_words(PartialDate.parse("2026-01-29"))
    'as of 2026-01-29'
    >>> as_of_words(PartialDate.parse("2026-01-29/2026-11-27"))
    'as of a day between 2026-01-29 and 2026-11-27'
    """
    if day.start is None or day.end is None:
        return _("as of {day}").format(day=day)
    return _("as of a day between {first} and {last}").format(first=day.start, last=day.end)


def progress_words(progress: Any, inferred: bool = False) -> str:
    """A :class:`~csto_program.Progress` in words (``None``: :data:`NO_REPORT`), marked
    ``(inferred)`` when the report it comes from is an inference.

    >>> from csto_program import Progress
    >>> progress_words(Progress.IN_PROGRESS), progress_words(None)
    ('in progress', 'no progress report')
    >>> progress_words(Progress.NOT_STARTED, inferred=True)
    'not started (inferred)'
    """
    if progress is None:
        return _(NO_REPORT)
    value = str(progress.value)
    words = _(_PROGRESS[value]) if value in _PROGRESS else value.replace("_", " ")
    return marked(words, inferred)


_PROGRESS: Final = {
    "not_started": N_("not started"),
    "in_progress": N_("in progress"),
    "completed": N_("completed"),
    "cancelled": N_("cancelled"),
}


def progress_line(status: StageStatus) -> str:
    """A stage's progress with the day it was reported: ``in progress (2026-01-29)``,
    ``not started (inferred, 2026-01-29)``, or :data:`NO_REPORT`.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> stages = tajik_afghan_border().status(datetime.date(2026, 1, 29)).stages
    >>> progress_line(stages[0]), progress_line(stages[2])
    ('in progress (2026-01-29)', 'no progress report')
    """
    if status.report is None or status.progress is None:
        return progress_words(status.progress)
    words = progress_words(status.progress)
    mark = f"{_(INFERRED)}, " if status.progress_inferred else ""
    return f"{words} ({mark}{date_words(status.report.reported_on)})"


def completion_words(status: StageStatus) -> str:
    """When a completed (or cancelled) stage was done, as recorded: ``on 2026-03-01``, or
    ``between 2026-01-29 and 2026-11-27`` when only a range of days is known (an interval,
    through :func:`date_words`, or a partial date: its first and last day). When that range
    reaches past ``as_of``, the completion may not have happened yet on ``as_of``, and the
    words say so: ``between 2026-01-29 and 2026-11-27 (perhaps not yet by 2026-06-01)``.

    >>> from csto_program import PartialDate, ProgressReport, Progress, plan_stages
    >>> from csto_program.status import stage_status
    >>> stage = plan_stages("2025-01-01")[0]
    >>> report = ProgressReport(id="r", stage=1, progress=Progress.COMPLETED,
    ...     reported_on="2026-11-27", as_of="2026-01-29/2026-11-27")
    >>> completion_words(stage_status(stage, datetime.date(2026, 12, 6), report=report))
    'between 2026-01-29 and 2026-11-27'
    >>> completion_words(stage_status(stage, datetime.date(2026, 6, 1), report=report))
    'between 2026-01-29 and 2026-11-27 (perhaps not yet by 2026-06-01)'
    """
    day = status.completed_on
    if day is None and status.report is not None:
        day = status.report.day
    if day is None:
        return ""
    if day.is_interval:
        words = date_words(day, prose=True)
    elif day.earliest == day.latest:
        words = _("on {day}").format(day=day.earliest)
    elif status.completed_on is None:  # a cancellation: the partial date as recorded
        words = _("on {day}").format(day=day)
    else:
        words = _("between {first} and {last}").format(first=day.earliest, last=day.latest)
    if day.latest > status.as_of:
        return _("{when} (perhaps not yet by {day})").format(when=words, day=status.as_of)
    return words


def _late(status: StageStatus, short: bool = False) -> str:
    """``59 days late``, ``29 to 331 days late``, ``up to 5 days late`` or ``""``.

    The counts are those of the completion day as recorded (``completed_on``) against the
    stage's last day, so that they agree with the days printed beside them, even when the
    recorded range reaches past ``as_of`` (``StageStatus.late_days`` stops at ``as_of``)."""
    late = status.late_days
    if status.completed_on is not None:
        late = days_late(status.completed_on, status.stage.end)
    if late is None:
        if status.state is not StageState.COMPLETED_LATE:
            return ""
        late = (status.days_overdue or 0, status.days_overdue or 0)
    least, most = late
    if most <= 0:
        return ""
    if least == most:
        if short:
            return _("{n} late").format(n=least)
        return ngettext("{n} day late", "{n} days late", least).format(n=least)
    if least > 0:
        if short:
            return _("{least}–{most} late").format(least=least, most=most)
        return ngettext("{least} to {most} day late", "{least} to {most} days late", most).format(
            least=least, most=most
        )
    if short:
        return _("up to {n} late").format(n=most)
    return ngettext("up to {n} day late", "up to {n} days late", most).format(n=most)


def state_words(status: StageStatus) -> str:
    """The state of a stage in words, with the days left or late; a completion known only
    to lie between two days says so, and, when that range reaches past ``as_of``, that it
    may not have happened yet on ``as_of`` (:func:`completion_words`). The days late are
    always those of the range printed beside them.

    >>> from csto_program import plan_stages
    >>> from csto_program.status import stage_status
    >>> stage = plan_stages("2025-01-01")[0]
    >>> state_words(stage_status(stage, datetime.date(2025, 12, 31)))
    'active, today is its last day'
    >>> from csto_program import ProgressReport, Progress
    >>> report = ProgressReport(id="r", stage=1, progress=Progress.COMPLETED,
    ...     reported_on="2026-11-27", as_of="2026-01-29/2026-11-27")
    >>> state_words(stage_status(stage, datetime.date(2026, 12, 6), report=report))
    'completed between 2026-01-29 and 2026-11-27, 29 to 331 days late'
    >>> print(state_words(stage_status(stage, datetime.date(2026, 6, 1), report=report)))
    completed between 2026-01-29 and 2026-11-27 (perhaps not yet by 2026-06-01), 29 to 331 days
    late
    """
    stage, state = status.stage, status.state
    if state is StageState.UPCOMING:
        count = days_between(status.as_of, stage.start)
        return ngettext(
            "upcoming, starts in {n} day", "upcoming, starts in {n} days", count
        ).format(n=count)
    if state is StageState.ACTIVE:
        if status.days_remaining == 0:
            return _("active, today is its last day")
        count = status.days_remaining or 0
        return ngettext("active, {n} day remaining", "active, {n} days remaining", count).format(
            n=count
        )
    if state is StageState.OVERDUE:
        count = status.days_overdue or 0
        return ngettext("overdue by {n} day", "overdue by {n} days", count).format(n=count)
    done = completion_words(status)
    if state is StageState.CANCELLED:
        return _("cancelled {when}").format(when=done) if done else _("cancelled")
    late = _late(status)
    words = _("completed {when}").format(when=done) if done else _("completed")
    return f"{words}, {late}" if late else words


def days_cell(status: StageStatus) -> str:
    """The days column of a status table: remaining, overdue, to the start, or late.

    >>> from csto_program import plan_stages
    >>> from csto_program.status import stage_status
    >>> stage = plan_stages("2025-01-01")[0]
    >>> [days_cell(stage_status(stage, datetime.date(y, m, d)))
    ...  for y, m, d in [(2024, 12, 30), (2025, 12, 30), (2026, 1, 29)]]
    ['starts in 2', '1 remaining', '29 overdue']
    """
    state = status.state
    if state is StageState.ACTIVE:
        return _("{n} remaining").format(n=status.days_remaining)
    if state is StageState.OVERDUE:
        return _("{n} overdue").format(n=status.days_overdue)
    if state is StageState.UPCOMING:
        return _("starts in {n}").format(n=days_between(status.as_of, status.stage.start))
    if state in (StageState.COMPLETED, StageState.COMPLETED_LATE):
        return _late(status, short=True) or "–"
    return "–"


def shift_words(shift: int | None, inferred: bool = False) -> str:
    """A signed day count of a rescheduled deadline: positive means later; marked
    ``inferred`` when it is measured against (or from) an inferred plan.

    >>> shift_words(34), shift_words(-3), shift_words(0), shift_words(None)
    ('+34 days (later)', '-3 days (earlier)', 'unchanged', '–')
    >>> shift_words(34, inferred=True)
    '+34 days (later, inferred)'
    """
    if shift is None:
        return "–"
    mark = _(INFERRED)
    if shift == 0:
        unchanged = _("unchanged")
        return f"{unchanged} ({mark})" if inferred else unchanged
    way = _("later") if shift > 0 else _("earlier")
    way = f"{way}, {mark}" if inferred else way
    return f"{'+' if shift > 0 else '-'}{days(abs(shift))} ({way})"


def stage_title(number: int, name: str) -> str:
    """``Stage N: name``, never ``Stage 1: Stage 1: ...``: a name that already begins with
    its ``Stage N`` is not prefixed again (a blank name gives ``Stage N``).

    >>> stage_title(1, "Preparation"), stage_title(2, "Stage 2: Delivery"), stage_title(3, " ")
    ('Stage 1: Preparation', 'Stage 2: Delivery', 'Stage 3')
    >>> stage_title(1, "Stage 10 of another plan")
    'Stage 1: Stage 10 of another plan'
    """
    words = " ".join(name.split())
    prefix = _("Stage {number}").format(number=number)
    for start in dict.fromkeys((f"Stage {number}", prefix)):
        rest = words[len(start) :]
        if words.lower().startswith(start.lower()) and not rest[:1].isdigit():
            words = rest.lstrip(" :–-")
    return f"{prefix}: {words}" if words else prefix


def source_label(program: Program, source: Source) -> str:
    """An outlet with the outlets it relays: ``"TASS via Khovar"``.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> source_label(program, program.by_id["tass-2025-01-29"])
    'TASS via Khovar'
    >>> source_label(program, program.by_id["khovar-2025-01"])
    'Khovar'
    """
    relayed = [program.by_id.get(ref) for ref in source.via]
    names = [getattr(item, "outlet", "") for item in relayed if item is not None]
    if not names:
        return source.outlet
    return _("{outlet} via {relays}").format(outlet=source.outlet, relays=", ".join(names))


def citation(program: Program, source: Source) -> str:
    """A source told apart from the outlet's other sources: its outlet and its date,
    ``"Asia-Plus, 2024-11-25"`` (an undated source: its outlet alone).

    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> citation(program, program.by_id["tass-2025-01-29"])
    'TASS via Khovar, 2025-01-29'
    """
    label = source_label(program, source)
    return label if source.published_on is None else f"{label}, {source.published_on}"


def outlets(program: Program, source_ids: Sequence[str]) -> str:
    """The :func:`citation` of each of these sources, or ``"no source on record"``.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> outlets(program, ["tass-2025-01-29", "sputnik-tj-2024-12-04"])
    'TASS via Khovar, 2025-01-29; Sputnik Tajikistan, 2024-12-04'
    >>> outlets(program, [])
    'no source on record'
    """
    labels = [citation(program, _source(program, ref)) for ref in source_ids]
    return "; ".join(labels) if labels else _("no source on record")


def _source(program: Program, ref: str) -> Source:
    found = program.by_id[ref]
    assert isinstance(found, Source)
    return found


def meeting_when(meeting: Meeting) -> str:
    """A meeting's dates as recorded: ``2023-12-20 – 2023-12-21``, ``2023``.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> meeting_when(program.by_id["moscow-2023-12-20"])
    '2023-12-20 – 2023-12-21'
    >>> meeting_when(program.by_id["astana-2024-11-28"])
    '2024-11-28'
    """
    starts = date_words(meeting.starts_on)
    if meeting.ends_on is None or meeting.ends_on == meeting.starts_on:
        return starts
    ends = date_words(meeting.ends_on)
    if meeting.starts_on.is_interval or meeting.ends_on.is_interval:
        return _("from {start} to {end}").format(start=starts, end=ends)
    return window(starts, ends)


def meeting_place(meeting: Meeting) -> str:
    """``"Astana, KZ"``, or ``""`` when no place is recorded.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> meeting_place(program.by_id["astana-2024-11-28"])
    'Astana, KZ'
    >>> meeting_place(program.by_id["phone-2017-02-09"])
    ''
    """
    if meeting.place is None:
        return ""
    return f"{name_in(meeting.place, current())}, {meeting.place.country}"


def person_name(program: Program, ref: str) -> str:
    """The name of the person (or organisation) ``ref`` in the language in use, else its
    recorded name; the id itself when the record has no such person.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> person_name(tajik_afghan_border(), "masadykov"), person_name(tajik_afghan_border(), "x")
    ('Talatbek Masadykov', 'x')
    """
    found = program.by_id.get(ref)
    if isinstance(found, Person | Organization):
        return name_in(found, current())
    return str(getattr(found, "name", ref))


_LANGUAGE_NAMES: Final = {"en": N_("in English"), "ru": N_("in Russian")}


def quote_language(tag: str) -> str:
    """Which language a quote is in, said in the language in use: ``in Russian``.

    >>> quote_language("ru"), quote_language("kk")
    ('in Russian', 'in kk')
    """
    language = tag.split("-", 1)[0].lower()
    if language in _LANGUAGE_NAMES:
        return _(_LANGUAGE_NAMES[language])
    return _("in {language}").format(language=tag)


def said(statement: Statement) -> str:
    """What a statement said, in the reader's language where the record has it: a quote
    in quotation marks, a paraphrase marked ``(paraphrase)``, and the language of the
    text when it is not the reader's (``“...” (in Russian)``).

    >>> from csto_program.datasets import tajik_afghan_border
    >>> said(tajik_afghan_border().by_id["rahmon-2025-11-27"])
    '(paraphrase) Stressed “the importance of its timely implementation”.'
    """
    lang = current()
    text, tag = wording_in(statement, lang)
    mark = "" if tag.split("-", 1)[0].lower() == lang else f" ({quote_language(tag)})"
    # the original wording, when shown, is what a source printed: a quote
    if statement.kind is StatementKind.QUOTE or tag != statement.language:
        return f"“{text}”{mark}"
    paraphrase = _("paraphrase")
    return f"({paraphrase}) {text}{mark}"


def meeting_state(state: str) -> str:
    """A meeting's status in a word, in the reader's language (Russian agrees it with
    «встреча»); ``held`` and any other value as written.

    >>> meeting_state("scheduled"), meeting_state("cancelled")
    ('scheduled', 'cancelled')
    """
    if state == "scheduled":
        return pgettext("meeting", "scheduled")
    if state == "postponed":
        return pgettext("meeting", "postponed")
    if state == "cancelled":
        return pgettext("meeting", "cancelled")
    return state


def meeting_words(meeting: Meeting, as_of: datetime.date) -> str:
    """What a meeting that was not (yet) held is, on ``as_of``: ``scheduled for D
    (upcoming)``, ``scheduled for D; no report that it took place`` once its last possible
    day has passed, ``postponed (was scheduled for D)``, ``cancelled (was scheduled for
    D)``; ``""`` for a held meeting.

    >>> from csto_program import Meeting, MeetingKind
    >>> meeting = Meeting(id="m", title="Session", kind=MeetingKind.SUMMIT,
    ...     starts_on="2026-11-11", status="scheduled", announced_on="2025-11-27")
    >>> meeting_words(meeting, datetime.date(2026, 1, 1))
    'scheduled for 2026-11-11 (upcoming)'
    >>> meeting_words(meeting, datetime.date(2026, 12, 6))
    'scheduled for 2026-11-11; no report that it took place'
    """
    state = str(meeting.status.value)
    if state == "held":
        return ""
    when = meeting_when(meeting)
    if state == "postponed":
        return _("postponed (was scheduled for {when})").format(when=when)
    if state == "cancelled":
        return _("cancelled (was scheduled for {when})").format(when=when)
    if state != "scheduled":  # pragma: no cover - every status is named above
        return f"{state} ({when})"
    if meeting.starts_on.earliest > as_of:
        return _("scheduled for {when} (upcoming)").format(when=when)
    last = meeting.starts_on if meeting.ends_on is None else meeting.ends_on
    if last.latest < as_of:
        return _("scheduled for {when}; no report that it took place").format(when=when)
    return _("scheduled for {when}").format(when=when)


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """Left-aligned columns two spaces apart, with no trailing spaces.

    >>> print("\\n".join(table(["A", "BB"], [["xxx", "y"]])))
    A    BB
    xxx  y
    """
    body = [list(row) for row in rows]
    widths = [max(len(cell) for cell in column) for column in zip(headers, *body, strict=True)]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [list(headers), *body]
    ]
