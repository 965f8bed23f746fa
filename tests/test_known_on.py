"""Knowledge as of a day: a status as known on K uses nothing published after K, and
nothing published after K can change it."""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st

from csto_program import (
    PartialDate,
    Plan,
    Program,
    Progress,
    ProgressReport,
    StageState,
    plan_stages,
)
from csto_program.dates import MAX_DATE
from csto_program.strategies import iso_dates, partial_dates, plans, programs
from support import whole_program_settings

D = datetime.date


def _days(program: Program) -> st.SearchStrategy[D]:
    """Days that matter to ``program`` (publications, report days, stage bounds, each with
    the days around it) and days anywhere near it."""
    marks: set[int] = set()
    for plan in program.plans:
        marks.add(plan.announced_on.latest.toordinal())
        for stage in plan.stages:
            marks.update((stage.start.toordinal(), stage.end.toordinal()))
    for report in program.reports:
        marks.update((report.reported_on.latest.toordinal(), report.day.earliest.toordinal()))
    near = sorted(
        D.fromordinal(n + k)
        for n in marks
        for k in (-1, 0, 1)
        if 1 <= n + k <= MAX_DATE.toordinal()
    )
    low = D.fromordinal(max(1, program.baseline.starts_on.toordinal() - 800))
    high = D.fromordinal(min(MAX_DATE.toordinal(), program.plan.ends_on.toordinal() + 800))
    return st.sampled_from(near) | iso_dates(low, high)


def _check_known(program: Program, as_of: D, known_on: D) -> Any:
    status = program.status(as_of, known_on=known_on)
    assert status.as_of == as_of and status.known_on == known_on
    known = program.plan_known_on(known_on)
    assert (status.plan is None) is (known is None)
    if status.plan is not None:
        # the plan as known on K: references to what became known later are pruned
        assert status.plan == program.as_known_on(known_on).plans[-1]
        assert status.plan.id == known.id and status.plan.announced_on.latest <= known_on
        later = program.plans[program.plans.index(known) + 1 :]
        assert all(plan.announced_on.latest > known_on for plan in later)
    else:
        assert all(plan.announced_on.latest > known_on for plan in program.plans)
        assert status.stages == ()
    for item in status.stages:
        if item.report is not None:
            assert item.report.reported_on.latest <= known_on
            assert item.report.day.earliest <= as_of
        for statement in item.evidence:
            assert statement.said_on.latest <= min(as_of, known_on)
    return status


@whole_program_settings
@given(programs(), st.data())
def test_status_as_known_on_k_uses_nothing_published_after_k(
    program: Program, data: st.DataObject
) -> None:
    days = _days(program)
    as_of, known_on = data.draw(days), data.draw(days)
    _check_known(program, as_of, known_on)
    assert program.status(as_of) == program.status(as_of, known_on=as_of)


def _after(day: D) -> st.SearchStrategy[PartialDate]:
    """Partial dates that all fall after ``day`` (their earliest day is later)."""
    return partial_dates(min_year=day.year, max_year=min(9999, day.year + 3)).filter(
        lambda later: later.earliest > day
    )


@whole_program_settings
@given(programs(), st.data())
def test_a_report_published_after_k_changes_nothing(program: Program, data: st.DataObject) -> None:
    days = _days(program)
    as_of, known_on = data.draw(days), data.draw(days)
    assume(known_on.year < 9999)
    before = _check_known(program, as_of, known_on)
    numbers = sorted({stage.number for plan in program.plans for stage in plan.stages})
    reports = [
        ProgressReport(
            id=f"late-report-{index}",
            stage=data.draw(st.sampled_from(numbers)),
            progress=data.draw(st.sampled_from(Progress)),
            reported_on=data.draw(_after(known_on)),
            # the day it refers to may be long before, even before as_of
            as_of=data.draw(st.none() | partial_dates(min_year=max(1, as_of.year - 2))),
        )
        for index in range(data.draw(st.integers(1, 3)))
    ]
    assume(all(report.id not in program.by_id for report in reports))
    changed = program.add(*reports)
    assert changed.status(as_of, known_on=known_on) == before
    _check_known(changed, as_of, known_on)


@whole_program_settings
@given(programs(), st.data())
def test_a_plan_announced_after_k_changes_nothing(program: Program, data: st.DataObject) -> None:
    days = _days(program)
    as_of, known_on = data.draw(days), data.draw(days)
    last = max(known_on, program.plan.announced_on.latest)
    assume(last.year < 9999)
    announced_on = data.draw(_after(last))
    plan = data.draw(plans(id="late-plan", announced_on=announced_on))
    assume("late-plan" not in program.by_id)
    before = _check_known(program, as_of, known_on)
    changed = program.add(plan)
    assert changed.plan is plan
    assert changed.status(as_of, known_on=known_on) == before
    # and once it is known, it is the plan used
    assert changed.status(as_of, known_on=announced_on.latest).plan == plan


def test_known_on_on_a_small_history() -> None:
    first = Plan(
        id="asia-plus",
        announced_on="2024-11-25",
        starts_on="2024-11-28",
        stages=plan_stages("2024-11-28"),
    )
    second = Plan(
        id="sputnik",
        announced_on="2024-12-04",
        starts_on="2025-01-01",
        stages=plan_stages("2025-01-01"),
    )
    report = ProgressReport(
        id="stage-1-2026-01-29", stage=1, progress="in_progress", reported_on="2026-01-29"
    )
    program = Program(
        id="p", title="P", adopted_on="2024-11-28", plans=(first, second), reports=(report,)
    )
    day = D(2025, 12, 15)
    assert program.status(day, known_on=D(2024, 11, 30)).plan is first
    then = program.status(day, known_on=D(2024, 11, 30)).stages[0]
    assert then.state is StageState.OVERDUE and then.days_overdue == 18  # by 2025-11-27
    now = program.status(day, known_on=D(2026, 1, 29)).stages[0]
    assert now.state is StageState.ACTIVE and now.days_remaining == 16  # by 2025-12-31
    assert now.report is None  # the report is about 2026-01-29, after the day described
    late = program.status(D(2026, 1, 29)).stages[0]
    assert late.report is report and late.progress is Progress.IN_PROGRESS
    assert late.state is StageState.OVERDUE and late.days_overdue == 29
    assert program.status(D(2026, 1, 29), known_on=D(2026, 1, 28)).stages[0].report is None
    assert program.status(D(2024, 11, 24)).plan is None
