"""Markdown checked with markdown-it-py (CommonMark + tables); Mermaid checked by structure.

The oracle for words is :mod:`csto_program.export.text`: every cell and line must say what
it says, so the formats can never disagree with the command line.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from csto_program import Program, StageState
from csto_program import words as text
from csto_program.datasets import dataset_text, tajik_afghan_border
from csto_program.dates import Precision
from csto_program.export.markdown import escape_markdown, to_markdown
from csto_program.export.mermaid import NAME_LENGTH, TITLE_LENGTH, escape_mermaid, to_mermaid
from export_samples import hostile_program, one_plan_program, programs, sample_program

D = datetime.date
AS_OF = D(2026, 1, 29)
_MD = MarkdownIt("commonmark").enable("table")
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_JARGON = re.compile(r"\b(seed article|issue|brief)\b", re.IGNORECASE)
_DATES = st.dates(D(1990, 1, 1), D(2045, 12, 31))


def _words(value: str) -> str:
    """``value`` as one line, as a Markdown or Mermaid rendering shows it."""
    return _UNSAFE.sub("\ufffd", " ".join(value.split()))


def _plain(inline: Token) -> str:
    """The text of an inline token; it must hold nothing but text (no links, emphasis...)."""
    children = inline.children or []
    assert all(child.type in ("text", "softbreak") for child in children), [
        c.type for c in children
    ]
    return "".join(" " if c.type == "softbreak" else c.content for c in children)


def _shown(inline: Token) -> str:
    """What a reader sees of an inline token: its text, links and emphasis flattened."""
    return "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline"))


def _tables(tokens: list[Token]) -> list[list[list[Token]]]:
    """Every table: rows of the cells' inline tokens."""
    tables: list[list[list[Token]]] = []
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append([])
        elif token.type == "inline" and tables and token.level > 2 and tables[-1]:
            tables[-1][-1].append(token)
        elif token.type == "table_close":
            tables[-1] = [row for row in tables[-1] if row]
    return tables


def _sections(tokens: list[Token]) -> dict[str, list[Token]]:
    """The tokens under each ``##`` heading, by heading text."""
    found: dict[str, list[Token]] = {}
    current = ""
    skip = 0
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            current = _plain(tokens[index + 1])
            found[current] = []
            skip = 2  # the heading's text and its end
        elif skip:
            skip -= 1
        elif current:
            found[current].append(token)
    return found


def _items(tokens: list[Token]) -> list[Token]:
    """The inline tokens of a section's list items."""
    return [t for i, t in enumerate(tokens) if t.type == "inline" and tokens[i - 1].tag == "p"]


def _check_markdown(program: Program, as_of: D, known_on: D | None = None) -> list[Token]:
    report = to_markdown(program, as_of=as_of, known_on=known_on)
    assert not _UNSAFE.search(report.replace("\n", ""))  # no raw control characters
    tokens = _MD.parse(report)
    assert not [t for t in tokens if t.type.startswith("html")]
    for token in tokens:
        assert not [c for c in token.children or [] if c.type.startswith("html")]
    assert tokens[0].type == "heading_open" and tokens[0].tag == "h1"
    assert _plain(tokens[1]) == _words(program.title)
    view = text.cut(program, as_of, known_on)  # the oracle: only what was known
    status = view.status
    sections = _sections(tokens)
    heading = f"Status as of {as_of}, as known on {known_on or as_of}"
    expected = [heading, "Chart", "Plan history", "Timeline", "Sources"]
    assert list(sections)[:5] == expected
    assert ("Notes" in sections) == bool(view.program.notes)
    _check_status(sections[expected[0]], status)
    (fence,) = [t for t in sections["Chart"] if t.type == "fence"]
    assert fence.info == "mermaid"
    assert fence.content == to_mermaid(program, as_of=as_of, known_on=known_on)
    _check_plan_history(sections["Plan history"], view, status)
    _check_timeline(sections["Timeline"], view)
    _check_sources(sections["Sources"], view.program)
    return tokens


