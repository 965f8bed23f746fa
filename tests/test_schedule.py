"""Stage planning and status: oracles, edges, errors."""

from __future__ import annotations

import datetime
import itertools

import pendulum
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from csto_program import (
    Program,
    ScheduleError,
    Stage,
    StageState,
    plan_stages,
    stage_status,
)
from csto_program.strategies import iso_dates, programs

D = datetime.date

month_splits = st.lists(st.integers(1, 48), max_size=4).map(lambda rest: (12, *rest))


@given(iso_dates(D(1, 1, 1), D(9989, 12, 31)), month_splits)
def test_boundaries_equal_one_relativedelta_addition(start: pendulum.Date, months) -> None:
    plan = plan_stages(start, months=months, term_months=sum(months))
    plain = D(start.year, start.month, start.day)
    total = 0
    assert len(plan) == len(months)
    for stage, length in zip(plan, months, strict=True):
        assert stage.start == plain + relativedelta(months=total)
        total += length
        assert stage.end == plain + relativedelta(months=total)
        assert type(stage.start) is pendulum.Date and type(stage.end) is pendulum.Date


@given(iso_dates(D(1, 1, 1), D(9989, 12, 31)), month_splits)
def test_plan_is_contiguous_ordered_and_within_term(start: pendulum.Date, months) -> None:
    term = sum(months) + 3
    plan = plan_stages(start, months=months, term_months=term)
    assert [s.number for s in plan] == list(range(1, len(months) + 1))
    assert plan[0].start == start
    for before, after in itertools.pairwise(plan):
        assert before.end == after.start
        assert before.start < before.end
    assert plan[-1].end <= D(start.year, start.month, start.day) + relativedelta(months=term)


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
    ("months", "term", "message"),
    [
        ((6, 24, 30), 60, "stage one must last 12 months, got 6"),
        ((12, 0, 24), 60, "stage 2 must last a positive number of months, got 0"),
        ((12, -3), 60, "stage 2 must last a positive number of months, got -3"),
        ((12, 24, 25), 60, "stages last 61 months in all, beyond the term of 60 months"),
        ((), 60, "a plan needs at least one stage"),
        ((12,), 0, "term_months must be positive, got 0"),
    ],
)
def test_impossible_plans(months, term: int, message: str) -> None:
    with pytest.raises(ScheduleError, match="^" + message.replace("(", r"\(") + "$"):
        plan_stages(D(2024, 11, 28), months=months, term_months=term)


@pytest.mark.parametrize("start", [D(9999, 1, 1), D(9995, 6, 1)])
def test_boundary_past_year_9999(start: datetime.date) -> None:
    with pytest.raises(ScheduleError):
        plan_stages(start)


def test_wrong_types() -> None:
    with pytest.raises(TypeError):
        plan_stages(datetime.datetime(2024, 11, 28))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        plan_stages(pendulum.datetime(2024, 11, 28))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        plan_stages("2024-11-28")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        plan_stages(D(2024, 11, 28), months=(12.0, 24, 24))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        plan_stages(D(2024, 11, 28), months=(True, 24))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        plan_stages(D(2024, 11, 28), months="12")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        plan_stages(D(2024, 11, 28), term_months="60")  # type: ignore[arg-type]


def _program(start: datetime.date, *completions: datetime.date | None) -> Program:
    plan = list(plan_stages(start))
    for index, done in enumerate(completions):
        plan[index] = Stage(
            number=plan[index].number,
            name=plan[index].name,
            start=plan[index].start,
            end=plan[index].end,
            completed_on=done,
        )
    return Program(id="p", title="P", adopted_on=start, starts_on=start, stages=tuple(plan))


