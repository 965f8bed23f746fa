"""Reading the command line's inputs and writing its outputs, and saying what went wrong.

Everything the command line prints goes through :func:`output` (standard output) or
:func:`error` (one line on standard error), both built on :class:`~csto_program._terminal.Output`,
which writes every byte or fails with one :class:`~csto_program.errors.OutputError`. A
failed command raises :class:`Failure` with its lines and its exit status.

This module is imported by ``--help``: it imports only click and the terminal helpers at
first, and what it reads or writes with when it is called.

>>> cell("stage\\x1b[2J", 14)
'stage\\\\x1b[2J'
>>> cell("stage\\x1b[2J", 8)
'stage…'
"""

from __future__ import annotations

import contextlib
import copy
import inspect
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, BinaryIO, Final

import click

import csto_program._terminal as _terminal
from csto_program._i18n import LANGUAGES, N_, current, ngettext
from csto_program._i18n import gettext as _

if TYPE_CHECKING:
    from pathlib import Path

    from csto_program.errors import CstoProgramError, FileError
    from csto_program.model import Program

__all__ = [
    "EMBEDDED",
    "EXIT_DATA",
    "EXIT_OK",
    "EXIT_USAGE",
    "PATH_WIDTH",
    "PROG_NAME",
    "Command",
    "Failure",
    "cell",
    "check_output",
    "echo_lines",
    "error",
    "file_problem",
    "impossible_plan",
    "load",
    "output",
    "problem_lines",
    "quiet_stdout",
    "write_output",
]

PROG_NAME: Final = "csto-program"
EMBEDDED: Final = N_("<embedded record>")
STDIN: Final = "<stdin>"
EXIT_OK: Final = 0
EXIT_DATA: Final = 1
EXIT_USAGE: Final = 2
EXIT_INTERRUPTED: Final = 130
PATH_WIDTH: Final = 1000  # how much of a file name: enough to tell files in a deep folder apart
ERROR_WIDTH: Final = 2000  # the longest error line, however long the bad value in it
MIN_COLUMNS: Final = 40  # a terminal narrower than this is taken as this wide


class Failure(Exception):
    """A command failed: ``lines`` go to stderr, one per problem, as ``error: <line>``."""

    def __init__(self, lines: Iterable[str], exit_code: int = EXIT_DATA) -> None:
        self.lines = list(lines)
        self.exit_code = exit_code
        super().__init__("\n".join(self.lines))


def problem_lines(label: str, exc: CstoProgramError) -> list[str]:
    """One line per problem of ``exc``, each starting with ``label``."""
    from csto_program.errors import DataError

    if isinstance(exc, DataError):
        lines = [f"{label}: {path}: {message}" for path, message in exc.problems]
        if exc.more:
            more = ngettext("and {n} more problem", "and {n} more problems", exc.more)
            lines.append(f"{label}: " + more.format(n=exc.more))
        return lines
    return [f"{label}: {exc}"]


def impossible_plan(exc: CstoProgramError) -> Failure:
    """The usage error for a plan the command line's arguments cannot make (exit 2)."""
    problems: Sequence[tuple[str, str]] = getattr(exc, "problems", [("$", str(exc))])
    shown = "; ".join(message for _path, message in problems)
    return Failure([_("impossible plan: {problems}").format(problems=shown)], EXIT_USAGE)


# The library's refusals to replace a file end by naming its keyword (``force=True``) in
# words; the command line names its option instead.
_FORCE_TAILS: Final = (
    (
        "; refusing to replace it (choose an empty or new folder, or force it)",
        N_("; refusing to replace it (choose an empty or new folder, or give --force)"),
    ),
    ("; refusing to replace it unless forced", N_("; give --force to replace it")),
)


def file_problem(exc: FileError) -> str:
    """The error line of a file that cannot be read or written: the file and the reason,
    a refusal that forcing would overcome naming ``--force``.

    >>> from csto_program.errors import FileError
    >>> file_problem(FileError("out.svg", "cannot write the file: it is read-only; "
    ...                        "refusing to replace it unless forced"))
    'out.svg: cannot write the file: it is read-only; give --force to replace it'
    """
    reason = exc.reason
    for tail, instead in _FORCE_TAILS:
        if reason.endswith(tail):
            reason = reason.removesuffix(tail) + _(instead)
            break
    return f"{cell(exc.path, PATH_WIDTH)}: {reason}"


# --------------------------------------------------------------------------- output


def columns() -> int | None:
    """The terminal's width (at least ``MIN_COLUMNS``), or ``None`` when standard output is
    not a terminal. A terminal that reports no width (0) is not cut."""
    if sys.stdout is None or not sys.stdout.isatty():
        return None
    import shutil

    width = shutil.get_terminal_size().columns
    return width if width < 1 else max(width, MIN_COLUMNS)