def _check_status(tokens: list[Token], status: Any) -> None:
    headline = next(t for t in tokens if t.type == "inline")
    kinds = [c.type for c in headline.children or [] if c.type != "text" or c.content]
    assert kinds[0] == "strong_open" and kinds[-1] == "strong_close"
    words = text.headline(status)
    assert _shown(headline) == f"{words[0].upper()}{words[1:]}."
    tables = _tables(tokens)
    if status.plan is None:
        assert tables == []
        return
    (rows,) = tables
    assert [_plain(c) for c in rows[0]] == [
        "Stage", "Name", "Window", "State", "Progress", "Days", "Shift vs first plan",
    ]  # fmt: skip
    assert len(rows) == 1 + len(status.stages)  # one row per stage of the plan in use
    for row, stage_status in zip(rows[1:], status.stages, strict=True):
        stage = stage_status.stage
        cells = [_plain(cell) for cell in row]
        assert cells[0] == str(stage.number)
        assert cells[1] == _words(stage.name)
        assert cells[2] == f"{stage.start} – {stage.last_day}"  # not interval notation
        assert cells[3] == text.state_words(stage_status)
        assert cells[4] == text.progress_line(stage_status)
        if stage_status.report is not None:
            assert cells[4].endswith(f"{stage_status.report.reported_on})")
        assert cells[5] == text.days_cell(stage_status)
        shift = text.shift_words(stage_status.rescheduled_days, stage_status.rescheduled_inferred)
        assert cells[6] == shift


def _check_plan_history(tokens: list[Token], view: text.Cut, status: Any) -> None:
    plans = view.plans
    if not plans:  # before the first plan was announced
        assert _tables(tokens) == []
        assert [_plain(t) for t in tokens if t.type == "inline"] == ["No plan had been announced."]
        return
    (rows,) = _tables(tokens)
    history = text.plan_history(view.program)
    count = max(len(plan.stages) for plan in plans)
    assert [_plain(c) for c in rows[0]] == [
        "Plan", "Announced", "Basis", *(f"Stage {n}" for n in range(1, count + 1)),
    ]  # fmt: skip
    assert len(rows) == 1 + len(plans)
    for index, (row, plan) in enumerate(zip(rows[1:], history, strict=True), start=1):
        cells = [_plain(cell) for cell in row]
        in_use = status.plan is not None and status.plan.id == plan["id"]
        inferred = " (inferred)" if plan["inferred"] else ""
        assert cells[0] == f"{index}: {plan['id']}{inferred}" + (" (in use)" if in_use else "")
        assert cells[1] == plan["announced_on"]
        assert cells[2] == (_words(plan["basis"]) or "–")
        for stage in plan["stages"]:
            window = f"{stage['start']} – {stage['last_day']}"
            if index > 1:
                shift = text.shift_words(stage["shift_from_first"], stage["shift_inferred"])
                window += f", {shift}"
            assert cells[2 + stage["number"]] == window
        assert cells[3 + len(plan["stages"]) :] == ["–"] * (count - len(plan["stages"]))


def _check_timeline(tokens: list[Token], view: text.Cut) -> None:
    program, as_of = view.program, view.as_of
    items = _items(tokens)
    events = view.events()
    assert len(items) == len(events) + 1  # every event, and the as-of marker
    shown = iter(items)
    placed = False
    for event in events:
        if not placed and event.key[0] > as_of:
            assert _shown(next(shown)) == f"{as_of} · as of this report"
            placed = True
        item = next(shown)
        line = _shown(item)
        said = f"{event.title} — {event.text}" if event.text else event.title
        assert line.startswith(f"{_words(event.when)} · {event.kind} · {_words(said)}")
        links = [c.attrs["href"] for c in item.children or [] if c.type == "link_open"]
        urls = [getattr(program.by_id[ref], "url", None) for ref in event.sources]
        assert links == [url for url in urls if url]
    if not placed:
        assert _shown(next(shown)) == f"{as_of} · as of this report"


