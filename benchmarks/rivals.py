"""The program document modelled with pydantic v2 and msgspec, only for the benchmark.

They mirror version 3 of the document format (``schema_version`` 3): plans and progress
reports with ``inferred``, meetings with ``status`` and ``announced_on``, notes with
``noted_on``, ``names`` (a ``LocalName`` per language) on the program, organisations, people
and places, and a statement's original wording (``original``, ``original_language``,
``original_fragments``).

Both are as strict as csto_program about types and keys: no coercion (strict mode), unknown
keys refused, required keys required, calendar dates parsed as ``datetime.date``, partial dates
kept as strings checked against the EDTF regex, enumerations as the library's own ``StrEnum``
classes, arrays as tuples. Fields are in the library's order and defaults are left out on
output, so all three write the same JSON bytes for the same document.

They do less than csto_program: they do not check ids, language tags, URLs, country codes, time
zones, that a day exists in a partial date, that an interval's start is not after its end, that
a record has one name per language, that a statement's original wording, its language and
``original_fragments`` agree, that references resolve, that ids are unique, that there is at
least one plan, that plans are in the order they became known or that each plan's stages are
sound. The benchmark's ratios therefore flatter the rivals.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

import msgspec
from pydantic import BaseModel, ConfigDict, StringConstraints

from csto_program import (
    MeetingKind,
    MeetingStatus,
    NoteKind,
    Progress,
    SourceKind,
    StatementKind,
)

__all__ = ["msgspec_dump", "msgspec_load", "pydantic_dump", "pydantic_load"]

# The EDTF forms csto_program reads: YYYY, YYYY-MM or YYYY-MM-DD, then ?, ~ or %; or an
# interval START/END of two of them.
# pydantic's default engine is Rust's regex, where "$" is the end of the text; msgspec uses
# Python's re, where "$" also matches before a final newline, so it gets "\Z".
_EDTF_DAY = r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?[?~%]?"
_EDTF = f"{_EDTF_DAY}(/{_EDTF_DAY})?"
PEdtf = Annotated[str, StringConstraints(pattern=f"^{_EDTF}$")]
MEdtf = Annotated[str, msgspec.Meta(pattern=rf"\A{_EDTF}\Z")]


# --------------------------------------------------------------------------- pydantic v2


class _P(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class PLocalName(_P):
    language: str
    name: str
    abbreviation: str | None = None


class PStage(_P):
    number: int
    name: str
    start: datetime.date
    end: datetime.date
    tasks: tuple[str, ...] = ()
    description: str = ""
    sources: tuple[str, ...] = ()


class PPlan(_P):
    id: str
    announced_on: PEdtf
    starts_on: datetime.date
    stages: tuple[PStage, ...]
    term_months: int = 60
    first_stage_months: int | None = 12
    basis: str = ""
    sources: tuple[str, ...] = ()
    note: str = ""
    inferred: bool = False


class POrganization(_P):
    id: str
    name: str
    abbreviation: str | None = None
    other_names: tuple[str, ...] = ()
    classification: str = ""
    parent: str | None = None
    sources: tuple[str, ...] = ()
    names: tuple[PLocalName, ...] = ()


class PPerson(_P):
    id: str
    name: str
    other_names: tuple[str, ...] = ()
    description: str = ""
    sources: tuple[str, ...] = ()
    names: tuple[PLocalName, ...] = ()


class PPlace(_P):
    name: str
    country: str
    timezone: str
    names: tuple[PLocalName, ...] = ()


class PParticipant(_P):
    role: str
    person: str | None = None
    organization: str | None = None


class PMeeting(_P):
    id: str
    title: str
    kind: MeetingKind
    starts_on: PEdtf
    ends_on: PEdtf | None = None
    place: PPlace | None = None
    organizer: str | None = None
    participants: tuple[PParticipant, ...] = ()
    decisions: tuple[str, ...] = ()
    description: str = ""
    sources: tuple[str, ...] = ()
    status: MeetingStatus = MeetingStatus.HELD
    announced_on: PEdtf | None = None


class PStatement(_P):
    id: str
    speaker: str
    role: str
    said_on: PEdtf
    text: str
    kind: StatementKind
    language: str = "en"
    on_behalf_of: str | None = None
    meeting: str | None = None
    stages: tuple[int, ...] = ()
    topics: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    note: str = ""
    original: tuple[str, ...] = ()
    original_language: str | None = None
    original_fragments: bool = False


class PProgressReport(_P):
    id: str
    stage: int
    progress: Progress
    reported_on: PEdtf
    as_of: PEdtf | None = None
    statement: str | None = None
    sources: tuple[str, ...] = ()
    note: str = ""
    inferred: bool = False


class PSource(_P):
    id: str
    outlet: str
    url: str | None = None
    published_on: PEdtf | None = None
    kind: SourceKind = SourceKind.NEWS
    title: str = ""
    language: str | None = None
    via: tuple[str, ...] = ()
    note: str = ""


class PNote(_P):
    id: str
    kind: NoteKind
    text: str
    about: tuple[str, ...] = ()
    stated: str = ""
    resolved: PEdtf | None = None
    sources: tuple[str, ...] = ()
    noted_on: PEdtf | None = None


class PProgram(_P):
    schema_version: Literal[3]
    id: str
    title: str
    adopted_on: datetime.date
    plans: tuple[PPlan, ...]
    other_names: tuple[str, ...] = ()
    description: str = ""
    decided_on: PEdtf | None = None
    organization: str | None = None
    beneficiary: str | None = None
    organizations: tuple[POrganization, ...] = ()
    people: tuple[PPerson, ...] = ()
    meetings: tuple[PMeeting, ...] = ()
    statements: tuple[PStatement, ...] = ()
    reports: tuple[PProgressReport, ...] = ()
    sources: tuple[PSource, ...] = ()
    notes: tuple[PNote, ...] = ()
    names: tuple[PLocalName, ...] = ()


def pydantic_load(data: bytes) -> PProgram:
    """JSON bytes to a validated pydantic ``PProgram``."""
    return PProgram.model_validate_json(data)


def pydantic_dump(program: PProgram) -> bytes:
    """A pydantic ``PProgram`` to compact JSON bytes, defaults left out.

    This is ``model_dump_json(exclude_defaults=True)`` without its last step, which decodes
    the bytes to ``str``: every variant here writes bytes.
    """
    return program.__pydantic_serializer__.to_json(program, exclude_defaults=True)


# --------------------------------------------------------------------------- msgspec


class _M(msgspec.Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    pass


class MLocalName(_M):
    language: str
    name: str
    abbreviation: str | None = None


class MStage(_M):
    number: int
    name: str
    start: datetime.date
    end: datetime.date
    tasks: tuple[str, ...] = ()
    description: str = ""
    sources: tuple[str, ...] = ()


class MPlan(_M):
    id: str
    announced_on: MEdtf
    starts_on: datetime.date
    stages: tuple[MStage, ...]
    term_months: int = 60
    first_stage_months: int | None = 12
    basis: str = ""
    sources: tuple[str, ...] = ()
    note: str = ""
    inferred: bool = False


class MOrganization(_M):
    id: str
    name: str
    abbreviation: str | None = None
    other_names: tuple[str, ...] = ()
    classification: str = ""
    parent: str | None = None
    sources: tuple[str, ...] = ()
    names: tuple[MLocalName, ...] = ()


class MPerson(_M):
    id: str
    name: str
    other_names: tuple[str, ...] = ()
    description: str = ""
    sources: tuple[str, ...] = ()
    names: tuple[MLocalName, ...] = ()


class MPlace(_M):
    name: str
    country: str
    timezone: str
    names: tuple[MLocalName, ...] = ()


class MParticipant(_M):
    role: str
    person: str | None = None
    organization: str | None = None


class MMeeting(_M):
    id: str
    title: str
    kind: MeetingKind
    starts_on: MEdtf
    ends_on: MEdtf | None = None
    place: MPlace | None = None
    organizer: str | None = None
    participants: tuple[MParticipant, ...] = ()
    decisions: tuple[str, ...] = ()
    description: str = ""
    sources: tuple[str, ...] = ()
    status: MeetingStatus = MeetingStatus.HELD
    announced_on: MEdtf | None = None


class MStatement(_M):
    id: str
    speaker: str
    role: str
    said_on: MEdtf
    text: str
    kind: StatementKind
    language: str = "en"
    on_behalf_of: str | None = None
    meeting: str | None = None
    stages: tuple[int, ...] = ()
    topics: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    note: str = ""
    original: tuple[str, ...] = ()
    original_language: str | None = None
    original_fragments: bool = False


class MProgressReport(_M):
    id: str
    stage: int
    progress: Progress
    reported_on: MEdtf
    as_of: MEdtf | None = None
    statement: str | None = None
    sources: tuple[str, ...] = ()
    note: str = ""
    inferred: bool = False


class MSource(_M):
    id: str
    outlet: str
    url: str | None = None
    published_on: MEdtf | None = None
    kind: SourceKind = SourceKind.NEWS
    title: str = ""
    language: str | None = None
    via: tuple[str, ...] = ()
    note: str = ""


class MNote(_M):
    id: str
    kind: NoteKind
    text: str
    about: tuple[str, ...] = ()
    stated: str = ""
    resolved: MEdtf | None = None
    sources: tuple[str, ...] = ()
    noted_on: MEdtf | None = None


class MProgram(_M):
    schema_version: Literal[3]
    id: str
    title: str
    adopted_on: datetime.date
    plans: tuple[MPlan, ...]
    other_names: tuple[str, ...] = ()
    description: str = ""
    decided_on: MEdtf | None = None
    organization: str | None = None
    beneficiary: str | None = None
    organizations: tuple[MOrganization, ...] = ()
    people: tuple[MPerson, ...] = ()
    meetings: tuple[MMeeting, ...] = ()
    statements: tuple[MStatement, ...] = ()
    reports: tuple[MProgressReport, ...] = ()
    sources: tuple[MSource, ...] = ()
    notes: tuple[MNote, ...] = ()
    names: tuple[MLocalName, ...] = ()


_DECODER = msgspec.json.Decoder(MProgram, strict=True)
_ENCODER = msgspec.json.Encoder()


def msgspec_load(data: bytes) -> MProgram:
    """JSON bytes to a validated msgspec ``MProgram`` (strict: no coercion)."""
    return _DECODER.decode(data)


def msgspec_dump(program: MProgram) -> bytes:
    """A msgspec ``MProgram`` to compact JSON bytes, defaults left out."""
    return _ENCODER.encode(program)
