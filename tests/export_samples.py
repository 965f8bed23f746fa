"""A realistic program for the export tests: every kind of date the record can hold."""

from __future__ import annotations

import datetime

import attrs

from csto_program import (
    Meeting,
    MeetingKind,
    Note,
    NoteKind,
    PartialDate,
    Person,
    Place,
    Program,
    Source,
    Statement,
    StatementKind,
    plan_stages,
)

D = datetime.date
P = PartialDate.parse
ASTANA = Place(name="Astana", country="KZ", timezone="Asia/Almaty")
MOSCOW = Place(name="Moscow", country="RU", timezone="Europe/Moscow")


def sample_program() -> Program:
    """Stages (one completed), meetings known to the day, month and year, statements."""
    stages = list(plan_stages(D(2025, 1, 1)))
    stages[0] = attrs.evolve(stages[0], name="Stage 1: assessment | funding", tasks=("Lists",))
    stages[1] = attrs.evolve(stages[1], completed_on=D(2027, 6, 30), sources=("tass",))
    return Program(
        id="tajik-afghan-border",
        title="CSTO Targeted Interstate Program | Tajik–Afghan border",
        adopted_on=D(2024, 11, 28),
        starts_on=D(2025, 1, 1),
        stages=tuple(stages),
        people=(Person(id="masadykov", name="Talatbek *Masadykov*"),),
        sources=(
            Source(id="tass", outlet="TASS", url="https://tass.com/world/2078683"),
            Source(id="khovar", outlet="Khovar [TJ]", published_on=P("2025-01")),
            Source(
                id="odd",
                outlet="Odd (outlet)",
                url="https://example.org/a_(b)",
                via=("khovar",),
                title="A title",
            ),
        ),
        meetings=(
            Meeting(
                id="moscow-2024",
                title="Joint meeting: ministries; agencies",
                kind=MeetingKind.WORKING_MEETING,
                starts_on=P("2024-02-27"),
                ends_on=P("2024-03-01"),
                place=MOSCOW,
                decisions=("Agree the draft",),
                sources=("tass",),
            ),
            Meeting(
                id="astana-2024",
                title="Session of the Collective Security Council",
                kind=MeetingKind.COUNCIL_SESSION,
                starts_on=P("2024-11-28"),
                place=ASTANA,
                description="Adopted the program.",
                sources=("tass", "odd"),
            ),
            Meeting(
                id="talks-2025",
                title="Call with Dushanbe",
                kind=MeetingKind.PHONE_CALL,
                starts_on=P("2025-04-11~"),
                ends_on=P("2025-04"),
            ),
            Meeting(
                id="spring-2025",
                title="Spring consultations",
                kind=MeetingKind.TALKS,
                starts_on=P("2025-05"),
                place=ASTANA,
            ),
            Meeting(
                id="some-2023",
                title="Consultations\non the draft",
                kind=MeetingKind.OTHER,
                starts_on=P("2023?"),
                ends_on=P("2024"),
            ),
        ),
        statements=(
            Statement(
                id="masadykov-2026-01-29",
                speaker="masadykov",
                role="CSTO Secretary-General",
                said_on=P("2026-01-29"),
                text="The CSTO is assisting | in the implementation of the first stage.",
                kind=StatementKind.PARAPHRASE,
                stages=(1,),
                sources=("tass",),
            ),
            Statement(
                id="masadykov-2025",
                speaker="masadykov",
                role="CSTO Secretary-General",
                said_on=P("2025-11"),
                text="Stage one is <b>under way</b>.",
                kind=StatementKind.QUOTE,
                stages=(1, 2),
            ),
        ),
        notes=(
            Note(
                id="sochi-date",
                kind=NoteKind.DATE_RESOLUTION,
                text="Resolved from Asia-Plus.",
                stated="September 23",
                resolved=P("2013-09-23"),
                sources=("khovar",),
            ),
        ),
    )
