"""The ``csto-program`` command line (also ``python -m csto_program``).

Commands: ``timeline``, ``status``, ``plan``, ``validate``, ``schema`` and ``export``.
Every command that reads a program takes an optional FILE (a JSON program document,
or ``-`` for standard input); without one it reads the embedded record
(:func:`csto_program.datasets.tajik_afghan_border`).

Errors are one line per problem on standard error, never a traceback, and the exit
status says what went wrong: 0 success, 1 bad or unreadable data (or an output file
that cannot be written), 2 a usage error (unknown option, bad date, impossible plan),
130 interrupted.

:func:`_today` is the only place in the whole library that reads the clock: it is
the default of ``--as-of``.

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

import datetime
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import click
import pendulum

from csto_program.dates import PartialDate, as_date, days_between, parse_iso_date
from csto_program.errors import CstoProgramError, DataError
from csto_program.model import Meeting, Program, Statement, StatementKind
from csto_program.schedule import (
    DEFAULT_MONTHS,
    DEFAULT_TERM_MONTHS,
    StageState,
    StageStatus,
    plan_stages,
)
from csto_program.schema import json_schema
from csto_program.serialize import from_json

__all__ = ["EXPORT_FORMATS", "cli", "main"]

_PROG_NAME = "csto-program"

EXPORT_FORMATS: tuple[str, ...] = ("ics", "jsonl", "markdown", "mermaid", "png", "svg")
"""The formats ``csto-program export --format`` accepts.

>>> "ics" in EXPORT_FORMATS
True
"""

_BINARY_FORMATS = frozenset({"png"})
_EMBEDDED = "<embedded record>"
_STDIN = "<stdin>"
_SHORT_TEXT = 100
_EVIDENCE_TEXT = 80

_EXIT_OK = 0
_EXIT_DATA = 1
_EXIT_USAGE = 2
_EXIT_INTERRUPTED = 130


# --------------------------------------------------------------------------- errors


class _Failure(Exception):
    """A command failed: ``lines`` go to stderr, one per problem, as ``error: <line>``."""

    def __init__(self, lines: Iterable[str], exit_code: int = _EXIT_DATA) -> None:
        self.lines = [_clean(line) for line in lines]
        self.exit_code = exit_code
        super().__init__("\n".join(self.lines))


def _problem_lines(label: str, exc: CstoProgramError) -> list[str]:
    problems: Iterable[tuple[str, str]] = getattr(exc, "problems", None) or (("$", str(exc)),)
    return [f"{label}: {path}: {message}" for path, message in problems]


# --------------------------------------------------------------------------- text


# Bidirectional embeddings, overrides and isolates can make a terminal show text in
# another order than it is stored; they are escaped like control characters.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SPACE_RUN = re.compile(r"\s+")


def _clean(text: str) -> str:
    """One printable line: runs of whitespace become a space, control characters escapes.

    Data read from a file must not be able to break the table layout or send escape
    sequences to the terminal.

    >>> _clean("two\\nlines\\x1b[2J")
    'two lines\\\\x1b[2J'
    """
    text = _SPACE_RUN.sub(" ", text).strip()
    if text.isprintable():
        return text
    return "".join(
        (
            ascii(char)[1:-1]
            if unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS
            else char
        )
        for char in text
    )


def _shorten(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis.

    >>> _shorten("The CSTO is assisting in the first stage", 20)
    'The CSTO is assisti…'
    """
    text = _clean(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _days(count: int) -> str:
    """``"1 day"``, ``"2 days"``.

    >>> _days(1), _days(29)
    ('1 day', '29 days')
    """
    return f"{count} day{'' if count == 1 else 's'}"


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """Left-aligned columns two spaces apart, with no trailing spaces.

    >>> print("\\n".join(_table(["A", "BB"], [["xxx", "y"]])))
    A    BB
    xxx  y
    """
    body = [list(row) for row in rows]
    widths = [max(len(cell) for cell in column) for column in zip(headers, *body, strict=True)]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [list(headers), *body]
    ]


def _echo_lines(lines: Iterable[str]) -> None:
    click.echo("\n".join(lines))


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


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
    """A strict ``YYYY-MM-DD`` date, via :func:`~csto_program.parse_iso_date`."""

    name = "date"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> pendulum.Date:
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return as_date(value)
        try:
            return parse_iso_date(str(value))
        except DataError as exc:
            message = exc.problems[0][1]
            if len(message) > 100:  # a long argument: do not echo all of it
                message = f"expected an ISO date YYYY-MM-DD, got {_quote(value)}"
            self.fail(message, param, ctx)


