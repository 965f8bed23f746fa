"""The code lists of the record: what kind of source, meeting, statement, note, progress.

Each enumeration is a ``str`` enumeration whose values are the JSON spellings, and every
value is described once (:func:`~csto_program._spec.describe_values`), for the schema and
the help.

>>> Progress("completed") is Progress.COMPLETED
True
"""

from __future__ import annotations

import enum

from csto_program._spec import describe_values

__all__ = ["MeetingKind", "MeetingStatus", "NoteKind", "Progress", "SourceKind", "StatementKind"]


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


class MeetingStatus(enum.StrEnum):
    """Whether a :class:`Meeting` took place, or was announced and has not (yet).

    A meeting that is not ``held`` became known on its ``announced_on`` day; its
    ``starts_on`` is the day it was (or is) scheduled for.

    >>> [status.value for status in MeetingStatus]
    ['held', 'scheduled', 'postponed', 'cancelled']
    """

    HELD = "held"
    SCHEDULED = "scheduled"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


describe_values(
    MeetingStatus,
    {
        "held": "It took place.",
        "scheduled": "It was announced for a day; no source in the record says it took place.",
        "postponed": "It was announced, then put off to a day not yet known.",
        "cancelled": "It was announced, then called off.",
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
