"""Tests of csto_program.precedence: which report describes a stage, and days late."""

from __future__ import annotations

import datetime
import itertools
import random
from collections.abc import Sequence

import attrs
import pendulum
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from csto_program import precedence
from csto_program.dates import MIN_DATE, PartialDate
from csto_program.model import Progress, ProgressReport
from csto_program.planning import plan_stages
from csto_program.precedence import (
    DatedReport,
    days_late,
    describing_index,
    describing_report,
    report_day,
    surely_before,
)
from csto_program.status import stage_status
from csto_program.strategies import any_partial_dates, partial_dates


@attrs.frozen
class Rep:
    """The smallest object of the report shape; ``name`` only for reading failures."""

    as_of: PartialDate | None
    reported_on: PartialDate
    name: str = ""


def P(text: str) -> PartialDate:
    return PartialDate.parse(text)


def D(text: str) -> pendulum.Date:
    return P(text).earliest


# --- strategies: few years, so that days overlap often ----------------------------------------

LOW, HIGH = 2025, 2026


DAYS = any_partial_dates(min_year=LOW, max_year=HIGH)
REPORTS = st.builds(Rep, st.none() | DAYS, DAYS)
ON = st.dates(datetime.date(LOW - 1, 12, 1), datetime.date(HIGH + 1, 1, 31))


# --- the oracle: pairwise, written as a tournament rather than a frontier and a max ----------


def _day(report: Rep) -> PartialDate:
    return report.reported_on if report.as_of is None else report.as_of


def oracle(reports: Sequence[Rep], as_of: datetime.date, known_on: datetime.date) -> int | None:
    candidates = [
        i
        for i, r in enumerate(reports)
        if r.reported_on.latest <= known_on and _day(r).earliest <= as_of
    ]

    def surely_later(i: int, j: int) -> bool:  # i's day is surely after j's
        return _day(reports[i]).earliest > _day(reports[j]).latest

    alive = [i for i in candidates if not any(surely_later(j, i) for j in candidates)]
    for i, j in itertools.combinations(alive, 2):  # what the rule relies on
        assert not surely_later(i, j) and not surely_later(j, i)

    def beats(i: int, j: int) -> bool:
        a, b = reports[i].reported_on, reports[j].reported_on
        if a.latest != b.latest:
            return a.latest > b.latest
        if a.earliest != b.earliest:
            return a.earliest > b.earliest
        return i > j

    winners = [i for i in alive if all(beats(i, j) for j in alive if j != i)]
    assert len(winners) == (1 if candidates else 0)
    return winners[0] if winners else None


@given(st.lists(REPORTS, max_size=7), ON, ON)
@example(  # the issue's case: an uncertain completion, published later, wins
    [Rep(None, P("2026-01-29")), Rep(P("2026"), P("2026-11-27"))],
    datetime.date(2026, 12, 6),
    datetime.date(2026, 12, 6),
)
@example(  # not transitive pairwise: A < C (surely later), B < A, C < B (published later)
    [
        Rep(P("2026-01"), P("2026-03-01"), "A"),
        Rep(P("2026-01-15/2026-02-15"), P("2026-02-20"), "B"),
        Rep(P("2026-02"), P("2026-02-10"), "C"),
    ],
    datetime.date(2026, 3, 1),
    datetime.date(2026, 3, 1),
)
def test_the_choice_agrees_with_the_pairwise_oracle(
    reports: list[Rep], as_of: datetime.date, known_on: datetime.date
) -> None:
    expected = oracle(reports, as_of, known_on)
    assert describing_index(reports, as_of, known_on=known_on) == expected
    chosen = describing_report(reports, as_of, known_on=known_on)
    assert chosen is (None if expected is None else reports[expected])


@given(st.lists(REPORTS, max_size=6), ON, ON)
def test_the_winner_is_not_surely_earlier_than_any_candidate(
    reports: list[Rep], as_of: datetime.date, known_on: datetime.date
) -> None:
    index = describing_index(reports, as_of, known_on=known_on)
    candidates = [
        r for r in reports if r.reported_on.latest <= known_on and report_day(r).earliest <= as_of
    ]
    if index is None:
        assert not candidates
        return
    winner = reports[index]
    assert winner.reported_on.latest <= known_on and report_day(winner).earliest <= as_of
    assert not any(surely_before(report_day(winner), report_day(r)) for r in candidates)


