"""The embedded record: the real history of the CSTO Tajik–Afghan border program.

The library ships its default dataset as a JSON document inside the package
(``csto_program/data/<name>.json``), in exactly the form :func:`~csto_program.to_json`
writes with ``indent=True``. Loading it goes through the same strict loader as any
other document, so the shipped record obeys every rule a user's file must obey.

>>> from csto_program.datasets import tajik_afghan_border
>>> program = tajik_afghan_border()
>>> program.adopted_on, program.decided_on
(Date(2024, 11, 28), PartialDate(year=2013, month=9, day=23, qualifier=None))
>>> [(stage.number, str(stage.start), str(stage.last_day)) for stage in program.stages]
[(1, '2025-01-01', '2025-12-31'), (2, '2026-01-01', '2027-12-31'), (3, '2028-01-01', '2029-12-31')]

The seed article's "Sochi, Russia on September 23" has no year; the record keeps the
wording and says what resolved it (2013, not the article's own 2024):

>>> note = next(n for n in program.notes if n.stated == "Sochi, Russia on September 23")
>>> str(note.resolved), note.sources
('2013-09-23', ('asia-plus-2013-09-24', 'fergana-2025-04'))
"""

from __future__ import annotations

import functools
import importlib.resources
from importlib.resources.abc import Traversable
from typing import Final

from csto_program.errors import DataError
from csto_program.model import Program
from csto_program.serialize._api import from_json

__all__ = [
    "DEFAULT_DATASET",
    "dataset_names",
    "dataset_text",
    "load_dataset",
    "tajik_afghan_border",
]

DEFAULT_DATASET: Final = "tajik-afghan-border"
"""The name of the dataset that :func:`load_dataset` returns by default.

>>> DEFAULT_DATASET in dataset_names()
True
"""

_SUFFIX: Final = ".json"


def _data_dir() -> Traversable:
    return importlib.resources.files("csto_program") / "data"


def dataset_names() -> tuple[str, ...]:
    """The names of the embedded datasets, sorted.

    >>> dataset_names()
    ('tajik-afghan-border',)
    """
    return tuple(
        sorted(
            entry.name.removesuffix(_SUFFIX)
            for entry in _data_dir().iterdir()
            if entry.is_file() and entry.name.endswith(_SUFFIX)
        )
    )


def _resource(name: str) -> Traversable:
    if not isinstance(name, str):
        raise TypeError(f"a dataset name must be a str, not {type(name).__name__}")
    names = dataset_names()
    if name not in names:
        known = ", ".join(repr(known) for known in names)
        raise DataError.at("$", f"unknown dataset {name!r}; the embedded datasets are {known}")
    return _data_dir() / (name + _SUFFIX)


def dataset_text(name: str = DEFAULT_DATASET) -> str:
    """The embedded dataset ``name`` as the JSON text it is shipped as.

    This is what to save to start a record of your own: it loads back with
    ``from_json(text, Program)``. An unknown name raises :class:`~csto_program.DataError`.

    >>> text = dataset_text()
    >>> text.startswith('{\\n  "schema_version": 1,\\n  "id": "tajik-afghan-border",')
    True
    >>> dataset_text("atlantis")
    Traceback (most recent call last):
    ...
    csto_program.errors.DataError: 1 problem:
      $: unknown dataset 'atlantis'; the embedded datasets are 'tajik-afghan-border'
    """
    return _resource(name).read_text(encoding="utf-8")


def load_dataset(name: str = DEFAULT_DATASET) -> Program:
    """The embedded dataset ``name`` as a :class:`~csto_program.Program`.

    Programs are immutable, so every call with the same name returns the same object.
    An unknown name raises :class:`~csto_program.DataError`.

    >>> import datetime
    >>> program = load_dataset()
    >>> status = program.status(as_of=datetime.date(2026, 1, 29))
    >>> first = status.stages[0]
    >>> first.state.value, first.days_overdue, [s.id for s in first.evidence]
    ('overdue', 29, ['tasmagambetov-2025-01-29', 'masadykov-2026-01-29'])
    >>> load_dataset() is program
    True
    """
    _resource(name)  # the same checks, and errors, as dataset_text
    return _load(name)


@functools.cache
def _load(name: str) -> Program:
    return from_json(dataset_text(name), Program)


def tajik_afghan_border() -> Program:
    """The record of the CSTO Tajik–Afghan border program (the default dataset).

    The same object as ``load_dataset("tajik-afghan-border")``.

    >>> program = tajik_afghan_border()
    >>> program.title
    'CSTO Targeted Interstate Program for strengthening the Tajik–Afghan border'
    >>> len(program.meetings), len(program.statements), len(program.sources)
    (14, 10, 25)
    >>> program is load_dataset("tajik-afghan-border")
    True
    """
    return load_dataset(DEFAULT_DATASET)
