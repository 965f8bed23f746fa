"""JSON documents in tests: every path in a document, the node at a path, a path as the
JSONPath the library reports, and version-1 documents (of a program, or drawn)."""

from __future__ import annotations

import datetime
import re
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from csto_program import PartialDate, Program, Progress, ProgressReport, to_dict
from csto_program.dates import MAX_DATE, format_iso_date
from csto_program.strategies import iso_dates, programs

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*", re.ASCII)


def paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path (a tuple of keys and indexes) in ``node``, the empty path first."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(paths(value, (*path, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(paths(value, (*path, index)))
    return found


def get(node: Any, path: tuple[Any, ...]) -> Any:
    """The node at ``path`` inside ``node``."""
    for part in path:
        node = node[part]
    return node


def json_path(path: tuple[Any, ...]) -> str:
    """``path`` as the library writes it: ``$.plans[0].stages[1].start``."""
    text = "$"
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _NAME.fullmatch(part):
            text += f".{part}"
        else:
            text += f"[{part!r}]"
    return text


def v1_document(program: Program) -> dict[str, Any]:
    """The version-1 document of ``program``, which must have one plan whose stage one
    lasts 12 months (version 1 had no other rule).

    The plan's ``starts_on``, ``term_months`` and ``stages`` go to the top (its id, dates of
    announcement and remarks have no place in version 1); of the ``completed`` reports about
    a stage whose day is a whole day on or after the stage's start, the first becomes the
    stage's ``completed_on``; other reports are dropped, and notes lose their references to
    the plan and the reports.
    """
    (plan,) = program.plans
    if plan.first_stage_months != 12:
        raise ValueError("version 1 has only plans whose stage one lasts 12 months")
    doc = to_dict(program)
    doc["schema_version"] = 1
    doc.pop("plans")
    doc.pop("reports", None)
    stages = to_dict(plan).get("stages", [])
    for stage_doc, stage in zip(stages, plan.stages, strict=True):
        for report in program.reports_about(stage.number):
            day = report.day
            whole_day = day.earliest == day.latest and day.earliest >= stage.start
            if report.progress is Progress.COMPLETED and whole_day:
                stage_doc.setdefault("completed_on", format_iso_date(day.earliest))
    drop_v3_keys(doc)
    for note in doc.get("notes", []):  # new in version 3
        note.pop("noted_on", None)
    gone = {plan.id, *(report.id for report in program.reports)}
    for note in doc.get("notes", []):
        if "about" in note:
            note["about"] = [ref for ref in note["about"] if ref not in gone]
            if not note["about"]:
                del note["about"]
    body = {key: value for key, value in doc.items() if key != "schema_version"}
    top: dict[str, Any] = {"schema_version": 1}
    for key, value in body.items():  # the plan's keys where version 1 had them
        top[key] = value
        if key == "adopted_on":
            top["starts_on"] = str(plan.starts_on)
            top["stages"] = stages
            if plan.term_months != 60:
                top["term_months"] = plan.term_months
    return top


_COLLECTIONS = ("organizations", "people", "meetings", "statements", "sources", "notes")

# The keys version 3 added, by collection (the program's own ``names`` at the top).
_V3_KEYS = {
    "meetings": ("status", "announced_on"),
    "organizations": ("names",),
    "people": ("names",),
    "statements": ("original", "original_language", "original_fragments"),
}


def drop_v3_keys(doc: dict[str, Any]) -> None:
    """Remove from a document, in place, the keys new in version 3 other than the plans'
    and reports' ``inferred`` (names in other languages, original wordings, meeting status)."""
    doc.pop("names", None)
    for name, keys in _V3_KEYS.items():
        for item in doc.get(name, []):
            for key in keys:
                item.pop(key, None)
            place = item.get("place") if name == "meetings" else None
            if isinstance(place, dict):
                place.pop("names", None)


@st.composite
def v1_documents(draw: st.DrawFn, *, max_items: int = 2) -> dict[str, Any]:
    """Version-1 documents: programs of one plan whose stage one lasts 12 months, with
    completed reports (a whole day, on or after the stage's start) that become
    ``completed_on``; :func:`v1_document` writes them."""
    program = draw(programs(max_items=max_items, max_plans=1, first_stage_months=st.just(12)))
    completed = []
    for stage in program.plan.stages:
        if draw(st.booleans()):
            latest = min(MAX_DATE.toordinal(), stage.end.toordinal() + 400)
            day = draw(iso_dates(stage.start, datetime.date.fromordinal(latest)))
            completed.append(
                ProgressReport(
                    id=f"done-{stage.number}",
                    stage=stage.number,
                    progress=Progress.COMPLETED,
                    reported_on=PartialDate.from_date(day),
                )
            )
    if {report.id for report in completed} & set(program.by_id):
        completed = []
    doc = v1_document(program.add(*completed))
    # the ids the upgrade gives must be free (a known bug otherwise: see tests/test_upgrade.py)
    used = {item["id"] for name in _COLLECTIONS for item in doc.get(name, [])}
    assume(not used & {"plan", *(f"stage-{s['number']}-completed" for s in doc["stages"])})
    return doc