day_precision = st.dates(datetime.date(LOW, 1, 1), datetime.date(HIGH, 12, 31)).map(
    PartialDate.from_date
)


@given(st.lists(st.builds(Rep, st.none() | day_precision, day_precision), max_size=7), ON, ON)
def test_known_to_the_day_it_is_the_latest_day_then_publication_then_position(
    reports: list[Rep], as_of: datetime.date, known_on: datetime.date
) -> None:
    # A second oracle: for days known exactly, the rule is the library's earlier sort.
    relevant = [
        (_day(r).earliest, r.reported_on.earliest, i)
        for i, r in enumerate(reports)
        if r.reported_on.latest <= known_on and _day(r).earliest <= as_of
    ]
    expected = max(relevant)[2] if relevant else None
    assert describing_index(reports, as_of, known_on=known_on) == expected


@given(st.lists(REPORTS, max_size=6), ON, ON, st.randoms(use_true_random=False))
def test_the_record_order_matters_only_for_full_ties(
    reports: list[Rep], as_of: datetime.date, known_on: datetime.date, rng: random.Random
) -> None:
    keys = [(r.reported_on.latest, r.reported_on.earliest) for r in reports]
    assume(len(set(keys)) == len(keys))
    shuffled = list(reports)
    rng.shuffle(shuffled)
    first = describing_report(reports, as_of, known_on=known_on)
    second = describing_report(shuffled, as_of, known_on=known_on)
    assert first is second


@given(st.lists(REPORTS, max_size=5), ON)
def test_known_on_defaults_to_as_of(reports: list[Rep], as_of: datetime.date) -> None:
    assert describing_index(reports, as_of) == describing_index(reports, as_of, known_on=as_of)


# --- the table of examples (the same as in the design notes) ---------------------------------

# (reports as (as_of or "", reported_on), D, K, the winner's position or None, why)
TABLE = [
    ([("", "2026-01-29"), ("2026", "2026-11-27")], "2026-12-06", "2026-12-06", 1,
     "days overlap: published later wins"),
    ([("", "2026-01-29"), ("2026", "2026-11-27")], "2026-12-06", "2026-06-01", 0,
     "the completion is not known yet"),
    ([("", "2026-01-29"), ("2026", "2026-11-27")], "2025-12-31", "2026-12-06", None,
     "neither day may be on or before D"),
    ([("", "2026-01-29"), ("2026-01-29/2026-11-27", "2026-11-27")], "2026-01-28", "2026-12-06",
     None, "the completion cannot be before 2026-01-29"),
    ([("", "2026-01-29"), ("2026-01-29/2026-11-27", "2026-11-27")], "2026-02-01", "2026-12-06",
     1, "it may be completed by then, and is the later news"),
    ([("2026-01", "2026-03-01"), ("2026-02-01", "2026-02-01")], "2026-03-01", "2026-03-01", 1,
     "surely later wins, though published earlier"),
    ([("2026-02", "2026-02-20"), ("2026-02-10", "2026-02-15")], "2026-03-01", "2026-03-01", 0,
     "overlap: published later wins"),
    ([("2026-02-10", "2026-02-15"), ("2026-02-10", "2026-02-15")], "2026-03-01", "2026-03-01",
     1, "full tie: later in the record"),
    ([("2026-02-10", "2026-02-28"), ("2026-02-10", "2026-02")], "2026-03-01", "2026-03-01", 0,
     "publications end on the same day: the later earliest day wins, before record order"),
    ([("2026-01", "2026-03-01"), ("2026-01-15/2026-02-15", "2026-02-20"),
      ("2026-02", "2026-02-10")], "2026-03-01", "2026-03-01", 1,
     "A is surely earlier than C and goes; B was published after C"),
]  # fmt: skip


@pytest.mark.parametrize(("rows", "as_of", "known_on", "expected", "why"), TABLE)
def test_the_table_of_examples(
    rows: list[tuple[str, str]], as_of: str, known_on: str, expected: int | None, why: str
) -> None:
    reports = [Rep(P(a) if a else None, P(r)) for a, r in rows]
    assert describing_index(reports, D(as_of), known_on=D(known_on)) == expected, why
    assert oracle(reports, D(as_of), D(known_on)) == expected, why


