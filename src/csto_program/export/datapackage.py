"""A program as a folder of CSV tables with a Frictionless ``datapackage.json``, and back.

:func:`to_datapackage` writes one CSV file per kind of record and a Data Package (v2)
descriptor whose Table Schemas give every column its type, constraints and description, the
primary keys and the foreign keys between the tables; :func:`from_datapackage` reads such a
folder back, after it has been edited in a spreadsheet say, through the model's own checks.
The tables are derived from the field declarations (:func:`csto_program._spec.specs`), so a
field added to the model gets its column, type, constraint and description here too.

>>> import os, tempfile
>>> from csto_program.datasets import tajik_afghan_border
>>> program = tajik_afghan_border()
>>> folder = tempfile.TemporaryDirectory()
>>> target = os.path.join(folder.name, "record")
>>> to_datapackage(program, target)
>>> sorted(os.listdir(target))[:4]
['datapackage.json', 'meeting_decisions.csv', 'meeting_sources.csv', 'meetings.csv']
>>> from_datapackage(target) == program
True
>>> folder.cleanup()

The tables (see :data:`TABLES`; every one has a header row):

* one table per kind of record: ``programs`` (one row), ``plans``, ``stages`` (key
  ``plan_id, number``), ``organizations``, ``people``, ``meetings`` (the place flattened
  into ``place_name``, ``place_country`` and ``place_timezone``), ``participants`` (key
  ``meeting_id, index``), ``statements``, ``reports``, ``sources`` and ``notes``, keyed by
  ``id`` unless said otherwise;
* one table per list-valued field, named ``<record>_<field>``: ``statement_stages``,
  ``statement_sources``, ``program_other_names``, ``stage_tasks``, ``source_via``,
  ``note_about``... A row holds the owner's key, ``index`` (the item's position in the list,
  from 1: rows are read back in this order) and the item;
* ``stage_numbers``: every stage number in any plan. A statement or a progress report refers
  to a stage *number*, which the model checks against the stages of all plans, not of one
  plan; so ``statement_stages.stage`` and ``reports.stage`` have a foreign key to
  ``stage_numbers.number``, which is exactly the model's rule. The table is derived from
  ``stages``: the reader checks that it lists exactly their numbers.

``note_about.record_id`` has no foreign key: a note may be about a record of any table
(plans, people, meetings...); the reader checks it as the model does.

Cells: UTF-8, RFC 4180 (``\\r\\n`` line ends, fields quoted when needed), dates as
``YYYY-MM-DD``, partial dates as their EDTF text followed by two date columns
``<field>_earliest`` and ``<field>_latest`` (the first and last day the partial date can
denote) for sorting. Those two are derived: the reader accepts them empty and otherwise
checks that they agree with the EDTF text. An empty cell is a missing value (``None``) for
an optional field and the empty text for a text that may be empty. An optional field that
may also be the empty text (an organisation's ``abbreviation``) would be an empty cell
either way, so it has a boolean column ``<field>_empty``: ``true`` for the empty text,
otherwise left empty.

Reading reports every problem at once in one :class:`~csto_program.DataError`, each path
naming the file, the row (counted as a spreadsheet counts them: the header is row 1) and the
column, such as ``statements.csv: row 3: said_on``.
"""

from __future__ import annotations

import csv
import datetime
import enum
import io
import json
import os
import re
import secrets
import shutil
import stat
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

import attrs

from csto_program._files import (
    MAX_DOCUMENT_BYTES,
    FileError,
    _from_os_error,
    _sync_directory,
    _umask,
    read_limited,
)
from csto_program._spec import ENUM_DESCRIPTIONS, Kind, Spec, specs
from csto_program.dates import PartialDate, format_iso_date
from csto_program.errors import CstoProgramError, DataError, short_repr
from csto_program.model import (
    Meeting,
    Note,
    Organization,
    Participant,
    Program,
    ProgressReport,
    Source,
    Statement,
)
from csto_program.serialize import SCHEMA_VERSION, from_dict

__all__ = [
    "DESCRIPTOR",
    "PROFILE",
    "TABLES",
    "Column",
    "ForeignKey",
    "Table",
    "descriptor",
    "from_datapackage",
    "to_datapackage",
    "write_datapackage",
]

