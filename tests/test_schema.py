"""The JSON Schema agrees with the loader where a schema can speak."""

from __future__ import annotations

import json

import jsonschema
import pytest

from csto_program import MODEL_CLASSES, DataError, Program, from_json, json_schema
from csto_program.schema import DATE_PATTERN, EDTF_PATTERN


@pytest.mark.parametrize("cls", MODEL_CLASSES)
def test_schema_is_valid_draft_2020_12(cls: type) -> None:
    schema = json_schema(cls)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["additionalProperties"] is False
    for definition in schema.get("$defs", {}).values():
        assert definition["additionalProperties"] is False


def test_program_schema_requires_version_and_core_fields() -> None:
    schema = json_schema(Program)
    assert schema["required"][:1] == ["schema_version"]
    assert {"id", "title", "adopted_on", "starts_on", "stages"} <= set(schema["required"])
    assert "term_months" not in schema["required"]


def test_unknown_class() -> None:
    with pytest.raises(TypeError):
        json_schema(dict)


DOC = {
    "schema_version": 1,
    "id": "p",
    "title": "P",
    "adopted_on": "2024-11-28",
    "starts_on": "2025-01-01",
    "stages": [{"number": 1, "name": "S", "start": "2025-01-01", "end": "2026-01-01"}],
}


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(extra=1),
        lambda d: d.pop("title"),
        lambda d: d.update(title=5),
        lambda d: d.update(adopted_on="2024-11-28T00:00"),
        lambda d: d.update(decided_on="November 25"),
        lambda d: d.update(id="Not An Id"),
        lambda d: d["stages"][0].update(number="1"),
        lambda d: d.update(schema_version=2),
        lambda d: d.update(
            meetings=[{"id": "m", "title": "t", "kind": "party", "starts_on": "2024"}]
        ),
    ],
)
def test_schema_and_loader_both_refuse(mutate) -> None:
    doc = json.loads(json.dumps(DOC))
    from_json(json.dumps(doc), Program)
    jsonschema.validate(doc, json_schema(Program))
    mutate(doc)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, json_schema(Program))
    with pytest.raises(DataError):
        from_json(json.dumps(doc), Program)


@pytest.mark.parametrize(
    "text", ["2023", "2023-02", "2023-02-14", "2023?", "2023-02~", "2023-02-14%"]
)
def test_edtf_pattern_accepts(text: str) -> None:
    import re

    assert re.search(EDTF_PATTERN, text)


@pytest.mark.parametrize("text", ["23", "2023-2", "2023-13", "2023-02-14?~", " 2023"])
def test_edtf_pattern_refuses(text: str) -> None:
    import re

    assert not re.search(EDTF_PATTERN, text)
    assert not re.search(DATE_PATTERN, text)
