"""Logging one article: :func:`log_article` and what it takes and gives."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from csto_program.codes import Progress, SourceKind, StatementKind
from csto_program.dates import PartialDate
from csto_program.errors import DataError
from csto_program.lookup import SpeakerError, fold, resolve_speaker
from csto_program.model import (
    COLLECTIONS,
    Program,
    Source,
)
from csto_program.serialize import from_dict, to_dict

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
