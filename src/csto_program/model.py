"""The domain model: frozen, slotted attrs classes with typed fields and no I/O.

Every field is declared once with its kind and meaning (see :mod:`csto_program._spec`);
construction checks the Python type of each value (a wrong type raises :class:`TypeError`)
and its constraints (a bad value raises :class:`~csto_program.DataError`, an impossible
schedule its subclass :class:`~csto_program.ScheduleError`). A constructor takes a value's
JSON spelling too and converts it exactly: an ISO string for a date, an EDTF string for a
partial date (``"2023"`` stays a year), an enumeration's value, a list for a tuple.

A program's schedule is a tuple of :class:`Plan` versions, in the order they became known;
what happened is told by :class:`ProgressReport` s, each sourced and dated.

>>> from csto_program import Plan, Program, plan_stages
>>> plan = Plan(id="plan", announced_on="2024-12-04", starts_on="2025-01-01",
...             stages=plan_stages("2025-01-01"))
>>> program = Program(id="demo", title="A demo program", adopted_on="2024-11-28",
...                   plans=(plan,))
>>> program.ends_on
Date(2030, 1, 1)
"""

from __future__ import annotations

import datetime
import enum
import functools
import itertools
import types
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import attrgetter
from typing import Any, TypeAlias

import attrs
import pendulum

from csto_program._spec import Kind, describe_values, field
from csto_program.dates import PartialDate, add_days, as_date, utcoffset_on
from csto_program.errors import DataError, ScheduleError, short_repr
from csto_program.rules import DEFAULT_FIRST_STAGE_MONTHS, DEFAULT_TERM_MONTHS, schedule_problems

# The status module reads records only through their attributes, so it sits below the
# model: Program.status delegates to it without an import cycle.
from csto_program.status import ProgramStatus, program_status

__all__ = [
    "Meeting",
    "MeetingKind",
    "Note",
    "NoteKind",
    "Organization",
    "Participant",
    "Person",
    "Place",
    "Plan",
    "Program",
    "Progress",
    "ProgressReport",
    "Record",
    "Source",
    "SourceKind",
    "Stage",
    "Statement",
    "StatementKind",
]

_SOURCES = "Ids of the sources that report this."


def _sources() -> Any:
    return field(Kind.ID, _SOURCES, many=True, examples=(["tass-2025-01-29"],))


# --------------------------------------------------------------------------- code lists


class SourceKind(enum.StrEnum):
    """What kind of publication a :class:`Source` is.

    >>> SourceKind("news")
    <SourceKind.NEWS: 'news'>
    """

    NEWS = "news"
    OFFICIAL = "official"
    PRESS_RELEASE = "press_release"
    BROADCAST = "broadcast"
    SOCIAL_MEDIA = "social_media"
    REFERENCE = "reference"
    OTHER = "other"


describe_values(
    SourceKind,
    {
        "news": "A news report.",
        "official": "An official document or website of a government or organisation.",
        "press_release": "A press release.",
        "broadcast": "A television or radio broadcast.",
        "social_media": "A post on a social network or messaging channel.",
        "reference": "A reference work or database.",
        "other": "Anything else.",
    },
)


class MeetingKind(enum.StrEnum):
    """What kind of event a :class:`Meeting` is.

    >>> MeetingKind.PHONE_CALL.value
    'phone_call'
    """

    SUMMIT = "summit"
    COUNCIL_SESSION = "council_session"
    MINISTERIAL_MEETING = "ministerial_meeting"
    PARLIAMENTARY_SESSION = "parliamentary_session"
    WORKING_MEETING = "working_meeting"
    TALKS = "talks"
    PRESS_CONFERENCE = "press_conference"
    INTERVIEW = "interview"
    PHONE_CALL = "phone_call"
    VISIT = "visit"
    VIDEO_CONFERENCE = "video_conference"
    OTHER = "other"


