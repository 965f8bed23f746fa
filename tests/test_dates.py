"""Tests of csto_program.dates and the date strategies in csto_program.strategies."""

from __future__ import annotations

import calendar
import datetime
import re
import zoneinfo
from collections.abc import Iterator
from typing import Any

import attrs
import edtf
import pendulum
import pytest
import tzdata
from dateutil.relativedelta import relativedelta
from hypothesis import example, find, given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from csto_program import _zones, dates
from csto_program.dates import (
    EDTF_PATTERN,
    ISO_DATE_PATTERN,
    MAX_DATE,
    MIN_DATE,
    PartialDate,
    Precision,
    Qualifier,
    add_days,
    add_months,
    as_date,
    days_between,
    format_iso_date,
    load_zone,
    parse_iso_date,
    utcoffset_on,
)
from csto_program.errors import DataError, ScheduleError
from csto_program.strategies import any_partial_dates, intervals, iso_dates, partial_dates
from support import untraced

EDTF_SHAPED = st.from_regex(f"\\A{EDTF_PATTERN}\\Z", fullmatch=True)


ISO_SHAPED = st.from_regex(f"\\A{ISO_DATE_PATTERN}\\Z", fullmatch=True)


def only_problem(exc: DataError) -> str:
    assert len(exc.problems) == 1
    path, message = exc.problems[0]
    assert path == "$"
    return message


# --- PartialDate: round trips and bounds -------------------------------------------------


@given(any_partial_dates())
@example(PartialDate.parse("2026-01-29/2026-11-27"))
@example(PartialDate.parse("2026-12/2026"))
def test_partial_date_round_trips_through_str(d: PartialDate) -> None:
    assert PartialDate.parse(str(d)) == d
    assert str(PartialDate.parse(str(d))) == str(d)


@given(EDTF_SHAPED)
def test_parse_then_str_gives_back_the_text(text: str) -> None:
    try:
        d = PartialDate.parse(text)
    except DataError:
        return
    assert str(d) == text


@given(any_partial_dates())
@example(PartialDate(1))
@example(PartialDate.parse("2026-01-29/2026-11-27"))
@example(PartialDate.parse("2026/2026-11-27"))
@example(PartialDate.parse("2026-01~/2026-03"))
@example(PartialDate.parse("2026-12/2026"))
@example(PartialDate.parse("0001/9999-12-31%"))
@example(PartialDate(999, 2))
@example(PartialDate(9999, 12, 31, Qualifier.UNCERTAIN))
@example(PartialDate(1900, 2, qualifier=Qualifier.APPROXIMATE))
@example(PartialDate(2000, 2))
def test_bounds_agree_with_the_edtf_package(d: PartialDate) -> None:
    # The edtf package is an independent implementation of EDTF; its strict bounds ignore
    # qualifiers just as ours do. It handles the whole range 0001..9999 (checked, including
    # years below 1000), so the oracle's domain is not restricted; for an interval, its
    # strict bounds are the start's lower and the end's upper strict bound.
    with untraced():
        parsed = edtf.parse_edtf(str(d))
        lower = parsed.lower_strict()
        upper = parsed.upper_strict()
    assert (lower.tm_year, lower.tm_mon, lower.tm_mday) == (
        d.earliest.year,
        d.earliest.month,
        d.earliest.day,
    )
    assert (upper.tm_year, upper.tm_mon, upper.tm_mday) == (
        d.latest.year,
        d.latest.month,
        d.latest.day,
    )


@given(any_partial_dates())
def test_bounds_are_consistent(d: PartialDate) -> None:
    assert type(d.earliest) is pendulum.Date
    assert type(d.latest) is pendulum.Date
    assert d.earliest <= d.latest
    assert d.sort_key == (d.earliest, d.latest)
    if d.precision is Precision.DAY:
        assert d.earliest == d.latest
    assert d.contains(d.earliest)
    assert d.contains(d.latest)
    if d.latest < MAX_DATE:
        assert not d.contains(d.latest + datetime.timedelta(days=1))
    if d.earliest > MIN_DATE:
        assert not d.contains(d.earliest - datetime.timedelta(days=1))


