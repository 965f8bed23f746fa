"""The timeline chart: valid PNG (header, chunks, Pillow) and SVG (XML, real text) files,
reproducible, zoomed to the program's period, with the first plan beneath the plan in use,
labelled key dates that do not overlap, one meaning per colour and a legend for every mark."""

from __future__ import annotations

import contextlib
import datetime
import io
import itertools
import pathlib
import struct
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import attrs
import matplotlib
import matplotlib.style
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from PIL import Image

from csto_program import Program
from csto_program.datasets import tajik_afghan_border
from csto_program.export import render
from csto_program.export.plot import TITLE_LENGTH, _draw, _layout, plot_bytes, plot_timeline
from csto_program.status import StageState
from export_samples import MEGABYTE, hostile_program, one_plan_program, sample_program

matplotlib.use("Agg")

D = datetime.date
AS_OF = D(2026, 1, 29)
STAMP = datetime.datetime(2026, 1, 29, tzinfo=datetime.UTC)
SVG = "{http://www.w3.org/2000/svg}"


def _chunks(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    """The PNG's chunks (RFC 2083), read by hand: kind and data."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset = 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        yield kind, data[offset + 8 : offset + 8 + length]
        offset += 12 + length


def _svg_texts(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    assert root.tag == f"{SVG}svg"
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


@pytest.fixture(scope="module")
def images() -> dict[str, bytes]:
    program = sample_program()
    return {fmt: render(program, fmt, as_of=AS_OF, stamp=STAMP) for fmt in ("png", "svg")}


@contextlib.contextmanager
def _drawn(
    program: Program, as_of: D = AS_OF, known_on: D | None = None, since: D | None = None
) -> Iterator[Figure]:
    """The chart's figure, laid out as it is saved (the module's settings in force)."""
    with matplotlib.style.context("default"), matplotlib.rc_context(_draw.RC):
        figure = _draw.figure(_layout.chart(program, as_of, known_on, since))
        FigureCanvasAgg(figure).draw()
        yield figure


def test_png_is_a_valid_image_without_time_or_software(images: dict[str, bytes]) -> None:
    chunks = dict(_chunks(images["png"]))
    width, height = struct.unpack(">II", chunks[b"IHDR"][:8])
    assert 1200 <= width <= 2500 and 400 <= height <= 1500 and width > height
    assert b"tIME" not in chunks  # no clock
    texts = [data for kind, data in _chunks(images["png"]) if kind in (b"tEXt", b"iTXt")]
    assert not [t for t in texts if t.startswith(b"Software")]
    with Image.open(io.BytesIO(images["png"])) as image:
        image.verify()
    with Image.open(io.BytesIO(images["png"])) as image:
        assert image.format == "PNG" and image.size == (width, height)
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 10  # something was drawn


def test_svg_has_real_text_and_no_date(images: dict[str, bytes]) -> None:
    root = ET.fromstring(images["svg"])
    width, height = (float(root.attrib[key].removesuffix("pt")) for key in ("width", "height"))
    assert 500 <= width <= 1500 and 200 <= height <= 1000
    texts = _svg_texts(images["svg"])
    for year in range(2025, 2031):  # a label on every year of the program's period
        assert str(year) in texts
    assert "Stage 1: assessment | funding" in texts  # the plan in use's names, as text
    assert "overdue by 29 days" in texts  # and the state in words
    assert {"adopted", "plan 1", "plan 2 (in use)", "as of 2026-01-29"} <= set(texts)
    assert b"<dc:date>" not in images["svg"]
    assert not matplotlib.rcParams["svg.hashsalt"]  # our settings did not leak
    assert matplotlib.rcParams["svg.fonttype"] == "path"


def test_same_input_same_bytes_whatever_the_path(
    images: dict[str, bytes], tmp_path: pathlib.Path
) -> None:
    program = sample_program()
    assert render(program, "png", as_of=AS_OF, stamp=STAMP) == images["png"]
    plot_timeline(program, tmp_path / "chart.svg", as_of=AS_OF)
    assert (tmp_path / "chart.svg").read_bytes() == images["svg"]
    plot_timeline(program, str(tmp_path / "CHART.PNG"), as_of=AS_OF)  # the suffix in any case
    assert (tmp_path / "CHART.PNG").read_bytes() == images["png"]
    assert plot_bytes(program, "svg", as_of=AS_OF, known_on=None) == images["svg"]


@pytest.mark.parametrize("name", ["chart.pdf", "chart", "chart.svgz", "chart.png.txt"])
def test_other_suffixes_are_refused(name: str, tmp_path: pathlib.Path) -> None:
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        plot_timeline(sample_program(), tmp_path / name, as_of=AS_OF)
    assert not (tmp_path / name).exists()


def test_wrong_arguments() -> None:
    with pytest.raises(TypeError):
        plot_timeline("program", "chart.png", as_of=AS_OF)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        plot_timeline(sample_program(), "chart.png", as_of=STAMP)
    with pytest.raises(TypeError, match="since"):
        plot_bytes(sample_program(), "png", as_of=AS_OF, since="2013")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        plot_bytes("program", "png", as_of=AS_OF)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown image format"):
        plot_bytes(sample_program(), "gif", as_of=AS_OF)
    with pytest.raises(ValueError, match="since must be before"):
        plot_bytes(sample_program(), "png", as_of=AS_OF, since=D(2031, 1, 1))


def test_missing_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # makes `import matplotlib` fail
    with pytest.raises(ImportError, match=r"pip install 'csto-program\[plot\]'") as info:
        plot_timeline(sample_program(), "chart.png", as_of=AS_OF)
    assert info.value.name == "matplotlib"
    with pytest.raises(ImportError, match=r"csto-program\[plot\]"):
        render(sample_program(), "svg", as_of=AS_OF, stamp=STAMP)


def _limits(figure: Figure) -> tuple[D, D]:
    low, high = figure.axes[0].get_xlim()
    return D.fromordinal(int(low)), D.fromordinal(int(high))


def test_the_chart_shows_the_programs_own_period_unless_told_otherwise() -> None:
    program = sample_program()  # a meeting in 2013, adoption 2024-11-28, term to 2029-12-31
    with _drawn(program) as figure:
        low, high = _limits(figure)
        assert D(2024, 9, 1) <= low <= program.adopted_on
        assert program.plan.ends_on <= high <= D(2030, 4, 1)
        footnote = figure.axes[0].get_xlabel()
        assert footnote.endswith("not shown: 2 meetings.")  # Sochi 2013, Moscow 2024-02
    with _drawn(program, since=D(2013, 1, 1)) as figure:
        low, _ = _limits(figure)
        assert D(2012, 1, 1) <= low <= D(2013, 1, 1)
        labels = [t.get_text() for t in figure.axes[0].get_xticklabels()]
        assert labels == [str(year) for year in range(2013, 2031)]  # every year labelled
        assert figure.axes[0].get_xlabel() == ""  # nothing left out
    with _drawn(program, as_of=D(2035, 1, 1)) as figure:
        assert _limits(figure)[1] >= D(2035, 1, 1)  # as_of is always in view


def _hatched(figure: Figure) -> list[tuple[float, float]]:
    """The first plan's ghost bars: ``(start, width)`` of every hatched bar."""
    found = []
    for collection in figure.axes[0].collections:
        if collection.get_hatch():
            for path in collection.get_paths():
                xs = path.vertices[:, 0]
                found.append((float(xs.min()), float(xs.max() - xs.min())))
    return found


