"""Version-1 documents: every one loads, round-trips as version 3 and keeps the version-1
meaning of every status, checked against an independent oracle of the version-1 rule.
Version-2 documents load as version 3 with nothing inferred and every meeting held."""

from __future__ import annotations

import copy
import datetime
import json
from collections.abc import Iterator
from typing import Any

import attrs
import jsonschema
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from csto_program import (
    DataError,
    PartialDate,
    Program,
    Progress,
    from_dict,
    from_json,
    json_schema,
    to_dict,
    to_json,
)
from csto_program.codes import MeetingStatus
from csto_program.dates import MAX_DATE
from csto_program.serialize import set_fast_path
from csto_program.strategies import iso_dates, programs
from json_paths import v1_documents
from support import whole_program_settings

D = datetime.date
V1_SCHEMA = jsonschema.Draft202012Validator(
    json_schema(Program, version=1), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
V3_SCHEMA = jsonschema.Draft202012Validator(
    json_schema(Program), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
V2_SCHEMA = jsonschema.Draft202012Validator(
    json_schema(Program, version=2), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def both_paths() -> Iterator[bool]:
    """The fast path on, then off (and on again after)."""
    try:
        for fast in (True, False):
            set_fast_path(fast)
            yield fast
    finally:
        set_fast_path(True)


# --------------------------------------------------------------------------- the oracle


def _iso(text: str) -> D:
    return D.fromisoformat(text)


def v1_status(doc: dict[str, Any], day: D) -> tuple[list[tuple[str, Any, Any]], int | None]:
    """The version-1 rule, from the document alone: ``[(state, days_remaining,
    days_overdue)]`` per stage, and the number of the stage whose window holds ``day``.

    A stage is completed once ``completed_on <= day`` (late if after its last day, by the
    days between); otherwise upcoming, active or overdue by its window ``[start, end)``.
    """
    found = []
    current = None
    for stage in doc["stages"]:
        start, end = _iso(stage["start"]), _iso(stage["end"])
        last = end - relativedelta(days=1)
        done = stage.get("completed_on")
        if done is not None and _iso(done) <= day:
            late = _iso(done).toordinal() - last.toordinal()
            found.append(("completed_late", None, late) if late > 0 else ("completed", None, None))
        elif day < start:
            found.append(("upcoming", None, None))
        elif day <= last:
            found.append(("active", last.toordinal() - day.toordinal(), None))
        else:
            found.append(("overdue", None, day.toordinal() - last.toordinal()))
        if start <= day < end:
            current = stage["number"]
    return found, current


def _days(doc: dict[str, Any]) -> st.SearchStrategy[list[D]]:
    marks = {_iso(doc["adopted_on"]).toordinal()}
    for stage in doc["stages"]:
        marks.update(_iso(stage[key]).toordinal() for key in ("start", "end"))
        if "completed_on" in stage:
            marks.add(_iso(stage["completed_on"]).toordinal())
    days = sorted(
        D.fromordinal(n + k)
        for n in marks
        for k in (-1, 0, 1)
        if 1 <= n + k <= MAX_DATE.toordinal()
    )
    low = _iso(doc["adopted_on"])
    high = D.fromordinal(min(MAX_DATE.toordinal(), max(marks) + 800))
    return st.lists(iso_dates(low, high), max_size=20).map(lambda drawn: days + drawn)


@whole_program_settings
@given(v1_documents(max_items=2), st.data())
def test_every_v1_document_upgrades_and_keeps_its_meaning(
    doc: dict[str, Any], data: st.DataObject
) -> None:
    V1_SCHEMA.validate(doc)
    starts_on = _iso(doc["starts_on"])
    assert _iso(doc["stages"][0]["end"]) == starts_on + relativedelta(months=12)  # the v1 rule
    loaded = []
    for _ in both_paths():
        loaded += [from_dict(copy.deepcopy(doc), Program), from_json(json.dumps(doc), Program)]
    program = loaded[0]
    assert all(other == program for other in loaded)
    # the upgrade: one plan, one completed report per completion day
    (plan,) = program.plans
    assert (plan.id, plan.first_stage_months) == ("plan", 12)
    assert plan.announced_on == PartialDate.parse(doc["adopted_on"])
    assert str(plan.starts_on) == doc["starts_on"]
    assert plan.term_months == doc.get("term_months", 60)
    assert [to_dict(stage) for stage in plan.stages] == [
        {k: v for k, v in stage.items() if k != "completed_on"} for stage in doc["stages"]
    ]
    completions = [(s["number"], s["completed_on"]) for s in doc["stages"] if "completed_on" in s]
    assert [
        (r.id, r.stage, r.progress, str(r.reported_on), str(r.as_of)) for r in program.reports
    ] == [(f"stage-{n}-completed", n, Progress.COMPLETED, day, day) for n, day in completions]
    # it round-trips as a version-3 document
    text = to_json(program)
    assert json.loads(text)["schema_version"] == 3
    V3_SCHEMA.validate(json.loads(text))
    assert from_json(text, Program) == program
    assert from_dict(to_dict(program), Program) == program
    # and every day on or after adoption has its version-1 status
    adopted = _iso(doc["adopted_on"])
    for day in data.draw(_days(doc)):
        status = program.status(day)
        if day < adopted:
            assert status.plan is None and status.stages == ()
            continue
        expected, current = v1_status(doc, day)
        found = [(s.state.value, s.days_remaining, s.days_overdue) for s in status.stages]
        assert found == expected, day
        assert (status.current_stage.number if status.current_stage else None) == current


# --------------------------------------------------------------------------- version 2


def _as_version_2(program: Program) -> Program:
    """``program`` with nothing a version-2 document could not say: nothing inferred, every
    meeting held and without an announcement day, no names in other languages, no
    original wordings and no note with the day it was written."""
    return attrs.evolve(
        program,
        names=(),
        plans=tuple(attrs.evolve(p, inferred=False) for p in program.plans),
        reports=tuple(attrs.evolve(r, inferred=False) for r in program.reports),
        meetings=tuple(
            attrs.evolve(
                m,
                status=MeetingStatus.HELD,
                announced_on=None,
                place=None if m.place is None else attrs.evolve(m.place, names=()),
            )
            for m in program.meetings
        ),
        organizations=tuple(attrs.evolve(o, names=()) for o in program.organizations),
        people=tuple(attrs.evolve(p, names=()) for p in program.people),
        statements=tuple(
            attrs.evolve(s, original=(), original_language=None, original_fragments=False)
            for s in program.statements
        ),
        notes=tuple(attrs.evolve(n, noted_on=None) for n in program.notes),
    )


@whole_program_settings
@given(programs(max_items=2).map(_as_version_2), st.data())
def test_every_v2_document_upgrades_and_keeps_its_meaning(
    program: Program, data: st.DataObject
) -> None:
    doc = {**to_dict(program), "schema_version": 2}
    V2_SCHEMA.validate(doc)
    for _ in both_paths():
        assert from_dict(copy.deepcopy(doc), Program) == program
        assert from_json(json.dumps(doc), Program) == program
    upgraded = to_dict(from_dict(doc, Program))
    assert upgraded == {**doc, "schema_version": 3}  # only the version changes
    V3_SCHEMA.validate(upgraded)
    loaded = from_dict(doc, Program)
    assert all(not p.inferred for p in loaded.plans)
    assert all(not r.inferred for r in loaded.reports)
    assert all(m.status is MeetingStatus.HELD for m in loaded.meetings)
    for day in data.draw(st.lists(iso_dates(), max_size=4)):
        status = loaded.status(day)
        assert status == program.status(day)
        assert not any(s.progress_inferred or s.rescheduled_inferred for s in status.stages)


def test_a_version_2_document_with_a_version_3_key_is_refused_at_its_path() -> None:
    doc = {**_BASE, "schema_version": 1}
    doc = to_dict(from_dict(doc, Program))
    doc["schema_version"] = 2
    doc["plans"][0]["inferred"] = True
    with pytest.raises(DataError) as raised:
        from_dict(doc, Program)
    assert list(raised.value.problems) == [
        (
            "$.plans[0].inferred",
            "unknown key (version 2 has no such key; it is new in version 3)",
        )
    ]
    doc["plans"][0].pop("inferred")
    doc["notes"] = [{"id": "n", "kind": "context", "text": "T", "noted_on": "2026-12"}]
    with pytest.raises(DataError) as raised:
        from_dict(doc, Program)
    assert [path for path, _ in raised.value.problems] == ["$.notes[0].noted_on"]


@pytest.mark.parametrize("version", [1, 2])
def test_names_and_original_wordings_are_refused_before_version_3(version: int) -> None:
    doc = to_dict(from_dict({**_BASE, "schema_version": 1}, Program))
    doc["names"] = [{"language": "ru", "name": "Программа"}]
    doc["people"] = [{"id": "p", "name": "P", "names": [{"language": "ru", "name": "П"}]}]
    doc["organizations"] = [{"id": "o", "name": "O", "names": []}]
    doc["meetings"] = [
        {
            "id": "m",
            "title": "M",
            "kind": "summit",
            "starts_on": "2025",
            "place": {"name": "Astana", "country": "KZ", "timezone": "Asia/Almaty", "names": []},
        }
    ]
    doc["statements"] = [
        {
            "id": "s",
            "speaker": "p",
            "role": "R",
            "said_on": "2025",
            "text": "T",
            "kind": "quote",
            "original": ["Т"],
            "original_language": "ru",
            "original_fragments": False,
        }
    ]
    if version == 1:
        doc = {k: v for k, v in doc.items() if k not in ("plans", "reports")}
        doc.update(_BASE)
        doc["names"] = [{"language": "ru", "name": "Программа"}]
    doc["schema_version"] = version
    with pytest.raises(DataError) as raised:
        from_dict(doc, Program)
    words = f"unknown key (version {version} has no such key; it is new in version 3)"
    assert sorted(raised.value.problems) == sorted(
        (path, words)
        for path in (
            "$.names",
            "$.organizations[0].names",
            "$.people[0].names",
            "$.meetings[0].place.names",
            "$.statements[0].original",
            "$.statements[0].original_language",
            "$.statements[0].original_fragments",
        )
    )


def test_a_version_2_document_with_a_bad_item_is_reported_where_it_is() -> None:
    doc = to_dict(from_dict({**_BASE, "schema_version": 1}, Program))
    doc["schema_version"] = 2
    doc["meetings"] = [5]
    with pytest.raises(DataError) as raised:
        from_dict(doc, Program)
    assert [path for path, _ in raised.value.problems] == ["$.meetings[0]"]


# --------------------------------------------------------------------------- errors

_BASE: dict[str, Any] = {
    "schema_version": 1,
    "id": "p",
    "title": "P",
    "adopted_on": "2024-11-28",
    "starts_on": "2025-01-01",
    "stages": [
        {
            "number": 1,
            "name": "S1",
            "start": "2025-01-01",
            "end": "2026-01-01",
            "completed_on": "2025-12-01",
        },
        {"number": 2, "name": "S2", "start": "2026-01-01", "end": "2028-01-01"},
    ],
}


def _problems(change: Any) -> list[tuple[str, str]]:
    doc = copy.deepcopy(_BASE)
    change(doc)
    with pytest.raises(DataError) as info:
        from_dict(doc, Program)
    try:
        text = json.dumps(doc)
    except ValueError:  # an integer Python will not print
        return list(info.value.problems)
    with pytest.raises(DataError) as again:
        from_json(text, Program)
    assert again.value.problems == info.value.problems
    return list(info.value.problems)


def test_the_base_document() -> None:
    V1_SCHEMA.validate(_BASE)
    program = from_dict(copy.deepcopy(_BASE), Program)
    (report,) = program.reports
    assert (report.id, str(report.reported_on), str(report.as_of)) == (
        "stage-1-completed",
        "2025-12-01",
        "2025-12-01",
    )
    with_schema = {**_BASE, "$schema": "https://csto-program.invalid/schema/v1/Program.json"}
    assert from_dict(with_schema, Program) == program


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (lambda d: d["stages"][1].update(end="2028-02-30"), "$.stages[1].end", "2028-02-30"),
        (
            lambda d: d["stages"][0].update(completed_on="2024-12-01"),
            "$.stages[0].completed_on",
            "before its start 2025-01-01",
        ),
        (lambda d: d.pop("starts_on"), "$.starts_on", "required key is missing"),
        (lambda d: d.update(plans=[]), "$.plans", "version 1 has no such key"),
        (lambda d: d.update(reports=[]), "$.reports", "version 1 has no such key"),
        (lambda d: d["stages"][0].update(end="2025-07-01"), "$.stages[0].end", "12 months"),
        (lambda d: d.update(term_months=24), "$.stages[1].end", "after the term"),
        (lambda d: d.update(term_months="60"), "$.term_months", "expected an integer"),
        (lambda d: d["stages"][0].update(colour="red"), "$.stages[0].colour", "unknown key"),
        (lambda d: d.update(stages={}), "$.stages", "expected an array"),
        (lambda d: d["stages"].append(5), "$.stages[2]", "expected an object"),
        (lambda d: d["stages"][0].update(number=10**5000), "$.stages[0].number", "digits"),
        (
            lambda d: d.update(
                people=[{"id": "x", "name": "X"}],
                statements=[
                    {
                        "id": "s",
                        "speaker": "x",
                        "role": "r",
                        "said_on": "2025",
                        "text": "t",
                        "kind": "quote",
                        "stages": [3],
                    }
                ],
            ),
            "$.statements[0].stages[0]",
            "stage 3",
        ),
    ],
)
def test_problems_are_reported_at_version_1_paths(change: Any, path: str, words: str) -> None:
    problems = _problems(change)
    assert problems[0][0] == path
    assert words in problems[0][1]
    assert all(not p.startswith(("$.plans[", "$.reports[")) for p, _ in problems)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["stages"][0].update(completed_on="2025-02-30"),
        lambda d: d["stages"][0].update(completed_on=5),
        lambda d: d.update(adopted_on="2024-13-01"),
        lambda d: d.pop("adopted_on"),
    ],
)
def test_one_bad_value_is_one_problem(change: Any) -> None:
    problems = _problems(change)
    assert len(problems) == len(set(problems)) == len({p for p, _ in problems})


def test_the_upgrade_does_not_take_ids_the_document_uses() -> None:
    doc = copy.deepcopy(_BASE)
    doc["people"] = [{"id": "plan", "name": "A person called plan"}]
    doc["sources"] = [{"id": "stage-1-completed", "outlet": "Example"}]
    V1_SCHEMA.validate(doc)
    program = from_dict(doc, Program)
    assert program.by_id["plan"].name == "A person called plan"


def test_a_null_completed_on_means_not_completed() -> None:
    # The published version-1 schema allows "completed_on": null.
    from csto_program import Program, from_dict

    doc = {
        "schema_version": 1,
        "id": "p",
        "title": "P",
        "adopted_on": "2024-11-28",
        "starts_on": "2025-01-01",
        "stages": [
            {
                "number": 1,
                "name": "S1",
                "start": "2025-01-01",
                "end": "2026-01-01",
                "completed_on": None,
            },
        ],
        "term_months": 12,
    }
    program = from_dict(doc, Program)
    assert program.reports == ()
    assert len(program.stages) == 1
