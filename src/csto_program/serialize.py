"""JSON and plain-dict (un)structuring with a strict cattrs converter.

Dates are ISO strings, partial dates EDTF strings, enums their string values;
fields equal to their default are left out. Loading never coerces: ``123`` is
not a string and ``"no"`` is not a boolean. Every problem in a document is
reported at once, each with its JSONPath, in one :class:`~csto_program.DataError`.

>>> import datetime
>>> from csto_program import Stage, from_json, to_json
>>> stage = Stage(number=1, name="Stage 1",
...               start=datetime.date(2025, 1, 1), end=datetime.date(2026, 1, 1))
>>> to_json(stage)
'{"number":1,"name":"Stage 1","start":"2025-01-01","end":"2026-01-01"}'
>>> from_json(to_json(stage), Stage) == stage
True
>>> from_json('{"number":"1","name":"Stage 1","start":"2025-01-01"}', Stage)
Traceback (most recent call last):
...
csto_program.errors.DataError: 2 problems:
  $.number: expected an integer, got string '1'
  $.end: required key is missing
"""

from __future__ import annotations

import datetime
import enum
import operator
import re
import threading
import types
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast, get_args, get_origin

import attrs
import orjson
import pendulum

from csto_program import model
from csto_program.dates import (
    PartialDate,
    format_iso_date,
    iso_date_or_none,
    parse_iso_date,
    partial_date_or_none,
)
from csto_program.errors import CstoProgramError, DataError, ScheduleError
from csto_program.model import (
    Meeting,
    MeetingKind,
    Note,
    NoteKind,
    Organization,
    Participant,
    Person,
    Place,
    Program,
    Source,
    SourceKind,
    Stage,
    Statement,
    StatementKind,
)

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "MODEL_CLASSES",
    "SCHEMA_VERSION",
    "from_dict",
    "from_json",
    "make_converter",
    "parse_json",
    "to_dict",
    "to_json",
    "to_json_bytes",
]

T = TypeVar("T")

SCHEMA_VERSION: Final = 1
"""The version of the JSON document format that this library writes and reads.

>>> import datetime
>>> from csto_program import Program, plan_stages, to_dict
>>> start = datetime.date(2025, 1, 1)
>>> program = Program(id="p", title="P", adopted_on=start, starts_on=start,
...                   stages=plan_stages(start))
>>> to_dict(program)["schema_version"] == SCHEMA_VERSION == 1
True
"""

MODEL_CLASSES: Final[tuple[type, ...]] = (
    Program,
    Stage,
    Meeting,
    Statement,
    Place,
    Participant,
    Person,
    Organization,
    Source,
    Note,
)
"""The classes that :func:`to_dict`, :func:`from_dict`, :func:`to_json` and
:func:`from_json` accept.

>>> [cls.__name__ for cls in MODEL_CLASSES][:4]
['Program', 'Stage', 'Meeting', 'Statement']
"""

_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_NAMES = {str: "string", int: "integer", bool: "boolean", float: "number"}


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    name = _JSON_NAMES.get(type(value), type(value).__name__)
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{name} {text}"


# --------------------------------------------------------------------------- strict hooks


def _structure_str(value: Any, _: Any) -> str:
    if type(value) is not str:
        raise DataError.at("$", f"expected a string, got {_describe(value)}")
    if _SURROGATE.search(value):
        raise DataError.at("$", "string holds a lone surrogate, which is not valid Unicode")
    return value


def _structure_int(value: Any, _: Any) -> int:
    if type(value) is not int:
        raise DataError.at("$", f"expected an integer, got {_describe(value)}")
    return value


def _structure_bool(value: Any, _: Any) -> bool:
    if type(value) is not bool:
        raise DataError.at("$", f"expected true or false, got {_describe(value)}")
    return value


def _structure_date(value: Any, _: Any) -> pendulum.Date:
    if type(value) is not str:
        raise DataError.at("$", f"expected an ISO date string, got {_describe(value)}")
    return parse_iso_date(value)


def _structure_partial_date(value: Any, _: Any) -> PartialDate:
    if type(value) is not str:
        raise DataError.at("$", f"expected an EDTF date string, got {_describe(value)}")
    return PartialDate.parse(value)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    values = {member.value: member for member in cls}
    allowed = ", ".join(repr(v) for v in values)

    def structure(value: Any, _: Any) -> enum.Enum:
        if type(value) is not str:
            raise DataError.at("$", f"expected one of {allowed}, got {_describe(value)}")
        try:
            return values[value]
        except KeyError:
            raise DataError.at("$", f"expected one of {allowed}, got {value!r}") from None

    return structure


