"""The documentation cannot drift from the code.

* Every public name (``__all__`` of the package and of each public module) has a docstring
  with an example, and every example in a constant's docstring runs (Sybil runs those of
  modules, classes and functions, but not the string under an assignment).
* Every public name is in the API reference, and every public module has a reference page.
* The JSON Schema page shows ``json_schema(Program)`` and every page in the nav exists.
* No page names a module or a function that is gone.
* The README lists every export format.
* Every command-line example in the README and the docs gives the output shown: a
  ``console`` block (``$ command`` lines, each followed by its output), a ``sh`` block
  followed directly by a ``text`` block (the output of all its commands), or a sentence
  ending "`csto-program ...` prints:" followed by a ``text`` block.
"""

from __future__ import annotations

import ast
import doctest
import importlib
import importlib.util
import inspect
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import csto_program
from csto_program import SCHEMA_VERSION, Program, json_schema

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SRC = ROOT / "src"

# The modules whose ``__all__`` is public API: the package namespace, and the modules
# users import by name. A module another engineer has not written yet is skipped.
PUBLIC_MODULES = (
    "csto_program",
    "csto_program.dates",
    "csto_program.precedence",
    "csto_program.knowledge",
    "csto_program.lookup",
    "csto_program.compare",
    "csto_program.news",
    "csto_program.errors",
    "csto_program.planning",
    "csto_program.rules",
    "csto_program.status",
    "csto_program.serialize",
    "csto_program.serialize.schema",
    "csto_program.serialize.jsonl",
    "csto_program.datasets",
    "csto_program.export",
    "csto_program.words",
    "csto_program.export.text",
    "csto_program.export.html",
    "csto_program.export.datapackage",
    "csto_program.export.ical",
    "csto_program.export.markdown",
    "csto_program.export.mermaid",
    "csto_program.export.plot",
    "csto_program.strategies",
    "csto_program.cli",
)

# Names and modules that are gone; no page may name them (the changelog and the design
# notes, which record history, are not checked).
GONE = {
    "csto_program.schedule": r"\bcsto_program\.schedule\b",
    "csto_program.jsonl": r"\bcsto_program\.jsonl\b",
    "csto_program.schema": r"\bcsto_program\.schema\b",
    "seed_reading": r"\bseed_reading\b",
    "Stage.completed_on": r"\bcompleted_on=",
    "a date helper from the package root": (
        r"from csto_program import [^\n]*\b(?:add_months|add_days|days_between|as_date|"
        r"parse_iso_date|format_iso_date|load_zone|utcoffset_on|Precision|Qualifier|MIN_DATE|"
        r"MAX_DATE|program_status|stage_status|DEFAULT_MONTHS|DEFAULT_TERM_MONTHS|"
        r"make_converter|to_json_bytes|parse_json|MODEL_CLASSES)\b"
    ),
}

# A version string cannot carry a docstring of its own.
NO_DOCSTRING = {("csto_program", "__version__")}

# Public names whose docstrings still lack an example, in modules other engineers own. The
# test is a non-strict xfail, so adding the example (an XPASS in the summary) breaks nothing
# while the owner of the module removes the entry here.
MISSING_EXAMPLES: set[tuple[str, str]] = set()

# Examples in constants' docstrings that no longer give the output shown, in modules other
# engineers own: a non-strict xfail, like MISSING_EXAMPLES, until the owner fixes the example.
STALE_CONSTANT_EXAMPLES: set[tuple[str, str]] = set()


def _public_modules() -> list[ModuleType]:
    modules = []
    for name in PUBLIC_MODULES:
        if importlib.util.find_spec(name) is not None:
            modules.append(importlib.import_module(name))
    return modules


def _public_names() -> list[tuple[str, str]]:
    return [
        (module.__name__, name)
        for module in _public_modules()
        for name in module.__all__
        if (module.__name__, name) not in NO_DOCSTRING
    ]


def _module_source(module_name: str) -> tuple[ast.Module, Path]:
    spec = importlib.util.find_spec(module_name)
    assert spec is not None and spec.origin is not None
    path = Path(spec.origin)
    return ast.parse(path.read_text(encoding="utf-8")), path


def _assigned_names(node: ast.stmt) -> list[str]:
    if isinstance(node, ast.Assign):
        return [t.id for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.target.id]
    return []