def _check_sources(tokens: list[Token], program: Program) -> None:
    items = _items(tokens)
    if not program.sources:
        assert [_plain(t) for t in tokens if t.type == "inline"] == ["None recorded."]
        return
    assert len(items) == len(program.sources)
    for item, source in zip(items, program.sources, strict=True):
        line = _shown(item)
        assert line.startswith(_words(text.source_label(program, source)))
        if source.title.strip():
            assert f"“{_words(source.title)}”" in line
        if source.published_on is not None:
            assert str(source.published_on) in line
        links = [c.attrs["href"] for c in item.children or [] if c.type == "link_open"]
        assert links == ([source.url] if source.url else [])


@given(programs(), _DATES, st.none() | _DATES)
def test_markdown_and_mermaid_structure(program: Program, as_of: D, known_on: D | None) -> None:
    _check_markdown(program, as_of, known_on)
    _check_mermaid(program, as_of, known_on)


def test_markdown_of_the_sample() -> None:
    program = sample_program()
    tokens = _check_markdown(program, AS_OF)
    report = to_markdown(program, as_of=AS_OF)
    assert "| 1 | Stage 1: assessment \\| funding |" in report  # the pipe is escaped
    assert "[2025-01-01, " not in report  # windows are not interval notation
    assert _JARGON.search(report) is None
    sections = _sections(tokens)
    status = next(
        t for t in sections["Status as of 2026-01-29, as known on 2026-01-29"] if t.type == "inline"
    )
    assert _shown(status) == ("Planned: stage 2 of 3; reported: stage 1 in progress (2026-01-29).")
    (rows,) = _tables(sections["Status as of 2026-01-29, as known on 2026-01-29"])
    assert [_plain(c) for c in rows[1]] == [
        "1", "Stage 1: assessment | funding", "2025-01-01 – 2025-12-31", "overdue by 29 days",
        "in progress (2026-01-29)", "29 overdue", "+34 days (later)",
    ]  # fmt: skip
    (history,) = _tables(sections["Plan history"])
    assert [_plain(c) for c in history[2]][:4] == [
        "2: later-plan (in use)",
        "2024-12-04",
        "Implementation starts on 1 January 2025.",
        "2025-01-01 – 2025-12-31, +34 days (later)",
    ]
    items = [_shown(item) for item in _items(sections["Timeline"])]
    sochi = next(item for item in items if "Sochi" in item)
    assert sochi == "2013-09-23 · meeting · Meeting of the heads of state in Sochi (Sochi, RU)"
    assert not any("Sochi, Sochi" in item for item in items)
    assert items[1] == "2023? – 2024 · meeting · Consultations on the draft"
    assert items[2] == (
        "2024-02-27 – 2024-03-01 · meeting · Joint meeting: ministries; agencies (Moscow, RU)"
        " (TASS, 2026-01-29)"  # a source told apart by its outlet and date
    )
    quote = next(item for item in items if "<b>" in item)  # HTML stays text
    assert quote.startswith(
        "2025-11 · statement · Talatbek *Masadykov*, CSTO Secretary-General — “Stage one"
    )
    reports = [item for item in items if " · report · " in item]
    assert reports[0] == (
        "2025-04 · report · stage 1 in progress as of 2025-04-11 — Talks on the first stage's "
        "tasks. (Khovar [TJ], 2025-01)"
    )
    assert len(reports) == len(program.reports) - 1  # the one of 2028 was not known yet
    marker = items.index("2026-01-29 · as of this report")
    assert all(not item.startswith("2028") for item in items[:marker])
    sources = [_shown(item) for item in _items(sections["Sources"])]
    assert sources == [
        "TASS, “CSTO assists in the first stage”, 2026-01-29: https://tass.com/world/2078683",
        "Khovar [TJ], 2025-01",
        "Odd (outlet) via Khovar [TJ], “A title”: https://example.org/a_(b)",
    ]
    notes = [_shown(item) for item in _items(sections["Notes"])]
    assert notes == [
        "date resolution · Resolved from Asia-Plus. Stated: “September 23”. "
        "Resolved to 2013-09-23. (Khovar [TJ], 2025-01)"
    ]


