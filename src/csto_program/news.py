"""The tracker's daily loop: log an article, then see what changed.

:func:`log_article` adds one :class:`Article` (a source, what someone said in it and the
progress it reports) to a program, checking the whole result as the loader checks a file,
so that every problem is reported at once, at its path in the resulting document.
:func:`changes` says what became known between two days and how the status moved;
:func:`headlines` gives the status headline of two versions of a record.

>>> from csto_program.datasets import tajik_afghan_border
>>> article = Article(
...     outlet="Example News", published_on="2026-11-27", speaker="Masadykov",
...     quote="The first stage has been completed and the second has begun.",
...     reports=(ReportSpec.parse("1=completed@2026-01-29/2026-11-27"),
...              ReportSpec.parse("2=in_progress")))
>>> logged = log_article(tajik_afghan_border(), article)
>>> dict(logged.added)  # doctest: +NORMALIZE_WHITESPACE
{'statements': ('masadykov-2026-11-27',), 'reports': ('stage-1-2026-11-27',
 'stage-2-2026-11-27'), 'sources': ('example-news-2026-11-27',)}
>>> str(logged.program.by_id["stage-1-2026-11-27"].as_of)
'2026-01-29/2026-11-27'
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs
import pendulum

from csto_program._i18n import N_, check_lang, current, using
from csto_program._i18n import gettext as _
from csto_program.codes import Progress, SourceKind, StatementKind
from csto_program.dates import PartialDate, as_date
from csto_program.errors import DataError
from csto_program.lookup import SpeakerError, fold, resolve_speaker
from csto_program.model import (
    COLLECTIONS,
    Meeting,
    Note,
    Plan,
    Program,
    ProgressReport,
    Source,
    Statement,
)
from csto_program.serialize import from_dict, to_dict
from csto_program.status import ProgramStatus, StageState
from csto_program.words import (
    INFERRED,
    as_of_words,
    citation,
    date_words,
    headline,
    meeting_state,
    person_name,
    progress_words,
    state_name,
    title_of,
)

__all__ = [
    "Article",
    "Changes",
    "Logged",
    "ReportSpec",
    "StageChange",
    "StageView",
    "changes",
    "describe",
    "headlines",
    "log_article",
    "make_id",
]

_NOT_ID: Final = re.compile(r"[^a-z0-9]+")
_STAND_IN_DAY: Final = "2000"  # in a document that is not written: a problem was reported
_REPORT: Final = re.compile(r"\s*([0-9]{1,9})\s*=\s*([a-z_]+)\s*(?:@\s*(\S+)\s*)?")


@attrs.frozen(slots=True)
class ReportSpec:
    """One progress report of an article: a stage, its progress, and the day it describes
    (``None``: the day the article was published).

    >>> ReportSpec.parse("1=completed@2026-01-29/2026-11-27")
    ReportSpec(stage=1, progress=<Progress.COMPLETED: 'completed'>, as_of='2026-01-29/2026-11-27')
    >>> ReportSpec.parse("2=in_progress").as_of is None
    True
    """

    stage: int
    progress: Progress
    as_of: str | None = None

    @classmethod
    def parse(cls, text: str) -> ReportSpec:
        """``N=PROGRESS[@AS_OF]``; ``AS_OF`` is a partial date or an EDTF interval.

        Anything else is a :class:`ValueError` naming what is expected.

        >>> try:
        ...     ReportSpec.parse("1=done")
        ... except ValueError as exc:
        ...     print(exc)
        unknown progress 'done'; expected one of not_started, in_progress, completed, cancelled
        """
        match = _REPORT.fullmatch(text)
        if match is None:
            raise ValueError(
                f"expected N=PROGRESS[@AS_OF], e.g. 1=completed@2026-01-29/2026-11-27, "
                f"got {text[:60]!r}"
            )
        number, progress, as_of = match.groups()
        try:
            value = Progress(progress)
        except ValueError:
            known = ", ".join(item.value for item in Progress)
            raise ValueError(f"unknown progress {progress!r}; expected one of {known}") from None
        if as_of is not None:
            try:
                PartialDate.parse(as_of)
            except DataError as exc:
                raise ValueError(exc.problems[0][1]) from None
        return cls(int(number), value, as_of)


@attrs.frozen(kw_only=True, slots=True)
class Article:
    """What one article adds to the record, as the command line's options give it.

        The source is either new (``outlet`` and the rest; ``source_id`` defaults to one made
        from the outlet and the date, see :func:`make_id`) or one already in the record
        (``source``). A statement is made when ``speaker`` is given (an id, a name, another
        name, a surname or a role, see :func:`csto_program.lookup.resolve_speaker`), with the
        ``quote`` (verbatim) or the ``paraphrase``; ``said_on`` defaults to the publication day,
        ``role`` to the role last recorded for the speaker, and ``stages`` to the stages of the
        reports. Each of ``reports`` becomes a :class:`~csto_program.ProgressReport` citing the
        source and the statement, reported on the publication day, marked ``inferred`` when
        ``inferred`` is true. ``statement_language`` is the language of the quote (default
    ``en``). Dates are written as in a document (``2026-11-27``, ``2026``,
        ``2026-01-29/2026-11-27``).

        >>> Article(source="asia-plus-2024-11-25-article").source
        'asia-plus-2024-11-25-article'
    """

    source: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str = ""
    published_on: str | None = None
    language: str | None = None
    source_kind: SourceKind = SourceKind.NEWS
    source_id: str | None = None
    speaker: str | None = None
    role: str | None = None
    quote: str | None = None
    paraphrase: str | None = None
    said_on: str | None = None
    stages: tuple[int, ...] = ()
    meeting: str | None = None
    statement_id: str | None = None
    statement_language: str | None = None
    statement_note: str = ""
    reports: tuple[ReportSpec, ...] = ()
    inferred: bool = False
    report_note: str = ""


@attrs.frozen(slots=True)
class Logged:
    """The result of :func:`log_article`: the new program and the ids added, by collection
    (in the model's order of collections).

    >>> from csto_program.datasets import tajik_afghan_border
    >>> logged = log_article(tajik_afghan_border(), Article(
    ...     outlet="Example News", published_on="2026-11-27", speaker="Masadykov",
    ...     quote="The first stage has been completed.",
    ...     reports=(ReportSpec.parse("1=completed"),)))
    >>> for name, ids in logged.added.items():
    ...     print(name, ids)
    statements ('masadykov-2026-11-27',)
    reports ('stage-1-2026-11-27',)
    sources ('example-news-2026-11-27',)
    >>> logged.program.by_id["stage-1-2026-11-27"].progress.value
    'completed'
    """

    program: Program
    added: Mapping[str, tuple[str, ...]]


def make_id(base: str, taken: Iterable[str]) -> str:
    """An id made from ``base`` (folded to lowercase ASCII letters and digits joined by
    ``-``; ``record`` when nothing is left) that is not in ``taken``: ``-2``, ``-3``... is
    added when needed.

    >>> make_id("Asia-Plus 2026-11-27", ["asia-plus-2026-11-27"])
    'asia-plus-2026-11-27-2'
    >>> make_id("Интерфакс", [])
    'record'
    """
    stem = _NOT_ID.sub("-", fold(base)).strip("-") or "record"
    used = set(taken)
    candidate, count = stem, 1
    while candidate in used:
        count += 1
        candidate = f"{stem}-{count}"
    return candidate


def _stand_in_person(program: Program, text: str) -> str:
    """A person's id to check the rest of a statement whose speaker nobody matches."""
    return program.people[0].id if program.people else make_id(text, ())


def _last_role(program: Program, person: str) -> str | None:
    """The role last recorded for ``person``: in their statements, else at meetings."""
    said = sorted(
        (s for s in program.statements if s.speaker == person), key=lambda s: s.said_on.sort_key
    )
    if said:
        return said[-1].role
    present = sorted(
        (
            (meeting.starts_on.sort_key, participant.role)
            for meeting in program.meetings
            for participant in meeting.participants
            if participant.person == person
        ),
        key=lambda item: item[0],
    )
    return present[-1][1] if present else None


def log_article(program: Program, article: Article) -> Logged:
    """``program`` with ``article`` added: a source (or one cited), a statement and
    progress reports, checked as a whole.

    Every problem, in the article and in how it fits the record (an unknown meeting or
    stage, an id already used, a speaker nobody matches), is reported in one
    :class:`~csto_program.DataError` at its path in the resulting document, each unknown
    reference with the closest ids. Nothing is added when anything is wrong.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> try:
    ...     log_article(tajik_afghan_border(), Article(
    ...         outlet="Example", published_on="2026-11-27", speaker="Masadykof",
    ...         quote="Work continues.", meeting="astana-2024-11-29"))
    ... except DataError as exc:
    ...     for path, message in exc.problems:
    ...         print(path.split(".")[-1], message.split(";")[1])
    speaker  did you mean 'masadykov' (Talatbek Masadykov)?
    meeting  did you mean 'astana-2024-11-28'?
    """
    document = to_dict(program)
    taken = set(program.by_id)
    problems: list[tuple[str, str]] = []
    new: dict[str, list[dict[str, Any]]] = {}

    def place(collection: str, record: dict[str, Any]) -> str:
        """The path the record will have, once added."""
        items = new.setdefault(collection, [])
        items.append(record)
        return f"$.{collection}[{len(document.get(collection, [])) + len(items) - 1}]"

    def claim(given: str | None, base: str) -> str:
        ident = given if given is not None else make_id(base, taken)
        taken.add(ident)
        return ident

    # the source
    published: str | None = article.published_on
    if article.source is not None:
        source_id = article.source
        cited = program.by_id.get(source_id)
        if isinstance(cited, Source) and published is None and cited.published_on is not None:
            published = str(cited.published_on)
        if article.outlet is not None or article.source_id is not None:
            problems.append(("$", "give either an existing source's id or a new source, not both"))
        elif not isinstance(cited, Source):
            hint = _hint(source_id, (s.id for s in program.sources))
            problems.append(("$", f"no source {source_id!r} in the record{hint}"))
    else:
        outlet = article.outlet or ""
        base = outlet if published is None else f"{outlet} {published}"
        source_id = claim(article.source_id, base)
        record: dict[str, Any] = {
            "id": source_id,
            "outlet": outlet,
            "kind": article.source_kind.value,
            "title": article.title,
        }
        for key in ("url", "published_on", "language"):
            if getattr(article, key) is not None:
                record[key] = getattr(article, key)
        place("sources", record)

    # the statement
    statement_id: str | None = None
    speaker_path: str | None = None
    text = article.quote if article.quote is not None else article.paraphrase
    if article.speaker is None:
        if text is not None or article.said_on is not None or article.role is not None:
            problems.append(("$", "a quote, a paraphrase, a role or a day said needs a speaker"))
    else:
        person: str = article.speaker
        try:
            person = resolve_speaker(program, article.speaker, role=article.role).id
            resolved = True
        except SpeakerError as exc:
            resolved = False
            speaker_problem = exc.problems[0][1]
        said_on = article.said_on if article.said_on is not None else published
        base = person if said_on is None else f"{person} {said_on}"
        statement_id = claim(article.statement_id, base)
        role = article.role if article.role is not None else _last_role(program, person)
        stages = article.stages or tuple(sorted({spec.stage for spec in article.reports}))
        statement: dict[str, Any] = {
            "id": statement_id,
            "speaker": person if resolved else _stand_in_person(program, person),
            # stand-ins where a problem is reported already, so the rest is still checked
            "role": role or "(no role)",
            "said_on": said_on or _STAND_IN_DAY,
            "text": text or "(no text)",
            "kind": (
                StatementKind.PARAPHRASE if article.quote is None and text else StatementKind.QUOTE
            ).value,
            "stages": list(stages),
            "sources": [source_id],
            "note": article.statement_note,
        }
        if article.meeting is not None:
            statement["meeting"] = article.meeting
        if article.statement_language is not None:
            statement["language"] = article.statement_language
        path = place("statements", statement)
        speaker_path = f"{path}.speaker"
        if not resolved:
            problems.append((speaker_path, speaker_problem))
        if article.quote is not None and article.paraphrase is not None:
            problems.append((f"{path}.text", "give a quote or a paraphrase, not both"))
        elif text is None:
            problems.append((f"{path}.text", "a statement needs a quote or a paraphrase"))
        if role is None and resolved:
            problems.append((f"{path}.role", f"no role is recorded for {person!r}; give one"))
        if said_on is None:
            problems.append((f"{path}.said_on", "give the day it was said or published"))

    # the progress reports
    for spec in article.reports:
        report_id = claim(None, f"stage {spec.stage} {published or ''}")
        report: dict[str, Any] = {
            "id": report_id,
            "stage": spec.stage,
            "progress": spec.progress.value,
            "reported_on": published or _STAND_IN_DAY,
            "sources": [source_id],
            "note": article.report_note,
        }
        if spec.as_of is not None:
            report["as_of"] = spec.as_of
        if statement_id is not None:
            report["statement"] = statement_id
        if article.inferred:
            report["inferred"] = True
        path = place("reports", report)
        if published is None:
            problems.append(
                (f"{path}.reported_on", "a progress report needs the day the source was published")
            )

    for collection, records in new.items():
        document[collection] = [*document.get(collection, []), *records]
    reported = {path for path, _ in problems}
    try:
        result = from_dict(document, Program)
    except DataError as exc:
        # a speaker nobody matches is reported once, by the lookup, with its candidates
        problems += [
            (path, message)
            for path, message in exc.problems
            if path not in reported and path != speaker_path
        ]
        raise DataError(problems, more=exc.more) from None
    if problems:
        raise DataError(problems)
    order = [name for name, _ in COLLECTIONS]
    added = {name: tuple(item["id"] for item in new[name]) for name in sorted(new, key=order.index)}
    return Logged(result, added)


def _hint(unknown: str, known: Iterable[str]) -> str:
    from csto_program.lookup import suggest

    found = suggest(known, unknown, n=3, cutoff=0.75)  # as validate's
    return f"; did you mean {' or '.join(map(repr, found))}?" if found else ""


# --------------------------------------------------------------------------- changes


@attrs.frozen(slots=True)
class StageView:
    """A stage's state and progress on one day (``progress`` ``None``: no report), and
    whether that progress rests on an inferred report.

    >>> view = StageView("active", "not_started", inferred=True)
    >>> view.words()
    'active, not started (inferred)'
    >>> view.to_dict()
    {'state': 'active', 'progress': 'not_started', 'inferred': True}
    """

    state: str
    progress: str | None
    inferred: bool = False

    def to_dict(self) -> dict[str, Any]:
        """``{"state", "progress"}`` (and ``"inferred": true`` when it is)."""
        data: dict[str, Any] = {"state": self.state, "progress": self.progress}
        if self.inferred:
            data["inferred"] = True
        return data

    def words(self) -> str:
        """The state and progress in words, in the language in use, the progress left out
        when the state says it already (``completed late``, not ``completed late,
        completed``).

        >>> StageView("overdue", "in_progress").words()
        'overdue, in progress'
        >>> StageView("active", None).words()
        'active, no progress report'
        >>> StageView("completed_late", "completed").words()
        'completed late'
        >>> StageView("completed", "completed", True).words()
        'completed (inferred)'
        """
        state = state_name(StageState(self.state))
        if self.progress is not None and self.state in _STATES_SAID.get(self.progress, ()):
            return f"{state} ({_(INFERRED)})" if self.inferred else state
        progress = None if self.progress is None else Progress(self.progress)
        return f"{state}, {progress_words(progress, self.inferred)}"


# A progress that a state says already: it is not said again beside that state.
_STATES_SAID: Final = {"completed": ("completed", "completed_late"), "cancelled": ("cancelled",)}


def _stage_words(view: StageView | None) -> str:
    """:meth:`StageView.words`, ``–`` where no plan had the stage."""
    return "–" if view is None else view.words()


@attrs.frozen(slots=True)
class StageChange:
    """A stage (by number) before and after; ``None`` on a side where no plan had it.

    >>> change = StageChange(1, StageView("active", "in_progress"),
    ...                      StageView("overdue", "in_progress"))
    >>> change.changed
    True
    >>> StageChange(3, None, StageView("upcoming", None)).after.words()
    'upcoming, no progress report'
    """

    number: int
    before: StageView | None
    after: StageView | None

    @property
    def changed(self) -> bool:
        """Whether its state or progress differs."""
        return self.before != self.after

    def words(self) -> tuple[str, str]:
        """The stage before and after in words (:meth:`StageView.words`; ``–`` on a side
        where no plan had it).

        >>> StageChange(3, None, StageView("upcoming", None)).words()
        ('–', 'upcoming, no progress report')
        """
        return _stage_words(self.before), _stage_words(self.after)


@attrs.frozen(slots=True)
class Changes:
    """What :func:`changes` found: the ids that became known after ``since`` and by
    ``until``, by collection, the headline on each day (in ``lang``), and each stage
    before and after; ``stale_after`` as given to :func:`changes`.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> found = changes(tajik_afghan_border(), datetime.date(2026, 1, 1),
    ...                 datetime.date(2026, 2, 1))
    >>> str(found.since), str(found.until), [s.number for s in found.stages if s.changed]
    ('2026-01-01', '2026-02-01', [2])
    >>> found.to_dict()["stages"][1]["after"]
    {'state': 'active', 'progress': 'not_started', 'inferred': True}
    """

    since: pendulum.Date
    until: pendulum.Date
    added: Mapping[str, tuple[str, ...]]
    headline_before: str
    headline_after: str
    stages: tuple[StageChange, ...]
    lang: str = "en"
    stale_after: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """``{"since", "until", "added": {kind: [ids]}, "headline": {"before", "after"},
        "stages": [{"number", "before": {"state", "progress"}, "after": {...}}]}``."""
        return {
            "since": str(self.since),
            "until": str(self.until),
            "added": {name: list(ids) for name, ids in self.added.items()},
            "headline": {"before": self.headline_before, "after": self.headline_after},
            "stages": [
                {
                    "number": stage.number,
                    "before": None if stage.before is None else stage.before.to_dict(),
                    "after": None if stage.after is None else stage.after.to_dict(),
                }
                for stage in self.stages
            ],
        }

    def markdown(self, program: Program, *, lang: str | None = None) -> str:
        """A short note to paste into an email: the headline, the stages that moved, and
        what became known (each record in a few words, see :func:`describe`), in ``lang``
        (``"en"``, ``"ru"``; default: :attr:`lang`, the language of the headlines).

        >>> import datetime
        >>> from csto_program.datasets import tajik_afghan_border
        >>> program = tajik_afghan_border()
        >>> found = changes(program, datetime.date(2026, 1, 1), datetime.date(2026, 2, 1))
        >>> print(found.markdown(program, lang="ru").splitlines()[4])
        - Этап 2: идёт, не начат → идёт, не начат (предположительно)
        """
        chosen = self.lang if lang is None else check_lang(lang)
        with using(chosen):
            before, after = self.headline_before, self.headline_after
            if chosen != self.lang:  # the headlines again, in the language asked for
                statuses = _statuses(program, self.since, self.until, self.stale_after)
                before, after = headline(statuses[0]), headline(statuses[1])
            return self._markdown(program, before, after)

    def _markdown(self, program: Program, before: str, after: str) -> str:
        title = _("{title}: what changed from {since} to {until}").format(
            title=title_of(program), since=self.since, until=self.until
        )
        on = _("On {day}: {headline}")
        lines = [
            f"**{title}**",
            "",
            "- " + on.format(day=self.since, headline=before),
            "- " + on.format(day=self.until, headline=after),
        ]
        moved = [stage for stage in self.stages if stage.changed]
        stage_line = _("Stage {number}: {before} → {after}")
        for stage in moved:
            was, now = stage.words()
            lines.append("- " + stage_line.format(number=stage.number, before=was, after=now))
        if not moved:
            lines.append("- " + _("No stage's state or progress changed."))
        lines.append("")
        if not self.added:
            lines.append(_("Nothing new became known."))
        else:
            lines.append(_("New on record:"))
            lines.append("")
            for ids in self.added.values():
                lines += [f"- {describe(program, ident)}" for ident in ids]
        return _markdown_safe("\n".join(lines)) + "\n"


def _markdown_safe(text: str) -> str:
    """Text with the characters that could make links or raw HTML escaped."""
    return re.sub(r"([<>\[\]`|\\])", r"\\\1", text)


# The kinds of record :func:`describe` names by their kind alone.
_KINDS: Final = {"person": N_("person"), "organization": N_("organization")}


def describe(program: Program, ident: str) -> str:
    """A record of ``program`` in a few words, in the language in use, for the lists of
    what was added (``log``, ``changes`` and their Markdown note).

    >>> from csto_program._i18n import using
    >>> from csto_program.datasets import tajik_afghan_border
    >>> describe(tajik_afghan_border(), "stage-1-2026-01-29")
    'report stage-1-2026-01-29: stage 1 in progress (as of 2026-01-29), reported 2026-01-29'
    >>> with using("ru"):
    ...     describe(tajik_afghan_border(), "stage-1-2026-01-29")
    'отчёт stage-1-2026-01-29: этап 1 — в работе (на 2026-01-29), опубликован 2026-01-29'
    """
    record = program.by_id[ident]
    if isinstance(record, ProgressReport):
        words = _("report {id}: stage {number} {progress} ({as_of}), reported {reported}")
        text = words.format(
            id=ident,
            number=record.stage,
            progress=progress_words(record.progress),
            as_of=as_of_words(record.day),
            reported=date_words(record.reported_on),
        )
        return text + (f" ({_(INFERRED)})" if record.inferred else "")
    if isinstance(record, Source):
        text = _("source {id}: {citation}").format(id=ident, citation=citation(program, record))
        return text + (f": {record.title}" if record.title else "")
    if isinstance(record, Statement):
        said = _short(record.text)
        if record.kind is StatementKind.QUOTE:
            said = f"“{said}”"
        return _("statement {id}: {speaker}, {day}: {text}").format(
            id=ident,
            speaker=person_name(program, record.speaker),
            day=date_words(record.said_on),
            text=said,
        )
    if isinstance(record, Meeting):
        state = str(record.status.value)
        extra = "" if state == "held" else f" ({meeting_state(state)})"
        words = _("meeting {id}: {title}, {day}")
        return words.format(id=ident, title=record.title, day=date_words(record.starts_on)) + extra
    if isinstance(record, Plan):
        day = date_words(record.announced_on)
        return _("plan {id}: announced {day}").format(id=ident, day=day)
    if isinstance(record, Note):
        return _("note {id}: {text}").format(id=ident, text=_short(record.text))
    kind = type(record).__name__.lower()
    named = _(_KINDS[kind]) if kind in _KINDS else kind
    return f"{named} {ident}: {person_name(program, ident)}"


def _short(text: str, width: int = 120) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _view(status: ProgramStatus, number: int) -> StageView | None:
    for stage in status.stages:
        if stage.stage.number == number:
            progress = None if stage.progress is None else stage.progress.value
            inferred = bool(getattr(stage, "progress_inferred", False))
            return StageView(stage.state.value, progress, inferred)
    return None


def changes(
    program: Program,
    since: datetime.date,
    until: datetime.date,
    *,
    stale_after: int | None = None,
    lang: str | None = None,
) -> Changes:
    """What became known after ``since`` and by ``until`` (by
    :func:`csto_program.knowledge.became_known`), the status headline as of and known on
    each day (in ``lang``, ``"en"`` or ``"ru"``; default: the language in use), and each
    stage's state and progress on each day.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> found = changes(tajik_afghan_border(), datetime.date(2026, 1, 1),
    ...                 datetime.date(2026, 2, 1))
    >>> found.added["reports"]
    ('stage-1-2026-01-29', 'stage-2-2026-01-29')
    >>> found.stages[0].after.words()
    'overdue, in progress'
    >>> changes(tajik_afghan_border(), datetime.date(2026, 1, 1), datetime.date(2026, 2, 1),
    ...         lang="ru").headline_after
    'по плану: этап 2 из 3; по отчётам: этап 1 в работе (2026-01-29)'
    """
    from csto_program.knowledge import became_known

    since = as_date(since, "since")
    until = as_date(until, "until")
    chosen = current() if lang is None else check_lang(lang)
    if until < since:
        raise DataError.at("$", f"until ({until}) is before since ({since})")
    statuses = _statuses(program, since, until, stale_after)
    with using(chosen):
        before, after = headline(statuses[0]), headline(statuses[1])
    numbers = sorted({s.stage.number for status in statuses for s in status.stages})
    added = {name: tuple(ids) for name, ids in became_known(program, since, until).items() if ids}
    return Changes(
        since=since,
        until=until,
        added=added,
        headline_before=before,
        headline_after=after,
        stages=tuple(StageChange(n, _view(statuses[0], n), _view(statuses[1], n)) for n in numbers),
        lang=chosen,
        stale_after=stale_after,
    )


def _statuses(
    program: Program, since: pendulum.Date, until: pendulum.Date, stale_after: int | None
) -> tuple[ProgramStatus, ProgramStatus]:
    """The status as of and known on each day."""
    keywords: dict[str, Any] = {} if stale_after is None else {"stale_after": stale_after}
    return (
        program.status(since, known_on=since, **keywords),
        program.status(until, known_on=until, **keywords),
    )


def headlines(
    old: Program, new: Program, as_of: datetime.date, *, known_on: datetime.date | None = None
) -> tuple[str, str]:
    """The status headline of two versions of a record, as of the same day.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> headlines(tajik_afghan_border(), tajik_afghan_border(), datetime.date(2024, 12, 1))[0]
    'planned: stage 1 of 3; reported: no progress report'
    """
    return (
        headline(old.status(as_of, known_on=known_on)),
        headline(new.status(as_of, known_on=known_on)),
    )
