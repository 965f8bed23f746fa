"""Walking JSON-like documents in tests: every path in a document, and the node at a path."""

from __future__ import annotations

from typing import Any


def paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path (a tuple of keys and indexes) in ``node``, the empty path first."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(paths(value, (*path, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(paths(value, (*path, index)))
    return found


def get(node: Any, path: tuple[Any, ...]) -> Any:
    """The node at ``path`` inside ``node``."""
    for part in path:
        node = node[part]
    return node
