"""The documentation site works where people open it, and its schema page explains itself.

* Opened from disk (``file:///.../site/index.html``) every link leads to a page or a file,
  never to a folder: ``use_directory_urls`` is off, and the built site has no link to a folder
  or to a missing file.
* The API reference shows the signature Python gives: for every public class, the signature
  rendered in the built site has the parameters of ``inspect.signature`` (names, kinds,
  annotations and defaults); an enumeration, and a class whose signature Python cannot give,
  show none.
* The schema page (``docs/hooks.py``) gives each record type a table of its fields with the
  type in words, whether it is required, and its meaning from the schema's ``description``,
  ``examples`` and value descriptions, and an empty cell where there are none. Each version of
  the format that ``json_schema`` can give is published under ``schema/v<N>/``.

The checks of the built site read ``site/`` (or the folder ``CSTO_PROGRAM_SITE`` names). Without
a built site they are skipped, unless ``CSTO_PROGRAM_SITE_REQUIRED=1``: then they fail, which
is how ``make docs-check`` runs them after ``make docs`` (and CI after it).
"""

from __future__ import annotations

import ast
import copy
import enum
import html.parser
import importlib
import importlib.util
import inspect
import json
import logging
import os
import pkgutil
import re
import sys
import urllib.parse
from pathlib import Path
from typing import Any

import attrs
import pytest

import csto_program
from csto_program import Program, json_schema

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SITE = Path(os.environ.get("CSTO_PROGRAM_SITE") or ROOT / "site")
SITE_REQUIRED = os.environ.get("CSTO_PROGRAM_SITE_REQUIRED") == "1"


def _load_hooks() -> Any:
    spec = importlib.util.spec_from_file_location("docs_hooks_site", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def hooks() -> Any:
    return _load_hooks()


@pytest.fixture
def site() -> Path:
    """The built site; skipped without one, failed if ``CSTO_PROGRAM_SITE_REQUIRED=1``."""
    if not (SITE / "index.html").is_file():
        message = f"no built site in {SITE} (make docs builds it)"
        if SITE_REQUIRED:
            pytest.fail(message + ", and CSTO_PROGRAM_SITE_REQUIRED=1")
        pytest.skip(message)
    return SITE


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


def test_every_link_of_the_built_site_opens_a_file(site: Path) -> None:
    broken = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":  # served by a web server from the site's root only
            continue
        for link in _local_links(page):
            path = urllib.parse.unquote(link.split("#")[0].split("?")[0])
            if not path:
                continue
            target = (page.parent / path).resolve()
            if not target.is_file():
                kind = "a folder" if target.is_dir() else "missing"
                broken.append(f"{page.relative_to(site)}: {link} ({kind})")
    assert not broken, "links that do not open a file from disk:\n" + "\n".join(broken)


def test_the_built_site_publishes_the_schema_of_the_code(hooks: Any, site: Path) -> None:
    for cls in hooks.record_types().values():
        schema = json_schema(cls)
        path = site / re.sub(r"^https?://[^/]+/", "", schema["$id"])
        assert json.loads(path.read_text(encoding="utf-8")) == schema, path


# --------------------------------------------------------------------------- signatures


class _Signatures(html.parser.HTMLParser):
    """The signature text under each heading of the API reference: ``found[id]`` is the text
    of the first ``doc-signature`` block after the heading with that id and before the next
    heading, or ``None`` if the object is shown without one."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, str | None] = {}
        self._heading: str | None = None
        self._depth = 0  # nesting of <div> inside the signature being read
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        classes = (names.get("class") or "").split()
        if self._depth:
            self._depth += tag == "div"
        elif "doc-heading" in classes and names.get("id"):
            self._heading = names["id"]
            self.found.setdefault(self._heading, None)
        elif tag == "div" and "doc-signature" in classes and self._heading is not None:
            self._depth, self._text = 1, []

    def handle_endtag(self, tag: str) -> None:
        if self._depth and tag == "div":
            self._depth -= 1
            if not self._depth and self._heading is not None:
                if self.found[self._heading] is None:
                    self.found[self._heading] = "".join(self._text)
                self._heading = None

    def handle_data(self, data: str) -> None:
        if self._depth:
            self._text.append(data)


def rendered_signatures(site: Path) -> dict[str, str | None]:
    """The signature text of every object of the API reference, by its anchor."""
    parser = _Signatures()
    for page in sorted((site / "reference").glob("*.html")):
        parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


def public_classes() -> dict[type, list[str]]:
    """Every class in the ``__all__`` of the package and of its public modules, with the
    dotted names it is exported under."""
    found: dict[type, list[str]] = {}
    modules = [csto_program.__name__] + [
        info.name
        for info in pkgutil.walk_packages(csto_program.__path__, "csto_program.")
        if not any(part.startswith("_") for part in info.name.split("."))
    ]
    for module_name in modules:
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if isinstance(value, type):
                found.setdefault(value, []).append(f"{module_name}.{name}")
    return found


_KINDS = {
    "posonlyargs": inspect.Parameter.POSITIONAL_ONLY,
    "args": inspect.Parameter.POSITIONAL_OR_KEYWORD,
    "vararg": inspect.Parameter.VAR_POSITIONAL,
    "kwonlyargs": inspect.Parameter.KEYWORD_ONLY,
    "kwarg": inspect.Parameter.VAR_KEYWORD,
}


def _parameters(text: str) -> list[tuple[str, Any, str | None, ast.expr | None]]:
    """``(name, kind, annotation, default)`` of each parameter of a rendered signature such as
    ``Name(a: int, *, b: str = "x")``, read as Python (so its layout and quotes do not
    matter); the annotation is normalised by ``ast.unparse``."""
    tree = ast.parse("def f" + text[text.index("(") :].strip() + ": pass")
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    arguments = function.args
    positional = [*arguments.posonlyargs, *arguments.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(arguments.defaults))
    defaults += arguments.defaults
    found = []
    for index, arg in enumerate(positional):
        kind = "posonlyargs" if index < len(arguments.posonlyargs) else "args"
        found.append((arg, _KINDS[kind], defaults[index]))
    if arguments.vararg is not None:
        found.append((arguments.vararg, _KINDS["vararg"], None))
    for arg, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
        found.append((arg, _KINDS["kwonlyargs"], default))
    if arguments.kwarg is not None:
        found.append((arguments.kwarg, _KINDS["kwarg"], None))
    return [
        (arg.arg, kind, None if arg.annotation is None else ast.unparse(arg.annotation), default)
        for arg, kind, default in found
    ]


class _LastPart(ast.NodeTransformer):
    """Names without their module path (``collections.abc.Iterable`` is ``Iterable``), and a
    ``ForwardRef("X")`` as ``X``."""

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        return ast.copy_location(ast.Name(id=node.attr, ctx=node.ctx), node)

    def visit_Call(self, node: ast.Call) -> ast.AST:
        forward = isinstance(node.func, ast.Name) and node.func.id == "ForwardRef"
        if forward and node.args and isinstance(node.args[0], ast.Constant):
            return self.visit(ast.parse(str(node.args[0].value), mode="eval").body)
        return self.generic_visit(node)


def _normalised(annotation: str | None) -> str | None:
    """An annotation's text as compared: laid out by ``ast.unparse``, module paths left out."""
    if annotation is None:
        return None
    return ast.unparse(_LastPart().visit(ast.parse(annotation, mode="eval")))


def _annotation(annotation: Any) -> str | None:
    """A runtime annotation as text: as written if postponed, else as ``inspect`` spells it."""
    if annotation is inspect.Parameter.empty:
        return None
    return annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)


