"""A timeline chart of the program, PNG or SVG, drawn with matplotlib.

matplotlib is an optional dependency (``pip install 'csto-program[plot]'``); it is imported
only when a chart is drawn, and its absence raises an ``ImportError`` naming the extra.

The chart has one row per stage (a bar over its half-open window, coloured by its state on
``as_of``, a tick where it was completed), a row of meetings and a row of statements (a
marker on each day known exactly; a date known only to the month or the year, or a
meeting lasting several days, is a band from its earliest day to the day after its latest),
a dotted line on the adoption day and a red line for ``as_of``.

The output does not depend on the machine: the figure is drawn from matplotlib's default
settings (not the user's ``matplotlibrc``) with the DejaVu Sans font that matplotlib ships,
tick labels are plain ``YYYY`` or ``YYYY-MM`` numbers written by this module (no locale,
no time zone), math text is off (a ``$`` in a title stays a dollar sign), and SVG output
has a fixed ``svg.hashsalt`` and no date, so the same input gives the same bytes.

>>> import datetime, pathlib, tempfile
>>> from csto_program import Program, plan_stages
>>> program = Program(id="demo", title="Demo", adopted_on=datetime.date(2024, 11, 28),
...                   starts_on=datetime.date(2025, 1, 1),
...                   stages=plan_stages(datetime.date(2025, 1, 1)))
>>> with tempfile.TemporaryDirectory() as folder:
...     path = pathlib.Path(folder) / "timeline.svg"
...     plot_timeline(program, path, as_of=datetime.date(2026, 1, 29))
...     path.read_bytes().startswith(b"<?xml")
True
"""

from __future__ import annotations

import datetime
import io
import math
import os
import pathlib
import textwrap
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any, cast

from csto_program.dates import PartialDate, Precision, as_date, format_iso_date
from csto_program.model import Program, Stage
from csto_program.schedule import StageState

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["PLOT_FORMATS", "plot_bytes", "plot_timeline"]

PLOT_FORMATS: tuple[str, ...] = ("png", "svg")
"""The image formats :func:`plot_timeline` writes, chosen by the path's suffix.

>>> PLOT_FORMATS
('png', 'svg')
"""

EXTRA = "csto-program[plot]"

_DPI = 150
_FONT_SIZE = 8
_WIDTH_INCHES = 10.0
_AXES_WIDTH = _WIDTH_INCHES * _DPI * 0.8  # pixels, leaving room for the tick labels
_SPAN_LABEL = "date known to the month or year, or several days"
_BOX = {"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1.0}
_COLOURS: dict[StageState, str] = {
    StageState.COMPLETED: "#2e7d32",
    StageState.COMPLETED_LATE: "#ef6c00",
    StageState.ACTIVE: "#1565c0",
    StageState.OVERDUE: "#c62828",
    StageState.UPCOMING: "#9e9e9e",
}
_AS_OF = "#d32f2f"
_MEETING = "#6a1b9a"
_STATEMENT = "#00838f"
_RC: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": _FONT_SIZE,
    "svg.fonttype": "path",
    "svg.hashsalt": "csto-program",
    "text.parse_math": False,
    "axes.formatter.use_locale": False,
    "figure.dpi": _DPI,
    "savefig.dpi": _DPI,
}


def _format_of(path: str | os.PathLike[str]) -> str:
    suffix = pathlib.Path(os.fspath(path)).suffix
    fmt = suffix.lower().removeprefix(".")
    if fmt not in PLOT_FORMATS:
        raise ValueError(
            f"cannot tell the image format from {suffix or 'no suffix'!r}: "
            "the path must end in .png or .svg"
        )
    return fmt


def _require_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            f"drawing a timeline needs matplotlib, which is optional: pip install '{EXTRA}'",
            name="matplotlib",
        ) from exc


def _day(day: datetime.date) -> float:
    """The x coordinate of the start of ``day`` (its proleptic Gregorian ordinal)."""
    return float(day.toordinal())


def _span(date: PartialDate, end: PartialDate | None = None) -> tuple[float, float]:
    """``(x, width)`` from the earliest day of ``date`` to the day after ``end``'s latest."""
    last = (end or date).latest
    start = _day(date.earliest)
    return start, _day(last) + 1.0 - start


def _nice(value: float) -> int:
    """The smallest 1, 2 or 5 times a power of ten that is at least ``value``."""
    power: int = 10 ** max(0, math.floor(math.log10(max(value, 1.0))))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    raise AssertionError("unreachable")  # pragma: no cover


