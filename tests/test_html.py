"""The HTML report: escaping, links, no outside resources, the CSP hash, and in Chromium the
console, the network, the filter, print and no-script views, and screenshots to look at."""

from __future__ import annotations

import base64
import datetime
import functools
import hashlib
import re
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from browser import (
    console_errors,
    full_page_screenshot,
    missing_browser,
    requested_urls,
    sample_report,
    set_viewport,
)
from csto_program._i18n import using
from csto_program._terminal import escape
from csto_program.export.html import (
    Report,
    ReportEvent,
    ReportNote,
    ReportPlan,
    ReportSource,
    ReportStage,
    render_report,
    to_html,
)
from export_samples import hostile_program

if TYPE_CHECKING:
    from selenium.webdriver.chrome.webdriver import WebDriver

AS_OF = datetime.date(2026, 1, 29)
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script>\"'&amp;<img src=x onerror=alert(2)>"


class Page(HTMLParser):
    """A parsed page: its start tags with their attributes, its text, its scripts' text."""

    def __init__(self, document: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(document)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)

    def attr(self, tag: str, name: str) -> list[str | None]:
        return [attrs.get(name) for found, attrs in self.tags if found == tag]

    @property
    def structure(self) -> list[tuple[str, tuple[str, ...]]]:
        return [(tag, tuple(sorted(attrs))) for tag, attrs in self.tags]


def _csp(page: Page) -> str:
    (content,) = (
        attrs["content"]
        for tag, attrs in page.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    )
    assert content is not None
    return content


def _with_text(report: Report, text: str, url: str | None) -> Report:
    """``report`` with ``text`` in every free-text field and ``url`` as every source's URL."""
    source = ReportSource(text, text, url, text)
    return attrs.evolve(
        report,
        title=text,
        summary=text,
        as_of=text,
        known_on=text,
        generator=text,
        stages=tuple(
            attrs.evolve(s, name=text, starts=text, last_day=text, state_text=text, days_text=text)
            for s in report.stages
        ),
        plans=tuple(
            attrs.evolve(p, id=text, announced=text, basis=text, sources=(source,))
            for p in report.plans
        ),
        events=tuple(
            attrs.evolve(e, title=text, text=text, sources=(source,)) for e in report.events
        ),
        notes=tuple(attrs.evolve(n, text=text, sources=(source,)) for n in report.notes),
    )


# Pure Python ---------------------------------------------------------------------------


def test_hostile_text_is_shown_as_text_everywhere() -> None:
    document = render_report(_with_text(sample_report(), HOSTILE, None))
    page = Page(document)
    assert "<script>alert(1)" not in document and "<img src=x" not in document
    assert [tag for tag, _ in page.tags].count("script") == 1
    assert "img" not in [tag for tag, _ in page.tags]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&#39;&amp;amp;" in document
    text = "".join(page.text)
    assert text.count(HOSTILE) >= 30  # title, summary, every stage, plan, event, note, source
    assert page.attr("meta", "name").count("generator") == 1
    assert {"content": HOSTILE, "name": "generator"} in [a for t, a in page.tags if t == "meta"]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " https://tass.com/",
        "https://tass.com/ x",
        "data:text/html,<b>x</b>",
        "//tass.com/world",
        "https:tass.com",
        "https://",
        "ftp://tass.com/",
        "https://tass.com/\x00",
    ],
)
def test_only_http_urls_become_links(url: str) -> None:
    source = ReportSource("Outlet", "Title", url, "2026-01-29")
    report = attrs.evolve(
        sample_report(),
        events=(ReportEvent("2026-01-29", "statement", (1,), "Said", "Text", (source,)),),
        plans=(),
        notes=(),
    )
    page = Page(render_report(report))
    assert all(href and href.startswith("#") for href in page.attr("a", "href"))
    assert url.strip("\x00") in "".join(page.text)  # shown as text instead


def test_http_and_https_urls_are_links_with_quotes_escaped() -> None:
    url = 'https://example.org/a?b="c"&d=<e>'
    document = render_report(_with_text(sample_report(), "t", url))
    assert 'href="https://example.org/a?b=&#34;c&#34;&amp;d=&lt;e&gt;"' in document
    hrefs = [h for h in Page(document).attr("a", "href") if h and not h.startswith("#")]
    assert hrefs and set(hrefs) == {url}
    sample = Page(render_report(sample_report()))
    links = {h for h in sample.attr("a", "href") if h and not h.startswith("#")}
    assert "https://tass.com/world/2078683" in links
    assert all(link.startswith("https://") for link in links)


