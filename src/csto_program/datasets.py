"""The embedded record: the real history of the CSTO Tajik–Afghan border program.

The library ships its default dataset as a JSON document inside the package
(``csto_program/data/<name>.json``), in exactly the form :func:`~csto_program.to_json`
writes with ``indent=True``. Loading it goes through the same strict loader as any
other document, so the shipped record obeys every rule a user's file must obey.

>>> from csto_program.datasets import tajik_afghan_border
>>> program = tajik_afghan_border()
>>> program.adopted_on, program.decided_on
(Date(2024, 11, 28), PartialDate(year=2013, month=9, day=23, qualifier=None))

The schedule was reported in three versions, kept as plans in the order they became known:
the first (Asia-Plus, 2024-11-11, repeated on 2024-11-25) gave no start date, so stage one is
taken to start on the adoption day; Tasmagambetov told Sputnik Tajikistan on 2024-12-04 that
implementation starts on 1 January 2025; the CSTO press service dated the stages in April 2025.

>>> for plan in program.plans:
...     print(plan.id, plan.announced_on, plan.starts_on, plan.stages[0].last_day)
asia-plus-2024-11-25 2024-11-11 2024-11-28 2025-11-27
sputnik-2024-12-04 2024-12-04 2025-01-01 2025-12-31
press-service-2025 2025-04-11 2025-01-01 2025-12-31
>>> [(stage.number, str(stage.start), str(stage.last_day)) for stage in program.stages]
[(1, '2025-01-01', '2025-12-31'), (2, '2026-01-01', '2027-12-31'), (3, '2028-01-01', '2029-12-31')]

Progress is told by dated, sourced reports; the record says which are inferred:

>>> [(r.stage, r.progress.value, str(r.day)) for r in program.reports_about(2)]
[(2, 'not_started', '2025-05-19'), (2, 'not_started', '2026-01-29')]
>>> [r.id for r in program.reports if "inferred" in r.note.lower()]
['stage-2-2026-01-29']

The first report's "Sochi, Russia on September 23" has no year; the record keeps the
wording and says what resolved it (2013, not the report's own 2024):

>>> note = next(n for n in program.notes if n.stated == "Sochi, Russia on September 23")
>>> str(note.resolved), note.sources
('2013-09-23', ('asia-plus-2013-09-24', 'fergana-2025-04'))
"""

from __future__ import annotations

import datetime
import functools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from csto_program.dates import PartialDate
from csto_program.errors import DataError
from csto_program.model import (
    Meeting,
    MeetingKind,
    Person,
    Plan,
    Program,
    Progress,
    ProgressReport,
    Source,
    Statement,
    StatementKind,
)
from csto_program.serialize import from_json

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "DEFAULT_DATASET",
    "dataset_names",
    "dataset_text",
    "load_dataset",
    "starter_program",
    "tajik_afghan_border",
]

DEFAULT_DATASET: Final = "tajik-afghan-border"
"""The name of the dataset that :func:`load_dataset` returns by default.

>>> DEFAULT_DATASET in dataset_names()
True
"""

_SUFFIX: Final = ".json"


def _data_dir() -> Traversable:
    """The folder of the embedded datasets.

    Read from the file system when the package is installed as files (the usual case): asking
    :mod:`importlib.resources` would import its readers and :mod:`zipfile` on every command.
    """
    folder = os.path.join(os.path.dirname(__file__), "data")
    if os.path.isdir(folder):
        return Path(folder)
    import importlib.resources  # pragma: no cover - a zipped install

    return importlib.resources.files("csto_program") / "data"  # pragma: no cover


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
    >>> text.startswith('{\\n  "schema_version": 3,\\n  "id": "tajik-afghan-border",')
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
    >>> first.state.value, first.days_overdue, first.progress.value, first.report.id
    ('overdue', 29, 'in_progress', 'stage-1-2026-01-29')
    >>> [s.id for s in first.evidence]  # doctest: +NORMALIZE_WHITESPACE
    ['tasmagambetov-2025-01-29', 'rahmon-2025-11-27', 'semerikov-2025-12-09',
     'sarkisyan-2025-12-17', 'masadykov-2026-01-29']
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
    >>> len(program.plans), len(program.reports), len(program.statements), len(program.sources)
    (3, 6, 18, 50)
    >>> program is load_dataset("tajik-afghan-border")
    True
    """
    return load_dataset(DEFAULT_DATASET)


def starter_program(
    start: datetime.date | str = "2025-01-01",
    *,
    months: Sequence[int] = (12, 24, 24),
    term_months: int | None = None,
) -> Program:
    """A minimal valid program to edit into your own: one plan with these stage lengths
    (stage one's length is the plan's own rule), one person, one source, one statement, one
    meeting and one progress report. ``csto-program init`` writes it as a document.

    >>> program = starter_program("2026-01-01", months=(6, 12, 18))
    >>> [str(stage.last_day) for stage in program.stages], program.plan.first_stage_months
    (['2026-06-30', '2027-06-30', '2028-12-31'], 6)
    """
    from csto_program.planning import plan_stages

    lengths = tuple(months)
    term = sum(lengths) if term_months is None else term_months
    first = lengths[0] if lengths else None
    stages = plan_stages(start, months=lengths, term_months=term, first_stage_months=first)
    day = stages[0].start
    plan = Plan(
        id="plan-1",
        announced_on=PartialDate.from_date(day),
        starts_on=day,
        stages=stages,
        term_months=term,
        first_stage_months=first,
        basis="Replace with how the dates were given: what was stated, what was inferred.",
        sources=("example-source",),
    )
    return Program(
        id="my-program",
        title="My program",
        adopted_on=day,
        plans=(plan,),
        description="Replace with what the program is.",
        people=(Person(id="example-person", name="Example Person"),),
        meetings=(
            Meeting(
                id="example-meeting",
                title="A meeting",
                kind=MeetingKind.WORKING_MEETING,
                starts_on=PartialDate.from_date(day),
                sources=("example-source",),
            ),
        ),
        statements=(
            Statement(
                id="example-statement",
                speaker="example-person",
                role="Their role",
                said_on=PartialDate.from_date(day),
                text="What they said.",
                kind=StatementKind.PARAPHRASE,
                meeting="example-meeting",
                stages=(1,),
                sources=("example-source",),
            ),
        ),
        reports=(
            ProgressReport(
                id="example-report",
                stage=1,
                progress=Progress.IN_PROGRESS,
                reported_on=PartialDate.from_date(day),
                statement="example-statement",
                sources=("example-source",),
            ),
        ),
        sources=(
            Source(
                id="example-source",
                outlet="Example News",
                url="https://example.org/news",
                published_on=PartialDate.from_date(day),
            ),
        ),
    )