@given(partial_dates())
def test_precision_and_qualifier_flags(d: PartialDate) -> None:
    expected = {0: Precision.YEAR, 1: Precision.MONTH, 2: Precision.DAY}[str(d).count("-")]
    assert d.precision is expected
    assert d.is_uncertain == (d.qualifier in (Qualifier.UNCERTAIN, Qualifier.UNCERTAIN_APPROXIMATE))
    assert d.is_approximate == (
        d.qualifier in (Qualifier.APPROXIMATE, Qualifier.UNCERTAIN_APPROXIMATE)
    )


@given(st.dates())
def test_from_date_is_day_precision(day: datetime.date) -> None:
    d = PartialDate.from_date(day)
    assert d.precision is Precision.DAY
    assert d.qualifier is None
    assert d.earliest == d.latest == day


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2024-02", (2024, 2, 1), (2024, 2, 29)),
        ("2023-02", (2023, 2, 1), (2023, 2, 28)),
        ("1900-02", (1900, 2, 1), (1900, 2, 28)),
        ("2000-02~", (2000, 2, 1), (2000, 2, 29)),
        ("2023", (2023, 1, 1), (2023, 12, 31)),
        ("2023%", (2023, 1, 1), (2023, 12, 31)),
        ("2024-11-28?", (2024, 11, 28), (2024, 11, 28)),
        ("0001", (1, 1, 1), (1, 12, 31)),
        ("9999-12", (9999, 12, 1), (9999, 12, 31)),
    ],
)
def test_bounds_table(
    text: str, earliest: tuple[int, int, int], latest: tuple[int, int, int]
) -> None:
    d = PartialDate.parse(text)
    assert d.earliest == pendulum.Date(*earliest)
    assert d.latest == pendulum.Date(*latest)


def test_parse_fields_and_qualifiers() -> None:
    assert PartialDate.parse("2024-02-29%") == PartialDate(
        2024, 2, 29, Qualifier.UNCERTAIN_APPROXIMATE
    )
    assert PartialDate.parse("2024?").qualifier is Qualifier.UNCERTAIN
    assert PartialDate.parse("2024-03~").qualifier is Qualifier.APPROXIMATE
    assert PartialDate.parse("2024").qualifier is None
    assert PartialDate.parse("0987-03") == PartialDate(987, 3)
    assert str(PartialDate(987, 3)) == "0987-03"


def test_sorting_by_sort_key() -> None:
    texts = ["2024-03-01", "2024-02", "2024", "2024-01", "2023-12-31~"]
    ordered = sorted((PartialDate.parse(t) for t in texts), key=lambda d: d.sort_key)
    assert [str(d) for d in ordered] == ["2023-12-31~", "2024-01", "2024", "2024-02", "2024-03-01"]


def test_partial_date_is_frozen_and_hashable() -> None:
    d = PartialDate(2024, 2)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        d.year = 2025  # type: ignore[misc]
    assert {d, PartialDate(2024, 2)} == {d}
    assert d != PartialDate(2024, 2, qualifier=Qualifier.UNCERTAIN)


# --- PartialDate: what is refused ---------------------------------------------------------

REJECTED = [
    "2024-02-30",
    "2023-13",
    "23",
    "2023-2",
    " 2023",
    "2023 ",
    "2023\n",
    "+2023",
    "2023-00",
    "2023-02-14T00:00",
    "",
    "0000",
    "2023-02-29",
    "1900-02-29",
    "2023-04-31",
    "2023-01-00",
    "-2023",
    "20230",
    "2023-1-1",
    "2023-01-1",
    "2023??",
    "2023?~",
    "?2023",
    "2023-?",
    "2023-XX",
    "\uff12\uff10\uff12\uff13",  # fullwidth digits
    "\u0662\u0660\u0662\u0663",  # Arabic-Indic digits
    "2023-0\u0661",
]


@pytest.mark.parametrize("text", REJECTED)
def test_partial_date_parse_rejects(text: str) -> None:
    with pytest.raises(DataError) as info:
        PartialDate.parse(text)
    assert repr(text) in only_problem(info.value)


@pytest.mark.parametrize(
    "text", ["2024-02-30", "2023-13", "23", "2023-2", " 2023", "2023\n", "2023-02-14T00:00", ""]
)
def test_parse_iso_date_rejects(text: str) -> None:
    with pytest.raises(DataError) as info:
        parse_iso_date(text)
    assert repr(text) in only_problem(info.value)


