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

import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from csto_program.dates import MAX_DATE, MIN_DATE, PartialDate, Qualifier, as_date

__all__ = ["iso_dates", "partial_dates"]

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
