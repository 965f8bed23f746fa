"""The embedded dataset: it loads, it is canonical, and it says what the public record says.

The expected values below are typed in from the public record (a copy is kept in
``tests/data/facts/``: ``program-record.md`` and the first report, ``seed-article.txt``), not
read from the dataset, so a wrong date or a lost fact in the JSON fails a test. The tests that
compare wording with those texts read the copies beside this file, never anything outside the
repository.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csto_program import (
    DataError,
    Meeting,
    MeetingStatus,
    NoteKind,
    PartialDate,
    Program,
    Progress,
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
    tajik_afghan_border,
)
from csto_program.knowledge import known_day
from csto_program.status import stage_status

D = datetime.date
FACTS = Path(__file__).resolve().parent / "data" / "facts"
FIRST_REPORT = "asia-plus-2024-11-25-article"  # the source: Asia-Plus, 2024-11-25
FIRST_PLAN_SOURCE = "asia-plus-2024-11-11"  # the same plan, published two weeks earlier
SPUTNIK_TJ = "sputnik-tj-2024-12-04"

# ---------------------------------------------------------------------------- expected values

# Plan versions, in the order they became known:
# id: (announced_on, starts_on, [(start, end) of each stage], term_months, first_stage_months)
PLANS: dict[str, tuple[str, str, list[tuple[str, str]], int, int | None]] = {
    "asia-plus-2024-11-25": (
        "2024-11-11",
        "2024-11-28",
        [("2024-11-28", "2025-11-28"), ("2025-11-28", "2027-11-28"), ("2027-11-28", "2029-11-28")],
        60,
        12,
    ),
    "sputnik-2024-12-04": (
        "2024-12-04",
        "2025-01-01",
        [("2025-01-01", "2026-01-01"), ("2026-01-01", "2028-01-01"), ("2028-01-01", "2030-01-01")],
        60,
        12,
    ),
    "press-service-2025": (
        "2025-04-11",
        "2025-01-01",
        [("2025-01-01", "2026-01-01"), ("2026-01-01", "2028-01-01"), ("2028-01-01", "2030-01-01")],
        60,
        12,
    ),
}

# The source each plan rests on.
PLAN_SOURCES: dict[str, str] = {
    "asia-plus-2024-11-25": FIRST_PLAN_SOURCE,
    "sputnik-2024-12-04": SPUTNIK_TJ,
    "press-service-2025": "fergana-2025-04",
}

# Progress reports: id: (stage, progress, as_of or None, reported_on, statement, sources)
REPORTS: dict[str, tuple[int, str, str | None, str, str | None, tuple[str, ...]]] = {
    "stage-1-2025-04-11": (1, "in_progress", "2025-04-11", "2025-04", None, ("fergana-2025-04",)),
    "stage-2-2025-05-19": (
        2,
        "not_started",
        "2025-05-19",
        "2025-05-21",
        "tasmagambetov-2025-05-19",
        ("asia-plus-2025-05-21",),
    ),
    "stage-1-2025-12-09": (
        1,
        "in_progress",
        None,
        "2025-12-09",
        "semerikov-2025-12-09",
        ("lenta-2025-12-09",),
    ),
    "stage-1-2025-12-17": (
        1,
        "in_progress",
        None,
        "2025-12-17",
        "sarkisyan-2025-12-17",
        ("sputnik-kz-2025-12-17",),
    ),
    "stage-1-2026-01-29": (
        1,
        "in_progress",
        None,
        "2026-01-29",
        "masadykov-2026-01-29",
        ("tass-2026-01-29", "interfax-2026-01-29", "24kg-2026-01"),
    ),
    "stage-2-2026-01-29": (
        2,
        "not_started",
        None,
        "2026-01-29",
        "masadykov-2026-01-29",
        ("tass-2026-01-29", "interfax-2026-01-29", "24kg-2026-01"),
    ),
}
# Reports that are inferences rather than direct statements (the record says which).
INFERRED_REPORTS = {"stage-2-2026-01-29"}

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
    "almaty-2024-06-20": ("2024-06-20", "2024-06-21", "Asia/Almaty"),
    "stv-interview-2024-11-25": ("2024-11-25", None, None),
    "astana-2024-11-28": ("2024-11-28", None, "Asia/Almaty"),
    "dushanbe-2025-01-29": ("2025-01-29", None, "Asia/Dushanbe"),
    "dushanbe-2025-04-11": ("2025-04-11", None, "Asia/Dushanbe"),
    "bishkek-2025-05-19": ("2025-05-19", None, "Asia/Bishkek"),
    "bishkek-2025-11-27": ("2025-11-27", None, "Asia/Bishkek"),
    "masadykov-interview-2026-01-29": ("2026-01-29", None, None),
    "moscow-2026-11-11": ("2026-11-11", None, "Europe/Moscow"),
}
# Meetings announced and not (known to be) held: id: (status, announced_on)
# Announced by Ushakov on 2025-11-24 (Gazeta.ru), then by Putin at the Bishkek session on
# 2025-11-27: it became known on the first.
NOT_HELD: dict[str, tuple[str, str]] = {"moscow-2026-11-11": ("scheduled", "2025-11-24")}

# The first report's ambiguous wordings and what they resolve to.
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
FROM_THE_FIRST_REPORT = set(DATE_RESOLUTIONS) - {"date-program-start"}

# (speaker, said_on, stages) of every statement.
STATEMENTS: dict[str, tuple[str, str, tuple[int, ...]]] = {
    "semerikov-2017-02-09": ("semerikov", "2017-02-09", ()),
    "zas-2021-09-15": ("zas", "2021-09-15", ()),
    "sidorov-2023-02-14-isk": ("sidorov", "2023-02-14", ()),
    "sidorov-2023-02-14-groups": ("sidorov", "2023-02-14", ()),
    "muhriddin-2024-06": ("muhriddin", "2024-06-20/2024-06-21", ()),
    "tasmagambetov-2024-11-25-situation": ("tasmagambetov", "2024-11-25", ()),
    "tasmagambetov-2024-11-25-signing": ("tasmagambetov", "2024-11-25", ()),
    "tokayev-2024-11-28": ("tokayev", "2024-11-28", ()),
    "tasmagambetov-2024-12-04": ("tasmagambetov", "2024-12-04", ()),
    "tasmagambetov-2025-01-29": ("tasmagambetov", "2025-01-29", (1,)),
    "tasmagambetov-2025-05-19": ("tasmagambetov", "2025-05-19", (2,)),
    "rahmon-2025-11-27": ("rahmon", "2025-11-27", (1,)),
    "putin-2025-11-27": ("putin", "2025-11-27", ()),
    "semerikov-2025-12-09": ("semerikov", "2025-12-09", (1,)),
    "sarkisyan-2025-12-17": ("sarkisyan", "2025-12-17", (1,)),
    "masadykov-2026-01-29": ("masadykov", "2026-01-29", (1,)),
    "shoigu-2026-02-12": ("shoigu", "2026-02-12", ()),
    # published 2026-06-26 (a Friday), said "this week"
    "vasilyev-2026-06-26": ("vasilyev", "2026-06-22/2026-06-26", ()),
}
# Said to an outlet (Sputnik Tajikistan, Sputnik, Sputnik Kazakhstan, Interfax, the Times of
# Central Asia): no meeting recorded.
TOLD_TO_THE_PRESS = {
    "tasmagambetov-2024-12-04",
    "semerikov-2025-12-09",
    "sarkisyan-2025-12-17",
    "shoigu-2026-02-12",
    "vasilyev-2026-06-26",
}

# Every source with a URL in the public record, and that URL.
URLS_IN_THE_FACTS: dict[str, str] = {
    "trend-2024-11-25": "https://en.trend.az/casia/tajikistan/3974746.html",
    "asia-plus-2024-11-29": "https://asiaplustj.info/en/news/tajikistan/politics/20241129/"
    "the-csto-heads-of-state-endorse-the-csto-targeted-program-on-strengthening-the-tajik-"
    "afghan-border",
    "asia-plus-2013-09-24": "https://www.asiaplustj.info/en/news/tajikistan/politics/20130924/"
    "csto-help-tajikistan-strengthen-control-its-common-border-afghanistan",
    "tass-2023-02-14": "https://tass.com/defense/1576031/amp",
    "tass-2025-01-29": "https://tass.com/politics/1906035",
    "fergana-2025-04": "https://en.fergana.media/news/137466/?country=tj",
    "tass-2026-01-29": "https://tass.com/world/2078683",
    "timesca-2024": "https://timesca.com/?p=23386",
    SPUTNIK_TJ: "https://tj.sputniknews.ru/amp/20241204/"
    "odkb-programma-ukrepleniey-tajikistan-afganistan-granitsa-1065368265.html",
    "lenta-2025-12-09": "https://lenta.ru/news/2025/12/09/"
    "v-odkb-rasskazali-rasskazali-o-voennyh-postavkah-v-odnu-stranu/",
    "sputnik-kz-2025-12-17": "https://ru.sputnik.kz/20251217/"
    "tadzhikistan-zaprosil-v-odkb-vooruzhenie-dlya-ukrepleniya-granitsy-s-afganistanom--"
    "59670529.html",
    "interfax-2026-01-29": "https://www.interfax.ru/world/1070060",
    # found later (the record through 2026)
    FIRST_PLAN_SOURCE: "https://old.asiaplustj.info/en/news/tajikistan/security/20241111/"
    "eleven-years-later-renewed-focus-on-the-tajik-afghan-border",
    "centrasia-2026-01-29": "https://centrasia.org/newsA.php?st=1769800020",
    "khovar-2024-06": "https://khovar.tj/rus/2024/06/sirodzhiddin-muhriddin-prinyal-uchastie-"
    "v-zasedanii-soveta-ministrov-inostrannyh-del-gosudarstv-chlenov-odkb",
    "trend-2025-11-27": "https://www.trend.az/business/4122753.html",
    "centrasia-2025-12-24": "https://centrasia.org/newsA.php?st=1766620740",
    "interfax-2026-02-12": "https://www.interfax.ru/russia/1072458",
    "interfax-interview-2026-02-12": "https://www.interfax.ru/interview/1072422",
    "afghan-verified-2026-02": "https://www.afghanverified.com/article/russian-security-"
    "council-secretary-calls-tajikistan-afghanistan-border-main-security-challenge",
    "timesca-2026-06-26": "https://timesca.com/csto-says-tajik-afghan-border-security-remains-"
    "complicated/",
    "gazeta-2025-11-27": "https://www.gazeta.ru/politics/news/2025/11/27/27279619.shtml",
    "gazeta-2025-11-24": "https://www.gazeta.ru/politics/news/2025/11/24/27257299.shtml",
    "tass-2025-12-25": "https://tass.ru/politika/26020795",
    "24kg-ru-2026-01-31": "https://24.kg/obschestvo/360065_tadjikistan_poluchit_voorujeniya_"
    "otodkb_dlya_ukrepleniya_granitsyi_safganistanom/",
    "vbkg-2026-01-31": "https://www.vb.kg/doc/454905_odkb_pristypaet_k_realizacii_mer_po_"
    "ykrepleniu_tadjiksko_afganskoy_granicy.html",
}

# Words of the project's own, which the record must not use about itself.
INTERNAL_WORDS = re.compile(r"\b(seed|brief|issues?|project|session of work)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def program() -> Program:
    return tajik_afghan_border()


def _facts(name: str) -> str:
    """A copied text of the public record, with its line wrapping undone."""
    path = FACTS / name
    return " ".join(path.read_text(encoding="utf-8").split())


def _strings(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every string in a JSON document, with its path."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, (*path, index))


def _quoted(text: str) -> list[str]:
    return re.findall(r"“([^”]+)”", text)


# ---------------------------------------------------------------------------- the files


def test_the_default_is_the_only_dataset() -> None:
    assert DEFAULT_DATASET == "tajik-afghan-border"
    assert dataset_names() == (DEFAULT_DATASET,)


def test_shipped_text_is_canonical(program: Program) -> None:
    # Edit the JSON through the model, then rewrite it in canonical form with
    # to_json(program, indent=True): the shipped file is byte-identical to that.
    text = dataset_text()
    assert text == to_json(program, indent=True)
    assert to_json(from_json(text, Program), indent=True) == text
    assert from_json(text, Program) == program
    assert json.loads(text)["schema_version"] == 3


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


def test_the_copied_facts_are_there() -> None:
    assert "Plans and progress as reported" in _facts("program-record.md")
    assert _facts("seed-article.txt").startswith("The Collective Security Council")


# ---------------------------------------------------------------------------- the program


def test_program_dates_and_term(program: Program) -> None:
    assert program.id == "tajik-afghan-border"
    assert program.adopted_on == D(2024, 11, 28)
    assert str(program.decided_on) == "2013-09-23"
    assert program.plan.id == "press-service-2025"  # the latest plan
    assert program.starts_on == D(2025, 1, 1)
    assert program.term_months == 60
    assert program.ends_on == D(2030, 1, 1)  # runs until 2029
    assert (program.organization, program.beneficiary) == ("csto", "tajikistan")


def test_counts(program: Program) -> None:
    counts = {
        name: len(getattr(program, name))
        for name in (
            "plans",
            "reports",
            "organizations",
            "people",
            "meetings",
            "statements",
            "sources",
            "notes",
        )
    }
    assert counts == {
        "plans": 3,
        "reports": 6,
        "organizations": 14,
        "people": 18,
        "meetings": 17,
        "statements": 18,
        "sources": 50,
        "notes": 25,
    }


# ---------------------------------------------------------------------------- the plans


def test_plans_match_the_record(program: Program) -> None:
    found = {
        plan.id: (
            str(plan.announced_on),
            str(plan.starts_on),
            [(str(stage.start), str(stage.end)) for stage in plan.stages],
            plan.term_months,
            plan.first_stage_months,
        )
        for plan in program.plans
    }
    assert found == PLANS
    assert [plan.id for plan in program.plans] == list(PLANS)  # the order they became known
    latest = [plan.announced_on.latest for plan in program.plans]
    assert latest == sorted(latest)


def test_stage_one_deadline_moved_by_34_days(program: Program) -> None:
    first, *later = program.plans
    assert first.stages[0].last_day == D(2025, 11, 27)
    assert [plan.stages[0].last_day for plan in later] == [D(2025, 12, 31), D(2025, 12, 31)]
    assert program.baseline is first
    assert (later[-1].stages[0].last_day - first.stages[0].last_day).days == 34


def test_latest_plan_has_three_stages_of_one_two_and_two_years(program: Program) -> None:
    windows = [(s.number, s.start, s.end, s.last_day) for s in program.stages]
    assert windows == [
        (1, D(2025, 1, 1), D(2026, 1, 1), D(2025, 12, 31)),
        (2, D(2026, 1, 1), D(2028, 1, 1), D(2027, 12, 31)),
        (3, D(2028, 1, 1), D(2030, 1, 1), D(2029, 12, 31)),
    ]
    assert program.stages[-1].end == program.ends_on
    assert all(stage.tasks and stage.sources for plan in program.plans for stage in plan.stages)


def test_plan_known_on(program: Program) -> None:
    def known(day: datetime.date) -> str | None:
        plan = program.plan_known_on(day)
        return None if plan is None else plan.id

    assert known(D(2024, 11, 10)) is None
    assert known(D(2024, 11, 11)) == "asia-plus-2024-11-25"  # first published 2024-11-11
    assert known(D(2024, 11, 25)) == "asia-plus-2024-11-25"
    assert known(D(2024, 12, 1)) == "asia-plus-2024-11-25"
    assert known(D(2024, 12, 4)) == "sputnik-2024-12-04"
    assert known(D(2025, 4, 10)) == "sputnik-2024-12-04"
    assert known(D(2025, 4, 11)) == "press-service-2025"


def test_every_plan_is_sourced_and_says_what_it_rests_on(program: Program) -> None:
    for plan in program.plans:
        assert plan.sources, plan.id
        assert PLAN_SOURCES[plan.id] in plan.sources, plan.id
        assert plan.basis.startswith("Stated ("), plan.id
    # the first plan keeps both reports of it: the earlier one dates it
    first = program.plans[0]
    assert first.sources[:2] == (FIRST_PLAN_SOURCE, FIRST_REPORT)
    assert "2024-11-11" in first.basis
    assert [plan.inferred for plan in program.plans] == [True, False, False]


def test_inferred_plan_dates_are_marked(program: Program) -> None:
    first, sputnik, press = program.plans
    # No start date was given on 2024-11-25: stage one is taken to start on the adoption day.
    assert "inferred to start on the adoption day, 2024-11-28" in first.basis
    assert "inferred" in first.stages[0].description
    # The start was stated on 2024-12-04; the split of stages two and three was not.
    assert "1 January 2025" in sputnik.basis
    assert "not stated: an even split, two years each, is inferred" in sputnik.basis
    # The press service's overlapping years for stage three are kept as a conflict.
    assert "“2027–2029”" in press.basis
    assert "conflict-stage-three-years" in press.basis


def test_the_second_plan_names_the_stages_as_sputnik_reported(program: Program) -> None:
    assert [stage.name for stage in program.plans[1].stages] == [
        "Stage 1: organisation",
        "Stage 2: delivery of arms and equipment to Tajikistan's Border Troops",
        "Stage 3: full equipping along the whole border",
    ]


def test_the_first_plan_keeps_the_first_reports_tasks(program: Program) -> None:
    first, _, press = program.plans
    assert first.stages[0].tasks == press.stages[0].tasks[:2]
    assert first.stages[1].tasks == press.stages[1].tasks[:1]


def test_the_first_reading_is_63_days_late_on_2026_01_29(program: Program) -> None:
    status = stage_status(program.plans[0].stages[0], D(2026, 1, 29))
    assert (status.state, status.days_overdue) == (StageState.OVERDUE, 63)


# ---------------------------------------------------------------------------- the reports


def test_reports_match_the_record(program: Program) -> None:
    found = {
        r.id: (
            r.stage,
            r.progress.value,
            None if r.as_of is None else str(r.as_of),
            str(r.reported_on),
            r.statement,
            r.sources,
        )
        for r in program.reports
    }
    assert found == REPORTS
    days = [r.day.sort_key for r in program.reports]
    assert days == sorted(days)  # kept in the order of the days they refer to
    assert not any(r.progress is Progress.COMPLETED for r in program.reports)  # none reported


def test_every_report_is_sourced_and_rests_on_its_statement(program: Program) -> None:
    statements = {s.id: s for s in program.statements}
    for report in program.reports:
        assert report.sources, report.id
        assert report.day.earliest <= report.reported_on.latest, report.id
        if report.statement is not None:
            statement = statements[report.statement]
            assert set(report.sources) & set(statement.sources), report.id
            assert statement.said_on.latest <= report.reported_on.latest, report.id


def test_inferred_reports_are_marked(program: Program) -> None:
    inferred = {r.id for r in program.reports if "inferred" in r.note.lower()}
    assert inferred == INFERRED_REPORTS
    assert {r.id for r in program.reports if r.inferred} == INFERRED_REPORTS
    assert all(r.note for r in program.reports)
    future = next(r for r in program.reports if r.id == "stage-2-2025-05-19")
    assert "future tense" in future.note


# ---------------------------------------------------------------------------- the status


def test_status_on_the_day_of_masadykovs_interview(program: Program) -> None:
    status = program.status(as_of=D(2026, 1, 29), known_on=D(2026, 1, 29))
    assert status.plan is not None and status.plan.id == "press-service-2025"
    one, two, three = status.stages
    assert (one.state, one.days_overdue, one.progress, one.rescheduled_days) == (
        StageState.OVERDUE,
        29,
        Progress.IN_PROGRESS,
        34,
    )
    assert (two.state, two.progress) == (StageState.ACTIVE, Progress.NOT_STARTED)
    assert (three.state, three.progress) == (StageState.UPCOMING, None)
    assert status.current_stage is not None and status.current_stage.number == 2
    assert status.reported_stage is not None and status.reported_stage.number == 1
    assert one.report is not None and one.report.id == "stage-1-2026-01-29"
    assert two.report is not None and two.report.id == "stage-2-2026-01-29"
    assert [s.id for s in one.evidence] == [
        "tasmagambetov-2025-01-29",
        "rahmon-2025-11-27",
        "semerikov-2025-12-09",
        "sarkisyan-2025-12-17",
        "masadykov-2026-01-29",
    ]
    assert [s.id for s in program.status(D(2026, 1, 28)).stages[0].evidence] == [
        "tasmagambetov-2025-01-29",
        "rahmon-2025-11-27",
        "semerikov-2025-12-09",
        "sarkisyan-2025-12-17",
    ]


def test_status_before_the_start_was_stated(program: Program) -> None:
    status = program.status(D(2024, 12, 1))
    assert status.plan is not None and status.plan.id == "asia-plus-2024-11-25"
    first = status.stages[0]
    assert first.stage.last_day == D(2025, 11, 27)
    assert (first.state, first.rescheduled_days) == (StageState.ACTIVE, 0)
    assert status.reported_stage is None


def test_status_once_the_start_was_stated(program: Program) -> None:
    status = program.status(D(2025, 3, 1))
    assert status.plan is not None and status.plan.id == "sputnik-2024-12-04"
    first = status.stages[0]
    assert first.stage.last_day == D(2025, 12, 31)
    assert first.rescheduled_days == 34


def test_status_as_known_before_the_december_reports(program: Program) -> None:
    status = program.status(D(2026, 1, 29), known_on=D(2025, 6, 1))
    one, two, _ = status.stages
    assert one.report is not None and one.report.id == "stage-1-2025-04-11"
    assert str(one.report.reported_on) == "2025-04"  # April 2025: the month only
    assert (one.state, one.progress) == (StageState.OVERDUE, Progress.IN_PROGRESS)
    assert two.report is not None and two.report.id == "stage-2-2025-05-19"
    # known on 2025-04-30, the last day the April report can have been published, not before
    assert program.status(D(2025, 4, 30)).stages[0].report is not None
    assert program.status(D(2025, 4, 29)).stages[0].report is None


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
    not_held = {
        m.id: (m.status.value, str(m.announced_on))
        for m in program.meetings
        if m.status is not MeetingStatus.HELD
    }
    assert not_held == NOT_HELD
    assert all(m.announced_on is None for m in program.meetings if m.id not in NOT_HELD)


def test_the_moscow_session_is_scheduled_and_no_report_says_it_took_place(
    program: Program,
) -> None:
    moscow = next(m for m in program.meetings if m.id == "moscow-2026-11-11")
    assert not any(s.meeting == moscow.id for s in program.statements)
    assert moscow.sources[:2] == ("gazeta-2025-11-27", "gazeta-2025-11-24")
    assert "TASS" not in moscow.description  # a later report is a note of its own day
    note = next(n for n in program.notes if n.id == "context-moscow-council-2026")
    assert note.about == (moscow.id,)
    assert "No stored report" in note.text
    # written when the sources were searched again, in December 2026: not known before
    assert str(note.noted_on) == "2026-12"
    assert known_day(program, note) == D(2026, 12, 31)
    forum = next(n for n in program.notes if n.id == "context-moscow-forum-2026")
    assert forum.sources == ("tass-2025-12-25",)
    assert known_day(program, forum) == D(2025, 12, 25)


def test_sochi_decision_is_2013_not_the_reports_year(program: Program) -> None:
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
    note = next(n for n in program.notes if n.id == "date-sochi-decision")
    assert (str(note.resolved), note.sources) == (
        "2013-09-23",
        ("asia-plus-2013-09-24", "fergana-2025-04"),
    )


def test_astana_offset_is_utc_plus_five(program: Program) -> None:
    astana = next(m for m in program.meetings if m.id == "astana-2024-11-28")
    assert astana.place is not None
    assert astana.place.utcoffset(D(2024, 11, 28)) == datetime.timedelta(hours=5)
    offsets = {
        m.place.name: m.place.utcoffset(m.starts_on.earliest) / datetime.timedelta(hours=1)
        for m in program.meetings
        if m.place is not None
    }
    assert offsets == {
        "Sochi": 4,
        "Dushanbe": 5,
        "Moscow": 3,
        "Almaty": 5,  # Kazakhstan has kept UTC+5 throughout since 2024-03-01
        "Astana": 5,
        "Bishkek": 6,
    }


def test_statements_match_the_record(program: Program) -> None:
    found = {s.id: (s.speaker, str(s.said_on), s.stages) for s in program.statements}
    assert found == STATEMENTS
    said = [s.said_on.sort_key for s in program.statements]
    assert said == sorted(said)


def test_statements_are_made_at_their_meetings(program: Program) -> None:
    meetings: dict[str, Meeting] = {m.id: m for m in program.meetings}
    without = {s.id for s in program.statements if s.meeting is None}
    assert without == TOLD_TO_THE_PRESS
    for statement in program.statements:
        if statement.meeting is None:
            continue
        meeting = meetings[statement.meeting]
        last = meeting.ends_on or meeting.starts_on
        assert meeting.starts_on.earliest <= statement.said_on.earliest <= last.latest
        roles = {p.role for p in meeting.participants if p.person == statement.speaker}
        assert roles == {statement.role}, statement.id


def test_new_speakers_and_roles(program: Program) -> None:
    people = {p.id: p for p in program.people}
    assert people["sarkisyan"].name == "Pavel Sarkisyan"
    statements = {s.id: s for s in program.statements}
    assert statements["sarkisyan-2025-12-17"].role == "Consultant of the CSTO Secretariat"
    assert statements["semerikov-2025-12-09"].role == "CSTO Deputy Secretary-General"


def test_date_resolutions(program: Program) -> None:
    found = {
        n.id: (n.stated, str(n.resolved))
        for n in program.notes
        if n.kind is NoteKind.DATE_RESOLUTION
    }
    assert found == DATE_RESOLUTIONS


def test_stated_wordings_are_verbatim_in_the_first_report() -> None:
    first_report = _facts("seed-article.txt")
    for note_id in FROM_THE_FIRST_REPORT:
        assert DATE_RESOLUTIONS[note_id][0] in first_report, note_id
    assert DATE_RESOLUTIONS["date-program-start"][0] in _facts("program-record.md")


def test_quotes_are_verbatim_in_the_facts(program: Program) -> None:
    first_report = _facts("seed-article.txt")
    record = _facts("program-record.md")
    checked = 0
    for statement in program.statements:
        if statement.kind is StatementKind.QUOTE:
            parts = [statement.text]
        else:
            parts = _quoted(statement.text)
        for part in parts:
            where = first_report if FIRST_REPORT in statement.sources else record
            assert part in where, (statement.id, part)
            checked += 1
    assert checked == 10
    quotes = [s.id for s in program.statements if s.kind is StatementKind.QUOTE]
    assert quotes == [
        "semerikov-2017-02-09",
        "sidorov-2023-02-14-isk",
        "tasmagambetov-2024-11-25-situation",
        "shoigu-2026-02-12",  # in Russian, as Interfax printed it
    ]


def test_words_in_quotation_marks_anywhere_are_verbatim(program: Program) -> None:
    texts = _facts("seed-article.txt") + " " + _facts("program-record.md")
    found = [part for _, text in _strings(json.loads(dataset_text())) for part in _quoted(text)]
    assert len(found) >= 10
    for part in found:
        assert part in texts, part


def test_conflicts_are_kept(program: Program) -> None:
    conflicts = {n.id: n for n in program.notes if n.kind is NoteKind.CONFLICT}
    assert "1,344 km" in conflicts["conflict-border-length"].text
    assert "1,374.2 km" in conflicts["conflict-border-length"].text
    assert "the first of which is designed for five years" in (
        conflicts["conflict-stage-one-length"].text
    )
    assert "2027–2029" in conflicts["conflict-stage-three-years"].text
    assert conflicts["conflict-stage-three-years"].about == ("press-service-2025",)
    assert "2013" in conflicts["conflict-discussions-since"].text


def test_the_council_may_extend_the_program(program: Program) -> None:
    note = next(n for n in program.notes if n.id == "context-council-extension")
    assert note.kind is NoteKind.CONTEXT
    assert "extend" in note.text
    assert note.sources == (SPUTNIK_TJ,)
    assert "sputnik-2024-12-04" in note.about


def test_masadykov_keeps_both_spellings(program: Program) -> None:
    person = next(p for p in program.people if p.id == "masadykov")
    assert person.name == "Talatbek Masadykov"
    assert "Taalatbek Masadykov" in person.other_names


def test_no_internal_vocabulary_in_the_record(program: Program) -> None:
    verbatim = {
        ("statements", index, "text")
        for index, s in enumerate(program.statements)
        if s.kind is StatementKind.QUOTE
    }
    for path, text in _strings(json.loads(dataset_text())):
        if path in verbatim:
            continue
        assert not INTERNAL_WORDS.search(text), (path, text)
    assert "context-first-report-assessment" in program.by_id
    assert all("seed" not in record_id for record_id in program.by_id)


# ---------------------------------------------------------------------------- the sources


def test_every_claim_has_a_source_and_every_source_is_used(program: Program) -> None:
    stages = [stage for plan in program.plans for stage in plan.stages]
    claims: list[Any] = [
        *program.plans,
        *stages,
        *program.reports,
        *program.meetings,
        *program.statements,
        *program.notes,
    ]
    for record in claims:
        assert record.sources, record
    cited = {ref for r in (*claims, *program.people, *program.organizations) for ref in r.sources}
    cited |= {ref for source in program.sources for ref in source.via}
    assert cited == {source.id for source in program.sources}


def test_reporting_chains_have_no_cycles(program: Program) -> None:
    via = {source.id: source.via for source in program.sources}

    def depth(source_id: str, seen: frozenset[str]) -> int:
        assert source_id not in seen, f"cycle through {source_id}"
        return 1 + max((depth(v, seen | {source_id}) for v in via[source_id]), default=0)

    assert max(depth(source_id, frozenset()) for source_id in via) == 2
    assert via["tass-2025-01-29"] == ("khovar-2025-01",)  # TASS carrying Khovar
    assert via["fergana-2025-04"] == ("csto-press-service-2025-04",)
    assert via["lenta-2025-12-09"] == ("sputnik-2025-12",)  # Lenta.ru carrying Sputnik


def test_nothing_is_reported_before_it_happens(program: Program) -> None:
    published = {s.id: s.published_on for s in program.sources}
    for statement in program.statements:
        for ref in statement.sources:
            day = published[ref]
            if day is not None:
                assert day.latest >= statement.said_on.earliest, (statement.id, ref)
    for report in program.reports:
        for ref in report.sources:
            day = published[ref]
            if day is not None:
                assert day.earliest <= report.reported_on.latest, (report.id, ref)
                assert day.latest >= report.day.earliest, (report.id, ref)
    for plan in program.plans:
        day = published[PLAN_SOURCES[plan.id]]
        assert day is not None and day.earliest <= plan.announced_on.latest, plan.id


def test_every_url_in_the_facts_is_recorded(program: Program) -> None:
    urls = {s.id: s.url for s in program.sources}
    for source_id, url in URLS_IN_THE_FACTS.items():
        assert urls[source_id] == url, source_id
    in_the_facts = {
        url.rstrip(".;") for url in re.findall(r"https://[^\s,)]+", _facts("program-record.md"))
    }
    assert in_the_facts == set(URLS_IN_THE_FACTS.values())


def test_urls_are_unique_and_https(program: Program) -> None:
    urls = [s.url for s in program.sources if s.url is not None]
    assert len(urls) == len(set(urls)) == 31
    assert all(url.startswith("https://") for url in urls)
    languages = {s.id: s.language for s in program.sources}
    assert {languages[s] for s in (SPUTNIK_TJ, "lenta-2025-12-09", "sputnik-kz-2025-12-17")} == {
        "ru"
    }
    assert languages["interfax-2026-01-29"] == "ru"
    assert languages["interfax-2026-02-12"] == languages["gazeta-2025-11-27"] == "ru"


# ---------------------------------------------------------------------------- a property


@given(st.dates(D(2024, 1, 1), D(2031, 12, 31)))
def test_status_on_any_day_is_consistent(day: datetime.date) -> None:
    program = load_dataset()
    status = program.status(as_of=day)
    plan = program.plan_known_on(day)
    # the plan as known on the day: its sources not yet published are left out
    assert (status.plan and status.plan.id) == (plan and plan.id)
    if plan is None:
        assert day < D(2024, 11, 11)
        assert status.stages == () and status.current_stage is None
        return
    states = [s.state for s in status.stages]
    inside = plan.starts_on <= day < plan.ends_on
    assert states.count(StageState.ACTIVE) == (1 if inside else 0)
    if status.current_stage is None:
        assert not inside
    else:
        assert states[status.current_stage.number - 1] is StageState.ACTIVE
    # No stage is reported complete: earlier stages are overdue, later ones upcoming.
    assert states == sorted(
        states, key=[StageState.OVERDUE, StageState.ACTIVE, StageState.UPCOMING].index
    )
    for stage_status_ in status.stages:
        number = stage_status_.stage.number
        assert all(s.said_on.latest <= day for s in stage_status_.evidence)
        known = [s for s in program.statements_about(number) if s.said_on.latest <= day]
        assert list(stage_status_.evidence) == known
        assert stage_status_.rescheduled_days == (0 if plan is program.plans[0] else 34)
        if stage_status_.report is not None:
            assert stage_status_.report.reported_on.latest <= day
            assert stage_status_.report.day.earliest <= day
        if stage_status_.state is StageState.OVERDUE:
            expected = day.toordinal() - stage_status_.stage.last_day.toordinal()
            assert stage_status_.days_overdue == expected
