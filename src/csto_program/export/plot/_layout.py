"""The chart's geometry, with no drawing library: what goes where, in which colour, with
which words.

:func:`chart` turns a program into a :class:`Chart`: the days shown, the rows, the ticks,
and the bars, marks, words and rules to draw, each in data coordinates (``x`` is a day's
proleptic Gregorian ordinal, ``y`` inches from the top of the plotting area, growing
downwards) with its colour and its layer. The matplotlib drawing (:mod:`._draw`) and the
SVG writer (:mod:`._svg`) draw the same :class:`Chart`, so the PNG and the HTML report's
chart show the same things.

>>> import datetime
>>> from csto_program.datasets import tajik_afghan_border
>>> drawn = chart(tajik_afghan_border(), datetime.date(2026, 1, 29))
>>> [words for _, words in drawn.rows][1].splitlines()[-1]
'overdue by 29 days'
>>> drawn.tick_labels[:2]
('2025', '2026')
"""

from __future__ import annotations

import datetime
import math
import re
import textwrap
from collections import Counter
from collections.abc import Sequence
from typing import Final

import attrs

from csto_program import words as text
from csto_program._i18n import N_, ngettext, using
from csto_program._i18n import gettext as _
from csto_program.dates import PartialDate, Precision
from csto_program.export.plot._scene import Bar, Chart, LegendItem, Marks, Rule, Shape, Words
from csto_program.model import Plan, Program, Stage
from csto_program.status import ProgramStatus, StageState

TITLE_LENGTH: Final = 110
"""The most characters of the program's title the chart shows.

>>> len(label("word " * 1000, TITLE_LENGTH)) == TITLE_LENGTH
True
"""
LABEL_LENGTH: Final = 32
"""The most characters of a row label's line: a stage's name takes up to two lines.

>>> LABEL_LENGTH
32
"""

DPI: Final = 150
FONT_SIZE: Final = 8  # points
WIDTH_INCHES: Final = 11.0
AXES_WIDTH: Final = WIDTH_INCHES * DPI * 0.72  # pixels, leaving room for the row labels
LANE: Final = 0.2  # inches: one line of key-date labels
MAX_LANES: Final = 5
ROW: Final = 0.62  # inches: one stage row
EVENTS_ROW: Final = 0.42
GAP: Final = 0.1

STATE_COLOURS: Final[dict[StageState, str]] = {
    StageState.UPCOMING: "#bbccee",
    StageState.ACTIVE: "#4477aa",
    StageState.OVERDUE: "#ee6677",
    StageState.COMPLETED: "#228833",
    StageState.COMPLETED_LATE: "#ccbb44",
    StageState.CANCELLED: "#aa3377",
}
DARK_FILLS: Final = frozenset({StageState.ACTIVE, StageState.COMPLETED, StageState.CANCELLED})
KEY: Final = "#8c510a"  # key dates and progress reports
EVENT: Final = "#555555"  # meetings and statements
AS_OF: Final = "#009988"
FIRST_PLAN: Final = "#000000"
BAND_WORDS: Final = N_("date known to the month or year, or several days")

# What a chart label may not hold: controls (XML cannot hold most of them), bidirectional
# embeddings, overrides and isolates, and lone surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _count(kind: str, count: int) -> str:
    """``count`` events of ``kind`` (as :data:`csto_program.words.EVENT_KINDS` names them)
    in words: ``2 progress reports``."""
    if kind == "meeting":
        words = ngettext("{n} meeting", "{n} meetings", count)
    elif kind == "statement":
        words = ngettext("{n} statement", "{n} statements", count)
    elif kind == "report":
        words = ngettext("{n} progress report", "{n} progress reports", count)
    else:
        words = ngettext("{n} plan announcement", "{n} plan announcements", count)
    return words.format(n=count)


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


def day_x(day: datetime.date) -> float:
    """The x coordinate of the start of ``day`` (its proleptic Gregorian ordinal).

    >>> day_x(datetime.date(1, 1, 2))
    2.0
    """
    return float(day.toordinal())


def span(date: PartialDate, end: PartialDate | None = None) -> tuple[float, float]:
    """``(x, width)`` from the earliest day of ``date`` to the day after ``end``'s latest.

    >>> span(PartialDate.parse("2025-02"))[1]
    28.0
    """
    last = (end or date).latest
    start = day_x(date.earliest)
    return start, day_x(last) + 1.0 - start


