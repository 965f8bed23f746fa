"""Record text in two languages: names per language, original wordings (in full or in
fragments), their checks, the embedded record's Russian against the copied facts, and the
round trips through JSON, JSON Lines and the data package."""

from __future__ import annotations

import io
import json
import pathlib
import re
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csto_program import (
    DataError,
    Organization,
    Person,
    Place,
    Program,
    Statement,
    from_dict,
    from_json,
    iter_jsonl,
    json_schema,
    to_json,
    write_jsonl,
)
from csto_program.datasets import tajik_afghan_border
from csto_program.export.datapackage import from_datapackage, to_datapackage
from csto_program.languages import (
    FRAGMENT_SEPARATOR,
    abbreviation_in,
    is_fragment,
    local_name,
    name_in,
    wording_in,
)
from csto_program.model import LocalName
from csto_program.strategies import local_names, original_wordings, programs, statements

FACTS = pathlib.Path(__file__).resolve().parent / "data" / "facts" / "program-record.md"


@pytest.fixture(scope="module")
def program() -> Program:
    return tajik_afghan_border()


def _russian_section() -> str:
    text = FACTS.read_text(encoding="utf-8")
    return text[text.index("## Names and original wording in Russian") :]


def _row(said: str) -> str:
    """The facts' row of original wordings for the statement said on ``said``."""
    (row,) = [line for line in _russian_section().splitlines() if line.startswith(f"| {said}")]
    return row


def _statement(**changes: Any) -> Statement:
    base: dict[str, Any] = {
        "id": "s",
        "speaker": "p",
        "role": "Role",
        "said_on": "2026-02-12",
        "text": "The situation on the border is tense.",
        "kind": "paraphrase",
    }
    return Statement(**{**base, **changes})


RUSSIAN = (
    "Сохраняются проблемы и на южных рубежах. Это, прежде всего, напряженная обстановка "
    "на таджикско-афганской границе"
)


# --------------------------------------------------------------------------- names


def test_names_in_russian_and_the_recorded_name_otherwise(program: Program) -> None:
    by_id = program.by_id
    assert name_in(program, "ru") == (
        "Целевая межгосударственная программа ОДКБ по укреплению таджикско-афганской границы"
    )
    assert name_in(program, "en") == program.title
    assert name_in(by_id["csto"], "ru") == "Организация Договора о коллективной безопасности"
    assert abbreviation_in(by_id["csto"], "ru") == "ОДКБ"  # type: ignore[arg-type]
    assert abbreviation_in(by_id["csto"], "en") == "CSTO"  # type: ignore[arg-type]
    assert name_in(by_id["csto-collective-security-council"], "ru") == (
        "Совет коллективной безопасности ОДКБ"
    )
    assert name_in(by_id["tajikistan-border-troops"], "ru") == "Пограничные войска Таджикистана"
    assert name_in(by_id["masadykov"], "ru") == "Таалатбек Масадыков"
    assert name_in(by_id["sarkisyan"], "ru") == "Павел Саркисьян"
    assert name_in(by_id["masadykov"], "en") == "Talatbek Masadykov"
    assert name_in(by_id["rahmon"], "ru") == "Emomali Rahmon"  # none recorded: as recorded


def test_a_place_has_names_too() -> None:
    astana = Place(
        name="Astana",
        country="KZ",
        timezone="Asia/Almaty",
        names=[LocalName(language="ru", name="Астана")],
    )
    assert name_in(astana, "ru") == "Астана"
    assert name_in(astana, "kk") == "Astana"


def test_a_tag_with_a_region_finds_its_language_and_an_exact_tag_wins() -> None:
    person = Person(
        id="p",
        name="P",
        names=[
            LocalName(language="ru", name="Общий"),
            LocalName(language="ru-KZ", name="Казахстанский"),
        ],
    )
    assert name_in(person, "ru-RU") == "Общий"
    assert name_in(person, "ru-KZ") == "Казахстанский"
    assert name_in(person, "RU") == "Общий"
    assert local_name(person, "en") is None


