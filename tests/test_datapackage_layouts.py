"""Data packages written by older versions of the library keep loading.

``tests/data/datapackage-0.2.0`` was written by version 0.2.0 (``to_datapackage`` of its
embedded record; no ``csto-program`` marker, package layout 1) and
``tests/data/datapackage-pre-names`` by the library just before the names tables and
``statement_original`` were added (marker ``package_version`` 1, with the ``inferred`` and
meeting status columns). Each is compared with the record those versions embedded, as JSON
(``tests/data/tajik-afghan-border-*.json``), read by this version.
"""

from __future__ import annotations

import csv
import json
import pathlib
import shutil

import pytest

from csto_program import DataError, MeetingStatus, Program, from_json
from csto_program.cli import main
from csto_program.datasets import tajik_afghan_border
from csto_program.export.datapackage import (
    DESCRIPTOR,
    TABLES,
    from_datapackage,
    to_datapackage,
)
from csto_program.export.datapackage._tables import MARKER, OLDEST_LAYOUT, PACKAGE_VERSION

DATA = pathlib.Path(__file__).resolve().parent / "data"
OLD = ("0.2.0", "pre-names")


def _fixture(tag: str) -> pathlib.Path:
    return DATA / f"datapackage-{tag}"


def _record(tag: str) -> Program:
    text = (DATA / f"tajik-afghan-border-{tag}.json").read_text(encoding="utf-8")
    return from_json(text, Program)


def _copy(tag: str, tmp_path: pathlib.Path) -> pathlib.Path:
    folder = tmp_path / tag
    shutil.copytree(_fixture(tag), folder)
    return folder


def _header(path: pathlib.Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as stream:
        return next(csv.reader(stream))


def _drop_column(path: pathlib.Path, column: str) -> None:
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    at = rows[0].index(column)
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, lineterminator="\r\n").writerows(
            row[:at] + row[at + 1 :] for row in rows
        )


def _set_layout(folder: pathlib.Path, version: int | None) -> None:
    path = folder / DESCRIPTOR
    package = json.loads(path.read_text(encoding="utf-8"))
    if version is None:
        package.pop(MARKER)
    else:
        package[MARKER]["package_version"] = version
    path.write_text(json.dumps(package), encoding="utf-8")


def _paths(exc: pytest.ExceptionInfo[DataError]) -> list[str]:
    return [f"{path}: {message}" for path, message in exc.value.problems]


@pytest.mark.parametrize("tag", OLD)
def test_an_older_package_loads_as_its_record(tag: str) -> None:
    assert from_datapackage(_fixture(tag)) == _record(tag)


def test_the_fields_an_older_layout_lacks_take_their_defaults() -> None:
    program = from_datapackage(_fixture("0.2.0"))
    assert not any(plan.inferred for plan in program.plans)
    assert not any(report.inferred for report in program.reports)
    assert {meeting.status for meeting in program.meetings} == {MeetingStatus.HELD}
    assert all(meeting.announced_on is None for meeting in program.meetings)
    assert program.names == ()
    assert all(statement.original == () for statement in program.statements)
    older = from_datapackage(_fixture("pre-names"))
    assert any(plan.inferred for plan in older.plans)  # its columns are read
    assert MeetingStatus.SCHEDULED in {meeting.status for meeting in older.meetings}
    assert older.names == () and all(org.names == () for org in older.organizations)


