"""What differs between two versions of a program's record: records and fields.

:func:`diff_programs` matches the records of each collection by id and compares the
matched ones field by field, going into nested records (a plan's stages, a meeting's
place and participants) so that a change is located as precisely as the model allows.

>>> import attrs
>>> from csto_program import Person
>>> from csto_program.datasets import tajik_afghan_border
>>> old = tajik_afghan_border()
>>> new = attrs.evolve(old, title="The border program").add(
...     Person(id="example-person", name="An Example Person"))
>>> diff = diff_programs(old, new)
>>> diff.added, diff.program[0].path
({'people': ('example-person',)}, 'title')
"""

from __future__ import annotations

import datetime
import functools
import typing
from collections.abc import Iterator, Mapping
from typing import Any, Final

import attrs

from csto_program.model import Program
from csto_program.serialize import MODEL_CLASSES, make_converter

__all__ = ["FieldChange", "ProgramDiff", "RecordChange", "diff_programs"]

_ABSENT: Final = None  # an item of a list of records that one side does not have


@functools.cache
def _converter() -> Any:
    return make_converter()


def _json(value: Any) -> Any:
    """``value`` in its JSON spelling: ISO dates, EDTF strings, enum values, lists, dicts."""
    if isinstance(value, datetime.date):  # a plain date too, not only pendulum's
        return value.isoformat()
    return _converter().unstructure(value)


@functools.cache
def _record_items(cls: type) -> Mapping[str, type]:
    """For each field of ``cls`` that holds a tuple of model records, the record class."""
    found: dict[str, type] = {}
    hints = typing.get_type_hints(cls)
    for attribute in attrs.fields(cls):
        hint = hints[attribute.name]
        args = typing.get_args(hint)
        if typing.get_origin(hint) is tuple and args and args[0] in MODEL_CLASSES:
            found[attribute.name] = args[0]
    return found


@functools.cache
def _collections() -> tuple[str, ...]:
    """The program's collections of records with ids, in the model's field order."""
    return tuple(
        name for name, cls in _record_items(Program).items() if "id" in attrs.fields_dict(cls)
    )


@attrs.frozen(slots=True)
class FieldChange:
    """One value that differs: where (``path``, relative to the record, such as
    ``stages[1].end``, or a program field such as ``title``), and the old and new values as
    Python objects. An item of a list of records that one side lacks is ``None`` there.

    >>> change = FieldChange(path="stages[1].description", old="Two years.", new="")
    >>> change.to_dict()
    {'field': 'stages[1].description', 'old': 'Two years.', 'new': ''}
    """

    path: str
    old: Any
    new: Any

    def to_dict(self) -> dict[str, Any]:
        """``{"field", "old", "new"}`` with the values in their JSON spelling (ISO dates,
        EDTF strings, enumeration values, lists and objects).

        >>> import datetime
        >>> FieldChange(path="adopted_on", old=datetime.date(2024, 11, 28),
        ...             new=datetime.date(2024, 11, 29)).to_dict()["new"]
        '2024-11-29'
        """
        return {"field": self.path, "old": _json(self.old), "new": _json(self.new)}


@attrs.frozen(slots=True)
class RecordChange:
    """A record present in both versions whose fields differ: its collection (``plans``,
    ``people``...), id, and the :class:`FieldChange` s in field order.

    >>> change = RecordChange(collection="plans", id="asia-plus-2024-11-25",
    ...     changes=(FieldChange(path="stages[1].end", old=None, new=None),))
    >>> change.locations()
    ('plans[asia-plus-2024-11-25].stages[1].end',)
    """

    collection: str
    id: str
    changes: tuple[FieldChange, ...]

    def locations(self) -> tuple[str, ...]:
        """Where each change is in the program: ``collection[id].path``."""
        return tuple(f"{self.collection}[{self.id}].{change.path}" for change in self.changes)


