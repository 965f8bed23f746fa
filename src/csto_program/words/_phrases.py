"""The phrases of every view: days, windows, states, progress, shifts, sources, meetings."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any, Final

from csto_program.dates import days_between
from csto_program.model import Meeting, Program, Source
from csto_program.status import StageState, StageStatus

__all__ = [
    "EVENT_KINDS",
    "INFERRED",
    "NO_REPORT",
    "citation",
    "completion_words",
    "days",
    "days_cell",
    "meeting_place",
    "meeting_when",
    "meeting_words",
    "outlets",
    "progress_line",
    "progress_words",
    "shift_words",
    "source_label",
    "stage_title",
    "state_words",
    "table",
    "window",
]

EVENT_KINDS: tuple[str, ...] = ("adopted", "plan", "meeting", "statement", "report", "stage")
"""The kinds of timeline events, in the order they are listed on the same day.

>>> EVENT_KINDS.index("meeting") < EVENT_KINDS.index("statement")
True
>>> EVENT_KINDS[-1]
'stage'
"""

NO_REPORT: Final = "no progress report"
"""The one phrase for a stage, or a program, without a progress report.

>>> NO_REPORT
'no progress report'
"""

INFERRED: Final = "inferred"
"""The one mark of a record that its author inferred rather than a source stated: a plan, a
progress report, or a shift measured against an inferred plan ("not started (inferred)").

>>> f"not started ({INFERRED})"
'not started (inferred)'
"""


def days(count: int) -> str:
    """``"1 day"``, ``"29 days"``.

    >>> days(1), days(29)
    ('1 day', '29 days')
    """
    return f"{count} day{'' if count == 1 else 's'}"


def window(start: datetime.date | str, last_day: datetime.date | str) -> str:
    """A stage window as a reader writes it: first day – last day, both inclusive.

    >>> window(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    '2025-01-01 – 2025-12-31'
    """
    return f"{start} – {last_day}"


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
        return NO_REPORT
    words = str(progress.value).replace("_", " ")
    return f"{words} ({INFERRED})" if inferred else words


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
    mark = f"{INFERRED}, " if status.progress_inferred else ""
    return f"{words} ({mark}{status.report.reported_on})"


def completion_words(status: StageStatus) -> str:
    """When a completed (or cancelled) stage was done, as recorded: ``on 2026-03-01``, or
    ``between 2026-01-29 and 2026-11-27`` when only a range of days is known.

    >>> from csto_program import PartialDate, ProgressReport, Progress, plan_stages
    >>> from csto_program.status import stage_status
    >>> stage = plan_stages("2025-01-01")[0]
    >>> report = ProgressReport(id="r", stage=1, progress=Progress.COMPLETED,
    ...     reported_on="2026-11-27", as_of="2026-01-29/2026-11-27")
    >>> completion_words(stage_status(stage, datetime.date(2026, 12, 6), report=report))
    'between 2026-01-29 and 2026-11-27'
    """
    day = status.completed_on
    if day is None:
        return "" if status.report is None else f"on {status.report.day}"
    if day.earliest == day.latest:
        return f"on {day.earliest}"
    return f"between {day.earliest} and {day.latest}"


def _late(status: StageStatus, short: bool = False) -> str:
    """``59 days late``, ``29 to 331 days late``, ``up to 5 days late`` or ``""``."""
    late = status.late_days
    if late is None:
        if status.state is not StageState.COMPLETED_LATE:
            return ""
        late = (status.days_overdue or 0, status.days_overdue or 0)
    least, most = late
    if most <= 0:
        return ""
    if least == most:
        return f"{least} late" if short else f"{days(least)} late"
    if least > 0:
        return f"{least}–{most} late" if short else f"{least} to {most} days late"
    return f"up to {most} late" if short else f"up to {days(most)} late"


def state_words(status: StageStatus) -> str:
    """The state of a stage in words, with the days left or late; a completion known only
    to lie between two days says so.

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
    """
    stage, state = status.stage, status.state
    if state is StageState.UPCOMING:
        return f"upcoming, starts in {days(days_between(status.as_of, stage.start))}"
    if state is StageState.ACTIVE:
        if status.days_remaining == 0:
            return "active, today is its last day"
        return f"active, {days(status.days_remaining or 0)} remaining"
    if state is StageState.OVERDUE:
        return f"overdue by {days(status.days_overdue or 0)}"
    done = completion_words(status)
    done = f" {done}" if done else ""
    if state is StageState.CANCELLED:
        return f"cancelled{done}"
    late = _late(status)
    return f"completed{done}" + (f", {late}" if late else "")


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
        return f"{status.days_remaining} remaining"
    if state is StageState.OVERDUE:
        return f"{status.days_overdue} overdue"
    if state is StageState.UPCOMING:
        return f"starts in {days_between(status.as_of, status.stage.start)}"
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
    mark = f", {INFERRED}" if inferred else ""
    if shift == 0:
        return f"unchanged ({INFERRED})" if inferred else "unchanged"
    if shift > 0:
        return f"+{days(shift)} (later{mark})"
    return f"-{days(-shift)} (earlier{mark})"


def stage_title(number: int, name: str) -> str:
    """``Stage N: name``, never ``Stage 1: Stage 1: ...``: a name that already begins with
    its ``Stage N`` is not prefixed again (a blank name gives ``Stage N``).

    >>> stage_title(1, "Preparation"), stage_title(2, "Stage 2: Delivery"), stage_title(3, " ")
    ('Stage 1: Preparation', 'Stage 2: Delivery', 'Stage 3')
    >>> stage_title(1, "Stage 10 of another plan")
    'Stage 1: Stage 10 of another plan'
    """
    words = " ".join(name.split())
    prefix = f"Stage {number}"
    rest = words[len(prefix) :]
    if words.lower().startswith(prefix.lower()) and not rest[:1].isdigit():
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
    return source.outlet + (f" via {', '.join(names)}" if names else "")


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
    return "; ".join(labels) if labels else "no source on record"


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
    if meeting.ends_on is None or meeting.ends_on == meeting.starts_on:
        return str(meeting.starts_on)
    return f"{meeting.starts_on} – {meeting.ends_on}"


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
    return f"{meeting.place.name}, {meeting.place.country}"


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
    if state != "scheduled":
        return f"{state} (was scheduled for {when})"
    if meeting.starts_on.earliest > as_of:
        return f"scheduled for {when} (upcoming)"
    last = meeting.starts_on if meeting.ends_on is None else meeting.ends_on
    if last.latest < as_of:
        return f"scheduled for {when}; no report that it took place"
    return f"scheduled for {when}"


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
