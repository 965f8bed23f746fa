"""Differences between two versions of a program (csto_program.compare)."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from csto_program import DataError, Person, Place, Program, Source
from csto_program.compare import FieldChange, ProgramDiff, RecordChange, diff_programs
from csto_program.datasets import starter_program, tajik_afghan_border
from csto_program.strategies import field_values, ids, programs, texts
from support import whole_program_settings

RECORD = tajik_afghan_border()
# The collections of records with ids, in the model's order (typed in, not derived).
COLLECTIONS = (
    "plans",
    "organizations",
    "people",
    "meetings",
    "statements",
    "reports",
    "sources",
    "notes",
)


def replace(program: Program, collection: str, index: int, record: Any) -> Program:
    items = list(getattr(program, collection))
    items[index] = record
    return attrs.evolve(program, **{collection: tuple(items)})


def locations(diff: ProgramDiff) -> list[str]:
    return [location for record in diff.changed for location in record.locations()]


# --------------------------------------------------------------------------- known inputs


def test_a_record_equal_to_itself_has_no_diff() -> None:
    diff = diff_programs(RECORD, RECORD)
    assert diff.is_empty
    assert diff == ProgramDiff(added={}, removed={}, changed=(), program=(), reordered=())


def test_added_and_removed_records_by_collection_in_model_order_then_id() -> None:
    new = RECORD.add(
        Source(id="zz-source", outlet="Example"),
        Person(id="example-person", name="An Example Person"),
        Source(id="aa-source", outlet="Example"),
    )
    diff = diff_programs(RECORD, new)
    assert list(diff.added.items()) == [
        ("people", ("example-person",)),
        ("sources", ("aa-source", "zz-source")),
    ]
    assert not diff.removed and not diff.changed and not diff.program and not diff.reordered
    back = diff_programs(new, RECORD)
    assert back.removed == diff.added and not back.added
    assert json.loads(json.dumps(diff.to_dict())) == {
        "added": {"people": ["example-person"], "sources": ["aa-source", "zz-source"]},
        "removed": {},
        "changed": {},
        "program": [],
        "reordered": [],
    }


def test_a_changed_stage_is_located_by_plan_id_and_stage_index() -> None:
    plan = RECORD.plans[0]
    stages = list(plan.stages)
    stages[1] = attrs.evolve(stages[1], description="Two years.", tasks=("Build posts.",))
    new = replace(RECORD, "plans", 0, attrs.evolve(plan, stages=tuple(stages), note="Checked."))
    diff = diff_programs(RECORD, new)
    assert locations(diff) == [
        "plans[asia-plus-2024-11-25].stages[1].tasks",
        "plans[asia-plus-2024-11-25].stages[1].description",
        "plans[asia-plus-2024-11-25].note",
    ]
    changes = diff.to_dict()["changed"]["plans"]["asia-plus-2024-11-25"]
    assert changes[0] == {
        "field": "stages[1].tasks",
        "old": list(plan.stages[1].tasks),
        "new": ["Build posts."],
    }
    assert changes[2] == {"field": "note", "old": plan.note, "new": "Checked."}


def test_dates_and_enumerations_are_given_in_their_json_spelling() -> None:
    meeting = RECORD.meetings[0]
    new = replace(
        RECORD,
        "meetings",
        0,
        attrs.evolve(meeting, starts_on="2013-09", kind="other", place=None),
    )
    new = attrs.evolve(new, adopted_on="2024-11-29", decided_on=None)
    data = diff_programs(RECORD, new).to_dict()
    assert data["changed"]["meetings"][meeting.id] == [
        {"field": "kind", "old": "summit", "new": "other"},
        {"field": "starts_on", "old": "2013-09-23", "new": "2013-09"},
        {
            "field": "place",
            "old": {"name": "Sochi", "country": "RU", "timezone": "Europe/Moscow"},
            "new": None,
        },
    ]
    assert data["program"] == [
        {"field": "adopted_on", "old": "2024-11-28", "new": "2024-11-29"},
        {"field": "decided_on", "old": "2013-09-23", "new": None},
    ]
    json.dumps(data)


def test_nested_records_are_compared_field_by_field_and_lists_of_them_item_by_item() -> None:
    index, meeting = next(
        (i, m) for i, m in enumerate(RECORD.meetings) if m.place and len(m.participants) >= 2
    )
    assert meeting.place is not None
    place = Place(name="Elsewhere", country=meeting.place.country, timezone=meeting.place.timezone)
    fewer = attrs.evolve(meeting, place=place, participants=meeting.participants[:1])
    diff = diff_programs(RECORD, replace(RECORD, "meetings", index, fewer))
    [record] = diff.changed
    paths = [change.path for change in record.changes]
    assert paths[0] == "place.name"
    assert paths[1:] == [f"participants[{i}]" for i in range(1, len(meeting.participants))]
    assert all(change.new is None for change in record.changes[1:])
    dropped = diff.to_dict()["changed"]["meetings"][meeting.id][1]["old"]
    assert dropped == attrs.asdict(meeting.participants[1], filter=lambda _, v: v is not None)


def test_a_record_moved_to_another_collection_is_removed_and_added() -> None:
    # an id used by a source in one version and by a person in the other
    as_source = RECORD.add(Source(id="moving", outlet="Example"))
    as_person = RECORD.add(Person(id="moving", name="Example Person"))
    diff = diff_programs(as_source, as_person)
    assert diff.removed == {"sources": ("moving",)}
    assert diff.added == {"people": ("moving",)}
    assert not diff.changed


def test_a_changed_order_is_reported() -> None:
    people = RECORD.people
    new = attrs.evolve(RECORD, people=(people[1], people[0], *people[2:]))
    diff = diff_programs(RECORD, new)
    assert diff.reordered == ("people",) and not diff.is_empty
    assert diff.to_dict()["reordered"] == ["people"]
    assert not diff.changed and not diff.added


def test_diff_refuses_what_is_not_a_program() -> None:
    with pytest.raises(TypeError, match="new must be a Program, got dict"):
        diff_programs(RECORD, {})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="old must be a Program, got NoneType"):
        diff_programs(None, RECORD)  # type: ignore[arg-type]


def test_the_collections_compared_are_those_of_the_model() -> None:
    # the starting program shares no id with the record, which has every collection
    assert tuple(diff_programs(starter_program(), RECORD).added) == COLLECTIONS
    assert tuple(diff_programs(RECORD, starter_program()).removed) == COLLECTIONS


def test_a_field_change_and_a_record_change_as_data() -> None:
    change = FieldChange(path="title", old="a", new="b")
    record = RecordChange(collection="people", id="zas", changes=(change,))
    assert record.locations() == ("people[zas].title",)
    assert change.to_dict() == {"field": "title", "old": "a", "new": "b"}


# --------------------------------------------------------------------------- properties


@whole_program_settings
@given(programs())
def test_a_program_has_no_diff_with_itself(program: Program) -> None:
    assert diff_programs(program, program).is_empty


@whole_program_settings
@given(programs(), programs())
def test_the_diff_is_empty_exactly_when_the_programs_are_equal_and_it_is_symmetric(
    a: Program, b: Program
) -> None:
    forward, backward = diff_programs(a, b), diff_programs(b, a)
    assert forward.is_empty == (a == b) == backward.is_empty
    assert forward.added == backward.removed and forward.removed == backward.added
    assert forward.reordered == backward.reordered
    assert [(c.collection, c.id) for c in forward.changed] == [
        (c.collection, c.id) for c in backward.changed
    ]
    for one, other in zip(forward.changed, backward.changed, strict=True):
        assert [(c.path, c.old, c.new) for c in one.changes] == [
            (c.path, c.new, c.old) for c in other.changes
        ]
    assert [(c.path, c.old, c.new) for c in forward.program] == [
        (c.path, c.new, c.old) for c in backward.program
    ]
    json.dumps(forward.to_dict())


@whole_program_settings
@given(programs(), ids(), texts())
def test_adding_a_person_shows_as_that_addition_only(
    program: Program, new_id: str, name: str
) -> None:
    assume(new_id not in program.by_id)
    bigger = program.add(Person(id=new_id, name=name))
    diff = diff_programs(program, bigger)
    assert diff.added == {"people": (new_id,)}
    assert not (diff.removed or diff.changed or diff.program or diff.reordered)
    assert diff_programs(bigger, program).removed == {"people": (new_id,)}


@whole_program_settings
@given(programs(), st.data())
def test_changing_one_field_of_one_record_shows_exactly_that_change(
    program: Program, data: st.DataObject
) -> None:
    collections = [name for name in COLLECTIONS if getattr(program, name)]
    collection = data.draw(st.sampled_from(collections))
    index = data.draw(st.integers(0, len(getattr(program, collection)) - 1))
    record = getattr(program, collection)[index]
    # any field that is neither the id, a reference nor a nested record
    names = [
        a.name
        for a in attrs.fields(type(record))
        if a.metadata["spec"].kind.value not in {"id", "record"}
    ]
    name = data.draw(st.sampled_from(names))
    value = data.draw(field_values(type(record), name))
    try:
        changed = replace(program, collection, index, attrs.evolve(record, **{name: value}))
    except DataError:
        assume(False)  # the new value breaks a rule of the record or of the program
        raise  # pragma: no cover - assume(False) does not return
    diff = diff_programs(program, changed)
    if getattr(record, name) == getattr(getattr(changed, collection)[index], name):
        assert diff.is_empty
        return
    [change] = diff.changed
    assert (change.collection, change.id) == (collection, record.id)
    [field_change] = change.changes
    assert field_change.path == name
    assert field_change.old == getattr(record, name)
    assert not (diff.added or diff.removed or diff.program or diff.reordered)


@whole_program_settings
@given(programs(), texts())
def test_changing_the_title_is_a_program_change(program: Program, title: str) -> None:
    changed = attrs.evolve(program, title=title)
    diff = diff_programs(program, changed)
    if title == program.title:
        assert diff.is_empty
    else:
        assert [(c.path, c.old, c.new) for c in diff.program] == [("title", program.title, title)]
        assert not (diff.added or diff.removed or diff.changed or diff.reordered)


@whole_program_settings
@given(programs(), st.data())
def test_shuffling_a_collection_is_a_reorder_and_nothing_else(
    program: Program, data: st.DataObject
) -> None:
    collection = data.draw(st.sampled_from([n for n in COLLECTIONS if n != "plans"]))
    items = getattr(program, collection)
    shuffled = tuple(data.draw(st.permutations(items)))
    diff = diff_programs(program, attrs.evolve(program, **{collection: shuffled}))
    assert diff.reordered == ((collection,) if shuffled != items else ())
    assert not (diff.added or diff.removed or diff.changed or diff.program)
