"""The domain model: frozen, slotted attrs classes with typed fields and no I/O.

Every class checks the Python types of its fields on construction (a wrong type
raises :class:`TypeError`) and its own invariants (bad values raise
:class:`~csto_program.DataError`, impossible schedules
:class:`~csto_program.ScheduleError`).

>>> import datetime
>>> from csto_program import Program, plan_stages
>>> program = Program(
...     id="demo",
...     title="A demo program",
...     adopted_on=datetime.date(2024, 11, 28),
...     starts_on=datetime.date(2025, 1, 1),
...     stages=plan_stages(datetime.date(2025, 1, 1)),
... )
>>> program.ends_on
Date(2030, 1, 1)
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import pendulum

from csto_program.dates import PartialDate, add_days, add_months, as_date, load_zone, utcoffset_on
from csto_program.errors import DataError, ScheduleError

if TYPE_CHECKING:
    from csto_program.schedule import ProgramStatus

__all__ = [
    "Meeting",
    "MeetingKind",
    "Note",
    "NoteKind",
    "Organization",
    "Participant",
    "Person",
    "Place",
    "Program",
    "Source",
    "SourceKind",
    "Stage",
    "Statement",
    "StatementKind",
]

T = TypeVar("T")

_ID_RE = re.compile(r"\A[a-z0-9]+(?:[-_.][a-z0-9]+)*\Z", re.ASCII)
_COUNTRY_RE = re.compile(r"\A[A-Z]{2}\Z", re.ASCII)
_LANGUAGE_RE = re.compile(r"\A[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z", re.ASCII)
_URL_RE = re.compile(r"\Ahttps?://[^\s]+\Z", re.ASCII)


# --------------------------------------------------------------------------- validators


def _type_name(tp: type | tuple[type, ...]) -> str:
    if isinstance(tp, tuple):
        return " or ".join(t.__name__ for t in tp)
    return tp.__name__


def _check_type(cls_name: str, name: str, value: object, tp: type | tuple[type, ...]) -> None:
    if not isinstance(value, tp) or (isinstance(value, bool) and int in _as_tuple(tp)):
        raise TypeError(
            f"{cls_name}.{name} must be {_type_name(tp)}, got {type(value).__name__} {value!r}"
        )


def _as_tuple(tp: type | tuple[type, ...]) -> tuple[type, ...]:
    return tp if isinstance(tp, tuple) else (tp,)


Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_VALIDATOR_KINDS: dict[Validator, tuple[str, type | tuple[type, ...]]] = {}
"""What the validators made by :func:`_of`, :func:`_optional` and :func:`_tuple_of` check:
``("of" | "optional" | "tuple_of", type)``. The serializer's fast path reads it to make the
same checks inline (the named validators below it recognises by identity)."""


# Every validator returns at once for the common case (the exact type) and only then
# makes the general, slower check that also builds the error message.


def _of(tp: type | tuple[type, ...]) -> Validator:
    """Validator: exactly this type (``bool`` is not accepted for ``int``)."""

    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not tp:
            _check_type(type(inst).__name__, attribute.name, value, tp)

    _VALIDATOR_KINDS[check] = ("of", tp)
    return check


def _optional(tp: type | tuple[type, ...]) -> Validator:
    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and type(value) is not tp:
            _check_type(type(inst).__name__, attribute.name, value, tp)

    _VALIDATOR_KINDS[check] = ("optional", tp)
    return check


def _tuple_of(tp: type | tuple[type, ...]) -> Validator:
    """Validator: a tuple whose every item has this type."""

    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is tuple:
            for item in value:
                if type(item) is not tp:
                    break
            else:
                return
        cls_name = type(inst).__name__
        if not isinstance(value, tuple):
            raise TypeError(
                f"{cls_name}.{attribute.name} must be a tuple, got {type(value).__name__}"
            )
        for index, item in enumerate(value):
            _check_type(cls_name, f"{attribute.name}[{index}]", item, tp)

    _VALIDATOR_KINDS[check] = ("tuple_of", tp)
    return check


_tuple_of_str = _tuple_of(str)
_id_match = _ID_RE.match
_language_match = _LANGUAGE_RE.match


def _text(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validator: a non-blank string."""
    if type(value) is not str:
        _check_type(type(inst).__name__, attribute.name, value, str)
    if not value.strip():
        raise DataError.at("$." + attribute.name, "must not be empty")


