"""The ``export`` command: a program in any format of :data:`csto_program.export.FORMATS`.

:mod:`csto_program.export` is imported only here, when ``export`` runs.
"""

from __future__ import annotations

import click
import pendulum

from csto_program._i18n import gettext as _
from csto_program.cli._io import (
    EXIT_USAGE,
    Command,
    Failure,
    check_output,
    file_problem,
    load,
    problem_lines,
    write_output,
)
from csto_program.cli._params import (
    FileName,
    as_of_option,
    days,
    file_argument,
    known_on_option,
    stale_after_option,
)

__all__ = ["export"]


@click.command(
    "export",
    cls=Command,
    short_help="Export as a document, table package, report, calendar or chart.",
)
@file_argument
@click.option(
    "-f",
    "--format",
    "fmt",
    metavar="FORMAT",
    help="The output format (default: from the suffix of -o).",
)
@click.option(
    "-o", "--output", type=FileName(), help="Write to this file (default: standard output)."
)
@click.option(
    "--force",
    is_flag=True,
    help="Allow -o to name an input, a file in an input folder, a read-only file, a file "
    "whose suffix is of another format (or of none), or a folder csto-program did not write.",
)
@as_of_option
@known_on_option
@stale_after_option
def export(
    file: str | None,
    fmt: str | None,
    output: str | None,
    force: bool,
    as_of: pendulum.Date | None,
    known_on: pendulum.Date | None,
    stale_after: int,
) -> None:
    """Export the program: json (the document itself), jsonl (its statements), datapackage
    (CSV tables and datapackage.json, into a folder), html (a one-file report), markdown,
    mermaid, ics, png or svg. The format is --format, or the suffix of -o; a suffix of
    another format, or of none, is a usage error unless --force.

    Every view (html, markdown, mermaid, ics, png, svg) shows only what was known on
    --known-on (default: --as-of) and says so; json, jsonl and datapackage are the whole
    record unless --known-on is given. Files are written atomically: a failed export
    leaves an existing file as it was. The output depends only on the record, --as-of,
    --known-on and --stale-after.
    """
    import csto_program.export as formats
    from csto_program.errors import CstoProgramError, FileError, FormatError

    if output is not None:  # first: an input is never written over, whatever its suffix
        check_output(output, [file], force)
    try:
        name = formats.choose_format(fmt, output, force=force)
    except FormatError as exc:  # the format and the suffix of -o disagree, or neither is known
        raise Failure([_format_problem(exc, fmt, output)], EXIT_USAGE) from None
    spec = formats.FORMATS[name]
    if spec.directory and (output is None or output == "-"):
        problem = _("the {format} format writes a folder: give -o DIR").format(format=name)
        raise Failure([problem], EXIT_USAGE)
    _label, program = load(file)
    day, _known, _name = days(as_of, known_on)
    known = known_on  # None: every view takes --as-of; a record format, the whole record
    try:
        if spec.directory:
            assert output is not None
            formats.write(
                program,
                name,
                output,
                as_of=day,
                known_on=known,
                force=force,
            )
            return
        data = formats.render(program, name, as_of=day, known_on=known, stale_after=stale_after)
    except FileError as exc:
        raise Failure([file_problem(exc)]) from None
    except CstoProgramError as exc:
        raise Failure(problem_lines(_("{format} export").format(format=name), exc)) from None
    except ImportError as exc:  # an optional dependency (matplotlib for png, svg)
        label = _("{format} export").format(format=name)
        raise Failure([f"{label}: {exc}"]) from None
    write_output(output, data, binary=spec.binary, force=force)


def _format_problem(exc: Exception, fmt: str | None, output: str | None) -> str:
    """The usage error for a format that cannot be chosen, in the command line's words.

    The library's message ends by naming its keyword (``force=True``) when forcing would
    write the file: here that is ``--force``.
    """
    import csto_program.export as formats

    message = str(exc).partition("; pass force=")[0]
    try:
        formats.choose_format(fmt, output, force=True)
    except ValueError:  # forcing would not help: an unknown or missing format
        return message
    return message + _("; give --force to write it anyway")
