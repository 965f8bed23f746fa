"""The commands that show a program: ``timeline``, ``status`` and ``plans``.

The words and the order of events come from :mod:`csto_program.export.text`; every piece of
data printed goes through the one escaping rule (:func:`~csto_program.cli._io.cell`).
"""

from __future__ import annotations

import click
import pendulum

from csto_program._spec import ENUM_DESCRIPTIONS
from csto_program.cli._io import Command, cell, echo_lines, load
from csto_program.cli._json import echo_json, plans_json, timeline_json
from csto_program.cli._params import (
    ISO_DATE,
    WholeNumberType,
    as_of_option,
    days,
    file_argument,
    known_on_option,
)
from csto_program.export import text
from csto_program.model import Program
from csto_program.status import StageState

__all__ = ["plans", "status", "timeline"]


def _heading(program: Program, status_line: str) -> list[str]:
    return [cell(f"{program.title} ({program.id})"), status_line]


def _speakers(program: Program, wanted: str) -> set[str]:
    """The ids of the people ``wanted`` names: by id, or by part of a name (any case)."""
    folded = wanted.casefold()
    return {
        person.id
        for person in program.people
        if person.id.casefold() == folded
        or any(folded in name.casefold() for name in (person.name, *person.other_names))
    }


@click.command(
    "timeline", cls=Command, short_help="History and plans in date order, with stage status."
)
@file_argument
@as_of_option
@known_on_option
@click.option(
    "--from",
    "since",
    type=ISO_DATE,
    metavar="YYYY-MM-DD",
    help="Only events that can be on or after this day.",
)
@click.option(
    "--to",
    "until",
    type=ISO_DATE,
    metavar="YYYY-MM-DD",
    help="Only events that can be on or before this day.",
)
@click.option(
    "--kind",
    "kinds",
    type=click.Choice(text.EVENT_KINDS),
    multiple=True,
    help="Only events of this kind.",
)
@click.option(
    "--stage",
    "stage_numbers",
    type=WholeNumberType(),
    multiple=True,
    help="Only events about this stage.",
)
@click.option("--speaker", help="Only statements by this person (id or part of the name).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def timeline(
    file: str | None,
    as_of: pendulum.Date | None,
    known_on: pendulum.Date | None,
    since: pendulum.Date | None,
    until: pendulum.Date | None,
    kinds: tuple[str, ...],
    stage_numbers: tuple[int, ...],
    speaker: str | None,
    as_json: bool,
) -> None:
    """The program's history in date order: adoption, plan announcements, meetings,
    statements, progress reports and each stage's window with its status.

    Partial dates are shown as recorded (2023, 2023-12). A marker row shows where
    --as-of falls. Filters combine: every one given must match.
    """
    _, program = load(file)
    day, known, name = days(as_of, known_on)
    events = text.timeline(program, day, known_on=known)
    speakers = None if speaker is None else _speakers(program, speaker)

    def keep(event: text.Event) -> bool:
        if since is not None and event.key[1] < since:
            return False
        if until is not None and event.key[0] > until:
            return False
        if kinds and event.kind not in kinds:
            return False
        if stage_numbers and not set(stage_numbers) & set(event.stages):
            return False
        return speakers is None or (
            event.kind == "statement" and program.statements[event.order].speaker in speakers
        )

    shown = [event for event in events if keep(event)]
    if as_json:
        echo_json(timeline_json(shown, day, known))
        return
    rows = []
    marked = False
    for event in shown:
        if not marked and event.key[0] > day:
            rows.append([str(day), "as of", "── events below begin later ──"])
            marked = True
        details = f"{event.title}: {event.text}" if event.text else event.title
        if event.sources:
            details += f" [{text.outlets(program, event.sources)}]"
        rows.append([cell(event.when), event.kind, cell(details, 400)])
    if not marked:
        rows.append([str(day), "as of", "── no later events ──"])
    state = program.status(day, known_on=known)
    lines = _heading(program, f"As of {name}: {text.headline(state)}")
    echo_lines([*lines, "", *text.table(["DATE", "EVENT", "DETAILS"], rows)])


