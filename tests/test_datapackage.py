"""The data package export: CSV tables and datapackage.json, checked with frictionless and
DuckDB, read back (round trip, spreadsheet edits, bad rows) and written atomically."""

from __future__ import annotations

import csv
import datetime
import json
import os
import pathlib
import shutil
from collections.abc import Callable
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csto_program import (
    DataError,
    Meeting,
    MeetingKind,
    Note,
    NoteKind,
    Organization,
    PartialDate,
    Participant,
    Person,
    Place,
    Plan,
    Program,
    Progress,
    ProgressReport,
    Source,
    Statement,
    StatementKind,
    _files,
    plan_stages,
)
from csto_program.datasets import tajik_afghan_border
from csto_program.dates import Qualifier
from csto_program.errors import FileError
from csto_program.export import write
from csto_program.export.datapackage import (
    DESCRIPTOR,
    PROFILE,
    TABLES,
    from_datapackage,
    to_datapackage,
    write_datapackage,
)
from support import untraced

# --------------------------------------------------------------------------- programs

# Cells that CSV and spreadsheets find hard: separators, quotes, line ends, NUL, non-ASCII.
_HARD = st.sampled_from(list(",\";\r\n\t\x00 é日\u2028=+-@'|"))  # and formula starts
_TEXTS = st.text(_HARD | st.characters(exclude_categories=["Cs"]), max_size=10).map(
    lambda text: text if text.strip() else text + "x"
)
_FREE = st.text(_HARD, max_size=6)  # may be empty
_PARTIAL = st.builds(
    lambda year, month, day, qualifier: PartialDate(
        year, month, None if month is None else day, qualifier
    ),
    st.integers(1, 9999),
    st.none() | st.integers(1, 12),
    st.none() | st.integers(1, 28),
    st.none() | st.sampled_from(Qualifier),
)


