"""``find``, ``changes`` and ``diff``: finding ids, and what changed between days or files.

They wire up :func:`csto_program.lookup.find`, :func:`csto_program.news.changes` and
:func:`csto_program.compare.diff_programs`.
"""

from __future__ import annotations

from typing import Any

import click
import pendulum

from csto_program.cli._io import Command, Failure, cell, echo_lines, echo_text, load
from csto_program.cli._json import echo_json
from csto_program.cli._params import ISO_DATE, FileName, as_of_option, days, file_argument

__all__ = ["changes", "diff", "find"]


@click.command(
    "find", cls=Command, short_help="Find people, organisations, meetings and sources by name."
)
@click.argument("text")
@file_argument
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def find(text: str, file: str | None, as_json: bool) -> None:
    """The people, organisations, meetings and sources whose id, name, other name, title or
    outlet contains TEXT (any case, accents ignored), with their ids: people first, the
    closest matches first within each kind."""
    from csto_program.lookup import find as find_records
    from csto_program.words import table

    _, program = load(file)
    matches = find_records(program, text)
    if as_json:
        echo_json({"text": text, "matches": [match.to_dict() for match in matches]})
        return
    if not matches:
        echo_lines([f"no id, name or title contains {cell(repr(text), 80)}"])
        return
    rows = [
        [match.kind, cell(match.id), cell(match.label, 80)]
        + ([] if match.field in ("id", "name", "title") else [cell(f"({match.value})", 60)])
        for match in matches
    ]
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    headers = ["KIND", "ID", "NAME", "MATCHED"][:width]
    echo_lines(table(headers, rows))


@click.command(
    "changes", cls=Command, short_help="What became known between two days, and what it moved."
)
@file_argument
@click.option(
    "--since", type=ISO_DATE, required=True, metavar="YYYY-MM-DD", help="The earlier day."
)
@click.option(
    "--until", type=ISO_DATE, metavar="YYYY-MM-DD", help="The later day (default: today)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="markdown: a short note to paste into an email.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def changes(
    file: str | None,
    since: pendulum.Date,
    until: pendulum.Date | None,
    fmt: str,
    as_json: bool,
) -> None:
    """What became known after --since and by --until (plans, progress reports, statements,
    meetings, sources and notes published in between), the status headline as of and known
    on each day, and each stage's state and progress on each day."""
    from csto_program.errors import DataError
    from csto_program.news import changes as find_changes
    from csto_program.news import describe
    from csto_program.words import table

    _, program = load(file)
    day, _, _ = days(until, None)
    # each day is as known then (the header says so), so the until day is named alone
    name = f"{day} (today)" if until is None else str(day)
    try:
        found = find_changes(program, since, day)
    except DataError as exc:
        raise Failure([f"--until {day} is before --since {since}"], 2) from exc
    if as_json:
        echo_json(found.to_dict())
        return
    if fmt == "markdown":
        echo_text(found.markdown(program).rstrip("\n"))
        return
    lines = [
        cell(f"{program.title} ({program.id})"),
        f"Changes after {since} and by {name}, each day as known then",
        "",
        f"Headline on {since}: " + cell(found.headline_before),
        f"Headline on {day}: " + cell(found.headline_after),
        "",
    ]
    lines += table(
        ["STAGE", f"ON {since}", f"ON {day}", ""],
        [
            [
                str(stage.number),
                "–" if stage.before is None else stage.before.words(),
                "–" if stage.after is None else stage.after.words(),
                "changed" if stage.changed else "",
            ]
            for stage in found.stages
        ],
    )
    count = sum(len(ids) for ids in found.added.values())
    lines += ["", f"New on record ({count}):" if count else "Nothing new became known."]
    for ids in found.added.values():
        lines += ["  " + cell(describe(program, ident)) for ident in ids]
    echo_lines(lines)


def _value(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)


@click.command(
    "diff", cls=Command, short_help="Records added, removed and changed between two files."
)
@click.argument("old", type=FileName())
@click.argument("new", type=FileName())
@as_of_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of lines.")
def diff(old: str, new: str, as_of: pendulum.Date | None, as_json: bool) -> None:
    """Compare two files of the same program (e.g. two commits of it): records added,
    removed and changed, by id and field, and the status headline of each as of --as-of
    (known on that day)."""
    from csto_program.compare import diff_programs
    from csto_program.news import headlines

    old_label, old_program = load(old)
    new_label, new_program = load(new)
    found = diff_programs(old_program, new_program)
    day, _, name = days(as_of, None)
    before, after = headlines(old_program, new_program, day)
    if as_json:
        echo_json({**found.to_dict(), "as_of": str(day), "headline": {"old": before, "new": after}})
        return
    lines = [cell(f"--- {old_label}"), cell(f"+++ {new_label}")]
    if found.is_empty:
        lines.append("no differences")
    for collection, ids in found.added.items():
        lines += [f"added {collection}: {cell(ident)}" for ident in ids]
    for collection, ids in found.removed.items():
        lines += [f"removed {collection}: {cell(ident)}" for ident in ids]
    for record in found.changed:
        for where, change in zip(record.locations(), record.changes, strict=True):
            shown = change.to_dict()
            lines.append(
                f"changed {cell(where)}: {cell(_value(shown['old']), 80)} -> "
                f"{cell(_value(shown['new']), 80)}"
            )
    for change in found.program:
        shown = change.to_dict()
        lines.append(
            f"changed {change.path}: {cell(_value(shown['old']), 80)} -> "
            f"{cell(_value(shown['new']), 80)}"
        )
    lines += [f"reordered: {collection}" for collection in found.reordered]
    lines += [
        f"Headline as of {name}:",
        "  old: " + cell(before),
        "  new: " + cell(after),
    ]
    echo_lines(lines)
