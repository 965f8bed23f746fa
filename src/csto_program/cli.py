"""The ``csto-program`` command line (also ``python -m csto_program``): click wiring only.

Commands: ``timeline``, ``status``, ``plans``, ``plan``, ``validate``, ``schema``,
``export``, ``init`` and ``upgrade``. Every command that reads a program takes an optional
FILE (a JSON program document, ``-`` for standard input); without one it reads the
embedded record. The words and the order of events come from
:mod:`csto_program.export.text`; every piece of data printed goes through one escaping
rule (:func:`csto_program._terminal.escape`), so no record can rewrite the terminal.

Errors are one line per problem on standard error, never a traceback, and the exit status
says what went wrong: 0 success, 1 bad or unreadable data (or output that cannot be
written), 2 a usage error, 130 interrupted.

:func:`_today` is the only place in the whole library that reads the clock: it is the
default of ``--as-of``.

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

import contextlib
import datetime
import json
import os
import re
import shutil
import signal
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import click
import pendulum

import csto_program._terminal as _terminal
from csto_program._files import MAX_DOCUMENT_BYTES, FileError, read_limited, write_atomic
from csto_program._spec import ENUM_DESCRIPTIONS
from csto_program.dates import as_date, parse_iso_date
from csto_program.errors import CstoProgramError, DataError
from csto_program.export import text
from csto_program.model import Program
from csto_program.planning import plan_stages
from csto_program.rules import DEFAULT_MONTHS, DEFAULT_TERM_MONTHS
from csto_program.serialize import from_json, json_schema, to_json_bytes
from csto_program.status import StageState

__all__ = ["cli", "main"]

_PROG_NAME = "csto-program"
_EMBEDDED = "<embedded record>"
_STDIN = "<stdin>"
_EXIT_OK = 0
_EXIT_DATA = 1
_EXIT_USAGE = 2
_EXIT_INTERRUPTED = 130
_ARG_WIDTH = 60  # how much of a bad argument or value is echoed back
_PATH_WIDTH = 1000  # how much of a file name: enough to tell files in a deep folder apart
_ERROR_WIDTH = 2000  # the longest error line, however long the bad value in it
_DETAIL_WIDTH = 500  # how much of an unexpected error's message is shown


class _Failure(Exception):
    """A command failed: ``lines`` go to stderr, one per problem, as ``error: <line>``."""

    def __init__(self, lines: Iterable[str], exit_code: int = _EXIT_DATA) -> None:
        self.lines = list(lines)
        self.exit_code = exit_code
        super().__init__("\n".join(self.lines))


def _problem_lines(label: str, exc: CstoProgramError) -> list[str]:
    if isinstance(exc, DataError):
        lines = [f"{label}: {path}: {message}" for path, message in exc.problems]
        if exc.more:
            lines.append(f"{label}: and {exc.more} more problems")
        return lines
    return [f"{label}: {exc}"]


# --------------------------------------------------------------------------- output


def _columns() -> int | None:
    """The terminal's width, or ``None`` when standard output is not a terminal."""
    if sys.stdout is None or not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


def _output(write: Callable[[_terminal.Output], None]) -> None:
    """Write to standard output; a closed or full one is one ``_Failure`` (exit status 1).

    The failure is not an ``OSError``: click would end a broken pipe itself, silently.
    """
    if sys.stdout is None:  # started with standard output closed (>&-)
        raise _Failure(["cannot write to standard output: it is closed"])
    try:
        write(_terminal.Output())
    except _terminal.OutputError as exc:
        _quiet_stdout()
        raise _Failure([str(exc)]) from None


def _cell(value: object, width: int | None = None) -> str:
    """One piece of data, escaped for the terminal (and cut to ``width``)."""
    if width is None:
        return _terminal.escape(str(value))
    return _terminal.display(value, width)  # escapes only what can be shown


def _echo_lines(lines: Iterable[str]) -> None:
    columns = _columns()
    fitted = [_terminal.fit(line, columns) for line in lines]
    _output(lambda out: out.lines(fitted))