def _nice(value: float) -> int:
    """The smallest 1, 2 or 5 times a power of ten that is at least ``value``.

    >>> _nice(3), _nice(12), _nice(51)
    (5, 20, 100)
    """
    power: int = 10 ** max(0, math.floor(math.log10(max(value, 1.0))))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    raise AssertionError("unreachable")  # pragma: no cover


def ticks(low: float, high: float) -> tuple[list[float], list[str]]:
    """Ticks on the first day of every year (every 2, 5, 10... years over forty years, and
    every month or quarter under two), labelled with plain digits.

    >>> day = float(datetime.date(2024, 11, 1).toordinal())
    >>> ticks(day, day + 5 * 366)[1]
    ['2025', '2026', '2027', '2028', '2029']
    """
    first = datetime.date.fromordinal(max(1, math.ceil(low)))
    last = datetime.date.fromordinal(min(datetime.date.max.toordinal(), math.floor(high)))
    found: list[float] = []
    labels: list[str] = []
    if high - low >= 2 * 365:
        years = last.year - first.year
        step = 1 if years <= 40 else _nice(years / 10)
        for year in range(first.year - first.year % step, last.year + 1, step):
            if year >= 1 and low <= day_x(datetime.date(year, 1, 1)) <= high:
                found.append(day_x(datetime.date(year, 1, 1)))
                labels.append(f"{year:04d}")
        return found, labels
    months = (last.year - first.year) * 12 + last.month - first.month
    step = next(s for s in (1, 2, 3, 6, 12) if months / s <= 12)
    index = first.year * 12 + first.month - 1
    while index <= last.year * 12 + last.month - 1:
        year, month = divmod(index, 12)
        day = datetime.date(year, month + 1, 1)
        if month % step == 0 and low <= day_x(day) <= high:
            found.append(day_x(day))
            labels.append(f"{year:04d}-{month + 1:02d}")
        index += 1
    return found, labels


def text_width(words: str) -> float:
    """A generous estimate of the width of ``words`` at the chart's font size, in pixels
    at the chart's resolution (:data:`DPI`).

    >>> round(text_width("as of 2026-01-29"))
    165
    """
    return 0.62 * FONT_SIZE * len(words) * DPI / 72