def test_one_name_per_language() -> None:
    with pytest.raises(DataError) as raised:
        Organization(
            id="o",
            name="O",
            names=[LocalName(language="ru", name="А"), LocalName(language="ru", name="Б")],
        )
    assert raised.value.problems[0][0] == "$.names[1].language"


def test_names_check_their_values() -> None:
    with pytest.raises(DataError):
        LocalName(language="Russian", name="Имя")
    with pytest.raises(DataError):
        LocalName(language="ru", name="  ")


def test_name_in_refuses_other_things(program: Program) -> None:
    with pytest.raises(TypeError, match="record must be"):
        name_in(program.statements[0], "ru")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="lang must be a str"):
        name_in(program, None)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- wordings


def test_wording_in_the_readers_language_or_as_recorded() -> None:
    statement = _statement(original=[RUSSIAN], original_language="ru")
    assert wording_in(statement, "en") == (statement.text, "en")
    assert wording_in(statement, "ru") == (RUSSIAN, "ru")
    assert wording_in(statement, "ru-RU") == (RUSSIAN, "ru")
    assert wording_in(statement, "kk") == (statement.text, "en")
    assert not is_fragment(statement) and not is_fragment(statement, "ru")


def test_a_statement_recorded_in_russian_is_its_own_wording(program: Program) -> None:
    shoigu = program.by_id["shoigu-2026-02-12"]
    assert isinstance(shoigu, Statement)
    assert wording_in(shoigu, "ru") == (shoigu.text, "ru")
    assert wording_in(shoigu, "en") == (shoigu.text, "ru")  # the view says: in Russian


def test_fragments_are_kept_one_by_one_and_joined_for_a_view() -> None:
    statement = _statement(
        original=["с объемом поставок [...] уже определились", "решение вопроса"],
        original_language="ru",
        original_fragments=True,
    )
    text, tag = wording_in(statement, "ru")
    assert tag == "ru"
    assert text == "с объемом поставок [...] уже определились" + FRAGMENT_SEPARATOR + (
        "решение вопроса"
    )
    assert is_fragment(statement)
    assert is_fragment(statement, "ru")
    assert not is_fragment(statement, "en")  # the English rendering is given whole
    assert not is_fragment(_statement(), "ru")


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"original": ["Текст"]}, "$.original_language"),
        ({"original_language": "ru"}, "$.original"),
        ({"original_fragments": True}, "$.original_fragments"),
        ({"original": ["А", "Б"], "original_language": "ru"}, "$.original"),
        ({"original": ["  "], "original_language": "ru"}, "$.original[0]"),
        ({"original": ["Текст"], "original_language": "русский"}, "$.original_language"),
    ],
)
def test_an_original_wording_is_checked(changes: dict[str, Any], path: str) -> None:
    with pytest.raises(DataError) as raised:
        _statement(**changes)
    assert raised.value.problems[0][0] == path


def test_wording_in_refuses_other_things(program: Program) -> None:
    with pytest.raises(TypeError, match="statement must be"):
        wording_in(program, "ru")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="statement must be"):
        is_fragment(program)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="lang must be"):
        wording_in(program.statements[0], 1)  # type: ignore[arg-type]


@settings(max_examples=60)
@given(statements(), st.sampled_from(["en", "ru", "kk", "ru-RU", "EN"]))
def test_wording_in_gives_a_recorded_text_in_its_language(statement: Statement, lang: str) -> None:
    text, tag = wording_in(statement, lang)
    # an independent statement of the rule: own language first, then the original's
    primary = lang.lower().split("-")[0]
    own = statement.language.lower().split("-")[0] == primary
    original = statement.original_language
    if own:
        assert (text, tag) == (statement.text, statement.language)
    elif original is not None and original.lower().split("-")[0] == primary:
        assert tag == original
        assert text.split(FRAGMENT_SEPARATOR)[0].startswith(statement.original[0][:1])
        assert all(part in text for part in statement.original)
        assert is_fragment(statement, lang) == statement.original_fragments
    else:
        assert (text, tag) == (statement.text, statement.language)
        assert not is_fragment(statement, lang)


