"""Reading JSON text strictly: UTF-8 only, a size limit, no key twice, no NaN.

orjson reads most documents; the standard library's parser, which can refuse duplicate keys,
reads the rest and says where a key is repeated.
"""

from __future__ import annotations

import codecs
import re
from typing import Any, Final

import orjson

from csto_program._files import MAX_DOCUMENT_BYTES
from csto_program.errors import DataError, short_repr

__all__ = ["MAX_DOCUMENT_BYTES", "check_text", "most_keys", "parse_json", "written_back"]


# Whether JSON text held a key twice (orjson keeps the last one silently), found cheaply:
#
# * Text that orjson writes back byte for byte from what it read held no key twice: a
#   repeated key would be missing from the output. Text from ``to_json``, compact or
#   indented, is always like this, so the check costs one ``orjson.dumps``.
# * Otherwise the keys are counted, from above: every key ends with a ``"`` followed by
#   optional white space and ``:``, and so may a string's content (an escaped quote, or
#   the opening quote of a string that starts with a colon). If the loaded objects hold
#   as many keys as that count, the text held no key twice.
# * Otherwise the standard library parses the text again, refusing duplicate keys.

_QUOTE_SPACE_BYTES: Final = re.compile(rb'"[ \t\n\r]')
_QUOTE_SPACE_STR: Final = re.compile(r'"[ \t\n\r]')
_KEY_END_BYTES: Final = re.compile(rb'"[ \t\n\r]+:')
_KEY_END_STR: Final = re.compile(r'"[ \t\n\r]+:')
_INDENTED: Final = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE


def written_back(data: Any, text: str | bytes | bytearray) -> bool:
    """Whether orjson writes ``data`` (parsed from ``text``) back as exactly ``text``."""
    start = text[:2]
    option = _INDENTED if start in (b"{\n", "{\n") else 0
    written = orjson.dumps(data, option=option)
    if isinstance(text, str):
        return len(written) >= len(text) and written.decode("utf-8") == text
    return written == text


def most_keys(text: str | bytes | bytearray) -> int:
    """An upper bound on the number of object keys in valid JSON ``text`` (see above)."""
    if isinstance(text, str):
        count = text.count('":')
        if _QUOTE_SPACE_STR.search(text) is not None:
            count += len(_KEY_END_STR.findall(text))
        return count
    count = text.count(b'":')
    if _QUOTE_SPACE_BYTES.search(text) is not None:
        count += len(_KEY_END_BYTES.findall(text))
    return count


_OTHER_ENCODINGS: Final = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def check_text(text: object, max_bytes: int = MAX_DOCUMENT_BYTES) -> str | bytes | bytearray:
    """``text`` without a UTF-8 byte order mark, or an error: not text, too large, not UTF-8.

    A ``str`` is measured in characters (each at least one byte in UTF-8), ``bytes`` in
    bytes. A byte order mark is dropped the same way from both.

    >>> bom = chr(0xFEFF)
    >>> check_text(bom + "{}"), check_text(bom.encode() + b"{}")
    ('{}', b'{}')
    >>> check_text("{}" * 10, max_bytes=8)
    Traceback (most recent call last):
    ...
    csto_program.errors.DataError: 1 problem:
      $: the document is larger than 8 bytes (the limit; raise it with max_bytes)
    """
    if not isinstance(text, (str, bytes, bytearray)):
        raise TypeError(f"expected str or bytes, got {type(text).__name__}")
    if type(max_bytes) is not int or max_bytes < 0:
        raise TypeError(f"max_bytes must be a non-negative int, got {short_repr(max_bytes)}")
    if len(text) > max_bytes:
        raise DataError.at(
            "$",
            f"the document is larger than {max_bytes} bytes (the limit; raise it with max_bytes)",
        )
    if isinstance(text, str):
        return text[1:] if text.startswith("\ufeff") else text
    if text.startswith(codecs.BOM_UTF8):
        return text[3:]
    for bom, name in _OTHER_ENCODINGS:
        if text.startswith(bom):
            raise DataError.at("$", f"the document is in {name}; save it as UTF-8")
    if len(text) >= 2 and (text[0] == 0 or text[1] == 0):
        raise DataError.at("$", "the document is not UTF-8 (UTF-16 or UTF-32?); save it as UTF-8")
    return text


class _Duplicate(dict):  # type: ignore[type-arg]
    """An object that held a key twice, kept as a marker until its path is found."""

    key: str


def _pairs_hook(found: list[bool]) -> Any:
    def pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:  # pragma: no branch - a duplicate is there
                if key in seen:
                    marker = _Duplicate(result)
                    marker.key = key
                    found.append(True)
                    return marker
                seen.add(key)
        return result

    return pairs


def _first_duplicate(data: Any) -> tuple[str, str] | None:
    """The JSON path of the first object (in document order) that held a key twice."""
    stack: list[tuple[str, Any]] = [("$", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, _Duplicate):
            return path, value.key
        if isinstance(value, dict):
            items = [(_member(path, k), v) for k, v in value.items()]
        elif isinstance(value, list):
            items = [(f"{path}[{i}]", v) for i, v in enumerate(value)]
        else:
            continue
        stack.extend(reversed(items))
    return None


_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*", re.ASCII)


def _member(path: str, key: str) -> str:
    return f"{path}.{key}" if _NAME.fullmatch(key) else f"{path}[{short_repr(key)}]"


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def parse_json(text: str | bytes | bytearray, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> Any:
    """Parse JSON text strictly: UTF-8, no duplicate keys, no NaN or Infinity.

    >>> parse_json('{"a": 1}')
    {'a': 1}
    >>> parse_json('{"plans": [{"id": "a", "id": "b"}]}')
    Traceback (most recent call last):
    ...
    csto_program.errors.DataError: 1 problem:
      $.plans[0]: invalid JSON: duplicate key 'id' in an object
    """
    return parse_checked(check_text(text, max_bytes))


def parse_checked(text: str | bytes | bytearray) -> Any:
    """:func:`parse_json` of text that :func:`check_text` has already passed."""
    import json  # only here: from_json reads most text with orjson

    duplicates: list[bool] = []
    hook = _pairs_hook(duplicates)
    try:
        data = json.loads(text, object_pairs_hook=hook, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, bad UTF-8, deep nesting
        message = str(exc)
        if len(message) > 200:
            message = message[:197] + "..."
        raise DataError.at("$", f"invalid JSON: {message}") from None
    found = _first_duplicate(data) if duplicates else None
    if found is not None:
        path, key = found
        raise DataError.at(path, f"invalid JSON: duplicate key {short_repr(key)} in an object")
    return data
