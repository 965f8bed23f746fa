"""Where a program stood on a day: the calendar, progress reports, plans, edges and errors."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csto_program import (
    PartialDate,
    Plan,
    Program,
    Progress,
    ProgressReport,
    StageState,
    StageStatus,
    plan_stages,
)
from csto_program.dates import MAX_DATE, MIN_DATE
from csto_program.status import program_status, stage_status
from csto_program.strategies import iso_dates, programs
from support import whole_program_settings

D = datetime.date


def _day(day: datetime.date, days: int) -> D:
    return D.fromordinal(day.toordinal() + days)


def _completed(number: int, done: datetime.date, reported: datetime.date | None = None) -> Any:
    return ProgressReport(
        id=f"stage-{number}-completed-{done}",
        stage=number,
        progress=Progress.COMPLETED,
        reported_on=PartialDate.from_date(reported or done),
        as_of=PartialDate.from_date(done),
    )


def _program(start: datetime.date, *reports: ProgressReport, plans: tuple[Plan, ...] = ()) -> Any:
    plan = Plan(
        id="plan",
        announced_on=PartialDate.from_date(_day(start, -30)),
        starts_on=start,
        stages=plan_stages(start),
    )
    return Program(
        id="p", title="P", adopted_on=_day(start, -30), plans=(plan, *plans), reports=reports
    )


@pytest.mark.parametrize("start", [D(2024, 2, 29), D(2025, 1, 1), D(2023, 3, 1)])
def test_status_at_the_edges_without_reports(start: datetime.date) -> None:
    program = _program(start)
    first = program.stages[0]
    cases = [
        (_day(start, -1), StageState.UPCOMING, None, None, None),
        (start, StageState.ACTIVE, None, None, 1),
        (first.last_day, StageState.ACTIVE, 0, None, 1),
        (first.end, StageState.OVERDUE, None, 1, 2),
    ]
    for as_of, state, remaining, overdue, current in cases:
        status = program.status(as_of)
        assert status.as_of == as_of and status.known_on == as_of
        one = status.stages[0]
        assert one.state is state, as_of
        if remaining is not None:
            assert one.days_remaining == remaining
        assert one.days_overdue == overdue
        assert one.progress is None and one.report is None and one.rescheduled_days == 0
        assert (status.current_stage.number if status.current_stage else None) == current
        assert status.reported_stage is None
    first_day = program.status(start).stages[0]
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
    on_time = _program(start, _completed(1, D(2025, 2, 27)))
    late = _program(start, _completed(1, D(2025, 3, 10)))
    done = on_time.status(D(2025, 2, 27)).stages[0]
    assert done.state is StageState.COMPLETED and done.progress is Progress.COMPLETED
    assert done.days_overdue is None and done.days_remaining is None
    assert on_time.status(D(2025, 2, 27)).reported_stage == on_time.stages[0]
    # the completion is not yet known the day before it happened
    assert on_time.status(D(2025, 2, 26)).stages[0].state is StageState.ACTIVE
    assert late.status(D(2025, 3, 9)).stages[0].state is StageState.OVERDUE
    assert late.status(D(2025, 3, 9)).stages[0].days_overdue == 10
    finished = late.status(D(2025, 3, 10)).stages[0]
    assert finished.state is StageState.COMPLETED_LATE
    assert finished.days_overdue == 11 and finished.days_remaining is None
    assert late.status(D(2030, 1, 1)).stages[0].days_overdue == 11


def test_a_report_counts_from_the_day_it_was_published() -> None:
    start = D(2024, 2, 29)
    program = _program(start, _completed(1, D(2025, 2, 27), reported=D(2025, 3, 15)))
    assert program.status(D(2025, 3, 14)).stages[0].state is StageState.OVERDUE
    assert program.status(D(2025, 3, 14)).stages[0].days_overdue == 15
    assert program.status(D(2025, 3, 15)).stages[0].state is StageState.COMPLETED
    # with hindsight, the day it refers to counts
    hindsight = program.status(D(2025, 3, 1), known_on=D(2025, 3, 15))
    assert hindsight.stages[0].state is StageState.COMPLETED
    assert hindsight.known_on == D(2025, 3, 15)
    # a day before the completion, even in hindsight, it had not happened yet
    before = program.status(D(2025, 2, 26), known_on=D(2026, 1, 1)).stages[0]
    assert before.state is StageState.ACTIVE and before.report is None


def test_partial_dates_count_by_their_bounds() -> None:
    start = D(2025, 1, 1)
    report = ProgressReport(
        id="r", stage=1, progress="completed", reported_on="2026-01", as_of="2025-12"
    )
    program = _program(start, report)
    assert program.status(D(2026, 1, 30)).stages[0].state is StageState.OVERDUE  # known 31st
    status = program.status(D(2026, 1, 31)).stages[0]
    assert status.state is StageState.COMPLETED and status.report is report  # by its earliest


def test_the_latest_report_wins_and_cancelled_stages() -> None:
    start = D(2025, 1, 1)
    reports = (
        ProgressReport(id="a", stage=2, progress="in_progress", reported_on="2026-03-01"),
        ProgressReport(id="b", stage=2, progress="cancelled", reported_on="2026-06-01"),
        ProgressReport(id="c", stage=2, progress="not_started", reported_on="2026-04-01"),
        ProgressReport(
            id="d", stage=2, progress="in_progress", reported_on="2026-07", as_of="2026-05-15"
        ),
    )
    program = _program(start, *reports)
    by_day = {
        D(2026, 2, 28): (None, StageState.ACTIVE),
        D(2026, 3, 1): ("a", StageState.ACTIVE),
        D(2026, 4, 1): ("c", StageState.ACTIVE),
        D(2026, 6, 1): ("b", StageState.CANCELLED),
        D(2026, 7, 31): ("b", StageState.CANCELLED),  # "d" refers to an earlier day
    }
    for day, (expected, state) in by_day.items():
        two = program.status(day).stages[1]
        assert (two.report.id if two.report else None) == expected, day
        assert two.state is state
        assert two.progress == (two.report.progress if two.report else None)
        assert two.days_remaining is None or state is StageState.ACTIVE
    assert program.status(D(2026, 3, 1)).reported_stage == program.stages[1]
    assert program.status(D(2026, 4, 1)).reported_stage is None  # not started
    assert program.status(D(2026, 6, 1)).reported_stage is None  # cancelled
    # equal days and publications: the later in the record wins
    twins = _program(
        start,
        ProgressReport(id="x", stage=1, progress="completed", reported_on="2025-06-01"),
        ProgressReport(id="y", stage=1, progress="in_progress", reported_on="2025-06-01"),
    )
    assert twins.status(D(2025, 6, 1)).stages[0].report.id == "y"


def test_later_plans_reschedule_and_are_used_once_known() -> None:
    start = D(2024, 11, 28)
    later = Plan(
        id="later",
        announced_on="2024-12-04",
        starts_on=D(2025, 1, 1),
        stages=plan_stages(D(2025, 1, 1), months=(12, 24, 24, 12), term_months=72),
        term_months=72,
    )
    program = _program(start, plans=(later,))
    before = program.status(D(2024, 12, 3))
    assert before.plan is program.baseline and before.current_stage.number == 1
    assert [s.rescheduled_days for s in before.stages] == [0, 0, 0]
    after = program.status(D(2024, 12, 4))
    assert after.plan is later and after.current_stage is None  # before the new start
    assert [s.rescheduled_days for s in after.stages] == [34, 34, 34, None]
    assert [s.state for s in after.stages] == [StageState.UPCOMING] * 4
    looking_back = program.status(D(2024, 12, 1), known_on=D(2025, 1, 1))
    assert looking_back.plan is later and looking_back.current_stage is None
    assert program.status(D(2024, 12, 1)).current_stage == program.baseline.stages[0]


def test_before_any_plan_was_announced() -> None:
    program = _program(D(2025, 1, 1), _completed(1, D(2025, 6, 1)))
    status = program.status(D(2024, 12, 1))
    assert (status.plan, status.current_stage, status.reported_stage, status.stages) == (
        None,
        None,
        None,
        (),
    )
    assert program.status(D(2024, 12, 1), known_on=D(2024, 12, 2)).plan is program.baseline


def _calendar(stage: Any, as_of: datetime.date) -> tuple[StageState, int | None, int | None]:
    last = stage.end.toordinal() - 1
    if as_of < stage.start:
        return StageState.UPCOMING, None, None
    if as_of.toordinal() <= last:
        return StageState.ACTIVE, last - as_of.toordinal(), None
    return StageState.OVERDUE, None, as_of.toordinal() - last


def _describing(reports: list[ProgressReport], as_of: D, known: D) -> ProgressReport | None:
    """An independent oracle of which report describes a stage, written as a tournament:
    of the candidates (known by ``known``, may be on or before ``as_of``), those that no
    other candidate is surely later than; of them, the one that beats every other (published
    later, then later in the record)."""
    candidates = [
        i
        for i, r in enumerate(reports)
        if r.reported_on.latest <= known and r.day.earliest <= as_of
    ]
    alive = [
        i
        for i in candidates
        if not any(reports[j].day.earliest > reports[i].day.latest for j in candidates)
    ]

    def beats(i: int, j: int) -> bool:
        a, b = reports[i].reported_on, reports[j].reported_on
        return (a.latest, a.earliest, i) > (b.latest, b.earliest, j)

    winners = [i for i in alive if all(beats(i, j) for j in alive if j != i)]
    return reports[winners[0]] if winners else None


def _interesting_days(program: Program) -> list[D]:
    """The days where a program's status may change, and the days around them."""
    days: set[D] = set()
    for plan in program.plans:
        days.add(plan.announced_on.latest)
        for stage in plan.stages:
            days.update((stage.start, stage.last_day, stage.end))
    for report in program.reports:
        days.update((report.day.earliest, report.reported_on.latest))
    for statement in program.statements:
        days.add(statement.said_on.latest)
    ordinals = {d.toordinal() + k for d in days for k in (-1, 0, 1)}
    return sorted(D.fromordinal(n) for n in ordinals if 1 <= n <= MAX_DATE.toordinal())


