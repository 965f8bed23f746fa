"""What was known on a day: the one rule that says when each record became known.

Every view of a program "as known on K" rests on :func:`known_day`: a record counts as
known on K when its known day is ``None`` (always known) or on or before K. The rule,
record by record (each date's ``latest`` day, so that nothing is counted before it surely
was public):

============================  ======================================================
record                        became known on
============================  ======================================================
plan                          ``announced_on.latest``
progress report               ``reported_on.latest`` (or, if later, the day the first
                              plan with its stage was announced)
statement                     ``said_on.latest``
meeting, ``held``             ``starts_on.latest``
meeting, not held             ``announced_on.latest``; without it, the earliest day a
(scheduled, postponed,        dated source of it was published; without one,
cancelled)                    ``starts_on.latest``
source                        ``published_on.latest``; undated: always known
note                          the latest of: ``noted_on.latest`` (the day the
                              record's author wrote it), its dated sources'
                              ``published_on.latest`` and the known days of the
                              records it is ``about``; none of them dated: always known
person, organisation          always known
============================  ======================================================

:func:`as_known_on` cuts a program to the records known on a day, an ordinary valid
:class:`~csto_program.Program`; :func:`became_known` lists what became known between two
days (what to tell an editor).

>>> import datetime
>>> from csto_program.datasets import tajik_afghan_border
>>> program = tajik_afghan_border()
>>> str(known_day(program, program.plans[0]))
'2024-11-11'
>>> cut = as_known_on(program, datetime.date(2024, 12, 1))
>>> [plan.id for plan in cut.plans], len(cut.reports)
(['asia-plus-2024-11-25'], 0)
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable, Mapping
from typing import Any, Final, Protocol, TypeVar

import attrs
import pendulum

from csto_program._spec import ANY_RECORD, STAGE_NUMBERS, Kind, specs
from csto_program.codes import MeetingStatus
from csto_program.dates import as_date
from csto_program.errors import DataError
from csto_program.records import (
    Meeting,
    Note,
    Organization,
    Person,
    Plan,
    ProgressReport,
    Source,
    Statement,
)

__all__ = ["KNOWN_COLLECTIONS", "KnownRecords", "as_known_on", "became_known", "known_day"]


class KnownRecords(Protocol):
    """What the rule reads of a program (a :class:`~csto_program.Program` has it all): its
    plans in the order they became known, and its records by id. The collections of
    :data:`KNOWN_COLLECTIONS` are read by name.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> program: KnownRecords = tajik_afghan_border()
    >>> program.plans[0].id
    'asia-plus-2024-11-25'
    """

    @property
    def plans(self) -> tuple[Plan, ...]:
        """The plans, in the order they became known."""

    @property
    def by_id(self) -> Mapping[str, Any]:
        """Every record with an id, by id."""


_P = TypeVar("_P", bound=KnownRecords)
_R = TypeVar("_R")

KNOWN_COLLECTIONS: Final = (
    "plans",
    "organizations",
    "people",
    "meetings",
    "statements",
    "reports",
    "sources",
    "notes",
)
"""The collections of a program whose records :func:`became_known` lists, in field order.

