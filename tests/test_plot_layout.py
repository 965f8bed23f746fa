"""The chart's geometry and its native SVG, tested without matplotlib: key-date labels that
do not overlap, every stage drawn in its state's colour, the first plan beneath the plan in
use, and an SVG of real text that any program turns into well-formed markup."""

from __future__ import annotations

import datetime
import subprocess
import sys
import xml.etree.ElementTree as ET

from hypothesis import given

from csto_program.datasets import tajik_afghan_border
from csto_program.export.plot import chart_svg
from csto_program.export.plot._layout import (
    AS_OF,
    AXES_WIDTH,
    KEY,
    STATE_COLOURS,
    chart,
    text_width,
)
from csto_program.export.plot._svg import to_svg
from export_samples import hostile_program, one_plan_program, programs, sample_program
from support import whole_program_settings

D = datetime.date
DAY = D(2026, 1, 29)
SVG = "{http://www.w3.org/2000/svg}"


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def test_the_geometry_imports_no_drawing_library() -> None:
    code = (
        "import datetime, sys\n"
        "from csto_program.datasets import tajik_afghan_border\n"
        "from csto_program.export.plot import chart_svg\n"
        "chart_svg(tajik_afghan_border(), as_of=datetime.date(2026, 1, 29))\n"
        "assert 'matplotlib' not in sys.modules and 'numpy' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_every_stage_in_its_states_colour_over_the_first_plan() -> None:
    program = sample_program()
    drawn = chart(program, DAY)
    status = program.status(DAY)
    fills = [bar.fill for bar in drawn.bars if not bar.hatch and bar.fill in STATE_COLOURS.values()]
    assert fills == [STATE_COLOURS[s.state] for s in status.stages]
    ghosts = [(bar.start, bar.width) for bar in drawn.bars if bar.hatch]
    assert ghosts == [
        (float(s.start.toordinal()), float(s.end.toordinal() - s.start.toordinal()))
        for s in program.baseline.stages
    ]
    assert not [bar for bar in chart(one_plan_program(), DAY).bars if bar.hatch]


def test_key_date_labels_in_lanes_never_overlap() -> None:
    for program in (sample_program(), tajik_afghan_border()):
        drawn = chart(program, DAY)
        scale = AXES_WIDTH / (drawn.high - drawn.low)
        boxed = [w for w in drawn.words if w.boxed]
        assert {"adopted", f"as of {DAY}"} <= {w.text for w in boxed}
        for index, a in enumerate(boxed):
            for b in boxed[index + 1 :]:
                if a.y == b.y:  # the same lane: one ends before the other starts
                    left, right = sorted((a, b), key=lambda w: w.day)
                    end = (left.day - drawn.low) * scale + text_width(left.text) + 14
                    assert end < (right.day - drawn.low) * scale, (a.text, b.text)


def test_reports_are_marked_on_their_stage_rows() -> None:
    program = sample_program()
    drawn = chart(program, D(2028, 6, 1))
    points = [p for marks in drawn.marks if marks.colour == KEY and marks.shape == "o"
              for p in marks.points]  # fmt: skip
    assert sorted(x for x, _ in points) == sorted(
        r.day.earliest.toordinal() + 0.5 for r in program.reports
    )
    assert len({y for _, y in points}) == 2


def test_the_native_svg_has_the_charts_words_as_text() -> None:
    svg = chart_svg(sample_program(), as_of=DAY)
    texts = _texts(svg)
    for year in range(2025, 2031):
        assert str(year) in texts
    assert {"adopted", "plan 1", "plan 2 (in use)", f"as of {DAY}", "Key dates"} <= set(texts)
    assert "Stage 1: assessment | fundingoverdue by 29 days" in texts  # two lines, one label
    assert f'stroke="{AS_OF}"' in svg
    assert chart_svg(sample_program(), as_of=DAY) == svg  # the same input, the same text


def test_hostile_text_stays_text() -> None:
    svg = chart_svg(hostile_program(), as_of=DAY)
    texts = _texts(svg)  # parsed: no control character broke the XML
    assert any("<script>" in value for value in texts)
    for value in texts:
        assert "\x1b" not in value and "\u202e" not in value
    assert len(svg) < 100_000  # the megabyte title and statement are cut before drawing


@whole_program_settings
@given(program=programs())
def test_any_program_gives_well_formed_svg(program: object) -> None:
    from csto_program import Program

    assert isinstance(program, Program)
    for day in (program.adopted_on, D(2031, 1, 1)):
        drawn = chart(program, day)
        assert drawn.low < day.toordinal() + 0.5 < drawn.high
        texts = _texts(to_svg(drawn))
        assert f"as of {day}" in texts
