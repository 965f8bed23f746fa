"""The public strategies: every value they draw meets its field's spec, programs are valid
and varied (every case the model allows is drawn), and the date range edges stay in range."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument, NoSuchExample

from csto_program import (
    PartialDate,
    Plan,
    Program,
    Progress,
    ProgressReport,
    Stage,
)
from csto_program._spec import Kind, spec_of, specs
from csto_program.dates import MAX_DATE
from csto_program.serialize import MODEL_CLASSES
from csto_program.strategies import (
    field_values,
    ids,
    iso_dates,
    meetings,
    places,
    plans,
    programs,
    progress_reports,
    stages,
    statements,
    texts,
)
from support import untraced, whole_program_settings

D = datetime.date
_FIND = settings(max_examples=2000, phases=[Phase.generate], database=None, deadline=None)


def check_record(record: Any) -> None:
    """Every field of ``record`` (and of the records inside it) meets its declared spec."""
    for attribute, spec in specs(type(record)):
        value = getattr(record, attribute.name)
        if value is None:
            assert spec.optional, attribute.name
            continue
        items = value if spec.many else (value,)
        if spec.many:
            assert type(value) is tuple, attribute.name
            if spec.unique:
                assert len(set(value)) == len(value), attribute.name
        for item in items:
            if spec.kind is Kind.RECORD:
                assert type(item) is spec.type, attribute.name
                check_record(item)
            else:
                assert spec.accepts(item), (type(record).__name__, attribute.name, item)


@pytest.mark.measure_drawing
@whole_program_settings
@given(programs())
def test_every_drawn_value_meets_its_spec(program: Program) -> None:
    check_record(program)
    assert 1 <= len(program.plans) <= 3
    latest = [plan.announced_on.latest for plan in program.plans]
    assert latest == sorted(latest)
    numbers = {stage.number for plan in program.plans for stage in plan.stages}
    for report in program.reports:
        assert report.stage in numbers
        assert report.statement is None or report.statement in program.by_id
    for plan in program.plans:
        assert plan.stages[-1].end <= plan.ends_on
        if plan.first_stage_months is not None:
            assert plan.stages[0].end == plan.starts_on.add(months=plan.first_stage_months)


@pytest.mark.measure_drawing
@whole_program_settings
@given(st.tuples(meetings(), statements(), progress_reports(), places(), plans()), stages())
def test_every_record_strategy_meets_the_specs(records: tuple[Any, ...], plan: Any) -> None:
    for record in (*records, *plan):
        check_record(record)


@pytest.mark.measure_drawing
@settings(max_examples=50)
@given(st.data())
def test_field_values_are_accepted_by_the_field(data: st.DataObject) -> None:
    for cls in MODEL_CLASSES:
        for attribute, spec in specs(cls):
            if spec.kind is Kind.RECORD:
                continue
            value = data.draw(field_values(cls, attribute.name))
            attribute.validator(None, attribute, value)  # type: ignore[misc]
            if value is not None and attribute.converter is not None:
                assert attribute.converter.converter(value, attribute) == value  # type: ignore[union-attr]


@pytest.mark.parametrize(("cls", "name"), [(Program, "plans"), (Plan, "nope"), (int, "real")])
def test_field_values_refuses_what_it_cannot_draw(cls: type, name: str) -> None:
    with pytest.raises(InvalidArgument):
        field_values(cls, name)


@pytest.mark.measure_drawing
@given(ids(), texts(5))
def test_ids_and_texts(value: str, text: str) -> None:
    assert spec_of(attrs.fields(Program).id).accepts(value)
    assert text.strip() and len(text) <= 6


def _has_gap(program: Program) -> bool:
    return any(
        before.end < after.start
        for plan in program.plans
        for before, after in zip(plan.stages, plan.stages[1:], strict=False)
    )


_CASES: dict[str, Callable[[Program], bool]] = {
    "three plans": lambda p: len(p.plans) == 3,
    "two plans made public on the same day": lambda p: (
        len(p.plans) > 1 and p.plans[0].announced_on.latest == p.plans[1].announced_on.latest
    ),
    "no rule for stage one": lambda p: any(plan.first_stage_months is None for plan in p.plans),
    "a rule other than 12 months": lambda p: any(
        plan.first_stage_months not in (None, 12) for plan in p.plans
    ),
    "a term longer than the stages": lambda p: any(
        plan.stages[-1].end < plan.ends_on for plan in p.plans
    ),
    "a term other than 60 months": lambda p: p.term_months != 60,
    "a gap between stages": _has_gap,
    "a later plan that moves the start": lambda p: p.plan.starts_on != p.baseline.starts_on,
    "a report resting on a statement": lambda p: any(r.statement for r in p.reports),
    "a report with its own day": lambda p: any(r.as_of is not None for r in p.reports),
    "a completed stage": lambda p: any(r.progress is Progress.COMPLETED for r in p.reports),
    "a cancelled stage": lambda p: any(r.progress is Progress.CANCELLED for r in p.reports),
    "a note about a plan or report": lambda p: any(
        isinstance(p.by_id.get(ref), (Plan, ProgressReport)) for n in p.notes for ref in n.about
    ),
    "a source relaying another": lambda p: any(s.via for s in p.sources),
    "a statement at a meeting": lambda p: any(s.meeting for s in p.statements),
}


def test_programs_draw_every_case() -> None:
    # One run of draws for all the cases: each must turn up within the same budget of
    # programs as if it were searched for alone.
    missing = set(_CASES)

    def every_case_seen(program: Program) -> bool:
        missing.difference_update([case for case in missing if _CASES[case](program)])
        return not missing

    try:
        with untraced():  # thousands of draws: the other tests here measure the strategies
            find(programs(), every_case_seen, settings=_FIND)
    except NoSuchExample:
        pytest.fail(f"never drawn in {_FIND.max_examples} programs: {sorted(missing)}")


@whole_program_settings
@given(programs(max_plans=1, first_stage_months=st.just(12)))
def test_a_fixed_rule_for_stage_one(program: Program) -> None:
    (plan,) = program.plans
    assert plan.first_stage_months == 12
    assert plan.stages[0].end == plan.starts_on.add(months=12)


@pytest.mark.measure_drawing
@given(plans(first_stage_months=st.just(6), start=D(2025, 1, 1), sources=("a", "b")))
def test_plans_take_their_arguments(plan: Plan) -> None:
    assert plan.starts_on == D(2025, 1, 1) and plan.first_stage_months == 6
    assert plan.announced_on.latest <= D(2025, 12, 31)
    assert set(plan.sources) <= {"a", "b"}
    assert all(set(stage.sources) <= {"a", "b"} for stage in plan.stages)


@pytest.mark.measure_drawing
@given(progress_reports(stage_numbers=(2, 5), statements=("said",), sources=("src",)))
def test_progress_reports_take_their_arguments(report: ProgressReport) -> None:
    assert report.stage in (2, 5)
    assert report.statement in (None, "said")
    assert set(report.sources) <= {"src"}
    assert 1990 <= report.reported_on.year <= 2040


@pytest.mark.measure_drawing
@given(stages(start=D(9997, 12, 31), months=(12,)))
def test_stages_near_year_9999_stay_in_range(plan: tuple[Stage, ...]) -> None:
    (stage,) = plan
    assert stage.start == D(9997, 12, 31) and stage.end <= MAX_DATE


@pytest.mark.measure_drawing
@given(stages(start=D(1, 1, 1)))
def test_stages_from_the_first_day(plan: tuple[Stage, ...]) -> None:
    assert plan[0].start == D(1, 1, 1)
    assert [stage.number for stage in plan] == list(range(1, len(plan) + 1))


@pytest.mark.measure_drawing
@given(stages(start=D(2024, 2, 29), months=(12, 24)))
def test_stages_keep_the_given_lengths(plan: tuple[Stage, ...]) -> None:
    one, two = plan
    assert str(one.end) == "2025-02-28" and str(two.end) == "2027-02-28"
    assert one.end <= two.start < two.end


@whole_program_settings
@given(programs(max_items=0))
def test_programs_are_adopted_by_their_start(program: Program) -> None:
    start = program.baseline.starts_on
    assert program.adopted_on <= start
    assert start.toordinal() - program.adopted_on.toordinal() <= 400
    assert not (program.people or program.reports or program.sources or program.notes)


@pytest.mark.measure_drawing
@given(iso_dates(D(9999, 12, 30)), iso_dates(max_value=D(1, 1, 2)))
def test_iso_dates_at_the_ends(late: pendulum.Date, early: pendulum.Date) -> None:
    assert type(late) is pendulum.Date and late.year == 9999
    assert type(early) is pendulum.Date and early <= D(1, 1, 2)


@pytest.mark.parametrize(
    "strategy",
    [programs(max_plans=0), programs(max_items=-1), programs(max_plans=True)],
)
def test_invalid_arguments(strategy: st.SearchStrategy[Any]) -> None:
    with pytest.raises(InvalidArgument):
        find(strategy, lambda _: True, settings=_FIND)


def test_partial_dates_drawn_for_programs_are_near_the_plans() -> None:
    with untraced():
        program = find(programs(), lambda p: bool(p.statements) and bool(p.reports), settings=_FIND)
    low = program.baseline.starts_on.year - 1
    for day in (
        *(s.said_on for s in program.statements),
        *(r.reported_on for r in program.reports),
    ):
        assert isinstance(day, PartialDate)
        assert low <= day.year <= program.baseline.starts_on.year + 8