@st.composite
def _local_programs(draw: st.DrawFn) -> Program:
    """Small valid programs with a record of every kind and list fields now and then, their
    texts full of what CSV finds hard; an abbreviation is None, "" or text."""

    def some(prefix: str, count: int, most: int = 2) -> tuple[str, ...]:
        if not count:
            return ()
        picks = draw(st.lists(st.integers(0, count - 1), max_size=most))
        return tuple(f"{prefix}{i}" for i in picks)

    def texts(most: int = 2) -> tuple[str, ...]:
        return tuple(draw(st.lists(_TEXTS, max_size=most)))

    n_sources, n_orgs, n_people, n_meetings = (draw(st.integers(0, 3)) for _ in range(4))
    sources = tuple(
        Source(
            id=f"s{i}",
            outlet=draw(_TEXTS),
            published_on=draw(st.none() | _PARTIAL),
            url=draw(st.none() | st.just('https://example.org/a,b?c="d"')),
            title=draw(_FREE),
            language=draw(st.none() | st.just("ru")),
            via=tuple(sorted(set(some("s", i)))),
            note=draw(_FREE),
        )
        for i in range(n_sources)
    )
    start = draw(st.dates(datetime.date(1900, 1, 1), datetime.date(2500, 1, 1)))
    plans = []
    for k in range(draw(st.integers(1, 2))):
        stages = plan_stages(start + datetime.timedelta(days=40 * k))
        stages = tuple(
            attrs.evolve(
                stage, tasks=texts(), description=draw(_FREE), sources=some("s", n_sources)
            )
            for stage in stages
        )
        plans.append(
            Plan(
                id=f"plan-{k}",
                announced_on=PartialDate(start.year + k),
                starts_on=stages[0].start,
                stages=stages,
                basis=draw(_FREE),
                sources=some("s", n_sources),
                note=draw(_FREE),
            )
        )
    organizations = tuple(
        Organization(
            id=f"o{i}",
            name=draw(_TEXTS),
            other_names=texts(),
            abbreviation=draw(st.none() | st.just("") | _TEXTS),
            classification=draw(_FREE),
            parent=draw(st.none() | st.just("o0")),
            sources=some("s", n_sources),
        )
        for i in range(n_orgs)
    )
    people = tuple(
        Person(
            id=f"p{i}",
            name=draw(_TEXTS),
            other_names=texts(),
            description=draw(_FREE),
            sources=some("s", n_sources),
        )
        for i in range(n_people)
    )
    place = st.none() | st.builds(Place, _TEXTS, st.just("TJ"), st.just("Asia/Dushanbe"))

    def participants() -> tuple[Participant, ...]:
        found = []
        for _ in range(draw(st.integers(0, 2))):
            person = draw(st.none() | st.sampled_from(some("p", n_people) or (None,)))
            organization = draw(st.none() | st.sampled_from(some("o", n_orgs) or (None,)))
            if person is not None or organization is not None:
                found.append(
                    Participant(role=draw(_TEXTS), person=person, organization=organization)
                )
        return tuple(found)

    meetings = tuple(
        Meeting(
            id=f"m{i}",
            title=draw(_TEXTS),
            kind=draw(st.sampled_from(MeetingKind)),
            starts_on=draw(_PARTIAL),
            place=draw(place),
            decisions=texts(),
            organizer=(draw(st.none() | st.just("o0")) if n_orgs else None),
            participants=participants(),
            description=draw(_FREE),
            sources=some("s", n_sources),
        )
        for i in range(n_meetings)
    )
    statements = tuple(
        Statement(
            id=f"st{i}",
            speaker=f"p{i % n_people}",
            role=draw(_TEXTS),
            said_on=draw(_PARTIAL),
            text=draw(_TEXTS),
            kind=draw(st.sampled_from(StatementKind)),
            stages=tuple(draw(st.lists(st.integers(1, 3), max_size=3, unique=True))),
            meeting="m0" if n_meetings and draw(st.booleans()) else None,
            topics=texts(),
            sources=some("s", n_sources),
            note=draw(_FREE),
        )
        for i in range(draw(st.integers(0, 3)) if n_people else 0)
    )
    reports = tuple(
        ProgressReport(
            id=f"r{i}",
            stage=draw(st.integers(1, 3)),
            progress=draw(st.sampled_from(Progress)),
            reported_on=draw(_PARTIAL),
            as_of=draw(st.none() | _PARTIAL),
            statement="st0" if statements and draw(st.booleans()) else None,
            sources=some("s", n_sources),
            note=draw(_FREE),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    ids = [r.id for group in (plans, people, meetings, statements, sources) for r in group]
    notes = tuple(
        Note(
            id=f"n{i}",
            kind=draw(st.sampled_from(NoteKind)),
            text=draw(_TEXTS),
            about=tuple(draw(st.lists(st.sampled_from(ids), max_size=2))),
            stated=draw(_FREE),
            resolved=draw(st.none() | _PARTIAL),
            sources=some("s", n_sources),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    return Program(
        id="program",
        title=draw(_TEXTS),
        adopted_on=start,
        plans=tuple(plans),
        other_names=texts(),
        description=draw(_FREE),
        decided_on=draw(st.none() | _PARTIAL),
        organization="o0" if n_orgs else None,
        organizations=organizations,
        people=people,
        meetings=meetings,
        statements=statements,
        reports=reports,
        sources=sources,
        notes=notes,
    )


try:
    from csto_program.strategies import programs as shared_programs
except ImportError:  # the shared strategies are being rewritten for the model with plans
    PROGRAMS = _local_programs()
else:
    PROGRAMS = st.one_of(_local_programs(), shared_programs())


@pytest.fixture(scope="module")
def program() -> Program:
    return tajik_afghan_border()


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory, program: Program) -> pathlib.Path:
    folder = tmp_path_factory.mktemp("written") / "package"
    to_datapackage(program, folder)
    return folder


@pytest.fixture
def package(tmp_path: pathlib.Path, written: pathlib.Path) -> pathlib.Path:
    """A copy of the embedded record's package, for one test to edit."""
    folder = tmp_path / "package"
    shutil.copytree(written, folder)
    return folder


def _read_rows(path: pathlib.Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.reader(stream))


def _write_rows(path: pathlib.Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream, lineterminator="\r\n").writerows(rows)


def _edit(folder: pathlib.Path, file: str, row: int, column: str, value: str) -> None:
    """Set one cell as a spreadsheet would; ``row`` counts the header as row 1."""
    rows = _read_rows(folder / file)
    rows[row - 1][rows[0].index(column)] = value
    _write_rows(folder / file, rows)


def _paths(exc: pytest.ExceptionInfo[DataError]) -> list[str]:
    return [path for path, _ in exc.value.problems]


def _snapshot(folder: pathlib.Path) -> dict[str, bytes]:
    return {entry.name: entry.read_bytes() for entry in sorted(folder.iterdir())}


# --------------------------------------------------------------------------- the tables


def test_files_and_format(package: pathlib.Path, program: Program) -> None:
    assert sorted(os.listdir(package)) == sorted([DESCRIPTOR, *(t.file for t in TABLES)])
    raw = (package / "statements.csv").read_bytes()
    assert raw.startswith(b"id,speaker,role,said_on,said_on_earliest,said_on_latest,text,")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    rows = _read_rows(package / "statements.csv")
    first = program.statements[0]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["said_on"] == str(first.said_on)
    assert row["said_on_earliest"] == first.said_on.earliest.isoformat()
    assert row["said_on_latest"] == first.said_on.latest.isoformat()
    plans = dict(zip(*_read_rows(package / "plans.csv")[:2], strict=True))
    assert plans["starts_on"] == program.plans[0].starts_on.isoformat()


def test_descriptor_is_derived_from_the_specs(package: pathlib.Path) -> None:
    document = json.loads((package / DESCRIPTOR).read_text(encoding="utf-8"))
    assert document["$schema"] == PROFILE
    resources = {resource["name"]: resource for resource in document["resources"]}
    statements = resources["statements"]["schema"]
    fields = {field["name"]: field for field in statements["fields"]}
    assert statements["primaryKey"] == ["id"]
    assert fields["said_on"]["type"] == "string"
    assert fields["said_on"]["constraints"]["required"] is True
    assert fields["said_on"]["description"].startswith("When it was said (EDTF).")
    assert fields["said_on_earliest"]["type"] == "date"
    assert fields["kind"]["constraints"]["enum"] == ["quote", "paraphrase"]
    assert "required" not in fields.get("meeting", {}).get("constraints", {})
    keys = {(tuple(k["fields"]), k["reference"]["resource"]) for k in statements["foreignKeys"]}
    assert keys == {
        (("speaker",), "people"),
        (("on_behalf_of",), "organizations"),
        (("meeting",), "meetings"),
    }
    stages = resources["stages"]["schema"]
    assert stages["primaryKey"] == ["plan_id", "number"]
    number = next(f for f in stages["fields"] if f["name"] == "number")
    assert (number["type"], number["constraints"]["minimum"]) == ("integer", 1)
    links = resources["statement_stages"]["schema"]
    assert links["primaryKey"] == ["statement_id", "stage"]
    assert {k["reference"]["resource"] for k in links["foreignKeys"]} == {
        "statements",
        "stage_numbers",
    }
    reports = resources["reports"]["schema"]
    assert {"fields": ["statement"], "reference": {"resource": "statements", "fields": ["id"]}} in (
        reports["foreignKeys"]
    )


# --------------------------------------------------------------------------- frictionless


def _frictionless_report(
    folder: pathlib.Path, only: set[str] | None = None
) -> tuple[bool, list[str]]:
    """Validate the package (types, constraints, primary and foreign keys) with frictionless;
    ``only`` keeps those tables (frictionless takes about 0.1 s a table)."""
    frictionless = pytest.importorskip(
        "frictionless", reason="frictionless (the test extra) validates the package"
    )
    package = frictionless.Package(str(folder / DESCRIPTOR))
    for name in [r.name for r in package.resources if only is not None and r.name not in only]:
        package.remove_resource(name)
    with untraced():
        report = package.validate()
    errors = [f"{error.type}: {error.message}" for error in report.errors]
    for task in report.tasks:
        errors += [f"{task.name}: {error.type}: {error.message}" for error in task.errors]
    return report.valid, errors


def test_frictionless_validates_the_embedded_record(package: pathlib.Path) -> None:
    valid, errors = _frictionless_report(package)
    assert valid, "\n".join(errors)


def test_frictionless_checks_the_foreign_keys(package: pathlib.Path) -> None:
    # The same package with a dangling speaker and an unknown stage number is invalid:
    # the foreign keys are checked, not just declared.
    _edit(package, "statements.csv", 2, "speaker", "nobody")
    _edit(package, "statement_stages.csv", 2, "stage", "99")
    tables = {"statements", "people", "organizations", "meetings"}
    valid, errors = _frictionless_report(package, tables | {"statement_stages", "stage_numbers"})
    assert not valid
    assert [e.split(":")[:2] for e in errors if "foreign-key" in e] == [
        ["statements", " foreign-key"],
        ["statement_stages", " foreign-key"],
    ]


@settings(max_examples=2)  # a full validation takes 2-3 s
@given(PROGRAMS)
def test_frictionless_validates_generated_programs(program: Program) -> None:
    pytest.importorskip("frictionless", reason="frictionless (the test extra) validates")
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        to_datapackage(program, folder)
        valid, errors = _frictionless_report(pathlib.Path(folder))
    assert valid, "\n".join(errors)


# --------------------------------------------------------------------------- DuckDB


def _expected_counts(program: Program) -> dict[str, int]:
    """Rows per table, counted from the objects (not from the module's own tables)."""
    plans, meetings, statements = program.plans, program.meetings, program.statements
    stages = [stage for plan in plans for stage in plan.stages]

    def items(records: Any, name: str) -> int:
        return sum(len(getattr(record, name)) for record in records)

    return {
        "programs": 1,
        "program_other_names": len(program.other_names),
        "plans": len(plans),
        "plan_sources": items(plans, "sources"),
        "stages": len(stages),
        "stage_tasks": items(stages, "tasks"),
        "stage_sources": items(stages, "sources"),
        "stage_numbers": len({stage.number for stage in stages}),
        "organizations": len(program.organizations),
        "organization_other_names": items(program.organizations, "other_names"),
        "organization_sources": items(program.organizations, "sources"),
        "people": len(program.people),
        "person_other_names": items(program.people, "other_names"),
        "person_sources": items(program.people, "sources"),
        "meetings": len(meetings),
        "meeting_decisions": items(meetings, "decisions"),
        "meeting_sources": items(meetings, "sources"),
        "participants": items(meetings, "participants"),
        "statements": len(statements),
        "statement_stages": items(statements, "stages"),
        "statement_topics": items(statements, "topics"),
        "statement_sources": items(statements, "sources"),
        "statement_original": items(statements, "original"),
        "program_names": len(program.names),
        "organization_names": items(program.organizations, "names"),
        "person_names": items(program.people, "names"),
        "meeting_place_names": items([m.place for m in meetings if m.place], "names"),
        "reports": len(program.reports),
        "report_sources": items(program.reports, "sources"),
        "sources": len(program.sources),
        "source_via": items(program.sources, "via"),
        "notes": len(program.notes),
        "note_about": items(program.notes, "about"),
        "note_sources": items(program.notes, "sources"),
    }


def test_duckdb_row_counts_and_joins(package: pathlib.Path, program: Program) -> None:
    duckdb = pytest.importorskip("duckdb", reason="duckdb (the test extra) loads the tables")
    con = duckdb.connect()
    for table in TABLES:
        path = str(package / table.file).replace("'", "''")
        con.execute(
            f"CREATE VIEW {table.name} AS SELECT * FROM read_csv('{path}', header = true, "
            "delim = ',', quote = '\"', escape = '\"', all_varchar = true)"
        )
    expected = _expected_counts(program)
    assert set(expected) == {table.name for table in TABLES}
    counts = {
        table.name: con.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0]
        for table in TABLES
    }
    assert counts == expected
    per_stage = con.execute(
        "SELECT CAST(n.number AS INTEGER), count(s.statement_id) FROM stage_numbers n "
        "LEFT JOIN statement_stages s ON s.stage = n.number GROUP BY n.number ORDER BY 1"
    ).fetchall()
    numbers = sorted({stage.number for plan in program.plans for stage in plan.stages})
    assert per_stage == [(n, len(program.statements_about(n))) for n in numbers]
    assert sum(count for _, count in per_stage) > 0
    speakers = con.execute(
        "SELECT s.id, p.name FROM statements s JOIN people p ON p.id = s.speaker ORDER BY s.id"
    ).fetchall()
    names = {person.id: person.name for person in program.people}
    assert speakers == sorted((s.id, names[s.speaker]) for s in program.statements)
    deadlines = con.execute(
        'SELECT plan_id, CAST(number AS INTEGER), CAST("end" AS DATE) - 1 FROM stages '
        "ORDER BY plan_id, 2"
    ).fetchall()
    assert deadlines == sorted(
        (plan.id, stage.number, stage.last_day) for plan in program.plans for stage in plan.stages
    )


# --------------------------------------------------------------------------- reading back


def test_round_trip_of_the_embedded_record(package: pathlib.Path, program: Program) -> None:
    assert from_datapackage(package) == program
    assert from_datapackage(package / DESCRIPTOR) == program


@settings(max_examples=20)
@given(PROGRAMS)
def test_round_trip(program: Program) -> None:
    import tempfile

    # Durability is not the point here, and fsync is three quarters of a write.
    with tempfile.TemporaryDirectory() as folder, mock.patch("os.fsync"):
        target = os.path.join(folder, "package")
        to_datapackage(program, target)
        assert from_datapackage(target) == program


def test_empty_abbreviation_is_not_lost(tmp_path: pathlib.Path, program: Program) -> None:
    organizations = (
        Organization(id="blank", name="Blank", abbreviation=""),
        Organization(id="none", name="None"),
        Organization(id="csto-x", name="CSTO", abbreviation="CSTO"),
    )
    changed = attrs.evolve(program, organizations=(*program.organizations, *organizations))
    to_datapackage(changed, tmp_path / "p")
    rows = _read_rows(tmp_path / "p" / "organizations.csv")
    cells = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert [cells[o.id]["abbreviation_empty"] for o in organizations] == ["true", "", ""]
    assert from_datapackage(tmp_path / "p") == changed


def test_an_edited_cell_loads_back(package: pathlib.Path, program: Program) -> None:
    rows = _read_rows(package / "statements.csv")
    column = rows[0].index("text")
    rows[2][column] = 'A new text, with "quotes", a comma\r\nand a second line.'
    _write_rows(package / "statements.csv", rows)
    loaded = from_datapackage(package)
    statements = list(program.statements)
    statements[1] = attrs.evolve(statements[1], text=rows[2][column])
    assert loaded == attrs.evolve(program, statements=tuple(statements))


def test_spreadsheet_habits_are_accepted(package: pathlib.Path, program: Program) -> None:
    # Columns in another order, a byte order mark, blank rows, and derived date columns
    # left empty after the date is changed.
    rows = _read_rows(package / "statements.csv")
    order = list(reversed(range(len(rows[0]))))
    shuffled = [[row[i] for i in order] for row in rows]
    header = shuffled[0]
    shuffled[1][header.index("said_on")] = "2017-02"
    shuffled[1][header.index("said_on_earliest")] = ""
    shuffled[1][header.index("said_on_latest")] = ""
    shuffled.append([""] * len(header))
    _write_rows(package / "statements.csv", shuffled)
    raw = (package / "statements.csv").read_bytes()
    (package / "statements.csv").write_bytes(b"\xef\xbb\xbf" + raw + b"\r\n")
    loaded = from_datapackage(package)
    first = attrs.evolve(program.statements[0], said_on="2017-02")
    assert loaded == attrs.evolve(program, statements=(first, *program.statements[1:]))


def test_list_order_comes_from_index(package: pathlib.Path, program: Program) -> None:
    rows = _read_rows(package / "note_about.csv")
    header, body = rows[0], rows[1:]
    _write_rows(package / "note_about.csv", [header, *reversed(body)])
    assert from_datapackage(package) == program


# --------------------------------------------------------------------------- bad packages


def test_bad_rows_are_reported_with_file_row_and_column(package: pathlib.Path) -> None:
    _edit(package, "statements.csv", 3, "said_on", "2025-02-30")
    _edit(package, "statements.csv", 4, "speaker", "nobody")
    _edit(package, "statement_stages.csv", 2, "statement_id", "no-such-statement")
    _edit(package, "stages.csv", 3, "number", "two")
    _edit(package, "meetings.csv", 2, "starts_on_earliest", "1999-01-01")
    with pytest.raises(DataError) as exc:
        from_datapackage(package)
    assert _paths(exc) == [
        "stages.csv: row 3: number",
        "meetings.csv: row 2: starts_on_earliest",
        "statements.csv: row 3: said_on",
        "statements.csv: row 4: speaker",
        "statement_stages.csv: row 2: statement_id",
    ]
    problems = dict(exc.value.problems)
    assert "day 30 is out of range" in problems["statements.csv: row 3: said_on"]
    assert "'nobody'" in problems["statements.csv: row 4: speaker"]
    assert "not in statements.csv" in problems["statement_stages.csv: row 2: statement_id"]
    assert "statements.csv: row 3: said_on: " in str(exc.value)


def test_model_rules_map_to_cells(package: pathlib.Path, program: Program) -> None:
    # A duplicate id, a stage ending before it starts, an unknown stage number.
    second = program.statements[1].id
    _edit(package, "statements.csv", 2, "id", second)
    _edit(package, "stages.csv", 2, "end", "2000-01-01")
    _edit(package, "reports.csv", 2, "stage", "0")
    with pytest.raises(DataError) as exc:
        from_datapackage(package)
    paths = _paths(exc)
    assert "stages.csv: row 2: end" in paths
    assert "reports.csv: row 2: stage" in paths
    assert any(path.startswith("statements.csv: row ") and path.endswith(": id") for path in paths)


@pytest.mark.parametrize(
    ("damage", "path", "words"),
    [
        (lambda f: (f / "people.csv").unlink(), "people.csv", "missing"),
        (lambda f: (f / DESCRIPTOR).unlink(), DESCRIPTOR, "missing"),
        (lambda f: (f / "people.csv").write_bytes(b""), "people.csv", "empty"),
        (lambda f: (f / "people.csv").write_bytes(b"id,name\xff\r\n"), "people.csv", "UTF-8"),
        (
            lambda f: (f / "people.csv").write_bytes(b'id,name,description\r\n"a"b,c,d\r\n'),
            "people.csv",
            "not valid CSV",
        ),
        (
            lambda f: (f / "people.csv").write_text("id,description\r\n", encoding="utf-8"),
            "people.csv: row 1: name",
            "missing",
        ),
        (
            lambda f: (f / "people.csv").write_text(
                "id,name,description,colour\r\n", encoding="utf-8"
            ),
            "people.csv: row 1: 'colour'",
            "unknown column",
        ),
        (
            lambda f: _write_rows(f / "programs.csv", _read_rows(f / "programs.csv")[:1]),
            "programs.csv",
            "one row",
        ),
        (
            lambda f: _edit(f, "stage_numbers.csv", 2, "number", "7"),
            "stage_numbers.csv: row 2: number",
            "no plan",
        ),
    ],
)
def test_bad_packages(
    package: pathlib.Path, damage: Callable[[pathlib.Path], object], path: str, words: str
) -> None:
    damage(package)
    with pytest.raises(DataError) as exc:
        from_datapackage(package)
    problems = dict(exc.value.problems)
    assert path in problems, str(exc.value)
    assert words in problems[path]


def test_a_position_given_twice(package: pathlib.Path) -> None:
    rows = _read_rows(package / "participants.csv")
    first = next(i for i in range(1, len(rows) - 1) if rows[i][0] == rows[i + 1][0])
    rows[first + 1][1] = rows[first][1]  # two participants of one meeting, one position
    _write_rows(package / "participants.csv", rows)
    with pytest.raises(DataError) as exc:
        from_datapackage(package)
    problems = dict(exc.value.problems)
    assert f"already on row {first + 1}" in problems[f"participants.csv: row {first + 2}: index"]


def test_row_with_missing_cells(package: pathlib.Path) -> None:
    rows = _read_rows(package / "people.csv")
    rows[1] = rows[1][:2]
    _write_rows(package / "people.csv", rows)
    with pytest.raises(DataError) as exc:
        from_datapackage(package)
    assert dict(exc.value.problems) == {"people.csv: row 2": "has 2 cells, the header has 3"}


def test_input_is_bounded(package: pathlib.Path) -> None:
    with pytest.raises(DataError) as exc:
        from_datapackage(package, max_bytes=20_000)
    assert len(exc.value.problems) == 1
    assert "more than 20000 bytes" in exc.value.problems[0][1]


def test_a_missing_folder_is_a_file_error(tmp_path: pathlib.Path) -> None:
    with pytest.raises(FileError, match="no such folder"):
        from_datapackage(tmp_path / "nothing")


# --------------------------------------------------------------------------- writing


def test_refuses_a_folder_of_other_files(tmp_path: pathlib.Path, program: Program) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "thesis.docx").write_bytes(b"years of work")
    with pytest.raises(FileError, match="refusing to replace"):
        to_datapackage(program, folder)
    assert _snapshot(folder) == {"thesis.docx": b"years of work"}
    (folder / DESCRIPTOR).write_text("{}", encoding="utf-8")  # a package and other files
    with pytest.raises(FileError, match=r"thesis\.docx"):
        to_datapackage(program, folder)
    assert sorted(os.listdir(folder)) == [DESCRIPTOR, "thesis.docx"]
    (tmp_path / "file").write_bytes(b"x")
    with pytest.raises(FileError, match="not a folder"):
        to_datapackage(program, tmp_path / "file")
    assert sorted(os.listdir(tmp_path)) == ["file", "mine"]  # no temporary folder left


def test_replaces_an_empty_folder_or_its_own_package(
    tmp_path: pathlib.Path, program: Program
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    to_datapackage(program, folder)
    assert from_datapackage(folder) == program
    smaller = attrs.evolve(program, notes=(), statements=program.statements[:1], reports=())
    to_datapackage(smaller, folder)
    assert from_datapackage(folder) == smaller
    assert sorted(os.listdir(tmp_path)) == ["out"]


def test_a_failure_mid_write_leaves_the_package_untouched(
    package: pathlib.Path, program: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _snapshot(package)
    written: list[str] = []
    real = _files.write_new_file

    def fail_on_the_fifth(path: str, data: bytes) -> None:
        if len(written) == 4:
            raise OSError(28, "No space left on device")
        written.append(path)
        real(path, data)

    monkeypatch.setattr(_files, "write_new_file", fail_on_the_fifth)
    smaller = attrs.evolve(program, notes=())
    with pytest.raises(FileError, match="No space left on device"):
        to_datapackage(smaller, package)
    assert _snapshot(package) == before
    assert sorted(os.listdir(package.parent)) == ["package"]
    monkeypatch.setattr(_files, "write_new_file", real)
    to_datapackage(smaller, package)
    assert from_datapackage(package) == smaller


def test_registry_writes_the_package(tmp_path: pathlib.Path, program: Program) -> None:
    target = tmp_path / "via-registry"
    write(program, "datapackage", target, as_of=datetime.date(2026, 1, 29))
    assert from_datapackage(target) == program
    write_datapackage(program, target, as_of=datetime.date(2000, 1, 1), known_on=None)
    assert from_datapackage(target) == program
    with pytest.raises(TypeError, match="must be a Program"):
        to_datapackage("program", tmp_path / "x")  # type: ignore[arg-type]


def test_foreign_keys_and_patterns_come_from_the_field_declarations() -> None:
    """Each declared reference is a foreign key (a reference to any record is none), and
    each column's type and pattern are its kind's, from the one table of kinds."""
    from csto_program._spec import ANY_RECORD, KINDS, Kind, references, specs
    from csto_program._spec import STAGE_NUMBERS as STAGE_REFERENCE
    from csto_program.export.datapackage._tables import STAGE_NUMBERS, TABLES

    checked = 0
    by_name = {table.name: table for table in TABLES}
    for table in TABLES:
        if table.record is None:  # a list table: its item column refers as the list does
            owner = by_name.get(table.owner or "")
            if owner is None or owner.record is None:
                continue
            target = dict(references(owner.record)).get(table.attribute)
            item = next(c.name for c in table.columns if c.role == "item")
            keys = {key.fields[-1]: key.resource for key in table.foreign_keys}
            expected = {ANY_RECORD: None, STAGE_REFERENCE: STAGE_NUMBERS}.get(target, target)
            assert keys.get(item) == expected, (table.name, item)
            checked += 1
            continue
        keys = {key.fields[-1]: key.resource for key in table.foreign_keys}
        for attribute, target in references(table.record):
            if attribute in {c.attribute for c in table.columns if c.role == "value"}:
                expected = {ANY_RECORD: None, STAGE_REFERENCE: STAGE_NUMBERS}.get(target, target)
                assert keys.get(attribute) == expected, (table.name, attribute)
                checked += 1
        fields = dict((a.name, s) for a, s in specs(table.record))
        for column in table.columns:
            spec = (
                fields.get(column.attribute) if column.role == "value" and not column.sub else None
            )
            if spec is None or spec.kind is Kind.RECORD:
                continue
            rule = KINDS[spec.kind]
            assert column.type == rule.table_type, (table.name, column.name)
            pattern = column.field().get("constraints", {}).get("pattern")
            if rule.pattern is not None and rule.table_type == "string":
                assert pattern == f"(?:{rule.pattern})", (table.name, column.name)
            else:
                assert pattern is None, (table.name, column.name)
    assert checked >= 10
