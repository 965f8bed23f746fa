"""The fast path: loaders and dumpers generated from the records' field declarations.

Loading and dumping first go through plain functions generated from each record's
:class:`~csto_program._spec.Spec` s, the way cattrs generates its own, but doing everything
in one pass: a loader checks each JSON value's type and constraint inline, counts the keys
it knows so that unknown ones are refused, builds the object with ``object.__new__`` and the
class's own field slots (so no check is made twice) and calls ``__attrs_post_init__``.

At the first problem it raises ``_GiveUp``, its only signal, and the detailed path runs
from scratch: the cattrs converter and the constructors, which report every problem with its
path. Any other exception is a bug and propagates. The fast path only accepts what the
detailed path accepts and builds equal objects; it refuses more (a ``str`` subclass, a
``dict`` subclass), which only costs time.

The generated source is registered in :mod:`linecache` under a name per class, so a
traceback through it shows the lines. :func:`set_fast_path` turns the whole path off.

Compiling the loaders of JSON text takes 7.5 ms, a twentieth of a command's start-up, so
they are also kept, generated, in :mod:`csto_program.serialize._generated`, where Python
caches their bytecode like any module's. That copy is used only when the loaders generated
now are exactly its text (compared in full, not by a hash), so an out-of-date copy costs
time, never correctness; ``make generated`` rewrites it and the tests check it is current.

>>> from csto_program import Place
>>> load = generated("load")[Place]
>>> print(inspect.getsource(load).splitlines()[0])
def load_Place(d, keys, ids, dates):
"""

from __future__ import annotations

import datetime
import inspect  # noqa: F401 - used by the example above
import linecache
import operator
import threading
from collections.abc import Callable
from typing import Any, Final

import attrs
import pendulum

from csto_program._spec import KINDS, SURROGATE, Kind, Spec, record_classes, spec_of
from csto_program.dates import PartialDate, iso_date_or_none, partial_date_or_none
from csto_program.errors import CstoProgramError
from csto_program.model import Program

__all__ = [
    "MODEL_CLASSES",
    "GiveUp",
    "fast_path_enabled",
    "function",
    "generated",
    "generated_module",
    "load",
    "set_fast_path",
]

MODEL_CLASSES: Final[tuple[type, ...]] = record_classes(Program)
"""Every record class of the model, the program first: the classes that can be read from and
written to JSON, and given a JSON Schema. Derived from the fields' declarations,
breadth first from ``Program`` in field order, so a new record class is listed as soon as a
field holds it.

>>> from csto_program import Program
>>> MODEL_CLASSES[0] is Program, len(MODEL_CLASSES)
(True, 13)
>>> [cls.__name__ for cls in MODEL_CLASSES][:4]
['Program', 'Plan', 'Organization', 'Person']
"""


class GiveUp(Exception):
    """Raised by the generated loaders: the detailed path takes over."""


class _Unsupported(Exception):
    """The code generator does not handle a field: its class gets no fast path."""


_MISSING: Final = object()
_ENABLED = [True]


def set_fast_path(enabled: bool) -> None:
    """Turn the generated fast path on or off (it is on by default).

    Off, every load and dump goes through the cattrs converter and the constructors: the
    same results, more slowly. Useful to rule the fast path out when something looks wrong.

    >>> set_fast_path(False); fast_path_enabled()
    False
    >>> set_fast_path(True); fast_path_enabled()
    True
    """
    if type(enabled) is not bool:
        raise TypeError(f"enabled must be a bool, got {type(enabled).__name__}")
    _ENABLED[0] = enabled


def fast_path_enabled() -> bool:
    """Whether :func:`set_fast_path` left the fast path on."""
    return _ENABLED[0]


def _indent(lines: list[str]) -> list[str]:
    return ["    " + line for line in lines]


class _Namespace:
    """The globals of the generated code: helpers, constants and the generated functions."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.globals: dict[str, Any] = {"GiveUp": GiveUp, "_MISSING": _MISSING}
        self.names: dict[type, str] = {}
        self.sources: dict[type, str] = {}
        self._count = 0
        self._count_compiled = 0

    def const(self, value: Any, hint: str) -> str:
        self._count += 1
        name = f"_{hint}_{self._count}"
        self.globals[name] = value
        return name

    def function(self, cls: type[Any]) -> str:
        """The name of ``cls``'s generated function (generated on first request)."""
        if cls not in self.names:
            self.names[cls] = f"{self.prefix}_{cls.__name__}"
            self.sources[cls] = self.generate(cls)
        return self.names[cls]

    def generate(self, cls: type[Any]) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _bind_cached(self) -> bool:
        """Take the functions from the generated module when it holds exactly these
        sources: its functions, given these globals, are the ones compiling would give."""
        return False

    def compile(self) -> dict[type, Callable[..., Any]]:
        """Compile the functions generated since the last call, each under its own name in
        :mod:`linecache`, and return every function compiled so far."""
        if not self._count_compiled and self._bind_cached():
            return {cls: self.globals[name] for cls, name in self.names.items()}
        self._count_compiled += 1
        for cls, code in self.sources.items():
            name = self.names[cls]
            if name in self.globals:
                continue
            filename = f"<csto_program generated {name}>"
            linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
            exec(compile(code, filename, "exec"), self.globals)
        return {cls: self.globals[name] for cls, name in self.names.items()}


