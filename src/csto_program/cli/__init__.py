"""The ``csto-program`` command line (also ``python -m csto_program``): click wiring only.

Commands: ``timeline``, ``status``, ``plans``, ``plan``, ``validate``, ``schema``,
``export``, ``init``, ``upgrade``, ``log``, ``find``, ``changes`` and ``diff``. Every
command that reads a program takes an optional FILE (a JSON program document, ``-`` for
standard input, or a data package folder); without one it reads the embedded record. The
words and the order of events come from :mod:`csto_program.export.text`; every piece of data
printed goes through one escaping rule (:func:`csto_program._escape.escape`), so no record
can rewrite the terminal.

Errors are one line per problem on standard error, never a traceback, and the exit status
says what went wrong: 0 success, 1 bad or unreadable data (or output that cannot be
written), 2 a usage error, 130 interrupted.

The package is split by job, as click splits itself: this module holds the group, the
command table and :func:`main`; :mod:`._params` the parameter types and the one clock read;
:mod:`._io` reading inputs, writing outputs and errors; :mod:`._json` the JSON shapes; and
one module per family of commands. A command's module is imported only when it runs (or its
help is asked for), so ``--help``, ``--version`` and completion import click and the table.

>>> main(["plan", "--start", "2025-01-01", "--json"])  # doctest: +ELLIPSIS
{
  "stages": [
    {
      "number": 1,
      "name": "Stage 1",
      "start": "2025-01-01",
      "end": "2026-01-01",
      "last_day": "2025-12-31"
    },
...
0
"""

from __future__ import annotations

import contextvars
import importlib
import re
import signal
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import click

from csto_program._i18n import LANGUAGES, N_, lang_from_env, set_lang, using
from csto_program._i18n import gettext as _
from csto_program._terminal import OutputError
from csto_program.cli import _io
from csto_program.cli._io import EXIT_DATA, EXIT_OK, EXIT_USAGE, PROG_NAME, Failure, error
from csto_program.errors import CstoProgramError

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

__all__ = ["cli", "main"]

_DETAIL_WIDTH = 500  # how much of an unexpected error's message is shown
_ARG_WIDTH = 60  # how much of a bad argument or value is echoed back


class _Entry(NamedTuple):
    """A command in the table: where it is defined, and its line in ``--help``."""

    module: str
    function: str
    short_help: str


# The command table: ``--help`` and completion read it without importing any command.
# A test checks each line against the command's own short_help.
_COMMANDS: Final = {
    "timeline": _Entry(
        "_views", "timeline", N_("History and plans in date order, with stage status.")
    ),
    "status": _Entry(
        "_views",
        "status",
        N_("Each stage's state, progress, days left or late, shift and evidence."),
    ),
    "plans": _Entry("_views", "plans", N_("Every version of the plan, and how each stage moved.")),
    "plan": _Entry("_plan", "plan", N_("The stage plan for any start date.")),
    "validate": _Entry("_documents", "validate", N_("Check program files; list every problem.")),
    "schema": _Entry("_documents", "schema", N_("The JSON Schema of a program document.")),
    "export": _Entry(
        "_export", "export", N_("Export as a document, table package, report, calendar or chart.")
    ),
    "init": _Entry("_plan", "init", N_("Write a small program file to start from.")),
    "upgrade": _Entry(
        "_documents", "upgrade", N_("Rewrite a program file in the current document version.")
    ),
    "log": _Entry("_log", "log", N_("Add one article (source, statement, progress) to a file.")),
    "find": _Entry(
        "_news", "find", N_("Find people, organisations, meetings and sources by name.")
    ),
    "changes": _Entry(
        "_news", "changes", N_("What became known between two days, and what it moved.")
    ),
    "diff": _Entry("_news", "diff", N_("Records added, removed and changed between two files.")),
}


# Inside main() the language is restored when main returns (after its error lines);
# a click group embedded elsewhere restores it when the command's context closes.
_IN_MAIN: contextvars.ContextVar[bool] = contextvars.ContextVar("in_main", default=False)


def _set_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """``--lang``: the language of everything the command says from here on."""
    if value is None or ctx.resilient_parsing:
        return
    if _IN_MAIN.get():
        set_lang(value)
    else:
        ctx.find_root().with_resource(using(value))


def lang_option() -> click.Option:
    """The ``--lang en|ru`` option, on the group and on every command."""
    return click.Option(
        ["--lang"],
        type=click.Choice(LANGUAGES),
        expose_value=False,
        is_eager=True,
        callback=_set_lang,
        help=N_(
            "The language of the output: en or ru (default: from LANGUAGE, LC_ALL, "
            "LC_MESSAGES or LANG; English when none names one). JSON is the same in both."
        ),
    )


def _version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """``--version``: written as all other output is, so a closed output is exit status 1."""
    if not value or ctx.resilient_parsing:
        return
    from csto_program._version import version  # written once, in pyproject.toml

    try:
        shown = version()
    except ImportError:  # importlib.metadata.PackageNotFoundError: run from a source tree
        shown = _("unknown (not installed)")
    _io.echo_text(_("{program}, version {version}").format(program=PROG_NAME, version=shown))
    ctx.exit()