def attribute_docstrings(module_name: str) -> dict[str, str]:
    """The docstrings written under module-level assignments of ``module_name``."""
    tree, _ = _module_source(module_name)
    found: dict[str, str] = {}
    for node, following in zip(tree.body, tree.body[1:], strict=False):
        if (
            isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            for name in _assigned_names(node):
                found[name] = inspect.cleandoc(following.value.value)
    return found


def _imported_from(module_name: str, name: str) -> str | None:
    tree, _ = _module_source(module_name)
    # top-level imports, and those under ``if TYPE_CHECKING:`` (the lazy package root's)
    nodes = [n for top in tree.body for n in (top.body if isinstance(top, ast.If) else [top])]
    for node in nodes:
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.level == 0
            and any((alias.asname or alias.name) == name for alias in node.names)
        ):
            return node.module
    return None


def docstring_of(module_name: str, name: str) -> str | None:
    """The docstring of ``module_name.name``: its own, or the one under its assignment."""
    obj = getattr(importlib.import_module(module_name), name)
    if inspect.isclass(obj) or inspect.isfunction(obj) or inspect.ismethod(obj):
        return obj.__doc__
    seen = set()
    while module_name not in seen:
        seen.add(module_name)
        docs = attribute_docstrings(module_name)
        if name in docs:
            return docs[name]
        source = _imported_from(module_name, name)
        if source is None:
            break
        module_name = source
    own = getattr(obj, "__doc__", None)  # an instance's own, e.g. a click command's help
    return own if own and own != type(obj).__doc__ else None


def _example_cases() -> list[Any]:
    return [
        pytest.param(
            module,
            name,
            id=f"{module}.{name}",
            marks=pytest.mark.xfail(reason="no example yet", strict=False)
            if (module, name) in MISSING_EXAMPLES
            else (),
        )
        for module, name in _public_names()
    ]


@pytest.mark.parametrize(("module", "name"), _example_cases())
def test_every_public_name_has_an_example(module: str, name: str) -> None:
    doc = docstring_of(module, name)
    assert doc, f"{module}.{name} has no docstring"
    assert ">>>" in doc, f"the docstring of {module}.{name} has no example"


def _constant_examples() -> list[tuple[str, str, str]]:
    found = []
    for path in sorted((SRC / "csto_program").rglob("*.py")):
        relative = path.relative_to(SRC).with_suffix("")
        parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
        module = ".".join(parts)
        if module.endswith("__main__"):
            continue
        for name, doc in attribute_docstrings(module).items():
            if ">>>" in doc:
                found.append((module, name, doc))
    return found


@pytest.mark.parametrize(
    ("module", "name", "doc"),
    [
        pytest.param(
            module,
            name,
            doc,
            id=f"{module}.{name}",
            marks=pytest.mark.xfail(reason="the example is out of date", strict=False)
            if (module, name) in STALE_CONSTANT_EXAMPLES
            else (),
        )
        for module, name, doc in _constant_examples()
    ],
)
def test_examples_in_constant_docstrings_run(module: str, name: str, doc: str) -> None:
    namespace = dict(vars(importlib.import_module(module)))
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    test = doctest.DocTestParser().get_doctest(doc, namespace, f"{module}.{name}", module, 0)
    runner = doctest.DocTestRunner(optionflags=flags)
    runner.run(test, out=lambda text: None)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"an example in the docstring of {module}.{name} fails"


# --------------------------------------------------------------------------- the reference


_DIRECTIVE = re.compile(r"^::: ([\w.]+)\n((?:[ \t]+\S.*\n?)*)", re.M)


def _directive_options() -> dict[str, str]:
    """Every ``::: path`` of the reference, with the indented options block under it."""
    found: dict[str, str] = {}
    for page in sorted((DOCS / "reference").glob("*.md")):
        for match in _DIRECTIVE.finditer(page.read_text(encoding="utf-8")):
            found[match[1]] = match[2]
    return found


def _reference_directives() -> set[str]:
    return set(_directive_options())


def _is_module(path: str) -> bool:
    try:
        return importlib.util.find_spec(path) is not None
    except ModuleNotFoundError:  # the parent is a module, not a package
        return False


def _renders_members(options: str) -> bool:
    return re.search(r"^\s*members:\s*false\s*$", options, re.M) is None


def _documented_objects() -> set[tuple[str, int]]:
    """``(name, id(object))`` of everything the reference renders: a module rendered whole
    renders every name in its ``__all__`` (unless its options say ``members: false``)."""
    found: set[tuple[str, int]] = set()
    for path, options in _directive_options().items():
        if _is_module(path):
            if _renders_members(options):
                module = importlib.import_module(path)
                found.update((name, id(getattr(module, name))) for name in module.__all__)
        else:
            module_name, _, name = path.rpartition(".")
            found.add((name, id(getattr(importlib.import_module(module_name), name))))
    return found