def signature_differences(cls: type, rendered: str | None) -> list[str]:
    """How the rendered signature of ``cls`` differs from ``inspect.signature(cls)``.

    Annotations are compared as Python reads them, without module paths (the reference may
    write ``Iterable[Plan]`` where Python says ``collections.abc.Iterable[...model.Plan]``).
    A default is compared by value: the rendered expression, evaluated in the class's module
    (with ``attrs``), must equal the runtime default and be of its type, so ``SourceKind.NEWS``
    stands for the member and ``attrs.NOTHING`` for a default that attrs makes on each call.
    An enumeration, and a class whose signature Python cannot give, must show no signature.
    """
    try:
        signature = None if issubclass(cls, enum.Enum) else inspect.signature(cls)
    except (TypeError, ValueError):
        signature = None
    if signature is None or rendered is None:
        shown = "none" if rendered is None else repr(" ".join(rendered.split()))
        return [] if signature is rendered is None else [f"shown {shown}, Python: {signature}"]
    differences = []
    runtime = list(signature.parameters.values())
    try:
        shown_parameters = _parameters(rendered)
    except SyntaxError:
        return [f"shown {' '.join(rendered.split())!r}, not Python's syntax"]
    if [p.name for p in runtime] != [name for name, *_ in shown_parameters]:
        differences.append(
            f"parameters {[name for name, *_ in shown_parameters]}, Python: "
            f"{[p.name for p in runtime]}"
        )
    namespace = {"attrs": attrs, **vars(sys.modules[cls.__module__])}
    for parameter, (name, kind, annotation, default) in zip(
        runtime, shown_parameters, strict=False
    ):
        if kind != parameter.kind:
            differences.append(f"{name}: {kind.description}, Python: {parameter.kind.description}")
        expected = _normalised(_annotation(parameter.annotation))
        if _normalised(annotation) != expected:
            differences.append(f"{name}: annotation {annotation}, Python: {expected}")
        if (default is None) != (parameter.default is inspect.Parameter.empty):
            differences.append(f"{name}: default shown {default is not None}, Python: {parameter}")
        elif default is not None:
            text = ast.unparse(default)
            try:
                value = eval(compile(ast.Expression(default), "<signature>", "eval"), namespace)
            except NameError as error:
                differences.append(f"{name}: default {text} means nothing there ({error})")
                continue
            if type(value) is not type(parameter.default) or value != parameter.default:
                differences.append(f"{name}: default {text}, Python: {parameter.default!r}")
    return differences


