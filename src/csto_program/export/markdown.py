"""Markdown: a status report to paste into a document or a GitHub page, readable as text too.

The report, in order:

* the title and one sentence on the adoption and the plan in use;
* **Status**: the headline (the stage planned beside the stage reported), then a table with
  one row per stage of the plan in use: its window (first day – last day, both inclusive),
  its state on ``as_of``, its progress as last reported, the days left or late and how far its
  deadline moved from the first plan;
* **Chart**: the Mermaid chart of :func:`~csto_program.export.mermaid.to_mermaid` in a
  fenced ``mermaid`` block, which GitHub and GitLab draw;
* **Plan history**: every plan, when it was announced, on what basis, and each stage's window
  with its shift from the first plan;
* **Timeline**: adoption, plan announcements, meetings, statements, progress reports and the
  stage windows in date order (the order of :func:`csto_program.export.text.timeline`), with a
  marker where ``as_of`` falls, each with its sources as links;
* **Sources**: outlet, title, date and address of every publication; then **Notes**.

Every word comes from :mod:`csto_program.export.text`; this module only lays it out. The
output is CommonMark with GitHub's table extension.

Every piece of text from the record is escaped: whitespace runs (newlines included) become
one space, so a stage name cannot break its table row; control characters, bidirectional
overrides and lone surrogates become U+FFFD, so nothing can rewrite a terminal or reorder the
text around it; Markdown's active characters (``\\ ` * _ [ ] < > | ~ & #``) are
backslash-escaped, so a title cannot turn into a link, emphasis, raw HTML or an extra table
column. A URL's ``\\``, ``(``, ``)``, ``<`` and ``>`` are backslash-escaped too, and ASCII
control characters and spaces percent-encoded.

>>> import datetime
>>> from csto_program import Plan, Program, plan_stages
>>> plan = Plan(id="plan", announced_on="2024-12-04", starts_on="2025-01-01",
...             stages=plan_stages("2025-01-01"))
>>> program = Program(id="demo", title="Border | program", adopted_on="2024-11-28",
...                   plans=[plan])
>>> print(to_markdown(program, as_of=datetime.date(2026, 1, 29)))
# Border \\| program
<BLANKLINE>
Adopted on 2024-11-28. Plan in use: plan (announced 2024-12-04), 2025-01-01 – 2029-12- ...
<BLANKLINE>
## Status as of 2026-01-29, as known on 2026-01-29
<BLANKLINE>
**Planned: stage 2 of 3; reported: no progress report since the program was adopted.**
<BLANKLINE>
| Stage | Name | Window | State | Progress | Days | Shift vs first plan |
| ---: | --- | --- | --- | --- | --- | --- |
| 1 | Stage 1 | 2025-01-01 – 2025-12-31 | overdue by 29 days | no progress report | 29 ...
| 2 | Stage 2 | 2026-01-01 – 2027-12-31 | active, 701 days remaining | no progress rep ...
| 3 | Stage 3 | 2028-01-01 – 2029-12-31 | upcoming, starts in 702 days | no progress r ...
<BLANKLINE>
A window gives a stage's first and last day; the last day is its deadline. The shift is how
far the deadline moved from the first plan (plan); positive is later. *(inferred)*:
the record's author inferred it; no source states it.
<BLANKLINE>
## Chart
<BLANKLINE>
```mermaid
gantt
    title Border | program (as of 2026-01-29, as known on 2026-01-29)
    %% planned: stage 2 of 3; reported: no progress report since the program was adop ...
    dateFormat YYYY-MM-DD
    axisFormat %Y-%m
    todayMarker off
    section Plan in use
    Stage 1 (overdue by 29 days) :crit, stage1, 2025-01-01, 2026-01-01
    Stage 2 (active, 701 days remaining) :active, stage2, 2026-01-01, 2028-01-01
    Stage 3 (upcoming, starts in 702 days) :stage3, 2028-01-01, 2030-01-01
    section Key dates
    Adopted 2024-11-28 :milestone, adopted, 2024-11-28, 0d
    Plan 1 announced 2024-12-04 :milestone, plan1, 2024-12-04, 0d
    As of 2026-01-29 :milestone, asof, 2026-01-29, 0d
```
<BLANKLINE>
## Plan history
<BLANKLINE>
| Plan | Announced | Basis | Stage 1 | Stage 2 | Stage 3 |
| --- | --- | --- | --- | --- | --- |
| 1: plan (in use) | 2024-12-04 | – | 2025-01-01 – 2025-12-31 | 2026-01-01 – 2027-12-3 ...
<BLANKLINE>
## Timeline
<BLANKLINE>
- **2024-11-28** · adopted · Border \\| program adopted
- **2024-12-04** · plan · plan plan announced — stage 1 2025-01-01 – 2025-12-31; stage ...
- **2025-01-01 – 2025-12-31** · stage · Stage 1 — overdue by 29 days
- **2026-01-01 – 2027-12-31** · stage · Stage 2 — active, 701 days remaining
- **2026-01-29** · *as of this report*
- **2028-01-01 – 2029-12-31** · stage · Stage 3 — upcoming, starts in 702 days
<BLANKLINE>
## Sources
<BLANKLINE>
None recorded.
<BLANKLINE>
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence

from csto_program import words as text
from csto_program._i18n import gettext as _
from csto_program._i18n import ngettext, using
from csto_program.dates import add_days
from csto_program.export.mermaid import to_mermaid
from csto_program.model import Note, Program, Source

__all__ = ["escape_markdown", "markdown_bytes", "to_markdown"]

_ACTIVE = re.compile(r"([\\`*_\[\]<>|~&#])")
# What would start a list, a thematic break or a heading underline at the start of a line.
_LEADING = re.compile(r"\A([-+=]|\d+(?=[.)]))")
# What no reader should get raw: C0 and C1 controls and DEL (those that str.split does not
# already treat as whitespace), the bidirectional embeddings, overrides and isolates, and
# lone surrogates (which UTF-8 cannot even encode).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_URL_ACTIVE = re.compile(r"([\\()<>])")
_URL_UNSAFE = re.compile("[\x00-\x20\x7f]")


def escape_markdown(text: str) -> str:
    """``text`` as one line of inline Markdown that renders as exactly ``text``'s words.

    Whitespace runs become one space; control characters, bidirectional overrides and lone
    surrogates become U+FFFD; ``\\ ` * _ [ ] < > | ~ & #`` are backslash-escaped, which also
    makes the text safe inside a table cell, and so are a leading ``-``, ``+`` or ``=`` and the
    ``.`` or ``)`` after leading digits, so that the text cannot start a list or a rule.

    >>> print(escape_markdown("a | b\\n*c* [d](e)"))
    a \\| b \\*c\\* \\[d\\](e)
    >>> print(escape_markdown("<script>\\x1b[2J\\u202e"))
    \\<script\\>\ufffd\\[2J\ufffd
    >>> print(escape_markdown("- 1. item"), escape_markdown("1984) a year"))
    \\- 1. item 1984\\) a year
    """
    words = _ACTIVE.sub(r"\\\1", _UNSAFE.sub("\ufffd", " ".join(text.split())))
    match = _LEADING.match(words)
    if match is None:
        return words
    return f"\\{words}" if not match[1].isdigit() else f"{match[1]}\\{words[match.end() :]}"


def _url(url: str) -> str:
    escaped = _URL_ACTIVE.sub(r"\\\1", url)
    return _URL_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", escaped)


def _source(program: Program, ref: str) -> Source:
    found = program.by_id[ref]
    assert isinstance(found, Source)  # references resolve by construction
    return found


def _cited(program: Program, ids: Sequence[str]) -> str:
    """`` ([TASS, 2026-01-29](url); Khovar)`` for these sources (nothing when there are
    none): each told apart by outlet and date (:func:`csto_program.words.citation`)."""
    cited = []
    for ref in ids:
        source = _source(program, ref)
        label = escape_markdown(text.citation(program, source))
        cited.append(f"[{label}]({_url(source.url)})" if source.url else label)
    return f" ({'; '.join(cited)})" if cited else ""


def _status(view: text.Cut) -> list[str]:
    status = view.status
    headline = str(view.headline)
    lines = [
        "## " + _("Status {heading}").format(heading=view.heading),
        "",
        f"**{escape_markdown(headline[:1].upper() + headline[1:])}.**",
    ]
    if status.plan is None:
        return lines
    lines += [
        "",
        "| "
        + " | ".join(
            [
                *(_("Stage"), _("Name"), _("Window"), _("State"), _("Progress")),
                *(_("Days"), _("Shift vs first plan")),
            ]
        )
        + " |",
        "| ---: | --- | --- | --- | --- | --- | --- |",
    ]
    for row in text.stage_rows(status):
        cells = (
            str(row.number),
            escape_markdown(row.name),
            row.window,
            escape_markdown(row.state_text),
            escape_markdown(row.progress_line),
            row.days_text,
            row.shift_text,
        )
        lines.append("| " + " | ".join(cells) + " |")
    first = escape_markdown(view.program.plans[0].id)
    explained = _(
        "A window gives a stage's first and last day; the last day is its deadline. The shift "
        "is how\nfar the deadline moved from the first plan ({first}); positive is later. "
        "*({inferred})*:\nthe record's author inferred it; no source states it."
    ).format(first=first, inferred=_(text.INFERRED))
    lines += ["", *explained.split("\n")]
    return lines


def _plan_history(view: text.Cut, in_use: str | None) -> list[str]:
    history = view.plan_rows()
    if not history:
        return [_("No plan had been announced.")]
    count = max(len(row.stages) for row in history)
    numbers = range(1, count + 1)
    heads = (_("Plan"), _("Announced"), _("Basis"))
    lines = [
        "| "
        + " | ".join(heads)
        + " | "
        + " | ".join(_("Stage {number}").format(number=n) for n in numbers)
        + " |",
        "| --- | --- | --- | " + " | ".join("---" for _ in numbers) + " |",
    ]
    for index, row in enumerate(history, start=1):
        windows = {
            stage.number: text.window(stage.start, stage.last_day)
            + (
                ""
                if index == 1
                else f", {text.shift_words(stage.shift_from_first, stage.shift_inferred)}"
            )
            for stage in row.stages
        }
        mark = " (" + _("in use") + ")" if row.id == in_use else ""
        cells = [
            f"{index}: {text.marked(escape_markdown(row.id), row.inferred)}{mark}",
            escape_markdown(row.announced_on),
            escape_markdown(row.basis) or "–",
            *(windows.get(n, "–") for n in numbers),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _timeline(view: text.Cut) -> list[str]:
    as_of = view.as_of
    lines = []
    marker = f"- **{as_of}** · *" + _("as of this report") + "*"
    for event in view.events():
        if marker and event.key[0] > as_of:
            lines.append(marker)
            marker = ""
        said = f"{event.title} — {event.text}" if event.text else event.title
        lines.append(
            f"- **{escape_markdown(event.when)}** · {text.event_kind(event.kind)} · "
            f"{escape_markdown(said)}" + _cited(view.program, event.sources)
        )
    if marker:
        lines.append(marker)
    return lines


def _source_item(program: Program, source: Source) -> str:
    parts = [escape_markdown(text.source_label(program, source))]
    if source.title.strip():
        parts.append(f"“{escape_markdown(source.title)}”")
    if source.published_on is not None:
        parts.append(str(source.published_on))
    item = "- " + ", ".join(parts)
    if source.url:
        item += f": [{escape_markdown(source.url)}]({_url(source.url)})"
    return item


def _note_item(program: Program, note: Note) -> str:
    kind = text.note_kind(note.kind.value)
    stated = ""
    if note.stated.strip():
        stated = " " + _("Stated: “{text}”.").format(text=escape_markdown(note.stated))
    resolved = ""
    if note.resolved is not None:
        resolved = " " + _("Resolved to {day}.").format(day=note.resolved)
    return f"- **{kind}** · {escape_markdown(note.text)}{stated}{resolved}" + _cited(
        program, note.sources
    )


def _fence(body: str) -> str:
    """A backtick fence longer than any run of backticks in ``body``."""
    longest = max((len(run) for run in re.findall("`+", body)), default=0)
    return "`" * max(3, longest + 1)


