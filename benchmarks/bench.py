"""Benchmark csto_program's JSON load and dump against pydantic v2, msgspec and plain orjson.

Run it with ``make bench`` (or ``python benchmarks/bench.py`` in an environment with
``.[bench]`` installed). It prints the machine, the document, a table of medians and ratios,
the import time of ``csto_program``, the throughput of ``plan_stages`` and ``Program.status``,
whether the library's performance goals are met, and the linear-cost case: loading, status,
timeline and exports of a record with N and 4N people, sources, meetings and statements, and
the ``timeline`` and ``status`` commands run end to end on both.

Method: one process; every variant loads (JSON bytes to validated objects), dumps (objects to
JSON) and round-trips (load then dump) the same bytes; the variants run interleaved, in a
rotating order, for several repeats, and the medians are reported. Every timed call runs after
``gc.collect()`` with the garbage collector disabled, and the result is released after the
clock stops, the same for all. The linear-cost case times each operation the same way, on a
freshly loaded program (so that nothing is cached from an earlier call), N and 4N in turn.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import importlib.metadata
import importlib.util
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cli_bench
import orjson
import rivals
from synthetic import build_program, build_scaled

import csto_program
from csto_program import Program, from_json, plan_stages, to_json
from csto_program.export import render, text
from csto_program.serialize import to_json_bytes

OPS = ("load", "dump", "round trip")
ORDER = ("csto_program", "pydantic v2", "msgspec", "orjson (floor)")
TARGETS = {
    "round trip vs pydantic v2": 1.0,
    "load vs msgspec": 2.5,
    "import (ms above bare python)": 65.0,
}
AS_OF = datetime.date(2026, 1, 29)
# The linear-cost goal: 4N costs at most about four times N (4x, and 10% for the noise of a
# shared machine).
LINEAR_LIMIT = 4.4


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


# A linear-cost operation: given the bytes and a way to get a freshly loaded program (both
# outside the clock), the call to time.
LinearOp = Callable[[bytes, Callable[[], Program]], Callable[[], Any]]


def _status_again(data: bytes, fresh: Callable[[], Program]) -> Callable[[], Any]:
    program = fresh()
    program.status(AS_OF)  # its lookups are built: this times a second call
    return lambda: program.status(AS_OF)


def _export(name: str) -> LinearOp:
    def make(data: bytes, fresh: Callable[[], Program]) -> Callable[[], Any]:
        program = fresh()
        return lambda: render(program, name, as_of=AS_OF)

    return make


def linear_ops(chart: bool | None = None) -> dict[str, LinearOp]:
    """The operations of the linear-cost case, by the name the table gives them; the chart
    only when matplotlib is installed (``chart=None``) or asked for."""

    def fresh_call(call: Callable[[Program], Any]) -> LinearOp:
        def make(data: bytes, fresh: Callable[[], Program]) -> Callable[[], Any]:
            program = fresh()
            return lambda: call(program)

        return make

    ops: dict[str, LinearOp] = {
        "load (`from_json`)": lambda data, fresh: lambda: from_json(data, Program),
        "`program.status(as_of)`": fresh_call(lambda p: p.status(AS_OF)),
        "`program.status(as_of)`, again": _status_again,
        "timeline (`export.text.timeline`)": fresh_call(lambda p: text.timeline(p, AS_OF)),
        "Markdown (`render`)": _export("markdown"),
        "iCalendar (`render`)": _export("ics"),
    }
    if chart is None:
        chart = importlib.util.find_spec("matplotlib") is not None
    if chart:
        ops["chart, PNG (`render`)"] = _export("png")
    return ops


def linear_documents(n: int) -> dict[int, bytes]:
    """The JSON bytes of the linear-cost records, N and 4N, by size."""
    return {size: to_json_bytes(build_scaled(size)) for size in (n, 4 * n)}


def measure_linear(
    documents: dict[int, bytes], ops: dict[str, LinearOp], repeats: int, warmup: int = 1
) -> dict[str, dict[int, float]]:
    """Median seconds per operation and size, the sizes in turn (rotating) each round; every
    operation is timed on a freshly loaded program."""
    sizes = list(documents)
    times: dict[str, dict[int, list[float]]] = {op: {size: [] for size in sizes} for op in ops}
    for round_ in range(warmup + repeats):
        shift = round_ % len(sizes)
        for op, make in ops.items():
            for size in sizes[shift:] + sizes[:shift]:
                data = documents[size]
                call = make(data, lambda data=data: from_json(data, Program))
                elapsed = _timed(call)
                del call
                if round_ >= warmup:
                    times[op][size].append(elapsed)
    return {
        op: {size: statistics.median(t) for size, t in by_size.items()}
        for op, by_size in times.items()
    }


CLI_COMMANDS = {
    "`timeline FILE --as-of 2026-01-29`": ["timeline", "{file}", "--as-of", "2026-01-29"],
    "`status FILE --as-of 2026-01-29`": ["status", "{file}", "--as-of", "2026-01-29"],
}


def measure_cli(documents: dict[int, bytes], runs: int) -> dict[str, dict[int, float]]:
    """Median wall seconds of ``python -m csto_program COMMAND`` in a fresh interpreter, per
    command and size (output to ``/dev/null``), and of ``--version`` (the start-up alone)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for size, data in documents.items():
            files[size] = Path(folder) / f"program-{size}.json"
            files[size].write_bytes(data)
        commands: dict[str, dict[int, list[str]]] = {
            name: {size: [a.replace("{file}", str(files[size])) for a in args] for size in files}
            for name, args in CLI_COMMANDS.items()
        }
        commands["start-up alone (`--version`)"] = {size: ["--version"] for size in files}

        def run(args: list[str]) -> float:
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "csto_program", *args],
                check=True,
                env=env,
                stdout=subprocess.DEVNULL,
            )
            return time.perf_counter() - start

        for by_size in commands.values():  # writes the bytecode caches
            run(next(iter(by_size.values())))
        found: dict[str, dict[int, list[float]]] = {
            name: {size: [] for size in files} for name in commands
        }
        sizes = list(files)
        for round_ in range(runs):
            shift = round_ % len(sizes)
            for name, by_size in commands.items():
                for size in sizes[shift:] + sizes[:shift]:
                    found[name][size].append(run(by_size[size]))
    return {
        name: {size: statistics.median(t) for size, t in by_size.items()}
        for name, by_size in found.items()
    }


