"""Calendar dates, EDTF partial dates and IANA time zones.

This module is the one place that talks to :mod:`pendulum` directly (with its two helpers:
``_days`` for whole calendar days, ``_zones`` for time zones; import from here); everything
else in the library goes through it, so pendulum's quirks are handled in one place:

* ``pendulum.DateTime`` is a subclass of ``pendulum.Date`` (and of ``datetime.datetime``),
  so an ``isinstance(x, date)`` check lets datetimes through; :func:`as_date` refuses them.
* ``pendulum.parse`` fills in missing parts (``"2023"`` becomes 2023-01-01T00:00), so it
  is never used: :func:`parse_iso_date` and :meth:`PartialDate.parse` use strict regexes.
* ``pendulum.Date.add`` raises ``ValueError`` or ``OverflowError`` past the years
  0001..9999; :func:`add_months` and :func:`add_days` turn both into
  :class:`~csto_program.errors.ScheduleError`.
* ``Interval.in_years()`` and friends are unreliable across 29 February;
  :func:`days_between` counts days by ordinal instead.

Time zones always come from the :mod:`tzdata` package (:func:`load_zone`), never from
the operating system's possibly stale database.

The supported range is :data:`MIN_DATE` to :data:`MAX_DATE`:

>>> MIN_DATE, MAX_DATE
(Date(1, 1, 1), Date(9999, 12, 31))
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
from typing import Any, Self, TypeVar

import attrs
import pendulum

import csto_program._public as _public
from csto_program._days import (
    ISO_DATE_PATTERN,
    MAX_DATE,
    MIN_DATE,
    add_days,
    add_months,
    as_date,
    check_int,
    days_between,
    days_in,
    format_iso_date,
    parse_iso_date,
    range_problem,
)
from csto_program._days import (
    iso_date_or_none as iso_date_or_none,
)
from csto_program._zones import load_zone, utcoffset_on
from csto_program.errors import DataError, short_repr

__all__ = [
    "EDTF_PATTERN",
    "ISO_DATE_PATTERN",
    "MAX_DATE",
    "MIN_DATE",
    "PartialDate",
    "Precision",
    "Qualifier",
    "add_days",
    "add_months",
    "as_date",
    "days_between",
    "format_iso_date",
    "load_zone",
    "parse_iso_date",
    "utcoffset_on",
]

# ``[0-9]`` rather than ``\d`` (which matches any Unicode digit) and ``\Z`` rather than
# ``$`` (which also matches before a trailing newline); re.ASCII for good measure. The
# patterns use only what Python's ``re`` and ECMA-262 (JSON Schema) read alike: explicit
# ASCII classes, non-capturing groups, no lookbehind.
_DATE_PATTERN = r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?[?~%]?"
EDTF_PATTERN = f"{_DATE_PATTERN}(?:/{_DATE_PATTERN})?"
"""The shape of a partial date's text without anchors: ``YYYY[-MM[-DD]]`` and a qualifier,
or an EDTF level-1 interval of two such dates joined by ``/``. It is the one declaration
that the parser, the JSON Schema and the strategies use.

