"""Which progress report describes a stage on a day, and how late an uncertain completion is.

Pure functions of dates: they read a report's ``as_of``, ``reported_on`` and its position
in the record, and nothing else, so they work on any object of that shape
(:class:`DatedReport`), and the status of a program, its views and ``validate`` can share
one rule.

**The rule.** Among the reports known on ``known_on`` (``reported_on.latest <= known_on``)
whose day (``as_of``, or ``reported_on`` when it has none) may be on or before ``as_of``
(its earliest day is), the one that describes the stage is chosen in three steps:

1. a report whose day is *surely earlier* than another candidate's (its latest day before
   the other's earliest) is out: the other one is news of a later day;
2. of the rest, whose days all overlap pairwise, the one *published later* wins
   (``reported_on.latest``, then ``reported_on.earliest``);
3. a full tie goes to the report *later in the record*.

The steps are applied in this order because the pairwise rule alone ("surely later wins;
on overlap, published later wins") is not transitive: with days A = January, B = 15 January
to 15 February, C = February, published in March, February and January, C beats A (surely
later), A beats B and B beats C (published later). Step 1 removes A first, then B wins.

>>> import datetime
>>> from csto_program.dates import PartialDate
>>> from csto_program.model import ProgressReport
>>> progress = ProgressReport(id="r1", stage=1, progress="in_progress",
...                           reported_on="2026-01-29")
>>> done = ProgressReport(id="r2", stage=1, progress="completed", reported_on="2026-11-27",
...                       as_of="2026-01-29/2026-11-27")
>>> describing_report([progress, done], datetime.date(2026, 12, 6)).id
'r2'
>>> days_late(done.as_of, datetime.date(2026, 1, 1))
(29, 331)
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Protocol, TypeVar

from csto_program.dates import PartialDate, as_date, days_between

__all__ = [
    "DatedReport",
    "days_late",
    "describing_index",
    "describing_report",
    "report_day",
    "surely_before",
]


class DatedReport(Protocol):
    """What the rule reads of a report: the day it describes and the day it was published.

    Its third input, the report's position in the record, is its index in the sequence
    given to :func:`describing_report`. :class:`~csto_program.model.ProgressReport` is one.

    >>> from csto_program.model import ProgressReport
    >>> report: DatedReport = ProgressReport(id="r", stage=1, progress="in_progress",
    ...                                      reported_on="2026-01-29")
    >>> report.as_of is None, str(report.reported_on)
    (True, '2026-01-29')
    """

    @property
    def as_of(self) -> PartialDate | None:
        """The day the report describes; ``None``: the day it was published."""

    @property
    def reported_on(self) -> PartialDate:
        """The day the report was published."""


_R = TypeVar("_R", bound=DatedReport)


def report_day(report: DatedReport) -> PartialDate:
    """The day a report describes: its ``as_of``, or when it has none its ``reported_on``.

    >>> from csto_program.model import ProgressReport
    >>> report = ProgressReport(id="r", stage=1, progress="completed", reported_on="2026-11-27")
    >>> str(report_day(report))
    '2026-11-27'
    """
    as_of = report.as_of
    return report.reported_on if as_of is None else as_of


def surely_before(first: PartialDate, second: PartialDate) -> bool:
    """Whether every day ``first`` can denote is before every day ``second`` can denote
    (``first.latest < second.earliest``).

    >>> surely_before(PartialDate.parse("2026-01-29"), PartialDate.parse("2026-02"))
    True
    >>> surely_before(PartialDate.parse("2026-01-29"), PartialDate.parse("2026"))
    False
    """
    return first.latest < second.earliest


def describing_index(
    reports: Sequence[DatedReport],
    as_of: datetime.date,
    *,
    known_on: datetime.date | None = None,
) -> int | None:
    """The index in ``reports`` (in record order) of the report that describes the stage on
    ``as_of`` as known on ``known_on`` (default: ``as_of``), by the module's rule; ``None``
    when no report counts.

    >>> import datetime
    >>> from csto_program.model import ProgressReport
    >>> reports = [
    ...     ProgressReport(id="a", stage=1, progress="in_progress", reported_on="2026-01-29"),
    ...     ProgressReport(id="b", stage=1, progress="completed", reported_on="2026-11-27",
    ...                    as_of="2026"),
    ... ]
    >>> describing_index(reports, datetime.date(2026, 12, 6))
    1
    >>> describing_index(reports, datetime.date(2026, 12, 6), known_on=datetime.date(2026, 6, 1))
    0
    >>> describing_index(reports, datetime.date(2025, 12, 31)) is None
    True
    """
    day = as_date(as_of, "as_of")
    known = day if known_on is None else as_date(known_on, "known_on")
    if isinstance(reports, (str, bytes)) or not isinstance(reports, Sequence):
        raise TypeError(f"reports must be a sequence of reports, got {type(reports).__name__}")
    pool: list[tuple[int, PartialDate, PartialDate]] = []
    for index, report in enumerate(reports):
        reported_on = getattr(report, "reported_on", None)
        when = getattr(report, "as_of", None)
        if not isinstance(reported_on, PartialDate) or not (
            when is None or isinstance(when, PartialDate)
        ):
            raise TypeError(
                f"reports[{index}] must have a PartialDate reported_on and as_of (or None), "
                f"got {type(report).__name__}"
            )
        when = reported_on if when is None else when
        if reported_on.latest <= known and when.earliest <= day:
            pool.append((index, when, reported_on))
    if not pool:
        return None
    # Step 1. A candidate is surely earlier than another exactly when its latest day is
    # before the largest earliest day of all candidates; the report holding that largest
    # earliest day is never surely earlier than anyone, so something is always kept.
    frontier = max(when.earliest for _, when, _ in pool)
    kept = [item for item in pool if item[1].latest >= frontier]
    # Steps 2 and 3: published later, then later in the record.
    return max(kept, key=lambda item: (item[2].latest, item[2].earliest, item[0]))[0]


def describing_report(
    reports: Sequence[_R],
    as_of: datetime.date,
    *,
    known_on: datetime.date | None = None,
) -> _R | None:
    """The report of ``reports`` (in record order) that describes the stage on ``as_of`` as
    known on ``known_on`` (default: ``as_of``), by the module's rule, or ``None``.

    >>> import datetime
    >>> from csto_program.model import ProgressReport
    >>> older = ProgressReport(id="old", stage=1, progress="in_progress",
    ...                        reported_on="2026-03-01", as_of="2026-01")
    >>> newer = ProgressReport(id="new", stage=1, progress="in_progress",
    ...                        reported_on="2026-02-01", as_of="2026-02-01")
    >>> describing_report([older, newer], datetime.date(2026, 3, 1)).id
    'new'
    >>> describing_report([], datetime.date(2026, 3, 1)) is None
    True
    """
    index = describing_index(reports, as_of, known_on=known_on)
    return None if index is None else reports[index]


def days_late(completed_on: PartialDate, end: datetime.date) -> tuple[int, int]:
    """How many days after its window's last day a stage was completed, as
    ``(least, most)``: the completion's earliest and latest possible days, counted from the
    last day, ``end - 1`` (``end`` is the window's exclusive end).

    Positive means late (1 on the day after the last day), 0 on the last day, negative
    that many days early; the same count as a stage's ``days_overdue``. ``least == most``
    when the completion is known to the day.

    >>> import datetime
    >>> end = datetime.date(2026, 1, 1)  # the window's last day is 2025-12-31
    >>> days_late(PartialDate.parse("2026-01-29/2026-11-27"), end)
    (29, 331)
    >>> days_late(PartialDate.parse("2025-12"), end)
    (-30, 0)
    >>> days_late(PartialDate.parse("2026-01-01"), end)
    (1, 1)
    """
    if not isinstance(completed_on, PartialDate):
        raise TypeError(f"completed_on must be a PartialDate, not {type(completed_on).__name__}")
    end_day = as_date(end, "end")
    # days_between(last_day, day) with last_day = end - 1, without computing end - 1 (which
    # would not exist for an end of 0001-01-01).
    return (
        days_between(end_day, completed_on.earliest) + 1,
        days_between(end_day, completed_on.latest) + 1,
    )