def output(write: Callable[[_terminal.Output], None]) -> None:
    """Write to standard output; a closed or full one is one ``Failure`` (exit status 1).

    The failure is not an ``OSError``: click would end a broken pipe itself, silently.
    """
    if sys.stdout is None:  # started with standard output closed (>&-)
        raise Failure([_("cannot write to standard output: it is closed")])
    try:
        write(_terminal.Output())
    except _terminal.OutputError as exc:
        quiet_stdout()
        raise Failure([str(exc)]) from None


def cell(value: object, width: int | None = None) -> str:
    """One piece of data, escaped for the terminal (and cut to ``width``)."""
    if width is None:
        return _terminal.escape(str(value))
    return _terminal.display(value, width)  # escapes only what can be shown


def headline_lines(day: str, before: tuple[str, str], after: tuple[str, str]) -> list[str]:
    """The status headline of ``day`` before and after a change: each of ``before`` and
    ``after`` is a label and a headline, the labels padded to one width.

    >>> headline_lines("2026-11-29", ("old:", "stage 1"), ("new:", "stage\\x1b 2"))
    ['Headline as of 2026-11-29:', '  old: stage 1', '  new: stage\\\\x1b 2']
    """
    width = max(len(before[0]), len(after[0])) + 1
    return [
        _("Headline as of {day}:").format(day=day),
        *("  " + label.ljust(width) + cell(headline) for label, headline in (before, after)),
    ]


def echo_lines(lines: Iterable[str]) -> None:
    """Lines to standard output, each cut to the terminal's width."""
    width = columns()
    fitted = [_terminal.fit(line, width) for line in lines]
    output(lambda out: out.lines(fitted))


def quiet_stdout() -> None:
    """After a failed write to standard output, stop Python from failing again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # pragma: no cover - no descriptor to replace
        pass


def _visible(text: str) -> str:
    """``text`` with every character a terminal would not show as itself escaped, except
    backslashes: the parts of an error line that come from a file or an argument are
    escaped already (:func:`cell`), and escaping them again would double their escapes.

    >>> print(_visible("a.json\\\\x1b: bad\\x1b[2J\\u202e"))
    a.json\\x1b: bad\\x1b[2J\\u202e
    """
    if text.isprintable():
        return text
    return "".join(
        char if char == "\\" or char.isprintable() else _terminal.escape(char) for char in text
    )


def error(line: str) -> None:
    """One line on standard error, made visible and cut short, never failing on its encoding."""
    try:
        if sys.stderr is not None:  # None when started with standard error closed
            shown = _terminal.shorten(_visible(line[: ERROR_WIDTH + 1]), ERROR_WIDTH)
            _terminal.Output(sys.stderr, name="standard error").line("error: " + shown)
    except _terminal.OutputError:  # pragma: no cover - nowhere left to say it
        pass


def help_to_stderr(ctx: click.Context) -> None:
    """The help of ``ctx``'s command on standard error (a command is missing)."""
    if sys.stderr is not None:
        with contextlib.suppress(_terminal.OutputError):  # nowhere left to say it
            _terminal.Output(sys.stderr, name="standard error").line(ctx.get_help())


def _show_help(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """``--help``: the help through :func:`output`, so a closed output is exit status 1."""
    if not value or ctx.resilient_parsing:
        return
    text = ctx.get_help()
    output(lambda out: out.line(text))
    ctx.exit()


def help_through_output(option: click.Option | None) -> click.Option | None:
    """``option`` (a command's ``--help``) made to write as all other output is."""
    if option is not None:
        option.callback = _show_help
        option.help = N_("Show this message and exit.")
    return option


def help_message(text: str) -> str:
    """A command's or an option's help as its catalog message: click's own clean-up
    (``inspect.cleandoc``), and the part before a form feed (the rest is for the docs)."""
    return inspect.cleandoc(text).partition("\f")[0].strip()


# click's own words in a help page, said by click in English whatever the language
_CLICK_WORDS: Final = (N_("[default: {value}]"), N_("[required]"))


def _click_words(text: str) -> str:
    text = re.sub(
        r"\[default:\s+([^\]]*)\]",
        lambda m: _("[default: {value}]").format(value=m.group(1)),
        text,
    )
    return text.replace("[required]", _("[required]"))


def translated_help(command: click.Command, ctx: click.Context) -> str:
    """The help page of ``command`` in the language in use: its text, its options' help
    and its headings from the catalog."""
    if current() == LANGUAGES[0]:
        return click.Command.get_help(command, ctx)
    shown = copy.copy(command)
    if command.help:
        shown.help = _(help_message(command.help))
    return _click_words(click.Command.get_help(shown, ctx))


def format_usage(
    command: click.Command, ctx: click.Context, formatter: click.HelpFormatter
) -> None:
    """click's usage line with its prefix from the catalog."""
    pieces = command.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), _("Usage:") + " ")


def format_options(
    command: click.Command, ctx: click.Context, formatter: click.HelpFormatter
) -> None:
    """click's options section, its heading and each option's help from the catalog."""
    records = []
    for param in command.get_params(ctx):
        if not isinstance(param, click.Option):
            continue
        if param.help and current() != LANGUAGES[0]:
            param = copy.copy(param)
            param.help = _(help_message(param.help or ""))
        record = param.get_help_record(ctx)
        if record is not None:
            records.append(record)
    if records:
        with formatter.section(_("Options")):
            formatter.write_dl(records)


