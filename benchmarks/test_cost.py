"""What grows with the record grows linearly, and what must end quickly does: the timing
assertions, kept out of the unit suite.

Timing depends on the machine and on what else runs on it, so these checks do not belong to
``make test`` (a 10 s limit was once hit at 36 s on a busy machine): ``make bench-check``
runs them, at N = 500 records of each kind against 4N. Each time is the least processor time
of three calls with the garbage collector held off, so that a noisy machine slows both sizes
alike; four times the record may cost at most six times the time (a scan per item would
cost sixteen).
"""

from __future__ import annotations

import datetime
import gc
import importlib.util
import os
import time
from collections.abc import Callable

import attrs
import pytest
from synthetic import build_scaled

from csto_program import Program, from_json
from csto_program.export import render, text
from csto_program.serialize import to_json_bytes

N = 500
AS_OF = datetime.date(2026, 1, 29)
STAMP = datetime.datetime(2026, 1, 29, 12, 30, 15, tzinfo=datetime.UTC)
FLOOR = 0.01  # seconds: shorter times are within a clock's noise
LINEAR = 6.0  # allowed growth for four times the record


def best_time(call: Callable[[], object], rounds: int = 3) -> float:
    """The least processor time of ``rounds`` calls, with the garbage collector held off
    (its passes grow with everything alive in the process, not with this call's work)."""
    times = []
    for _ in range(rounds):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            call()
            times.append(time.process_time() - start)
        finally:
            gc.enable()
    return min(times)


@pytest.fixture(scope="module")
def sized() -> dict[int, Program]:
    programs = {count: build_scaled(count) for count in (N, 4 * N)}
    for program in programs.values():
        assert program.by_id  # built once, as any caller would
    return programs


_HAS_PLOT = importlib.util.find_spec("matplotlib") is not None
OPERATIONS: dict[str, Callable[[Program], object]] = {
    "load": lambda p: from_json(to_json_bytes(p), Program),
    "status": lambda p: p.status(AS_OF),
    "timeline": lambda p: text.timeline(p, AS_OF),
    **{
        fmt: (lambda p, fmt=fmt: render(p, fmt, as_of=AS_OF, stamp=STAMP))
        for fmt in ("markdown", "ics", "html", "json", "jsonl", "mermaid")
    },
}
if _HAS_PLOT:
    OPERATIONS["png"] = lambda p: render(p, "png", as_of=AS_OF, stamp=STAMP)


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_cost_is_linear_in_the_record(name: str, sized: dict[int, Program]) -> None:
    """Four times the statements, meetings, people and sources: at most about four times
    the time (six allowed, for a noisy machine)."""
    operation = OPERATIONS[name]
    operation(sized[N])  # imports and caches warmed up
    small = best_time(lambda: operation(sized[N]))
    large = best_time(lambda: operation(sized[4 * N]))
    assert large <= LINEAR * max(small, FLOOR), (name, small, large)


@pytest.mark.skipif(not _HAS_PLOT, reason="the chart needs matplotlib")
def test_a_megabyte_title_costs_no_more_to_draw() -> None:
    """A title of a megabyte is cut before it is drawn: the chart takes about as long."""
    from csto_program.datasets import tajik_afghan_border
    from csto_program.export.plot import plot_bytes

    program = tajik_afghan_border()
    huge = attrs.evolve(program, title="word " * (1_048_576 // 5))
    plot_bytes(program, "png", as_of=AS_OF)  # warm up
    normal = best_time(lambda: plot_bytes(program, "png", as_of=AS_OF), rounds=2)
    long = best_time(lambda: plot_bytes(huge, "png", as_of=AS_OF), rounds=2)
    assert long < normal + 1.0, (normal, long)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_dev_zero_ends_quickly() -> None:
    """An endless input is refused as soon as it passes the limit, not read on."""
    from csto_program._files import read_limited
    from csto_program.errors import DataError

    start = time.perf_counter()
    with pytest.raises(DataError, match="larger than 1048576 bytes"):
        read_limited("/dev/zero", max_bytes=1_048_576, label="/dev/zero")
    assert time.perf_counter() - start < 5