def lanes(spans: Sequence[tuple[float, float]], count: int) -> list[int | None]:
    """For spans ``(left, right)`` in pixels, in order of ``left``: the lowest of ``count``
    lanes where each fits after the last span put there, or ``None`` when none has room.

    >>> lanes([(0, 50), (10, 60), (55, 90), (70, 80)], 2)
    [0, 1, 0, 1]
    >>> lanes([(0, 50), (10, 60), (20, 30)], 2)
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


# --------------------------------------------------------------------------- the scene


@attrs.frozen
class _Rows:
    """The vertical position of every row, in inches from the top of the plotting area."""

    lanes: int
    stage_rows: int
    events_row: bool

    def lane_y(self, lane: int) -> float:
        return (self.lanes - lane - 0.5) * LANE

    def row_y(self, index: int) -> float:
        return self.lanes * LANE + GAP + (index + 0.5) * ROW

    def events_y(self) -> float:
        return self.lanes * LANE + GAP + self.stage_rows * ROW + EVENTS_ROW / 2

    @property
    def bottom(self) -> float:
        events = EVENTS_ROW if self.events_row else 0.0
        return self.lanes * LANE + GAP + self.stage_rows * ROW + events


@attrs.frozen
class _Key:
    day: float
    text: str
    marker: Shape
    colour: str


def _period(
    program: Program, status: ProgramStatus, first: Plan | None, since: datetime.date | None
) -> tuple[float, float]:
    plan = status.plan
    as_of = day_x(status.as_of)
    starts = [day_x(program.adopted_on), as_of]
    ends = [as_of + 1.0]
    if first is not None:
        starts.append(day_x(first.starts_on))
        ends.append(day_x(first.ends_on))
    if plan is not None:
        starts.append(day_x(plan.starts_on))
        ends.append(day_x(plan.ends_on))
    low, high = min(starts), max(ends)
    if since is not None:
        low = day_x(since)
        if low >= high:
            raise ValueError(f"since must be before {datetime.date.fromordinal(int(high))}")
    pad = max((high - low) * 0.02, 3.0)
    return low - pad, high + pad


def stage_label(stage: Stage | None, words: str) -> str:
    """A stage row's label: ``Stage N: name`` on up to two lines (the name's own ``Stage
    N`` prefix is not repeated), then ``words``.

    >>> from csto_program.model import Stage
    >>> print(stage_label(Stage(1, "Stage 1: Preparation", datetime.date(2025, 1, 1),
    ...                         datetime.date(2026, 1, 1)), "active"))
    Stage 1: Preparation
    active
    """
    if stage is None:
        return words
    title = label(text.stage_title(stage.number, stage.name), 2 * LABEL_LENGTH)
    lines = textwrap.wrap(title, LABEL_LENGTH, break_long_words=True)
    return "\n".join([*lines[:2], label(words)])


def _x(low: float, scale: float, day: float) -> float:
    return (day - low) * scale


def _cluster_words(counts: Counter[str]) -> str:
    return ", ".join(w if n == 1 else f"{w} ×{n}" for w, n in counts.items())


def _clusters(
    low: float, scale: float, found: list[tuple[float, float, str]]
) -> list[tuple[float, str]]:
    """One label per group of reports whose labels would overlap: ``in progress ×2``."""
    found = sorted(found, key=lambda item: item[0])
    groups: list[tuple[float, Counter[str]]] = []
    for x, _width, words in found:
        if groups:
            start, counts = groups[-1]
            if _x(low, scale, x) < _x(low, scale, start) + text_width(_cluster_words(counts)) + 6:
                counts[words] += 1
                continue
        groups.append((x, Counter([words])))
    return [(x, _cluster_words(counts)) for x, counts in groups]


def _keys(program: Program, status: ProgramStatus, events: list[text.Event]) -> list[_Key]:
    """The key dates in date order (the timeline's order on a day), then ``as of``."""
    keys = []
    for event in events:
        if event.kind == "adopted":
            keys.append(_Key(day_x(program.adopted_on) + 0.5, _("adopted"), "*", KEY))
        elif event.kind == "plan":
            plan = program.plans[event.order]
            if plan.announced_on.precision is Precision.DAY:
                used = status.plan is not None and plan.id == status.plan.id
                words = (_("plan {number} (in use)") if used else _("plan {number}")).format(
                    number=event.order + 1
                )
                keys.append(_Key(day_x(plan.announced_on.earliest) + 0.5, words, "v", KEY))
    as_of = _("as of {day}").format(day=status.as_of)
    keys.append(_Key(day_x(status.as_of) + 0.5, as_of, "|", AS_OF))
    return sorted(keys, key=lambda key: key.day)  # stable


def _stages(
    rows: _Rows,
    low: float,
    high: float,
    scale: float,
    status: ProgramStatus,
    first: Plan | None,
    scene: _Scene,
) -> list[str]:
    """The plan in use's bars over the first plan's; the rows' labels."""
    used = {s.stage.number: s for s in status.stages}
    plan_stages = {} if status.plan is None else {s.number: s for s in status.plan.stages}
    first_stages = {} if first is None else {s.number: s for s in first.stages}
    states: list[StageState] = []
    labels = []
    ghost = first is not None and status.plan is not None and status.plan.id != first.id
    for index in range(rows.stage_rows):
        number = index + 1
        y = rows.row_y(index)
        stage_status = used.get(number)
        if stage_status is not None:
            stage = stage_status.stage
            state = stage_status.state
            if state not in states:
                states.append(state)
            start, width = day_x(stage.start), day_x(stage.end) - day_x(stage.start)
            scene.bars.append(Bar(start, width, y - 0.2, 0.28, STATE_COLOURS[state]))
            words = _("last day {day}").format(day=stage.last_day)
            visible = min(start + width, high) - max(start, low)
            if text_width(words) + 8 < visible * scale:
                scene.words.append(
                    Words(
                        words,
                        min(start + width, high) - 4 / scale,
                        y - 0.06,
                        "#ffffff" if state in DARK_FILLS else "#000000",
                        align="right",
                        layer=3,
                    )
                )
            labels.append(stage_label(plan_stages.get(number), text.state_words(stage_status)))
        else:
            missing = (
                _("no plan announced yet") if status.plan is None else _("not in the plan in use")
            )
            labels.append(stage_label(first_stages.get(number), missing))
        baseline = first_stages.get(number)
        if ghost and baseline is not None:
            start = day_x(baseline.start)
            scene.bars.append(
                Bar(start, day_x(baseline.end) - start, y + 0.1, 0.12, None, FIRST_PLAN, True)
            )
    scene.legend += [
        LegendItem(text.state_name(state), "patch", STATE_COLOURS[state]) for state in states
    ]
    if ghost and first is not None:
        words = _("first plan ({plan})").format(plan=label(first.id, 28))
        scene.legend.append(LegendItem(words, "hatch", FIRST_PLAN))
    return labels


def _reports(
    rows: _Rows,
    low: float,
    high: float,
    scale: float,
    reports: list[tuple[int, PartialDate, str]],
    scene: _Scene,
) -> None:
    """The progress reports ``(row, day, words)``, and their legend entry if any is drawn."""
    found_rows: dict[int, list[tuple[float, float, str]]] = {}
    for row, day, words in reports:
        start, width = span(day)
        if start + width < low or start > high:
            continue
        if width > 1.0:
            scene.bars.append(
                Bar(start, width, rows.row_y(row) - 0.2, 0.28, KEY, alpha=0.3, layer=3)
            )
        found_rows.setdefault(row, []).append((start + min(width, 1.0) / 2, width, words))
    for row, found in found_rows.items():
        y = rows.row_y(row) - 0.2
        scene.marks.append(Marks("o", KEY, tuple((x, y) for x, _, _ in found), edge="#ffffff"))
        for x, words in _clusters(low, scale, found):
            scene.words.append(
                Words(words, x, y, KEY, valign="bottom", offset=(-3.0, 4.0), layer=4)
            )
    if found_rows:
        words = _("progress report")
        scene.legend.append(LegendItem(words, "marker", KEY, "o", edge="#ffffff"))


@attrs.define
class _Scene:
    bars: list[Bar] = attrs.Factory(list)
    marks: list[Marks] = attrs.Factory(list)
    words: list[Words] = attrs.Factory(list)
    rules: list[Rule] = attrs.Factory(list)
    legend: list[LegendItem] = attrs.Factory(list)


def chart(
    program: Program,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    since: datetime.date | None = None,
    stale_after: int = text.STALE_AFTER,
    lang: str | None = None,
) -> Chart:
    """The :class:`Chart` of ``program`` on ``as_of``, as known on ``known_on`` (default
    ``as_of``): only what was known by then (:func:`csto_program.words.cut`), from ``since``
    (default: the program's own period, see the package); its words in ``lang`` (``"en"``,
    ``"ru"``; default: the language in use).

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> drawn = chart(tajik_afghan_border(), datetime.date(2026, 1, 29))
    >>> [item.text for item in drawn.legend][-1]
    'as of 2026-01-29'
    >>> russian = chart(tajik_afghan_border(), datetime.date(2026, 1, 29), lang="ru")
    >>> [item.text for item in russian.legend][0], russian.rows[0][1]
    ('просрочен', 'Ключевые даты')
    """
    with using(lang):
        return _chart(program, as_of, known_on, since, stale_after)


def _chart(
    program: Program,
    as_of: datetime.date,
    known_on: datetime.date | None,
    since: datetime.date | None,
    stale_after: int,
) -> Chart:
    view = text.cut(program, as_of, known_on, stale_after=stale_after)
    program, status = view.program, view.status
    first = view.plans[0] if view.plans else None
    low, high = _period(program, status, first, since)
    events = view.events(stages=False)
    scale = AXES_WIDTH / (high - low)
    keys = _keys(program, status, events)
    pixels = [
        (_x(low, scale, k.day), _x(low, scale, k.day) + text_width(k.text) + 14) for k in keys
    ]
    key_lanes = lanes(pixels, MAX_LANES)
    used = max((lane for lane in key_lanes if lane is not None), default=0) + 1
    stage_rows = max(0 if first is None else len(first.stages), len(status.stages))
    hidden: Counter[str] = Counter()
    days: dict[str, list[float]] = {"meeting": [], "statement": []}
    bands: list[tuple[float, float]] = []
    reports: list[tuple[int, PartialDate, str]] = []
    for event in events:
        if event.kind in ("meeting", "statement"):
            if event.kind == "meeting":
                meeting = program.meetings[event.order]
                start, width = span(meeting.starts_on, meeting.ends_on)
                precise = meeting.starts_on.precision is Precision.DAY
            else:
                said = program.statements[event.order].said_on
                start, width = span(said)
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
                words = text.progress_words(report.progress, report.inferred)
                reports.append((report.stage - 1, report.day, words))
            start, width = span(report.day)
            if start + width < low or start > high:
                hidden["report"] += 1
        elif event.kind == "plan":
            plan = program.plans[event.order]
            if not low <= day_x(plan.announced_on.earliest) <= high:
                hidden["plan"] += 1
    any_events = bool(days["meeting"] or days["statement"] or bands)
    rows = _Rows(used, stage_rows, any_events)
    scene = _Scene()
    row_labels = _stages(rows, low, high, scale, status, first, scene)
    _reports(rows, low, high, scale, reports, scene)
    for key, lane in zip(keys, key_lanes, strict=True):
        if not low <= key.day <= high:
            continue
        top = rows.lane_y(0) if lane is None else rows.lane_y(lane)
        scene.rules.append(Rule(key.day, top, rows.bottom, key.colour, dotted=key.colour == KEY))
        if lane is None:
            continue
        scene.marks.append(Marks(key.marker, key.colour, ((key.day, top),), layer=6))
        scene.words.append(Words(key.text, key.day, top, key.colour, offset=(5.0, 0.0), boxed=True))
    shapes = {key.marker for key in keys}
    if "*" in shapes:
        scene.legend.append(LegendItem(_("adopted"), "marker", KEY, "*"))
    if "v" in shapes:
        scene.legend.append(LegendItem(_("plan announced"), "marker", KEY, "v"))
    row_ys = [rows.row_y(index) for index in range(stage_rows)]
    if any_events:
        y = rows.events_y()
        for start, width in bands:
            scene.bars.append(Bar(start, width, y - 0.1, 0.2, EVENT, alpha=0.25))
        kinds: tuple[tuple[str, Shape, float], ...] = (
            ("meeting", "s", 5.0),
            ("statement", ".", 7.0),
        )
        for kind, shape, size in kinds:
            if days[kind]:
                points = tuple((day, y) for day in days[kind])
                scene.marks.append(Marks(shape, EVENT, points, size, alpha=0.9, layer=3))
                scene.legend.append(LegendItem(text.event_kind(kind), "marker", EVENT, shape))
        if bands:
            scene.legend.append(LegendItem(_(BAND_WORDS), "patch", EVENT, alpha=0.25))
        row_ys.append(y)
        row_labels.append(_("Meetings and\nstatements"))
    scene.legend.append(LegendItem(_("as of {day}").format(day=status.as_of), "line", AS_OF))
    tick_days, tick_labels = ticks(low, high)
    return Chart(
        title=label(text.title_of(program), TITLE_LENGTH),
        subtitle=_subtitle(view, first),
        low=low,
        high=high,
        bottom=rows.bottom,
        rows=(
            (rows.lane_y(0) - (used - 1) * LANE / 2, _("Key dates")),
            *zip(row_ys, row_labels, strict=True),
        ),
        tick_days=tuple(tick_days),
        tick_labels=tuple(tick_labels),
        bars=tuple(scene.bars),
        marks=tuple(scene.marks),
        words=tuple(scene.words),
        rules=tuple(scene.rules),
        legend=tuple(scene.legend),
        footnote=_footnote(hidden, low, high) if hidden else "",
    )


SUBTITLE_WIDTH = 125  # characters of a subtitle line: longer ones wrap, never run off


def _subtitle(view: text.Cut, first: Plan | None) -> str:
    heading = f"{view.heading[:1].upper()}{view.heading[1:]}: {view.headline}."
    line = "\n".join(textwrap.wrap(heading, SUBTITLE_WIDTH, break_on_hyphens=False))
    plan = view.status.plan
    if plan is None or first is None:
        return line
    number = next(i for i, known_plan in enumerate(view.plans, 1) if known_plan.id == plan.id)
    used = _("Plan in use: plan {number}, {plan} (announced {day})").format(
        number=number, plan=text.marked(label(plan.id, 40), plan.inferred), day=plan.announced_on
    )
    if plan.id != first.id:
        used += _("; the first plan, {plan}, is hatched beneath").format(plan=label(first.id, 40))
    return f"{line}\n{used}."


def _footnote(hidden: Counter[str], low: float, high: float) -> str:
    first = datetime.date.fromordinal(max(1, math.ceil(low)))
    last = datetime.date.fromordinal(min(datetime.date.max.toordinal(), math.floor(high)))
    counts = ", ".join(_count(kind, count) for kind, count in sorted(hidden.items()))
    return _("Outside {first} – {last}, not shown: {counts}.").format(
        first=first, last=last, counts=counts
    )
