"""``csto-program log``: one article into a program file, checked whole, written atomically.

The command wires up :func:`csto_program.news.log_article`; the headline before and after
comes from :mod:`csto_program.words`, so it reads as ``status`` prints it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click
import pendulum

from csto_program._i18n import gettext as _
from csto_program._i18n import using
from csto_program.cli._io import (
    EXIT_USAGE,
    Command,
    Failure,
    cell,
    echo_lines,
    headline_lines,
    load,
    problem_lines,
    write_output,
)
from csto_program.cli._json import echo_json
from csto_program.cli._params import (
    ARG_WIDTH,
    FileName,
    WholeNumberType,
    as_of_option,
    days,
)
from csto_program.codes import SourceKind

if TYPE_CHECKING:
    from csto_program.news import ReportSpec

    _ReportParam = click.ParamType[ReportSpec]
else:
    _ReportParam = click.ParamType

__all__ = ["ReportType", "log"]


class ReportType(_ReportParam):
    """``N=PROGRESS[@AS_OF]``: a progress report of the article."""

    name = "report"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> ReportSpec:
        from csto_program.news import ReportSpec

        if isinstance(value, ReportSpec):
            return value
        try:
            return ReportSpec.parse(str(value)[: ARG_WIDTH * 4])
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


@click.command(
    "log", cls=Command, short_help="Add one article (source, statement, progress) to a file."
)
@click.argument("file", type=FileName(dir_okay=False))
@click.option("--source", "source", metavar="ID", help="Cite a source already in the record.")
@click.option("--outlet", help="The outlet of a new source (e.g. TASS).")
@click.option("--url", help="The new source's address.")
@click.option("--title", default="", help="The new source's headline.")
@click.option(
    "--published-on",
    metavar="DATE",
    help="When it was published (YYYY-MM-DD, YYYY-MM or YYYY); the day reports are dated.",
)
@click.option("--language", metavar="LANG", help="The new source's language (BCP 47: ru, en).")
@click.option(
    "--source-kind",
    type=click.Choice([kind.value for kind in SourceKind]),
    default=SourceKind.NEWS.value,
    show_default=True,
    help="What kind of publication the new source is.",
)
@click.option(
    "--source-id",
    metavar="ID",
    help="The new source's id (default: made from the outlet and date, unique).",
)
@click.option(
    "--speaker", help="Who spoke: an id, a name, another name, a surname or a role (any case)."
)
@click.option("--role", help="The speaker's role then (default: the role last recorded).")
@click.option("--quote", help="What was said, verbatim as the outlet printed it.")
@click.option("--paraphrase", help="What was said, in the record's own words.")
@click.option("--said-on", metavar="DATE", help="When it was said (default: --published-on).")
@click.option(
    "--stage",
    "stages",
    type=WholeNumberType(),
    multiple=True,
    help="A stage the statement is about (repeatable; default: the reported stages).",
)
@click.option("--meeting", metavar="ID", help="The meeting where it was said.")
@click.option("--statement-id", metavar="ID", help="The statement's id (default: speaker-date).")
@click.option(
    "--statement-language", metavar="LANG", help="The language of the quote (default: en)."
)
@click.option("--statement-note", default="", help="A remark on the statement.")
@click.option(
    "--report",
    "reports",
    type=ReportType(),
    multiple=True,
    metavar="N=PROGRESS[@AS_OF]",
    help=(
        "A progress report: stage N, one of not_started, in_progress, completed, cancelled, "
        "and the day it describes (default: --published-on; an interval such as "
        "2026-01-29/2026-11-27 when only its bounds are known). Repeatable."
    ),
)
@click.option(
    "--inferred", is_flag=True, help="The reports are the record's inference, not stated."
)
@click.option("--report-note", default="", help="A remark on the reports (why inferred).")
@as_of_option
@click.option("--dry-run", is_flag=True, help="Print what would be added; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of lines.")
def log(
    file: str,
    as_of: pendulum.Date | None,
    dry_run: bool,
    as_json: bool,
    **given: Any,
) -> None:
    """Add one article to the program document FILE: a new source (--outlet and the rest)
    or one already there (--source), what a speaker said in it, and the progress it
    reports, then rewrite FILE in the current document version.

    The whole result is checked as validate checks a file, and every problem is listed in
    one run, each unknown id with the closest ones; nothing is written when anything is
    wrong, and FILE is replaced in one step. Prints one line per record added and the
    status headline before and after, as of --as-of and known on that day.
    """
    from csto_program.errors import DataError
    from csto_program.news import Article, describe, log_article
    from csto_program.serialize import to_json_bytes
    from csto_program.words import headline

    if file == "-":
        raise Failure([_("log rewrites FILE: give a file name, not -")], EXIT_USAGE)
    label, program = load(file)
    given["source_kind"] = SourceKind(given["source_kind"])
    given["stages"] = tuple(given["stages"])
    given["reports"] = tuple(given["reports"])
    try:
        logged = log_article(program, Article(**given))
    except DataError as exc:
        raise Failure(problem_lines(label, exc)) from None
    day, _known, name = days(as_of, None)
    with using("en" if as_json else None):  # JSON is the same in every language
        before = headline(program.status(day))
        after = headline(logged.program.status(day))
    if not dry_run:
        write_output(file, to_json_bytes(logged.program, indent=True), binary=False)
    if as_json:
        echo_json(
            {
                "file": file,
                "dry_run": dry_run,
                "as_of": str(day),
                "added": {kind: list(ids) for kind, ids in logged.added.items()},
                "headline": {"before": before, "after": after},
            }
        )
        return
    added = (
        _("Would add to {file} (dry run: nothing written):") if dry_run else _("Added to {file}:")
    )
    lines = [cell(added.format(file=label))]
    for ids in logged.added.values():
        lines += ["  " + cell(describe(logged.program, ident)) for ident in ids]
    lines += headline_lines(name, (_("before:"), before), (_("after:"), after))
    echo_lines(lines)
