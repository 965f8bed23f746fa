"""The records of a program: frozen, slotted attrs classes with typed fields and no I/O.

Every field is declared once with its kind, meaning and, for a reference, the collection it
refers to (see :mod:`csto_program._spec`); construction checks the Python type of each value
(a wrong type raises :class:`TypeError`) and its constraints (a bad value raises
:class:`~csto_program.DataError`, an impossible schedule its subclass
:class:`~csto_program.ScheduleError`). A constructor takes a value's JSON spelling too and
converts it exactly: an ISO string for a date, an EDTF string for a partial date (``"2023"``
stays a year), an enumeration's value, a list for a tuple. That references resolve is
checked by the :class:`~csto_program.Program` that holds the records.

>>> Stage(number=1, name="Stage 1", start="2025-01-01", end="2026-01-01").last_day
Date(2025, 12, 31)
"""

from __future__ import annotations

import datetime
import functools

import attrs
import pendulum

from csto_program._spec import ANY_RECORD, STAGE_NUMBERS, Kind, field
from csto_program.codes import (
    MeetingKind,
    MeetingStatus,
    NoteKind,
    Progress,
    SourceKind,
    StatementKind,
)
from csto_program.dates import PartialDate, add_days, as_date, utcoffset_on
from csto_program.errors import DataError, ScheduleError, short_repr
from csto_program.rules import DEFAULT_FIRST_STAGE_MONTHS, DEFAULT_TERM_MONTHS, schedule_problems

__all__ = [
    "LocalName",
    "Meeting",
    "Note",
    "Organization",
    "Participant",
    "Person",
    "Place",
    "Plan",
    "ProgressReport",
    "Source",
    "Stage",
    "Statement",
]

_SOURCES = "Ids of the sources that report this."
_SOURCE_EXAMPLES = (["tass-2025-01-29"],)


@attrs.frozen(slots=True)
class LocalName:
    """A record's name in one language, as a source printed it (never machine-translated).

    ``abbreviation`` is the short form in that language (an organisation's «ОДКБ»).

    >>> LocalName(language="ru", name="Организация Договора о коллективной безопасности",
    ...           abbreviation="ОДКБ").abbreviation
    'ОДКБ'
    """

    language: str = field(Kind.LANGUAGE, "The language of the name (BCP 47).", examples=("ru",))
    name: str = field(Kind.TEXT, "The name in that language.", examples=("Таалатбек Масадыков",))
    abbreviation: str | None = field(
        Kind.STR, "Its abbreviation in that language.", optional=True, examples=("ОДКБ",)
    )


def _names(what: str) -> str:
    return f"{what} in other languages, one per language, as sources printed it."


def check_names(names: tuple[LocalName, ...], path: str = "$.names") -> None:
    """Refuse a second name in one language (:class:`~csto_program.DataError` at its path).

    >>> check_names((LocalName(language="ru", name="А"), LocalName(language="ru", name="Б")))
    Traceback (most recent call last):
    ...
    csto_program.errors.DataError: 1 problem:
      $.names[1].language: a second name in 'ru'; give one per language
    """
    seen: set[str] = set()
    for index, local in enumerate(names):
        if local.language in seen:
            raise DataError.at(
                f"{path}[{index}].language",
                f"a second name in {local.language!r}; give one per language",
            )
        seen.add(local.language)


@attrs.frozen(slots=True)
class Source:
    """A publication that reports a fact: an outlet, its URL and publication date.

    ``via`` lists the ids of sources this one relays (a reporting chain: TASS
    carrying a quote that Khovar published first has ``via=("khovar-...",)``).

    >>> Source(id="tass-2025-01-29", outlet="TASS", url="https://tass.com/politics/1906035",
    ...        published_on="2025-01-29").published_on
    PartialDate(year=2025, month=1, day=29, qualifier=None)
    """

    id: str = field(
        Kind.ID, "The source's id, unique in the record.", examples=("tass-2025-01-29",)
    )
    outlet: str = field(Kind.TEXT, "The outlet that published it.", examples=("TASS",))
    url: str | None = field(
        Kind.URL,
        "Where it can be read.",
        optional=True,
        examples=("https://tass.com/world/2078683",),
    )
    published_on: PartialDate | None = field(
        Kind.PARTIAL_DATE,
        "When it was published (EDTF: a year, a month or a day).",
        optional=True,
        examples=("2026-01-29",),
    )
    kind: SourceKind = field(
        Kind.ENUM, "What kind of publication it is.", type=SourceKind, default=SourceKind.NEWS
    )
    title: str = field(Kind.STR, "Its headline or title.")
    language: str | None = field(
        Kind.LANGUAGE, "The language it is written in (BCP 47).", optional=True, examples=("ru",)
    )
    via: tuple[str, ...] = field(
        Kind.ID,
        "Ids of the sources this one relays (a reporting chain).",
        many=True,
        refers_to="sources",
    )
    note: str = field(Kind.STR, "A remark on the source.")

    def __attrs_post_init__(self) -> None:
        if self.id in self.via:
            raise DataError.at("$.via", f"source {self.id!r} cannot relay itself")


