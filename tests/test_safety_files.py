"""Files and folders that must not be lost or forged: whose folder a package may replace,
descriptors and read-only files, the current folder, formulas in CSV cells, symbolic links,
nesting and size bounds in packages and JSON Lines, and where every error class lives."""

from __future__ import annotations

import ast
import csv
import datetime
import json
import os
import pathlib
import stat
import tempfile
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csto_program import Program, Statement, errors, export
from csto_program import _files as files_module
from csto_program.datasets import tajik_afghan_border
from csto_program.errors import DataError, FileError, FormatError, OutputError
from csto_program.export.datapackage import (
    DESCRIPTOR,
    descriptor,
    from_datapackage,
    to_datapackage,
)
from csto_program.serialize import jsonl
from csto_program.serialize.jsonl import iter_jsonl

SRC = pathlib.Path(__file__).resolve().parent.parent / "src" / "csto_program"
DAY = datetime.date(2026, 1, 29)


@pytest.fixture(scope="module")
def program() -> Program:
    return tajik_afghan_border()


def _snapshot(folder: pathlib.Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _someone_elses_package(folder: pathlib.Path) -> None:
    folder.mkdir()
    (folder / DESCRIPTOR).write_text(
        json.dumps({"name": "survey", "resources": [{"path": "people.csv"}]}), encoding="utf-8"
    )
    (folder / "people.csv").write_text("id,name\r\n1,Years of fieldwork\r\n", encoding="utf-8")
    (folder / "sources.csv").write_text("id,url\r\n1,https://example.org\r\n", encoding="utf-8")


# --------------------------------------------------------------------------- whose folder


def test_a_package_of_another_program_is_not_replaced(
    tmp_path: pathlib.Path, program: Program
) -> None:
    folder = tmp_path / "survey"
    _someone_elses_package(folder)
    before = _snapshot(folder)
    with pytest.raises(FileError, match="not written by csto-program") as caught:
        to_datapackage(program, folder)
    assert caught.value.path == str(folder)
    assert _snapshot(folder) == before
    with pytest.raises(FileError):
        export.write(program, "datapackage", folder, as_of=DAY)
    assert _snapshot(folder) == before
    assert sorted(os.listdir(tmp_path)) == ["survey"]  # no temporary folder left
    export.write(program, "datapackage", folder, as_of=DAY, force=True)
    assert from_datapackage(folder) == program


def test_a_forged_or_broken_descriptor_is_not_proof(
    tmp_path: pathlib.Path, program: Program
) -> None:
    folder = tmp_path / "package"
    to_datapackage(program, folder)
    for text in ('{"csto-program": {"package_version": "1"}}', "[" * 100_000, "\xff"):
        (folder / DESCRIPTOR).write_text(text, encoding="utf-8", errors="surrogateescape")
        with pytest.raises(FileError, match="not written by csto-program"):
            to_datapackage(program, folder)
    (folder / DESCRIPTOR).unlink()
    (folder / DESCRIPTOR).symlink_to(tmp_path / "elsewhere.json")
    with pytest.raises(FileError, match="not written by csto-program"):
        to_datapackage(program, folder)


def test_own_package_is_marked_and_replaced(tmp_path: pathlib.Path, program: Program) -> None:
    folder = tmp_path / "package"
    to_datapackage(program, folder)
    marker = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))["csto-program"]
    assert marker == {"package_version": 2, "formula_guard": "'"}
    smaller = attrs.evolve(program, notes=())
    to_datapackage(smaller, folder)
    assert from_datapackage(folder) == smaller