def test_nothing_is_loaded_from_outside() -> None:
    page = Page(render_report(sample_report()))
    names = [tag for tag, _ in page.tags]
    for tag, attributes in page.tags:
        assert "src" not in attributes, tag
        if tag == "link":
            assert attributes.get("href") == "data:,", attributes
        assert not any(name.startswith("on") for name in attributes), (tag, attributes)
    assert "iframe" not in names and "object" not in names and "img" not in names
    style = "".join(page.text[names.index("style") :])  # the style's text comes first
    assert "url(" not in style and "@import" not in style
    csp = _csp(page)
    assert csp.startswith("default-src 'none'; ")
    assert "style-src 'unsafe-inline'" in csp and "img-src data:" in csp


def test_the_csp_hash_matches_the_one_inline_script() -> None:
    page = Page(render_report(sample_report()))
    (script,) = page.scripts
    assert "addEventListener" in script
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    directives = dict(d.strip().split(" ", 1) for d in _csp(page).split(";"))
    assert directives["script-src"] == f"'sha256-{digest}'"


def test_the_chart_is_inline_svg_without_prologue_or_script() -> None:
    svg = (
        '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n<!DOCTYPE svg PUBLIC'
        ' "-//W3C//DTD SVG 1.1//EN"\n  "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)'
        '</script><SCRIPT href="x.js"/><text x="1" y="5">Stage 1</text></svg>'
    )
    document = render_report(attrs.evolve(sample_report(), chart_svg=svg))
    assert "<?xml" not in document and "DOCTYPE svg" not in document
    assert "alert(1)" not in document and "x.js" not in document
    assert '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text' in document
    without = render_report(attrs.evolve(sample_report(), chart_svg=None))
    assert "<svg" not in without and 'href="#chart"' not in without


def test_a_matplotlib_chart_is_embedded() -> None:
    import io

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(4, 1))
    figure.add_subplot().set_title("Stage 1")
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg")
    assert buffer.getvalue().startswith("<?xml")
    document = render_report(attrs.evolve(sample_report(), chart_svg=buffer.getvalue()))
    body = document[document.index('<div class="chart-scroll"') :]
    assert body.split("\n", 2)[1].startswith("<svg ")
    assert "<!DOCTYPE svg" not in document and "<?xml" not in document


def test_stage_and_plan_tables() -> None:
    document = render_report(sample_report())
    text = "".join(Page(document).text)
    for words in (
        "2025-01-01 – 2025-12-31",  # a stage's window
        "+34 days (later)",
        "29 days overdue",
        "in progress",
        "no progress report",  # the one phrase of every view
        "2024-11-25 (uncertain)",
        "2025-09 (approximate)",
        "10 of 10 events shown",
    ):
        assert words in text, words
    assert '<time datetime="2024-11-25">' in document and '<time datetime="2023">' in document
    assert document.count('<th scope="col">') == 7 + 7
    earlier = attrs.evolve(sample_report().stages[0], shift_days=-1)
    unknown = attrs.evolve(sample_report().stages[1], shift_days=None)
    two = render_report(attrs.evolve(sample_report(), stages=(earlier, unknown)))
    assert "\N{MINUS SIGN}1 day (earlier)" in two
    assert '<td data-label="Shift">—</td>' in two


def test_the_view_model_refuses_unknown_kinds() -> None:
    with pytest.raises(ValueError, match="'kind' must be in"):
        ReportEvent("2026", "rumour", (), "t", "x", ())
    with pytest.raises(ValueError, match="'kind' must be in"):
        ReportNote("aside", "x", ())
    with pytest.raises(ValueError, match="'progress' must be in"):
        ReportStage(1, "n", "a", "b", "active", "active", "halfway", "", None)


