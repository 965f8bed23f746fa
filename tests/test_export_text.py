"""Markdown checked with markdown-it-py (CommonMark + tables); Mermaid checked by structure."""

from __future__ import annotations

import datetime
import re
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from csto_program import PartialDate, Precision, Program, StageState, days_between, plan_stages
from csto_program.export import escape_markdown, escape_mermaid, to_markdown, to_mermaid
from csto_program.strategies import iso_dates, programs
from export_samples import sample_program

D = datetime.date
AS_OF = D(2026, 1, 29)
_MD = MarkdownIt("commonmark").enable("table")
_ISO = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")


def _words(text: str) -> str:
    """``text`` as one line: what a Markdown or Mermaid rendering shows of it."""
    return " ".join(text.replace("\x00", "\ufffd").split())


def _plain(inline: Token) -> str:
    """The text of an inline token; it must hold nothing but text (no links, emphasis...)."""
    children = inline.children or []
    assert all(child.type == "text" for child in children), [c.type for c in children]
    return "".join(child.content for child in children)


def _table(tokens: list[Token]) -> list[list[Token]]:
    """The rows of the first table, each a list of the cells' inline tokens."""
    rows: list[list[Token]] = []
    inside = False
    for token in tokens:
        if token.type == "table_open":
            inside = True
        elif token.type == "table_close":
            break
        elif inside and token.type == "tr_open":
            rows.append([])
        elif inside and token.type == "inline":
            rows[-1].append(token)
    return rows


def _sections(tokens: list[Token]) -> dict[str, list[Token]]:
    """The tokens under each ``##`` heading, by heading text."""
    found: dict[str, list[Token]] = {}
    current = ""
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            current = tokens[index + 1].content
            found[current] = []
        elif current:
            found[current].append(token)
    return found


def _list_items(tokens: list[Token]) -> list[Token]:
    return [t for i, t in enumerate(tokens) if t.type == "inline" and tokens[i - 1].tag == "p"]


def _check_markdown(program: Program, as_of: D) -> list[Token]:
    text = to_markdown(program, as_of=as_of)
    tokens = _MD.parse(text)
    assert tokens[0].type == "heading_open" and tokens[0].tag == "h1"
    assert _plain(tokens[1]) == _words(program.title)
    rows = _table(tokens)
    assert [_plain(cell) for cell in rows[0]] == [
        "Stage",
        "Name",
        "Window",
        "Last day",
        "State",
        "Days",
        "Evidence",
    ]
    assert len(rows) == 1 + len(program.stages)  # one row per stage
    status = program.status(as_of)
    for row, stage_status in zip(rows[1:], status.stages, strict=True):
        stage = stage_status.stage
        cells = [_plain(cell) for cell in row]
        assert len(cells) == 7
        assert cells[0] == str(stage.number)
        assert cells[1] == _words(stage.name)
        window = re.fullmatch(r"\[(\S+), (\S+)\)", cells[2])
        assert window is not None
        assert D.fromisoformat(window[1]) == stage.start
        assert D.fromisoformat(window[2]) == stage.end
        assert D.fromisoformat(cells[3]) == stage.end - datetime.timedelta(days=1)
        state = stage_status.state
        assert cells[4].startswith(state.value.replace("_", " "))
        if state is StageState.ACTIVE:
            assert cells[5] == f"{days_between(as_of, stage.last_day)} remaining"
        elif state is StageState.OVERDUE:
            assert cells[5] == f"{days_between(stage.last_day, as_of)} overdue"
        elif state is StageState.COMPLETED_LATE:
            assert stage.completed_on is not None
            assert cells[5] == f"{days_between(stage.last_day, stage.completed_on)} late"
        else:
            assert cells[5] == "–"
        known = [s for s in program.statements_about(stage.number) if s.said_on.latest <= as_of]
        assert cells[6] == str(len(known))
    sections = _sections(tokens)
    assert list(sections)[:3] == [f"Status on {as_of.isoformat()}", "Timeline", "Sources"]
    items = _list_items(sections["Timeline"])
    assert len(items) == len(program.meetings) + len(program.statements) + 1
    earliest = []
    for item in items:
        kinds = [child.type for child in item.children or []]
        assert kinds[:4] == ["text", "strong_open", "text", "strong_close"]
        assert item.children is not None
        first = item.children[2].content.split(" – ")[0]
        earliest.append(PartialDate.parse(first).earliest)
    assert earliest == sorted(earliest)  # date order, the as_of marker in its place
    hrefs = [
        child.attrs["href"]
        for token in sections["Sources"]
        if token.type == "inline"
        for child in token.children or []
        if child.type == "link_open"
    ]
    assert hrefs == [source.url for source in program.sources if source.url]
    return tokens