def _json_escape(char: str) -> str:
    """``char`` as JSON writes it escaped: ``\\u202e``, or a surrogate pair past U+FFFF."""
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _json_text(data: Any) -> str:
    """``data`` as indented JSON, readable (Cyrillic stays as is) but safe for a terminal.

    ``json.dumps`` escapes only the C0 controls; every other character that
    :func:`_terminal.escape` would hide (DEL, C1 controls, bidirectional overrides and
    isolates, zero-width characters, line separators, lone surrogates) becomes a JSON
    ``\\uXXXX`` escape too, so the JSON means exactly the same.

    >>> print(_json_text({"title": "Тадж\u202eик\x9b\U000e0001"}))
    {
      "title": "Тадж\\u202eик\\u009b\\udb40\\udc01"
    }
    """
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return "\n".join(
        line
        if line.isprintable()
        else "".join(
            _json_escape(char) if char != "\\" and _terminal.escape(char) != char else char
            for char in line
        )
        for line in text.split("\n")
    )


def _echo_json(data: Any) -> None:
    text = _json_text(data)
    _output(lambda out: out.line(text))


# --------------------------------------------------------------------------- clock


def _today() -> pendulum.Date:
    """Today in the local time zone: the ONLY clock read in the library.

    It is the default of ``--as-of``; everything else takes the day explicitly.
    Tests replace it with ``monkeypatch``.

    >>> type(_today()) is pendulum.Date
    True
    """
    return as_date(datetime.date.today())


# --------------------------------------------------------------------------- parameters

# click 8.4 made ParamType generic; subscripting it fails on the older versions we support.
if TYPE_CHECKING:
    _DateParam = click.ParamType[pendulum.Date]
    _MonthsParam = click.ParamType[tuple[int, ...]]
    _IntParam = click.ParamType[int]
else:
    _DateParam = _MonthsParam = _IntParam = click.ParamType


class _IsoDateType(_DateParam):
    """A strict ``YYYY-MM-DD`` date."""

    name = "date"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> pendulum.Date:
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return as_date(value)
        try:
            return parse_iso_date(str(value))
        except DataError:
            self.fail(
                f"expected an ISO date YYYY-MM-DD, got {_shown(value)}",
                param,
                ctx,
            )


def _shown(value: object) -> str:
    """A bad argument as echoed back: quoted, escaped and cut short.

    >>> _shown("2025-1-01"), _shown(""), _shown("9" * 100)[-4:]
    ("'2025-1-01'", "''", "99…'")
    """
    return f"'{_terminal.display(value, _ARG_WIDTH)}'"


_NUMBER = re.compile(r"[0-9]{1,18}", re.ASCII)  # 10**18 months is far past year 9999


def _whole_number(value: str) -> int:
    """A whole number in ASCII digits (``int()`` would also take ``1_0``, ``٦٠``, ``-1``).

    >>> _whole_number(" 60 ")
    60
    """
    stripped = value.strip()
    if not _NUMBER.fullmatch(stripped):
        raise ValueError(f"expected a whole number, got {_shown(value)}")
    return int(stripped)


class _MonthsType(_MonthsParam):
    """Stage lengths in months, comma-separated: ``12,24,24``."""

    name = "months"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[int, ...]:
        if isinstance(value, tuple):
            return value
        try:
            return tuple(_whole_number(part) for part in str(value).split(","))
        except ValueError as exc:
            self.fail(f"expected months separated by commas, e.g. 12,24,24: {exc}", param, ctx)


