"""A Griffe extension for the API reference: make our plain docstrings read well as Markdown.

The library's docstrings are plain text with doctest examples and Sphinx-style roles, so that
``help()`` and Sybil (which runs every example) read them as they are. Rendered as Markdown
unchanged, a doctest line such as ``['$', '$.id']`` would parse as a reference link and
``:class:`~csto_program.DataError``` would show its role. Before mkdocstrings renders a
docstring, this extension

* wraps every run of doctest lines (from a ``>>>`` line to the next blank line) in a
  ``pycon`` code fence, and
* turns each Sphinx role into an optional cross-reference: a link where the target is in the
  reference, plain code where it is not (so an unknown target never fails ``--strict``).

attrs generates the ``__init__`` of the model classes, so static analysis cannot see their
signatures; for every attrs class the extension builds ``__init__`` from ``attrs.fields`` of the
real class (its names, kinds and defaults) with the annotations written in the source, and hides
the field definitions (``attrs.field(validator=...)``) that would otherwise show as values.
Fields with a converter accept any ``datetime.date``, so that is the annotation they show.
A hypothesis ``@st.composite`` strategy is shown as it is called: without its ``draw``
parameter, returning a ``SearchStrategy``.

It changes only what mkdocstrings renders, never the source.
"""

from __future__ import annotations

import enum
import importlib
import re
from typing import Any

import attrs
import griffe

_ROLE = re.compile(r":(?:class|func|meth|mod|data|attr|exc|obj):`(?P<tilde>~?)(?P<target>[^`]+)`")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _identifier(target: str, module: griffe.Module | None) -> str:
    """The full path a role's target means, as Sphinx would resolve it from ``module``."""
    head, _, rest = target.partition(".")
    if target.startswith("csto_program") or module is None:
        return target
    if head in module.members:
        member = module.members[head]
        path = member.target_path if member.is_alias else member.path  # an import's origin
        return f"{path}.{rest}" if rest else path
    package = module.package
    if head in package.members:
        return f"{package.path}.{target}"
    return target  # another library's object: shown as code


def _roles(line: str, module: griffe.Module | None) -> str:
    def replace(match: re.Match[str]) -> str:
        target = match["target"]
        title = target.rsplit(".", 1)[-1] if match["tilde"] else target
        identifier = _identifier(target, module)
        return f'<autoref identifier="{identifier}" optional><code>{title}</code></autoref>'

    return _ROLE.sub(replace, line)


def fence_doctests(text: str, module: griffe.Module | None = None) -> str:
    """Wrap doctest runs in ``pycon`` fences and turn Sphinx roles into optional autorefs."""
    out: list[str] = []
    in_doctest = False
    in_fence = False
    indent = ""
    for line in text.splitlines():
        stripped = line.strip()
        if in_doctest:
            if stripped:
                out.append(line)
                continue
            out.append(f"{indent}```")
            in_doctest = False
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and stripped.startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            if out and out[-1].strip():
                out.append("")
            out.append(f"{indent}```pycon")
            out.append(line)
            in_doctest = True
            continue
        out.append(line if in_fence else _roles(line, module))
    if in_doctest:
        out.append(f"{indent}```")
    return "\n".join(out)


def _default(value: object) -> str:
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    return repr(value)


def _runtime_class(cls: griffe.Class) -> type | None:
    try:
        module = importlib.import_module(cls.module.path)
    except ImportError:  # pragma: no cover - the package is installed for the build
        return None
    found = getattr(module, cls.name, None)
    return found if isinstance(found, type) else None


def _set_attrs_init(cls: griffe.Class) -> None:
    runtime = _runtime_class(cls)
    if runtime is None or not attrs.has(runtime) or "__init__" in cls.members:
        return
    parameters = [griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword)]
    for field in attrs.fields(runtime):
        member = cls.members.get(field.name)
        annotation: str | griffe.Expr | None = None
        if isinstance(member, griffe.Attribute):
            annotation = member.annotation
            member.value = None  # hide "attrs.field(validator=...)"
        if field.converter is not None:
            annotation = (
                "datetime.date" if field.default is attrs.NOTHING else "datetime.date | None"
            )
        kind = (
            griffe.ParameterKind.keyword_only
            if field.kw_only
            else griffe.ParameterKind.positional_or_keyword
        )
        default = None if field.default is attrs.NOTHING else _default(field.default)
        parameters.append(
            griffe.Parameter(
                field.alias or field.name, annotation=annotation, kind=kind, default=default
            )
        )
    init = griffe.Function(
        "__init__",
        lineno=cls.lineno,
        endlineno=cls.lineno,
        parent=cls,
        parameters=griffe.Parameters(*parameters),
        returns="None",
    )
    cls.set_member("__init__", init)


def _unwrap_composite(function: griffe.Function) -> None:
    """Show a ``@st.composite`` strategy as it is called: without ``draw``, returning a
    ``SearchStrategy`` of what the decorated function builds."""
    if not any(str(d.value).endswith("composite") for d in function.decorators):
        return
    if len(function.parameters) and function.parameters[0].name == "draw":
        del function.parameters[0]
    function.returns = f"SearchStrategy[{function.returns}]"


class DoctestFences(griffe.Extension):
    """Fence doctests, link roles, give attrs classes their ``__init__``, unwrap strategies."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value, obj.module)
        if isinstance(obj, griffe.Class):
            _set_attrs_init(obj)
        elif isinstance(obj, griffe.Function):
            _unwrap_composite(obj)