_ENUMS: Final[tuple[type[enum.Enum], ...]] = (MeetingKind, NoteKind, SourceKind, StatementKind)


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = get_args(tp)
    return get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(converter: cattrs.Converter) -> Callable[[Any], Any]:
    def factory(tp: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        item_type = get_args(tp)[0]
        handler = converter.get_structure_hook(item_type)

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise DataError.at("$", f"expected an array, got {_describe(value)}")
            items = []
            problems: list[tuple[str, str]] = []
            for index, item in enumerate(value):
                try:
                    items.append(handler(item, item_type))
                except Exception as exc:
                    problems.extend(_problems(exc, f"$[{index}]"))
            if problems:
                raise DataError(problems)
            return tuple(items)

        return structure

    return factory


def _attrs_hook_factory(converter: cattrs.Converter) -> Callable[[Any], Any]:
    from cattrs.gen import make_dict_structure_fn

    def factory(cls: type[Any]) -> Callable[[Any, Any], Any]:
        generated = make_dict_structure_fn(
            cls,
            converter,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=True,
        )

        def structure(value: Any, _: Any) -> Any:
            if type(value) is not dict:
                raise DataError.at("$", f"expected an object, got {_describe(value)}")
            return generated(value, cls)

        return structure

    return factory


def _key_path(path: str, key: object) -> str:
    if isinstance(key, str) and key.isidentifier() and key.isascii():
        return f"{path}.{key}"
    return f"{path}[{key!r}]"


def _join(path: str, inner: str) -> str:
    """Put ``inner`` (a path starting with ``$``) below ``path``."""
    return path + inner[1:]


def _problems(exc: BaseException, path: str = "$") -> list[tuple[str, str]]:
    """Flatten whatever a structuring step raised into ``(path, message)`` pairs."""
    from cattrs.errors import (
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
    )

    if isinstance(exc, (DataError, ScheduleError)):
        return [(_join(path, p), message) for p, message in exc.problems]
    if isinstance(exc, ForbiddenExtraKeysError):
        return [(_key_path(path, key), "unknown key") for key in sorted(exc.extra_fields, key=str)]
    if isinstance(exc, ClassValidationError):
        found: list[tuple[str, str]] = []
        with_notes, without = exc.group_exceptions()
        for inner, note in with_notes:
            found.extend(_problems(inner, _key_path(path, note.name)))
        for inner in without:
            found.extend(_problems(inner, path))
        return found
    if isinstance(exc, IterableValidationError):  # pragma: no cover - our tuple hook
        found = []
        with_notes_i, without_i = exc.group_exceptions()
        for inner, note_i in with_notes_i:
            found.extend(_problems(inner, f"{path}[{note_i.index!r}]"))
        for inner in without_i:
            found.extend(_problems(inner, path))
        return found
    if isinstance(exc, KeyError):
        return [(path, "required key is missing")]
    return [(path, f"{type(exc).__name__}: {exc}")]  # pragma: no cover - a safety net


def make_converter() -> cattrs.Converter:
    """A new strict converter for the model classes.

    Most users want :func:`to_dict` / :func:`from_dict`; a converter is useful to
    nest the model inside your own attrs classes.

    >>> from csto_program import Place
    >>> converter = make_converter()
    >>> converter.unstructure(Place(name="Dushanbe", country="TJ", timezone="Asia/Dushanbe"))
    {'name': 'Dushanbe', 'country': 'TJ', 'timezone': 'Asia/Dushanbe'}
    """
    import cattrs  # imported on first use: most loads never need it

    converter = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(pendulum.Date, _structure_date)
    converter.register_structure_hook(PartialDate, _structure_partial_date)
    for enum_cls in _ENUMS:  # exact registrations win over cattrs' own Enum handling
        converter.register_structure_hook(enum_cls, _enum_hook(enum_cls))
        converter.register_unstructure_hook(enum_cls, _enum_value)
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook_factory(converter))
    converter.register_structure_hook_factory(attrs.has, _attrs_hook_factory(converter))
    converter.register_unstructure_hook(pendulum.Date, format_iso_date)
    converter.register_unstructure_hook(PartialDate, str)
    return converter


_CONVERTER_LOCK = threading.Lock()
_CONVERTERS: list[cattrs.Converter] = []


