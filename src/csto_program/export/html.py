"""A self-contained HTML report: one file that opens in any browser, offline.

:func:`render_report` turns a :class:`Report` into a whole HTML document: the title and a
one-paragraph summary, the stage table, the plan history, a timeline of events that the
reader can filter by kind, stage and text (with a live count of the events shown), the
notes, and an optional chart. A :class:`Report` is a plain view model of strings, numbers
and tuples, filled in by the caller, so the page can be drawn from any version of the
record.

The page makes no network request. Its styles and its one small script are inline; it
names no font, stylesheet or image by URL; its Content-Security-Policy forbids the browser
to fetch anything at all, and allows only that script, by its SHA-256 hash. Every text is
escaped, and only ``http`` and ``https`` URLs become links: any other URL is shown as text.

It reads on a phone (tables turn into cards) and on a desktop, in the light and the dark
colour scheme; it prints without the filter, with every event and with the address of each
link; without JavaScript it shows every event and hides the filter.

>>> report = Report(
...     title="CSTO program <draft>", summary="Stage 1 is overdue.", as_of="2026-01-29",
...     known_on="2026-01-29", stages=(), plans=(), events=(), notes=(), chart_svg=None,
...     generator="csto-program")
>>> page = render_report(report)
>>> page.startswith("<!DOCTYPE html>")
True
>>> "<h1>CSTO program &lt;draft&gt;</h1>" in page
True
"""

from __future__ import annotations

import base64
import datetime
import functools
import hashlib
import re
from importlib import resources
from typing import Any, Final

import attrs
import jinja2
from markupsafe import Markup, escape

from csto_program import words as text
from csto_program._i18n import N_, gettext, using
from csto_program._i18n import gettext as _
from csto_program._terminal import escape as visible
from csto_program.model import Program, Progress, Source

__all__ = [
    "Report",
    "ReportEvent",
    "ReportNote",
    "ReportPlan",
    "ReportSource",
    "ReportStage",
    "html_bytes",
    "render_report",
    "report_of",
    "to_html",
]

_STATES: Final = ("upcoming", "active", "overdue", "completed", "completed_late", "cancelled")
_PROGRESS: Final = tuple(progress.value for progress in Progress)
_EVENT_KINDS: Final = {
    "meeting": N_("Meeting"),
    "statement": N_("Statement"),
    "plan": N_("Plan"),
    "report": N_("Progress report"),
}
_NOTE_KINDS: Final = {
    "conflict": N_("Conflict"),
    "date_resolution": N_("Date resolution"),
    "context": N_("Context"),
}
_QUALIFIERS: Final = {
    "?": N_("uncertain"),
    "~": N_("approximate"),
    "%": N_("uncertain, approximate"),
}
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_HTML_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_HTTP_URL = re.compile(r"https?://[^\s/?#]+(?:[/?#]\S*)?", re.IGNORECASE)
# The chart is trusted markup (matplotlib's SVG): it is inserted as it is, less its XML
# prologue and DOCTYPE (meaningless inside HTML) and any <script>, which the page's
# Content-Security-Policy would refuse to run anyway.
_PROLOGUE = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", re.IGNORECASE)
_SCRIPT = re.compile(r"<script\b[^>]*/>|<script\b.*?</script\s*>|<script\b[^>]*>", re.I | re.S)


@attrs.frozen
class ReportSource:
    """Where a fact comes from: an outlet, a title, an address and a publication date.

    Only an ``http`` or ``https`` ``url`` becomes a link; any other is shown as text.
    ``published`` is shown as given (e.g. ``2026-01-29``).

    >>> source = ReportSource("TASS", "CSTO assisting", "https://tass.com/world/2078683",
    ...                       "2026-01-29")
    >>> source.outlet
    'TASS'
    """

    outlet: str
    title: str
    url: str | None
    published: str


