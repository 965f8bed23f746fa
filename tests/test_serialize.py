"""Round trips, strictness and the fuzz property: the loader only ever raises DataError."""

from __future__ import annotations

import copy
import datetime
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csto_program import (
    MODEL_CLASSES,
    DataError,
    Meeting,
    PartialDate,
    Place,
    Program,
    Stage,
    Statement,
    StatementKind,
    from_dict,
    from_json,
    json_schema,
    plan_stages,
    to_dict,
    to_json,
)
from csto_program.strategies import meetings, programs, statements
from json_paths import get, paths

D = datetime.date
PROGRAM_VALIDATOR = jsonschema.Draft202012Validator(
    json_schema(Program), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def _base() -> Program:
    return Program(
        id="p",
        title="P",
        adopted_on=D(2024, 11, 28),
        starts_on=D(2025, 1, 1),
        stages=plan_stages(D(2025, 1, 1)),
    )


@given(programs())
def test_program_round_trip_and_schema(program: Program) -> None:
    text = to_json(program)
    assert from_json(text, Program) == program
    assert from_json(text.encode(), Program) == program
    assert to_json(from_json(text, Program)) == text  # deterministic
    PROGRAM_VALIDATOR.validate(json.loads(text))
    assert from_dict(to_dict(program), Program) == program


@given(programs(max_items=2))
def test_indented_json_is_the_same_document(program: Program) -> None:
    assert json.loads(to_json(program, indent=True)) == json.loads(to_json(program))


@given(meetings(), statements())
def test_meeting_and_statement_round_trip(meeting: Meeting, statement: Statement) -> None:
    assert from_json(to_json(meeting), Meeting) == meeting
    assert from_json(to_json(statement), Statement) == statement
    jsonschema.validate(json.loads(to_json(meeting)), json_schema(Meeting))
    jsonschema.validate(json.loads(to_json(statement)), json_schema(Statement))


# ---------------------------------------------------------------------------- strictness


def _doc() -> dict[str, Any]:
    return to_dict(_base())


def _problems(data: Any, cls: type = Program) -> tuple[tuple[str, str], ...]:
    with pytest.raises(DataError) as info:
        from_dict(data, cls)
    return info.value.problems


def test_no_coercion() -> None:
    doc = _doc()
    doc["title"] = 123
    doc["term_months"] = "60"
    doc["stages"][0]["number"] = True
    doc["stages"][1]["tasks"] = "abc"
    assert _problems(doc) == (
        ("$.title", "expected a string, got integer 123"),
        ("$.stages[0].number", "expected an integer, got boolean True"),
        ("$.stages[1].tasks", "expected an array, got string 'abc'"),
        ("$.term_months", "expected an integer, got string '60'"),
    )


def test_every_problem_with_its_path() -> None:
    doc = _doc()
    doc["stages"][1]["start"] = "2026-02-30"
    doc["stages"][2]["colour"] = "red"
    del doc["title"]
    doc["meetings"] = [{"id": "m", "title": "M", "kind": "summit", "starts_on": "November 25"}]
    problems = dict(_problems(doc))
    assert set(problems) == {
        "$.title",
        "$.stages[1].start",
        "$.stages[2].colour",
        "$.meetings[0].starts_on",
    }
    assert problems["$.title"] == "required key is missing"
    assert problems["$.stages[2].colour"] == "unknown key"
    assert "2026-02-30" in problems["$.stages[1].start"]
    assert "November 25" in problems["$.meetings[0].starts_on"]


def test_invariants_become_data_errors_on_load() -> None:
    doc = _doc()
    doc["stages"][0]["end"] = "2025-12-31"
    assert _problems(doc) == (
        ("$.stages[0].end", "stage one must last 12 months: end 2026-01-01, got 2025-12-31"),
    )
    doc = _doc()
    doc["stages"][2]["end"] = "2030-01-02"
    assert _problems(doc)[0][0] == "$.stages[2].end"
    doc = _doc()
    doc["stages"][1]["end"] = doc["stages"][1]["start"]
    assert _problems(doc)[0][0] == "$.stages[1].end"


def test_dangling_references_and_duplicate_ids() -> None:
    doc = _doc()
    doc["people"] = [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]
    doc["statements"] = [
        {
            "id": "s",
            "speaker": "ghost",
            "role": "r",
            "said_on": "2025",
            "text": "t",
            "kind": "quote",
            "meeting": "nowhere",
            "sources": ["missing"],
        }
    ]
    assert _problems(doc) == (
        ("$.people[1].id", "id 'a' is already used"),
        ("$.statements[0].speaker", "refers to 'ghost', which is not in people"),
        ("$.statements[0].meeting", "refers to 'nowhere', which is not in meetings"),
        ("$.statements[0].sources[0]", "refers to 'missing', which is not in sources"),
    )


def test_schema_version() -> None:
    doc = _doc()
    del doc["schema_version"]
    assert _problems(doc)[0][0] == "$.schema_version"
    for bad, shown in ((2, "integer 2"), ("1", "string '1'"), (None, "null"), (1.0, "number 1.0")):
        doc["schema_version"] = bad
        ((path, message),) = _problems(doc)
        assert path == "$.schema_version"
        assert f"unsupported schema_version {shown};" in message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "invalid JSON"),
        ("{", "invalid JSON"),
        ('{"a": NaN}', "NaN is not valid JSON"),
        ('{"a": 1, "a": 2}', "duplicate key 'a'"),
        (b"\xff\xfe", "invalid JSON"),
        ("[1]", "expected an object, got an array"),
        ("[" * 100_000, "invalid JSON"),
    ],
)
def test_bad_json_text(text: str | bytes, message: str) -> None:
    with pytest.raises(DataError) as info:
        from_json(text, Program)
    ((path, found),) = info.value.problems
    assert path == "$"
    assert message in found