_NUMBER = re.compile(r"\A[0-9]+\Z", re.ASCII)
_MAX_DIGITS = 18  # far beyond any date: 10**18 months is past year 9999


def _quote(value: object, width: int = 40) -> str:
    """``repr(value)``, shortened: a usage error should not echo a megabyte back.

    >>> _quote("x" * 100, 10)
    "'xxxxxxxx…"
    """
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _whole_number(text: str) -> int:
    """A whole number in ASCII digits (``int()`` would also take ``1_0``, ``٦٠``, ``-1``).

    >>> _whole_number(" 60 ")
    60
    """
    text = text.strip()
    if not _NUMBER.match(text):
        raise ValueError(f"expected a whole number, got {_quote(text)}")
    if len(text) > _MAX_DIGITS:
        raise ValueError(f"{len(text)}-digit number is too large")
    return int(text)


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
            self.fail(
                f"expected whole numbers of months separated by commas, e.g. 12,24,24: {exc}",
                param,
                ctx,
            )


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


_ISO_DATE = _IsoDateType()
_AS_OF_HELP = "The day to report on, YYYY-MM-DD (default: today)."


def _as_of_option() -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--as-of", type=_ISO_DATE, metavar="YYYY-MM-DD", help=_AS_OF_HELP)


def _file_argument() -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.argument("file", required=False, type=click.Path(dir_okay=True))


# --------------------------------------------------------------------------- loading


def _read(file: str) -> tuple[str, bytes]:
    """``(label, bytes)`` of a file named on the command line (``-`` is stdin)."""
    if file == "-":
        return _STDIN, sys.stdin.buffer.read()
    try:
        return file, Path(file).read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise _Failure([f"{file}: cannot read the file: {reason}"]) from None


def _embedded() -> Program:
    from csto_program.datasets import tajik_afghan_border

    return tajik_afghan_border()


def _load(file: str | None) -> tuple[str, Program]:
    """The program in ``file``, or the embedded record; problems raise ``_Failure``."""
    if file is None:
        try:
            return _EMBEDDED, _embedded()
        except CstoProgramError as exc:  # pragma: no cover - the record is tested
            raise _Failure(_problem_lines(_EMBEDDED, exc)) from None
    label, data = _read(file)
    try:
        return label, from_json(data, Program)
    except CstoProgramError as exc:
        raise _Failure(_problem_lines(label, exc)) from None


def _resolve_as_of(as_of: pendulum.Date | None) -> tuple[pendulum.Date, str]:
    """The day to report on and how to name it in a heading."""
    if as_of is None:
        today = _today()
        return today, f"{today} (today)"
    return as_of, str(as_of)


# --------------------------------------------------------------------------- describing


def _person_name(program: Program, person_id: str) -> str:
    for person in program.people:
        if person.id == person_id:
            return person.name
    return person_id  # pragma: no cover - a loaded program's references resolve


def _outlets(program: Program, source_ids: Sequence[str]) -> str:
    by_id = {source.id: source for source in program.sources}
    names = []
    for source_id in source_ids:
        source = by_id[source_id]
        relayed = [by_id[ref].outlet for ref in source.via if ref in by_id]
        names.append(source.outlet + (f" via {', '.join(relayed)}" if relayed else ""))
    return "; ".join(names) if names else "no source on record"


def _statement_text(statement: Statement, width: int) -> str:
    if statement.kind is StatementKind.QUOTE:
        return f"“{_shorten(statement.text, width)}”"
    return f"(paraphrase) {_shorten(statement.text, width)}"


def _describe_statement(program: Program, statement: Statement, width: int) -> str:
    speaker = _person_name(program, statement.speaker)
    return (
        f"{speaker}, {statement.role}: {_statement_text(statement, width)} "
        f"[{_outlets(program, statement.sources)}]"
    )


def _meeting_when(meeting: Meeting) -> str:
    if meeting.ends_on is None or meeting.ends_on == meeting.starts_on:
        return str(meeting.starts_on)
    return f"{meeting.starts_on} – {meeting.ends_on}"


def _describe_meeting(meeting: Meeting) -> str:
    if meeting.place is None:
        return meeting.title
    return f"{meeting.title} ({meeting.place.name}, {meeting.place.country})"


