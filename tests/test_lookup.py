"""Finding records and speakers by what a reader knows of them (csto_program.lookup)."""

from __future__ import annotations

import pickle
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csto_program import DataError, Meeting, Participant, Person, Program, Statement
from csto_program.datasets import tajik_afghan_border
from csto_program.lookup import (
    Match,
    Quality,
    SpeakerError,
    find,
    fold,
    resolve_speaker,
    suggest,
)
from csto_program.strategies import programs
from support import whole_program_settings

RECORD = tajik_afghan_border()
KINDS = {"person": 0, "organization": 1, "meeting": 2, "source": 3}


def with_second_rahmon() -> Program:
    """The record with another person called Rahmon, who spoke in another role."""
    return RECORD.add(
        Person(id="rahmon-r", name="Rustam Rahmon"),
        Statement(
            id="rahmon-r-2026-01-01",
            speaker="rahmon-r",
            role="Mayor of Dushanbe",
            said_on="2026-01-01",
            text="The border matters.",
            kind="paraphrase",
        ),
    )


# --------------------------------------------------------------------------- fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Masadykov", "masadykov"),
        ("MASADÝKOV", "masadykov"),
        ("Masadykov", "masadykov"),  # decomposed: y + combining acute
        ("  Emomali\t\u00a0Rahmon  ", "emomali rahmon"),
        ("Straße", "strasse"),
        ("İstanbul", "istanbul"),  # case folding adds a combining dot, removed too
        ("Таалатбек", "таалатбек"),  # no transliteration
        ("ﬁnal", "final"),  # compatibility decomposition
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@given(st.text())
def test_fold_is_idempotent_and_leaves_no_marks_or_case(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert not any(unicodedata.combining(c) for c in folded)
    assert folded == fold(text.casefold()) == fold(unicodedata.normalize("NFD", text))
    assert folded == folded.strip() and "  " not in folded


def test_fold_refuses_what_is_not_text() -> None:
    with pytest.raises(TypeError, match="expected a str, got int"):
        fold(12)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- suggest


def test_suggest_gives_the_close_candidates_best_first_as_written() -> None:
    candidates = ["Semerikov", "masadykov", "Masadykov", "sidorov"]
    assert suggest(candidates, "masadykof") == ("masadykov",)
    assert suggest(candidates, "semerikof") == ("Semerikov",)
    assert suggest(candidates, "zzz") == ()
    assert suggest(["ab", "abc", "abcd"], "abcd", n=2) == ("abcd", "abc")
    assert suggest(["csto"], "CST", cutoff=0.9) == ()


@given(st.lists(st.text(min_size=1), max_size=8), st.text(), st.integers(1, 4))
def test_suggest_gives_at_most_n_of_the_candidates_an_exact_one_first(
    candidates: list[str], text: str, n: int
) -> None:
    found = suggest(candidates, text, n)
    assert len(found) <= n
    assert set(found) <= set(candidates)
    assert len({fold(c) for c in found}) == len(found)
    exact = [c for c in candidates if fold(c) == fold(text)]
    if exact and fold(text):
        assert found[0] == exact[0]


def test_suggest_refuses_bad_arguments() -> None:
    with pytest.raises(TypeError, match="not one str"):
        suggest("masadykov", "masadykov")
    with pytest.raises(ValueError, match="positive int"):
        suggest(["a"], "a", n=0)
    with pytest.raises(ValueError, match="positive int"):
        suggest(["a"], "a", n=True)


# --------------------------------------------------------------------------- find


def test_find_lists_people_first_and_an_exact_id_first() -> None:
    found = find(RECORD, "masadykov")
    assert found[0] == Match(
        kind="person",
        id="masadykov",
        label="Talatbek Masadykov",
        field="id",
        value="masadykov",
        quality=Quality.EXACT_ID,
    )
    assert [(m.kind, m.id) for m in found] == [
        ("person", "masadykov"),
        ("meeting", "masadykov-interview-2026-01-29"),
    ]


def test_find_matches_names_other_names_titles_outlets_and_abbreviations() -> None:
    assert [(m.id, m.field, m.quality) for m in find(RECORD, "Taalatbek")] == [
        ("masadykov", "other_names", Quality.PREFIX)
    ]
    assert [(m.id, m.field, m.quality) for m in find(RECORD, "emomali rahmon")] == [
        ("rahmon", "name", Quality.EXACT)
    ]
    csto = find(RECORD, "CSTO")[0]
    assert (csto.kind, csto.id, csto.quality) == ("organization", "csto", Quality.EXACT_ID)
    interfax = find(RECORD, "interfax")
    assert [(m.kind, m.id, m.field) for m in interfax] == [
        ("source", "interfax-2026-01-29", "outlet"),
        ("source", "interfax-interview-2026-02-12", "outlet"),
        ("source", "interfax-2026-02-12", "outlet"),
    ]
    assert interfax[0].label == "Interfax (2026-01-29)"
    meeting = find(RECORD, "Sochi")[0]
    assert (meeting.kind, meeting.id, meeting.field) == ("meeting", "sochi-2013-09-23", "id")
    assert meeting.label == "Meeting of the CSTO heads of state in Sochi (2013-09-23)"
    summit = [m for m in find(RECORD, "heads of state") if m.kind == "meeting"]
    assert [(m.id, m.field, m.quality) for m in summit] == [
        ("sochi-2013-09-23", "title", Quality.SUBSTRING)
    ]


def test_find_ignores_case_and_diacritics_and_ranks_by_quality() -> None:
    assert [m.id for m in find(RECORD, "TOKÁYEV")][:1] == ["tokayev"]
    found = find(RECORD, "rahmon")
    people = [(m.id, m.quality) for m in found if m.kind == "person"]
    # the exact id, then Ahmadzoda whose first name is Rahmon (a word's prefix)
    assert people == [("rahmon", Quality.EXACT_ID), ("ahmadzoda", Quality.PREFIX)]


def test_a_source_label_has_its_title_when_there_is_one() -> None:
    source = RECORD.sources[0]
    program = RECORD.add(
        type(source)(id="example-2026", outlet="Example", title="The border in 2026")
    )
    [match] = find(program, "example-2026")
    assert match.label == "Example: The border in 2026"


def test_a_meeting_label_is_its_title_and_start() -> None:
    meeting = RECORD.meetings[0]
    assert isinstance(meeting, Meeting)
    [match] = [m for m in find(RECORD, meeting.id) if m.id == meeting.id]
    assert match.label == f"{meeting.title} ({meeting.starts_on})"


def test_a_blank_text_lists_every_record_of_the_kinds_searched() -> None:
    found = find(RECORD, "  ")
    counts = (RECORD.people, RECORD.organizations, RECORD.meetings, RECORD.sources)
    assert len(found) == sum(map(len, counts))
    assert [m.id for m in found[: len(RECORD.people)]] == [p.id for p in RECORD.people]


def test_find_refuses_what_is_not_a_program() -> None:
    with pytest.raises(TypeError, match="expected a Program, got str"):
        find("program", "x")  # type: ignore[arg-type]


@whole_program_settings
@given(programs(), st.data())
def test_find_finds_a_record_by_any_part_of_its_name(program: Program, data: st.DataObject) -> None:
    records = [*program.people, *program.organizations, *program.meetings, *program.sources]
    if not records:
        return
    record = data.draw(st.sampled_from(records))
    text = record.id if not hasattr(record, "name") else record.name
    start = data.draw(st.integers(0, len(text) - 1))
    part = text[start : data.draw(st.integers(start + 1, len(text)))]
    found = find(program, part)
    assert record.id in {m.id for m in found}
    query = fold(part)
    for match in found:
        assert query in fold(match.value)
        assert match.value in _texts_of(program, match.id)
    keys = [(KINDS[m.kind], m.quality) for m in found]
    assert keys == sorted(keys)
    assert len({m.id for m in found}) == len(found)


def _texts_of(program: Program, record_id: str) -> set[str]:
    record = program.by_id[record_id]
    texts = {record.id}
    for name in ("name", "title", "outlet", "abbreviation"):
        value = getattr(record, name, None)
        if isinstance(value, str):
            texts.add(value)
    texts.update(getattr(record, "other_names", ()))
    return texts


# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("masadykov", "masadykov"),  # id
        ("MASADYKOV", "masadykov"),  # id, folded
        ("Talatbek Masadykov", "masadykov"),  # name
        ("taalatbek masadýkov", "masadykov"),  # other name, case and diacritics aside
        ("Masadykov", "masadykov"),  # surname
        ("Rakhmon", "rahmon"),  # surname of another name
        ("Kassym-Jomart Tokayev", "tokayev"),
        ("President of Tajikistan", "rahmon"),  # a role he is recorded with
        ("Consultant of the CSTO Secretariat", "sarkisyan"),
    ],
)
def test_resolve_speaker(text: str, expected: str) -> None:
    assert resolve_speaker(RECORD, text).id == expected


