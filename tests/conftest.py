"""Set-up for the test modules under tests/ (the root conftest.py loads the profiles).

The helpers the test modules share live in ``support`` (``from support import
whole_program_settings``); the name stays importable from here for older test modules.
"""

from __future__ import annotations

from support import WHOLE_PROGRAM_EXAMPLES, whole_program_settings

__all__ = ["WHOLE_PROGRAM_EXAMPLES", "whole_program_settings"]