@settings(max_examples=40)
@given(local_names(max_size=3), st.sampled_from(["en", "ru", "kk", "tg"]))
def test_name_in_is_the_name_in_that_language_or_the_recorded_one(
    names: tuple[LocalName, ...], lang: str
) -> None:
    person = Person(id="p", name="Recorded", names=names)
    expected = [local.name for local in names if local.language == lang]
    assert name_in(person, lang) == (expected[0] if expected else "Recorded")


@settings(max_examples=40)
@given(original_wordings())
def test_drawn_original_wordings_construct(wording: dict[str, Any]) -> None:
    statement = _statement(**wording)
    assert statement.original == wording["original"]


# --------------------------------------------------------------------------- the record


ORIGINALS = {
    "masadykov-2026-01-29": ("2026-01-29", False, "24kg-ru-2026-01-31"),
    "sarkisyan-2025-12-17": ("2025-12-17", False, "sputnik-kz-2025-12-17"),
    "tasmagambetov-2024-12-04": ("2024-12-04", True, "sputnik-tj-2024-12-04"),
    "semerikov-2025-12-09": ("2025-12-09", True, "lenta-2025-12-09"),
}


def test_the_record_keeps_the_russian_wordings_verbatim_as_the_facts_print_them(
    program: Program,
) -> None:
    for statement_id, (said, fragments, source_id) in ORIGINALS.items():
        statement = program.by_id[statement_id]
        assert isinstance(statement, Statement)
        row = _row(said)
        printed = re.findall(r"«([^»]*)»", row.split("|")[3])
        assert list(statement.original) == (printed if fragments else printed[:1]), statement_id
        assert statement.original_language == "ru"
        assert statement.original_fragments is fragments
        # attributed: the statement cites the outlet that printed the Russian
        assert source_id in statement.sources
        source = program.by_id[source_id]
        assert source.language == "ru"  # type: ignore[union-attr]
        assert source.url and source.url in row  # type: ignore[union-attr]
    shoigu = program.by_id["shoigu-2026-02-12"]
    assert isinstance(shoigu, Statement)
    assert f"«{shoigu.text}»" in _row("2026-02-12")  # recorded in Russian, in full
    assert shoigu.language == "ru" and not shoigu.original


def test_every_russian_wording_and_name_in_the_record_is_in_the_facts(program: Program) -> None:
    section = _russian_section()
    with_original = [s for s in program.statements if s.original]
    assert {s.id for s in with_original} == set(ORIGINALS)
    for statement in with_original:
        for part in statement.original:
            assert f"«{part}»" in section, part
    named: list[Any] = [program, *program.organizations, *program.people]
    named += [m.place for m in program.meetings if m.place is not None]
    found = [local for record in named for local in record.names]
    assert len(found) == 6
    for local in found:
        assert local.language == "ru"
        assert local.name in section
        assert local.abbreviation is None or local.abbreviation in section


def test_only_sources_printed_russian_for_the_russian_names(program: Program) -> None:
    by_id = program.by_id
    for record_id, source_id in [
        ("masadykov", "24kg-ru-2026-01-31"),
        ("sarkisyan", "sputnik-kz-2025-12-17"),
        ("csto-collective-security-council", "sputnik-kz-2025-12-17"),
        ("tajikistan-border-troops", "24kg-ru-2026-01-31"),
    ]:
        assert source_id in by_id[record_id].sources  # type: ignore[union-attr]


# --------------------------------------------------------------------------- round trips


def _quoted_program() -> Program:
    """A small program holding a Russian quote with every hard character: «», a dash,
    ё, an omission in brackets, a non-breaking space and a line break."""
    base = tajik_afghan_border()
    quote = "«Сохраняются» — ёлки [...] проблемы\u00a0и\nна южных рубежах…"
    shoigu = base.by_id["shoigu-2026-02-12"]
    assert isinstance(shoigu, Statement)
    statement = attrs.evolve(
        shoigu,
        id="shoigu-rendered",
        text="Problems remain on the southern borders.",
        language="en",
        original=(quote,),
        original_language="ru",
    )
    return base.add(statement)