DESCRIPTOR: Final = "datapackage.json"
"""The name of the package descriptor in the folder.

>>> import os, tempfile
>>> from csto_program.datasets import tajik_afghan_border
>>> with tempfile.TemporaryDirectory() as folder:
...     to_datapackage(tajik_afghan_border(), folder)
...     os.path.isfile(os.path.join(folder, DESCRIPTOR))
True
>>> DESCRIPTOR
'datapackage.json'
"""

PROFILE: Final = "https://datapackage.org/profiles/2.0/datapackage.json"
"""The Data Package profile the descriptor follows (its ``$schema``).

>>> from csto_program.datasets import tajik_afghan_border
>>> descriptor(tajik_afghan_border())["$schema"]
'https://datapackage.org/profiles/2.0/datapackage.json'
"""

STAGE_NUMBERS: Final = "stage_numbers"
_PROGRAMS: Final = "programs"
_LINE_END: Final = "\r\n"

# --------------------------------------------------------------------------- the tables


@attrs.frozen
class Column:
    """One column of a table: its Table Schema field and where its cells come from.

    ``role`` is ``"owner"`` (the key of the row that owns this one), ``"index"`` (the
    position in the owner's list, from 1), ``"value"`` (the record's field ``attribute``, or
    the field ``sub`` of the single record in ``attribute``), ``"item"`` (one item of a list
    field), ``"earliest"`` or ``"latest"`` (derived from the partial date ``attribute``),
    ``"empty"`` (whether the optional text ``attribute`` is the empty text rather than
    missing) or ``"number"`` (a stage number, in ``stage_numbers``).

    >>> stages = next(table for table in TABLES if table.name == "stages")
    >>> number = stages.columns[1]
    >>> number.name, number.role, number.attribute
    ('number', 'value', 'number')
    >>> number.field()["type"], number.field()["constraints"]
    ('integer', {'required': True, 'minimum': 1})
    """

    name: str
    type: str
    description: str
    role: str
    required: bool = False
    constraints: Mapping[str, Any] = attrs.field(factory=dict)
    attribute: str = ""
    sub: str = ""
    spec: Spec | None = None

    def field(self) -> dict[str, Any]:
        """The Table Schema field descriptor."""
        found: dict[str, Any] = {"name": self.name, "type": self.type}
        found["description"] = self.description
        constraints = dict(self.constraints)
        if self.required:
            constraints = {"required": True, **constraints}
        if constraints:
            found["constraints"] = constraints
        return found


@attrs.frozen
class ForeignKey:
    """Columns of a table whose values are the key ``reference`` of the table ``resource``.

    >>> reports = next(table for table in TABLES if table.name == "reports")
    >>> reports.foreign_keys[0]
    ForeignKey(fields=('stage',), resource='stage_numbers', reference=('number',))
    >>> reports.foreign_keys[0].descriptor()
    {'fields': ['stage'], 'reference': {'resource': 'stage_numbers', 'fields': ['number']}}
    """

    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]

    def descriptor(self) -> dict[str, Any]:
        """The Table Schema foreign key descriptor."""
        return {
            "fields": list(self.fields),
            "reference": {"resource": self.resource, "fields": list(self.reference)},
        }


