"""``python -m csto_program``: print the stage plan of the program adopted on 2024-11-28."""

from __future__ import annotations

import datetime

from csto_program.schedule import plan_stages


def main() -> None:
    """Print the stage plan of the program adopted on 2024-11-28, one stage a line."""
    adopted = datetime.date(2024, 11, 28)
    print(f"Stage plan from adoption on {adopted.isoformat()} (windows are [start, end)):")
    for stage in plan_stages(adopted):
        print(f"  stage {stage.number}: {stage.start} to {stage.end}, last day {stage.last_day}")


if __name__ == "__main__":  # pragma: no cover
    main()