def test_an_exact_id_wins_but_a_surname_shared_with_an_id_is_ambiguous() -> None:
    program = with_second_rahmon()
    assert resolve_speaker(program, "rahmon").id == "rahmon"
    assert resolve_speaker(program, "Emomali Rahmon").id == "rahmon"
    with pytest.raises(SpeakerError) as caught:
        resolve_speaker(program, "Rahmon")
    err = caught.value
    assert err.ambiguous and [p.id for p in err.candidates] == ["rahmon", "rahmon-r"]
    assert err.problems == (
        (
            "$",
            "ambiguous speaker 'Rahmon': 'rahmon' (Emomali Rahmon), "
            "'rahmon-r' (Rustam Rahmon); give one of these ids",
        ),
    )


def test_a_role_picks_among_several_people() -> None:
    program = with_second_rahmon()
    assert resolve_speaker(program, "Rahmon", role="mayor of dushanbe").id == "rahmon-r"
    assert resolve_speaker(program, "Rahmon", role="President of Tajikistan").id == "rahmon"
    with pytest.raises(SpeakerError, match="ambiguous speaker 'Rahmon'"):
        resolve_speaker(program, "Rahmon", role="Chair")
    # a role never overrules a single match: people take new roles
    assert resolve_speaker(program, "Rustam Rahmon", role="President").id == "rahmon-r"


