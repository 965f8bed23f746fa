"""Model construction: types, values and program invariants."""

from __future__ import annotations

import datetime

import pendulum
import pytest

from csto_program import (
    DataError,
    Meeting,
    MeetingKind,
    Note,
    NoteKind,
    Organization,
    PartialDate,
    Participant,
    Person,
    Place,
    Program,
    ScheduleError,
    Source,
    Stage,
    Statement,
    StatementKind,
    plan_stages,
)

D = datetime.date
START = D(2025, 1, 1)


def _program(**changes: object) -> Program:
    fields: dict[str, object] = {
        "id": "p",
        "title": "P",
        "adopted_on": D(2024, 11, 28),
        "starts_on": START,
        "stages": plan_stages(START),
    }
    fields.update(changes)
    return Program(**fields)  # type: ignore[arg-type]


def _statement(**changes: object) -> Statement:
    fields: dict[str, object] = {
        "id": "s",
        "speaker": "x",
        "role": "r",
        "said_on": PartialDate.parse("2025"),
        "text": "t",
        "kind": StatementKind.QUOTE,
    }
    fields.update(changes)
    return Statement(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "make",
    [
        lambda: _program(title=5),
        lambda: _program(stages=list(plan_stages(START))),
        lambda: _program(stages=(1, 2)),
        lambda: _program(term_months=True),
        lambda: _program(adopted_on="2024-11-28"),
        lambda: _program(starts_on=datetime.datetime(2025, 1, 1)),
        lambda: _program(starts_on=pendulum.datetime(2025, 1, 1)),
        lambda: _program(decided_on="2013"),
        lambda: _statement(stages=(True,)),
        lambda: _statement(kind="quote"),
        lambda: _statement(topics=["a"]),
        lambda: _statement(speaker=None),
        lambda: Place(name="Astana", country="KZ", timezone=5),
        lambda: Participant(role="r", person=5),
        lambda: Stage(number=1.0, name="S", start=START, end=D(2026, 1, 1)),
    ],
)
def test_wrong_python_types_raise_type_error(make) -> None:
    with pytest.raises(TypeError):
        make()


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda: _program(id="Has Spaces"), "$.id"),
        (lambda: _program(title="  "), "$.title"),
        (lambda: _program(other_names=("",)), "$.other_names[0]"),
        (lambda: Source(id="s", outlet="TASS", url="ftp://x"), "$.url"),
        (lambda: Source(id="s", outlet="TASS", language="English"), "$.language"),
        (lambda: Source(id="s", outlet="TASS", via=("s",)), "$.via"),
        (lambda: Source(id="s", outlet="TASS", via=("Bad Id",)), "$.via[0]"),
        (lambda: Place(name="Astana", country="KAZ", timezone="Asia/Almaty"), "$.country"),
        (lambda: Place(name="Astana", country="KZ", timezone="Asia/Astana_"), "$.timezone"),
        (lambda: Participant(role="r"), "$"),
        (lambda: _statement(language="English"), "$.language"),
        (lambda: _statement(stages=(0,)), "$.stages[0]"),
        (lambda: _statement(stages=(1, 1)), "$.stages"),
        (
            lambda: Meeting(
                id="m",
                title="M",
                kind=MeetingKind.SUMMIT,
                starts_on=PartialDate.parse("2024-03-01"),
                ends_on=PartialDate.parse("2024-02"),
            ),
            "$.ends_on",
        ),
    ],
)
def test_bad_values_raise_data_error_with_a_path(make, path: str) -> None:
    with pytest.raises(DataError) as info:
        make()
    assert info.value.problems[0][0] == path


def test_meeting_may_end_within_a_partial_start() -> None:
    meeting = Meeting(
        id="m",
        title="M",
        kind=MeetingKind.WORKING_MEETING,
        starts_on=PartialDate.parse("2024-02"),
        ends_on=PartialDate.parse("2024-02-03"),
    )
    assert meeting.ends_on is not None


@pytest.mark.parametrize(
    ("stages", "term", "path"),
    [
        ((), 60, "$.stages"),
        (plan_stages(START)[1:], 60, "$.stages[0].number"),
        (plan_stages(D(2025, 1, 2)), 60, "$.stages[0].start"),
        (plan_stages(START, months=(12, 24, 24)), 59, "$.stages[2].end"),
        (plan_stages(START), 0, "$.term_months"),
        (plan_stages(START), 10**6, "$.term_months"),
    ],
)
def test_schedule_invariants(stages: tuple[Stage, ...], term: int, path: str) -> None:
    with pytest.raises(ScheduleError) as info:
        _program(stages=stages, term_months=term)
    assert info.value.problems[0][0] == path


