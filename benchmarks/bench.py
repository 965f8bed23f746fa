"""Benchmark csto_program's JSON load and dump against pydantic v2, msgspec and plain orjson.

Run it with ``make bench`` (or ``python benchmarks/bench.py`` in an environment with
``.[bench]`` installed). It prints the machine, the document, a table of medians and ratios,
the import time of ``csto_program`` and the throughput of ``plan_stages`` and
``Program.status``, and whether the targets of issue 6 are met.

Method: one process; every variant loads (JSON bytes to validated objects), dumps (objects to
JSON) and round-trips (load then dump) the same bytes; the variants run interleaved, in a
rotating order, for several repeats, and the medians are reported. Every timed call runs after
``gc.collect()`` with the garbage collector disabled, and the result is released after the
clock stops, the same for all.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import importlib.metadata
import os
import platform
import statistics
import subprocess
import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import rivals
from synthetic import build_program

import csto_program
from csto_program import Program, from_json, plan_stages, to_json

try:
    from csto_program.serialize import to_json_bytes
except ImportError:  # csto_program before 0.2, for a before-and-after comparison

    def to_json_bytes(obj: Any, *, indent: bool = False) -> bytes:
        return to_json(obj, indent=indent).encode()


OPS = ("load", "dump", "round trip")
ORDER = ("csto_program", "pydantic v2", "msgspec", "orjson (floor)")
TARGETS = {
    "round trip vs pydantic v2": 1.0,
    "load vs msgspec": 2.5,
    "import (ms above bare python)": 65.0,
}


class Variant:
    """One library's way from JSON bytes to objects and back."""

    def __init__(
        self, name: str, load: Callable[[bytes], Any], dump: Callable[[Any], bytes | str]
    ) -> None:
        self.name = name
        self.load = load
        self.dump = dump

    def round_trip(self, data: bytes) -> bytes | str:
        return self.dump(self.load(data))


def _csto_load(data: bytes) -> Program:
    return from_json(data, Program)


def variants() -> dict[str, Variant]:
    """The variants under test, by name, in table order."""
    return {
        "csto_program": Variant("csto_program", _csto_load, to_json_bytes),
        "pydantic v2": Variant("pydantic v2", rivals.pydantic_load, rivals.pydantic_dump),
        "msgspec": Variant("msgspec", rivals.msgspec_load, rivals.msgspec_dump),
        "orjson (floor)": Variant("orjson (floor)", orjson.loads, orjson.dumps),
    }


def document(
    statements: int = 10_000, meetings: int = 1_000, people: int = 500
) -> tuple[Program, bytes]:
    """The synthetic program and its JSON bytes."""
    program = build_program(statements, meetings, people)
    return program, to_json(program).encode()


def _timed(call: Callable[[], Any]) -> float:
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        result = call()
        elapsed = time.perf_counter() - start
    finally:
        gc.enable()
    del result
    return elapsed


def measure(
    data: bytes, chosen: dict[str, Variant], repeats: int, warmup: int = 1
) -> dict[str, dict[str, float]]:
    """Median seconds per variant and operation, interleaved over ``repeats`` rounds."""
    loaded = {name: variant.load(data) for name, variant in chosen.items()}
    calls: dict[str, dict[str, Callable[[], Any]]] = {
        name: {
            "load": lambda v=variant: v.load(data),
            "dump": lambda v=variant, o=loaded[name]: v.dump(o),
            "round trip": lambda v=variant: v.round_trip(data),
        }
        for name, variant in chosen.items()
    }
    for _ in range(warmup):
        for ops in calls.values():
            for call in ops.values():
                call()
    times: dict[str, dict[str, list[float]]] = {name: {op: [] for op in OPS} for name in chosen}
    names = list(chosen)
    for round_ in range(repeats):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            for op in OPS:
                times[name][op].append(_timed(calls[name][op]))
    return {
        name: {op: statistics.median(t) for op, t in ops.items()} for name, ops in times.items()
    }


def import_time(runs: int = 21) -> tuple[float, float]:
    """Median wall time of ``import csto_program`` in a fresh interpreter, minus a bare one.

    Returns ``(above_bare_ms, bare_ms)``. The bytecode cache is allowed (a warm-up run
    writes it), as it is for any installed package.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    commands = {"bare": "pass", "import": "import csto_program"}

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        return time.perf_counter() - start

    for code in commands.values():
        run(code)
    found: dict[str, list[float]] = {key: [] for key in commands}
    for _ in range(runs):
        for key, code in commands.items():
            found[key].append(run(code))
    bare = statistics.median(found["bare"]) * 1000
    return statistics.median(found["import"]) * 1000 - bare, bare


def import_breakdown(least_ms: float = 2.0, deepest: int = 3) -> list[tuple[int, str, float]]:
    """What ``import csto_program`` imports (one ``-X importtime`` run): ``(depth, module,
    cumulative ms)``, parents before their children, from ``least_ms`` and down to ``deepest``.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import csto_program"],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    )
    rows: list[tuple[int, str, float]] = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line[len("import time:") :].split("|")
        depth = (len(name) - len(name.lstrip())) // 2
        rows.append((depth, name.strip(), int(cumulative) / 1000))
    # -X importtime lists a module after what it imports: reversed, parents come first.
    found: list[tuple[int, str, float]] = []
    for depth, name, ms in reversed(rows):
        if depth == 0 and found:
            break  # the tree under csto_program is complete
        if (found or name == "csto_program") and depth <= deepest and ms >= least_ms:
            found.append((depth, name, ms))
    return found


