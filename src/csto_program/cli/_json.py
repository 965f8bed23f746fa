"""The JSON the command line prints: its text, and the shape of ``plan --json`` (the shapes of
``timeline --json``, ``plans --json`` and ``status --json`` are :mod:`csto_program.words`').

``status --json``, ``plans --json``, ``timeline --json`` and ``plan --json`` are indented by
two spaces, readable (Cyrillic stays as is) but safe for a terminal, and lossless on any
standard output: a character the stream's encoding cannot write is a JSON escape.

>>> print(json_text({"title": "Тадж\\u202eик – 1"}, encoding="latin-1"))
{
  "title": "\\u0422\\u0430\\u0434\\u0436\\u202e\\u0438\\u043a \\u2013 1"
}
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from csto_program._escape import MAYBE_HIDDEN, is_hidden
from csto_program.cli._io import output

if TYPE_CHECKING:
    from csto_program.model import Stage

__all__ = ["echo_json", "json_text", "plan_json"]


def _json_escape(char: str) -> str:
    """``char`` as JSON writes it escaped: ``\\u202e``, or a surrogate pair past U+FFFF.

    >>> _json_escape("\\u2013"), _json_escape("\\U000e0001")
    ('\\\\u2013', '\\\\udb40\\\\udc01')
    """
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def json_text(data: Any, encoding: str = "utf-8") -> str:
    """``data`` as indented JSON, readable but safe for a terminal and for ``encoding``.

    ``json.dumps`` escapes only the C0 controls; every other character that the one
    escaping rule hides (DEL, C1 controls, bidirectional overrides and isolates, zero-width
    characters, line separators, lone surrogates), and every character ``encoding`` cannot
    write, becomes a JSON ``\\uXXXX`` escape too, so the JSON means exactly the same.

    >>> print(json_text({"title": "Тадж\\u202eик\\x9b\\U000e0001"}))
    {
      "title": "Тадж\\u202eик\\u009b\\udb40\\udc01"
    }
    """
    import json  # only for the --json views: a command's start-up does without it

    text = json.dumps(data, indent=2, ensure_ascii=False)
    lines = text.split("\n")
    if not all(line.isascii() for line in lines):
        lines = [_escape_line(line, encoding) for line in lines]
    return "\n".join(lines)


def _escape_line(line: str, encoding: str) -> str:
    if line.isascii():
        return line
    if line.isprintable() and _encodable(line, encoding):
        return line
    # outside a JSON string every character is ASCII, so each escape lands inside one
    if _encodable(line, encoding):  # only hidden characters are escaped: skip runs of others
        return MAYBE_HIDDEN.sub(_escape_hidden, line)
    return "".join(
        _json_escape(char)
        if char != "\\" and (is_hidden(char) or not _encodable(char, encoding))
        else char
        for char in line
    )


def _escape_hidden(match: re.Match[str]) -> str:
    char = match.group()
    return _json_escape(char) if char != "\\" and is_hidden(char) else char


def echo_json(data: Any) -> None:
    """``data`` as JSON on standard output, escaped for the stream's encoding."""
    output(lambda out: out.line(json_text(data, out.encoding)))


def plan_json(stages: Sequence[Stage]) -> dict[str, Any]:
    """The shape of ``plan --json``: each stage with its half-open window and last day."""
    return {
        "stages": [
            {
                "number": s.number,
                "name": s.name,
                "start": str(s.start),
                "end": str(s.end),
                "last_day": str(s.last_day),
            }
            for s in stages
        ]
    }
