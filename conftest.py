"""Shared test set-up for the whole tree.

* Hypothesis profiles: ``ci`` (the default for ``make test``: 100 examples per property,
  derandomised so CI is reproducible) and ``dev`` (1,000 random examples); choose with
  ``HYPOTHESIS_PROFILE``. Loaded here so docstring and docs examples use them too.
* Sybil: run the examples in the README, the docs and every docstring under src/.
* Coverage of a Hypothesis test is measured while its body runs, not while Hypothesis
  draws, shrinks and bookkeeps between examples (see :func:`pytest_runtest_call`).
"""

from __future__ import annotations

import os
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser
from sybil.parsers.rest import DocTestParser

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile(
    "ci", max_examples=100, deadline=None, derandomize=True, suppress_health_check=_SLOW_OK
)
settings.register_profile("dev", max_examples=1000, deadline=None, suppress_health_check=_SLOW_OK)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

_markdown = Sybil(
    parsers=[PythonCodeBlockParser(doctest_optionflags=_FLAGS)],
    patterns=["*.md"],
    excludes=["CHANGELOG.md"],
)
_docstrings = Sybil(
    parsers=[DocTestParser(optionflags=_FLAGS)],
    patterns=["*.py"],
    excludes=["conftest.py", "test_*.py"],
)

pytest_collect_file = (_markdown + _docstrings).pytest()



# The strategies' own tests measure the strategies while they draw; every other property
# test is measured in its body only.
_MEASURED_WHILE_DRAWING = frozenset({"test_strategies.py"})


def _tracing_collector() -> Any:
    """The coverage collector that is tracing now, or ``None``.

    Paused and resumed in place: stopping a ``Coverage`` would hand the tracing to the one
    beneath it on coverage's stack (an xdist worker of pytest-cov 7 runs two).
    """
    try:
        from coverage.collector import Collector
    except ImportError:  # pragma: no cover - coverage is a test dependency
        return None
    return Collector._collectors[-1] if Collector._collectors else None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Under coverage, run a Hypothesis test with tracing paused, and resume it around each
    call of the test's body (``inner_test``, which Hypothesis lets plugins wrap).

    Coverage's tracer is called on every line of every Python function while it runs,
    measured or not: in Hypothesis's engine (drawing, shrinking, bookkeeping) that doubles
    the time of a property test and measures nothing of this package. What the body runs,
    the code under test, is measured as before.
    """
    handle = getattr(getattr(item, "obj", None), "hypothesis", None)
    collector = _tracing_collector() if handle is not None else None
    if collector is None or item.path.name in _MEASURED_WHILE_DRAWING:
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