def test_lone_surrogate_is_refused() -> None:
    doc = _doc()
    doc["title"] = "bad \ud800 text"
    assert _problems(doc)[0][0] == "$.title"


def test_wrong_class_and_argument_types() -> None:
    with pytest.raises(TypeError):
        to_dict(object())
    with pytest.raises(TypeError):
        from_dict({}, dict)
    with pytest.raises(TypeError):
        from_json(123, Program)  # type: ignore[arg-type]


def test_partial_dates_stay_partial() -> None:
    statement = Statement(
        id="s",
        speaker="x",
        role="r",
        said_on=PartialDate.parse("2023"),
        text="t",
        kind=StatementKind.PARAPHRASE,
    )
    data = to_dict(statement)
    assert data["said_on"] == "2023"
    assert from_dict(data, Statement).said_on.precision.value == "year"


def test_every_model_class_round_trips() -> None:
    place = Place(name="Astana", country="KZ", timezone="Asia/Almaty")
    stage = Stage(
        number=1, name="S", start=D(2025, 1, 1), end=D(2026, 1, 1), completed_on=D(2025, 6, 1)
    )
    for obj in (place, stage, _base()):
        assert type(obj) in MODEL_CLASSES
        assert from_json(to_json(obj), type(obj)) == obj


# ---------------------------------------------------------------------------- fuzz

_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.sampled_from(["2024-02-30", "2023", "2023-02-14?", "summit", "quote", "x", ""]),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@given(programs(max_items=2), st.data())
def test_fuzzed_documents_only_raise_data_error(program: Program, data: st.DataObject) -> None:
    doc = to_dict(program)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths(doc)))
        action = data.draw(st.sampled_from(["drop", "swap", "extra", "dup"]))
        if not path:
            doc = data.draw(_VALUES)
            break
        parent = get(doc, path[:-1])
        if action == "drop":
            del parent[path[-1]]
        elif action == "swap":
            parent[path[-1]] = data.draw(_VALUES)
        elif action == "extra" and isinstance(parent, dict):
            parent[data.draw(st.text(max_size=8))] = data.draw(_VALUES)
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
    text = json.dumps(doc)
    try:
        loaded = from_json(text, Program)
    except DataError as exc:
        assert exc.problems
        for where, message in exc.problems:
            assert where.startswith("$") and message
    else:
        assert from_json(to_json(loaded), Program) == loaded  # a valid mutant still round-trips


@given(st.text(max_size=200) | st.binary(max_size=200))
def test_garbage_text_only_raises_data_error(text: str | bytes) -> None:
    for cls in (Program, Stage, Meeting):
        try:
            from_json(text, cls)
        except DataError as exc:
            assert exc.problems
