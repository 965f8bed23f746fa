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
from csto_program.strategies import any_partial_dates
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


# --- partial dates and intervals in words ---------------------------------------------

_LAST_DAY = D(2025, 12, 31)  # stage 1 of plan_stages("2025-01-01") and of the record
_SUMMIT = ProgressReport(
    id="stage-1-summit",
    stage=1,
    progress=Progress.COMPLETED,
    reported_on=PartialDate.parse("2026-11-27"),
    as_of=PartialDate.parse("2026-01-29/2026-11-27"),
)


@given(any_partial_dates())
def test_a_recorded_date_never_reads_as_a_raw_interval(day: PartialDate) -> None:
    column, prose = words.date_words(day), words.date_words(day, prose=True)
    if day.start is None or day.end is None:
        assert column == prose == str(day)
    else:
        assert "/" not in column and "/" not in prose
        assert column == f"{day.start} – {day.end}"
        assert prose == f"between {day.start} and {day.end}"
        assert "/" not in words.as_of_words(day)


def test_the_timeline_reads_an_interval_as_it_reads_a_meeting() -> None:
    events = words.timeline(tajik_afghan_border(), D(2026, 12, 6))
    assert not [event.when for event in events if "/" in event.when]
    statement = next(e for e in events if e.kind == "statement" and "Muhriddin" in e.title)
    meeting = next(e for e in events if e.kind == "meeting" and e.key[0] == statement.key[0])
    assert statement.when == meeting.when == "2024-06-20 – 2024-06-21"


def test_a_report_of_a_day_between_two_in_the_timeline_and_the_progress_line() -> None:
    program = tajik_afghan_border()
    report = attrs.evolve(_SUMMIT, reported_on=PartialDate.parse("2026-11-27/2026-11-28"))
    program = attrs.evolve(program, reports=(*program.reports, report))
    day = D(2026, 12, 6)
    (event,) = [e for e in words.timeline(program, day) if "stage 1 completed" in e.title]
    assert event.when == "2026-11-27 – 2026-11-28"
    assert event.title.endswith("as of a day between 2026-01-29 and 2026-11-27")
    assert words.progress_line(program.status(day).stages[0]) == (
        "completed (2026-11-27 – 2026-11-28)"
    )


def test_a_completion_perhaps_after_the_day_described() -> None:
    program = tajik_afghan_border()
    program = attrs.evolve(program, reports=(*program.reports, _SUMMIT))
    on_d = program.status(D(2026, 6, 1), known_on=D(2026, 12, 6)).stages[0]
    assert on_d.completed_on == _SUMMIT.as_of
    assert words.state_words(on_d) == (
        "completed between 2026-01-29 and 2026-11-27 (perhaps not yet by 2026-06-01), "
        "29 to 331 days late"
    )
    assert words.days_cell(on_d) == "29–331 late"
    later = program.status(D(2026, 12, 6)).stages[0]
    assert words.state_words(later) == (
        "completed between 2026-01-29 and 2026-11-27, 29 to 331 days late"
    )
    (row, *_) = words.stage_rows(program.status(D(2026, 6, 1), known_on=D(2026, 12, 6)))
    assert "152" not in f"{row.state_text} {row.days_text}"


def test_a_cancellation_between_two_days_reads_as_a_range() -> None:
    program = tajik_afghan_border()
    report = attrs.evolve(_SUMMIT, progress=Progress.CANCELLED)
    program = attrs.evolve(program, reports=(*program.reports, report))
    stage = program.status(D(2026, 12, 6)).stages[0]
    assert words.state_words(stage) == "cancelled between 2026-01-29 and 2026-11-27"


_COMPLETED = re.compile(
    r"completed between (?P<first>\S+) and (?P<last>\S+)"
    r"(?: \(perhaps not yet by (?P<day>\S+)\))?"
    r"(?:, (?:(?P<least>\d+) to (?P<most>\d+)|up to (?P<up>\d+)) days? late)?$"
)


@given(
    first=st.dates(D(2025, 6, 1), D(2027, 6, 1)),
    length=st.integers(1, 400),
    as_of=st.dates(D(2025, 1, 1), D(2028, 12, 31)),
)
def test_the_days_late_agree_with_the_days_printed_beside_them(
    first: D, length: int, as_of: D
) -> None:
    from csto_program import plan_stages
    from csto_program.status import stage_status

    last = first + datetime.timedelta(days=length)
    report = attrs.evolve(
        _SUMMIT,
        as_of=PartialDate.parse(f"{first}/{last}"),
        reported_on=PartialDate.parse(str(last)),
    )
    stage = plan_stages("2025-01-01")[0]
    status = stage_status(stage, as_of, report=report)
    found = _COMPLETED.match(words.state_words(status))
    assert found is not None, words.state_words(status)
    shown_first = D.fromisoformat(found["first"])
    shown_last = D.fromisoformat(found["last"])
    assert (shown_first, shown_last) == (first, last)
    # "perhaps not yet" exactly when the last possible day is after the day described
    assert (found["day"] is not None) == (last > as_of)
    least, most = (shown_first - _LAST_DAY).days, (shown_last - _LAST_DAY).days
    if most <= 0:
        assert found["least"] is None and found["up"] is None
    elif least > 0:
        assert (int(found["least"]), int(found["most"])) == (least, most)
        assert words.days_cell(status) == f"{least}–{most} late"
    else:
        assert int(found["up"]) == most
        assert words.days_cell(status) == f"up to {most} late"
