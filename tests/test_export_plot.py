"""The timeline chart: valid PNG (header, IHDR, Pillow) and SVG (XML) files, reproducible."""

from __future__ import annotations

import datetime
import io
import pathlib
import struct
import sys
import xml.etree.ElementTree as ET

import attrs
import matplotlib
import pytest
from PIL import Image

from csto_program import Meeting, MeetingKind, PartialDate, Program, plan_stages
from csto_program.export import plot_bytes, plot_timeline, render
from csto_program.export.plot import _figure, _ticks
from export_samples import sample_program

matplotlib.use("Agg")

D = datetime.date
AS_OF = D(2026, 1, 29)
STAMP = datetime.datetime(2026, 1, 29, tzinfo=datetime.UTC)
SVG = "{http://www.w3.org/2000/svg}"


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG signature and IHDR chunk (RFC 2083), read by hand."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert (length, kind) == (13, b"IHDR")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _svg_size(data: bytes) -> tuple[float, float]:
    root = ET.fromstring(data)
    assert root.tag == f"{SVG}svg"
    assert len(root.findall(f".//{SVG}path")) > 20
    width, height = (float(root.attrib[key].removesuffix("pt")) for key in ("width", "height"))
    return width, height


@pytest.fixture(scope="module")
def images() -> dict[str, bytes]:
    program = sample_program()
    return {fmt: render(program, fmt, as_of=AS_OF, stamp=STAMP) for fmt in ("png", "svg")}


def test_png_is_a_valid_image_of_sensible_size(images: dict[str, bytes]) -> None:
    width, height = _png_size(images["png"])
    assert 1000 <= width <= 2500 and 400 <= height <= 1500
    assert width > height
    with Image.open(io.BytesIO(images["png"])) as image:
        image.verify()
    with Image.open(io.BytesIO(images["png"])) as image:
        assert image.format == "PNG" and image.size == (width, height)
        image.load()
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 10  # something was drawn


def test_svg_is_valid_xml_of_sensible_size_without_a_date(images: dict[str, bytes]) -> None:
    width, height = _svg_size(images["svg"])
    assert 500 <= width <= 1500 and 200 <= height <= 1000
    assert b"<dc:date>" not in images["svg"]
    assert not matplotlib.rcParams["svg.hashsalt"]  # our settings did not leak


def test_same_input_same_bytes_whatever_the_path(
    images: dict[str, bytes], tmp_path: pathlib.Path
) -> None:
    program = sample_program()
    plot_timeline(program, tmp_path / "chart.svg", as_of=AS_OF)
    assert (tmp_path / "chart.svg").read_bytes() == images["svg"]
    plot_timeline(program, str(tmp_path / "CHART.PNG"), as_of=AS_OF)  # the suffix in any case
    assert (tmp_path / "CHART.PNG").read_bytes() == images["png"]


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
    with pytest.raises(TypeError):
        plot_bytes("program", "png", as_of=AS_OF)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown image format"):
        plot_bytes(sample_program(), "gif", as_of=AS_OF)


def test_missing_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # makes `import matplotlib` fail
    with pytest.raises(ImportError, match=r"pip install 'csto-program\[plot\]'") as info:
        plot_timeline(sample_program(), "chart.png", as_of=AS_OF)
    assert info.value.name == "matplotlib"
    with pytest.raises(ImportError, match=r"csto-program\[plot\]"):
        render(sample_program(), "svg", as_of=AS_OF, stamp=STAMP)


def _labels(program: Program, as_of: D) -> dict[str, tuple[str, str]]:
    """The 'last day' labels of a drawn (not saved) figure: text -> (alignment, colour)."""
    (axes,) = _figure(program, as_of).axes
    return {
        text.get_text().strip(): (text.get_horizontalalignment(), str(text.get_color()))
        for text in axes.texts
        if "last day" in text.get_text()
    }


def test_deadline_labels_sit_inside_after_or_before_their_bars() -> None:
    short = Program(
        id="p",
        title="P",
        adopted_on=D(2025, 1, 1),
        starts_on=D(2025, 1, 1),
        stages=plan_stages(D(2025, 1, 1)),
    )
    inside = _labels(short, AS_OF)  # five years wide: every label fits in its bar
    assert set(inside.values()) == {("right", "white")}
    old = Meeting(
        id="old", title="Old", kind=MeetingKind.SUMMIT, starts_on=PartialDate.parse("1995")
    )
    late = _labels(short, D(2045, 1, 1))  # the axis runs to 2045: labels after the bars
    assert {align for align, _ in late.values()} == {"left"}
    wide = _labels(Program(**{**_fields(short), "meetings": (old,)}), AS_OF)
    assert wide["last day 2029-12-31"][0] == "right"  # before its bar, at the right edge
    assert wide["last day 2029-12-31"][1] != "white"
    tick_labels = [t.get_text() for t in _figure(short, AS_OF).axes[0].get_yticklabels()]
    assert tick_labels == ["Stage 1", "Stage 2", "Stage 3", "Meetings", "Statements"]
    named = [t.get_text() for t in _figure(sample_program(), AS_OF).axes[0].get_yticklabels()]
    assert named[0] == "Stage 1\nassessment | funding"


def _fields(program: Program) -> dict[str, object]:
    return {
        name: getattr(program, name)
        for name in ("id", "title", "adopted_on", "starts_on", "stages", "term_months")
    }


def test_ticks_are_plain_numbers() -> None:
    day = float(D(2025, 1, 1).toordinal())
    ticks, labels = _ticks(day, day + 5 * 366)
    assert labels == ["2025", "2026", "2027", "2028", "2029", "2030"]
    assert ticks[0] == day
    ticks, labels = _ticks(day - 10, day + 200)
    assert labels == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07"]
    ticks, labels = _ticks(day - 10, day + 700)
    assert labels[:3] == ["2025-01", "2025-04", "2025-07"]  # 23 months: a tick a quarter
    _, labels = _ticks(float(D(1, 1, 1).toordinal()), float(D(9999, 12, 31).toordinal()))
    assert labels[0] == "1000" and labels[-1] == "9000"  # a tick every 1000 years
    _, labels = _ticks(float(D(1990, 6, 1).toordinal()), float(D(2041, 1, 1).toordinal()))
    assert labels == ["2000", "2010", "2020", "2030", "2040"]
    _, labels = _ticks(float(D(2013, 6, 1).toordinal()), float(D(2030, 6, 1).toordinal()))
    assert labels == ["2014", "2016", "2018", "2020", "2022", "2024", "2026", "2028", "2030"]


def test_names_and_completions() -> None:
    program = sample_program()
    stages = tuple(
        attrs.evolve(stage, name="Assessment") if stage.number == 3 else stage
        for stage in program.stages
    )
    (axes,) = _figure(attrs.evolve(program, stages=stages), D(2028, 1, 1)).axes
    assert axes.get_yticklabels()[2].get_text() == "Stage 3\nAssessment"
    ticks = [line for line in axes.lines if line.get_marker() == "|"]
    assert [line.get_xdata()[0] for line in ticks] == [D(2027, 6, 30).toordinal() + 0.5]
