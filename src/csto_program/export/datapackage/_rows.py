"""Assembling a program document from the rows of a data package's tables, with the place
(file, row, column) of every part, so that a problem of the program is reported at its cell.

:mod:`._read` reads and parses the files; this module turns their rows into the nested JSON
object of a program document (:func:`assemble`, :func:`finish`) and maps a JSON path of that
document back to a place in the package (:func:`locate`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

import attrs

from csto_program._spec import Kind
from csto_program.dates import PartialDate, format_iso_date
from csto_program.errors import DataError, short_repr
from csto_program.export.datapackage._tables import (
    BY_NAME,
    PROGRAMS,
    STAGE_NUMBERS,
    TABLES,
    Column,
    Table,
)

__all__ = [
    "FILE_INDEX",
    "TEXT_COLUMNS",
    "Node",
    "Problems",
    "Row",
    "Where",
    "assemble",
    "finish",
    "locate",
    "place",
]


@attrs.frozen(order=True)
class Where:
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


FILE_INDEX: Final = {table.file: index for index, table in enumerate(TABLES)}
_POSITIONS: Final = {
    table.name: {column.name: index for index, column in enumerate(table.columns)}
    for table in TABLES
}
# The columns whose cells are text, which the writer guards against formulas.
TEXT_COLUMNS: Final = {
    table.name: frozenset(column.name for column in table.columns if column.type == "string")
    for table in TABLES
}
_CHILDREN: Final = {
    table.name: tuple(child for child in TABLES if child.owner == table.name) for table in TABLES
}


def place(table: Table, row: int = 0, column: str = "", rows: tuple[int, ...] = ()) -> Where:
    position = _POSITIONS[table.name].get(column, -1)
    return Where(FILE_INDEX[table.file], row, position, table.file, column, rows)


class Problems:
    """The problems found so far, each at its place; reported in the order of the package."""

    def __init__(self) -> None:
        self.found: list[tuple[Where, str]] = []
        self.seen: set[tuple[str, str]] = set()
        self.more = 0

    def add(self, where: Where, message: str) -> None:
        key = (str(where), message)
        if key not in self.seen:  # a cell read twice (a key and a value) is reported once
            self.seen.add(key)
            self.found.append((where, message))

    def error(self) -> DataError:
        ordered = sorted(self.found, key=lambda item: item[0])
        return DataError(((str(where), message) for where, message in ordered), more=self.more)


@attrs.define
class Row:
    number: int
    cells: dict[str, str]


@attrs.define
class Node:
    """A record being assembled from a row: its JSON object and where its parts came from."""

    table: Table
    row: int
    data: dict[str, Any] = attrs.field(factory=dict)
    # list field -> [(order, row number, item)]; record field -> [(order, node)]
    items: dict[str, list[tuple[tuple[int, int], int, Any]]] = attrs.field(factory=dict)
    children: dict[str, list[tuple[tuple[int, int], Node]]] = attrs.field(factory=dict)


_INT: Final = re.compile(r"-?[0-9]{1,4000}", re.ASCII)  # int() takes up to 4,300 digits


def _integer(cell: str, where: Where, problems: Problems) -> int | None:
    if _INT.fullmatch(cell) is None:
        what = "empty" if cell == "" else short_repr(cell)
        problems.add(where, f"expected a whole number, got {what}")
        return None
    return int(cell)


def _value(column: Column, cell: str, where: Where, problems: Problems) -> Any:
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


def _check_derived(node: Node, column: Column, row: Row, problems: Problems) -> None:
    cell = row.cells[column.name]
    if cell == "":
        return
    where = place(node.table, row.number, column.name)
    text = row.cells.get(column.attribute, "")
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


def _read_empty(node: Node, column: Column, row: Row, problems: Problems) -> None:
    """Make the optional text the empty text, not ``None``, if ``column`` says so (its
    value column comes first, so it has been read)."""
    cell = row.cells[column.name]
    if cell == "" or cell in _FALSE:
        return
    where = place(node.table, row.number, column.name)
    if cell not in _TRUE:
        problems.add(where, f"expected true, false or an empty cell, got {short_repr(cell)}")
    elif row.cells.get(column.attribute, ""):
        problems.add(where, f"must not be true when {column.attribute} is not empty")
    else:
        node.data[column.attribute] = ""


def _record_node(table: Table, row: Row, problems: Problems) -> Node:
    node = Node(table, row.number)
    nested: dict[str, dict[str, Any]] = {}
    for column in table.columns:
        if column.name not in row.cells:
            continue  # a column an older package lacks: the field keeps its default
        if column.role in ("earliest", "latest"):
            _check_derived(node, column, row, problems)
        if column.role == "empty":
            _read_empty(node, column, row, problems)
        if column.role != "value":
            continue
        cell = row.cells[column.name]
        where = place(table, row.number, column.name)
        if column.sub:
            values = nested.setdefault(column.attribute, {})
            if cell != "":  # a part left empty is reported by the model as missing
                values[column.sub] = _value(column, cell, where, problems)
            continue
        node.data[column.attribute] = _value(column, cell, where, problems)
    for attribute, values in nested.items():
        node.data[attribute] = values or None
    return node


def _owner_key(table: Table, row: Row, problems: Problems) -> tuple[Any, ...] | None:
    key: list[Any] = []
    for name in table.owner_columns:
        column = table.columns[_POSITIONS[table.name][name]]
        cell = row.cells[name]
        if column.type == "integer":
            number = _integer(cell, place(table, row.number, name), problems)
            if number is None:
                return None
            key.append(number)
        else:
            key.append(cell)
    return tuple(key)


def _order(table: Table, row: Row, problems: Problems) -> tuple[int, int]:
    """Where a row goes in its owner's list: by its order column, else last (row order)."""
    if table.order is None:
        return (0, row.number)
    number = _integer(row.cells[table.order], place(table, row.number, table.order), problems)
    if table.order == "index" and number is not None and number < 1:
        problems.add(place(table, row.number, "index"), f"{number} is below 1")
    return (0, number) if number is not None else (1, row.number)


