"""Set-up for the test modules under tests/ (the root conftest.py loads the profiles).

The helpers the test modules share live in ``support`` (``from support import
whole_program_settings``); the name stays importable from here for older test modules.
Under coverage, a Hypothesis test is measured in its body only (:func:`pytest_runtest_call`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import pytest

from support import WHOLE_PROGRAM_EXAMPLES, tracing_collector, whole_program_settings

__all__ = ["WHOLE_PROGRAM_EXAMPLES", "whole_program_settings"]


class Result(NamedTuple):
    """What one in-process run of the command line gave: exit status, stdout, stderr."""

    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run ``csto-program ARGS`` in this process (``main``) and capture what it printed;
    a test module may define its own ``run`` instead."""
    from csto_program.cli import main

    def invoke(*args: object) -> Result:
        capsys.readouterr()
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture(scope="session")
def driver() -> Iterator[Any]:
    """One headless Chromium for every browser test in this process (starting one takes a
    second); each test sets its viewport, which also resets the emulated media, and opens
    its own page."""
    from browser import chromium, missing_browser

    missing = missing_browser()
    if missing is not None:
        pytest.skip(f"needs Chromium and chromedriver: {missing}")
    with chromium() as browser:
        yield browser


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Under coverage, run a Hypothesis test with tracing paused, and resume it around each
    call of the test's body (``inner_test``, which Hypothesis lets plugins wrap).

    Coverage's tracer is called on every line of every Python function while it runs,
    measured or not: in Hypothesis's engine (drawing, shrinking, bookkeeping) that doubles
    the time of a property test and measures nothing of this package. What the body runs,
    the code under test, is measured as before. A test marked ``measure_drawing`` (a test of
    the strategies themselves) is measured while it draws too.
    """
    handle = getattr(getattr(item, "obj", None), "hypothesis", None)
    collector = tracing_collector() if handle is not None else None
    if collector is None or item.get_closest_marker("measure_drawing") is not None:
        yield
        return
    inner: Callable[..., Any] = handle.inner_test

    def measured(*args: Any, **kwargs: Any) -> Any:
        collector.resume()
        try:
            return inner(*args, **kwargs)
        finally:
            collector.pause()

    handle.inner_test = measured
    collector.pause()
    try:
        yield
    finally:
        collector.resume()
        handle.inner_test = inner
