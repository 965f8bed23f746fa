"""The strategies of records and whole programs, every reference resolving."""

from __future__ import annotations

import datetime
import functools
import itertools
from collections.abc import Sequence

import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from csto_program._spec import ANY_RECORD, STAGE_NUMBERS
from csto_program.dates import (
    MAX_DATE,
    MIN_DATE,
    PartialDate,
    add_days,
    add_months,
    as_date,
)
from csto_program.model import (
    Meeting,
    Note,
    Organization,
    Participant,
    Person,
    Place,
    Plan,
    Program,
    ProgressReport,
    Source,
    Stage,
    Statement,
)
from csto_program.planning import plan_stages
from csto_program.strategies._values import (
    _CITIES,
    _IDS,
    _TIMEZONES,
    _ints,
    _one,
    _pick,
    _record,
    _some,
    any_partial_dates,
    ids,
    iso_dates,
    original_wordings,
    partial_dates,
    texts,
)

__all__ = [
    "meetings",
    "places",
    "plans",
    "programs",
    "progress_reports",
    "stages",
    "statements",
]

# --------------------------------------------------------------------------- records

_BOOLEANS = st.booleans()
_ANY_DATES = partial_dates()


@st.composite
def _free_places(draw: st.DrawFn) -> Place:
    return _record(draw, Place, _ANY_DATES, timezone=draw(_TIMEZONES))


_PLACES: st.SearchStrategy[Place] = (
    st.sampled_from(_CITIES).map(lambda z: Place(name=z[0], country=z[1], timezone=z[2]))
    | _free_places()
)
_MAYBE_PLACE = st.none() | _PLACES


def places() -> st.SearchStrategy[Place]:
    """Places: the program's own cities with their IANA time zones, and places drawn from
    the fields' specs.

    >>> from hypothesis import given
    >>> @given(places())
    ... def test_place(place):
    ...     assert place.country.isupper()
    >>> test_place()
    """
    return _PLACES


def _latest_start(term_months: int) -> pendulum.Date:
    """The last day a plan of ``term_months`` can start on and still end by year 9999."""
    return add_months(MAX_DATE, -term_months)


def _years_around(day: datetime.date, before: int, after: int) -> tuple[int, int]:
    return max(1, day.year - before), min(9999, day.year + after)


# 12 months (the CSTO program's rule and the default) most often, no rule, other rules.
_FIRST_STAGE_RULES: st.SearchStrategy[int | None] = st.sampled_from(
    (12, 12, None, 6, 18)
) | st.integers(1, 36)
_FIRST_LENGTHS = st.just(12) | st.integers(1, 36)
_MORE_LENGTHS = st.lists(st.integers(1, 36), max_size=3)
_EXTRA_MONTHS = st.sampled_from((0, 0, 1, 12)) | st.integers(0, 24)
_NO_RULE: st.SearchStrategy[int | None] = st.none()


@st.composite
def _stage_plan(
    draw: st.DrawFn,
    start: datetime.date | None,
    months: Sequence[int] | None,
    first_stage_months: st.SearchStrategy[int | None],
    sources: Sequence[str],
    near: datetime.date | None = None,
) -> tuple[pendulum.Date, int, int | None, tuple[Stage, ...]]:
    """``(start, term_months, first_stage_months, stages)`` of a valid plan starting on
    ``start`` (drawn if ``None``), or on ``near`` or earlier if the plan needs the room."""
    rule = draw(first_stage_months)
    if months is None:
        first = rule if rule is not None else draw(_FIRST_LENGTHS)
        months = (first, *draw(_MORE_LENGTHS))
    elif rule is not None and months and months[0] != rule:
        rule = None  # the given lengths decide: no rule that they would break
    term = sum(months) + draw(_EXTRA_MONTHS)
    if near is not None:
        start = min(as_date(near, "near"), _latest_start(term))
    elif start is None:
        start = draw(iso_dates(MIN_DATE, _latest_start(term)))
    else:
        start = as_date(start, "start")
        if start > _latest_start(term):  # the extra months would end past year 9999
            term = sum(months)
    bounds = plan_stages(start, months=months, term_months=term, first_stage_months=rule)
    result = []
    for index, stage in enumerate(bounds):
        begin = stage.start
        length = stage.end.toordinal() - begin.toordinal()
        if index and length > 1 and draw(_ints(0, 4)) == 0:  # now and then a gap before it
            begin = add_days(begin, draw(_ints(1, min(length - 1, 90))))
        result.append(
            _record(
                draw,
                Stage,
                _ANY_DATES,
                {"sources": sources},
                number=stage.number,
                start=begin,
                end=stage.end,
            )
        )
    return as_date(start), term, rule, tuple(result)