def _converter() -> cattrs.Converter:
    """The strict converter of the detailed path, made (and cattrs imported) on first use."""
    if not _CONVERTERS:
        with _CONVERTER_LOCK:
            if not _CONVERTERS:  # pragma: no branch - unless another thread was first
                _CONVERTERS.append(make_converter())
    return _CONVERTERS[0]


# --------------------------------------------------------------------------- the fast path
#
# Loading and dumping first go through plain functions generated from the attrs fields of
# each class, the way cattrs generates its own, but doing everything in one pass: a loader
# checks each JSON value's type, makes inline the checks that the field's validator makes
# (for the validators it knows; any other it calls), counts the keys it knows to refuse
# unknown ones, builds the object from its slots without going through ``__init__`` (so no
# check is made twice) and calls ``__attrs_post_init__``. At the first problem it gives up
# (any exception will do) and the detailed path runs from scratch: the cattrs converter and
# the constructors, which report every problem with its path. The fast path only ever
# accepts what the detailed path accepts, and builds equal objects; it refuses more (a
# ``str`` subclass, say), which only costs time. tests/test_fast_path.py checks both.


class _GiveUp(Exception):
    """Raised by the generated loaders: the detailed path takes over."""


class _Unsupported(Exception):
    """The code generator does not handle a field: its class gets no fast path."""


_MISSING: Final = object()
_STR_CHECKS: Final = {
    model._identifier: (False, "id"),
    model._optional_identifier: (True, "id"),
    model._text: (False, "text"),
}
_TUPLE_CHECKS: Final = {model._identifiers: "id", model._texts: "text"}
_DATE_CONVERTERS: Final[dict[Any, bool]] = {
    model._date_converter: False,
    model._optional_date_converter: True,
}


def _split_optional(tp: Any) -> tuple[Any, bool]:
    if get_origin(tp) in (typing.Union, types.UnionType):
        args = [arg for arg in get_args(tp) if arg is not type(None)]
        if len(args) == 1 and len(get_args(tp)) == 2:
            return args[0], True
        raise _Unsupported(f"union {tp!r}")
    return tp, False


def _tuple_item(tp: Any) -> Any:
    """The item type of ``tuple[X, ...]``, else ``None``."""
    return get_args(tp)[0] if _is_homogeneous_tuple(tp) else None


class _Namespace:
    """The globals of the generated code: helpers, constants and the generated functions."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.globals: dict[str, Any] = {"_GiveUp": _GiveUp, "_MISSING": _MISSING}
        self.names: dict[type, str] = {}
        self.sources: list[str] = []
        self._count = 0

    def const(self, value: Any, hint: str) -> str:
        self._count += 1
        name = f"_{hint}_{self._count}"
        self.globals[name] = value
        return name

    def function(self, cls: type[Any]) -> str:
        """The name of ``cls``'s generated function (generated on first request)."""
        if cls not in self.names:
            label = re.sub(r"\W", "_", cls.__name__, flags=re.ASCII)
            self.names[cls] = f"{self.prefix}_{label}_{len(self.names)}"
            self.sources.append(self.generate(cls))
        return self.names[cls]

    def generate(self, cls: type[Any]) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def compile(self) -> dict[type, Callable[..., Any]]:
        code = "\n\n".join(self.sources)
        exec(compile(code, f"<csto_program {self.prefix} fast path>", "exec"), self.globals)
        found = self.names.items()
        return {cls: self.globals[name] for cls, name in found if name in self.globals}


def _attrs_fields(cls: type[Any]) -> tuple[attrs.Attribute[Any], ...]:
    if not attrs.has(cls):
        raise _Unsupported(f"{cls!r} is not an attrs class")
    attrs.resolve_types(cls)
    return tuple(attrs.fields(cls))


