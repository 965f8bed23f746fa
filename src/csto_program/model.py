"""The domain model: the :class:`Program` and the registry of its collections.

The records a program holds live in :mod:`csto_program.records`, their code lists in
:mod:`csto_program.codes` and the checks that they fit together in
:mod:`csto_program.integrity`; every name is importable from here too.

A program's schedule is a tuple of :class:`Plan` versions, in the order they became known;
what happened is told by :class:`ProgressReport` s, each sourced and dated.

>>> from csto_program import Plan, Program, plan_stages
>>> plan = Plan(id="plan", announced_on="2024-12-04", starts_on="2025-01-01",
...             stages=plan_stages("2025-01-01"))
>>> program = Program(id="demo", title="A demo program", adopted_on="2024-11-28",
...                   plans=(plan,))
>>> program.ends_on
Date(2030, 1, 1)
"""

from __future__ import annotations

import datetime
import functools
import types
from collections.abc import Iterator, Mapping
from typing import Any, Final, TypeAlias

import attrs
import pendulum

from csto_program._spec import Kind, field
from csto_program.codes import (
    MeetingKind,
    MeetingStatus,
    NoteKind,
    Progress,
    SourceKind,
    StatementKind,
)
from csto_program.dates import PartialDate, as_date
from csto_program.errors import DataError
from csto_program.integrity import (
    collections,
    plans_in_order,
    references_resolve,
)
from csto_program.integrity import (
    program_problems as _program_problems,
)

# The knowledge rule reads the records alone (through a protocol): Program.as_known_on
# delegates to it the same way.
from csto_program.knowledge import as_known_on as _as_known_on
from csto_program.records import (
    LocalName,
    Meeting,
    Note,
    Organization,
    Participant,
    Person,
    Place,
    Plan,
    ProgressReport,
    Source,
    Stage,
    Statement,
    check_names,
)

# The status module reads the leaf records and codes, which sit below it: Program.status
# delegates to it without an import cycle.
from csto_program.status import STALE_AFTER, ProgramStatus, program_status

__all__ = [
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
    "Record",
    "Source",
    "SourceKind",
    "Stage",
    "Statement",
    "StatementKind",
]

Record: TypeAlias = (
    "Plan | ProgressReport | Statement | Meeting | Person | Organization | Source | Note"
)
"""Any record of a program that has an id."""


