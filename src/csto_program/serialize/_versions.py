"""Document versions, and reading version-1 program documents.

A version-1 document has one calendar plan and a completion day per stage.

A version-1 document becomes a version-2 one without loss: its ``starts_on``,
``term_months`` and ``stages`` become one plan (id ``"plan"``, announced on the adoption
day, stage one of 12 months as version 1 required) and each stage's ``completed_on`` a
``completed`` progress report (id ``"stage-N-completed"``, reported on and as of that day).
Problems are reported at the version-1 paths, where the user will look for them.

A version-2 document is a version-3 one as it stands: version 3 adds ``inferred`` to plans
and progress reports (false when absent), ``status`` and ``announced_on`` to meetings
(``held`` and null when absent), ``noted_on`` to notes (null when absent), ``names``
(names in other languages) to the program, organisations, people and places, and a
statement's original wording (``original``, ``original_language``,
``original_fragments``). Those keys are refused in a document of an older version
(:func:`check_v2`), which its own schema would refuse too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

from csto_program.dates import ISO_DATE_PATTERN
from csto_program.errors import DataError, short_repr

__all__ = ["SCHEMA_VERSION", "SUPPORTED_VERSIONS", "check_v2", "upgrade_v1"]

SCHEMA_VERSION: Final = 3
"""The version of the JSON document format that this library writes.

>>> from csto_program import to_dict
>>> from csto_program.datasets import tajik_afghan_border
>>> to_dict(tajik_afghan_border())["schema_version"] == SCHEMA_VERSION == 3
True
"""

SUPPORTED_VERSIONS: Final = (1, 2, 3)
"""The document versions this library reads; versions 1 and 2 are upgraded as they are read.

