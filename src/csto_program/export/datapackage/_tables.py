"""The tables of a data package: their Table Schemas, derived from the field declarations,
and the package descriptor."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import attrs

from csto_program._spec import (
    ANY_RECORD,
    ENUM_DESCRIPTIONS,
    KINDS,
    Kind,
    Spec,
    references,
    specs,
)
from csto_program._spec import STAGE_NUMBERS as STAGE_NUMBER_REFERENCE
from csto_program.model import (
    Program,
)
from csto_program.serialize import SCHEMA_VERSION

__all__ = [
    "BY_NAME",
    "DESCRIPTOR",
    "FILES",
    "GUARD",
    "LINE_END",
    "MARKER",
    "OLDEST_LAYOUT",
    "PACKAGE_VERSION",
    "PROFILE",
    "PROGRAMS",
    "STAGE_NUMBERS",
    "TABLES",
    "Column",
    "ForeignKey",
    "Table",
    "descriptor",
    "guard_cell",
    "unguard_cell",
]

DESCRIPTOR: Final = "datapackage.json"
"""The name of the package descriptor in the folder.

>>> DESCRIPTOR
'datapackage.json'
"""

PROFILE: Final = "https://datapackage.org/profiles/2.0/datapackage.json"
"""The Data Package profile the descriptor follows (its ``$schema``).

>>> from csto_program.datasets import tajik_afghan_border
>>> descriptor(tajik_afghan_border())["$schema"]
'https://datapackage.org/profiles/2.0/datapackage.json'
"""

MARKER: Final = "csto-program"
"""The descriptor's own property that says this library wrote the package.

Its value is an object: ``package_version`` (:data:`PACKAGE_VERSION`) and ``formula_guard``,
the character put in front of a text cell that a spreadsheet would take for a formula
(see :func:`guard_cell`). A folder is replaced only when its descriptor has it.

>>> from csto_program.datasets import tajik_afghan_border
>>> descriptor(tajik_afghan_border())[MARKER]
{'package_version': 2, 'formula_guard': "'"}
"""

PACKAGE_VERSION: Final = 2
"""The version of the package layout this library writes (and the newest it reads).

