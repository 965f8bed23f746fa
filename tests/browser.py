"""Helpers for the HTML report tests: a realistic sample report and a headless Chromium.

The browser is Debian's ``chromium`` driven by its ``chromedriver`` through Selenium 4. Both
paths are given explicitly (``CSTO_CHROMIUM`` and ``CSTO_CHROMEDRIVER`` override them), so
Selenium Manager is never asked to find or download anything.
"""

from __future__ import annotations

import base64
import contextlib
import importlib.util
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from csto_program.export.html import (
    Report,
    ReportEvent,
    ReportNote,
    ReportPlan,
    ReportSource,
    ReportStage,
)

if TYPE_CHECKING:
    from selenium.webdriver.chrome.webdriver import WebDriver

CHROMIUM = os.environ.get("CSTO_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CSTO_CHROMEDRIVER", "/usr/bin/chromedriver")
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)

TASS = ReportSource(
    outlet="TASS",
    title="CSTO assisting in the first stage of the Tajik–Afghan border program",
    url="https://tass.com/world/2078683",
    published="2026-01-29",
)
CSTO = ReportSource("CSTO", "Collective Security Council session in Astana", None, "2024-11-28")


def _source(outlet: str, title: str, slug: str, published: str) -> ReportSource:
    return ReportSource(outlet, title, f"https://example.org/{slug}", published)


DRAFT = _source("Interfax", "Draft border program ahead of the summit", "draft", "2024-11-27")
ADOPTED = _source("CSTO", "Targeted Interstate Program: text", "program-text", "2024-12-04")
SCHEDULE = _source("CSTO", "Implementation schedule approved", "schedule", "2025-04-11")
WINDOWS = (
    (1, "2025-01-01", "2025-12-31"),
    (2, "2026-01-01", "2027-12-31"),
    (3, "2028-01-01", "2029-12-31"),
)

CHART_SVG = """<?xml version="1.0" encoding="utf-8" standalone="no"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 150" width="720" height="150"
     font-family="DejaVu Sans, sans-serif" font-size="13">
  <rect x="60" y="20" width="120" height="26" fill="#c62828"/>
  <rect x="180" y="56" width="240" height="26" fill="#1565c0"/>
  <rect x="420" y="92" width="240" height="26" fill="#9e9e9e"/>
  <text x="8" y="38">Stage 1</text><text x="8" y="74">Stage 2</text>
  <text x="8" y="110">Stage 3</text>
  <g fill="#555" text-anchor="middle">
    <text x="60" y="142">2025</text><text x="180" y="142">2026</text>
    <text x="300" y="142">2027</text><text x="420" y="142">2028</text>
    <text x="540" y="142">2029</text><text x="660" y="142">2030</text>
  </g>
  <line x1="189" y1="12" x2="189" y2="124" stroke="#d32f2f" stroke-width="2"/>
  <text x="195" y="14" fill="#d32f2f" font-size="11">as of 2026-01-29</text>
</svg>
"""