class Command(click.Command):
    """A command whose ``--help`` is written as all other output is, in the language in use."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return help_through_output(super().get_help_option(ctx))

    def get_help(self, ctx: click.Context) -> str:
        return translated_help(self, ctx)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        format_usage(self, ctx, formatter)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        format_options(self, ctx, formatter)


# --------------------------------------------------------------------------- inputs


def _load_package(label: str, folder: str, max_bytes: int) -> Program:
    """The program in a data package folder (one holding ``datapackage.json``)."""
    if not os.path.isfile(os.path.join(folder, "datapackage.json")):
        raise Failure(
            [
                _(
                    "{file}: cannot read the file: Is a directory (and not a data package: "
                    "it has no datapackage.json)"
                ).format(file=label)
            ]
        )
    try:
        from csto_program.export.datapackage import from_datapackage
    except ImportError as exc:  # pragma: no cover - the data package needs only the runtime
        problem = _("{file}: cannot read a data package: {reason}")
        raise Failure([problem.format(file=label, reason=exc)]) from None
    return from_datapackage(folder, max_bytes=max_bytes)


def _stdin() -> BinaryIO:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # started with standard input closed (<&-)
        raise Failure([_("{file}: cannot read: standard input is closed").format(file=STDIN)])
    return stream  # type: ignore[no-any-return]


def load(file: str | None, max_bytes: int | None = None) -> tuple[str, Program]:
    """The program in ``file`` (a document, ``-`` or a data package folder), or the embedded
    record; problems raise :class:`Failure`."""
    from csto_program._files import MAX_DOCUMENT_BYTES, read_limited
    from csto_program.errors import CstoProgramError, DataError, FileError
    from csto_program.model import Program
    from csto_program.serialize import from_json

    if file is None:
        from csto_program.datasets import tajik_afghan_border

        return _(EMBEDDED), tajik_afghan_border()
    limit = MAX_DOCUMENT_BYTES if max_bytes is None else max_bytes
    label = STDIN if file == "-" else cell(file, PATH_WIDTH)
    try:
        # os.path.isdir, not Path.is_dir: a name too long is no folder, and the read says why
        if file != "-" and os.path.isdir(file):
            return label, _load_package(label, file, limit)
        source = _stdin() if file == "-" else file
        try:
            data = read_limited(source, max_bytes=limit, label=label)
        except DataError:  # the only DataError read_limited raises: past the limit
            problem = _("{file}: larger than {limit} bytes (the limit; raise it with --max-bytes)")
            raise Failure([problem.format(file=label, limit=limit)]) from None
        return label, from_json(data, Program, max_bytes=limit)
    except FileError as exc:
        raise Failure([f"{label}: {exc.reason}"]) from None
    except CstoProgramError as exc:
        raise Failure(problem_lines(label, exc)) from None


# --------------------------------------------------------------------------- output files


def _inside(target: Path, folder: str) -> bool:
    """Whether ``target`` is, or would be, inside the folder ``folder`` (links followed)."""
    from pathlib import Path

    try:
        if not os.path.isdir(folder):
            return False
        where = Path(os.path.realpath(folder))
        resolved = Path(os.path.realpath(target))
    except (OSError, ValueError):  # pragma: no cover - a name the system cannot resolve
        return False
    return resolved == where or where in resolved.parents


def check_output(output: str, inputs: Iterable[str | None], force: bool) -> None:
    """Refuse to write over one of the command's own inputs, or into an input folder (a data
    package), unless ``force`` (``--force``) is given (exit status 2)."""
    if force or output == "-":
        return
    from pathlib import Path

    target = Path(output)
    for given in inputs:
        if given is None or given == "-":
            continue
        try:
            same = target.exists() and target.samefile(given)
        except (OSError, ValueError):
            same = False
        if same:
            message = _("{file} is also an input; give --force to overwrite it")
        elif _inside(target, given):
            message = _("{file} is inside an input folder; give --force to write there")
        else:
            continue
        raise Failure([message.format(file=cell(output, PATH_WIDTH))], EXIT_USAGE)


def write_output(target: str | None, data: bytes, *, binary: bool, force: bool = False) -> None:
    """``data`` to the file ``target`` (atomically), or to standard output (``None``, ``-``).

    ``force`` replaces a file that the writer would refuse to (a read-only one)."""
    if target is None or target == "-":
        if binary and sys.stdout is not None and sys.stdout.isatty():
            refusal = _("refusing to write binary data to a terminal; use -o FILE")
            raise Failure([refusal], EXIT_USAGE)
        output(lambda out: out.write_bytes(data))
        return
    from csto_program._files import write_atomic
    from csto_program.errors import FileError

    try:
        write_atomic(target, data, force=force)
    except FileError as exc:
        raise Failure([file_problem(exc)]) from None


def echo_text(text: str) -> None:
    """``text`` and a newline to standard output, never cut to the terminal's width."""
    output(lambda out: out.line(text))