def _fields(cls: type[Any]) -> tuple[tuple[attrs.Attribute[Any], Spec], ...]:
    if not attrs.has(cls):
        raise _Unsupported(f"{cls!r} is not an attrs class")
    found = []
    for a in attrs.fields(cls):
        if "spec" not in a.metadata:
            raise _Unsupported(f"{cls.__name__}.{a.name} has no declared spec")
        found.append((a, spec_of(a)))
    return tuple(found)


class _Loaders(_Namespace):
    """Generated loaders: ``load(d: dict, keys: list[int], ids: set, dates: dict) -> cls``.

    ``keys[0]`` is increased by the number of keys of every object loaded, so that
    ``from_json`` can tell whether the JSON text held a key twice. ``ids`` and ``dates`` are
    memos for one load: the ids found valid and the partial dates parsed so far.
    """

    def __init__(self, surrogates: bool) -> None:
        super().__init__("load_dict" if surrogates else "load")
        self.surrogates = surrogates
        self.globals.update(
            _new=object.__new__,
            _surrogate=SURROGATE.search,
            _partial=partial_date_or_none,
            _date=iso_date_or_none,
        )

    def _bind_cached(self) -> bool:
        if self.surrogates:
            return False
        from csto_program.serialize import _generated

        sources = {self.names[cls]: code for cls, code in self.sources.items()}
        if sources != _generated.SOURCES:
            return False
        module = vars(_generated)
        module.update(self.globals)
        for name in sources:
            self.globals[name] = module[name]
        return True

    def item(self, spec: Spec, src: str, dst: str) -> list[str]:
        """Lines that load one JSON value ``src`` into ``dst``, or give up."""
        kind = spec.kind
        give_up = "    raise GiveUp"
        if kind is Kind.ID:  # remembered for the rest of the load: ids recur (and are ASCII)
            match = self.const(spec.match, "id_match")
            lines = [f"if type({src}) is not str:", give_up, f"if {src} not in ids:"]
            lines += [f"    if not {match}({src}):", "    " + give_up, f"    ids.add({src})"]
            return [*lines, f"{dst} = {src}"]
        if kind in (Kind.TEXT, Kind.STR):
            tests = [f"type({src}) is not str"]
            check = KINDS[kind].check
            if check is not None:  # the kind's own check (for a text: not blank)
                tests.append(f"not {self.const(check, 'check')}({src})")
            if self.surrogates:
                tests.append(f"_surrogate({src}) is not None")
            return [f"if {' or '.join(tests)}:", give_up, f"{dst} = {src}"]
        if kind in (Kind.URL, Kind.LANGUAGE, Kind.COUNTRY, Kind.TIMEZONE):
            problem = self.const(spec.problem, "problem")
            test = f"type({src}) is not str or {problem}({src}) is not None"
            return [f"if {test}:", give_up, f"{dst} = {src}"]
        if kind is Kind.INT:
            test = f"type({src}) is not int"
            if spec.minimum is not None:
                test += f" or {src} < {spec.minimum}"
            return [f"if {test}:", give_up, f"{dst} = {src}"]
        if kind is Kind.BOOL:
            return [f"if type({src}) is not bool:", give_up, f"{dst} = {src}"]
        if kind is Kind.DATE:
            return [f"{dst} = _date({src})", f"if {dst} is None:", give_up]
        if kind is Kind.PARTIAL_DATE:  # remembered for the rest of the load in ``dates``
            lines = [f"if type({src}) is not str:", give_up, f"{dst} = dates.get({src})"]
            lines += [f"if {dst} is None:", f"    {dst} = _partial({src})"]
            return [*lines, f"    if {dst} is None:", "    " + give_up, f"    dates[{src}] = {dst}"]
        if kind is Kind.ENUM:
            values = self.const({member.value: member for member in spec.type}, "enum")  # type: ignore[attr-defined]
            lines = [f"if type({src}) is not str:", give_up, f"{dst} = {values}.get({src})"]
            return [*lines, f"if {dst} is None:", give_up]
        if kind is Kind.RECORD:
            return [f"{dst} = {self.function(spec.type)}({src}, keys, ids, dates)"]
        raise _Unsupported(f"kind {kind}")  # pragma: no cover - every kind is handled

    def value(self, spec: Spec, src: str, dst: str) -> list[str]:
        """Lines that load the field's JSON value ``src`` into ``dst``, or give up."""
        if spec.many:
            lines = [f"if type({src}) is not list:", "    raise GiveUp"]
            if spec.kind is Kind.RECORD:
                call = f"{self.function(spec.type)}(x, keys, ids, dates)"
                lines.append(f"{dst} = tuple([{call} for x in {src}])")
            elif spec.kind in (Kind.ID, Kind.TEXT, Kind.STR, Kind.INT):
                lines += ["for x in " + src + ":", *_indent(self.item(spec, "x", "x"))]
                lines.append(f"{dst} = tuple({src})")
            else:
                lines += [f"{dst} = []", f"for x in {src}:", *_indent(self.item(spec, "x", "y"))]
                lines += [f"    {dst}.append(y)", f"{dst} = tuple({dst})"]
            if spec.unique:
                lines += [f"if len(set({dst})) != len({dst}):", "    raise GiveUp"]
            if spec.min_items:
                lines += [f"if len({dst}) < {spec.min_items}:", "    raise GiveUp"]
            body = lines
        else:
            body = self.item(spec, src, dst)
        if spec.optional:
            return [f"if {src} is None:", f"    {dst} = None", "else:", *_indent(body)]
        return body

    def generate(self, cls: type[Any]) -> str:
        fields = _fields(cls)
        if hasattr(cls, "__attrs_pre_init__") or "_attrs_cached_hash" in getattr(
            cls, "__slots__", ()
        ):
            raise _Unsupported(f"{cls!r} has __attrs_pre_init__ or caches its hash")
        required = [(i, a) for i, (a, _) in enumerate(fields) if a.default is attrs.NOTHING]
        lines = ["if type(d) is not dict:", "    raise GiveUp", f"n = {len(required)}"]
        fetched: dict[int, str] = {}
        if required:  # fetched at once; a missing key gives up
            for index, _ in required:
                fetched[index] = f"r{index}"
            get = self.const(operator.itemgetter(*(a.name for _, a in required)), "required")
            target = ", ".join(fetched.values())
            lines += ["try:", f"    {target} = {get}(d)", "except KeyError:", "    raise GiveUp"]
        for index, (a, spec) in enumerate(fields):
            if index in fetched:
                lines += self.value(spec, fetched[index], f"f{index}")
                continue
            default = a.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                raise _Unsupported("a factory default")
            if a.validator is not None:  # the constructor checks defaults too
                try:
                    a.validator(None, a, default)
                except (TypeError, CstoProgramError):
                    raise _Unsupported(f"default {default!r} is not valid") from None
            lines += [f"v = d.get({a.name!r}, _MISSING)", "if v is _MISSING:"]
            lines += [f"    f{index} = {self.const(default, 'default')}", "else:", "    n += 1"]
            lines += _indent(self.value(spec, "v", f"f{index}"))
        lines += ["if len(d) != n:", "    raise GiveUp", "keys[0] += n"]
        lines.append(f"o = _new({self.const(cls, 'cls')})")
        for index, (a, _) in enumerate(fields):
            slot = getattr(cls, a.name, None)
            if slot is None or not hasattr(slot, "__set__"):
                raise _Unsupported(f"{cls!r} is not slotted")
            lines.append(f"{self.const(slot.__set__, 'set')}(o, f{index})")
        if hasattr(cls, "__attrs_post_init__"):
            post_init = self.const(cls.__attrs_post_init__, "post_init")
            lines += ["try:", f"    {post_init}(o)", "except _DataProblem:", "    raise GiveUp"]
            self.globals["_DataProblem"] = CstoProgramError
        lines.append("return o")
        return "\n".join([f"def {self.names[cls]}(d, keys, ids, dates):", *_indent(lines)]) + "\n"


