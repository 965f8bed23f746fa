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

from csto_program.datasets import tajik_afghan_border

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
    names = ("plans", "people", "meetings", "statements", "reports", "sources", "notes")
    return {
        "counts": {name: len(_get(program, name)) for name in names},
        "adopted_on": _day(_get(program, "adopted_on")),
        "plans": [
            (
                str(_get(plan, "announced_on")),
                _day(_get(plan, "starts_on")),
                [(_day(_get(s, "start")), _day(_get(s, "end"))) for s in _get(plan, "stages")],
            )
            for plan in _get(program, "plans")
        ],
        "reports": [
            (_get(r, "stage"), str(_get(r, "progress")), str(_get(r, "reported_on")))
            for r in _get(program, "reports")
        ],
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
    assert len(expected["plans"]) == 3 and expected["counts"]["reports"] >= 1


def test_every_variant_writes_the_embedded_record(bench: ModuleType) -> None:
    """The embedded record uses the keys of version 3 that the synthetic document leaves out
    (names, original wordings, inferred plans and reports, meetings not held, notes' days):
    the rivals mirror them too."""
    data = bench.to_json_bytes(tajik_afghan_border())
    for key in (b'"names"', b'"original_fragments"', b'"inferred"', b'"status"', b'"noted_on"'):
        assert key in data
    for name, variant in bench.variants().items():
        assert variant.round_trip(data) == data, name


def test_rivals_are_strict(bench: ModuleType) -> None:
    _, data = bench.document(5, 2, 2)
    variants = bench.variants()
    bad = [
        data.replace(b'"term_months"', b'"colour":1,"term_months"', 1)
        if b'"term_months"' in data
        else data.replace(b'"id":', b'"colour":1,"id":', 1),
        data.replace(b'"adopted_on":"2024-11-28"', b'"adopted_on":"2024-11-31"'),
        data.replace(b'"number":1', b'"number":"1"', 1),
        data.replace(b'"schema_version":3', b'"schema_version":4'),
        data.replace(b'"announced_on":"2024-11-25"', b'"announced_on":"2024-11-25T00"'),
        data.replace(b'"progress":"', b'"progress":"begun-', 1),
        data.replace(b'"plans":[', b'"plans":[{"id":"bare"},', 1),
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
    assert [len(plan.stages) for plan in other.plans] == [3, 3, 3]


def test_plans_and_reports_leave_the_rest_as_it_was(bench: ModuleType) -> None:
    """The records the document had before plans and reports come out as they did: the
    figures before and after compare the same statements, meetings, people and sources."""
    program = bench.build_program(30, 6, 6)
    assert program.statements[0].said_on == bench.csto_program.PartialDate.parse("2027-11")
    assert program.statements[-1].id == "statement-29"
    assert program.reports and {r.stage for r in program.reports} <= {1, 2, 3}
    assert program.plans[-1].stages == bench.plan_stages(datetime.date(2025, 1, 1))


def test_linear_case(bench: ModuleType) -> None:
    documents = bench.linear_documents(8)
    assert list(documents) == [8, 32]
    big = bench.from_json(documents[32], bench.Program)
    assert len(big.people) == len(big.sources) == len(big.meetings) == len(big.statements) == 32
    ops = bench.linear_ops(chart=False)
    assert not any("chart" in name for name in ops)
    results = bench.measure_linear(documents, ops, repeats=1, warmup=0)
    assert set(results) == set(ops)
    assert all(set(by_size) == {8, 32} for by_size in results.values())
    table = bench.linear_table(results)
    assert len(table) == 2 + len(ops) and "| 4N / N |" in table[0]


def test_command_line_case(bench: ModuleType) -> None:
    results = bench.measure_cli(bench.linear_documents(4), runs=1)
    assert len(results) == len(bench.CLI_COMMANDS) + 1
    assert all(value > 0 for by_size in results.values() for value in by_size.values())


def test_measure_and_report(bench: ModuleType) -> None:
    _, data = bench.document(10, 3, 3)
    results = bench.measure(data, bench.variants(), repeats=2, warmup=0)
    assert set(results) == set(bench.ORDER)
    assert all(value > 0 for ops in results.values() for value in ops.values())
    table = bench.table(results)
    assert len(table) == 2 + 3 * len(results)
    assert bench.throughput(lambda: None, repeats=1) > 0
    assert any("Python" in line for line in bench.machine())


def test_the_command_line_ratios_run() -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        cli_bench = importlib.import_module("cli_bench")
    finally:
        sys.path.remove(str(BENCHMARKS))
    lines = cli_bench.report(runs=1)
    assert len(lines) == 4 + len(cli_bench.PAIRS)
    assert all(line.endswith(("| yes |", "| no |")) for line in lines[4:])