@attrs.frozen
class ReportStage:
    """One row of the stage table: a stage's window and where it stands.

    ``starts`` and ``last_day`` are the first and last days of its window; ``state`` is
    one of ``upcoming``, ``active``, ``overdue``, ``completed``, ``completed_late`` and
    ``cancelled`` (it picks the colour), ``state_text`` the words shown for it;
    ``progress`` is the reported progress, one of ``not_started``, ``in_progress``,
    ``completed`` and ``cancelled``, or None when none is reported; ``days_text`` says how
    many days are left or overdue; ``shift_days`` is how far the last day has moved
    against the first plan (positive: later), or None when there is nothing to compare.
    ``progress_text`` is the progress in words (default: from ``progress``), e.g.
    ``not started (inferred, 2026-01-29)``; ``shift_inferred`` marks a shift measured
    against an inferred plan.

    >>> stage = ReportStage(1, "Preparation", "2025-01-01", "2025-12-31", "overdue",
    ...                     "overdue", "in_progress", "29 days overdue", 34)
    >>> stage.shift_days
    34
    >>> try:
    ...     ReportStage(1, "x", "2025-01-01", "2025-12-31", "late", "late", None, "", None)
    ... except ValueError as error:
    ...     print(error.args[0])
    'state' must be in ('upcoming', 'active', ...) (got 'late')
    """

    number: int
    name: str
    starts: str
    last_day: str
    state: str = attrs.field(validator=attrs.validators.in_(_STATES))
    state_text: str
    progress: str | None = attrs.field(
        validator=attrs.validators.optional(attrs.validators.in_(_PROGRESS))
    )
    days_text: str
    shift_days: int | None
    progress_text: str | None = None
    shift_inferred: bool = False


@attrs.frozen
class ReportPlan:
    """One version of the plan, as announced: a row of the plan history.

    ``windows`` holds ``(stage number, first day, last day)`` for each stage the plan
    sets; ``shifts`` holds, in the same order, how far each stage's last day has moved
    against the first plan in days (positive: later), or None when there is nothing to
    compare (the first plan itself, or a stage it did not have). ``inferred``: the
    record's author inferred the plan; ``shift_inferred``: its shifts rest on an inferred
    plan.

    >>> plan = ReportPlan("adopted", "2024-12-04", "Text adopted in Astana",
    ...                   ((1, "2025-01-01", "2025-12-31"),), (34,), ())
    >>> plan.windows[0][2]
    '2025-12-31'
    """

    id: str
    announced: str
    basis: str
    windows: tuple[tuple[int, str, str], ...]
    shifts: tuple[int | None, ...]
    sources: tuple[ReportSource, ...]
    inferred: bool = False
    shift_inferred: bool = False


@attrs.frozen
class ReportEvent:
    """One entry of the timeline: a meeting, a statement, a plan or a progress report.

    ``date`` is an EDTF date: a day, month or year (``2024-11-28``, ``2025-04``, ``2023``),
    possibly qualified as uncertain (``?``), approximate (``~``) or both (``%``);
    ``stages`` are the numbers of the stages it concerns (empty: the whole program).

    >>> ReportEvent("2024-11-25?", "plan", (1, 2, 3), "Draft schedule", "", ()).kind
    'plan'
    """

    date: str
    kind: str = attrs.field(validator=attrs.validators.in_(tuple(_EVENT_KINDS)))
    stages: tuple[int, ...]
    title: str
    text: str
    sources: tuple[ReportSource, ...]


@attrs.frozen
class ReportNote:
    """A note for the reader: a ``conflict`` between sources, a ``date_resolution`` (how
    a date was settled) or ``context``.

    >>> ReportNote("context", "Five years in three stages.", ()).kind
    'context'
    """

    kind: str = attrs.field(validator=attrs.validators.in_(tuple(_NOTE_KINDS)))
    text: str
    sources: tuple[ReportSource, ...]


@attrs.frozen
class Report:
    """Everything the page shows, as plain values.

    ``as_of`` is the day the status is drawn for and ``known_on`` the day up to which
    the sources were read; ``chart_svg`` is an SVG chart (such as matplotlib draws) or
    None; ``generator`` names the program that made the page; ``warning``, when given, is
    shown under the summary (e.g. that the newest progress report is old).

    >>> Report("Title", "Summary.", "2026-01-29", "2026-01-29", (), (), (), (), None,
    ...        "csto-program").chart_svg is None
    True
    """

    title: str
    summary: str
    as_of: str
    known_on: str
    stages: tuple[ReportStage, ...]
    plans: tuple[ReportPlan, ...]
    events: tuple[ReportEvent, ...]
    notes: tuple[ReportNote, ...]
    chart_svg: str | None
    generator: str
    warning: str | None = None
    lang: str = "en"


