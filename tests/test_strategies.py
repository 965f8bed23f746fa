"""The public strategies stay valid at the edges of the supported date range."""

from __future__ import annotations

import datetime

from hypothesis import given

from csto_program import MAX_DATE, Program, Stage
from csto_program.strategies import programs, stages


@given(stages(start=datetime.date(9997, 12, 31), months=(12,)))
def test_completions_near_year_9999_stay_in_range(plan: tuple[Stage, ...]) -> None:
    (stage,) = plan
    assert stage.completed_on is None or stage.start <= stage.completed_on <= MAX_DATE


@given(stages(start=datetime.date(1, 1, 1)))
def test_plans_from_the_first_day(plan: tuple[Stage, ...]) -> None:
    assert plan[0].start == datetime.date(1, 1, 1)


@given(programs(max_items=0))
def test_programs_are_adopted_by_their_start(program: Program) -> None:
    assert program.adopted_on <= program.starts_on
    assert program.starts_on.toordinal() - program.adopted_on.toordinal() <= 400
