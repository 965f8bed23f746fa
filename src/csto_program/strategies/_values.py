"""The strategies of single values: days, partial dates and intervals, ids and texts, and
the value of any plain field drawn from its spec; and the helpers that build records from
them (:mod:`csto_program.strategies._records`)."""

from __future__ import annotations

import calendar
import datetime
import functools
import string
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar, cast

import attrs
import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from csto_program._spec import KINDS, Kind, Spec, spec_of, specs
from csto_program.dates import (
    MAX_DATE,
    MIN_DATE,
    PartialDate,
    Qualifier,
    as_date,
)
from csto_program.model import (
    LocalName,
    Place,
    Source,
    Statement,
)

__all__ = [
    "any_partial_dates",
    "field_values",
    "ids",
    "intervals",
    "iso_dates",
    "local_names",
    "original_wordings",
    "partial_dates",
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


# Russian text as sources print it: Cyrillic letters, guillemets, a dash, an omission in
# brackets; drawn beside any Unicode text so that every record may carry Cyrillic.
_CYRILLIC_TEXTS: st.SearchStrategy[str] = st.lists(
    st.characters(min_codepoint=0x400, max_codepoint=0x4FF)
    | st.sampled_from((" ", "«", "»", "—", "…", "[...]", ",", ".", "ё", "Ё")),
    min_size=1,
    max_size=40,
).map(lambda parts: _non_blank("".join(parts)))
_WORDINGS: st.SearchStrategy[str] = _CYRILLIC_TEXTS | st.text(max_size=60).map(
    lambda text: _non_blank(text)
)


@st.composite
def local_names(draw: st.DrawFn, max_size: int = 2) -> tuple[LocalName, ...]:
    """A record's names in other languages: up to ``max_size``, one per language, often
    Cyrillic (an abbreviation too, sometimes).

    >>> from hypothesis import given
    >>> @given(local_names())
    ... def test_names(names):
    ...     assert len({name.language for name in names}) == len(names)
    >>> test_names()
    """
    languages = draw(st.lists(_LANGUAGES, max_size=max_size, unique=True))
    return tuple(
        LocalName(
            language=language,
            name=draw(_WORDINGS),
            abbreviation=draw(st.none() | _CYRILLIC_TEXTS | _strs(8)),
        )
        for language in languages
    )


@st.composite
def original_wordings(draw: st.DrawFn) -> dict[str, Any]:
    """A statement's original wording as keyword arguments (``original``,
    ``original_language``, ``original_fragments``): none, one text in full, or up to three
    fragments; often Cyrillic.

    >>> from hypothesis import given
    >>> @given(original_wordings())
    ... def test_wording(wording):
    ...     assert bool(wording["original"]) == (wording["original_language"] is not None)
    >>> test_wording()
    """
    shape = draw(st.sampled_from(("none", "full", "fragments")))
    if shape == "none":
        return {"original": (), "original_language": None, "original_fragments": False}
    most = 1 if shape == "full" else 3
    return {
        "original": tuple(draw(st.lists(_WORDINGS, min_size=1, max_size=most))),
        "original_language": draw(_LANGUAGES),
        "original_fragments": shape == "fragments",
    }


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
    if kind is Kind.RECORD and spec.type is LocalName and spec.many:
        return local_names()
    if kind not in leaves:
        raise InvalidArgument(f"a {kind.value} field is drawn by its record's strategy")
    return leaves[kind]()


@functools.lru_cache(maxsize=1024)
def _field(cls: type, name: str, dates: st.SearchStrategy[PartialDate]) -> st.SearchStrategy[Any]:
    """The values of the field ``name`` of ``cls``, from its spec (made once)."""
    spec = _spec(cls, name)
    one = _leaf(spec, dates)
    if spec.kind is Kind.RECORD:  # a record's list (names) is drawn whole
        return one
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