>>> KNOWN_COLLECTIONS[0]
'plans'
"""


def _source_days(program: KnownRecords, ids: Iterable[str]) -> list[pendulum.Date]:
    by_id = program.by_id
    days = []
    for source_id in ids:
        source = by_id.get(source_id)
        if isinstance(source, Source) and source.published_on is not None:
            days.append(source.published_on.latest)
    return days


def known_day(program: KnownRecords, record: object) -> pendulum.Date | None:
    """The day ``record`` (one of ``program``'s) became known, or ``None``: always known.

    See the module for the rule.

    >>> from csto_program import Meeting, Source
    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> str(known_day(program, program.by_id["stage-1-2026-01-29"]))
    '2026-01-29'
    >>> known_day(program, program.by_id["masadykov"]) is None
    True
    >>> later = program.add(Meeting(id="moscow-2026", title="Council session",
    ...     kind="council_session", starts_on="2026-11-11", status="scheduled",
    ...     announced_on="2025-11-27"))
    >>> str(known_day(later, later.by_id["moscow-2026"]))
    '2025-11-27'
    """
    return _known_day(program, record, set())


def _latest(days: Iterable[pendulum.Date | None]) -> pendulum.Date | None:
    found = [day for day in days if day is not None]
    return max(found) if found else None


def _known_day(program: KnownRecords, record: object, seen: set[str]) -> pendulum.Date | None:
    if isinstance(record, Plan):
        return record.announced_on.latest
    if isinstance(record, ProgressReport):
        day = record.reported_on.latest
        for plan in program.plans:
            if record.stage <= len(plan.stages):  # stages are numbered 1..n
                return max(day, plan.announced_on.latest)
        return day  # pragma: no cover - a program's references resolve
    if isinstance(record, Statement):
        return record.said_on.latest
    if isinstance(record, Meeting):
        if record.status is MeetingStatus.HELD:
            return record.starts_on.latest
        if record.announced_on is not None:
            return record.announced_on.latest
        days = _source_days(program, record.sources)
        return min(days) if days else record.starts_on.latest
    if isinstance(record, Source):
        return None if record.published_on is None else record.published_on.latest
    if isinstance(record, Note):
        seen.add(record.id)
        by_id = program.by_id
        about = (_known_day(program, by_id[i], seen) for i in record.about if i not in seen)
        noted = None if record.noted_on is None else record.noted_on.latest
        return _latest([noted, *_source_days(program, record.sources), *about])
    if isinstance(record, (Person, Organization)):
        return None
    raise TypeError(f"record must be a record of a program, got {type(record).__name__}")


def _is_known(day: pendulum.Date | None, cut: pendulum.Date) -> bool:
    return day is None or day <= cut


def as_known_on(program: _P, day: datetime.date) -> _P:
    """``program`` as it stood on ``day``: only the records known by then (see the module).

    The result is an ordinary valid program. References to records not yet known are
    dropped from what refers to them: a source's ``via``, any record's ``sources``, a
    report's ``statement`` and a statement's ``meeting`` (set to null), a note's ``about``
    (a note waits for what it is about, by the rule). A statement's ``stages`` keep only
    the stages of the known plans. People and organisations always stay.

    A program has at least one plan, so a day before the first plan was announced raises
    :class:`~csto_program.DataError`.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> cut = as_known_on(program, datetime.date(2026, 1, 29))
    >>> len(cut.reports), cut.status(datetime.date(2026, 1, 29)) == program.status(
    ...     datetime.date(2026, 1, 29))
    (6, True)
    >>> from csto_program.errors import DataError
    >>> try:
    ...     as_known_on(program, datetime.date(2024, 1, 1))
    ... except DataError as error:
    ...     print(error)
    1 problem:
      $.plans: no plan was known on 2024-01-01 (the first was announced on 2024-11-11)
    """
    cut = as_date(day, "day")
    first = program.plans[0]
    if first.announced_on.latest > cut:
        raise DataError.at(
            "$.plans",
            f"no plan was known on {cut} (the first was announced on {first.announced_on})",
        )
    kept: dict[str, list[Any]] = {}
    ids: set[str] = set()
    dropped = False
    for name in KNOWN_COLLECTIONS:
        every = getattr(program, name)
        items = [r for r in every if _is_known(known_day(program, r), cut)]
        kept[name] = items
        ids.update(r.id for r in items)
        dropped = dropped or len(items) != len(every)
    if not dropped:  # everything was known by then: no reference can point to a later record
        return program
    numbers = {stage.number for plan in kept["plans"] for stage in plan.stages}
    # Every kept record is known: the references of the remaining records are pruned to them.
    changes = {
        name: tuple(_pruned(record, ids, numbers) for record in items)
        for name, items in kept.items()
    }
    return _rebuilt(program, changes)


def _rebuilt(record: _R, changes: Mapping[str, Any]) -> _R:
    """``record`` with ``changes``, without checking it again.

    A cut only drops references to records it leaves out, from a program that was checked
    when it was built: no reference field has a least number of items, no record's own
    check reads a reference that can be dropped (a participant's person or organisation is
    never dropped), and what is left resolves. So the cut is valid by construction, and
    building it through the constructors checked everything again: 90% of the time of a
    status of 10,000 statements. The property tests build every cut again through the
    constructor and compare.
    """
    cls: Any = type(record)
    new: _R = object.__new__(cls)
    for a in attrs.fields(cls):
        getattr(cls, a.name).__set__(new, changes.get(a.name, getattr(record, a.name)))
    return new


@functools.cache
def _prunable(cls: type) -> tuple[tuple[str, str | None, bool, bool], ...]:
    """The fields of ``cls`` that a cut may change, read once per class from the
    declarations: ``(name, target, many, optional)`` for a reference that can dangle
    (``target`` its collection or :data:`STAGE_NUMBERS`), ``(name, None, many, optional)``
    for a field holding records."""
    found: list[tuple[str, str | None, bool, bool]] = []
    for a, spec in specs(cls):
        target = spec.refers_to
        if target is not None and target not in _ALWAYS:
            found.append((a.name, target, spec.many, spec.optional))
        elif target is None and spec.kind is Kind.RECORD:
            found.append((a.name, None, spec.many, spec.optional))
    return tuple(found)


def _pruned(record: Any, ids: set[str], numbers: set[int]) -> Any:
    """``record`` with its references to unknown records dropped (records inside too)."""
    changes: dict[str, Any] = {}
    cls: type = type(record)
    for name, target, many, optional in _prunable(cls):
        value = getattr(record, name)
        if target is not None:
            known: set[Any] = numbers if target == STAGE_NUMBERS else ids
            if many:
                new = tuple(v for v in value if v in known)
                if len(new) != len(value):
                    changes[name] = new
            elif value is not None and value not in known and optional:
                changes[name] = None
        elif value is not None:
            values = value if many else (value,)
            pruned = tuple(_pruned(v, ids, numbers) for v in values)
            if any(n is not o for n, o in zip(pruned, values, strict=True)):
                changes[name] = pruned if many else pruned[0]
    return _rebuilt(record, changes) if changes else record


# People and organisations are always known: references to them never dangle in a cut.
_ALWAYS: Final = frozenset(("people", "organizations"))
assert ANY_RECORD not in _ALWAYS


def became_known(
    program: KnownRecords, since: datetime.date, until: datetime.date
) -> dict[str, tuple[str, ...]]:
    """The ids of the records that became known after ``since`` and by ``until``
    (``since < known day <= until``), by collection name; records always known are never
    listed. Every collection of :data:`KNOWN_COLLECTIONS` is a key, in that order.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> found = became_known(tajik_afghan_border(), datetime.date(2026, 1, 1),
    ...                      datetime.date(2026, 1, 31))
    >>> found["reports"]
    ('stage-1-2026-01-29', 'stage-2-2026-01-29')
    """
    start = as_date(since, "since")
    end = as_date(until, "until")
    found: dict[str, tuple[str, ...]] = {}
    for name in KNOWN_COLLECTIONS:
        ids = []
        for record in getattr(program, name):
            day = known_day(program, record)
            if day is not None and start < day <= end:
                ids.append(record.id)
        found[name] = tuple(ids)
    return found
