"""Model construction: types, JSON spellings, values, schedules and program invariants."""

from __future__ import annotations

import datetime
import types
from typing import Any

import attrs
import pendulum
import pytest
import tzdata
from hypothesis import given, settings
from hypothesis import strategies as st

from csto_program import (
    DataError,
    LocalName,
    Meeting,
    MeetingKind,
    Note,
    NoteKind,
    Organization,
    PartialDate,
    Participant,
    Person,
    Place,
    Plan,
    Program,
    Progress,
    ProgressReport,
    ScheduleError,
    Source,
    SourceKind,
    Stage,
    Statement,
    StatementKind,
    plan_stages,
)
from csto_program._spec import Kind, specs
from csto_program.dates import Precision, Qualifier, add_days, add_months
from csto_program.serialize import MODEL_CLASSES

D = datetime.date
START = D(2025, 1, 1)
HUGE = 10**5000  # more digits than Python prints (4,300)


def _plan(**changes: Any) -> Plan:
    fields: dict[str, Any] = {
        "id": "plan",
        "announced_on": "2024-12-04",
        "starts_on": START,
        "stages": plan_stages(START),
    }
    fields.update(changes)
    return Plan(**fields)


def _program(**changes: Any) -> Program:
    fields: dict[str, Any] = {
        "id": "p",
        "title": "P",
        "adopted_on": D(2024, 11, 28),
        "plans": (_plan(),),
    }
    fields.update(changes)
    return Program(**fields)


def _statement(**changes: Any) -> Statement:
    fields: dict[str, Any] = {
        "id": "s",
        "speaker": "x",
        "role": "r",
        "said_on": PartialDate.parse("2025"),
        "text": "t",
        "kind": StatementKind.QUOTE,
    }
    fields.update(changes)
    return Statement(**fields)


def _report(**changes: Any) -> ProgressReport:
    fields: dict[str, Any] = {
        "id": "r",
        "stage": 1,
        "progress": Progress.IN_PROGRESS,
        "reported_on": PartialDate.parse("2025-06"),
    }
    fields.update(changes)
    return ProgressReport(**fields)


class Text(str):
    """A str subclass: not a JSON spelling, so not converted."""


# --------------------------------------------------------------------------- types


@pytest.mark.parametrize(
    "make",
    [
        lambda: _program(title=5),
        lambda: _program(plans=(1, 2)),
        lambda: _program(plans="plan"),
        lambda: _program(plans=_plan()),
        lambda: _program(adopted_on=20241128),
        lambda: _program(adopted_on=b"2024-11-28"),
        lambda: _program(adopted_on=Text("2024-11-28")),
        lambda: _program(adopted_on=datetime.datetime(2024, 11, 28)),
        lambda: _program(adopted_on=pendulum.datetime(2024, 11, 28)),
        lambda: _program(decided_on=D(2013, 1, 1)),
        lambda: _program(decided_on=2013),
        lambda: _plan(term_months=True),
        lambda: _plan(term_months=60.0),
        lambda: _plan(first_stage_months="12"),
        lambda: _plan(starts_on=pendulum.datetime(2025, 1, 1)),
        lambda: _plan(stages=[*plan_stages(START)[:2], "stage 3"]),
        lambda: _statement(stages=(True,)),
        lambda: _statement(stages=(1.0,)),
        lambda: _statement(stages="12"),
        lambda: _statement(kind=1),
        lambda: _statement(kind=Text("quote")),
        lambda: _statement(said_on=D(2023, 1, 1)),
        lambda: _statement(said_on=2023),
        lambda: _statement(topics="abc"),
        lambda: _statement(speaker=None),
        lambda: _report(progress=None),
        lambda: _report(reported_on=pendulum.datetime(2025, 6, 1)),
        lambda: Place(name="Astana", country="KZ", timezone=5),
        lambda: Participant(role="r", person=5),
        lambda: Stage(number=1.0, name="S", start=START, end=D(2026, 1, 1)),
        lambda: Source(id="s", outlet="o", kind=SourceKind),
    ],
)
def test_wrong_python_types_raise_type_error(make: Any) -> None:
    with pytest.raises(TypeError):
        make()


