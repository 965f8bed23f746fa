"""Reading a data package back: rows into a program document, every problem at its cell."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from collections.abc import Mapping

from csto_program._files import MAX_DOCUMENT_BYTES, FileError, from_os_error, read_limited
from csto_program.errors import DataError, short_repr
from csto_program.export.datapackage._rows import (
    FILE_INDEX,
    TEXT_COLUMNS,
    Problems,
    Row,
    Where,
    assemble,
    finish,
    locate,
    place,
)
from csto_program.export.datapackage._tables import (
    DESCRIPTOR,
    GUARD,
    MARKER,
    OLDEST_LAYOUT,
    PACKAGE_VERSION,
    TABLES,
    Table,
    unguard_cell,
)
from csto_program.model import Program
from csto_program.serialize import SCHEMA_VERSION, from_dict

__all__ = ["from_datapackage"]


def _read(
    folder: str,
    name: str,
    budget: list[int],
    limit: int,
    problems: Problems,
    table: Table | None,
    *,
    optional: bool = False,
) -> bytes | None:
    """The bytes of ``name`` in ``folder``, within what is left of the size budget (once it
    is spent, ``budget`` is ``[-1]`` and nothing more is read); ``None`` for a file that is
    missing (a problem unless ``optional``).

    Only a regular file in the folder itself is read: a symbolic link (which could lead out
    of the folder), a named pipe or a device is reported, its content never read."""
    path = os.path.join(folder, name)
    where = place(table) if table is not None else Where(-1, file=name)
    if budget[0] < 0:
        return None
    try:
        kind = stat.S_IFMT(os.lstat(path).st_mode)
    except FileNotFoundError:
        if not optional:
            problems.add(where, "the file is missing")
        return None
    except OSError as exc:
        raise from_os_error(path, "cannot read the package", exc) from exc
    if kind == stat.S_IFLNK:
        problems.add(where, "is a symbolic link: a package's files must be files in its folder")
        return None
    if kind != stat.S_IFREG:
        problems.add(where, "is not a regular file")
        return None
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise from_os_error(path, "cannot read the package", exc) from exc
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # pragma: no cover - a race
            problems.add(where, "is not a regular file")
            return None
        try:
            data = read_limited(stream, max_bytes=budget[0], label=name)
        except DataError:
            problems.add(
                where, f"the files of the package hold more than {limit} bytes (the limit)"
            )
            budget[0] = -1
            return None
    budget[0] -= len(data)
    return data


def _parse(
    table: Table, data: bytes, problems: Problems, *, guarded: bool, layout: int
) -> list[Row] | None:
    """The rows of a table's CSV bytes, checked against its header as the package
    ``layout`` has it; ``None`` if unusable.

    With ``guarded``, a text cell's leading apostrophe (the formula guard) is removed."""
    try:
        text = data.decode("utf-8-sig")  # a spreadsheet may save a byte order mark
    except UnicodeDecodeError as exc:
        problems.add(place(table), f"not UTF-8 text (byte {exc.start} cannot be decoded)")
        return None
    if csv.field_size_limit() < MAX_DOCUMENT_BYTES:  # the files are bounded, not the cells
        csv.field_size_limit(MAX_DOCUMENT_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    texts = TEXT_COLUMNS[table.name] if guarded else frozenset()
    rows: list[Row] = []
    try:
        header = next(reader, None)
        if header is None:
            problems.add(place(table), "the file is empty: expected a header row")
            return None
        found = _check_header(table, header, problems, layout)
        for number, cells in enumerate(reader, start=2):
            if not any(cells):
                continue  # a blank line or an empty row
            if len(cells) != len(header):
                problems.add(
                    place(table, number),
                    f"has {len(cells)} cells, the header has {len(header)}",
                )
                continue
            row = {
                name: unguard_cell(cell) if name in texts else cell
                for name, cell in zip(header, cells, strict=True)
            }
            rows.append(Row(number, row))
    except csv.Error as exc:
        problems.add(place(table), f"not valid CSV at line {reader.line_num}: {exc}")
        return None
    return rows if found else None


def _check_header(table: Table, header: list[str], problems: Problems, layout: int) -> bool:
    """Whether the header has every column of the table (those a package of an older
    ``layout`` may lack aside), each once, and no other."""
    expected = table.header
    good = True
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.add(place(table, 1, name), "the column is named twice")
            good = False
        elif name not in expected:
            problems.add(
                Where(FILE_INDEX[table.file], 1, len(expected), table.file, short_repr(name)),
                "unknown column",
            )
            good = False
        seen.add(name)
    for column in table.columns:
        if column.name not in seen and not table.may_lack(column, layout):
            problems.add(place(table, 1, column.name), "the column is missing")
            good = False
    return good


def _descriptor_problems(data: bytes, problems: Problems) -> tuple[bool, int]:
    """Check the descriptor; whether it declares the formula guard of text cells, and the
    package layout it declares (:data:`~._tables.OLDEST_LAYOUT` without the marker; when
    the descriptor is refused, the current one: the package is not read anyway)."""
    where = Where(-1, file=DESCRIPTOR)
    try:
        package = json.loads(data.decode("utf-8"))
    except RecursionError:
        problems.add(where, "not a data package descriptor: nested too deeply")
        return False, PACKAGE_VERSION
    except (UnicodeDecodeError, ValueError) as exc:
        problems.add(where, f"not a JSON document: {exc}")
        return False, PACKAGE_VERSION
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        problems.add(where, "not a data package descriptor (an object with resources)")
        return False, PACKAGE_VERSION
    marker = package.get(MARKER)
    if marker is None:
        # another program's package, or one written before the marker (version 0.2.0): as is
        return False, OLDEST_LAYOUT
    version = marker.get("package_version") if isinstance(marker, dict) else None
    if type(version) is not int or not 1 <= version <= PACKAGE_VERSION:
        problems.add(
            where,
            f"{MARKER}: package_version {short_repr(version)} is not one this version of "
            f"the library reads (1 to {PACKAGE_VERSION})",
        )
        return False, PACKAGE_VERSION
    guard = marker.get("formula_guard")
    if guard not in (None, GUARD):
        problems.add(where, f"{MARKER}: unknown formula_guard {short_repr(guard)}")
    return bool(guard == GUARD), version


def from_datapackage(
    directory: str | os.PathLike[str], *, max_bytes: int = MAX_DOCUMENT_BYTES
) -> Program:
    """Read back a package that :func:`~csto_program.export.datapackage.to_datapackage`
    wrote, perhaps edited since.

    The tables are read as this version of the library defines them (:data:`TABLES`; the
    columns of a file may come in any order) and assembled into a program document that
    goes through :func:`~csto_program.from_dict`, so that every check of the model applies.
    Every problem is reported at once in one :class:`~csto_program.DataError` whose paths
    name the file, the row (the header is row 1) and the column, such as
    ``statements.csv: row 3: said_on``; a missing file, a missing or unknown column and a
    file that is not CSV are reported the same way, and so is a file that is a symbolic
    link, a named pipe or a device (never read: a package's files are files in its folder).

    Each file, and the files together, may hold at most ``max_bytes`` (default
    :data:`~csto_program._files.MAX_DOCUMENT_BYTES`). A text cell's leading apostrophe,
    the writer's guard against formulas, is removed when the descriptor declares it.
    ``directory`` is the folder or its ``datapackage.json``; a folder that cannot be read
    is a :class:`~csto_program.errors.FileError`.

    >>> import os, tempfile
    >>> from csto_program.datasets import tajik_afghan_border
    >>> from csto_program.export.datapackage import to_datapackage
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     to_datapackage(tajik_afghan_border(), folder)
    ...     os.remove(os.path.join(folder, "notes.csv"))
    ...     from_datapackage(folder)
    Traceback (most recent call last):
    ...
    csto_program.errors.DataError: 1 problem:
      notes.csv: the file is missing
    """
    if type(max_bytes) is not int:
        raise TypeError(f"max_bytes must be an int, not {type(max_bytes).__name__}")
    if max_bytes < 0:
        raise ValueError(f"max_bytes must be at least 0, got {max_bytes}")
    folder = os.fspath(directory)
    if os.path.basename(folder) == DESCRIPTOR and os.path.isfile(folder):
        folder = os.path.dirname(folder) or os.curdir
    if not os.path.isdir(folder):
        reason = "it is not a folder" if os.path.exists(folder) else "no such folder"
        raise FileError(folder, f"cannot read the package: {reason}")
    problems = Problems()
    budget = [max_bytes]  # what the files may still hold, together
    data = _read(folder, DESCRIPTOR, budget, max_bytes, problems, None)
    guarded, layout = (False, PACKAGE_VERSION)
    if data is not None:
        guarded, layout = _descriptor_problems(data, problems)
    rows: dict[str, list[Row]] = {}
    for table in TABLES:
        older = table.since > layout  # a table the package's layout did not have
        data = _read(folder, table.file, budget, max_bytes, problems, table, optional=older)
        if data is None and older:
            rows[table.name] = []  # missing from an older package (else reported): no rows
            continue
        parsed = None
        if data is not None:
            parsed = _parse(table, data, problems, guarded=guarded, layout=layout)
        if parsed is not None:
            rows[table.name] = parsed
    if problems.found:  # the package's shape is wrong: nothing to assemble
        raise problems.error()
    root = assemble(rows, problems)
    if root is None:
        raise problems.error()
    paths: dict[str, Where] = {}
    document = {"schema_version": SCHEMA_VERSION, **finish(root, "$", paths)}
    try:
        program = from_dict(document, Program)
    except DataError as exc:
        _add_model_problems(exc, paths, problems)
        raise problems.error() from None
    if problems.found:
        raise problems.error()
    return program


def _add_model_problems(exc: DataError, paths: Mapping[str, Where], problems: Problems) -> None:
    mine = {str(where) for where, _ in problems.found}
    for path, message in exc.problems:
        where, rest = locate(path, paths)
        if str(where) in mine and not rest:
            continue  # the same cell is already reported, in the words of this module
        text = f"{rest}: {message}" if rest else message
        problems.add(where, text)
    problems.more += exc.more
