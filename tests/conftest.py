"""Set-up for the test modules under tests/ (the root conftest.py loads the profiles).

The helpers the test modules share live in ``support`` (``from support import
whole_program_settings``); the name stays importable from here for older test modules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import pytest

from support import WHOLE_PROGRAM_EXAMPLES, whole_program_settings

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