def _describe_state(status: StageStatus) -> str:
    """The state of a stage in words, with the days left or late.

    >>> from csto_program import plan_stages, stage_status
    >>> stage = plan_stages(datetime.date(2025, 1, 1))[0]
    >>> _describe_state(stage_status(stage, datetime.date(2026, 1, 29)))
    'overdue by 29 days'
    """
    stage = status.stage
    if status.state is StageState.UPCOMING:
        return f"upcoming, starts in {_days(days_between(status.as_of, stage.start))}"
    if status.state is StageState.ACTIVE:
        assert status.days_remaining is not None
        if status.days_remaining == 0:
            return "active, today is its last day"
        return f"active, {_days(status.days_remaining)} remaining"
    if status.state is StageState.OVERDUE:
        return f"overdue by {_days(status.days_overdue or 0)}"
    if status.state is StageState.COMPLETED:
        return f"completed on {stage.completed_on}"
    return f"completed on {stage.completed_on}, {_days(status.days_overdue or 0)} late"


def _current(program: Program, as_of: pendulum.Date) -> str:
    stage = program.stage_on(as_of)
    if stage is not None:
        return f"stage {stage.number} of {len(program.stages)} is under way"
    if as_of < program.stages[0].start:
        return f"the program has not started (stage 1 starts on {program.stages[0].start})"
    return "no stage window holds this day"


def _heading(program: Program, as_of_text: str, as_of: pendulum.Date) -> list[str]:
    return [
        _clean(f"{program.title} ({program.id})"),
        f"Status as of {as_of_text}: {_current(program, as_of)}",
    ]


# --------------------------------------------------------------------------- timeline


class _Event(NamedTuple):
    key: tuple[pendulum.Date, pendulum.Date]
    rank: int
    order: int
    when: str
    what: str
    details: str


def _timeline_events(program: Program, as_of: pendulum.Date) -> list[_Event]:
    events = [
        _Event(
            PartialDate.from_date(program.adopted_on).sort_key,
            0,
            0,
            str(program.adopted_on),
            "adopted",
            f"{program.title} adopted",
        )
    ]
    for index, meeting in enumerate(program.meetings):
        events.append(
            _Event(
                meeting.starts_on.sort_key,
                1,
                index,
                _meeting_when(meeting),
                "meeting",
                _describe_meeting(meeting),
            )
        )
    for index, statement in enumerate(program.statements):
        events.append(
            _Event(
                statement.said_on.sort_key,
                2,
                index,
                str(statement.said_on),
                "statement",
                _describe_statement(program, statement, _SHORT_TEXT),
            )
        )
    for status in program.status(as_of).stages:
        stage = status.stage
        name = "" if stage.name == f"Stage {stage.number}" else f"{stage.name} — "
        events.append(
            _Event(
                (stage.start, stage.last_day),
                3,
                stage.number,
                f"{stage.start} – {stage.last_day}",
                f"stage {stage.number}",
                name + _describe_state(status),
            )
        )
    events.sort(key=lambda event: (event.key, event.rank, event.order))
    # The marker goes after every event that had begun by as_of.
    position = sum(1 for event in events if event.key[0] <= as_of)
    marker = _Event((as_of, as_of), 9, 0, str(as_of), "as of", "── events below begin later ──")
    events.insert(position, marker)
    return events


# --------------------------------------------------------------------------- status


def _stage_fields(status_or_stage: Any) -> dict[str, Any]:
    stage = getattr(status_or_stage, "stage", status_or_stage)
    return {
        "number": stage.number,
        "name": stage.name,
        "start": str(stage.start),
        "end": str(stage.end),
        "last_day": str(stage.last_day),
    }


def _status_json(program: Program, as_of: pendulum.Date) -> dict[str, Any]:
    stages = []
    for status in program.status(as_of).stages:
        stages.append(
            {
                **_stage_fields(status),
                "state": status.state.value,
                "days_remaining": status.days_remaining,
                "days_overdue": status.days_overdue,
                "evidence": [statement.id for statement in status.evidence],
            }
        )
    return {"as_of": str(as_of), "stages": stages}


def _days_cell(status: StageStatus) -> str:
    """The DAYS column: days remaining, overdue, to the start, or the completion.

    >>> from csto_program import plan_stages, stage_status
    >>> stage = plan_stages(datetime.date(2025, 1, 1))[0]
    >>> [_days_cell(stage_status(stage, datetime.date(y, m, d)))
    ...  for y, m, d in [(2024, 12, 30), (2025, 12, 30), (2026, 1, 29)]]
    ['starts in 2', '1 remaining', '29 overdue']
    """
    stage = status.stage
    if status.state is StageState.ACTIVE:
        return f"{status.days_remaining} remaining"
    if status.state is StageState.OVERDUE:
        return f"{status.days_overdue} overdue"
    if status.state is StageState.UPCOMING:
        return f"starts in {days_between(status.as_of, stage.start)}"
    if status.state is StageState.COMPLETED:
        return f"done {stage.completed_on}"
    return f"done {stage.completed_on}, {status.days_overdue} late"