>>> SUPPORTED_VERSIONS
(1, 2, 3)
"""

_NEW_IN_3: Final = {
    "plans": ("inferred",),
    "reports": ("inferred",),
    "meetings": ("status", "announced_on"),
    "organizations": ("names",),
    "people": ("names",),
    "statements": ("original", "original_language", "original_fragments"),
    "notes": ("noted_on",),
}
_NEW_AT_TOP_IN_3: Final = ("names",)
_NEW_IN_PLACE_3: Final = ("names",)


def check_v2(data: dict[str, Any], version: int) -> None:
    """Refuse, with every path, the keys that version 3 added, in a document of an older
    ``version`` (read before any upgrade: a version-1 document has meetings, not plans
    or reports).

    >>> try:
    ...     check_v2({"meetings": [{"id": "m", "status": "held"}]}, 2)
    ... except DataError as error:
    ...     print(error)
    1 problem:
      $.meetings[0].status: unknown key (version 2 has no such key; it is new in version 3)
    """
    words = f"unknown key (version {version} has no such key; it is new in version 3)"
    problems: list[tuple[str, str]] = [
        (f"$.{key}", words) for key in _NEW_AT_TOP_IN_3 if key in data
    ]
    for name, keys in _NEW_IN_3.items():
        items = data.get(name)
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            problems.extend((f"$.{name}[{index}].{key}", words) for key in keys if key in item)
            place = item.get("place") if name == "meetings" else None
            if isinstance(place, dict):
                problems.extend(
                    (f"$.{name}[{index}].place.{key}", words)
                    for key in _NEW_IN_PLACE_3
                    if key in place
                )
    if problems:
        raise DataError(problems)


_PLAN_KEYS = ("starts_on", "stages", "term_months")


def upgrade_v1(data: dict[str, Any]) -> tuple[dict[str, Any], Callable[[str], str]]:
    """The version-2 form of a version-1 document (without ``schema_version``), and a
    function that turns a path in the new form back into the path in the old one.

    >>> old = {"id": "p", "title": "P", "adopted_on": "2024-11-28", "starts_on": "2025-01-01",
    ...        "stages": [{"number": 1, "name": "Stage 1", "start": "2025-01-01",
    ...                    "end": "2026-01-01", "completed_on": "2025-12-01"}]}
    >>> new, old_path = upgrade_v1(old)
    >>> new["plans"][0]["id"], new["reports"][0]["id"], new["reports"][0]["as_of"]
    ('plan', 'stage-1-completed', '2025-12-01')
    >>> old_path("$.plans[0].stages[0].end"), old_path("$.reports[0].as_of")
    ('$.stages[0].end', '$.stages[0].completed_on')
    """
    problems: list[tuple[str, str]] = [
        (f"$.{key}", "unknown key (version 1 has no such key)")
        for key in ("plans", "reports")
        if key in data
    ]
    stages = data.get("stages")
    used = _ids_in(data)
    plan: dict[str, Any] = {"id": _free("plan", used)}
    if "adopted_on" in data:
        plan["announced_on"] = data["adopted_on"]
    for key in _PLAN_KEYS:
        if key in data:
            plan[key] = data[key]
    reports: list[dict[str, Any]] = []
    report_stage: list[int] = []
    if isinstance(stages, list):
        new_stages = []
        for index, stage in enumerate(stages):
            if isinstance(stage, dict) and "completed_on" in stage:
                stage = dict(stage)
                done = stage.pop("completed_on")
                if done is None:  # allowed by the version-1 schema: not completed
                    new_stages.append(stage)
                    continue
                number = stage.get("number")
                label = number if type(number) is int and number.bit_length() <= 64 else index + 1
                start = stage.get("start")
                if isinstance(done, str) and _ISO_DATE.fullmatch(done) is None:
                    problems.append(
                        (
                            f"$.stages[{index}].completed_on",
                            f"expected an ISO date YYYY-MM-DD, got {short_repr(done)}",
                        )
                    )
                elif isinstance(done, str) and isinstance(start, str) and done < start:
                    problems.append(
                        (
                            f"$.stages[{index}].completed_on",
                            f"stage {label} completed on {done}, before its start {start}",
                        )
                    )
                reports.append(
                    {
                        "id": _free(f"stage-{label}-completed", used),
                        "stage": label,
                        "progress": "completed",
                        "reported_on": done,
                        "as_of": done,
                    }
                )
                report_stage.append(index)
            new_stages.append(stage)
        plan["stages"] = new_stages
    if problems:
        raise DataError(problems)
    upgraded: dict[str, Any] = {}
    for key, value in data.items():
        if key in _PLAN_KEYS:
            if "plans" not in upgraded:
                upgraded["plans"] = [plan]
            continue
        upgraded[key] = value
        if key == "adopted_on" and "plans" not in upgraded and "starts_on" not in data:
            upgraded["plans"] = [plan]
    if "plans" not in upgraded:
        upgraded["plans"] = [plan]
    if reports:
        upgraded["reports"] = reports

    def old_path(path: str) -> str:
        match = _REPORT.match(path)
        if match is not None:
            index = int(match["index"])
            if index < len(report_stage):
                return f"$.stages[{report_stage[index]}].completed_on"
        if path.startswith("$.plans[0].announced_on"):
            return "$.adopted_on" + path[len("$.plans[0].announced_on") :]
        if path.startswith("$.plans[0]."):
            return "$." + path[len("$.plans[0].") :]
        if path == "$.plans[0]":
            return "$"
        return path

    return upgraded, old_path


_REPORT = re.compile(r"\$\.reports\[(?P<index>[0-9]+)\]")
_ISO_DATE = re.compile(ISO_DATE_PATTERN, re.ASCII)
_COLLECTIONS = ("organizations", "people", "meetings", "statements", "sources", "notes")


def _ids_in(data: dict[str, Any]) -> set[str]:
    """The ids a version-1 document's records use, so that new ones do not take them."""
    used: set[str] = set()
    for name in _COLLECTIONS:
        items = data.get(name)
        if isinstance(items, list):
            used.update(
                i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)
            )
    return used


def _free(base: str, used: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… the first id not in ``used`` (then taken).

    >>> used = {"plan"}
    >>> _free("plan", used), _free("plan", used)
    ('plan-2', 'plan-3')
    """
    found = base
    number = 1
    while found in used:
        number += 1
        found = f"{base}-{number}"
    used.add(found)
    return found
