"""A timeline chart of the program, PNG or SVG, drawn with matplotlib: a tracking Gantt.

matplotlib is an optional dependency (``pip install 'csto-program[plot]'``); it is imported
only when a chart is drawn, and its absence raises an ``ImportError`` naming the extra.

What a reader sees, top to bottom:

* the program's title, the day drawn (and the day whose knowledge is used) with the
  headline of :func:`csto_program.export.text.headline`, and the plan in use;
* **Key dates**: the adoption (a star), each plan's announcement (a triangle, labelled
  ``plan 2``) and ``as of``, labelled in short text and stacked so that no two labels
  overlap, each with a thin line down through the stages;
* one row per stage: the plan in use's bar, coloured by the stage's state on ``as_of``, with
  the first plan's bar ghosted (hatched, unfilled) beneath it, so a rescheduled stage shows
  as a shifted bar; the last day written in the bar when it fits; a circle for each progress
  report on the day its progress refers to, labelled with the progress in words (reports
  close together share one label: ``in progress ×2``). The row's label gives the stage's
  name and its state in words (:func:`~csto_program.export.text.state_words`);
* a row of meetings (squares) and statements (dots); a date known only to the month or the
  year is a band from its earliest day to the day after its latest;
* a legend for every kind of mark drawn, and a footnote counting the events outside the
  chart's period.

By default the chart shows the program's own period: from the adoption (or the first day
of a plan, or ``as_of``, when earlier) to the end of the term of the plan in use (or of the
first plan, or ``as_of``, when later). ``since`` starts it on an earlier day, to show the
history before the adoption. Each year on the axis has its label (over forty years, every
second, fifth or tenth year).

Colours have one meaning each: six for the stage states, brown for the key dates and
progress reports, grey for meetings and statements, teal for ``as of``, black hatching for
the first plan. Words and the order of events come from :mod:`csto_program.export.text`.

The geometry (:mod:`._layout`: days, ticks, lanes, rows, colours, labels) needs no drawing
library; matplotlib (:mod:`._draw`) draws it as PNG or SVG, and :func:`chart_svg` writes it as
SVG markup of its own, with no matplotlib, for the HTML report.

The output does not depend on the machine or the clock: the figure is drawn from
matplotlib's default settings (not the user's ``matplotlibrc``) with the DejaVu Sans font
that matplotlib ships, tick labels are plain numbers written by this module (no locale, no
time zone), math text is off (a ``$`` in a title stays a dollar sign), every label is cut to
a sane length and cleaned of control characters before it is drawn, SVG text stays text
(``svg.fonttype: none``) with a fixed ``svg.hashsalt`` and no date, and PNG output carries no
software or time stamp: the same input gives the same bytes.

>>> import datetime, pathlib, tempfile
>>> from csto_program.datasets import tajik_afghan_border
>>> with tempfile.TemporaryDirectory() as folder:
...     path = pathlib.Path(folder) / "timeline.svg"
...     plot_timeline(tajik_afghan_border(), path, as_of=datetime.date(2026, 1, 29))
...     path.read_bytes().startswith(b"<?xml")
True
"""

from __future__ import annotations

import datetime
import io
import os
import pathlib

from csto_program.dates import as_date
from csto_program.export.plot._layout import TITLE_LENGTH, label
from csto_program.model import Program
from csto_program.words import STALE_AFTER

__all__ = [
    "PLOT_FORMATS",
    "TITLE_LENGTH",
    "chart_svg",
    "label",
    "plot_bytes",
    "plot_timeline",
    "png_bytes",
    "svg_bytes",
]

PLOT_FORMATS: tuple[str, ...] = ("png", "svg")
"""The image formats :func:`plot_timeline` writes, chosen by the path's suffix.

>>> PLOT_FORMATS
('png', 'svg')
"""


def _format_of(path: str | os.PathLike[str]) -> str:
    suffix = pathlib.Path(os.fspath(path)).suffix
    fmt = suffix.lower().removeprefix(".")
    if fmt not in PLOT_FORMATS:
        raise ValueError(
            f"cannot tell the image format from {suffix or 'no suffix'!r}: "
            "the path must end in .png or .svg"
        )
    return fmt


