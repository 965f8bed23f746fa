"""Record, schedule and exchange the record of a multi-year interstate program.

The public API lives here; the modules behind it are implementation detail except
:mod:`csto_program.dates` (date helpers), :mod:`csto_program.serialize` (the converter and
JSON details), :mod:`csto_program.export` (tables, reports and calendars),
:mod:`csto_program.strategies` (hypothesis strategies) and :mod:`csto_program.datasets`
(the embedded record).

>>> import csto_program as cp
>>> [str(stage.last_day) for stage in cp.plan_stages("2024-11-28")]
['2025-11-27', '2027-11-27', '2029-11-27']
"""

from __future__ import annotations

from csto_program.dates import PartialDate
from csto_program.errors import CstoProgramError, DataError, ScheduleError
from csto_program.model import (
    Meeting,
    MeetingKind,
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

__version__ = "0.2.0"

__all__ = [
    "SCHEMA_VERSION",
    "CstoProgramError",
    "DataError",
    "Meeting",
    "MeetingKind",
    "Note",
    "NoteKind",
    "Organization",
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