class _Loaders(_Namespace):
    """Generated loaders: ``load(data: dict, keys: list[int], ids: set, dates: dict) -> cls``.

    ``keys[0]`` is increased by the number of keys of every object loaded, so that
    ``from_json`` can tell whether the JSON text held a key twice. ``ids`` and ``dates`` are
    memos for one load: the ids found valid and the partial dates parsed so far.
    """

    def __init__(self, surrogates: bool) -> None:
        super().__init__("load")
        self.surrogates = surrogates
        self.globals.update(
            _new=object.__new__,
            _surrogate=_SURROGATE.search,
            _id_match=model._ID_RE.match,
            _partial=partial_date_or_none,
            _date=iso_date_or_none,
        )

    def str_lines(self, var: str, check: str | None) -> list[str]:
        """Lines that give up unless ``var`` is an acceptable ``str``.

        Ids are remembered for the rest of the load in ``ids``, as records refer to the
        same ids many times (an id is ASCII, so it holds no surrogate).
        """
        if check == "id":
            lines = [f"if type({var}) is not str:", "    raise _GiveUp"]
            lines += [f"if {var} not in ids:", f"    if _id_match({var}) is None:"]
            return [*lines, "        raise _GiveUp", f"    ids.add({var})"]
        tests = [f"type({var}) is not str"]
        if check == "text":
            tests.append(f"not {var}.strip()")
        if self.surrogates:
            tests.append(f"_surrogate({var}) is not None")
        return [f"if {' or '.join(tests)}:", "    raise _GiveUp"]

    def value(self, tp: Any, src: str, dst: str, check: str | None, depth: int) -> list[str]:
        """Lines that load the JSON value ``src`` of type ``tp`` into ``dst``, or give up."""
        inner, optional = _split_optional(tp)
        if optional:
            body = self.value(inner, src, dst, check, depth)
            return [f"if {src} is None:", f"    {dst} = None", "else:", *_indent(body)]
        item = _tuple_item(tp)
        if inner is str:
            return [*self.str_lines(src, check), *_assign(dst, src)]
        if inner is int or inner is bool:
            check_type = f"if type({src}) is not {inner.__name__}:"
            return [check_type, "    raise _GiveUp", *_assign(dst, src)]
        if inner is pendulum.Date:
            return [f"{dst} = _date({src})", f"if {dst} is None:", "    raise _GiveUp"]
        if inner is PartialDate:  # remembered for the rest of the load in ``dates``
            lines = [
                f"if type({src}) is not str:",
                "    raise _GiveUp",
                f"{dst} = dates.get({src})",
            ]
            lines += [
                f"if {dst} is None:",
                f"    {dst} = _partial({src})",
                f"    if {dst} is None:",
            ]
            return [*lines, "        raise _GiveUp", f"    dates[{src}] = {dst}"]
        if isinstance(inner, type) and inner in _ENUMS:
            values = self.const({member.value: member for member in inner}, "enum")
            return [f"if type({src}) is not str:", "    raise _GiveUp", f"{dst} = {values}[{src}]"]
        if isinstance(inner, type) and attrs.has(inner):
            return [f"{dst} = {self.function(inner)}({src}, keys, ids, dates)"]
        if item is not None:
            lines = [f"if type({src}) is not list:", "    raise _GiveUp"]
            x, y = f"x{depth}", f"y{depth}"
            if item is str or item is int or item is bool:
                if item is str:
                    test = self.str_lines(x, check)
                else:
                    test = [f"if type({x}) is not {item.__name__}:", "    raise _GiveUp"]
                lines += [f"for {x} in {src}:", *_indent(test)]
                return [*lines, f"{dst} = tuple({src})"]
            if isinstance(item, type) and attrs.has(item):
                load = self.function(item)
                call = f"{load}({x}, keys, ids, dates)"
                return [*lines, f"{dst} = tuple([{call} for {x} in {src}])"]
            items = f"items{depth}"
            body = self.value(item, x, y, None, depth + 1)
            lines += [f"{items} = []", f"for {x} in {src}:", *_indent(body)]
            lines += [f"    {items}.append({y})", f"{dst} = tuple({items})"]
            return lines
        raise _Unsupported(f"type {tp!r}")

    def field(
        self, a: attrs.Attribute[Any], index: int, fetched: str | None
    ) -> tuple[list[str], list[str]]:
        """Lines that load field ``a`` into ``f{index}``, and lines of checks left for later.

        ``fetched`` names the local that already holds a required field's value.
        """
        tp = a.type
        inner, optional = _split_optional(tp)
        item = _tuple_item(inner)
        allows_none = optional
        check: str | None = None
        later: list[str] = []
        validator = a.validator
        if validator is not None:
            kind = model._VALIDATOR_KINDS.get(validator)
            if validator in _STR_CHECKS and inner is str:
                none_ok, check = _STR_CHECKS[validator]
                allows_none = allows_none and none_ok
            elif validator in _TUPLE_CHECKS and item is str:
                check = _TUPLE_CHECKS[validator]
                allows_none = False
            elif kind is not None and kind[1] is (item if kind[0] == "tuple_of" else inner):
                allows_none = allows_none and kind[0] == "optional"
            else:  # a validator we do not know: call it on the object
                validate = self.const(validator, "validator")
                attribute = self.const(a, "attribute")
                later.append(f"{validate}(o, {attribute}, f{index})")
        if a.converter is not None:
            if a.converter not in _DATE_CONVERTERS or inner is not pendulum.Date:
                raise _Unsupported(f"converter {a.converter!r}")
            allows_none = allows_none and _DATE_CONVERTERS[a.converter]
        src = fetched or "v"
        body = self.value(inner, src, f"f{index}", check, 0)
        if optional:
            if allows_none:
                body = [f"if {src} is None:", f"    f{index} = None", "else:", *_indent(body)]
            else:
                body = [f"if {src} is None:", "    raise _GiveUp", *body]
        if a.default is attrs.NOTHING:
            return ([] if fetched else [f"v = d[{a.name!r}]"]) + body, later
        default = a.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            raise _Unsupported("a factory default")
        if validator is not None:  # the constructor checks defaults too
            try:
                validator(None, a, default)
            except Exception:
                raise _Unsupported(f"default {default!r} is not valid") from None
        lines = [f"v = d.get({a.name!r}, _MISSING)", "if v is _MISSING:"]
        lines += [f"    f{index} = {self.const(default, 'default')}", "else:", "    n += 1"]
        return [*lines, *_indent(body)], later

    def generate(self, cls: type[Any]) -> str:
        fields = _attrs_fields(cls)
        if hasattr(cls, "__attrs_pre_init__") or getattr(cls, "__attrs_init__", None):
            raise _Unsupported(f"{cls!r} has __attrs_pre_init__ or __attrs_init__")
        if "_attrs_cached_hash" in getattr(cls, "__slots__", ()):  # set by __init__
            raise _Unsupported(f"{cls!r} caches its hash")
        name = self.names[cls]
        required = [(index, a) for index, a in enumerate(fields) if a.default is attrs.NOTHING]
        lines = ["if type(d) is not dict:", "    raise _GiveUp", f"n = {len(required)}"]
        fetched: dict[int, str] = {}
        if len(required) > 1:  # fetched at once; a missing key raises KeyError
            for index, a in required:
                direct = a.type in (str, int, bool)  # checked in place, then kept
                fetched[index] = f"f{index}" if direct else f"r{index}"
            get = self.const(operator.itemgetter(*(a.name for _, a in required)), "required")
            lines.append(f"{', '.join(fetched.values())}, = {get}(d)")
        checks: list[str] = []
        for index, a in enumerate(fields):
            body, later = self.field(a, index, fetched.get(index))
            lines += body
            checks += later
        lines += ["if len(d) != n:", "    raise _GiveUp", "keys[0] += n"]
        lines.append(f"o = _new({self.const(cls, 'cls')})")
        for index, a in enumerate(fields):
            slot = getattr(cls, a.name, None)
            if not isinstance(slot, types.MemberDescriptorType):
                raise _Unsupported(f"{cls!r} is not slotted")
            lines.append(f"{self.const(slot.__set__, 'set')}(o, f{index})")
        lines += checks
        if hasattr(cls, "__attrs_post_init__"):
            lines.append(f"{self.const(cls.__attrs_post_init__, 'post_init')}(o)")
        lines.append("return o")
        return "\n".join([f"def {name}(d, keys, ids, dates):", *_indent(lines)])