@given(programs(max_items=3), iso_dates(D(1990, 1, 1), D(2060, 12, 31)))
def test_markdown_and_mermaid_structure(program: Program, as_of: D) -> None:
    _check_markdown(program, as_of)
    _check_mermaid(program, as_of)


def test_markdown_of_the_sample() -> None:
    program = sample_program()
    tokens = _check_markdown(program, AS_OF)
    text = to_markdown(program, as_of=AS_OF)
    assert "| 1 | Stage 1: assessment \\| funding |" in text  # the pipe is escaped
    sections = _sections(tokens)
    items = [
        "".join(c.content for c in item.children or [])
        for item in _list_items(sections["Timeline"])
    ]
    assert items[0] == "2023? – 2024 · meeting · Consultations on the draft"
    assert (
        items[1]
        == "2024-02-27 – 2024-03-01 · meeting · Joint meeting: ministries; agencies, Moscow, RU"
        + " (TASS)"
    )
    quote = next(item for item in items if "<b>" in item)  # HTML stays text
    assert quote.startswith(
        "2025-11 · statement · Talatbek *Masadykov* (CSTO Secretary-General), “Stage one"
    )
    assert quote.endswith("(about stages 1, 2)")
    assert items[-1] == "2026-01-29 · as of this report"
    links = [
        (child.attrs["href"], i)
        for i, token in enumerate(sections["Sources"])
        for child in token.children or []
        if child.type == "link_open"
    ]
    assert [href for href, _ in links] == [
        "https://tass.com/world/2078683",
        "https://example.org/a_(b)",
    ]
    sources = [
        "".join(c.content for c in item.children or []) for item in _list_items(sections["Sources"])
    ]
    assert sources == ["TASS", "Khovar [TJ]: 2025-01", "Odd (outlet): A title, via Khovar [TJ]"]
    notes = [
        "".join(c.content for c in item.children or []) for item in _list_items(sections["Notes"])
    ]
    assert notes == [
        "date resolution · Resolved from Asia-Plus. Stated: “September 23”. "
        "Resolved to 2013-09-23. (Khovar [TJ])"
    ]


@given(st.text(max_size=60))
def test_escaped_markdown_renders_as_its_words(text: str) -> None:
    rows = _table(_MD.parse(f"| h |\n| --- |\n| {escape_markdown(text)} |\n"))
    assert len(rows) == 2 and len(rows[1]) == 1  # no extra column, no broken row
    assert _plain(rows[1][0]) == _words(text)
    (paragraph,) = (t for t in _MD.parse(f"x {escape_markdown(text)} y\n") if t.type == "inline")
    assert _plain(paragraph) == f"x {_words(text)} y"


def test_url_escaping() -> None:
    program = attrs.evolve(
        sample_program(),
        sources=(
            *sample_program().sources[:2],
            attrs.evolve(sample_program().sources[2], url="https://example.org/\\a<b>(\x01)"),
        ),
    )
    tokens = _MD.parse(to_markdown(program, as_of=AS_OF))
    hrefs = [c.attrs["href"] for t in tokens for c in t.children or [] if c.type == "link_open"]
    assert "https://example.org/%5Ca%3Cb%3E(%01)" in hrefs  # markdown-it's own normalisation


# ------------------------------------------------------------------------------ mermaid

_TASK = re.compile(r"\A    (?P<name>[^:\n]+?) :(?P<data>[^:\n]+)\Z")
_ENTITY = re.compile(r"#(\d+);")
_KEYWORDS = re.compile(
    r"\A(gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes"
    r"|todaymarker|weekday|weekend|title|accdescription|acctitle|accdescr|section|click|call"
    r"|href|\d)",
    re.IGNORECASE,
)


def _mermaid_words(text: str) -> str:
    """What Mermaid shows of ``text``: one line, control characters as U+FFFD."""
    return re.sub("[\x00-\x1f\x7f]", "\ufffd", " ".join(text.split()))


