"""MkDocs hooks: build the JSON Schema page from ``json_schema()`` at build time.

``docs/schema.md`` holds marker lines that the hook replaces when the page is built, so the
page cannot drift from the code:

* ``<!-- json-schema-tables -->``: for each record type, a table of its fields (field, type
  in words, required, meaning), then the meaning of each value of a code list. The meaning is
  the property's ``description`` in the schema, with its ``examples`` and ``default`` if
  given; a property without one gets an empty cell. Values are described by
  ``oneOf: [{"const": ..., "description": ...}]`` or by ``enum`` with a parallel
  ``x-enum-descriptions`` (or ``enumDescriptions``, which VS Code reads) list or mapping.
* ``<!-- json-schema: Program -->``: the whole schema of that class, pretty-printed, in a
  collapsed block.
* ``<!-- json-schema-versions -->``: the schema files published for each version of the format.

Every schema is also written beside the site, at the path its ``$id`` names
(``schema/v1/Program.json``), for every version of the format that ``json_schema`` can give:
it is asked for ``json_schema(cls, version=n)``, and if it takes no ``version`` it gives the
current version only. An earlier version that cannot be published is a build warning (an error
with ``--strict``), because old documents point at their version's files.

Nothing here reads the network: the schema comes from the installed package.
"""

from __future__ import annotations

import importlib
import json
import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any

import csto_program
from csto_program import SCHEMA_VERSION, Program, json_schema

log = logging.getLogger("mkdocs.hooks.schema")

MARKER = re.compile(r"^<!-- json-schema: (?P<name>[A-Za-z]+) -->$", re.MULTILINE)
TABLES_MARKER = re.compile(r"^<!-- json-schema-tables -->$", re.MULTILINE)
VERSIONS_MARKER = re.compile(r"^<!-- json-schema-versions -->$", re.MULTILINE)


def record_types() -> dict[str, type[Any]]:
    """The record types of a program document, in the order a document holds them.

    ``Program``, then every class its schema refers to (``$ref`` into ``$defs``) that the
    package exports and ``json_schema`` describes, in the order of the properties, each
    followed by the types nested in it (``Meeting``, then ``Place``). Found from the schema,
    so the page follows the model as it changes.
    """
    root = json_schema(Program)
    found: dict[str, type[Any]] = {"Program": Program}

    def visit(schema: dict[str, Any]) -> None:
        for name in _refs(schema):
            cls = getattr(csto_program, name, None)
            if name in found or not isinstance(cls, type):
                continue
            try:
                json_schema(cls)
            except (TypeError, ValueError):  # a helper definition, not a record type
                continue
            found[name] = cls
            visit(root.get("$defs", {}).get(name, {}))

    visit(root)
    return found


