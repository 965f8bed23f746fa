"""The one "did you mean": texts compared folded, and the closest candidates to a text.

Used by the checks of a program (an unknown id in :mod:`csto_program.integrity`) and by the
lookups (:mod:`csto_program.lookup`, which re-exports both names), so that every "did you
mean" in the library compares texts the same way. It imports nothing of the library.

>>> suggest(["masadykov", "semerikov", "sidorov"], "Masadykof")
('masadykov',)
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

__all__ = ["LONGEST", "fold", "suggest"]

LONGEST = 200
"""The longest text (in characters) that :func:`suggest` compares: an id or a name longer
than this has no useful neighbour, and comparing it would cost time in proportion to its
length times every candidate's (a 50 MB id in a hostile document)."""


def fold(text: str) -> str:
    """``text`` as lookups compare it: compatibility-decomposed (NFKD), without combining
    marks, case-folded, with runs of white space made one space and the ends trimmed.

    >>> fold("  Masadýkov\\u00a0TALATBEK ")
    'masadykov talatbek'
    >>> fold("Straße"), fold("Ёлкин")
    ('strasse', 'елкин')
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    if text.isascii():  # nothing to decompose: the common case, in one pass
        return " ".join(text.casefold().split())

    def strip(value: str) -> str:
        decomposed = unicodedata.normalize("NFKD", value)
        return "".join(c for c in decomposed if not unicodedata.combining(c))

    # Case folding can itself produce combining marks ("İ" folds to "i" + dot above).
    return " ".join(strip(strip(text).casefold()).split())


def suggest(
    candidates: Iterable[str], text: str, n: int = 3, *, cutoff: float = 0.6
) -> tuple[str, ...]:
    """The candidates closest to ``text`` (at most ``n``, best first), compared folded.

    The "did you mean" of every lookup and check: :func:`difflib.get_close_matches` over
    the folded forms, with its ``cutoff`` (0 to 1; higher asks for closer matches).
    Candidates are given back as written; of several with the same folded form, the first.
    A text or candidate longer than :data:`LONGEST` characters is not compared.

    >>> suggest(["masadykov", "Masadykov", "semerikov", "sidorov"], "MASADYKOF")
    ('masadykov',)
    >>> suggest(["stage-1-2026-01-29", "stage-2-2026-01-29"], "stage-1-2026-01-28", n=1)
    ('stage-1-2026-01-29',)
    >>> suggest(["csto"], "unrelated")
    ()
    >>> suggest(["x" * 10], "x" * 1_000_000)
    ()
    """
    if isinstance(candidates, str):
        raise TypeError("candidates must be an iterable of str, not one str")
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if len(text) > LONGEST:
        return ()
    written: dict[str, str] = {}
    for candidate in candidates:
        if len(candidate) <= LONGEST:
            written.setdefault(fold(candidate), candidate)
    close = difflib.get_close_matches(fold(text), list(written), n=n, cutoff=cutoff)
    return tuple(written[form] for form in close)
