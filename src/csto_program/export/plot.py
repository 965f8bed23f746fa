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
import math
import os
import pathlib
import re
import textwrap
from collections import Counter
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any, NamedTuple, cast

from csto_program.dates import PartialDate, Precision, as_date
from csto_program import words as text
from csto_program.model import Plan, Program, Stage
from csto_program.status import ProgramStatus, StageState

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["PLOT_FORMATS", "plot_bytes", "plot_timeline", "png_bytes", "svg_bytes"]

PLOT_FORMATS: tuple[str, ...] = ("png", "svg")
"""The image formats :func:`plot_timeline` writes, chosen by the path's suffix.

>>> PLOT_FORMATS
('png', 'svg')
"""

EXTRA = "csto-program[plot]"

TITLE_LENGTH = 110
"""The most characters of the program's title the chart shows."""
LABEL_LENGTH = 32
"""The most characters of a row label's line: a stage's name takes up to two lines."""

_DPI = 150
_FONT_SIZE = 8
_WIDTH_INCHES = 11.0
_AXES_WIDTH = _WIDTH_INCHES * _DPI * 0.72  # pixels, leaving room for the row labels
_LANE = 0.2  # inches: one line of key-date labels
_MAX_LANES = 5
_ROW = 0.62  # inches: one stage row
_EVENTS_ROW = 0.42
_GAP = 0.1

_STATE_COLOURS: dict[StageState, str] = {
    StageState.UPCOMING: "#bbccee",
    StageState.ACTIVE: "#4477aa",
    StageState.OVERDUE: "#ee6677",
    StageState.COMPLETED: "#228833",
    StageState.COMPLETED_LATE: "#ccbb44",
    StageState.CANCELLED: "#aa3377",
}
_DARK_FILLS = {StageState.ACTIVE, StageState.COMPLETED, StageState.CANCELLED}
_KEY = "#8c510a"  # key dates and progress reports
_EVENT = "#555555"  # meetings and statements
_AS_OF = "#009988"
_FIRST_PLAN = "#000000"
_BOX = {"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 0.6}
_RC: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": _FONT_SIZE,
    "svg.fonttype": "none",
    "svg.hashsalt": "csto-program",
    "text.parse_math": False,
    "axes.formatter.use_locale": False,
    "figure.dpi": _DPI,
    "savefig.dpi": _DPI,
    "hatch.linewidth": 0.6,
}
# What a chart label may not hold: controls (XML cannot hold most of them), bidirectional
# embeddings, overrides and isolates, and lone surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NOUNS = {
    "meeting": ("meeting", "meetings"),
    "statement": ("statement", "statements"),
    "report": ("progress report", "progress reports"),
    "plan": ("plan announcement", "plan announcements"),
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


def label(words: str, width: int = LABEL_LENGTH) -> str:
    """``words`` as a chart label: one line of at most ``width`` characters (``…`` when cut),
    control characters and bidirectional overrides as U+FFFD. A megabyte of text costs one
    pass over it, and the chart never sees more than ``width`` characters.

    >>> label("Delivery of\\narms and equipment to the border troops", 24)
    'Delivery of arms and eq…'
    >>> label("\\x1b[2J\\u202eevil")
    '\ufffd[2J\ufffdevil'
    """
    line = " ".join(words.split())
    if len(line) > width:
        line = line[: width - 1].rstrip() + "…"
    return _UNSAFE.sub("\ufffd", line)


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
    """Ticks on the first day of every year (every 2, 5, 10... years over forty years, and
    every month or quarter under two), labelled with plain digits.

    >>> day = float(datetime.date(2024, 11, 1).toordinal())
    >>> _ticks(day, day + 5 * 366)[1]
    ['2025', '2026', '2027', '2028', '2029']
    """
    first = datetime.date.fromordinal(max(1, math.ceil(low)))
    last = datetime.date.fromordinal(min(datetime.date.max.toordinal(), math.floor(high)))
    ticks: list[float] = []
    labels: list[str] = []
    if high - low >= 2 * 365:
        years = last.year - first.year
        step = 1 if years <= 40 else _nice(years / 10)
        for year in range(first.year - first.year % step, last.year + 1, step):
            if year >= 1 and low <= _day(datetime.date(year, 1, 1)) <= high:
                ticks.append(_day(datetime.date(year, 1, 1)))
                labels.append(f"{year:04d}")
        return ticks, labels
    months = (last.year - first.year) * 12 + last.month - first.month
    step = next(s for s in (1, 2, 3, 6, 12) if months / s <= 12)
    index = first.year * 12 + first.month - 1
    while index <= last.year * 12 + last.month - 1:
        year, month = divmod(index, 12)
        day = datetime.date(year, month + 1, 1)
        if month % step == 0 and low <= _day(day) <= high:
            ticks.append(_day(day))
            labels.append(f"{year:04d}-{month + 1:02d}")
        index += 1
    return ticks, labels


