"""The scene the chart is made of: :class:`Chart` and the bars, marks, words, rules and
legend entries in it, in data coordinates (see :mod:`._layout`), for :mod:`._draw` and
:mod:`._svg` to draw.
"""

from __future__ import annotations

from typing import Literal

import attrs

Shape = Literal["o", "s", ".", "*", "v", "|"]


@attrs.frozen
class Bar:
    """A rectangle from day ``start`` for ``width`` days, from ``top`` down for ``height``
    inches: filled with ``fill`` (None: unfilled), outlined with ``edge``, hatched or not.

    >>> Bar(10.0, 5.0, 0.1, 0.28, "#4477aa").hatch
    False
    """

    start: float
    width: float
    top: float
    height: float
    fill: str | None
    edge: str | None = None
    hatch: bool = False
    alpha: float = 1.0
    layer: int = 2


@attrs.frozen
class Marks:
    """The same mark (``o`` circle, ``s`` square, ``.`` dot, ``*`` star, ``v`` triangle)
    at each of ``points`` ``(day, y)``; ``size`` in points; ``edge`` its outline colour.

    >>> Marks("o", "#8c510a", ((10.5, 0.3),)).size
    6.0
    """

    shape: Shape
    colour: str
    points: tuple[tuple[float, float], ...]
    size: float = 6.0
    edge: str | None = None
    alpha: float = 1.0
    layer: int = 4


@attrs.frozen
class Words:
    """A label at ``(day, y)``, moved by ``offset`` points (right and up), aligned on its
    ``align`` side and its ``valign`` line; ``boxed`` puts a white box behind it.

    >>> Words("adopted", 10.5, 0.1, "#8c510a").align
    'left'
    """

    text: str
    day: float
    y: float
    colour: str
    align: Literal["left", "right"] = "left"
    valign: Literal["center", "bottom"] = "center"
    offset: tuple[float, float] = (0.0, 0.0)
    boxed: bool = False
    layer: int = 5


@attrs.frozen
class Rule:
    """A vertical line on day ``day`` from ``top`` to ``bottom`` (inches), dotted or not.

    >>> Rule(10.5, 0.1, 2.0, "#009988").dotted
    False
    """

    day: float
    top: float
    bottom: float
    colour: str
    dotted: bool = False


@attrs.frozen
class LegendItem:
    """One entry of the legend: a ``patch`` (filled square), a ``hatch`` (the first plan's
    unfilled, hatched square), a ``marker`` (``shape``) or a ``line``, and its words.

    >>> LegendItem("meeting", "marker", "#555555", shape="s").shape
    's'
    """

    text: str
    kind: Literal["patch", "hatch", "marker", "line"]
    colour: str
    shape: Shape = "o"
    edge: str | None = None
    alpha: float = 1.0


@attrs.frozen
class Chart:
    """Everything the chart shows, in data coordinates (see the module).

    ``low`` and ``high`` are the days shown; ``bottom`` the height of the plotting area in
    inches; ``rows`` the row labels with their ``y``; ``footnote`` counts what lies outside
    the days shown (empty: nothing).
    """

    title: str
    subtitle: str
    low: float
    high: float
    bottom: float
    rows: tuple[tuple[float, str], ...]
    tick_days: tuple[float, ...]
    tick_labels: tuple[str, ...]
    bars: tuple[Bar, ...]
    marks: tuple[Marks, ...]
    words: tuple[Words, ...]
    rules: tuple[Rule, ...]
    legend: tuple[LegendItem, ...]
    footnote: str

    @property
    def height(self) -> float:
        """The figure's height in inches: the plotting area and room for the text around.

        >>> import datetime
        >>> from csto_program.datasets import tajik_afghan_border
        >>> from csto_program.export.plot._layout import chart
        >>> 2 < chart(tajik_afghan_border(), datetime.date(2026, 1, 29)).height < 5
        True
        """
        return 1.5 + self.bottom + 0.2 * bool(self.footnote)
