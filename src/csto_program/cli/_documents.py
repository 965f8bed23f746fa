"""The commands about documents themselves: ``validate``, ``schema`` and ``upgrade``."""

from __future__ import annotations

import click

from csto_program._i18n import gettext as _
from csto_program._i18n import ngettext
from csto_program.cli._io import Command, Failure, check_output, echo_lines, load, write_output
from csto_program.cli._json import echo_json
from csto_program.cli._params import FileName, max_bytes_option

__all__ = ["schema", "upgrade", "validate"]


@click.command("validate", cls=Command, short_help="Check program files; list every problem.")
@click.argument("files", nargs=-1, required=True, type=FileName())
@max_bytes_option
def validate(files: tuple[str, ...], max_bytes: int) -> None:
    """Check program documents (or data package folders); report every problem of every file.

    Prints "FILE: ok" for each good file; each problem goes to standard error as
    "error: FILE: $.json.path: message" (at most the first 100 per file, then a count).
    A file that cannot be read is one such problem, and the others are still checked.
    --max-bytes applies to a document, and to each file of a data package and their total.
    Exit status 1 if any file has a problem.
    """
    failures: list[str] = []
    for file in files:
        try:
            label, program = load(file, max_bytes)
        except Failure as failure:
            failures += failure.lines
            continue
        counts = ", ".join(
            words.format(n=n)
            for words, n in (
                (ngettext("{n} plan", "{n} plans", len(program.plans)), len(program.plans)),
                (ngettext("{n} stage", "{n} stages", len(program.stages)), len(program.stages)),
                (
                    ngettext("{n} meeting", "{n} meetings", len(program.meetings)),
                    len(program.meetings),
                ),
                (
                    ngettext("{n} statement", "{n} statements", len(program.statements)),
                    len(program.statements),
                ),
                (
                    ngettext("{n} progress report", "{n} progress reports", len(program.reports)),
                    len(program.reports),
                ),
            )
        )
        echo_lines([_("{file}: ok ({counts})").format(file=label, counts=counts)])
    if failures:
        raise Failure(failures)


@click.command("schema", cls=Command, short_help="The JSON Schema of a program document.")
@click.option(
    "--version",
    "version",
    # the versions of ``serialize.SUPPORTED_VERSIONS``, default ``SCHEMA_VERSION``; written out
    # so that the command line does not import the serializer to build its options
    type=click.Choice(["1", "2", "3"]),
    default="3",
    show_default=True,
    help="The document version.",
)
def schema(version: str) -> None:
    """The JSON Schema (draft 2020-12) of a program document, indented."""
    from csto_program.model import Program
    from csto_program.serialize import json_schema

    echo_json(json_schema(Program, version=int(version)))


@click.command(
    "upgrade", cls=Command, short_help="Rewrite a program file in the current document version."
)
@click.argument("file", type=FileName(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=FileName(),
    default="-",
    show_default=True,
    help="The file to write (- is standard output; FILE itself with --force).",
)
@click.option("--force", is_flag=True, help="Allow -o to name FILE, or a read-only file.")
def upgrade(file: str, output: str, force: bool) -> None:
    """Read a program document of any supported version and write it in the current one."""
    from csto_program.serialize import to_json_bytes

    check_output(output, [file], force)
    _label, program = load(file)
    write_output(output, to_json_bytes(program, indent=True), binary=False, force=force)