Layout 1 is the package of version 0.2.0 of the library (whose descriptor has no
:data:`MARKER`) and of the versions after it that wrote ``package_version`` 1; layout 2 adds
the tables and columns of the document's version-3 fields (:attr:`Table.since` and
:attr:`Column.since` are 2): the names tables, ``statement_original``, the ``inferred``
columns of plans and reports, a meeting's ``status`` and ``announced_on``, a statement's
``original_language`` and ``original_fragments``. A package of an older layout may lack
what its layout did not have (a table is then empty, a column takes its field's default);
everything else it must have, as a package of the current layout must have everything.

>>> PACKAGE_VERSION
2
"""

OLDEST_LAYOUT: Final = 1
"""The package layout of a descriptor without :data:`MARKER` (version 0.2.0 wrote none).

>>> OLDEST_LAYOUT
1
"""

GUARD: Final = "'"
# What a spreadsheet takes for the start of a formula (OWASP's list), and the guard itself.
_GUARDED: Final = frozenset("=+-@\t\r" + GUARD)

STAGE_NUMBERS: Final = "stage_numbers"
PROGRAMS: Final = "programs"
LINE_END: Final = "\r\n"

# --------------------------------------------------------------------------- the tables


@attrs.frozen
class Column:
    """One column of a table: its Table Schema field and where its cells come from.

    ``role`` is ``"owner"`` (the key of the row that owns this one), ``"index"`` (the
    position in the owner's list, from 1), ``"value"`` (the record's field ``attribute``, or
    the field ``sub`` of the single record in ``attribute``), ``"item"`` (one item of a list
    field), ``"earliest"`` or ``"latest"`` (derived from the partial date ``attribute``),
    ``"empty"`` (whether the optional text ``attribute`` is the empty text rather than
    missing) or ``"number"`` (a stage number, in ``stage_numbers``). ``since`` is the
    package layout (:data:`PACKAGE_VERSION`) that added the column to its table: a package of
    an older layout may lack it, and then every row has the field's default.

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
    since: int = OLDEST_LAYOUT

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
    that orders rows of one owner (``None``: the order of the rows in the file). ``sub``,
    when given, is the list field of the single record in ``attribute`` that the rows fill
    (a meeting's ``place.names``). ``since`` is the package layout (:data:`PACKAGE_VERSION`)
    that added the table: a package of an older layout may lack its file (no rows).

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
    sub: str = ""
    since: int = OLDEST_LAYOUT

    def may_lack(self, column: Column, layout: int) -> bool:
        """Whether a package of ``layout`` may lack ``column`` of this table: the column
        was added to the table (which already existed) by a newer layout.

        >>> plans = next(table for table in TABLES if table.name == "plans")
        >>> inferred = plans.columns[-1]
        >>> inferred.name, inferred.since
        ('inferred', 2)
        >>> plans.may_lack(inferred, 1), plans.may_lack(inferred, 2)
        (True, False)
        """
        return column.since > max(layout, self.since)

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
                "lineTerminator": LINE_END,
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

# The names of a record in other languages are a table per record: ``program_names``,
# ``organization_names``, ``person_names`` and ``meeting_place_names``.

# What each package layout after the first added: record table -> the fields (a nested
# record's list as ``field.sub``) whose columns or tables it added. Layout 2 added the
# fields of document version 3.
_ADDED: Final[dict[int, dict[str, frozenset[str]]]] = {
    2: {
        "programs": frozenset({"names"}),
        "plans": frozenset({"inferred"}),
        "reports": frozenset({"inferred"}),
        "meetings": frozenset({"status", "announced_on", "place.names"}),
        "organizations": frozenset({"names"}),
        "people": frozenset({"names"}),
        "statements": frozenset({"original", "original_language", "original_fragments"}),
        "notes": frozenset({"noted_on"}),
    },
}


def _since(table: str, field: str, default: int) -> int:
    """The layout that added ``field`` of the records of ``table``, else ``default``."""
    added = (layout for layout, tables in _ADDED.items() if field in tables.get(table, ()))
    return min(added, default=default)


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
    "original": "text",
}

_EDTF_WORDS: Final = " (EDTF: YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ?, ~ or %)"


def _reference(cls: type, name: str, spec: Spec) -> str | None:
    """The table a reference field's values name (by ``id``, or ``stage_numbers`` by number),
    from the field's own declaration (``refers_to``); ``None`` for a field that is no
    reference, or names a record of any table, which no foreign key can say."""
    target = dict(references(cls)).get(name)
    if target is None:
        if spec.kind is Kind.ID and name != "id":  # pragma: no cover - a model without it
            raise RuntimeError(f"{cls.__name__}.{name} is an id: declare what it refers_to")
        return None
    if target == ANY_RECORD:
        return None
    if target == STAGE_NUMBER_REFERENCE:
        return STAGE_NUMBERS
    return target


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
    rule = KINDS[kind]  # the one rule of the kind: its cell type and its pattern
    column_type = rule.table_type
    if spec.minimum is not None:
        constraints["minimum"] = spec.minimum
    if kind is Kind.ENUM:
        constraints["enum"] = [member.value for member in spec.type]  # type: ignore[attr-defined]
    elif kind is Kind.BOOL:  # an empty cell: the field's default, false
        constraints["enum"] = ["true", "false"]
    elif rule.pattern is not None and column_type == "string":  # a date cell has its type
        constraints["pattern"] = f"(?:{rule.pattern})"  # Table Schema anchors it
    required = role == "item" or not (
        optional or spec.optional or kind is Kind.STR or kind is Kind.BOOL
    )
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


def _build(
    tables: list[Table],
    name: str,
    cls: type,
    owner: Table | None,
    attribute: str,
    sub: str = "",
    since: int = OLDEST_LAYOUT,
) -> None:
    """Add the table of the records ``cls`` (added by the layout ``since``), then its list
    tables and nested record tables (a table of rows filling the list ``sub`` of the single
    record ``attribute`` when ``sub`` is given)."""
    owned = () if owner is None or owner.name == PROGRAMS else _owner_columns(owner)
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
    children: list[tuple[str, Spec, str]] = []
    for field_name, spec in fields.items():
        if spec.kind is Kind.RECORD:
            if spec.many:
                children.append((field_name, spec, ""))
                continue
            for sub_attribute, sub_spec in specs(spec.type):
                if sub_spec.many:  # only record lists (a place's names) are declared there
                    children.append((field_name, sub_spec, sub_attribute.name))
                    continue
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
        added = [_value_column(field_name, spec, "value", field_name)]
        if spec.kind is Kind.PARTIAL_DATE:
            added.extend(_derived_columns(field_name, field_name))
        if spec.kind is Kind.STR and spec.optional:
            added.append(_empty_column(field_name))
        field_since = _since(name, field_name, since)
        columns.extend(attrs.evolve(column, since=field_since) for column in added)
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
        sub,
        since,
    )
    tables.append(table)
    for field_name, spec in lists:
        list_table = _list_table(table, cls, field_name, spec)
        tables.append(attrs.evolve(list_table, since=_since(name, field_name, since)))
    for field_name, spec, sub_name in children:
        if sub_name:
            child = f"{_SINGULAR[name]}_{field_name}_{sub_name}"
        elif field_name in _SINGULAR:
            child = field_name
        else:  # a record's own list of records (names): one table per owner
            child = f"{_SINGULAR[name]}_{field_name}"
        field = f"{field_name}.{sub_name}" if sub_name else field_name
        _build(tables, child, spec.type, table, field_name, sub_name, _since(name, field, since))
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


