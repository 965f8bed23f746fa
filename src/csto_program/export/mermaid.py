"""Mermaid: the stage plan as a ``gantt`` chart to paste into GitHub, GitLab or a wiki.

* ``dateFormat YYYY-MM-DD`` and one task per stage, named after the stage (prefixed
  "Stage n –" unless its name already starts so), written ``start, end`` with the stage's
  own half-open window: Mermaid's end dates are exclusive unless the chart says
  ``inclusiveEndDates`` (a task ``2025-01-01, 2026-01-01`` ends at midnight starting
  2026-01-01), which is exactly the library's ``[start, end)``. Tags show the state on
  ``as_of``: ``done`` (completed), ``active``, ``crit`` (overdue, or completed late).
* Meetings whose start is known to the day are milestones on that day; the others are
  left out (a milestone needs a day).
* ``as_of`` is a milestone in a last section, "As of YYYY-MM-DD". ``todayMarker off``
  stops Mermaid from drawing the viewer's own today, which would make the chart depend on
  the clock. (Mermaid's ``vert`` vertical lines are not used: renderers older than
  Mermaid 11.8 reject them.)
* Text is made safe for Mermaid's grammar: whitespace runs become one space; ``#``, ``:``,
  ``;`` and ``%`` are written as Mermaid entity codes (``#58;`` for ``:``), which Mermaid
  turns back into the characters when it draws; a name that would start like a keyword
  (``click``, ``call``, ``title``, a date...) has its first character encoded too.
  Control characters, which the SVG that Mermaid draws may not hold, become U+FFFD.

The result is Mermaid source without a Markdown fence.

>>> import datetime
>>> from csto_program import Program, plan_stages
>>> program = Program(id="demo", title="Demo: border program",
...                   adopted_on=datetime.date(2024, 11, 28),
...                   starts_on=datetime.date(2025, 1, 1),
...                   stages=plan_stages(datetime.date(2025, 1, 1)))
>>> print(to_mermaid(program, as_of=datetime.date(2026, 1, 29)))
gantt
    title Demo#58; border program
    dateFormat YYYY-MM-DD
    axisFormat %Y-%m
    todayMarker off
    section Stages
    Stage 1 :crit, stage1, 2025-01-01, 2026-01-01
    Stage 2 :active, stage2, 2026-01-01, 2028-01-01
    Stage 3 :stage3, 2028-01-01, 2030-01-01
    section Status
    As of 2026-01-29 :milestone, asof, 2026-01-29, 0d
<BLANKLINE>
"""

from __future__ import annotations

import datetime
import re

from csto_program.dates import Precision, as_date, format_iso_date
from csto_program.model import Program
from csto_program.schedule import StageState, StageStatus

__all__ = ["escape_mermaid", "to_mermaid"]

_ENCODED = re.compile("[#:;%\ufb02]")
_CONTROL = re.compile("[\x00-\x1f\x7f]")  # not allowed in the SVG that Mermaid draws
_KEYWORDS = (
    "accdescr",
    "accdescription",
    "acctitle",
    "axisformat",
    "call",
    "click",
    "dateformat",
    "displaymode",
    "excludes",
    "gantt",
    "href",
    "inclusiveenddates",
    "includes",
    "section",
    "tickinterval",
    "title",
    "todaymarker",
    "topaxis",
    "weekday",
    "weekend",
)
_TAGS: dict[StageState, str] = {
    StageState.COMPLETED: "done, ",
    StageState.COMPLETED_LATE: "done, crit, ",
    StageState.OVERDUE: "crit, ",
    StageState.ACTIVE: "active, ",
    StageState.UPCOMING: "",
}


def _entity(char: str) -> str:
    return f"#{ord(char)};"


def escape_mermaid(text: str) -> str:
    """``text`` as a Mermaid gantt task name, title or section name.

    >>> escape_mermaid("Talks: phase #2;\\n50% done")
    'Talks#58; phase #35;2#59; 50#37; done'
    >>> escape_mermaid("Call with Dushanbe")  # "call" starts a Mermaid callback
    '#67;all with Dushanbe'
    """
    text = _CONTROL.sub("\ufffd", " ".join(text.split()))
    text = _ENCODED.sub(lambda match: _entity(match.group()), text)
    lowered = text.lower()
    if text[:1].isdigit() or lowered.startswith(_KEYWORDS):
        text = _entity(text[0]) + text[1:]
    return text


def _stage_line(status: StageStatus) -> str:
    stage = status.stage
    name = stage.name
    if not " ".join(name.split()).lower().startswith(f"stage {stage.number}"):
        name = f"Stage {stage.number} – {name}"
    name = escape_mermaid(name)
    return (
        f"    {name} :{_TAGS[status.state]}stage{stage.number}, "
        f"{format_iso_date(stage.start)}, {format_iso_date(stage.end)}"
    )


def to_mermaid(program: Program, *, as_of: datetime.date) -> str:
    """A Mermaid ``gantt`` chart of ``program`` on ``as_of`` (see the module documentation).

    >>> import datetime
    >>> from csto_program import Meeting, MeetingKind, PartialDate, Program, plan_stages
    >>> program = Program(
    ...     id="demo", title="Demo", adopted_on=datetime.date(2024, 11, 28),
    ...     starts_on=datetime.date(2025, 1, 1), stages=plan_stages(datetime.date(2025, 1, 1)),
    ...     meetings=(Meeting(id="astana", title="Council session", kind=MeetingKind.SUMMIT,
    ...                       starts_on=PartialDate.parse("2024-11-28")),))
    >>> for line in to_mermaid(program, as_of=datetime.date(2026, 1, 29)).splitlines():
    ...     if "milestone" in line:
    ...         print(line.strip())
    Council session :milestone, meeting1, 2024-11-28, 0d
    As of 2026-01-29 :milestone, asof, 2026-01-29, 0d
    """
    if not isinstance(program, Program):
        raise TypeError(f"program must be a Program, not {type(program).__name__}")
    as_of = as_date(as_of, "as_of")
    status = program.status(as_of)
    lines = [
        "gantt",
        f"    title {escape_mermaid(program.title)}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %Y-%m",
        "    todayMarker off",
        "    section Stages",
        *(_stage_line(stage_status) for stage_status in status.stages),
    ]
    meetings = sorted(
        (m for m in program.meetings if m.starts_on.precision is Precision.DAY),
        key=lambda m: m.starts_on.sort_key,
    )
    if meetings:
        lines.append("    section Meetings")
        for index, meeting in enumerate(meetings, start=1):
            day = format_iso_date(meeting.starts_on.earliest)
            lines.append(
                f"    {escape_mermaid(meeting.title)} :milestone, meeting{index}, {day}, 0d"
            )
    day = format_iso_date(as_of)
    lines += ["    section Status", f"    As of {day} :milestone, asof, {day}, 0d"]
    return "\n".join(lines) + "\n"