@whole_program_settings
@given(programs(max_items=3), st.data())
def test_status_follows_the_rules(program: Program, data: st.DataObject) -> None:
    window = iso_dates(
        D.fromordinal(max(1, program.baseline.starts_on.toordinal() - 800)),
        D.fromordinal(min(MAX_DATE.toordinal(), program.plan.ends_on.toordinal() + 800)),
    )
    marks = st.sampled_from(_interesting_days(program))
    as_of = data.draw(marks | window | iso_dates(MIN_DATE, MAX_DATE))
    known_on = data.draw(st.none() | marks | window)
    status = program.status(as_of, known_on=known_on)
    assert status == program_status(program, as_of, known_on=known_on)
    known = as_of if known_on is None else known_on
    plans = [plan for plan in program.plans if plan.announced_on.latest <= known]
    if plans:  # the status names the records as known on K (references pruned)
        program = program.as_known_on(known)
        plans = [plan for plan in program.plans if plan.announced_on.latest <= known]
    plan = plans[-1] if plans else None
    assert status.plan == plan
    if plan is None:
        assert status.stages == () and status.current_stage is None
        return
    assert status.current_stage == plan.stage_on(as_of)
    if status.current_stage is not None:
        assert status.current_stage.contains(as_of)
    reported = None
    for item, stage in zip(status.stages, plan.stages, strict=True):
        assert isinstance(item, StageStatus) and item.stage == stage and item.as_of == as_of
        about = [r for r in program.reports if r.stage == stage.number]
        report = _describing(about, as_of, known)
        assert item.report == report
        assert item.progress is (report.progress if report else None)
        assert item.progress_inferred is (report is not None and report.inferred)
        last = stage.end.toordinal() - 1
        if report is not None and report.progress is Progress.COMPLETED:
            done = report.day.earliest.toordinal()
            late = done > last  # surely late: even its earliest day is after the last day
            assert item.state is (StageState.COMPLETED_LATE if late else StageState.COMPLETED)
            assert item.days_overdue == (done - last if late else None)
            assert item.days_remaining is None
            assert item.completed_on == report.day
            # the recorded range whole, even where it reaches past as_of (docs/design.md)
            assert item.late_days == (done - last, report.day.latest.toordinal() - last)
        elif report is not None and report.progress is Progress.CANCELLED:
            assert (item.state, item.days_remaining, item.days_overdue) == (
                StageState.CANCELLED,
                None,
                None,
            )
        else:
            assert (item.state, item.days_remaining, item.days_overdue) == _calendar(stage, as_of)
        if report is not None and report.progress in (Progress.IN_PROGRESS, Progress.COMPLETED):
            reported = stage
        baseline = program.baseline.stages
        if stage.number <= len(baseline):
            expected = stage.end.toordinal() - baseline[stage.number - 1].end.toordinal()
            assert item.rescheduled_days == expected
            assert item.rescheduled_inferred is (plan.inferred or program.baseline.inferred)
        else:
            assert item.rescheduled_days is None
            assert item.rescheduled_inferred is False
        if report is None or report.progress is not Progress.COMPLETED:
            assert item.completed_on is None and item.late_days is None
        limit = min(as_of, known)
        assert item.evidence == tuple(
            s for s in program.statements_about(stage.number) if s.said_on.latest <= limit
        )
    assert status.reported_stage == reported
    # stale evidence: the newest report known on K, its age, and whether it is too old; a
    # report is known once published and once a plan announced by K has its stage
    known_reports = [
        r
        for r in program.reports
        if r.reported_on.latest <= known
        and any(p.announced_on.latest <= known and r.stage <= len(p.stages) for p in program.plans)
    ]
    if known_reports:
        newest = max(r.reported_on.latest for r in known_reports)
        assert status.latest_report is not None
        assert status.latest_report.reported_on.latest == newest
        assert status.report_age_days == as_of.toordinal() - newest.toordinal()
        quiet = status.report_age_days
    else:
        assert status.latest_report is None and status.report_age_days is None
        quiet = as_of.toordinal() - program.adopted_on.toordinal()
    waiting = any(s.state in (StageState.ACTIVE, StageState.OVERDUE) for s in status.stages)
    assert status.stale_after == 180
    assert status.is_stale is (waiting and quiet > 180)