def _decode(name: str) -> str:
    """Mermaid's entity decoding; the raw name must hold no character Mermaid reads."""
    assert not re.search(r"[:;%]", _ENTITY.sub("", name))
    assert "#" not in _ENTITY.sub("", name)
    assert not _KEYWORDS.match(name)
    return _ENTITY.sub(lambda m: chr(int(m[1])), name)


def _gantt(text: str) -> dict[str, Any]:
    lines = text.split("\n")
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


def _check_mermaid(program: Program, as_of: D) -> dict[str, Any]:
    gantt = _gantt(to_mermaid(program, as_of=as_of))
    assert gantt["settings"]["dateFormat"] == "YYYY-MM-DD"
    assert gantt["settings"]["todayMarker"] == "off"
    assert _decode(gantt["settings"]["title"]) == _mermaid_words(program.title)
    sections = list(gantt["sections"])
    assert sections[0] == "Stages" and sections[-1] == "Status"
    tasks = gantt["sections"]["Stages"]
    assert len(tasks) == len(program.stages)  # one task per stage
    for (name, data), stage in zip(tasks, program.stages, strict=True):
        assert _mermaid_words(stage.name) in name
        assert data[-3] == f"stage{stage.number}"
        assert all(_ISO.match(part) for part in data[-2:])
        # Mermaid's end dates are exclusive: the task ends where the half-open window does.
        assert (D.fromisoformat(data[-2]), D.fromisoformat(data[-1])) == (stage.start, stage.end)
    dated = sorted(
        (m for m in program.meetings if m.starts_on.precision is Precision.DAY),
        key=lambda m: m.starts_on.sort_key,
    )
    milestones = gantt["sections"].get("Meetings", [])
    assert len(milestones) == len(dated)
    for (name, data), meeting in zip(milestones, dated, strict=True):
        assert name == _mermaid_words(meeting.title)
        assert data[0] == "milestone" and data[-1] == "0d"
        assert D.fromisoformat(data[-2]) == meeting.starts_on.earliest
    ((name, data),) = gantt["sections"]["Status"]
    assert name == f"As of {as_of.isoformat()}"
    assert data == ["milestone", "asof", as_of.isoformat(), "0d"]
    return gantt


def test_mermaid_of_the_sample() -> None:
    gantt = _check_mermaid(sample_program(), AS_OF)
    stages = gantt["sections"]["Stages"]
    assert stages[0] == (
        "Stage 1: assessment | funding",
        ["crit", "stage1", "2025-01-01", "2026-01-01"],
    )
    assert stages[1][1][:2] == ["active", "stage2"]  # its completion is not known yet
    assert stages[2][0] == "Stage 3"  # the name already says "Stage 3"
    names = [name for name, _ in gantt["sections"]["Meetings"]]
    assert names == [
        "Joint meeting: ministries; agencies",
        "Session of the Collective Security Council",
        "Call with Dushanbe",
    ]
    late = attrs.evolve(
        sample_program(),
        stages=tuple(
            attrs.evolve(s, completed_on=D(2028, 3, 1)) if s.number == 2 else s
            for s in sample_program().stages
        ),
    )
    stages = _check_mermaid(late, D(2028, 6, 1))["sections"]["Stages"]
    assert [data[:-2] for _, data in stages] == [
        ["crit", "stage1"],
        ["done", "crit", "stage2"],
        ["active", "stage3"],
    ]


@given(st.text(min_size=1, max_size=40).filter(str.strip))
def test_escaped_mermaid_names(text: str) -> None:
    name = escape_mermaid(text)
    assert "\n" not in name
    assert _decode(name) == _mermaid_words(text)


def test_a_program_without_dated_meetings_has_no_meetings_section() -> None:
    program = Program(
        id="p",
        title="P",
        adopted_on=D(2025, 1, 1),
        starts_on=D(2025, 1, 1),
        stages=plan_stages(D(2025, 1, 1)),
    )
    assert "Meetings" not in _check_mermaid(program, AS_OF)["sections"]


def test_non_programs_are_refused() -> None:
    for export in (to_markdown, to_mermaid):
        with pytest.raises(TypeError, match="must be a Program"):
            export("program", as_of=AS_OF)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="as_of"):
            export(sample_program(), as_of=datetime.datetime(2026, 1, 29))
