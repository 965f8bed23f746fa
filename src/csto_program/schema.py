"""JSON Schema (draft 2020-12) of the JSON that :func:`~csto_program.to_json` writes.

The schema is derived from the model's attrs fields, so it cannot drift from
the classes. It is as strict as the loader where a schema can say it: unknown
keys are refused, required keys listed, dates and ids checked by pattern, enum
values enumerated. What a schema cannot say (a real calendar date, references
that resolve, the stage plan) the loader still checks.

>>> from csto_program import Program, json_schema
>>> schema = json_schema(Program)
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> schema["properties"]["schema_version"]
{'const': 1}
"""

from __future__ import annotations

import enum
import types
import typing
from typing import Any, get_args, get_origin

import attrs
import pendulum

from csto_program import model
from csto_program.dates import PartialDate
from csto_program.serialize import MODEL_CLASSES, SCHEMA_VERSION

__all__ = ["DATE_PATTERN", "EDTF_PATTERN", "ID_PATTERN", "json_schema"]

DATE_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
"""An ISO calendar date, ``YYYY-MM-DD`` (the loader also checks the day exists)."""

EDTF_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?[?~%]?$"
"""An EDTF level-1 date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, then ``?``, ``~`` or ``%``."""

ID_PATTERN = r"^[a-z0-9]+([-_.][a-z0-9]+)*$"
"""A record id: lowercase ASCII letters and digits joined by single ``-``, ``_`` or ``.``."""

_NON_BLANK = r"\S"


def _string_schema(validator: Any) -> dict[str, Any]:
    if validator in (model._identifier, model._optional_identifier, model._identifiers):
        return {"type": "string", "pattern": ID_PATTERN}
    if validator in (model._text, model._texts):
        return {"type": "string", "pattern": _NON_BLANK}
    return {"type": "string"}


def _type_schema(tp: Any, validator: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in get_args(tp) if arg is not type(None)]
        (inner,) = options
        return {"anyOf": [_type_schema(inner, validator, defs), {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(get_args(tp)[0], validator, defs)}
    if tp is str:
        return _string_schema(validator)
    if tp is int:
        return {"type": "integer"}
    if tp is bool:  # pragma: no cover - no boolean field yet
        return {"type": "boolean"}
    if tp is pendulum.Date:
        return {"type": "string", "pattern": DATE_PATTERN, "format": "date"}
    if tp is PartialDate:
        return {"type": "string", "pattern": EDTF_PATTERN}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [member.value for member in tp]}
    if attrs.has(tp):
        _define(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - model is closed


def _object_schema(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    attrs.resolve_types(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        properties[field.name] = _type_schema(field.type, field.validator, defs)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if cls.__doc__:
        schema["description"] = cls.__doc__.strip().split("\n\n")[0].replace("\n", " ")
    schema["required"] = required
    schema["additionalProperties"] = False
    return schema


def _define(cls: type[Any], defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder: stops recursion
    defs[cls.__name__] = _object_schema(cls, defs)


def json_schema(cls: type[Any]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``to_json`` output for a model class.

    >>> from csto_program import Place, json_schema
    >>> schema = json_schema(Place)
    >>> schema["required"], schema["additionalProperties"]
    (['name', 'country', 'timezone'], False)
    """
    if cls not in MODEL_CLASSES:
        names = ", ".join(c.__name__ for c in MODEL_CLASSES)
        raise TypeError(f"expected one of the model classes ({names}), got {cls!r}")
    defs: dict[str, Any] = {}
    root = _object_schema(cls, defs)
    if cls is model.Program:
        root["properties"] = {"schema_version": {"const": SCHEMA_VERSION}, **root["properties"]}
        root["required"] = ["schema_version", *root["required"]]
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://csto-program.invalid/schema/v{SCHEMA_VERSION}/{cls.__name__}.json",
        "title": cls.__name__,
        **root,
    }
    if defs:
        schema["$defs"] = dict(sorted(defs.items()))
    return schema