describe_values(
    MeetingKind,
    {
        "summit": "A meeting of heads of state.",
        "council_session": "A session of a council, such as the Collective Security Council.",
        "ministerial_meeting": "A meeting of ministers.",
        "parliamentary_session": "A session of a parliament or parliamentary assembly.",
        "working_meeting": "A meeting of officials or experts.",
        "talks": "Talks between delegations.",
        "press_conference": "A press conference.",
        "interview": "An interview given to the media.",
        "phone_call": "A telephone conversation.",
        "visit": "A visit by a delegation.",
        "video_conference": "A meeting held by video link.",
        "other": "Anything else.",
    },
)


class StatementKind(enum.StrEnum):
    """Whether a :class:`Statement`'s text is the speaker's words or a report of them.

    >>> [kind.value for kind in StatementKind]
    ['quote', 'paraphrase']
    """

    QUOTE = "quote"
    PARAPHRASE = "paraphrase"


describe_values(
    StatementKind,
    {
        "quote": "The text is the speaker's own words, verbatim.",
        "paraphrase": "The text reports what the speaker said, in other words.",
    },
)


class NoteKind(enum.StrEnum):
    """What a :class:`Note` records.

    >>> NoteKind.CONFLICT.value
    'conflict'
    """

    CONFLICT = "conflict"
    DATE_RESOLUTION = "date_resolution"
    CONTEXT = "context"


describe_values(
    NoteKind,
    {
        "conflict": "Sources disagree.",
        "date_resolution": "How a date stated loosely was resolved, and on what evidence.",
        "context": "Background that bears on reading the record.",
    },
)


class Progress(enum.StrEnum):
    """Where a stage stood according to a :class:`ProgressReport`.

    >>> [progress.value for progress in Progress]
    ['not_started', 'in_progress', 'completed', 'cancelled']
    """

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


describe_values(
    Progress,
    {
        "not_started": "The stage had not begun.",
        "in_progress": "The stage was under way.",
        "completed": "The stage was finished.",
        "cancelled": "The stage was called off.",
    },
)


# --------------------------------------------------------------------------- records


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
        Kind.ID, "Ids of the sources this one relays (a reporting chain).", many=True
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
    sources: tuple[str, ...] = _sources()


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
    parent: str | None = field(Kind.ID, "Id of the organisation it belongs to.", optional=True)
    sources: tuple[str, ...] = _sources()


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
    person: str | None = field(Kind.ID, "Id of the person.", optional=True)
    organization: str | None = field(Kind.ID, "Id of the organisation represented.", optional=True)

    def __attrs_post_init__(self) -> None:
        if self.person is None and self.organization is None:
            raise DataError.at("$", "a participant needs a person, an organization or both")


