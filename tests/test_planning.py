"""Making plans (plan_stages) and comparing them (diff_plans): oracles, edges, errors."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Sequence
from typing import Any

import pendulum
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from csto_program import (
    DataError,
    Plan,
    Program,
    ScheduleError,
    StageState,
    diff_plans,
    from_dict,
    from_json,
    plan_stages,
    to_dict,
    to_json,
)
from csto_program.planning import ShiftKind
from csto_program.serialize import set_fast_path
from csto_program.strategies import iso_dates, plans

D = datetime.date

month_splits = st.lists(st.integers(1, 48), max_size=4).map(lambda rest: (12, *rest))


@given(iso_dates(D(1, 1, 1), D(9989, 12, 31)), month_splits)
def test_boundaries_equal_one_relativedelta_addition(start: pendulum.Date, months: Any) -> None:
    plan = plan_stages(start, months=months, term_months=sum(months))
    plain = D(start.year, start.month, start.day)
    total = 0
    assert len(plan) == len(months)
    for stage, length in zip(plan, months, strict=True):
        assert stage.start == plain + relativedelta(months=total)
        total += length
        assert stage.end == plain + relativedelta(months=total)
        assert type(stage.start) is pendulum.Date and type(stage.end) is pendulum.Date


@given(
    iso_dates(D(1, 1, 1), D(9989, 12, 31)),
    st.lists(st.integers(1, 48), min_size=1, max_size=5),
    st.integers(0, 12),
)
def test_plan_is_contiguous_ordered_and_within_term(
    start: pendulum.Date, months: list[int], extra: int
) -> None:
    term = sum(months) + extra
    plan = plan_stages(start, months=months, term_months=term, first_stage_months=None)
    assert [s.number for s in plan] == list(range(1, len(months) + 1))
    assert [s.name for s in plan] == [f"Stage {n}" for n in range(1, len(months) + 1)]
    assert plan[0].start == start
    for before, after in itertools.pairwise(plan):
        assert before.end == after.start
        assert before.start < before.end
    assert plan[-1].end <= D(start.year, start.month, start.day) + relativedelta(months=term)
    # a plan made of them validates, with the same rule
    Plan(
        id="p",
        announced_on="2024",
        starts_on=start,
        stages=plan,
        term_months=term,
        first_stage_months=None,
    )


def test_month_ends_are_not_chained() -> None:
    plan = plan_stages(D(2024, 1, 31), months=(12, 13, 35))
    assert [str(s.end) for s in plan] == ["2025-01-31", "2026-02-28", "2029-01-31"]
    # chaining would have drifted: 2026-02-28 + 35 months = 2029-01-28
    assert plan[2].end != pendulum.Date(2026, 2, 28).add(months=35)


def test_leap_day_start() -> None:
    plan = plan_stages(D(2024, 2, 29))
    assert [str(s.end) for s in plan] == ["2025-02-28", "2027-02-28", "2029-02-28"]
    assert str(plan[0].last_day) == "2025-02-27"


@pytest.mark.parametrize(
    ("months", "term", "first", "message"),
    [
        ((6, 24, 30), 60, 12, "stage one must last 12 months, got 6"),
        ((12, 24, 30), 66, 6, "stage one must last 6 months, got 12"),
        ((12, 0, 24), 60, 12, "stage 2 must last a positive number of months, got 0"),
        ((12, -3), 60, 12, "stage 2 must last a positive number of months, got -3"),
        ((12, 24, 25), 60, 12, "stages last 61 months in all, beyond the term of 60 months"),
        ((), 60, 12, "a plan needs at least one stage"),
        ((12,), 0, 12, "term_months must be positive, got 0"),
    ],
)
def test_impossible_plans(months: Sequence[int], term: int, first: int, message: str) -> None:
    with pytest.raises(ScheduleError) as info:
        plan_stages(D(2024, 11, 28), months=months, term_months=term, first_stage_months=first)
    assert info.value.problems == (("$", message),)
    assert str(info.value) == f"1 problem:\n  $: {message}"
    assert isinstance(info.value, DataError)


def test_the_rule_for_stage_one_is_the_plans() -> None:
    free = plan_stages("2025-01-01", months=(6, 24, 30), first_stage_months=None)
    assert [str(s.end) for s in free] == ["2025-07-01", "2027-07-01", "2030-01-01"]
    six = plan_stages("2025-01-01", months=(6, 24, 30), first_stage_months=6)
    assert six == free


@pytest.mark.parametrize("start", [D(9999, 1, 1), D(9995, 6, 1)])
def test_boundary_past_year_9999(start: datetime.date) -> None:
    with pytest.raises(ScheduleError):
        plan_stages(start)


def test_wrong_types_and_bad_text() -> None:
    assert plan_stages("2024-11-28") == plan_stages(D(2024, 11, 28))
    for text in ("2024-11-28T00:00", "28.11.2024", "2024-02-30", ""):
        with pytest.raises(DataError):
            plan_stages(text)
    bad: list[Any] = [
        lambda: plan_stages(datetime.datetime(2024, 11, 28)),
        lambda: plan_stages(pendulum.datetime(2024, 11, 28)),
        lambda: plan_stages(b"2024-11-28"),
        lambda: plan_stages(20241128),
        lambda: plan_stages(D(2024, 11, 28), months=(12.0, 24, 24)),
        lambda: plan_stages(D(2024, 11, 28), months=(True, 24)),
        lambda: plan_stages(D(2024, 11, 28), months="12"),
        lambda: plan_stages(D(2024, 11, 28), months=12),
        lambda: plan_stages(D(2024, 11, 28), term_months="60"),
        lambda: plan_stages(D(2024, 11, 28), first_stage_months=12.0),
    ]
    for make in bad:
        with pytest.raises(TypeError):
            make()


# --------------------------------------------------------------------------- a short plan


def _short_plan(first_stage_months: int) -> Plan:
    return Plan(
        id="short",
        announced_on="2024-12",
        starts_on="2025-01-01",
        term_months=36,
        first_stage_months=first_stage_months,
        stages=plan_stages(
            "2025-01-01", months=(6, 12, 18), term_months=36, first_stage_months=None
        ),
    )


def test_a_6_12_18_month_plan_with_a_36_month_term() -> None:
    plan = _short_plan(6)
    assert [str(s.last_day) for s in plan.stages] == ["2025-06-30", "2026-06-30", "2027-12-31"]
    assert plan.ends_on == D(2028, 1, 1)
    program = Program(id="short", title="Short", adopted_on="2024-12-01", plans=[plan])
    try:
        for fast in (True, False):
            set_fast_path(fast)
            assert from_json(to_json(program), Program) == program
            assert from_dict(to_dict(program), Program) == program
    finally:
        set_fast_path(True)
    status = program.status(D(2025, 7, 1))
    assert [s.state for s in status.stages] == [
        StageState.OVERDUE,
        StageState.ACTIVE,
        StageState.UPCOMING,
    ]
    assert status.current_stage.number == 2 and status.stages[1].days_remaining == 364


def test_the_same_months_with_a_12_month_first_stage_are_a_schedule_error() -> None:
    with pytest.raises(ScheduleError) as info:
        _short_plan(12)
    assert info.value.problems == (
        ("$.stages[0].end", "stage one must last 12 months: end 2026-01-01, got 2025-07-01"),
    )
    assert isinstance(info.value, DataError)
    doc = to_dict(Program(id="s", title="S", adopted_on="2024-12-01", plans=[_short_plan(6)]))
    doc["plans"][0]["first_stage_months"] = 12
    with pytest.raises(DataError) as loaded:
        from_dict(doc, Program)
    assert loaded.value.problems[0][0] == "$.plans[0].stages[0].end"
    del doc["plans"][0]["first_stage_months"]  # the default rule is 12 months as well
    with pytest.raises(DataError):
        from_dict(doc, Program)


# --------------------------------------------------------------------------- diff_plans


@given(plans(), plans())
def test_diff_plans_by_stage_number(old: Plan, new: Plan) -> None:
    shifts = diff_plans(old, new)
    assert [s.number for s in shifts] == list(range(1, max(len(old.stages), len(new.stages)) + 1))
    for shift in shifts:
        if shift.number > len(new.stages):
            assert (shift.kind, shift.start_days, shift.last_day_days) == (
                ShiftKind.DROPPED,
                None,
                None,
            )
        elif shift.number > len(old.stages):
            assert (shift.kind, shift.start_days, shift.last_day_days) == (
                ShiftKind.ADDED,
                None,
                None,
            )
        else:
            before, after = old.stage(shift.number), new.stage(shift.number)
            assert shift.kind is ShiftKind.KEPT
            assert shift.start_days == after.start.toordinal() - before.start.toordinal()
            assert shift.last_day_days == after.end.toordinal() - before.end.toordinal()
    assert all(s.kind is ShiftKind.KEPT and s.start_days == 0 for s in diff_plans(old, old))
    back = diff_plans(new, old)
    for there, home in zip(shifts, back, strict=True):
        if there.kind is ShiftKind.KEPT:
            assert home.start_days == -there.start_days  # type: ignore[operator]


def test_diff_plans_refuses_other_objects() -> None:
    plan = _short_plan(6)
    with pytest.raises(TypeError):
        diff_plans(plan, plan.stages)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        diff_plans(to_dict(plan), plan)  # type: ignore[arg-type]