def _identifier(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not str:
        _check_type(type(inst).__name__, attribute.name, value, str)
    if not _id_match(value):
        raise DataError.at(
            "$." + attribute.name,
            f"{value!r} is not an id (lowercase ASCII letters and digits, "
            "joined by single '-', '_' or '.')",
        )


def _optional_identifier(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _identifier(inst, attribute, value)


def _identifiers(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    _tuple_of_str(inst, attribute, value)
    for index, item in enumerate(value):
        if not _id_match(item):
            raise DataError.at(f"$.{attribute.name}[{index}]", f"{item!r} is not an id")


def _texts(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    _tuple_of_str(inst, attribute, value)
    for index, item in enumerate(value):
        if not item.strip():
            raise DataError.at(f"$.{attribute.name}[{index}]", "must not be empty")


def _date_converter(value: Any) -> pendulum.Date:
    return as_date(value, "date field")


def _optional_date_converter(value: Any) -> pendulum.Date | None:
    return None if value is None else as_date(value, "date field")


def _ids() -> Any:
    return attrs.field(default=(), validator=_identifiers)


def _default_texts() -> Any:
    return attrs.field(default=(), validator=_texts)


def _unique(values: Iterable[T]) -> bool:
    seen: set[T] = set()
    for value in values:
        if value in seen:
            return False
        seen.add(value)
    return True


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


class StatementKind(enum.StrEnum):
    """Whether a :class:`Statement`'s text is the speaker's words or a report of them.

    >>> [kind.value for kind in StatementKind]
    ['quote', 'paraphrase']
    """

    QUOTE = "quote"
    PARAPHRASE = "paraphrase"


class NoteKind(enum.StrEnum):
    """What a :class:`Note` records.

    >>> NoteKind.CONFLICT.value
    'conflict'
    """

    CONFLICT = "conflict"
    DATE_RESOLUTION = "date_resolution"
    CONTEXT = "context"


# --------------------------------------------------------------------------- records


@attrs.frozen(slots=True)
class Source:
    """A publication that reports a fact: an outlet, its URL and publication date.

    ``via`` lists the ids of sources this one relays (a reporting chain: TASS
    carrying a quote that Khovar published first has ``via=("khovar-...",)``).

    >>> from csto_program import PartialDate
    >>> Source(
    ...     id="tass-2025-01-29",
    ...     outlet="TASS",
    ...     url="https://tass.com/politics/1906035",
    ...     published_on=PartialDate.parse("2025-01-29"),
    ... ).kind
    <SourceKind.NEWS: 'news'>
    """

    id: str = attrs.field(validator=_identifier)
    outlet: str = attrs.field(validator=_text)
    url: str | None = attrs.field(default=None, validator=_optional(str))
    published_on: PartialDate | None = attrs.field(default=None, validator=_optional(PartialDate))
    kind: SourceKind = attrs.field(default=SourceKind.NEWS, validator=_of(SourceKind))
    title: str = attrs.field(default="", validator=_of(str))
    language: str | None = attrs.field(default=None, validator=_optional(str))
    via: tuple[str, ...] = _ids()
    note: str = attrs.field(default="", validator=_of(str))

    def __attrs_post_init__(self) -> None:
        if self.url is not None and not _URL_RE.match(self.url):
            raise DataError.at("$.url", f"{self.url!r} is not an http(s) URL")
        if self.language is not None and not _LANGUAGE_RE.match(self.language):
            raise DataError.at("$.language", f"{self.language!r} is not a BCP 47 language tag")
        if self.id in self.via:
            raise DataError.at("$.via", f"source {self.id!r} cannot relay itself")


@attrs.frozen(slots=True)
class Person:
    """A person named in the record, with other spellings of the name.

    >>> Person(id="masadykov", name="Talatbek Masadykov",
    ...        other_names=("Taalatbek Masadykov", "Masadikov")).other_names[1]
    'Masadikov'
    """

    id: str = attrs.field(validator=_identifier)
    name: str = attrs.field(validator=_text)
    other_names: tuple[str, ...] = _default_texts()
    description: str = attrs.field(default="", validator=_of(str))
    sources: tuple[str, ...] = _ids()


@attrs.frozen(slots=True)
class Organization:
    """An organisation or a state named in the record.

    >>> Organization(id="csto", name="Collective Security Treaty Organization",
    ...              abbreviation="CSTO", classification="intergovernmental").abbreviation
    'CSTO'
    """

    id: str = attrs.field(validator=_identifier)
    name: str = attrs.field(validator=_text)
    abbreviation: str | None = attrs.field(default=None, validator=_optional(str))
    other_names: tuple[str, ...] = _default_texts()
    classification: str = attrs.field(default="", validator=_of(str))
    parent: str | None = attrs.field(default=None, validator=_optional_identifier)
    sources: tuple[str, ...] = _ids()


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

    name: str = attrs.field(validator=_text)
    country: str = attrs.field(validator=_of(str))
    timezone: str = attrs.field(validator=_of(str))

    def __attrs_post_init__(self) -> None:
        if not _COUNTRY_RE.match(self.country):
            raise DataError.at("$.country", f"{self.country!r} is not an ISO 3166-1 alpha-2 code")
        try:
            load_zone(self.timezone)  # cached; every zone it loads has an offset on any day
        except DataError as exc:
            raise exc.prefixed("$.timezone") from None

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

    role: str = attrs.field(validator=_text)
    person: str | None = attrs.field(default=None, validator=_optional_identifier)
    organization: str | None = attrs.field(default=None, validator=_optional_identifier)

    def __attrs_post_init__(self) -> None:
        if self.person is None and self.organization is None:
            raise DataError.at("$", "a participant needs a person, an organization or both")


@attrs.frozen(slots=True)
class Meeting:
    """An event in the program's history: a summit, a session, a call, an interview.

    ``starts_on`` and ``ends_on`` are partial dates; ``ends_on`` is the last day
    of a multi-day meeting (inclusive) and is ``None`` for a one-day event.

    >>> from csto_program import PartialDate
    >>> Meeting(
    ...     id="astana-2024",
    ...     title="CSTO Collective Security Council session",
    ...     kind=MeetingKind.COUNCIL_SESSION,
    ...     starts_on=PartialDate.parse("2024-11-28"),
    ...     place=Place(name="Astana", country="KZ", timezone="Asia/Almaty"),
    ... ).place.name
    'Astana'
    """

    id: str = attrs.field(validator=_identifier)
    title: str = attrs.field(validator=_text)
    kind: MeetingKind = attrs.field(validator=_of(MeetingKind))
    starts_on: PartialDate = attrs.field(validator=_of(PartialDate))
    ends_on: PartialDate | None = attrs.field(default=None, validator=_optional(PartialDate))
    place: Place | None = attrs.field(default=None, validator=_optional(Place))
    organizer: str | None = attrs.field(default=None, validator=_optional_identifier)
    participants: tuple[Participant, ...] = attrs.field(
        default=(), validator=_tuple_of(Participant)
    )
    decisions: tuple[str, ...] = _default_texts()
    description: str = attrs.field(default="", validator=_of(str))
    sources: tuple[str, ...] = _ids()

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

    >>> from csto_program import PartialDate
    >>> Statement(
    ...     id="masadykov-2026-01-29",
    ...     speaker="masadykov",
    ...     role="CSTO Secretary-General",
    ...     said_on=PartialDate.parse("2026-01-29"),
    ...     text="The CSTO is assisting in the implementation of the first stage.",
    ...     kind=StatementKind.PARAPHRASE,
    ...     stages=(1,),
    ... ).stages
    (1,)
    """

    id: str = attrs.field(validator=_identifier)
    speaker: str = attrs.field(validator=_identifier)
    role: str = attrs.field(validator=_text)
    said_on: PartialDate = attrs.field(validator=_of(PartialDate))
    text: str = attrs.field(validator=_text)
    kind: StatementKind = attrs.field(validator=_of(StatementKind))
    language: str = attrs.field(default="en", validator=_of(str))
    on_behalf_of: str | None = attrs.field(default=None, validator=_optional_identifier)
    meeting: str | None = attrs.field(default=None, validator=_optional_identifier)
    stages: tuple[int, ...] = attrs.field(default=(), validator=_tuple_of(int))
    topics: tuple[str, ...] = _default_texts()
    sources: tuple[str, ...] = _ids()
    note: str = attrs.field(default="", validator=_of(str))

    def __attrs_post_init__(self) -> None:
        if _language_match(self.language) is None:
            raise DataError.at("$.language", f"{self.language!r} is not a BCP 47 language tag")
        stages = self.stages
        if not stages:
            return
        for index, number in enumerate(stages):
            if number < 1:
                raise DataError.at(f"$.stages[{index}]", f"stage number {number} is below 1")
        if len(stages) > 1 and not _unique(stages):
            raise DataError.at("$.stages", "a stage is listed twice")


@attrs.frozen(slots=True)
class Note:
    """A remark on the record: a conflict between sources, how a date was resolved.

    ``about`` lists the ids of the records the note concerns. A date resolution
    keeps the wording a source used (``stated``, verbatim) beside the date it
    was resolved to (``resolved``) and the evidence in ``text`` and ``sources``.

    >>> Note(id="border-length", kind=NoteKind.CONFLICT,
    ...      text="Sources give 1,344 km and 1,374.2 km.").kind.value
    'conflict'
    >>> from csto_program import PartialDate
    >>> Note(id="sochi-date", kind=NoteKind.DATE_RESOLUTION,
    ...      text="The Sochi summit was in 2013, per Asia-Plus of 2013-09-24.",
    ...      stated="Sochi, Russia on September 23",
    ...      resolved=PartialDate.parse("2013-09-23")).resolved.year
    2013
    """

    id: str = attrs.field(validator=_identifier)
    kind: NoteKind = attrs.field(validator=_of(NoteKind))
    text: str = attrs.field(validator=_text)
    about: tuple[str, ...] = _ids()
    stated: str = attrs.field(default="", validator=_of(str))
    resolved: PartialDate | None = attrs.field(default=None, validator=_optional(PartialDate))
    sources: tuple[str, ...] = _ids()


@attrs.frozen(slots=True)
class Stage:
    """One stage of a program: the half-open window ``[start, end)`` and its tasks.

    ``start`` is the first day of the stage and ``end`` the first day after it,
    so ``last_day`` (``end`` minus one day) is the deadline.

    >>> import datetime
    >>> stage = Stage(number=1, name="Stage 1",
    ...               start=datetime.date(2025, 1, 1), end=datetime.date(2026, 1, 1))
    >>> stage.last_day
    Date(2025, 12, 31)
    >>> stage.contains(datetime.date(2026, 1, 1))
    False
    """

    number: int = attrs.field(validator=_of(int))
    name: str = attrs.field(validator=_text)
    start: pendulum.Date = attrs.field(converter=_date_converter)
    end: pendulum.Date = attrs.field(converter=_date_converter)
    tasks: tuple[str, ...] = _default_texts()
    completed_on: pendulum.Date | None = attrs.field(
        default=None, converter=_optional_date_converter
    )
    description: str = attrs.field(default="", validator=_of(str))
    sources: tuple[str, ...] = _ids()

    def __attrs_post_init__(self) -> None:
        if self.number < 1:
            raise ScheduleError(f"stage number {self.number} is below 1", path="$.number")
        if self.end <= self.start:
            raise ScheduleError(
                f"stage {self.number} ends on {self.end}, not after its start {self.start}",
                path="$.end",
            )
        if self.completed_on is not None and self.completed_on < self.start:
            raise ScheduleError(
                f"stage {self.number} completed on {self.completed_on}, "
                f"before its start {self.start}",
                path="$.completed_on",
            )

    @property
    def last_day(self) -> pendulum.Date:
        """The stage's deadline: the last day inside the window (``end`` minus one day)."""
        return add_days(self.end, -1)

    def contains(self, day: datetime.date) -> bool:
        """Whether ``day`` falls inside the half-open window ``[start, end)``."""
        return self.start <= as_date(day, "day") < self.end


@attrs.frozen(slots=True)
class Program:
    """A multi-year program: its stages and the record of meetings and statements.

    ``ends_on`` is ``starts_on`` plus ``term_months`` (exclusive, like a stage's
    ``end``). Construction checks the schedule (``ScheduleError``) and that ids
    are unique and every reference resolves (``DataError``).

    >>> import datetime
    >>> from csto_program import plan_stages
    >>> program = Program(
    ...     id="demo", title="Demo", adopted_on=datetime.date(2024, 11, 28),
    ...     starts_on=datetime.date(2025, 1, 1),
    ...     stages=plan_stages(datetime.date(2025, 1, 1)))
    >>> program.stage_on(datetime.date(2026, 3, 1)).number
    2
    >>> program.status(as_of=datetime.date(2026, 1, 29)).stages[0].state.value
    'overdue'
    """

    id: str = attrs.field(validator=_identifier)
    title: str = attrs.field(validator=_text)
    adopted_on: pendulum.Date = attrs.field(converter=_date_converter)
    starts_on: pendulum.Date = attrs.field(converter=_date_converter)
    stages: tuple[Stage, ...] = attrs.field(validator=_tuple_of(Stage))
    term_months: int = attrs.field(default=60, validator=_of(int))
    other_names: tuple[str, ...] = _default_texts()
    description: str = attrs.field(default="", validator=_of(str))
    decided_on: PartialDate | None = attrs.field(default=None, validator=_optional(PartialDate))
    organization: str | None = attrs.field(default=None, validator=_optional_identifier)
    beneficiary: str | None = attrs.field(default=None, validator=_optional_identifier)
    organizations: tuple[Organization, ...] = attrs.field(
        default=(), validator=_tuple_of(Organization)
    )
    people: tuple[Person, ...] = attrs.field(default=(), validator=_tuple_of(Person))
    meetings: tuple[Meeting, ...] = attrs.field(default=(), validator=_tuple_of(Meeting))
    statements: tuple[Statement, ...] = attrs.field(default=(), validator=_tuple_of(Statement))
    sources: tuple[Source, ...] = attrs.field(default=(), validator=_tuple_of(Source))
    notes: tuple[Note, ...] = attrs.field(default=(), validator=_tuple_of(Note))

    def __attrs_post_init__(self) -> None:
        schedule_problems = list(_schedule_problems(self))
        if schedule_problems:
            raise ScheduleError(
                "; ".join(message for _, message in schedule_problems),
                problems=schedule_problems,
            )
        if _references_resolve(self):
            return
        problems = list(_reference_problems(self))
        if problems:  # pragma: no branch - _references_resolve is exact
            raise DataError(problems)

    @property
    def ends_on(self) -> pendulum.Date:
        """The first day after the program's term: ``starts_on`` plus ``term_months``."""
        return add_months(self.starts_on, self.term_months)

    def stage(self, number: int) -> Stage:
        """The stage with this number; ``KeyError`` if there is none.

        >>> import datetime
        >>> from csto_program import plan_stages
        >>> Program(id="p", title="P", adopted_on=datetime.date(2025, 1, 1),
        ...         starts_on=datetime.date(2025, 1, 1),
        ...         stages=plan_stages(datetime.date(2025, 1, 1))).stage(3).end
        Date(2030, 1, 1)
        """
        for stage in self.stages:
            if stage.number == number:
                return stage
        raise KeyError(number)

    def stage_on(self, day: datetime.date) -> Stage | None:
        """The stage whose half-open window holds ``day``, or ``None``."""
        day = as_date(day, "day")
        for stage in self.stages:
            if stage.start <= day < stage.end:
                return stage
        return None

    def status(self, as_of: datetime.date) -> ProgramStatus:
        """Where the program stands on ``as_of``: one :class:`StageStatus` per stage."""
        from csto_program.schedule import program_status

        return program_status(self, as_of)

    def statements_about(self, number: int) -> tuple[Statement, ...]:
        """The statements recorded as evidence about stage ``number``, in date order."""
        return self._evidence.get(number, ())

    @functools.cached_property
    def _evidence(self) -> dict[int, tuple[Statement, ...]]:
        # Built on first use and kept (the object is frozen): stage number -> statements
        # about it, in date order (stable: equal dates keep their order in the record).
        found: dict[int, list[Statement]] = {}
        for statement in self.statements:
            for number in statement.stages:
                found.setdefault(number, []).append(statement)
        return {number: tuple(sorted(items, key=_said_on_key)) for number, items in found.items()}


def _said_on_key(statement: Statement) -> tuple[pendulum.Date, pendulum.Date]:
    return statement.said_on.sort_key


# --------------------------------------------------------------------------- invariants


def _schedule_problems(program: Program) -> Iterator[tuple[str, str]]:
    if program.term_months < 1:
        yield "$.term_months", f"term of {program.term_months} months is not positive"
        return
    try:
        ends_on = program.ends_on
    except ScheduleError as exc:
        yield "$.term_months", str(exc)
        return
    if not program.stages:
        yield "$.stages", "a program needs at least one stage"
        return
    for index, stage in enumerate(program.stages):
        if stage.number != index + 1:
            yield (
                f"$.stages[{index}].number",
                f"stage at position {index + 1} is numbered {stage.number}; "
                "stages are numbered 1..n in order",
            )
    first = program.stages[0]
    if first.start != program.starts_on:
        yield (
            "$.stages[0].start",
            f"stage one starts on {first.start}, not on the program start {program.starts_on}",
        )
    else:
        expected = add_months(program.starts_on, 12)
        if first.end != expected:
            yield (
                "$.stages[0].end",
                f"stage one must last 12 months: end {expected}, got {first.end}",
            )
    for index in range(1, len(program.stages)):
        before, stage = program.stages[index - 1], program.stages[index]
        if stage.start < before.end:
            yield (
                f"$.stages[{index}].start",
                f"stage {stage.number} starts on {stage.start}, "
                f"before stage {before.number} ends on {before.end}",
            )
    last = program.stages[-1]
    if last.end > ends_on:
        yield (
            f"$.stages[{len(program.stages) - 1}].end",
            f"stage {last.number} ends on {last.end}, after the term ends on {ends_on}",
        )


_get_id = attrgetter("id")


def _refs(items: tuple[Any, ...], name: str) -> set[Any]:
    """Every value of the tuple field ``name`` of ``items``, as one set."""
    return set().union(*map(attrgetter(name), items))


def _references_resolve(program: Program) -> bool:
    """Whether :func:`_reference_problems` finds nothing, checked quickly with sets.

    It is exact: the ids are unique exactly when their union is as large as their
    number, and then every reference resolves exactly when it is in its collection.
    """
    organizations = set(map(_get_id, program.organizations))
    people = set(map(_get_id, program.people))
    meetings = set(map(_get_id, program.meetings))
    sources = set(map(_get_id, program.sources))
    everything = organizations | people | meetings | sources
    everything.update(map(_get_id, program.statements))
    everything.update(map(_get_id, program.notes))
    count = len(program.organizations) + len(program.people) + len(program.meetings)
    count += len(program.statements) + len(program.sources) + len(program.notes)
    if len(everything) != count:
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
    source_refs = _refs(program.stages, "sources")
    for items in (program.organizations, program.people, program.meetings, statements):
        source_refs |= _refs(items, "sources")
    source_refs |= _refs(program.sources, "via")
    source_refs |= _refs(program.notes, "sources")
    numbers = {stage.number for stage in program.stages}
    return (
        organization_refs <= organizations
        and person_refs <= people
        and meeting_refs <= meetings
        and source_refs <= sources
        and _refs(statements, "stages") <= numbers
        and _refs(program.notes, "about") <= everything
    )


def _reference_problems(program: Program) -> Iterator[tuple[str, str]]:
    kinds: dict[str, str] = {}
    collections: tuple[tuple[str, tuple[Any, ...]], ...] = (
        ("organizations", program.organizations),
        ("people", program.people),
        ("meetings", program.meetings),
        ("statements", program.statements),
        ("sources", program.sources),
        ("notes", program.notes),
    )
    for field, items in collections:
        for index, item in enumerate(items):
            if item.id in kinds:
                yield f"$.{field}[{index}].id", f"id {item.id!r} is already used"
            else:
                kinds[item.id] = field

    def check(path: str, ref: str | None, *wanted: str) -> Iterator[tuple[str, str]]:
        if ref is None:
            return
        found = kinds.get(ref)
        if found is None:
            yield path, f"refers to {ref!r}, which is not in {' or '.join(wanted)}"
        elif found not in wanted:
            yield path, f"refers to {ref!r}, which is in {found}, not in {' or '.join(wanted)}"

    def check_sources(path: str, refs: tuple[str, ...]) -> Iterator[tuple[str, str]]:
        for index, ref in enumerate(refs):
            yield from check(f"{path}.sources[{index}]", ref, "sources")

    yield from check("$.organization", program.organization, "organizations")
    yield from check("$.beneficiary", program.beneficiary, "organizations")
    for index, stage in enumerate(program.stages):
        yield from check_sources(f"$.stages[{index}]", stage.sources)
    for index, org in enumerate(program.organizations):
        yield from check(f"$.organizations[{index}].parent", org.parent, "organizations")
        yield from check_sources(f"$.organizations[{index}]", org.sources)
    for index, person in enumerate(program.people):
        yield from check_sources(f"$.people[{index}]", person.sources)
    for index, meeting in enumerate(program.meetings):
        path = f"$.meetings[{index}]"
        yield from check(f"{path}.organizer", meeting.organizer, "organizations")
        for p_index, participant in enumerate(meeting.participants):
            p_path = f"{path}.participants[{p_index}]"
            yield from check(f"{p_path}.person", participant.person, "people")
            yield from check(f"{p_path}.organization", participant.organization, "organizations")
        yield from check_sources(path, meeting.sources)
    numbers = {stage.number for stage in program.stages}
    for index, statement in enumerate(program.statements):
        path = f"$.statements[{index}]"
        yield from check(f"{path}.speaker", statement.speaker, "people")
        yield from check(f"{path}.on_behalf_of", statement.on_behalf_of, "organizations")
        yield from check(f"{path}.meeting", statement.meeting, "meetings")
        for s_index, number in enumerate(statement.stages):
            if number not in numbers:
                yield f"{path}.stages[{s_index}]", f"refers to stage {number}, which does not exist"
        yield from check_sources(path, statement.sources)
    for index, source in enumerate(program.sources):
        for v_index, ref in enumerate(source.via):
            yield from check(f"$.sources[{index}].via[{v_index}]", ref, "sources")
    for index, note in enumerate(program.notes):
        for a_index, ref in enumerate(note.about):
            if ref not in kinds:
                yield (
                    f"$.notes[{index}].about[{a_index}]",
                    f"refers to {ref!r}, which is not in the record",
                )
        yield from check_sources(f"$.notes[{index}]", note.sources)
