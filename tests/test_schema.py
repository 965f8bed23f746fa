"""The JSON Schema: complete (every property described, every value of every enumeration
explained, every example valid), and in agreement with the loader where a schema can speak."""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csto_program import DataError, Program, from_dict, from_json, json_schema, to_dict
from csto_program._spec import ENUM_DESCRIPTIONS, PATTERNS, Kind, spec_of, specs
from csto_program.dates import EDTF_PATTERN, ISO_DATE_PATTERN
from csto_program.serialize import MODEL_CLASSES, SCHEMA_VERSION
from csto_program.strategies import programs
from json_paths import v1_document
from support import untraced, whole_program_settings

_CHECKER = jsonschema.Draft202012Validator.FORMAT_CHECKER
PROGRAM = jsonschema.Draft202012Validator(json_schema(Program), format_checker=_CHECKER)
PROGRAM_V1 = jsonschema.Draft202012Validator(
    json_schema(Program, version=1), format_checker=_CHECKER
)
PROGRAM_V2 = jsonschema.Draft202012Validator(
    json_schema(Program, version=2), format_checker=_CHECKER
)


def _objects(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object schema (one with ``properties``) in ``schema``, with where it is."""
    stack: list[tuple[str, Any]] = [("#", schema)]
    while stack:
        where, node = stack.pop()
        if isinstance(node, dict):
            if "properties" in node:
                yield where, node
            stack.extend((f"{where}/{key}", value) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((f"{where}/{index}", value) for index, value in enumerate(node))


@pytest.mark.parametrize("cls", MODEL_CLASSES)
def test_schema_is_valid_draft_2020_12(cls: type) -> None:
    schema = json_schema(cls)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["additionalProperties"] is False
    assert schema["$id"].endswith(f"/v{SCHEMA_VERSION}/{cls.__name__}.json")
    for definition in schema.get("$defs", {}).values():
        assert definition["additionalProperties"] is False
        assert definition["description"]
    assert json_schema(cls, version=SCHEMA_VERSION) == schema


@pytest.mark.parametrize("cls", MODEL_CLASSES)
def test_every_property_is_described(cls: type) -> None:
    schema = json_schema(cls)
    found = 0
    for where, node in _objects(schema):
        for name, prop in node["properties"].items():
            found += 1
            assert isinstance(prop.get("description"), str), f"{where}/{name}"
            assert prop["description"].strip(), f"{where}/{name}"
            if name not in ("$schema", "schema_version"):
                assert prop.get("x-type"), f"{where}/{name}"
    assert found >= len(specs(cls))


def test_every_field_declares_what_the_schema_says() -> None:
    schema = json_schema(Program)
    definitions = {**schema["$defs"], "Program": schema}
    for cls in MODEL_CLASSES:
        properties = definitions[cls.__name__]["properties"]
        for attribute, spec in specs(cls):
            prop = properties[attribute.name]
            assert prop["description"].startswith(spec.description)
            if spec.rule:
                assert spec.rule in prop["description"]
            assert prop.get("examples", []) == list(spec.examples)


def _validator_for(prop: dict[str, Any], root: dict[str, Any]) -> Any:
    return jsonschema.Draft202012Validator(
        {"$defs": root.get("$defs", {}), **prop}, format_checker=_CHECKER
    )


def test_every_example_is_valid_and_accepted() -> None:
    root = json_schema(Program)
    count = 0
    for _, node in _objects(root):
        for prop in node["properties"].values():
            for example in prop.get("examples", []):
                _validator_for(prop, root).validate(example)
                count += 1
    assert count >= 30
    for cls in MODEL_CLASSES:  # and the constructors take each example as a field's value
        for attribute, spec in specs(cls):
            for example in spec.examples:
                value = tuple(example) if isinstance(example, list) else example
                if spec.kind is not Kind.RECORD:
                    convert = attribute.converter
                    if convert is not None:
                        value = convert.converter(value, attribute)  # type: ignore[union-attr]
                    attribute.validator(None, attribute, value)  # type: ignore[misc]


def test_enumerations_explain_every_value() -> None:
    root = json_schema(Program)
    enums = 0
    for _, node in _objects(root):
        for name, prop in node["properties"].items():
            inner = prop.get("anyOf", [prop])[0]
            inner = inner.get("items", inner)
            if "enum" not in inner:
                continue
            enums += 1
            assert [item["const"] for item in inner["oneOf"]] == inner["enum"], name
            assert all(item["description"].strip() for item in inner["oneOf"]), name
            assert prop["x-type"] == "one of: " + ", ".join(inner["enum"])
    assert enums == sum(spec.kind is Kind.ENUM for cls in MODEL_CLASSES for _, spec in specs(cls))
    described = {cls.__name__ for cls in ENUM_DESCRIPTIONS}
    assert {"SourceKind", "MeetingKind", "StatementKind", "NoteKind", "Progress"} <= described


def test_program_schema_requires_version_and_core_fields() -> None:
    schema = json_schema(Program)
    assert schema["required"][:4] == ["schema_version", "id", "title", "adopted_on"]
    assert schema["properties"]["schema_version"]["const"] == 3
    assert "$schema" in schema["properties"]
    plan = schema["$defs"]["Plan"]
    assert plan["required"][:3] == ["id", "announced_on", "starts_on"]
    assert plan["properties"]["first_stage_months"]["anyOf"][1] == {"type": "null"}


def test_the_schema_requires_plans_and_stages() -> None:
    schema = json_schema(Program)
    assert "plans" in schema["required"] and schema["properties"]["plans"]["minItems"] == 1
    stages = schema["$defs"]["Plan"]
    assert "stages" in stages["required"] and stages["properties"]["stages"]["minItems"] == 1


def test_unknown_class_and_version() -> None:
    with pytest.raises(TypeError):
        json_schema(dict)
    with pytest.raises(ValueError, match="version 4"):
        json_schema(Program, version=4)
    with pytest.raises(ValueError):
        json_schema(MODEL_CLASSES[1], version=1)
    v1 = json_schema(Program, version=1)
    jsonschema.Draft202012Validator.check_schema(v1)
    assert v1["properties"]["schema_version"] == {"const": 1}
    v2 = json_schema(Program, version=2)
    jsonschema.Draft202012Validator.check_schema(v2)
    assert v2["properties"]["schema_version"]["const"] == 2
    assert v2["$id"].endswith("/v2/Program.json")
    assert "inferred" not in v2["$defs"]["Plan"]["properties"]
    assert "status" not in v2["$defs"]["Meeting"]["properties"]
    assert "noted_on" not in v2["$defs"]["Note"]["properties"]


def test_the_schema_describes_the_fields_new_in_version_3() -> None:
    defs = json_schema(Program)["$defs"]
    for name in ("Plan", "ProgressReport"):
        inferred = defs[name]["properties"]["inferred"]
        assert inferred["type"] == "boolean" and inferred["description"]
        assert "inferred" not in defs[name]["required"]
    meeting = defs["Meeting"]["properties"]
    assert meeting["status"]["enum"] == ["held", "scheduled", "postponed", "cancelled"]
    assert meeting["announced_on"]["anyOf"][1] == {"type": "null"}
    noted_on = defs["Note"]["properties"]["noted_on"]
    assert noted_on["anyOf"][1] == {"type": "null"} and "author" in noted_on["description"]
    assert "noted_on" not in defs["Note"]["required"]


@whole_program_settings
@given(programs())
def test_every_generated_program_is_valid(program: Program) -> None:
    doc = to_dict(program)
    with untraced():
        PROGRAM.validate(doc)


@whole_program_settings
@given(programs(max_plans=1, first_stage_months=st.just(12)))
def test_every_version_1_document_is_valid_against_the_version_1_schema(
    program: Program,
) -> None:
    doc = v1_document(program)
    PROGRAM_V1.validate(doc)
    with pytest.raises(jsonschema.ValidationError):
        PROGRAM.validate(doc)
    assert from_dict(doc, Program).plan.stages == program.plan.stages


DOC: dict[str, Any] = {
    "schema_version": 3,
    "id": "p",
    "title": "P",
    "adopted_on": "2024-11-28",
    "plans": [
        {
            "id": "plan",
            "announced_on": "2024-11-25",
            "starts_on": "2025-01-01",
            "stages": [{"number": 1, "name": "S", "start": "2025-01-01", "end": "2026-01-01"}],
        }
    ],
    "reports": [{"id": "r", "stage": 1, "progress": "in_progress", "reported_on": "2025-06"}],
}
V1_DOC: dict[str, Any] = {
    "schema_version": 1,
    "id": "p",
    "title": "P",
    "adopted_on": "2024-11-28",
    "starts_on": "2025-01-01",
    "stages": [
        {
            "number": 1,
            "name": "S",
            "start": "2025-01-01",
            "end": "2026-01-01",
            "completed_on": "2025-12-01",
        }
    ],
}


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(extra=1),
        lambda d: d["plans"][0].update(extra=1),
        lambda d: d["plans"][0]["stages"][0].update(extra=1),
        lambda d: d.pop("title"),
        lambda d: d.pop("plans"),
        lambda d: d.update(plans=[]),
        lambda d: d["plans"][0].pop("stages"),
        lambda d: d.update(title=5),
        lambda d: d.update(adopted_on="2024-11-28T00:00"),
        lambda d: d.update(decided_on="November 25"),
        lambda d: d.update(id="Not An Id"),
        lambda d: d.update({"$schema": 5}),
        lambda d: d["plans"][0]["stages"][0].update(number="1"),
        lambda d: d["plans"][0].update(first_stage_months=0),
        lambda d: d["plans"][0].update(announced_on="2024-11-25T10:00"),
        lambda d: d["reports"][0].update(progress="done"),
        lambda d: d["reports"][0].update(stage=0),
        lambda d: d.update(schema_version=4),
        lambda d: d.update(
            meetings=[{"id": "m", "title": "t", "kind": "party", "starts_on": "2024"}]
        ),
        lambda d: d["plans"][0].update(inferred="yes"),
        lambda d: d["reports"][0].update(inferred=1),
        lambda d: d.update(
            meetings=[
                {"id": "m", "title": "t", "kind": "summit", "starts_on": "2024", "status": "done"}
            ]
        ),
        lambda d: d.update(
            meetings=[
                {"id": "m", "title": "t", "kind": "summit", "starts_on": "2024", "announced_on": 5}
            ]
        ),
    ],
)
def test_schema_and_loader_both_refuse(mutate: Any) -> None:
    doc = copy.deepcopy(DOC)
    from_json(json.dumps(doc), Program)
    PROGRAM.validate(doc)
    mutate(doc)
    with pytest.raises(jsonschema.ValidationError):
        PROGRAM.validate(doc)
    with pytest.raises(DataError):
        from_json(json.dumps(doc), Program)


V2_DOC: dict[str, Any] = {**copy.deepcopy(DOC), "schema_version": 2}


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(extra=1),
        lambda d: d["plans"][0].update(inferred=True),
        lambda d: d["reports"][0].update(inferred=False),
        lambda d: d.update(
            meetings=[
                {"id": "m", "title": "t", "kind": "summit", "starts_on": "2024", "status": "held"}
            ]
        ),
        lambda d: d.update(schema_version=3, meetings=[{"id": "m"}]),
    ],
)
def test_version_2_schema_and_loader_both_refuse(mutate: Any) -> None:
    doc = copy.deepcopy(V2_DOC)
    assert from_json(json.dumps(doc), Program).reports[0].inferred is False
    PROGRAM_V2.validate(doc)
    mutate(doc)
    with pytest.raises(jsonschema.ValidationError):
        PROGRAM_V2.validate(doc)
    with pytest.raises(DataError):
        from_json(json.dumps(doc), Program)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(extra=1),
        lambda d: d.update(plans=[]),
        lambda d: d.pop("starts_on"),
        lambda d: d["stages"][0].update(completed_on="2025-12~"),
        lambda d: d["stages"][0].update(colour="red"),
        lambda d: d.update(term_months="60"),
    ],
)
def test_version_1_schema_and_loader_both_refuse(mutate: Any) -> None:
    doc = copy.deepcopy(V1_DOC)
    assert from_json(json.dumps(doc), Program).reports[0].id == "stage-1-completed"
    PROGRAM_V1.validate(doc)
    mutate(doc)
    with pytest.raises(jsonschema.ValidationError):
        PROGRAM_V1.validate(doc)
    with pytest.raises(DataError):
        from_json(json.dumps(doc), Program)


@pytest.mark.parametrize(
    "text", ["2023", "2023-02", "2023-02-14", "2023?", "2023-02~", "2023-02-14%", "0001"]
)
def test_edtf_pattern_accepts(text: str) -> None:
    assert re.fullmatch(EDTF_PATTERN, text)
    assert re.fullmatch(PATTERNS[Kind.PARTIAL_DATE], text)


@pytest.mark.parametrize(
    "text", ["23", "2023-2", "2023-02-14?~", " 2023", "2023\n", "２０２３", "2023-02-14T00"]
)
def test_edtf_and_date_patterns_refuse(text: str) -> None:
    assert not re.fullmatch(EDTF_PATTERN, text, re.ASCII)
    assert not re.fullmatch(ISO_DATE_PATTERN, text, re.ASCII)


_KINDS = [Kind.ID, Kind.URL, Kind.LANGUAGE, Kind.TEXT]


@given(st.sampled_from(_KINDS), st.text(max_size=20) | st.from_regex(PATTERNS[Kind.ID]))
def test_schema_patterns_agree_with_the_specs(kind: Kind, text: str) -> None:
    spec = next(
        spec_of(a) for cls in MODEL_CLASSES for a, _ in specs(cls) if spec_of(a).kind is kind
    )
    pattern = _pattern_of(kind)
    matched = re.search(pattern, text) is not None
    if "\n" in text:  # Python's $ also matches before a final newline; ECMA 262's does not
        return
    assert matched == (spec.problem(text) is None)


@functools.cache
def _pattern_of(kind: Kind) -> str:
    schema = json_schema(Program)
    for cls in MODEL_CLASSES:
        node = schema if cls is Program else schema["$defs"][cls.__name__]
        for attribute, spec in specs(cls):
            if spec.kind is kind:
                prop = node["properties"][attribute.name]
                inner = prop.get("anyOf", [prop])[0]
                inner = inner.get("items", inner)
                return str(inner["pattern"])
    raise AssertionError(kind)
