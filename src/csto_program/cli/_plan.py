"""The commands that make a plan from the command line's arguments: ``plan`` and ``init``.

Every input of these commands is an argument, so an impossible plan is a usage error (exit
status 2): the fix is to change the arguments, not a file.
"""

from __future__ import annotations

import os

import click
import pendulum

from csto_program._i18n import gettext as _
from csto_program._i18n import ngettext
from csto_program.cli._io import (
    EXIT_USAGE,
    PATH_WIDTH,
    Command,
    Failure,
    cell,
    echo_lines,
    impossible_plan,
    write_output,
)
from csto_program.cli._json import echo_json, plan_json
from csto_program.cli._params import ISO_DATE, FileName, WholeNumberType, months_option
from csto_program.errors import CstoProgramError
from csto_program.planning import plan_stages
from csto_program.rules import DEFAULT_TERM_MONTHS

__all__ = ["init", "plan"]


@click.command("plan", cls=Command, short_help="The stage plan for any start date.")
@click.option("--start", type=ISO_DATE, required=True, metavar="YYYY-MM-DD", help="First day.")
@months_option
@click.option(
    "--term-months",
    type=WholeNumberType(),
    default=DEFAULT_TERM_MONTHS,
    show_default=True,
    metavar="N",
    help="The plan's term in months.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def plan(start: pendulum.Date, months: tuple[int, ...], term_months: int, as_json: bool) -> None:
    """The stages of a plan starting on --start, stage one lasting as long as --months says.

    Windows are half-open [START, END); an impossible plan is a usage error (exit 2).
    """
    try:
        stages = plan_stages(start, months=months, term_months=term_months, first_stage_months=None)
    except CstoProgramError as exc:
        raise impossible_plan(exc) from None
    shape = plan_json(stages)
    if as_json:
        echo_json(shape)
        return
    from csto_program import words

    listed = ngettext("{months} month", "{months} months", months[-1]).format(
        months=", ".join(map(str, months))
    )
    lines = [
        _("Stage plan from {start} ({months}; term {term})").format(
            start=start, months=listed, term=words.months(term_months)
        ),
        "",
    ]
    lines += words.table(
        [_("STAGE"), _("NAME"), _("START"), _("END"), _("LAST DAY"), _("MONTHS")],
        [
            [
                str(f["number"]),
                words.stage_title(f["number"], f["name"]),
                *(f["start"], f["end"], f["last_day"], str(m)),
            ]
            for f, m in zip(shape["stages"], months, strict=True)
        ],
    )
    lines.append(
        _("Windows are [START, END): END is the first day after a stage, LAST DAY its deadline.")
    )
    echo_lines(lines)


@click.command("init", cls=Command, short_help="Write a small program file to start from.")
@click.option(
    "-o",
    "--output",
    type=FileName(),
    default="-",
    show_default=True,
    help="The file to write (- is standard output).",
)
@click.option(
    "--start",
    type=ISO_DATE,
    metavar="YYYY-MM-DD",
    default="2025-01-01",
    show_default=True,
    help="The first day of stage one.",
)
@months_option
@click.option(
    "--term-months",
    type=WholeNumberType(),
    metavar="N",
    help="The term in months (default: the stages' total).",
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(
    output: str,
    start: pendulum.Date,
    months: tuple[int, ...],
    term_months: int | None,
    force: bool,
) -> None:
    """A minimal valid program document to edit: one plan with its stages (stage one's
    length is the plan's own rule), one person, one source, one statement, one meeting and
    a progress report. It validates as written."""
    from csto_program.datasets import starter_program
    from csto_program.serialize import to_json_bytes

    if output != "-" and os.path.lexists(output) and not force:
        problem = _("{file} exists; give --force to overwrite it")
        raise Failure([problem.format(file=cell(output, PATH_WIDTH))], EXIT_USAGE)
    try:
        program = starter_program(start, months=months, term_months=term_months)
    except CstoProgramError as exc:
        raise impossible_plan(exc) from None
    write_output(output, to_json_bytes(program, indent=True), binary=False, force=force)
