"""Record, schedule and exchange the record of a multi-year interstate program.

The public API lives here; the modules behind it are implementation detail
except :mod:`csto_program.strategies` (hypothesis strategies) and
:mod:`csto_program.datasets` (the embedded record).

>>> import datetime
>>> import csto_program as cp
>>> [str(stage.last_day) for stage in cp.plan_stages(datetime.date(2024, 11, 28))]
['2025-11-27', '2027-11-27', '2029-11-27']
"""

from __future__ import annotations

from csto_program.dates import (
    MAX_DATE,
    MIN_DATE,
    PartialDate,
    Precision,
    Qualifier,
    add_days,
    add_months,
    as_date,
    days_between,
    format_iso_date,
    load_zone,
    parse_iso_date,
    utcoffset_on,
)
from csto_program.errors import CstoProgramError, DataError, ScheduleError
from csto_program.jsonl import iter_jsonl, write_jsonl
from csto_program.model import (
    Meeting,
    MeetingKind,
    Note,
    NoteKind,
    Organization,
    Participant,
    Person,
    Place,
    Program,
    Source,
    SourceKind,
    Stage,
    Statement,
    StatementKind,
)
from csto_program.schedule import (
    DEFAULT_MONTHS,
    DEFAULT_TERM_MONTHS,
    ProgramStatus,
    StageState,
    StageStatus,
    plan_stages,
    program_status,
    stage_status,
)
from csto_program.schema import json_schema
from csto_program.serialize import (
    MODEL_CLASSES,
    SCHEMA_VERSION,
    from_dict,
    from_json,
    make_converter,
    parse_json,
    to_dict,
    to_json,
    to_json_bytes,
)

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_MONTHS",
    "DEFAULT_TERM_MONTHS",
    "MAX_DATE",
    "MIN_DATE",
    "MODEL_CLASSES",
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
    "Precision",
    "Program",
    "ProgramStatus",
    "Qualifier",
    "ScheduleError",
    "Source",
    "SourceKind",
    "Stage",
    "StageState",
    "StageStatus",
    "Statement",
    "StatementKind",
    "__version__",
    "add_days",
    "add_months",
    "as_date",
    "days_between",
    "format_iso_date",
    "from_dict",
    "from_json",
    "iter_jsonl",
    "json_schema",
    "load_zone",
    "make_converter",
    "parse_iso_date",
    "parse_json",
    "plan_stages",
    "program_status",
    "stage_status",
    "to_dict",
    "to_json",
    "to_json_bytes",
    "utcoffset_on",
    "write_jsonl",
]