@pytest.mark.parametrize(
    "text", ["2023", "2023-02", "2024-02-29?", "0000-01-01", "2024-02-29 ", "2024-02-29\n"]
)
def test_parse_iso_date_rejects_partial_and_padded_dates(text: str) -> None:
    with pytest.raises(DataError):
        parse_iso_date(text)


@pytest.mark.parametrize(
    ("text", "valid"),
    [("2024-02-29", True), ("2023-02-29", False), ("1900-02-29", False), ("2000-02-29", True)],
)
def test_leap_days(text: str, valid: bool) -> None:
    if valid:
        assert PartialDate.parse(text).earliest == parse_iso_date(text)
        assert format_iso_date(parse_iso_date(text)) == text
    else:
        with pytest.raises(DataError):
            PartialDate.parse(text)
        with pytest.raises(DataError):
            parse_iso_date(text)
        with pytest.raises(DataError):
            year, month, day = map(int, text.split("-"))
            PartialDate(year, month, day)


@pytest.mark.parametrize("value", [2023, b"2023", None, datetime.date(2023, 1, 1)])
def test_parsers_refuse_non_str(value: object) -> None:
    with pytest.raises(TypeError):
        PartialDate.parse(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_iso_date(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"year": True},
        {"year": 2023.0},
        {"year": "2023"},
        {"year": 2023, "month": "02"},
        {"year": 2023, "month": False},
        {"year": 2023, "month": 2, "day": 1.0},
        {"year": 2023, "qualifier": "?"},
        {"year": 2023, "qualifier": 1},
    ],
)
def test_constructor_type_errors(kwargs: dict[str, Any]) -> None:
    with pytest.raises(TypeError):
        PartialDate(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"year": 0}, "year 0"),
        ({"year": -5}, "year -5"),
        ({"year": 10000}, "year 10000"),
        ({"year": 2023, "month": 0}, "month 0"),
        ({"year": 2023, "month": 13}, "month 13"),
        ({"year": 2023, "day": 5}, "day 5"),
        ({"year": 2023, "month": 2, "day": 29}, "day 29"),
        ({"year": 2023, "month": 1, "day": 0}, "day 0"),
        ({"year": 2023, "month": 12, "day": 32}, "day 32"),
    ],
)
def test_constructor_value_errors(kwargs: dict[str, Any], needle: str) -> None:
    with pytest.raises(DataError) as info:
        PartialDate(**kwargs)
    assert needle in only_problem(info.value)


def _real_date(text: str) -> bool:
    """Whether text of the EDTF pattern's shape names a real year, month or day (an oracle
    with the calendar module)."""
    year, month, day = text.rstrip("?~%")[0:4], text[5:7], text[8:10]
    if int(year) == 0 or (month and not 1 <= int(month) <= 12):
        return False
    return not day or 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]


