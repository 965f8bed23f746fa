"""The knowledge rule: when each record became known, the program as known on a day, and
what became known between two days."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from csto_program import DataError, Program, from_json, to_json
from csto_program._spec import STAGE_NUMBERS
from csto_program.codes import MeetingStatus
from csto_program.dates import MAX_DATE, PartialDate
from csto_program.integrity import program_problems, references_resolve
from csto_program.knowledge import KNOWN_COLLECTIONS, as_known_on, became_known, known_day
from csto_program.model import Meeting, Note, Plan, ProgressReport, Source, Statement
from csto_program.strategies import iso_dates, programs
from support import whole_program_settings

D = datetime.date


def _oracle_day(program: Program, record: Any) -> D | None:
    """The table of the knowledge rule, written out record kind by record kind."""
    if isinstance(record, Plan):
        return record.announced_on.latest
    if isinstance(record, ProgressReport):
        first = next(p for p in program.plans if any(s.number == record.stage for s in p.stages))
        return max(record.reported_on.latest, first.announced_on.latest)
    if isinstance(record, Statement):
        return record.said_on.latest
    if isinstance(record, Source):
        return None if record.published_on is None else record.published_on.latest
    sources = [program.by_id[i] for i in record.sources]
    dated = [s.published_on.latest for s in sources if s.published_on is not None]
    if isinstance(record, Meeting):
        if record.status is MeetingStatus.HELD:
            return record.starts_on.latest
        if record.announced_on is not None:
            return record.announced_on.latest
        return min(dated) if dated else record.starts_on.latest
    if isinstance(record, Note):
        return None  # checked separately: it waits for what it is about
    return None  # people and organisations


def _marks(program: Program) -> st.SearchStrategy[D]:
    days: set[int] = set()
    for name in KNOWN_COLLECTIONS:
        for record in getattr(program, name):
            day = known_day(program, record)
            if day is not None:
                days.update(day.toordinal() + k for k in (-1, 0))
    for plan in program.plans:
        for stage in plan.stages:
            days.update((stage.start.toordinal(), stage.end.toordinal()))
    near = sorted(D.fromordinal(n) for n in days if 1 <= n <= MAX_DATE.toordinal())
    low = D.fromordinal(max(1, program.baseline.starts_on.toordinal() - 800))
    high = D.fromordinal(min(MAX_DATE.toordinal(), program.plan.ends_on.toordinal() + 800))
    return st.sampled_from(near) | iso_dates(low, high)


def _ids(program: Program) -> dict[str, set[str]]:
    return {name: {r.id for r in getattr(program, name)} for name in KNOWN_COLLECTIONS}


@whole_program_settings
@given(programs(max_items=3), st.data())
def test_known_day_follows_the_table(program: Program, data: st.DataObject) -> None:
    for name in KNOWN_COLLECTIONS:
        for record in getattr(program, name):
            day = known_day(program, record)
            if isinstance(record, Note):
                own = [
                    program.by_id[i].published_on.latest
                    for i in record.sources
                    if program.by_id[i].published_on is not None
                ]
                if record.noted_on is not None:  # nor before its author wrote it
                    own.append(record.noted_on.latest)
                # never before its own dated sources, nor before what it is about
                assert all(day is not None and day >= d for d in own)
                for other in record.about:
                    if other == record.id:
                        continue
                    theirs = known_day(program, program.by_id[other])
                    assert theirs is None or (day is not None and day >= theirs)
                continue
            assert day == _oracle_day(program, record), record.id


@whole_program_settings
@given(programs(max_items=3), st.data())
def test_the_cut_is_a_valid_program_that_round_trips(program: Program, data: st.DataObject) -> None:
    day = data.draw(_marks(program))
    assume(program.baseline.announced_on.latest <= day)
    cut = program.as_known_on(day)
    assert isinstance(cut, Program) and cut == as_known_on(program, day)
    assert from_json(to_json(cut), Program) == cut
    assert Program(**{a.name: getattr(cut, a.name) for a in attrs.fields(Program)}) == cut
    # exactly the records known on day are kept, in their order
    for name in KNOWN_COLLECTIONS:
        expected = [
            r.id for r in getattr(program, name) if (d := known_day(program, r)) is None or d <= day
        ]
        assert [r.id for r in getattr(cut, name)] == expected, name
    # people and organisations stay (their sources not yet published are left out)
    assert [p.name for p in cut.people] == [p.name for p in program.people]
    assert len(cut.organizations) == len(program.organizations)
    # cutting again on the same day or a later one changes nothing: it is the cut itself
    assert cut.as_known_on(day) is cut
    later = data.draw(iso_dates(day, MAX_DATE))
    assert cut.as_known_on(later) is cut
    # and when every record was known by then, the cut is the program itself
    whole = all(len(getattr(cut, n)) == len(getattr(program, n)) for n in KNOWN_COLLECTIONS)
    assert (cut is program) == whole


@whole_program_settings
@given(programs(max_items=3), st.data())
def test_status_known_on_k_is_the_status_of_the_cut(program: Program, data: st.DataObject) -> None:
    days = _marks(program)
    as_of = data.draw(days)
    known_on = data.draw(days)
    assume(program.baseline.announced_on.latest <= known_on)
    cut = program.as_known_on(known_on)
    stale_after = data.draw(st.sampled_from((0, 30, 180)))
    expected = program.status(as_of, known_on=known_on, stale_after=stale_after)
    found = cut.status(as_of, known_on=known_on, stale_after=stale_after)
    assert found == expected  # the status is drawn from the cut
    # knowing more of the cut's own records than it holds changes nothing but known_on
    if known_on <= as_of:
        again = cut.status(as_of, stale_after=stale_after)
        assert again == attrs.evolve(expected, known_on=as_of)


@whole_program_settings
@given(programs(max_items=3), st.data())
def test_became_known_partitions_the_growth_of_the_cut(
    program: Program, data: st.DataObject
) -> None:
    days = _marks(program)
    since, until = sorted((data.draw(days), data.draw(days)))
    assume(program.baseline.announced_on.latest <= since)
    found = became_known(program, since, until)
    assert list(found) == list(KNOWN_COLLECTIONS)
    before, after = _ids(program.as_known_on(since)), _ids(program.as_known_on(until))
    for name in KNOWN_COLLECTIONS:
        assert before[name] <= after[name]
        assert set(found[name]) == after[name] - before[name], name
        order = [r.id for r in getattr(program, name)]
        assert list(found[name]) == [i for i in order if i in found[name]]
    # consecutive windows add up
    middle = data.draw(iso_dates(since, until))
    first, second = became_known(program, since, middle), became_known(program, middle, until)
    for name in KNOWN_COLLECTIONS:
        assert set(first[name]) | set(second[name]) == set(found[name])
        assert not set(first[name]) & set(second[name])


def test_before_the_first_plan_nothing_can_be_cut() -> None:
    from csto_program.datasets import tajik_afghan_border

    program = tajik_afghan_border()
    with pytest.raises(DataError, match="no plan was known on 2024-11-10"):
        program.as_known_on(D(2024, 11, 10))
    assert [p.id for p in program.as_known_on(D(2024, 11, 11)).plans] == ["asia-plus-2024-11-25"]


def test_the_embedded_record_as_known_on_2024_12_01() -> None:
    from csto_program.datasets import tajik_afghan_border

    program = tajik_afghan_border()
    day = D(2024, 12, 1)
    cut = program.as_known_on(day)
    assert not cut.reports
    for name in KNOWN_COLLECTIONS:
        for record in getattr(cut, name):
            known = known_day(program, record)
            assert known is None or known <= day, record.id
    for source in cut.sources:
        assert source.published_on is None or source.published_on.latest <= day
        assert all(cut.by_id[i].id == i for i in source.via)
    # references to what was not known yet are gone, and it is still the same record
    everything = set(cut.by_id)
    for statement in cut.statements:
        assert set(statement.sources) <= everything
    assert cut.status(day) == program.status(day)
    news = became_known(program, D(2024, 12, 1), D(2026, 1, 31))
    assert "stage-2-2026-01-29" in news["reports"]
    assert "sputnik-2024-12-04" in news["plans"]


def test_meetings_not_held_are_known_from_their_announcement() -> None:
    from csto_program.datasets import tajik_afghan_border

    program = tajik_afghan_border()
    dated = Source(id="later-news", outlet="News", title="T", published_on="2025-12-01")
    early = Source(id="early-news", outlet="News", title="T", published_on="2025-11-28")
    scheduled = Meeting(
        id="council-x-2026",
        title="Council session",
        kind="council_session",
        starts_on="2026-11-11",
        status="scheduled",
        sources=["later-news", "early-news"],
    )
    announced = Meeting(
        id="council-x-2026b",
        title="Council session",
        kind="council_session",
        starts_on="2026-11-11",
        status="postponed",
        announced_on="2025-11-27",
    )
    bare = Meeting(
        id="council-x-2026c",
        title="Council session",
        kind="council_session",
        starts_on="2026-11",
        status="cancelled",
    )
    held = Meeting(
        id="council-x-2026d", title="Session", kind="council_session", starts_on="2026-11-11"
    )
    more = program.add(dated, early, scheduled, announced, bare, held)
    assert known_day(more, scheduled) == D(2025, 11, 28)  # the first source to report it
    assert known_day(more, announced) == D(2025, 11, 27)
    assert known_day(more, bare) == D(2026, 11, 30)
    assert known_day(more, held) == D(2026, 11, 11)
    cut = more.as_known_on(D(2025, 11, 29))
    assert [m.id for m in cut.meetings if m.id.startswith("council-x")] == [
        "council-x-2026",
        "council-x-2026b",
    ]
    assert cut.by_id["council-x-2026"].sources == ("early-news",)  # the later one is pruned
    with pytest.raises(TypeError):
        known_day(more, PartialDate.parse("2026"))  # type: ignore[arg-type]


def test_notes_wait_for_what_they_are_about() -> None:
    from csto_program.datasets import tajik_afghan_border

    program = tajik_afghan_border()
    note = Note(
        id="about-2026",
        kind="context",
        text="About the 2026 report.",
        about=["stage-2-2026-01-29", "masadykov", "about-2026"],
    )
    more = program.add(note)
    assert known_day(more, note) == D(2026, 1, 29)
    assert "about-2026" not in more.as_known_on(D(2026, 1, 28)).by_id
    assert "about-2026" in more.as_known_on(D(2026, 1, 29)).by_id
    undated = Note(id="plain", kind="context", text="Always known.")
    assert known_day(program.add(undated), undated) is None


def _dangling(value: Any, ids: set[str], numbers: set[int]) -> list[str]:
    """The references inside ``value`` (a record, a status, or a tuple of them, walked by
    the fields' ``refers_to`` declarations) that name no record of ``ids``."""
    if isinstance(value, tuple):
        return [ref for item in value for ref in _dangling(item, ids, numbers)]
    if not attrs.has(type(value)):
        return []
    found = []
    for a in attrs.fields(type(value)):
        item = getattr(value, a.name)
        spec = a.metadata.get("spec")
        target = None if spec is None else spec.refers_to
        if target is None:
            found += _dangling(item, ids, numbers)
            continue
        pool: set[Any] = numbers if target == STAGE_NUMBERS else ids
        for ref in item if isinstance(item, tuple) else (item,):
            if ref is not None and ref not in pool:
                found.append(f"{a.name}={ref}")
    return found


@whole_program_settings
@given(programs(max_items=3), st.data())
def test_every_reference_of_the_cut_and_its_status_resolves(
    program: Program, data: st.DataObject
) -> None:
    days = _marks(program)
    known_on, as_of = data.draw(days), data.draw(days)
    assume(program.baseline.announced_on.latest <= known_on)
    cut = program.as_known_on(known_on)
    assert list(program_problems(cut)) == []
    assert references_resolve(cut)
    ids = set(cut.by_id)
    numbers = {stage.number for plan in cut.plans for stage in plan.stages}
    for record in cut.by_id.values():
        assert _dangling(record, ids, numbers) == [], record.id
    # the status as known on K names only what was known on K, inside its plan too
    status = program.status(as_of, known_on=known_on)
    assert _dangling(status, ids, numbers) == []
    assert status == cut.status(as_of, known_on=known_on)


def test_the_first_weeks_of_the_embedded_record_render_in_every_view() -> None:
    """The first plan is known from 2024-11-11 and its stages cite a source of
    2024-11-25: every view of the days between names only sources known then."""
    from csto_program import export, words
    from csto_program.datasets import tajik_afghan_border

    program = tajik_afghan_border()
    day = D(2024, 11, 11)
    while day <= D(2024, 11, 30):
        view = words.cut(program, day)
        ids = set(view.program.by_id)
        numbers = {s.number for plan in view.program.plans for s in plan.stages}
        assert _dangling(view.status, ids, numbers) == [], day
        for event in view.events():
            assert set(event.sources) <= ids, (day, event.title)
            words.outlets(view.program, event.sources)
        for format in ("markdown", "html"):
            text = export.render(program, format, as_of=day).decode()
            assert "asia-plus-2024-11-25-article" not in text or day >= D(2024, 11, 25)
        day += datetime.timedelta(days=1)
