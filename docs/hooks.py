"""MkDocs hooks: generate the JSON Schema page from ``json_schema()`` at build time.

``docs/schema.md`` holds a marker line, ``<!-- json-schema: Program -->``; when the page is
built the marker is replaced by the schema of that model class, pretty-printed, so the page
cannot drift from the code. Every schema is also written beside the site, at the path its
``$id`` names (``schema/v1/Program.json``), for validators that want a file.

Nothing here reads the network: the schema comes from the installed package.
"""

from __future__ import annotations

import json
import re
from typing import Any

from csto_program import MODEL_CLASSES, SCHEMA_VERSION, json_schema

MARKER = re.compile(r"^<!-- json-schema: (?P<name>[A-Za-z]+) -->$", re.MULTILINE)
_CLASSES = {cls.__name__: cls for cls in MODEL_CLASSES}


def schema_text(name: str) -> str:
    """The JSON Schema of the model class ``name``, as the page and the file show it."""
    return json.dumps(json_schema(_CLASSES[name]), indent=2, ensure_ascii=False) + "\n"


def schema_path(name: str) -> str:
    """Where the schema file of ``name`` is written in the site, as its ``$id`` says."""
    return f"schema/v{SCHEMA_VERSION}/{name}.json"


def render_markers(markdown: str) -> str:
    """Replace every schema marker in ``markdown`` by a fenced JSON block of that schema."""

    def replace(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in _CLASSES:
            raise ValueError(f"no model class named {name!r} for a json-schema marker")
        return f"```json\n{schema_text(name)}```"

    return MARKER.sub(replace, markdown)


_DOCTEST_FENCE = re.compile(r"^```python\n(?=>>> )", re.MULTILINE)


def highlight_sessions(markdown: str) -> str:
    """Show ``python`` blocks that are interpreter sessions (``>>>``) as ``pycon``.

    The source keeps ``python`` fences, the ones Sybil runs; only the page changes, so
    outputs are not highlighted as code.
    """
    return _DOCTEST_FENCE.sub("```pycon\n", markdown)


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    """MkDocs hook: expand the schema markers of ``schema.md``; highlight sessions."""
    if page.file.src_uri == "schema.md":
        if MARKER.search(markdown) is None:
            raise ValueError("docs/schema.md lost its json-schema marker")
        markdown = render_markers(markdown)
    return highlight_sessions(markdown)


def on_files(files: Any, config: Any, **kwargs: Any) -> Any:
    """MkDocs hook: add every model class's schema as a file at the path of its ``$id``."""
    from mkdocs.structure.files import File

    for name in _CLASSES:
        files.append(File.generated(config, schema_path(name), content=schema_text(name)))
    return files