def _assign(dst: str, src: str) -> list[str]:
    return [] if dst == src else [f"{dst} = {src}"]


def _indent(lines: list[str]) -> list[str]:
    return ["    " + line for line in lines]


class _Dumpers(_Namespace):
    """Generated dumpers: ``dump(obj) -> dict``, the same as the cattrs converter's.

    With ``for_json`` the dict is only meant for orjson, which writes tuples and ``str``
    enumerations itself, so they are left as they are; otherwise tuples become lists and
    enumerations their values, exactly as the converter's ``unstructure`` gives them.
    """

    def __init__(self, for_json: bool) -> None:
        super().__init__("json" if for_json else "dict")
        self.for_json = for_json
        self.globals.update(_isoformat=datetime.date.isoformat, _PartialDate=PartialDate)

    def value(self, tp: Any, src: str) -> str:
        """An expression for the unstructured value of ``src``, of type ``tp``."""
        inner, optional = _split_optional(tp)
        if optional:
            expr = self.value(inner, src)
            return src if expr == src else f"(None if {src} is None else {expr})"
        item = _tuple_item(inner)
        if inner is str or inner is int or inner is bool:
            return src
        if inner is pendulum.Date:
            return f"_isoformat({src})"
        if inner is PartialDate:  # the cached EDTF text; a subclass may have its own str()
            return f"({src}._text if type({src}) is _PartialDate else str({src}))"
        if isinstance(inner, type) and inner in _ENUMS:
            return src if self.for_json else f"{src}.value"
        if isinstance(inner, type) and attrs.has(inner):
            return f"{self.function(inner)}({src})"
        if item is not None:
            expr = self.value(item, "x")
            if expr == "x":
                return src if self.for_json else f"list({src})"
            return f"[{expr} for x in {src}]"
        raise _Unsupported(f"type {tp!r}")

    def generate(self, cls: type[Any]) -> str:
        head: list[str] = []  # the leading required fields, in the dict display
        lines: list[str] = []
        for a in _attrs_fields(cls):
            if a.default is attrs.NOTHING:
                expr = self.value(a.type, f"o.{a.name}")
                if lines:
                    lines.append(f"d[{a.name!r}] = {expr}")
                else:
                    head.append(f"{a.name!r}: {expr}")
                continue
            if isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
                raise _Unsupported("a factory default")
            default = self.const(a.default, "default")
            lines += [f"v = o.{a.name}", f"if v != {default}:"]
            lines.append(f"    d[{a.name!r}] = {self.value(a.type, 'v')}")
        body = ["d = {" + ", ".join(head) + "}", *lines, "return d"]
        return "\n".join([f"def {self.names[cls]}(o):", *_indent(body)])