def _text_width(words: str) -> float:
    """A generous estimate of the width of ``words`` at the chart's font size, in pixels."""
    return 0.62 * _FONT_SIZE * len(words) * _DPI / 72


def _lanes(spans: Sequence[tuple[float, float]], count: int) -> list[int | None]:
    """For spans ``(left, right)`` in pixels, in order of ``left``: the lowest of ``count``
    lanes where each fits after the last span put there, or ``None`` when none has room.

    >>> _lanes([(0, 50), (10, 60), (55, 90), (70, 80)], 2)
    [0, 1, 0, 1]
    >>> _lanes([(0, 50), (10, 60), (20, 30)], 2)
    [0, 1, None]
    """
    ends = [-math.inf] * count
    found: list[int | None] = []
    for left, right in spans:
        lane = next((index for index, end in enumerate(ends) if end < left), None)
        if lane is not None:
            ends[lane] = right
        found.append(lane)
    return found


class _Layout(NamedTuple):
    """Where things go: the days shown and the vertical position of every row, in inches
    from the top of the axes (y grows downwards)."""

    low: float
    high: float
    scale: float  # pixels per day, roughly
    lanes: int
    stage_rows: int
    events_row: bool

    def lane_y(self, lane: int) -> float:
        return (self.lanes - lane - 0.5) * _LANE

    def row_y(self, index: int) -> float:
        return self.lanes * _LANE + _GAP + (index + 0.5) * _ROW

    def events_y(self) -> float:
        return self.lanes * _LANE + _GAP + self.stage_rows * _ROW + _EVENTS_ROW / 2

    @property
    def bottom(self) -> float:
        events = _EVENTS_ROW if self.events_row else 0.0
        return self.lanes * _LANE + _GAP + self.stage_rows * _ROW + events

    def x(self, day: float) -> float:
        return (day - self.low) * self.scale


class _Key(NamedTuple):
    day: float
    text: str
    marker: str
    colour: str


def _period(
    program: Program, status: ProgramStatus, since: datetime.date | None
) -> tuple[float, float]:
    plan = status.plan
    as_of = _day(status.as_of)
    starts = [_day(program.adopted_on), _day(program.baseline.starts_on), as_of]
    ends = [_day(program.baseline.ends_on), as_of + 1.0]
    if plan is not None:
        starts.append(_day(plan.starts_on))
        ends.append(_day(plan.ends_on))
    low, high = min(starts), max(ends)
    if since is not None:
        low = _day(since)
        if low >= high:
            raise ValueError(f"since must be before {datetime.date.fromordinal(int(high))}")
    pad = max((high - low) * 0.02, 3.0)
    return low - pad, high + pad


def _stage_label(stage: Stage | None, words: str) -> str:
    if stage is None:
        return words
    name = " ".join(stage.name.split())
    prefix = f"Stage {stage.number}"
    if name.lower().startswith(prefix.lower()):
        name = name[len(prefix) :].lstrip(" :–-")
    title = label(f"{prefix}: {name}" if name else prefix, 2 * LABEL_LENGTH)
    lines = textwrap.wrap(title, LABEL_LENGTH, break_long_words=True)
    return "\n".join([*lines[:2], label(words)])