@st.composite
def stages(
    draw: st.DrawFn,
    *,
    start: datetime.date | None = None,
    months: tuple[int, ...] | None = None,
) -> tuple[Stage, ...]:
    """The stages of a plan (boundaries from :func:`~csto_program.plan_stages`), numbered
    1..n, sometimes with a gap before a stage.

    >>> from hypothesis import given
    >>> @given(stages())
    ... def test_plan(plan):
    ...     assert [stage.number for stage in plan] == list(range(1, len(plan) + 1))
    ...     assert all(a.end <= b.start for a, b in zip(plan, plan[1:]))
    >>> test_plan()
    """
    return draw(_stage_plan(start, months, _NO_RULE, ()))[3]


def _plan(
    draw: st.DrawFn,
    plan_id: str,
    announced_on: PartialDate,
    drawn: tuple[pendulum.Date, int, int | None, tuple[Stage, ...]],
    sources: Sequence[str],
) -> Plan:
    begin, term, rule, planned = drawn
    return _record(
        draw,
        Plan,
        _ANY_DATES,
        {"sources": sources},
        id=plan_id,
        announced_on=announced_on,
        starts_on=begin,
        stages=planned,
        term_months=term,
        first_stage_months=rule,
    )


@st.composite
def plans(
    draw: st.DrawFn,
    *,
    id: str | None = None,
    start: datetime.date | None = None,
    announced_on: PartialDate | None = None,
    first_stage_months: st.SearchStrategy[int | None] | None = None,
    sources: Sequence[str] = (),
) -> Plan:
    """A valid :class:`~csto_program.Plan`: 1 to 4 stages, a term at least as long, and a
    rule for stage one drawn from ``first_stage_months`` (default: 12 months often, no rule,
    other lengths). ``sources`` are the ids its sources are drawn from.

    >>> from hypothesis import given, strategies as st
    >>> @given(plans(first_stage_months=st.just(6)))
    ... def test_plan(plan):
    ...     assert plan.first_stage_months == 6 and plan.stages[-1].end <= plan.ends_on
    >>> test_plan()
    """
    rules = _FIRST_STAGE_RULES if first_stage_months is None else first_stage_months
    drawn = draw(_stage_plan(start, None, rules, sources))
    if announced_on is None:
        low, high = _years_around(drawn[0], 2, 0)
        announced_on = draw(partial_dates(min_year=low, max_year=high))
    return _plan(draw, draw(ids()) if id is None else id, announced_on, drawn, sources)


@st.composite
def progress_reports(
    draw: st.DrawFn,
    *,
    stage_numbers: Sequence[int] = (1, 2, 3),
    statements: Sequence[str] = (),
    sources: Sequence[str] = (),
    id: str | None = None,
    min_year: int = 1990,
    max_year: int = 2040,
) -> ProgressReport:
    """A progress report about one of ``stage_numbers``, maybe resting on one of
    ``statements``, dated within the years given; its ``as_of`` may be an interval.

    >>> from hypothesis import given
    >>> @given(progress_reports(stage_numbers=(2,)))
    ... def test_report(report):
    ...     assert report.stage == 2 and report.statement is None
    >>> test_report()
    """
    return _record(
        draw,
        ProgressReport,
        partial_dates(min_year=min_year, max_year=max_year),
        {STAGE_NUMBERS: stage_numbers, "statements": statements, "sources": sources},
        id=draw(ids()) if id is None else id,
        as_of=draw(st.none() | any_partial_dates(min_year=min_year, max_year=max_year)),
    )


