"""The timeline: a program's history as events in date order, and its JSON."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any, NamedTuple

import pendulum

from csto_program._i18n import current
from csto_program._i18n import gettext as _
from csto_program.dates import PartialDate
from csto_program.languages import name_in
from csto_program.model import Program, Statement
from csto_program.status import ProgramStatus
from csto_program.words._phrases import (
    EVENT_KINDS,
    as_of_words,
    date_words,
    marked,
    meeting_place,
    meeting_when,
    meeting_words,
    person_name,
    progress_words,
    said,
    stage_title,
    state_words,
    window,
)

__all__ = ["Event", "events_of", "timeline_json"]


def _speaker(program: Program, statement: Statement) -> str:
    return person_name(program, statement.speaker)


class Event(NamedTuple):
    """One line of a program's timeline, in the order :func:`~csto_program.words.timeline`
    gives.

    ``key`` is the first and last day the event's date can be, ``rank`` the place of its
    ``kind`` in :data:`EVENT_KINDS` and ``order`` its place in the record; ``stages`` and
    ``sources`` are the stage numbers and source ids it concerns.

    >>> import datetime
    >>> from csto_program.words import timeline
    >>> from csto_program.datasets import tajik_afghan_border
    >>> event = timeline(tajik_afghan_border(), datetime.date(2026, 1, 29))[0]
    >>> event.when, event.kind, event.title
    ('2013-09-23', 'meeting', 'Meeting of the CSTO heads of state in Sochi (Sochi, RU)')
    >>> event.sources[0]
    'asia-plus-2013-09-24'
    """

    key: tuple[pendulum.Date, pendulum.Date]
    rank: int
    order: int
    when: str
    kind: str
    title: str
    text: str
    stages: tuple[int, ...]
    sources: tuple[str, ...]


def events_of(
    program: Program,
    status: ProgramStatus,
    as_of: datetime.date,
    *,
    stages: bool = True,
    plans: bool = True,
) -> list[Event]:
    """Every event of ``program`` (a record already cut to what was known: see
    :func:`~csto_program.words.cut`), with the stage windows of ``status`` when ``stages``;
    without ``plans`` (no plan known yet) no plan and no progress report, as the knowledge
    rule says. Nothing else is filtered here."""
    rank = {kind: index for index, kind in enumerate(EVENT_KINDS)}
    adopted = PartialDate.from_date(program.adopted_on)
    events = [
        Event(
            adopted.sort_key,
            rank["adopted"],
            0,
            str(adopted),
            "adopted",
            _("{title} adopted").format(title=name_in(program, current())),
            "",
            (),
            (),
        )
    ]
    for index, plan in enumerate(program.plans if plans else ()):
        windows = "; ".join(
            _("stage {number} {window}").format(number=s.number, window=window(s.start, s.last_day))
            for s in plan.stages
        )
        events.append(
            Event(
                plan.announced_on.sort_key,
                rank["plan"],
                index,
                date_words(plan.announced_on),
                "plan",
                marked(_("plan {id} announced").format(id=plan.id), plan.inferred),
                f"{windows}. {plan.basis}".strip(),
                tuple(s.number for s in plan.stages),
                plan.sources,
            )
        )
    for index, meeting in enumerate(program.meetings):
        place = meeting_place(meeting)
        title = f"{meeting.title} ({place})" if place else meeting.title
        state = meeting_words(meeting, as_of)
        described = ". ".join(part for part in (state, meeting.description) if part)
        events.append(
            Event(
                meeting.starts_on.sort_key,
                rank["meeting"],
                index,
                meeting_when(meeting),
                "meeting",
                title,
                described,
                (),
                meeting.sources,
            )
        )
    for index, statement in enumerate(program.statements):
        title = f"{_speaker(program, statement)}, {statement.role}"
        events.append(
            Event(
                statement.said_on.sort_key,
                rank["statement"],
                index,
                date_words(statement.said_on),
                "statement",
                title,
                said(statement),
                statement.stages,
                statement.sources,
            )
        )
    for index, report in enumerate(program.reports if plans else ()):
        about = "" if report.as_of is None else " " + as_of_words(report.as_of)
        events.append(
            Event(
                report.reported_on.sort_key,
                rank["report"],
                index,
                date_words(report.reported_on),
                "report",
                _("stage {number} {progress}").format(
                    number=report.stage,
                    progress=progress_words(report.progress, report.inferred),
                )
                + about,
                report.note,
                (report.stage,),
                report.sources,
            )
        )
    if stages:
        for stage_status in status.stages:
            stage = stage_status.stage
            events.append(
                Event(
                    (stage.start, stage.last_day),
                    rank["stage"],
                    stage.number,
                    window(stage.start, stage.last_day),
                    "stage",
                    stage_title(stage.number, stage.name),
                    state_words(stage_status),
                    (stage.number,),
                    stage.sources,
                )
            )
    events.sort(key=lambda event: (event.key, event.rank, event.order))
    return events


def timeline_json(
    events: Iterable[Event],
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    *,
    headline: str | None = None,
) -> dict[str, Any]:
    """What ``csto-program timeline --json`` prints for ``events`` (a
    :func:`~csto_program.words.timeline`, perhaps filtered): the day drawn, the day of
    knowledge (``as_of`` when None), the headline when given, and each event's date as
    recorded, kind, title, text, stages and source ids.

    >>> import datetime
    >>> from csto_program.words import timeline
    >>> from csto_program.datasets import tajik_afghan_border
    >>> day = datetime.date(2026, 1, 29)
    >>> data = timeline_json(timeline(tajik_afghan_border(), day), day)
    >>> data["known_on"], data["events"][0]["kind"], sorted(data["events"][0])
    ('2026-01-29', 'meeting', ['date', 'kind', 'sources', 'stages', 'text', 'title'])
    """
    data: dict[str, Any] = {"as_of": str(as_of), "known_on": str(known_on or as_of)}
    if headline is not None:
        data["headline"] = headline
    data["events"] = [
        {
            "date": e.when,
            "kind": e.kind,
            "title": e.title,
            "text": e.text,
            "stages": list(e.stages),
            "sources": list(e.sources),
        }
        for e in events
    ]
    return data