def test_the_first_plan_is_ghosted_beneath_the_plan_in_use() -> None:
    program = sample_program()
    with _drawn(program) as figure:
        ghosts = _hatched(figure)
        expected = [
            (float(s.start.toordinal()), float(s.end.toordinal() - s.start.toordinal()))
            for s in program.baseline.stages
        ]
        assert ghosts == expected
        legend = [t.get_text() for t in figure.legends[0].get_texts()]
        assert "first plan (first-plan)" in legend
    with _drawn(one_plan_program()) as figure:
        assert _hatched(figure) == []  # nothing to compare with
    with _drawn(program, known_on=D(2024, 11, 30)) as figure:  # the first plan is in use
        assert _hatched(figure) == []


def test_a_marker_per_progress_report_on_its_stage_row() -> None:
    program = sample_program()
    with _drawn(program, as_of=D(2028, 6, 1)) as figure:
        axes = figure.axes[0]
        markers = [
            (float(x), float(y))
            for line in axes.lines
            if line.get_marker() == "o" and to_hex(line.get_color()) == _layout.KEY
            for x, y in zip(line.get_xdata(), line.get_ydata(), strict=True)
        ]
        assert len(markers) == len(program.reports)
        rows = {round(y, 6) for _, y in markers}
        assert len(rows) == 2  # stage 1 and stage 2
        days = sorted(x for x, _ in markers)
        assert days == sorted(r.day.earliest.toordinal() + 0.5 for r in program.reports)
        labels = [t.get_text() for t in axes.texts]
        assert labels.count("in progress") == 2 and labels.count("completed") == 1
    crowded = attrs.evolve(
        program,
        reports=(
            *program.reports,
            *(attrs.evolve(program.reports[1], id=f"again-{n}") for n in range(3)),
        ),
    )
    with _drawn(crowded) as figure:  # reports on one day share one label
        assert "in progress ×4" in [t.get_text() for t in figure.axes[0].texts]


def _boxes(figure: Figure) -> list[tuple[str, Any]]:
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined] # Agg's own
    return [
        (text.get_text(), text.get_window_extent(renderer))
        for text in figure.axes[0].texts
        if text.get_visible() and text.get_text()
    ]


@pytest.mark.parametrize(
    "program", [sample_program(), tajik_afghan_border()], ids=["sample", "record"]
)
def test_labels_are_short_and_never_overlap(program: Program) -> None:
    with _drawn(program) as figure:
        boxes = _boxes(figure)
        labels = [name for name, _ in boxes]
        assert "adopted" in labels and f"as of {AS_OF}" in labels
        for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
            assert not box_a.overlaps(box_b), (a, b)
        for name in labels:
            assert len(name) <= 40


