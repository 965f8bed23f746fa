"""Where a program stood, in words: the headline, the stage rows and the status JSON."""

from __future__ import annotations

from typing import Any

import attrs

from csto_program._i18n import gettext as _
from csto_program._i18n import using
from csto_program.status import ProgramStatus, StageStatus
from csto_program.words._phrases import (
    NO_REPORT,
    date_words,
    days,
    days_cell,
    progress_line,
    progress_words,
    shift_words,
    stage_title,
    state_words,
    window,
)

__all__ = [
    "Headline",
    "StageRow",
    "headline",
    "headline_of",
    "stage_rows",
    "stale_words",
    "status_json",
]


def stale_words(status: ProgramStatus) -> str | None:
    """The warning that the evidence is old, when it is
    (:attr:`~csto_program.status.ProgramStatus.is_stale`): ``no progress report for 311 days
    (since 2026-01-29)``; None when the newest report is recent enough.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> stale_words(program.status(datetime.date(2026, 12, 6)))
    'no progress report for 311 days (since 2026-01-29)'
    >>> stale_words(program.status(datetime.date(2026, 2, 1))) is None
    True
    """
    if not status.is_stale:
        return None
    report = status.latest_report
    if report is None or status.report_age_days is None:
        return _("no progress report since the program was adopted")
    return _("no progress report for {days} (since {day})").format(
        days=days(status.report_age_days), day=date_words(report.reported_on)
    )


@attrs.frozen
class Headline:
    """Where the program stood on a day: the stage planned beside the stage reported, and
    the warning that the newest report is old (``stale``), when it is.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> line = headline_of(tajik_afghan_border().status(datetime.date(2026, 1, 29)))
    >>> line.planned, line.reported, line.stale
    ('stage 2 of 3', 'stage 1 in progress (2026-01-29)', None)
    >>> str(line)
    'planned: stage 2 of 3; reported: stage 1 in progress (2026-01-29)'
    """

    planned: str
    reported: str | None  # None: no plan had been announced, so nothing is compared
    stale: str | None = None

    def __str__(self) -> str:
        line = self.planned
        if self.reported is not None:
            line = _("planned: {planned}; reported: {reported}").format(
                planned=self.planned, reported=self.reported
            )
        if self.stale is None or self.stale == self.reported:
            return line
        return f"{line}; {self.stale}"


def headline_of(status: ProgramStatus) -> Headline:
    """The :class:`Headline` of ``status``.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> headline_of(tajik_afghan_border().status(datetime.date(2024, 12, 1))).reported
    'no progress report'
    """
    plan = status.plan
    if plan is None:
        return Headline(_("no plan had been announced"), None)
    count = len(plan.stages)
    if status.current_stage is not None:
        planned = _("stage {number} of {count}").format(
            number=status.current_stage.number, count=count
        )
    elif status.as_of < plan.starts_on:
        planned = _("not started (stage 1 starts on {day})").format(day=plan.starts_on)
    else:
        planned = _("after the last stage's window")
    stale = stale_words(status)
    reported = _(NO_REPORT) if stale is None or status.latest_report is not None else stale
    if status.reported_stage is not None:
        number = status.reported_stage.number
        reported = _("stage {number} {progress}").format(
            number=number, progress=progress_line(status.stages[number - 1])
        )
    return Headline(planned, reported, stale)


def headline(status: ProgramStatus) -> str:
    """Where the program stood, planned beside reported, in one line.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> headline(tajik_afghan_border().status(datetime.date(2024, 12, 1)))
    'planned: stage 1 of 3; reported: no progress report'
    """
    return str(headline_of(status))


