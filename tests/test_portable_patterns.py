"""The schema's patterns mean the same to Python and to ECMA-262 (JSON Schema's dialect),
and the schema and the loader agree on a corpus of odd characters."""

from __future__ import annotations

import re
import sys

import jsonschema
import pytest

from csto_program import DataError, Note, from_dict, json_schema
from csto_program._spec import KINDS, NON_BLANK_PATTERN, WHITESPACE, Kind, anchored
from support import untraced

regress = pytest.importorskip("regress")  # Rust's ECMA-262 engine, as editors read it

# Python's whitespace and ECMA-262's disagree on these; the others are controls, invisible
# characters, astral characters and line ends.
_ODD = [
    *map(chr, range(0x00, 0x21)),
    *map(chr, range(0x7F, 0xA1)),
    "\u1680",
    "\u180e",
    "\u2000",
    "\u200a",
    "\u200b",
    "\u2028",
    "\u2029",
    "\u202f",
    "\u205f",
    "\u2060",
    "\u3000",
    "\ufeff",
    "\ufffe",
    "\U0001f600",
    "\U000e0020",
    "a",
    "-",
]
CORPUS = sorted(
    {
        *_ODD,
        *(c + "a" for c in _ODD),
        *("a" + c for c in _ODD),
        *(c + c for c in _ODD),
        "abc\n",
        "2024-01-01\n",
        "kz",
        "KZ",
        "https://a.example/\u00e9",
        "https://a.example/x\n",
        "en-GB",
        "en_GB",
        "2024-02-30",
        "2024~",
        "tass-2025-01-29",
        "tass--2025",
    }
)


@pytest.mark.parametrize("kind", [kind for kind, rule in KINDS.items() if rule.pattern])
def test_each_pattern_means_the_same_in_python_and_ecma_262(kind: Kind) -> None:
    pattern = KINDS[kind].pattern
    assert pattern is not None
    python = re.compile(anchored(pattern))
    ecma = regress.Regex(anchored(pattern))
    for text in CORPUS:
        assert (python.search(text) is not None) == (ecma.find(text) is not None), (kind, text)
        assert (python.search(text) is not None) == (re.fullmatch(pattern, text) is not None)


@pytest.mark.parametrize("kind", [Kind.ID, Kind.TEXT, Kind.URL, Kind.LANGUAGE])
def test_the_pattern_is_the_python_check(kind: Kind) -> None:
    # For these kinds the pattern says everything the loader checks (but lone surrogates,
    # which no JSON Schema validator can see in a decoded string).
    rule = KINDS[kind]
    assert rule.pattern is not None and rule.check is not None
    for text in CORPUS:
        assert bool(rule.check(text)) == (re.fullmatch(rule.pattern, text) is not None), text


def test_non_blank_is_what_str_strip_keeps_for_every_character() -> None:
    with untraced():  # a million characters through the oracles: nothing of this package
        every = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
        blank = {c for c in every if not c.strip()}
        not_matched = {c for c in every if re.fullmatch(NON_BLANK_PATTERN, c) is None}
        ecma = regress.Regex(anchored(NON_BLANK_PATTERN))
        ecma_blank = {c for c in every[:0x10000] if ecma.find(c) is None}
    assert not_matched == blank
    assert ecma_blank == blank
    assert set(re.findall(f"[{WHITESPACE}]", "".join(every))) == blank


def test_the_schema_and_the_loader_agree_on_odd_text() -> None:
    # "\x1c" used to pass the schema and fail the loader, "\ufeff" the reverse.
    validator = jsonschema.Draft202012Validator(json_schema(Note))
    for text in CORPUS:
        doc = {"id": "n", "kind": "context", "text": text}
        schema_ok = validator.is_valid(doc)
        try:
            from_dict(doc, Note)
        except DataError:
            loader_ok = False
        else:
            loader_ok = True
        assert schema_ok == loader_ok, repr(text)
        ecma_ok = regress.Regex(validator.schema["properties"]["text"]["pattern"]).find(text)
        assert (ecma_ok is not None) == loader_ok, repr(text)
    for doc_id in CORPUS:
        doc = {"id": doc_id, "kind": "context", "text": "t"}
        assert validator.is_valid(doc) == _loads(doc), repr(doc_id)


def _loads(doc: dict[str, str]) -> bool:
    try:
        from_dict(doc, Note)
    except DataError:
        return False
    return True