@pytest.mark.parametrize("tag", OLD)
def test_the_cli_validates_an_older_package(tag: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _fixture(tag)
    assert main(["validate", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{folder}: ok (3 plans, 3 stages, ")


@pytest.mark.parametrize("tag", OLD)
def test_an_older_package_written_again_is_current(tag: str, tmp_path: pathlib.Path) -> None:
    program = from_datapackage(_fixture(tag))
    to_datapackage(program, tmp_path / "again")
    marker = json.loads((tmp_path / "again" / DESCRIPTOR).read_text(encoding="utf-8"))[MARKER]
    assert marker["package_version"] == PACKAGE_VERSION == 2
    assert from_datapackage(tmp_path / "again") == program


def test_what_layout_2_added_is_what_the_0_2_0_package_lacks() -> None:
    """The tables and columns marked as added by layout 2 are exactly those missing from
    the package version 0.2.0 wrote (an oracle independent of the marks)."""
    folder = _fixture("0.2.0")
    files = {path.name for path in folder.glob("*.csv")}
    assert {t.file for t in TABLES if t.since > OLDEST_LAYOUT} == {t.file for t in TABLES} - files
    for table in TABLES:
        if table.file not in files:
            continue
        header = _header(folder / table.file)
        lacking = [c.name for c in table.columns if table.may_lack(c, OLDEST_LAYOUT)]
        assert lacking == [name for name in table.header if name not in header], table.name
        assert set(header) <= set(table.header)


@pytest.mark.parametrize("tag", OLD)
def test_an_older_package_still_needs_what_its_layout_had(tag: str, tmp_path: pathlib.Path) -> None:
    folder = _copy(tag, tmp_path)
    (folder / "statements.csv").unlink()
    _drop_column(folder / "plans.csv", "basis")
    with pytest.raises(DataError) as exc:
        from_datapackage(folder)
    assert _paths(exc) == [
        "plans.csv: row 1: basis: the column is missing",
        "statements.csv: the file is missing",
    ]


def test_a_current_package_needs_everything(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "current"
    to_datapackage(tajik_afghan_border(), folder)
    (folder / "program_names.csv").unlink()
    _drop_column(folder / "plans.csv", "inferred")
    _drop_column(folder / "meetings.csv", "status")
    with pytest.raises(DataError) as exc:
        from_datapackage(folder)
    assert _paths(exc) == [  # in the order of the tables
        "plans.csv: row 1: inferred: the column is missing",
        "meetings.csv: row 1: status: the column is missing",
        "program_names.csv: the file is missing",
    ]


@pytest.mark.parametrize("version", [None, 1])
def test_a_layout_1_package_may_lack_each_addition(
    version: int | None, tmp_path: pathlib.Path
) -> None:
    """Each table and column layout 2 added may be missing on its own from a package of
    layout 1 (a library between 0.2.0 and layout 2 wrote some of them)."""
    program = tajik_afghan_border()
    folder = tmp_path / "package"
    to_datapackage(program, folder)
    _set_layout(folder, version)
    for name in ("program_names", "organization_names", "statement_original"):
        (folder / f"{name}.csv").unlink()
    for column in ("original_language", "original_fragments"):  # with the original
        _drop_column(folder / "statements.csv", column)
    _drop_column(folder / "plans.csv", "inferred")
    _drop_column(folder / "meetings.csv", "announced_on_latest")
    loaded = from_datapackage(folder)
    assert loaded.names == () and all(org.names == () for org in loaded.organizations)
    assert all(statement.original == () for statement in loaded.statements)
    assert all(statement.original_language is None for statement in loaded.statements)
    assert not any(plan.inferred for plan in loaded.plans)
    assert loaded.people == program.people  # person_names.csv is there, and read
    assert loaded.meetings == program.meetings  # the derived column is not needed
    assert [report.inferred for report in loaded.reports] == [
        report.inferred for report in program.reports
    ]


def test_a_table_of_layout_2_in_an_older_package_is_complete(tmp_path: pathlib.Path) -> None:
    """A table that layout 2 added, when an older package has it, has all its columns."""
    folder = tmp_path / "package"
    to_datapackage(tajik_afghan_border(), folder)
    _set_layout(folder, 1)
    _drop_column(folder / "person_names.csv", "abbreviation")
    with pytest.raises(DataError) as exc:
        from_datapackage(folder)
    assert _paths(exc) == ["person_names.csv: row 1: abbreviation: the column is missing"]


def test_a_missing_value_column_with_its_derived_ones_present(tmp_path: pathlib.Path) -> None:
    """An older package without ``announced_on`` but with a derived column of it filled:
    the derived cell is reported, as when the value is empty."""
    folder = _copy("pre-names", tmp_path)
    path = folder / "meetings.csv"
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    at = rows[0].index("announced_on_earliest")
    rows[1][at] = "2024-01-01"
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, lineterminator="\r\n").writerows(rows)
    _drop_column(path, "announced_on")
    filled = [
        f"meetings.csv: row {number}: {column}: must be empty when announced_on is empty"
        for number, row in enumerate(rows[1:], start=2)
        for column in ("announced_on_earliest", "announced_on_latest")
        if row[rows[0].index(column)]
    ]
    assert len(filled) > 1  # row 2 and the meetings announced before they were held
    with pytest.raises(DataError) as exc:
        from_datapackage(folder)
    assert _paths(exc) == filled
