"""Sybil: run the examples in the README, the docs and every docstring under src/."""

from __future__ import annotations

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser
from sybil.parsers.rest import DocTestParser

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
