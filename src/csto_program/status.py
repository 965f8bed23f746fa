"""Where a program stood on a day, as known on a day: pure functions, no clock.

Two days matter. ``as_of`` is the day being described; ``known_on`` is the day whose
knowledge is used (it defaults to ``as_of``: what could be said that day). Only plans and
progress reports published by ``known_on`` count, so nothing learnt later changes an
answer about what was known then.

Day counts are named so that their sign is plain, and are never negative:

* ``days_remaining``: days from ``as_of`` to the stage's last day (0 on the last day);
* ``days_overdue``: days from the last day to ``as_of`` (1 the day after), or, for a stage
  completed late, to the completion's earliest possible day;
* ``rescheduled_days``: the last day in the plan used minus the last day in the first plan,
  which is signed: positive means the deadline moved later;
* ``late_days``: for a completed stage, ``(least, most)`` days from the last day to the
  completion's earliest and latest possible days (positive = late, 0 on the last day,
  negative = early), for the completion day as recorded (which may reach past ``as_of``:
  a report describes a stage on ``as_of`` when its day *may* be on or before it);
* ``report_age_days``: days from the newest known report's publication to ``as_of``.

**An uncertain completion.** A stage is ``completed_late`` only when it was surely late
(even the earliest day the completion can be is after the last planned day); when it may
have been completed on time it is ``completed``, and ``late_days`` says how early or late
it may have been, e.g. ``(-30, 59)``. ``completed_on`` is the completion day as recorded.

**Stated or inferred.** ``progress_inferred`` says that the report the progress rests on
was inferred by the record's author; ``rescheduled_inferred`` that ``rescheduled_days`` is
measured from or against an inferred plan.

**Stale evidence.** ``is_stale`` says that a stage is active or overdue and no progress
report was published for more than ``stale_after`` days (180 by default) before
``as_of``; with no report at all, the days are counted from the adoption.

>>> import datetime
>>> from csto_program.datasets import tajik_afghan_border
>>> status = tajik_afghan_border().status(datetime.date(2026, 1, 29))
>>> one, two, _ = status.stages
>>> one.state.value, one.days_overdue, one.progress.value, one.rescheduled_days
('overdue', 29, 'in_progress', 34)
>>> two.state.value, two.progress.value
('active', 'not_started')
>>> status.current_stage.number, status.reported_stage.number
(2, 1)
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping, Sequence
from typing import Any, Final, Protocol, runtime_checkable

import attrs
import pendulum

from csto_program._spec import describe_values
from csto_program.codes import Progress
from csto_program.dates import PartialDate, as_date, days_between
from csto_program.knowledge import known_day
from csto_program.precedence import days_late, describing_report
from csto_program.records import Plan, ProgressReport, Stage, Statement

__all__ = [
    "STALE_AFTER",
    "ProgramRecords",
    "ProgramStatus",
    "StageState",
    "StageStatus",
    "program_status",
    "stage_status",
]


@runtime_checkable
class ProgramRecords(Protocol):
    """What :func:`program_status` reads of a program (a :class:`~csto_program.Program`
    has it all): its plans in the order they became known, its evidence by stage, its
    records by id (for :func:`csto_program.knowledge.known_day`) and the program as it
    stood on a day (:meth:`~csto_program.Program.as_known_on`).

    >>> from csto_program.datasets import tajik_afghan_border
    >>> isinstance(tajik_afghan_border(), ProgramRecords)
    True
    """

    @property
    def adopted_on(self) -> pendulum.Date: ...

    @property
    def plans(self) -> tuple[Plan, ...]: ...

    @property
    def reports(self) -> tuple[ProgressReport, ...]: ...

    def plan_known_on(self, day: datetime.date) -> Plan | None: ...

    def statements_about(self, number: int) -> tuple[Statement, ...]: ...

    def reports_about(self, number: int) -> tuple[ProgressReport, ...]: ...

    @property
    def by_id(self) -> Mapping[str, Any]: ...

    def as_known_on(self, day: datetime.date) -> ProgramRecords: ...


class StageState(enum.StrEnum):
    """Where a stage stands on a given day.

    ``upcoming``, ``active`` and ``overdue`` follow the calendar of the plan in use;
    ``completed``, ``completed_late`` and ``cancelled`` follow a progress report.

    >>> [state.value for state in StageState]
    ['upcoming', 'active', 'overdue', 'completed', 'completed_late', 'cancelled']
    """

    UPCOMING = "upcoming"
    ACTIVE = "active"
    OVERDUE = "overdue"
    COMPLETED = "completed"
    COMPLETED_LATE = "completed_late"
    CANCELLED = "cancelled"


describe_values(
    StageState,
    {
        "upcoming": "The stage's planned window has not begun.",
        "active": "The day falls inside the stage's planned window and no report says it ended.",
        "overdue": "The stage's last planned day has passed and no known report says it was "
        "completed.",
        "completed": "A report says it was completed, on or before its last planned day.",
        "completed_late": "A report says it was completed, after its last planned day.",
        "cancelled": "A report says it was cancelled.",
    },
)


@attrs.frozen(slots=True)
class StageStatus:
    """A stage's state on ``as_of``, its progress as reported, and the evidence.

    ``progress`` and ``report`` come from the progress report that describes the stage
    (:func:`csto_program.precedence.describing_report`; ``None`` when there is none), the
    report the state rests on; ``evidence`` holds the statements about the stage made by
    ``as_of`` and known on ``known_on``. ``completed_on`` and ``late_days`` describe a
    completion, ``progress_inferred`` and ``rescheduled_inferred`` what rests on an
    inference. See the module for the sign of every day count.

    >>> import datetime
    >>> from csto_program import plan_stages
    >>> stage = plan_stages(datetime.date(2025, 1, 1))[0]
    >>> status = stage_status(stage, datetime.date(2025, 12, 31))
    >>> status.state.value, status.days_remaining, status.days_overdue, status.progress
    ('active', 0, None, None)
    """

    stage: Stage
    as_of: pendulum.Date
    state: StageState
    days_remaining: int | None = None
    days_overdue: int | None = None
    evidence: tuple[Statement, ...] = ()
    progress: Progress | None = None
    report: ProgressReport | None = None
    rescheduled_days: int | None = None
    completed_on: PartialDate | None = None
    late_days: tuple[int, int] | None = None
    progress_inferred: bool = False
    rescheduled_inferred: bool = False


STALE_AFTER: Final = 180
"""The default number of days without a progress report after which the evidence of an
active or overdue stage is stale (``ProgramStatus.is_stale``).