def test_stage_status_checks_its_arguments() -> None:
    stage = plan_stages(D(2025, 1, 1))[0]
    report = ProgressReport(id="r", stage=1, progress="completed", reported_on="2025-06")
    assert type(stage_status(stage, D(2025, 1, 1)).as_of) is pendulum.Date
    assert stage_status(stage, D(2025, 7, 1), report=report).state is StageState.COMPLETED
    assert stage_status(stage, D(2025, 7, 1), baseline=stage).rescheduled_days == 0
    bad: list[Any] = [
        lambda: stage_status(stage, datetime.datetime(2025, 1, 1)),
        lambda: stage_status(stage, pendulum.datetime(2025, 1, 1)),
        lambda: stage_status(stage, "2025-01-01"),
        lambda: stage_status(stage, D(2025, 1, 1), [1, 2]),
        lambda: stage_status(stage, D(2025, 1, 1), "evidence"),
        lambda: stage_status(stage, D(2025, 1, 1), 5),
        lambda: stage_status(stage, D(2025, 1, 1), report="completed"),
        lambda: stage_status(stage, D(2025, 1, 1), baseline=1),
        lambda: stage_status(1, D(2025, 1, 1)),
        lambda: program_status("program", D(2025, 1, 1)),
        lambda: _program(D(2025, 1, 1)).status(D(2025, 1, 1), known_on="2025-01-01"),
        lambda: _program(D(2025, 1, 1)).status(pendulum.datetime(2025, 1, 1)),
    ]
    for make in bad:
        with pytest.raises(TypeError):
            make()