def test_json_spellings_are_accepted_exactly() -> None:
    year = _statement(said_on="2023", kind="quote", stages=[1, 2], topics=["a"])
    assert year.said_on == PartialDate(2023) and year.said_on.precision is Precision.YEAR
    assert str(year.said_on) == "2023"
    assert year.kind is StatementKind.QUOTE
    assert year.stages == (1, 2) and year.topics == ("a",)
    month = _statement(said_on="2023-02~")
    assert month.said_on == PartialDate(2023, 2, qualifier=Qualifier.APPROXIMATE)
    stage = Stage(number=1, name="S", start="2025-01-01", end=D(2026, 1, 1))
    assert type(stage.start) is pendulum.Date and type(stage.end) is pendulum.Date
    assert stage == Stage(number=1, name="S", start=START, end=pendulum.Date(2026, 1, 1))
    report = _report(progress="completed", reported_on="2025-06", as_of="2025-05-31")
    assert report.progress is Progress.COMPLETED and str(report.day) == "2025-05-31"
    assert Source(id="s", outlet="o", kind="press_release").kind is SourceKind.PRESS_RELEASE
    spelled = Program(id="p", title="P", adopted_on="2024-11-28", plans=[_plan()])
    assert spelled == _program() and type(spelled.adopted_on) is pendulum.Date
    assert spelled.plans == (_plan(),)
    member = StatementKind.PARAPHRASE
    assert _statement(kind=member).kind is member


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda: _statement(said_on="2023-2"), "$.said_on"),
        (lambda: _statement(said_on=""), "$.said_on"),
        (lambda: _statement(kind="rumour"), "$.kind"),
        (lambda: Stage(number=1, name="S", start="2025-02-30", end=D(2026, 1, 1)), "$.start"),
        (lambda: Stage(number=1, name="S", start=START, end="2026-1-1"), "$.end"),
        (lambda: _program(adopted_on="2024-11-28T00:00"), "$.adopted_on"),
        (lambda: _report(progress="done"), "$.progress"),
        (lambda: _report(as_of="2025-13"), "$.as_of"),
    ],
)
def test_bad_json_spellings_are_data_errors_at_their_field(make: Any, path: str) -> None:
    with pytest.raises(DataError) as info:
        make()
    assert [p for p, _ in info.value.problems] == [path]


# One valid instance of every model class, for the checks that go field by field.
_STAGE = plan_stages(START)[0]
_VALID: dict[type, Any] = {
    Place: Place(name="Astana", country="KZ", timezone="Asia/Almaty"),
    LocalName: LocalName(language="ru", name="ОДКБ", abbreviation="ОДКБ"),
    Participant: Participant(role="r", person="x", organization="o"),
    Person: Person(id="x", name="X", other_names=("Y",), description="d", sources=("s",)),
    Organization: Organization(id="o", name="O", abbreviation="A", parent="q", sources=("s",)),
    Source: Source(id="s", outlet="O", url="https://e.org", title="T", language="en", via=("t",)),
    Meeting: Meeting(
        id="m",
        title="M",
        kind="summit",
        starts_on="2024",
        organizer="o",
        decisions=("d",),
        description="x",
        sources=("s",),
    ),
    Statement: _statement(on_behalf_of="o", meeting="m", topics=("t",), sources=("s",), note="n"),
    Note: Note(id="n", kind="context", text="t", about=("x",), stated="s", sources=("s",)),
    Stage: attrs.evolve(_STAGE, tasks=("t",), description="d", sources=("s",)),
    Plan: _plan(basis="b", sources=("s",), note="n"),
    ProgressReport: _report(statement="s", sources=("s",), note="n"),
    Program: _program(
        other_names=("Q",),
        description="d",
        organization="o",
        beneficiary="o",
        organizations=(Organization(id="o", name="O"),),
    ),
}
_STRING_KINDS = {Kind.ID, Kind.TEXT, Kind.STR, Kind.URL, Kind.LANGUAGE, Kind.COUNTRY}
_STRING_FIELDS = [
    (cls, attribute.name, spec.many)
    for cls in MODEL_CLASSES
    for attribute, spec in specs(cls)
    if spec.kind in _STRING_KINDS | {Kind.TIMEZONE}
]
_SURROGATES = st.tuples(
    st.text(max_size=4),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
    st.text(max_size=4),
).map("".join)


def test_every_model_class_has_a_valid_example() -> None:
    assert set(_VALID) == set(MODEL_CLASSES)
    assert len(_STRING_FIELDS) > 40


@pytest.mark.parametrize(("cls", "name", "many"), _STRING_FIELDS)
@settings(max_examples=10)
@given(text=_SURROGATES)
def test_a_lone_surrogate_in_any_string_field_is_a_data_error(
    cls: type, name: str, many: bool, text: str
) -> None:
    with pytest.raises(DataError) as info:
        attrs.evolve(_VALID[cls], **{name: (text,) if many else text})
    path = f"$.{name}[0]" if many else f"$.{name}"
    assert info.value.problems == ((path, "holds a lone surrogate, which is not valid Unicode"),)


