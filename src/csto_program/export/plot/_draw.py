"""The chart drawn with matplotlib, from the geometry of :mod:`._layout`.

Only this module imports matplotlib, and only when a PNG or an SVG file is drawn. The figure
is made inside matplotlib's default style with the settings of :data:`RC`, so a user's
``matplotlibrc`` cannot change it.
"""

from __future__ import annotations

import datetime
from typing import IO, TYPE_CHECKING, Any, Final, cast

from csto_program.export.plot._layout import (
    DPI,
    FONT_SIZE,
    WIDTH_INCHES,
    chart,
)
from csto_program.export.plot._scene import Chart, LegendItem
from csto_program.model import Program
from csto_program.words import STALE_AFTER

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.figure import Figure

EXTRA: Final = "csto-program[plot]"
HATCH: Final = "//////"

RC: Final[dict[str, Any]] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": FONT_SIZE,
    "svg.fonttype": "none",
    "svg.hashsalt": "csto-program",
    "text.parse_math": False,
    "axes.formatter.use_locale": False,
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "hatch.linewidth": 0.6,
}
_BOX: Final = {"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 0.6}

__all__ = ["EXTRA", "RC", "figure", "require_matplotlib", "save"]


def require_matplotlib() -> None:
    """Import matplotlib, or raise an ``ImportError`` naming the extra that installs it."""
    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            f"drawing a timeline needs matplotlib, which is optional: pip install '{EXTRA}'",
            name="matplotlib",
        ) from exc


def _handle(item: LegendItem) -> Artist:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    if item.kind == "patch":
        return Patch(facecolor=item.colour, alpha=item.alpha, label=item.text)
    if item.kind == "hatch":
        return Patch(
            facecolor="none", edgecolor=item.colour, hatch=HATCH, linewidth=0.6, label=item.text
        )
    if item.kind == "marker":
        extra: dict[str, Any] = {} if item.edge is None else {"markeredgecolor": item.edge}
        return Line2D(
            [], [], marker=item.shape, color=item.colour, linestyle="", label=item.text, **extra
        )
    return Line2D([], [], color=item.colour, label=item.text)


def figure(drawn: Chart) -> Figure:
    """The matplotlib figure of ``drawn`` (call it inside :data:`RC`, as :func:`save` does)."""
    from matplotlib.figure import Figure

    result = Figure(figsize=(WIDTH_INCHES, drawn.height), layout="constrained")
    axes = result.add_subplot()
    for bar in drawn.bars:
        axes.broken_barh(
            [(bar.start, bar.width)],
            (bar.top, bar.height),
            facecolors="none" if bar.fill is None else bar.fill,
            edgecolors="none" if bar.edge is None else bar.edge,
            hatch=HATCH if bar.hatch else None,
            linewidth=0.6 if bar.edge is not None else 0.0,
            alpha=None if bar.alpha == 1.0 else bar.alpha,
            zorder=bar.layer,
        )
    for rule in drawn.rules:
        axes.vlines(
            rule.day,
            rule.top,
            rule.bottom,
            colors=rule.colour,
            linewidth=0.7,
            linestyles=":" if rule.dotted else "-",
            zorder=1,
        )
    for marks in drawn.marks:
        extra: dict[str, Any] = {} if marks.edge is None else {"markeredgecolor": marks.edge}
        axes.plot(
            [x for x, _ in marks.points],
            [y for _, y in marks.points],
            marks.shape,
            color=marks.colour,
            markersize=marks.size,
            alpha=None if marks.alpha == 1.0 else marks.alpha,
            zorder=marks.layer,
            clip_on=True,
            **extra,
        )
    for words in drawn.words:
        if words.offset == (0.0, 0.0):
            axes.text(
                words.day,
                words.y,
                words.text,
                ha=words.align,
                va=words.valign,
                zorder=words.layer,
                clip_on=True,
                color=words.colour,
            )
        else:
            axes.annotate(
                words.text,
                (words.day, words.y),
                xytext=words.offset,
                textcoords="offset points",
                ha=words.align,
                va=words.valign,
                color=words.colour,
                zorder=words.layer,
                bbox=_BOX if words.boxed else None,
                annotation_clip=True,
            )
    axes.set_yticks([y for y, _ in drawn.rows], [words for _, words in drawn.rows])
    axes.set_ylim(drawn.bottom, 0)
    axes.set_xlim(drawn.low, drawn.high)
    axes.set_xticks(list(drawn.tick_days), list(drawn.tick_labels))
    axes.grid(axis="x", color="#e0e0e0", linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    result.suptitle(drawn.title, x=0.01, ha="left", fontsize=10, fontweight="bold")
    axes.set_title(drawn.subtitle, loc="left", fontsize=FONT_SIZE)
    handles = [_handle(item) for item in drawn.legend]
    result.legend(
        handles=handles, loc="outside lower center", ncols=min(len(handles), 6), frameon=False
    )
    if drawn.footnote:
        axes.set_xlabel(drawn.footnote, loc="left", color="#555555")
    return result


def save(
    program: Program,
    as_of: datetime.date,
    known_on: datetime.date | None,
    since: datetime.date | None,
    target: str | IO[bytes],
    fmt: str,
    stale_after: int = STALE_AFTER,
) -> None:
    """Draw the chart of ``program`` and save it to ``target`` as ``fmt`` (png or svg)."""
    require_matplotlib()
    import matplotlib
    import matplotlib.style

    drawn = chart(program, as_of, known_on, since, stale_after)
    # No clock and no version in the file: SVG gets no date, PNG no Software entry.
    metadata: dict[str, Any] = {"Date": None} if fmt == "svg" else {"Software": None}
    with matplotlib.style.context("default"), matplotlib.rc_context(cast(Any, RC)):
        figure(drawn).savefig(target, format=fmt, metadata=metadata)