# ------------------------------------------------------------ uncertain days, inferred, stale


def test_an_uncertain_completion_is_neither_dropped_nor_made_exact() -> None:
    start = D(2025, 1, 1)  # stage 1's last day is 2025-12-31
    progress = ProgressReport(id="p", stage=1, progress="in_progress", reported_on="2026-01-29")
    done = ProgressReport(
        id="d", stage=1, progress="completed", reported_on="2026-11-27", as_of="2026"
    )
    program = _program(start, progress, done)
    one = program.status(D(2026, 12, 6)).stages[0]
    # the year overlaps 2026-01-29 and was published later: it describes the stage
    assert one.report is done and one.state is StageState.COMPLETED_LATE
    assert str(one.completed_on) == "2026" and one.late_days == (1, 365)  # the whole year
    assert one.days_overdue == 1  # the least
    # asked about a day inside the range, the range stays whole: the completion may be later
    inside = program.status(D(2026, 2, 1), known_on=D(2026, 12, 6)).stages[0]
    assert inside.report is done and inside.late_days == (1, 365)
    # before it was published, the older report describes the stage
    assert program.status(D(2026, 6, 1)).stages[0].report is progress


def test_an_interval_completion_reads_as_between_two_days() -> None:
    start = D(2025, 1, 1)
    done = ProgressReport(
        id="d",
        stage=1,
        progress="completed",
        reported_on="2026-11-27",
        as_of="2026-01-29/2026-11-27",
    )
    program = _program(start, done)
    one = program.status(D(2026, 12, 6)).stages[0]
    assert one.state is StageState.COMPLETED_LATE and one.late_days == (29, 331)
    assert program.status(D(2026, 1, 28), known_on=D(2026, 12, 6)).stages[0].report is None