@attrs.frozen(slots=True)
class Person:
    """A person named in the record, with other spellings of the name.

    >>> Person(id="masadykov", name="Talatbek Masadykov",
    ...        other_names=["Taalatbek Masadykov", "Masadikov"]).other_names[1]
    'Masadikov'
    """

    id: str = field(Kind.ID, "The person's id, unique in the record.", examples=("masadykov",))
    name: str = field(
        Kind.TEXT, "The name as the record writes it.", examples=("Talatbek Masadykov",)
    )
    other_names: tuple[str, ...] = field(
        Kind.TEXT, "Other spellings and transliterations of the name.", many=True
    )
    description: str = field(Kind.STR, "Who the person is.")
    sources: tuple[str, ...] = field(
        Kind.ID, _SOURCES, many=True, examples=_SOURCE_EXAMPLES, refers_to="sources"
    )
    names: tuple[LocalName, ...] = field(Kind.RECORD, _names("The name"), type=LocalName, many=True)

    def __attrs_post_init__(self) -> None:
        check_names(self.names)


@attrs.frozen(slots=True)
class Organization:
    """An organisation or a state named in the record.

    >>> Organization(id="csto", name="Collective Security Treaty Organization",
    ...              abbreviation="CSTO", classification="intergovernmental").abbreviation
    'CSTO'
    """

    id: str = field(Kind.ID, "The organisation's id, unique in the record.", examples=("csto",))
    name: str = field(Kind.TEXT, "Its name.", examples=("Collective Security Treaty Organization",))
    abbreviation: str | None = field(
        Kind.STR, "Its abbreviation.", optional=True, examples=("CSTO",)
    )
    other_names: tuple[str, ...] = field(Kind.TEXT, "Other names it is known by.", many=True)
    classification: str = field(
        Kind.STR, "What kind of body it is.", examples=("intergovernmental",)
    )
    parent: str | None = field(
        Kind.ID, "Id of the organisation it belongs to.", optional=True, refers_to="organizations"
    )
    sources: tuple[str, ...] = field(
        Kind.ID, _SOURCES, many=True, examples=_SOURCE_EXAMPLES, refers_to="sources"
    )
    names: tuple[LocalName, ...] = field(
        Kind.RECORD, _names("Its name (and abbreviation)"), type=LocalName, many=True
    )

    def __attrs_post_init__(self) -> None:
        check_names(self.names)


@attrs.frozen(slots=True)
class Place:
    """Where a meeting took place: the city alone, its country and IANA time zone.

    The offset comes from the bundled ``tzdata`` package, never from the
    system's time zone database, so it is right on any machine:

    >>> import datetime
    >>> astana = Place(name="Astana", country="KZ", timezone="Asia/Almaty")
    >>> astana.utcoffset(datetime.date(2024, 11, 28))
    datetime.timedelta(seconds=18000)
    """

    name: str = field(
        Kind.TEXT, "The city (or place) alone, without the country.", examples=("Astana",)
    )
    country: str = field(
        Kind.COUNTRY,
        "The country, as a current ISO 3166-1 alpha-2 code.",
        examples=("KZ",),
    )
    timezone: str = field(
        Kind.TIMEZONE, "The IANA time zone of the place.", examples=("Asia/Almaty",)
    )
    names: tuple[LocalName, ...] = field(
        Kind.RECORD, _names("The name of the city (or place)"), type=LocalName, many=True
    )

    def __attrs_post_init__(self) -> None:
        check_names(self.names)

    def utcoffset(self, day: datetime.date) -> datetime.timedelta:
        """The place's UTC offset at local noon on ``day``.

        >>> import datetime
        >>> Place(name="Astana", country="KZ", timezone="Asia/Almaty").utcoffset(
        ...     datetime.date(2024, 1, 15))
        datetime.timedelta(seconds=21600)
        """
        return utcoffset_on(self.timezone, as_date(day, "day"))


