"""The commands that show a program: ``timeline``, ``status`` and ``plans``.

Every command shows one knowledge cut (:func:`csto_program.words.cut`): the record as known
on ``--known-on`` (default ``--as-of``), and says so in its heading. The words, the order of
events and the JSON shapes come from :mod:`csto_program.words`; every piece of data printed
goes through the one escaping rule (:func:`~csto_program.cli._io.cell`). On a terminal the
tables are fitted without cutting a key column or the headline (:mod:`._table`); ``--wide``
prints whole lines, and in a pipe nothing is cut.
"""

from __future__ import annotations

from collections.abc import Sequence

import click
import pendulum

from csto_program import words
from csto_program._i18n import gettext as _
from csto_program._i18n import using
from csto_program._spec import ENUM_DESCRIPTIONS
from csto_program._terminal import fit
from csto_program.cli._io import Command, cell, columns, load, output
from csto_program.cli._json import echo_json
from csto_program.cli._params import (
    ISO_DATE,
    WholeNumberType,
    as_of_option,
    days,
    file_argument,
    known_on_option,
    stale_after_option,
    wide_option,
)
from csto_program.cli._table import fit_table, wrap_line
from csto_program.model import Program
from csto_program.status import StageState, StageStatus

__all__ = ["plans", "status", "timeline"]


def _width(wide: bool) -> int | None:
    return None if wide else columns()


def _echo(lines: Sequence[str]) -> None:
    """Lines already fitted to the terminal, written as they are."""
    output(lambda out: out.lines(lines))


def _title(program: Program) -> str:
    from csto_program._i18n import current
    from csto_program.languages import name_in

    return cell(f"{name_in(program, current())} ({program.id})")


def _heading(program: Program, status_line: str, width: int | None) -> list[str]:
    return [fit(_title(program), width), *wrap_line(status_line, width)]


def _speakers(program: Program, wanted: str) -> set[str]:
    """The ids of the statements ``wanted`` names: by the speaker's id, by part of the
    speaker's name or other names, or by part of the role held (any case)."""
    folded = wanted.casefold()
    people = {
        person.id
        for person in program.people
        if person.id.casefold() == folded
        or any(folded in name.casefold() for name in (person.name, *person.other_names))
    }
    return {
        statement.id
        for statement in program.statements
        if statement.speaker in people or folded in statement.role.casefold()
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
    type=click.Choice(words.EVENT_KINDS),
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
@click.option(
    "--speaker",
    help="Only statements by this person (id or part of the name) or in this role "
    "(part of it, e.g. 'Secretary-General').",
)
@stale_after_option
@wide_option
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
    stale_after: int,
    wide: bool,
    as_json: bool,
) -> None:
    """The program's history in date order: adoption, plan announcements, meetings,
    statements, progress reports and each stage's window with its status, as known on
    --known-on (default: --as-of).

    Partial dates are shown as recorded (2023, 2023-12). A marker row shows where
    --as-of falls. Filters combine: every one given must match.
    """
    _unused, whole = load(file)
    day, known, name = days(as_of, known_on)
    view = words.cut(whole, day, known, stale_after=stale_after)
    program = view.program
    speakers = None if speaker is None else _speakers(program, speaker)

    def keep(event: words.Event) -> bool:
        if since is not None and event.key[1] < since:
            return False
        if until is not None and event.key[0] > until:
            return False
        if kinds and event.kind not in kinds:
            return False
        if stage_numbers and not set(stage_numbers) & set(event.stages):
            return False
        return speakers is None or (
            event.kind == "statement" and program.statements[event.order].id in speakers
        )

    shown = [event for event in view.events() if keep(event)]
    headline = str(view.headline)
    if as_json:  # JSON is data: in English whatever the language
        with using("en"):
            english = words.cut(whole, day, known, stale_after=stale_after, lang="en")
            picked = [event for event in english.events() if keep(event)]
            echo_json(words.timeline_json(picked, day, known, headline=str(english.headline)))
        return
    rows = []
    marked = False
    for event in shown:
        if not marked and event.key[0] > day:
            rows.append([str(day), _("as of"), _("── events below begin later ──")])
            marked = True
        details = f"{event.title}: {event.text}" if event.text else event.title
        if event.sources:
            details += f" [{words.outlets(program, event.sources)}]"
        rows.append([cell(event.when), words.event_kind(event.kind), cell(details)])
    if not marked:
        rows.append([str(day), _("as of"), _("── no later events ──")])
    width = _width(wide)
    lines = _heading(program, _status_line(name, headline), width)
    details = _("DETAILS")
    table = fit_table([_("DATE"), _("EVENT"), details], rows, width, shrink=details, minimum=30)
    _echo([*lines, "", *table])


def _status_line(name: str, headline: str) -> str:
    return _("As of {days}: {headline}").format(days=name, headline=cell(headline))


def _states_help() -> str:
    described = ENUM_DESCRIPTIONS[StageState]
    return "\n\n".join(f"{value}: {line}" for value, line in described.items())


def _state(s: StageStatus) -> str:
    """The STATE column: the state in words, with when a completed stage was done."""
    state = words.state_name(s.state)
    if s.state in (StageState.COMPLETED, StageState.COMPLETED_LATE, StageState.CANCELLED):
        done = words.completion_words(s)
        return f"{state} {done}" if done else state
    return state


