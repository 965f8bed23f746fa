"""The embedded dataset: it loads, it is canonical, and it says what the public record says.

The expected values below are typed in from ``shared/facts/program-record.md``, not read
from the dataset, so a wrong date or a lost fact in the JSON fails a test.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import jsonschema
import pendulum
import pytest
from hypothesis import given

from csto_program import (
    DataError,
    Meeting,
    NoteKind,
    PartialDate,
    Program,
    StageState,
    StatementKind,
    from_json,
    json_schema,
    to_json,
)
from csto_program.datasets import (
    DEFAULT_DATASET,
    dataset_names,
    dataset_text,
    load_dataset,
    seed_reading,
    tajik_afghan_border,
)
from csto_program.strategies import iso_dates

D = datetime.date
FACTS = Path(__file__).resolve().parents[1].parent / "shared" / "facts"
SEED_ID = "asia-plus-2024-11-25"

# id: (starts_on, ends_on, IANA zone of the place or None when no place is recorded)
MEETINGS: dict[str, tuple[str, str | None, str | None]] = {
    "sochi-2013-09-23": ("2013-09-23", None, "Europe/Moscow"),
    "phone-2017-02-09": ("2017-02-09", None, None),
    "ccs-2021-08-23": ("2021-08-23", None, None),
    "dushanbe-2021-09-15": ("2021-09-15", None, "Asia/Dushanbe"),
    "moscow-2023-02-14": ("2023-02-14", None, "Europe/Moscow"),
    "moscow-2023-12-20": ("2023-12-20", "2023-12-21", "Europe/Moscow"),
    "visit-2024-01-24": ("2024-01-24", "2024-01-27", None),
    "moscow-2024-02-27": ("2024-02-27", "2024-03-01", "Europe/Moscow"),
    "stv-interview-2024-11-25": ("2024-11-25", None, None),
    "astana-2024-11-28": ("2024-11-28", None, "Asia/Almaty"),
    "dushanbe-2025-01-29": ("2025-01-29", None, "Asia/Dushanbe"),
    "dushanbe-2025-04-11": ("2025-04-11", None, "Asia/Dushanbe"),
    "bishkek-2025-05-19": ("2025-05-19", None, "Asia/Bishkek"),
    "masadykov-interview-2026-01-29": ("2026-01-29", None, None),
}

# The seed article's ambiguous wordings and what they resolve to.
DATE_RESOLUTIONS: dict[str, tuple[str, str]] = {
    "date-stv-interview": ("November 25", "2024-11-25"),
    "date-astana-session": ("on November 28", "2024-11-28"),
    "date-sochi-decision": ("Sochi, Russia on September 23", "2013-09-23"),
    "date-sidorov-press-conference": ("February 14 last year", "2023-02-14"),
    "date-discussions-2023": ("discussions about this program date back to 2023", "2023"),
    "date-phone-talks": ("February 9, 2017", "2017-02-09"),
    "date-eleven-years": ("over the past eleven years", "2013"),
    "date-program-start": ("planned for this year", "2025"),
}
FROM_THE_SEED = set(DATE_RESOLUTIONS) - {"date-program-start"}

# (speaker, said_on, stages) of every statement.
STATEMENTS: dict[str, tuple[str, str, tuple[int, ...]]] = {
    "semerikov-2017-02-09": ("semerikov", "2017-02-09", ()),
    "zas-2021-09-15": ("zas", "2021-09-15", ()),
    "sidorov-2023-02-14-isk": ("sidorov", "2023-02-14", ()),
    "sidorov-2023-02-14-groups": ("sidorov", "2023-02-14", ()),
    "tasmagambetov-2024-11-25-situation": ("tasmagambetov", "2024-11-25", ()),
    "tasmagambetov-2024-11-25-signing": ("tasmagambetov", "2024-11-25", ()),
    "tokayev-2024-11-28": ("tokayev", "2024-11-28", ()),
    "tasmagambetov-2025-01-29": ("tasmagambetov", "2025-01-29", (1,)),
    "tasmagambetov-2025-05-19": ("tasmagambetov", "2025-05-19", (2,)),
    "masadykov-2026-01-29": ("masadykov", "2026-01-29", (1,)),
}


@pytest.fixture(scope="module")
def program() -> Program:
    return tajik_afghan_border()


def _facts(name: str) -> str:
    path = FACTS / name
    if not path.is_file():  # pragma: no cover - the facts sit beside the project in CI
        pytest.skip(f"{path} is not available")
    return " ".join(path.read_text(encoding="utf-8").split())  # the record wraps lines


# ---------------------------------------------------------------------------- the files


def test_the_default_is_the_only_dataset() -> None:
    assert DEFAULT_DATASET == "tajik-afghan-border"
    assert dataset_names() == (DEFAULT_DATASET,)


def test_shipped_text_is_canonical(program: Program) -> None:
    # Edit the JSON by hand, then rewrite it in canonical form with
    # to_json(from_json(text, Program), indent=True).
    assert dataset_text() == to_json(program, indent=True)
    assert from_json(dataset_text(), Program) == program


def test_shipped_text_follows_the_json_schema() -> None:
    validator = jsonschema.Draft202012Validator(
        json_schema(Program), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert list(validator.iter_errors(json.loads(dataset_text()))) == []


def test_load_is_cached_and_names_are_checked() -> None:
    assert load_dataset() is load_dataset(DEFAULT_DATASET) is tajik_afghan_border()
    with pytest.raises(DataError) as info:
        load_dataset("tajik-afghan-border.json")
    assert info.value.problems == (
        (
            "$",
            "unknown dataset 'tajik-afghan-border.json'; "
            "the embedded datasets are 'tajik-afghan-border'",
        ),
    )
    with pytest.raises(DataError):
        dataset_text("../data/tajik-afghan-border")
    with pytest.raises(TypeError, match="must be a str, not bytes"):
        load_dataset(b"tajik-afghan-border")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- the program


def test_program_dates_and_term(program: Program) -> None:
    assert program.id == "tajik-afghan-border"
    assert program.adopted_on == D(2024, 11, 28)
    assert str(program.decided_on) == "2013-09-23"
    assert program.starts_on == D(2025, 1, 1)
    assert program.term_months == 60
    assert program.ends_on == D(2030, 1, 1)  # runs until 2029
    assert (program.organization, program.beneficiary) == ("csto", "tajikistan")


def test_three_stages_of_one_two_and_two_years(program: Program) -> None:
    windows = [(s.number, s.start, s.end, s.last_day) for s in program.stages]
    assert windows == [
        (1, D(2025, 1, 1), D(2026, 1, 1), D(2025, 12, 31)),
        (2, D(2026, 1, 1), D(2028, 1, 1), D(2027, 12, 31)),
        (3, D(2028, 1, 1), D(2030, 1, 1), D(2029, 12, 31)),
    ]
    assert program.stages[-1].end == program.ends_on
    assert all(stage.completed_on is None for stage in program.stages)
    assert all(stage.tasks and stage.sources for stage in program.stages)


def test_status_on_the_day_of_masadykovs_interview(program: Program) -> None:
    status = program.status(as_of=D(2026, 1, 29))
    assert [s.state for s in status.stages] == [
        StageState.OVERDUE,
        StageState.ACTIVE,
        StageState.UPCOMING,
    ]
    first = status.stages[0]
    assert first.days_overdue == 29
    assert [s.id for s in first.evidence] == ["tasmagambetov-2025-01-29", "masadykov-2026-01-29"]
    assert [s.id for s in program.status(D(2026, 1, 28)).stages[0].evidence] == [
        "tasmagambetov-2025-01-29"
    ]


# ---------------------------------------------------------------------------- the record


def test_meetings_match_the_record(program: Program) -> None:
    found = {
        m.id: (
            str(m.starts_on),
            None if m.ends_on is None else str(m.ends_on),
            None if m.place is None else m.place.timezone,
        )
        for m in program.meetings
    }
    assert found == MEETINGS
    starts = [m.starts_on.sort_key for m in program.meetings]
    assert starts == sorted(starts)  # kept in date order


def test_sochi_decision_is_2013_not_the_articles_year(program: Program) -> None:
    sochi = next(m for m in program.meetings if m.id == "sochi-2013-09-23")
    assert sochi.starts_on == PartialDate(2013, 9, 23)
    assert program.decided_on == sochi.starts_on
    assert sochi.decisions
    assert {p.organization for p in sochi.participants} == {
        "armenia",
        "belarus",
        "kazakhstan",
        "kyrgyzstan",
        "russia",
        "tajikistan",
    }


def test_astana_offset_is_utc_plus_five(program: Program) -> None:
    astana = next(m for m in program.meetings if m.id == "astana-2024-11-28")
    assert astana.place is not None
    assert astana.place.utcoffset(D(2024, 11, 28)) == datetime.timedelta(hours=5)
    offsets = {
        m.place.name: m.place.utcoffset(m.starts_on.earliest) / datetime.timedelta(hours=1)
        for m in program.meetings
        if m.place is not None
    }
    assert offsets == {"Sochi": 4, "Dushanbe": 5, "Moscow": 3, "Astana": 5, "Bishkek": 6}


def test_statements_match_the_record(program: Program) -> None:
    found = {s.id: (s.speaker, str(s.said_on), s.stages) for s in program.statements}
    assert found == STATEMENTS


def test_statements_are_made_at_their_meetings(program: Program) -> None:
    meetings: dict[str, Meeting] = {m.id: m for m in program.meetings}
    for statement in program.statements:
        assert statement.meeting is not None, statement.id
        meeting = meetings[statement.meeting]
        last = meeting.ends_on or meeting.starts_on
        assert meeting.starts_on.earliest <= statement.said_on.earliest <= last.latest
        roles = {p.role for p in meeting.participants if p.person == statement.speaker}
        assert roles == {statement.role}, statement.id


def test_date_resolutions(program: Program) -> None:
    found = {
        n.id: (n.stated, str(n.resolved))
        for n in program.notes
        if n.kind is NoteKind.DATE_RESOLUTION
    }
    assert found == DATE_RESOLUTIONS


def test_stated_wordings_are_verbatim_in_the_seed() -> None:
    seed = _facts("seed-article.txt")
    for note_id in FROM_THE_SEED:
        assert DATE_RESOLUTIONS[note_id][0] in seed, note_id


def _verbatim_parts(text: str, kind: StatementKind) -> list[str]:
    if kind is StatementKind.QUOTE:
        return [text]
    return re.findall(r"“([^”]+)”", text)


def test_quoted_words_are_verbatim_in_the_facts(program: Program) -> None:
    seed = _facts("seed-article.txt")
    record = _facts("program-record.md")
    checked = 0
    for statement in program.statements:
        for part in _verbatim_parts(statement.text, statement.kind):
            where = seed if SEED_ID in statement.sources else record
            assert part in where, (statement.id, part)
            checked += 1
    assert checked == 7


def test_conflicts_are_kept(program: Program) -> None:
    conflicts = {n.id: n.text for n in program.notes if n.kind is NoteKind.CONFLICT}
    assert "1,344 km" in conflicts["conflict-border-length"]
    assert "1,374.2 km" in conflicts["conflict-border-length"]
    assert "designed for five years" in conflicts["conflict-stage-one-length"]
    assert "2027–2029" in conflicts["conflict-stage-three-years"]
    assert "2013" in conflicts["conflict-discussions-since"]


def test_masadykov_keeps_both_spellings(program: Program) -> None:
    person = next(p for p in program.people if p.id == "masadykov")
    assert person.name == "Talatbek Masadykov"
    assert "Taalatbek Masadykov" in person.other_names


# ---------------------------------------------------------------------------- the sources


def test_every_claim_has_a_source_and_every_source_is_used(program: Program) -> None:
    for record in (*program.meetings, *program.statements, *program.notes, *program.stages):
        assert record.sources, record
    cited = {
        ref for r in (*program.meetings, *program.statements, *program.notes) for ref in r.sources
    }
    cited |= {
        ref for r in (*program.stages, *program.people, *program.organizations) for ref in r.sources
    }
    cited |= {ref for source in program.sources for ref in source.via}
    assert cited == {source.id for source in program.sources}


def test_reporting_chains_have_no_cycles(program: Program) -> None:
    via = {source.id: source.via for source in program.sources}

    def depth(source_id: str, seen: frozenset[str]) -> int:
        assert source_id not in seen, f"cycle through {source_id}"
        return 1 + max((depth(v, seen | {source_id}) for v in via[source_id]), default=0)

    assert max(depth(source_id, frozenset()) for source_id in via) == 2
    tass = next(s for s in program.sources if s.id == "tass-2025-01-29")
    assert tass.via == ("khovar-2025-01",)  # TASS carrying Khovar


def test_no_statement_is_reported_before_it_is_made(program: Program) -> None:
    published = {s.id: s.published_on for s in program.sources}
    for statement in program.statements:
        for ref in statement.sources:
            day = published[ref]
            if day is not None:
                assert day.latest >= statement.said_on.earliest, (statement.id, ref)


def test_urls_are_unique_and_https(program: Program) -> None:
    urls = [s.url for s in program.sources if s.url is not None]
    assert len(urls) == len(set(urls)) == 13
    assert all(url.startswith("https://") for url in urls)


# ---------------------------------------------------------------------------- a property


@given(iso_dates(D(2024, 1, 1), D(2031, 12, 31)))
def test_status_on_any_day_is_consistent(day: pendulum.Date) -> None:
    program = load_dataset()
    status = program.status(as_of=day)
    states = [s.state for s in status.stages]
    inside = program.starts_on <= day < program.ends_on
    assert states.count(StageState.ACTIVE) == (1 if inside else 0)
    if status.current_stage is None:
        assert not inside
    else:
        assert states[status.current_stage.number - 1] is StageState.ACTIVE
    # No stage is complete yet: earlier stages are overdue, later ones upcoming.
    assert states == sorted(
        states, key=[StageState.OVERDUE, StageState.ACTIVE, StageState.UPCOMING].index
    )
    for stage_status in status.stages:
        assert all(s.said_on.latest <= day for s in stage_status.evidence)
        known = [
            s
            for s in program.statements_about(stage_status.stage.number)
            if s.said_on.latest <= day
        ]
        assert list(stage_status.evidence) == known
        if stage_status.state is StageState.OVERDUE:
            expected = day.toordinal() - stage_status.stage.last_day.toordinal()
            assert stage_status.days_overdue == expected


def test_seed_reading_is_the_alternative_plan() -> None:
    plan = seed_reading()
    record = tajik_afghan_border()
    assert plan.starts_on == record.adopted_on == datetime.date(2024, 11, 28)
    assert [str(s.end) for s in plan.stages] == ["2025-11-28", "2027-11-28", "2029-11-28"]
    first = plan.status(datetime.date(2026, 1, 29)).stages[0]
    assert (first.state.value, first.days_overdue) == ("overdue", 63)
    # the record itself is untouched: the press-service calendar
    assert str(record.stages[0].start) == "2025-01-01"
    assert [s.tasks for s in plan.stages] == [s.tasks for s in record.stages]
