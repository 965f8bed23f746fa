"""Public hypothesis strategies for property-testing code built on csto_program; requires
hypothesis.

Every value a strategy draws for a field passes that field's declared constraint (its
:class:`~csto_program._spec.Spec`): ids, URLs and language tags are checked with
``Spec.accepts``, and :func:`field_values` draws for any plain field from its spec alone.
Records are built through their constructors, so whatever they check holds.

>>> from hypothesis import given
>>> @given(iso_dates(), partial_dates())
... def test_types(day, partial):
...     assert type(day) is pendulum.Date and isinstance(partial, PartialDate)
>>> test_types()
"""

from __future__ import annotations

import calendar
import datetime
import functools
import itertools
import string
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar, cast

import attrs
import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from csto_program._spec import ANY_RECORD, KINDS, STAGE_NUMBERS, Kind, Spec, spec_of, specs
from csto_program.dates import (
    MAX_DATE,
    MIN_DATE,
    PartialDate,
    Qualifier,
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

__all__ = [
    "any_partial_dates",
    "field_values",
    "ids",
    "intervals",
    "iso_dates",
    "meetings",
    "partial_dates",
    "places",
    "plans",
    "programs",
    "progress_reports",
    "stages",
    "statements",
    "texts",
]

T = TypeVar("T")

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
    return _iso_dates(as_date(min_value, "min_value"), as_date(max_value, "max_value"))


@functools.lru_cache(maxsize=1024)
def _iso_dates(low: pendulum.Date, high: pendulum.Date) -> st.SearchStrategy[pendulum.Date]:
    return st.dates(
        min_value=datetime.date(low.year, low.month, low.day),
        max_value=datetime.date(high.year, high.month, high.day),
    ).map(_to_pendulum)


@functools.lru_cache(maxsize=1024)
def _ints(low: int | None, high: int | None) -> st.SearchStrategy[int]:
    """``st.integers(low, high)``, made once: a strategy is reused, not rebuilt each draw."""
    return st.integers(low, high)


@functools.lru_cache(maxsize=256)
def _years(min_year: int, max_year: int) -> st.SearchStrategy[int]:
    special = [y for y in _SPECIAL_YEARS if min_year <= y <= max_year]
    years = _ints(min_year, max_year)
    return years | st.sampled_from(special) if special else years


_QUALIFIERS = st.none() | st.sampled_from(Qualifier)
_MONTHS = st.none() | st.integers(1, 12)
_DAYS = {last: st.none() | st.integers(1, last) | st.just(last) for last in (28, 29, 30, 31)}


@st.composite
def _partial_dates(draw: st.DrawFn, min_year: int, max_year: int, qualifiers: bool) -> PartialDate:
    year = draw(_years(min_year, max_year))
    qualifier = draw(_QUALIFIERS) if qualifiers else None
    month = draw(_MONTHS)
    if month is None:
        return PartialDate(year, qualifier=qualifier)
    day = draw(_DAYS[calendar.monthrange(year, month)[1]])
    return PartialDate(year, month, day, qualifier)


_partial_dates_cached = functools.lru_cache(maxsize=256)(_partial_dates)


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
    return _partial_dates_cached(min_year, max_year, qualifiers)


@st.composite
def _intervals(draw: st.DrawFn, min_year: int, max_year: int) -> PartialDate:
    dates = partial_dates(min_year=min_year, max_year=max_year)
    first = draw(dates)
    second = draw(dates)
    if first.earliest > second.latest:  # then second lies wholly before first
        first, second = second, first
    return PartialDate.between(first, second)


_intervals_cached = functools.lru_cache(maxsize=256)(_intervals)


def intervals(*, min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[PartialDate]:
    """EDTF intervals (``2026-01-29/2026-11-27``) of two partial dates drawn by
    :func:`partial_dates`, the start not wholly after the end.

    >>> from hypothesis import given
    >>> @given(intervals(min_year=2020, max_year=2030))
    ... def test_interval(interval):
    ...     assert interval.is_interval and interval.earliest <= interval.latest
    >>> test_interval()
    """
    partial_dates(min_year=min_year, max_year=max_year)  # checks the arguments
    return _intervals_cached(min_year, max_year)


def any_partial_dates(*, min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[PartialDate]:
    """Single partial dates (:func:`partial_dates`) and intervals (:func:`intervals`).

    >>> from hypothesis import given
    >>> @given(any_partial_dates(min_year=2024, max_year=2024))
    ... def test_any(partial):
    ...     assert partial.earliest.year == partial.latest.year == 2024
    >>> test_any()
    """
    return partial_dates(min_year=min_year, max_year=max_year) | intervals(
        min_year=min_year, max_year=max_year
    )


# --------------------------------------------------------------------------- field values
#
# String values are built in the shape of their kind's pattern (``_spec.PATTERNS``) and
# filtered by the field's own spec (``Spec.accepts``), so the spec stays the one statement of
# the constraint: if it tightens, the filter drops what no longer fits (and hypothesis's
# health check says so if that is most of it). ``st.from_regex`` would derive the shapes too,
# but costs milliseconds a draw, too much for the dozens of ids in a program. Strategies are
# made once and reused (building one per draw costs more than drawing from it).


def _spec(cls: type, name: str) -> Spec:
    return spec_of(attrs.fields_dict(cls)[name])


_ALNUM = string.ascii_lowercase + string.digits
_ID_SPEC = _spec(Source, "id")
_URL_SPEC = _spec(Source, "url")
_LANGUAGE_SPEC = _spec(Statement, "language")
_COUNTRY_SPEC = _spec(Place, "country")

_ID_RUNS = st.text(_ALNUM, min_size=1, max_size=8)
_IDS: st.SearchStrategy[str] = st.builds(
    lambda first, rest: first + "".join(sep + run for sep, run in rest),
    _ID_RUNS,
    st.lists(st.tuples(st.sampled_from("-_."), _ID_RUNS), max_size=2),
).filter(_ID_SPEC.accepts)

_LANGUAGES: st.SearchStrategy[str] = st.one_of(
    st.sampled_from(("en", "ru", "tg", "kk", "ky", "hy", "be", "uz", "fa")),
    st.builds(
        lambda tag, subtags: "-".join([tag, *subtags]),
        st.text(string.ascii_lowercase, min_size=2, max_size=3),
        st.lists(st.text(string.ascii_letters + string.digits, min_size=2, max_size=8), max_size=2),
    ),
).filter(_LANGUAGE_SPEC.accepts)

_URLS: st.SearchStrategy[str] = st.one_of(
    _IDS.map(lambda path: f"https://example.org/{path}"),
    st.builds(
        lambda scheme, rest: f"{scheme}://{rest}",
        st.sampled_from(("http", "https")),
        st.text("".join(map(chr, range(0x21, 0x7F))), min_size=1, max_size=30),  # [!-~]
    ),
).filter(_URL_SPEC.accepts)


@functools.cache
def _countries() -> st.SearchStrategy[str]:
    # Every string of the pattern's shape that the spec accepts: the codes in use.
    letters = string.ascii_uppercase
    codes = [a + b for a in letters for b in letters if _COUNTRY_SPEC.accepts(a + b)]
    return st.sampled_from(codes)


# Places with their real time zones, and zones for places drawn freely.
_CITIES = (
    ("Astana", "KZ", "Asia/Almaty"),
    ("Dushanbe", "TJ", "Asia/Dushanbe"),
    ("Moscow", "RU", "Europe/Moscow"),
    ("Sochi", "RU", "Europe/Moscow"),
    ("Minsk", "BY", "Europe/Minsk"),
    ("Bishkek", "KG", "Asia/Bishkek"),
    ("Yerevan", "AM", "Asia/Yerevan"),
)
_ZONES = ("Asia/Kabul", "UTC", "Etc/GMT+5", "America/Argentina/Buenos_Aires", "Asia/Kolkata")
_TIMEZONES: st.SearchStrategy[str] = st.sampled_from(
    tuple(dict.fromkeys([*(zone for _, _, zone in _CITIES), *_ZONES]))
)


_IS_TEXT = KINDS[Kind.TEXT].check  # the text kind's own check: not blank


def _non_blank(text: str) -> str:
    assert _IS_TEXT is not None
    return text if _IS_TEXT(text) else text + "x"


@functools.lru_cache(maxsize=64)
def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-blank Unicode text (any script, no lone surrogates), as model text fields require.

    >>> from hypothesis import given
    >>> @given(texts())
    ... def test_non_blank(text):
    ...     assert text.strip()
    >>> test_non_blank()
    """
    return st.text(max_size=max_size).map(_non_blank)


@functools.lru_cache(maxsize=64)
def _strs(max_size: int) -> st.SearchStrategy[str]:
    """Any text, blank or empty too, as ``STR`` fields take it."""
    return st.text(max_size=max_size)


def ids() -> st.SearchStrategy[str]:
    """Record ids, as the id fields' spec accepts them (``_spec.PATTERNS[Kind.ID]``).

    >>> import attrs
    >>> from hypothesis import given
    >>> from csto_program import Source
    >>> id_spec = attrs.fields(Source).id.metadata["spec"]
    >>> @given(ids())
    ... def test_id(value):
    ...     assert id_spec.accepts(value)
    >>> test_id()
    """
    return _IDS


def _leaf(spec: Spec, dates: st.SearchStrategy[PartialDate]) -> st.SearchStrategy[Any]:
    """One value of a field of this spec (a plain kind, not a record)."""
    kind = spec.kind
    if kind is Kind.INT:
        low = 1 if spec.minimum is None else spec.minimum
        return _ints(spec.minimum, low + 99)
    if kind is Kind.ENUM:
        return st.sampled_from(cast(Sequence[Any], spec.type))
    leaves: dict[Kind, Callable[[], st.SearchStrategy[Any]]] = {
        Kind.ID: ids,
        Kind.TEXT: texts,
        Kind.STR: lambda: _strs(30),
        Kind.URL: lambda: _URLS,
        Kind.LANGUAGE: lambda: _LANGUAGES,
        Kind.COUNTRY: _countries,
        Kind.TIMEZONE: lambda: _TIMEZONES,
        Kind.BOOL: st.booleans,
        Kind.DATE: iso_dates,
        Kind.PARTIAL_DATE: lambda: dates,
    }
    if kind not in leaves:
        raise InvalidArgument(f"a {kind.value} field is drawn by its record's strategy")
    return leaves[kind]()


@functools.lru_cache(maxsize=1024)
def _field(cls: type, name: str, dates: st.SearchStrategy[PartialDate]) -> st.SearchStrategy[Any]:
    """The values of the field ``name`` of ``cls``, from its spec (made once)."""
    spec = _spec(cls, name)
    one = _leaf(spec, dates)
    if spec.many:
        one = st.lists(one, max_size=2, unique=spec.unique).map(tuple)
    if spec.optional:
        one = st.none() | one
    return one


def field_values(cls: type, name: str) -> st.SearchStrategy[Any]:
    """Values the field ``name`` of the record class ``cls`` accepts, drawn from its spec alone.

    Not for record-valued fields (use the record's strategy) nor for fields that refer to
    other records (any id is drawn, so in a program the reference would dangle).

    >>> import attrs
    >>> from hypothesis import given
    >>> from csto_program import Source
    >>> @given(field_values(Source, "language"))
    ... def test_language(value):
    ...     assert value is None or attrs.fields(Source).language.metadata["spec"].accepts(value)
    >>> test_language()
    """
    if not isinstance(cls, type) or not attrs.has(cls):
        raise InvalidArgument(f"cls={cls!r} must be a model class")
    fields = attrs.fields_dict(cls)
    if name not in fields or "spec" not in fields[name].metadata:
        raise InvalidArgument(f"{cls.__name__} has no declared field {name!r}")
    return _field(cls, name, partial_dates())


def _record(
    draw: st.DrawFn,
    cls: Callable[..., T],
    dates: st.SearchStrategy[PartialDate],
    pools: Mapping[str, Sequence[Any]] | None = None,
    **given: Any,
) -> T:
    """A ``cls`` with the ``given`` fields and every other one drawn from its spec; with
    ``pools``, a reference (a field declared with ``refers_to``) is drawn from the pool of
    its target (a missing pool is empty), so that it resolves."""
    values = dict(given)
    for attribute, spec in specs(cast(type, cls)):
        if attribute.name in values:
            continue
        if pools is not None and spec.refers_to is not None:
            pool = pools.get(spec.refers_to, ())
            if spec.many:
                values[attribute.name] = _some(draw, pool, 2)
            elif spec.optional:
                values[attribute.name] = _one(draw, pool)
            else:
                values[attribute.name] = _pick(draw, pool)
            continue
        values[attribute.name] = draw(_field(cast(type, cls), attribute.name, dates))
    return cls(**values)


@functools.lru_cache(maxsize=1024)
def _index_lists(size: int, most: int) -> st.SearchStrategy[list[int]]:
    return st.lists(_ints(0, size - 1), max_size=most, unique=True)


@functools.lru_cache(maxsize=256)
def _maybe_index(size: int) -> st.SearchStrategy[int | None]:
    return st.none() | _ints(0, size - 1)


def _some(draw: st.DrawFn, pool: Sequence[T], most: int) -> tuple[T, ...]:
    """Up to ``most`` distinct items of ``pool``."""
    if not pool:
        return ()
    return tuple(pool[index] for index in draw(_index_lists(len(pool), most)))


def _one(draw: st.DrawFn, pool: Sequence[T]) -> T | None:
    """An item of ``pool``, or ``None``."""
    if not pool:
        return None
    index = draw(_maybe_index(len(pool)))
    return None if index is None else pool[index]


def _pick(draw: st.DrawFn, pool: Sequence[T]) -> T:
    """An item of ``pool`` (not empty)."""
    return pool[draw(_ints(0, len(pool) - 1))]


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