def _http_url(url: str | None) -> Markup | None:
    """``url``, HTML-escaped, if it is an http(s) address a browser cannot read as anything
    else (it is a link target, written as it is, not shown as text)."""
    if url is not None and url.isprintable() and _HTTP_URL.fullmatch(url):
        return escape(url)
    return None


def _finalize(value: object) -> object:
    """Every text the page shows, through the library's one escaping rule: a control
    character, a bidirectional override, a zero-width character or a lone surrogate is
    shown as its escape (``\\\\u202e``), visible and inert; runs of HTML whitespace (which
    a browser shows as one space anyway) become one space first. Markup (the script, the
    chart, the macros' output) and numbers pass as they are; autoescaping follows.

    >>> print(_finalize("safe\\u202etxt.exe\\x00\\x1b[2J\\n next"))
    safe\\u202etxt.exe\\x00\\x1b[2J next
    >>> _finalize(Markup("<b>x</b>")), _finalize(3)
    (Markup('<b>x</b>'), 3)
    """
    if isinstance(value, str) and not isinstance(value, Markup):
        return visible(_HTML_SPACE.sub(" ", value))
    return value


def _shift_text(days: int | None, inferred: bool = False) -> str:
    """:func:`csto_program.words.shift_words`, typeset: a true minus sign, an em dash for
    nothing to compare.

    >>> _shift_text(-1), _shift_text(None), _shift_text(34, True)
    ('\u22121 day (earlier)', '—', '+34 days (later, inferred)')
    """
    if days is None:
        return "—"
    return text.shift_words(days, inferred).replace("-", "\N{MINUS SIGN}", 1)


def _progress_words(progress: str | None) -> str:
    """A progress value in the words of :func:`csto_program.words.progress_words`.

    >>> _progress_words("in_progress"), _progress_words(None)
    ('in progress', 'no progress report')
    """
    return text.progress_words(None if progress is None else Progress(progress))


def _date_text(edtf: str) -> str:
    qualifier = _QUALIFIERS.get(edtf[-1:])
    return f"{edtf[:-1]} ({_(qualifier)})" if qualifier else edtf


def _date_attr(edtf: str) -> str | None:
    """The ``datetime`` of a ``<time>`` element for an EDTF day, month or year."""
    base = edtf[:-1] if edtf[-1:] in _QUALIFIERS else edtf
    return base if _HTML_DATE.fullmatch(base) else None


def _chart(svg: str | None) -> Markup | None:
    if svg is None:
        return None
    return Markup(_SCRIPT.sub("", _PROLOGUE.sub("", svg)).strip())


def _windows_with_shifts(plan: ReportPlan) -> list[tuple[tuple[int, str, str], int | None]]:
    shifts = plan.shifts + (None,) * (len(plan.windows) - len(plan.shifts))
    return list(zip(plan.windows, shifts, strict=False))


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("csto_program.export", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
    )
    env.filters.update(
        http_url=_http_url, shift=_shift_text, date_text=_date_text, date_attr=_date_attr
    )
    env.globals.update(
        stage_title=text.stage_title,
        progress_words=_progress_words,
        _=gettext,
        event_kinds=_EVENT_KINDS,
        note_kinds=_NOTE_KINDS,
    )
    return env


_TEMPLATE: Final = "report.html.j2"
_COMPILED_HEAD: Final = '''"""The report's template (templates/report.html.j2) as jinja2 compiles
it, kept here so that Python caches its bytecode: compiling the template took 29 ms of every
``export -f html``.

Do not edit: ``make generated`` writes this file, and the tests check that it is current.
:mod:`csto_program.export.html` uses it only while ``TEMPLATE`` is exactly the template's
text and ``JINJA`` the version of jinja2 installed; otherwise it compiles the template.
"""

# mypy: ignore-errors
# ruff: noqa
# fmt: off
'''


def _template_source() -> str:
    env = _environment()
    assert env.loader is not None
    return env.loader.get_source(env, _TEMPLATE)[0]


def _compiled_template_module() -> str:
    """The text of :mod:`csto_program.export._report_template`, from the template now."""
    env = _environment()
    source = _template_source()
    code = env.compile(source, _TEMPLATE, _TEMPLATE, raw=True, defer_init=True)
    return f"{_COMPILED_HEAD}\nJINJA = {jinja2.__version__!r}\nTEMPLATE = {source!r}\n\n{code}\n"