_FAST_LOCK = threading.Lock()
_FAST: dict[str, dict[type, Callable[..., Any]]] = {}


def _fast(kind: str) -> dict[type, Callable[..., Any]]:
    """The generated functions of one kind for the model classes (generated on first use).

    Kinds: ``"load"`` (from parsed JSON: no lone surrogates), ``"load_dict"`` (from any
    dict), ``"json"`` and ``"dict"`` (dumpers). A class the generator cannot handle is left
    out, and goes through the detailed path.
    """
    found = _FAST.get(kind)
    if found is not None:
        return found
    with _FAST_LOCK:
        if kind not in _FAST:  # pragma: no branch - unless another thread was first
            namespace: _Namespace
            if kind in ("load", "load_dict"):
                namespace = _Loaders(surrogates=kind == "load_dict")
            else:
                namespace = _Dumpers(for_json=kind == "json")
            supported = []
            for cls in MODEL_CLASSES:
                try:
                    namespace.function(cls)
                except _Unsupported:  # pragma: no cover - every model class is supported
                    continue
                supported.append(cls)
            functions = namespace.compile()
            _FAST[kind] = {cls: functions[cls] for cls in supported if cls in functions}
        return _FAST[kind]


def _load_fast(data: Any, cls: type[T], kind: str) -> tuple[T, int] | None:
    """``(object, number of keys)`` from the fast path, or ``None`` if it gave up."""
    load = _fast(kind).get(cls)
    if load is None:  # pragma: no cover - every model class has a fast path
        return None
    keys = [0]
    try:
        return load(data, keys, set(), {}), keys[0]
    except Exception:  # any problem at all: the detailed path will say what it is
        return None


# Whether JSON text held a key twice (orjson keeps the last one silently), found cheaply:
#
# * Text that orjson writes back byte for byte from what it read held no key twice: a
#   repeated key would be missing from the output. Text from ``to_json``, compact or
#   indented, is always like this, so the check costs one ``orjson.dumps``.
# * Otherwise the keys are counted, from above: every key ends with a ``"`` followed by
#   optional white space and ``:``, and so may a string's content (an escaped quote, or
#   the opening quote of a string that starts with a colon). If the loaded objects hold
#   as many keys as that count, the text held no key twice.
# * Otherwise the standard library parses the text again, refusing duplicate keys.

_QUOTE_SPACE_BYTES: Final = re.compile(rb'"[ \t\n\r]')
_QUOTE_SPACE_STR: Final = re.compile(r'"[ \t\n\r]')
_KEY_END_BYTES: Final = re.compile(rb'"[ \t\n\r]+:')
_KEY_END_STR: Final = re.compile(r'"[ \t\n\r]+:')
_INDENTED: Final = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE


