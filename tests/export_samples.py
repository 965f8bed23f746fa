"""Programs for the export tests: a realistic one, a hostile one, and a hypothesis strategy
for small valid programs with several plans and progress reports."""

from __future__ import annotations

import datetime

import attrs
from hypothesis import strategies as st

from csto_program import (
    Meeting,
    MeetingKind,
    Note,
    NoteKind,
    PartialDate,
    Person,
    Place,
    Plan,
    Program,
    Progress,
    ProgressReport,
    Source,
    Statement,
    StatementKind,
    plan_stages,
    strategies,
)

D = datetime.date
P = PartialDate.parse
ASTANA = Place(name="Astana", country="KZ", timezone="Asia/Almaty")
MOSCOW = Place(name="Moscow", country="RU", timezone="Europe/Moscow")
SOCHI = Place(name="Sochi", country="RU", timezone="Europe/Moscow")
MEGABYTE = 1_000_000


def _stages(start: str, **names: str) -> tuple[object, ...]:
    stages = list(plan_stages(start))
    for key, name in names.items():
        index = int(key.removeprefix("s")) - 1
        stages[index] = attrs.evolve(stages[index], name=name)
    return tuple(stages)


def sample_program() -> Program:
    """Two plans (the second moves every deadline 34 days later), progress reports (one a
    late completion), meetings known to the day, month and year, statements, titled
    sources and a note."""
    first = Plan(
        id="first-plan",
        announced_on="2024-11-25",
        starts_on="2024-11-28",
        stages=_stages("2024-11-28", s1="Stage 1: assessment | funding"),
        basis="Five years in three stages; stage one taken to start on the adoption day.",
        sources=("tass",),
    )
    later = Plan(
        id="later-plan",
        announced_on="2024-12-04",
        starts_on="2025-01-01",
        stages=tuple(
            attrs.evolve(stage, tasks=("Lists",)) if stage.number == 1 else stage
            for stage in _stages("2025-01-01", s1="Stage 1: assessment | funding")
        ),
        basis="Implementation starts on 1 January 2025.",
        sources=("odd",),
    )
    return Program(
        id="tajik-afghan-border",
        title="CSTO Targeted Interstate Program | Tajik–Afghan border",
        adopted_on="2024-11-28",
        plans=(first, later),
        people=(Person(id="masadykov", name="Talatbek *Masadykov*"),),
        sources=(
            Source(
                id="tass",
                outlet="TASS",
                url="https://tass.com/world/2078683",
                title="CSTO assists in the first stage",
                published_on=P("2026-01-29"),
            ),
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
                id="sochi-2013",
                title="Meeting of the heads of state in Sochi",
                kind=MeetingKind.SUMMIT,
                starts_on=P("2013-09-23"),
                place=SOCHI,
            ),
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
        reports=(
            ProgressReport(
                id="stage-1-2025-04",
                stage=1,
                progress=Progress.IN_PROGRESS,
                reported_on=P("2025-04"),
                as_of=P("2025-04-11"),
                sources=("khovar",),
                note="Talks on the first stage's tasks.",
            ),
            ProgressReport(
                id="stage-1-2026-01-29",
                stage=1,
                progress=Progress.IN_PROGRESS,
                reported_on=P("2026-01-29"),
                statement="masadykov-2026-01-29",
                sources=("tass",),
            ),
            ProgressReport(
                id="stage-2-2028-02",
                stage=2,
                progress=Progress.COMPLETED,
                reported_on=P("2028-02-10"),
                as_of=P("2028-02-01"),
                sources=("tass",),
                note="Completed a month late.",
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


def one_plan_program(**fields: object) -> Program:
    """A bare program with one plan from 2025-01-01, and any other ``fields``."""
    plan = Plan(
        id="plan",
        announced_on="2024-12-04",
        starts_on="2025-01-01",
        stages=plan_stages("2025-01-01"),
    )
    values: dict[str, object] = {
        "id": "p",
        "title": "P",
        "adopted_on": "2024-11-28",
        "plans": (plan,),
        **fields,
    }
    return Program(**values)  # type: ignore[arg-type]


HOSTILE = "\x1b[2J\u202eevil\r\nline <script>alert(1)</script> | cell # ` * _ [x](y) $x$"


def hostile_program() -> Program:
    """Every text field that reaches an output holds terminal escapes, a bidirectional
    override, newlines, HTML, Markdown and Mermaid syntax; one statement is a megabyte long,
    and so is the title."""
    big = "word " * (MEGABYTE // 5)
    plans = tuple(
        attrs.evolve(
            plan,
            basis=HOSTILE,
            stages=tuple(
                attrs.evolve(s, name=f"{HOSTILE} {s.number}", tasks=(HOSTILE,), description=HOSTILE)
                for s in plan.stages
            ),
        )
        for plan in sample_program().plans
    )
    program = sample_program()
    return attrs.evolve(
        program,
        title=HOSTILE + big,
        plans=plans,
        people=(Person(id="masadykov", name=HOSTILE),),
        sources=tuple(attrs.evolve(s, outlet=HOSTILE, title=HOSTILE) for s in program.sources),
        meetings=tuple(
            attrs.evolve(m, title=HOSTILE, description=HOSTILE, decisions=(HOSTILE,))
            for m in program.meetings
        ),
        statements=(
            attrs.evolve(program.statements[0], text=HOSTILE + big, role=HOSTILE),
            attrs.evolve(program.statements[1], text=HOSTILE),
        ),
        reports=tuple(attrs.evolve(r, note=HOSTILE) for r in program.reports),
        notes=tuple(attrs.evolve(n, text=HOSTILE, stated=HOSTILE) for n in program.notes),
    )


_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30
).filter(str.strip)
_DATES = st.dates(D(1990, 1, 1), D(2040, 12, 31))


def partial_dates() -> st.SearchStrategy[PartialDate]:
    """A day, month or year between 1990 and 2040, sometimes qualified (the library's own
    strategy, :func:`csto_program.strategies.partial_dates`)."""
    return strategies.partial_dates(min_year=1990, max_year=2040)


@st.composite
def programs(draw: st.DrawFn, *, max_items: int = 3) -> Program:
    """Small valid programs: one to three plans (each from plan_stages, announced in
    order), and sources, people, meetings, statements and progress reports that refer to
    them."""
    count = draw(st.integers(1, 3))
    announced = sorted(draw(st.lists(_DATES, min_size=count, max_size=count)))
    plans = []
    for index, day in enumerate(announced):
        start = draw(st.dates(D(1995, 1, 1), D(2035, 12, 31)))
        months = (12, *draw(st.lists(st.integers(1, 30), max_size=2)))
        stages = tuple(
            attrs.evolve(stage, name=draw(_TEXT))
            for stage in plan_stages(start, months=months, term_months=sum(months))
        )
        plans.append(
            Plan(
                id=f"plan-{index}",
                announced_on=PartialDate.from_date(day),
                starts_on=start,
                stages=stages,
                term_months=sum(months),
                basis=draw(st.text(max_size=20)),
            )
        )
    numbers = sorted({s.number for plan in plans for s in plan.stages})
    source_ids = [f"source-{i}" for i in range(draw(st.integers(0, max_items)))]
    sources = [
        Source(
            id=ref,
            outlet=draw(_TEXT),
            title=draw(st.text(max_size=20)),
            url=draw(st.none() | st.just(f"https://example.org/{ref}")),
            published_on=draw(st.none() | partial_dates()),
            via=tuple(draw(st.lists(st.sampled_from(source_ids[:i]), max_size=1))) if i else (),
        )
        for i, ref in enumerate(source_ids)
    ]
    cited = (
        st.lists(st.sampled_from(source_ids), max_size=2, unique=True)
        if source_ids
        else (st.just([]))
    )
    people = [
        Person(id=f"person-{i}", name=draw(_TEXT)) for i in range(draw(st.integers(0, max_items)))
    ]
    meetings = []
    for i in range(draw(st.integers(0, max_items))):
        starts = draw(partial_dates())
        ends = draw(st.none() | partial_dates())
        if ends is not None and ends.latest < starts.earliest:
            starts, ends = ends, starts
        meetings.append(
            Meeting(
                id=f"meeting-{i}",
                title=draw(_TEXT),
                kind=draw(st.sampled_from(MeetingKind)),
                starts_on=starts,
                ends_on=ends,
                place=draw(st.none() | st.just(ASTANA)),
                sources=tuple(draw(cited)),
            )
        )
    statements = [
        Statement(
            id=f"statement-{i}",
            speaker=draw(st.sampled_from(people)).id,
            role=draw(_TEXT),
            said_on=draw(partial_dates()),
            text=draw(_TEXT),
            kind=draw(st.sampled_from(StatementKind)),
            stages=tuple(draw(st.lists(st.sampled_from(numbers), max_size=2, unique=True))),
            sources=tuple(draw(cited)),
        )
        for i in range(draw(st.integers(0, max_items)) if people else 0)
    ]
    reports = []
    for i in range(draw(st.integers(0, max_items))):
        reported = draw(partial_dates())
        reports.append(
            ProgressReport(
                id=f"report-{i}",
                stage=draw(st.sampled_from(numbers)),
                progress=draw(st.sampled_from(Progress)),
                reported_on=reported,
                as_of=draw(st.none() | partial_dates()),
                sources=tuple(draw(cited)),
                note=draw(st.text(max_size=20)),
            )
        )
    return Program(
        id="program",
        title=draw(_TEXT),
        adopted_on=draw(_DATES),
        plans=tuple(plans),
        people=tuple(people),
        sources=tuple(sources),
        meetings=tuple(meetings),
        statements=tuple(statements),
        reports=tuple(reports),
    )