def _ticks(low: float, high: float) -> tuple[list[float], list[str]]:
    """Ticks on the first day of years (or months, for short spans), labelled with digits."""
    first = datetime.date.fromordinal(max(1, math.ceil(low)))
    last = datetime.date.fromordinal(min(datetime.date.max.toordinal(), math.floor(high)))
    years = last.year - first.year
    ticks: list[float] = []
    labels: list[str] = []
    if years >= 3:
        step = _nice(years / 10)
        for year in range(first.year - first.year % step, last.year + 1, step):
            if year >= 1 and low <= _day(datetime.date(year, 1, 1)) <= high:
                ticks.append(_day(datetime.date(year, 1, 1)))
                labels.append(f"{year:04d}")
        return ticks, labels
    months = years * 12 + last.month - first.month
    step = next(s for s in (1, 2, 3, 6, 12) if months / s <= 10)
    index = first.year * 12 + first.month - 1
    while index <= last.year * 12 + last.month - 1:
        year, month = divmod(index, 12)
        day = datetime.date(year, month + 1, 1)
        if month % step == 0 and low <= _day(day) <= high:
            ticks.append(_day(day))
            labels.append(f"{year:04d}-{month + 1:02d}")
        index += 1
    return ticks, labels


def _stage_label(stage: Stage) -> str:
    """``Stage n`` and the stage's name, wrapped and shortened for a tick label."""
    name = " ".join(stage.name.split())
    prefix = f"Stage {stage.number}"
    if name.lower().startswith(prefix.lower()):
        name = name[len(prefix) :].lstrip(" :–-")
    if not name:
        return prefix
    return prefix + "\n" + textwrap.fill(textwrap.shorten(name, 56, placeholder="…"), 28)


def _events(program: Program) -> Iterator[tuple[str, PartialDate, PartialDate | None]]:
    for meeting in program.meetings:
        yield "meeting", meeting.starts_on, meeting.ends_on
    for statement in program.statements:
        yield "statement", statement.said_on, None


def _text_width(text: str) -> float:
    """A generous estimate of the width of ``text`` at the chart's font size, in pixels."""
    return 0.62 * _FONT_SIZE * len(text) * _DPI / 72