def test_force_must_be_a_bool(tmp_path: pathlib.Path, program: Program) -> None:
    with pytest.raises(TypeError, match="force must be a bool"):
        to_datapackage(program, tmp_path / "x", force="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="force must be a bool"):
        files_module.write_atomic(tmp_path / "x", b"", force=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="force must be a bool"):
        export.write(program, "json", tmp_path / "x", as_of=DAY, force=None)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- not a regular file


def test_dev_fd_of_a_file_opened_for_appending_is_appended_to(tmp_path: pathlib.Path) -> None:
    log = tmp_path / "log.md"
    log.write_bytes(b"earlier entries\n")
    with open(log, "ab") as appending:
        files_module.write_atomic(f"/dev/fd/{appending.fileno()}", b"new report\n")
        link = tmp_path / "out"  # a link to the descriptor is the descriptor too
        link.symlink_to(f"/proc/self/fd/{appending.fileno()}")
        files_module.write_atomic(link, lambda stream: stream.write(b"via a link\n") and None)
    assert log.read_bytes() == b"earlier entries\nnew report\nvia a link\n"
    assert sorted(os.listdir(tmp_path)) == ["log.md", "out"]


def test_a_descriptor_that_is_not_open_is_a_file_error(tmp_path: pathlib.Path) -> None:
    handle = os.open(tmp_path / "x", os.O_WRONLY | os.O_CREAT)
    os.close(handle)  # now no descriptor of that number
    with pytest.raises(FileError, match="cannot write the file"):
        files_module.write_atomic(f"/dev/fd/{handle}", b"x")


def test_a_named_pipe_is_written_not_replaced(tmp_path: pathlib.Path) -> None:
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    export.write(tajik_afghan_border(), "mermaid", fifo, as_of=DAY)
    reader.join(timeout=10)
    assert received and received[0].startswith(b"gantt")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


# --------------------------------------------------------------------------- outputs refused


def test_a_read_only_file_is_refused_unless_forced(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "report.md"
    target.write_bytes(b"signed off")
    target.chmod(0o444)
    with pytest.raises(FileError, match="read-only") as caught:
        files_module.write_atomic(target, b"new")
    assert caught.value.path == str(target)
    assert target.read_bytes() == b"signed off"
    assert os.listdir(tmp_path) == ["report.md"]
    files_module.write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_a_link_to_a_folder_with_a_trailing_slash_is_followed(
    tmp_path: pathlib.Path, program: Program
) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "pkglink"
    link.symlink_to("real")
    to_datapackage(program, f"{link}/")
    assert link.is_symlink() and os.readlink(link) == "real"
    assert from_datapackage(real) == program
    to_datapackage(program, f"{link}/")  # and again, over its own package
    assert link.is_symlink() and from_datapackage(link) == program


@pytest.mark.parametrize("where", [".", "REAL", "..", "../.."])
def test_the_current_folder_is_not_replaced(
    tmp_path: pathlib.Path, program: Program, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    inner = tmp_path / "a" / "b" / "package"
    inner.parent.mkdir(parents=True)
    to_datapackage(program, inner)
    monkeypatch.chdir(inner)
    target = str(inner) if where == "REAL" else where
    with pytest.raises(FileError, match="current folder"):
        to_datapackage(program, target, force=True)
    assert os.getcwd() == str(inner) and os.path.isdir(inner)
    assert from_datapackage(".") == program


# --------------------------------------------------------------------------- formulas in cells

_FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'quoted", "''", "=", "a=b"]


def test_no_text_cell_opens_as_a_formula(tmp_path: pathlib.Path, program: Program) -> None:
    hostile = attrs.evolve(
        program,
        title='=HYPERLINK("http://evil.example","click")',
        statements=tuple(
            attrs.evolve(s, text=_FORMULAS[i % len(_FORMULAS)] + " said")
            for i, s in enumerate(program.statements)
        ),
    )
    folder = tmp_path / "package"
    to_datapackage(hostile, folder)
    for path in folder.glob("*.csv"):
        with open(path, encoding="utf-8", newline="") as file:
            for row in csv.reader(file):
                for cell in row:
                    assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), (path.name, cell)
    with open(folder / "programs.csv", encoding="utf-8", newline="") as file:
        title = next(iter(csv.DictReader(file)))["title"]
    assert title == "'" + hostile.title
    assert from_datapackage(folder) == hostile
    text = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))["description"]
    assert "one more apostrophe" in text


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([*_FORMULAS, "'", "'='"]), st.text(max_size=5)).map(
            lambda pair: pair[0] + pair[1]
        ),
        min_size=1,
        max_size=4,
    )
)
def test_guarded_texts_read_back_unchanged(texts: list[str]) -> None:
    base = tajik_afghan_border()
    statements = tuple(
        attrs.evolve(s, text=text if text.strip() else text + "x")
        for s, text in zip(base.statements, texts, strict=False)
    )
    hostile = attrs.evolve(base, statements=statements + base.statements[len(statements) :])
    with tempfile.TemporaryDirectory() as folder, mock.patch("os.fsync"):
        to_datapackage(hostile, folder)
        assert from_datapackage(folder) == hostile


def test_a_package_without_the_guard_is_read_as_written(
    tmp_path: pathlib.Path, program: Program
) -> None:
    folder = tmp_path / "package"
    to_datapackage(program, folder)
    package = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))
    del package["csto-program"]  # as written before the guard, or by hand
    (folder / DESCRIPTOR).write_text(json.dumps(package), encoding="utf-8")
    rows = list(csv.reader((folder / "programs.csv").open(encoding="utf-8", newline="")))
    rows[1][rows[0].index("title")] = "'Kept as written"
    with open(folder / "programs.csv", "w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\r\n").writerows(rows)
    assert from_datapackage(folder).title == "'Kept as written"