def test_one_meaning_per_colour_and_a_legend_for_every_mark() -> None:
    states = list(_layout.STATE_COLOURS.values())
    assert len(set(states)) == len(states)
    assert (
        _layout.AS_OF not in states and _layout.STATE_COLOURS[StageState.OVERDUE] != _layout.AS_OF
    )
    assert _layout.KEY not in states and _layout.EVENT not in states
    with _drawn(sample_program()) as figure:
        legend = figure.legends[0]
        meanings: dict[str, set[str]] = {}
        for handle, text in zip(legend.legend_handles, legend.get_texts(), strict=True):
            assert handle is not None
            if hasattr(handle, "get_hatch") and handle.get_hatch():
                colour = to_hex(handle.get_edgecolor())
            elif hasattr(handle, "get_markerfacecolor") and handle.get_marker() not in (
                None,
                "None",
            ):
                colour = to_hex(handle.get_markerfacecolor())
            elif hasattr(handle, "get_facecolor"):
                colour = to_hex(handle.get_facecolor())
            else:
                colour = to_hex(handle.get_color())
            meanings.setdefault(colour, set()).add(text.get_text())
        labels = set().union(*meanings.values())
        assert {
            "overdue", "active", "upcoming", "first plan (first-plan)", "progress report",
            "adopted", "plan announced", "meeting", "statement", f"as of {AS_OF}",
        } <= labels  # fmt: skip
        for colour, named in meanings.items():
            if colour == _layout.KEY:  # the key dates and the reports: shapes tell them apart
                assert named <= {"adopted", "plan announced", "progress report"}
            elif colour == _layout.EVENT:  # meetings and statements, and their vague dates
                assert named <= {
                    "meeting",
                    "statement",
                    "date known to the month or year, or several days",
                }
            else:
                assert len(named) == 1, (colour, named)
        tick_labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
        assert tick_labels[0] == "Key dates"
        assert tick_labels[1] == "Stage 1: assessment | funding\noverdue by 29 days"
        assert tick_labels[-1] == "Meetings and\nstatements"


def test_a_megabyte_title_is_cut_before_it_is_drawn() -> None:
    # how long it takes to draw is checked by benchmarks/test_cost.py (make bench-check)
    program = sample_program()
    huge = attrs.evolve(program, title="word " * (MEGABYTE // 5))
    assert len(huge.title) >= MEGABYTE - 1
    svg, huge_svg = (plot_bytes(p, "svg", as_of=AS_OF) for p in (program, huge))
    assert abs(len(huge_svg) - len(svg)) < 2_000
    title = next(t for t in _svg_texts(huge_svg) if t.startswith("word"))
    assert len(title) <= TITLE_LENGTH and title.endswith("…")


def test_hostile_labels_are_clean_text() -> None:
    data = plot_bytes(hostile_program(), "svg", as_of=AS_OF)
    for value in _svg_texts(data):  # parsed: so no control character broke the XML
        assert "\x1b" not in value and "\u202e" not in value and "\n" not in value
        assert len(value) <= TITLE_LENGTH
    assert any("<script>" in value for value in _svg_texts(data))  # drawn as text


def test_ticks_are_plain_numbers() -> None:
    day = float(D(2025, 1, 1).toordinal())
    ticks, labels = _layout.ticks(day, day + 5 * 366)
    assert labels == ["2025", "2026", "2027", "2028", "2029", "2030"]
    assert ticks[0] == day
    _, labels = _layout.ticks(day - 10, day + 200)
    assert labels == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07"]
    _, labels = _layout.ticks(day - 10, day + 700)
    assert labels[:3] == ["2025-01", "2025-03", "2025-05"]  # 23 months: every second month
    _, labels = _layout.ticks(float(D(1, 1, 1).toordinal()), float(D(9999, 12, 31).toordinal()))
    assert labels[0] == "1000" and labels[-1] == "9000"  # a tick every 1000 years
    _, labels = _layout.ticks(float(D(1990, 6, 1).toordinal()), float(D(2030, 6, 1).toordinal()))
    assert labels == [str(year) for year in range(1991, 2031)]  # forty years: every one
    _, labels = _layout.ticks(float(D(1960, 6, 1).toordinal()), float(D(2041, 1, 1).toordinal()))
    assert labels == [str(year) for year in range(1970, 2041, 10)]


def test_the_embedded_record(tmp_path: pathlib.Path) -> None:
    program = tajik_afghan_border()
    with _drawn(program) as figure:
        assert len(_hatched(figure)) == len(program.baseline.stages)
        labels = {t.get_text() for t in figure.axes[0].texts}
        assert {"plan 1", "plan 2", f"plan {len(program.plans)} (in use)"} <= labels
    texts = _svg_texts(plot_bytes(program, "svg", as_of=AS_OF))
    assert [str(year) for year in range(2025, 2031)] == [t for t in texts if t.isdigit()]
    plot_timeline(program, tmp_path / "chart.png", as_of=AS_OF)
    with Image.open(tmp_path / "chart.png") as image:
        image.verify()
