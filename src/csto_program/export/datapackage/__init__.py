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
['datapackage.json', 'meeting_decisions.csv', 'meeting_place_names.csv', 'meeting_sources.csv']
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
  ``note_about``, ``statement_original`` (an original wording, or its fragments)... A row
  holds the owner's key, ``index`` (the item's position in the list, from 1: rows are read
  back in this order) and the item;
* one table of names in other languages per record that has them: ``program_names``,
  ``organization_names``, ``person_names`` and ``meeting_place_names`` (the names of a
  meeting's place), each row the owner's key, ``index``, ``language``, ``name`` and
  ``abbreviation``;
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

A package written by an older version of the library keeps loading: the descriptor's
``csto-program`` property says its layout (``package_version``; a package of version 0.2.0
has none, and is of layout 1), and a table that layout did not have may be missing (it has
no rows), a column it did not have may be missing from a table (every row has the field's
default: a plan not inferred, a meeting held). Anything the layout had is still required.

Reading reports every problem at once in one :class:`~csto_program.DataError`, each path
naming the file, the row (counted as a spreadsheet counts them: the header is row 1) and the
column, such as ``statements.csv: row 3: said_on``.
"""

from __future__ import annotations

from csto_program.export.datapackage._read import from_datapackage
from csto_program.export.datapackage._tables import (
    DESCRIPTOR,
    PROFILE,
    TABLES,
    Column,
    ForeignKey,
    Table,
    descriptor,
)
from csto_program.export.datapackage._write import to_datapackage, write_datapackage

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