def _calendar_bounds(text: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day of a real single date's text (an oracle with ``calendar``)."""
    plain = text.rstrip("?~%")
    year = int(plain[0:4])
    month = int(plain[5:7]) if len(plain) > 4 else None
    day = int(plain[8:10]) if len(plain) > 7 else None
    first = datetime.date(year, month or 1, day or 1)
    last_month = month or 12
    last = datetime.date(year, last_month, day or calendar.monthrange(year, last_month)[1])
    return first, last


def _real_edtf(text: str) -> bool:
    """Whether text of the EDTF pattern's shape is a real date, or an interval of two real
    dates whose start's first day is not after its end's last day."""
    parts = text.split("/")
    if not all(_real_date(part) for part in parts):
        return False
    return len(parts) == 1 or _calendar_bounds(parts[0])[0] <= _calendar_bounds(parts[1])[1]


@given(EDTF_SHAPED | ISO_SHAPED | st.text(max_size=12) | st.text("0123456789-/.?~%", max_size=24))
@example("2026-01-29/2026-11-27")
@example("2026-01-29/2026-01-28")
@example("2026-12/2026")
@example("2027/2026-12-31")
def test_the_parsers_accept_exactly_the_real_dates_of_their_shape(text: str) -> None:
    # Any text is also fuzzed through every date field of a document by the one fuzzer
    # (tests/test_serialize.py).
    edtf = re.fullmatch(EDTF_PATTERN, text, re.ASCII) is not None and _real_edtf(text)
    try:
        d = PartialDate.parse(text)
    except DataError:
        assert not edtf
    else:
        assert edtf and str(d) == text
        assert (d.earliest, d.latest) == (
            _calendar_bounds(text.split("/")[0])[0],
            _calendar_bounds(text.split("/")[-1])[1],
        )
    iso = re.fullmatch(ISO_DATE_PATTERN, text, re.ASCII) is not None and _real_date(text)
    try:
        day = parse_iso_date(text)
    except DataError:
        assert not iso
    else:
        assert iso and format_iso_date(day) == text
        assert PartialDate.parse(text).earliest == day


# --- plain dates --------------------------------------------------------------------------


@given(st.dates())
def test_parse_and_format_iso_date_are_inverse(day: datetime.date) -> None:
    text = format_iso_date(day)
    assert text == day.isoformat()
    parsed = parse_iso_date(text)
    assert type(parsed) is pendulum.Date
    assert parsed == day
    assert format_iso_date(parsed) == text


def test_as_date_converts_dates() -> None:
    converted = as_date(datetime.date(2024, 11, 28))
    assert type(converted) is pendulum.Date
    assert converted == pendulum.Date(2024, 11, 28)
    same = pendulum.Date(2024, 11, 28)
    assert as_date(same) is same


@pytest.mark.parametrize(
    "value",
    [
        datetime.datetime(2024, 11, 28),
        datetime.datetime(2024, 11, 28, tzinfo=datetime.UTC),
        pendulum.datetime(2024, 11, 28),
        pendulum.DateTime(2024, 11, 28),
    ],
)
def test_as_date_refuses_datetimes(value: datetime.datetime) -> None:
    with pytest.raises(TypeError, match="start"):
        as_date(value, "start")
    with pytest.raises(TypeError):
        PartialDate.from_date(value)
    with pytest.raises(TypeError):
        format_iso_date(value)
    with pytest.raises(TypeError):
        add_months(value, 1)
    with pytest.raises(TypeError):
        add_days(value, 1)


@pytest.mark.parametrize("value", ["2024-11-28", 20241128, None, pendulum.Time(12)])
def test_as_date_refuses_other_types(value: object) -> None:
    with pytest.raises(TypeError, match="when"):
        as_date(value, "when")


@given(st.dates(), st.integers(-130_000, 130_000) | st.integers(-50, 50))
@example(datetime.date(2024, 1, 31), 1)
@example(datetime.date(2024, 2, 29), 12)
@example(datetime.date(2024, 3, 31), -1)
@example(datetime.date(9999, 1, 1), 11)
@example(datetime.date(9999, 1, 1), 12)
@example(datetime.date(1, 12, 31), -11)
@example(datetime.date(1, 12, 31), -12)
def test_add_months_agrees_with_relativedelta(day: datetime.date, months: int) -> None:
    try:
        expected = day + relativedelta(months=months)
    except (ValueError, OverflowError):
        with pytest.raises(ScheduleError):
            add_months(day, months)
    else:
        result = add_months(day, months)
        assert type(result) is pendulum.Date
        assert result == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ((2024, 1, 31), 1, (2024, 2, 29)),
        ((2023, 1, 31), 1, (2023, 2, 28)),
        ((2024, 3, 31), -1, (2024, 2, 29)),
        ((2024, 2, 29), 12, (2025, 2, 28)),
        ((2024, 2, 29), 48, (2028, 2, 29)),
        ((9999, 1, 1), 11, (9999, 12, 1)),
        ((1, 12, 31), -11, (1, 1, 31)),
    ],
)
def test_add_months_table(
    day: tuple[int, int, int], months: int, expected: tuple[int, int, int]
) -> None:
    assert add_months(datetime.date(*day), months) == pendulum.Date(*expected)


@pytest.mark.parametrize(
    ("day", "months"),
    [
        ((9999, 1, 1), 12),
        ((9999, 1, 1), 60),
        ((9999, 12, 31), 1),
        ((1, 1, 1), -1),
        ((1, 12, 31), -12),
        ((2024, 1, 1), 10**9),
        ((2024, 1, 1), -(10**9)),
        ((2024, 1, 1), 10**20),
    ],
)
def test_add_months_out_of_range_is_a_schedule_error(
    day: tuple[int, int, int], months: int
) -> None:
    with pytest.raises(ScheduleError):
        add_months(datetime.date(*day), months)


