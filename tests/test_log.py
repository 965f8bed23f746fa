"""``csto-program log`` and :func:`csto_program.news.log_article`: one article in, checked
whole, written atomically (or not at all)."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csto_program import DataError, PartialDate, Person, Progress, from_json, to_json
from csto_program.datasets import tajik_afghan_border
from csto_program.model import Program
from csto_program.news import Article, ReportSpec, log_article, make_id
from csto_program.status import StageState

SUMMIT = [
    "--outlet",
    "Example News",
    "--published-on",
    "2026-11-27",
    "--title",
    "CSTO summit: the first stage of the border program is complete",
    "--speaker",
    "Masadykov",
    "--quote",
    "the first stage has been completed and the second has begun",
    "--report",
    "1=completed@2026-01-29/2026-11-27",
    "--report",
    "2=in_progress",
    "--as-of",
    "2026-12-06",
]
DAY = datetime.date(2026, 12, 6)
# the headline as of DAY before the article: the newest report, of 2026-01-29, is stale
BEFORE = (
    "planned: stage 2 of 3; reported: stage 1 in progress (2026-01-29); "
    "no progress report for 311 days (since 2026-01-29)"
)
_RECORD = tajik_afghan_border()
# where records added to the embedded record go
STATEMENT = f"$.statements[{len(_RECORD.statements)}]"
SOURCE = f"$.sources[{len(_RECORD.sources)}]"
REPORT = f"$.reports[{len(_RECORD.reports)}]"


@pytest.fixture
def record_file(tmp_path: Path) -> Path:
    path = tmp_path / "record.json"
    path.write_text(to_json(tajik_afghan_border(), indent=True), encoding="utf-8")
    return path


def read(path: Path) -> Program:
    return from_json(path.read_bytes(), Program)


def test_one_command_logs_the_summit_article(run, record_file: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("log", record_file, *SUMMIT)
    assert result.code == 0, result.err
    program = read(record_file)
    stages = program.status(DAY).stages
    assert stages[0].state is StageState.COMPLETED_LATE
    assert stages[0].progress is Progress.COMPLETED
    assert stages[0].report is not None
    assert stages[0].report.as_of == PartialDate.parse("2026-01-29/2026-11-27")
    assert stages[1].progress is Progress.IN_PROGRESS
    statement = program.by_id["masadykov-2026-11-27"]
    assert statement.text == "the first stage has been completed and the second has begun"
    assert statement.stages == (1, 2)
    assert statement.role == "CSTO Secretary-General"  # the role last recorded
    for ident in ("stage-1-2026-11-27", "stage-2-2026-11-27"):
        report = program.by_id[ident]
        assert report.sources == ("example-news-2026-11-27",)
        assert report.statement == "masadykov-2026-11-27"
        assert str(report.reported_on) == "2026-11-27"
    # written in canonical form, through the one writer
    assert record_file.read_text(encoding="utf-8") == to_json(program, indent=True)
    lines = result.out.splitlines()
    assert lines[0] == f"Added to {record_file}:"
    assert "  source example-news-2026-11-27: Example News, 2026-11-27: CSTO summit" in result.out
    assert (
        "  report stage-1-2026-11-27: stage 1 completed "
        "(as of a day between 2026-01-29 and 2026-11-27), reported 2026-11-27" in lines
    )
    assert lines[-3] == "Headline as of 2026-12-06, as known on 2026-12-06:"
    assert lines[-2] == f"  before: {BEFORE}"
    assert (
        lines[-1] == "  after:  planned: stage 2 of 3; reported: stage 2 in progress (2026-11-27)"
    )


def test_status_then_has_stage_1_completed_between_two_days(run, record_file: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("log", record_file, *SUMMIT).code == 0
    stages = read(record_file).status(DAY).stages
    assert stages[0].completed_on == PartialDate.parse("2026-01-29/2026-11-27")
    assert stages[0].late_days == (29, 331)
    assert stages[1].state is StageState.ACTIVE
    assert stages[1].progress is Progress.IN_PROGRESS


def test_status_then_says_stage_1_completed_between_two_days(run, record_file: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("log", record_file, *SUMMIT).code == 0
    result = run("status", record_file, "--as-of", "2026-12-06")
    assert result.code == 0, result.err
    assert "between 2026-01-29 and 2026-11-27" in result.out
    status = json.loads(run("status", record_file, "--as-of", "2026-12-06", "--json").out)
    assert status["stages"][0]["completed_on"] == "2026-01-29/2026-11-27"


def test_dry_run_leaves_the_file_byte_identical(run, record_file: Path) -> None:  # type: ignore[no-untyped-def]
    before = record_file.read_bytes()
    stat = record_file.stat()
    result = run("log", record_file, *SUMMIT, "--dry-run")
    assert result.code == 0, result.err
    assert record_file.read_bytes() == before
    assert record_file.stat().st_mtime_ns == stat.st_mtime_ns
    assert result.out.splitlines()[0] == f"Would add to {record_file} (dry run: nothing written):"
    assert "report stage-1-2026-11-27: stage 1 completed" in result.out


def test_json_gives_what_was_added_and_the_headlines(run, record_file: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("log", record_file, *SUMMIT, "--dry-run", "--json")
    data = json.loads(result.out)
    assert data["added"] == {
        "statements": ["masadykov-2026-11-27"],
        "reports": ["stage-1-2026-11-27", "stage-2-2026-11-27"],
        "sources": ["example-news-2026-11-27"],
    }
    assert data["headline"] == {
        "before": BEFORE,
        "after": "planned: stage 2 of 3; reported: stage 2 in progress (2026-11-27)",
    }
    assert data["dry_run"] is True and data["as_of"] == "2026-12-06"


def test_an_unknown_speaker_fails_with_a_suggestion(run, record_file: Path) -> None:  # type: ignore[no-untyped-def]
    before = record_file.read_bytes()
    args = [a if a != "Masadykov" else "Masadykof" for a in SUMMIT]
    result = run("log", record_file, *args)
    assert result.code == 1
    assert result.out == ""
    assert result.err == (
        f"error: {record_file}: {STATEMENT}.speaker: unknown speaker 'Masadykof'; "
        "did you mean 'masadykov' (Talatbek Masadykov)?\n"
    )
    assert record_file.read_bytes() == before


def test_an_ambiguous_speaker_lists_the_candidates(run, record_file: Path) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "log",
        record_file,
        "--outlet",
        "X",
        "--published-on",
        "2026-11-27",
        "--speaker",
        "rahmon yusuf ahmadzoda",
        "--quote",
        "Words.",
    )
    assert result.code == 0, result.err  # a whole other name decides
    result = run(
        "log",
        record_file,
        "--outlet",
        "X",
        "--published-on",
        "2026-11-28",
        "--speaker",
        "CSTO Secretary-General",
        "--quote",
        "Words.",
    )
    assert result.code == 1
    assert "ambiguous speaker 'CSTO Secretary-General'" in result.err
    assert "'masadykov' (Talatbek Masadykov)" in result.err


def test_every_problem_is_reported_in_one_run(run, record_file: Path) -> None:  # type: ignore[no-untyped-def]
    before = record_file.read_bytes()
    result = run(
        "log",
        record_file,
        "--outlet",
        "Example",
        "--published-on",
        "2026-11-27",
        "--url",
        "not a url",
        "--speaker",
        "Masadykof",
        "--quote",
        "x",
        "--meeting",
        "astana-2024-11-29",
        "--report",
        "7=completed",
    )
    assert result.code == 1
    lines = result.err.splitlines()
    prefix = f"error: {record_file}: "
    assert all(line.startswith(prefix) for line in lines)
    paths = [line[len(prefix) :].split(":")[0] for line in lines]
    assert set(paths) == {
        STATEMENT + ".speaker",
        STATEMENT + ".meeting",
        STATEMENT + ".stages[0]",
        REPORT + ".stage",
        SOURCE + ".url",
    }
    assert "did you mean 'astana-2024-11-28'?" in result.err
    assert record_file.read_bytes() == before


def test_the_source_id_is_unique_in_the_record(run, record_file: Path) -> None:  # type: ignore[no-untyped-def]
    for _ in range(2):
        assert (
            run("log", record_file, "--outlet", "Asia-Plus", "--published-on", "2024-11-25").code
            == 0
        )
    ids = [s.id for s in read(record_file).sources]
    # a plan has the id asia-plus-2024-11-25: ids are unique across collections
    assert ids[-2:] == ["asia-plus-2024-11-25-2", "asia-plus-2024-11-25-3"]


def test_a_cited_source_dates_the_reports(run, record_file: Path) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "log",
        record_file,
        "--source",
        "lenta-2025-12-09",
        "--report",
        "1=in_progress",
        "--inferred",
        "--report-note",
        "why",
        "--json",
    )
    assert result.code == 0, result.err
    assert json.loads(result.out)["added"] == {"reports": ["stage-1-2025-12-09-2"]}
    report = read(record_file).by_id["stage-1-2025-12-09-2"]
    assert str(report.reported_on) == "2025-12-09"
    assert report.statement is None and report.note == "why"
    assert report.inferred


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--report", "1=done"], "unknown progress 'done'"),
        (["--report", "one=completed"], "expected N=PROGRESS[@AS_OF]"),
        (["--report", "1=completed@2026-13"], "month 13"),
    ],
)
def test_a_bad_report_option_is_a_usage_error(run, record_file: Path, args, message) -> None:  # type: ignore[no-untyped-def]
    result = run("log", record_file, "--outlet", "X", *args)
    assert result.code == 2
    assert message in result.err


def test_standard_input_cannot_be_rewritten(run) -> None:  # type: ignore[no-untyped-def]
    result = run("log", "-", "--outlet", "X")
    assert result.code == 2
    assert "give a file name" in result.err


def test_a_file_that_cannot_be_read_is_exit_1(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("log", tmp_path / "missing.json", "--outlet", "X")
    assert result.code == 1
    assert not (tmp_path / "missing.json").exists()


# --------------------------------------------------------------------------- the library


def problems(article: Article) -> list[tuple[str, str]]:
    with pytest.raises(DataError) as caught:
        log_article(tajik_afghan_border(), article)
    return list(caught.value.problems)


def test_what_a_statement_needs() -> None:
    assert problems(Article(outlet="X", published_on="2026", quote="Words.")) == [
        ("$", "a quote, a paraphrase, a role or a day said needs a speaker")
    ]
    assert problems(Article(outlet="X", published_on="2026", speaker="masadykov")) == [
        (STATEMENT + ".text", "a statement needs a quote or a paraphrase")
    ]
    assert problems(
        Article(outlet="X", published_on="2026", speaker="masadykov", quote="a", paraphrase="b")
    ) == [(STATEMENT + ".text", "give a quote or a paraphrase, not both")]
    assert problems(Article(outlet="X", speaker="masadykov", quote="a")) == [
        (STATEMENT + ".said_on", "give the day it was said or published")
    ]
    program = tajik_afghan_border().add(Person(id="newcomer", name="A Newcomer"))
    with pytest.raises(DataError) as caught:
        log_article(program, Article(outlet="X", speaker="newcomer", quote="a", said_on="2017"))
    assert caught.value.problems == (
        (STATEMENT + ".role", "no role is recorded for 'newcomer'; give one"),
    )


def test_a_paraphrase_and_a_given_role() -> None:
    logged = log_article(
        tajik_afghan_border(),
        Article(
            outlet="X",
            published_on="2017-02",
            speaker="qahhorov",
            role="Secretary",
            paraphrase="He spoke.",
            stages=(1,),
            statement_id="q-1",
            statement_language="ru",
        ),
    )
    statement = logged.program.by_id["q-1"]
    assert statement.kind.value == "paraphrase"
    assert statement.language == "ru"
    assert (statement.role, statement.stages, str(statement.said_on)) == (
        "Secretary",
        (1,),
        "2017-02",
    )


def test_the_role_defaults_to_the_last_one_recorded() -> None:
    program = tajik_afghan_border()
    logged = log_article(
        program, Article(outlet="X", published_on="2026", speaker="lukashenko", quote="Words.")
    )  # a participant of a meeting
    assert logged.program.by_id["lukashenko-2026"].role == "President of Belarus"


def test_what_a_source_needs() -> None:
    assert problems(Article(outlet="X", reports=(ReportSpec(1, Progress.COMPLETED),))) == [
        (REPORT + ".reported_on", "a progress report needs the day the source was published")
    ]
    assert problems(Article(source="lenta-2025-12-09", outlet="X")) == [
        ("$", "give either an existing source's id or a new source, not both")
    ]
    assert problems(Article(source="lenta-2025-12-90")) == [
        ("$", "no source 'lenta-2025-12-90' in the record; did you mean 'lenta-2025-12-09'?")
    ]
    assert problems(Article(source="nothing-like-it")) == [
        ("$", "no source 'nothing-like-it' in the record")
    ]
    assert problems(Article(outlet="X", source_id="masadykov")) == [
        (SOURCE + ".id", "id 'masadykov' is already used")
    ]


def test_the_program_given_is_unchanged() -> None:
    program = tajik_afghan_border()
    logged = log_article(program, Article(outlet="X", published_on="2026-11-27"))
    assert len(logged.program.sources) == len(program.sources) + 1
    assert dict(logged.added) == {"sources": ("x-2026-11-27",)}


_ID = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")


@given(st.text(max_size=30), st.sets(st.text(alphabet="ab-2", max_size=6), max_size=8))
def test_make_id_makes_an_unused_id(base: str, taken: set[str]) -> None:
    made = make_id(base, taken)
    assert made not in taken
    assert _ID.fullmatch(made)


def test_a_report_spec_reads_partial_days_and_intervals() -> None:
    assert ReportSpec.parse(" 2 = not_started @ 2026 ") == ReportSpec(
        2, Progress.NOT_STARTED, "2026"
    )
    with pytest.raises(ValueError, match="expected N=PROGRESS"):
        ReportSpec.parse("1:completed")


def test_the_report_type_takes_a_spec_as_is() -> None:
    from csto_program.cli._log import ReportType

    spec = ReportSpec(1, Progress.COMPLETED)
    assert ReportType().convert(spec, None, None) is spec


def test_a_completion_that_may_come_after_the_day_described(run, record_file: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("log", record_file, *SUMMIT).code == 0
    result = run("status", record_file, "--as-of", "2026-06-01", "--known-on", "2026-12-06")
    assert result.code == 0, result.err
    text = " ".join(result.out.split())
    assert (
        "completed late between 2026-01-29 and 2026-11-27 (perhaps not yet by 2026-06-01)" in text
    )
    assert "152" not in text  # the days to 2026-06-01, not those of the range printed
