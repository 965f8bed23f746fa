"""The one place where a program's state, plans and history are put into words.

The command line, the Markdown and HTML reports, the Mermaid chart, the calendar and the
timeline chart all take their words and their order of events from here, so they never
disagree. Besides the phrases, it gives the views' typed models: the status
:class:`Headline`, a :class:`StageRow` per stage, the timeline's :class:`Event` list, a
:class:`PlanRow` per plan version, and the JSON the command line prints for the timeline
(:func:`timeline_json`) and the plans (:func:`plans_json`). The text is plain: each output
escapes it in its own way (terminal, Markdown, HTML).

>>> import datetime
>>> from csto_program.datasets import tajik_afghan_border
>>> program = tajik_afghan_border()
>>> status = program.status(datetime.date(2026, 1, 29))
>>> headline(status)
'planned: stage 2 of 3; reported: stage 1 in progress (2026-01-29)'
>>> state_words(status.stages[0])
'overdue by 29 days'
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import attrs
import pendulum

from csto_program.dates import PartialDate, as_date, days_between
from csto_program.model import Meeting, Plan, Program, Source, Statement, StatementKind
from csto_program.planning import diff_plans
from csto_program.status import ProgramStatus, StageState, StageStatus

__all__ = [
    "EVENT_KINDS",
    "Event",
    "Headline",
    "PlanRow",
    "PlanWindow",
    "StageRow",
    "citation",
    "days",
    "days_cell",
    "headline",
    "headline_of",
    "meeting_place",
    "meeting_when",
    "outlets",
    "plan_history",
    "plan_rows",
    "plans_json",
    "progress_words",
    "shift_words",
    "source_label",
    "stage_rows",
    "stage_title",
    "state_words",
    "status_json",
    "table",
    "timeline",
    "timeline_json",
    "window",
]

EVENT_KINDS: tuple[str, ...] = ("adopted", "plan", "meeting", "statement", "report", "stage")
"""The kinds of timeline events, in the order they are listed on the same day.