def _summary(view: text.Cut) -> str:
    program = view.program
    plan = view.status.plan
    adopted = _("Adopted on {day}.").format(day=text.prose_day(program.adopted_on))
    if plan is None:
        return _("{adopted} No plan had been announced by {day}.").format(
            adopted=adopted, day=view.known_on
        )
    count = len(plan.stages)
    # "(announced 2024-11-11; inferred)": one parenthesis for what is said of the plan
    inferred = f"; {_(text.INFERRED)}" if plan.inferred else ""
    return ngettext(
        "{adopted} Plan in use: {plan} (announced {day}), {window}, {n} stage.",
        "{adopted} Plan in use: {plan} (announced {day}), {window}, {n} stages.",
        count,
    ).format(
        adopted=adopted,
        plan=escape_markdown(plan.id),
        day=escape_markdown(str(plan.announced_on)) + inferred,
        window=text.window(plan.starts_on, add_days(plan.ends_on, -1)),
        n=count,
    )


def _lines(items: Iterable[str], empty: str) -> list[str]:
    found = list(items)
    return found or [empty]


def to_markdown(
    program: Program,
    *,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    stale_after: int = text.STALE_AFTER,
    lang: str | None = None,
) -> str:
    """A Markdown status report of ``program`` on ``as_of``, as known on ``known_on``
    (default: ``as_of``): only what was known by then (:func:`csto_program.words.cut`),
    sources and notes included, in ``lang`` (``"en"``, ``"ru"``; default: the language in
    use); see the module documentation.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> report = to_markdown(tajik_afghan_border(), as_of=datetime.date(2026, 1, 29))
    >>> row = next(line for line in report.splitlines() if line.startswith("| 1 |"))
    >>> row.split(" | ")[2:]
    ['2025-01-01 – 2025-12-31', 'overdue by 29 days', 'in progress (2026-01-29)',
     '29 overdue', '+34 days (later, inferred) |']
    >>> "```mermaid" in report
    True
    """
    with using(lang):
        return _report(program, as_of, known_on, stale_after)