def _save(
    program: Program,
    as_of: datetime.date,
    known_on: datetime.date | None,
    since: datetime.date | None,
    target: str | io.BytesIO,
    fmt: str,
    stale_after: int = STALE_AFTER,
) -> None:
    from csto_program.export.plot._draw import save

    save(program, as_of, known_on, since, target, fmt, stale_after)


def _check(
    program: object, as_of: object, known_on: object, since: object
) -> tuple[datetime.date, datetime.date | None, datetime.date | None]:
    if not isinstance(program, Program):
        raise TypeError(f"program must be a Program, not {type(program).__name__}")
    day = as_date(as_of, "as_of")
    known = None if known_on is None else as_date(known_on, "known_on")
    start = None if since is None else as_date(since, "since")
    return day, known, start


def plot_bytes(
    program: Program,
    fmt: str,
    *,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    since: datetime.date | None = None,
    stale_after: int = STALE_AFTER,
) -> bytes:
    """The timeline chart as PNG or SVG bytes (``fmt`` is ``"png"`` or ``"svg"``).

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> plot_bytes(tajik_afghan_border(), "png", as_of=datetime.date(2026, 1, 29))[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    day, known, start = _check(program, as_of, known_on, since)
    if fmt not in PLOT_FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; expected one of {PLOT_FORMATS}")
    buffer = io.BytesIO()
    _save(program, day, known, start, buffer, fmt, stale_after)
    return buffer.getvalue()


def plot_timeline(
    program: Program,
    path: str | os.PathLike[str],
    *,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    since: datetime.date | None = None,
    stale_after: int = STALE_AFTER,
) -> None:
    """Draw the program's timeline on ``as_of`` to ``path``, PNG or SVG by its suffix.

    ``known_on`` (default ``as_of``) chooses the plan in use and the reports that count;
    ``since`` starts the chart on that day instead of at the program's own period. Any other
    suffix than ``.png`` or ``.svg`` raises ``ValueError`` before matplotlib is imported.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> plot_timeline(tajik_afghan_border(), "timeline.pdf", as_of=datetime.date(2026, 1, 29))
    Traceback (most recent call last):
    ...
    ValueError: cannot tell the image format from '.pdf': the path must end in .png or .svg
    """
    day, known, start = _check(program, as_of, known_on, since)
    fmt = _format_of(path)
    _save(program, day, known, start, os.fspath(path), fmt, stale_after)


def png_bytes(
    program: Program,
    *,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    stamp: datetime.datetime | None = None,
    stale_after: int = STALE_AFTER,
) -> bytes:
    """The chart as PNG: the ``png`` format of :func:`csto_program.export.render`
    (``stamp`` is not used: the image carries no time).

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> png_bytes(tajik_afghan_border(), as_of=datetime.date(2026, 1, 29))[1:4]
    b'PNG'
    """
    return plot_bytes(program, "png", as_of=as_of, known_on=known_on, stale_after=stale_after)


def svg_bytes(
    program: Program,
    *,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    stamp: datetime.datetime | None = None,
    stale_after: int = STALE_AFTER,
) -> bytes:
    """The chart as SVG: the ``svg`` format of :func:`csto_program.export.render`
    (``stamp`` is not used: the image carries no time).

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> b"<text" in svg_bytes(tajik_afghan_border(), as_of=datetime.date(2026, 1, 29))
    True
    """
    return plot_bytes(program, "svg", as_of=as_of, known_on=known_on, stale_after=stale_after)


def chart_svg(
    program: Program,
    *,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    since: datetime.date | None = None,
    stale_after: int = STALE_AFTER,
) -> str:
    """The timeline chart as an ``<svg>`` element to put inside an HTML page, written by
    this library from the chart's geometry, with no matplotlib: real ``<text>``, no
    script, no external reference, the same input giving the same text.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> svg = chart_svg(tajik_afghan_border(), as_of=datetime.date(2026, 1, 29))
    >>> svg.startswith("<svg "), ">as of 2026-01-29</text>" in svg
    (True, True)
    """
    from csto_program.export.plot._layout import chart
    from csto_program.export.plot._svg import to_svg

    day, known, start = _check(program, as_of, known_on, since)
    return to_svg(chart(program, day, known, start, stale_after))