@attrs.frozen
class Table:
    """One CSV table of the package.

    ``record`` is the model class of a record table (``None`` for a list table and for
    ``stage_numbers``); its rows belong to the rows of ``owner`` (``None`` for the program
    itself), filling its field ``attribute``; ``owner_columns`` name the owner row (none for
    the program's collections: a package holds one program) and ``order`` is the column
    that orders rows of one owner (``None``: the order of the rows in the file).

    >>> stages = next(table for table in TABLES if table.name == "stages")
    >>> stages.file, stages.primary_key, stages.owner, stages.order
    ('stages.csv', ('plan_id', 'number'), 'plans', 'number')
    >>> stages.header
    ('plan_id', 'number', 'name', 'start', 'end', 'description')
    >>> stages.resource()["schema"]["foreignKeys"][0]["reference"]
    {'resource': 'plans', 'fields': ['id']}
    """

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    record: type | None = None
    owner: str | None = None
    attribute: str = ""
    owner_columns: tuple[str, ...] = ()
    order: str | None = None

    @property
    def file(self) -> str:
        """The file name of the table in the folder."""
        return f"{self.name}.csv"

    @property
    def header(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(column.name for column in self.columns)

    def resource(self) -> dict[str, Any]:
        """The Data Resource descriptor of the table."""
        schema: dict[str, Any] = {
            "fields": [column.field() for column in self.columns],
            "primaryKey": list(self.primary_key),
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [key.descriptor() for key in self.foreign_keys]
        return {
            "name": self.name,
            "type": "table",
            "path": self.file,
            "title": self.title,
            "description": self.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {
                "header": True,
                "delimiter": ",",
                "lineTerminator": _LINE_END,
                "quoteChar": '"',
                "doubleQuote": True,
            },
            "schema": schema,
        }


# The collections of a program are tables named after the field; these are what one row of
# each is called, in column names (``statement_id``) and list tables (``statement_stages``).
_SINGULAR: Final = {
    "programs": "program",
    "plans": "plan",
    "stages": "stage",
    "organizations": "organization",
    "people": "person",
    "meetings": "meeting",
    "participants": "participant",
    "statements": "statement",
    "reports": "report",
    "sources": "source",
    "notes": "note",
}

# A nested record without an id is keyed, within its owner, by this field (a stage's number
# is 1..n within its plan) or else by its position (``index``).
_NATURAL_KEYS: Final[dict[str, str]] = {"stages": "number"}

# The column that holds one item of a list field.
_ITEM_COLUMNS: Final = {
    "sources": "source_id",
    "about": "record_id",
    "stages": "stage",
    "other_names": "name",
    "tasks": "task",
    "decisions": "decision",
    "topics": "topic",
}

# What each reference field refers to: a table's ``id`` (or ``stage_numbers``); ``None``
# for a reference to a record of any table, which no foreign key can say. Every field
# named ``sources`` refers to the sources. Building the tables fails on an id field missing
# here, so that a new reference cannot go without its foreign key unnoticed.
_REFERENCES: Final[dict[tuple[type, str], str | None]] = {
    (Program, "organization"): "organizations",
    (Program, "beneficiary"): "organizations",
    (Organization, "parent"): "organizations",
    (Meeting, "organizer"): "organizations",
    (Participant, "person"): "people",
    (Participant, "organization"): "organizations",
    (Statement, "speaker"): "people",
    (Statement, "on_behalf_of"): "organizations",
    (Statement, "meeting"): "meetings",
    (Statement, "stages"): STAGE_NUMBERS,
    (ProgressReport, "statement"): "statements",
    (ProgressReport, "stage"): STAGE_NUMBERS,
    (Source, "via"): "sources",
    (Note, "about"): None,
}

# Not blank: a character that str.strip() keeps (Table Schema anchors the pattern).
_TEXT_PATTERN: Final = r"\s*\S[\s\S]*"
_EDTF_WORDS: Final = " (EDTF: YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ?, ~ or %)"


def _reference(cls: type, name: str, spec: Spec) -> str | None:
    if name == "sources":
        return "sources"
    if (cls, name) in _REFERENCES:
        return _REFERENCES[(cls, name)]
    if spec.kind is Kind.ID and name != "id":
        raise RuntimeError(f"declare what {cls.__name__}.{name} refers to in _REFERENCES")
    return None


def _describe(spec: Spec) -> str:
    text = spec.description
    if spec.rule:
        text += f" Must be {spec.rule}."
    if spec.kind is Kind.PARTIAL_DATE:
        text += _EDTF_WORDS
    if spec.kind is Kind.ENUM:
        meanings = ENUM_DESCRIPTIONS.get(spec.type, {})
        text += " One of: " + "; ".join(f"{value} ({what})" for value, what in meanings.items())
    return text


def _value_column(
    name: str, spec: Spec, role: str, attribute: str, sub: str = "", *, optional: bool = False
) -> Column:
    """The column of one value of ``spec`` (one field, or one item of a list field)."""
    constraints: dict[str, Any] = {}
    kind = spec.kind
    column_type = "string"
    if kind is Kind.INT:
        column_type = "integer"
        if spec.minimum is not None:
            constraints["minimum"] = spec.minimum
    elif kind is Kind.DATE:
        column_type = "date"
    elif kind is Kind.ENUM:
        constraints["enum"] = [member.value for member in spec.type]  # type: ignore[attr-defined]
    elif kind is Kind.TEXT:
        constraints["pattern"] = _TEXT_PATTERN
    elif spec.pattern is not None:
        constraints["pattern"] = f"(?:{spec.pattern})"
    required = role == "item" or not (optional or spec.optional or kind is Kind.STR)
    return Column(
        name, column_type, _describe(spec), role, required, constraints, attribute, sub, spec
    )


def _derived_columns(name: str, attribute: str) -> tuple[Column, Column]:
    return (
        Column(
            f"{name}_earliest",
            "date",
            f"The first day {name} can denote, for sorting (derived from it; may be left empty).",
            "earliest",
            attribute=attribute,
        ),
        Column(
            f"{name}_latest",
            "date",
            f"The last day {name} can denote, for sorting (derived from it; may be left empty).",
            "latest",
            attribute=attribute,
        ),
    )


def _index_column(description: str) -> Column:
    return Column("index", "integer", description, "index", True, {"minimum": 1})


def _empty_column(name: str) -> Column:
    return Column(
        f"{name}_empty",
        "boolean",
        f"true when {name} is the empty text rather than missing (both are an empty cell); "
        "otherwise left empty.",
        "empty",
        attribute=name,
    )


def _first_paragraph(cls: type) -> str:
    return " ".join((cls.__doc__ or cls.__name__).strip().split("\n\n")[0].split())


def _owner_columns(table: Table) -> tuple[Column, ...]:
    """The columns that name a row of ``table`` from another table (its key, renamed)."""
    singular = _SINGULAR[table.name]
    found = []
    for key in table.primary_key:
        column = next(c for c in table.columns if c.name == key)
        if key == "id":
            name, what = f"{singular}_id", f"Id of the {singular}."
        elif column.role == "owner":
            name, what = key, column.description
        else:
            name, what = singular, f"The {key} of the {singular}."
        found.append(Column(name, column.type, what, "owner", True, {}))
    return tuple(found)


def _build(tables: list[Table], name: str, cls: type, owner: Table | None, attribute: str) -> None:
    """Add the table of the records ``cls``, then its list tables and nested record tables."""
    owned = () if owner is None or owner.name == _PROGRAMS else _owner_columns(owner)
    columns: list[Column] = list(owned)
    foreign: list[ForeignKey] = []
    if owned and owner is not None:
        foreign.append(ForeignKey(tuple(c.name for c in owned), owner.name, owner.primary_key))
    fields = dict((a.name, s) for a, s in specs(cls))
    if "id" in fields:
        key, order = (*(c.name for c in owned), "id"), None
    elif name in _NATURAL_KEYS:
        key, order = (*(c.name for c in owned), _NATURAL_KEYS[name]), _NATURAL_KEYS[name]
    else:
        columns.append(_index_column("The position in the list, from 1."))
        key, order = (*(c.name for c in owned), "index"), "index"
    lists: list[tuple[str, Spec]] = []
    children: list[tuple[str, Spec]] = []
    for field_name, spec in fields.items():
        if spec.kind is Kind.RECORD:
            if spec.many:
                children.append((field_name, spec))
                continue
            for sub_attribute, sub_spec in specs(spec.type):
                column = _value_column(
                    f"{field_name}_{sub_attribute.name}",
                    sub_spec,
                    "value",
                    field_name,
                    sub_attribute.name,
                    optional=spec.optional,
                )
                columns.append(
                    attrs.evolve(column, description=f"{spec.description} {column.description}")
                )
            continue
        if spec.many:
            lists.append((field_name, spec))
            continue
        columns.append(_value_column(field_name, spec, "value", field_name))
        if spec.kind is Kind.PARTIAL_DATE:
            columns.extend(_derived_columns(field_name, field_name))
        if spec.kind is Kind.STR and spec.optional:
            columns.append(_empty_column(field_name))
        target = _reference(cls, field_name, spec)
        if target is not None:
            foreign.append(ForeignKey((field_name,), target, _target_key(target)))
    table = Table(
        name,
        name.replace("_", " ").capitalize(),
        _first_paragraph(cls),
        tuple(columns),
        key,
        tuple(foreign),
        cls,
        None if owner is None else owner.name,
        attribute,
        tuple(c.name for c in owned),
        order,
    )
    tables.append(table)
    for field_name, spec in lists:
        tables.append(_list_table(table, cls, field_name, spec))
    for field_name, spec in children:
        _build(tables, field_name, spec.type, table, field_name)
        if field_name == "stages":
            tables.append(_stage_numbers(spec.type))


def _target_key(target: str) -> tuple[str, ...]:
    return ("number",) if target == STAGE_NUMBERS else ("id",)


def _list_table(owner: Table, cls: type, attribute: str, spec: Spec) -> Table:
    owned = _owner_columns(owner)
    item = _ITEM_COLUMNS.get(attribute, attribute)
    index = _index_column("The position of the item in the list, from 1.")
    value = _value_column(item, spec, "item", attribute)
    value = attrs.evolve(
        value, description=f"One of: {value.description[0].lower()}{value.description[1:]}"
    )
    owner_names = tuple(c.name for c in owned)
    foreign = [ForeignKey(owner_names, owner.name, owner.primary_key)]
    target = _reference(cls, attribute, spec)
    if target is not None:
        foreign.append(ForeignKey((item,), target, _target_key(target)))
    # A list of distinct values (a statement's stages) is keyed by its items, so the
    # package says they are distinct; any other list by the position of its items.
    key = (*owner_names, item) if spec.unique else (*owner_names, "index")
    name = f"{_SINGULAR[owner.name]}_{attribute}"
    return Table(
        name,
        name.replace("_", " ").capitalize(),
        f"{spec.description} One row per item, in the order of index.",
        (*owned, index, value),
        key,
        tuple(foreign),
        None,
        owner.name,
        attribute,
        owner_names,
        "index",
    )


def _stage_numbers(stage: type) -> Table:
    spec = dict((a.name, s) for a, s in specs(stage))["number"]
    column = _value_column("number", spec, "number", "number")
    column = attrs.evolve(column, description="A stage number used by at least one plan.")
    return Table(
        STAGE_NUMBERS,
        "Stage numbers",
        "Every stage number in any plan (derived from stages): what the stage numbers of "
        "statements and progress reports refer to.",
        (column,),
        ("number",),
    )


def _tables() -> tuple[Table, ...]:
    tables: list[Table] = []
    _build(tables, _PROGRAMS, Program, None, "")
    names = {table.name for table in tables}
    for table in tables:
        for key in table.foreign_keys:
            if key.resource not in names:  # pragma: no cover - a mistake in the maps above
                raise RuntimeError(f"{table.name}: foreign key to unknown table {key.resource}")
    return tuple(tables)


TABLES: Final[tuple[Table, ...]] = _tables()
"""Every table of the package, in the order of the descriptor (owners before their rows).

>>> [table.name for table in TABLES][:6]
['programs', 'program_other_names', 'plans', 'plan_sources', 'stages', 'stage_tasks']
>>> next(t for t in TABLES if t.name == "statement_stages").primary_key
('statement_id', 'stage')
"""

_BY_NAME: Final = {table.name: table for table in TABLES}
_FILES: Final = frozenset({DESCRIPTOR, *(table.file for table in TABLES)})


def descriptor(program: Program) -> dict[str, Any]:
    """The ``datapackage.json`` of ``program``'s package, as a dict.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> package = descriptor(tajik_afghan_border())
    >>> package["$schema"] == PROFILE, package["resources"][0]["path"]
    (True, 'programs.csv')
    """
    return {
        "$schema": PROFILE,
        "name": program.id,
        "title": program.title,
        "description": (
            f"The record of the program {program.title!r} as tables, one per kind of record; "
            f"written by csto-program (document schema version {SCHEMA_VERSION})."
        ),
        "resources": [table.resource() for table in TABLES],
    }


# --------------------------------------------------------------------------- writing


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, datetime.date):
        return format_iso_date(value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if type(value) is int:
        return str(value)
    text: str = value
    return text


def _record_cells(table: Table, record: Any, owner_key: tuple[Any, ...], index: int) -> list[str]:
    cells: list[str] = []
    for column in table.columns:
        role = column.role
        if role == "owner":
            cells.append(_cell(owner_key[len(cells)]))
        elif role == "index":
            cells.append(str(index))
        elif role == "value":
            value = getattr(record, column.attribute)
            if column.sub:
                value = None if value is None else getattr(value, column.sub)
            cells.append(_cell(value))
        elif role == "empty":
            cells.append("true" if getattr(record, column.attribute) == "" else "")
        else:  # earliest, latest
            partial = getattr(record, column.attribute)
            day = None if partial is None else getattr(partial, role)
            cells.append(_cell(day))
    return cells


def _key(table: Table, record: Any, owner_key: tuple[Any, ...], index: int) -> tuple[Any, ...]:
    """The values of the primary key of ``record``'s row in ``table``."""
    if table.order == "index":
        return (*owner_key, index)
    return (*owner_key, getattr(record, table.primary_key[-1]))


def _rows(program: Program) -> dict[str, list[list[str]]]:
    rows: dict[str, list[list[str]]] = {table.name: [] for table in TABLES}
    # table name -> [(record, key of its row)], filled owners first
    records: dict[str, list[tuple[Any, tuple[Any, ...]]]] = {}
    for table in TABLES:
        if table.name == STAGE_NUMBERS:
            numbers = sorted({number for _, (_, number) in records["stages"]})
            rows[table.name] = [[str(number)] for number in numbers]
            continue
        if table.owner is None:
            owners: list[tuple[Any, tuple[Any, ...]]] = [(None, ())]
        else:
            owners = records[table.owner]
        if table.owner == _PROGRAMS and table.record is not None:
            owners = [(owner, ()) for owner, _ in owners]  # no program_id column
        made = records.setdefault(table.name, [])
        out = rows[table.name]
        for owner, owner_key in owners:
            if table.record is None:  # a list table
                for index, item in enumerate(getattr(owner, table.attribute), start=1):
                    out.append([*map(_cell, owner_key), str(index), _cell(item)])
                continue
            items = (program,) if owner is None else getattr(owner, table.attribute)
            for index, record in enumerate(items, start=1):
                out.append(_record_cells(table, record, owner_key, index))
                made.append((record, _key(table, record, owner_key, index)))
    return rows


def _csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=_LINE_END)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _package_files(program: Program) -> dict[str, bytes]:
    rows = _rows(program)
    files = {table.file: _csv_bytes(table.header, rows[table.name]) for table in TABLES}
    text = json.dumps(descriptor(program), ensure_ascii=False, indent=2) + "\n"
    return {DESCRIPTOR: text.encode("utf-8"), **files}


def _write_file(path: str, data: bytes) -> None:
    """Write a new file and flush it to disk."""
    with open(path, "xb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


_CANNOT_WRITE: Final = "cannot write the package"


def _replaceable(given: str, target: str) -> bool:
    """Whether ``target`` exists (and may be replaced); ``FileError`` if it may not be."""
    try:
        status = os.stat(target)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise _from_os_error(given, _CANNOT_WRITE, exc) from exc
    if not stat.S_ISDIR(status.st_mode):
        raise FileError(given, f"{_CANNOT_WRITE}: it exists and is not a folder")
    _check_contents(given, target)
    return True


def _check_contents(given: str, folder: str) -> None:
    try:
        with os.scandir(folder) as entries:
            names = {entry.name: entry.is_dir(follow_symlinks=False) for entry in entries}
    except OSError as exc:
        raise _from_os_error(given, _CANNOT_WRITE, exc) from exc
    if not names:
        return
    others = sorted(name for name, is_dir in names.items() if is_dir or name not in _FILES)
    if DESCRIPTOR in names and not others:
        return
    if DESCRIPTOR not in names:
        reason = f"the folder holds files and no {DESCRIPTOR}"
    else:
        shown = ", ".join(short_repr(name, 40) for name in others[:5])
        more = f" and {len(others) - 5} more" if len(others) > 5 else ""
        reason = f"the folder holds files that are not part of a data package: {shown}{more}"
    raise FileError(
        given, f"{_CANNOT_WRITE}: {reason}; refusing to replace it (choose an empty or new folder)"
    )


def _install(given: str, temporary: str, target: str, existing: bool) -> None:
    """Rename the finished ``temporary`` folder to ``target``, the old package out of the
    way first; on failure the old package is put back."""
    if not existing:
        os.rename(temporary, target)  # fails if a folder with files appeared meanwhile
        return
    parent = os.path.dirname(temporary)
    aside = os.path.join(parent, f".{os.path.basename(target)}.{secrets.token_hex(4)}.old")
    os.rename(target, aside)
    try:
        _check_contents(given, aside)  # files added since the first check stay the user's
        os.rename(temporary, target)
    except BaseException:
        os.rename(aside, target)
        raise
    shutil.rmtree(aside, ignore_errors=True)


def to_datapackage(program: Program, directory: str | os.PathLike[str]) -> None:
    """Write ``program`` as a data package: a folder of CSV tables and ``datapackage.json``.

    The folder is built next to ``directory`` (``.NAME.XXXXXXXX.tmp``) and renamed into
    place when complete, so that a failure leaves what was at ``directory`` as it was and
    no reader sees a half-written package. An existing ``directory`` is replaced when it is
    empty or holds a package written by this function (its ``datapackage.json`` and tables,
    nothing else); a folder holding other files is refused with a
    :class:`~csto_program._files.FileError`, never deleted. An old package is renamed
    aside (``.NAME.XXXXXXXX.old``) before the new one is renamed into place and removed
    after, so there is an instant without a folder at ``directory``, never a partial one (a
    crash in that instant leaves the old package in the folder aside). A problem with the
    file system is a :class:`~csto_program._files.FileError`.

    >>> import csv, os, tempfile
    >>> from csto_program.datasets import tajik_afghan_border
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     target = os.path.join(folder, "record")
    ...     to_datapackage(tajik_afghan_border(), target)
    ...     to_datapackage(tajik_afghan_border(), target)  # replaces the package
    ...     with open(os.path.join(target, "stages.csv"), encoding="utf-8", newline="") as file:
    ...         rows = list(csv.reader(file))
    >>> rows[0][:5]
    ['plan_id', 'number', 'name', 'start', 'end']
    >>> row = dict(zip(rows[0], rows[1]))
    >>> row["plan_id"], row["number"], row["start"], row["end"]
    ('asia-plus-2024-11-25', '1', '2024-11-28', '2025-11-28')
    """
    if not isinstance(program, Program):
        raise TypeError(f"program must be a Program, not {type(program).__name__}")
    given = os.fspath(directory)
    files = _package_files(program)  # every byte is made before the disk is touched
    target = os.path.realpath(given) if os.path.islink(given) else given
    target = os.path.abspath(target)
    existing = _replaceable(given, target)
    parent, name = os.path.split(target)
    try:
        temporary = tempfile.mkdtemp(dir=parent, prefix=f".{name}.", suffix=".tmp")
    except FileNotFoundError as exc:
        raise FileError(
            given, f"{_CANNOT_WRITE}: its parent folder does not exist", errno=exc.errno
        ) from exc
    except OSError as exc:
        raise _from_os_error(given, _CANNOT_WRITE, exc) from exc
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode) if existing else 0o777 & ~_umask()
        os.chmod(temporary, mode)
        for file_name, data in files.items():
            _write_file(os.path.join(temporary, file_name), data)
        _sync_directory(temporary)
        _install(given, temporary, target, existing)
    except BaseException as exc:
        shutil.rmtree(temporary, ignore_errors=True)
        if isinstance(exc, OSError) and not isinstance(exc, CstoProgramError):
            raise _from_os_error(given, _CANNOT_WRITE, exc) from exc
        raise
    _sync_directory(parent)


def write_datapackage(
    program: Program,
    directory: str | os.PathLike[str],
    *,
    as_of: datetime.date | None = None,
    known_on: datetime.date | None = None,
) -> None:
    """:func:`to_datapackage`, as the export registry calls it.

    A package holds the whole record, not a status on a day: ``as_of`` and ``known_on``,
    which the registry passes to every format, change nothing.

    >>> import datetime, os, tempfile
    >>> from csto_program.datasets import tajik_afghan_border
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_datapackage(tajik_afghan_border(), folder, as_of=datetime.date(2026, 1, 29))
    ...     from_datapackage(folder) == tajik_afghan_border()
    True
    """
    del as_of, known_on  # the same package whatever the day
    to_datapackage(program, directory)


# --------------------------------------------------------------------------- reading


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
    folder: str, name: str, budget: list[int], problems: _Problems, table: Table | None
) -> bytes | None:
    """The bytes of ``name`` in ``folder``, within what is left of the size budget (once it
    is spent, ``budget`` is ``[-1]`` and nothing more is read)."""
    path = os.path.join(folder, name)
    where = _where(table) if table is not None else _Where(-1, file=name)
    if budget[0] < 0:
        return None
    if not os.path.isfile(path):
        problems.add(where, "the file is missing")
        return None
    try:
        data = read_limited(path, max_bytes=budget[0], label=name)
    except DataError:
        limit = MAX_DOCUMENT_BYTES
        problems.add(where, f"the files of the package hold more than {limit} bytes (the limit)")
        budget[0] = -1
        return None
    budget[0] -= len(data)
    return data


