"""The command line's help texts as catalog messages, for the catalog tools.

A command's help is its docstring (or ``help=``) and each option's ``help=``: click keeps
them as they are written, and :func:`csto_program.cli._io.translated_help` looks each up in
the catalog when it writes a help page in another language. :func:`extract` is the Babel
extraction method that lists them (``babel.cfg``), so ``make catalogs`` keeps them in the
template with the messages marked in the code.

>>> "Stage lengths in months." in help_messages()
True
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import click

__all__ = ["extract", "help_messages"]


def help_messages() -> list[str]:
    """Every help text of the group and its commands, as the catalog holds it."""
    from csto_program.cli import cli
    from csto_program.cli._io import help_message

    context = click.Context(cli)
    commands: list[click.Command] = [cli]
    for name in cli.list_commands(context):
        command = cli.get_command(context, name)
        assert command is not None
        commands.append(command)
    found: list[str] = []
    for command in commands:
        if command.help:
            found.append(help_message(command.help))
        found += [
            help_message(param.help)
            for param in command.params
            if isinstance(param, click.Option) and param.help
        ]
    return list(dict.fromkeys(found))


def extract(
    fileobj: Any, keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel's extraction method (``[csto_program.cli._catalog:extract: ...]`` in
    ``babel.cfg``): the help messages, whatever file it is given."""
    for message in help_messages():
        yield 1, "gettext", message, ["help text of the command line"]
