"""The HTML report of the embedded record reads at 390 px (a phone) and at 1280 px: no
element reaches past the page or clips its text (badges wrap), and the chart stays legible
(it scrolls sideways on a phone rather than shrinking its words). Measured in Chromium
(tests/browser.py); the screenshots go to /tmp/report-390.png and /tmp/report-1280.png."""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from browser import console_errors, full_page_screenshot, missing_browser, set_viewport
from csto_program import PartialDate, Progress, ProgressReport
from csto_program.datasets import tajik_afghan_border
from csto_program.export.html import to_html

if TYPE_CHECKING:
    from selenium.webdriver.chrome.webdriver import WebDriver

SHOTS = Path(tempfile.gettempdir())
_MISSING = missing_browser()

# Every element whose box reaches past the page's right edge, or whose content is wider
# than its box while it does not scroll (clipped); the chart's own scroller is the one
# place meant to scroll, so what is inside it is measured against the scroller.
_OVERFLOW = """
const page = document.documentElement.clientWidth;
const found = [];
const hidden = el => {  // the visually hidden table header (read aloud, not shown)
  for (let e = el; e; e = e.parentElement) {
    if (getComputedStyle(e).clipPath !== 'none') return true;
  }
  return false;
};
for (const el of document.querySelectorAll('body *')) {
  if (['SCRIPT', 'STYLE'].includes(el.tagName)) continue;
  const style = getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden') continue;
  const box = el.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) continue;
  if (el.closest('.chart-scroll') && !el.classList.contains('chart-scroll')) continue;
  if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
  if (hidden(el)) continue;
  const name = el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined
    ? '.' + String(el.className).trim().replace(/\\s+/g, '.') : '');
  if (box.right > page + 0.5 || box.left < -0.5) {
    found.push(name + ' reaches ' + Math.round(box.left) + '..' + Math.round(box.right));
  }
  const scrolls = ['auto', 'scroll'].includes(style.overflowX);
  if (!scrolls && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0
      && style.overflowX !== 'visible') {
    found.push(name + ' clips ' + el.scrollWidth + ' > ' + el.clientWidth);
  }
}
return [found, document.documentElement.scrollWidth, page];
"""


@pytest.fixture(scope="module")
def report_url() -> str:
    path = SHOTS / "csto-program-report-2026-12-06.html"
    page = to_html(tajik_afghan_border(), as_of=datetime.date(2026, 12, 6))
    path.write_text(page, encoding="utf-8")
    return path.as_uri()


def _with_an_uncertain_completion() -> str:
    """The embedded record with stage 1 reported completed on 2026-11-27, on a day known only
    to lie between 2026-01-29 and 2026-11-27: the longest state badge a stage can have."""
    program = tajik_afghan_border()
    done = ProgressReport(
        id="stage-1-completed",
        stage=1,
        progress=Progress.COMPLETED,
        reported_on=PartialDate.parse("2026-11-27"),
        as_of=PartialDate.parse("2026-01-29/2026-11-27"),
        sources=(program.sources[0].id,),
    )
    program = attrs.evolve(program, reports=(*program.reports, done))
    path = SHOTS / "csto-program-report-uncertain.html"
    path.write_text(to_html(program, as_of=datetime.date(2026, 12, 6)), encoding="utf-8")
    return path.as_uri()


def _overflow(driver: WebDriver) -> tuple[list[str], int, int]:
    found: Any = driver.execute_script(_OVERFLOW)
    return found[0], found[1], found[2]


@pytest.mark.skipif(_MISSING is not None, reason=f"needs Chromium and chromedriver: {_MISSING}")
@pytest.mark.parametrize("width", [390, 1280])
def test_nothing_overflows_and_the_chart_is_legible(
    driver: WebDriver, report_url: str, width: int
) -> None:
    console_errors(driver)
    set_viewport(driver, width)
    driver.get(report_url)
    found, scroll, page = _overflow(driver)
    assert found == []
    assert scroll <= page == width  # the page itself never scrolls sideways
    badges: Any = driver.execute_script(
        "return Array.from(document.querySelectorAll('.badge'),"
        " b => [b.getBoundingClientRect().right, b.parentElement.getBoundingClientRect().right])"
    )
    assert all(right <= parent + 0.5 for right, parent in badges)  # badges wrap inside
    chart: Any = driver.execute_script(
        "const svg = document.querySelector('.chart svg');"
        "const box = svg.getBoundingClientRect();"
        "const sizes = Array.from(svg.querySelectorAll('text'),"
        "  t => t.getBoundingClientRect().height).filter(h => h > 0);"
        "return [box.width, Math.min(...sizes)]"
    )
    drawn_width, smallest_text = chart
    assert drawn_width >= 600  # at 390 px the chart scrolls instead of shrinking
    assert smallest_text >= 7.9  # every label about 8 CSS pixels high, or more
    text = driver.find_element("css selector", "main").text
    assert "no progress report for 311 days (since 2026-01-29)" in text
    assert "not started (inferred, 2026-01-29)" in text
    height = full_page_screenshot(driver, width, SHOTS / f"report-{width}.png")
    assert height > 1000
    assert console_errors(driver) == []


@pytest.mark.skipif(_MISSING is not None, reason=f"needs Chromium and chromedriver: {_MISSING}")
def test_a_long_badge_wraps_at_390(driver: WebDriver) -> None:
    set_viewport(driver, 390)
    driver.get(_with_an_uncertain_completion())
    text = driver.find_element("css selector", "main").text
    assert "completed between 2026-01-29 and 2026-11-27, 29 to 331 days late" in text
    found, scroll, page = _overflow(driver)
    assert found == [] and scroll <= page == 390
