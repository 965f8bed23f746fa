"""Record, schedule and exchange the record of a multi-year interstate program.

The public API lives here; the modules behind it are implementation detail except
:mod:`csto_program.dates` (date helpers), :mod:`csto_program.serialize` (the converter and
JSON details), :mod:`csto_program.export` (tables, reports and calendars),
:mod:`csto_program.strategies` (hypothesis strategies) and :mod:`csto_program.datasets`
(the embedded record).

>>> import csto_program as cp
>>> [str(stage.last_day) for stage in cp.plan_stages("2024-11-28")]
['2025-11-27', '2027-11-27', '2029-11-27']

The names are imported when first used (PEP 562), so ``import csto_program`` costs little
and a program that uses only the dates does not load the serializer:

>>> "Program" in dir(cp) and cp.Program.__module__
'csto_program.model'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:  # what editors and mypy see; at run time __getattr__ imports each name
    from csto_program.dates import PartialDate
    from csto_program.errors import (
        CstoProgramError,
        DataError,
        FileError,
        FormatError,
        OutputError,
        ScheduleError,
    )
    from csto_program.model import (
        LocalName,
        Meeting,
        MeetingKind,
        MeetingStatus,
        Note,
        NoteKind,
        Organization,
        Participant,
        Person,
        Place,
        Plan,
        Program,
        Progress,
        ProgressReport,
        Source,
        SourceKind,
        Stage,
        Statement,
        StatementKind,
    )
    from csto_program.planning import StageShift, diff_plans, plan_stages
    from csto_program.serialize import (
        SCHEMA_VERSION,
        from_dict,
        from_json,
        iter_jsonl,
        json_schema,
        to_dict,
        to_json,
        write_jsonl,
    )
    from csto_program.status import ProgramStatus, StageState, StageStatus

    __version__: str

# Each public name and the module it is imported from, when it is first asked for.
_MODULES: Final = {
    "PartialDate": "dates",
    **dict.fromkeys(
        (
            "CstoProgramError",
            "DataError",
            "FileError",
            "FormatError",
            "OutputError",
            "ScheduleError",
        ),
        "errors",
    ),
    **dict.fromkeys(
        (
            "LocalName",
            "Meeting",
            "MeetingKind",
            "MeetingStatus",
            "Note",
            "NoteKind",
            "Organization",
            "Participant",
            "Person",
            "Place",
            "Plan",
            "Program",
            "Progress",
            "ProgressReport",
            "Source",
            "SourceKind",
            "Stage",
            "Statement",
            "StatementKind",
        ),
        "model",
    ),
    **dict.fromkeys(("StageShift", "diff_plans", "plan_stages"), "planning"),
    **dict.fromkeys(
        (
            "SCHEMA_VERSION",
            "from_dict",
            "from_json",
            "iter_jsonl",
            "json_schema",
            "to_dict",
            "to_json",
            "write_jsonl",
        ),
        "serialize",
    ),
    **dict.fromkeys(("ProgramStatus", "StageState", "StageStatus"), "status"),
}

__all__ = [
    "SCHEMA_VERSION",
    "CstoProgramError",
    "DataError",
    "FileError",
    "FormatError",
    "LocalName",
    "Meeting",
    "MeetingKind",
    "MeetingStatus",
    "Note",
    "NoteKind",
    "Organization",
    "OutputError",
    "PartialDate",
    "Participant",
    "Person",
    "Place",
    "Plan",
    "Program",
    "ProgramStatus",
    "Progress",
    "ProgressReport",
    "ScheduleError",
    "Source",
    "SourceKind",
    "Stage",
    "StageShift",
    "StageState",
    "StageStatus",
    "Statement",
    "StatementKind",
    "__version__",
    "diff_plans",
    "from_dict",
    "from_json",
    "iter_jsonl",
    "json_schema",
    "plan_stages",
    "to_dict",
    "to_json",
    "write_jsonl",
]


def __getattr__(name: str) -> object:
    """A public name, imported from its module the first time it is asked for.

    ``__version__`` is the installed distribution's version, read from its metadata (the
    version is written once, in ``pyproject.toml``).
    """
    if name == "__version__":
        from csto_program._version import version

        value: object = version()
    else:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # asked once: later uses are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
