"""The one place where a program's state, plans and history are put into words.

The command line, the Markdown and HTML reports, the Mermaid chart, the calendar and the
timeline chart all take their words and their order of events from here, so they never
disagree. Every view first takes the one knowledge cut, :func:`cut`: the record as known on
``known_on`` (default ``as_of``), its status on ``as_of`` and the heading that states both
days; no view filters the record on its own. Besides the phrases, this module gives the
views' typed models: the status :class:`Headline` (with the warning that the newest report
is old), a :class:`StageRow` per stage, the timeline's :class:`Event` list, a
:class:`PlanRow` per plan version, and the JSON the command line prints for the timeline
(:func:`timeline_json`) and the plans (:func:`plans_json`). A record the author inferred is
marked ``(inferred)`` the same way in every view. The text is plain: each output escapes it
in its own way (terminal, Markdown, HTML).

>>> import datetime
>>> from csto_program.datasets import tajik_afghan_border
>>> view = cut(tajik_afghan_border(), datetime.date(2026, 1, 29))
>>> view.heading
'as of 2026-01-29, as known on 2026-01-29'
>>> headline(view.status)
'planned: stage 2 of 3; reported: stage 1 in progress (2026-01-29)'
>>> state_words(view.status.stages[0])
'overdue by 29 days'
"""

from __future__ import annotations

import csto_program._public as _public
from csto_program.words._cut import STALE_AFTER, Cut, cut, timeline
from csto_program.words._phrases import (
    EVENT_KINDS,
    INFERRED,
    NO_REPORT,
    as_of_words,
    citation,
    completion_words,
    date_words,
    days,
    days_cell,
    event_kind,
    marked,
    meeting_place,
    meeting_state,
    meeting_when,
    meeting_words,
    months,
    note_kind,
    outlets,
    person_name,
    progress_line,
    progress_words,
    prose_day,
    quote_language,
    said,
    shift_words,
    source_label,
    stage_title,
    state_name,
    state_words,
    table,
    title_of,
    window,
)
from csto_program.words._plans import PlanRow, PlanWindow, plan_history, plan_rows, plans_json
from csto_program.words._status import (
    Headline,
    StageRow,
    headline,
    headline_of,
    stage_rows,
    stale_words,
    status_json,
)
from csto_program.words._timeline import Event, timeline_json

__all__ = [
    "EVENT_KINDS",
    "INFERRED",
    "NO_REPORT",
    "STALE_AFTER",
    "Cut",
    "Event",
    "Headline",
    "PlanRow",
    "PlanWindow",
    "StageRow",
    "as_of_words",
    "citation",
    "completion_words",
    "cut",
    "date_words",
    "days",
    "days_cell",
    "event_kind",
    "headline",
    "headline_of",
    "marked",
    "meeting_place",
    "meeting_state",
    "meeting_when",
    "meeting_words",
    "months",
    "note_kind",
    "outlets",
    "person_name",
    "plan_history",
    "plan_rows",
    "plans_json",
    "progress_line",
    "progress_words",
    "prose_day",
    "quote_language",
    "said",
    "shift_words",
    "source_label",
    "stage_rows",
    "stage_title",
    "stale_words",
    "state_name",
    "state_words",
    "status_json",
    "table",
    "timeline",
    "timeline_json",
    "title_of",
    "window",
]

_public.show_under(globals(), __all__)  # documented, and shown in reprs, under this module's name