class _WholeNumberType(_IntParam):
    """A whole number written with ASCII digits only."""

    name = "integer"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            return _whole_number(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class _FileName(click.Path):
    """A file name (``-``: standard input or output); one holding a NUL character, which no
    file name can, is a usage error rather than a failure to open it."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and "\x00" in value:
            self.fail(f"no file name can hold a NUL character: {_shown(value)}", param, ctx)
        return super().convert(value, param, ctx)


_ISO_DATE = _IsoDateType()


def _as_of_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--as-of",
        type=_ISO_DATE,
        metavar="YYYY-MM-DD",
        help="The day to report on (default: today).",
    )(f)


def _known_on_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--known-on",
        type=_ISO_DATE,
        metavar="YYYY-MM-DD",
        help="Use only plans and reports published by this day (default: --as-of).",
    )(f)


def _months_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--months",
        type=_MonthsType(),
        default=",".join(map(str, DEFAULT_MONTHS)),
        show_default=True,
        metavar="N,N,...",
        help="Stage lengths in months.",
    )(f)


def _file_argument(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.argument("file", required=False, type=_FileName())(f)


def _max_bytes_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--max-bytes",
        type=_WholeNumberType(),
        default=MAX_DOCUMENT_BYTES,
        show_default=True,
        metavar="N",
        help="Refuse a document larger than this.",
    )(f)


# --------------------------------------------------------------------------- loading


def _embedded() -> Program:
    from csto_program.datasets import tajik_afghan_border

    return tajik_afghan_border()


def _load_package(label: str, folder: str) -> Program:
    """The program in a data package folder (one holding ``datapackage.json``)."""
    if not os.path.isfile(os.path.join(folder, "datapackage.json")):
        raise _Failure(
            [
                f"{label}: cannot read the file: Is a directory (and not a data package: "
                "it has no datapackage.json)"
            ]
        )
    try:
        from csto_program.export.datapackage import from_datapackage
    except ImportError as exc:
        raise _Failure([f"{label}: cannot read a data package: {exc}"]) from None
    return from_datapackage(folder)


def _stdin() -> BinaryIO:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # started with standard input closed (<&-)
        raise _Failure([f"{_STDIN}: cannot read: standard input is closed"])
    return stream  # type: ignore[no-any-return]


def _load(file: str | None, max_bytes: int = MAX_DOCUMENT_BYTES) -> tuple[str, Program]:
    """The program in ``file``, or the embedded record; problems raise ``_Failure``."""
    if file is None:
        return _EMBEDDED, _embedded()
    label = _STDIN if file == "-" else _cell(file, _PATH_WIDTH)
    try:
        # os.path.isdir, not Path.is_dir: a name too long is no folder, and the read says why
        if file != "-" and os.path.isdir(file):
            return label, _load_package(label, file)
        source = _stdin() if file == "-" else file
        try:
            data = read_limited(source, max_bytes=max_bytes, label=label)
        except DataError:  # the only DataError read_limited raises: past the limit
            raise _Failure(
                [f"{label}: larger than {max_bytes} bytes (the limit; raise it with --max-bytes)"]
            ) from None
        return label, from_json(data, Program, max_bytes=max_bytes)
    except FileError as exc:
        raise _Failure([f"{label}: {exc.reason}"]) from None
    except CstoProgramError as exc:
        raise _Failure(_problem_lines(label, exc)) from None


def _days(
    as_of: pendulum.Date | None, known_on: pendulum.Date | None
) -> tuple[pendulum.Date, pendulum.Date | None, str]:
    """The day to report on, the day of knowledge, and how to name them in a heading."""
    day = _today() if as_of is None else as_of
    name = f"{day} (today)" if as_of is None else str(day)
    if known_on is not None and known_on != day:
        name += f", as known on {known_on}"
    return day, known_on, name


def _heading(program: Program, status_line: str) -> list[str]:
    return [_cell(f"{program.title} ({program.id})"), status_line]


# --------------------------------------------------------------------------- commands


@click.group(
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(package_name="csto-program", prog_name=_PROG_NAME)
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
        if sys.stderr is not None:
            with contextlib.suppress(_terminal.OutputError):  # nowhere left to say it
                _terminal.Output(sys.stderr, name="standard error").line(ctx.get_help())
        ctx.exit(_EXIT_USAGE)


_KINDS = click.Choice(text.EVENT_KINDS)


@cli.command("timeline", short_help="History and plans in date order, with stage status.")
@_file_argument
@_as_of_option
@_known_on_option
@click.option(
    "--from",
    "since",
    type=_ISO_DATE,
    metavar="YYYY-MM-DD",
    help="Only events that can be on or after this day.",
)
@click.option(
    "--to",
    "until",
    type=_ISO_DATE,
    metavar="YYYY-MM-DD",
    help="Only events that can be on or before this day.",
)
@click.option("--kind", "kinds", type=_KINDS, multiple=True, help="Only events of this kind.")
@click.option(
    "--stage",
    "stage_numbers",
    type=_WholeNumberType(),
    multiple=True,
    help="Only events about this stage.",
)
@click.option("--speaker", help="Only statements by this person (id or part of the name).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def _timeline_command(
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
    _, program = _load(file)
    day, known, name = _days(as_of, known_on)
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
        _echo_json(
            {
                "as_of": str(day),
                "known_on": str(known or day),
                "events": [
                    {
                        "date": e.when,
                        "kind": e.kind,
                        "title": e.title,
                        "text": e.text,
                        "stages": list(e.stages),
                        "sources": list(e.sources),
                    }
                    for e in shown
                ],
            }
        )
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
        rows.append([_cell(event.when), event.kind, _cell(details, 400)])
    if not marked:
        rows.append([str(day), "as of", "── no later events ──"])
    status = program.status(day, known_on=known)
    lines = _heading(program, f"As of {name}: {text.headline(status)}")
    _echo_lines([*lines, "", *text.table(["DATE", "EVENT", "DETAILS"], rows)])


def _speakers(program: Program, wanted: str) -> set[str]:
    """The ids of the people ``wanted`` names: by id, or by part of a name (any case)."""
    folded = wanted.casefold()
    return {
        person.id
        for person in program.people
        if person.id.casefold() == folded
        or any(folded in name.casefold() for name in (person.name, *person.other_names))
    }


def _states_help() -> str:
    described = ENUM_DESCRIPTIONS[StageState]
    return "\n\n".join(f"{value}: {line}" for value, line in described.items())


@cli.command(
    "status",
    short_help="Each stage's state, progress, days left or late, shift and evidence.",
    help=(
        "Each stage of the plan in use: its window, state on --as-of, progress as reported, "
        "days left or late, how far its deadline moved from the first plan, and the "
        "statements about it.\n\nOnly plans and reports published by --known-on count "
        "(default: --as-of). The states:\n\n" + _states_help()
    ),
)
@_file_argument
@_as_of_option
@_known_on_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def _status_command(
    file: str | None, as_of: pendulum.Date | None, known_on: pendulum.Date | None, as_json: bool
) -> None:
    _, program = _load(file)
    day, known, name = _days(as_of, known_on)
    status = program.status(day, known_on=known)
    if as_json:
        _echo_json(text.status_json(status))
        return
    lines = _heading(program, f"As of {name}: {text.headline(status)}")
    if status.plan is None:
        _echo_lines(lines)
        return
    plan = status.plan
    lines += [_cell(f"Plan in use: {plan.id}, announced {plan.announced_on}"), ""]
    lines += text.table(
        ["STAGE", "NAME", "WINDOW", "STATE", "PROGRESS", "DAYS", "SHIFT"],
        [
            [
                str(s.stage.number),
                _cell(s.stage.name, 40),
                text.window(s.stage.start, s.stage.last_day),
                s.state.value,
                text.progress_words(s.progress)
                + ("" if s.report is None else f" ({s.report.reported_on})"),
                text.days_cell(s),
                text.shift_words(s.rescheduled_days),
            ]
            for s in status.stages
        ],
    )
    lines += [
        "Windows give the first and last day; SHIFT is the last day's move against the first plan.",
        "",
        f"Evidence on record by {min(day, known or day)}:",
    ]
    for s in status.stages:
        if not s.evidence:
            lines.append(f"  Stage {s.stage.number}: none")
            continue
        lines.append(f"  Stage {s.stage.number}:")
        for statement in s.evidence:
            speaker = getattr(program.by_id.get(statement.speaker), "name", statement.speaker)
            said = f"{speaker}, {statement.role}: {statement.text}"
            lines.append(
                f"    {statement.said_on}  {_cell(said, 100)} "
                f"[{_cell(text.outlets(program, statement.sources), 80)}]"
            )
    _echo_lines(lines)


@cli.command("plans", short_help="Every version of the plan, and how each stage moved.")
@_file_argument
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def _plans_command(file: str | None, as_json: bool) -> None:
    """Every plan version with its date, basis and sources, each stage's window, and each
    stage's last-day shift against the previous and the first plan (positive: later)."""
    _, program = _load(file)
    history = text.plan_history(program)
    if as_json:
        _echo_json({"plans": history})
        return
    lines = [_cell(f"{program.title} ({program.id})"), ""]
    for row in history:
        lines.append(
            _cell(
                f"{row['id']}, announced {row['announced_on']}: "
                f"starts {row['starts_on']}, term {row['term_months']} months"
            )
        )
        if row["basis"]:
            lines.append("  " + _cell(row["basis"]))
        if row["sources"]:
            lines.append("  sources: " + _cell(text.outlets(program, row["sources"])))
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
    _echo_lines(lines[:-1])


@cli.command("plan", short_help="The stage plan for any start date.")
@click.option("--start", type=_ISO_DATE, required=True, metavar="YYYY-MM-DD", help="First day.")
@_months_option
@click.option(
    "--term-months",
    type=_WholeNumberType(),
    default=DEFAULT_TERM_MONTHS,
    show_default=True,
    metavar="N",
    help="The plan's term in months.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def _plan_command(
    start: pendulum.Date, months: tuple[int, ...], term_months: int, as_json: bool
) -> None:
    """The stages of a plan starting on --start, stage one lasting as long as --months says.

    Windows are half-open [START, END); an impossible plan is a usage error (exit 2).
    """
    try:
        stages = plan_stages(start, months=months, term_months=term_months, first_stage_months=None)
    except CstoProgramError as exc:
        message = "; ".join(m for _, m in getattr(exc, "problems", [("$", str(exc))]))
        raise _Failure([f"impossible plan: {message}"], _EXIT_USAGE) from None
    fields: list[dict[str, Any]] = [
        {
            "number": s.number,
            "name": s.name,
            "start": str(s.start),
            "end": str(s.end),
            "last_day": str(s.last_day),
        }
        for s in stages
    ]
    if as_json:
        _echo_json({"stages": fields})
        return
    lines = [
        f"Stage plan from {start} ({', '.join(map(str, months))} months; "
        f"term {term_months} months)",
        "",
    ]
    lines += text.table(
        ["STAGE", "NAME", "START", "END", "LAST DAY", "MONTHS"],
        [
            [str(f["number"]), f["name"], f["start"], f["end"], f["last_day"], str(m)]
            for f, m in zip(fields, months, strict=True)
        ],
    )
    lines.append(
        "Windows are [START, END): END is the first day after a stage, LAST DAY its deadline."
    )
    _echo_lines(lines)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@cli.command("validate", short_help="Check program files; list every problem.")
@click.argument("files", nargs=-1, required=True, type=_FileName())
@_max_bytes_option
def _validate_command(files: tuple[str, ...], max_bytes: int) -> None:
    """Check program documents (or data package folders); report every problem of every file.

    Prints "FILE: ok" for each good file; each problem goes to standard error as
    "error: FILE: $.json.path: message" (at most the first 100 per file, then a count).
    Exit status 1 if any file has a problem.
    """
    failures: list[str] = []
    for file in files:
        try:
            label, program = _load(file, max_bytes)
        except _Failure as failure:
            failures += failure.lines
            continue
        _echo_lines(
            [
                f"{label}: ok ({_count(len(program.plans), 'plan')}, "
                f"{_count(len(program.stages), 'stage')}, "
                f"{_count(len(program.meetings), 'meeting')}, "
                f"{_count(len(program.statements), 'statement')}, "
                f"{_count(len(program.reports), 'progress report')})"
            ]
        )
    if failures:
        raise _Failure(failures)


@cli.command("schema", short_help="The JSON Schema of a program document.")
@click.option(
    "--version",
    "version",
    type=click.Choice(["1", "2"]),
    default="2",
    show_default=True,
    help="The document version.",
)
def _schema_command(version: str) -> None:
    """The JSON Schema (draft 2020-12) of a program document, indented."""
    _echo_json(json_schema(Program, version=int(version)))


def _check_output(output: str, inputs: Iterable[str | None], force: bool) -> None:
    """Refuse to write over one of the command's own inputs, unless forced."""
    if force or output == "-":
        return
    target = Path(output)
    for given in inputs:
        if given is None or given == "-":
            continue
        try:
            same = target.exists() and target.samefile(given)
        except OSError:
            same = False
        if same:
            raise _Failure(
                [f"{_cell(output, _PATH_WIDTH)} is also an input; give --force to overwrite it"],
                _EXIT_USAGE,
            )


def _write_output(output: str | None, data: bytes, *, binary: bool) -> None:
    if output is None or output == "-":
        if binary and sys.stdout is not None and sys.stdout.isatty():
            raise _Failure(
                ["refusing to write binary data to a terminal; use -o FILE"], _EXIT_USAGE
            )
        _output(lambda out: _emit_bytes(out, data))
        return
    try:
        write_atomic(output, data)
    except FileError as exc:
        raise _Failure([f"{_cell(output, _PATH_WIDTH)}: {exc.reason}"]) from None


def _emit_bytes(out: _terminal.Output, data: bytes) -> None:
    """Bytes as they are to the stream of ``out``, failing as ``Output`` does."""
    stream = out.stream
    try:
        stream.flush()
        stream.buffer.write(data)
        stream.buffer.flush()
    except OSError as exc:
        raise _terminal.OutputError(
            out.name, exc.strerror or type(exc).__name__, errno=exc.errno
        ) from None
    except ValueError:  # a closed stream
        raise _terminal.OutputError(out.name, "the stream is closed") from None


@cli.command("export", short_help="Export as a document, table package, report, calendar or chart.")
@_file_argument
@click.option(
    "-f",
    "--format",
    "fmt",
    metavar="FORMAT",
    help="The output format (default: from the suffix of -o).",
)
@click.option(
    "-o", "--output", type=_FileName(), help="Write to this file (default: standard output)."
)
@click.option("--force", is_flag=True, help="Allow -o to name one of the input files.")
@_as_of_option
@_known_on_option
def _export_command(
    file: str | None,
    fmt: str | None,
    output: str | None,
    force: bool,
    as_of: pendulum.Date | None,
    known_on: pendulum.Date | None,
) -> None:
    """Export the program: json (the document itself), jsonl (its statements), datapackage
    (CSV tables and datapackage.json, into a folder), html (a one-file report), markdown,
    mermaid, ics, png or svg. The format is --format, or the suffix of -o.

    Files are written atomically: a failed export leaves an existing file as it was. The
    output depends only on the record, --as-of and --known-on.
    """
    import csto_program.export as export

    try:
        name = export.choose_format(fmt, output)
    except ValueError as exc:
        raise _Failure([str(exc)], _EXIT_USAGE) from None
    if output is not None:
        _check_output(output, [file], force)
    spec = export.FORMATS[name]
    if spec.directory and (output is None or output == "-"):
        raise _Failure([f"the {name} format writes a folder: give -o DIR"], _EXIT_USAGE)
    _, program = _load(file)
    day, known, _ = _days(as_of, known_on)
    try:
        if spec.directory:
            assert output is not None
            export.write(program, name, output, as_of=day, known_on=known)
            return
        data = export.render(program, name, as_of=day, known_on=known)
    except FileError as exc:
        raise _Failure([f"{_cell(exc.path, _PATH_WIDTH)}: {exc.reason}"]) from None
    except CstoProgramError as exc:
        raise _Failure(_problem_lines(f"{name} export", exc)) from None
    except ImportError as exc:  # an optional dependency (matplotlib for png, svg)
        raise _Failure([f"{name} export: {exc}"]) from None
    _write_output(output, data, binary=spec.binary)


@cli.command("init", short_help="Write a small program file to start from.")
@click.option(
    "-o",
    "--output",
    type=_FileName(),
    default="-",
    show_default=True,
    help="The file to write (- is standard output).",
)
@click.option(
    "--start",
    type=_ISO_DATE,
    metavar="YYYY-MM-DD",
    default="2025-01-01",
    show_default=True,
    help="The first day of stage one.",
)
@_months_option
@click.option(
    "--term-months",
    type=_WholeNumberType(),
    metavar="N",
    help="The term in months (default: the stages' total).",
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def _init_command(
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

    if output != "-" and os.path.lexists(output) and not force:
        raise _Failure(
            [f"{_cell(output, _PATH_WIDTH)} exists; give --force to overwrite it"], _EXIT_USAGE
        )
    try:
        program = starter_program(start, months=months, term_months=term_months)
    except CstoProgramError as exc:
        message = "; ".join(m for _, m in getattr(exc, "problems", [("$", str(exc))]))
        raise _Failure([f"impossible plan: {message}"], _EXIT_USAGE) from None
    _write_output(output, to_json_bytes(program, indent=True), binary=False)


@cli.command("upgrade", short_help="Rewrite a program file in the current document version.")
@click.argument("file", type=_FileName(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=_FileName(),
    default="-",
    show_default=True,
    help="The file to write (- is standard output; FILE itself with --force).",
)
@click.option("--force", is_flag=True, help="Allow -o to name FILE.")
def _upgrade_command(file: str, output: str, force: bool) -> None:
    """Read a program document of any supported version and write it in the current one."""
    _check_output(output, [file], force)
    _, program = _load(file)
    _write_output(output, to_json_bytes(program, indent=True), binary=False)


# --------------------------------------------------------------------------- entry point


def _usage_line(exc: click.UsageError) -> str:
    # click quotes a bad value whole (an unknown command, option or choice): cut it short
    message = _LONG_QUOTED.sub(lambda m: _shown(m.group(1)), exc.format_message()).rstrip(".")
    if message[:1].isupper() and message[1:2].islower():
        message = message[0].lower() + message[1:]
    command = exc.ctx.command_path if exc.ctx is not None else _PROG_NAME
    return f"{message} (see '{command} --help')"


# A value click quotes whole: a quoted word of its own, longer than a bad value is shown.
_LONG_QUOTED = re.compile(f"(?:^|(?<=\\s))'([^']{{{_ARG_WIDTH + 1},}})'(?=[\\s.,:;]|$)")


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
    try:
        result = cli.main(args=args, prog_name=_PROG_NAME, standalone_mode=False)
    except click.UsageError as exc:
        _error(_usage_line(exc))
        return _EXIT_USAGE
    except _Failure as failure:
        for line in failure.lines:
            _error(line)
        return failure.exit_code
    except _terminal.OutputError as exc:
        _quiet_stdout()
        _error(str(exc))
        return _EXIT_DATA
    except (click.Abort, KeyboardInterrupt):
        _error("interrupted")
        return _EXIT_INTERRUPTED
    except SystemExit as exc:  # click's end of a broken pipe while printing help or version
        return exc.code if isinstance(exc.code, int) else _EXIT_DATA
    except OSError as exc:  # click printing help or version to a full or closed output
        if isinstance(exc, CstoProgramError) or exc.filename is not None:
            _error(f"unexpected {type(exc).__name__}: {exc} (please report this)")
            return _EXIT_DATA
        _quiet_stdout()
        _error(f"cannot write to standard output: {exc.strerror or type(exc).__name__}")
        return _EXIT_DATA
    except click.ClickException as exc:  # pragma: no cover - click's other errors
        _error(exc.format_message())
        return exc.exit_code
    except Exception as exc:  # never a traceback, even for a bug
        detail = str(exc)
        if len(detail) > _DETAIL_WIDTH:
            detail = detail[: _DETAIL_WIDTH - 1] + "…"
        _error(f"unexpected {type(exc).__name__}: {detail} (please report this)")
        return _EXIT_DATA
    return result if isinstance(result, int) else _EXIT_OK


def _quiet_stdout() -> None:
    """After a failed write to standard output, stop Python from failing again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - no file descriptor to replace
        pass


def _visible(text: str) -> str:
    """``text`` with every character a terminal would not show as itself escaped, except
    backslashes: the parts of an error line that come from a file or an argument are
    escaped already (:func:`_cell`), and escaping them again would double their escapes.

    >>> print(_visible("a.json\\\\x1b: bad\\x1b[2J\\u202e"))
    a.json\\x1b: bad\\x1b[2J\\u202e
    """
    if text.isprintable():
        return text
    return "".join(
        char if char == "\\" or char.isprintable() else _terminal.escape(char) for char in text
    )


def _error(line: str) -> None:
    """One line on standard error, made visible and cut short, never failing on its encoding."""
    try:
        if sys.stderr is not None:  # None when started with standard error closed
            shown = _terminal.shorten(_visible(line[: _ERROR_WIDTH + 1]), _ERROR_WIDTH)
            _terminal.Output(sys.stderr, name="standard error").line("error: " + shown)
    except _terminal.OutputError:  # pragma: no cover - nowhere left to say it
        pass
