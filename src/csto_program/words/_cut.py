"""The one knowledge cut that every view takes: the record as known on a day."""

from __future__ import annotations

import datetime

import attrs
import pendulum

from csto_program.dates import as_date
from csto_program.model import Program
from csto_program.status import ProgramStatus
from csto_program.words._status import Headline, headline_of
from csto_program.words._timeline import Event, events_of

__all__ = ["STALE_AFTER", "Cut", "cut", "timeline"]

STALE_AFTER = 180
"""Days without a progress report after which a view warns that the evidence is old.

>>> STALE_AFTER
180
"""


@attrs.frozen
class Cut:
    """What a view shows: ``program``, the record as it stood on ``known_on`` (only what
    was known by then: :meth:`~csto_program.Program.as_known_on`), its ``status`` on
    ``as_of`` and the ``whole`` record it was cut from. Every view (the command line, the
    Markdown and HTML reports, the Mermaid and timeline charts and the calendar) makes one
    with :func:`cut` and shows nothing else.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> view = cut(tajik_afghan_border(), datetime.date(2024, 12, 1))
    >>> view.heading
    'as of 2024-12-01, as known on 2024-12-01'
    >>> view.program.reports, str(view.headline)
((), 'planned: stage 1 of 3; reported: no progress report')
    """

    whole: Program
    program: Program
    as_of: pendulum.Date
    known_on: pendulum.Date
    stale_after: int
    status: ProgramStatus

    @property
    def heading(self) -> str:
        """``as of D, as known on K``: the two days every view states."""
        return f"as of {self.as_of}, as known on {self.known_on}"

    @property
    def headline(self) -> Headline:
        """The :class:`~csto_program.words.Headline` of :attr:`status`."""
        return headline_of(self.status)

    def events(self, *, stages: bool = True) -> list[Event]:
        """The timeline of what was known (see :func:`timeline`)."""
        return events_of(self.program, self.status, self.as_of, stages=stages)


def cut(
    program: Program,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    *,
    stale_after: int = STALE_AFTER,
) -> Cut:
    """The :class:`Cut` of ``program`` on ``as_of``, as known on ``known_on`` (default
    ``as_of``): the one place where a view drops what was not yet known.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> view = cut(tajik_afghan_border(), datetime.date(2026, 1, 29),
    ...            known_on=datetime.date(2024, 11, 30))
    >>> view.known_on, [plan.id for plan in view.program.plans]
    (Date(2024, 11, 30), ['asia-plus-2024-11-25'])
    """
    if not isinstance(program, Program):
        raise TypeError(f"program must be a Program, not {type(program).__name__}")
    day = as_date(as_of, "as_of")
    known = day if known_on is None else as_date(known_on, "known_on")
    if isinstance(stale_after, bool) or not isinstance(stale_after, int):
        raise TypeError(f"stale_after must be an int, not {type(stale_after).__name__}")
    status = program.status(day, known_on=known, stale_after=stale_after)
    return Cut(program, program.as_known_on(known), day, known, stale_after, status)


def timeline(
    program: Program,
    as_of: datetime.date,
    *,
    known_on: datetime.date | None = None,
    stages: bool = True,
) -> list[Event]:
    """The program's history in date order, as known on ``known_on`` (default ``as_of``):
    adoption, plan announcements, meetings, statements, progress reports and (with
    ``stages``) the stage windows of the plan in use with their state on ``as_of``. Only
    what had become known by ``known_on`` is listed (:func:`cut`); a plan or a report the
    record infers is marked ``(inferred)``, and a meeting not held says so.

    Events are ordered by the earliest day their date can be, then the latest, then their
    kind (:data:`EVENT_KINDS`), then their place in the record.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> events = timeline(tajik_afghan_border(), datetime.date(2026, 1, 29))
    >>> early = timeline(tajik_afghan_border(), datetime.date(2026, 1, 29),
    ...                  known_on=datetime.date(2024, 11, 30))
    >>> max(e.key[1] for e in early if e.kind != "stage")
    Date(2024, 11, 28)
    >>> [e.kind for e in events if e.when.startswith("2024-11-2")][:3]
    ['plan', 'meeting', 'statement']
    """
    return cut(program, as_of, known_on).events(stages=stages)