@attrs.frozen
class StageRow:
    """One stage of a status table, in words and values: its window, its state (the
    value, e.g. ``completed_late``, for a colour or a class, and ``state_text`` in words,
    e.g. ``completed on 2026-03-01, 59 days late``), its progress (value, words, and
    ``progress_line`` with the day it was reported; ``progress_inferred`` when the report
    is an inference), its days and its shift against the first plan (days, positive:
    later, words, and ``shift_inferred`` when measured against an inferred plan).

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> row = stage_rows(tajik_afghan_border().status(datetime.date(2026, 1, 29)))[0]
    >>> row.title, row.state_text, row.progress_text
    ('Stage 1: assessment, funding and contracts', 'overdue by 29 days', 'in progress')
    >>> row.days_text, row.shift_text
    ('29 overdue', '+34 days (later, inferred)')
    """

    number: int
    name: str
    title: str
    start: str
    last_day: str
    window: str
    state: str
    state_text: str
    progress: str | None
    progress_text: str
    progress_line: str
    progress_inferred: bool
    days_text: str
    shift_days: int | None
    shift_text: str
    shift_inferred: bool


def stage_rows(status: ProgramStatus) -> tuple[StageRow, ...]:
    """A :class:`StageRow` per stage of the plan in use.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> [row.state for row in stage_rows(tajik_afghan_border().status(datetime.date(2026, 1, 29)))]
    ['overdue', 'active', 'upcoming']
    """
    return tuple(
        StageRow(
            number=s.stage.number,
            name=s.stage.name,
            title=stage_title(s.stage.number, s.stage.name),
            start=str(s.stage.start),
            last_day=str(s.stage.last_day),
            window=window(s.stage.start, s.stage.last_day),
            state=s.state.value,
            state_text=state_words(s),
            progress=None if s.progress is None else s.progress.value,
            progress_text=progress_words(s.progress, s.progress_inferred),
            progress_line=progress_line(s),
            progress_inferred=s.progress_inferred,
            days_text=days_cell(s),
            shift_days=s.rescheduled_days,
            shift_text=shift_words(s.rescheduled_days, s.rescheduled_inferred),
            shift_inferred=s.rescheduled_inferred,
        )
        for s in status.stages
    )


def status_json(status: ProgramStatus) -> dict[str, Any]:
    """Every field of a :class:`~csto_program.ProgramStatus` as JSON-ready data; its words
    (``headline``, ``state_text``) are English whatever the language in use: JSON is data.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> data = status_json(tajik_afghan_border().status(datetime.date(2026, 1, 29)))
    >>> data["stages"][0]["state"], data["stages"][0]["rescheduled_days"], data["reported_stage"]
    ('overdue', 34, 1)
    >>> data["stages"][1]["progress"], data["stages"][1]["progress_inferred"]
    ('not_started', True)
    """

    def stage(s: StageStatus) -> dict[str, Any]:
        return {
            "number": s.stage.number,
            "name": s.stage.name,
            "start": str(s.stage.start),
            "end": str(s.stage.end),
            "last_day": str(s.stage.last_day),
            "as_of": str(s.as_of),
            "state": s.state.value,
            "state_text": state_words(s),
            "days_remaining": s.days_remaining,
            "days_overdue": s.days_overdue,
            "completed_on": None if s.completed_on is None else str(s.completed_on),
            "late_days": None if s.late_days is None else list(s.late_days),
            "progress": None if s.progress is None else s.progress.value,
            "progress_inferred": s.progress_inferred,
            "report": None if s.report is None else s.report.id,
            "rescheduled_days": s.rescheduled_days,
            "rescheduled_inferred": s.rescheduled_inferred,
            "evidence": [statement.id for statement in s.evidence],
        }

    with using("en"):
        return _status_data(status, stage)


def _status_data(status: ProgramStatus, stage: Any) -> dict[str, Any]:
    latest = status.latest_report
    return {
        "as_of": str(status.as_of),
        "known_on": str(status.known_on),
        "plan": None if status.plan is None else status.plan.id,
        "current_stage": None if status.current_stage is None else status.current_stage.number,
        "reported_stage": None if status.reported_stage is None else status.reported_stage.number,
        "headline": headline(status),
        "latest_report": None if latest is None else latest.id,
        "report_age_days": status.report_age_days,
        "stale_after": status.stale_after,
        "is_stale": status.is_stale,
        "stages": [stage(s) for s in status.stages],
    }