def _status_lines(program: Program, as_of: pendulum.Date, as_of_text: str) -> list[str]:
    statuses = program.status(as_of).stages
    lines = _heading(program, as_of_text, as_of)
    lines.append("")
    lines += _table(
        ["STAGE", "NAME", "START", "END", "LAST DAY", "STATE", "DAYS"],
        [
            [
                str(s.stage.number),
                _shorten(s.stage.name, 40),
                str(s.stage.start),
                str(s.stage.end),
                str(s.stage.last_day),
                s.state.value,
                _days_cell(s),
            ]
            for s in statuses
        ],
    )
    lines.append(
        "Windows are [START, END): END is the first day after a stage, LAST DAY its deadline."
    )
    lines.append("")
    lines.append(f"Evidence on record by {as_of}:")
    for status in statuses:
        if not status.evidence:
            lines.append(f"  Stage {status.stage.number}: none")
            continue
        lines.append(f"  Stage {status.stage.number}:")
        for statement in status.evidence:
            lines.append(
                f"    {statement.said_on}  "
                + _describe_statement(program, statement, _EVIDENCE_TEXT)
            )
    return lines


# --------------------------------------------------------------------------- commands


@click.group(
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(package_name="csto-program", prog_name=_PROG_NAME)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Schedule and status of the CSTO Tajik-Afghan border program.

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
        # No command: the help, on stderr, and a usage error (the same on every click).
        click.echo(ctx.get_help(), err=True)
        ctx.exit(_EXIT_USAGE)


@cli.command("timeline", short_help="History and plan in date order, with stage status.")
@_file_argument()
@_as_of_option()
def _timeline_command(file: str | None, as_of: pendulum.Date | None) -> None:
    """The program's history and plan in date order, with each stage's status.

    Meetings (with their places), statements (speaker, role, source) and stage
    windows (first day – last day), sorted by date; partial dates are shown as
    recorded (2023, 2023-12). A marker row shows where --as-of falls.
    """
    _, program = _load(file)
    day, day_text = _resolve_as_of(as_of)
    events = _timeline_events(program, day)
    lines = _heading(program, day_text, day)
    lines.append("")
    lines += _table(
        ["DATE", "EVENT", "DETAILS"],
        [[event.when, event.what, _clean(event.details)] for event in events],
    )
    _echo_lines(lines)


@cli.command("status", short_help="Each stage's state, days left or late, and evidence.")
@_file_argument()
@_as_of_option()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def _status_command(file: str | None, as_of: pendulum.Date | None, as_json: bool) -> None:
    """Each stage's window, last day, state, days left or late, and evidence.

    Evidence is the statements about a stage on record by --as-of.
    """
    _, program = _load(file)
    day, day_text = _resolve_as_of(as_of)
    if as_json:
        _echo_json(_status_json(program, day))
    else:
        _echo_lines(_status_lines(program, day, day_text))


@cli.command("plan", short_help="The stage plan for any start date.")
@click.option("--start", type=_ISO_DATE, required=True, metavar="YYYY-MM-DD", help="First day.")
@click.option(
    "--months",
    type=_MonthsType(),
    default=",".join(str(m) for m in DEFAULT_MONTHS),
    show_default=True,
    metavar="N,N,...",
    help="Stage lengths in months; stage one lasts 12.",
)
@click.option(
    "--term-months",
    type=_WholeNumberType(),
    default=DEFAULT_TERM_MONTHS,
    show_default=True,
    metavar="N",
    help="The program's term in months.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def _plan_command(
    start: pendulum.Date, months: tuple[int, ...], term_months: int, as_json: bool
) -> None:
    """The stage plan of a program starting on --start.

    Windows are half-open [START, END); an impossible plan is a usage error (exit 2).
    """
    try:
        stages = plan_stages(start, months=months, term_months=term_months)
    except CstoProgramError as exc:
        raise _Failure([f"impossible plan: {exc}"], _EXIT_USAGE) from None
    if as_json:
        _echo_json({"stages": [_stage_fields(stage) for stage in stages]})
        return
    lines = [
        f"Stage plan from {start} ({', '.join(map(str, months))} months; "
        f"term {term_months} months)",
        "",
    ]
    lines += _table(
        ["STAGE", "NAME", "START", "END", "LAST DAY", "MONTHS"],
        [
            [
                str(stage.number),
                stage.name,
                str(stage.start),
                str(stage.end),
                str(stage.last_day),
                str(length),
            ]
            for stage, length in zip(stages, months, strict=True)
        ],
    )
    lines.append(
        "Windows are [START, END): END is the first day after a stage, LAST DAY its deadline."
    )
    _echo_lines(lines)


@cli.command("validate", short_help="Check program files; list every problem.")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True))
def _validate_command(files: tuple[str, ...]) -> None:
    """Check program documents; report every problem of every file.

    Prints "FILE: ok" for each good file; each problem goes to standard error as
    "error: FILE: $.json.path: message". Exit status 1 if any file has a problem.
    """
    failures: list[str] = []
    for file in files:
        try:
            label, program = _load(file)
        except _Failure as failure:
            failures += failure.lines
            continue
        click.echo(
            _clean(
                f"{label}: ok ({_count(len(program.stages), 'stage')}, "
                f"{_count(len(program.meetings), 'meeting')}, "
                f"{_count(len(program.statements), 'statement')})"
            )
        )
    if failures:
        raise _Failure(failures)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@cli.command("schema", short_help="The JSON Schema of a program document.")