def test_progress_reports_are_dated_reports() -> None:
    reports: list[ProgressReport] = [
        ProgressReport(
            id="a", stage=1, progress=Progress.IN_PROGRESS, reported_on=P("2026-01-29")
        ),
        ProgressReport(
            id="b", stage=1, progress=Progress.COMPLETED, reported_on=P("2026-11-27"),
            as_of=P("2026-01-29/2026-11-27"),
        ),
    ]  # fmt: skip
    chosen: ProgressReport | None = describing_report(reports, datetime.date(2026, 12, 6))
    assert chosen is reports[1]
    shaped: DatedReport = reports[0]
    assert report_day(shaped) == P("2026-01-29")


@pytest.mark.parametrize("reports", [None, "ab", b"ab", {1, 2}, iter([])])
def test_reports_must_be_a_sequence(reports: object) -> None:
    with pytest.raises(TypeError, match="sequence"):
        describing_index(reports, datetime.date(2026, 1, 1))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "report",
    [
        object(),
        Rep(None, "2026"),  # type: ignore[arg-type]
        Rep("2026", P("2026")),  # type: ignore[arg-type]
    ],
)
def test_each_report_must_have_the_shape(report: object) -> None:
    with pytest.raises(TypeError, match=r"reports\[1\]"):
        describing_index([Rep(None, P("2026")), report], datetime.date(2026, 1, 1))  # type: ignore[list-item]


def test_days_must_be_dates() -> None:
    with pytest.raises(TypeError, match="as_of"):
        describing_index([], datetime.datetime(2026, 1, 1))
    with pytest.raises(TypeError, match="known_on"):
        describing_index([], datetime.date(2026, 1, 1), known_on="2026-01-01")  # type: ignore[arg-type]


# --- days late ----------------------------------------------------------------------------------


def test_days_late_of_the_issue_example() -> None:
    stage = plan_stages(datetime.date(2025, 1, 1))[0]
    assert (stage.start, stage.last_day, stage.end) == (
        D("2025-01-01"),
        D("2025-12-31"),
        D("2026-01-01"),
    )
    # the status says "overdue by 29 days" on 2026-01-29: the same count
    assert stage_status(stage, datetime.date(2026, 1, 29)).days_overdue == 29
    assert days_late(P("2026-01-29/2026-11-27"), stage.end) == (29, 331)
    assert days_late(P("2026"), stage.end) == (1, 365)
    assert days_late(P("2025-12-31"), stage.end) == (0, 0)
    assert days_late(P("2025-12-30"), stage.end) == (-1, -1)


@given(st.dates(datetime.date(2026, 1, 1), datetime.date(2030, 12, 31)))
def test_days_late_counts_like_days_overdue(day: datetime.date) -> None:
    stage = plan_stages(datetime.date(2025, 1, 1))[0]
    overdue = stage_status(stage, day).days_overdue
    assert days_late(PartialDate.from_date(day), stage.end) == (overdue, overdue)


@given(
    partial_dates()
    | partial_dates(min_year=2020, max_year=2030).flatmap(
        lambda a: (
            partial_dates(min_year=a.year, max_year=2030)
            .filter(lambda b: b.latest >= a.earliest)
            .map(lambda b: PartialDate.between(a, b))
        )
    ),
    st.dates(),
)
def test_days_late_agrees_with_date_subtraction(done: PartialDate, end: datetime.date) -> None:
    least, most = days_late(done, end)
    assert least <= most
    assert (least == most) == (done.earliest == done.latest)
    earliest, latest = (datetime.date.fromordinal(d.toordinal()) for d in done.sort_key)
    if end > MIN_DATE:
        last_day = end - datetime.timedelta(days=1)
        assert least == (earliest - last_day).days
        assert most == (latest - last_day).days
    else:
        assert least == (earliest - end).days + 1


def test_days_late_refuses_other_types() -> None:
    with pytest.raises(TypeError, match="completed_on"):
        days_late("2026", datetime.date(2026, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="end"):
        days_late(P("2026"), datetime.datetime(2026, 1, 1))


def test_module_exports() -> None:
    assert sorted(precedence.__all__) == [
        "DatedReport",
        "days_late",
        "describing_index",
        "describing_report",
        "report_day",
        "surely_before",
    ]
