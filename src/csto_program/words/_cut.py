"""The one knowledge cut that every view takes: the record as known on a day."""

from __future__ import annotations

import datetime

import attrs
import pendulum

from csto_program._i18n import check_lang, current, prose_date, using
from csto_program._i18n import gettext as _
from csto_program.dates import PartialDate, as_date
from csto_program.model import Plan, Program
from csto_program.status import STALE_AFTER, ProgramStatus
from csto_program.words._plans import PlanRow, plan_rows
from csto_program.words._status import Headline, headline_of
from csto_program.words._timeline import Event, events_of

__all__ = ["STALE_AFTER", "Cut", "cut", "timeline"]


@attrs.frozen
class Cut:
    """What a view shows: ``program``, the record as it stood on ``known_on`` (only what
    was known by then: :meth:`~csto_program.Program.as_known_on`), its ``status`` on
    ``as_of`` and the ``whole`` record it was cut from. Before the first plan was announced
    (``plans_known`` false) ``program`` holds the first plan only as a stand-in, announced on
    ``known_on``, that no view shows: read the plans from :attr:`plans`. Every view (the
    command line, the Markdown and HTML reports, the Mermaid and timeline charts and the
    calendar) makes one with :func:`cut` and shows nothing else.

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
    plans_known: bool = True
    lang: str = "en"

    @property
    def plans(self) -> tuple[Plan, ...]:
        """The plans known on :attr:`known_on` (none before the first was announced)."""
        return self.program.plans if self.plans_known else ()

    @property
    def heading(self) -> str:
        """``as of D, as known on K``: the two days every view states (in Russian with the
        days in prose, ``на 6 декабря 2026 г., по сведениям на 6 декабря 2026 г.``)."""
        with using(self.lang):
            return self._heading()

    def _heading(self) -> str:
        return _("as of {as_of}, as known on {known_on}").format(
            as_of=self.as_of,
            known_on=self.known_on,
            as_of_prose=prose_date(self.as_of),
            known_on_prose=prose_date(self.known_on),
        )

    @property
    def headline(self) -> Headline:
        """The :class:`~csto_program.words.Headline` of :attr:`status`."""
        with using(self.lang):
            return headline_of(self.status)

    def plan_rows(self) -> tuple[PlanRow, ...]:
        """The plan history of what was known (:func:`~csto_program.words.plan_rows`)."""
        return plan_rows(self.program) if self.plans_known else ()

    def events(self, *, stages: bool = True) -> list[Event]:
        """The timeline of what was known (see :func:`timeline`)."""
        with using(self.lang):
            return events_of(
                self.program, self.status, self.as_of, stages=stages, plans=self.plans_known
            )


def cut(
    program: Program,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    *,
    stale_after: int = STALE_AFTER,
    lang: str | None = None,
) -> Cut:
    """The :class:`Cut` of ``program`` on ``as_of``, as known on ``known_on`` (default
    ``as_of``): the one place where a view drops what was not yet known. Its words
    (heading, headline, events) are in ``lang`` (``"en"`` or ``"ru"``; default: the
    language in use, English unless a rendering call chose another).

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
    chosen = current() if lang is None else check_lang(lang)
    status = program.status(day, known_on=known, stale_after=stale_after)
    first = program.plans[0]
    if first.announced_on.latest <= known:
        return Cut(
            program, program.as_known_on(known), day, known, stale_after, status, lang=chosen
        )
    # A program has a plan: before the first was known, it stands in, announced on the day
    # of knowledge, so that the one rule cuts every other record; no view shows it.
    stand_in = attrs.evolve(first, announced_on=PartialDate.from_date(known))
    known_part = attrs.evolve(program, plans=(stand_in, *program.plans[1:])).as_known_on(known)
    return Cut(program, known_part, day, known, stale_after, status, plans_known=False, lang=chosen)


def timeline(
    program: Program,
    as_of: datetime.date,
    *,
    known_on: datetime.date | None = None,
    stages: bool = True,
    lang: str | None = None,
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
    >>> [e.kind for e in events if e.when == "2024-11-28"]  # one day: ordered by kind
    ['adopted', 'meeting', 'statement']
    """
    return cut(program, as_of, known_on, lang=lang).events(stages=stages)
