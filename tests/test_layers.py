"""The import contracts of ``docs/design.md`` (section "Layout"), checked on the source.

Every module of ``src/csto_program`` is read with :mod:`ast` (nothing is imported), and every
``import`` of a ``csto_program`` module, at module level, inside a function or under
``TYPE_CHECKING``, is an edge of the import graph. The contracts:

* **Layers.** Each module belongs to one layer of :data:`LAYERS`; it may import modules of its
  own layer's allowed list and of any lower layer, never of a higher one.
* **No cycle** of any kind, counting imports inside functions and under ``TYPE_CHECKING``.
* **No private names across modules.** ``from csto_program.x import _y`` is refused unless the
  importer lives in the same package as ``x`` (a package's own private modules are its
  business); importing a private *module* (``csto_program._files``) is fine, its private
  *names* are not.
* **No private modules of another package.** ``csto_program.serialize._api`` is the
  ``serialize`` package's own business: other modules import what ``serialize`` exports.
* **Nobody imports the package root** (``from csto_program import X`` inside the package),
  so the root stays a thin namespace over the modules.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "csto_program"

# Lowest layer first. A module is named by its dotted path below ``csto_program``; a package's
# name stands for every module in it. A module may import its own layer and any layer below.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors", "_escape", "_version", "_suggest", "_i18n", "_public", "mypy_plugin"),
    ("_days", "_zones"),
    ("dates", "_files"),
    ("_terminal", "codes", "_spec", "rules", "precedence"),
    ("records",),
    ("status", "integrity", "knowledge"),
    ("model",),
    ("planning", "lookup", "languages"),
    ("serialize",),
    ("compare", "strategies", "datasets", "words"),
    ("news",),
    ("export",),
    ("cli", "__main__"),
)


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(SRC.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def _layer_of(module: str) -> int | None:
    for depth in range(module.count(".") + 1, 0, -1):
        prefix = ".".join(module.split(".")[:depth])
        for index, layer in enumerate(LAYERS):
            if prefix in layer:
                return index
    return None


def _package_of(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    package = _package_of(module, path).split(".") if module else []
    base = package[: len(package) - (node.level - 1)]
    return "csto_program" + "".join(f".{p}" for p in [*base, *(node.module or "").split(".")] if p)


def _edges(module: str, path: Path) -> Iterator[tuple[str, str | None, int]]:
    """(imported module below csto_program, imported name or None, line) for each import."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "csto_program" or alias.name.startswith("csto_program."):
                    yield alias.name.removeprefix("csto_program").lstrip("."), None, node.lineno
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, path, node)
            if target == "csto_program" or target.startswith("csto_program."):
                inner = target.removeprefix("csto_program").lstrip(".")
                for alias in node.names:
                    submodule = f"{inner}.{alias.name}" if inner else alias.name
                    if (SRC / Path(*submodule.split("."))).with_suffix(".py").exists() or (
                        SRC / Path(*submodule.split(".")) / "__init__.py"
                    ).exists():
                        yield submodule, None, node.lineno
                    else:
                        yield inner, alias.name, node.lineno


MODULES = dict(_modules())


def test_every_module_has_a_layer() -> None:
    missing = [m for m in MODULES if m and _layer_of(m) is None]
    assert not missing, (
        f"modules with no layer in LAYERS (add them, and to docs/design.md): {missing}"
    )


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m))
def test_imports_point_down(module: str) -> None:
    path = MODULES[module]
    own = _layer_of(module)
    assert own is not None
    wrong = []
    for target, name, line in _edges(module, path):
        if not target:
            wrong.append(f"line {line}: imports the package root ({name})")
            continue
        layer = _layer_of(target)
        if layer is not None and layer > own:
            wrong.append(f"line {line}: imports {target}, a higher layer")
        same_package = target.split(".")[0] == module.split(".")[0]
        if name is not None and name.startswith("_") and not same_package:
            wrong.append(f"line {line}: imports the private name {target}.{name}")
        if not same_package and any(p.startswith("_") for p in target.split(".")[1:]):
            wrong.append(f"line {line}: reaches into {target}, private to its package")
    assert not wrong, "\n".join(dict.fromkeys(wrong))


def test_no_import_cycle() -> None:
    graph: dict[str, set[str]] = {m: set() for m in MODULES if m}
    for module, path in MODULES.items():
        if not module:
            continue
        for target, _name, _line in _edges(module, path):
            # An edge to a package counts as an edge to its __init__ module.
            if target in graph and target != module and not module.startswith(target + "."):
                graph[module].add(target)
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt) :], nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_the_contract_checker_sees_a_violation(tmp_path: Path) -> None:
    """The checker itself can fail: a low module importing a high one is reported."""
    fake = tmp_path / "errors.py"
    fake.write_text("from csto_program.cli import main\nfrom csto_program._files import _x\n")
    edges = list(_edges("errors", fake))
    assert ("cli", "main", 1) in edges
    layer_of_target = _layer_of("cli")
    assert layer_of_target is not None and layer_of_target > (_layer_of("errors") or 0)
