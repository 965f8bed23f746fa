"""Markdown: a status report to paste into a document, readable as plain text too.

The report has a title, a status table with one row per stage (window, last day, state,
days remaining or overdue, evidence known on ``as_of``), a timeline of the meetings and
statements in date order with a marker where ``as_of`` falls, the sources as links
``[outlet](url)`` and the notes (conflicts between sources, how dates were resolved).
The output is CommonMark with GitHub's table extension.

Every piece of text from the record is escaped: whitespace runs (newlines included) become
one space, so a stage name cannot break its table row; Markdown's active characters
(``\\ ` * _ [ ] < > | ~ & #``) are backslash-escaped, so a title cannot turn into a link,
emphasis or an extra table column. A URL's ``\\``, ``(``, ``)``, ``<`` and ``>`` are
backslash-escaped too, and ASCII control characters percent-encoded.

>>> import datetime
>>> from csto_program import Program, plan_stages
>>> program = Program(id="demo", title="Border | program", adopted_on=datetime.date(2024, 11, 28),
...                   starts_on=datetime.date(2025, 1, 1),
...                   stages=plan_stages(datetime.date(2025, 1, 1)))
>>> print(to_markdown(program, as_of=datetime.date(2026, 1, 29)))
# Border \\| program
<BLANKLINE>
Adopted on 2024-11-28. Runs from 2025-01-01 to 2029-12-31 in 3 stages.
<BLANKLINE>
## Status on 2026-01-29
<BLANKLINE>
| Stage | Name | Window | Last day | State | Days | Evidence |
| ---: | --- | --- | --- | --- | --- | ---: |
| 1 | Stage 1 | [2025-01-01, 2026-01-01) | 2025-12-31 | overdue | 29 overdue | 0 |
| 2 | Stage 2 | [2026-01-01, 2028-01-01) | 2027-12-31 | active | 701 remaining | 0 |
| 3 | Stage 3 | [2028-01-01, 2030-01-01) | 2029-12-31 | upcoming | – | 0 |
<BLANKLINE>
Windows are half-open: a stage runs from its first date up to, not including, its second;
its last day is its deadline. Evidence counts the statements about the stage made by
2026-01-29.
<BLANKLINE>
## Timeline
<BLANKLINE>
- **2026-01-29** · *as of this report*
<BLANKLINE>
## Sources
<BLANKLINE>
None recorded.
<BLANKLINE>
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from csto_program.dates import PartialDate, add_days, as_date, format_iso_date
from csto_program.model import Meeting, Note, Program, Source, Statement, StatementKind
from csto_program.schedule import StageState, StageStatus

__all__ = ["escape_markdown", "to_markdown"]

_ACTIVE = re.compile(r"([\\`*_\[\]<>|~&#])")
_URL_ACTIVE = re.compile(r"([\\()<>])")
_URL_CONTROL = re.compile("[\x00-\x1f\x7f]")


def escape_markdown(text: str) -> str:
    """``text`` as one line of inline Markdown that renders as exactly ``text``'s words.

    Whitespace runs become one space; NUL becomes U+FFFD (as CommonMark requires);
    ``\\ ` * _ [ ] < > | ~ & #`` are backslash-escaped, which also makes the text safe
    inside a table cell.

    >>> print(escape_markdown("a | b\\n*c* [d](e)"))
    a \\| b \\*c\\* \\[d\\](e)
    """
    return _ACTIVE.sub(r"\\\1", " ".join(text.replace("\x00", "\ufffd").split()))


def _url(url: str) -> str:
    escaped = _URL_ACTIVE.sub(r"\\\1", url)
    return _URL_CONTROL.sub(lambda m: f"%{ord(m.group()):02X}", escaped)


def _link(source: Source) -> str:
    outlet = escape_markdown(source.outlet)
    return f"[{outlet}]({_url(source.url)})" if source.url else outlet


def _days(status: StageStatus) -> str:
    if status.state is StageState.ACTIVE:
        return f"{status.days_remaining} remaining"
    if status.state is StageState.OVERDUE:
        return f"{status.days_overdue} overdue"
    if status.state is StageState.COMPLETED_LATE:
        return f"{status.days_overdue} late"
    return "–"


def _state(status: StageStatus) -> str:
    text = status.state.value.replace("_", " ")
    completed_on = status.stage.completed_on
    if status.state in (StageState.COMPLETED, StageState.COMPLETED_LATE):
        assert completed_on is not None
        text += f" on {format_iso_date(completed_on)}"
    return text


def _row(status: StageStatus) -> str:
    stage = status.stage
    cells = (
        str(stage.number),
        escape_markdown(stage.name),
        f"[{format_iso_date(stage.start)}, {format_iso_date(stage.end)})",
        format_iso_date(stage.last_day),
        _state(status),
        _days(status),
        str(len(status.evidence)),
    )
    return "| " + " | ".join(cells) + " |"


def _cited(program: Program, ids: Iterable[str]) -> str:
    by_id = {source.id: source for source in program.sources}
    links = [_link(by_id[source_id]) for source_id in ids]
    return f" ({', '.join(links)})" if links else ""


def _meeting_item(program: Program, meeting: Meeting) -> str:
    when = str(meeting.starts_on)
    if meeting.ends_on is not None:
        when += f" – {meeting.ends_on}"
    place = ""
    if meeting.place is not None:
        place = f", {escape_markdown(meeting.place.name)}, {meeting.place.country}"
    return f"- **{when}** · meeting · {escape_markdown(meeting.title)}{place}" + _cited(
        program, meeting.sources
    )


def _statement_item(program: Program, statement: Statement) -> str:
    names = {person.id: person.name for person in program.people}
    speaker = escape_markdown(names.get(statement.speaker, statement.speaker))
    text = escape_markdown(statement.text)
    said = f"“{text}”" if statement.kind is StatementKind.QUOTE else f"paraphrased: {text}"
    about = ""
    if statement.stages:
        numbers = ", ".join(str(n) for n in statement.stages)
        about = f" (about stage{'s' if len(statement.stages) > 1 else ''} {numbers})"
    return (
        f"- **{statement.said_on}** · statement · {speaker} "
        f"({escape_markdown(statement.role)}), {said}{about}" + _cited(program, statement.sources)
    )


def _timeline(program: Program, as_of: datetime.date) -> list[str]:
    entries: list[tuple[PartialDate, int, str]] = [
        (meeting.starts_on, 0, _meeting_item(program, meeting)) for meeting in program.meetings
    ]
    entries.extend(
        (statement.said_on, 1, _statement_item(program, statement))
        for statement in program.statements
    )
    entries.sort(key=lambda entry: (entry[0].sort_key, entry[1]))
    marker = f"- **{format_iso_date(as_of)}** · *as of this report*"
    lines = [line for when, _, line in entries if when.earliest <= as_of]
    lines.append(marker)
    lines.extend(line for when, _, line in entries if when.earliest > as_of)
    return lines


def _source_item(program: Program, source: Source) -> str:
    details = [escape_markdown(source.title)] if source.title.strip() else []
    if source.published_on is not None:
        details.append(str(source.published_on))
    if source.via:
        outlets = {other.id: other.outlet for other in program.sources}
        details.append("via " + ", ".join(escape_markdown(outlets[ref]) for ref in source.via))
    return f"- {_link(source)}" + (f": {', '.join(details)}" if details else "")


def _note_item(program: Program, note: Note) -> str:
    kind = note.kind.value.replace("_", " ")
    stated = f" Stated: “{escape_markdown(note.stated)}”." if note.stated.strip() else ""
    resolved = f" Resolved to {note.resolved}." if note.resolved is not None else ""
    return f"- **{kind}** · {escape_markdown(note.text)}{stated}{resolved}" + _cited(
        program, note.sources
    )


def to_markdown(program: Program, *, as_of: datetime.date) -> str:
    """A Markdown status report of ``program`` on ``as_of`` (see the module documentation).

    >>> import datetime
    >>> from csto_program import Program, plan_stages
    >>> program = Program(id="demo", title="Demo", adopted_on=datetime.date(2025, 1, 1),
    ...                   starts_on=datetime.date(2025, 1, 1),
    ...                   stages=plan_stages(datetime.date(2025, 1, 1)))
    >>> report = to_markdown(program, as_of=datetime.date(2026, 1, 29))
    >>> [line for line in report.splitlines() if line.startswith("| 2 ")]
    ['| 2 | Stage 2 | [2026-01-01, 2028-01-01) | 2027-12-31 | active | 701 remaining | 0 |']
    """
    if not isinstance(program, Program):
        raise TypeError(f"program must be a Program, not {type(program).__name__}")
    as_of = as_date(as_of, "as_of")
    status = program.status(as_of)
    count = len(program.stages)
    last_day = format_iso_date(add_days(program.ends_on, -1))
    lines = [
        f"# {escape_markdown(program.title)}",
        "",
        f"Adopted on {format_iso_date(program.adopted_on)}. Runs from "
        f"{format_iso_date(program.starts_on)} to {last_day} in {count} "
        f"stage{'s' if count > 1 else ''}.",
        "",
        f"## Status on {format_iso_date(as_of)}",
        "",
        "| Stage | Name | Window | Last day | State | Days | Evidence |",
        "| ---: | --- | --- | --- | --- | --- | ---: |",
        *(_row(stage_status) for stage_status in status.stages),
        "",
        "Windows are half-open: a stage runs from its first date up to, not including, its second;",
        "its last day is its deadline. Evidence counts the statements about the stage made by",
        f"{format_iso_date(as_of)}.",
        "",
        "## Timeline",
        "",
        *_timeline(program, as_of),
        "",
        "## Sources",
        "",
        *([_source_item(program, source) for source in program.sources] or ["None recorded."]),
    ]
    if program.notes:
        lines += ["", "## Notes", "", *(_note_item(program, note) for note in program.notes)]
    return "\n".join(lines) + "\n"