@pytest.mark.parametrize(
    ("day", "days"),
    [((9999, 12, 31), 1), ((1, 1, 1), -1), ((2024, 1, 1), 10**9), ((2024, 1, 1), 10**20)],
)
def test_add_days_out_of_range_is_a_schedule_error(day: tuple[int, int, int], days: int) -> None:
    with pytest.raises(ScheduleError):
        add_days(datetime.date(*day), days)


@given(st.dates(), st.integers(-4_000_000, 4_000_000))
def test_add_days_agrees_with_timedelta(day: datetime.date, days: int) -> None:
    try:
        expected = day + datetime.timedelta(days=days)
    except OverflowError:
        with pytest.raises(ScheduleError):
            add_days(day, days)
    else:
        result = add_days(day, days)
        assert type(result) is pendulum.Date
        assert result == expected


@pytest.mark.parametrize("count", [True, 1.0, "1", None])
def test_add_months_and_days_refuse_non_int_counts(count: object) -> None:
    with pytest.raises(TypeError):
        add_months(datetime.date(2024, 1, 1), count)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        add_days(datetime.date(2024, 1, 1), count)  # type: ignore[arg-type]


@given(st.dates(), st.dates())
def test_days_between_agrees_with_date_subtraction(a: datetime.date, b: datetime.date) -> None:
    assert days_between(a, b) == (b - a).days
    assert days_between(pendulum.Date(a.year, a.month, a.day), b) == (b - a).days
    first, last = pendulum.Date(a.year, a.month, a.day), pendulum.Date(b.year, b.month, b.day)
    assert days_between(a, b) == first.diff(last, abs=False).in_days()  # pendulum's count


def test_days_between_across_leap_day() -> None:
    assert days_between(datetime.date(2023, 2, 28), datetime.date(2024, 2, 29)) == 366
    assert days_between(datetime.date(2024, 2, 29), datetime.date(2023, 2, 28)) == -366
    assert days_between(MIN_DATE, MAX_DATE) == 3_652_058
    with pytest.raises(TypeError):
        days_between(datetime.datetime(2024, 1, 1), datetime.date(2024, 1, 2))


def test_min_and_max_date() -> None:
    assert MIN_DATE == pendulum.Date(1, 1, 1) == datetime.date.min
    assert MAX_DATE == pendulum.Date(9999, 12, 31) == datetime.date.max
    assert type(MIN_DATE) is pendulum.Date
    assert type(MAX_DATE) is pendulum.Date


# --- time zones -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "day", "hours"),
    [
        ("Asia/Almaty", datetime.date(2024, 11, 28), 5),
        ("Asia/Almaty", datetime.date(2024, 1, 15), 6),
        ("Asia/Almaty", datetime.date(2024, 3, 1), 5),
        ("Asia/Dushanbe", datetime.date(2024, 11, 28), 5),
        ("Europe/Moscow", datetime.date(2024, 11, 28), 3),
        ("Europe/Moscow", datetime.date(2024, 7, 1), 3),
        ("Asia/Bishkek", datetime.date(2024, 11, 28), 6),
        ("Asia/Kabul", datetime.date(2024, 11, 28), 4.5),
        ("UTC", datetime.date(2024, 11, 28), 0),
        ("Etc/GMT+5", datetime.date(2024, 11, 28), -5),
    ],
)
def test_utcoffset_on(key: str, day: datetime.date, hours: float) -> None:
    assert utcoffset_on(key, day) == datetime.timedelta(hours=hours)


@pytest.mark.parametrize(
    "key",
    [
        "Asia/Atlantis",
        "Nowhere",
        "../etc/passwd",
        "Asia/../Asia/Almaty",
        "/etc/passwd",
        "Asia/",
        "/Asia/Almaty",
        "Asia//Almaty",
        "Asia",  # a directory in tzdata
        "leapseconds",  # a file in tzdata that is not a zone
        "zone.tab",
        "__init__.py",
        "",
        "Asia/Almaty\n",
        " Asia/Almaty",
    ],
)
def test_load_zone_rejects_unknown_keys(key: str) -> None:
    with pytest.raises(DataError) as info:
        load_zone(key)
    assert only_problem(info.value) == f"unknown IANA time zone {key!r}"


