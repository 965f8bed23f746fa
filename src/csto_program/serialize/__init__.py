"""JSON and plain-dict (un)structuring, strict, with every problem reported at once.

Dates are ISO strings, partial dates EDTF strings, enums their string values;
fields equal to their default are left out. Loading never coerces: ``123`` is
not a string and ``"no"`` is not a boolean. Every problem in a document is
reported at once, each with its JSONPath, in one :class:`~csto_program.DataError`.

>>> from csto_program import Stage, from_json, to_json
>>> stage = Stage(number=1, name="Stage 1", start="2025-01-01", end="2026-01-01")
>>> to_json(stage)
'{"number":1,"name":"Stage 1","start":"2025-01-01","end":"2026-01-01"}'
>>> from_json(to_json(stage), Stage) == stage
True
>>> from_json('{"number":"1","name":"Stage 1","start":"2025-01-01"}', Stage)
Traceback (most recent call last):
...
csto_program.errors.DataError: 2 problems:
  $.number: expected an integer, got string '1'
  $.end: required key is missing

The package's parts: ``_hooks`` (the strict cattrs converter of the detailed path),
``_fast`` (the generated fast path), ``_json_text`` (UTF-8, size, duplicate keys),
``_upgrade`` (version-1 documents), :mod:`~csto_program.serialize.schema` and
:mod:`~csto_program.serialize.jsonl`.
"""

from __future__ import annotations

from csto_program.serialize._api import (
    MAX_DOCUMENT_BYTES,
    MODEL_CLASSES,
    SCHEMA_VERSION,
    SUPPORTED_VERSIONS,
    from_dict,
    from_json,
    make_converter,
    parse_json,
    set_fast_path,
    to_dict,
    to_json,
    to_json_bytes,
)
from csto_program.serialize.jsonl import iter_jsonl, write_jsonl
from csto_program.serialize.schema import json_schema

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MODEL_CLASSES",
    "SCHEMA_VERSION",
    "SUPPORTED_VERSIONS",
    "from_dict",
    "from_json",
    "iter_jsonl",
    "json_schema",
    "make_converter",
    "parse_json",
    "set_fast_path",
    "to_dict",
    "to_json",
    "to_json_bytes",
    "write_jsonl",
]