def test_a_completion_that_may_be_on_time_is_completed_not_late() -> None:
    start = D(2025, 1, 1)
    done = ProgressReport(
        id="d", stage=1, progress="completed", reported_on="2026-03-01", as_of="2025-12/2026-02"
    )
    one = _program(start, done).status(D(2026, 3, 1)).stages[0]
    assert one.state is StageState.COMPLETED and one.days_overdue is None
    assert one.late_days == (-30, 59)  # 30 days early to 59 days late
    on_time = ProgressReport(
        id="t", stage=1, progress="completed", reported_on="2025-12-31", as_of="2025-12-31"
    )
    exact = _program(start, on_time).status(D(2026, 1, 5)).stages[0]
    assert exact.state is StageState.COMPLETED and exact.late_days == (0, 0)


def test_inferred_reports_and_plans_are_marked() -> None:
    start = D(2025, 1, 1)
    guessed = ProgressReport(
        id="g", stage=2, progress="not_started", reported_on="2026-01-29", inferred=True
    )
    program = _program(start, guessed)
    two = program.status(D(2026, 1, 29)).stages[1]
    assert two.progress_inferred and not two.rescheduled_inferred
    inferred_first = attrs.evolve(program, plans=(attrs.evolve(program.baseline, inferred=True),))
    assert all(s.rescheduled_inferred for s in inferred_first.status(D(2026, 1, 29)).stages)
    # without a baseline stage there is no shift, so nothing rests on an inferred plan
    assert (
        stage_status(program.stages[0], D(2026, 1, 1), inferred_plan=True).rescheduled_inferred
        is False
    )
    with pytest.raises(TypeError):
        stage_status(program.stages[0], D(2026, 1, 1), inferred_plan=1)  # type: ignore[arg-type]