def _draw_stages(
    axes: Axes,
    layout: _Layout,
    status: ProgramStatus,
    first: Plan,
    handles: list[Any],
) -> list[str]:
    """Draw the plan in use's bars over the first plan's; return the rows' labels."""
    from matplotlib.patches import Patch

    used = {s.stage.number: s for s in status.stages}
    plan_stages = {} if status.plan is None else {s.number: s for s in status.plan.stages}
    first_stages = {s.number: s for s in first.stages}
    states: list[StageState] = []
    labels = []
    ghost = status.plan is not None and status.plan is not first
    for index in range(layout.stage_rows):
        number = index + 1
        y = layout.row_y(index)
        stage_status = used.get(number)
        if stage_status is not None:
            stage = stage_status.stage
            state = stage_status.state
            if state not in states:
                states.append(state)
            start, width = _day(stage.start), _day(stage.end) - _day(stage.start)
            axes.broken_barh(
                [(start, width)], (y - 0.2, 0.28), facecolors=_STATE_COLOURS[state], zorder=2
            )
            words = f"last day {stage.last_day}"
            visible = min(start + width, layout.high) - max(start, layout.low)
            if _text_width(words) + 8 < visible * layout.scale:
                axes.text(
                    min(start + width, layout.high) - 4 / layout.scale,
                    y - 0.06,
                    words,
                    ha="right",
                    va="center",
                    zorder=3,
                    clip_on=True,
                    color="white" if state in _DARK_FILLS else "black",
                )
            labels.append(_stage_label(plan_stages.get(number), text.state_words(stage_status)))
        else:
            missing = "no plan announced yet" if status.plan is None else "not in the plan in use"
            labels.append(_stage_label(first_stages.get(number), missing))
        baseline = first_stages.get(number)
        if ghost and baseline is not None:
            start = _day(baseline.start)
            axes.broken_barh(
                [(start, _day(baseline.end) - start)],
                (y + 0.1, 0.12),
                facecolors="none",
                edgecolors=_FIRST_PLAN,
                hatch="//////",
                linewidth=0.6,
                zorder=2,
            )
    handles += [
        Patch(facecolor=_STATE_COLOURS[state], label=state.value.replace("_", " "))
        for state in states
    ]
    if ghost:
        handles.append(
            Patch(
                facecolor="none",
                edgecolor=_FIRST_PLAN,
                hatch="//////",
                linewidth=0.6,
                label=f"first plan ({label(first.id, 28)})",
            )
        )
    return labels


def _draw_reports(axes: Axes, layout: _Layout, reports: list[tuple[int, PartialDate, str]]) -> bool:
    """Draw the progress reports ``(row, day, words)``; say whether any was drawn."""
    rows: dict[int, list[tuple[float, float, str]]] = {}
    for row, day, words in reports:
        start, width = _span(day)
        if start + width < layout.low or start > layout.high:
            continue
        if width > 1.0:
            axes.broken_barh(
                [(start, width)],
                (layout.row_y(row) - 0.2, 0.28),
                facecolors=_KEY,
                alpha=0.3,
                zorder=3,
            )
        rows.setdefault(row, []).append((start + min(width, 1.0) / 2, width, words))
    for row, found in rows.items():
        y = layout.row_y(row)
        xs = [x for x, _, _ in found]
        axes.plot(
            xs,
            [y - 0.2] * len(xs),
            "o",
            color=_KEY,
            markeredgecolor="white",
            markersize=6,
            zorder=4,
            clip_on=True,
        )
        for x, words in _clusters(layout, found):
            axes.annotate(
                words,
                (x, y - 0.2),
                xytext=(-3, 4),
                textcoords="offset points",
                ha="left",
                va="bottom",
                color=_KEY,
                zorder=4,
                annotation_clip=True,
            )
    return bool(rows)


def _clusters(layout: _Layout, found: list[tuple[float, float, str]]) -> list[tuple[float, str]]:
    """One label per group of reports whose labels would overlap: ``in progress ×2``."""
    found = sorted(found, key=lambda item: item[0])
    groups: list[tuple[float, Counter[str]]] = []
    for x, _, words in found:
        if groups:
            start, counts = groups[-1]
            if layout.x(x) < layout.x(start) + _text_width(_cluster_words(counts)) + 6:
                counts[words] += 1
                continue
        groups.append((x, Counter([words])))
    return [(x, _cluster_words(counts)) for x, counts in groups]


def _cluster_words(counts: Counter[str]) -> str:
    return ", ".join(w if n == 1 else f"{w} ×{n}" for w, n in counts.items())