def _schema_command() -> None:
    """The JSON Schema (draft 2020-12) of a program document, indented."""
    _echo_json(json_schema(Program))


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


@cli.command("export", short_help="Export as ics, jsonl, markdown, mermaid, png or svg.")
@_file_argument()
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS, case_sensitive=False),
    required=True,
    help="The output format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Write to this file (default: standard output; - is standard output).",
)
@_as_of_option()
def _export_command(
    file: str | None, fmt: str, output: str | None, as_of: pendulum.Date | None
) -> None:
    """Export the program as a calendar, JSON lines, Markdown, a diagram or an image.

    The output depends only on the record and --as-of (the calendar's timestamp is
    midnight UTC of that day), so a given --as-of always gives the same bytes.
    """
    to_stdout = output is None or output == "-"
    if to_stdout and fmt in _BINARY_FORMATS and _stdout_is_terminal():
        raise _Failure(
            [f"refusing to write {fmt.upper()} to a terminal; use -o FILE or redirect the output"],
            _EXIT_USAGE,
        )
    _, program = _load(file)
    day, _ = _resolve_as_of(as_of)
    stamp = datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)
    render = _renderer()
    try:
        data = render(program, fmt, as_of=day, stamp=stamp)
    except CstoProgramError as exc:
        raise _Failure(_problem_lines(f"{fmt} export", exc)) from None
    except ImportError as exc:  # an optional dependency (matplotlib for png, svg)
        raise _Failure([f"{fmt} export: {exc}"]) from None
    if to_stdout:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    assert output is not None
    try:
        Path(output).write_bytes(data)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise _Failure([f"{output}: cannot write the file: {reason}"]) from None


def _renderer() -> Callable[..., bytes]:
    """``csto_program.export.render``, imported only when an export is asked for."""
    try:
        from csto_program.export import render
    except ImportError as exc:
        raise _Failure([f"exports are not available: {exc}"]) from None
    return render


# --------------------------------------------------------------------------- entry point


def _usage_line(exc: click.UsageError) -> str:
    message = exc.format_message().rstrip(".")
    if message[:1].isupper() and message[1:2].islower():
        message = message[0].lower() + message[1:]
    command = exc.ctx.command_path if exc.ctx is not None else _PROG_NAME
    return f"{message} (see '{command} --help')"


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
    except (click.Abort, KeyboardInterrupt):
        _error("interrupted")
        return _EXIT_INTERRUPTED
    except click.ClickException as exc:  # pragma: no cover - click's other errors
        _error(exc.format_message())
        return exc.exit_code
    except BrokenPipeError:  # pragma: no cover - needs a reader that quits early
        # The reader (e.g. head) has gone: stop quietly, as the Python docs advise.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return _EXIT_DATA
    except Exception as exc:  # never a traceback, even for a bug
        _error(f"unexpected {type(exc).__name__}: {exc} (please report this)")
        return _EXIT_DATA
    return result if isinstance(result, int) else _EXIT_OK


def _error(line: str) -> None:
    click.echo(f"error: {_clean(line)}", err=True)