@attrs.frozen(slots=True)
class Participant:
    """Who took part in a meeting, in what role at the time, on behalf of whom.

    ``person`` and ``organization`` are ids; at least one is given (a state's
    delegation may be recorded without a name).

    >>> Participant(person="tasmagambetov", role="CSTO Secretary-General",
    ...             organization="csto").role
    'CSTO Secretary-General'
    """

    role: str = field(
        Kind.TEXT, "The role at the time of the meeting.", examples=("CSTO Secretary-General",)
    )
    person: str | None = field(Kind.ID, "Id of the person.", optional=True, refers_to="people")
    organization: str | None = field(
        Kind.ID, "Id of the organisation represented.", optional=True, refers_to="organizations"
    )

    def __attrs_post_init__(self) -> None:
        if self.person is None and self.organization is None:
            raise DataError.at("$", "a participant needs a person, an organization or both")


@attrs.frozen(slots=True)
class Meeting:
    """An event in the program's history: a summit, a session, a call, an interview.

    ``starts_on`` and ``ends_on`` are partial dates; ``ends_on`` is the last day
    of a multi-day meeting (inclusive) and is ``None`` for a one-day event. ``status`` says
    whether it was held (the default) or only announced: a ``scheduled``, ``postponed`` or
    ``cancelled`` meeting became known on ``announced_on``, and ``starts_on`` is the day it
    was announced for.

    >>> Meeting(id="astana-2024", title="CSTO Collective Security Council session",
    ...         kind="council_session", starts_on="2024-11-28",
    ...         place=Place(name="Astana", country="KZ", timezone="Asia/Almaty")).kind
    <MeetingKind.COUNCIL_SESSION: 'council_session'>
    """

    id: str = field(Kind.ID, "The meeting's id, unique in the record.", examples=("astana-2024",))
    title: str = field(
        Kind.TEXT, "What the meeting was.", examples=("CSTO Collective Security Council session",)
    )
    kind: MeetingKind = field(Kind.ENUM, "What kind of event it was.", type=MeetingKind)
    starts_on: PartialDate = field(
        Kind.PARTIAL_DATE,
        "Its (first) day, or the month or year when only that is known.",
        examples=("2024-11-28",),
    )
    ends_on: PartialDate | None = field(
        Kind.PARTIAL_DATE, "The last day of a meeting of several days (inclusive).", optional=True
    )
    place: Place | None = field(Kind.RECORD, "Where it took place.", type=Place, optional=True)
    organizer: str | None = field(
        Kind.ID, "Id of the organisation that held it.", optional=True, refers_to="organizations"
    )
    participants: tuple[Participant, ...] = field(
        Kind.RECORD, "Who took part.", type=Participant, many=True
    )
    decisions: tuple[str, ...] = field(Kind.TEXT, "What was decided.", many=True)
    description: str = field(Kind.STR, "What happened.")
    sources: tuple[str, ...] = field(
        Kind.ID, _SOURCES, many=True, examples=_SOURCE_EXAMPLES, refers_to="sources"
    )
    status: MeetingStatus = field(
        Kind.ENUM,
        "Whether it took place, or was only announced.",
        type=MeetingStatus,
        default=MeetingStatus.HELD,
    )
    announced_on: PartialDate | None = field(
        Kind.PARTIAL_DATE,
        "When a meeting not (yet) held became known (EDTF; null: when its sources were published).",
        optional=True,
        examples=("2025-11-27",),
    )

    def __attrs_post_init__(self) -> None:
        if self.ends_on is not None and self.ends_on.latest < self.starts_on.earliest:
            raise DataError.at(
                "$.ends_on", f"ends on {self.ends_on} before it starts on {self.starts_on}"
            )


