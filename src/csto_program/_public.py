"""Public names shown under the public module that exports them: nothing here imports the package.

A public module that re-exports what private modules define calls :func:`show_under`, so
that the reference, ``help()`` and reprs name the module users import from.

>>> def shout() -> str: ...
>>> shout.__module__ = "pkg._inner"
>>> show_under({"__name__": "pkg", "shout": shout, "LOUD": 3}, ["shout", "LOUD"])
>>> shout.__module__
'pkg'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["show_under"]


def show_under(
    namespace: Mapping[str, Any], names: Iterable[str], *, defined_in: Sequence[str] = ()
) -> None:
    """Set ``__module__`` of each of ``names`` of a module's ``namespace`` (its ``globals()``)
    to the module's name, for the objects defined in one of the modules ``defined_in`` or in a
    module inside one of them (by default, inside the module itself). Other names are left
    alone.

    >>> def first() -> None: ...
    >>> def second() -> None: ...
    >>> first.__module__, second.__module__ = "pkg._days", "other"
    >>> namespace = {"__name__": "pkg.dates", "first": first, "second": second}
    >>> show_under(namespace, ["first", "second"], defined_in=["pkg._days"])
    >>> first.__module__, second.__module__
    ('pkg.dates', 'other')
    """
    home: str = namespace["__name__"]
    # "a.b." starts with "a.b." and "a.b.c." does too, but "a.bc." does not.
    inside = tuple(f"{module}." for module in defined_in) or (f"{home}.",)
    for name in names:
        found = namespace[name]
        if f"{getattr(found, '__module__', None)}.".startswith(inside):
            found.__module__ = home
