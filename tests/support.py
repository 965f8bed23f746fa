"""Helpers shared by the test modules under tests/ (imported as ``support``: pytest puts
tests/ on ``sys.path``, as for the other helper modules here).

``whole_program_settings``: Hypothesis settings for a property whose every example draws,
builds, serialises or schedules a whole program, and so takes a large share of the suite's
time. It runs 25 examples under the ``ci`` profile and 200 under ``dev``; under any other
profile, the profile's own count. Everything else (deadline, derandomisation, health checks)
comes from the loaded profile. Use it as a decorator, next to ``@given``::

    from support import whole_program_settings

    @whole_program_settings
    @given(programs())
    def test_round_trip(program: Program) -> None: ...
"""

from __future__ import annotations

import os

from hypothesis import settings

__all__ = ["WHOLE_PROGRAM_EXAMPLES", "whole_program_settings"]

# Examples per whole-program property, by Hypothesis profile.
WHOLE_PROGRAM_EXAMPLES = {"ci": 25, "dev": 200}

whole_program_settings = settings(
    max_examples=WHOLE_PROGRAM_EXAMPLES.get(
        os.environ.get("HYPOTHESIS_PROFILE", "ci"), settings.default.max_examples
    )
)
