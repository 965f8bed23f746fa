"""``find``, ``changes`` and ``diff``: finding ids, and what changed between days or files.

They wire up :func:`csto_program.lookup.find`, :func:`csto_program.news.changes` and
:func:`csto_program.compare.diff_programs`.
"""

from __future__ import annotations

from typing import Any, Final

import click
import pendulum

from csto_program._i18n import N_, using
from csto_program._i18n import gettext as _
from csto_program.cli._io import (
    Command,
    Failure,
    cell,
    echo_lines,
    echo_text,
    headline_lines,
    load,
)
from csto_program.cli._json import echo_json
from csto_program.cli._params import ISO_DATE, FileName, as_of_option, days, file_argument

__all__ = ["changes", "diff", "find"]

# The kinds of record that ``find`` finds.
_KINDS: Final = {
    "person": N_("person"),
    "organization": N_("organization"),
    "meeting": N_("meeting"),
    "source": N_("source"),
}


def _kind(kind: str) -> str:
    return _(_KINDS[kind]) if kind in _KINDS else kind


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

    _label, program = load(file)
    matches = find_records(program, text)
    if as_json:
        echo_json({"text": text, "matches": [match.to_dict() for match in matches]})
        return
    if not matches:
        echo_lines([_("no id, name or title contains {text}").format(text=cell(repr(text), 80))])
        return
    rows = [
        [_kind(match.kind), cell(match.id), cell(match.label, 80)]
        + ([] if match.field in ("id", "name", "title") else [cell(f"({match.value})", 60)])
        for match in matches
    ]
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    headers = [_("KIND"), _("ID"), _("NAME"), _("MATCHED")][:width]
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
    from csto_program.words import table, title_of

    _label, program = load(file)
    day, _known, _name = days(until, None)
    # each day is as known then (the header says so), so the until day is named alone
    name = _("{day} (today)").format(day=day) if until is None else str(day)
    try:
        # JSON is the same in every language; the text and the note speak the one in use
        found = find_changes(program, since, day, lang="en" if as_json else None)
    except DataError as exc:
        problem = _("--until {until} is before --since {since}").format(until=day, since=since)
        raise Failure([problem], 2) from exc
    if as_json:
        echo_json(found.to_dict())
        return
    if fmt == "markdown":
        echo_text(found.markdown(program).rstrip("\n"))
        return
    lines = [
        cell(f"{title_of(program)} ({program.id})"),
        _("Changes after {since} and by {until}, each day as known then").format(
            since=since, until=name
        ),
        "",
        _("Headline on {day}:").format(day=since) + " " + cell(found.headline_before),
        _("Headline on {day}:").format(day=day) + " " + cell(found.headline_after),
        "",
    ]
    lines += table(
        [_("STAGE"), _("ON {day}").format(day=since), _("ON {day}").format(day=day), ""],
        [
            [str(stage.number), *stage.words(), _("changed") if stage.changed else ""]
            for stage in found.stages
        ],
    )
    count = sum(len(ids) for ids in found.added.values())
    new = _("New on record ({count}):").format(count=count)
    lines += ["", new if count else _("Nothing new became known.")]
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
    day, _known, name = days(as_of, None)
    with using("en" if as_json else None):  # JSON is the same in every language
        before, after = headlines(old_program, new_program, day)
    if as_json:
        echo_json({**found.to_dict(), "as_of": str(day), "headline": {"old": before, "new": after}})
        return
    lines = [cell(f"--- {old_label}"), cell(f"+++ {new_label}")]
    if found.is_empty:
        lines.append(_("no differences"))
    added, removed = _("added {collection}: {id}"), _("removed {collection}: {id}")
    for collection, ids in found.added.items():
        lines += [added.format(collection=collection, id=cell(ident)) for ident in ids]
    for collection, ids in found.removed.items():
        lines += [removed.format(collection=collection, id=cell(ident)) for ident in ids]
    changed = _("changed {where}: {old} -> {new}")
    for record in found.changed:
        for where, change in zip(record.locations(), record.changes, strict=True):
            shown = change.to_dict()
            lines.append(
                changed.format(
                    where=cell(where),
                    old=cell(_value(shown["old"]), 80),
                    new=cell(_value(shown["new"]), 80),
                )
            )
    for change in found.program:
        shown = change.to_dict()
        lines.append(
            changed.format(
                where=change.path,
                old=cell(_value(shown["old"]), 80),
                new=cell(_value(shown["new"]), 80),
            )
        )
    reordered = _("reordered: {collection}")
    lines += [reordered.format(collection=collection) for collection in found.reordered]
    lines += headline_lines(name, (_("old:"), before), (_("new:"), after))
    echo_lines(lines)