def _written_back(data: Any, text: str | bytes | bytearray) -> bool:
    """Whether orjson writes ``data`` (parsed from ``text``) back as exactly ``text``."""
    start = text[:2]
    option = _INDENTED if start in (b"{\n", "{\n") else 0
    written = orjson.dumps(data, option=option)
    if isinstance(text, str):
        return len(written) >= len(text) and written.decode("utf-8") == text
    return written == text


def _most_keys(text: str | bytes | bytearray) -> int:
    """An upper bound on the number of object keys in valid JSON ``text`` (see above)."""
    if isinstance(text, str):
        count = text.count('":')
        if _QUOTE_SPACE_STR.search(text) is not None:
            count += len(_KEY_END_STR.findall(text))
        return count
    count = text.count(b'":')
    if _QUOTE_SPACE_BYTES.search(text) is not None:
        count += len(_KEY_END_BYTES.findall(text))
    return count


def _check_class(cls: type[Any]) -> None:
    if cls not in MODEL_CLASSES:
        names = ", ".join(c.__name__ for c in MODEL_CLASSES)
        raise TypeError(f"expected one of the model classes ({names}), got {cls!r}")


def _unstructure(obj: Any, kind: str) -> dict[str, Any]:
    dump = _fast(kind).get(type(obj))
    if dump is not None:  # pragma: no branch - every model class has a dumper
        try:
            data: dict[str, Any] = dump(obj)
            return data
        except Exception:  # let the converter say what is wrong, as it always has
            pass
    return cast(dict[str, Any], _converter().unstructure(obj))


def to_dict(obj: Any) -> dict[str, Any]:
    """A model object as a JSON-ready dict (a ``Program`` gains ``schema_version``).

    >>> import datetime
    >>> from csto_program import Stage
    >>> to_dict(Stage(number=2, name="Stage 2", start=datetime.date(2026, 1, 1),
    ...               end=datetime.date(2028, 1, 1), tasks=("Deliver equipment",)))["tasks"]
    ['Deliver equipment']
    """
    _check_class(type(obj))
    data = _unstructure(obj, "dict")
    if isinstance(obj, Program):
        return {"schema_version": SCHEMA_VERSION, **data}
    return data


def _without_version(data: Any) -> dict[str, Any]:
    """A program document without its ``schema_version``, which must be this library's."""
    if type(data) is not dict:
        raise DataError.at("$", f"expected an object, got {_describe(data)}")
    if "schema_version" not in data:
        raise DataError.at(
            "$.schema_version", f"required key is missing (this library reads {SCHEMA_VERSION})"
        )
    version = data["schema_version"]
    if type(version) is not int or version != SCHEMA_VERSION:
        raise DataError.at(
            "$.schema_version",
            f"unsupported schema_version {_describe(version)}; "
            f"this library reads version {SCHEMA_VERSION}",
        )
    return {key: value for key, value in data.items() if key != "schema_version"}


def _structure(data: Any, cls: type[T], fast: str | None) -> T:
    """``data`` (without ``schema_version``) as a ``cls``: the fast path, else the detailed."""
    if fast is not None:
        found = _load_fast(data, cls, fast)
        if found is not None:
            return found[0]
    try:
        return _converter().structure(data, cls)
    except CstoProgramError as exc:
        if isinstance(exc, DataError):
            raise
        raise DataError(_problems(exc)) from None
    except Exception as exc:
        raise DataError(_problems(exc)) from None


def from_dict(data: Any, cls: type[T]) -> T:
    """Build a ``cls`` from a JSON-like dict, strictly; ``DataError`` lists every problem.

    >>> from csto_program import Place
    >>> from_dict({"name": "Astana", "country": "KZ", "timezone": "Asia/Almaty"}, Place)
    Place(name='Astana', country='KZ', timezone='Asia/Almaty')
    >>> from_dict({"name": "Astana", "country": "kz", "tz": "Asia/Almaty"}, Place)
    Traceback (most recent call last):
    ...
    csto_program.errors.DataError: 2 problems:
      $.timezone: required key is missing
      $.tz: unknown key
    """
    _check_class(cls)
    if cls is Program:
        data = _without_version(data)
    return _structure(data, cls, "load_dict")