def test_a_module_rendered_whole_renders_its_all_only() -> None:
    """mkdocstrings renders every name without a leading underscore unless told to follow
    ``__all__`` (``filters: public``), and the test above counts ``__all__``."""
    for path, options in sorted(_directive_options().items()):
        if _is_module(path) and _renders_members(options):
            assert re.search(r"^\s*filters:\s*public\s*$", options, re.M), (
                f"::: {path} renders the whole module: give it `filters: public`"
            )


@pytest.mark.parametrize(
    ("module", "name"), _public_names(), ids=[f"{m}.{n}" for m, n in _public_names()]
)
def test_every_public_name_is_in_the_reference(module: str, name: str) -> None:
    obj = getattr(importlib.import_module(module), name)
    assert (name, id(obj)) in _documented_objects(), f"{module}.{name} is not in docs/reference/"


def test_reference_directives_name_real_objects() -> None:
    for path in sorted(_reference_directives()):
        module_name, _, attribute = path.rpartition(".")
        if _is_module(path):
            continue
        assert hasattr(importlib.import_module(module_name), attribute), path


# --------------------------------------------------------------------------- site structure


def _load_hooks() -> Any:
    spec = importlib.util.spec_from_file_location("docs_hooks", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_schema_page_shows_the_schema_of_the_code() -> None:
    hooks = _load_hooks()
    page = (DOCS / "schema.md").read_text(encoding="utf-8")
    assert hooks.MARKER.search(page), "docs/schema.md lost its json-schema marker"
    rendered = hooks.render_markers(page)
    block = re.search(r"```json\n(.*?)```", rendered, re.S)
    assert block is not None
    assert json.loads(block[1]) == json_schema(Program)
    assert hooks.schema_path("Program") == f"schema/v{SCHEMA_VERSION}/Program.json"
    assert json_schema(Program)["$id"].endswith("/" + hooks.schema_path("Program"))


def test_sessions_are_shown_as_pycon_and_other_python_blocks_stay() -> None:
    hooks = _load_hooks()
    text = "```python\n>>> 1 + 1\n2\n\n```\n\n```python\nx = 1\n```\n"
    assert hooks.highlight_sessions(text) == text.replace("```python\n>>>", "```pycon\n>>>")


def test_a_bad_schema_marker_fails_the_build() -> None:
    hooks = _load_hooks()
    with pytest.raises(ValueError, match="no model class named 'Nothing'"):
        hooks.render_markers("<!-- json-schema: Nothing -->")


def _nav_files() -> list[str]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = text[text.index("\nnav:") :]
    return re.findall(r"([\w/.-]+\.md)\s*$", nav, re.M)


def test_every_nav_page_exists_and_every_page_is_in_the_nav() -> None:
    nav = _nav_files()
    assert nav, "mkdocs.yml has no nav"
    for page in nav:
        assert (DOCS / page).is_file(), f"mkdocs.yml names a missing page {page}"
    pages = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    missing = sorted(pages - set(nav))
    assert not missing, f"pages not in the nav of mkdocs.yml: {missing}"


def test_the_changelog_page_includes_the_changelog_rather_than_copying_it() -> None:
    page = (DOCS / "changelog.md").read_text(encoding="utf-8")
    assert 'include-markdown "../CHANGELOG.md"' in page
    assert "## [Unreleased]" not in page


def test_the_docs_build_uses_no_plugin_that_reads_the_network() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for plugin in ("social", "privacy", "git-revision-date", "git-committers"):
        assert f"- {plugin}" not in config
    assert "font: false" in config


def test_the_package_docstring_names_the_public_modules() -> None:
    assert csto_program.__doc__ is not None
    for name in ("dates", "serialize", "export", "strategies", "datasets"):
        assert f"csto_program.{name}" in csto_program.__doc__


def test_every_public_module_has_a_reference_page() -> None:
    directives = _reference_directives()
    for module in _public_modules():
        if module.__name__ == "csto_program":
            continue  # its names are rendered one by one, on the pages of their modules
        assert module.__name__ in directives, (
            f"no page of docs/reference/ renders {module.__name__}"
        )


def _pages() -> list[Path]:
    """The README and every page of the docs that describes the code as it is now."""
    history = {DOCS / "changelog.md", DOCS / "design.md"}
    return [ROOT / "README.md", *(p for p in sorted(DOCS.rglob("*.md")) if p not in history)]


def _prose_lines(page: Path) -> list[tuple[int, str]]:
    """The numbered lines of ``page`` outside ``text`` blocks (recorded output, such as the
    measurements of an earlier version on the performance page)."""
    lines = []
    in_text = False
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("```"):
            in_text = not in_text and line.strip() == "```text"
        elif not in_text:
            lines.append((number, line))
    return lines


@pytest.mark.parametrize("gone", sorted(GONE), ids=str)
def test_no_page_names_what_is_gone(gone: str) -> None:
    pattern = re.compile(GONE[gone])
    found = [
        f"{page.relative_to(ROOT)}:{number}: {line.strip()}"
        for page in _pages()
        for number, line in _prose_lines(page)
        if pattern.search(line)
    ]
    assert not found, f"pages name {gone}:\n" + "\n".join(found)


def test_the_readme_lists_every_export_format() -> None:
    from csto_program.export import FORMATS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Export formats\n", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^- `([a-z]+)`", section, re.M)
    assert listed == list(FORMATS), "the README's list of formats is not FORMATS, in order"