def test_a_russian_quote_round_trips_through_json(program: Program) -> None:
    quoted = _quoted_program()
    again = from_json(to_json(quoted), Program)
    assert again == quoted
    assert again.by_id["shoigu-rendered"].original == quoted.by_id["shoigu-rendered"].original  # type: ignore[union-attr]
    assert from_json(to_json(program), Program) == program
    assert from_dict(json.loads(to_json(program)), Program) == program
    assert "Таалатбек Масадыков" in to_json(program)  # written as text, not \u escapes


def test_a_russian_quote_round_trips_through_json_lines(program: Program) -> None:
    quoted = _quoted_program()
    buffer = io.StringIO()
    write_jsonl(quoted.statements, buffer)
    buffer.seek(0)
    back = list(iter_jsonl(buffer, Statement))
    assert back == list(quoted.statements)
    assert [s.original for s in back] == [s.original for s in quoted.statements]


def test_a_russian_quote_round_trips_through_the_data_package(tmp_path: pathlib.Path) -> None:
    quoted = _quoted_program()
    target = tmp_path / "package"
    to_datapackage(quoted, target)
    back = from_datapackage(target)
    assert back == quoted
    rendered = back.by_id["shoigu-rendered"]
    assert isinstance(rendered, Statement)
    assert rendered.original == ("«Сохраняются» — ёлки [...] проблемы\u00a0и\nна южных рубежах…",)
    semerikov = back.by_id["semerikov-2025-12-09"]
    assert isinstance(semerikov, Statement) and semerikov.original_fragments
    assert name_in(back, "ru") == name_in(quoted, "ru")
    names = (target / "person_names.csv").read_text(encoding="utf-8")
    assert "masadykov,1,ru,Таалатбек Масадыков" in names


def test_a_place_name_round_trips_through_the_data_package(tmp_path: pathlib.Path) -> None:
    base = tajik_afghan_border()
    meetings = tuple(
        attrs.evolve(
            m, place=attrs.evolve(m.place, names=(LocalName(language="ru", name="Астана"),))
        )
        if m.place is not None and m.place.name == "Astana"
        else m
        for m in base.meetings
    )
    program = attrs.evolve(base, meetings=meetings)
    to_datapackage(program, tmp_path / "p")
    assert from_datapackage(tmp_path / "p") == program


def test_place_names_without_a_place_are_reported(tmp_path: pathlib.Path) -> None:
    base = tajik_afghan_border()
    to_datapackage(base, tmp_path / "p")
    without_place = next(m for m in base.meetings if m.place is None)
    path = tmp_path / "p" / "meeting_place_names.csv"
    with path.open("a", encoding="utf-8", newline="") as file:
        file.write(f"{without_place.id},1,ru,Астана,,\r\n")
    with pytest.raises(DataError) as raised:
        from_datapackage(tmp_path / "p")
    assert any("meetings.csv" in where for where, _ in raised.value.problems)


@settings(max_examples=15, deadline=None)
@given(programs(max_items=2))
def test_generated_programs_round_trip_with_their_names_and_wordings(program: Program) -> None:
    assert from_json(to_json(program), Program) == program


def test_the_schema_describes_the_new_fields() -> None:
    schema = json_schema(Program)
    statement = schema["$defs"]["Statement"]["properties"]
    assert {"original", "original_language", "original_fragments"} <= set(statement)
    assert statement["original_fragments"]["type"] == "boolean"
    assert schema["properties"]["names"]["items"] == {"$ref": "#/$defs/LocalName"}
    for record in ("Organization", "Person", "Place"):
        assert "names" in schema["$defs"][record]["properties"], record
    assert set(schema["$defs"]["LocalName"]["required"]) == {"language", "name"}
    for version in (1, 2):
        old = json.dumps(json_schema(Program, version=version))
        assert "LocalName" not in old and "original_language" not in old