>>> EVENT_KINDS.index("meeting") < EVENT_KINDS.index("statement")
True
>>> EVENT_KINDS[-1]
'stage'
"""


def days(count: int) -> str:
    """``"1 day"``, ``"29 days"``.

    >>> days(1), days(29)
    ('1 day', '29 days')
    """
    return f"{count} day{'' if count == 1 else 's'}"


def window(start: datetime.date | str, last_day: datetime.date | str) -> str:
    """A stage window as a reader writes it: first day – last day, both inclusive.

    >>> window(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    '2025-01-01 – 2025-12-31'
    """
    return f"{start} – {last_day}"


def progress_words(progress: Any) -> str:
    """A :class:`~csto_program.Progress` in words (``None``: no report).

    >>> from csto_program import Progress
    >>> progress_words(Progress.IN_PROGRESS), progress_words(None)
    ('in progress', 'no report')
    """
    return "no report" if progress is None else str(progress.value).replace("_", " ")


def state_words(status: StageStatus) -> str:
    """The state of a stage in words, with the days left or late.

    >>> from csto_program import plan_stages
    >>> from csto_program.status import stage_status
    >>> stage = plan_stages("2025-01-01")[0]
    >>> state_words(stage_status(stage, datetime.date(2025, 12, 31)))
    'active, today is its last day'
    """
    stage, state = status.stage, status.state
    if state is StageState.UPCOMING:
        return f"upcoming, starts in {days(days_between(status.as_of, stage.start))}"
    if state is StageState.ACTIVE:
        if status.days_remaining == 0:
            return "active, today is its last day"
        return f"active, {days(status.days_remaining or 0)} remaining"
    if state is StageState.OVERDUE:
        return f"overdue by {days(status.days_overdue or 0)}"
    done = "" if status.report is None else f" on {status.report.day}"
    if state is StageState.COMPLETED:
        return f"completed{done}"
    if state is StageState.COMPLETED_LATE:
        return f"completed{done}, {days(status.days_overdue or 0)} late"
    return f"cancelled{done}"


def days_cell(status: StageStatus) -> str:
    """The days column of a status table: remaining, overdue, to the start, or late.

    >>> from csto_program import plan_stages
    >>> from csto_program.status import stage_status
    >>> stage = plan_stages("2025-01-01")[0]
    >>> [days_cell(stage_status(stage, datetime.date(y, m, d)))
    ...  for y, m, d in [(2024, 12, 30), (2025, 12, 30), (2026, 1, 29)]]
    ['starts in 2', '1 remaining', '29 overdue']
    """
    state = status.state
    if state is StageState.ACTIVE:
        return f"{status.days_remaining} remaining"
    if state is StageState.OVERDUE:
        return f"{status.days_overdue} overdue"
    if state is StageState.UPCOMING:
        return f"starts in {days_between(status.as_of, status.stage.start)}"
    if state is StageState.COMPLETED_LATE:
        return f"{status.days_overdue} late"
    return "–"


def shift_words(shift: int | None) -> str:
    """A signed day count of a rescheduled deadline: positive means later.

    >>> shift_words(34), shift_words(-3), shift_words(0), shift_words(None)
    ('+34 days (later)', '-3 days (earlier)', 'unchanged', '–')
    """
    if shift is None:
        return "–"
    if shift == 0:
        return "unchanged"
    if shift > 0:
        return f"+{days(shift)} (later)"
    return f"-{days(-shift)} (earlier)"


@attrs.frozen
class Headline:
    """Where the program stood on a day: the stage planned beside the stage reported.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> line = headline_of(tajik_afghan_border().status(datetime.date(2026, 1, 29)))
    >>> line.planned, line.reported
    ('stage 2 of 3', 'stage 1 in progress (2026-01-29)')
    >>> str(line)
    'planned: stage 2 of 3; reported: stage 1 in progress (2026-01-29)'
    """

    planned: str
    reported: str | None  # None: no plan had been announced, so nothing is compared

    def __str__(self) -> str:
        if self.reported is None:
            return self.planned
        return f"planned: {self.planned}; reported: {self.reported}"


def headline_of(status: ProgramStatus) -> Headline:
    """The :class:`Headline` of ``status``.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> headline_of(tajik_afghan_border().status(datetime.date(2024, 12, 1))).reported
    'no progress report yet'
    """
    plan = status.plan
    if plan is None:
        return Headline("no plan had been announced", None)
    count = len(plan.stages)
    if status.current_stage is not None:
        planned = f"stage {status.current_stage.number} of {count}"
    elif status.as_of < plan.starts_on:
        planned = f"not started (stage 1 starts on {plan.starts_on})"
    else:
        planned = "after the last stage's window"
    reported = "no progress report yet"
    if status.reported_stage is not None:
        number = status.reported_stage.number
        stage_status = status.stages[number - 1]
        report = stage_status.report
        words = progress_words(stage_status.progress)
        when = "" if report is None else f" ({report.reported_on})"
        reported = f"stage {number} {words}{when}"
    return Headline(planned, reported)


def headline(status: ProgramStatus) -> str:
    """Where the program stood, planned beside reported, in one line.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> headline(tajik_afghan_border().status(datetime.date(2024, 12, 1)))
    'planned: stage 1 of 3; reported: no progress report yet'
    """
    return str(headline_of(status))


def stage_title(number: int, name: str) -> str:
    """``Stage N: name``, never ``Stage 1: Stage 1: ...``: a name that already begins with
    its ``Stage N`` is not prefixed again (a blank name gives ``Stage N``).

    >>> stage_title(1, "Preparation"), stage_title(2, "Stage 2: Delivery"), stage_title(3, " ")
    ('Stage 1: Preparation', 'Stage 2: Delivery', 'Stage 3')
    >>> stage_title(1, "Stage 10 of another plan")
    'Stage 1: Stage 10 of another plan'
    """
    words = " ".join(name.split())
    prefix = f"Stage {number}"
    rest = words[len(prefix) :]
    if words.lower().startswith(prefix.lower()) and not rest[:1].isdigit():
        words = rest.lstrip(" :–-")
    return f"{prefix}: {words}" if words else prefix


@attrs.frozen
class StageRow:
    """One stage of a status table, in words and values: its window, its state (the
    value, e.g. ``completed_late``, for a colour or a class, and ``state_text`` in words,
    e.g. ``completed on 2026-03-01, 59 days late``), its progress (value and words), its
    days and its shift against the first plan (days, positive: later, and words).

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> row = stage_rows(tajik_afghan_border().status(datetime.date(2026, 1, 29)))[0]
    >>> row.title, row.state_text, row.progress_text
    ('Stage 1: assessment, funding and contracts', 'overdue by 29 days', 'in progress')
    >>> row.days_text, row.shift_text
    ('29 overdue', '+34 days (later)')
    """

    number: int
    name: str
    title: str
    start: str
    last_day: str
    window: str
    state: str
    state_text: str
    progress: str | None
    progress_text: str
    days_text: str
    shift_days: int | None
    shift_text: str


def stage_rows(status: ProgramStatus) -> tuple[StageRow, ...]:
    """A :class:`StageRow` per stage of the plan in use.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> [row.state for row in stage_rows(tajik_afghan_border().status(datetime.date(2026, 1, 29)))]
    ['overdue', 'active', 'upcoming']
    """
    return tuple(
        StageRow(
            number=s.stage.number,
            name=s.stage.name,
            title=stage_title(s.stage.number, s.stage.name),
            start=str(s.stage.start),
            last_day=str(s.stage.last_day),
            window=window(s.stage.start, s.stage.last_day),
            state=s.state.value,
            state_text=state_words(s),
            progress=None if s.progress is None else s.progress.value,
            progress_text=progress_words(s.progress),
            days_text=days_cell(s),
            shift_days=s.rescheduled_days,
            shift_text=shift_words(s.rescheduled_days),
        )
        for s in status.stages
    )


def status_json(status: ProgramStatus) -> dict[str, Any]:
    """Every field of a :class:`~csto_program.ProgramStatus` as JSON-ready data.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> data = status_json(tajik_afghan_border().status(datetime.date(2026, 1, 29)))
    >>> data["stages"][0]["state"], data["stages"][0]["rescheduled_days"], data["reported_stage"]
    ('overdue', 34, 1)
    """

    def stage(s: StageStatus) -> dict[str, Any]:
        return {
            "number": s.stage.number,
            "name": s.stage.name,
            "start": str(s.stage.start),
            "end": str(s.stage.end),
            "last_day": str(s.stage.last_day),
            "as_of": str(s.as_of),
            "state": s.state.value,
            "days_remaining": s.days_remaining,
            "days_overdue": s.days_overdue,
            "progress": None if s.progress is None else s.progress.value,
            "report": None if s.report is None else s.report.id,
            "rescheduled_days": s.rescheduled_days,
            "evidence": [statement.id for statement in s.evidence],
        }

    return {
        "as_of": str(status.as_of),
        "known_on": str(status.known_on),
        "plan": None if status.plan is None else status.plan.id,
        "current_stage": None if status.current_stage is None else status.current_stage.number,
        "reported_stage": None if status.reported_stage is None else status.reported_stage.number,
        "headline": headline(status),
        "stages": [stage(s) for s in status.stages],
    }


def source_label(program: Program, source: Source) -> str:
    """An outlet with the outlets it relays: ``"TASS via Khovar"``.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> source_label(program, program.by_id["tass-2025-01-29"])
    'TASS via Khovar'
    >>> source_label(program, program.by_id["khovar-2025-01"])
    'Khovar'
    """
    relayed = [program.by_id[ref] for ref in source.via]
    names = [getattr(item, "outlet", "") for item in relayed]
    return source.outlet + (f" via {', '.join(names)}" if names else "")


def citation(program: Program, source: Source) -> str:
    """A source told apart from the outlet's other sources: its outlet and its date,
    ``"Asia-Plus, 2024-11-25"`` (an undated source: its outlet alone).

    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> citation(program, program.by_id["tass-2025-01-29"])
    'TASS via Khovar, 2025-01-29'
    """
    label = source_label(program, source)
    return label if source.published_on is None else f"{label}, {source.published_on}"


def outlets(program: Program, source_ids: Sequence[str]) -> str:
    """The outlets of these sources, or ``"no source on record"``.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> outlets(program, ["tass-2025-01-29", "sputnik-tj-2024-12-04"])
    'TASS via Khovar; Sputnik Tajikistan'
    >>> outlets(program, [])
    'no source on record'
    """
    labels = [source_label(program, _source(program, ref)) for ref in source_ids]
    return "; ".join(labels) if labels else "no source on record"


def _source(program: Program, ref: str) -> Source:
    found = program.by_id[ref]
    assert isinstance(found, Source)
    return found


def meeting_when(meeting: Meeting) -> str:
    """A meeting's dates as recorded: ``2023-12-20 – 2023-12-21``, ``2023``.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> meeting_when(program.by_id["moscow-2023-12-20"])
    '2023-12-20 – 2023-12-21'
    >>> meeting_when(program.by_id["astana-2024-11-28"])
    '2024-11-28'
    """
    if meeting.ends_on is None or meeting.ends_on == meeting.starts_on:
        return str(meeting.starts_on)
    return f"{meeting.starts_on} – {meeting.ends_on}"


def meeting_place(meeting: Meeting) -> str:
    """``"Astana, KZ"``, or ``""`` when no place is recorded.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> meeting_place(program.by_id["astana-2024-11-28"])
    'Astana, KZ'
    >>> meeting_place(program.by_id["phone-2017-02-09"])
    ''
    """
    if meeting.place is None:
        return ""
    return f"{meeting.place.name}, {meeting.place.country}"


def _speaker(program: Program, statement: Statement) -> str:
    return getattr(program.by_id.get(statement.speaker), "name", statement.speaker)


class Event(NamedTuple):
    """One line of a program's timeline, in the order :func:`timeline` gives.

    ``key`` is the first and last day the event's date can be, ``rank`` the place of its
    ``kind`` in :data:`EVENT_KINDS` and ``order`` its place in the record; ``stages`` and
    ``sources`` are the stage numbers and source ids it concerns.

    >>> import datetime
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


def timeline(
    program: Program,
    as_of: datetime.date,
    *,
    known_on: datetime.date | None = None,
    stages: bool = True,
) -> list[Event]:
    """The program's history in date order: adoption, plan announcements, meetings,
    statements, progress reports and (with ``stages``) the stage windows of the plan in use
    with their state on ``as_of``, as known on ``known_on``. With ``known_on``, only the
    events that can have happened (been said, held, announced, reported) by that day are
    listed.

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
    as_of = as_date(as_of, "as_of")
    status = program.status(as_of, known_on=known_on)
    rank = {kind: index for index, kind in enumerate(EVENT_KINDS)}
    adopted = PartialDate.from_date(program.adopted_on)
    events = [
        Event(
            adopted.sort_key,
            rank["adopted"],
            0,
            str(adopted),
            "adopted",
            f"{program.title} adopted",
            "",
            (),
            (),
        )
    ]
    for index, plan in enumerate(program.plans):
        windows = "; ".join(f"stage {s.number} {window(s.start, s.last_day)}" for s in plan.stages)
        events.append(
            Event(
                plan.announced_on.sort_key,
                rank["plan"],
                index,
                str(plan.announced_on),
                "plan",
                f"plan {plan.id} announced",
                f"{windows}. {plan.basis}".strip(),
                tuple(s.number for s in plan.stages),
                plan.sources,
            )
        )
    for index, meeting in enumerate(program.meetings):
        place = meeting_place(meeting)
        title = f"{meeting.title} ({place})" if place else meeting.title
        events.append(
            Event(
                meeting.starts_on.sort_key,
                rank["meeting"],
                index,
                meeting_when(meeting),
                "meeting",
                title,
                meeting.description,
                (),
                meeting.sources,
            )
        )
    for index, statement in enumerate(program.statements):
        title = f"{_speaker(program, statement)}, {statement.role}"
        if statement.kind is StatementKind.QUOTE:
            said = f"“{statement.text}”"
        else:
            said = f"(paraphrase) {statement.text}"
        events.append(
            Event(
                statement.said_on.sort_key,
                rank["statement"],
                index,
                str(statement.said_on),
                "statement",
                title,
                said,
                statement.stages,
                statement.sources,
            )
        )
    for index, report in enumerate(program.reports):
        about = f" as of {report.as_of}" if report.as_of is not None else ""
        events.append(
            Event(
                report.reported_on.sort_key,
                rank["report"],
                index,
                str(report.reported_on),
                "report",
                f"stage {report.stage} {progress_words(report.progress)}{about}",
                report.note,
                (report.stage,),
                report.sources,
            )
        )
    if known_on is not None:  # only what had been published, said or held by then
        limit = as_date(known_on, "known_on")
        events = [event for event in events if event.key[1] <= limit]
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
                    f"stage {stage.number}: {stage.name}",
                    state_words(stage_status),
                    (stage.number,),
                    stage.sources,
                )
            )
    events.sort(key=lambda event: (event.key, event.rank, event.order))
    return events


@attrs.frozen
class PlanWindow:
    """One stage of a plan version: its window and how far its last day moved against the
    previous and the first plan (days, positive: later; None: nothing to compare).

    >>> from csto_program.datasets import tajik_afghan_border
    >>> plan_rows(tajik_afghan_border())[1].stages[0].shift_from_first
    34
    """

    number: int
    name: str
    start: str
    last_day: str
    shift_from_previous: int | None
    shift_from_first: int | None


@attrs.frozen
class PlanRow:
    """One version of the plan, as announced: a row of the plan history.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> row = plan_rows(tajik_afghan_border())[0]
    >>> row.id, row.announced_on, row.term_months
    ('asia-plus-2024-11-25', '2024-11-25', 60)
    """

    id: str
    announced_on: str
    starts_on: str
    term_months: int
    first_stage_months: int | None
    basis: str
    sources: tuple[str, ...]
    stages: tuple[PlanWindow, ...]


def plan_rows(program: Program) -> tuple[PlanRow, ...]:
    """A :class:`PlanRow` per plan, in the record's order.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> [row.id for row in plan_rows(tajik_afghan_border())]
    ['asia-plus-2024-11-25', 'sputnik-2024-12-04', 'press-service-2025']
    """
    first = program.plans[0]
    rows = []
    previous: Plan | None = None
    for plan in program.plans:
        from_first = {s.number: s for s in diff_plans(first, plan)}
        from_previous = {s.number: s for s in diff_plans(previous or plan, plan)}
        rows.append(
            PlanRow(
                id=plan.id,
                announced_on=str(plan.announced_on),
                starts_on=str(plan.starts_on),
                term_months=plan.term_months,
                first_stage_months=plan.first_stage_months,
                basis=plan.basis,
                sources=tuple(plan.sources),
                stages=tuple(
                    PlanWindow(
                        number=stage.number,
                        name=stage.name,
                        start=str(stage.start),
                        last_day=str(stage.last_day),
                        shift_from_previous=from_previous[stage.number].last_day_days,
                        shift_from_first=from_first[stage.number].last_day_days,
                    )
                    for stage in plan.stages
                ),
            )
        )
        previous = plan
    return tuple(rows)


def plan_history(program: Program) -> list[dict[str, Any]]:
    """Every plan with its stages' windows and their shifts against the previous and the
    first plan (in days, positive: later), as JSON-ready data.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> history = plan_history(tajik_afghan_border())
    >>> [(row["id"], row["stages"][0]["shift_from_first"]) for row in history]
    [('asia-plus-2024-11-25', 0), ('sputnik-2024-12-04', 34), ('press-service-2025', 34)]
    """
    return [
        {
            **attrs.asdict(row, recurse=False),
            "sources": list(row.sources),
            "stages": [attrs.asdict(stage) for stage in row.stages],
        }
        for row in plan_rows(program)
    ]


def plans_json(program: Program) -> dict[str, Any]:
    """What ``csto-program plans --json`` prints: ``{"plans": [...]}``, a plan per item
    (see :func:`plan_history`).

    >>> from csto_program.datasets import tajik_afghan_border
    >>> data = plans_json(tajik_afghan_border())
    >>> list(data), data["plans"][2]["stages"][1]["last_day"]
    (['plans'], '2027-12-31')
    """
    return {"plans": plan_history(program)}


def timeline_json(
    events: Iterable[Event], as_of: datetime.date, known_on: datetime.date | None = None
) -> dict[str, Any]:
    """What ``csto-program timeline --json`` prints for ``events`` (a :func:`timeline`,
    perhaps filtered): the day drawn, the day of knowledge (``as_of`` when None) and each
    event's date as recorded, kind, title, text, stages and source ids.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> day = datetime.date(2026, 1, 29)
    >>> data = timeline_json(timeline(tajik_afghan_border(), day), day)
    >>> data["known_on"], data["events"][0]["kind"], sorted(data["events"][0])
    ('2026-01-29', 'meeting', ['date', 'kind', 'sources', 'stages', 'text', 'title'])
    """
    return {
        "as_of": str(as_of),
        "known_on": str(known_on or as_of),
        "events": [
            {
                "date": e.when,
                "kind": e.kind,
                "title": e.title,
                "text": e.text,
                "stages": list(e.stages),
                "sources": list(e.sources),
            }
            for e in events
        ],
    }


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """Left-aligned columns two spaces apart, with no trailing spaces.

    >>> print("\\n".join(table(["A", "BB"], [["xxx", "y"]])))
    A    BB
    xxx  y
    """
    body = [list(row) for row in rows]
    widths = [max(len(cell) for cell in column) for column in zip(headers, *body, strict=True)]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [list(headers), *body]
    ]