def test_stage_one_must_last_twelve_months_and_stages_must_not_overlap() -> None:
    one, two, three = plan_stages(START)
    short = Stage(number=1, name="S", start=START, end=D(2025, 12, 31))
    with pytest.raises(ScheduleError, match="stage one must last 12 months"):
        _program(stages=(short, two, three))
    early = Stage(number=2, name="S", start=D(2025, 12, 1), end=two.end)
    with pytest.raises(ScheduleError, match="before stage 1 ends"):
        _program(stages=(one, early, three))
    gap = Stage(number=2, name="S", start=D(2026, 3, 1), end=two.end)
    assert _program(stages=(one, gap, three)).stage_on(D(2026, 2, 1)) is None


@pytest.mark.parametrize(
    ("start", "end", "completed", "path"),
    [
        (START, START, None, "$.end"),
        (START, D(2026, 1, 1), D(2024, 12, 31), "$.completed_on"),
    ],
)
def test_stage_invariants(start: D, end: D, completed: D | None, path: str) -> None:
    with pytest.raises(ScheduleError) as info:
        Stage(number=1, name="S", start=start, end=end, completed_on=completed)
    assert info.value.problems == ((path, str(info.value)),)
    with pytest.raises(ScheduleError):
        Stage(number=0, name="S", start=START, end=D(2026, 1, 1))


def test_references_must_resolve_to_the_right_kind() -> None:
    people = (Person(id="a", name="A"),)
    orgs = (Organization(id="o", name="O", parent="ghost"),)
    meeting = Meeting(
        id="m",
        title="M",
        kind=MeetingKind.PHONE_CALL,
        starts_on=PartialDate.parse("2017-02-09"),
        organizer="a",
        participants=(Participant(role="r", person="o", organization="a"),),
        sources=("m",),
    )
    statement = _statement(speaker="a", on_behalf_of="a", meeting="a", stages=(4,))
    note = Note(id="n", kind=NoteKind.CONTEXT, text="t", about=("ghost",), sources=("a",))
    with pytest.raises(DataError) as info:
        _program(
            people=people,
            organizations=orgs,
            meetings=(meeting,),
            statements=(statement,),
            notes=(note,),
            organization="a",
            beneficiary="ghost",
            sources=(Source(id="src", outlet="X", via=("a",)),),
        )
    paths = [path for path, _ in info.value.problems]
    assert paths == [
        "$.organization",
        "$.beneficiary",
        "$.organizations[0].parent",
        "$.meetings[0].organizer",
        "$.meetings[0].participants[0].person",
        "$.meetings[0].participants[0].organization",
        "$.meetings[0].sources[0]",
        "$.statements[0].on_behalf_of",
        "$.statements[0].meeting",
        "$.statements[0].stages[0]",
        "$.sources[0].via[0]",
        "$.notes[0].about[0]",
        "$.notes[0].sources[0]",
    ]
    messages = dict(info.value.problems)
    assert messages["$.organization"] == "refers to 'a', which is in people, not in organizations"


def test_program_helpers() -> None:
    one, two, three = plan_stages(START)
    program = _program(
        stages=(one, two, three),
        people=(Person(id="x", name="X"),),
        statements=(
            _statement(id="late", said_on=PartialDate.parse("2026-01-29"), stages=(1,)),
            _statement(id="early", said_on=PartialDate.parse("2025-04"), stages=(1, 2)),
        ),
    )
    assert program.ends_on == D(2030, 1, 1)
    assert program.stage(2) is two
    with pytest.raises(KeyError):
        program.stage(4)
    assert [s.id for s in program.statements_about(1)] == ["early", "late"]
    status = program.status(D(2026, 1, 28))
    assert [s.id for s in status.stages[0].evidence] == ["early"]
    assert [s.id for s in program.status(D(2026, 1, 29)).stages[0].evidence] == ["early", "late"]
    assert one.contains(START) and not one.contains(one.end)
    with pytest.raises(TypeError):
        one.contains(datetime.datetime(2025, 1, 1))  # type: ignore[arg-type]


def test_place_offsets_follow_the_2024_change_in_kazakhstan() -> None:
    astana = Place(name="Astana", country="KZ", timezone="Asia/Almaty")
    assert astana.utcoffset(D(2024, 2, 29)) == datetime.timedelta(hours=6)
    assert astana.utcoffset(D(2024, 3, 1)) == datetime.timedelta(hours=5)
    assert astana.utcoffset(D(2024, 11, 28)) == datetime.timedelta(hours=5)
    with pytest.raises(TypeError):
        astana.utcoffset(pendulum.datetime(2024, 11, 28))  # type: ignore[arg-type]


def test_objects_are_frozen_and_hashable() -> None:
    program = _program()
    assert hash(program) == hash(_program())
    with pytest.raises(AttributeError):
        program.title = "Q"  # type: ignore[misc]
    assert type(program.adopted_on) is pendulum.Date
