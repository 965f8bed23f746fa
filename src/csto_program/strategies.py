"""Public hypothesis strategies for property-testing code built on csto_program; requires
hypothesis.

>>> from hypothesis import given
>>> @given(iso_dates(), partial_dates())
... def test_types(day, partial):
...     assert type(day) is pendulum.Date and isinstance(partial, PartialDate)
>>> test_types()
"""

from __future__ import annotations

import calendar
import datetime

import attrs
import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from csto_program.dates import (
    MAX_DATE,
    MIN_DATE,
    PartialDate,
    Qualifier,
    add_months,
    as_date,
)
from csto_program.model import (
    Meeting,
    MeetingKind,
    Note,
    NoteKind,
    Organization,
    Participant,
    Person,
    Place,
    Program,
    Source,
    SourceKind,
    Stage,
    Statement,
    StatementKind,
)
from csto_program.schedule import plan_stages

__all__ = [
    "ids",
    "iso_dates",
    "meetings",
    "partial_dates",
    "places",
    "programs",
    "stages",
    "statements",
    "texts",
]

# Years that exercise the leap-year rules (divisible by 4, 100, 400) and the range ends.
_SPECIAL_YEARS = (1, 4, 100, 400, 1900, 1999, 2000, 2023, 2024, 2100, 9996, 9999)


def _to_pendulum(day: datetime.date) -> pendulum.Date:
    return pendulum.Date(day.year, day.month, day.day)


def iso_dates(
    min_value: datetime.date = MIN_DATE, max_value: datetime.date = MAX_DATE
) -> st.SearchStrategy[pendulum.Date]:
    """Calendar dates between ``min_value`` and ``max_value`` (inclusive) as ``pendulum.Date``.

    >>> from hypothesis import given
    >>> @given(iso_dates(datetime.date(2024, 2, 28), datetime.date(2024, 3, 1)))
    ... def test_in_range(day):
    ...     assert type(day) is pendulum.Date
    ...     assert datetime.date(2024, 2, 28) <= day <= datetime.date(2024, 3, 1)
    >>> test_in_range()
    """
    low = as_date(min_value, "min_value")
    high = as_date(max_value, "max_value")
    return st.dates(
        min_value=datetime.date(low.year, low.month, low.day),
        max_value=datetime.date(high.year, high.month, high.day),
    ).map(_to_pendulum)


@st.composite
def _partial_dates(draw: st.DrawFn, min_year: int, max_year: int, qualifiers: bool) -> PartialDate:
    special = [y for y in _SPECIAL_YEARS if min_year <= y <= max_year]
    years = st.integers(min_year, max_year)
    if special:
        years = years | st.sampled_from(special)
    year = draw(years)
    qualifier = draw(st.none() | st.sampled_from(Qualifier)) if qualifiers else None
    month = draw(st.none() | st.integers(1, 12))
    if month is None:
        return PartialDate(year, qualifier=qualifier)
    last = calendar.monthrange(year, month)[1]
    day = draw(st.none() | st.integers(1, last) | st.just(last))
    return PartialDate(year, month, day, qualifier)


