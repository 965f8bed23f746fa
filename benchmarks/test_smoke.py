"""The benchmark's code stays correct: a small synthetic document, loaded by every variant.

Not part of the unit suite (``make test``): ``make bench-check`` runs it, and ``make bench``
runs it before the benchmark, in an environment with the ``bench`` extra (pydantic, msgspec).
"""

from __future__ import annotations

import datetime
import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pytest.importorskip("pydantic")
pytest.importorskip("msgspec")

BENCHMARKS = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        return importlib.import_module("bench")
    finally:
        sys.path.remove(str(BENCHMARKS))


def _get(obj: Any, name: str) -> Any:
    return obj[name] if isinstance(obj, dict) else getattr(obj, name)


def _day(value: Any) -> str:
    return value if isinstance(value, str) else value.isoformat()


def _summary(program: Any) -> dict[str, Any]:
    """Counts and dates, read the same way from every variant's objects."""
    return {
        "counts": {
            name: len(_get(program, name))
            for name in ("stages", "people", "meetings", "statements", "sources", "notes")
        },
        "adopted_on": _day(_get(program, "adopted_on")),
        "stages": [(_day(_get(s, "start")), _day(_get(s, "end"))) for s in _get(program, "stages")],
        "said_on": [str(_get(s, "said_on")) for s in _get(program, "statements")],
        "meetings": [str(_get(m, "starts_on")) for m in _get(program, "meetings")],
        "texts": [_get(s, "text") for s in _get(program, "statements")],
    }


def test_every_variant_loads_and_writes_the_same_document(bench: ModuleType) -> None:
    program, data = bench.document(50, 10, 10)
    assert len(program.statements) == 50 and len(program.meetings) == 10
    assert len(program.people) == 10
    variants = bench.variants()
    assert list(variants) == list(bench.ORDER)
    summaries = {}
    for name, variant in variants.items():
        loaded = variant.load(data)
        summaries[name] = _summary(loaded)
        assert variant.dump(loaded) == data, name  # the same bytes from every variant
        assert variant.round_trip(data) == data, name
    expected = _summary(program)
    for name, summary in summaries.items():
        assert summary == expected, name
    assert any(len(d) < 10 for d in expected["said_on"])  # partial dates are in there
    assert any(not t.isascii() for t in expected["texts"])  # and Cyrillic text


def test_rivals_are_strict(bench: ModuleType) -> None:
    _, data = bench.document(5, 2, 2)
    variants = bench.variants()
    bad = [
        data.replace(b'"term_months"', b'"colour":1,"term_months"', 1)
        if b'"term_months"' in data
        else data.replace(b'"id":', b'"colour":1,"id":', 1),
        data.replace(b'"adopted_on":"2024-11-28"', b'"adopted_on":"2024-11-31"'),
        data.replace(b'"number":1', b'"number":"1"', 1),
        data.replace(b'"schema_version":1', b'"schema_version":2'),
    ]
    for name in ("csto_program", "pydantic v2", "msgspec"):
        for text in bad:
            assert text != data
            with pytest.raises(Exception):  # noqa: B017 - each library raises its own
                variants[name].load(text)


def test_the_document_is_deterministic(bench: ModuleType) -> None:
    assert bench.document(20, 5, 5)[1] == bench.document(20, 5, 5)[1]
    other = bench.build_program(20, 5, 5, seed=1)
    assert other != bench.document(20, 5, 5)[0]
    assert other.starts_on == datetime.date(2025, 1, 1)


def test_measure_and_report(bench: ModuleType) -> None:
    _, data = bench.document(10, 3, 3)
    results = bench.measure(data, bench.variants(), repeats=2, warmup=0)
    assert set(results) == set(bench.ORDER)
    assert all(value > 0 for ops in results.values() for value in ops.values())
    table = bench.table(results)
    assert len(table) == 2 + 3 * len(results)
    assert bench.throughput(lambda: None, repeats=1) > 0
    assert any("Python" in line for line in bench.machine())