@st.composite
def meetings(
    draw: st.DrawFn,
    *,
    people: tuple[str, ...] = (),
    organizations: tuple[str, ...] = (),
    sources: tuple[str, ...] = (),
    id: str | None = None,
    min_year: int = 1990,
    max_year: int = 2040,
) -> Meeting:
    """A meeting whose references (people, organizations, sources) come from the given ids.

    >>> from hypothesis import given
    >>> @given(meetings())
    ... def test_meeting(meeting):
    ...     end = meeting.ends_on or meeting.starts_on
    ...     assert end.latest >= meeting.starts_on.earliest
    >>> test_meeting()
    """
    dates = partial_dates(min_year=min_year, max_year=max_year)
    starts_on = draw(dates)
    ends_on = None
    if draw(_BOOLEANS):
        ends_on = draw(dates)
        if ends_on.latest < starts_on.earliest:
            starts_on, ends_on = ends_on, starts_on
    participants = []
    for _ in range(draw(_ints(0, 3))):
        person = _one(draw, people)
        org = _pick(draw, organizations) if organizations else None
        if person is None and org is None:
            continue
        participants.append(Participant(role=draw(texts(20)), person=person, organization=org))
    return _record(
        draw,
        Meeting,
        dates,
        {"organizations": organizations, "sources": sources},
        id=draw(ids()) if id is None else id,
        starts_on=starts_on,
        ends_on=ends_on,
        place=draw(_MAYBE_PLACE),
        participants=tuple(participants),
    )


@st.composite
def statements(
    draw: st.DrawFn,
    *,
    people: tuple[str, ...] = ("speaker",),
    meetings: tuple[str, ...] = (),
    organizations: tuple[str, ...] = (),
    stage_numbers: tuple[int, ...] = (1, 2, 3),
    sources: tuple[str, ...] = (),
    id: str | None = None,
    min_year: int = 1990,
    max_year: int = 2040,
) -> Statement:
    """A statement by one of ``people``, possibly at one of ``meetings``, about some stages.

    >>> from hypothesis import given
    >>> @given(statements(people=("masadykov",)))
    ... def test_statement(statement):
    ...     assert statement.speaker == "masadykov"
    >>> test_statement()
    """
    return _record(
        draw,
        Statement,
        partial_dates(min_year=min_year, max_year=max_year),
        {
            "people": people,
            "organizations": organizations,
            "meetings": meetings,
            STAGE_NUMBERS: stage_numbers,
            "sources": sources,
        },
        id=draw(ids()) if id is None else id,
        text=draw(texts(200)),
        **draw(original_wordings()),
    )