@pytest.mark.parametrize(
    ("marker", "words"),
    [
        ({"package_version": 99}, "package_version 99"),
        ({"package_version": 1, "formula_guard": "^"}, "unknown formula_guard"),
        ("yes", "package_version None"),
    ],
)
def test_an_unknown_marker_is_a_data_error(
    tmp_path: pathlib.Path, program: Program, marker: object, words: str
) -> None:
    folder = tmp_path / "package"
    to_datapackage(program, folder)
    package = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))
    package["csto-program"] = marker
    (folder / DESCRIPTOR).write_text(json.dumps(package), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        from_datapackage(folder)
    assert words in dict(caught.value.problems)[DESCRIPTOR]


# --------------------------------------------------------------------------- reading bounds


def test_a_deeply_nested_descriptor_is_a_data_error(
    tmp_path: pathlib.Path, program: Program
) -> None:
    folder = tmp_path / "package"
    to_datapackage(program, folder)
    (folder / DESCRIPTOR).write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        from_datapackage(folder)
    assert "nested too deeply" in dict(caught.value.problems)[DESCRIPTOR]


def test_table_files_that_are_links_are_refused_unread(
    tmp_path: pathlib.Path, program: Program
) -> None:
    folder = tmp_path / "package"
    to_datapackage(program, folder)
    secret = tmp_path / "secret.txt"
    secret.write_text("root:SECRET-FIRST-LINE\n", encoding="utf-8")
    (folder / "people.csv").unlink()
    (folder / "people.csv").symlink_to(secret)
    (folder / "notes.csv").unlink()
    (folder / "notes.csv").symlink_to("programs.csv")  # inside the folder, still a link
    (folder / "sources.csv").unlink()
    os.mkfifo(folder / "sources.csv")  # would block a reader forever
    with pytest.raises(DataError) as caught:
        from_datapackage(folder)
    problems = dict(caught.value.problems)
    assert "symbolic link" in problems["people.csv"]
    assert "symbolic link" in problems["notes.csv"]
    assert "not a regular file" in problems["sources.csv"]
    assert "SECRET" not in str(caught.value)


def test_max_bytes_bounds_each_file_and_the_total(tmp_path: pathlib.Path, program: Program) -> None:
    folder = tmp_path / "package"
    to_datapackage(program, folder)
    sizes = [path.stat().st_size for path in folder.iterdir()]
    for limit in (max(sizes) - 1, max(sizes) + 1):  # one file too big; all of them together
        with pytest.raises(DataError, match=f"more than {limit} bytes"):
            from_datapackage(folder, max_bytes=limit)
    assert from_datapackage(folder, max_bytes=sum(sizes)) == program
    with pytest.raises(TypeError):
        from_datapackage(folder, max_bytes="1")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least 0"):
        from_datapackage(folder, max_bytes=-1)


def test_descriptor_of_something_else_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="must be a Program, not str"):
        descriptor("x")  # type: ignore[arg-type]


@pytest.mark.parametrize("binary", [True, False])
def test_an_over_long_jsonl_line_is_a_data_error_with_its_number(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, binary: bool
) -> None:
    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 1_000)
    from csto_program import to_json

    good = to_json(tajik_afghan_border().statements[0])
    assert len(good) < 1_000
    path = tmp_path / "s.jsonl"
    path.write_text(f"{good}\n{' ' * 999}\n{'x' * 5_000}\n{good}\n", encoding="utf-8")
    handle = open(path, "rb" if binary else "r", encoding=None if binary else "utf-8")  # noqa: SIM115
    with handle:
        items = iter_jsonl(handle, Statement)
        assert next(items).text  # the good line before it
        with pytest.raises(DataError) as caught:
            next(items)
    assert caught.value.problems[0][0] == "line 3: $"
    assert "longer than 1000 bytes" in caught.value.problems[0][1]


def test_an_endless_jsonl_line_ends_with_a_data_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 1024 * 1024)
    with pytest.raises(DataError, match="longer than 1048576 bytes"):
        list(iter_jsonl("/dev/zero", Statement))


# --------------------------------------------------------------------------- formats


@pytest.mark.parametrize(
    ("format", "output", "words"),
    [
        ("png", "chart.pdf", "not one of the png format"),
        ("png", "chart.svg", "does not match"),
        ("markdown", "report.txt", "not one of the markdown format"),
        ("datapackage", "record.json", "does not match"),
        (None, "chart.pdf", "give --format"),
    ],
)
def test_a_suffix_of_another_or_no_format_is_refused(
    format: str | None, output: str, words: str
) -> None:
    with pytest.raises(FormatError, match=words):
        export.choose_format(format, output)
    if format is not None:
        assert export.choose_format(format, output, force=True) == format