>>> STALE_AFTER
180
"""


@attrs.frozen(slots=True)
class ProgramStatus:
    """Where a program stood on ``as_of``, as known on ``known_on``.

    ``plan`` is the plan known on ``known_on`` (``None`` before any was announced, and then
    ``stages`` is empty); ``current_stage`` is the stage whose planned window holds
    ``as_of``; ``reported_stage`` the highest-numbered stage that a report known then says
    is in progress or completed. ``latest_report`` is the report published last among
    those known on ``known_on`` (published, and its stage in a plan announced, by then:
    :func:`csto_program.knowledge.known_day`), ``report_age_days`` its age on ``as_of``,
    and ``is_stale`` says that an active or overdue stage has had no report for more than
    ``stale_after`` days.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> status = tajik_afghan_border().status(datetime.date(2024, 12, 1))
    >>> status.plan.id, status.current_stage.number, status.reported_stage
    ('asia-plus-2024-11-25', 1, None)
    """

    as_of: pendulum.Date
    known_on: pendulum.Date
    plan: Plan | None
    current_stage: Stage | None
    reported_stage: Stage | None
    stages: tuple[StageStatus, ...]
    latest_report: ProgressReport | None = None
    report_age_days: int | None = None
    stale_after: int = STALE_AFTER
    is_stale: bool = False


_REPORTED = frozenset((Progress.IN_PROGRESS, Progress.COMPLETED))


def _check_stage(stage: object, name: str = "stage") -> None:
    if not isinstance(stage, Stage):
        raise TypeError(f"{name} must be a Stage, got {type(stage).__name__}")


def stage_status(
    stage: Stage,
    as_of: datetime.date,
    evidence: Sequence[Statement] = (),
    *,
    report: ProgressReport | None = None,
    baseline: Stage | None = None,
    inferred_plan: bool = False,
) -> StageStatus:
    """The state of one stage on ``as_of``, given the report to go by and the evidence.

    ``report`` is the progress report that describes the stage (``None``: the calendar
    decides); ``baseline`` is the same stage in the first plan, for ``rescheduled_days``,
    and ``inferred_plan`` says that the stage's plan or the first plan was inferred
    (``rescheduled_inferred``). Statements in ``evidence`` said after ``as_of`` are left out.

    >>> import datetime
    >>> from csto_program import plan_stages
    >>> stage = plan_stages(datetime.date(2025, 1, 1))[0]
    >>> stage_status(stage, datetime.date(2026, 1, 1)).days_overdue
    1
    """
    _check_stage(stage)
    as_of = as_date(as_of, "as_of")
    if isinstance(evidence, (str, bytes)) or not isinstance(evidence, Sequence):
        raise TypeError(f"evidence must be a sequence of Statement, got {type(evidence).__name__}")
    for index, statement in enumerate(evidence):
        if not isinstance(statement, Statement):
            raise TypeError(
                f"evidence[{index}] must be a Statement, got {type(statement).__name__}"
            )
    if report is not None and not isinstance(report, ProgressReport):
        raise TypeError(f"report must be a ProgressReport, got {type(report).__name__}")
    if baseline is not None:
        _check_stage(baseline, "baseline")
    if type(inferred_plan) is not bool:
        raise TypeError(f"inferred_plan must be a bool, got {type(inferred_plan).__name__}")
    known = tuple(s for s in evidence if s.said_on.latest <= as_of)
    return _stage_status(stage, as_of, known, report, baseline, inferred_plan)


def _stage_status(
    stage: Stage,
    as_of: pendulum.Date,
    known: tuple[Statement, ...],
    report: ProgressReport | None,
    baseline: Stage | None,
    inferred_plan: bool = False,
) -> StageStatus:
    """:func:`stage_status` of arguments already checked, with the evidence already known."""
    last_day = stage.last_day
    common: dict[str, Any] = {"evidence": known}
    if report is not None:
        common["progress"] = report.progress
        common["report"] = report
        common["progress_inferred"] = report.inferred
    if baseline is not None:
        common["rescheduled_days"] = days_between(baseline.last_day, last_day)
        common["rescheduled_inferred"] = inferred_plan
    progress = None if report is None else report.progress
    if progress is Progress.COMPLETED:
        assert report is not None
        done = report.day
        # The recorded range, whole: a report whose day may be on or before as_of describes
        # the stage, but the completion may still lie after as_of (the views say so).
        least, most = days_late(done, stage.end)
        common["completed_on"] = done
        common["late_days"] = (least, most)
        if least <= 0:  # it may have been completed by the last day: not surely late
            return StageStatus(stage, as_of, StageState.COMPLETED, **common)
        return StageStatus(stage, as_of, StageState.COMPLETED_LATE, days_overdue=least, **common)
    if progress is Progress.CANCELLED:
        return StageStatus(stage, as_of, StageState.CANCELLED, **common)
    if as_of < stage.start:
        return StageStatus(stage, as_of, StageState.UPCOMING, **common)
    if as_of <= last_day:
        left = days_between(as_of, last_day)
        return StageStatus(stage, as_of, StageState.ACTIVE, days_remaining=left, **common)
    late = days_between(last_day, as_of)
    return StageStatus(stage, as_of, StageState.OVERDUE, days_overdue=late, **common)


def program_status(
    program: ProgramRecords,
    as_of: datetime.date,
    *,
    known_on: datetime.date | None = None,
    stale_after: int = STALE_AFTER,
) -> ProgramStatus:
    """Where ``program`` stood on ``as_of`` as known on ``known_on`` (default: ``as_of``).

    The status is drawn from ``program.as_known_on(known_on)``: every record it names
    refers only to records known on ``known_on``. The plan used is the last one announced
    by ``known_on``. The progress report that
    describes a stage is chosen by :func:`csto_program.precedence.describing_report`
    among those published by ``known_on``. ``latest_report`` is the report published
    last among those known on ``known_on`` (by the rule of
    :func:`csto_program.knowledge.known_day`: a report is not known before a plan with its
    stage), ``report_age_days`` the days from its publication to ``as_of``,
    and ``is_stale`` says that a stage is active or overdue with no report for more than
    ``stale_after`` days (with no report at all: since the adoption).

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> later = program_status(program, datetime.date(2025, 3, 1))
    >>> later.plan.id, later.stages[0].stage.last_day, later.stages[0].rescheduled_days
    ('sputnik-2024-12-04', Date(2025, 12, 31), 34)
    >>> stale = program_status(program, datetime.date(2026, 12, 6))
    >>> str(stale.latest_report.reported_on), stale.report_age_days, stale.is_stale
    ('2026-01-29', 311, True)
    """
    if not isinstance(program, ProgramRecords):
        raise TypeError(f"program must be a Program, got {type(program).__name__}")
    as_of = as_date(as_of, "as_of")
    known_on = as_of if known_on is None else as_date(known_on, "known_on")
    if type(stale_after) is not int:
        raise TypeError(f"stale_after must be an int, got {type(stale_after).__name__}")
    if stale_after < 0:
        raise ValueError(f"stale_after must not be negative, got {stale_after}")
    plan = program.plan_known_on(known_on)
    if plan is None:
        return ProgramStatus(as_of, known_on, None, None, None, (), stale_after=stale_after)
    # The records as they stood on known_on: a plan, report or statement named in the
    # status refers to nothing that became known later (a source published after it).
    program = program.as_known_on(known_on)
    plan = program.plans[-1]  # the plans known on a day are a prefix of the tuple
    first = program.plans[0]  # the plans known on any day are a prefix of the tuple
    inferred_plan = plan.inferred or first.inferred
    limit = min(as_of, known_on)
    statuses = []
    reported: Stage | None = None
    for stage in plan.stages:
        number = stage.number
        report = describing_report(program.reports_about(number), as_of, known_on=known_on)
        evidence = tuple(s for s in program.statements_about(number) if s.said_on.latest <= limit)
        baseline = first.stages[number - 1] if number <= len(first.stages) else None
        statuses.append(_stage_status(stage, as_of, evidence, report, baseline, inferred_plan))
        if report is not None and report.progress in _REPORTED:
            reported = stage
    latest = _latest_report(program, known_on)
    if latest is None:
        age = None
        quiet = days_between(program.adopted_on, as_of)
    else:
        age = quiet = days_between(latest.reported_on.latest, as_of)
    waiting = any(s.state in (StageState.ACTIVE, StageState.OVERDUE) for s in statuses)
    return ProgramStatus(
        as_of=as_of,
        known_on=known_on,
        plan=plan,
        current_stage=plan.stage_on(as_of),
        reported_stage=reported,
        stages=tuple(statuses),
        latest_report=latest,
        report_age_days=age,
        stale_after=stale_after,
        is_stale=waiting and quiet > stale_after,
    )


def _latest_report(program: ProgramRecords, known_on: pendulum.Date) -> ProgressReport | None:
    """The report published last (by ``reported_on``'s latest day, then its earliest, then
    the later in the record) among those known on ``known_on``, or ``None``.

    Known by the rule of :func:`csto_program.knowledge.known_day`: published, and its stage
    in a plan announced, by ``known_on``."""
    found: ProgressReport | None = None
    key: tuple[pendulum.Date, pendulum.Date] | None = None
    for report in program.reports:
        became = known_day(program, report)
        if became is not None and became > known_on:
            continue
        day = report.reported_on
        mine = (day.latest, day.earliest)
        if key is None or mine >= key:
            found, key = report, mine
    return found