>>> import re
>>> [bool(re.fullmatch(EDTF_PATTERN, text))
...  for text in ("2024-11~", "2026-01-29/2026-11-27", "2024-1", "2026/..", "2026/")]
[True, True, False, False, False]
"""

# The groups of EDTF_PATTERN, named; fullmatch replaces the anchors.
_EDTF_RE = re.compile(
    r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?(?P<qualifier>[?~%])?"
    r"(?:/(?P<end_year>[0-9]{4})(?:-(?P<end_month>[0-9]{2})(?:-(?P<end_day>[0-9]{2}))?)?"
    r"(?P<end_qualifier>[?~%])?)?",
    re.ASCII,
)


class Precision(enum.StrEnum):
    """How much of a :class:`PartialDate` is known.

    ``INTERVAL`` is an EDTF interval: a day known only to lie between two partial dates, so
    not known to one year, month or day (even when both ends are days).

    >>> PartialDate.parse("2024-02").precision
    <Precision.MONTH: 'month'>
    >>> str(Precision.DAY)
    'day'
    >>> PartialDate.parse("2026-01-29/2026-11-27").precision
    <Precision.INTERVAL: 'interval'>
    """

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    INTERVAL = "interval"


class Qualifier(enum.StrEnum):
    """An EDTF level-1 qualification suffix.

    ``?`` marks an uncertain date, ``~`` an approximate one, ``%`` both.

    >>> Qualifier("~")
    <Qualifier.APPROXIMATE: '~'>
    >>> Qualifier.UNCERTAIN_APPROXIMATE == "%"
    True
    """

    UNCERTAIN = "?"
    APPROXIMATE = "~"
    UNCERTAIN_APPROXIMATE = "%"


_QUALIFIERS: dict[str | None, Qualifier | None] = {None: None, **{q.value: q for q in Qualifier}}


def _date_text(year: int, month: int | None, day: int | None, qualifier: Qualifier | None) -> str:
    text = f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    if qualifier is not None:
        text += qualifier.value
    return text


@attrs.frozen(slots=True, repr=False)
class PartialDate:
    """A date known to the year, the month or the day, or only to lie between two such
    dates, as in EDTF level 1.

    A single date is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, each optionally followed by
    one qualifier (``?``, ``~`` or ``%``). An interval is two single dates joined by ``/``
    (``2026-01-29/2026-11-27``, ``2026/2026-11-27``, ``2026-01~/2026-03``): the day lies
    somewhere from its start's :attr:`earliest` to its end's :attr:`latest`. Years run from 1
    to 9999: year 0000 (1 BC in EDTF) is refused because pendulum cannot represent it.
    EDTF's open (``2026/..``) and unknown (``2026/``) interval ends are refused too: a
    ``PartialDate`` always has both bounds, and inventing one (the ``edtf`` package puts an
    unknown end ten years on) would be filling in a date.

    An interval is built with ``end``, the fields ``year``, ``month``, ``day`` and
    ``qualifier`` then being its start's; :attr:`start` and :attr:`end` give both ends.

    >>> d = PartialDate(2024, 2, qualifier=Qualifier.APPROXIMATE)
    >>> str(d)
    '2024-02~'
    >>> d.earliest, d.latest
    (Date(2024, 2, 1), Date(2024, 2, 29))
    >>> done = PartialDate(2026, 1, 29, end=PartialDate(2026, 11, 27))
    >>> str(done), done.earliest, done.latest
    ('2026-01-29/2026-11-27', Date(2026, 1, 29), Date(2026, 11, 27))
    >>> try:
    ...     PartialDate(2023, 2, 29)
    ... except DataError as exc:
    ...     print(exc.problems)
    (('$', 'day 29 is out of range for 2023-02 (1..28)'),)

    **Equality, hashing and order.** Two partial dates are equal when they are written the
    same (``str(a) == str(b)``): ``2026`` and ``2026-01-01/2026-12-31`` denote the same
    days but are not equal, nor are ``2024`` and ``2024?``. There is no ``<``: dates are
    ordered by :attr:`sort_key`, ``(earliest, latest)``, which is defined the same way for
    intervals; partial dates that are not equal may share a sort key.
    """

    year: int
    month: int | None = None
    day: int | None = None
    qualifier: Qualifier | None = None
    end: PartialDate | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_int(self.year, "year")
        if self.month is not None:
            check_int(self.month, "month")
        if self.day is not None:
            check_int(self.day, "day")
        if self.qualifier is not None and not isinstance(self.qualifier, Qualifier):
            raise TypeError(
                f"qualifier must be a Qualifier or None, not {type(self.qualifier).__name__}"
            )
        if self.end is not None and not isinstance(self.end, PartialDate):
            raise TypeError(f"end must be a PartialDate or None, not {type(self.end).__name__}")
        problem = range_problem(self.year, self.month, self.day)
        if problem is not None:
            raise DataError.at("$", problem)
        if self.end is not None:
            if self.end.end is not None:
                raise DataError.at(
                    "$", f"an interval's end must be a single date, not the interval '{self.end}'"
                )
            if self.earliest > self.end.latest:
                start = _date_text(self.year, self.month, self.day, self.qualifier)
                raise DataError.at("$", f"the interval's start {start} is after its end {self.end}")

    def __repr__(self) -> str:
        """The constructor call that makes this date (``end`` only for an interval).

        >>> PartialDate.parse("2026/2026-11")
        PartialDate(year=2026, month=None, day=None, qualifier=None, end=PartialDate(year=2026, month=11, day=None, qualifier=None))
        """  # noqa: E501
        text = (
            f"{type(self).__qualname__}(year={self.year!r}, month={self.month!r}, "
            f"day={self.day!r}, qualifier={self.qualifier!r}"
        )
        if self.end is not None:
            text += f", end={self.end!r}"
        return text + ")"

    @classmethod
    def parse(cls, text: str) -> Self:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, optionally suffixed ``?``/``~``/``%``,
        or an interval of two of them joined by ``/``.

        Nothing else is accepted: no surrounding whitespace, no signs, no times,
        no single-digit months, no impossible days, no interval whose start is after its
        end, and no open (``..``) or unknown (empty) interval end.

        >>> PartialDate.parse("2024-02-29%")
        PartialDate(year=2024, month=2, day=29, qualifier=<Qualifier.UNCERTAIN_APPROXIMATE: '%'>)
        >>> str(PartialDate.parse("2026-01~/2026-03"))
        '2026-01~/2026-03'
        >>> for bad in ("2023-2", "2027/2026", "2026/.."):
        ...     try:
        ...         PartialDate.parse(bad)
        ...     except DataError as exc:
        ...         print(exc.problems[0][1])
        expected an EDTF date YYYY, YYYY-MM or YYYY-MM-DD, got '2023-2'
        invalid EDTF interval '2027/2026': the interval's start 2027 is after its end 2026
        open ('..') and unknown (empty) interval ends are not supported: give the latest day the date can be as the end, got '2026/..'
        """  # noqa: E501
        if not isinstance(text, str):
            raise TypeError(f"expected a str, not {type(text).__name__}")
        match = _EDTF_RE.fullmatch(text)
        if match is None:
            raise DataError.at("$", _shape_problem(text))
        if cls is PartialDate and type(text) is str:
            found = _from_match(match, text)
            if found is not None:
                return found  # type: ignore[return-value]  # cls is PartialDate
        year, month, day, qualifier, end_year, end_month, end_day, end_qualifier = match.groups()
        what = "date" if end_year is None else "interval"
        try:
            end = (
                None
                if end_year is None
                else _construct(cls, end_year, end_month, end_day, end_qualifier, None, "end: ")
            )
            return _construct(cls, year, month, day, qualifier, end, "")
        except DataError as exc:
            detail = "; ".join(message for _, message in exc.problems)
            raise DataError.at("$", f"invalid EDTF {what} {short_repr(text)}: {detail}") from None

    @classmethod
    def from_date(cls, day: datetime.date) -> Self:
        """The day-precision partial date of a calendar date, without a qualifier.

        >>> str(PartialDate.from_date(datetime.date(2024, 11, 28)))
        '2024-11-28'
        """
        d = as_date(day)
        return cls(d.year, d.month, d.day)

    @classmethod
    def between(cls, start: PartialDate, end: PartialDate) -> Self:
        """The interval from ``start`` to ``end``, two single partial dates.

        >>> str(PartialDate.between(PartialDate(2026), PartialDate(2026, 11, 27)))
        '2026/2026-11-27'
        """
        for name, value in (("start", start), ("end", end)):
            if not isinstance(value, PartialDate):
                raise TypeError(f"{name} must be a PartialDate, not {type(value).__name__}")
        if start.end is not None:
            raise DataError.at(
                "$", f"an interval's start must be a single date, not the interval '{start}'"
            )
        return cls(start.year, start.month, start.day, start.qualifier, end=end)

    def __str__(self) -> str:
        """The EDTF form, such that ``PartialDate.parse(str(d)) == d``.

        >>> str(PartialDate(987, 3))
        '0987-03'
        >>> str(PartialDate(2026, end=PartialDate(2026, 11, 27, Qualifier.UNCERTAIN)))
        '2026/2026-11-27?'
        """
        return self._text

    @functools.cached_property
    def _text(self) -> str:
        # Computed once per object (the class is frozen), or kept from the parsed text.
        text = _date_text(self.year, self.month, self.day, self.qualifier)
        if self.end is not None:
            text += f"/{self.end}"
        return text

    @property
    def is_interval(self) -> bool:
        """Whether this is an EDTF interval (``start/end``) rather than a single date.

        >>> PartialDate.parse("2026/2026-11-27").is_interval, PartialDate(2026).is_interval
        (True, False)
        """
        return self.end is not None

    @functools.cached_property
    def start(self) -> PartialDate | None:
        """An interval's start as a single partial date; ``None`` for a single date (whose
        fields already say everything). The end is the field :attr:`end`.

        >>> d = PartialDate.parse("2026-01~/2026-03")
        >>> str(d.start), str(d.end)
        ('2026-01~', '2026-03')
        >>> PartialDate(2026).start is None, PartialDate(2026).end is None
        (True, True)
        """
        if self.end is None:
            return None
        return PartialDate(self.year, self.month, self.day, self.qualifier)

    @property
    def precision(self) -> Precision:
        """Whether the year, the month or the day is known, or the date is an interval.

        >>> PartialDate.parse("2023?").precision
        <Precision.YEAR: 'year'>
        >>> PartialDate.parse("2023/2024").precision
        <Precision.INTERVAL: 'interval'>
        """
        if self.end is not None:
            return Precision.INTERVAL
        if self.month is None:
            return Precision.YEAR
        if self.day is None:
            return Precision.MONTH
        return Precision.DAY

    @functools.cached_property
    def earliest(self) -> pendulum.Date:
        """The first day the partial date can denote (computed once, then kept); for an
        interval, its start's earliest day.

        Qualifiers do not widen the bounds: like the ``edtf`` package's
        ``lower_strict()``, ``"2023~"`` starts on 2023-01-01.

        >>> PartialDate.parse("2023~").earliest
        Date(2023, 1, 1)
        >>> PartialDate.parse("2026-01/2026-11-27").earliest
        Date(2026, 1, 1)
        """
        return pendulum.Date(self.year, self.month or 1, self.day or 1)

    @functools.cached_property
    def latest(self) -> pendulum.Date:
        """The last day the partial date can denote (qualifiers do not widen it); for an
        interval, its end's latest day; computed once, then kept.

        >>> PartialDate.parse("2024-02").latest
        Date(2024, 2, 29)
        >>> PartialDate.parse("2023").latest
        Date(2023, 12, 31)
        >>> PartialDate.parse("2023-12-31/2024").latest
        Date(2024, 12, 31)
        """
        if self.end is not None:
            return self.end.latest
        month = 12 if self.month is None else self.month
        day = days_in(self.year, month) if self.day is None else self.day
        return pendulum.Date(self.year, month, day)

    def contains(self, day: datetime.date) -> bool:
        """Whether ``earliest <= day <= latest``.

        >>> PartialDate.parse("2024-02").contains(datetime.date(2024, 2, 29))
        True
        >>> PartialDate.parse("2024-02").contains(datetime.date(2024, 3, 1))
        False
        """
        d = as_date(day)
        return self.earliest <= d <= self.latest

    @property
    def sort_key(self) -> tuple[pendulum.Date, pendulum.Date]:
        """``(earliest, latest)``, for ordering events by date; intervals too.

        >>> texts = ["2024-03-01", "2024-02", "2024", "2024-01", "2024-01-15/2024-02"]
        >>> dates = [PartialDate.parse(s) for s in texts]
        >>> [str(d) for d in sorted(dates, key=lambda d: d.sort_key)]
        ['2024-01', '2024', '2024-01-15/2024-02', '2024-02', '2024-03-01']
        """
        return (self.earliest, self.latest)

    @property
    def is_uncertain(self) -> bool:
        """Whether the qualifier is ``?`` or ``%`` (for an interval: of either end).

        >>> PartialDate.parse("2024%").is_uncertain, PartialDate.parse("2024~").is_uncertain
        (True, False)
        >>> PartialDate.parse("2024/2025?").is_uncertain
        True
        """
        if self.end is not None and self.end.is_uncertain:
            return True
        return self.qualifier in (Qualifier.UNCERTAIN, Qualifier.UNCERTAIN_APPROXIMATE)

    @property
    def is_approximate(self) -> bool:
        """Whether the qualifier is ``~`` or ``%`` (for an interval: of either end).

        >>> PartialDate.parse("2024%").is_approximate, PartialDate.parse("2024?").is_approximate
        (True, False)
        >>> PartialDate.parse("2024/2025~").is_approximate
        True
        """
        if self.end is not None and self.end.is_approximate:
            return True
        return self.qualifier in (Qualifier.APPROXIMATE, Qualifier.UNCERTAIN_APPROXIMATE)