def test_a_short_plan_and_an_empty_report() -> None:
    plan = ReportPlan("p", "2024", "b", ((1, "a", "b"), (2, "c", "d")), (5,), ())
    document = render_report(attrs.evolve(sample_report(), plans=(plan,)))
    assert "+5 days (later)" in document and '"nowrap">c –</span> <span' in document
    empty = Report("T", "S", "2026", "2026", (), (), (), (), None, "g")
    text = " ".join(Page(render_report(empty)).text)
    assert "No stage is recorded." in text and "No event is recorded." in text


_TEXT = st.text(
    st.one_of(st.sampled_from("<>&\"'/=;: \n\t"), st.characters()), min_size=1, max_size=40
)


@functools.cache
def _baseline_structure() -> list[tuple[str, tuple[str, ...]]]:
    return Page(render_report(_with_text(sample_report(), "x", None))).structure


def _shown(text: str) -> str:
    """``text`` as the page shows it: HTML whitespace runs as one space (as a browser shows
    them), then the library's one escaping rule."""
    return escape(re.sub(r"[ \t\n\r\f]+", " ", text))


_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


@given(text=_TEXT)
def test_any_text_is_escaped_and_leaves_the_structure_alone(text: str) -> None:
    page = Page(render_report(_with_text(sample_report(), text, None)))
    assert page.structure == _baseline_structure()
    shown = "".join(page.text)
    assert shown.count(_shown(text)) >= 30
    assert not [c for c in set(shown) - {"\n"} if unicodedata.category(c) in _HIDDEN]
    meta = [a for t, a in page.tags if t == "meta" and a.get("name") == "generator"]
    assert meta == [{"name": "generator", "content": _shown(text)}]


def test_controls_and_bidi_overrides_are_shown_not_obeyed() -> None:
    hostile = "safe\u202etxt.exe \x00 \x1b[2J \u2066x\u2069 \u200b"
    document = render_report(_with_text(sample_report(), hostile, None))
    for raw in ("\u202e", "\x00", "\x1b", "\u2066", "\u2069", "\u200b"):
        assert raw not in document
    shown = "".join(Page(document).text)
    assert r"safe\u202etxt.exe \x00 \x1b[2J \u2066x\u2069 \u200b" in shown
    used = set(to_html(hostile_program(), as_of=AS_OF))  # each character once, not 2 MB
    assert not [c for c in used if unicodedata.category(c) in _HIDDEN - {"Cc"}]
    assert not [c for c in used if unicodedata.category(c) == "Cc" and c != "\n"]


def test_only_a_program_or_a_report_is_drawn() -> None:
    with pytest.raises(TypeError, match="program must be a Program, not str"):
        to_html("x", as_of=AS_OF)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="report must be a Report, not str"):
        render_report("x")  # type: ignore[arg-type]


@given(url=st.one_of(st.text(max_size=30), _TEXT.map(lambda s: "https://e.org/" + s)))
def test_any_url_is_a_link_only_if_http(url: str) -> None:
    document = render_report(_with_text(sample_report(), "x", url))
    hrefs = {h for h in Page(document).attr("a", "href") if h and not h.startswith("#")}
    assert hrefs <= {url}
    assert all(re.match(r"https?://[^\s/?#]", href, re.IGNORECASE) for href in hrefs)
    assert hrefs or _shown(url) in "".join(Page(document).text) or not url


# In Chromium -------------------------------------------------------------------------------

SHOTS = Path(tempfile.gettempdir())


@pytest.fixture(scope="module")
def report_url() -> str:
    path = SHOTS / "csto-program-report.html"
    path.write_text(render_report(sample_report()), encoding="utf-8")
    return path.as_uri()


def _open(driver: WebDriver, url: str, width: int = 1280) -> None:
    console_errors(driver)  # empty the logs
    requested_urls(driver)
    set_viewport(driver, width)
    driver.get(url)


def _visible_titles(driver: WebDriver) -> list[str]:
    from selenium.webdriver.common.by import By

    return [
        li.find_element(By.CSS_SELECTOR, "h3").text.split("\n")[-1]
        for li in driver.find_elements(By.CSS_SELECTOR, "#events > li")
        if li.is_displayed()
    ]


def _count(driver: WebDriver) -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, "filter-count").text