def test_every_public_class_shows_the_signature_python_gives(site: Path) -> None:
    """Every public class shown in the reference, under each of its names; the classes of the
    package namespace (records, status types, errors) must be shown (test_docs.py checks that
    every public name of the public modules is)."""
    shown = rendered_signatures(site)
    differences = []
    for cls, names in public_classes().items():
        anchors = [
            name for name in (*names, f"{cls.__module__}.{cls.__qualname__}") if name in shown
        ]
        if not anchors and cls.__name__ in csto_program.__all__:
            differences.append(f"{names[0]}: not in the API reference")
        for anchor in dict.fromkeys(anchors):
            differences += [f"{anchor}: {d}" for d in signature_differences(cls, shown[anchor])]
    assert not differences, "rendered signatures that are not Python's:\n" + "\n".join(differences)


def test_annotations_are_compared_without_module_paths() -> None:
    runtime = "collections.abc.Iterable[csto_program.model.Plan] | None"
    assert _normalised(runtime) == _normalised("Iterable[Plan]|None") == "Iterable[Plan] | None"
    assert _normalised("tuple[ForwardRef('pendulum.Date'), ...]") == "tuple[Date, ...]"
    assert _normalised("Iterable[Plan]") != _normalised("Iterable[Stage]")


def _spelt(cls: type) -> list[list[str]]:
    """The parameters of ``inspect.signature(cls)`` as ``[prefix, name, annotation, default]``
    texts (a prefix ``*, `` before the first keyword-only one), to render and to spoil."""
    parts = []
    for parameter in inspect.signature(cls).parameters.values():
        keyword_only = parameter.kind is inspect.Parameter.KEYWORD_ONLY
        default = parameter.default
        if isinstance(default, enum.Enum):
            text = f"{type(default).__name__}.{default.name}"
        else:
            text = "" if default is inspect.Parameter.empty else repr(default)
        prefix = "*, " if keyword_only and not any(p[0] for p in parts) else ""
        parts.append([prefix, parameter.name, _annotation(parameter.annotation) or "", text])
    return parts


def _render(cls: type, parts: list[list[str]]) -> str:
    inside = ", ".join(
        f"{prefix}{name}"
        + (f": {annotation}" if annotation else "")
        + (f" = {default}" if default else "")
        for prefix, name, annotation, default in parts
    )
    return f"{cls.__name__}(\n    {inside},\n)"


def test_the_signature_check_catches_each_kind_of_difference() -> None:
    from csto_program import ProgressReport, Source, SourceKind
    from csto_program.errors import CstoProgramError, DataError
    from csto_program.export.text import Event

    for cls in (ProgressReport, Source, DataError, Event):  # Event's annotations: ForwardRef
        assert signature_differences(cls, _render(cls, _spelt(cls))) == [], cls
    assert signature_differences(CstoProgramError, None) == []
    assert signature_differences(SourceKind, None) == []

    def spoilt(index: int, field: int, text: str) -> str:
        parts = _spelt(ProgressReport)
        parts[index][field] = text
        return _render(ProgressReport, parts)

    names = [name for _, name, _, _ in _spelt(ProgressReport)]
    progress, sources, note = names.index("progress"), names.index("sources"), names.index("note")
    wrong = [
        spoilt(progress, 2, "datetime.date"),  # an annotation
        spoilt(progress, 2, ""),  # an annotation missing
        spoilt(sources, 3, "None"),  # a default
        spoilt(sources, 3, "[]"),  # a default equal in value, of another type
        spoilt(note, 3, ""),  # a default missing: not even Python
        spoilt(note, 0, "*, "),  # a kind
        spoilt(0, 1, "ident"),  # a name
        _render(ProgressReport, _spelt(ProgressReport)[:-1]),  # a parameter missing
    ]
    for text in wrong:
        assert signature_differences(ProgressReport, text), text
    error = _spelt(DataError)  # (problems, *, more=0): a default can go or come and stay Python
    without, with_one = copy.deepcopy(error), copy.deepcopy(error)
    without[-1][3] = ""
    with_one[0][3] = "()"
    assert signature_differences(DataError, _render(DataError, without))
    assert signature_differences(DataError, _render(DataError, with_one))
    assert signature_differences(ProgressReport, None)
    assert signature_differences(CstoProgramError, "CstoProgramError(message: str)")
    kind = _spelt(Source)
    kind[[name for _, name, _, _ in kind].index("kind")][3] = "SourceKind.OFFICIAL"
    assert signature_differences(Source, _render(Source, kind))


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