@functools.cache
def _template() -> jinja2.Template:
    """The report's template: taken from the compiled module while it is current."""
    env = _environment()
    from csto_program.export import _report_template as compiled

    if jinja2.__version__ == compiled.JINJA and _template_source() == compiled.TEMPLATE:
        return env.template_class.from_module_dict(env, vars(compiled), env.make_globals(None))
    return env.get_template(_TEMPLATE)


@functools.cache
def _script() -> tuple[Markup, str]:
    """The page's script and its CSP source expression (``'sha256-...'``)."""
    text = resources.files("csto_program.export").joinpath("templates/filter.js").read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"'sha256-{digest}'"


def render_report(report: Report) -> str:
    """The whole HTML document for ``report``, as text (write it out as UTF-8).

    >>> stage = ReportStage(1, "Preparation", "2025-01-01", "2025-12-31", "overdue",
    ...                     "overdue", "in_progress", "29 days overdue", 34)
    >>> source = ReportSource("TASS", "CSTO", "javascript:x", "2026")
    >>> event = ReportEvent("2026-01-29", "statement", (1,), "Secretary General",
    ...                     "<b>assisting</b>", (source,))
    >>> page = render_report(Report("Program", "Overdue.", "2026-01-29", "2026-01-29",
    ...                             (stage,), (), (event,), (), None, "csto-program"))
    >>> "+34 days (later)" in page, "&lt;b&gt;assisting&lt;/b&gt;" in page
    (True, True)
    >>> 'href="javascript' in page
    False
    """
    if not isinstance(report, Report):
        raise TypeError(f"report must be a Report, not {type(report).__name__}")
    with using(report.lang):
        return _render(report)


def _render(report: Report) -> str:
    return _template().render(**_context(report))


def _context(report: Report) -> dict[str, Any]:
    """What the template is given for ``report``."""
    script, script_hash = _script()
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src {script_hash}; base-uri 'none'; form-action 'none'"
    )
    kinds = [
        (kind, label, sum(event.kind == kind for event in report.events))
        for kind, label in _EVENT_KINDS.items()
    ]
    names = {stage.number: stage.name for stage in report.stages}
    numbers = sorted(set(names).union(*(event.stages for event in report.events)))
    plan_stages = sorted(
        {number for plan in report.plans for number, _first, _last in plan.windows}
    )
    plan_rows = []
    for plan in report.plans:
        cells = {n: (first, last, shift) for (n, first, last), shift in _windows_with_shifts(plan)}
        plan_rows.append((plan, [cells.get(number) for number in plan_stages]))
    return {
        "report": report,
        "csp": csp,
        "script": script,
        "chart": _chart(report.chart_svg),
        "kinds": [kind for kind in kinds if kind[2]],
        "stage_options": [(number, names.get(number)) for number in numbers],
        "plan_stages": plan_stages,
        "plan_rows": plan_rows,
    }


# --------------------------------------------------------------------------- from a program


def _source(program: Program, ref: str) -> ReportSource:
    found = program.by_id[ref]
    assert isinstance(found, Source)
    return ReportSource(
        outlet=text.source_label(program, found),
        title=found.title,
        url=found.url,
        published="" if found.published_on is None else str(found.published_on),
    )


def _chart_svg(view: text.Cut) -> str:
    """The chart as SVG markup written by this library: no matplotlib, always present."""
    from csto_program.export.plot import chart_svg

    return chart_svg(
        view.whole, as_of=view.as_of, known_on=view.known_on, stale_after=view.stale_after
    )


def report_of(
    program: Program,
    *,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    chart: bool = True,
    stale_after: int = text.STALE_AFTER,
    lang: str | None = None,
) -> Report:
    """The :class:`Report` of ``program`` as of ``as_of``, as known on ``known_on`` (default
    ``as_of``): only what was known by then (:func:`csto_program.words.cut`), in ``lang``
    (``"en"``, ``"ru"``; default: the language in use).

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> report = report_of(tajik_afghan_border(), as_of=datetime.date(2026, 1, 29), chart=False)
    >>> report.stages[0].state, report.stages[0].progress, report.stages[0].shift_days
    ('overdue', 'in_progress', 34)
    >>> report.stages[1].progress_text
    'not started (inferred, 2026-01-29)'
    >>> [plan.id for plan in report.plans]
    ['asia-plus-2024-11-25', 'sputnik-2024-12-04', 'press-service-2025']
    """
    with using(lang) as chosen:
        return _report(program, as_of, known_on, chart, stale_after, chosen)