@attrs.frozen(slots=True)
class Meeting:
    """An event in the program's history: a summit, a session, a call, an interview.

    ``starts_on`` and ``ends_on`` are partial dates; ``ends_on`` is the last day
    of a multi-day meeting (inclusive) and is ``None`` for a one-day event.

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
    organizer: str | None = field(Kind.ID, "Id of the organisation that held it.", optional=True)
    participants: tuple[Participant, ...] = field(
        Kind.RECORD, "Who took part.", type=Participant, many=True
    )
    decisions: tuple[str, ...] = field(Kind.TEXT, "What was decided.", many=True)
    description: str = field(Kind.STR, "What happened.")
    sources: tuple[str, ...] = _sources()

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
    speaker: str = field(Kind.ID, "Id of the person who said it.", examples=("masadykov",))
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
        Kind.ID, "Id of the organisation the speaker spoke for.", optional=True
    )
    meeting: str | None = field(Kind.ID, "Id of the meeting where it was said.", optional=True)
    stages: tuple[int, ...] = field(
        Kind.INT,
        "Numbers of the stages the statement is evidence about.",
        many=True,
        minimum=1,
        unique=True,
        examples=([1],),
    )
    topics: tuple[str, ...] = field(Kind.TEXT, "What it is about, in a few words each.", many=True)
    sources: tuple[str, ...] = _sources()
    note: str = field(Kind.STR, "A remark on the statement.")


@attrs.frozen(slots=True)
class Note:
    """A remark on the record: a conflict between sources, how a date was resolved.

    ``about`` lists the ids of the records the note concerns. A date resolution
    keeps the wording a source used (``stated``, verbatim) beside the date it
    was resolved to (``resolved``) and the evidence in ``text`` and ``sources``.

    >>> Note(id="border-length", kind="conflict",
    ...      text="Sources give 1,344 km and 1,374.2 km.").kind.value
    'conflict'
    >>> Note(id="sochi-date", kind=NoteKind.DATE_RESOLUTION,
    ...      text="The Sochi summit was in 2013, per Asia-Plus of 2013-09-24.",
    ...      stated="Sochi, Russia on September 23", resolved="2013-09-23").resolved.year
    2013
    """

    id: str = field(Kind.ID, "The note's id, unique in the record.", examples=("border-length",))
    kind: NoteKind = field(Kind.ENUM, "What the note records.", type=NoteKind)
    text: str = field(Kind.TEXT, "The remark.")
    about: tuple[str, ...] = field(Kind.ID, "Ids of the records the note concerns.", many=True)
    stated: str = field(Kind.STR, "The wording a source used, verbatim (for a date resolution).")
    resolved: PartialDate | None = field(
        Kind.PARTIAL_DATE, "The date the wording was resolved to.", optional=True
    )
    sources: tuple[str, ...] = _sources()


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
    sources: tuple[str, ...] = _sources()

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

    A plan counts as known on day K when ``announced_on.latest <= K``. ``term_months`` and
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
    sources: tuple[str, ...] = _sources()
    note: str = field(Kind.STR, "A remark on the plan.")

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
    an inference rather than a direct statement.

    >>> report = ProgressReport(id="stage-1-2026-01-29", stage=1, progress="in_progress",
    ...                         reported_on="2026-01-29", statement="masadykov-2026-01-29")
    >>> report.progress, str(report.day)
    (<Progress.IN_PROGRESS: 'in_progress'>, '2026-01-29')
    """

    id: str = field(
        Kind.ID, "The report's id, unique in the record.", examples=("stage-1-2026-01-29",)
    )
    stage: int = field(Kind.INT, "The number of the stage it is about.", minimum=1, examples=(1,))
    progress: Progress = field(Kind.ENUM, "Where the stage stood.", type=Progress)
    reported_on: PartialDate = field(
        Kind.PARTIAL_DATE, "When the report was published (EDTF).", examples=("2026-01-29",)
    )
    as_of: PartialDate | None = field(
        Kind.PARTIAL_DATE,
        "The day the progress refers to, e.g. a completion day (null: the day it was reported).",
        optional=True,
    )
    statement: str | None = field(
        Kind.ID, "Id of the statement the report rests on.", optional=True
    )
    sources: tuple[str, ...] = _sources()
    note: str = field(
        Kind.STR, "A remark; says so when the report is an inference rather than a statement."
    )

    @property
    def day(self) -> PartialDate:
        """The day the progress refers to: ``as_of``, or else ``reported_on``."""
        return self.reported_on if self.as_of is None else self.as_of


Record: TypeAlias = (
    "Plan | ProgressReport | Statement | Meeting | Person | Organization | Source | Note"
)
"""Any record of a program that has an id."""

# Where Program.add puts each record, and the collections that share one id space.
_COLLECTIONS: dict[type, str] = {
    Plan: "plans",
    ProgressReport: "reports",
    Statement: "statements",
    Meeting: "meetings",
    Person: "people",
    Organization: "organizations",
    Source: "sources",
    Note: "notes",
}
_ID_FIELDS = (
    "plans",
    "organizations",
    "people",
    "meetings",
    "statements",
    "reports",
    "sources",
    "notes",
)


