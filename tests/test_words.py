"""The words of every view: one set of phrases and view models, from :mod:`csto_program.words`.

The command line's JSON is the oracle for :func:`timeline_json` and :func:`plans_json` (the
functions must give what ``timeline --json`` and ``plans --json`` print), and every view's
stage table must say what the stage rows say."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

import attrs
from hypothesis import given
from hypothesis import strategies as st

from csto_program import PartialDate, Progress, ProgressReport, words
from csto_program.datasets import tajik_afghan_border
from csto_program.export import text
from csto_program.export.html import to_html
from csto_program.export.markdown import to_markdown
from export_samples import one_plan_program

D = datetime.date
AS_OF = D(2026, 1, 29)


def _cli_json(*args: str) -> object:
    done = subprocess.run(
        [sys.executable, "-m", "csto_program", *args, "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def test_the_old_module_name_gives_the_same_words() -> None:
    assert text.__all__ and set(text.__all__) <= set(words.__all__)
    assert all(getattr(text, name) is getattr(words, name) for name in text.__all__)


def test_timeline_json_is_what_the_command_line_prints() -> None:
    program = tajik_afghan_border()
    for as_of, known_on in ((AS_OF, None), (D(2024, 12, 1), D(2024, 12, 1))):
        args = ["timeline", "--as-of", str(as_of)]
        if known_on is not None:
            args += ["--known-on", str(known_on)]
        view = words.cut(program, as_of, known_on)
        expected = words.timeline_json(view.events(), as_of, known_on, headline=str(view.headline))
        assert _cli_json(*args) == expected
        assert view.events() == words.timeline(program, as_of, known_on=known_on)


def test_plans_json_is_what_the_command_line_prints() -> None:
    assert _cli_json("plans") == words.plans_json(tajik_afghan_border())


@given(number=st.integers(1, 12), name=st.text(max_size=20))
def test_a_stage_is_never_labelled_twice(number: int, name: str) -> None:
    for given_name in (name, f"Stage {number}: {name}", f"stage {number} – {name}"):
        title = words.stage_title(number, given_name)
        assert title.startswith(f"Stage {number}")
        assert not re.match(rf"Stage {number}\W+Stage {number}(?!\d)", title, re.IGNORECASE)


class _Text(HTMLParser):
    def __init__(self, document: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = False
        self.feed(document)

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.skip = tag in ("style", "script", "svg")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "svg"):
            self.skip = False

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def test_every_view_says_what_the_stage_rows_say() -> None:
    program = tajik_afghan_border()
    for day in (D(2024, 12, 1), AS_OF, D(2026, 12, 6)):
        rows = words.stage_rows(program.status(day))
        page = " ".join(_Text(to_html(program, as_of=day)).parts)
        markdown = to_markdown(program, as_of=day)
        for row in rows:
            for phrase in (row.state_text, row.progress_text, row.days_text):
                assert phrase in page and phrase in markdown, (day, phrase)


def test_a_completed_late_stage_in_words_not_identifiers() -> None:
    program = one_plan_program()
    stage = program.plans[0].stages[0]
    late = stage.last_day + datetime.timedelta(days=10)
    report = ProgressReport(
        id="done-late",
        stage=1,
        progress=Progress.COMPLETED,
        reported_on=PartialDate.from_date(late),
    )
    program = attrs.evolve(program, reports=(report,))
    day = late + datetime.timedelta(days=30)
    (row, *_) = words.stage_rows(program.status(day))
    assert row.state == "completed_late" and "late" in row.state_text
    page = " ".join(_Text(to_html(program, as_of=day)).parts)
    for identifier in ("completed_late", "in_progress", "not_started"):
        assert identifier not in page