def _draw(program: Program, as_of: datetime.date, axes: Axes, low: float, high: float) -> list[Any]:
    """Draw everything on ``axes`` spanning days ``low`` to ``high``; return legend handles."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    status = program.status(as_of)
    rows = len(program.stages) + 2
    meeting_row, statement_row = rows - 2, rows - 1
    scale = _AXES_WIDTH / (high - low)  # pixels per day, roughly
    spans = False
    states: list[StageState] = []
    for index, stage_status in enumerate(status.stages):
        stage = stage_status.stage
        colour = _COLOURS[stage_status.state]
        if stage_status.state not in states:
            states.append(stage_status.state)
        start = _day(stage.start)
        width = _day(stage.end) - start
        axes.broken_barh([(start, width)], (index - 0.3, 0.6), facecolors=colour, alpha=0.85)
        label = f"last day {format_iso_date(stage.last_day)}"
        style: dict[str, Any]
        if _text_width(label) < width * scale:  # inside the bar, at its end
            x, gap, style = start + width, -4, {"ha": "right", "color": "white"}
        elif start + width < low + (high - low) * 0.8:  # after the bar
            x, gap, style = start + width, 4, {"ha": "left", "bbox": _BOX}
        else:  # before the bar
            x, gap, style = start, -4, {"ha": "right", "bbox": _BOX}
        axes.annotate(
            label, (x, index), xytext=(gap, 0), textcoords="offset points", va="center", **style
        )
        if stage.completed_on is not None and stage.completed_on <= as_of:
            axes.plot([_day(stage.completed_on) + 0.5], [index], "k|", markersize=18)
    for kind, date, end in _events(program):
        row = meeting_row if kind == "meeting" else statement_row
        colour = _MEETING if kind == "meeting" else _STATEMENT
        start, width = _span(date, end)
        if width > 1.0:
            spans = True
            axes.broken_barh([(start, width)], (row - 0.2, 0.4), facecolors=colour, alpha=0.3)
        if date.precision is Precision.DAY:
            marker = "D" if kind == "meeting" else "o"
            axes.plot([start + 0.5], [row], marker, color=colour, markersize=6, alpha=0.9)
    adopted = _day(program.adopted_on) + 0.5
    axes.axvline(adopted, color="#616161", linestyle=":", linewidth=1)
    line = _day(as_of) + 0.5
    axes.axvline(line, color=_AS_OF, linewidth=1.5, zorder=4)  # above the labels' boxes
    axes.text(
        line,
        -0.75,
        f" as of {format_iso_date(as_of)}",
        color=_AS_OF,
        va="bottom",
        ha="left",
    )
    axes.set_yticks(
        range(rows), [_stage_label(stage) for stage in program.stages] + ["Meetings", "Statements"]
    )
    axes.set_ylim(rows - 0.5, -0.9)
    handles: list[Any] = [
        Patch(color=_COLOURS[state], label=state.value.replace("_", " ")) for state in states
    ]
    handles += [
        Line2D([], [], marker="D", color=_MEETING, linestyle="", label="meeting"),
        Line2D([], [], marker="o", color=_STATEMENT, linestyle="", label="statement"),
        *([Patch(color=_MEETING, alpha=0.3, label=_SPAN_LABEL)] if spans else []),
        Line2D([], [], color="#616161", linestyle=":", label="adopted"),
        Line2D([], [], color=_AS_OF, label=f"as of {format_iso_date(as_of)}"),
    ]
    return handles


def _limits(program: Program, as_of: datetime.date) -> tuple[float, float]:
    starts = [_day(program.adopted_on), _day(program.starts_on), _day(as_of)]
    ends = [_day(program.ends_on), _day(as_of) + 1.0]
    for _, date, end in _events(program):
        start, width = _span(date, end)
        starts.append(start)
        ends.append(start + width)
    low, high = min(starts), max(ends)
    pad = max((high - low) * 0.03, 5.0)
    return low - pad, high + pad


def _figure(program: Program, as_of: datetime.date) -> Figure:
    from matplotlib.figure import Figure

    rows = len(program.stages) + 2
    figure = Figure(figsize=(_WIDTH_INCHES, 1.6 + 0.5 * rows), layout="constrained")
    axes = figure.add_subplot()
    low, high = _limits(program, as_of)
    handles = _draw(program, as_of, axes, low, high)
    axes.set_xlim(low, high)
    ticks, labels = _ticks(low, high)
    axes.set_xticks(ticks, labels)
    axes.grid(axis="x", color="#e0e0e0", linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    title = textwrap.fill(" ".join(program.title.split()), 90)
    axes.set_title(title, loc="left", fontsize=10)
    figure.legend(handles=handles, loc="outside lower center", ncols=5, frameon=False)
    return figure


def _save(program: Program, as_of: datetime.date, target: str | IO[bytes], fmt: str) -> None:
    _require_matplotlib()
    import matplotlib
    import matplotlib.style

    metadata: dict[str, Any] = {"Date": None} if fmt == "svg" else {}
    with matplotlib.style.context("default"), matplotlib.rc_context(cast(Any, _RC)):
        figure = _figure(program, as_of)
        figure.savefig(target, format=fmt, metadata=metadata)


def plot_bytes(program: Program, fmt: str, *, as_of: datetime.date) -> bytes:
    """The timeline chart as PNG or SVG bytes (``fmt`` is ``"png"`` or ``"svg"``).

    >>> import datetime
    >>> from csto_program import Program, plan_stages
    >>> program = Program(id="demo", title="Demo", adopted_on=datetime.date(2024, 11, 28),
    ...                   starts_on=datetime.date(2025, 1, 1),
    ...                   stages=plan_stages(datetime.date(2025, 1, 1)))
    >>> plot_bytes(program, "png", as_of=datetime.date(2026, 1, 29))[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    if not isinstance(program, Program):
        raise TypeError(f"program must be a Program, not {type(program).__name__}")
    as_of = as_date(as_of, "as_of")
    if fmt not in PLOT_FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; expected one of {PLOT_FORMATS}")
    buffer = io.BytesIO()
    _save(program, as_of, buffer, fmt)
    return buffer.getvalue()


def plot_timeline(program: Program, path: str | os.PathLike[str], *, as_of: datetime.date) -> None:
    """Draw the program's timeline on ``as_of`` to ``path``, PNG or SVG by its suffix.

    Any other suffix raises ``ValueError`` before matplotlib is imported.

    >>> import datetime
    >>> from csto_program import Program, plan_stages
    >>> program = Program(id="demo", title="Demo", adopted_on=datetime.date(2024, 11, 28),
    ...                   starts_on=datetime.date(2025, 1, 1),
    ...                   stages=plan_stages(datetime.date(2025, 1, 1)))
    >>> plot_timeline(program, "timeline.pdf", as_of=datetime.date(2026, 1, 29))
    Traceback (most recent call last):
    ...
    ValueError: cannot tell the image format from '.pdf': the path must end in .png or .svg
    """
    if not isinstance(program, Program):
        raise TypeError(f"program must be a Program, not {type(program).__name__}")
    as_of = as_date(as_of, "as_of")
    fmt = _format_of(path)
    _save(program, as_of, os.fspath(path), fmt)