@attrs.frozen(slots=True)
class Statement:
    """Something a person said: the text, who, in what role, when, where, per whom.

    ``kind`` says whether ``text`` is a verbatim quote or a paraphrase;
    ``stages`` are the numbers of the stages the statement is evidence about.

    >>> Statement(id="masadykov-2026-01-29", speaker="masadykov", role="CSTO Secretary-General",
    ...           said_on="2026-01-29", kind="paraphrase", stages=[1],
    ...           text="The CSTO is assisting in the implementation of the first stage.").stages
    (1,)
    """

    id: str = field(
        Kind.ID, "The statement's id, unique in the record.", examples=("masadykov-2026-01-29",)
    )
    speaker: str = field(
        Kind.ID, "Id of the person who said it.", examples=("masadykov",), refers_to="people"
    )
    role: str = field(
        Kind.TEXT, "The speaker's role at the time.", examples=("CSTO Secretary-General",)
    )
    said_on: PartialDate = field(
        Kind.PARTIAL_DATE, "When it was said (EDTF).", examples=("2026-01-29",)
    )
    text: str = field(Kind.TEXT, "What was said: the words, or a report of them.")
    kind: StatementKind = field(
        Kind.ENUM, "Whether the text is a verbatim quote or a paraphrase.", type=StatementKind
    )
    language: str = field(
        Kind.LANGUAGE, "The language of the text (BCP 47).", default="en", examples=("en",)
    )
    on_behalf_of: str | None = field(
        Kind.ID,
        "Id of the organisation the speaker spoke for.",
        optional=True,
        refers_to="organizations",
    )
    meeting: str | None = field(
        Kind.ID, "Id of the meeting where it was said.", optional=True, refers_to="meetings"
    )
    stages: tuple[int, ...] = field(
        Kind.INT,
        "Numbers of the stages the statement is evidence about.",
        many=True,
        minimum=1,
        unique=True,
        examples=([1],),
        refers_to=STAGE_NUMBERS,
    )
    topics: tuple[str, ...] = field(Kind.TEXT, "What it is about, in a few words each.", many=True)
    sources: tuple[str, ...] = field(
        Kind.ID, _SOURCES, many=True, examples=_SOURCE_EXAMPLES, refers_to="sources"
    )
    note: str = field(Kind.STR, "A remark on the statement.")
    original: tuple[str, ...] = field(
        Kind.TEXT,
        "The original wording, verbatim as a source printed it, in original_language: one "
        "text, or the fragments it printed (original_fragments).",
        many=True,
        examples=(["Сохраняются проблемы и на южных рубежах."],),
    )
    original_language: str | None = field(
        Kind.LANGUAGE,
        "The language of the original wording (BCP 47); given exactly when it is.",
        optional=True,
        examples=("ru",),
    )
    original_fragments: bool = field(
        Kind.BOOL,
        "True when the source printed only fragments of the original wording (each item of "
        "original is one, verbatim; words left out inside one are marked as printed).",
        default=False,
        examples=(True,),
    )

    def __attrs_post_init__(self) -> None:
        if bool(self.original) != (self.original_language is not None):
            where = "$.original_language" if self.original else "$.original"
            raise DataError.at(
                where, "an original wording and its language are given together, or neither"
            )
        if self.original_fragments and not self.original:
            raise DataError.at("$.original_fragments", "there is no original wording")
        if len(self.original) > 1 and not self.original_fragments:
            raise DataError.at(
                "$.original",
                "an original wording in full is one text; several are fragments "
                "(original_fragments: true)",
            )


@attrs.frozen(slots=True)
class Note:
    """A remark on the record: a conflict between sources, how a date was resolved.

    ``about`` lists the ids of the records the note concerns. A date resolution
    keeps the wording a source used (``stated``, verbatim) beside the date it
    was resolved to (``resolved``) and the evidence in ``text`` and ``sources``.
    ``noted_on`` is the day the record's author wrote the note, when it speaks from that
    day (e.g. "no report found"): it is not known before then.

    >>> Note(id="border-length", kind="conflict",
    ...      text="Sources give 1,344 km and 1,374.2 km.").kind.value
    'conflict'
    >>> Note(id="sochi-date", kind=NoteKind.DATE_RESOLUTION,
    ...      text="The Sochi summit was in 2013, per Asia-Plus of 2013-09-24.",
    ...      stated="Sochi, Russia on September 23", resolved="2013-09-23").resolved.year
    2013
    >>> str(Note(id="no-report", kind="context", text="No report found.",
    ...          noted_on="2026-12").noted_on)
    '2026-12'
    """

    id: str = field(Kind.ID, "The note's id, unique in the record.", examples=("border-length",))
    kind: NoteKind = field(Kind.ENUM, "What the note records.", type=NoteKind)
    text: str = field(Kind.TEXT, "The remark.")
    about: tuple[str, ...] = field(
        Kind.ID, "Ids of the records the note concerns.", many=True, refers_to=ANY_RECORD
    )
    stated: str = field(Kind.STR, "The wording a source used, verbatim (for a date resolution).")
    resolved: PartialDate | None = field(
        Kind.PARTIAL_DATE, "The date the wording was resolved to.", optional=True
    )
    sources: tuple[str, ...] = field(
        Kind.ID, _SOURCES, many=True, examples=_SOURCE_EXAMPLES, refers_to="sources"
    )
    noted_on: PartialDate | None = field(
        Kind.PARTIAL_DATE,
        "When the record's author wrote the note (EDTF; null: when its sources were "
        "published). A note that says what was known when it was written (no report "
        "found) is known no earlier.",
        optional=True,
        examples=("2026-12",),
    )


