"""``python -m csto_program``: the ``csto-program`` command line.

>>> from csto_program.__main__ import main
>>> main(["plan", "--start", "2024-11-28"])  # doctest: +ELLIPSIS
Stage plan from 2024-11-28 (12, 24, 24 months; term 60 months)
...
0
"""

from __future__ import annotations

import sys

from csto_program.cli import main

__all__ = ["main"]

if __name__ == "__main__":  # pragma: no cover - run as a script
    sys.exit(main())