@attrs.frozen(slots=True)
class ProgramDiff:
    """What changed from an old version of a program to a new one.

    ``added`` and ``removed`` map each collection with a difference (in the model's order)
    to ids (sorted); ``changed`` lists the :class:`RecordChange` s by collection, then id;
    ``program`` the program's own fields that differ (``title``, ``adopted_on``...);
    ``reordered`` the collections whose records kept their ids but not their order (the
    order of plans is the order they became known, and of other records the order of
    ties). The diff is empty exactly when the two programs are equal.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> diff = diff_programs(tajik_afghan_border(), tajik_afghan_border())
    >>> diff.is_empty, diff.to_dict()
    (True, {'added': {}, 'removed': {}, 'changed': {}, 'program': [], 'reordered': []})
    """

    added: Mapping[str, tuple[str, ...]]
    removed: Mapping[str, tuple[str, ...]]
    changed: tuple[RecordChange, ...]
    program: tuple[FieldChange, ...]
    reordered: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        """Whether nothing differs."""
        return not (self.added or self.removed or self.changed or self.program or self.reordered)

    def to_dict(self) -> dict[str, Any]:
        """The diff as JSON-ready data: ``{"added": {collection: [ids]}, "removed": {...},
        "changed": {collection: {id: [{"field", "old", "new"}]}}, "program": [{"field",
        "old", "new"}], "reordered": [collections]}``, values in their JSON spelling.

        >>> import attrs
        >>> from csto_program.datasets import tajik_afghan_border
        >>> old = tajik_afghan_border()
        >>> new = attrs.evolve(old, adopted_on="2024-11-29")
        >>> diff_programs(old, new).to_dict()["program"]
        [{'field': 'adopted_on', 'old': '2024-11-28', 'new': '2024-11-29'}]
        """
        changed: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for record in self.changed:
            changed.setdefault(record.collection, {})[record.id] = [
                change.to_dict() for change in record.changes
            ]
        return {
            "added": {name: list(ids) for name, ids in self.added.items()},
            "removed": {name: list(ids) for name, ids in self.removed.items()},
            "changed": changed,
            "program": [change.to_dict() for change in self.program],
            "reordered": list(self.reordered),
        }


def _values(path: str, old: Any, new: Any) -> Iterator[FieldChange]:
    """The changes from ``old`` to ``new`` found at ``path``, as precisely as possible."""
    if old == new:
        return
    if type(old) is type(new) and type(old) in MODEL_CLASSES:
        yield from _fields(path, old, new)
    elif (
        isinstance(old, tuple)
        and isinstance(new, tuple)
        and all(type(item) in MODEL_CLASSES for item in (*old, *new))
    ):
        for index in range(max(len(old), len(new))):
            yield from _values(
                f"{path}[{index}]",
                old[index] if index < len(old) else _ABSENT,
                new[index] if index < len(new) else _ABSENT,
            )
    else:
        yield FieldChange(path=path, old=old, new=new)


def _fields(path: str, old: Any, new: Any) -> Iterator[FieldChange]:
    """The changes between two records of the same class, field by field."""
    prefix = f"{path}." if path else ""
    for attribute in attrs.fields(type(old)):
        name = attribute.name
        yield from _values(prefix + name, getattr(old, name), getattr(new, name))


def diff_programs(old: Program, new: Program) -> ProgramDiff:
    """What changed from ``old`` to ``new``: records added, removed and changed, by
    collection and id; the program's own fields; and collections whose order changed.

    Records are matched by id within each collection (a record whose id moves to another
    collection is removed from one and added to the other). Matched records are compared
    field by field; nested records (stages, places, participants) are compared field by
    field too, lists of them item by item, and every other value whole.

    >>> import attrs
    >>> from csto_program.datasets import tajik_afghan_border
    >>> old = tajik_afghan_border()
    >>> plan = old.plans[0]
    >>> stage = attrs.evolve(plan.stages[1], description="Two years.")
    >>> new = attrs.evolve(old, plans=(attrs.evolve(plan, stages=(plan.stages[0], stage,
    ...     *plan.stages[2:])), *old.plans[1:]))
    >>> diff = diff_programs(old, new)
    >>> diff.changed[0].locations()
    ('plans[asia-plus-2024-11-25].stages[1].description',)
    >>> diff.to_dict()["changed"]["plans"]["asia-plus-2024-11-25"][0]["new"]
    'Two years.'
    >>> diff_programs(new, old).changed[0].changes[0].new == plan.stages[1].description
    True
    """
    for name, value in (("old", old), ("new", new)):
        if not isinstance(value, Program):
            raise TypeError(f"{name} must be a Program, got {type(value).__name__}")
    collections = _collections()
    added: dict[str, tuple[str, ...]] = {}
    removed: dict[str, tuple[str, ...]] = {}
    changed: list[RecordChange] = []
    reordered: list[str] = []
    for name in collections:
        before = {record.id: record for record in getattr(old, name)}
        after = {record.id: record for record in getattr(new, name)}
        if ids := tuple(sorted(after.keys() - before.keys())):
            added[name] = ids
        if ids := tuple(sorted(before.keys() - after.keys())):
            removed[name] = ids
        for record_id in sorted(before.keys() & after.keys()):
            changes = tuple(_fields("", before[record_id], after[record_id]))
            if changes:
                changed.append(RecordChange(collection=name, id=record_id, changes=changes))
        kept_before = [record_id for record_id in before if record_id in after]
        kept_after = [record_id for record_id in after if record_id in before]
        if kept_before != kept_after:
            reordered.append(name)
    program = tuple(
        change
        for attribute in attrs.fields(Program)
        if attribute.name not in collections
        for change in _values(
            attribute.name, getattr(old, attribute.name), getattr(new, attribute.name)
        )
    )
    return ProgramDiff(
        added=added,
        removed=removed,
        changed=tuple(changed),
        program=program,
        reordered=tuple(reordered),
    )