def throughput(call: Callable[[], Any], repeats: int = 5) -> float:
    """Calls per second (median of ``repeats`` autoranged runs)."""
    timer = timeit.Timer(call)
    rates = []
    for _ in range(repeats):
        number, seconds = timer.autorange()
        rates.append(number / seconds)
    return statistics.median(rates)


def machine() -> list[str]:
    """A description of the machine and the versions measured."""
    cpu = platform.processor() or "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    packages = ["csto-program", "attrs", "cattrs", "orjson", "pendulum", "pydantic"]
    packages += ["pydantic-core", "msgspec"]
    versions = ", ".join(f"{p} {importlib.metadata.version(p)}" for p in packages)
    return [
        f"- Machine: {os.cpu_count()} CPUs (nproc), {cpu}; {platform.system()} "
        f"{platform.release()}",
        f"- Python {platform.python_version()} ({platform.python_implementation()})",
        f"- Packages: {versions}",
    ]


def _ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}x"


def table(results: dict[str, dict[str, float]]) -> list[str]:
    """The markdown table of medians (ms) and ratios."""
    lines = [
        "| variant | operation | median ms | vs msgspec | vs pydantic v2 | vs orjson floor |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for name in results:
        for op in OPS:
            value = results[name][op]
            lines.append(
                f"| {name} | {op} | {value * 1000:.1f} "
                f"| {_ratio(value, results['msgspec'][op])} "
                f"| {_ratio(value, results['pydantic v2'][op])} "
                f"| {_ratio(value, results['orjson (floor)'][op])} |"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--meetings", type=int, default=1_000)
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=15, help="timed rounds (default 15)")
    parser.add_argument("--import-runs", type=int, default=21)
    args = parser.parse_args(argv)

    program, data = document(args.statements, args.meetings, args.people)
    print("## Machine\n")
    print("\n".join(machine()))
    print(
        f"\nDocument: {len(program.statements):,} statements, {len(program.meetings):,} "
        f"meetings, {len(program.people):,} people, {len(program.sources):,} sources, "
        f"{len(program.organizations):,} organisations, {len(program.notes):,} notes; "
        f"{len(data):,} bytes of JSON. {args.repeats} interleaved rounds, medians.\n"
    )
    results = measure(data, variants(), args.repeats)
    print("## Load, dump, round trip\n")
    print("\n".join(table(results)))

    above, bare = import_time(args.import_runs)
    print(f"\n## Import\n\n`import csto_program`: {above:.1f} ms above a bare interpreter")
    print(f"({bare:.1f} ms), median of {args.import_runs} fresh interpreters each.")
    print("\nWhat it imports (one `python -X importtime` run, cumulative ms, from 2 ms):\n")
    for depth, name, ms in import_breakdown():
        print(f"{'  ' * depth}- {name}: {ms:.1f}")

    start = datetime.date(2025, 1, 1)
    small = build_program(50, 10, 10)
    as_of = datetime.date(2026, 1, 29)
    print("\n## Scheduling throughput\n")
    print(f"- `plan_stages(start)`: {throughput(lambda: plan_stages(start)):,.0f} calls/s")
    print(
        f"- `Program.status(as_of)`, 50 statements: "
        f"{throughput(lambda: small.status(as_of)):,.0f} calls/s"
    )
    print(
        f"- `Program.status(as_of)`, {len(program.statements):,} statements: "
        f"{throughput(lambda: program.status(as_of)):,.1f} calls/s"
    )

    ours = results["csto_program"]
    reached = {
        "round trip vs pydantic v2": ours["round trip"] / results["pydantic v2"]["round trip"],
        "load vs msgspec": ours["load"] / results["msgspec"]["load"],
        "import (ms above bare python)": above,
    }
    print("\n## Targets\n")
    for key, limit in TARGETS.items():
        verdict = "met" if reached[key] <= limit else "NOT met"
        print(f"- {key}: {reached[key]:.2f} (target <= {limit:g}): {verdict}")
    print(f"\ncsto_program {csto_program.__version__}; command: make bench")
    return 0


if __name__ == "__main__":
    sys.exit(main())
