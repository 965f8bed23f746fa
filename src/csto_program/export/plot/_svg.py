"""The chart written as SVG markup by this library, from the geometry of :mod:`._layout`,
with no matplotlib: for the HTML report, where it is always present and costs no import.

One unit is one point, as in the matplotlib figure (11 inches wide, 8-point text), so the
layout's estimates of text widths hold here too. Every text is a real ``<text>`` element,
written through the layout's :func:`~._layout.label` (no control character, no bidirectional
override) and XML-escaped; the markup holds no script, no link and no external reference.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape
from typing import Final

from csto_program.export.plot._layout import (
    AXES_WIDTH,
    DPI,
    EVENT,
    FONT_SIZE,
)
from csto_program.export.plot._scene import Chart, LegendItem, Marks, Shape, Words

__all__ = ["to_svg"]

_POINTS: Final = 72.0  # per inch
_AXES: Final = AXES_WIDTH / DPI * _POINTS  # the plotting area's width, as the layout assumes
_LINE: Final = FONT_SIZE * 1.25
_CHAR: Final = 0.62 * FONT_SIZE  # a generous estimate of a character's width
_HATCH_ID: Final = "csto-program-first-plan"
_CLIP_ID: Final = "csto-program-axes"


def _n(value: float) -> str:
    """A coordinate, short: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _text(x: float, y: float, words: str, **attributes: str) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{value}"' for name, value in attributes.items())
    return f'<text x="{_n(x)}" y="{_n(y)}"{extra}>{escape(words, quote=False)}</text>'


def _width(words: str) -> float:
    return _CHAR * len(words)


def _mark(shape: Shape, x: float, y: float, size: float, colour: str, edge: str | None) -> str:
    """One marker of ``size`` points (its diameter, as matplotlib's ``markersize``)."""
    stroke = f' stroke="{edge}" stroke-width="0.8"' if edge else ""
    r = size / 2
    if shape == "o":
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" fill="{colour}"{stroke}/>'
    if shape == ".":
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r / 2)}" fill="{colour}"{stroke}/>'
    if shape == "s":
        side = size * 0.8
        return (
            f'<rect x="{_n(x - side / 2)}" y="{_n(y - side / 2)}" width="{_n(side)}" '
            f'height="{_n(side)}" fill="{colour}"{stroke}/>'
        )
    if shape == "|":
        return (
            f'<line x1="{_n(x)}" y1="{_n(y - r)}" x2="{_n(x)}" y2="{_n(y + r)}" '
            f'stroke="{colour}" stroke-width="1.2"/>'
        )
    if shape == "v":
        corners = [(x - r, y - r * 0.8), (x + r, y - r * 0.8), (x, y + r * 0.9)]
    else:  # "*": a five-pointed star
        corners = [
            (
                x + (r if k % 2 == 0 else r * 0.4) * math.sin(k * math.pi / 5),
                y - (r if k % 2 == 0 else r * 0.4) * math.cos(k * math.pi / 5),
            )
            for k in range(10)
        ]
    points = " ".join(f"{_n(a)},{_n(b)}" for a, b in corners)
    return f'<polygon points="{points}" fill="{colour}"{stroke}/>'


def _swatch(item: LegendItem, x: float, y: float) -> str:
    """The legend's sample of ``item``, 10 by 7 points, its left edge at ``x``, centred on
    ``y``."""
    if item.kind == "patch":
        opacity = "" if item.alpha == 1.0 else f' fill-opacity="{_n(item.alpha)}"'
        return (
            f'<rect x="{_n(x)}" y="{_n(y - 3.5)}" width="10" height="7" '
            f'fill="{item.colour}"{opacity}/>'
        )
    if item.kind == "hatch":
        return (
            f'<rect x="{_n(x)}" y="{_n(y - 3.5)}" width="10" height="7" '
            f'fill="url(#{_HATCH_ID})" stroke="{item.colour}" stroke-width="0.6"/>'
        )
    if item.kind == "marker":
        return _mark(item.shape, x + 5, y, 6.0, item.colour, item.edge)
    return (
        f'<line x1="{_n(x)}" y1="{_n(y)}" x2="{_n(x + 10)}" y2="{_n(y)}" stroke="{item.colour}"/>'
    )