def to_json(obj: Any, *, indent: bool = False) -> str:
    """A model object as JSON text: deterministic, UTF-8, keys in field order.

    With ``indent=True`` the text is indented by two spaces and ends with a
    newline, a readable, diff-friendly form for files kept under version control.

    >>> from csto_program import Place
    >>> print(to_json(Place(name="Astana", country="KZ", timezone="Asia/Almaty"), indent=True))
    {
      "name": "Astana",
      "country": "KZ",
      "timezone": "Asia/Almaty"
    }
    <BLANKLINE>
    """
    return to_json_bytes(obj, indent=indent).decode("utf-8")


def to_json_bytes(obj: Any, *, indent: bool = False) -> bytes:
    """:func:`to_json` as UTF-8 bytes, without decoding them to ``str``: for binary files
    and sockets, and the fastest way to write JSON.

    >>> from csto_program import Place
    >>> to_json_bytes(Place(name="Astana", country="KZ", timezone="Asia/Almaty"))
    b'{"name":"Astana","country":"KZ","timezone":"Asia/Almaty"}'
    """
    _check_class(type(obj))
    option = _INDENTED if indent else 0
    data = _unstructure(obj, "json")  # tuples and str enumerations left for orjson
    if isinstance(obj, Program):
        data = {"schema_version": SCHEMA_VERSION, **data}
    try:
        return orjson.dumps(data, option=option)
    except orjson.JSONEncodeError:
        pass
    try:  # the error as it has always been reported, from the plain dict
        return orjson.dumps(to_dict(obj), option=option)
    except orjson.JSONEncodeError as exc:
        raise DataError.at("$", f"cannot encode as JSON: {exc}") from None


class _DuplicateKey(ValueError):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:  # pragma: no branch - a duplicate is there
            if key in seen:
                raise _DuplicateKey(f"duplicate key {key!r} in an object")
            seen.add(key)
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _check_text(text: object) -> None:
    if not isinstance(text, (str, bytes, bytearray)):
        raise TypeError(f"expected str or bytes, got {type(text).__name__}")


def parse_json(text: str | bytes | bytearray) -> Any:
    """Parse JSON text strictly: no duplicate keys, no NaN or Infinity.

    >>> parse_json('{"a": 1}')
    {'a': 1}
    >>> parse_json('{"a": 1, "a": 2}')
    Traceback (most recent call last):
    ...
    csto_program.errors.DataError: 1 problem:
      $: invalid JSON: duplicate key 'a' in an object
    """
    import json  # only here: from_json reads most text with orjson

    _check_text(text)
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_constant=_reject_constant)
    except _DuplicateKey as exc:
        raise DataError.at("$", f"invalid JSON: {exc}") from None
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, bad UTF-8, deep nesting
        raise DataError.at("$", f"invalid JSON: {exc}") from None


def _from_json_fast(text: str | bytes | bytearray, cls: type[T]) -> tuple[T, bool] | None:
    """The object orjson and the fast path make of ``text``, and whether ``text`` is known
    to hold no key twice; ``None`` if either gives up.

    Whatever orjson reads, the standard library reads the same, except that orjson keeps the
    last of two equal keys and reads integers beyond 64 bits as floats (which no field
    accepts); it refuses what the standard library refuses and more (lone surrogates, NaN,
    numbers too large for a float, other encodings than UTF-8, a byte order mark).
    """
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError:
        return None
    document = data
    extra = 0
    if cls is Program:
        try:
            data = _without_version(data)
        except DataError:
            return None
        extra = 1
    found = _load_fast(data, cls, "load")
    if found is None:
        return None
    obj, keys = found
    return obj, _written_back(document, text) or keys + extra == _most_keys(text)


def from_json(text: str | bytes | bytearray, cls: type[T]) -> T:
    """Load a ``cls`` from JSON text; any problem raises one ``DataError``.

    >>> from csto_program import Place
    >>> from_json(b'{"name": "Bishkek", "country": "KG", "timezone": "Asia/Bishkek"}', Place).name
    'Bishkek'
    >>> from_json("{", Place)
    Traceback (most recent call last):
    ...
    csto_program.errors.DataError: 1 problem:
      $: invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)
    """
    _check_class(cls)
    _check_text(text)
    fast = _from_json_fast(text, cls)
    if fast is not None and fast[1]:
        return fast[0]  # no key was there twice
    data = parse_json(text)  # refuses duplicate keys, with the detailed message
    if fast is not None:  # no duplicate after all: orjson read what the stdlib read
        return fast[0]
    if cls is Program:
        data = _without_version(data)
    return _structure(data, cls, None)
