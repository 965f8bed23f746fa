"""JSON Schema (draft 2020-12) of the JSON that :func:`~csto_program.to_json` writes.

The schema is derived from the same field declarations as the constructors and the loader,
so it cannot drift from them: every property has the description and examples declared with
its field, every enumeration lists its values with a line each, unknown keys are refused and
ids, dates and codes are checked by the same patterns. What a schema cannot say (a real
calendar date, references that resolve, the stage plan) the loader still checks.

A program document may name its schema in a ``"$schema"`` key, so that editors complete and
check it as it is typed; the loader accepts and ignores that key.

>>> from csto_program import Program, json_schema
>>> schema = json_schema(Program)
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> schema["properties"]["schema_version"]["const"]
3
>>> schema["$defs"]["Plan"]["properties"]["announced_on"]["description"]
'When the plan became public (EDTF).'
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, Final

from csto_program._spec import ENUM_DESCRIPTIONS, KINDS, Kind, Spec, anchored, specs
from csto_program.errors import DataError, short_repr
from csto_program.model import Program
from csto_program.serialize._fast import MODEL_CLASSES
from csto_program.serialize._versions import SCHEMA_VERSION

__all__ = ["SCHEMA_BASE", "json_schema"]

SCHEMA_BASE: Final = "https://csto-program.invalid/schema"
"""Where the schemas are published: ``{SCHEMA_BASE}/v{version}/{Class}.json``.

>>> SCHEMA_BASE + "/v2/Program.json"
'https://csto-program.invalid/schema/v2/Program.json'
"""

_PUBLISHED: Final = (1, 2)
"""The older versions whose program schema is published as a file (``data/schema``)."""

_TYPE_WORDS: Final = {
    Kind.ID: "id",
    Kind.TEXT: "text",
    Kind.STR: "text (may be empty)",
    Kind.URL: "URL",
    Kind.LANGUAGE: "language tag",
    Kind.COUNTRY: "country code",
    Kind.TIMEZONE: "time zone",
    Kind.INT: "integer",
    Kind.BOOL: "true or false",
    Kind.DATE: "date (YYYY-MM-DD)",
    Kind.PARTIAL_DATE: "partial date (EDTF)",
}


def _item_schema(spec: Spec, defs: dict[str, Any]) -> dict[str, Any]:
    kind = spec.kind
    if kind is Kind.INT:
        schema: dict[str, Any] = {"type": "integer"}
        if spec.minimum is not None:
            schema["minimum"] = spec.minimum
        return schema
    if kind is Kind.ENUM:
        described = ENUM_DESCRIPTIONS.get(spec.type, {})
        return {
            "enum": [member.value for member in spec.type],  # type: ignore[attr-defined]
            "oneOf": [{"const": value, "description": text} for value, text in described.items()],
        }
    if kind is Kind.RECORD:
        _define(spec.type, defs)
        return {"$ref": f"#/$defs/{spec.type.__name__}"}
    schema = {"type": KINDS[kind].json_type}
    if kind is Kind.DATE:
        schema["format"] = "date"
    if spec.pattern is not None:  # the kind's one pattern, read alike by Python and ECMA-262
        schema["pattern"] = anchored(spec.pattern)
    return schema


def _field_schema(spec: Spec, defs: dict[str, Any]) -> dict[str, Any]:
    schema = _item_schema(spec, defs)
    if spec.many:
        schema = {"type": "array", "items": schema}
        if spec.min_items:
            schema["minItems"] = spec.min_items
        if spec.unique:
            schema["uniqueItems"] = True
    if spec.optional:
        schema = {"anyOf": [schema, {"type": "null"}]}
    words = _TYPE_WORDS.get(spec.kind)
    if spec.kind is Kind.ENUM:
        words = "one of: " + ", ".join(member.value for member in spec.type)  # type: ignore[attr-defined]
    elif spec.kind is Kind.RECORD:
        words = spec.type.__name__
    if spec.many:
        words = f"list of {words}"
    rule = f" Must be {spec.rule}." if spec.rule else ""
    schema["description"] = spec.description + rule
    schema["x-type"] = words
    if spec.examples:
        schema["examples"] = list(spec.examples)
    return schema


def _object_schema(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    import attrs

    for attribute, spec in specs(cls):
        properties[attribute.name] = _field_schema(spec, defs)
        if attribute.default is attrs.NOTHING:
            required.append(attribute.name)
    schema: dict[str, Any] = {"type": "object"}
    if cls.__doc__:
        schema["description"] = " ".join(cls.__doc__.strip().split("\n\n")[0].split())
    schema["properties"] = properties
    schema["required"] = required
    schema["additionalProperties"] = False
    return schema


def _define(cls: type[Any], defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder: stops recursion
    defs[cls.__name__] = _object_schema(cls, defs)


def json_schema(cls: type[Any], *, version: int | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``to_json`` output for a model class.

    ``version`` 1 or 2 gives the published schema of program documents of that version,
    which the loader still reads (only for ``Program``).

    >>> from csto_program import Place, json_schema
    >>> schema = json_schema(Place)
    >>> schema["required"], schema["additionalProperties"]
    (['name', 'country', 'timezone'], False)
    >>> json_schema(Program, version=1)["properties"]["schema_version"]
    {'const': 1}
    >>> json_schema(Program, version=2)["properties"]["schema_version"]["const"]
    2
    """
    if cls not in MODEL_CLASSES:
        names = ", ".join(c.__name__ for c in MODEL_CLASSES)
        raise TypeError(f"expected one of the model classes ({names}), got {short_repr(cls)}")
    if version is not None and type(version) is not int:
        raise TypeError(f"version must be an int or None, got {type(version).__name__}")
    if version not in (None, SCHEMA_VERSION):
        if version in _PUBLISHED and cls is Program:
            text = resources.files("csto_program").joinpath(f"data/schema/v{version}/Program.json")
            return json.loads(text.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
        raise DataError.at(
            "$", f"no published schema of version {short_repr(version)} for {cls.__name__}"
        )
    defs: dict[str, Any] = {}
    root = _object_schema(cls, defs)
    if cls is Program:
        root["properties"] = {
            "$schema": {
                "type": "string",
                "description": "The URL of this schema, so that editors can check the file.",
                "examples": ["./program.schema.json"],
            },
            "schema_version": {
                "const": SCHEMA_VERSION,
                "description": "The version of the document format.",
            },
            **root["properties"],
        }
        root["required"] = ["schema_version", *root["required"]]
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}/v{SCHEMA_VERSION}/{cls.__name__}.json",
        "title": cls.__name__,
        **root,
    }
    if defs:
        schema["$defs"] = dict(sorted(defs.items()))
    return schema