def linear_table(results: dict[str, dict[int, float]]) -> list[str]:
    """The markdown table of the linear-cost case: ms at N and 4N, the ratio, the verdict."""
    sizes = list(next(iter(results.values())))
    n, big = sizes[0], sizes[-1]
    lines = [
        f"| operation | N = {n:,} (ms) | 4N = {big:,} (ms) | 4N / N | at most {LINEAR_LIMIT:g}x? |",
        "|---|---:|---:|---:|---|",
    ]
    for op, by_size in results.items():
        ratio = by_size[big] / by_size[n]
        verdict = "yes" if ratio <= LINEAR_LIMIT else "NO"
        lines.append(
            f"| {op} | {by_size[n] * 1000:,.1f} | {by_size[big] * 1000:,.1f} "
            f"| {ratio:.2f}x | {verdict} |"
        )
    return lines


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
    packages += ["pydantic-core", "msgspec", "icalendar", "matplotlib"]
    found = []
    for name in packages:
        try:
            found.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:  # matplotlib is optional
            found.append(f"{name} (not installed)")
    versions = ", ".join(found)
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
    parser.add_argument(
        "--linear-n",
        type=int,
        default=2_500,
        help="N of the linear-cost case (default 2500; 0 leaves the case out)",
    )
    parser.add_argument(
        "--linear-repeats", type=int, default=7, help="timed rounds of the case (default 7)"
    )
    parser.add_argument(
        "--cli-runs", type=int, default=7, help="runs of each command line (default 7)"
    )
    parser.add_argument(
        "--cli-pairs",
        type=int,
        default=20,
        help="paired runs of each command-line ratio (default 20)",
    )
    args = parser.parse_args(argv)

    program, data = document(args.statements, args.meetings, args.people)
    print("## Machine\n")
    print("\n".join(machine()))
    print(
        f"\nDocument: {len(program.statements):,} statements, {len(program.meetings):,} "
        f"meetings, {len(program.people):,} people, {len(program.sources):,} sources, "
        f"{len(program.organizations):,} organisations, {len(program.notes):,} notes, "
        f"{len(program.plans):,} plans, {len(program.reports):,} progress reports; "
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
    as_of = AS_OF
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

    if args.linear_n > 0:
        documents = linear_documents(args.linear_n)
        n, big = documents
        sample = build_scaled(n)
        print(f"\n## Linear cost: N = {n:,} and 4N = {big:,}\n")
        print(
            f"The record at N: {n:,} people, sources, meetings and statements, "
            f"{len(sample.organizations)} organisations, {len(sample.plans)} plans, "
            f"{len(sample.notes):,} notes and {len(sample.reports):,} progress reports; "
            f"{len(documents[n]):,} bytes of JSON ({len(documents[big]):,} at 4N). As of "
            f"{AS_OF}. Medians of {args.linear_repeats} rounds, each operation on a freshly "
            "loaded program.\n"
        )
        print("\n".join(linear_table(measure_linear(documents, linear_ops(), args.linear_repeats))))
        print(
            f"\nThe command line end to end (`python -m csto_program ...`, a fresh interpreter, "
            f"output to /dev/null), medians of {args.cli_runs} runs:\n"
        )
        print("\n".join(linear_table(measure_cli(documents, args.cli_runs))))
    print("\n## Command line\n")
    print("\n".join(cli_bench.report(args.cli_pairs)))
    print(f"\ncsto_program {csto_program.__version__}; command: make bench")
    return 0


if __name__ == "__main__":
    sys.exit(main())
