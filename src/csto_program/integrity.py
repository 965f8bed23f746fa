"""How the records of a program fit together: unique ids, references that resolve, plans in
order, all derived from the field declarations.

Each reference is declared once, on its field (``field(Kind.ID, ..., refers_to="people")``);
the checks here walk the records by those declarations, so a new reference is checked as
soon as it is declared. An unknown id comes with the closest known ones ("did you mean").

The program is typed with a :class:`Protocol`, so this module needs only the leaf records
and the model imports it without a cycle.

>>> suggestions("masadykof", ["masadykov", "tasmagambetov"])
['masadykov']
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import attrgetter
from typing import Any, NamedTuple, Protocol

import attrs

from csto_program._spec import ANY_RECORD, STAGE_NUMBERS, Kind, specs, too_few
from csto_program._suggest import suggest
from csto_program.errors import short_repr
from csto_program.records import Plan

__all__ = [
    "ProgramParts",
    "collections",
    "plans_in_order",
    "program_problems",
    "references_resolve",
    "suggestions",
]


class ProgramParts(Protocol):
    """What the checks read of a program: its plans (and, by name, its other fields).

    An item that could not be built is ``None``.
    """

    @property
    def plans(self) -> Sequence[Plan | None]: ...


class _Entry(NamedTuple):
    """A field the walk visits: a reference (``target``) or records inside (``record``)."""

    name: str
    many: bool
    target: str | None
    record: type | None


@functools.cache
def collections(program_type: type) -> tuple[tuple[str, type], ...]:
    """The collections of records with an id, ``(field, record class)``, in field order:
    the ``many`` record fields of ``program_type`` whose records have an ``id``, which
    share one id space.

    >>> from csto_program import Program
    >>> [name for name, _ in collections(Program)][:3]
    ['plans', 'organizations', 'people']
    """
    return tuple(
        (a.name, spec.type)
        for a, spec in specs(program_type)
        if spec.kind is Kind.RECORD and spec.many and "id" in attrs.fields_dict(spec.type)
    )


@functools.cache
def _entries(cls: type) -> tuple[_Entry, ...]:
    found = []
    for a, spec in specs(cls):
        if spec.refers_to is not None:
            found.append(_Entry(a.name, spec.many, spec.refers_to, None))
        elif spec.kind is Kind.RECORD:
            found.append(_Entry(a.name, spec.many, None, spec.type))
    return tuple(found)


_get_id = attrgetter("id")


def plans_in_order(plans: Sequence[Plan]) -> bool:
    """Whether ``plans`` is not empty and listed in the order they became known."""
    if not plans:
        return False
    latest = [plan.announced_on.latest for plan in plans]
    return all(a <= b for a, b in itertools.pairwise(latest))


def _gather(cls: type, items: Sequence[Any], wanted: dict[str, set[Any]]) -> None:
    """Every value referred to from ``items`` (of class ``cls``) and the records inside
    them, added to ``wanted`` by target."""
    for entry in _entries(cls):
        values = map(attrgetter(entry.name), items)
        if entry.target is not None:
            bucket = wanted.setdefault(entry.target, set())
            bucket.update(itertools.chain.from_iterable(values) if entry.many else values)
            continue
        assert entry.record is not None
        inner = (
            list(itertools.chain.from_iterable(values))
            if entry.many
            else [v for v in values if v is not None]
        )
        if inner:
            _gather(entry.record, inner, wanted)


def _stage_numbers(plans: Iterable[Plan | None]) -> set[int]:
    return {stage.number for plan in plans if plan is not None for stage in plan.stages}


def references_resolve(program: Any) -> bool:
    """Whether :func:`program_problems` finds no id or reference problem, checked quickly
    with sets. It is exact: the ids are unique exactly when their union is as large as
    their number, and then every reference resolves exactly when it is in its target."""
    cls: type = type(program)
    names = [name for name, _ in collections(cls)]
    ids = {name: set(map(_get_id, getattr(program, name))) for name in names}
    everything: set[str] = set().union(*ids.values())
    if len(everything) != sum(len(getattr(program, name)) for name in names):
        return False
    wanted: dict[str, set[Any]] = {}
    _gather(cls, (program,), wanted)
    for target, refs in wanted.items():
        refs.discard(None)
        if target == STAGE_NUMBERS:
            pool: set[Any] = _stage_numbers(program.plans)
        elif target == ANY_RECORD:
            pool = everything
        else:
            pool = ids[target]
        if not refs <= pool:
            return False
    return True


def suggestions(unknown: str, known: Iterable[str], *, most: int = 3) -> list[str]:
    """The known ids closest to ``unknown``, best first, for a "did you mean" (at most
    ``most``; none when nothing is close), compared folded as every lookup compares them
    (:func:`csto_program.lookup.suggest`).

    >>> suggestions("csto", ["cis", "csto-secretariat", "ctso"])
    ['ctso']
    >>> suggestions("nobody", ["masadykov"])
    []
    """
    return list(suggest(known, unknown, n=most, cutoff=0.75))


SUGGESTED_AT_MOST = 100
"""The unknown references of one check that get a "did you mean": as many as a
:class:`~csto_program.errors.DataError` lists, so that a document of a million dangling
references costs time in proportion to its size, not to its size times its ids."""


def _did_you_mean(unknown: str, known: Iterable[str]) -> str:
    found = suggestions(unknown, known, most=1)
    return f"; did you mean {found[0]!r}?" if found else ""


def program_problems(
    program: Any, known_ids: Mapping[str, str] | None = None, *, cls: type | None = None
) -> Iterator[tuple[str, str]]:
    """Every way the records of ``program`` fail to fit together, with JSON paths.

    ``program`` is a program or any object with its fields (``cls``, default its type, says
    which fields), where an item that could not be built is ``None`` (the loader checks what
    it could build, so that one run reports every problem); ``known_ids`` maps the ids of
    such items to their collection, so that references to them are not reported as dangling.
    Plan schedules are checked by the plans themselves; references to stage numbers only
    when every plan could be built (else the set of stages is unknown).
    """
    cls = type(program) if cls is None else cls
    for a, spec in specs(cls):
        if spec.min_items and len(getattr(program, a.name)) < spec.min_items:
            yield f"$.{a.name}", too_few(cls, spec)
    kinds: dict[str, str] = dict(known_ids or {})
    for name, _ in collections(cls):
        for index, item in enumerate(getattr(program, name)):
            if item is None:
                continue
            if item.id in kinds:
                yield f"$.{name}[{index}].id", f"id {item.id!r} is already used"
            else:
                kinds[item.id] = name
    plans: Sequence[Plan | None] = program.plans
    previous: Plan | None = None
    for index, plan in enumerate(plans):
        if plan is None:
            continue
        if previous is not None and plan.announced_on.latest < previous.announced_on.latest:
            yield (
                f"$.plans[{index}].announced_on",
                f"plan {plan.id!r} was announced on {plan.announced_on}, before plan "
                f"{previous.id!r} ({previous.announced_on}); plans are listed in the order "
                "they became known",
            )
        previous = plan
    numbers = _stage_numbers(plans)
    all_plans_built = all(plan is not None for plan in plans)

    def ids_in(target: str) -> Iterator[str]:
        return (ref for ref, where in kinds.items() if where == target)

    hinted = [0]

    def hint(ref: Any, known: Iterable[str]) -> str:
        if hinted[0] >= SUGGESTED_AT_MOST or not isinstance(ref, str):
            return ""
        hinted[0] += 1
        return _did_you_mean(ref, known)

    def check(path: str, ref: Any, target: str) -> Iterator[tuple[str, str]]:
        if ref is None:
            return
        if target == STAGE_NUMBERS:
            if all_plans_built and ref not in numbers:
                yield path, f"refers to stage {short_repr(ref)}, which is in no plan"
            return
        found = kinds.get(ref)
        if target == ANY_RECORD:
            if found is None:
                more = hint(ref, kinds)
                yield path, f"refers to {short_repr(ref)}, which is not in the record{more}"
        elif found is None:
            more = hint(ref, ids_in(target))
            yield path, f"refers to {short_repr(ref)}, which is not in {target}{more}"
        elif found != target:
            yield path, f"refers to {ref!r}, which is in {found}, not in {target}"

    def walk(record_cls: type, item: Any, path: str) -> Iterator[tuple[str, str]]:
        for entry in _entries(record_cls):
            value = getattr(item, entry.name)
            where = f"{path}.{entry.name}"
            if entry.target is not None:
                if entry.many:
                    for index, ref in enumerate(value):
                        yield from check(f"{where}[{index}]", ref, entry.target)
                else:
                    yield from check(where, value, entry.target)
                continue
            assert entry.record is not None
            if entry.many:
                for index, inner in enumerate(value):
                    if inner is not None:
                        yield from walk(entry.record, inner, f"{where}[{index}]")
            elif value is not None:
                yield from walk(entry.record, value, where)

    yield from walk(cls, program, "$")
