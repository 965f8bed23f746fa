"""Mermaid: the schedule as a ``gantt`` chart to paste into GitHub, GitLab or a wiki.

* ``section Plan in use``: one task per stage of the plan in use (the last plan known on
  ``known_on``, default ``as_of``), named after the stage with its state in words (from
  :func:`csto_program.words.state_words`; Mermaid draws no legend) and tagged by that
  state: ``done`` (completed), ``done, crit`` (completed late), ``crit`` (overdue),
  ``active``; an upcoming or cancelled stage has no tag.
* ``section First plan``: the first plan's stages, untagged, when their windows differ from
  the plan in use; the two sections side by side show how the schedule moved.
* ``section Key dates``: milestones for the adoption, each plan's announcement and each
  progress report (on the day the progress refers to), in the order of
  :func:`csto_program.words.timeline`, with ``as_of`` at its place. A date not known
  to the day gets no milestone (a milestone needs a day). Meetings and statements are left to
  the Markdown report and the calendar: the chart keeps to the schedule, so it stays small
  enough for Mermaid to draw (renderers refuse a diagram of more than 50,000 characters).
* Tasks are written ``start, end`` with a stage's own half-open window: Mermaid's end dates
  are exclusive unless the chart says ``inclusiveEndDates``, which is exactly the library's
  ``[start, end)``. ``todayMarker off`` keeps the viewer's clock out of the chart.
* Text is made safe for Mermaid's grammar: it is shortened (a title to 100 characters, a name
  to 80); whitespace runs become one space; ``#``, ``:``, ``;``, ``%``, ``<`` and ``>`` are
  written as Mermaid entity codes (``#58;`` for ``:``), which Mermaid turns back into the
  characters when it draws, so no name can hold markup; a name that would start like a
  keyword (``click``, ``call``, ``title``, a date...) has its first character encoded too.
  Control characters, bidirectional overrides and lone surrogates become U+FFFD.

The result is Mermaid source without a Markdown fence.

>>> import datetime
>>> from csto_program import Plan, Program, plan_stages
>>> first = Plan(id="first", announced_on="2024-11-25", starts_on="2024-11-28",
...              stages=plan_stages("2024-11-28"))
>>> later = Plan(id="later", announced_on="2024-12-04", starts_on="2025-01-01",
...              stages=plan_stages("2025-01-01"))
>>> program = Program(id="demo", title="Demo: border program", adopted_on="2024-11-28",
...                   plans=[first, later])
>>> print(to_mermaid(program, as_of=datetime.date(2026, 1, 29)))
gantt
    title Demo#58; border program (as of 2026-01-29, as known on 2026-01-29)
    %% planned: stage 2 of 3; reported: no progress report since the program was adopted
    dateFormat YYYY-MM-DD
    axisFormat %Y-%m
    todayMarker off
    section Plan in use
    Stage 1 (overdue by 29 days) :crit, stage1, 2025-01-01, 2026-01-01
    Stage 2 (active, 701 days remaining) :active, stage2, 2026-01-01, 2028-01-01
    Stage 3 (upcoming, starts in 702 days) :stage3, 2028-01-01, 2030-01-01
    section First plan
    Stage 1 :first1, 2024-11-28, 2025-11-28
    Stage 2 :first2, 2025-11-28, 2027-11-28
    Stage 3 :first3, 2027-11-28, 2029-11-28
    section Key dates
    Plan 1 announced 2024-11-25 :milestone, plan1, 2024-11-25, 0d
    Adopted 2024-11-28 :milestone, adopted, 2024-11-28, 0d
    Plan 2 announced 2024-12-04 :milestone, plan2, 2024-12-04, 0d
    As of 2026-01-29 :milestone, asof, 2026-01-29, 0d
<BLANKLINE>
"""

from __future__ import annotations

import datetime
import re

from csto_program import words as text
from csto_program._i18n import gettext as _
from csto_program._i18n import using
from csto_program.dates import PartialDate, Precision
from csto_program.model import Plan, Program, Stage
from csto_program.status import StageState, StageStatus

