"""How long a user waits for the command line, as ratios to what it is built on.

Each pair is run alternately (A B, B A, A B, ...) in fresh interpreters, so that a busy
machine slows both sides of a pair alike; the ratio reported is the median of the ratios of
the pairs, beside the median wall time of each side:

- ``csto-program --help`` and ``--version`` against a click hello-world (target: at most
  1.5x);
- ``csto-program status``, ``timeline`` and ``plans`` against ``python -c "import
  csto_program, click"`` (at most 1.3x). The package root is lazy, so that base imports
  almost nothing of the library; each command is also set against ``python -c "import
  csto_program.model, click"`` (the records, which every command that reads a program needs),
  reported beside it;
- ``csto-program export -f html`` against ``csto-program status`` (at most 1.5x).

Run by ``make bench`` (``bench.py`` calls :func:`report`), or on its own:
``python benchmarks/cli_bench.py --runs 20``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import NamedTuple

AS_OF = "2026-01-29"
HELLO = "import click\n@click.command()\ndef hello():\n    click.echo('Hello')\nhello()\n"
MAIN = "import sys\nfrom csto_program.cli import main\nsys.exit(main())\n"


def _python(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", code, *args]


def _cli(*args: str) -> list[str]:
    """The command line as its console script runs it (``csto_program.cli:main``)."""
    return _python(MAIN, *args)


class Pair(NamedTuple):
    name: str
    command: list[str]
    base_name: str
    base: list[str]
    target: float


_ROOT = "import csto_program, click"
_MODEL = "import csto_program.model, click"


def _views() -> list[Pair]:
    pairs = []
    for name in ("status", "timeline", "plans"):
        command = _cli(name) if name == "plans" else _cli(name, "--as-of", AS_OF)
        pairs.append(Pair(name, command, _ROOT, _python(_ROOT), 1.3))
        pairs.append(Pair(name, command, _MODEL, _python(_MODEL), 1.3))
    return pairs


PAIRS = (
    Pair("--help", _cli("--help"), "click hello-world", _python(HELLO), 1.5),
    Pair("--version", _cli("--version"), "click hello-world", _python(HELLO), 1.5),
    *_views(),
    Pair(
        "export -f html",
        _cli("export", "-f", "html", "--as-of", AS_OF),
        "status",
        _cli("status", "--as-of", AS_OF),
        1.5,
    ),
)


class Timing(NamedTuple):
    command_ms: float
    base_ms: float
    ratio: float


# Bytecode is cached, as pip does when it installs the wheel, even where the environment
# asks Python not to write it: the warm-up run of each command writes what is missing.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _wall(command: Sequence[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=_ENV
    )
    return time.perf_counter() - start


def paired(command: Sequence[str], base: Sequence[str], runs: int) -> Timing:
    """Median times of ``command`` and ``base`` and the median ratio, over ``runs`` pairs."""
    _wall(command)  # warm the file and bytecode caches for both
    _wall(base)
    ours: list[float] = []
    theirs: list[float] = []
    for i in range(runs):
        if i % 2:
            theirs.append(_wall(base))
            ours.append(_wall(command))
        else:
            ours.append(_wall(command))
            theirs.append(_wall(base))
    ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
    return Timing(
        statistics.median(ours) * 1000, statistics.median(theirs) * 1000, statistics.median(ratios)
    )


def report(runs: int = 20) -> list[str]:
    """The command-line section of ``make bench``, as Markdown lines."""
    lines = [
        f"Paired runs in fresh interpreters, alternating, {runs} pairs; median ms and the median "
        "of the pairs' ratios.",
        "",
        "| command | ms | against | ms | ratio | target | met |",
        "|---|---:|---|---:|---:|---:|---|",
    ]
    for pair in PAIRS:
        timing = paired(pair.command, pair.base, runs)
        met = "yes" if timing.ratio <= pair.target else "no"
        lines.append(
            f"| `{pair.name}` | {timing.command_ms:.0f} | `{pair.base_name}` | "
            f"{timing.base_ms:.0f} | {timing.ratio:.2f}x | {pair.target:g}x | {met} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="pairs per comparison")
    args = parser.parse_args(argv)
    print("\n".join(report(args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