_D = TypeVar("_D", bound=PartialDate)


def _shape_problem(text: str) -> str:
    """Why ``text``, which does not have the shape of :data:`EDTF_PATTERN`, is refused."""
    if "/" not in text:
        return f"expected an EDTF date YYYY, YYYY-MM or YYYY-MM-DD, got {short_repr(text)}"
    parts = text.split("/")
    if len(parts) == 2 and any(part in ("", "..") for part in parts):
        return (
            "open ('..') and unknown (empty) interval ends are not supported: give the "
            f"latest day the date can be as the end, got {short_repr(text)}"
        )
    return (
        "expected an EDTF interval START/END of two dates YYYY, YYYY-MM or YYYY-MM-DD, "
        f"got {short_repr(text)}"
    )


def _construct(
    cls: type[_D],
    year: str,
    month: str | None,
    day: str | None,
    qualifier: str | None,
    end: _D | None,
    prefix: str,
) -> _D:
    """``cls`` built from the texts of one date's groups, its problems prefixed ``prefix``."""
    try:
        return cls(
            int(year),
            None if month is None else int(month),
            None if day is None else int(day),
            None if qualifier is None else Qualifier(qualifier),
            end=end,
        )
    except DataError as exc:
        detail = "; ".join(message for _, message in exc.problems)
        raise DataError.at("$", prefix + detail) from None


