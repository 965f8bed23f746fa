"""The two exports that are the library's own JSON: the document and its statements."""

from __future__ import annotations

import io
from typing import Any

from csto_program.model import Program
from csto_program.serialize import to_json_bytes, write_jsonl

__all__ = ["json_bytes", "jsonl_bytes"]


def json_bytes(program: Program, **_: Any) -> bytes:
    """The program document, indented: the starting file for editing a record.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> json_bytes(tajik_afghan_border())[:30]
    b'{\\n  "schema_version": 3,\\n  "id'
    """
    return to_json_bytes(program, indent=True)


def jsonl_bytes(program: Program, **_: Any) -> bytes:
    """The program's statements, one JSON document a line, in the record's order (read them
    back with ``iter_jsonl(file, Statement)``); no statements give empty bytes.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> jsonl_bytes(tajik_afghan_border()).count(b"\\n") == len(tajik_afghan_border().statements)
    True
    """
    buffer = io.BytesIO()
    write_jsonl(program.statements, buffer)
    return buffer.getvalue()
