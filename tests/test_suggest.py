"""The one "did you mean": bounded in the length of what it compares and in how often."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csto_program import DataError, from_dict, integrity, to_dict
from csto_program._suggest import LONGEST, fold, suggest
from csto_program.datasets import starter_program


@given(st.text(max_size=40))
def test_the_ascii_shortcut_folds_as_the_general_rule(text: str) -> None:
    """Oracle: the general rule written out, applied to every text (ASCII or not)."""

    def strip(value: str) -> str:
        decomposed = unicodedata.normalize("NFKD", value)
        return "".join(c for c in decomposed if not unicodedata.combining(c))

    assert fold(text) == " ".join(strip(strip(text).casefold()).split())


def test_a_text_longer_than_the_bound_is_not_compared() -> None:
    assert suggest(["masadykov"], "masadykof") == ("masadykov",)
    assert suggest(["masadykov"], "masadykof" + " " * LONGEST) == ()
    assert suggest(["m" * (LONGEST + 1), "masadykov"], "m" * (LONGEST + 1)) == ()


def test_only_the_first_unknown_references_get_a_suggestion(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(integrity, "SUGGESTED_AT_MOST", 5)
    data = to_dict(starter_program())
    statement = data["statements"][0]
    speaker = statement["speaker"]
    data["statements"] = [
        {**statement, "id": f"s{index}", "speaker": speaker + "x"} for index in range(20)
    ]
    try:
        from_dict(data, type(starter_program()))
    except DataError as exc:
        messages = [message for path, message in exc.problems if path.endswith(".speaker")]
    else:  # pragma: no cover - the document is wrong
        raise AssertionError("no DataError")
    hinted = [m for m in messages if "did you mean" in m]
    assert len(messages) == 20
    assert len(hinted) == 5
    assert all(f"did you mean {speaker!r}" in m for m in hinted)
