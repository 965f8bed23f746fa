"""A mypy plugin: the records' constructors accept what they accept at run time.

Every field of a record is made by the library's field factory, which gives the attrs field a
converter: a constructor takes a date's ISO string, a partial date's EDTF string, a code's
value and a list for a tuple (``ProgressReport(progress="in_progress",
reported_on="2026-01-29")``), as ``inspect.signature`` and the API reference show. mypy's
attrs plugin sees only the field's declared type, so without this plugin mypy refuses those
spellings and takes every field for optional. Enable the plugin in the mypy configuration::

    # pyproject.toml
    [tool.mypy]
    plugins = ["csto_program.mypy_plugin"]

    # or mypy.ini / setup.cfg
    [mypy]
    plugins = csto_program.mypy_plugin

It lets mypy's attrs plugin build each record's ``__init__`` and then gives every parameter
of a field made by the factory the type the field's converter accepts (the same rule as the
converter's annotations: ``Progress | str``, ``PartialDate | str``, ``datetime.date | str``,
``tuple[Plan, ...] | list[Plan]``, ``... | None``), and makes the parameters without a
default required. Only mypy imports it: the library itself does not depend on mypy.

>>> from csto_program.mypy_plugin import plugin
>>> plugin("2.4.1").__name__
'RecordsPlugin'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from mypy.nodes import (
    ARG_NAMED,
    ARG_POS,
    AssignmentStmt,
    CallExpr,
    Expression,
    FuncDef,
    MemberExpr,
    NameExpr,
    RefExpr,
)
from mypy.options import Options
from mypy.plugin import ClassDefContext, Plugin
from mypy.plugins.attrs import (
    attr_class_makers,
    attr_dataclass_makers,
    attr_define_makers,
    attr_frozen_makers,
)
from mypy.plugins.default import DefaultPlugin
from mypy.types import (
    CallableType,
    Instance,
    NoneType,
    ProperType,
    Type,
    UnionType,
    get_proper_type,
)

__all__ = ["plugin"]

FIELD: Final = "csto_program._spec.field"
"""The field factory whose fields this plugin retypes."""

_ATTRS_DECORATORS: Final = (
    attr_class_makers | attr_dataclass_makers | attr_frozen_makers | attr_define_makers
)


class _Field:
    """What a call to the field factory declares: its kind and shape, and its default."""

    def __init__(self, call: CallExpr) -> None:
        args = {name: arg for name, arg in zip(call.arg_names, call.args, strict=True)}
        positional = [arg for name, arg in zip(call.arg_names, call.args, strict=True) if not name]
        kind = args.get("kind", positional[0] if positional else None)
        self.kind = kind.name if isinstance(kind, MemberExpr) else None
        self.many = _is_true(args.get("many"))
        self.optional = _is_true(args.get("optional"))
        self.has_default = "default" in args or (
            not _is_true(args.get("required"))
            and (self.many or self.optional or self.kind == "STR")
        )


def _is_true(expr: Expression | None) -> bool:
    return isinstance(expr, NameExpr) and expr.fullname == "builtins.True"


def _factory_call(expr: Expression) -> CallExpr | None:
    """``expr`` if it is a call to the field factory. Only a direct call counts: mypy keeps
    no function bodies of an installed package, so a function returning the call would
    hide the field's kind."""
    if isinstance(expr, CallExpr) and isinstance(expr.callee, RefExpr):
        return expr if expr.callee.fullname == FIELD else None
    return None


def _fields(ctx: ClassDefContext) -> dict[str, _Field]:
    found = {}
    for statement in ctx.cls.defs.body:
        if isinstance(statement, AssignmentStmt) and len(statement.lvalues) == 1:
            target = statement.lvalues[0]
            call = _factory_call(statement.rvalue)
            if isinstance(target, NameExpr) and call is not None:
                found[target.name] = _Field(call)
    return found


def _without_none(tp: ProperType) -> ProperType | None:
    if not isinstance(tp, UnionType):
        return None
    rest = [t for t in tp.items if not isinstance(get_proper_type(t), NoneType)]
    return get_proper_type(rest[0]) if len(rest) == 1 else None


