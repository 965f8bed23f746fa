"""Helpers shared by the test modules under tests/ (imported as ``support``: pytest puts
tests/ on ``sys.path``, as for the other helper modules here).

``untraced()``: pause coverage's tracer while a third-party oracle (a parser, a validator)
runs, as the tests' conftest.py does while Hypothesis draws.

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

import contextlib
import os
import pickle
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from hypothesis import settings

__all__ = [
    "NOBODY",
    "WHOLE_PROGRAM_EXAMPLES",
    "drop_privileges",
    "run_unprivileged",
    "tracing_collector",
    "untraced",
    "whole_program_settings",
]

T = TypeVar("T")

# Examples per whole-program property, by Hypothesis profile.
WHOLE_PROGRAM_EXAMPLES = {"ci": 25, "dev": 200}

whole_program_settings = settings(
    max_examples=WHOLE_PROGRAM_EXAMPLES.get(
        os.environ.get("HYPOTHESIS_PROFILE", "ci"), settings.default.max_examples
    )
)


def tracing_collector() -> Any:
    """The coverage collector tracing now (``None`` when the tests run without coverage).

    It is paused and resumed in place: stopping a ``Coverage`` would hand the tracing to the
    one beneath it on coverage's stack (an xdist worker of pytest-cov 7 runs two).
    """
    from coverage.collector import Collector

    return Collector._collectors[-1] if Collector._collectors else None


@contextlib.contextmanager
def untraced() -> Iterator[None]:
    """Pause coverage's tracer for the block: for an oracle of another package, which the
    tracer slows two to four times (it is called on every line of every Python function,
    measured or not) while measuring nothing of this package."""
    collector = tracing_collector()
    if collector is None:
        yield
        return
    collector.pause()
    try:
        yield
    finally:
        collector.resume()


NOBODY = 65534
"""The unprivileged user (and group) that permission tests run as when the suite runs as root."""


def drop_privileges() -> None:
    """What ``setpriv --reuid=65534 --regid=65534 --clear-groups`` does, in this process."""
    os.setgroups([])
    os.setregid(NOBODY, NOBODY)
    os.setreuid(NOBODY, NOBODY)


def run_unprivileged(call: Callable[[], T]) -> T:
    """``call()`` as uid and gid 65534 when the tests run as root, else as is.

    Root is not bound by file permissions, so a test of a permission error would prove
    nothing as root. Here ``call`` runs in a forked process that drops its groups, then its
    group and user ids, as ``setpriv --reuid=65534 --regid=65534 --clear-groups`` does; its
    result or the exception it raised comes back pickled and is returned or raised here. The
    files it touches must be reachable by that user (a relative path from a folder that
    others may search, for instance).
    """
    if os.geteuid() != 0:
        return call()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        try:
            os.close(read_end)
            drop_privileges()
            try:
                outcome: tuple[str, object] = ("returned", call())
            except BaseException as exc:
                outcome = ("raised", exc)
            data = pickle.dumps(outcome)
        except BaseException as exc:
            data = pickle.dumps(("raised", RuntimeError(f"could not run unprivileged: {exc!r}")))
        view = memoryview(data)
        while view:
            view = view[os.write(write_end, view) :]
        os._exit(0)
    os.close(write_end)
    chunks = []
    with os.fdopen(read_end, "rb") as stream:
        while chunk := stream.read(65536):
            chunks.append(chunk)
    os.waitpid(pid, 0)
    kind, value = pickle.loads(b"".join(chunks))
    if kind == "raised":
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[return-value]