def _parse(table: Table, data: bytes, problems: _Problems) -> list[_Row] | None:
    """The rows of a table's CSV bytes, checked against its header; ``None`` if unusable."""
    try:
        text = data.decode("utf-8-sig")  # a spreadsheet may save a byte order mark
    except UnicodeDecodeError as exc:
        problems.add(_where(table), f"not UTF-8 text (byte {exc.start} cannot be decoded)")
        return None
    if csv.field_size_limit() < MAX_DOCUMENT_BYTES:  # the files are bounded, not the cells
        csv.field_size_limit(MAX_DOCUMENT_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
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
            rows.append(_Row(number, dict(zip(header, cells, strict=True))))
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
    program_rows = rows[_PROGRAMS]
    programs = _BY_NAME[_PROGRAMS]
    if len(program_rows) != 1:
        problems.add(_where(programs), f"expected one row (the program), found {len(program_rows)}")
        if not program_rows:
            return None
    root = _record_node(programs, program_rows[0], problems)
    nodes[_PROGRAMS] = {(root.data["id"],): root}
    stage_numbers: set[int] = set()
    unkeyed: set[str] = set()  # tables with a row whose key could not be read
    for table in TABLES[1:]:
        if table.name == STAGE_NUMBERS:
            continue
        owner_name = table.owner or _PROGRAMS
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
                        f"{_BY_NAME[owner_name].file}",
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
    table = _BY_NAME[STAGE_NUMBERS]
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
            return _Where(-1, file=_BY_NAME[_PROGRAMS].file), path
        rest = match.group(0) + rest
        current = current[: match.start()]
    return paths[current], rest.lstrip(".")


def _descriptor_problems(data: bytes, problems: _Problems) -> None:
    where = _Where(-1, file=DESCRIPTOR)
    try:
        package = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        problems.add(where, f"not a JSON document: {exc}")
        return
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        problems.add(where, "not a data package descriptor (an object with resources)")


def from_datapackage(directory: str | os.PathLike[str]) -> Program:
    """Read back a package that :func:`to_datapackage` wrote, perhaps edited since.

    The tables are read as this version of the library defines them (:data:`TABLES`; the
    columns of a file may come in any order) and assembled into a program document that
    goes through :func:`~csto_program.from_dict`, so that every check of the model applies.
    Every problem is reported at once in one :class:`~csto_program.DataError` whose paths
    name the file, the row (the header is row 1) and the column, such as
    ``statements.csv: row 3: said_on``; a missing file, a missing or unknown column and a
    file that is not CSV are reported the same way. The files together may hold at most
    :data:`~csto_program._files.MAX_DOCUMENT_BYTES`. ``directory`` is the folder or its
    ``datapackage.json``; a folder that cannot be read is a
    :class:`~csto_program._files.FileError`.

    >>> import os, tempfile
    >>> from csto_program.datasets import tajik_afghan_border
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     to_datapackage(tajik_afghan_border(), folder)
    ...     os.remove(os.path.join(folder, "notes.csv"))
    ...     from_datapackage(folder)
    Traceback (most recent call last):
    ...
    csto_program.errors.DataError: 1 problem:
      notes.csv: the file is missing
    """
    folder = os.fspath(directory)
    if os.path.basename(folder) == DESCRIPTOR and os.path.isfile(folder):
        folder = os.path.dirname(folder) or os.curdir
    if not os.path.isdir(folder):
        reason = "it is not a folder" if os.path.exists(folder) else "no such folder"
        raise FileError(folder, f"cannot read the package: {reason}")
    problems = _Problems()
    budget = [MAX_DOCUMENT_BYTES]  # what the files may still hold, together
    data = _read(folder, DESCRIPTOR, budget, problems, None)
    if data is not None:
        _descriptor_problems(data, problems)
    rows: dict[str, list[_Row]] = {}
    for table in TABLES:
        data = _read(folder, table.file, budget, problems, table)
        parsed = None if data is None else _parse(table, data, problems)
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