def _accepted(ctx: ClassDefContext, field: _Field, declared: Type) -> Type | None:
    """The type the field's converter accepts, from its declared type (what it holds), or
    ``None`` when the declared type does not have the shape the field's arguments say."""
    if field.kind is None:
        return None
    held = get_proper_type(declared)
    if field.optional:
        without_none = _without_none(held)
        if without_none is None:
            return None
        held = without_none
    if field.many:
        if not (isinstance(held, Instance) and held.type.fullname == "builtins.tuple"):
            return None
        held = get_proper_type(held.args[0])
    string = ctx.api.named_type("builtins.str")
    one: Type = held
    if field.kind == "DATE":
        date = ctx.api.named_type_or_none("datetime.date")
        one = UnionType.make_union([date if date is not None else held, string])
    elif field.kind in ("PARTIAL_DATE", "ENUM"):
        one = UnionType.make_union([held, string])
    accepted = one
    if field.many:
        accepted = UnionType.make_union(
            [
                ctx.api.named_type("builtins.tuple", [one]),
                ctx.api.named_type("builtins.list", [one]),
            ]
        )
    if field.optional:
        accepted = UnionType.make_union([accepted, NoneType()])
    return accepted


def _retype_init(ctx: ClassDefContext) -> bool:
    """Give the parameters of ``__init__`` made by mypy's attrs plugin the converters' types
    (and make those without a default required), and record them as the fields' converters
    for subclasses. Always done: ``True``."""
    fields = _fields(ctx)
    init = ctx.cls.info.names.get("__init__")
    function = None if init is None else init.node
    if not (fields and isinstance(function, FuncDef) and isinstance(function.type, CallableType)):
        return True
    signature = function.type
    arg_types = list(signature.arg_types)
    arg_kinds = list(signature.arg_kinds)
    for index, name in enumerate(signature.arg_names):
        field = fields.get(name or "")
        if field is None:
            continue
        accepted = _accepted(ctx, field, arg_types[index])
        if accepted is None:
            continue
        arg_types[index] = accepted
        kind = arg_kinds[index]
        # The attrs plugin takes the factory's call for a default; the factory gives none to
        # a field that is not optional, many or a plain string, or that is ``required``.
        if not field.has_default:
            kind = ARG_NAMED if kind.is_named() else ARG_POS
        arg_kinds[index] = kind
        argument = function.arguments[index]
        argument.variable.type = accepted
        argument.type_annotation = accepted
        argument.kind = kind
        for data in ctx.cls.info.metadata.get("attrs", {}).get("attributes", []):
            if data["name"] == name:
                data["has_converter"] = True
                data["converter_init_type"] = accepted.serialize()
                data["has_default"] = field.has_default
    function.arg_kinds = arg_kinds
    function.type = signature.copy_modified(arg_types=arg_types, arg_kinds=arg_kinds)
    return True


class RecordsPlugin(Plugin):
    """Runs mypy's attrs plugin on an attrs class, then retypes the fields made by the
    library's field factory (see the module's documentation)."""

    def __init__(self, options: Options) -> None:
        super().__init__(options)
        self._default = DefaultPlugin(options)

    def get_class_decorator_hook_2(self, fullname: str) -> Callable[[ClassDefContext], bool] | None:
        """The attrs plugin's hook for an attrs class decorator, followed by the retyping."""
        attrs_hook = self._default.get_class_decorator_hook_2(fullname)
        if fullname not in _ATTRS_DECORATORS or attrs_hook is None:
            return None

        def hook(ctx: ClassDefContext) -> bool:
            # ``False`` from the attrs plugin asks for another pass (a base class not ready).
            return attrs_hook(ctx) and _retype_init(ctx)

        return hook


def plugin(version: str) -> type[Plugin]:
    """The entry point mypy calls with its version: the plugin class.

    >>> plugin("2.4.1").__name__
    'RecordsPlugin'
    """
    return RecordsPlugin
