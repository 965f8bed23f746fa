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

The signature shown for a class is the one Python gives: the extension replaces the parameters
of its ``__init__`` (creating it where attrs generates it, so static analysis cannot see it) by
``inspect.signature`` of the real class, with the same names, kinds, defaults and annotations
(a converted field accepts what its converter takes, not the type it stores), so the reference,
``help()`` and an editor cannot disagree. An annotation is shown as ``annotation_text`` spells
it; an enumeration (looked up by value, not constructed) and a class whose signature Python
cannot give keep none. For attrs classes it also hides the field definitions
(``attrs.field(validator=...)``) that would otherwise show as values.
A hypothesis ``@st.composite`` strategy is shown as it is called: without its ``draw``
parameter, returning a ``SearchStrategy``.

It changes only what mkdocstrings renders, never the source.
"""

from __future__ import annotations

import ast
import enum
import importlib
import inspect
import re
import typing
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
    """A default as Python source: an enumeration member by its name, attrs' marker of a
    default made on each call (``attrs.Factory``) as ``attrs.NOTHING``, anything else by
    repr."""
    if value is attrs.NOTHING:
        return "attrs.NOTHING"
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    return repr(value)


# Module paths left out of an annotation that Python gives as an object rather than as text:
# the name alone is what the library's own annotations write.
_QUALIFIERS = re.compile(
    r"\b(?:typing|typing_extensions|collections\.abc|csto_program(?:\.\w+)*)\."
)


# A postponed annotation inside a type, as ``repr`` spells it: ``ForwardRef('Plan')``.
_FORWARD = re.compile(r"ForwardRef\(('[^']*'|\"[^\"]*\")[^)]*\)")


def annotation_text(annotation: object) -> str | None:
    """An annotation of ``inspect.signature`` as the reference shows it (``None``: none).

    Text (a postponed annotation, also as a ``typing.ForwardRef``) is shown as written; a type
    or ``typing`` object as ``inspect.formatannotation`` spells it, without ``typing.``,
    ``collections.abc.`` and the library's own module paths.
    """
    if annotation is inspect.Parameter.empty:
        return None
    if isinstance(annotation, str):
        return annotation
    if isinstance(annotation, typing.ForwardRef):
        return annotation.__forward_arg__
    text = _FORWARD.sub(
        lambda match: ast.literal_eval(match[1]), inspect.formatannotation(annotation)
    )
    return _QUALIFIERS.sub("", text)


def _expression(text: str | None, module: griffe.Module) -> str | griffe.Expr | None:
    """``text`` as a Griffe expression in ``module`` (so names link), or as text if it is not
    an expression Griffe reads."""
    if text is None:
        return None
    try:
        node = ast.parse(text, mode="eval").body
    except SyntaxError:
        return text
    return griffe.safe_get_annotation(node, parent=module) or text


_KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: griffe.ParameterKind.positional_only,
    inspect.Parameter.POSITIONAL_OR_KEYWORD: griffe.ParameterKind.positional_or_keyword,
    inspect.Parameter.VAR_POSITIONAL: griffe.ParameterKind.var_positional,
    inspect.Parameter.KEYWORD_ONLY: griffe.ParameterKind.keyword_only,
    inspect.Parameter.VAR_KEYWORD: griffe.ParameterKind.var_keyword,
}


def _runtime_class(cls: griffe.Class) -> type | None:
    try:
        module = importlib.import_module(cls.module.path)
    except ImportError:  # pragma: no cover - the package is installed for the build
        return None
    found = getattr(module, cls.name, None)
    return found if isinstance(found, type) else None


def runtime_parameters(cls: type, module: griffe.Module) -> griffe.Parameters | None:
    """The parameters of ``cls.__init__`` (with ``self``) as ``inspect.signature(cls)`` gives
    them; ``None`` for an enumeration or a class whose signature Python cannot give."""
    if issubclass(cls, enum.Enum):
        return None
    try:
        signature = inspect.signature(cls)
    except (TypeError, ValueError):  # e.g. an exception class without an __init__ of its own
        return None
    parameters = [griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword)]
    for parameter in signature.parameters.values():
        empty = parameter.default is inspect.Parameter.empty
        parameters.append(
            griffe.Parameter(
                parameter.name,
                annotation=_expression(annotation_text(parameter.annotation), module),
                kind=_KINDS[parameter.kind],
                default=None if empty else _default(parameter.default),
            )
        )
    return griffe.Parameters(*parameters)


def _set_init(cls: griffe.Class) -> None:
    """Give ``cls`` the ``__init__`` signature of the real class (see the module docstring)."""
    runtime = _runtime_class(cls)
    if runtime is None:
        return
    if attrs.has(runtime):
        for field in attrs.fields(runtime):
            member = cls.members.get(field.name)
            if isinstance(member, griffe.Attribute):
                member.value = None  # hide "attrs.field(validator=...)"
    parameters = runtime_parameters(runtime, cls.module)
    if parameters is None:
        return
    init = cls.members.get("__init__")
    if isinstance(init, griffe.Function):
        init.parameters = parameters
    elif "__init__" not in cls.members:
        init = griffe.Function(
            "__init__",
            lineno=cls.lineno,
            endlineno=cls.lineno,
            parent=cls,
            parameters=parameters,
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
    """Fence doctests, link roles, give classes their runtime signature, unwrap strategies."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value, obj.module)
        if isinstance(obj, griffe.Class):
            _set_init(obj)
        elif isinstance(obj, griffe.Function):
            _unwrap_composite(obj)
