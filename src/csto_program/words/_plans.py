"""The plan history in words and values: a row per plan version, and its JSON."""

from __future__ import annotations

from typing import Any

import attrs

from csto_program.model import Plan, Program
from csto_program.planning import diff_plans

__all__ = ["PlanRow", "PlanWindow", "plan_history", "plan_rows", "plans_json"]


@attrs.frozen
class PlanWindow:
    """One stage of a plan version: its window and how far its last day moved against the
    previous and the first plan (days, positive: later; None: nothing to compare);
    ``shift_inferred`` when the first plan or this one is inferred, so the shift from the
    first plan rests on an inference.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> window = plan_rows(tajik_afghan_border())[1].stages[0]
    >>> window.shift_from_first, window.shift_inferred
    (34, True)
    """

    number: int
    name: str
    start: str
    last_day: str
    shift_from_previous: int | None
    shift_from_first: int | None
    shift_inferred: bool = False


@attrs.frozen
class PlanRow:
    """One version of the plan, as announced: a row of the plan history (``inferred``: the
    record's author inferred the plan rather than a source stating it).

    >>> from csto_program.datasets import tajik_afghan_border
    >>> row = plan_rows(tajik_afghan_border())[0]
    >>> row.id, row.term_months, row.inferred
    ('asia-plus-2024-11-25', 60, True)
    """

    id: str
    announced_on: str
    starts_on: str
    term_months: int
    first_stage_months: int | None
    basis: str
    sources: tuple[str, ...]
    stages: tuple[PlanWindow, ...]
    inferred: bool = False


def plan_rows(program: Program) -> tuple[PlanRow, ...]:
    """A :class:`PlanRow` per plan, in the record's order (none for a record without
    plans, such as a record as known before its first plan).

    >>> from csto_program.datasets import tajik_afghan_border
    >>> [row.id for row in plan_rows(tajik_afghan_border())]
    ['asia-plus-2024-11-25', 'sputnik-2024-12-04', 'press-service-2025']
    """
    if not program.plans:
        return ()
    first = program.plans[0]
    rows = []
    previous: Plan | None = None
    for plan in program.plans:
        from_first = {s.number: s for s in diff_plans(first, plan)}
        from_previous = {s.number: s for s in diff_plans(previous or plan, plan)}
        inferred = plan is not first and (first.inferred or plan.inferred)
        rows.append(
            PlanRow(
                id=plan.id,
                announced_on=str(plan.announced_on),
                starts_on=str(plan.starts_on),
                term_months=plan.term_months,
                first_stage_months=plan.first_stage_months,
                basis=plan.basis,
                sources=tuple(plan.sources),
                stages=tuple(
                    PlanWindow(
                        number=stage.number,
                        name=stage.name,
                        start=str(stage.start),
                        last_day=str(stage.last_day),
                        shift_from_previous=from_previous[stage.number].last_day_days,
                        shift_from_first=from_first[stage.number].last_day_days,
                        shift_inferred=inferred,
                    )
                    for stage in plan.stages
                ),
                inferred=plan.inferred,
            )
        )
        previous = plan
    return tuple(rows)


def plan_history(program: Program) -> list[dict[str, Any]]:
    """Every plan with its stages' windows and their shifts against the previous and the
    first plan (in days, positive: later), as JSON-ready data.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> history = plan_history(tajik_afghan_border())
    >>> [(row["id"], row["stages"][0]["shift_from_first"]) for row in history]
    [('asia-plus-2024-11-25', 0), ('sputnik-2024-12-04', 34), ('press-service-2025', 34)]
    """
    return [
        {
            **attrs.asdict(row, recurse=False),
            "sources": list(row.sources),
            "stages": [attrs.asdict(stage) for stage in row.stages],
        }
        for row in plan_rows(program)
    ]


def plans_json(program: Program) -> dict[str, Any]:
    """What ``csto-program plans --json`` prints: ``{"plans": [...]}``, a plan per item
    (see :func:`plan_history`).

    >>> from csto_program.datasets import tajik_afghan_border
    >>> data = plans_json(tajik_afghan_border())
    >>> list(data), data["plans"][2]["stages"][1]["last_day"]
    (['plans'], '2027-12-31')
    """
    return {"plans": plan_history(program)}