_DATE_FIELDS = [
    (cls, attribute.name)
    for cls in MODEL_CLASSES
    for attribute, spec in specs(cls)
    if spec.kind in (Kind.DATE, Kind.PARTIAL_DATE)
]


@pytest.mark.parametrize(("cls", "name"), _DATE_FIELDS)
@pytest.mark.parametrize(
    "value",
    [pendulum.datetime(2025, 1, 1), pendulum.DateTime(2025, 1, 1), datetime.datetime(2025, 1, 1)],
)
def test_datetimes_are_refused_for_date_fields(cls: type, name: str, value: Any) -> None:
    with pytest.raises(TypeError, match=r"datetime|DateTime"):
        attrs.evolve(_VALID[cls], **{name: value})


# --------------------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda: _program(id="Has Spaces"), "$.id"),
        (lambda: _program(title="  "), "$.title"),
        (lambda: _program(other_names=("",)), "$.other_names[0]"),
        (lambda: Source(id="s", outlet="TASS", url="ftp://x"), "$.url"),
        (lambda: Source(id="s", outlet="TASS", url="https://example.org/ä"), "$.url"),
        (lambda: Source(id="s", outlet="TASS", language="English"), "$.language"),
        (lambda: Source(id="s", outlet="TASS", via=("s",)), "$.via"),
        (lambda: Source(id="s", outlet="TASS", via=("Bad Id",)), "$.via[0]"),
        (lambda: Place(name="Astana", country="KAZ", timezone="Asia/Almaty"), "$.country"),
        (lambda: Place(name="Astana", country="XX", timezone="Asia/Almaty"), "$.country"),
        (lambda: Place(name="Astana", country="KZ", timezone="Asia/Astana_"), "$.timezone"),
        (lambda: Participant(role="r"), "$"),
        (lambda: _statement(language="English"), "$.language"),
        (lambda: _statement(stages=(0,)), "$.stages[0]"),
        (lambda: _statement(stages=(1, 1)), "$.stages"),
        (lambda: Stage(number=0, name="S", start=START, end=D(2026, 1, 1)), "$.number"),
        (lambda: _report(stage=0), "$.stage"),
        (lambda: _plan(term_months=0), "$.term_months"),
        (lambda: _plan(first_stage_months=0), "$.first_stage_months"),
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
def test_bad_values_raise_data_error_with_a_path(make: Any, path: str) -> None:
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
        (plan_stages(START)[1:], 60, "$.stages[0].number"),
        (plan_stages(D(2025, 1, 2)), 60, "$.stages[0].start"),
        (plan_stages(START, months=(12, 24, 24)), 59, "$.stages[2].end"),
        (plan_stages(START), 10**6, "$.term_months"),
        pytest.param(plan_stages(START), HUGE, "$.term_months", id="huge-term"),
    ],
)
def test_schedule_invariants(stages: tuple[Stage, ...], term: int, path: str) -> None:
    with pytest.raises(ScheduleError) as info:
        _plan(stages=stages, term_months=term)
    assert info.value.problems[0][0] == path
    assert isinstance(info.value, DataError)


def test_a_plan_needs_a_stage_by_its_declaration() -> None:
    # min_items=1 on Plan.stages is enforced by the constructor from the spec: a missing
    # value, not a schedule that breaks a rule (so not a ScheduleError).
    with pytest.raises(DataError) as info:
        _plan(stages=())
    assert not isinstance(info.value, ScheduleError)
    assert info.value.problems == (("$.stages", "a plan needs at least one stage"),)


def test_stage_one_rule_and_overlaps() -> None:
    one, two, three = plan_stages(START)
    short = Stage(number=1, name="S", start=START, end=D(2025, 12, 31))
    with pytest.raises(ScheduleError, match="stage one must last 12 months"):
        _plan(stages=(short, two, three))
    assert _plan(stages=(short, two, three), first_stage_months=None).stage(1) is short
    with pytest.raises(ScheduleError, match="stage one must last 6 months"):
        _plan(stages=(short, two, three), first_stage_months=6)
    early = Stage(number=2, name="S", start=D(2025, 12, 1), end=two.end)
    with pytest.raises(ScheduleError, match="before stage 1 ends") as info:
        _plan(stages=(one, early, three))
    assert info.value.problems[0][0] == "$.stages[1].start"
    gap = Stage(number=2, name="S", start=D(2026, 3, 1), end=two.end)
    program = _program(plans=(_plan(stages=(one, gap, three)),))
    assert program.stage_on(D(2026, 2, 1)) is None
    assert program.stage_on(D(2026, 3, 1)) is gap