class _LazyGroup(click.Group):
    """A group whose commands are imported when they are used, listed from the command table."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = _COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module = importlib.import_module(f"{__name__}.{entry.module}")
        command: click.Command = getattr(module, entry.function)
        if not any(param.name == "lang" for param in command.params):
            command.params.append(lang_option())  # --lang after the command's name too
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, _(_COMMANDS[name].short_help)) for name in self.list_commands(ctx)]
        with formatter.section(_("Commands")):
            formatter.write_dl(rows)

    def get_help(self, ctx: click.Context) -> str:
        return _io.translated_help(self, ctx)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _io.format_usage(self, ctx, formatter)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _io.format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[CompletionItem]:
        from click.shell_completion import CompletionItem

        items = [
            CompletionItem(name, help=_(entry.short_help))
            for name, entry in sorted(_COMMANDS.items())
            if name.startswith(incomplete)
        ]
        return items + click.Command.shell_complete(self, ctx, incomplete)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _io.help_through_output(super().get_help_option(ctx))


@click.group(
    cls=_LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_version,
    help=N_("Show the version and exit."),
)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Plans, progress and history of the CSTO Tajik-Afghan border program.

    Commands that take a FILE read a JSON program document (- for standard input);
    without one they read the record embedded in the package.

    Exit status: 0 success, 1 bad or unreadable data, 2 usage error.
    \f

    The click group behind :func:`main`, for embedding in another click application:

    >>> from click.testing import CliRunner
    >>> result = CliRunner().invoke(cli, ["plan", "--start", "2025-01-01"])
    >>> result.exit_code, result.output.splitlines()[3]
    (0, '1      Stage 1  2025-01-01  2026-01-01  2025-12-31  12')
    """
    if ctx.invoked_subcommand is None:
        _io.help_to_stderr(ctx)
        ctx.exit(EXIT_USAGE)


cli.params.append(lang_option())  # the one --lang, listed after --version


# --------------------------------------------------------------------------- entry point


# A value click quotes whole: a quoted word of its own, longer than a bad value is shown.
_LONG_QUOTED = re.compile(f"(?:^|(?<=\\s))'([^']{{{_ARG_WIDTH + 1},}})'(?=[\\s.,:;]|$)")


def _shown(value: str) -> str:
    from csto_program._terminal import display

    return f"'{display(value, _ARG_WIDTH)}'"


def _usage_line(exc: click.UsageError) -> str:
    # click quotes a bad value whole (an unknown command, option or choice): cut it short
    message = _LONG_QUOTED.sub(lambda m: _shown(m.group(1)), exc.format_message()).rstrip(".")
    if message[:1].isupper() and message[1:2].islower():
        message = message[0].lower() + message[1:]
    command = exc.ctx.command_path if exc.ctx is not None else PROG_NAME
    return _("{message} (see '{command} --help')").format(message=message, command=command)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    Problems are printed to standard error, one line each, prefixed ``error:``.

    >>> main(["plan", "--start", "2025-01-01", "--months", "12,48"])
    Stage plan from 2025-01-01 (12, 48 months; term 60 months)
    <BLANKLINE>
    STAGE  NAME     START       END         LAST DAY    MONTHS
    1      Stage 1  2025-01-01  2026-01-01  2025-12-31  12
    2      Stage 2  2026-01-01  2030-01-01  2029-12-31  48
    Windows are [START, END): END is the first day after a stage, LAST DAY its deadline.
    0
    >>> main(["plan", "--start", "2025-02-30"])
    2
    """
    if hasattr(signal, "SIGXFSZ"):  # past `ulimit -f` a write fails with EFBIG, reported
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    args = list(sys.argv[1:] if argv is None else argv)
    with using(lang_from_env()):  # --lang, read while the command runs, may change it
        token = _IN_MAIN.set(True)
        try:
            return _run(args)
        finally:
            _IN_MAIN.reset(token)


def _run(args: list[str]) -> int:
    try:
        result: Any = cli.main(args=args, prog_name=PROG_NAME, standalone_mode=False)
    except click.UsageError as exc:
        error(_usage_line(exc))
        return EXIT_USAGE
    except Failure as failure:
        for line in failure.lines:
            error(line)
        return failure.exit_code
    except OutputError as exc:  # pragma: no cover - output() makes it a Failure
        _io.quiet_stdout()
        error(str(exc))
        return EXIT_DATA
    except (click.Abort, KeyboardInterrupt):
        error(_("interrupted"))
        return _io.EXIT_INTERRUPTED
    except SystemExit as exc:  # the end of shell completion
        return exc.code if isinstance(exc.code, int) else EXIT_DATA
    except OSError as exc:  # click writing a completion to a full or closed output
        if isinstance(exc, CstoProgramError) or exc.filename is not None:
            error(_unexpected(exc, str(exc)))
            return EXIT_DATA
        _io.quiet_stdout()
        error(
            _("cannot write to standard output: {reason}").format(
                reason=exc.strerror or type(exc).__name__
            )
        )
        return EXIT_DATA
    except click.ClickException as exc:  # pragma: no cover - click's other errors
        error(exc.format_message())
        return exc.exit_code
    except Exception as exc:  # never a traceback, even for a bug
        detail = str(exc)
        if len(detail) > _DETAIL_WIDTH:
            detail = detail[: _DETAIL_WIDTH - 1] + "…"
        error(_unexpected(exc, detail))
        return EXIT_DATA
    return result if isinstance(result, int) else EXIT_OK


def _unexpected(exc: BaseException, detail: str) -> str:
    return _("unexpected {error}: {detail} (please report this)").format(
        error=type(exc).__name__, detail=detail
    )
