"""Writing a data package: a program's records as rows of CSV cells, and the folder."""

from __future__ import annotations

import csv
import datetime
import enum
import io
import json
import os
import stat
from collections.abc import Iterable, Sequence
from typing import Any, Final

from csto_program._files import FileError, from_os_error, read_limited, write_folder
from csto_program.dates import PartialDate, format_iso_date
from csto_program.errors import short_repr
from csto_program.export.datapackage._tables import (
    DESCRIPTOR,
    FILES,
    LINE_END,
    MARKER,
    PROGRAMS,
    STAGE_NUMBERS,
    TABLES,
    Table,
    descriptor,
    guard_cell,
)
from csto_program.model import Program

__all__ = ["package_files", "to_datapackage", "write_datapackage", "written_by_this_library"]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if type(value) is bool:
        return "true" if value else "false"
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, datetime.date):
        return format_iso_date(value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if type(value) is int:
        return str(value)
    text: str = value
    return guard_cell(text)


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
        if table.owner == PROGRAMS and table.record is not None:
            owners = [(owner, ()) for owner, _ in owners]  # no program_id column
        made = records.setdefault(table.name, [])
        out = rows[table.name]
        for owner, owner_key in owners:
            if table.record is None:  # a list table
                for index, item in enumerate(getattr(owner, table.attribute), start=1):
                    out.append([*map(_cell, owner_key), str(index), _cell(item)])
                continue
            if owner is None:
                items: Sequence[Any] = (program,)
            elif table.sub:  # the list of a single record (a meeting's place.names)
                single = getattr(owner, table.attribute)
                items = () if single is None else getattr(single, table.sub)
            else:
                items = getattr(owner, table.attribute)
            for index, record in enumerate(items, start=1):
                out.append(_record_cells(table, record, owner_key, index))
                made.append((record, _key(table, record, owner_key, index)))
    return rows


def _csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=LINE_END)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def package_files(program: Program) -> dict[str, bytes]:
    """The files of ``program``'s package, name: bytes, descriptor first.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> list(package_files(tajik_afghan_border()))[:2]
    ['datapackage.json', 'programs.csv']
    """
    rows = _rows(program)
    files = {table.file: _csv_bytes(table.header, rows[table.name]) for table in TABLES}
    text = json.dumps(descriptor(program), ensure_ascii=False, indent=2) + "\n"
    return {DESCRIPTOR: text.encode("utf-8"), **files}


_CANNOT_WRITE: Final = "cannot write the package"
_MAX_DESCRIPTOR_BYTES: Final = 16 * 1024 * 1024  # read to tell whose a folder is


def _refuse(folder: str, reason: str) -> FileError:
    return FileError(
        folder,
        f"{_CANNOT_WRITE}: {reason}; refusing to replace it "
        "(choose an empty or new folder, or force it)",
    )


def written_by_this_library(folder: str) -> bool:
    """Whether ``folder``'s ``datapackage.json`` is a regular file whose descriptor has this
    library's :data:`~._tables.MARKER` (read within a bound; anything unreadable is not).

    >>> import os, tempfile
    >>> from csto_program.datasets import tajik_afghan_border
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     before = written_by_this_library(folder)
    ...     to_datapackage(tajik_afghan_border(), folder)
    ...     before, written_by_this_library(folder)
    (False, True)
    """
    try:
        package = json.loads(
            read_limited(
                _regular_file(os.path.join(folder, DESCRIPTOR)),
                max_bytes=_MAX_DESCRIPTOR_BYTES,
                label=DESCRIPTOR,
            )
        )
    except (OSError, ValueError, RecursionError):  # DataError and FileError included
        return False
    marker = package.get(MARKER) if isinstance(package, dict) else None
    return isinstance(marker, dict) and type(marker.get("package_version")) is int


def _regular_file(path: str) -> str:
    """``path`` if it is a regular file and not a symbolic link, else an ``OSError``."""
    if not stat.S_ISREG(os.lstat(path).st_mode):
        raise OSError(f"{path} is not a regular file")
    return path


def _check_ours(folder: str) -> None:
    """Refuse to replace ``folder`` (not empty) unless it holds a package this library wrote
    and nothing else."""
    try:
        with os.scandir(folder) as entries:
            names = {entry.name: entry.is_dir(follow_symlinks=False) for entry in entries}
    except OSError as exc:
        raise from_os_error(folder, _CANNOT_WRITE, exc) from exc
    others = sorted(name for name, is_dir in names.items() if is_dir or name not in FILES)
    if DESCRIPTOR not in names:
        raise _refuse(folder, f"the folder holds files and no {DESCRIPTOR}")
    if others:
        shown = ", ".join(short_repr(name, 40) for name in others[:5])
        more = f" and {len(others) - 5} more" if len(others) > 5 else ""
        raise _refuse(
            folder, f"the folder holds files that are not part of a data package: {shown}{more}"
        )
    if not written_by_this_library(folder):
        raise _refuse(folder, f"its {DESCRIPTOR} was not written by csto-program")


def _anything(folder: str) -> None:
    """Replace whatever the folder holds (``force=True``)."""
    del folder


def to_datapackage(
    program: Program, directory: str | os.PathLike[str], *, force: bool = False
) -> None:
    """Write ``program`` as a data package: a folder of CSV tables and ``datapackage.json``.

    The folder is written by the one atomic folder writer: built next to ``directory``
    (``.NAME.XXXXXXXX.tmp``) and renamed into place when complete, so that a failure leaves
    what was at ``directory`` as it was and no reader sees a half-written package (the
    old package is renamed aside, ``.NAME.XXXXXXXX.old``, and removed after). A symbolic
    link to a folder is followed, with or without a trailing ``/``.

    An existing ``directory`` is replaced when it is empty or holds a package this library
    wrote, proven by its descriptor's ``csto-program`` property, and nothing else. A
    folder holding other files, or a ``datapackage.json`` that some other program wrote,
    is refused with a :class:`~csto_program.errors.FileError` and left untouched, unless
    ``force=True``, which replaces whatever the folder holds. The current folder (and any
    folder that holds it) is always refused: replacing it would leave the process, and the
    shell that started it, in a deleted folder. Any other problem with the file system is
    a :class:`~csto_program.errors.FileError` too.

    >>> import csv, os, tempfile
    >>> from csto_program.datasets import tajik_afghan_border
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     target = os.path.join(folder, "record")
    ...     to_datapackage(tajik_afghan_border(), target)
    ...     to_datapackage(tajik_afghan_border(), target)  # replaces its own package
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
    if not isinstance(force, bool):
        raise TypeError(f"force must be a bool, not {type(force).__name__}")
    files = package_files(program)  # every byte is made before the disk is touched
    write_folder(
        directory, files, may_replace=_anything if force else _check_ours, action=_CANNOT_WRITE
    )


def write_datapackage(
    program: Program,
    directory: str | os.PathLike[str],
    *,
    as_of: datetime.date | None = None,
    known_on: datetime.date | None = None,
    force: bool = False,
) -> None:
    """:func:`to_datapackage`, as the export registry calls it.

    A package holds the whole record, not a status on a day: ``as_of`` and ``known_on``,
    which the registry passes to every format, change nothing.

    >>> import datetime, os, tempfile
    >>> from csto_program.datasets import tajik_afghan_border
    >>> from csto_program.export.datapackage import from_datapackage
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_datapackage(tajik_afghan_border(), folder, as_of=datetime.date(2026, 1, 29))
    ...     from_datapackage(folder) == tajik_afghan_border()
    True
    """
    del as_of, known_on  # the same package whatever the day
    to_datapackage(program, directory, force=force)