# --------------------------------------------------------------------------- command line

_FENCE = re.compile(r"^```(\w*)\n(.*?)^```[ \t]*$", re.M | re.S)
_PRINTS = re.compile(r"`(csto-program [^`]+)` prints:\s*$")


def _commands(block: str) -> list[str]:
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def _cli_examples(page: Path) -> list[list[tuple[str, str]]]:
    """The command-line examples of ``page``, each a list of ``(command, output)`` steps."""
    text = page.read_text(encoding="utf-8")
    blocks = list(_FENCE.finditer(text))
    examples = []
    for index, block in enumerate(blocks):
        language, body = block[1], block[2]
        if language == "console":
            steps: list[tuple[str, str]] = []
            for line in body.splitlines():
                if line.startswith("$ "):
                    steps.append((line[2:], ""))
                else:
                    assert steps, f"{page.name}: a console block must start with a command"
                    command, output = steps[-1]
                    steps[-1] = (command, output + line + "\n")
            examples.append(steps)
            continue
        if language != "text":
            continue
        before = text[: block.start()].rstrip("\n")
        previous = blocks[index - 1] if index else None
        if previous is not None and previous[1] == "sh" and previous.end() == len(before):
            commands = _commands(previous[2])
            examples.append([(c, "") for c in commands[:-1]] + [(commands[-1], body)])
        elif (prints := _PRINTS.search(before.rsplit("\n", 1)[-1])) is not None:
            examples.append([(prints[1], body)])
    return examples


def _all_cli_examples() -> list[Any]:
    return [
        pytest.param(steps, id=f"{page.name}:{steps[-1][0][:50]}")
        for page in _pages()
        for steps in _cli_examples(page)
    ]


def test_the_cli_examples_are_found() -> None:
    pages = {param.id.split(":")[0] for param in _all_cli_examples()}
    assert {"README.md", "cli.md", "plans.md"} <= pages


def _matches(expected: str, actual: str) -> bool:
    """Whether ``actual`` is ``expected``, where a line ``...`` stands for any lines."""
    pattern = "\n".join(
        ".*" if line.strip() == "..." else re.escape(line.rstrip())
        for line in expected.rstrip("\n").splitlines()
    )
    lines = "\n".join(line.rstrip() for line in actual.rstrip("\n").splitlines())
    return re.fullmatch(pattern, lines, re.S) is not None


@pytest.mark.parametrize("steps", _all_cli_examples())
def test_cli_examples_give_the_output_shown(steps: list[tuple[str, str]], tmp_path: Path) -> None:
    """Run each example's commands in a shell, in a fresh folder, with this venv's script.

    In a ``sh`` block followed by a ``text`` block, the commands before the last one must
    print nothing, and the last one must print the ``text`` block.
    """
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    env.update(COLUMNS="100", NO_COLOR="1", LC_ALL="C.UTF-8")
    status = 0
    for command, output in steps:
        script = command.replace("$?", str(status))  # one shell per command
        result = subprocess.run(
            ["bash", "-c", script],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            cwd=tmp_path,
            check=False,
            timeout=120,
        )
        status = result.returncode
        assert _matches(output, result.stdout), (
            f"$ {command}\n--- shown\n{output}--- got\n{result.stdout}"
        )