def to_svg(drawn: Chart) -> str:
    """``drawn`` as one ``<svg>`` element (no XML prologue: it is meant for an HTML page).

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> from csto_program.export.plot._layout import chart
    >>> svg = to_svg(chart(tajik_afghan_border(), datetime.date(2026, 1, 29)))
    >>> svg.count("<svg"), "<script" in svg, ">2027</text>" in svg
    (1, False, True)
    """
    rows = [(y, words.split("\n")) for y, words in drawn.rows]
    left = max((_width(line) for _, lines in rows for line in lines), default=0.0) + 12
    subtitle = drawn.subtitle.split("\n")
    top = 16 + 6 + len(subtitle) * _LINE + 6
    days = drawn.high - drawn.low

    def x(day: float) -> float:
        return left + (day - drawn.low) / days * _AXES

    def y(inches: float) -> float:
        return top + inches * _POINTS

    bottom = y(drawn.bottom)
    right_edge = left + _AXES
    shown = [w for w in drawn.words if drawn.low <= w.day <= drawn.high]
    for words in shown:
        if words.align == "left":
            right_edge = max(right_edge, x(words.day) + words.offset[0] + _width(words.text) + 4)
    width = max(right_edge + 8, left + _AXES + 12)

    body: list[str] = []
    # The grid, the bars (clipped to the plotting area), the rules, the marks and the words.
    for day, tick in zip(drawn.tick_days, drawn.tick_labels, strict=True):
        body.append(
            f'<line x1="{_n(x(day))}" y1="{_n(top)}" x2="{_n(x(day))}" y2="{_n(bottom)}" '
            'stroke="#e0e0e0" stroke-width="0.8"/>'
        )
        body.append(
            f'<line x1="{_n(x(day))}" y1="{_n(bottom)}" x2="{_n(x(day))}" '
            f'y2="{_n(bottom + 3.5)}" stroke="#000000" stroke-width="0.8"/>'
        )
        body.append(_text(x(day), bottom + 3.5 + FONT_SIZE, tick, text_anchor="middle"))
    layered: list[tuple[int, str]] = []
    for rule in drawn.rules:
        dash = ' stroke-dasharray="1,1.65"' if rule.dotted else ""
        layered.append(
            (
                1,
                f'<line x1="{_n(x(rule.day))}" y1="{_n(y(rule.top))}" x2="{_n(x(rule.day))}" '
                f'y2="{_n(y(rule.bottom))}" stroke="{rule.colour}" stroke-width="0.7"{dash}/>',
            )
        )
    for bar in drawn.bars:
        fill = f"url(#{_HATCH_ID})" if bar.hatch else (bar.fill or "none")
        extra = "" if bar.alpha == 1.0 else f' fill-opacity="{_n(bar.alpha)}"'
        if bar.edge is not None:
            extra += f' stroke="{bar.edge}" stroke-width="0.6"'
        layered.append(
            (
                bar.layer,
                f'<rect x="{_n(x(bar.start))}" y="{_n(y(bar.top))}" '
                f'width="{_n(bar.width / days * _AXES)}" height="{_n(bar.height * _POINTS)}" '
                f'fill="{fill}"{extra}/>',
            )
        )
    for marks in drawn.marks:
        layered.append((marks.layer, _marks(marks, x, y)))
    for words in shown:
        layered.append((words.layer, _words(words, x(words.day), y(words.y))))
    layered.sort(key=lambda item: item[0])  # stable: the layout's order within a layer
    body.append(f'<g clip-path="url(#{_CLIP_ID})">')
    body += [markup for layer, markup in layered if layer < 5]
    body.append("</g>")
    body += [markup for layer, markup in layered if layer >= 5]
    # The axes, the row labels, the titles, the footnote and the legend.
    body.append(
        f'<path d="M{_n(left)},{_n(top)}V{_n(bottom)}H{_n(left + _AXES)}" fill="none" '
        'stroke="#000000" stroke-width="0.8"/>'
    )
    for row_y, lines in rows:
        middle = y(row_y)
        body.append(
            f'<line x1="{_n(left - 3.5)}" y1="{_n(middle)}" x2="{_n(left)}" y2="{_n(middle)}" '
            'stroke="#000000" stroke-width="0.8"/>'
        )
        first = middle - (len(lines) - 1) * _LINE / 2 + FONT_SIZE * 0.35
        body.append(
            f'<text x="{_n(left - 6)}" y="{_n(first)}" text-anchor="end">'
            + "".join(
                f'<tspan x="{_n(left - 6)}" dy="{0 if index == 0 else _n(_LINE)}">'
                f"{escape(line, quote=False)}</tspan>"
                for index, line in enumerate(lines)
            )
            + "</text>"
        )
    head = [_text(6, 16, drawn.title, font_size="10", font_weight="bold")]
    head += [
        _text(left, 16 + 6 + (index + 1) * _LINE - 2, line) for index, line in enumerate(subtitle)
    ]
    below = bottom + 3.5 + FONT_SIZE + 4
    if drawn.footnote:
        below += _LINE
        body.append(_text(left, below, drawn.footnote, fill=EVENT))
    legend, height = _legend(drawn.legend, width, below + 8)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'width="{_n(width)}pt" height="{_n(height)}pt" role="img" '
        f'aria-label="{escape(drawn.title, quote=True)}" '
        f'font-family="DejaVu Sans, Verdana, sans-serif" font-size="{FONT_SIZE}" fill="#000000">'
        f"<title>{escape(drawn.title + ' ' + drawn.subtitle, quote=False)}</title>"
        "<defs>"
        f'<pattern id="{_HATCH_ID}" width="3" height="3" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        '<line x1="0" y1="0" x2="0" y2="3" stroke="#000000" stroke-width="0.6"/></pattern>'
        f'<clipPath id="{_CLIP_ID}"><rect x="{_n(left)}" y="{_n(top)}" width="{_n(_AXES)}" '
        f'height="{_n(bottom - top)}"/></clipPath>'
        "</defs>"
        f'<rect width="{_n(width)}" height="{_n(height)}" fill="#ffffff"/>'
        + "".join(head)
        + "".join(body)
        + "".join(legend)
        + "</svg>"
    )


