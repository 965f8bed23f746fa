"""The one escaping rule for text shown to a person: nothing here imports the package.

Every piece of data the program prints (a terminal line, an error message, a report)
goes through :func:`escape`, so that it cannot move the cursor, clear the screen, start a
new line or reorder the text around it. :func:`is_hidden` is the rule itself, for the
writers that escape in their own syntax (JSON's ``\\uXXXX``).

>>> print(escape("stage\\n2\\x1b[2J"))
stage\\n2\\x1b[2J
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = ["MAYBE_HIDDEN", "escape", "is_hidden"]

# Unicode categories that a terminal does not show as a glyph of their own: controls
# (C0, DEL, C1), format characters (bidirectional marks, overrides and isolates,
# zero-width characters, the byte order mark), the line and paragraph separators and
# lone surrogates.
_HIDDEN_CATEGORIES: Final = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
_SHORT_ESCAPES: Final = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}

# Characters surely shown as themselves, so that long texts are scanned by the regex engine
# and only the others are looked at one by one: printable ASCII but the backslash, Latin-1
# but the soft hyphen, the Latin extensions, IPA, spacing modifiers and combining marks,
# Cyrillic and its supplement, and the dashes, quotes and other punctuation of General
# Punctuation. Every one of them is assigned (so no later Unicode version can make it a
# format character) and none is hidden: tests/test_escape.py checks both against
# :mod:`unicodedata`. This is a shortcut only; :func:`is_hidden` stays the rule.
_SURELY_SHOWN: Final = " -\\[\\]-~\u00a0-\u00ac\u00ae-\u036f\u0400-\u052f\u2010-\u2027\u2030-\u205e"
MAYBE_HIDDEN: Final = re.compile(f"[^{_SURELY_SHOWN}]")
"""Matches each character that :func:`is_hidden` may hold for, and the backslash."""


def is_hidden(char: str) -> bool:
    """Whether the one character ``char`` is not shown as itself (and so is escaped).

    >>> is_hidden("\\u202e"), is_hidden("\\n"), is_hidden("Ж"), is_hidden("\\\\")
    (True, True, False, False)
    """
    return unicodedata.category(char) in _HIDDEN_CATEGORIES


def _escape_char(char: str) -> str:
    """The escape of one character, or the character itself when it is shown as is.

    >>> _escape_char("\\u202e"), _escape_char("Ж")
    ('\\\\u202e', 'Ж')
    """
    short = _SHORT_ESCAPES.get(char)
    if short is not None:
        return short
    if not is_hidden(char):
        return char
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def escape(text: str) -> str:
    """``text`` with every character a terminal would not show as itself made visible.

    Control characters (C0, DEL, C1), newlines, tabs and carriage returns, format
    characters (bidirectional marks, overrides and isolates, zero-width characters,
    the byte order mark), the line and paragraph separators and lone surrogates
    become Python-style escapes (``\\n``, ``\\x1b``, ``\\u202e``, ``\\ud800``), and a
    backslash becomes ``\\\\``, so the result is unambiguous: Python's
    ``unicode_escape`` codec turns it back into ``text``. Everything else, Cyrillic
    and Kazakh letters and accents included, is kept as is.

    >>> print(escape("Қазақстан\\tКР\\r\\n"))
    Қазақстан\\tКР\\r\\n
    >>> print(escape("safe\\u202etxt.exe \\\\ \\x00 \\u200b"))
    safe\\u202etxt.exe \\\\ \\x00 \\u200b
    """
    if text.isprintable() and "\\" not in text:
        return text
    return MAYBE_HIDDEN.sub(_escape_match, text)


def _escape_match(match: re.Match[str]) -> str:
    return _escape_char(match.group())