def check_page_loads_offline_with_a_clean_console(driver: WebDriver, report_url: str) -> None:
    from selenium.webdriver.common.by import By

    _open(driver, report_url)
    assert driver.title.startswith("CSTO Targeted Interstate Program")
    assert driver.find_element(By.ID, "filter").is_displayed()  # the script ran (CSP allowed it)
    assert _count(driver) == "10 of 10 events shown"
    labels, width, room = driver.execute_script(
        "const svg = document.querySelector('.chart svg');"
        "return [Array.from(svg.querySelectorAll('text'), t => t.textContent),"
        " svg.getBoundingClientRect().width, svg.parentElement.clientWidth]"
    )
    assert "as of 2026-01-29" in labels and width == room  # the chart fills the width
    assert requested_urls(driver) == [report_url]
    assert console_errors(driver) == []


def check_the_filter_shows_the_right_events(driver: WebDriver, report_url: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    _open(driver, report_url)
    everything = _visible_titles(driver)
    assert len(everything) == 10
    search = driver.find_element(By.ID, "filter-text")
    search.send_keys("masadykov")
    assert _visible_titles(driver) == ["Secretary General Talatbek Masadykov on the program"]
    assert _count(driver) == "1 of 10 events shown"
    search.clear()
    search.send_keys("first stage")  # every word, anywhere in the event
    assert len(_visible_titles(driver)) == 4
    driver.find_element(By.ID, "filter-reset").click()
    assert _visible_titles(driver) == everything and _count(driver) == "10 of 10 events shown"

    kind = Select(driver.find_element(By.ID, "filter-kind"))
    kind.select_by_value("meeting")
    assert _visible_titles(driver) == [
        "Collective Security Council adopts the program",
        "Working group reviews the first stage",
        "Collective Security Council session",
    ]
    assert _count(driver) == "3 of 10 events shown"
    kind.select_by_value("")
    stage = Select(driver.find_element(By.ID, "filter-stage"))
    stage.select_by_value("2")
    assert _visible_titles(driver) == [
        "Draft schedule reported",
        "Adopted text published",
        "Implementation schedule approved",
        "Secretary General Talatbek Masadykov on the program",
    ]
    kind.select_by_value("statement")
    assert _visible_titles(driver) == ["Secretary General Talatbek Masadykov on the program"]
    driver.find_element(By.ID, "filter-text").send_keys("nothing like this", Keys.ENTER)
    assert _visible_titles(driver) == [] and _count(driver) == "0 of 10 events shown"
    assert driver.current_url == report_url  # Enter does not submit the form
    assert console_errors(driver) == []


def check_every_source_link_is_http(driver: WebDriver, report_url: str) -> None:
    from selenium.webdriver.common.by import By

    _open(driver, report_url)
    links = driver.find_elements(By.CSS_SELECTOR, ".sources a")
    hrefs = [link.get_attribute("href") or "" for link in links]
    assert len(hrefs) == 13
    assert all(re.match(r"https?://", href) for href in hrefs)
    assert "https://tass.com/world/2078683" in hrefs


def check_hostile_text_stays_text_in_the_browser(driver: WebDriver, _: str) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    path = SHOTS / "csto-program-report-hostile.html"
    report = _with_text(sample_report(), HOSTILE, "javascript:alert(3)")
    path.write_text(render_report(report), encoding="utf-8")
    _open(driver, path.as_uri())
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.accept()
    assert driver.find_element(By.TAG_NAME, "h1").text == HOSTILE
    assert driver.find_elements(By.CSS_SELECTOR, "main img, .sources a") == []
    assert requested_urls(driver) == [path.as_uri()]
    assert console_errors(driver) == []


def check_print_hides_the_filter_and_shows_every_event_and_address(
    driver: WebDriver, report_url: str
) -> None:
    from selenium.webdriver.common.by import By

    _open(driver, report_url)
    driver.find_element(By.ID, "filter-text").send_keys("masadykov")
    assert len(_visible_titles(driver)) == 1
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not driver.find_element(By.ID, "filter").is_displayed()
    assert len(_visible_titles(driver)) == 10
    after = driver.execute_script(
        "return getComputedStyle(document.querySelector('.sources a'), '::after').content"
    )
    assert after == '" <https://example.org/draft>"'


def check_without_javascript_every_event_shows_and_the_filter_hides(
    driver: WebDriver, report_url: str
) -> None:
    from selenium.webdriver.common.by import By

    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        _open(driver, report_url)
        assert not driver.find_element(By.ID, "filter").is_displayed()
        assert len(_visible_titles(driver)) == 10
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def _screenshot(driver: WebDriver, report_url: str, width: int, dark: bool) -> None:
    _open(driver, report_url, width)
    path = SHOTS / f"csto-program-report-{width}{'-dark' if dark else ''}.png"
    height = full_page_screenshot(driver, width, path, dark=dark)
    assert path.stat().st_size > 10_000 and height > 1000
    scroll, inner = driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll <= inner == width  # no horizontal scroll of the page
    background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    assert background == ("rgb(13, 17, 23)" if dark else "rgb(255, 255, 255)")


def check_screenshot_390(driver: WebDriver, report_url: str) -> None:
    _screenshot(driver, report_url, 390, dark=False)


def check_screenshot_1280(driver: WebDriver, report_url: str) -> None:
    _screenshot(driver, report_url, 1280, dark=False)


def check_screenshot_390_dark(driver: WebDriver, report_url: str) -> None:
    _screenshot(driver, report_url, 390, dark=True)


_MISSING = missing_browser()


# One test function for every check, so that where no browser is found, ``pytest -ra``
# prints one line for all of them.
@pytest.mark.skipif(
    _MISSING is not None, reason=f"browser tests need Chromium and chromedriver: {_MISSING}"
)
@pytest.mark.parametrize(
    "check",
    [
        check_page_loads_offline_with_a_clean_console,
        check_the_filter_shows_the_right_events,
        check_every_source_link_is_http,
        check_hostile_text_stays_text_in_the_browser,
        check_print_hides_the_filter_and_shows_every_event_and_address,
        check_without_javascript_every_event_shows_and_the_filter_hides,
        check_screenshot_390,
        check_screenshot_1280,
        check_screenshot_390_dark,
    ],
    ids=lambda check: check.__name__.removeprefix("check_"),
)
def test_in_chromium(
    check: Callable[[WebDriver, str], None], driver: WebDriver, report_url: str
) -> None:
    """Each check opens a report in the one headless Chromium of this module."""
    check(driver, report_url)


def test_the_report_draws_its_chart_without_matplotlib() -> None:
    code = (
        "import datetime, sys\n"
        "from csto_program.datasets import tajik_afghan_border\n"
        "from csto_program.export.html import to_html\n"
        "page = to_html(tajik_afghan_border(), as_of=datetime.date(2026, 1, 29))\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib was imported'\n"
        "assert '<h2 id=\"chart\">Chart</h2>' in page\n"
        "assert '>as of 2026-01-29</text>' in page and '>2027</text>' in page\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_chart_is_there_when_matplotlib_is_not_installed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # makes `import matplotlib` fail
    page = to_html(hostile_program(), as_of=AS_OF)
    svg = page[page.index("<svg ") : page.index("</svg>") + 6]
    texts = ["".join(node.itertext()) for node in ET.fromstring(svg).iter(f"{SVG}text")]
    assert f"as of {AS_OF}" in texts and "Key dates" in texts
    assert "<script" not in svg and "href" not in svg.replace("url(#", "")


# The compiled template --------------------------------------------------------------------


def test_the_compiled_template_is_current_and_renders_the_same() -> None:
    import jinja2

    from csto_program.export import _report_template as compiled
    from csto_program.export import html as module

    # `make generated` rewrites it; with another jinja2 it is not used (see below)
    if jinja2.__version__ == compiled.JINJA:
        path = Path(compiled.__file__)
        current = path.read_text(encoding="utf-8") == module._compiled_template_module()
        assert current, f"{path} is out of date: run `make generated`"
        assert module._template().filename == compiled.__file__
    fresh = module._environment().get_template("report.html.j2")
    report = sample_report()
    with using(report.lang):
        context = module._context(report)
        assert module._template().render(**context) == fresh.render(**context)


def test_an_out_of_date_compiled_template_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    from csto_program.export import _report_template as compiled
    from csto_program.export import html as module

    for name, value in (("TEMPLATE", compiled.TEMPLATE + " "), ("JINJA", "0.0")):
        with monkeypatch.context() as patch:
            patch.setattr(compiled, name, value)
            module._template.cache_clear()
            assert module._template().filename != compiled.__file__
    module._template.cache_clear()