def partial_dates(
    *, min_year: int = 1, max_year: int = 9999, qualifiers: bool = True
) -> st.SearchStrategy[PartialDate]:
    """EDTF partial dates of year, month and day precision with years in the given range.

    Leap years, month ends (29 February included) and, unless ``qualifiers`` is false,
    every qualifier are drawn often.

    >>> from hypothesis import given
    >>> @given(partial_dates(min_year=2024, max_year=2024, qualifiers=False))
    ... def test_unqualified(partial):
    ...     assert partial.year == 2024 and partial.qualifier is None
    >>> test_unqualified()
    """
    for name, value in (("min_year", min_year), ("max_year", max_year)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidArgument(f"{name}={value!r} must be an int")
        if not 1 <= value <= 9999:
            raise InvalidArgument(f"{name}={value!r} must be between 1 and 9999")
    if min_year > max_year:
        raise InvalidArgument(f"min_year={min_year} is greater than max_year={max_year}")
    if not isinstance(qualifiers, bool):
        raise InvalidArgument(f"qualifiers={qualifiers!r} must be a bool")
    return _partial_dates(min_year, max_year, qualifiers)


# --------------------------------------------------------------------------- model strategies

_ZONES = (
    ("Astana", "KZ", "Asia/Almaty"),
    ("Dushanbe", "TJ", "Asia/Dushanbe"),
    ("Moscow", "RU", "Europe/Moscow"),
    ("Sochi", "RU", "Europe/Moscow"),
    ("Minsk", "BY", "Europe/Minsk"),
    ("Bishkek", "KG", "Asia/Bishkek"),
    ("Yerevan", "AM", "Asia/Yerevan"),
)

_ID_REGEX = r"[a-z0-9]{1,8}([-_.][a-z0-9]{1,8}){0,2}"


def _non_blank(text: str) -> str:
    return text if text.strip() else text + "x"


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-blank Unicode text (any script, no lone surrogates), as model fields require.

    >>> from hypothesis import given
    >>> @given(texts())
    ... def test_non_blank(text):
    ...     assert text.strip()
    >>> test_non_blank()
    """
    return st.text(max_size=max_size).map(_non_blank)


def ids() -> st.SearchStrategy[str]:
    """Record ids: lowercase ASCII letters and digits joined by ``-``, ``_`` or ``.``.

    >>> import re
    >>> from hypothesis import given
    >>> @given(ids())
    ... def test_id(value):
    ...     assert re.fullmatch(r"[a-z0-9]+([-_.][a-z0-9]+)*", value)
    >>> test_id()
    """
    return st.from_regex(_ID_REGEX, fullmatch=True)


def places() -> st.SearchStrategy[Place]:
    """Places from the program's own cities, with their IANA time zones.

    >>> from hypothesis import given
    >>> @given(places())
    ... def test_place(place):
    ...     assert place.country.isupper()
    >>> test_place()
    """
    return st.sampled_from(_ZONES).map(lambda z: Place(name=z[0], country=z[1], timezone=z[2]))


@st.composite
def stages(
    draw: st.DrawFn,
    *,
    start: datetime.date | None = None,
    months: tuple[int, ...] | None = None,
) -> tuple[Stage, ...]:
    """A stage plan (from :func:`~csto_program.plan_stages`), some stages completed.

    >>> from hypothesis import given
    >>> @given(stages())
    ... def test_plan(plan):
    ...     assert plan[0].number == 1
    ...     assert all(a.end == b.start for a, b in zip(plan, plan[1:]))
    >>> test_plan()
    """
    if months is None:
        rest = draw(st.lists(st.integers(1, 36), max_size=3))
        months = (12, *rest)
    if start is None:
        start = draw(iso_dates(MIN_DATE, pendulum.Date(9999 - (sum(months) // 12 + 1), 12, 31)))
    planned = plan_stages(start, months=months, term_months=sum(months))
    result = []
    for stage in planned:
        tasks = tuple(draw(st.lists(texts(), max_size=2)))
        completed_on = None
        if draw(st.booleans()):
            latest = datetime.date.fromordinal(
                min(MAX_DATE.toordinal(), stage.end.toordinal() + 400)
            )
            completed_on = draw(iso_dates(stage.start, latest))
        result.append(
            attrs.evolve(stage, name=draw(texts(20)), tasks=tasks, completed_on=completed_on)
        )
    return tuple(result)


def _sources(draw: st.DrawFn, id_pool: list[str], count: int) -> tuple[str, ...]:
    if not id_pool:
        return ()
    return tuple(draw(st.lists(st.sampled_from(id_pool), max_size=count, unique=True)))


@st.composite
def meetings(
    draw: st.DrawFn,
    *,
    people: tuple[str, ...] = (),
    organizations: tuple[str, ...] = (),
    sources: tuple[str, ...] = (),
    id: str | None = None,
) -> Meeting:
    """A meeting whose references (people, organizations, sources) come from the given ids.

    >>> from hypothesis import given
    >>> @given(meetings())
    ... def test_meeting(meeting):
    ...     end = meeting.ends_on or meeting.starts_on
    ...     assert end.latest >= meeting.starts_on.earliest
    >>> test_meeting()
    """
    starts_on = draw(partial_dates(min_year=1990, max_year=2040))
    ends_on = None
    if draw(st.booleans()):
        ends_on = draw(partial_dates(min_year=1990, max_year=2040))
        if ends_on.latest < starts_on.earliest:
            starts_on, ends_on = ends_on, starts_on
    participants = []
    for _ in range(draw(st.integers(0, 3))):
        person = draw(st.none() | st.sampled_from(people)) if people else None
        org = draw(st.sampled_from(organizations)) if organizations else None
        if person is None and org is None:
            continue
        participants.append(Participant(role=draw(texts(20)), person=person, organization=org))
    return Meeting(
        id=id if id is not None else draw(ids()),
        title=draw(texts()),
        kind=draw(st.sampled_from(MeetingKind)),
        starts_on=starts_on,
        ends_on=ends_on,
        place=draw(st.none() | places()),
        organizer=draw(st.none() | st.sampled_from(organizations)) if organizations else None,
        participants=tuple(participants),
        decisions=tuple(draw(st.lists(texts(), max_size=2))),
        description=draw(st.text(max_size=40)),
        sources=_sources(draw, list(sources), 2),
    )


@st.composite
def statements(
    draw: st.DrawFn,
    *,
    people: tuple[str, ...] = ("speaker",),
    meetings: tuple[str, ...] = (),
    stage_numbers: tuple[int, ...] = (1, 2, 3),
    sources: tuple[str, ...] = (),
    id: str | None = None,
) -> Statement:
    """A statement by one of ``people``, possibly at one of ``meetings``, about some stages.

    >>> from hypothesis import given
    >>> @given(statements(people=("masadykov",)))
    ... def test_statement(statement):
    ...     assert statement.speaker == "masadykov"
    >>> test_statement()
    """
    return Statement(
        id=id if id is not None else draw(ids()),
        speaker=draw(st.sampled_from(people)),
        role=draw(texts(30)),
        said_on=draw(partial_dates(min_year=1990, max_year=2040)),
        text=draw(texts(200)),
        kind=draw(st.sampled_from(StatementKind)),
        language=draw(st.sampled_from(("en", "ru", "tg", "kk", "ru-Latn"))),
        meeting=draw(st.none() | st.sampled_from(meetings)) if meetings else None,
        stages=tuple(draw(st.lists(st.sampled_from(stage_numbers), unique=True, max_size=2)))
        if stage_numbers
        else (),
        topics=tuple(draw(st.lists(texts(15), max_size=2))),
        sources=_sources(draw, list(sources), 3),
        note=draw(st.text(max_size=20)),
    )


@st.composite
def programs(draw: st.DrawFn, *, max_items: int = 4) -> Program:
    """Whole valid programs: stages, people, organizations, meetings, statements, sources.

    Every id is unique and every reference resolves, so the result always constructs.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(programs())
    ... def test_program(program):
    ...     assert program.stages[-1].end <= program.ends_on
    >>> test_program()
    """
    plan = draw(stages())
    start = plan[0].start
    term_months = (plan[-1].end.year - start.year) * 12 + plan[-1].end.month - start.month
    extra = draw(st.integers(0, 24))
    if add_months(start, term_months).year + 2 <= 9999:
        term_months += extra
    counts = [draw(st.integers(0, max_items)) for _ in range(5)]
    pool = draw(st.lists(ids(), min_size=sum(counts), max_size=sum(counts), unique=True))
    org_ids, people_ids, meeting_ids, statement_ids, source_ids = (
        tuple(pool[sum(counts[:i]) : sum(counts[: i + 1])]) for i in range(5)
    )
    sources = []
    for index, source_id in enumerate(source_ids):
        sources.append(
            Source(
                id=source_id,
                outlet=draw(texts(20)),
                url=draw(st.none() | st.just(f"https://example.org/{source_id}")),
                published_on=draw(st.none() | partial_dates(min_year=1990, max_year=2040)),
                kind=draw(st.sampled_from(SourceKind)),
                title=draw(st.text(max_size=30)),
                via=_sources(draw, list(source_ids[:index]), 1),
            )
        )
    organizations = tuple(
        Organization(
            id=org_id,
            name=draw(texts(30)),
            abbreviation=draw(st.none() | texts(6)),
            other_names=tuple(draw(st.lists(texts(20), max_size=2))),
            classification=draw(st.sampled_from(("", "state", "intergovernmental"))),
        )
        for org_id in org_ids
    )
    people = tuple(
        Person(
            id=pid, name=draw(texts(30)), other_names=tuple(draw(st.lists(texts(20), max_size=2)))
        )
        for pid in people_ids
    )
    meeting_list = tuple(
        draw(meetings(people=people_ids, organizations=org_ids, sources=source_ids, id=mid))
        for mid in meeting_ids
    )
    statement_list = tuple(
        draw(
            statements(
                people=people_ids,
                meetings=meeting_ids,
                stage_numbers=tuple(s.number for s in plan),
                sources=source_ids,
                id=sid,
            )
        )
        for sid in (statement_ids if people_ids else ())
    )
    notes = tuple(
        Note(
            id=f"note-{index}",
            kind=draw(st.sampled_from(NoteKind)),
            text=draw(texts()),
            about=_sources(draw, [*org_ids, *people_ids, *source_ids], 2),
            stated=draw(st.text(max_size=20)),
            resolved=draw(st.none() | partial_dates(min_year=1990, max_year=2040)),
            sources=_sources(draw, list(source_ids), 1),
        )
        for index in range(draw(st.integers(0, 2)))
        if f"note-{index}" not in pool
    )
    return Program(
        id=draw(ids()),
        title=draw(texts()),
        adopted_on=draw(
            iso_dates(datetime.date.fromordinal(max(1, start.toordinal() - 400)), start)
        ),
        starts_on=start,
        stages=plan,
        term_months=term_months,
        other_names=tuple(draw(st.lists(texts(), max_size=2))),
        description=draw(st.text(max_size=60)),
        decided_on=draw(st.none() | partial_dates(min_year=1990, max_year=2040)),
        organization=draw(st.sampled_from(org_ids)) if org_ids else None,
        organizations=organizations,
        people=people,
        meetings=meeting_list,
        statements=statement_list,
        sources=tuple(sources),
        notes=notes,
    )