@pytest.mark.parametrize(
    ("format", "output"),
    [("png", "chart"), ("png", "-"), ("datapackage", "record.d"), ("md", "notes.MD")],
)
def test_names_that_fit_the_format(format: str, output: str) -> None:
    assert export.choose_format(format, output) in export.FORMATS


# --------------------------------------------------------------------------- errors


def test_every_error_class_lives_in_errors() -> None:
    assert {"FileError", "OutputError", "FormatError"} <= set(errors.__all__)
    assert files_module.FileError is FileError  # still importable where it was
    for cls in (FileError, OutputError, FormatError):
        assert cls.__module__ == "csto_program.errors" and cls.__doc__
        assert issubclass(cls, errors.CstoProgramError)
    assert issubclass(FormatError, ValueError)
    assert issubclass(FileError, OSError) and issubclass(OutputError, OSError)


def test_every_error_class_is_exported_from_the_root_and_defined_once() -> None:
    import csto_program
    import csto_program._terminal as terminal

    for cls in (FileError, OutputError, FormatError):
        assert cls.__name__ in csto_program.__all__
        assert getattr(csto_program, cls.__name__) is cls
    assert terminal.OutputError is OutputError
    classes = [
        f"{path.relative_to(SRC)}: {node.name}"
        for path in sorted(SRC.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
        and node.name in {"FileError", "OutputError", "FormatError"}
        if path.name != "errors.py"
    ]
    assert classes == []


def test_the_escaping_rule_is_written_once() -> None:
    import csto_program._escape as escaping
    import csto_program._terminal as terminal

    assert errors.escape is terminal.escape is escaping.escape
    written = [
        f"{path.relative_to(SRC)}: {node.name}"
        for path in sorted(SRC.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, (ast.FunctionDef, ast.Assign))
        if "_HIDDEN_CATEGORIES" in ast.unparse(node) or getattr(node, "name", "") == "escape"
        if path.name != "_escape.py"
    ]
    assert written == []


def _imports(path: pathlib.Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_files_and_errors_import_nothing_above_them() -> None:
    assert not any("_terminal" in name for name in _imports(SRC / "_files.py"))
    # errors imports only the escaping rule, which imports nothing of the package
    assert {n for n in _imports(SRC / "errors.py") if n.startswith("csto_program")} == {
        "csto_program._escape",
        "csto_program._escape.escape",
    }
    assert not any(name.startswith("csto_program") for name in _imports(SRC / "_escape.py"))


def test_the_package_modules_read_no_private_names_of_each_other() -> None:
    folder = SRC / "export" / "datapackage"
    for path in [*folder.glob("*.py"), SRC / "export" / "__init__.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("csto_program"):
                private = [a.name for a in node.names if a.name.startswith("_")]
                assert private == [], (path.name, node.module, private)
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 700, path.name


# --------------------------------------------------------------------------- the writers


def test_descriptor_names(tmp_path: pathlib.Path) -> None:
    assert files_module._descriptor(f"/proc/{os.getpid()}/fd/2") == 2
    assert files_module._descriptor("/proc/self/fd/5") == 5
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")  # a loop of links names no descriptor
    assert files_module._descriptor(str(tmp_path / "a")) is None


def test_dev_stdout_is_written_through(capfd: pytest.CaptureFixture[str]) -> None:
    files_module.write_atomic("/dev/stdout", "Stage 1\n")
    assert capfd.readouterr().out == "Stage 1\n"


def test_a_failure_through_a_descriptor_is_raised_as_it_came() -> None:
    read, write = os.pipe()
    try:
        error = FileError("in.json", "cannot read")

        def failing(stream: object) -> None:
            raise error

        with pytest.raises(FileError) as caught:
            files_module.write_atomic(f"/dev/fd/{write}", failing)
        assert caught.value is error
    finally:
        os.close(read)
        os.close(write)


def test_a_folder_changed_while_written_is_put_back(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "tables"
    files_module.write_folder(target, {"a.csv": b"old"}, may_replace=lambda folder: None)
    calls: list[str] = []

    def only_once(folder: str) -> None:
        calls.append(folder)
        if len(calls) > 1:  # the second look, at the folder moved aside
            raise FileError(folder, "a file appeared")

    with pytest.raises(FileError, match="a file appeared") as caught:
        files_module.write_folder(target, {"b.csv": b"new"}, may_replace=only_once)
    assert caught.value.path == str(target)  # named as given, not as moved aside
    assert _snapshot(target) == {"a.csv": b"old"}
    assert sorted(os.listdir(tmp_path)) == ["tables"]


def test_a_folder_below_a_file_is_a_file_error(tmp_path: pathlib.Path) -> None:
    (tmp_path / "file").write_bytes(b"x")
    with pytest.raises(FileError, match="cannot write the folder"):
        files_module.write_folder(tmp_path / "file" / "sub", {}, may_replace=lambda f: None)