def _draw_keys(axes: Axes, layout: _Layout, keys: list[_Key], lanes: list[int | None]) -> None:
    for key, lane in zip(keys, lanes, strict=True):
        if not layout.low <= key.day <= layout.high:
            continue
        top = layout.lane_y(0) if lane is None else layout.lane_y(lane)
        axes.vlines(
            key.day,
            top,
            layout.bottom,
            colors=key.colour,
            linewidth=0.7,
            linestyles=":" if key.colour == _KEY else "-",
            zorder=1,
        )
        if lane is None:
            continue
        axes.plot([key.day], [top], key.marker, color=key.colour, markersize=6, zorder=6)
        axes.annotate(
            key.text,
            (key.day, top),
            xytext=(5, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            color=key.colour,
            zorder=5,
            bbox=_BOX,
            annotation_clip=True,
        )


def _keys(program: Program, status: ProgramStatus, events: list[text.Event]) -> list[_Key]:
    """The key dates in date order (the timeline's order on a day), then ``as of``."""
    keys = []
    for event in events:
        if event.kind == "adopted":
            keys.append(_Key(_day(program.adopted_on) + 0.5, "adopted", "*", _KEY))
        elif event.kind == "plan":
            plan = program.plans[event.order]
            if plan.announced_on.precision is Precision.DAY:
                words = f"plan {event.order + 1}" + (" (in use)" if plan is status.plan else "")
                keys.append(_Key(_day(plan.announced_on.earliest) + 0.5, words, "v", _KEY))
    keys.append(_Key(_day(status.as_of) + 0.5, f"as of {status.as_of}", "|", _AS_OF))
    return sorted(keys, key=lambda key: key.day)  # stable


def _figure(
    program: Program,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    since: datetime.date | None = None,
) -> Figure:
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    status = program.status(as_of, known_on=known_on)
    first = program.baseline
    low, high = _period(program, status, since)
    events = text.timeline(program, as_of, known_on=known_on, stages=False)
    scale = _AXES_WIDTH / (high - low)
    keys = _keys(program, status, events)
    pixels = [
        ((k.day - low) * scale, (k.day - low) * scale + _text_width(k.text) + 14) for k in keys
    ]
    lanes = _lanes(pixels, _MAX_LANES)
    used = max((lane for lane in lanes if lane is not None), default=0) + 1
    stage_rows = max(len(first.stages), len(status.stages))
    hidden: Counter[str] = Counter()
    days: dict[str, list[float]] = {"meeting": [], "statement": []}
    bands: list[tuple[float, float]] = []
    reports: list[tuple[int, PartialDate, str]] = []
    for event in events:
        if event.kind in ("meeting", "statement"):
            if event.kind == "meeting":
                meeting = program.meetings[event.order]
                start, width = _span(meeting.starts_on, meeting.ends_on)
                precise = meeting.starts_on.precision is Precision.DAY
            else:
                said = program.statements[event.order].said_on
                start, width = _span(said)
                precise = said.precision is Precision.DAY
            if start + width < low or start > high:
                hidden[event.kind] += 1
                continue
            if width > 1.0:
                bands.append((start, width))
            if precise:
                days[event.kind].append(start + 0.5)
        elif event.kind == "report":
            report = program.reports[event.order]
            if report.stage <= stage_rows:
                reports.append((report.stage - 1, report.day, text.progress_words(report.progress)))
            start, width = _span(report.day)
            if start + width < low or start > high:
                hidden["report"] += 1
        elif event.kind == "plan":
            plan = program.plans[event.order]
            if not low <= _day(plan.announced_on.earliest) <= high:
                hidden["plan"] += 1
    any_events = bool(days["meeting"] or days["statement"] or bands)
    layout = _Layout(low, high, scale, used, stage_rows, any_events)

    height = 1.5 + layout.bottom + 0.2 * bool(hidden)
    figure = Figure(figsize=(_WIDTH_INCHES, height), layout="constrained")
    axes = figure.add_subplot()
    handles: list[Any] = []
    row_labels = _draw_stages(axes, layout, status, first, handles)
    if _draw_reports(axes, layout, reports):
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                color=_KEY,
                markeredgecolor="white",
                linestyle="",
                label="progress report",
            )
        )
    _draw_keys(axes, layout, keys, lanes)
    kinds = {key.marker for key in keys}
    handles += [
        *(
            [Line2D([], [], marker="*", color=_KEY, linestyle="", label="adopted")]
            if "*" in kinds
            else []
        ),
        *(
            [Line2D([], [], marker="v", color=_KEY, linestyle="", label="plan announced")]
            if "v" in kinds
            else []
        ),
    ]
    ticks_y = [layout.row_y(index) for index in range(stage_rows)]
    if any_events:
        y = layout.events_y()
        if bands:
            axes.broken_barh(bands, (y - 0.1, 0.2), facecolors=_EVENT, alpha=0.25, zorder=2)
        for kind, marker in (("meeting", "s"), ("statement", ".")):
            if days[kind]:
                axes.plot(
                    days[kind],
                    [y] * len(days[kind]),
                    marker,
                    color=_EVENT,
                    markersize=5 if kind == "meeting" else 7,
                    alpha=0.9,
                    zorder=3,
                )
                handles.append(
                    Line2D([], [], marker=marker, color=_EVENT, linestyle="", label=kind)
                )
        if bands:
            handles.append(
                Patch(
                    facecolor=_EVENT,
                    alpha=0.25,
                    label="date known to the month or year, or several days",
                )
            )
        ticks_y.append(y)
        row_labels.append("Meetings and\nstatements")
    handles.append(Line2D([], [], color=_AS_OF, label=f"as of {status.as_of}"))
    axes.set_yticks(
        [layout.lane_y(0) - (used - 1) * _LANE / 2, *ticks_y], ["Key dates", *row_labels]
    )
    axes.set_ylim(layout.bottom, 0)
    axes.set_xlim(low, high)
    ticks, tick_labels = _ticks(low, high)
    axes.set_xticks(ticks, tick_labels)
    axes.grid(axis="x", color="#e0e0e0", linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.suptitle(
        label(program.title, TITLE_LENGTH), x=0.01, ha="left", fontsize=10, fontweight="bold"
    )
    axes.set_title(_subtitle(program, status, known_on), loc="left", fontsize=_FONT_SIZE)
    figure.legend(
        handles=handles, loc="outside lower center", ncols=min(len(handles), 6), frameon=False
    )
    if hidden:
        axes.set_xlabel(_footnote(hidden, low, high), loc="left", color=_EVENT)
    return figure


def _subtitle(program: Program, status: ProgramStatus, known_on: datetime.date | None) -> str:
    known = (
        ""
        if known_on is None or status.known_on == status.as_of
        else (f", as known on {status.known_on}")
    )
    line = f"As of {status.as_of}{known}: {text.headline(status)}."
    plan = status.plan
    if plan is None:
        return line
    number = next(i for i, known_plan in enumerate(program.plans, 1) if known_plan is plan)
    used = f"Plan in use: plan {number}, {label(plan.id, 40)} (announced {plan.announced_on})"
    if plan is not program.baseline:
        used += f"; the first plan, {label(program.baseline.id, 40)}, is hatched beneath"
    return f"{line}\n{used}."


def _footnote(hidden: Counter[str], low: float, high: float) -> str:
    first = datetime.date.fromordinal(max(1, math.ceil(low)))
    last = datetime.date.fromordinal(min(datetime.date.max.toordinal(), math.floor(high)))
    counts = ", ".join(
        f"{count} {_NOUNS[kind][count != 1]}" for kind, count in sorted(hidden.items())
    )
    return f"Outside {first} – {last}, not shown: {counts}."


def _save(
    program: Program,
    as_of: datetime.date,
    known_on: datetime.date | None,
    since: datetime.date | None,
    target: str | IO[bytes],
    fmt: str,
) -> None:
    _require_matplotlib()
    import matplotlib
    import matplotlib.style

    # No clock and no version in the file: SVG gets no date, PNG no Software entry.
    metadata: dict[str, Any] = {"Date": None} if fmt == "svg" else {"Software": None}
    with matplotlib.style.context("default"), matplotlib.rc_context(cast(Any, _RC)):
        figure = _figure(program, as_of, known_on, since)
        figure.savefig(target, format=fmt, metadata=metadata)


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
    _save(program, day, known, start, buffer, fmt)
    return buffer.getvalue()


def plot_timeline(
    program: Program,
    path: str | os.PathLike[str],
    *,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    since: datetime.date | None = None,
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
    _save(program, day, known, start, os.fspath(path), fmt)


def png_bytes(
    program: Program,
    *,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    stamp: datetime.datetime | None = None,
) -> bytes:
    """The chart as PNG: the ``png`` format of :func:`csto_program.export.render`
    (``stamp`` is not used: the image carries no time).

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> png_bytes(tajik_afghan_border(), as_of=datetime.date(2026, 1, 29))[1:4]
    b'PNG'
    """
    return plot_bytes(program, "png", as_of=as_of, known_on=known_on)


def svg_bytes(
    program: Program,
    *,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    stamp: datetime.datetime | None = None,
) -> bytes:
    """The chart as SVG: the ``svg`` format of :func:`csto_program.export.render`
    (``stamp`` is not used: the image carries no time).

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> b"<text" in svg_bytes(tajik_afghan_border(), as_of=datetime.date(2026, 1, 29))
    True
    """
    return plot_bytes(program, "svg", as_of=as_of, known_on=known_on)