def _report(
    program: Program,
    as_of: datetime.date,
    known_on: datetime.date | None,
    chart: bool,
    stale_after: int,
    lang: str,
) -> Report:
    view = text.cut(program, as_of, known_on, stale_after=stale_after)
    shown, status = view.program, view.status
    stages = tuple(
        ReportStage(
            number=row.number,
            name=row.name,
            starts=row.start,
            last_day=row.last_day,
            state=row.state,
            state_text=row.state_text,
            progress=row.progress,
            days_text=row.days_text,
            shift_days=row.shift_days,
            progress_text=row.progress_line,
            shift_inferred=row.shift_inferred,
        )
        for row in text.stage_rows(status)
    )
    plans = tuple(
        ReportPlan(
            id=row.id,
            announced=row.announced_on,
            basis=row.basis,
            windows=tuple((s.number, s.start, s.last_day) for s in row.stages),
            shifts=tuple(s.shift_from_first for s in row.stages),
            sources=tuple(_source(shown, ref) for ref in row.sources),
            inferred=row.inferred,
            shift_inferred=any(s.shift_inferred for s in row.stages),
        )
        for row in view.plan_rows()
    )
    events = tuple(
        ReportEvent(
            date=event.when.split(" – ")[0],
            kind=event.kind,
            stages=event.stages,
            title=event.title,
            text=event.text,
            sources=tuple(_source(shown, ref) for ref in event.sources),
        )
        for event in view.events(stages=False)
        if event.kind in _EVENT_KINDS
    )
    notes = tuple(
        ReportNote(
            kind=note.kind.value,
            text=note.text
            + (" " + _("Stated: “{text}”.").format(text=note.stated) if note.stated else "")
            + (
                " " + _("Resolved to {day}.").format(day=note.resolved)
                if note.resolved is not None
                else ""
            ),
            sources=tuple(_source(shown, ref) for ref in note.sources),
        )
        for note in shown.notes
    )
    headline = view.headline
    title = text.title_of(program)
    summary = _("{title} was adopted on {day}. {heading}: {headline}.").format(
        title=title,
        day=text.prose_day(program.adopted_on),
        heading=f"{view.heading[:1].upper()}{view.heading[1:]}",
        headline=headline,
    )
    warning = None
    if headline.stale is not None:
        warning = _("{stale}: this status may be out of date.").format(
            stale=f"{headline.stale[:1].upper()}{headline.stale[1:]}"
        )
    return Report(
        title=title,
        summary=summary,
        as_of=str(view.as_of),
        known_on=str(view.known_on),
        stages=stages,
        plans=plans,
        events=events,
        notes=notes,
        chart_svg=_chart_svg(view) if chart else None,
        generator="csto-program",
        warning=warning,
        lang=lang,
    )


def to_html(
    program: Program,
    *,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    stale_after: int = text.STALE_AFTER,
    lang: str | None = None,
) -> str:
    """The one-file HTML report of ``program`` as of ``as_of``, as known on ``known_on``
    (default ``as_of``; see the module), in ``lang`` (``"en"``, ``"ru"``; default: the
    language in use): ``<html lang="ru">``, and every word of the page and its filter.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> page = to_html(tajik_afghan_border(), as_of=datetime.date(2026, 1, 29))
    >>> "planned: stage 2 of 3; reported: stage 1 in progress (2026-01-29)" in page
    True
    """
    return render_report(
        report_of(program, as_of=as_of, known_on=known_on, stale_after=stale_after, lang=lang)
    )


def html_bytes(
    program: Program,
    *,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    stale_after: int = text.STALE_AFTER,
    lang: str | None = None,
    **_unused: Any,
) -> bytes:
    """:func:`to_html` as UTF-8 bytes, for the format registry.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> data = html_bytes(tajik_afghan_border(), as_of=datetime.date(2026, 1, 29))
    >>> data.startswith(b"<!DOCTYPE html>"), data.decode("utf-8") == to_html(
    ...     tajik_afghan_border(), as_of=datetime.date(2026, 1, 29))
    (True, True)
    """
    return to_html(
        program, as_of=as_of, known_on=known_on, stale_after=stale_after, lang=lang
    ).encode("utf-8")