def test_stale_evidence() -> None:
    start = D(2025, 1, 1)
    report = ProgressReport(id="r", stage=1, progress="in_progress", reported_on="2025-06-01")
    program = _program(start, report)
    fresh = program.status(D(2025, 11, 28))
    assert fresh.latest_report is report and fresh.report_age_days == 180
    assert not fresh.is_stale
    stale = program.status(D(2025, 11, 29))
    assert stale.report_age_days == 181 and stale.is_stale and stale.stale_after == 180
    assert not program.status(D(2025, 11, 29), stale_after=181).is_stale
    assert program.status(D(2025, 6, 2), stale_after=0).is_stale
    # with no report: counted from the adoption (2024-12-02)
    bare = _program(start)
    assert bare.status(D(2025, 5, 31)).latest_report is None
    assert not bare.status(D(2025, 5, 31)).is_stale  # 180 days
    assert bare.status(D(2025, 6, 1)).is_stale
    # a report published after as_of but known on K is the latest, not yet old
    later = program.status(D(2025, 5, 1), known_on=D(2025, 6, 1))
    assert later.latest_report is report and later.report_age_days == -31
    # nothing active or overdue: never stale
    done = _program(start, _completed(1, D(2025, 6, 1)), _completed(2, D(2025, 6, 1)))
    assert not done.status(D(2025, 6, 1)).is_stale
    with pytest.raises(TypeError):
        program.status(D(2026, 1, 1), stale_after="180")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        program.status(D(2026, 1, 1), stale_after=-1)


def test_the_latest_report_waits_for_a_plan_with_its_stage() -> None:
    """A report of a stage that only a later plan has is not known before that plan, so it
    is not the latest report yet (as in the program as known on that day)."""
    first = Plan(
        id="first",
        announced_on="1702",
        starts_on=D(1702, 1, 1),
        term_months=12,
        first_stage_months=12,
        stages=plan_stages(D(1702, 1, 1), months=(12,), term_months=12),
    )
    second = Plan(
        id="second",
        announced_on="1704-03",
        starts_on=D(1702, 1, 1),
        stages=plan_stages(D(1702, 1, 1)),
    )
    one = ProgressReport(id="one", stage=1, progress="in_progress", reported_on="1703-01")
    three = ProgressReport(id="three", stage=3, progress="not_started", reported_on="1703-06")
    program = Program(
        id="p", title="P", adopted_on=D(1701, 12, 1), plans=(first, second), reports=(one, three)
    )
    known_on = D(1703, 12, 31)
    status = program.status(D(1703, 12, 31), known_on=known_on)
    assert status.latest_report is one and status.report_age_days == 334
    assert program.as_known_on(known_on).status(known_on).latest_report == one
    later = program.status(D(1704, 3, 31))
    assert later.latest_report is three


def test_the_embedded_record_as_of_2026() -> None:
    from csto_program.datasets import tajik_afghan_border

    program = tajik_afghan_border()
    status = program.status(D(2026, 1, 29))
    one, two, _ = status.stages
    assert (one.state, one.days_overdue, one.progress) == (
        StageState.OVERDUE,
        29,
        Progress.IN_PROGRESS,
    )
    assert one.rescheduled_days == 34 and one.rescheduled_inferred
    assert not one.progress_inferred
    assert (two.state, two.progress, two.progress_inferred) == (
        StageState.ACTIVE,
        Progress.NOT_STARTED,
        True,
    )
    late = program.status(D(2026, 12, 6))
    assert late.latest_report is not None
    assert str(late.latest_report.reported_on) == "2026-01-29"
    assert (late.report_age_days, late.is_stale) == (311, True)
    assert late.stages[0].days_overdue == 340
    assert program.baseline.inferred and program.by_id["stage-2-2026-01-29"].inferred