class _Dumpers(_Namespace):
    """Generated dumpers: ``dump(obj) -> dict``, the same as the cattrs converter's.

    With ``for_json`` the dict is only meant for orjson, which writes tuples and ``str``
    enumerations itself, so they are left as they are; otherwise tuples become lists and
    enumerations their values, exactly as the converter's ``unstructure`` gives them.
    """

    def __init__(self, for_json: bool) -> None:
        super().__init__("json" if for_json else "dict")
        self.for_json = for_json
        self.globals.update(_isoformat=datetime.date.isoformat, _str=str)

    def item(self, spec: Spec, src: str) -> str:
        kind = spec.kind
        if kind is Kind.DATE:
            return f"_isoformat({src})"
        if kind is Kind.PARTIAL_DATE:
            return f"_str({src})"
        if kind is Kind.ENUM:
            return src if self.for_json else f"{src}.value"
        if kind is Kind.RECORD:
            return f"{self.function(spec.type)}({src})"
        return src

    def value(self, spec: Spec, src: str) -> str:
        if spec.many:
            expr = self.item(spec, "x")
            if expr == "x":
                expr = src if self.for_json else f"list({src})"
            else:
                expr = f"[{expr} for x in {src}]"
        else:
            expr = self.item(spec, src)
        if spec.optional and expr != src:
            return f"(None if {src} is None else {expr})"
        return expr

    def generate(self, cls: type[Any]) -> str:
        head: list[str] = []  # the leading required fields, in the dict display
        lines: list[str] = []
        for a, spec in _fields(cls):
            if a.default is attrs.NOTHING:
                expr = self.value(spec, f"o.{a.name}")
                if lines:
                    lines.append(f"d[{a.name!r}] = {expr}")
                else:
                    head.append(f"{a.name!r}: {expr}")
                continue
            default = self.const(a.default, "default")
            lines += [f"v = o.{a.name}", f"if v != {default}:"]
            lines.append(f"    d[{a.name!r}] = {self.value(spec, 'v')}")
        body = ["d = {" + ", ".join(head) + "}", *lines, "return d"]
        return "\n".join([f"def {self.names[cls]}(o):", *_indent(body)]) + "\n"


