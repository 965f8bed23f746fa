"""The schedule rules, pure: stage_boundaries and schedule_problems against an oracle written
with python-dateutil, and the plans the model builds obey exactly these rules."""

from __future__ import annotations

import datetime
from typing import Any

import pendulum
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from csto_program import DataError, Plan, ScheduleError, Stage
from csto_program.rules import (
    DEFAULT_FIRST_STAGE_MONTHS,
    DEFAULT_MONTHS,
    DEFAULT_TERM_MONTHS,
    schedule_problems,
    stage_boundaries,
)
from csto_program.strategies import iso_dates

D = datetime.date
Window = tuple[int, D, D]


def _plus_months(day: D, months: int) -> D | None:
    """``day`` plus ``months`` by dateutil (month ends clamped), or ``None`` past year 9999."""
    try:
        return day + relativedelta(months=months)
    except (ValueError, OverflowError):
        return None


def oracle(starts_on: D, windows: list[Window], term: int, first: int | None) -> list[str]:
    """The paths of the problems a plan's schedule has, in the order the rules are stated."""
    if term < 1:
        return ["$.term_months"]
    if first is not None and first < 1:
        return ["$.first_stage_months"]
    ends_on = _plus_months(starts_on, term)
    if ends_on is None:
        return ["$.term_months"]
    if not windows:
        return ["$.stages"]
    found = [f"$.stages[{i}].number" for i, (n, _, _) in enumerate(windows) if n != i + 1]
    _, first_start, first_end = windows[0]
    if first_start != starts_on:
        found.append("$.stages[0].start")
    elif first is not None:
        expected = _plus_months(starts_on, first)
        if expected is None:
            found.append("$.first_stage_months")
        elif first_end != expected:
            found.append("$.stages[0].end")
    for index in range(1, len(windows)):
        if windows[index][1] < windows[index - 1][2]:
            found.append(f"$.stages[{index}].start")
    if windows[-1][2] > ends_on:
        found.append(f"$.stages[{len(windows) - 1}].end")
    return found


def _shift(day: D, days: int) -> D:
    return D.fromordinal(min(max(day.toordinal() + days, 1), D.max.toordinal()))


@st.composite
def schedules(draw: st.DrawFn) -> tuple[D, list[Window], int, int | None]:
    """A plan's parameters near the rules' edges: mostly valid, often broken in one place."""
    starts_on = draw(iso_dates(D(1, 1, 1), D(9999, 12, 31)) | iso_dates(D(9985, 1, 1)))
    months = draw(st.lists(st.integers(1, 36), max_size=4))
    nudge = st.sampled_from([0] * 6 + [-31, -1, 1, 2])
    windows: list[Window] = []
    total = 0
    for index, length in enumerate(months):
        begin = _plus_months(starts_on, total)
        total += length
        end = _plus_months(starts_on, total)
        if begin is None or end is None:
            break
        number = index + 1 + draw(st.sampled_from([0] * 8 + [-1, 1]))
        windows.append((number, _shift(begin, draw(nudge)), _shift(end, draw(nudge))))
    term = (
        total + draw(st.sampled_from([0, 0, 1, -1, 12, -total]))
        if months
        else draw(st.integers(-1, 60))
    )
    first = draw(st.none() | st.sampled_from([months[0] if months else 12, 12, 6, 0, -1]))
    return starts_on, windows, term, first


@given(schedules())
def test_schedule_problems_follow_the_rules(
    schedule: tuple[D, list[Window], int, int | None],
) -> None:
    starts_on, windows, term, first = schedule
    problems = list(schedule_problems(starts_on, windows, term, first))
    assert [path for path, _ in problems] == oracle(starts_on, windows, term, first)
    assert all(message for _, message in problems)


@given(schedules())
def test_a_plan_is_valid_exactly_when_its_schedule_has_no_problem(
    schedule: tuple[D, list[Window], int, int | None],
) -> None:
    starts_on, windows, term, first = schedule
    if term < 1 or (first is not None and first < 1):
        return  # the fields' own checks refuse these first
    if not windows or any(n < 1 or start >= end for n, start, end in windows):
        return  # not stages at all (a plan's declaration requires one: a DataError)
    stages = tuple(Stage(number=n, name="S", start=s, end=e) for n, s, e in windows)
    expected = list(schedule_problems(starts_on, windows, term, first))
    fields: dict[str, Any] = {"id": "p", "announced_on": "2024", "starts_on": starts_on}
    fields.update(stages=stages, term_months=term, first_stage_months=first)
    if expected:
        with pytest.raises(ScheduleError) as info:
            Plan(**fields)
        assert list(info.value.problems) == expected
    else:
        assert Plan(**fields).stages == stages