@pytest.mark.parametrize(
    "key", ["A" * 65, "A" * 300, "Asia/" + "a" * 295, "a/" * 150, "x" * 5000, "Asia/Almat\u0443"]
)
def test_long_or_odd_zone_keys_are_data_errors_without_a_path(key: str) -> None:
    with pytest.raises(DataError) as info:
        load_zone(key)
    message = only_problem(info.value)
    assert message.startswith("unknown IANA time zone '") and len(message) < 120
    for leak in (*tzdata.__path__, "site-packages", "Errno", "zoneinfo"):
        assert leak not in message


class StrSubclass(str):
    pass


@pytest.mark.parametrize("key", [None, 5, b"Asia/Almaty", ["Asia/Almaty"]])
def test_load_zone_refuses_non_str(key: object) -> None:
    with pytest.raises(TypeError):
        load_zone(key)  # type: ignore[arg-type]


def test_load_zone_is_cached() -> None:
    zone = load_zone("Asia/Dushanbe")
    assert load_zone("Asia/Dushanbe") is zone
    assert load_zone(StrSubclass("Asia/Dushanbe")) is zone
    assert str(zone) == "Asia/Dushanbe"


@pytest.fixture
def fresh_zone_cache() -> Iterator[None]:
    _zones._load_zone.cache_clear()
    yield
    _zones._load_zone.cache_clear()


def test_load_zone_reads_the_tzdata_package(
    monkeypatch: pytest.MonkeyPatch, fresh_zone_cache: None
) -> None:
    real = zoneinfo.ZoneInfo
    opened: list[str] = []

    class NoSystemLookup:
        def __new__(cls, *args: object, **kwargs: object) -> NoSystemLookup:
            raise AssertionError("zoneinfo.ZoneInfo(key) consults the system tz database")

        @staticmethod
        def from_file(fileobj: Any, key: str | None = None) -> zoneinfo.ZoneInfo:
            opened.append(str(getattr(fileobj, "name", "")))
            return real.from_file(fileobj, key=key)

    monkeypatch.setattr(zoneinfo, "ZoneInfo", NoSystemLookup)
    zone = load_zone("Asia/Almaty")
    assert str(zone) == "Asia/Almaty"
    noon = datetime.datetime(2024, 11, 28, 12, tzinfo=zone)
    assert noon.utcoffset() == datetime.timedelta(hours=5)
    assert len(opened) == 1
    assert "tzdata" in opened[0]
    assert utcoffset_on("Asia/Almaty", datetime.date(2024, 11, 28)) == datetime.timedelta(hours=5)


# --- strategies -----------------------------------------------------------------------------


@given(iso_dates(datetime.date(2024, 2, 1), datetime.date(2024, 3, 31)))
def test_iso_dates_respects_bounds(day: pendulum.Date) -> None:
    assert type(day) is pendulum.Date
    assert datetime.date(2024, 2, 1) <= day <= datetime.date(2024, 3, 31)


@given(partial_dates(min_year=1999, max_year=2001, qualifiers=False))
def test_partial_dates_respects_arguments(d: PartialDate) -> None:
    assert 1999 <= d.year <= 2001
    assert d.qualifier is None


@pytest.mark.parametrize(
    "condition",
    [
        lambda d: d.precision is Precision.YEAR,
        lambda d: d.precision is Precision.MONTH,
        lambda d: d.precision is Precision.DAY,
        lambda d: d.month == 2 and d.day == 29,
        lambda d: d.day is not None and d.day == d.latest.days_in_month and d.month != 2,
        lambda d: d.qualifier is None,
        lambda d: d.qualifier is Qualifier.UNCERTAIN,
        lambda d: d.qualifier is Qualifier.APPROXIMATE,
        lambda d: d.qualifier is Qualifier.UNCERTAIN_APPROXIMATE,
    ],
)
def test_partial_dates_covers(condition: Any) -> None:
    assert condition(find(partial_dates(), condition))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"min_year": 0},
        {"max_year": 10000},
        {"min_year": 2000, "max_year": 1999},
        {"min_year": True},
        {"qualifiers": 1},
    ],
)
def test_partial_dates_invalid_arguments(kwargs: dict[str, Any]) -> None:
    with pytest.raises(InvalidArgument):
        partial_dates(**kwargs)