def test_markdown_as_known_on_an_earlier_day() -> None:
    program = sample_program()
    tokens = _check_markdown(program, AS_OF, D(2024, 12, 1))
    report = to_markdown(program, as_of=AS_OF, known_on=D(2024, 12, 1))
    assert "Plan in use: first-plan (announced 2024-11-25)" in report
    (rows,) = _tables(_sections(tokens)["Status as of 2026-01-29, as known on 2024-12-01"])
    assert [_plain(c) for c in rows[1]][2:5] == [
        "2024-11-28 – 2025-11-27", "overdue by 63 days", "no progress report",
    ]  # fmt: skip
    early = to_markdown(program, as_of=D(2024, 1, 1))  # before any plan was announced
    assert "No plan had been announced by 2024-01-01." in early
    _check_markdown(program, D(2024, 1, 1))


def test_markdown_of_the_embedded_record() -> None:
    program = tajik_afghan_border()
    tokens = _check_markdown(program, AS_OF)
    report = to_markdown(program, as_of=AS_OF)
    record = dataset_text()
    for match in _JARGON.finditer(report):  # only inside the record's own words (a quote)
        assert report[match.start() - 20 : match.end() + 10] in record
    (history,) = _tables(_sections(tokens)["Plan history"])
    assert len(history) == 1 + len(program.plans)
    assert "in use" in _plain(history[-1][0])
    items = [_shown(i) for i in _items(_sections(tokens)["Timeline"])]
    assert sum(" · report · " in item for item in items) == len(program.reports)
    assert sum(" · plan · " in item for item in items) == len(program.plans)
    for place in ("Sochi", "Astana", "Moscow", "Dushanbe"):
        assert f"{place}, {place}" not in report


def test_markdown_with_a_completed_late_stage() -> None:
    program = sample_program()
    tokens = _check_markdown(program, D(2028, 6, 1))
    (rows,) = _tables(_sections(tokens)["Status as of 2028-06-01, as known on 2028-06-01"])
    assert [_plain(c) for c in rows[2]][3:6] == [
        "completed on 2028-02-01, 32 days late",
        "completed (2028-02-10)",
        "32 late",
    ]


@given(st.text(max_size=60))
def test_escaped_markdown_renders_as_its_words(value: str) -> None:
    escaped = escape_markdown(value)
    assert "\n" not in escaped and not _UNSAFE.search(escaped)
    (rows,) = _tables(_MD.parse(f"| h |\n| --- |\n| {escaped} |\n"))
    assert len(rows) == 2 and len(rows[1]) == 1  # no extra column, no broken row
    assert _plain(rows[1][0]) == _words(value).replace("\x00", "\ufffd")
    (paragraph,) = (t for t in _MD.parse(f"x {escaped} y\n") if t.type == "inline")
    assert _plain(paragraph) == f"x {_words(value)} y"


def test_url_escaping() -> None:
    program = sample_program()
    odd = attrs.evolve(program.sources[2], url="https://example.org/\\a<b>(c)")
    program = attrs.evolve(program, sources=(*program.sources[:2], odd))
    tokens = _MD.parse(to_markdown(program, as_of=AS_OF))
    hrefs = [c.attrs["href"] for t in tokens for c in t.children or [] if c.type == "link_open"]
    assert "https://example.org/%5Ca%3Cb%3E(c)" in hrefs  # markdown-it's own normalisation


def test_hostile_text_stays_text() -> None:
    program = hostile_program()
    report = to_markdown(program, as_of=AS_OF)
    tokens = _check_markdown(program, AS_OF)
    assert "\x1b" not in report and "\u202e" not in report and "\r" not in report
    assert "\\<script\\>" in report
    (rows,) = _tables(_sections(tokens)["Status as of 2026-01-29, as known on 2026-01-29"])
    assert all(len(row) == 7 for row in rows)  # no cell broke out of its column
    for character in set(report):  # each character once, not a megabyte
        assert unicodedata.category(character) != "Cc" or character == "\n"


# ------------------------------------------------------------------------------ mermaid