def test_stage_invariants() -> None:
    with pytest.raises(ScheduleError) as info:
        Stage(number=1, name="S", start=START, end=START)
    ((path, message),) = info.value.problems
    assert (
        path == "$.end" and message == "stage 1 ends on 2025-01-01, not after its start 2025-01-01"
    )
    assert str(info.value) == f"1 problem:\n  $.end: {message}"
    with pytest.raises(DataError) as wrong:
        Stage(number=0, name="S", start=START, end=D(2026, 1, 1))
    assert type(wrong.value) is DataError


# --------------------------------------------------------------------------- huge integers


@pytest.mark.parametrize(
    "make",
    [
        lambda: Stage(number=HUGE, name="S", start=START, end=START),
        lambda: _plan(stages=(_STAGE, attrs.evolve(plan_stages(START)[1], number=HUGE))),
        lambda: _plan(
            stages=(_STAGE, Stage(number=HUGE, name="S", start=D(2025, 6, 1), end=D(2027, 1, 1)))
        ),
        lambda: _plan(stages=(attrs.evolve(_STAGE, number=HUGE, end=D(2031, 1, 1)),)),
        lambda: _plan(term_months=HUGE),
        lambda: _plan(first_stage_months=HUGE),
        lambda: _program(reports=(_report(stage=HUGE),)),
        lambda: _program(
            people=(Person(id="x", name="X"),), statements=(_statement(stages=[HUGE]),)
        ),
        lambda: _statement(stages=(-HUGE,)),
        lambda: PartialDate(HUGE),
        lambda: PartialDate(2024, HUGE),
        lambda: PartialDate(2024, 2, -HUGE),
        lambda: plan_stages(START, months=(HUGE,)),
        lambda: plan_stages(START, months=(12, HUGE)),
        lambda: plan_stages(START, term_months=HUGE),
        lambda: plan_stages(START, months=(HUGE,), first_stage_months=None, term_months=HUGE),
        lambda: add_months(START, HUGE),
        lambda: add_days(START, -HUGE),
    ],
)
def test_huge_integers_give_short_data_or_type_errors(make: Any) -> None:
    with pytest.raises((DataError, TypeError)) as info:  # a bare ValueError fails the test
        make()
    assert "digits" in str(info.value)
    assert len(str(info.value)) < 1000


# --------------------------------------------------------------------------- time zones


@pytest.mark.parametrize(
    "zone", ["A" * 300, "Asia/" + "a" * 295, "a/" * 150, "x" * 5000, "Asia/" + "\u00e9" * 300]
)
def test_a_long_time_zone_is_a_data_error_without_a_file_path(zone: str) -> None:
    with pytest.raises(DataError) as info:
        Place(name="Astana", country="KZ", timezone=zone)
    ((path, message),) = info.value.problems
    assert path == "$.timezone"
    assert "is not an IANA time zone" in message and len(message) < 200
    for leak in (*tzdata.__path__, "site-packages", "Errno", "zoneinfo"):
        assert leak not in str(info.value)


def test_place_offsets_follow_the_2024_change_in_kazakhstan() -> None:
    astana = Place(name="Astana", country="KZ", timezone="Asia/Almaty")
    assert astana.utcoffset(D(2024, 2, 29)) == datetime.timedelta(hours=6)
    assert astana.utcoffset(D(2024, 3, 1)) == datetime.timedelta(hours=5)
    assert astana.utcoffset(D(2024, 11, 28)) == datetime.timedelta(hours=5)
    with pytest.raises(TypeError):
        astana.utcoffset(pendulum.datetime(2024, 11, 28))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- programs


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
    stages = (attrs.evolve(_STAGE, sources=("nowhere",)), *plan_stages(START)[1:])
    with pytest.raises(DataError) as info:
        _program(
            plans=(_plan(stages=stages, sources=("a",)),),
            people=people,
            organizations=orgs,
            meetings=(meeting,),
            statements=(statement,),
            reports=(_report(stage=5, statement="m", sources=("s",)),),
            notes=(note,),
            organization="a",
            beneficiary="ghost",
            sources=(Source(id="src", outlet="X", via=("a",)),),
        )
    paths = [path for path, _ in info.value.problems]
    # In document order: the fields of each record in their declared order.
    assert paths == [
        "$.plans[0].stages[0].sources[0]",
        "$.plans[0].sources[0]",
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
        "$.reports[0].stage",
        "$.reports[0].statement",
        "$.reports[0].sources[0]",
        "$.sources[0].via[0]",
        "$.notes[0].about[0]",
        "$.notes[0].sources[0]",
    ]
    messages = dict(info.value.problems)
    assert messages["$.organization"] == "refers to 'a', which is in people, not in organizations"
    assert messages["$.reports[0].stage"] == "refers to stage 5, which is in no plan"
    assert messages["$.reports[0].statement"] == (
        "refers to 'm', which is in meetings, not in statements"
    )