# --------------------------------------------------------------------------- stage_boundaries


def test_defaults() -> None:
    assert DEFAULT_MONTHS == (12, 24, 24)
    assert sum(DEFAULT_MONTHS) == DEFAULT_TERM_MONTHS == 60
    assert DEFAULT_FIRST_STAGE_MONTHS == 12
    bounds = stage_boundaries(D(2024, 11, 28))
    assert [str(day) for day in bounds] == ["2024-11-28", "2025-11-28", "2027-11-28", "2029-11-28"]
    assert all(type(day) is pendulum.Date for day in bounds)


@given(
    iso_dates(D(1, 1, 1), D(9989, 12, 31)),
    st.lists(st.integers(1, 48), min_size=1, max_size=5),
)
def test_boundaries_are_the_start_plus_cumulative_months(start: D, months: list[int]) -> None:
    bounds = stage_boundaries(start, months, sum(months), None)
    plain = D(start.year, start.month, start.day)
    assert bounds[0] == start and len(bounds) == len(months) + 1
    total = 0
    for bound, length in zip(bounds[1:], months, strict=True):
        total += length
        assert bound == plain + relativedelta(months=total)


@pytest.mark.parametrize(
    ("months", "term", "first", "message"),
    [
        ((6, 24, 30), 60, 12, "stage one must last 12 months, got 6"),
        ((12,), 12, 6, "stage one must last 6 months, got 12"),
        ((12, 0), 60, 12, "stage 2 must last a positive number of months, got 0"),
        ((12, 49), 60, 12, "stages last 61 months in all, beyond the term of 60 months"),
        ((), 60, None, "a plan needs at least one stage"),
        ((12,), -1, 12, "term_months must be positive, got -1"),
    ],
)
def test_impossible_boundaries(months: Any, term: int, first: int | None, message: str) -> None:
    with pytest.raises(ScheduleError) as info:
        stage_boundaries(D(2025, 1, 1), months, term, first)
    assert info.value.problems == (("$", message),)
    assert isinstance(info.value, DataError)


def test_boundaries_past_year_9999() -> None:
    with pytest.raises(ScheduleError, match=r"outside the years 0001\.\.9999"):
        stage_boundaries(D(9999, 1, 1), (12,), 12, 12)
    with pytest.raises(ScheduleError):  # the term, not only the stages, must end in range
        stage_boundaries(D(9998, 1, 1), (12,), 36, 12)
    assert stage_boundaries(D(9998, 12, 31), (12,), 12, 12)[-1] == D(9999, 12, 31)


@pytest.mark.parametrize(
    "call",
    [
        lambda: stage_boundaries(datetime.datetime(2025, 1, 1)),
        lambda: stage_boundaries("2025-01-01"),
        lambda: stage_boundaries(D(2025, 1, 1), "12"),
        lambda: stage_boundaries(D(2025, 1, 1), 12),
        lambda: stage_boundaries(D(2025, 1, 1), (12, True)),
        lambda: stage_boundaries(D(2025, 1, 1), (12.0,)),
        lambda: stage_boundaries(D(2025, 1, 1), (12,), 60.0),
        lambda: stage_boundaries(D(2025, 1, 1), (12,), 60, "12"),
    ],
)
def test_wrong_types(call: Any) -> None:
    with pytest.raises(TypeError):
        call()


def test_schedule_problems_messages() -> None:
    d = D
    windows = [(1, d(2025, 1, 1), d(2025, 12, 1)), (2, d(2025, 11, 1), d(2031, 1, 1))]
    assert list(schedule_problems(d(2025, 1, 1), windows, 60, 12)) == [
        ("$.stages[0].end", "stage one must last 12 months: end 2026-01-01, got 2025-12-01"),
        ("$.stages[1].start", "stage 2 starts on 2025-11-01, before stage 1 ends on 2025-12-01"),
        ("$.stages[1].end", "stage 2 ends on 2031-01-01, after the term ends on 2030-01-01"),
    ]
    renumbered = [(1, d(2025, 1, 1), d(2026, 1, 1)), (10**5000, d(2025, 6, 1), d(2031, 1, 1))]
    problems = list(schedule_problems(d(2025, 1, 1), renumbered, 60, 12))
    assert [path for path, _ in problems] == [
        "$.stages[1].number",
        "$.stages[1].start",
        "$.stages[1].end",
    ]
    assert all("digits" in message and len(message) < 200 for _, message in problems)