_new_object = object.__new__
_slots = PartialDate.__dict__  # the slot descriptors
_set_year = _slots["year"].__set__
_set_month = _slots["month"].__set__
_set_day = _slots["day"].__set__
_set_qualifier = _slots["qualifier"].__set__
_set_end = _slots["end"].__set__
_set_text = _slots["_text"].__set__


def _single(
    year_text: str,
    month_text: str | None,
    day_text: str | None,
    qualifier_text: str | None,
    text: str,
    end: PartialDate | None,
) -> PartialDate | None:
    """The ``PartialDate`` of one date's groups (with ``end`` and EDTF form ``text``), or
    ``None`` if they do not name a real year, month or day."""
    year = int(year_text)  # the pattern fixed the digits: int() cannot fail
    month = None if month_text is None else int(month_text)
    day = None if day_text is None else int(day_text)
    if range_problem(year, month, day) is not None:
        return None
    found: Any = _new_object(PartialDate)
    _set_year(found, year)
    _set_month(found, month)
    _set_day(found, day)
    _set_qualifier(found, _QUALIFIERS[qualifier_text])
    _set_end(found, end)
    _set_text(found, text)
    return found  # type: ignore[no-any-return]


def _from_match(match: re.Match[str], text: str) -> PartialDate | None:
    """The ``PartialDate`` of an ``_EDTF_RE`` match, or ``None`` if it is not a valid date.

    This is :meth:`PartialDate.parse` without the constructor: every check that the
    constructor makes is made here (the regex has already fixed the types), and the object
    is built from its slots, keeping ``text`` as its EDTF form. Callers fall back to the
    constructor, and its detailed errors, when this returns ``None``.
    """
    year, month, day, qualifier, end_year, end_month, end_day, end_qualifier = match.groups()
    if end_year is None:
        return _single(year, month, day, qualifier, text, None)
    end_text = text[match.start("end_year") :]
    end = _single(end_year, end_month, end_day, end_qualifier, end_text, None)
    if end is None:
        return None
    found = _single(year, month, day, qualifier, text, end)
    if found is None or found.earliest > end.latest:
        return None
    return found


def partial_date_or_none(text: Any) -> PartialDate | None:
    """``PartialDate.parse(text)`` if ``text`` is a ``str`` holding a valid EDTF date or
    interval, else ``None`` (:meth:`PartialDate.parse` then gives the reason): the loaders'
    fast path.

    >>> partial_date_or_none("2024-02-29%") == PartialDate.parse("2024-02-29%")
    True
    >>> partial_date_or_none("2023-02-29") is None, partial_date_or_none(2023) is None
    (True, True)
    >>> partial_date_or_none("2027/2026") is None
    True
    """
    if type(text) is not str:
        return None
    match = _EDTF_RE.fullmatch(text)
    if match is None:
        return None
    return _from_match(match, text)


# The calendar-day and time-zone helpers live in their own modules; they are documented,
# and shown in reprs, under this public module's name.
_public.show_under(globals(), __all__, defined_in=("csto_program._days", "csto_program._zones"))