def test_ids_are_unique_across_every_collection() -> None:
    with pytest.raises(DataError) as info:
        _program(
            plans=(_plan(), _plan(announced_on="2025")),
            people=(Person(id="r", name="R"),),
            reports=(_report(),),
        )
    assert info.value.problems == (
        ("$.plans[1].id", "id 'plan' is already used"),
        ("$.reports[0].id", "id 'r' is already used"),
    )


def test_plans_are_needed_and_listed_in_the_order_they_became_known() -> None:
    with pytest.raises(DataError) as info:
        _program(plans=())
    assert info.value.problems == (("$.plans", "a program needs at least one plan"),)
    # "2024" may mean any day of 2024: known only at its end, after 2024-12-04
    year = _plan(id="year", announced_on="2024")
    with pytest.raises(DataError) as info:
        _program(plans=(year, _plan()))
    ((path, message),) = info.value.problems
    assert path == "$.plans[1].announced_on"
    assert "before plan 'year'" in message
    same_day = _plan(id="same", announced_on="2024-12-04~")
    assert _program(plans=(_plan(), same_day)).plan is same_day
    assert _program(plans=(_plan(), year)).plan is year


def test_program_helpers() -> None:
    one, two, three = plan_stages(START)
    later = _plan(
        id="later",
        announced_on="2025-03",
        starts_on=D(2025, 2, 1),
        stages=plan_stages(D(2025, 2, 1), months=(12, 24)),
        term_months=48,
    )
    program = _program(
        plans=(_plan(), later),
        people=(Person(id="x", name="X"),),
        statements=(
            _statement(id="late", said_on=PartialDate.parse("2026-01-29"), stages=(1,)),
            _statement(id="early", said_on=PartialDate.parse("2025-04"), stages=(1, 2)),
        ),
        reports=(_report(id="b", stage=2), _report(id="a", stage=2), _report(id="c")),
    )
    assert program.baseline.stages == (one, two, three)
    assert program.plan is later
    assert (program.starts_on, program.term_months) == (D(2025, 2, 1), 48)
    assert program.ends_on == D(2029, 2, 1) and program.stages == later.stages
    assert program.stage(2) is later.stages[1]
    with pytest.raises(KeyError):
        program.stage(3)
    assert program.plan_known_on(D(2024, 12, 3)) is None
    assert program.plan_known_on(D(2024, 12, 4)) is program.baseline
    assert program.plan_known_on(D(2025, 3, 30)) is program.baseline
    assert program.plan_known_on(D(2025, 3, 31)) is later
    assert [s.id for s in program.statements_about(1)] == ["early", "late"]
    assert [r.id for r in program.reports_about(2)] == ["b", "a"]
    assert program.reports_about(3) == ()
    assert program.by_id["later"] is later and program.by_id["a"].stage == 2
    assert set(program.by_id) == {"plan", "later", "x", "late", "early", "a", "b", "c"}
    assert isinstance(program.by_id, types.MappingProxyType)
    status = program.status(D(2026, 1, 28))
    assert [s.id for s in status.stages[0].evidence] == ["early"]
    assert [s.id for s in program.status(D(2026, 1, 29)).stages[0].evidence] == ["early", "late"]
    assert one.contains(START) and not one.contains(one.end)
    with pytest.raises(TypeError):
        one.contains(datetime.datetime(2025, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        program.plan_known_on("2025-01-01")  # type: ignore[arg-type]


def test_add_a_news_item_in_three_lines() -> None:
    program = _program(people=(Person(id="masadykov", name="Talatbek Masadykov"),))
    news = program.add(
        Source(id="example-2026-02-01", outlet="Example News", published_on="2026-02-01"),
        Statement(
            id="example-quote",
            speaker="masadykov",
            role="CSTO Secretary-General",
            said_on="2026-02-01",
            text="Work continues.",
            kind="paraphrase",
            stages=[1],
            sources=["example-2026-02-01"],
        ),
    )
    said = news.by_id["example-quote"]
    assert isinstance(said, Statement) and said.kind is StatementKind.PARAPHRASE
    assert said.said_on == PartialDate(2026, 2, 1)
    assert news.statements_about(1) == (said,)
    assert program.statements == () and "example-quote" not in program.by_id  # unchanged
    assert news.add() == news
    more = news.add(
        _report(id="r1", statement="example-quote"), _plan(id="v2", announced_on="2026")
    )
    assert more.plan.id == "v2" and more.reports_about(1)[0].statement == "example-quote"


def test_add_refuses_dangling_references_and_other_objects() -> None:
    program = _program(people=(Person(id="masadykov", name="M"),))
    with pytest.raises(DataError) as info:
        program.add(
            Statement(
                id="q",
                speaker="masadykov",
                role="r",
                said_on="2026-02-01",
                text="t",
                kind="quote",
                sources=["not-added"],
            )
        )
    assert info.value.problems == (
        ("$.statements[0].sources[0]", "refers to 'not-added', which is not in sources"),
    )
    with pytest.raises(DataError) as info:
        program.add(_plan(id="old", announced_on="2020"))
    assert info.value.problems[0][0] == "$.plans[1].announced_on"
    with pytest.raises(DataError):
        program.add(Person(id="masadykov", name="Again"))
    with pytest.raises(TypeError, match="records\\[1\\]"):
        program.add(Person(id="y", name="Y"), _STAGE)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        program.add({"id": "z"})  # type: ignore[arg-type]


def test_objects_are_frozen_and_hashable() -> None:
    program = _program()
    assert hash(program) == hash(_program())
    with pytest.raises(AttributeError):
        program.title = "Q"  # type: ignore[misc]
    assert type(program.adopted_on) is pendulum.Date
    assert len({_plan(), _plan(), _report(), _report()}) == 2


def test_an_unknown_reference_suggests_the_closest_id() -> None:
    statement = _statement(speaker="masadykof")
    with pytest.raises(DataError) as info:
        _program(people=(Person(id="masadykov", name="M"),), statements=(statement,))
    assert info.value.problems == (
        (
            "$.statements[0].speaker",
            "refers to 'masadykof', which is not in people; did you mean 'masadykov'?",
        ),
    )


def test_references_are_declared_on_their_fields() -> None:
    from csto_program._spec import ANY_RECORD, STAGE_NUMBERS, references

    assert references(Statement) == (
        ("speaker", "people"),
        ("on_behalf_of", "organizations"),
        ("meeting", "meetings"),
        ("stages", STAGE_NUMBERS),
        ("sources", "sources"),
    )
    assert references(Note) == (("about", ANY_RECORD), ("sources", "sources"))
    assert references(Participant) == (("person", "people"), ("organization", "organizations"))
    assert references(Program) == (
        ("organization", "organizations"),
        ("beneficiary", "organizations"),
    )
    # Every id field but a record's own id is a declared reference.
    for cls in (Statement, Note, Participant, Program, Meeting, Source, Organization, Plan):
        declared = {name for name, _ in references(cls)}
        ids = {a.name for a, s in specs(cls) if s.kind is Kind.ID and a.name != "id"}
        assert ids <= declared, cls


def test_the_model_imports_no_module_that_imports_it() -> None:
    # codes and records sit below status, status below model: no cycle, not even one
    # hidden behind TYPE_CHECKING.
    import ast
    import pathlib

    import csto_program

    root = pathlib.Path(csto_program.__file__).parent
    for name, forbidden in {
        "codes": {"records", "status", "model", "integrity"},
        "records": {"status", "model", "integrity"},
        "integrity": {"status", "model"},
        "status": {"model", "integrity"},
    }.items():
        tree = ast.parse((root / f"{name}.py").read_text(encoding="utf-8"))
        imported = {
            node.module.rsplit(".", 1)[-1]
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module
        }
        assert not imported & forbidden, name


def test_meeting_status_is_public_at_the_package_root() -> None:
    import csto_program
    from csto_program import codes

    assert "MeetingStatus" in csto_program.__all__
    assert csto_program.MeetingStatus is codes.MeetingStatus
    assert csto_program.Meeting.__attrs_attrs__.status.type is not None
