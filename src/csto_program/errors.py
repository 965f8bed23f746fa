"""The library's errors.

Every error the library raises on purpose derives from :class:`CstoProgramError`.

>>> from csto_program import DataError
>>> err = DataError([("$.stages[1].start", "expected an ISO date, got 2024-02-30")])
>>> print(err)
1 problem:
  $.stages[1].start: expected an ISO date, got 2024-02-30
>>> err.problems
(('$.stages[1].start', 'expected an ISO date, got 2024-02-30'),)
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["CstoProgramError", "DataError", "ScheduleError"]


class CstoProgramError(Exception):
    """Base class of every error this library raises on purpose.

    >>> from csto_program import CstoProgramError, ScheduleError
    >>> issubclass(ScheduleError, CstoProgramError)
    True
    """


class DataError(CstoProgramError, ValueError):
    """Bad input being loaded or parsed.

    ``problems`` is a tuple of ``(path, message)`` pairs; each path is a JSONPath
    (``$`` is the document itself, ``$.stages[1].start`` a field inside it).

    >>> err = DataError([("$", "not valid JSON"), ("$.id", "missing")])
    >>> [path for path, _ in err.problems]
    ['$', '$.id']
    """

    problems: tuple[tuple[str, str], ...]

    def __init__(self, problems: Iterable[tuple[str, str]]) -> None:
        self.problems = tuple((str(path), str(message)) for path, message in problems)
        if not self.problems:
            raise ValueError("a DataError needs at least one problem")
        super().__init__(self.problems)

    @classmethod
    def at(cls, path: str, message: str) -> DataError:
        """A ``DataError`` with a single problem.

        >>> DataError.at("$.title", "expected a string").problems
        (('$.title', 'expected a string'),)
        """
        return cls([(path, message)])

    def prefixed(self, prefix: str) -> DataError:
        """The same problems with every path's leading ``$`` replaced by ``prefix``.

        >>> str(DataError.at("$.id", "missing").prefixed("line 3: $"))
        '1 problem:\\n  line 3: $.id: missing'
        """
        return DataError((prefix + path[1:], msg) for path, msg in self.problems)

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''}:"
        return "\n".join([head, *(f"  {path}: {msg}" for path, msg in self.problems)])

    def __reduce__(self) -> tuple[type[DataError], tuple[tuple[tuple[str, str], ...]]]:
        return (type(self), (self.problems,))


class ScheduleError(CstoProgramError, ValueError):
    """An impossible schedule: bad stage lengths, overlaps, a date past year 9999.

    >>> from csto_program import plan_stages, ScheduleError
    >>> import datetime
    >>> try:
    ...     plan_stages(datetime.date(2024, 11, 28), months=(6, 24, 30))
    ... except ScheduleError as exc:
    ...     print(exc)
    stage one must last 12 months, got 6

    Like :class:`DataError` it carries ``problems``, ``(path, message)`` pairs, so
    that a loader can report where in a document the schedule breaks.
    """

    problems: tuple[tuple[str, str], ...]

    def __init__(
        self,
        message: str,
        *,
        path: str = "$",
        problems: Iterable[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(message)
        found = tuple(problems) if problems is not None else ()
        self.problems = found or ((path, message),)
