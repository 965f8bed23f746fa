"""What users read speaks to them, not about how the project was made.

The README, the documentation pages, every file of the package (code, docstrings, the
embedded record) and the built site, if there is one in ``site/``, must not use words about
the project's own process: issue numbers, "the brief", a "seed" article or reading, a working
"session", tickets or TODOs. A source is named by its outlet and date ("Asia-Plus,
2024-11-25"), a goal as the library's own.

"session" is also a word of the record: councils and parliaments hold sessions. It is allowed
on a line that speaks of meetings: one that names a body that holds sessions (``council``,
``assembly``, ``parliament``), a kind of meeting (``summit``, ``meeting``, ``talks``,
``interview``, ``conference``, ``extraordinary``, ``plenary``), or says one was held or
convened, as in "Session of the CSTO Collective Security Council", "Meetings, sessions, calls
and interviews" or the note id ``date-astana-session``.

The changelog (``CHANGELOG.md``, ``docs/changelog.md`` and the page built from them) is a
record of changes and is not checked. Every hit is reported as ``file:line: text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PACKAGE = ROOT / "src" / "csto_program"
SITE = ROOT / "site"

# A letter or digit: "seed" is a word when neither side is one, so "seed_reading",
# "seed-article" and "seed's" are hits and "seeded" is not.
_ALNUM = r"[^\W_]"

PROCESS_WORDS: dict[str, re.Pattern[str]] = {
    "issue number": re.compile(r"\bissues? #?\d+", re.IGNORECASE),
    "the brief": re.compile(r"\bthe brief\b", re.IGNORECASE),
    "seed": re.compile(rf"(?<!{_ALNUM})seed(?!{_ALNUM})", re.IGNORECASE),
    "session": re.compile(r"\bsessions?\b", re.IGNORECASE),
    "ticket": re.compile(r"\btickets?\b", re.IGNORECASE),
    "TODO": re.compile(r"\bTODOs?\b", re.IGNORECASE),
}

# A line that speaks of meetings: "session" there is the record's word.
MEETING_CONTEXT = re.compile(
    r"council|assembly|parliament|summit|meeting|talks|interview|conference|extraordinary"
    r"|plenary|astana|\bheld\b|convene",
    re.IGNORECASE,
)

# The changelog records changes, in the words of the changes.
EXCLUDED_DOCS = {DOCS / "changelog.md", ROOT / "CHANGELOG.md"}

# In the built site: the changelog page, the search index (every page's text again, the
# changelog included) and the theme's own assets.
EXCLUDED_SITE = ("changelog.html", "search/", "assets/")


def process_words(line: str) -> list[str]:
    """The process words in ``line``, by kind; an empty list if it speaks to the reader."""
    found = []
    for kind, pattern in PROCESS_WORDS.items():
        if pattern.search(line) is None:
            continue
        if kind == "session" and MEETING_CONTEXT.search(line):
            continue
        found.append(kind)
    return found


@pytest.mark.parametrize(
    ("line", "kinds"),
    [
        ("Issue 6 set three targets; see the seed article.", ["issue number", "seed"]),
        ("| target (issue #6) | before |", ["issue number"]),
        ("datasets.seed_reading(), as the brief's layout says", ["the brief", "seed"]),
        ("The seed's relays; SEED_ID; context-seed-assessment", ["seed"]),
        ("a last look before a session stops; TODO: open a ticket", ["session", "ticket", "TODO"]),
        ("Session of the CSTO Collective Security Council", []),
        ('"id": "date-astana-session", an extraordinary session', []),
        ("one seeded random.Random; a brief note; the issue of borders; VTODO", []),
        ("kind: council_session, parliamentary_session", []),
        ("Meetings, sessions, calls and interviews.", []),
        ("announces the session without a year; it was held on 2024-11-28", []),
    ],
)
def test_process_words_are_found_and_the_record_s_words_are_not(
    line: str, kinds: list[str]
) -> None:
    assert process_words(line) == kinds


def _text_of(path: Path) -> str | None:
    """The text of ``path``, or ``None`` for a file that is not UTF-8 text."""
    data = path.read_bytes()
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


class _VisibleText(HTMLParser):
    """The text a reader sees in an HTML page (and alt and title texts), by source line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: dict[int, list[str]] = {}
        self._hidden = 0

    def _add(self, text: str) -> None:
        line = self.getpos()[0]
        for offset, part in enumerate(text.split("\n")):
            if part.strip():
                self.lines.setdefault(line + offset, []).append(part.strip())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        for name, value in attrs:
            if name in ("alt", "title") and value:
                self._add(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._add(data)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    text = _text_of(path)
    if text is None:
        return
    if path.suffix == ".html":
        parser = _VisibleText()
        parser.feed(text)
        parser.close()
        for number, parts in sorted(parser.lines.items()):
            yield number, " ".join(parts)
    else:
        yield from enumerate(text.splitlines(), start=1)


def hits(paths: Iterable[Path]) -> list[str]:
    """Every line of ``paths`` with a process word, as ``file:line: text``."""
    found = []
    for path in paths:
        for number, line in _lines(path):
            if process_words(line):
                shown = line.strip()
                shown = shown if len(shown) <= 160 else shown[:157] + "..."
                found.append(f"{path.relative_to(ROOT)}:{number}: {shown}")
    return found


def _report(found: list[str]) -> str:
    return f"{len(found)} line(s) with words about the project's process:\n" + "\n".join(found)


def _files(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


def test_the_readme_and_the_docs_speak_to_the_reader() -> None:
    pages = [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]
    found = hits(page for page in pages if page not in EXCLUDED_DOCS)
    assert not found, _report(found)


def test_the_package_speaks_to_the_reader() -> None:
    """Code, docstrings, messages, the embedded record: what users of the package read."""
    files = _files(PACKAGE)
    assert any(path.suffix == ".json" for path in files), "the embedded record is not checked"
    found = hits(files)
    assert not found, _report(found)


def test_the_built_site_speaks_to_the_reader() -> None:
    """The site as built, with the API reference and the schema files (``make docs``)."""
    if not (SITE / "index.html").is_file():
        pytest.skip("no built site in site/ (make docs builds it)")
    files = [
        path
        for path in _files(SITE)
        if not path.relative_to(SITE).as_posix().startswith(EXCLUDED_SITE)
    ]
    found = hits(files)
    assert not found, _report(found)
