"""Shared test set-up for the whole tree.

* Hypothesis profiles: ``ci`` (the default for ``make test``: 100 examples per property,
  derandomised so CI is reproducible) and ``dev`` (1,000 random examples); choose with
  ``HYPOTHESIS_PROFILE``. Loaded here so docstring and docs examples use them too.
* Sybil: run the examples in the README, the docs and every docstring under src/.
"""

from __future__ import annotations

import os
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

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