_LOCK = threading.Lock()
_NAMESPACES: dict[str, _Namespace] = {}
_GENERATED: dict[str, dict[type, Callable[..., Any]]] = {}


def _namespace(kind: str) -> _Namespace:
    if kind in ("load", "load_dict"):
        return _Loaders(surrogates=kind == "load_dict")
    if kind in ("json", "dict"):
        return _Dumpers(for_json=kind == "json")
    raise ValueError(f"no generated functions of kind {kind!r}")


def function(kind: str, cls: type[Any]) -> Callable[..., Any]:
    """The generated function of one kind for one model class, generated and compiled on
    its first use (with those of the records inside it), so that a process compiles only
    what it loads or dumps. The loaders of JSON text are all generated at once, from the
    program down, so that they can be taken from the generated module."""
    found = _GENERATED.get(kind)
    if found is not None and cls in found:
        return found[cls]
    with _LOCK:
        namespace = _NAMESPACES.get(kind)
        if namespace is None:
            namespace = _NAMESPACES[kind] = _namespace(kind)
            if kind == "load":
                namespace.function(Program)
        generated = _GENERATED.setdefault(kind, {})
        if cls not in generated:  # pragma: no branch - unless another thread was first
            namespace.function(cls)
            generated.update(namespace.compile())
        return generated[cls]


def generated(kind: str) -> dict[type, Callable[..., Any]]:
    """The generated functions of one kind for every model class (each generated on first
    use). Kinds: ``"load"`` (from parsed JSON: no lone surrogates), ``"load_dict"`` (from
    any dict), ``"json"`` and ``"dict"`` (dumpers).
    """
    return {cls: function(kind, cls) for cls in MODEL_CLASSES}


_GENERATED_HEAD = '''"""The loaders of JSON text, as :mod:`csto_program.serialize._fast` generates
them from the records' field declarations, kept here so that Python caches their bytecode.

Do not edit: ``make generated`` writes this file, and the tests check that it is current.
The generator uses it only while its functions' text is exactly ``SOURCES``; it gives them
their globals (the checks and constants they name) before the first call.
"""

# mypy: ignore-errors
# ruff: noqa
# fmt: off
'''


def generated_module() -> str:
    """The text of :mod:`csto_program.serialize._generated`, from the declarations now."""
    namespace = _Loaders(surrogates=False)
    namespace.function(Program)
    sources = {namespace.names[cls]: code for cls, code in namespace.sources.items()}
    listed = "".join(f"    {name!r}: {code!r},\n" for name, code in sources.items())
    functions = "\n\n".join(sources.values())
    return f"{_GENERATED_HEAD}\nSOURCES = {{\n{listed}}}\n\n\n{functions}"


def load(data: Any, cls: type[Any], kind: str) -> tuple[Any, int] | None:
    """``(object, number of keys)`` from the fast path, or ``None`` if it gave up."""
    if not _ENABLED[0]:
        return None
    keys = [0]
    try:
        return function(kind, cls)(data, keys, set(), {}), keys[0]
    except GiveUp:  # the detailed path will say what is wrong
        return None


def dump(obj: Any, kind: str) -> dict[str, Any] | None:
    """The generated dumper's dict for ``obj``, or ``None`` when the fast path is off."""
    if not _ENABLED[0]:
        return None
    result: dict[str, Any] = function(kind, type(obj))(obj)
    return result


def _unused() -> tuple[object, ...]:  # pragma: no cover - keeps imports for the type checker
    return (pendulum.Date, PartialDate)
