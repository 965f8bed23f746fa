"""The rules a plan's schedule must follow: pure functions of dates and month counts.

A plan starts on a day, lasts ``term_months`` and is cut into stages numbered 1..n. Each
stage is a half-open window ``[start, end)``; stages do not overlap and stay inside the
term; when the plan says so (``first_stage_months``), stage one lasts exactly that many
months. Every boundary is the start plus the cumulative months in ONE calendar addition
(pendulum's, which clamps month ends), so boundaries never drift:

>>> import datetime
>>> [str(day) for day in stage_boundaries(datetime.date(2024, 1, 31), (12, 13, 35))]
['2024-01-31', '2025-01-31', '2026-02-28', '2029-01-31']

These are the plan's own parameters, not the library's law: a 6/12/18-month plan with a
36-month term is as valid as the CSTO program's 12/24/24 months in 60.

>>> [str(day) for day in stage_boundaries(datetime.date(2025, 1, 1), (6, 12, 18), 36, None)]
['2025-01-01', '2025-07-01', '2026-07-01', '2028-01-01']
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from typing import Final

import pendulum

from csto_program.dates import add_months, as_date
from csto_program.errors import ScheduleError, short_repr

__all__ = [
    "DEFAULT_FIRST_STAGE_MONTHS",
    "DEFAULT_MONTHS",
    "DEFAULT_TERM_MONTHS",
    "schedule_problems",
    "stage_boundaries",
]

DEFAULT_MONTHS: Final[tuple[int, ...]] = (12, 24, 24)
"""Stage lengths in months of the CSTO program: stage one a year, stages two and three the rest.

>>> DEFAULT_MONTHS, sum(DEFAULT_MONTHS) == DEFAULT_TERM_MONTHS
((12, 24, 24), True)
"""

DEFAULT_TERM_MONTHS: Final = 60
"""A plan's term unless it says otherwise: five years.

>>> DEFAULT_TERM_MONTHS // 12
5
"""

DEFAULT_FIRST_STAGE_MONTHS: Final = 12
"""How long stage one must last unless a plan says otherwise (``None`` means no rule).

>>> DEFAULT_FIRST_STAGE_MONTHS
12
"""


def _int(name: str, value: object) -> int:
    if type(value) is not int:
        raise TypeError(f"{name} must be int, got {type(value).__name__} {short_repr(value)}")
    return value


def stage_boundaries(
    start: datetime.date,
    months: Sequence[int] = DEFAULT_MONTHS,
    term_months: int = DEFAULT_TERM_MONTHS,
    first_stage_months: int | None = DEFAULT_FIRST_STAGE_MONTHS,
) -> tuple[pendulum.Date, ...]:
    """The first day of each stage and the day after the last, for these stage lengths.

    Every length must be positive, stage one must last ``first_stage_months`` (unless it is
    ``None``) and the lengths together must fit in ``term_months``; otherwise
    :class:`~csto_program.ScheduleError`, as for a boundary past year 9999.

    >>> import datetime
    >>> stage_boundaries(datetime.date(2025, 1, 1), (6, 24, 30))
    Traceback (most recent call last):
    ...
    csto_program.errors.ScheduleError: 1 problem:
      $: stage one must last 12 months, got 6
    """
    start = as_date(start, "start")
    _int("term_months", term_months)
    if first_stage_months is not None:
        _int("first_stage_months", first_stage_months)
    if isinstance(months, (str, bytes)) or not isinstance(months, Sequence):
        raise TypeError(f"months must be a sequence of int, got {type(months).__name__}")
    lengths = tuple(_int(f"months[{i}]", m) for i, m in enumerate(months))
    if term_months < 1:
        raise ScheduleError(f"term_months must be positive, got {short_repr(term_months)}")
    if not lengths:
        raise ScheduleError("a plan needs at least one stage")
    for index, length in enumerate(lengths):
        if length < 1:
            raise ScheduleError(
                f"stage {index + 1} must last a positive number of months, got {short_repr(length)}"
            )
    if first_stage_months is not None and lengths[0] != first_stage_months:
        raise ScheduleError(
            f"stage one must last {short_repr(first_stage_months)} months, "
            f"got {short_repr(lengths[0])}"
        )
    if sum(lengths) > term_months:
        raise ScheduleError(
            f"stages last {short_repr(sum(lengths))} months in all, "
            f"beyond the term of {short_repr(term_months)} months"
        )
    add_months(start, term_months)  # the term itself must end by year 9999
    boundaries = [start]
    total = 0
    for length in lengths:
        total += length
        boundaries.append(add_months(start, total))  # one addition from the start
    return tuple(boundaries)


def schedule_problems(
    starts_on: datetime.date,
    windows: Sequence[tuple[int, datetime.date, datetime.date]],
    term_months: int,
    first_stage_months: int | None,
) -> Iterator[tuple[str, str]]:
    """Every way the stage ``windows`` (number, start, end) break a plan's rules.

    Paths are relative to the plan: ``$.stages[1].start``, ``$.term_months``.

    >>> import datetime
    >>> d = datetime.date
    >>> windows = [(1, d(2025, 1, 1), d(2025, 12, 1)), (2, d(2025, 11, 1), d(2027, 1, 1))]
    >>> for path, message in schedule_problems(d(2025, 1, 1), windows, 60, 12):
    ...     print(path, message)
    $.stages[0].end stage one must last 12 months: end 2026-01-01, got 2025-12-01
    $.stages[1].start stage 2 starts on 2025-11-01, before stage 1 ends on 2025-12-01
    """
    if term_months < 1:
        yield "$.term_months", f"term of {short_repr(term_months)} months is not positive"
        return
    if first_stage_months is not None and first_stage_months < 1:
        yield (
            "$.first_stage_months",
            f"stage one cannot last {short_repr(first_stage_months)} months",
        )
        return
    try:
        ends_on = add_months(starts_on, term_months)
    except ScheduleError as exc:
        yield "$.term_months", exc.problems[0][1]
        return
    if not windows:
        yield "$.stages", "a plan needs at least one stage"
        return
    for index, (number, _, _) in enumerate(windows):
        if number != index + 1:
            yield (
                f"$.stages[{index}].number",
                f"stage at position {index + 1} is numbered {short_repr(number)}; "
                "stages are numbered 1..n in order",
            )
    _, first_start, first_end = windows[0]
    if first_start != starts_on:
        yield (
            "$.stages[0].start",
            f"stage one starts on {first_start}, not on the plan's start {starts_on}",
        )
    elif first_stage_months is not None:
        try:
            expected = add_months(starts_on, first_stage_months)
        except ScheduleError as exc:
            yield "$.first_stage_months", exc.problems[0][1]
        else:
            if first_end != expected:
                yield (
                    "$.stages[0].end",
                    f"stage one must last {first_stage_months} months: "
                    f"end {expected}, got {first_end}",
                )
    for index in range(1, len(windows)):
        number_before, _, end_before = windows[index - 1]
        number, start, _ = windows[index]
        if start < end_before:
            yield (
                f"$.stages[{index}].start",
                f"stage {short_repr(number)} starts on {start}, before stage "
                f"{short_repr(number_before)} ends on "
                f"{end_before}",
            )
    last_number, _, last_end = windows[-1]
    if last_end > ends_on:
        yield (
            f"$.stages[{len(windows) - 1}].end",
            f"stage {short_repr(last_number)} ends on {last_end}, after the term ends on {ends_on}",
        )