def _child_field(table: Table) -> str:
    """The field of its owner's records that the rows of ``table`` fill."""
    return f"{table.attribute}.{table.sub}" if table.sub else table.attribute


def _tables() -> tuple[Table, ...]:
    tables: list[Table] = []
    _build(tables, PROGRAMS, Program, None, "")
    names = {table.name for table in tables}
    for layout, added in _ADDED.items():
        for owner, fields in added.items():
            found = {c.attribute for t in tables if t.name == owner for c in t.columns}
            found.update(_child_field(t) for t in tables if t.owner == owner)
            if not fields <= found:  # pragma: no cover - a mistake in _ADDED
                raise RuntimeError(f"layout {layout}: {owner} has no {sorted(fields - found)}")
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

BY_NAME: Final = {table.name: table for table in TABLES}
FILES: Final = frozenset({DESCRIPTOR, *(table.file for table in TABLES)})


def descriptor(program: Program) -> dict[str, Any]:
    """The ``datapackage.json`` of ``program``'s package, as a dict.

    Besides the Data Package properties it has :data:`MARKER`, which says that this
    library wrote it, in which layout, and how text cells are guarded against formulas.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> package = descriptor(tajik_afghan_border())
    >>> package["$schema"] == PROFILE, package["resources"][0]["path"]
    (True, 'programs.csv')
    >>> descriptor("program")
    Traceback (most recent call last):
    ...
    TypeError: program must be a Program, not str
    """
    if not isinstance(program, Program):
        raise TypeError(f"program must be a Program, not {type(program).__name__}")
    return {
        "$schema": PROFILE,
        "name": program.id,
        "title": program.title,
        "description": (
            f"The record of the program {program.title!r} as tables, one per kind of record; "
            f"written by csto-program (document schema version {SCHEMA_VERSION}). {_GUARD_WORDS}"
        ),
        MARKER: {"package_version": PACKAGE_VERSION, "formula_guard": GUARD},
        "resources": [table.resource() for table in TABLES],
    }


_GUARD_WORDS: Final = (
    "So that no cell opens as a formula in a spreadsheet, a text cell that begins with =, +, "
    "-, @, a tab, a carriage return or an apostrophe (') is written with one more apostrophe "
    "in front: the cell '=SUM(A1) holds the text =SUM(A1), and ''quoted holds 'quoted. To "
    "read a text cell, remove one leading apostrophe if there is one."
)


def guard_cell(text: str) -> str:
    """The cell of the text ``text``: with a leading ``'`` if a spreadsheet would take it for
    a formula (it begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) or if
    it begins with ``'`` itself, so that :func:`unguard_cell` gives back exactly ``text``.

    >>> guard_cell("=HYPERLINK(1)"), guard_cell("'quoted"), guard_cell("Stage 1")
    ("'=HYPERLINK(1)", "''quoted", 'Stage 1')
    """
    return GUARD + text if text[:1] in _GUARDED else text


def unguard_cell(cell: str) -> str:
    """The text of a guarded cell: one leading ``'`` removed, if there is one.

    >>> unguard_cell("'=HYPERLINK(1)"), unguard_cell("''quoted"), unguard_cell("Stage 1")
    ('=HYPERLINK(1)', "'quoted", 'Stage 1')
    """
    return cell[1:] if cell[:1] == GUARD else cell