@attrs.frozen(slots=True)
class Program:
    """A multi-year program: its plan versions, progress reports, meetings and statements.

    ``plans`` holds every announced version of the schedule in the order they became known;
    the properties ``starts_on``, ``term_months``, ``ends_on`` and ``stages`` read the
    latest (``plan``). Construction checks that ids are unique, plans are in order and every
    reference resolves (:class:`~csto_program.DataError`).

    >>> from csto_program import Plan, plan_stages
    >>> plan = Plan(id="plan", announced_on="2024-11-28", starts_on="2025-01-01",
    ...             stages=plan_stages("2025-01-01"))
    >>> program = Program(id="demo", title="Demo", adopted_on="2024-11-28", plans=[plan])
    >>> program.stage_on(datetime.date(2026, 3, 1)).number
    2
    >>> program.status(as_of=datetime.date(2026, 1, 29)).stages[0].state.value
    'overdue'
    """

    id: str = field(Kind.ID, "The program's id.", examples=("tajik-afghan-border",))
    title: str = field(Kind.TEXT, "The program's name.")
    adopted_on: pendulum.Date = field(
        Kind.DATE, "The day the program was adopted.", examples=("2024-11-28",)
    )
    plans: tuple[Plan, ...] = field(
        Kind.RECORD,
        "Every announced version of the schedule, in the order they became known.",
        type=Plan,
        many=True,
        required=True,
        min_items=1,
    )
    other_names: tuple[str, ...] = field(
        Kind.TEXT, "Other names the program is known by.", many=True
    )
    description: str = field(Kind.STR, "What the program is.")
    decided_on: PartialDate | None = field(
        Kind.PARTIAL_DATE, "When the decision to develop it was taken (EDTF).", optional=True
    )
    organization: str | None = field(
        Kind.ID, "Id of the organisation that runs the program.", optional=True
    )
    beneficiary: str | None = field(Kind.ID, "Id of the organisation it is for.", optional=True)
    organizations: tuple[Organization, ...] = field(
        Kind.RECORD, "Organisations and states named in the record.", type=Organization, many=True
    )
    people: tuple[Person, ...] = field(
        Kind.RECORD, "People named in the record.", type=Person, many=True
    )
    meetings: tuple[Meeting, ...] = field(
        Kind.RECORD, "Meetings, sessions, calls and interviews.", type=Meeting, many=True
    )
    statements: tuple[Statement, ...] = field(
        Kind.RECORD, "What people said.", type=Statement, many=True
    )
    reports: tuple[ProgressReport, ...] = field(
        Kind.RECORD,
        "Dated, sourced reports of the stages' progress.",
        type=ProgressReport,
        many=True,
    )
    sources: tuple[Source, ...] = field(
        Kind.RECORD, "The publications the record rests on.", type=Source, many=True
    )
    notes: tuple[Note, ...] = field(
        Kind.RECORD,
        "Conflicts between sources, date resolutions and context.",
        type=Note,
        many=True,
    )

    def __attrs_post_init__(self) -> None:
        if _references_resolve(self) and _plans_in_order(self.plans):
            return
        raise DataError(program_problems(self))

    # ------------------------------------------------------------ the plan in use

    @property
    def baseline(self) -> Plan:
        """The first plan: the schedule as first announced."""
        return self.plans[0]

    @property
    def plan(self) -> Plan:
        """The latest plan: the schedule as last announced."""
        return self.plans[-1]

    @property
    def starts_on(self) -> pendulum.Date:
        """The latest plan's first day."""
        return self.plans[-1].starts_on

    @property
    def term_months(self) -> int:
        """The latest plan's term in months."""
        return self.plans[-1].term_months

    @property
    def ends_on(self) -> pendulum.Date:
        """The first day after the latest plan's term."""
        return self.plans[-1].ends_on

    @property
    def stages(self) -> tuple[Stage, ...]:
        """The latest plan's stages."""
        return self.plans[-1].stages

    def plan_known_on(self, day: datetime.date) -> Plan | None:
        """The last plan known on ``day`` (announced by then), or ``None``.

        >>> from csto_program.datasets import tajik_afghan_border
        >>> program = tajik_afghan_border()
        >>> program.plan_known_on(datetime.date(2024, 12, 1)).id
        'asia-plus-2024-11-25'
        >>> program.plan_known_on(datetime.date(2024, 1, 1)) is None
        True
        """
        day = as_date(day, "day")
        found = None
        for plan in self.plans:  # in the order they became known
            if plan.announced_on.latest > day:
                break
            found = plan
        return found

    def stage(self, number: int) -> Stage:
        """The latest plan's stage with this number; ``KeyError`` if there is none."""
        return self.plans[-1].stage(number)

    def stage_on(self, day: datetime.date) -> Stage | None:
        """The latest plan's stage whose half-open window holds ``day``, or ``None``."""
        return self.plans[-1].stage_on(day)

    def status(
        self, as_of: datetime.date, *, known_on: datetime.date | None = None
    ) -> ProgramStatus:
        """Where the program stood on ``as_of``, as known on ``known_on`` (default ``as_of``).

        See :func:`csto_program.program_status`.
        """
        return program_status(self, as_of, known_on=known_on)

    # ------------------------------------------------------------ lookups

    @functools.cached_property
    def by_id(self) -> Mapping[str, Record]:
        """Every record with an id (plans, reports, statements, meetings, people,
        organisations, sources, notes), by id: built once, then kept.

        >>> from csto_program.datasets import tajik_afghan_border
        >>> tajik_afghan_border().by_id["masadykov"].name
        'Talatbek Masadykov'
        """
        index: dict[str, Record] = {}
        for name in _ID_FIELDS:
            for item in getattr(self, name):
                index[item.id] = item
        return types.MappingProxyType(index)

    def statements_about(self, number: int) -> tuple[Statement, ...]:
        """The statements recorded as evidence about stage ``number``, in date order."""
        return self._evidence.get(number, ())

    def reports_about(self, number: int) -> tuple[ProgressReport, ...]:
        """The progress reports about stage ``number``, in the order of the record."""
        return self._reports.get(number, ())

    @functools.cached_property
    def _evidence(self) -> dict[int, tuple[Statement, ...]]:
        # stage number -> statements about it, in date order (stable for equal dates)
        found: dict[int, list[Statement]] = {}
        for statement in self.statements:
            for number in statement.stages:
                found.setdefault(number, []).append(statement)
        return {number: tuple(sorted(items, key=_said_on_key)) for number, items in found.items()}

    @functools.cached_property
    def _reports(self) -> dict[int, tuple[ProgressReport, ...]]:
        found: dict[int, list[ProgressReport]] = {}
        for report in self.reports:
            found.setdefault(report.stage, []).append(report)
        return {number: tuple(items) for number, items in found.items()}

    def add(self, *records: Record) -> Program:
        """A new program with these records added, checked as construction checks them.

        Plans, progress reports, statements, meetings, people, organisations, sources and
        notes go to their collections, in the order given.

        >>> from csto_program import Source, Statement
        >>> from csto_program.datasets import tajik_afghan_border
        >>> program = tajik_afghan_border().add(
        ...     Source(id="example-2026-02-01", outlet="Example News", published_on="2026-02-01"),
        ...     Statement(id="example-quote", speaker="masadykov", role="CSTO Secretary-General",
        ...               said_on="2026-02-01", text="Work continues.", kind="paraphrase",
        ...               sources=["example-2026-02-01"]))
        >>> program.by_id["example-quote"].said_on
        PartialDate(year=2026, month=2, day=1, qualifier=None)
        """
        added: dict[str, list[Any]] = {}
        for index, record in enumerate(records):
            name = _COLLECTIONS.get(type(record))
            if name is None:
                kinds = ", ".join(cls.__name__ for cls in _COLLECTIONS)
                raise TypeError(
                    f"records[{index}] must be one of {kinds}, got {type(record).__name__}"
                )
            added.setdefault(name, []).append(record)
        changes: dict[str, Any] = {
            name: (*getattr(self, name), *items) for name, items in added.items()
        }
        return attrs.evolve(self, **changes)