@click.command(
    "status",
    cls=Command,
    short_help="Each stage's state, progress, days left or late, shift and evidence.",
    help=(
        "Each stage of the plan in use: its window, state on --as-of, progress as reported, "
        "days left or late, how far its deadline moved from the first plan, and the "
        "statements about it.\n\nOnly what was known by --known-on counts "
        "(default: --as-of). A progress report or a plan that the record infers is marked "
        "(inferred). The headline warns when an active or overdue stage has had no progress "
        "report for more than --stale-after days. The states:\n\n" + _states_help()
    ),
)
@file_argument
@as_of_option
@known_on_option
@stale_after_option
@wide_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def status(
    file: str | None,
    as_of: pendulum.Date | None,
    known_on: pendulum.Date | None,
    stale_after: int,
    wide: bool,
    as_json: bool,
) -> None:
    _unused, whole = load(file)
    day, known, name = days(as_of, known_on)
    view = words.cut(whole, day, known, stale_after=stale_after)
    program, state = view.program, view.status
    if as_json:
        echo_json(words.status_json(state))
        return
    width = _width(wide)
    lines = _heading(program, _status_line(name, str(view.headline)), width)
    if state.plan is None:
        _echo(lines)
        return
    plan = state.plan
    in_use = _("Plan in use: {plan}, announced {day}").format(
        plan=words.marked(plan.id, plan.inferred), day=plan.announced_on
    )
    lines += [fit(cell(in_use), width)]
    lines.append("")
    name_column, window_column = _("NAME"), _("WINDOW")
    lines += fit_table(
        [
            _("STAGE"),
            name_column,
            window_column,
            _("STATE"),
            _("PROGRESS"),
            _("DAYS"),
            _("SHIFT"),
        ],
        [
            [
                str(row.number),
                cell(row.name),
                row.window,
                _state(s),
                row.progress_line,
                row.days_text,
                row.shift_text,
            ]
            for row, s in zip(words.stage_rows(state), state.stages, strict=True)
        ],
        width,
        shrink=name_column,
        drop=(name_column, window_column),
    )
    footer = [
        _(
            "Windows give the first and last day; SHIFT is the last day's move against the "
            "first plan; (inferred): the record's author inferred it, no source states it."
        ),
        "",
        _("Evidence on record by {day}:").format(day=known),
    ]
    lines += [part for line in footer for part in wrap_line(line, width)]
    for s in state.stages:
        title = _("Stage {number}").format(number=s.stage.number)
        if not s.evidence:
            lines.append(_("  {stage}: none").format(stage=title))
            continue
        lines.append(f"  {title}:")
        for recorded in s.evidence:
            # as known on --known-on: a source published later is not cited yet
            statement = program.by_id.get(recorded.id, recorded)
            assert isinstance(statement, type(recorded))
            speaker = words.person_name(program, statement.speaker)
            text = words.said(statement)
            said = f"{speaker}, {statement.role}: {text}"
            line = (
                f"    {statement.said_on}  {cell(said, None if width is None else 100)} "
                f"[{cell(words.outlets(program, statement.sources))}]"
            )
            lines.append(fit(line, width))
    _echo(lines)


@click.command(
    "plans", cls=Command, short_help="Every version of the plan, and how each stage moved."
)
@file_argument
@click.option(
    "--known-on",
    type=ISO_DATE,
    metavar="YYYY-MM-DD",
    help="Only the plans known by this day, or 'today' (default: every plan on record).",
)
@wide_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def plans(file: str | None, known_on: pendulum.Date | None, wide: bool, as_json: bool) -> None:
    """Every plan version with its date, basis and sources, each stage's window, and each
    stage's last-day shift against the previous and the first plan (positive: later). A plan
    that the record infers is marked (inferred)."""
    _unused, program = load(file)
    if known_on is not None:
        program = words.cut(program, known_on).program
    if as_json:
        echo_json(words.plans_json(program))
        return
    width = _width(wide)
    lines = [fit(_title(program), width), ""]
    for row in words.plan_rows(program):
        lines += wrap_line(
            cell(
                _("{plan}, announced {day}: starts {start}, term {months}").format(
                    plan=words.marked(row.id, row.inferred),
                    day=row.announced_on,
                    start=row.starts_on,
                    months=words.months(row.term_months),
                )
            ),
            width,
        )
        if row.basis:
            lines.append(fit("  " + cell(row.basis), width))
        if row.sources:
            sources = _("sources: {sources}").format(sources=words.outlets(program, row.sources))
            lines.append(fit("  " + cell(sources), width))
        table = fit_table(
            [_("STAGE"), _("WINDOW"), _("VS PREVIOUS"), _("VS FIRST")],
            [
                [
                    str(s.number),
                    words.window(s.start, s.last_day),
                    words.shift_words(s.shift_from_previous),
                    words.shift_words(s.shift_from_first, s.shift_inferred),
                ]
                for s in row.stages
            ],
            None if width is None else width - 2,
        )
        lines += ["  " + line for line in table]
        lines.append("")
    if not words.plan_rows(program):
        lines.append(_("No plan on record."))
    _echo(lines[:-1] if lines[-1] == "" else lines)