def test_a_role_held_as_a_participant_counts() -> None:
    program = RECORD.add(
        Person(id="lone", name="Lone Person"),
        Meeting(
            id="lone-meeting",
            title="A meeting",
            kind="talks",
            starts_on="2026-03-01",
            participants=[Participant(person="lone", role="Special Envoy")],
        ),
    )
    assert resolve_speaker(program, "special envoy").id == "lone"


def test_an_unknown_speaker_names_the_closest_people() -> None:
    with pytest.raises(SpeakerError) as caught:
        resolve_speaker(RECORD, "Masadykof")
    assert str(caught.value) == (
        "1 problem:\n"
        "  $: unknown speaker 'Masadykof'; did you mean 'masadykov' (Talatbek Masadykov)?"
    )
    with pytest.raises(SpeakerError) as caught:
        resolve_speaker(RECORD, "Sidorow")
    assert "did you mean 'sidorov' (Anatoly Sidorov)" in caught.value.problems[0][1]
    with pytest.raises(SpeakerError) as caught:
        resolve_speaker(with_second_rahmon(), "Rahmin")
    assert caught.value.problems[0][1] == (
        "unknown speaker 'Rahmin'; did you mean 'rahmon' (Emomali Rahmon) or "
        "'rahmon-r' (Rustam Rahmon)?"
    )
    assert not caught.value.ambiguous


def test_an_unknown_speaker_with_nobody_close() -> None:
    with pytest.raises(DataError) as caught:
        resolve_speaker(RECORD, "x" * 500)
    message = caught.value.problems[0][1]
    assert message.endswith("; no person's id, name or role is like it")
    assert len(message) < 150  # the argument is not echoed whole


def test_a_blank_speaker_names_no_one() -> None:
    program = RECORD.add(Person(id="marks", name="\u0301"))  # folds to nothing
    for text in ("", " \t", "\u0301"):
        with pytest.raises(SpeakerError, match="no person's id, name or role is like it"):
            resolve_speaker(program, text)


def test_at_most_three_close_people_are_suggested() -> None:
    people = [Person(id=f"p{i}", name=f"Person {i} Same") for i in range(12)]
    with pytest.raises(SpeakerError) as caught:
        resolve_speaker(RECORD.add(*people), "Person 1 Sam")
    assert [p.id for p in caught.value.candidates] == ["p1", "p11", "p10"]


def test_a_long_list_of_candidates_is_cut() -> None:
    people = [Person(id=f"p{i}", name=f"Person {i} Same") for i in range(12)]
    program = RECORD.add(*people)
    with pytest.raises(SpeakerError) as caught:
        resolve_speaker(program, "same")
    assert len(caught.value.candidates) == 12
    assert caught.value.problems[0][1].endswith(
        "'p9' (Person 9 Same), and 2 more; give one of these ids"
    )


def test_a_speaker_error_survives_pickling() -> None:
    with pytest.raises(SpeakerError) as caught:
        resolve_speaker(RECORD, "Masadykof")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert isinstance(copy, SpeakerError)
    assert (copy.problems, copy.candidates, copy.ambiguous, copy.text) == (
        caught.value.problems,
        caught.value.candidates,
        False,
        "Masadykof",
    )


def test_resolve_speaker_refuses_what_is_not_a_program() -> None:
    with pytest.raises(TypeError, match="expected a Program"):
        resolve_speaker(None, "x")  # type: ignore[arg-type]


@whole_program_settings
@given(programs(), st.data())
def test_every_person_resolves_by_id_and_by_name_when_it_is_theirs_alone(
    program: Program, data: st.DataObject
) -> None:
    if not program.people:
        return
    person = data.draw(st.sampled_from(program.people))
    assert resolve_speaker(program, person.id) == person
    others = [p for p in program.people if p != person]
    if all(
        o.id != person.name and fold(person.name) not in {fold(n) for n in (o.name, *o.other_names)}
        for o in others
    ):
        assert resolve_speaker(program, person.name) == person