def _said_on_key(statement: Statement) -> tuple[pendulum.Date, pendulum.Date]:
    return statement.said_on.sort_key


# --------------------------------------------------------------------------- invariants

_get_id = attrgetter("id")


def _plans_in_order(plans: Sequence[Plan]) -> bool:
    if not plans:
        return False
    latest = [plan.announced_on.latest for plan in plans]
    return all(a <= b for a, b in itertools.pairwise(latest))


def _refs(items: Iterable[Any], name: str) -> set[Any]:
    """Every value of the tuple field ``name`` of ``items``, as one set."""
    return set().union(*map(attrgetter(name), items))


def _references_resolve(program: Program) -> bool:
    """Whether :func:`program_problems` finds no reference problem, checked quickly with
    sets. It is exact: the ids are unique exactly when their union is as large as their
    number, and then every reference resolves exactly when it is in its collection."""
    ids = {name: set(map(_get_id, getattr(program, name))) for name in _ID_FIELDS}
    everything: set[str] = set().union(*ids.values())
    if len(everything) != sum(len(getattr(program, name)) for name in _ID_FIELDS):
        return False
    statements = program.statements
    participants = [p for meeting in program.meetings for p in meeting.participants]
    organization_refs = {program.organization, program.beneficiary}
    organization_refs.update(map(attrgetter("parent"), program.organizations))
    organization_refs.update(map(attrgetter("organizer"), program.meetings))
    organization_refs.update(map(attrgetter("organization"), participants))
    organization_refs.update(map(attrgetter("on_behalf_of"), statements))
    organization_refs.discard(None)
    person_refs = set(map(attrgetter("person"), participants))
    person_refs.discard(None)
    person_refs.update(map(attrgetter("speaker"), statements))
    meeting_refs = set(map(attrgetter("meeting"), statements))
    meeting_refs.discard(None)
    statement_refs = set(map(attrgetter("statement"), program.reports))
    statement_refs.discard(None)
    stages = [stage for plan in program.plans for stage in plan.stages]
    source_refs = _refs(stages, "sources") | _refs(program.sources, "via")
    for name in ("plans", "organizations", "people", "meetings", "statements", "reports", "notes"):
        source_refs |= _refs(getattr(program, name), "sources")
    numbers = {stage.number for stage in stages}
    return (
        organization_refs <= ids["organizations"]
        and person_refs <= ids["people"]
        and meeting_refs <= ids["meetings"]
        and statement_refs <= ids["statements"]
        and source_refs <= ids["sources"]
        and _refs(statements, "stages") <= numbers
        and {report.stage for report in program.reports} <= numbers
        and _refs(program.notes, "about") <= everything
    )