def test_dates_module_exports() -> None:
    assert sorted(dates.__all__) == sorted(
        [
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
    )


# --- intervals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2026-01-29/2026-11-27", (2026, 1, 29), (2026, 11, 27)),
        ("2026/2026-11-27", (2026, 1, 1), (2026, 11, 27)),
        ("2026-01~/2026-03", (2026, 1, 1), (2026, 3, 31)),
        ("2026-12/2026", (2026, 12, 1), (2026, 12, 31)),
        ("2026/2026-01-01", (2026, 1, 1), (2026, 1, 1)),
        ("2024-02-29?/2024-02%", (2024, 2, 29), (2024, 2, 29)),
        ("0001/9999", (1, 1, 1), (9999, 12, 31)),
        ("2026-01-29/2026-01-29", (2026, 1, 29), (2026, 1, 29)),
    ],
)
def test_interval_bounds_table(
    text: str, earliest: tuple[int, int, int], latest: tuple[int, int, int]
) -> None:
    d = PartialDate.parse(text)
    assert d.is_interval
    assert d.precision is Precision.INTERVAL
    assert (d.earliest, d.latest) == (pendulum.Date(*earliest), pendulum.Date(*latest))
    assert str(d) == text
    assert re.fullmatch(EDTF_PATTERN, text, re.ASCII)


@given(intervals())
def test_interval_accessors(d: PartialDate) -> None:
    start, end = d.start, d.end
    assert start is not None and end is not None
    assert not start.is_interval and not end.is_interval
    assert str(d) == f"{start}/{end}"
    assert d.earliest == start.earliest and d.latest == end.latest
    assert (d.year, d.month, d.day, d.qualifier) == (
        start.year,
        start.month,
        start.day,
        start.qualifier,
    )
    assert PartialDate.between(start, end) == d
    assert d.is_uncertain == (start.is_uncertain or end.is_uncertain)
    assert d.is_approximate == (start.is_approximate or end.is_approximate)
    assert d.sort_key == (start.earliest, end.latest)


@given(partial_dates())
def test_single_dates_have_no_ends(d: PartialDate) -> None:
    assert not d.is_interval
    assert d.start is None and d.end is None
    assert "/" not in str(d)
    assert d.precision is not Precision.INTERVAL


@given(any_partial_dates(), any_partial_dates())
def test_equality_is_of_the_written_form(a: PartialDate, b: PartialDate) -> None:
    assert (a == b) == (str(a) == str(b))
    if a == b:
        assert hash(a) == hash(b)


def test_equal_bounds_are_not_equal_dates() -> None:
    year = PartialDate.parse("2026")
    spelled = PartialDate.parse("2026-01-01/2026-12-31")
    assert year.sort_key == spelled.sort_key
    assert year != spelled
    assert {year, spelled, PartialDate.parse("2026")} == {year, spelled}
    with pytest.raises(TypeError):
        assert year < spelled  # no order but sort_key


def test_interval_repr_and_fields() -> None:
    d = PartialDate.parse("2026-01~/2026-03")
    assert d == PartialDate(2026, 1, qualifier=Qualifier.APPROXIMATE, end=PartialDate(2026, 3))
    assert repr(d) == (
        "PartialDate(year=2026, month=1, day=None, qualifier=<Qualifier.APPROXIMATE: '~'>, "
        "end=PartialDate(year=2026, month=3, day=None, qualifier=None))"
    )
    assert repr(PartialDate(2026, 3)) == (
        "PartialDate(year=2026, month=3, day=None, qualifier=None)"
    )
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        d.end = None  # type: ignore[misc]


def test_the_issue_example_interval() -> None:
    done = PartialDate.parse("2026-01-29/2026-11-27")
    assert str(done.start) == "2026-01-29" and str(done.end) == "2026-11-27"
    assert done.contains(datetime.date(2026, 6, 1))
    assert not done.contains(datetime.date(2026, 1, 28))