def _marks(marks: Marks, x: Callable[[float], float], y: Callable[[float], float]) -> str:
    opacity = "" if marks.alpha == 1.0 else f' opacity="{_n(marks.alpha)}"'
    inner = "".join(
        _mark(marks.shape, x(day), y(height), marks.size, marks.colour, marks.edge)
        for day, height in marks.points
    )
    return f"<g{opacity}>{inner}</g>"


def _words(words: Words, at_x: float, at_y: float) -> str:
    dx, dy = words.offset
    left = at_x + dx
    base = at_y - dy + (FONT_SIZE * 0.35 if words.valign == "center" else -1.5)
    anchor = "end" if words.align == "right" else "start"
    box = ""
    if words.boxed:
        wide = _width(words.text)
        start = left - 1.5 if anchor == "start" else left - wide - 1.5
        box = (
            f'<rect x="{_n(start)}" y="{_n(base - FONT_SIZE * 0.95)}" width="{_n(wide + 3)}" '
            f'height="{_n(FONT_SIZE * 1.3)}" fill="#ffffff" fill-opacity="0.85"/>'
        )
    return box + _text(left, base, words.text, fill=words.colour, text_anchor=anchor)


def _legend(items: tuple[LegendItem, ...], width: float, top: float) -> tuple[list[str], float]:
    """The legend, centred in rows that fit ``width``; and the chart's height below it."""
    lines: list[list[tuple[LegendItem, float]]] = [[]]
    used = 0.0
    for item in items:
        room = 10 + 4 + _width(item.text) + 12
        if lines[-1] and used + room > width - 12:
            lines.append([])
            used = 0.0
        lines[-1].append((item, room))
        used += room
    markup: list[str] = []
    y = top
    for line in lines:
        y += _LINE + 2
        x = (width - sum(room for _, room in line)) / 2
        for item, room in line:
            markup.append(_swatch(item, x, y - FONT_SIZE * 0.35))
            markup.append(_text(x + 14, y, item.text))
            x += room
    return markup, y + 8
