"""Making plans and comparing them: :func:`plan_stages` and :func:`diff_plans`.

>>> import datetime
>>> [str(s.end) for s in plan_stages(datetime.date(2024, 1, 31), months=(12, 13, 35))]
['2025-01-31', '2026-02-28', '2029-01-31']
"""

from __future__ import annotations

import datetime
import enum
import itertools
from collections.abc import Sequence

import attrs

from csto_program.dates import as_date, days_between, parse_iso_date
from csto_program.model import Plan, Stage
from csto_program.rules import (
    DEFAULT_FIRST_STAGE_MONTHS,
    DEFAULT_MONTHS,
    DEFAULT_TERM_MONTHS,
    stage_boundaries,
)

__all__ = ["ShiftKind", "StageShift", "diff_plans", "plan_stages"]


def plan_stages(
    start: datetime.date | str,
    *,
    months: Sequence[int] = DEFAULT_MONTHS,
    term_months: int = DEFAULT_TERM_MONTHS,
    first_stage_months: int | None = DEFAULT_FIRST_STAGE_MONTHS,
) -> tuple[Stage, ...]:
    """The stages of a plan starting on ``start``, with these lengths in months.

    ``start`` is a date or its ISO text. Stage one must last ``first_stage_months``
    (``None``: any length); every length must be positive and the lengths together must fit
    in ``term_months``; otherwise :class:`~csto_program.ScheduleError`.

    >>> for stage in plan_stages("2024-11-28"):
    ...     print(stage.number, stage.start, stage.end, stage.last_day)
    1 2024-11-28 2025-11-28 2025-11-27
    2 2025-11-28 2027-11-28 2027-11-27
    3 2027-11-28 2029-11-28 2029-11-27
    """
    day = parse_iso_date(start) if isinstance(start, str) else as_date(start, "start")
    bounds = stage_boundaries(day, months, term_months, first_stage_months)
    return tuple(
        Stage(number=index + 1, name=f"Stage {index + 1}", start=begin, end=end)
        for index, (begin, end) in enumerate(itertools.pairwise(bounds))
    )


class ShiftKind(enum.StrEnum):
    """How a stage changed from one plan to the next.

    >>> [kind.value for kind in ShiftKind]
    ['kept', 'added', 'dropped']
    """

    KEPT = "kept"
    """The stage is in both plans (its dates may have moved)."""
    ADDED = "added"
    """The stage is only in the newer plan."""
    DROPPED = "dropped"
    """The stage is only in the older plan."""


@attrs.frozen(slots=True)
class StageShift:
    """How one stage moved between two plans, in days (positive: later in the newer plan).

    ``start_days`` and ``last_day_days`` are ``None`` for a stage added or dropped.
    :func:`diff_plans` gives one per stage number.

    >>> shift = StageShift(1, ShiftKind.KEPT, start_days=34, last_day_days=34)
    >>> shift.kind.value, shift.last_day_days
    ('kept', 34)
    >>> StageShift(3, ShiftKind.DROPPED)
    StageShift(number=3, kind=<ShiftKind.DROPPED: 'dropped'>, start_days=None, last_day_days=None)
    """

    number: int
    kind: ShiftKind
    start_days: int | None = None
    last_day_days: int | None = None


def diff_plans(old: Plan, new: Plan) -> tuple[StageShift, ...]:
    """Per stage number, how far its first and last days moved from ``old`` to ``new``.

    >>> from csto_program import Plan
    >>> old = Plan(id="old", announced_on="2024-11-25", starts_on="2024-11-28",
    ...            stages=plan_stages("2024-11-28"))
    >>> new = Plan(id="new", announced_on="2024-12-04", starts_on="2025-01-01",
    ...            stages=plan_stages("2025-01-01", months=(12, 24)))
    >>> for shift in diff_plans(old, new):
    ...     print(shift.number, shift.kind.value, shift.start_days, shift.last_day_days)
    1 kept 34 34
    2 kept 34 34
    3 dropped None None
    """
    for name, plan in (("old", old), ("new", new)):
        if not isinstance(plan, Plan):
            raise TypeError(f"{name} must be a Plan, got {type(plan).__name__}")
    shifts = []
    for number in range(1, max(len(old.stages), len(new.stages)) + 1):
        if number > len(new.stages):
            shifts.append(StageShift(number, ShiftKind.DROPPED))
        elif number > len(old.stages):
            shifts.append(StageShift(number, ShiftKind.ADDED))
        else:
            before, after = old.stages[number - 1], new.stages[number - 1]
            shifts.append(
                StageShift(
                    number,
                    ShiftKind.KEPT,
                    days_between(before.start, after.start),
                    days_between(before.last_day, after.last_day),
                )
            )
    return tuple(shifts)