@attrs.frozen(slots=True)
class Stage:
    """One stage of a plan: the half-open window ``[start, end)`` and its tasks.

    ``start`` is the first day of the stage and ``end`` the first day after it,
    so ``last_day`` (``end`` minus one day) is the deadline.

    >>> stage = Stage(number=1, name="Stage 1", start="2025-01-01", end="2026-01-01")
    >>> stage.last_day
    Date(2025, 12, 31)
    >>> stage.contains(datetime.date(2026, 1, 1))
    False
    """

    number: int = field(Kind.INT, "The stage's number, 1 for the first.", minimum=1, examples=(1,))
    name: str = field(Kind.TEXT, "The stage's name.", examples=("Stage 1",))
    start: pendulum.Date = field(Kind.DATE, "The stage's first day.", examples=("2025-01-01",))
    end: pendulum.Date = field(
        Kind.DATE, "The first day after the stage (exclusive).", examples=("2026-01-01",)
    )
    tasks: tuple[str, ...] = field(Kind.TEXT, "What the stage is to do.", many=True)
    description: str = field(Kind.STR, "More about the stage.")
    sources: tuple[str, ...] = field(
        Kind.ID, _SOURCES, many=True, examples=_SOURCE_EXAMPLES, refers_to="sources"
    )

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise ScheduleError(
                f"stage {short_repr(self.number)} ends on {self.end}, "
                f"not after its start {self.start}",
                path="$.end",
            )

    @functools.cached_property
    def last_day(self) -> pendulum.Date:
        """The stage's deadline: the last day inside the window (``end`` minus one day),
        computed once."""
        return add_days(self.end, -1)

    def contains(self, day: datetime.date) -> bool:
        """Whether ``day`` falls inside the half-open window ``[start, end)``."""
        return self.start <= as_date(day, "day") < self.end