@functools.lru_cache(maxsize=64)
def _id_pool(size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(_IDS, min_size=size, max_size=size, unique=True)


def _announcements(draw: st.DrawFn, count: int, low: int, high: int) -> list[PartialDate]:
    """``count`` announcement dates in the years ``low..high``, ordered by their last day
    (plans are listed in the order they became known); two may fall on the same day."""
    dates = partial_dates(min_year=low, max_year=high)
    found = [draw(dates) for _ in range(count)]
    if count > 1 and draw(_BOOLEANS):
        found[1] = found[0]
    return sorted(found, key=lambda day: day.latest)


@st.composite
def programs(
    draw: st.DrawFn,
    *,
    max_items: int = 4,
    max_plans: int = 3,
    first_stage_months: st.SearchStrategy[int | None] | None = None,
) -> Program:
    """Whole valid programs: 1 to ``max_plans`` plans, and up to ``max_items`` each of
    progress reports, people, organizations, meetings, statements, sources and notes.

    Plans are listed in the order they became known (non-decreasing ``announced_on.latest``),
    with rules for stage one drawn from ``first_stage_months`` (see :func:`plans`) and varied
    terms; later plans move the start by up to 400 days. Reports, statements and meetings
    are dated around the plans; every id is unique and every reference (to stages,
    statements, sources, people...) resolves, so the result always constructs.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(programs())
    ... def test_program(program):
    ...     assert program.stages[-1].end <= program.ends_on
    ...     latest = [plan.announced_on.latest for plan in program.plans]
    ...     assert latest == sorted(latest)
    >>> test_program()
    """
    if isinstance(max_plans, bool) or not isinstance(max_plans, int) or max_plans < 1:
        raise InvalidArgument(f"max_plans={max_plans!r} must be a positive int")
    if isinstance(max_items, bool) or not isinstance(max_items, int) or max_items < 0:
        raise InvalidArgument(f"max_items={max_items!r} must be a non-negative int")
    rules = _FIRST_STAGE_RULES if first_stage_months is None else first_stage_months
    plan_count = draw(_ints(1, max_plans))
    counts = [draw(_ints(0, max_items)) for _ in range(7)]
    taken = iter(draw(_id_pool(plan_count + sum(counts))))
    plan_ids = list(itertools.islice(taken, plan_count))
    org_ids, people_ids, meeting_ids, statement_ids, report_ids, source_ids, note_ids = (
        tuple(itertools.islice(taken, count)) for count in counts
    )
    if not people_ids:
        statement_ids = ()  # a statement needs a speaker

    # The first plan anywhere in the calendar, the others starting near it.
    first = draw(_stage_plan(None, None, rules, source_ids))
    low, high = _years_around(first[0], 2, 1)
    announced = _announcements(draw, plan_count, low, high)
    plan_list = [_plan(draw, plan_ids[0], announced[0], first, source_ids)]
    for plan_id, announced_on in zip(plan_ids[1:], announced[1:], strict=True):
        moved = first[0].toordinal() + draw(_ints(-400, 400))
        near = datetime.date.fromordinal(min(max(moved, 1), MAX_DATE.toordinal()))
        drawn = draw(_stage_plan(None, None, rules, source_ids, near))
        plan_list.append(_plan(draw, plan_id, announced_on, drawn, source_ids))
    numbers = sorted({stage.number for plan in plan_list for stage in plan.stages})

    low, high = _years_around(first[0], 1, 8)
    dates = partial_dates(min_year=low, max_year=high)
    sources = tuple(
        _record(
            draw,
            Source,
            dates,
            id=source_id,
            via=_some(draw, [other for other in source_ids if other != source_id], 1),
        )
        for source_id in source_ids
    )
    organizations = tuple(
        _record(
            draw,
            Organization,
            dates,
            {"sources": source_ids},
            id=org_id,
            parent=_one(draw, [other for other in org_ids if other != org_id]),
        )
        for org_id in org_ids
    )
    people = tuple(
        _record(draw, Person, dates, {"sources": source_ids}, id=person_id)
        for person_id in people_ids
    )
    meeting_list = tuple(
        draw(
            meetings(
                people=people_ids,
                organizations=org_ids,
                sources=source_ids,
                id=meeting_id,
                min_year=low,
                max_year=high,
            )
        )
        for meeting_id in meeting_ids
    )
    statement_list = tuple(
        draw(
            statements(
                people=people_ids,
                meetings=meeting_ids,
                organizations=org_ids,
                stage_numbers=tuple(numbers),
                sources=source_ids,
                id=statement_id,
                min_year=low,
                max_year=high,
            )
        )
        for statement_id in statement_ids
    )
    reports = tuple(
        draw(
            progress_reports(
                stage_numbers=numbers,
                statements=statement_ids,
                sources=source_ids,
                id=report_id,
                min_year=low,
                max_year=high,
            )
        )
        for report_id in report_ids
    )
    everything = [*plan_ids, *org_ids, *people_ids, *meeting_ids, *statement_ids, *report_ids]
    notes = tuple(
        _record(
            draw,
            Note,
            dates,
            {ANY_RECORD: [*everything, *source_ids, *note_ids], "sources": source_ids},
            id=note_id,
        )
        for note_id in note_ids
    )
    adopted_low = datetime.date.fromordinal(max(1, first[0].toordinal() - 400))
    return _record(
        draw,
        Program,
        dates,
        {"organizations": org_ids},
        adopted_on=draw(iso_dates(adopted_low, first[0])),
        plans=tuple(plan_list),
        organizations=organizations,
        people=people,
        meetings=meeting_list,
        statements=statement_list,
        reports=reports,
        sources=sources,
        notes=notes,
    )
