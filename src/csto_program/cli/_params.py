"""The command line's parameter types and shared options, and the one clock read.

:func:`today` is the only place in the whole library that reads the clock, once per command
(:func:`clock_day`): it is the default of ``--as-of`` and the day the word ``today`` names
wherever a day is taken (``--known-on today``).

>>> shown("2025-1-01"), shown(""), shown("9" * 100)[-4:]
("'2025-1-01'", "''", "99…'")
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

import click
import pendulum

import csto_program._terminal as _terminal
from csto_program.dates import as_date, parse_iso_date
from csto_program.errors import DataError

__all__ = [
    "ISO_DATE",
    "FileName",
    "IsoDateType",
    "MonthsType",
    "WholeNumberType",
    "as_of_option",
    "clock_day",
    "days",
    "file_argument",
    "known_on_option",
    "max_bytes_option",
    "months_option",
    "shown",
    "stale_after_option",
    "today",
    "whole_number",
    "wide_option",
]

ARG_WIDTH: Final = 60  # how much of a bad argument or value is echoed back
_NUMBER = re.compile(r"[0-9]{1,18}", re.ASCII)  # 10**18 months is far past year 9999


def today() -> pendulum.Date:
    """Today in the local time zone: the ONLY clock read in the library.

    It is the default of ``--as-of``; everything else takes the day explicitly.
    Tests replace it with ``monkeypatch``.

    >>> type(today()) is pendulum.Date
    True
    """
    return as_date(datetime.date.today())


_CLOCK_KEY: Final = "csto_program.today"


def clock_day() -> pendulum.Date:
    """Today, read from the clock once per command (kept in click's context), so that
    ``--as-of`` left out and ``--known-on today`` name the same day even across midnight.

    >>> type(clock_day()) is pendulum.Date
    True
    """
    context = click.get_current_context(silent=True)
    if context is None:
        return today()
    meta = context.find_root().meta
    if _CLOCK_KEY not in meta:
        meta[_CLOCK_KEY] = today()
    day: pendulum.Date = meta[_CLOCK_KEY]
    return day


def days(
    as_of: pendulum.Date | None, known_on: pendulum.Date | None
) -> tuple[pendulum.Date, pendulum.Date, str]:
    """The day to report on, the day of knowledge (default: the day to report on), and how
    to name them in a heading: every heading states both days.

    >>> days(pendulum.Date(2026, 1, 29), pendulum.Date(2025, 6, 1))[2]
    '2026-01-29, as known on 2025-06-01'
    >>> days(pendulum.Date(2026, 1, 29), None)[1:]
    (Date(2026, 1, 29), '2026-01-29, as known on 2026-01-29')
    """
    day = clock_day() if as_of is None else as_of
    known = day if known_on is None else known_on
    from csto_program._i18n import gettext as _

    name = _("{day} (today)").format(day=day) if as_of is None else str(day)
    name = _("{day}, as known on {known}").format(day=name, known=known)
    return day, known, name


def shown(value: object) -> str:
    """A bad argument as echoed back: quoted, escaped and cut short."""
    return f"'{_terminal.display(value, ARG_WIDTH)}'"


def whole_number(value: str) -> int:
    """A whole number in ASCII digits (``int()`` would also take ``1_0``, ``٦٠``, ``-1``).

    >>> whole_number(" 60 ")
    60
    """
    stripped = value.strip()
    if not _NUMBER.fullmatch(stripped):
        raise ValueError(f"expected a whole number, got {shown(value)}")
    return int(stripped)


# click 8.4 made ParamType generic; subscripting it fails on the older versions we support.
if TYPE_CHECKING:
    _DateParam = click.ParamType[pendulum.Date]
    _MonthsParam = click.ParamType[tuple[int, ...]]
    _IntParam = click.ParamType[int]
else:
    _DateParam = _MonthsParam = _IntParam = click.ParamType


class IsoDateType(_DateParam):
    """A strict ``YYYY-MM-DD`` date, or the word ``today`` (:func:`clock_day`)."""

    name = "date"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> pendulum.Date:
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return as_date(value)
        if isinstance(value, str) and value.strip().casefold() == "today":
            return clock_day()
        try:
            return parse_iso_date(str(value))
        except DataError:
            self.fail(f"expected an ISO date YYYY-MM-DD, got {shown(value)}", param, ctx)


class MonthsType(_MonthsParam):
    """Stage lengths in months, comma-separated: ``12,24,24``."""

    name = "months"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[int, ...]:
        if isinstance(value, tuple):
            return value
        try:
            return tuple(whole_number(part) for part in str(value).split(","))
        except ValueError as exc:
            self.fail(f"expected months separated by commas, e.g. 12,24,24: {exc}", param, ctx)


class WholeNumberType(_IntParam):
    """A whole number written with ASCII digits only."""

    name = "integer"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            return whole_number(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class FileName(click.Path):
    """A file name (``-``: standard input or output); one holding a NUL character, which no
    file name can, is a usage error rather than a failure to open it.

    Whether the file can be read is not checked here: a file that cannot be read is bad
    data (exit status 1), reported when it is read, and ``validate`` goes on to the next.
    """

    def __init__(self, *, dir_okay: bool = True) -> None:
        super().__init__(dir_okay=dir_okay, readable=False)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and "\x00" in value:
            self.fail(f"no file name can hold a NUL character: {shown(value)}", param, ctx)
        return super().convert(value, param, ctx)


ISO_DATE: Final = IsoDateType()


def as_of_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--as-of YYYY-MM-DD``."""
    return click.option(
        "--as-of",
        type=ISO_DATE,
        metavar="YYYY-MM-DD",
        help="The day to report on, or 'today' (default: today).",
    )(f)


def known_on_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--known-on YYYY-MM-DD``."""
    return click.option(
        "--known-on",
        type=ISO_DATE,
        metavar="YYYY-MM-DD",
        help="Show only what was known by this day, or 'today' (default: --as-of).",
    )(f)


def stale_after_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--stale-after DAYS``: when the headline warns that the newest report is old."""
    # imported here, by the commands that take the option, not by every command's --help
    from csto_program.status import STALE_AFTER

    return click.option(
        "--stale-after",
        type=WholeNumberType(),
        default=STALE_AFTER,
        show_default=True,
        metavar="DAYS",
        help="Warn when an active or overdue stage has had no progress report for more "
        "than DAYS days.",
    )(f)


def wide_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--wide``: whole lines on a terminal too."""
    return click.option(
        "--wide",
        is_flag=True,
        help="Print whole lines on a terminal too (in a pipe nothing is ever cut).",
    )(f)


def months_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--months N,N,...``, by default the rule's stages."""
    from csto_program.rules import DEFAULT_MONTHS

    return click.option(
        "--months",
        type=MonthsType(),
        default=",".join(map(str, DEFAULT_MONTHS)),
        show_default=True,
        metavar="N,N,...",
        help="Stage lengths in months.",
    )(f)


def file_argument(f: Callable[..., Any]) -> Callable[..., Any]:
    """An optional ``FILE`` (the embedded record without one)."""
    return click.argument("file", required=False, type=FileName())(f)


def max_bytes_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--max-bytes N``, by default the document cap."""
    from csto_program._files import MAX_DOCUMENT_BYTES

    return click.option(
        "--max-bytes",
        type=WholeNumberType(),
        default=MAX_DOCUMENT_BYTES,
        show_default=True,
        metavar="N",
        help="Refuse a document (or a package file) larger than this.",
    )(f)