def _states_help() -> str:
    described = ENUM_DESCRIPTIONS[StageState]
    return "\n\n".join(f"{value}: {line}" for value, line in described.items())


@click.command(
    "status",
    cls=Command,
    short_help="Each stage's state, progress, days left or late, shift and evidence.",
    help=(
        "Each stage of the plan in use: its window, state on --as-of, progress as reported, "
        "days left or late, how far its deadline moved from the first plan, and the "
        "statements about it.\n\nOnly plans and reports published by --known-on count "
        "(default: --as-of). The states:\n\n" + _states_help()
    ),
)
@file_argument
@as_of_option
@known_on_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def status(
    file: str | None, as_of: pendulum.Date | None, known_on: pendulum.Date | None, as_json: bool
) -> None:
    _, program = load(file)
    day, known, name = days(as_of, known_on)
    state = program.status(day, known_on=known)
    if as_json:
        echo_json(text.status_json(state))
        return
    lines = _heading(program, f"As of {name}: {text.headline(state)}")
    if state.plan is None:
        echo_lines(lines)
        return
    plan = state.plan
    lines += [cell(f"Plan in use: {plan.id}, announced {plan.announced_on}"), ""]
    lines += text.table(
        ["STAGE", "NAME", "WINDOW", "STATE", "PROGRESS", "DAYS", "SHIFT"],
        [
            [
                str(s.stage.number),
                cell(s.stage.name, 40),
                text.window(s.stage.start, s.stage.last_day),
                s.state.value,
                text.progress_words(s.progress)
                + ("" if s.report is None else f" ({s.report.reported_on})"),
                text.days_cell(s),
                text.shift_words(s.rescheduled_days),
            ]
            for s in state.stages
        ],
    )
    lines += [
        "Windows give the first and last day; SHIFT is the last day's move against the first plan.",
        "",
        f"Evidence on record by {min(day, known or day)}:",
    ]
    for s in state.stages:
        if not s.evidence:
            lines.append(f"  Stage {s.stage.number}: none")
            continue
        lines.append(f"  Stage {s.stage.number}:")
        for statement in s.evidence:
            speaker = getattr(program.by_id.get(statement.speaker), "name", statement.speaker)
            said = f"{speaker}, {statement.role}: {statement.text}"
            lines.append(
                f"    {statement.said_on}  {cell(said, 100)} "
                f"[{cell(text.outlets(program, statement.sources), 80)}]"
            )
    echo_lines(lines)


@click.command(
    "plans", cls=Command, short_help="Every version of the plan, and how each stage moved."
)
@file_argument
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def plans(file: str | None, as_json: bool) -> None:
    """Every plan version with its date, basis and sources, each stage's window, and each
    stage's last-day shift against the previous and the first plan (positive: later)."""
    _, program = load(file)
    history = text.plan_history(program)
    if as_json:
        echo_json(plans_json(history))
        return
    lines = [cell(f"{program.title} ({program.id})"), ""]
    for row in history:
        lines.append(
            cell(
                f"{row['id']}, announced {row['announced_on']}: "
                f"starts {row['starts_on']}, term {row['term_months']} months"
            )
        )
        if row["basis"]:
            lines.append("  " + cell(row["basis"]))
        if row["sources"]:
            lines.append("  sources: " + cell(text.outlets(program, row["sources"])))
        lines += [
            "  " + line
            for line in text.table(
                ["STAGE", "WINDOW", "VS PREVIOUS", "VS FIRST"],
                [
                    [
                        str(s["number"]),
                        f"{s['start']} – {s['last_day']}",
                        text.shift_words(s["shift_from_previous"]),
                        text.shift_words(s["shift_from_first"]),
                    ]
                    for s in row["stages"]
                ],
            )
        ]
        lines.append("")
    echo_lines(lines[:-1])