def _show_key(table: Table, key: tuple[Any, ...]) -> str:
    if len(key) == 1:
        return short_repr(key[0])
    parts = (f"{name} {value!r}" for name, value in zip(table.owner_columns, key, strict=True))
    return ", ".join(parts)


def assemble(rows: dict[str, list[Row]], problems: Problems) -> Node | None:
    """The program's node, every row attached to its owner; ``None`` without a program."""
    nodes: dict[str, dict[tuple[Any, ...], Node]] = {}
    program_rows = rows[PROGRAMS]
    programs = BY_NAME[PROGRAMS]
    if len(program_rows) != 1:
        problems.add(place(programs), f"expected one row (the program), found {len(program_rows)}")
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
                        place(table, row.number, table.owner_columns[0]),
                        f"refers to {_show_key(table, owner_key)}, which is not in "
                        f"{BY_NAME[owner_name].file}",
                    )
                continue
            if order[0] == 0 and table.owner_columns:
                full = (*owner_key, order[1])
                if full in seen:
                    problems.add(
                        place(table, row.number, table.order or ""),
                        f"{_show_key(table, owner_key)}, {table.order} {order[1]} is already "
                        f"on row {seen[full]}",
                    )
                seen.setdefault(full, row.number)
            if table.record is not None:
                owner.children.setdefault(_child_key(table), []).append((order, node))
                continue
            item_column = table.columns[-1]
            where = place(table, row.number, item_column.name)
            item = _value(item_column, row.cells[item_column.name], where, problems)
            owner.items.setdefault(table.attribute, []).append((order, row.number, item))
    _check_stage_numbers(rows[STAGE_NUMBERS], stage_numbers, problems)
    return root


def _check_stage_numbers(rows: list[Row], numbers: set[int], problems: Problems) -> None:
    table = BY_NAME[STAGE_NUMBERS]
    listed: dict[int, int] = {}
    for row in rows:
        where = place(table, row.number, "number")
        number = _integer(row.cells["number"], where, problems)
        if number is None:
            continue
        if number in listed:
            problems.add(where, f"stage {number} is already on row {listed[number]}")
        elif number not in numbers:
            problems.add(where, f"no plan in stages.csv has a stage {number}; remove the row")
        listed.setdefault(number, row.number)
    for number in sorted(numbers - set(listed)):
        problems.add(place(table), f"stage {number} of stages.csv is missing; add a row for it")


def _child_key(table: Table) -> str:
    """The field a record table's rows fill: ``attribute``, or ``attribute.sub``."""
    return f"{table.attribute}.{table.sub}" if table.sub else table.attribute


def finish(node: Node, path: str, paths: dict[str, Where]) -> dict[str, Any]:
    """The node's JSON object, its lists and nested records in order; ``paths`` learns
    where every part of it came from."""
    table = node.table
    paths[path] = place(table, node.row)
    for column in table.columns:
        if column.role == "value":
            key = f"{column.attribute}.{column.sub}" if column.sub else column.attribute
            paths[f"{path}.{key}"] = place(table, node.row, column.name)
    data = node.data
    for child in _CHILDREN[table.name]:
        attribute = child.attribute
        at = f"{path}.{attribute}"
        if child.record is None:
            items = sorted(node.items.get(attribute, []), key=lambda item: item[0])
            data[attribute] = [item for _, _, item in items]
            numbers = tuple(row for _, row, _ in items)
            paths[at] = place(child, rows=numbers, column=child.columns[-1].name)
            for index, (_, row, _) in enumerate(items):
                paths[f"{at}[{index}]"] = place(child, row, child.columns[-1].name)
            continue
        key = _child_key(child)
        at = f"{path}.{key}"
        kids = sorted(node.children.get(key, []), key=lambda kid: kid[0])
        paths[at] = place(child, rows=tuple(kid.row for _, kid in kids))
        found = [finish(kid, f"{at}[{index}]", paths) for index, (_, kid) in enumerate(kids)]
        if not child.sub:
            data[attribute] = found
        elif found or data.get(attribute) is not None:
            # rows for a record left empty: the model reports its missing parts
            single = data.get(attribute) or {}
            single[child.sub] = found
            data[attribute] = single
    return data


_SEGMENT: Final = re.compile(r"(?:\.[^.\[]+|\[[^\]]*\])\Z")


def locate(path: str, paths: Mapping[str, Where]) -> tuple[Where, str]:
    """Where in the package the JSON path ``path`` of the assembled document is, and what
    of the path is left below that place (``""`` if nothing)."""
    current, rest = path, ""
    while current not in paths:
        match = _SEGMENT.search(current)
        if match is None:  # pragma: no cover - every path starts with "$", which is mapped
            return Where(-1, file=BY_NAME[PROGRAMS].file), path
        rest = match.group(0) + rest
        current = current[: match.start()]
    return paths[current], rest.lstrip(".")