@attrs.frozen(slots=True)
class Plan:
    """One announced version of a program's schedule: its start, term and stages.

    A plan counts as known on day K when ``announced_on.latest <= K``; ``inferred`` is true
    when its dates were inferred rather than stated (``basis`` says how). ``term_months`` and
    ``first_stage_months`` are the plan's own rules (``None``: no rule for stage one);
    ``basis`` says how the dates were derived, and what was stated or inferred.

    >>> from csto_program import plan_stages
    >>> plan = Plan(id="press-service-2025", announced_on="2025-04-11",
    ...             starts_on="2025-01-01", stages=plan_stages("2025-01-01"))
    >>> plan.ends_on, plan.stage(1).last_day
    (Date(2030, 1, 1), Date(2025, 12, 31))
    >>> Plan(id="short", announced_on="2025", starts_on="2025-01-01", term_months=36,
    ...      first_stage_months=6, stages=plan_stages("2025-01-01", months=(6, 12, 18),
    ...      term_months=36, first_stage_months=6)).stage(3).last_day
    Date(2027, 12, 31)
    """

    id: str = field(
        Kind.ID, "The plan's id, unique in the record.", examples=("press-service-2025",)
    )
    announced_on: PartialDate = field(
        Kind.PARTIAL_DATE, "When the plan became public (EDTF).", examples=("2025-04-11",)
    )
    starts_on: pendulum.Date = field(
        Kind.DATE, "The first day of the plan's first stage.", examples=("2025-01-01",)
    )
    stages: tuple[Stage, ...] = field(
        Kind.RECORD,
        "The stages, numbered 1..n in order.",
        type=Stage,
        many=True,
        required=True,
        min_items=1,
    )
    term_months: int = field(
        Kind.INT,
        "The plan's term in months; the stages end by its end.",
        default=DEFAULT_TERM_MONTHS,
        minimum=1,
        examples=(60,),
    )
    first_stage_months: int | None = field(
        Kind.INT,
        "How long stage one must last, in months (null: no rule).",
        optional=True,
        default=DEFAULT_FIRST_STAGE_MONTHS,
        minimum=1,
        examples=(12,),
    )
    basis: str = field(
        Kind.STR,
        "How the dates were derived: what was stated and what was inferred.",
        examples=("Stage one taken to start on the adoption day.",),
    )
    sources: tuple[str, ...] = field(
        Kind.ID, _SOURCES, many=True, examples=_SOURCE_EXAMPLES, refers_to="sources"
    )
    note: str = field(Kind.STR, "A remark on the plan.")
    inferred: bool = field(
        Kind.BOOL,
        "True when the record's author inferred the plan's dates rather than a source "
        "stating them (``basis`` says how).",
        default=False,
        examples=(True,),
    )

    def __attrs_post_init__(self) -> None:
        windows = [(stage.number, stage.start, stage.end) for stage in self.stages]
        problems = list(
            schedule_problems(self.starts_on, windows, self.term_months, self.first_stage_months)
        )
        if problems:
            raise ScheduleError(problems)

    @property
    def ends_on(self) -> pendulum.Date:
        """The first day after the plan's term: ``starts_on`` plus ``term_months``."""
        return self.starts_on.add(months=self.term_months)

    def stage(self, number: int) -> Stage:
        """The stage with this number; ``KeyError`` if there is none."""
        stages = self.stages
        if type(number) is int and 1 <= number <= len(stages):
            return stages[number - 1]  # numbered 1..n in order
        raise KeyError(number)

    def stage_on(self, day: datetime.date) -> Stage | None:
        """The stage whose half-open window holds ``day``, or ``None``."""
        day = as_date(day, "day")
        for stage in self.stages:
            if stage.start <= day < stage.end:
                return stage
        return None


@attrs.frozen(slots=True)
class ProgressReport:
    """What a source said about where one stage stood: dated, sourced, maybe inferred.

    ``reported_on`` is when the report was published (known on K when
    ``reported_on.latest <= K``); ``as_of`` is the day the progress refers to, such as a
    completion day (``None``: the day it was reported). ``note`` says when the report is
    an inference rather than a direct statement, and ``inferred`` marks it as data.

    >>> report = ProgressReport(id="stage-1-2026-01-29", stage=1, progress="in_progress",
    ...                         reported_on="2026-01-29", statement="masadykov-2026-01-29")
    >>> report.progress, str(report.day)
    (<Progress.IN_PROGRESS: 'in_progress'>, '2026-01-29')
    """

    id: str = field(
        Kind.ID, "The report's id, unique in the record.", examples=("stage-1-2026-01-29",)
    )
    stage: int = field(
        Kind.INT,
        "The number of the stage it is about.",
        minimum=1,
        examples=(1,),
        refers_to=STAGE_NUMBERS,
    )
    progress: Progress = field(Kind.ENUM, "Where the stage stood.", type=Progress)
    reported_on: PartialDate = field(
        Kind.PARTIAL_DATE, "When the report was published (EDTF).", examples=("2026-01-29",)
    )
    as_of: PartialDate | None = field(
        Kind.PARTIAL_DATE,
        "The day the progress refers to, e.g. a completion day, or START/END when it is only "
        "known to lie between two days (null: the day it was reported).",
        optional=True,
        examples=("2026-01-29/2026-11-27",),
    )
    statement: str | None = field(
        Kind.ID, "Id of the statement the report rests on.", optional=True, refers_to="statements"
    )
    sources: tuple[str, ...] = field(
        Kind.ID, _SOURCES, many=True, examples=_SOURCE_EXAMPLES, refers_to="sources"
    )
    note: str = field(
        Kind.STR, "A remark; says so when the report is an inference rather than a statement."
    )
    inferred: bool = field(
        Kind.BOOL,
        "True when the record's author inferred the report rather than a source stating it "
        "(``note`` says why).",
        default=False,
        examples=(True,),
    )

    @property
    def day(self) -> PartialDate:
        """The day the progress refers to: ``as_of``, or else ``reported_on``."""
        return self.reported_on if self.as_of is None else self.as_of
