"""What changed between two days: :func:`changes`, :func:`headlines`, :func:`describe`."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any, Final

import attrs
import pendulum

from csto_program._i18n import N_, check_lang, current, using
from csto_program._i18n import gettext as _
from csto_program.codes import Progress, StatementKind
from csto_program.dates import as_date
from csto_program.errors import DataError
from csto_program.model import (
    Meeting,
    Note,
    Plan,
    Program,
    ProgressReport,
    Source,
    Statement,
)
from csto_program.status import ProgramStatus, StageState
from csto_program.words import (
    as_of_words,
    citation,
    date_words,
    headline,
    marked,
    meeting_state,
    person_name,
    progress_words,
    state_name,
    title_of,
)


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
            return marked(state, self.inferred)
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
        return marked(text, record.inferred)
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