@attrs.frozen(slots=True)
class Program:
    """A multi-year program: its plan versions, progress reports, meetings and statements.

    ``plans`` holds every announced version of the schedule in the order they became known;
    the properties ``starts_on``, ``term_months``, ``ends_on`` and ``stages`` read the
    latest (``plan``). Construction checks that ids are unique, plans are in order and every
    reference resolves (:class:`~csto_program.DataError`).

    >>> from csto_program import Plan, plan_stages
    >>> plan = Plan(id="plan", announced_on="2024-11-28", starts_on="2025-01-01",
    ...             stages=plan_stages("2025-01-01"))
    >>> program = Program(id="demo", title="Demo", adopted_on="2024-11-28", plans=[plan])
    >>> program.stage_on(datetime.date(2026, 3, 1)).number
    2
    >>> program.status(as_of=datetime.date(2026, 1, 29)).stages[0].state.value
    'overdue'
    """

    id: str = field(Kind.ID, "The program's id.", examples=("tajik-afghan-border",))
    title: str = field(Kind.TEXT, "The program's name.")
    adopted_on: pendulum.Date = field(
        Kind.DATE, "The day the program was adopted.", examples=("2024-11-28",)
    )
    plans: tuple[Plan, ...] = field(
        Kind.RECORD,
        "Every announced version of the schedule, in the order they became known.",
        type=Plan,
        many=True,
        required=True,
        min_items=1,
    )
    other_names: tuple[str, ...] = field(
        Kind.TEXT, "Other names the program is known by.", many=True
    )
    description: str = field(Kind.STR, "What the program is.")
    decided_on: PartialDate | None = field(
        Kind.PARTIAL_DATE, "When the decision to develop it was taken (EDTF).", optional=True
    )
    organization: str | None = field(
        Kind.ID,
        "Id of the organisation that runs the program.",
        optional=True,
        refers_to="organizations",
    )
    beneficiary: str | None = field(
        Kind.ID, "Id of the organisation it is for.", optional=True, refers_to="organizations"
    )
    organizations: tuple[Organization, ...] = field(
        Kind.RECORD, "Organisations and states named in the record.", type=Organization, many=True
    )
    people: tuple[Person, ...] = field(
        Kind.RECORD, "People named in the record.", type=Person, many=True
    )
    meetings: tuple[Meeting, ...] = field(
        Kind.RECORD, "Meetings, sessions, calls and interviews.", type=Meeting, many=True
    )
    statements: tuple[Statement, ...] = field(
        Kind.RECORD, "What people said.", type=Statement, many=True
    )
    reports: tuple[ProgressReport, ...] = field(
        Kind.RECORD,
        "Dated, sourced reports of the stages' progress.",
        type=ProgressReport,
        many=True,
    )
    sources: tuple[Source, ...] = field(
        Kind.RECORD, "The publications the record rests on.", type=Source, many=True
    )
    notes: tuple[Note, ...] = field(
        Kind.RECORD,
        "Conflicts between sources, date resolutions and context.",
        type=Note,
        many=True,
    )
    names: tuple[LocalName, ...] = field(
        Kind.RECORD,
        "The program's title in other languages, one per language, as sources printed it.",
        type=LocalName,
        many=True,
    )

    def __attrs_post_init__(self) -> None:
        check_names(self.names)
        if references_resolve(self) and plans_in_order(self.plans):
            return
        raise DataError(program_problems(self))

    # ------------------------------------------------------------ the plan in use

    @property
    def baseline(self) -> Plan:
        """The first plan: the schedule as first announced."""
        return self.plans[0]

    @property
    def plan(self) -> Plan:
        """The latest plan: the schedule as last announced."""
        return self.plans[-1]

    @property
    def starts_on(self) -> pendulum.Date:
        """The latest plan's first day."""
        return self.plans[-1].starts_on

    @property
    def term_months(self) -> int:
        """The latest plan's term in months."""
        return self.plans[-1].term_months

    @property
    def ends_on(self) -> pendulum.Date:
        """The first day after the latest plan's term."""
        return self.plans[-1].ends_on

    @property
    def stages(self) -> tuple[Stage, ...]:
        """The latest plan's stages."""
        return self.plans[-1].stages

    def plan_known_on(self, day: datetime.date) -> Plan | None:
        """The last plan known on ``day`` (announced by then), or ``None``.

        >>> from csto_program.datasets import tajik_afghan_border
        >>> program = tajik_afghan_border()
        >>> program.plan_known_on(datetime.date(2024, 12, 1)).id
        'asia-plus-2024-11-25'
        >>> program.plan_known_on(datetime.date(2024, 1, 1)) is None
        True
        """
        day = as_date(day, "day")
        found = None
        for plan in self.plans:  # in the order they became known
            if plan.announced_on.latest > day:
                break
            found = plan
        return found

    def stage(self, number: int) -> Stage:
        """The latest plan's stage with this number; ``KeyError`` if there is none."""
        return self.plans[-1].stage(number)

    def stage_on(self, day: datetime.date) -> Stage | None:
        """The latest plan's stage whose half-open window holds ``day``, or ``None``."""
        return self.plans[-1].stage_on(day)

    def status(
        self,
        as_of: datetime.date,
        *,
        known_on: datetime.date | None = None,
        stale_after: int = STALE_AFTER,
    ) -> ProgramStatus:
        """Where the program stood on ``as_of``, as known on ``known_on`` (default ``as_of``);
        its evidence is stale after ``stale_after`` days without a progress report.

        See :func:`csto_program.program_status`.
        """
        return program_status(self, as_of, known_on=known_on, stale_after=stale_after)

    def as_known_on(self, day: datetime.date) -> Program:
        """The program as it stood on ``day``: only the records known by then, an ordinary
        valid program (see :mod:`csto_program.knowledge` for the rule).

        >>> from csto_program.datasets import tajik_afghan_border
        >>> program = tajik_afghan_border()
        >>> [plan.id for plan in program.as_known_on(datetime.date(2024, 12, 1)).plans]
        ['asia-plus-2024-11-25']
        """
        return _as_known_on(self, day)

    # ------------------------------------------------------------ lookups

    @functools.cached_property
    def by_id(self) -> Mapping[str, Record]:
        """Every record with an id (plans, reports, statements, meetings, people,
        organisations, sources, notes), by id: built once, then kept.

        >>> from csto_program.datasets import tajik_afghan_border
        >>> tajik_afghan_border().by_id["masadykov"].name
        'Talatbek Masadykov'
        """
        index: dict[str, Record] = {}
        for name in _ID_FIELDS:
            for item in getattr(self, name):
                index[item.id] = item
        return types.MappingProxyType(index)

    def statements_about(self, number: int) -> tuple[Statement, ...]:
        """The statements recorded as evidence about stage ``number``, in date order."""
        return self._evidence.get(number, ())

    def reports_about(self, number: int) -> tuple[ProgressReport, ...]:
        """The progress reports about stage ``number``, in the order of the record."""
        return self._reports.get(number, ())

    @functools.cached_property
    def _evidence(self) -> dict[int, tuple[Statement, ...]]:
        # stage number -> statements about it, in date order (stable for equal dates)
        found: dict[int, list[Statement]] = {}
        for statement in self.statements:
            for number in statement.stages:
                found.setdefault(number, []).append(statement)
        return {number: tuple(sorted(items, key=_said_on_key)) for number, items in found.items()}

    @functools.cached_property
    def _reports(self) -> dict[int, tuple[ProgressReport, ...]]:
        found: dict[int, list[ProgressReport]] = {}
        for report in self.reports:
            found.setdefault(report.stage, []).append(report)
        return {number: tuple(items) for number, items in found.items()}

    def add(self, *records: Record) -> Program:
        """A new program with these records added, checked as construction checks them.

        Plans, progress reports, statements, meetings, people, organisations, sources and
        notes go to their collections, in the order given.

        >>> from csto_program import Source, Statement
        >>> from csto_program.datasets import tajik_afghan_border
        >>> program = tajik_afghan_border().add(
        ...     Source(id="example-2026-02-01", outlet="Example News", published_on="2026-02-01"),
        ...     Statement(id="example-quote", speaker="masadykov", role="CSTO Secretary-General",
        ...               said_on="2026-02-01", text="Work continues.", kind="paraphrase",
        ...               sources=["example-2026-02-01"]))
        >>> program.by_id["example-quote"].said_on
        PartialDate(year=2026, month=2, day=1, qualifier=None)
        """
        added: dict[str, list[Any]] = {}
        for index, record in enumerate(records):
            name = _COLLECTIONS.get(type(record))
            if name is None:
                kinds = ", ".join(cls.__name__ for cls in _COLLECTIONS)
                raise TypeError(
                    f"records[{index}] must be one of {kinds}, got {type(record).__name__}"
                )
            added.setdefault(name, []).append(record)
        changes: dict[str, Any] = {
            name: (*getattr(self, name), *items) for name, items in added.items()
        }
        return attrs.evolve(self, **changes)


def _said_on_key(statement: Statement) -> tuple[pendulum.Date, pendulum.Date]:
    return statement.said_on.sort_key


# The registry of collections, derived once from Program's own field declarations: the
# collections that share one id space, and where Program.add puts each kind of record.
COLLECTIONS: Final[tuple[tuple[str, type], ...]] = collections(Program)
_ID_FIELDS: Final[tuple[str, ...]] = tuple(name for name, _ in COLLECTIONS)
_COLLECTIONS: Final[dict[type, str]] = {cls: name for name, cls in COLLECTIONS}


def program_problems(
    program: Any, known_ids: Mapping[str, str] | None = None
) -> Iterator[tuple[str, str]]:
    """Every way the records of ``program`` (a :class:`Program`, or an object with its
    fields where an item that could not be built is ``None``) fail to fit together, with
    JSON paths; see :func:`csto_program.integrity.program_problems`."""
    return _program_problems(program, known_ids, cls=Program)


def _references_resolve(program: Program) -> bool:
    """:func:`csto_program.integrity.references_resolve` (kept for existing callers)."""
    return references_resolve(program)