def _report(
    program: Program, as_of: datetime.date, known_on: datetime.date | None, stale_after: int
) -> str:
    view = text.cut(program, as_of, known_on, stale_after=stale_after)
    shown = view.program
    chart = to_mermaid(program, as_of=view.as_of, known_on=view.known_on, stale_after=stale_after)
    fence = _fence(chart)
    in_use = view.status.plan
    lines = [
        f"# {escape_markdown(text.title_of(program))}",
        "",
        _summary(view),
        "",
        *_status(view),
        "",
        "## " + _("Chart"),
        "",
        f"{fence}mermaid",
        chart.rstrip("\n"),
        fence,
        "",
        "## " + _("Plan history"),
        "",
        *_plan_history(view, None if in_use is None else in_use.id),
        "",
        "## " + _("Timeline"),
        "",
        *_timeline(view),
        "",
        "## " + _("Sources"),
        "",
        *_lines((_source_item(shown, source) for source in shown.sources), _("None recorded.")),
    ]
    if shown.notes:
        notes = [_note_item(shown, note) for note in shown.notes]
        lines += ["", "## " + _("Notes"), "", *notes]
    return "\n".join(lines) + "\n"


def markdown_bytes(
    program: Program,
    *,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    stamp: datetime.datetime | None = None,
    stale_after: int = text.STALE_AFTER,
    lang: str | None = None,
) -> bytes:
    """:func:`to_markdown` as UTF-8 bytes: the ``markdown`` format of
    :func:`csto_program.export.render` (``stamp`` is not used).

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> markdown_bytes(tajik_afghan_border(), as_of=datetime.date(2026, 1, 29))[:6]
    b'# CSTO'
    """
    return to_markdown(
        program, as_of=as_of, known_on=known_on, stale_after=stale_after, lang=lang
    ).encode("utf-8")