__all__ = ["escape_mermaid", "mermaid_bytes", "to_mermaid"]

TITLE_LENGTH = 100
"""The most characters of the program's title the chart shows."""
NAME_LENGTH = 80
"""The most characters of a task's name the chart shows."""

_ENCODED = re.compile("[#:;%<>\ufb02]")
# Not allowed in the SVG that Mermaid draws, or able to reorder the text around them.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
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
    StageState.CANCELLED: "",
}


def _entity(char: str) -> str:
    return f"#{ord(char)};"


def shorten(words: str, width: int) -> str:
    """``words`` on one line, cut to at most ``width`` characters, ending with ``…`` if cut.

    >>> shorten("Delivery of\\narms and equipment", 20)
    'Delivery of arms an…'
    """
    line = " ".join(words.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def escape_mermaid(text: str) -> str:
    """``text`` as a Mermaid gantt task name, title or section name.

    >>> escape_mermaid("Talks: phase #2;\\n50% done")
    'Talks#58; phase #35;2#59; 50#37; done'
    >>> escape_mermaid("Call with Dushanbe")  # "call" starts a Mermaid callback
    '#67;all with Dushanbe'
    >>> escape_mermaid("\\x1b[2J\\u202e<script>")
    '\ufffd[2J\ufffd#60;script#62;'
    """
    text = _UNSAFE.sub("\ufffd", " ".join(text.split()))
    text = _ENCODED.sub(lambda match: _entity(match.group()), text)
    lowered = text.lower()
    if text[:1].isdigit() or lowered.startswith(_KEYWORDS):
        text = _entity(text[0]) + text[1:]
    return text


def _stage_name(stage: Stage) -> str:
    """``Stage N – name``, or the name itself when it starts with its ``Stage N`` (in
    another language than the reader's, that prefix is said in the reader's words)."""
    name = " ".join(stage.name.split())
    prefix = _("Stage {number}").format(number=stage.number)
    for start in dict.fromkeys((prefix, f"Stage {stage.number}")):
        if name.lower().startswith(start.lower()):
            return name if start == prefix else prefix + name[len(start) :]
    return f"{prefix} – {name}"


def _comment(words: str) -> str:
    """``words`` as the text of a ``%%`` comment line: plain text on one line, with only
    what a line cannot hold (line breaks, controls, bidirectional overrides) taken out.

    >>> _comment("planned: stage 2 of 3;\\nreported: 50% <done>\\x1b")
    'planned: stage 2 of 3; reported: 50% <done>\ufffd'
    """
    return _UNSAFE.sub("\ufffd", " ".join(words.split()))


def _stage_line(status: StageStatus) -> str:
    stage = status.stage
    name = escape_mermaid(
        shorten(f"{_stage_name(stage)} ({text.state_words(status)})", NAME_LENGTH)
    )
    return f"    {name} :{_TAGS[status.state]}stage{stage.number}, {stage.start}, {stage.end}"


def _differs(first: Plan, used: Plan) -> bool:
    def windows(plan: Plan) -> list[tuple[int, datetime.date, datetime.date]]:
        return [(s.number, s.start, s.end) for s in plan.stages]

    return windows(first) != windows(used)


def _milestone(name: str, task: str, day: PartialDate) -> str | None:
    if day.precision is not Precision.DAY:
        return None
    label = escape_mermaid(shorten(name, NAME_LENGTH))
    return f"    {label} :milestone, {task}, {day.earliest}, 0d"


def _key_dates(view: text.Cut) -> list[str]:
    program, as_of = view.program, view.as_of
    lines: list[str] = []
    label = escape_mermaid(_("As of {day}").format(day=as_of))
    as_of_line = f"    {label} :milestone, asof, {as_of}, 0d"
    for event in view.events(stages=False):
        if as_of_line and event.key[0] > as_of:
            lines.append(as_of_line)
            as_of_line = ""
        line = None
        if event.kind == "adopted":
            adopted = PartialDate.from_date(program.adopted_on)
            line = _milestone(_("Adopted {day}").format(day=adopted), "adopted", adopted)
        elif event.kind == "plan":
            plan = program.plans[event.order]
            number = event.order + 1
            words = _("Plan {number} announced {day}").format(number=number, day=plan.announced_on)
            line = _milestone(text.marked(words, plan.inferred), f"plan{number}", plan.announced_on)
        elif event.kind == "report":
            report = program.reports[event.order]
            message = (
                _("Stage {number} {progress} (inferred, reported {day})")
                if report.inferred
                else _("Stage {number} {progress} (reported {day})")
            )
            words = message.format(
                number=report.stage,
                progress=text.progress_words(report.progress),
                day=report.reported_on,
            )
            line = _milestone(words, f"report{event.order + 1}", report.day)
        if line is not None:
            lines.append(line)
    if as_of_line:
        lines.append(as_of_line)
    return lines


def to_mermaid(
    program: Program,
    *,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    stale_after: int = text.STALE_AFTER,
    lang: str | None = None,
) -> str:
    """A Mermaid ``gantt`` chart of ``program`` on ``as_of``, as known on ``known_on``
    (default: ``as_of``): only what was known by then (:func:`csto_program.words.cut`). The
    title states both days; a comment line (``%%``, not drawn) holds the headline. Its words
    are in ``lang`` (``"en"``, ``"ru"``; default: the language in use). See the module
    documentation.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> chart = to_mermaid(tajik_afghan_border(), as_of=datetime.date(2026, 1, 29))
    >>> [line.strip() for line in chart.splitlines() if "section" in line]
    ['section Plan in use', 'section First plan', 'section Key dates']
    >>> print(next(line.strip() for line in chart.splitlines() if "report1" in line))
    Stage 1 in progress (reported 2025-04) :milestone, report1, 2025-04-11, 0d
    >>> print(to_mermaid(tajik_afghan_border(), as_of=datetime.date(2026, 1, 29),
    ...                  lang="ru").splitlines()[6])
        section Действующий план
    """
    with using(lang):
        return _chart(program, as_of, known_on, stale_after)


def _chart(
    program: Program, as_of: datetime.date, known_on: datetime.date | None, stale_after: int
) -> str:
    view = text.cut(program, as_of, known_on, stale_after=stale_after)
    status = view.status
    title = f"{shorten(text.title_of(program), TITLE_LENGTH)} ({view.heading})"
    lines = [
        "gantt",
        f"    title {escape_mermaid(title)}",
        f"    %% {_comment(str(view.headline))}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %Y-%m",
        "    todayMarker off",
    ]
    if status.plan is not None:
        lines.append("    section " + escape_mermaid(_("Plan in use")))
        lines += [_stage_line(stage_status) for stage_status in status.stages]
    first = view.plans[0] if view.plans else None
    if first is not None and status.plan is not None and _differs(first, status.plan):
        lines.append("    section " + escape_mermaid(_("First plan")))
        for stage in first.stages:
            name = escape_mermaid(shorten(_stage_name(stage), NAME_LENGTH))
            lines.append(f"    {name} :first{stage.number}, {stage.start}, {stage.end}")
    lines += ["    section " + escape_mermaid(_("Key dates")), *_key_dates(view)]
    return "\n".join(lines) + "\n"


def mermaid_bytes(
    program: Program,
    *,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    stamp: datetime.datetime | None = None,
    stale_after: int = text.STALE_AFTER,
    lang: str | None = None,
) -> bytes:
    """:func:`to_mermaid` as UTF-8 bytes: the ``mermaid`` format of
    :func:`csto_program.export.render` (``stamp`` is not used), in ``lang``.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> mermaid_bytes(tajik_afghan_border(), as_of=datetime.date(2026, 1, 29))[:5]
    b'gantt'
    """
    chart = to_mermaid(program, as_of=as_of, known_on=known_on, stale_after=stale_after, lang=lang)
    return chart.encode("utf-8")
