"""Reading a data package back: rows into a program document, every problem at its cell."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from collections.abc import Mapping
from typing import Any, Final

import attrs

from csto_program._files import MAX_DOCUMENT_BYTES, FileError, from_os_error, read_limited
from csto_program._spec import Kind
from csto_program.dates import PartialDate, format_iso_date
from csto_program.errors import DataError, short_repr
from csto_program.export.datapackage._tables import (
    BY_NAME,
    DESCRIPTOR,
    GUARD,
    MARKER,
    PACKAGE_VERSION,
    PROGRAMS,
    STAGE_NUMBERS,
    TABLES,
    Column,
    Table,
    unguard_cell,
)
from csto_program.model import Program
from csto_program.serialize import SCHEMA_VERSION, from_dict

__all__ = ["from_datapackage"]


@attrs.frozen(order=True)
class _Where:
    """A place in the package: a file, a row (the header is row 1) and a column."""

    file_index: int
    row: int = 0
    column_index: int = -1
    file: str = attrs.field(default="", eq=False, order=False)
    column: str = attrs.field(default="", eq=False, order=False)
    rows: tuple[int, ...] = attrs.field(default=(), eq=False, order=False)

    def __str__(self) -> str:
        text = self.file
        if self.row:
            text += f": row {self.row}"
        elif self.rows:
            shown = ", ".join(map(str, self.rows[:5])) + (", ..." if len(self.rows) > 5 else "")
            text += f": rows {shown}"
        if self.column:
            text += f": {self.column}"
        return text


_FILE_INDEX: Final = {table.file: index for index, table in enumerate(TABLES)}
_POSITIONS: Final = {
    table.name: {column.name: index for index, column in enumerate(table.columns)}
    for table in TABLES
}
# The columns whose cells are text, which the writer guards against formulas.
_TEXT_COLUMNS: Final = {
    table.name: frozenset(column.name for column in table.columns if column.type == "string")
    for table in TABLES
}
_CHILDREN: Final = {
    table.name: tuple(child for child in TABLES if child.owner == table.name) for table in TABLES
}


def _where(table: Table, row: int = 0, column: str = "", rows: tuple[int, ...] = ()) -> _Where:
    position = _POSITIONS[table.name].get(column, -1)
    return _Where(_FILE_INDEX[table.file], row, position, table.file, column, rows)


class _Problems:
    """The problems found so far, each at its place; reported in the order of the package."""

    def __init__(self) -> None:
        self.found: list[tuple[_Where, str]] = []
        self.seen: set[tuple[str, str]] = set()
        self.more = 0

    def add(self, where: _Where, message: str) -> None:
        key = (str(where), message)
        if key not in self.seen:  # a cell read twice (a key and a value) is reported once
            self.seen.add(key)
            self.found.append((where, message))

    def error(self) -> DataError:
        ordered = sorted(self.found, key=lambda item: item[0])
        return DataError(((str(where), message) for where, message in ordered), more=self.more)


@attrs.define
class _Row:
    number: int
    cells: dict[str, str]


@attrs.define
class _Node:
    """A record being assembled from a row: its JSON object and where its parts came from."""

    table: Table
    row: int
    data: dict[str, Any] = attrs.field(factory=dict)
    # list field -> [(order, row number, item)]; record field -> [(order, node)]
    items: dict[str, list[tuple[tuple[int, int], int, Any]]] = attrs.field(factory=dict)
    children: dict[str, list[tuple[tuple[int, int], _Node]]] = attrs.field(factory=dict)


_INT: Final = re.compile(r"-?[0-9]{1,4000}", re.ASCII)  # int() takes up to 4,300 digits


def _integer(cell: str, where: _Where, problems: _Problems) -> int | None:
    if _INT.fullmatch(cell) is None:
        what = "empty" if cell == "" else short_repr(cell)
        problems.add(where, f"expected a whole number, got {what}")
        return None
    return int(cell)


def _read(
    folder: str,
    name: str,
    budget: list[int],
    limit: int,
    problems: _Problems,
    table: Table | None,
) -> bytes | None:
    """The bytes of ``name`` in ``folder``, within what is left of the size budget (once it
    is spent, ``budget`` is ``[-1]`` and nothing more is read).

    Only a regular file in the folder itself is read: a symbolic link (which could lead out
    of the folder), a named pipe or a device is reported, its content never read."""
    path = os.path.join(folder, name)
    where = _where(table) if table is not None else _Where(-1, file=name)
    if budget[0] < 0:
        return None
    try:
        kind = stat.S_IFMT(os.lstat(path).st_mode)
    except FileNotFoundError:
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


def _parse(table: Table, data: bytes, problems: _Problems, *, guarded: bool) -> list[_Row] | None:
    """The rows of a table's CSV bytes, checked against its header; ``None`` if unusable.

    With ``guarded``, a text cell's leading apostrophe (the formula guard) is removed."""
    try:
        text = data.decode("utf-8-sig")  # a spreadsheet may save a byte order mark
    except UnicodeDecodeError as exc:
        problems.add(_where(table), f"not UTF-8 text (byte {exc.start} cannot be decoded)")
        return None
    if csv.field_size_limit() < MAX_DOCUMENT_BYTES:  # the files are bounded, not the cells
        csv.field_size_limit(MAX_DOCUMENT_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    texts = _TEXT_COLUMNS[table.name] if guarded else frozenset()
    rows: list[_Row] = []
    try:
        header = next(reader, None)
        if header is None:
            problems.add(_where(table), "the file is empty: expected a header row")
            return None
        found = _check_header(table, header, problems)
        for number, cells in enumerate(reader, start=2):
            if not any(cells):
                continue  # a blank line or an empty row
            if len(cells) != len(header):
                problems.add(
                    _where(table, number),
                    f"has {len(cells)} cells, the header has {len(header)}",
                )
                continue
            row = {
                name: unguard_cell(cell) if name in texts else cell
                for name, cell in zip(header, cells, strict=True)
            }
            rows.append(_Row(number, row))
    except csv.Error as exc:
        problems.add(_where(table), f"not valid CSV at line {reader.line_num}: {exc}")
        return None
    return rows if found else None


def _check_header(table: Table, header: list[str], problems: _Problems) -> bool:
    expected = table.header
    good = True
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.add(_where(table, 1, name), "the column is named twice")
            good = False
        elif name not in expected:
            problems.add(
                _Where(_FILE_INDEX[table.file], 1, len(expected), table.file, short_repr(name)),
                "unknown column",
            )
            good = False
        seen.add(name)
    for name in expected:
        if name not in seen:
            problems.add(_where(table, 1, name), "the column is missing")
            good = False
    return good


def _value(column: Column, cell: str, where: _Where, problems: _Problems) -> Any:
    spec = column.spec
    assert spec is not None
    if cell == "" and spec.optional:
        return None
    if spec.kind is Kind.INT:
        number = _integer(cell, where, problems)
        return cell if number is None else number  # the model's message is dropped as a repeat
    if spec.kind is Kind.BOOL:
        if cell in ("", "false"):
            return False
        if cell == "true":
            return True
        problems.add(where, f"expected true or false, got {short_repr(cell)}")
        return cell
    return cell


def _check_derived(node: _Node, column: Column, row: _Row, problems: _Problems) -> None:
    cell = row.cells[column.name]
    if cell == "":
        return
    where = _where(node.table, row.number, column.name)
    text = row.cells[column.attribute]
    if text == "":
        problems.add(where, f"must be empty when {column.attribute} is empty")
        return
    try:
        partial = PartialDate.parse(text)
    except DataError:
        return  # reported at the partial date itself
    expected = format_iso_date(getattr(partial, column.role))
    if cell != expected:
        problems.add(
            where,
            f"{short_repr(cell)} is not the {column.role} day of {column.attribute} "
            f"{text!r} ({expected}); it is derived from {column.attribute}: correct it or "
            "leave it empty",
        )


_TRUE: Final = frozenset({"true", "True", "TRUE", "1"})  # Table Schema's boolean values
_FALSE: Final = frozenset({"false", "False", "FALSE", "0"})


def _read_empty(node: _Node, column: Column, row: _Row, problems: _Problems) -> None:
    """Make the optional text the empty text, not ``None``, if ``column`` says so (its
    value column comes first, so it has been read)."""
    cell = row.cells[column.name]
    if cell == "" or cell in _FALSE:
        return
    where = _where(node.table, row.number, column.name)
    if cell not in _TRUE:
        problems.add(where, f"expected true, false or an empty cell, got {short_repr(cell)}")
    elif row.cells[column.attribute] != "":
        problems.add(where, f"must not be true when {column.attribute} is not empty")
    else:
        node.data[column.attribute] = ""


def _record_node(table: Table, row: _Row, problems: _Problems) -> _Node:
    node = _Node(table, row.number)
    nested: dict[str, dict[str, Any]] = {}
    for column in table.columns:
        if column.role in ("earliest", "latest"):
            _check_derived(node, column, row, problems)
        if column.role == "empty":
            _read_empty(node, column, row, problems)
        if column.role != "value":
            continue
        cell = row.cells[column.name]
        where = _where(table, row.number, column.name)
        if column.sub:
            values = nested.setdefault(column.attribute, {})
            if cell != "":  # a part left empty is reported by the model as missing
                values[column.sub] = _value(column, cell, where, problems)
            continue
        node.data[column.attribute] = _value(column, cell, where, problems)
    for attribute, values in nested.items():
        node.data[attribute] = values or None
    return node


def _owner_key(table: Table, row: _Row, problems: _Problems) -> tuple[Any, ...] | None:
    key: list[Any] = []
    for name in table.owner_columns:
        column = table.columns[_POSITIONS[table.name][name]]
        cell = row.cells[name]
        if column.type == "integer":
            number = _integer(cell, _where(table, row.number, name), problems)
            if number is None:
                return None
            key.append(number)
        else:
            key.append(cell)
    return tuple(key)


def _order(table: Table, row: _Row, problems: _Problems) -> tuple[int, int]:
    """Where a row goes in its owner's list: by its order column, else last (row order)."""
    if table.order is None:
        return (0, row.number)
    number = _integer(row.cells[table.order], _where(table, row.number, table.order), problems)
    if table.order == "index" and number is not None and number < 1:
        problems.add(_where(table, row.number, "index"), f"{number} is below 1")
    return (0, number) if number is not None else (1, row.number)


def _show_key(table: Table, key: tuple[Any, ...]) -> str:
    if len(key) == 1:
        return short_repr(key[0])
    parts = (f"{name} {value!r}" for name, value in zip(table.owner_columns, key, strict=True))
    return ", ".join(parts)


def _assemble(rows: dict[str, list[_Row]], problems: _Problems) -> _Node | None:
    """The program's node, every row attached to its owner; ``None`` without a program."""
    nodes: dict[str, dict[tuple[Any, ...], _Node]] = {}
    program_rows = rows[PROGRAMS]
    programs = BY_NAME[PROGRAMS]
    if len(program_rows) != 1:
        problems.add(_where(programs), f"expected one row (the program), found {len(program_rows)}")
        if not program_rows:
            return None
    root = _record_node(programs, program_rows[0], problems)
    nodes[PROGRAMS] = {(root.data["id"],): root}
    stage_numbers: set[int] = set()
    unkeyed: set[str] = set()  # tables with a row whose key could not be read
    for table in TABLES[1:]:
        if table.name == STAGE_NUMBERS:
            continue
        owner_name = table.owner or PROGRAMS
        owners = nodes[owner_name]
        found = nodes.setdefault(table.name, {})
        seen: dict[tuple[Any, ...], int] = {}
        for row in rows[table.name]:
            owner_key = _owner_key(table, row, problems)
            order = _order(table, row, problems)
            if table.record is not None:
                node = _record_node(table, row, problems)
                if table.name == "stages" and type(node.data.get("number")) is int:
                    stage_numbers.add(node.data["number"])
                if "id" in table.primary_key:
                    found.setdefault((node.data["id"],), node)
                elif owner_key is not None and order[0] == 0:
                    found.setdefault((*owner_key, order[1]), node)
                else:
                    unkeyed.add(table.name)
            if owner_key is None:
                continue
            owner = owners.get(owner_key) if table.owner_columns else root
            if owner is None:
                if owner_name not in unkeyed:  # else it may be the row with the bad key
                    problems.add(
                        _where(table, row.number, table.owner_columns[0]),
                        f"refers to {_show_key(table, owner_key)}, which is not in "
                        f"{BY_NAME[owner_name].file}",
                    )
                continue
            if order[0] == 0 and table.owner_columns:
                full = (*owner_key, order[1])
                if full in seen:
                    problems.add(
                        _where(table, row.number, table.order or ""),
                        f"{_show_key(table, owner_key)}, {table.order} {order[1]} is already "
                        f"on row {seen[full]}",
                    )
                seen.setdefault(full, row.number)
            if table.record is not None:
                owner.children.setdefault(table.attribute, []).append((order, node))
                continue
            item_column = table.columns[-1]
            where = _where(table, row.number, item_column.name)
            item = _value(item_column, row.cells[item_column.name], where, problems)
            owner.items.setdefault(table.attribute, []).append((order, row.number, item))
    _check_stage_numbers(rows[STAGE_NUMBERS], stage_numbers, problems)
    return root


def _check_stage_numbers(rows: list[_Row], numbers: set[int], problems: _Problems) -> None:
    table = BY_NAME[STAGE_NUMBERS]
    listed: dict[int, int] = {}
    for row in rows:
        where = _where(table, row.number, "number")
        number = _integer(row.cells["number"], where, problems)
        if number is None:
            continue
        if number in listed:
            problems.add(where, f"stage {number} is already on row {listed[number]}")
        elif number not in numbers:
            problems.add(where, f"no plan in stages.csv has a stage {number}; remove the row")
        listed.setdefault(number, row.number)
    for number in sorted(numbers - set(listed)):
        problems.add(_where(table), f"stage {number} of stages.csv is missing; add a row for it")


def _finish(node: _Node, path: str, paths: dict[str, _Where]) -> dict[str, Any]:
    """The node's JSON object, its lists and nested records in order; ``paths`` learns
    where every part of it came from."""
    table = node.table
    paths[path] = _where(table, node.row)
    for column in table.columns:
        if column.role == "value":
            key = f"{column.attribute}.{column.sub}" if column.sub else column.attribute
            paths[f"{path}.{key}"] = _where(table, node.row, column.name)
    data = node.data
    for child in _CHILDREN[table.name]:
        attribute = child.attribute
        at = f"{path}.{attribute}"
        if child.record is None:
            items = sorted(node.items.get(attribute, []), key=lambda item: item[0])
            data[attribute] = [item for _, _, item in items]
            numbers = tuple(row for _, row, _ in items)
            paths[at] = _where(child, rows=numbers, column=child.columns[-1].name)
            for index, (_, row, _) in enumerate(items):
                paths[f"{at}[{index}]"] = _where(child, row, child.columns[-1].name)
            continue
        kids = sorted(node.children.get(attribute, []), key=lambda kid: kid[0])
        paths[at] = _where(child, rows=tuple(kid.row for _, kid in kids))
        data[attribute] = [
            _finish(kid, f"{at}[{index}]", paths) for index, (_, kid) in enumerate(kids)
        ]
    return data


_SEGMENT: Final = re.compile(r"(?:\.[^.\[]+|\[[^\]]*\])\Z")


def _locate(path: str, paths: Mapping[str, _Where]) -> tuple[_Where, str]:
    """Where in the package the JSON path ``path`` of the assembled document is, and what
    of the path is left below that place (``""`` if nothing)."""
    current, rest = path, ""
    while current not in paths:
        match = _SEGMENT.search(current)
        if match is None:  # pragma: no cover - every path starts with "$", which is mapped
            return _Where(-1, file=BY_NAME[PROGRAMS].file), path
        rest = match.group(0) + rest
        current = current[: match.start()]
    return paths[current], rest.lstrip(".")


def _descriptor_problems(data: bytes, problems: _Problems) -> bool:
    """Check the descriptor; whether it declares the formula guard of text cells."""
    where = _Where(-1, file=DESCRIPTOR)
    try:
        package = json.loads(data.decode("utf-8"))
    except RecursionError:
        problems.add(where, "not a data package descriptor: nested too deeply")
        return False
    except (UnicodeDecodeError, ValueError) as exc:
        problems.add(where, f"not a JSON document: {exc}")
        return False
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        problems.add(where, "not a data package descriptor (an object with resources)")
        return False
    marker = package.get(MARKER)
    if marker is None:
        return False  # another program's package, or one written before the marker: as is
    version = marker.get("package_version") if isinstance(marker, dict) else None
    if type(version) is not int or not 1 <= version <= PACKAGE_VERSION:
        problems.add(
            where,
            f"{MARKER}: package_version {short_repr(version)} is not one this version of "
            f"the library reads (1 to {PACKAGE_VERSION})",
        )
        return False
    guard = marker.get("formula_guard")
    if guard not in (None, GUARD):
        problems.add(where, f"{MARKER}: unknown formula_guard {short_repr(guard)}")
    return bool(guard == GUARD)


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
    problems = _Problems()
    budget = [max_bytes]  # what the files may still hold, together
    data = _read(folder, DESCRIPTOR, budget, max_bytes, problems, None)
    guarded = data is not None and _descriptor_problems(data, problems)
    rows: dict[str, list[_Row]] = {}
    for table in TABLES:
        data = _read(folder, table.file, budget, max_bytes, problems, table)
        parsed = None if data is None else _parse(table, data, problems, guarded=guarded)
        if parsed is not None:
            rows[table.name] = parsed
    if problems.found:  # the package's shape is wrong: nothing to assemble
        raise problems.error()
    root = _assemble(rows, problems)
    if root is None:
        raise problems.error()
    paths: dict[str, _Where] = {}
    document = {"schema_version": SCHEMA_VERSION, **_finish(root, "$", paths)}
    try:
        program = from_dict(document, Program)
    except DataError as exc:
        _add_model_problems(exc, paths, problems)
        raise problems.error() from None
    if problems.found:
        raise problems.error()
    return program


def _add_model_problems(exc: DataError, paths: Mapping[str, _Where], problems: _Problems) -> None:
    mine = {str(where) for where, _ in problems.found}
    for path, message in exc.problems:
        where, rest = _locate(path, paths)
        if str(where) in mine and not rest:
            continue  # the same cell is already reported, in the words of this module
        text = f"{rest}: {message}" if rest else message
        problems.add(where, text)
    problems.more += exc.more