@pytest.mark.parametrize("start", [D(2024, 2, 29), D(2025, 1, 1), D(2023, 3, 1)])
def test_status_at_the_edges_without_completion(start: datetime.date) -> None:
    program = _program(start)
    first = program.stages[0]
    day_before = start - datetime.timedelta(days=1)
    cases = [
        (day_before, StageState.UPCOMING, None, None, None),
        (start, StageState.ACTIVE, None, None, 1),
        (first.last_day, StageState.ACTIVE, 0, None, 1),
        (first.end, StageState.OVERDUE, None, 1, 2),
    ]
    for as_of, state, remaining, overdue, current in cases:
        status = program.status(as_of)
        assert status.as_of == as_of
        one = status.stages[0]
        assert one.state is state, as_of
        if remaining is not None:
            assert one.days_remaining == remaining
        assert one.days_overdue == overdue
        assert (status.current_stage.number if status.current_stage else None) == current
    first_day = program.status(start).stages[0]
    assert first_day.days_remaining == (first.last_day - first.start).in_days()
    plain_last = D(first.last_day.year, first.last_day.month, first.last_day.day)
    assert first_day.days_remaining == (plain_last - start).days


def test_leap_day_program_deadline() -> None:
    program = _program(D(2024, 2, 29))
    assert str(program.stages[0].last_day) == "2025-02-27"
    assert program.status(D(2025, 2, 27)).stages[0].state is StageState.ACTIVE
    assert program.status(D(2025, 2, 28)).stages[0].days_overdue == 1
    assert program.status(D(2025, 2, 28)).current_stage == program.stages[1]


def test_status_with_completions() -> None:
    start = D(2024, 2, 29)
    on_time = _program(start, D(2025, 2, 27))
    late = _program(start, D(2025, 3, 10))
    assert on_time.status(D(2025, 2, 27)).stages[0].state is StageState.COMPLETED
    # the completion is not yet known the day before it happened
    assert on_time.status(D(2025, 2, 26)).stages[0].state is StageState.ACTIVE
    assert late.status(D(2025, 3, 9)).stages[0].state is StageState.OVERDUE
    assert late.status(D(2025, 3, 9)).stages[0].days_overdue == 10
    done = late.status(D(2025, 3, 10)).stages[0]
    assert done.state is StageState.COMPLETED_LATE
    assert done.days_overdue == 11
    assert done.days_remaining is None
    assert late.status(D(2030, 1, 1)).stages[0].days_overdue == 11


@given(programs(max_items=1), iso_dates(D(1, 1, 1), D(9999, 12, 31)))
def test_status_invariants(program: Program, as_of: pendulum.Date) -> None:
    status = program.status(as_of)
    assert status.current_stage == program.stage_on(as_of)
    if status.current_stage is not None:
        assert status.current_stage.contains(as_of)
    for item in status.stages:
        stage = item.stage
        known = stage.completed_on is not None and stage.completed_on <= as_of
        if item.state is StageState.UPCOMING:
            assert as_of < stage.start and not known
        elif item.state is StageState.ACTIVE:
            assert stage.start <= as_of <= stage.last_day and not known
            assert item.days_remaining == (stage.last_day - as_of).in_days() >= 0
        elif item.state is StageState.OVERDUE:
            assert as_of > stage.last_day and not known
            assert item.days_overdue is not None and item.days_overdue >= 1
        elif item.state is StageState.COMPLETED:
            assert known and stage.completed_on <= stage.last_day  # type: ignore[operator]
        else:
            assert known and stage.completed_on > stage.last_day  # type: ignore[operator]
        assert (item.days_remaining is None) or item.state is StageState.ACTIVE
        for statement in item.evidence:
            assert stage.number in statement.stages
            assert statement.said_on.latest <= as_of


def test_stage_status_refuses_datetime() -> None:
    stage = plan_stages(D(2025, 1, 1))[0]
    with pytest.raises(TypeError):
        stage_status(stage, datetime.datetime(2025, 1, 1))  # type: ignore[arg-type]
    assert type(stage_status(stage, D(2025, 1, 1)).as_of) is pendulum.Date
