"""Stage scheduling and status: pure functions, no clock.

Every stage boundary is the program start plus the cumulative months in ONE
calendar addition; additions are never chained, so month ends do not drift:

>>> import datetime
>>> [str(s.end) for s in plan_stages(datetime.date(2024, 1, 31), months=(12, 13, 35))]
['2025-01-31', '2026-02-28', '2029-01-31']
"""

from __future__ import annotations

import datetime
import enum
import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs
import pendulum

from csto_program.dates import add_months, as_date, days_between
from csto_program.errors import ScheduleError
from csto_program.model import Stage, Statement

if TYPE_CHECKING:
    from csto_program.model import Program

__all__ = [
    "DEFAULT_MONTHS",
    "DEFAULT_TERM_MONTHS",
    "ProgramStatus",
    "StageState",
    "StageStatus",
    "plan_stages",
    "program_status",
    "stage_status",
]

DEFAULT_MONTHS: tuple[int, ...] = (12, 24, 24)
"""Stage lengths in months: stage one lasts a year, stages two and three the rest.

>>> DEFAULT_MONTHS, sum(DEFAULT_MONTHS) == DEFAULT_TERM_MONTHS
((12, 24, 24), True)
"""

DEFAULT_TERM_MONTHS = 60
"""The program's term: five years.

>>> DEFAULT_TERM_MONTHS // 12
5
"""