_TASK = re.compile(r"\A    (?P<name>[^:\n]+?) :(?P<data>[^:\n]+)\Z")
_ENTITY = re.compile(r"#(\d+);")
_KEYWORDS = re.compile(
    r"\A(gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes"
    r"|todaymarker|weekday|weekend|title|accdescription|acctitle|accdescr|section|click|call"
    r"|href|\d)",
    re.IGNORECASE,
)
_TAGS = {
    StageState.COMPLETED: ["done"],
    StageState.COMPLETED_LATE: ["done", "crit"],
    StageState.OVERDUE: ["crit"],
    StageState.ACTIVE: ["active"],
    StageState.UPCOMING: [],
    StageState.CANCELLED: [],
}


def _decode(name: str) -> str:
    """Mermaid's entity decoding; the raw name must hold no character Mermaid reads."""
    assert not re.search(r"[:;%#<>]", _ENTITY.sub("", name))
    assert not _KEYWORDS.match(name)
    assert not _UNSAFE.search(name)
    return _ENTITY.sub(lambda m: chr(int(m[1])), name)


def _shortened(value: str, width: int) -> str:
    line = " ".join(value.split())
    line = line if len(line) <= width else line[: width - 1].rstrip() + "…"
    return _UNSAFE.sub("\ufffd", line)


def _gantt(chart: str) -> dict[str, Any]:
    lines = chart.split("\n")
    assert lines[0] == "gantt" and lines[-1] == ""
    found: dict[str, Any] = {"sections": {}, "settings": {}}
    section = None
    for line in lines[1:-1]:
        assert line.startswith("    ") and "\n" not in line
        body = line[4:]
        if body.startswith("section "):
            section = body[len("section ") :]
            found["sections"][section] = []
        elif section is None:
            key, _, value = body.partition(" ")
            found["settings"][key] = value
        else:
            match = _TASK.match(line)
            assert match is not None, line
            data = [part.strip() for part in match["data"].split(",")]
            found["sections"][section].append((_decode(match["name"]), data))
    return found


def _stage_name(stage: Any) -> str:
    name = " ".join(stage.name.split())
    if not name.lower().startswith(f"stage {stage.number}"):
        name = f"Stage {stage.number} – {name}"
    return name


def _check_mermaid(program: Program, as_of: D, known_on: D | None = None) -> dict[str, Any]:
    gantt = _gantt(to_mermaid(program, as_of=as_of, known_on=known_on))
    assert gantt["settings"]["dateFormat"] == "YYYY-MM-DD"
    assert gantt["settings"]["todayMarker"] == "off"
    view = text.cut(program, as_of, known_on)  # the oracle: only what was known
    title = f"{_shortened(program.title, TITLE_LENGTH)} ({view.heading})"
    assert _decode(gantt["settings"]["title"]) == title
    status = view.status
    sections = list(gantt["sections"])
    first = view.plans[0] if view.plans else None
    differs = (
        first is not None
        and status.plan is not None
        and [(s.start, s.end) for s in first.stages]
        != [(s.start, s.end) for s in status.plan.stages]
    )
    assert sections == [
        *(["Plan in use"] if status.plan is not None else []),
        *(["First plan"] if differs else []),
        "Key dates",
    ]
    for (name, data), stage_status in zip(
        gantt["sections"].get("Plan in use", []), status.stages, strict=True
    ):
        stage = stage_status.stage
        words = f"{_stage_name(stage)} ({text.state_words(stage_status)})"
        assert name == _shortened(words, NAME_LENGTH)
        assert data[:-3] == _TAGS[stage_status.state]
        # Mermaid's end dates are exclusive: the task ends where the half-open window does.
        assert data[-3:] == [f"stage{stage.number}", str(stage.start), str(stage.end)]
    for (name, data), stage in zip(
        gantt["sections"].get("First plan", []),
        first.stages if differs and first is not None else (),
        strict=True,
    ):
        assert name == _shortened(_stage_name(stage), NAME_LENGTH)
        assert data == [f"first{stage.number}", str(stage.start), str(stage.end)]
    expected = []
    placed = False
    program = view.program
    for event in view.events(stages=False):
        if not placed and event.key[0] > as_of:
            expected.append(("asof", as_of))
            placed = True
        if event.kind == "adopted":
            expected.append(("adopted", program.adopted_on))
        elif event.kind == "plan":
            day = program.plans[event.order].announced_on
            if day.precision is Precision.DAY:
                expected.append((f"plan{event.order + 1}", day.earliest))
        elif event.kind == "report":
            day = program.reports[event.order].day
            if day.precision is Precision.DAY:
                expected.append((f"report{event.order + 1}", day.earliest))
    if not placed:
        expected.append(("asof", as_of))
    milestones = gantt["sections"]["Key dates"]
    assert [(data[1], D.fromisoformat(data[2])) for _, data in milestones] == expected
    for name, data in milestones:
        assert data[0] == "milestone" and data[-1] == "0d"
        assert len(name) <= NAME_LENGTH
    return gantt