INTERVAL_REJECTED = [
    ("2026/..", "open ('..') and unknown (empty) interval ends are not supported"),
    ("../2026", "open ('..') and unknown (empty) interval ends are not supported"),
    ("2026/", "open ('..') and unknown (empty) interval ends are not supported"),
    ("/2026", "open ('..') and unknown (empty) interval ends are not supported"),
    ("2027/2026", "invalid EDTF interval '2027/2026': the interval's start 2027 is after"),
    ("2026-01-29/2026-01-28", "the interval's start 2026-01-29 is after its end 2026-01-28"),
    ("2026-02/2026-01", "the interval's start 2026-02 is after its end 2026-01"),
    ("2026-02-30/2026-03", "invalid EDTF interval '2026-02-30/2026-03': day 30 is out of range"),
    ("2026/2026-02-30", "invalid EDTF interval '2026/2026-02-30': end: day 30 is out of range"),
    ("2026/2026-13", "end: month 13 is out of range 1..12"),
    ("0000/2026", "year 0 is out of range"),
    ("2026/2027/2028", "expected an EDTF interval START/END"),
    ("2026//2027", "expected an EDTF interval START/END"),
    ("2026 /2027", "expected an EDTF interval START/END"),
    ("2026/2027 ", "expected an EDTF interval START/END"),
    ("2026/2027\n", "expected an EDTF interval START/END"),
    ("2026-1/2027", "expected an EDTF interval START/END"),
    ("2026/2027??", "expected an EDTF interval START/END"),
    ("2026\u22152027", "expected an EDTF date"),  # division slash
    ("../..", "open ('..') and unknown (empty) interval ends"),
    ("/", "open ('..') and unknown (empty) interval ends"),
]


@pytest.mark.parametrize(("text", "needle"), INTERVAL_REJECTED)
def test_interval_parse_rejects(text: str, needle: str) -> None:
    with pytest.raises(DataError) as info:
        PartialDate.parse(text)
    message = only_problem(info.value)
    assert needle in message
    assert repr(text) in message
    assert dates.partial_date_or_none(text) is None


def test_interval_constructor_errors() -> None:
    with pytest.raises(TypeError, match="end must be a PartialDate"):
        PartialDate(2026, end="2026-11")  # type: ignore[arg-type]
    with pytest.raises(DataError) as info:
        PartialDate(2026, end=PartialDate.parse("2026/2027"))
    assert "an interval's end must be a single date" in only_problem(info.value)
    with pytest.raises(DataError) as info:
        PartialDate(2027, end=PartialDate(2026, 12, 31))
    assert only_problem(info.value) == "the interval's start 2027 is after its end 2026-12-31"
    with pytest.raises(TypeError, match="start must be a PartialDate"):
        PartialDate.between("2026", PartialDate(2026))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="end must be a PartialDate"):
        PartialDate.between(PartialDate(2026), None)  # type: ignore[arg-type]
    with pytest.raises(DataError) as info:
        PartialDate.between(PartialDate.parse("2025/2026"), PartialDate(2026))
    assert "an interval's start must be a single date" in only_problem(info.value)


class _Subclass(PartialDate):
    pass


def test_subclasses_parse_intervals_through_the_constructor() -> None:
    d = _Subclass.parse("2026-01~/2026-03")
    assert type(d) is _Subclass and type(d.end) is _Subclass
    assert str(d) == "2026-01~/2026-03"
    assert _Subclass.parse("2026").end is None
    with pytest.raises(DataError) as info:
        _Subclass.parse("2026/2026-02-30")
    assert "end: day 30" in only_problem(info.value)


@given(any_partial_dates())
def test_fast_path_equals_the_constructor(d: PartialDate) -> None:
    # partial_date_or_none builds objects from slots; they must equal constructed ones.
    fast = dates.partial_date_or_none(str(d))
    assert fast == d and hash(fast) == hash(d) and repr(fast) == repr(d)
    assert fast is not None and fast.start == d.start and fast.end == d.end
    assert (fast.earliest, fast.latest, fast.precision) == (d.earliest, d.latest, d.precision)


def test_the_pattern_is_read_alike_by_python_and_ecma_262() -> None:
    # Only literal characters, explicit ASCII classes, counted repeats, non-capturing groups
    # and ? as a quantifier: no \d, no lookaround, no named groups, no anchors, no flags.
    token = r"(?:\[[0-9?~%]+(?:-[0-9]+)?\]|\[0-9\]|\{[0-9]+\}|\(\?:|[()?/\-])"
    assert re.fullmatch(f"(?:{token})+", EDTF_PATTERN), EDTF_PATTERN
    for forbidden in ("\\d", "(?<", "(?=", "(?!", "(?P", "^", "$", "\\A", "\\Z"):
        assert forbidden not in EDTF_PATTERN