def _refs(schema: Any) -> Iterator[str]:
    """The ``$defs`` names ``schema`` refers to, in order, depth first."""
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            yield ref.rsplit("/", 1)[-1]
        for key, value in schema.items():
            if key != "$defs":
                yield from _refs(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _refs(value)


_CLASSES = record_types()

# The patterns of dates, partial dates and ids, where the package names them; the library's
# own words for a type (``x-type``) come first, and a pattern the hook does not know is shown.
_patterns: dict[str, str] = {}
for _module_name in ("csto_program.schema", "csto_program.serialize.schema", "csto_program"):
    try:
        _module = importlib.import_module(_module_name)
    except ImportError:
        continue
    for _name in ("DATE_PATTERN", "EDTF_PATTERN", "ID_PATTERN"):
        if isinstance(getattr(_module, _name, None), str):
            _patterns.setdefault(_name, getattr(_module, _name))
DATE_PATTERN = _patterns.get("DATE_PATTERN")
EDTF_PATTERN = _patterns.get("EDTF_PATTERN")
ID_PATTERN = _patterns.get("ID_PATTERN")
_ID_CORE = "[a-z0-9]+([-_.][a-z0-9]+)*"


def _normal(pattern: str) -> str:
    """A pattern without anchors, outer group and ``?:``, to recognise it however written."""
    core = pattern.replace("?:", "").removeprefix("^").removesuffix("$")
    while core.startswith("(") and _closing(core) == len(core) - 1:
        core = core[1:-1]
    return core


def _closing(text: str) -> int:
    """The index of the ``)`` that closes the ``(`` at the start of ``text`` (-1 if none)."""
    depth = 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return index
    return -1


_TEXT_PATTERNS = {r"\S", r"^\S", r".*\S.*", r"^(?!\s*$).+"}  # "not blank"


# --------------------------------------------------------------------------- versions


def schema_versions() -> list[int]:
    """The versions of the format to publish: ``SCHEMA_VERSIONS`` if the package has it."""
    versions = getattr(csto_program, "SCHEMA_VERSIONS", None)
    return sorted(set(versions)) if versions else list(range(1, SCHEMA_VERSION + 1))


def schema_of(name: str, version: int | None = None) -> dict[str, Any] | None:
    """``json_schema`` of the class ``name`` for ``version`` (the current one if ``None``);
    ``None`` if it cannot give it."""
    cls = _CLASSES[name]
    version = SCHEMA_VERSION if version is None else version
    try:
        return json_schema(cls, version=version)  # type: ignore[call-arg]
    except TypeError as exc:
        if "version" not in str(exc):
            raise
    except ValueError:  # a version (or a class in it) the package no longer describes
        return None
    return json_schema(cls) if version == SCHEMA_VERSION else None


def schema_text(name: str, version: int | None = None) -> str:
    """The JSON Schema of the model class ``name``, as the page and the file show it."""
    schema = schema_of(name, version)
    if schema is None:
        raise ValueError(f"no JSON Schema of {name} for version {version}")
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_path(name: str, version: int | None = None) -> str:
    """Where the schema file of ``name`` is written in the site, as its ``$id`` says."""
    return f"schema/v{SCHEMA_VERSION if version is None else version}/{name}.json"


def _published_path(name: str, version: int, schema: dict[str, Any]) -> str:
    match = re.search(r"/(schema/v\d+/[A-Za-z]+\.json)$", str(schema.get("$id", "")))
    return match[1] if match else schema_path(name, version)


def published_schemas() -> Iterator[tuple[int, str, str]]:
    """``(version, path, text)`` of every schema file the site publishes."""
    for version in schema_versions():
        for name in _CLASSES:
            schema = schema_of(name, version)
            if schema is None:
                if name == "Program":
                    log.warning(
                        "schema version %s of Program is not published: json_schema() cannot "
                        "give it (does it take version=?)",
                        version,
                    )
                continue
            text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
            yield version, _published_path(name, version, schema), text


# --------------------------------------------------------------------------- types in words


def plural(words: str) -> str | None:
    """``words`` for several: ``"partial date (EDTF)"`` gives ``"partial dates (EDTF)"``;
    ``None`` for words that are not a plain noun (a link, ``"one of: ..."``, a phrase)."""
    head, paren, rest = words.partition(" (")
    if not re.fullmatch(r"[A-Za-z]+(?: [A-Za-z]+)?", head) or head in ("one of", "always"):
        return None
    if head == "date and time":
        return "dates and times" + paren + rest
    return (head if head.endswith("s") else head + "s") + paren + rest


def _code(value: Any, *, bare: bool = False) -> str:
    """``value`` as JSON in inline code (safe inside a table cell); ``bare``: a string as is."""
    text = value if bare and isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return "`" + text.replace("|", "\\|").replace("`", "'") + "`"


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    """``(model class name or None, schema)`` behind a ``$ref`` into ``$defs``."""
    ref = schema.get("$ref")
    if not isinstance(ref, str):
        return None, schema
    name = ref.rsplit("/", 1)[-1]
    if name in _CLASSES:
        return name, schema
    target = root.get("$defs", {}).get(name)
    return (None, target) if isinstance(target, dict) else (name, schema)


def _options(schema: dict[str, Any]) -> list[dict[str, Any]] | None:
    for key in ("anyOf", "oneOf"):
        options = schema.get(key)
        if isinstance(options, list) and all(isinstance(o, dict) for o in options):
            return options
    return None


def enum_values(schema: dict[str, Any], root: dict[str, Any]) -> list[tuple[Any, str]] | None:
    """The values of a code list with their descriptions (``""`` if none); ``None`` if not one.

    Values come from ``enum``, or from ``oneOf``/``anyOf`` options that are all ``const``;
    descriptions from each option's ``description``, or from ``x-enum-descriptions``,
    ``enumDescriptions`` or ``markdownEnumDescriptions`` (a list parallel to ``enum``, or a
    mapping from value to text).
    """
    _, schema = _resolve(schema, root)
    options = _options(schema)
    consts = options if options and all("const" in o for o in options) else None
    if isinstance(schema.get("enum"), list):
        values = list(schema["enum"])
    elif consts is not None:
        values = [o["const"] for o in consts]
    else:
        return None
    texts: dict[str, str] = {}
    for option in consts or []:
        texts[json.dumps(option["const"])] = str(option.get("description", "") or "")
    for key in ("x-enum-descriptions", "markdownEnumDescriptions", "enumDescriptions"):
        given = schema.get(key)
        if isinstance(given, dict):
            for value in values:
                text = given.get(value) if isinstance(value, str) else None
                text = text if text is not None else given.get(json.dumps(value))
                texts.setdefault(json.dumps(value), str(text or ""))
        elif isinstance(given, list):
            for value, text in zip(values, given, strict=False):
                texts.setdefault(json.dumps(value), str(text or ""))
    return [(value, texts.get(json.dumps(value), "")) for value in values]


def _string_words(schema: dict[str, Any]) -> str:
    pattern, fmt = schema.get("pattern"), schema.get("format")
    if fmt == "date" or (pattern is not None and pattern == DATE_PATTERN):
        return "date (YYYY-MM-DD)"
    if fmt == "edtf" or (pattern is not None and pattern == EDTF_PATTERN):
        return "partial date (EDTF)"
    if pattern is not None and (pattern == ID_PATTERN or _normal(pattern) == _ID_CORE):
        return "id"
    if isinstance(pattern, str) and "[?~%]" in pattern and "[0-9]{4}" in pattern:
        return "partial date (EDTF)"
    if fmt in ("uri", "iri", "url"):
        return "URL"
    if fmt == "date-time":
        return "date and time"
    if pattern is None or pattern in _TEXT_PATTERNS:
        return "text"
    return f"text matching {_code(pattern)}"


def _type_link(name: str) -> str:
    """A record type's name, linked to its table on the page."""
    return f"[{name}](#{name.lower()})" if name in _CLASSES else name


def _nullable(schema: dict[str, Any]) -> bool:
    kinds = schema.get("type")
    if isinstance(kinds, list) and "null" in kinds:
        return True
    return any(option.get("type") == "null" for option in _options(schema) or [])


def _own_words(schema: dict[str, Any]) -> str | None:
    """The library's own words for the type (``x-type``), with links and plurals; ``None``
    if it gives none, or only a list of values (shown from ``enum`` instead)."""
    words = schema.get("x-type")
    if not isinstance(words, str) or not words.strip() or words.startswith("one of"):
        return None
    items = re.fullmatch(r"list of (.+)", words)
    if items is not None:
        inner = items[1]
        words = f"list of {plural(inner) or inner}" if inner not in _CLASSES else ""
        words = words or f"list of {_type_link(inner)}"
    else:
        words = _type_link(words)
    if _nullable(schema) and "null" not in words:
        words += ", or null"
    return words


def type_words(schema: dict[str, Any], root: dict[str, Any]) -> str:
    """The type of a property in words, as the schema page shows it.

    ``root`` is the whole schema, for ``$ref``; a reference to a model class is a link to its
    table on the page.
    """
    model_name, schema = _resolve(schema, root)
    if model_name is not None:
        return _type_link(model_name)
    if "const" in schema:
        return f"always {_code(schema['const'])}"
    values = enum_values(schema, root)
    if values is not None:
        shown = [_code(value, bare=True) for value, _ in values if value is not None]
        if any(text for _, text in values):  # listed with their meanings after the table
            return "one of the values below"
        words = "one of: " + ", ".join(shown)
        return words + ", or null" if any(value is None for value, _ in values) else words
    own = _own_words(schema)
    if own is not None:
        return own
    options = _options(schema)
    if options is not None:
        kinds = [o for o in options if o.get("type") != "null"]
        words = " or ".join(type_words(o, root) for o in kinds)
        return f"{words}, or null" if len(kinds) < len(options) else words
    kind = schema.get("type")
    if isinstance(kind, list):
        others = [k for k in kind if k != "null"]
        words = " or ".join(type_words({**schema, "type": k}, root) for k in others)
        return f"{words}, or null" if len(others) < len(kind) else words
    if kind == "array":
        items = schema.get("items")
        if not isinstance(items, dict):
            return "list"
        inner = type_words(items, root)
        several = plural(inner)
        if several is not None:
            words = f"list of {several}"
        elif inner.startswith("["):
            words = f"list of {inner}"
        else:
            words = f"list, each {inner}"
        return words + " (no repeats)" if schema.get("uniqueItems") else words
    if kind == "string":
        return _string_words(schema)
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and high is not None:
            return f"whole number from {low} to {high}"
        if low is not None:
            return f"whole number, at least {low}"
        return "whole number"
    simple = {"number": "number", "boolean": "true or false", "null": "null", "object": "object"}
    if kind in simple:
        return simple[kind]
    return _code(schema)


# --------------------------------------------------------------------------- tables


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _first(schema: dict[str, Any], key: str, root: dict[str, Any]) -> Any:
    """``schema[key]``, or the first non-null option's, or the referenced schema's."""
    if key in schema:
        return schema[key]
    for option in _options(schema) or []:
        if option.get("type") != "null" and key in option:
            return option[key]
    model_name, target = _resolve(schema, root)
    if model_name is None and target is not schema:
        return target.get(key)
    return None


def meaning(schema: dict[str, Any], root: dict[str, Any]) -> str:
    """The meaning cell of a property: its description, examples and default, if any."""
    parts = []
    description = _first(schema, "description", root)
    if description:
        parts.append(str(description).strip())
    examples = _first(schema, "examples", root)
    if isinstance(examples, list) and examples:
        label = "Example" if len(examples) == 1 else "Examples"
        parts.append(f"{label}: " + ", ".join(_code(e) for e in examples) + ".")
    if "default" in schema:
        parts.append(f"Default: {_code(schema['default'])}.")
    return _cell(" ".join(parts))


def _value_lists(properties: dict[str, Any], root: dict[str, Any]) -> Iterator[str]:
    """The described values of each code list among ``properties``, as Markdown lists."""
    for field, schema in properties.items():
        values = enum_values(_list_item(schema), root)
        if not values or not any(text for _, text in values):
            continue
        yield f"Values of `{field}`:\n"
        for value, text in values:
            shown = _code(value, bare=True)
            yield f"- {shown}: {' '.join(text.split())}" if text else f"- {shown}"
        yield ""


def _list_item(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema of the value itself: inside a list, or beside ``null``."""
    if isinstance(schema.get("items"), dict):
        return _list_item(schema["items"])
    options = _options(schema)
    if options is not None:
        kinds = [o for o in options if o.get("type") != "null"]
        if len(kinds) == 1 and len(kinds) < len(options):
            return _list_item(kinds[0])
    return schema


def record_table(name: str, schema: dict[str, Any] | None = None) -> str:
    """The section of the schema page for the model class ``name``."""
    root = schema if schema is not None else schema_of(name)
    if root is None:
        raise ValueError(f"no JSON Schema of {name}")
    lines = [f"### {name}", ""]
    description = root.get("description")
    if description:
        lines += [str(description).strip(), ""]
    lines += [
        f"Schema file: [`{schema_path(name)}`]({schema_path(name)}); "
        f"in Python, [`{name}`][csto_program.{name}].",
        "",
        '<div class="schema-fields" markdown>',
        "",
        "| Field | Type | Required | Meaning |",
        "|---|---|---|---|",
    ]
    required = set(root.get("required", []))
    properties: dict[str, Any] = root.get("properties", {})
    for field, prop in properties.items():
        row = [f"`{field}`", type_words(prop, root), "yes" if field in required else "no"]
        lines.append("| " + " | ".join([*row, meaning(prop, root)]) + " |")
    lines += ["", "</div>", ""]
    if root.get("additionalProperties") is not False:
        lines += ["Keys other than these are allowed.", ""]
    lines += list(_value_lists(properties, root))
    return "\n".join(lines)


def render_tables(names: Iterable[str] | None = None) -> str:
    """A section per record type (``record_types()`` order): its table and its code lists."""
    return "\n".join(record_table(name) for name in (names or _CLASSES))


def render_versions() -> str:
    """The list of published versions with their files, newest first."""
    lines = []
    for version in sorted(schema_versions(), reverse=True):
        names = [name for name in _CLASSES if schema_of(name, version) is not None]
        if "Program" not in names:
            continue
        current = " (the current version)" if version == SCHEMA_VERSION else ""
        path = schema_path("Program", version)
        line = (
            f'- Version {version}{current}, for documents with `"schema_version": {version}`: '
            f"[`{path}`]({path})"
        )
        if len(names) == len(_CLASSES):
            line += f", and `schema/v{version}/<Type>.json` for each record type."
        elif len(names) > 1:
            others = ", ".join(f"`{name}.json`" for name in names if name != "Program")
            line += f", and beside it {others}."
        else:
            line += ", the whole document."
        lines.append(line)
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- the page


def render_markers(markdown: str) -> str:
    """Replace every ``json-schema`` marker in ``markdown`` by a collapsed block of the schema."""

    def replace(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in _CLASSES:
            raise ValueError(f"no model class named {name!r} for a json-schema marker")
        body = "".join(f"    {line}" if line.strip() else "\n" for line in _fenced(name))
        return f'??? abstract "The whole schema of {name}, as JSON"\n\n{body}'

    return MARKER.sub(replace, markdown)


def _fenced(name: str) -> list[str]:
    return ["```json\n", *schema_text(name).splitlines(keepends=True), "```\n"]


def render_page(markdown: str) -> str:
    """Expand every marker of the schema page."""
    if MARKER.search(markdown) is None:
        raise ValueError("docs/schema.md lost its json-schema marker")
    if TABLES_MARKER.search(markdown) is None:
        raise ValueError("docs/schema.md lost its json-schema-tables marker")
    markdown = TABLES_MARKER.sub(lambda _: render_tables(), markdown)
    markdown = VERSIONS_MARKER.sub(lambda _: render_versions(), markdown)
    return render_markers(markdown)


_DOCTEST_FENCE = re.compile(r"^```python\n(?=>>> )", re.MULTILINE)


def highlight_sessions(markdown: str) -> str:
    """Show ``python`` blocks that are interpreter sessions (``>>>``) as ``pycon``.

    The source keeps ``python`` fences, the ones Sybil runs; only the page changes, so
    outputs are not highlighted as code.
    """
    return _DOCTEST_FENCE.sub("```pycon\n", markdown)


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    """MkDocs hook: expand the markers of ``schema.md``; highlight interpreter examples."""
    if page.file.src_uri == "schema.md":
        markdown = render_page(markdown)
    return highlight_sessions(markdown)


def on_files(files: Any, config: Any, **kwargs: Any) -> Any:
    """MkDocs hook: add every schema file, of every published version, at its ``$id`` path."""
    from mkdocs.structure.files import File

    for _, path, text in published_schemas():
        files.append(File.generated(config, path, content=text))
    return files