def test_mermaid_of_the_sample() -> None:
    gantt = _check_mermaid(sample_program(), AS_OF)
    stages = gantt["sections"]["Plan in use"]
    assert stages[0] == (
        "Stage 1: assessment | funding (overdue by 29 days)",
        ["crit", "stage1", "2025-01-01", "2026-01-01"],
    )
    assert stages[1][1][:2] == ["active", "stage2"]  # its completion is not known yet
    assert stages[2][0] == "Stage 3 (upcoming, starts in 702 days)"
    assert gantt["sections"]["First plan"][0] == (
        "Stage 1: assessment | funding",
        ["first1", "2024-11-28", "2025-11-28"],
    )
    names = [name for name, _ in gantt["sections"]["Key dates"]]
    assert names == [
        "Plan 1 announced 2024-11-25",
        "Adopted 2024-11-28",
        "Plan 2 announced 2024-12-04",
        "Stage 1 in progress (reported 2025-04)",
        "Stage 1 in progress (reported 2026-01-29)",
        "As of 2026-01-29",
    ]  # the report of 2028-02-10 was not known on 2026-01-29
    late = _check_mermaid(sample_program(), D(2028, 6, 1))["sections"]["Plan in use"]
    assert [data[:-2] for _, data in late] == [
        ["crit", "stage1"],
        ["done", "crit", "stage2"],
        ["active", "stage3"],
    ]


def test_the_first_plan_section_only_when_it_differs() -> None:
    assert "First plan" not in _check_mermaid(one_plan_program(), AS_OF)["sections"]
    early = _check_mermaid(sample_program(), AS_OF, D(2024, 11, 30))  # the first plan in use
    assert "First plan" not in early["sections"]
    none_yet = _check_mermaid(sample_program(), D(2024, 1, 1))
    assert list(none_yet["sections"]) == ["Key dates"]


def test_mermaid_of_the_embedded_record() -> None:
    program = tajik_afghan_border()
    gantt = _check_mermaid(program, AS_OF)
    assert len(gantt["sections"]["Plan in use"]) == len(program.plan.stages)
    assert "First plan" in gantt["sections"]


def test_hostile_mermaid() -> None:
    chart = to_mermaid(hostile_program(), as_of=AS_OF)
    assert len(chart) < 5_000  # a megabyte title is cut: Mermaid refuses over 50,000
    assert "\x1b" not in chart and "\u202e" not in chart and "\r" not in chart
    _check_mermaid(hostile_program(), AS_OF)


@given(st.text(min_size=1, max_size=40).filter(str.strip))
def test_escaped_mermaid_names(value: str) -> None:
    name = escape_mermaid(value)
    assert "\n" not in name
    assert _decode(name) == _words(value)


def test_non_programs_are_refused() -> None:
    for export in (to_markdown, to_mermaid):
        with pytest.raises(TypeError, match="must be a Program"):
            export("program", as_of=AS_OF)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="as_of"):
            export(sample_program(), as_of=datetime.datetime(2026, 1, 29))
        with pytest.raises(TypeError, match="known_on"):
            export(sample_program(), as_of=AS_OF, known_on="2026-01-29")  # type: ignore[arg-type]


def test_no_jargon_whatever_the_day() -> None:
    program = sample_program()
    for as_of in (D(2013, 1, 1), AS_OF, D(2031, 1, 1)):
        for output in (to_markdown(program, as_of=as_of), to_mermaid(program, as_of=as_of)):
            assert _JARGON.search(output) is None