def _check_int(name: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be int, got {type(value).__name__} {value!r}")
    return value


def plan_stages(
    start: datetime.date,
    *,
    months: Sequence[int] = DEFAULT_MONTHS,
    term_months: int = DEFAULT_TERM_MONTHS,
) -> tuple[Stage, ...]:
    """The stages of a program starting on ``start``, with these lengths in months.

    Stage one must last exactly 12 months; every length must be positive and the
    lengths together must fit in ``term_months``. Boundaries past year 9999 raise
    :class:`~csto_program.ScheduleError`.

    >>> import datetime
    >>> for stage in plan_stages(datetime.date(2024, 11, 28)):
    ...     print(stage.number, stage.start, stage.end, stage.last_day)
    1 2024-11-28 2025-11-28 2025-11-27
    2 2025-11-28 2027-11-28 2027-11-27
    3 2027-11-28 2029-11-28 2029-11-27
    """
    start = as_date(start, "start")
    _check_int("term_months", term_months)
    if isinstance(months, (str, bytes)) or not isinstance(months, Sequence):
        raise TypeError(f"months must be a sequence of int, got {type(months).__name__}")
    lengths = tuple(_check_int(f"months[{i}]", m) for i, m in enumerate(months))
    if term_months < 1:
        raise ScheduleError(f"term_months must be positive, got {term_months}")
    if not lengths:
        raise ScheduleError("a plan needs at least one stage")
    for index, length in enumerate(lengths):
        if length < 1:
            raise ScheduleError(
                f"stage {index + 1} must last a positive number of months, got {length}"
            )
    if lengths[0] != 12:
        raise ScheduleError(f"stage one must last 12 months, got {lengths[0]}")
    if sum(lengths) > term_months:
        raise ScheduleError(
            f"stages last {sum(lengths)} months in all, beyond the term of {term_months} months"
        )
    add_months(start, term_months)  # the term itself must end by year 9999
    boundaries = [start]
    total = 0
    for length in lengths:
        total += length
        boundaries.append(add_months(start, total))  # one addition from the start
    return tuple(
        Stage(number=index + 1, name=f"Stage {index + 1}", start=begin, end=end)
        for index, (begin, end) in enumerate(itertools.pairwise(boundaries))
    )


class StageState(enum.StrEnum):
    """Where a stage stands on a given day.

    >>> [state.value for state in StageState]
    ['upcoming', 'active', 'overdue', 'completed', 'completed_late']
    """

    UPCOMING = "upcoming"
    ACTIVE = "active"
    OVERDUE = "overdue"
    COMPLETED = "completed"
    COMPLETED_LATE = "completed_late"


@attrs.frozen(slots=True)
class StageStatus:
    """A stage's state on ``as_of``, the days left or late, and the evidence known then.

    ``days_remaining`` is set for an active stage (0 on its last day);
    ``days_overdue`` for an overdue stage (1 on the day after its last day) and
    for a stage completed late (days from the last day to the completion).
    ``evidence`` holds the statements about the stage made by ``as_of``.

    >>> import datetime
    >>> stage = plan_stages(datetime.date(2025, 1, 1))[0]
    >>> status = stage_status(stage, datetime.date(2025, 12, 31))
    >>> status.state.value, status.days_remaining, status.days_overdue
    ('active', 0, None)
    """

    stage: Stage
    as_of: pendulum.Date
    state: StageState
    days_remaining: int | None = None
    days_overdue: int | None = None
    evidence: tuple[Statement, ...] = ()


@attrs.frozen(slots=True)
class ProgramStatus:
    """Where a program stands on ``as_of``.

    >>> import datetime
    >>> from csto_program import Program
    >>> program = Program(id="p", title="P", adopted_on=datetime.date(2024, 11, 28),
    ...                   starts_on=datetime.date(2025, 1, 1),
    ...                   stages=plan_stages(datetime.date(2025, 1, 1)))
    >>> status = program.status(as_of=datetime.date(2024, 12, 31))
    >>> status.current_stage is None, status.stages[0].state.value
    (True, 'upcoming')
    """

    as_of: pendulum.Date
    current_stage: Stage | None
    stages: tuple[StageStatus, ...]


def stage_status(
    stage: Stage, as_of: datetime.date, evidence: Sequence[Statement] = ()
) -> StageStatus:
    """The state of one stage on ``as_of``.

    A completion dated after ``as_of`` is not yet known on ``as_of``; a stage past
    its last day with no known completion is overdue.

    >>> import datetime
    >>> stage = plan_stages(datetime.date(2025, 1, 1))[0]
    >>> stage_status(stage, datetime.date(2026, 1, 1)).days_overdue
    1
    """
    as_of = as_date(as_of, "as_of")
    last_day = stage.last_day
    known = tuple(s for s in evidence if s.said_on.latest <= as_of)
    if stage.completed_on is not None and stage.completed_on <= as_of:
        if stage.completed_on <= last_day:
            return StageStatus(stage, as_of, StageState.COMPLETED, evidence=known)
        late = days_between(last_day, stage.completed_on)
        return StageStatus(
            stage, as_of, StageState.COMPLETED_LATE, days_overdue=late, evidence=known
        )
    if as_of < stage.start:
        return StageStatus(stage, as_of, StageState.UPCOMING, evidence=known)
    if as_of <= last_day:
        left = days_between(as_of, last_day)
        return StageStatus(stage, as_of, StageState.ACTIVE, days_remaining=left, evidence=known)
    late = days_between(last_day, as_of)
    return StageStatus(stage, as_of, StageState.OVERDUE, days_overdue=late, evidence=known)


def program_status(program: Program, as_of: datetime.date) -> ProgramStatus:
    """Where ``program`` stands on ``as_of`` (the same as ``program.status(as_of)``).

    >>> import datetime
    >>> from csto_program import Program
    >>> program = Program(id="p", title="P", adopted_on=datetime.date(2024, 11, 28),
    ...                   starts_on=datetime.date(2025, 1, 1),
    ...                   stages=plan_stages(datetime.date(2025, 1, 1)))
    >>> program_status(program, datetime.date(2026, 1, 29)).current_stage.number
    2
    """
    as_of = as_date(as_of, "as_of")
    return ProgramStatus(
        as_of=as_of,
        current_stage=program.stage_on(as_of),
        stages=tuple(
            stage_status(stage, as_of, program.statements_about(stage.number))
            for stage in program.stages
        ),
    )
