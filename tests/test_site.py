"""The documentation site works where people open it, and its schema page explains itself.

* Opened from disk (``file:///.../site/index.html``) every link leads to a page or a file,
  never to a folder: ``use_directory_urls`` is off, and the built site (if ``site/`` exists)
  has no link to a folder or to a missing file.
* The schema page (``docs/hooks.py``) gives each record type a table of its fields with the
  type in words, whether it is required, and its meaning from the schema's ``description``,
  ``examples`` and value descriptions, and an empty cell where there are none. Each version of
  the format that ``json_schema`` can give is published under ``schema/v<N>/``.
"""

from __future__ import annotations

import copy
import html.parser
import importlib.util
import json
import logging
import re
import urllib.parse
from pathlib import Path
from typing import Any

import pytest

from csto_program import Program, json_schema

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SITE = ROOT / "site"


def _load_hooks() -> Any:
    spec = importlib.util.spec_from_file_location("docs_hooks_site", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def hooks() -> Any:
    return _load_hooks()


# --------------------------------------------------------------------------- opened from disk


def test_pages_are_files_not_folders() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^use_directory_urls: false\b", config, re.M)


class _Links(html.parser.HTMLParser):
    """Every href and src attribute of a page, read as a browser reads them (text that
    merely looks like an attribute, inside a code example, is not a link)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value or "" for name, value in attrs if name in ("href", "src")]


def _local_links(page: Path) -> list[str]:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    links = parser.found
    return [
        link for link in links if link and not re.match(r"^(?:[a-z][a-z0-9+.-]*:|#|//)", link, re.I)
    ]


def test_every_link_of_the_built_site_opens_a_file() -> None:
    if not (SITE / "index.html").is_file():
        pytest.skip("no built site in site/ (make docs builds it)")
    broken = []
    for page in sorted(SITE.rglob("*.html")):
        if page.name == "404.html":  # served by a web server from the site's root only
            continue
        for link in _local_links(page):
            path = urllib.parse.unquote(link.split("#")[0].split("?")[0])
            if not path:
                continue
            target = (page.parent / path).resolve()
            if not target.is_file():
                kind = "a folder" if target.is_dir() else "missing"
                broken.append(f"{page.relative_to(ROOT)}: {link} ({kind})")
    assert not broken, "links that do not open a file from disk:\n" + "\n".join(broken)


def test_the_built_site_publishes_the_schema_of_the_code(hooks: Any) -> None:
    if not (SITE / "index.html").is_file():
        pytest.skip("no built site in site/ (make docs builds it)")
    for cls in hooks.record_types().values():
        schema = json_schema(cls)
        path = SITE / re.sub(r"^https?://[^/]+/", "", schema["$id"])
        assert json.loads(path.read_text(encoding="utf-8")) == schema, path


# --------------------------------------------------------------------------- the schema page


def test_the_page_shows_a_table_for_every_record_type(hooks: Any) -> None:
    page = hooks.render_page((DOCS / "schema.md").read_text(encoding="utf-8"))
    assert "<!--" not in page, "a marker was left on the page"
    for cls in hooks.record_types().values():
        schema = json_schema(cls)
        section = page.split(f"\n### {cls.__name__}\n", 1)[1].split("\n### ", 1)[0]
        assert f"[`{hooks.schema_path(cls.__name__)}`]" in section
        for field in schema["properties"]:
            required = "yes" if field in schema["required"] else "no"
            assert re.search(rf"^\| `{re.escape(field)}` \| [^\n]+ \| {required} \|", section, re.M)
    raw = re.search(r"```json\n(.*?)```", page, re.S)
    assert raw is not None and json.loads(raw[1]) == json_schema(Program)


_ID = r"^[a-z0-9]+([-_.][a-z0-9]+)*$"


@pytest.mark.parametrize(
    ("schema", "words"),
    [
        ({"type": "string", "pattern": _ID}, "id"),
        ({"type": "string", "pattern": r"\S"}, "text"),
        ({"type": "string"}, "text"),
        ({"type": "string", "format": "date"}, "date (YYYY-MM-DD)"),
        ({"type": "string", "format": "uri"}, "URL"),
        ({"type": "integer"}, "whole number"),
        ({"type": "integer", "minimum": 1}, "whole number, at least 1"),
        ({"const": 1}, "always `1`"),
        ({"enum": ["a", "b", "c"]}, "one of: `a`, `b`, `c`"),
        ({"oneOf": [{"const": "a"}, {"const": "b"}]}, "one of: `a`, `b`"),
        ({"anyOf": [{"type": "string", "pattern": _ID}, {"type": "null"}]}, "id, or null"),
        ({"type": ["integer", "null"]}, "whole number, or null"),
        ({"type": "array", "items": {"type": "string", "pattern": _ID}}, "list of ids"),
        ({"type": "array", "items": {"$ref": "#/$defs/Stage"}}, "list of [Stage](#stage)"),
        ({"$ref": "#/$defs/Code"}, "one of: `x`, `y`"),
        ({"type": "boolean"}, "true or false"),
    ],
)
def test_types_are_shown_in_words(hooks: Any, schema: dict[str, Any], words: str) -> None:
    root = {"$defs": {"Code": {"enum": ["x", "y"]}}}
    assert hooks.type_words(schema, root) == words


def test_record_types_come_in_the_order_a_document_holds_them(hooks: Any) -> None:
    names = list(hooks.record_types())
    assert names[0] == "Program"
    assert names.index("Stage") < names.index("Meeting") < names.index("Place")
    nested = {
        ref.rsplit("/", 1)[-1]
        for ref in re.findall(r'"\$ref": "([^"]+)"', json.dumps(json_schema(Program)))
    }
    assert nested <= set(names), "a record type of the document has no table"


def test_the_library_s_own_type_words_come_first(hooks: Any) -> None:
    schema = {"type": "string", "pattern": "^[A-Z]{2}$", "x-type": "country code"}
    assert hooks.type_words(schema, {}) == "country code"
    assert hooks.type_words({"type": "array", "items": schema}, {}) == "list of country codes"


def test_values_described_beside_an_enum_are_found(hooks: Any) -> None:
    schema = {
        "enum": ["quote", "paraphrase"],
        "oneOf": [{"const": "quote", "description": "Verbatim."}, {"const": "paraphrase"}],
    }
    assert hooks.enum_values(schema, {}) == [("quote", "Verbatim."), ("paraphrase", "")]
    assert hooks.type_words(schema, {}) == "one of the values below"


def test_the_patterns_of_the_library_are_named(hooks: Any) -> None:
    schema = json_schema(Program)
    words = {name: hooks.type_words(prop, schema) for name, prop in schema["properties"].items()}
    assert words["id"] == "id"
    assert words["adopted_on"] == "date (YYYY-MM-DD)"
    assert words["decided_on"] == "partial date (EDTF), or null"


def test_a_property_without_description_has_an_empty_meaning(hooks: Any) -> None:
    assert hooks.meaning({"type": "string"}, {}) == ""


def test_the_meaning_has_the_description_examples_and_default(hooks: Any) -> None:
    prop = {
        "anyOf": [{"$ref": "#/$defs/Id", "description": "Who | organised it."}, {"type": "null"}],
        "examples": ["csto"],
        "default": None,
    }
    root = {"$defs": {"Id": {"type": "string", "pattern": _ID}}}
    assert hooks.meaning(prop, root) == 'Who \\| organised it. Example: `"csto"`. Default: `null`.'
    assert hooks.type_words(prop, root) == "id, or null"


@pytest.mark.parametrize(
    "kind",
    [
        {"oneOf": [{"const": "quote", "description": "Verbatim."}, {"const": "paraphrase"}]},
        {"enum": ["quote", "paraphrase"], "x-enum-descriptions": ["Verbatim.", ""]},
        {"enum": ["quote", "paraphrase"], "x-enum-descriptions": {"quote": "Verbatim."}},
        {"enum": ["quote", "paraphrase"], "enumDescriptions": ["Verbatim."]},
    ],
    ids=["oneOf-const", "x-enum-descriptions", "x-enum-descriptions-mapping", "enumDescriptions"],
)
def test_values_are_listed_with_their_meanings(
    hooks: Any, monkeypatch: pytest.MonkeyPatch, kind: dict[str, Any]
) -> None:
    def described(cls: type[Any]) -> dict[str, Any]:
        schema = copy.deepcopy(json_schema(cls))
        schema["properties"]["kind"] = {"description": "How it is reported.", **kind}
        return schema

    monkeypatch.setattr(hooks, "json_schema", described)
    section = hooks.record_table("Statement")
    assert "| `kind` | one of the values below | yes | How it is reported. |" in section
    assert "Values of `kind`:\n\n- `quote`: Verbatim.\n- `paraphrase`\n" in section


def test_every_version_is_published_when_json_schema_takes_a_version(
    hooks: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def versioned(cls: type[Any], *, version: int = 2) -> dict[str, Any]:
        schema = copy.deepcopy(json_schema(cls))
        schema["$id"] = re.sub(r"/v[0-9]+/", f"/v{version}/", schema["$id"])
        return schema

    monkeypatch.setattr(hooks, "json_schema", versioned)
    monkeypatch.setattr(hooks, "SCHEMA_VERSION", 2)
    paths = {path for _, path, _ in hooks.published_schemas()}
    assert {"schema/v1/Program.json", "schema/v2/Program.json"} <= paths
    assert len(paths) == 2 * len(hooks.record_types())
    versions = hooks.render_versions()
    assert versions.index("Version 2 (the current version)") < versions.index("Version 1,")


def test_an_old_version_that_cannot_be_published_is_a_build_warning(
    hooks: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def current_only(cls: type[Any]) -> dict[str, Any]:
        return json_schema(cls)

    monkeypatch.setattr(hooks, "json_schema", current_only)
    monkeypatch.setattr(hooks, "SCHEMA_VERSION", 2)
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        published = list(hooks.published_schemas())
    assert {version for version, _, _ in published} == {2}
    assert "schema version 1 of Program is not published" in caplog.text


def test_the_current_version_is_published_when_json_schema_takes_no_version(
    hooks: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def current_only(cls: type[Any]) -> dict[str, Any]:
        return json_schema(cls)

    monkeypatch.setattr(hooks, "json_schema", current_only)
    published = {path: text for _, path, text in hooks.published_schemas()}
    assert json.loads(published[hooks.schema_path("Program")]) == json_schema(Program)


def test_the_current_version_is_published_as_json_schema_gives_it(hooks: Any) -> None:
    published = {path: text for _, path, text in hooks.published_schemas()}
    for name, cls in hooks.record_types().items():
        assert json.loads(published[hooks.schema_path(name)]) == json_schema(cls)