def sample_report() -> Report:
    """The program as known on 2026-01-29: three stages, three plans, ten events, notes.

    The facts follow the record; the TASS source is real, the other addresses are
    placeholders on example.org.
    """
    stages = (
        ReportStage(
            1,
            "Initial works",
            "2025-01-01",
            "2025-12-31",
            "overdue",
            "overdue",
            "in_progress",
            "29 days overdue",
            34,
        ),
        ReportStage(
            2,
            "Main construction and equipment",
            "2026-01-01",
            "2027-12-31",
            "active",
            "active",
            "not_started",
            "701 days left",
            0,
        ),
        ReportStage(
            3,
            "Completion and handover",
            "2028-01-01",
            "2029-12-31",
            "upcoming",
            "upcoming",
            None,
            "starts in 702 days",
            0,
        ),
    )
    plans = (
        ReportPlan(
            "draft",
            "2024-11-25",
            "Draft reported before the Astana summit",
            (
                (1, "2025-01-01", "2025-11-27"),
                (2, "2025-11-28", "2027-12-31"),
                (3, "2028-01-01", "2029-12-31"),
            ),
            (None, None, None),
            (DRAFT,),
        ),
        ReportPlan(
            "adopted",
            "2024-12-04",
            "Text adopted in Astana, published",
            WINDOWS,
            (34, 0, 0),
            (ADOPTED,),
        ),
        ReportPlan(
            "schedule",
            "2025-04-11",
            "Implementation schedule; windows kept",
            WINDOWS,
            (34, 0, 0),
            (SCHEDULE,),
        ),
    )
    events = (
        ReportEvent(
            "2023",
            "plan",
            (),
            "Work on a border program begins",
            "The member states start drafting a targeted program to strengthen the "
            "Tajik–Afghan border.",
            (),
        ),
        ReportEvent(
            "2024-11-25?",
            "plan",
            (1, 2, 3),
            "Draft schedule reported",
            "A report ahead of the summit gives the draft's stage windows: stage 1 "
            "would end on 2025-11-27.",
            (DRAFT,),
        ),
        ReportEvent(
            "2024-11-28",
            "meeting",
            (),
            "Collective Security Council adopts the program",
            "The heads of state, meeting in Astana, adopt the five-year program in three stages.",
            (CSTO,),
        ),
        ReportEvent(
            "2024-12-04",
            "plan",
            (1, 2, 3),
            "Adopted text published",
            "Stage 1 runs through 2025; stage 2 through 2027; stage 3 through 2029.",
            (ADOPTED,),
        ),
        ReportEvent(
            "2025-04",
            "statement",
            (1,),
            "Officials describe the first-stage works",
            "Border facilities and equipment are listed for the first stage.",
            (_source("Asia-Plus", "First-stage works on the border", "works", "2025-04"),),
        ),
        ReportEvent(
            "2025-04-11",
            "plan",
            (1, 2, 3),
            "Implementation schedule approved",
            "The windows of the adopted text are kept.",
            (SCHEDULE,),
        ),
        ReportEvent(
            "2025-09~",
            "meeting",
            (1,),
            "Working group reviews the first stage",
            "Deliveries for the first stage are reviewed.",
            (),
        ),
        ReportEvent(
            "2025-11-27",
            "meeting",
            (),
            "Collective Security Council session",
            "The heads of state hear how the program is going.",
            (_source("CSTO", "Collective Security Council", "ccs-2025", "2025-11-27"),),
        ),
        ReportEvent(
            "2025-11-27",
            "report",
            (1,),
            "Progress report on the first stage",
            "The first stage is under way; no completion is reported.",
            (_source("CSTO", "Report on the program", "report-2025", "2025-11-27"),),
        ),
        ReportEvent(
            "2026-01-29",
            "statement",
            (1, 2),
            "Secretary General Talatbek Masadykov on the program",
            "The CSTO is “currently assisting in the implementation of the first "
            "stage”, Talatbek Masadykov said.",
            (TASS,),
        ),
    )
    notes = (
        ReportNote(
            "conflict",
            "By the plan, stage 1 ended on 2025-12-31, yet on 2026-01-29 the Secretary "
            "General spoke of its implementation as current work: the stage is shown "
            "as overdue and in progress.",
            (TASS, SCHEDULE),
        ),
        ReportNote(
            "date_resolution",
            "The draft schedule is dated 2024-11-25 with a question mark: the day comes "
            "from a report published two days later.",
            (DRAFT,),
        ),
        ReportNote(
            "context",
            "The program runs for five years in three stages; the stage table shows the "
            "windows of the latest plan, of 2025-04-11.",
            (),
        ),
    )
    return Report(
        title="CSTO Targeted Interstate Program to strengthen the Tajik–Afghan border",
        summary=(
            "As of 2026-01-29 the program, adopted in Astana on 2024-11-28, is in its second "
            "year. Stage 1 was planned to end on 2025-12-31 (34 days later than in the "
            "draft), but no completion has been reported: it is 29 days overdue and, by the "
            "Secretary General's word of 2026-01-29, still in progress. Stage 2 is due to "
            "run until 2027-12-31 and is not reported as started; stage 3 begins on "
            "2028-01-01."
        ),
        as_of="2026-01-29",
        known_on="2026-01-29",
        stages=stages,
        plans=plans,
        events=events,
        notes=notes,
        chart_svg=CHART_SVG,
        generator="csto-program 0.1.0",
    )


def missing_browser() -> str | None:
    """Why the browser tests cannot run on this machine, or None when they can."""
    if importlib.util.find_spec("selenium") is None:
        return "selenium is not installed (pip install -e '.[test]')"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            return f"{path} not found (apt-get install chromium chromium-driver)"
    return None


@contextlib.contextmanager
def chromium() -> Iterator[WebDriver]:
    """A headless Chromium with a fresh profile, logging the console and the network."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    with tempfile.TemporaryDirectory(prefix="csto-program-chromium-") as profile:
        for flag in (*FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
        try:
            driver.get("about:blank")  # leave the new-tab page, then forget what it loaded
            _log(driver, "performance")
            _log(driver, "browser")
            yield driver
        finally:
            driver.quit()


def _log(driver: WebDriver, kind: str) -> list[dict[str, Any]]:
    """The entries of one of the driver's logs since the last read (reading empties it)."""
    return driver.get_log(kind)  # type: ignore[no-untyped-call,no-any-return]


def console_errors(driver: WebDriver) -> list[str]:
    """The console's errors since the last call (reading the log empties it)."""
    entries = _log(driver, "browser")
    return [entry["message"] for entry in entries if entry["level"] == "SEVERE"]


def requested_urls(driver: WebDriver) -> list[str]:
    """Every URL the page asked for since the last call, from the performance log."""
    urls = []
    for entry in _log(driver, "performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def set_viewport(driver: WebDriver, width: int, height: int = 900, *, dark: bool = False) -> None:
    """Emulate a screen ``width`` CSS pixels wide (a phone below 600) and a colour scheme."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    scheme = "dark" if dark else "light"
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )


def full_page_screenshot(driver: WebDriver, width: int, path: Path, *, dark: bool = False) -> int:
    """Save the whole page, ``width`` pixels wide, as a PNG at ``path``; give its height."""
    set_viewport(driver, width, dark=dark)
    height = int(driver.execute_script("return document.documentElement.scrollHeight"))
    set_viewport(driver, width, height, dark=dark)
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}
    )
    path.write_bytes(base64.b64decode(shot["data"]))
    return height
