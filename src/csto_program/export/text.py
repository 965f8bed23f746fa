"""The words of every view, under their old name: :mod:`csto_program.words`.

This module re-exports :mod:`csto_program.words`, where the words now live, so code that
imports ``csto_program.export.text`` keeps working.

>>> from csto_program import words
>>> from csto_program.export import text
>>> text.headline is words.headline
True
"""

from __future__ import annotations

from csto_program.words import (
    EVENT_KINDS,
    Event,
    days,
    days_cell,
    headline,
    meeting_place,
    meeting_when,
    outlets,
    plan_history,
    progress_words,
    shift_words,
    source_label,
    state_words,
    status_json,
    table,
    timeline,
    window,
)

__all__ = [
    "EVENT_KINDS",
    "Event",
    "days",
    "days_cell",
    "headline",
    "meeting_place",
    "meeting_when",
    "outlets",
    "plan_history",
    "progress_words",
    "shift_words",
    "source_label",
    "state_words",
    "status_json",
    "table",
    "timeline",
    "window",
]