def program_problems(
    program: Any, known_ids: Mapping[str, str] | None = None
) -> Iterator[tuple[str, str]]:
    """Every way the records of ``program`` fail to fit together, with JSON paths.

    ``program`` is a :class:`Program` or any object with its collections, where an item
    that could not be built is ``None`` (the loader checks what it could build, so that one
    run reports every problem); ``known_ids`` maps the ids of such items to their collection,
    so that references to them are not reported as dangling.
    """
    plans: Sequence[Plan | None] = program.plans
    if not plans:
        yield "$.plans", "a program needs at least one plan"
    kinds: dict[str, str] = dict(known_ids or {})
    for name in _ID_FIELDS:
        for index, item in enumerate(getattr(program, name)):
            if item is None:
                continue
            if item.id in kinds:
                yield f"$.{name}[{index}].id", f"id {item.id!r} is already used"
            else:
                kinds[item.id] = name
    previous: Plan | None = None
    for index, plan in enumerate(plans):
        if plan is None:
            continue
        if previous is not None and plan.announced_on.latest < previous.announced_on.latest:
            yield (
                f"$.plans[{index}].announced_on",
                f"plan {plan.id!r} was announced on {plan.announced_on}, before plan "
                f"{previous.id!r} ({previous.announced_on}); plans are listed in the order "
                "they became known",
            )
        previous = plan

    def check(path: str, ref: str | None, *wanted: str) -> Iterator[tuple[str, str]]:
        if ref is None:
            return
        found = kinds.get(ref)
        if found is None:
            yield path, f"refers to {short_repr(ref)}, which is not in {' or '.join(wanted)}"
        elif found not in wanted:
            yield path, f"refers to {ref!r}, which is in {found}, not in {' or '.join(wanted)}"

    def check_sources(path: str, refs: tuple[str, ...]) -> Iterator[tuple[str, str]]:
        for index, ref in enumerate(refs):
            yield from check(f"{path}.sources[{index}]", ref, "sources")

    numbers = {stage.number for plan in plans if plan is not None for stage in plan.stages}
    all_plans_built = all(plan is not None for plan in plans)

    def check_stage(path: str, number: int) -> Iterator[tuple[str, str]]:
        if all_plans_built and number not in numbers:
            yield path, f"refers to stage {short_repr(number)}, which is in no plan"

    yield from check("$.organization", program.organization, "organizations")
    yield from check("$.beneficiary", program.beneficiary, "organizations")
    for index, plan in enumerate(plans):
        if plan is None:
            continue
        yield from check_sources(f"$.plans[{index}]", plan.sources)
        for s_index, stage in enumerate(plan.stages):
            yield from check_sources(f"$.plans[{index}].stages[{s_index}]", stage.sources)
    for index, org in enumerate(program.organizations):
        if org is not None:
            yield from check(f"$.organizations[{index}].parent", org.parent, "organizations")
            yield from check_sources(f"$.organizations[{index}]", org.sources)
    for index, person in enumerate(program.people):
        if person is not None:
            yield from check_sources(f"$.people[{index}]", person.sources)
    for index, meeting in enumerate(program.meetings):
        if meeting is None:
            continue
        path = f"$.meetings[{index}]"
        yield from check(f"{path}.organizer", meeting.organizer, "organizations")
        for p_index, participant in enumerate(meeting.participants):
            p_path = f"{path}.participants[{p_index}]"
            yield from check(f"{p_path}.person", participant.person, "people")
            yield from check(f"{p_path}.organization", participant.organization, "organizations")
        yield from check_sources(path, meeting.sources)
    for index, statement in enumerate(program.statements):
        if statement is None:
            continue
        path = f"$.statements[{index}]"
        yield from check(f"{path}.speaker", statement.speaker, "people")
        yield from check(f"{path}.on_behalf_of", statement.on_behalf_of, "organizations")
        yield from check(f"{path}.meeting", statement.meeting, "meetings")
        for s_index, number in enumerate(statement.stages):
            yield from check_stage(f"{path}.stages[{s_index}]", number)
        yield from check_sources(path, statement.sources)
    for index, report in enumerate(program.reports):
        if report is None:
            continue
        path = f"$.reports[{index}]"
        yield from check_stage(f"{path}.stage", report.stage)
        yield from check(f"{path}.statement", report.statement, "statements")
        yield from check_sources(path, report.sources)
    for index, source in enumerate(program.sources):
        if source is None:
            continue
        for v_index, ref in enumerate(source.via):
            yield from check(f"$.sources[{index}].via[{v_index}]", ref, "sources")
    for index, note in enumerate(program.notes):
        if note is None:
            continue
        for a_index, ref in enumerate(note.about):
            if ref not in kinds:
                yield (
                    f"$.notes[{index}].about[{a_index}]",
                    f"refers to {short_repr(ref)}, which is not in the record",
                )
        yield from check_sources(f"$.notes[{index}]", note.sources)
