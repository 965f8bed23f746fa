"""The strict cattrs converter of the detailed path: hooks, and errors as JSON paths.

Loading never coerces: ``123`` is not a string and ``"no"`` is not a boolean. Every problem
in a document is reported with its JSON path; a program document's records are checked one
by one and then together (ids, references, the order of plans), so that one run reports
every problem.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Final, get_args, get_origin

import attrs
import pendulum

from csto_program._spec import SURROGATE, Kind, spec_of
from csto_program.dates import PartialDate, format_iso_date, parse_iso_date
from csto_program.errors import MAX_PROBLEMS, DataError, short_repr
from csto_program.model import (
    MeetingKind,
    MeetingStatus,
    NoteKind,
    Program,
    Progress,
    SourceKind,
    StatementKind,
    program_problems,
)

if TYPE_CHECKING:
    import cattrs

__all__ = ["ENUMS", "Found", "converter", "describe", "make_converter", "problems_of"]


_JSON_NAMES = {str: "string", int: "integer", bool: "boolean", float: "number"}


def describe(value: object) -> str:
    """A JSON value in words, for error messages: ``string 'x'``, ``an array``, ``null``."""
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    name = _JSON_NAMES.get(type(value), type(value).__name__)
    return f"{name} {short_repr(value)}"


# --------------------------------------------------------------------------- strict hooks


def _structure_str(value: Any, _: Any) -> str:
    if type(value) is not str:
        raise DataError.at("$", f"expected a string, got {describe(value)}")
    if SURROGATE.search(value):
        raise DataError.at("$", "string holds a lone surrogate, which is not valid Unicode")
    return value


def _structure_int(value: Any, _: Any) -> int:
    if type(value) is not int:
        raise DataError.at("$", f"expected an integer, got {describe(value)}")
    return value


def _structure_bool(value: Any, _: Any) -> bool:
    if type(value) is not bool:
        raise DataError.at("$", f"expected true or false, got {describe(value)}")
    return value


def _structure_date(value: Any, _: Any) -> pendulum.Date:
    if type(value) is not str:
        raise DataError.at("$", f"expected an ISO date string, got {describe(value)}")
    return parse_iso_date(value)


def _structure_partial_date(value: Any, _: Any) -> PartialDate:
    if type(value) is not str:
        raise DataError.at("$", f"expected an EDTF date string, got {describe(value)}")
    return PartialDate.parse(value)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    values = {member.value: member for member in cls}
    allowed = ", ".join(repr(v) for v in values)

    def structure(value: Any, _: Any) -> enum.Enum:
        if type(value) is not str:
            raise DataError.at("$", f"expected one of {allowed}, got {describe(value)}")
        try:
            return values[value]
        except KeyError:
            raise DataError.at("$", f"expected one of {allowed}, got {value!r}") from None

    return structure


ENUMS: Final[tuple[type[enum.Enum], ...]] = (
    MeetingKind,
    MeetingStatus,
    NoteKind,
    SourceKind,
    StatementKind,
    Progress,
)


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
            if not isinstance(value, list):
                raise DataError.at("$", f"expected an array, got {describe(value)}")
            items = []
            found = Found()
            for index, item in enumerate(value):
                try:
                    items.append(handler(item, item_type))
                except Exception as exc:  # flattened, or re-raised if a bug
                    found.add_error(exc, f"$[{index}]")
            if found:
                raise found.error()
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
            if not isinstance(value, dict):
                raise DataError.at("$", f"expected an object, got {describe(value)}")
            if cls is Program:
                return _structure_program(converter, value)
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


class Found:
    """Problems as they are found: the first :data:`~csto_program.errors.MAX_PROBLEMS`
    kept, the rest only counted, so a million bad items cost bounded memory."""

    def __init__(self) -> None:
        self.kept: list[tuple[str, str]] = []
        self.more = 0

    def __bool__(self) -> bool:
        return bool(self.kept)

    def add(self, path: str, message: str) -> None:
        if len(self.kept) < MAX_PROBLEMS:
            self.kept.append((path, message))
        else:
            self.more += 1

    def add_error(self, exc: BaseException, path: str = "$") -> None:
        """The problems of whatever a structuring step raised, and the count it left out."""
        for found_path, message in problems_of(exc, path):
            self.add(found_path, message)
        self.more += _more_of(exc)

    def error(self) -> DataError:
        return DataError(self.kept, more=self.more)


def _more_of(exc: BaseException) -> int:
    """How many problems ``exc`` counted without listing them."""
    if isinstance(exc, DataError):
        return exc.more
    inner = getattr(exc, "exceptions", None)
    if isinstance(exc, BaseExceptionGroup) and inner:
        return sum(_more_of(e) for e in inner)
    return 0


def problems_of(exc: BaseException, path: str = "$") -> list[tuple[str, str]]:
    """Flatten whatever a structuring step raised into ``(path, message)`` pairs."""
    from cattrs.errors import (
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
    )

    if isinstance(exc, DataError):
        return [(_join(path, p), message) for p, message in exc.problems]
    if isinstance(exc, ForbiddenExtraKeysError):
        return [(_key_path(path, key), "unknown key") for key in sorted(exc.extra_fields, key=str)]
    if isinstance(exc, ClassValidationError):
        found: list[tuple[str, str]] = []
        with_notes, without = exc.group_exceptions()
        for inner, note in with_notes:
            found.extend(problems_of(inner, _key_path(path, note.name)))
        for inner in without:
            found.extend(problems_of(inner, path))
        return found
    if isinstance(exc, IterableValidationError):  # pragma: no cover - our tuple hook
        found = []
        with_notes_i, without_i = exc.group_exceptions()
        for inner, note_i in with_notes_i:
            found.extend(problems_of(inner, f"{path}[{note_i.index!r}]"))
        for inner in without_i:
            found.extend(problems_of(inner, path))
        return found
    if isinstance(exc, KeyError):
        return [(path, "required key is missing")]
    if isinstance(exc, TypeError):  # a constructor's check of a Python type
        return [(path, str(exc))]
    raise exc  # a bug, not a problem of the data: let it be seen


def make_converter() -> cattrs.Converter:
    """A new strict converter for the model classes.

    Most users want :func:`to_dict` / :func:`from_dict`; a converter is useful to
    nest the model inside your own attrs classes.

    >>> from csto_program import Place
    >>> from csto_program.serialize import make_converter
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
    for enum_cls in ENUMS:  # exact registrations win over cattrs' own Enum handling
        converter.register_structure_hook(enum_cls, _enum_hook(enum_cls))
        converter.register_unstructure_hook(enum_cls, _enum_value)
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook_factory(converter))
    converter.register_structure_hook_factory(attrs.has, _attrs_hook_factory(converter))
    converter.register_unstructure_hook(pendulum.Date, format_iso_date)
    converter.register_unstructure_hook(PartialDate, str)
    return converter


_CONVERTER_LOCK = threading.Lock()
_CONVERTERS: list[cattrs.Converter] = []


def converter() -> cattrs.Converter:
    """The strict converter of the detailed path, made (and cattrs imported) on first use."""
    if not _CONVERTERS:
        with _CONVERTER_LOCK:
            if not _CONVERTERS:  # pragma: no branch - unless another thread was first
                _CONVERTERS.append(make_converter())
    return _CONVERTERS[0]


def _structure_program(conv: cattrs.Converter, data: dict[str, Any]) -> Program:
    """A program from a document, or one ``DataError`` with every problem in it.

    Each field, and each record of a collection, is structured on its own; then the
    records that could be built are checked together, as the constructor would. Ids of
    records that could not be built still count as known, so no reference to them is
    reported as dangling.
    """
    found = Found()
    fields = attrs.fields(attrs.resolve_types(Program))
    names = {a.name for a in fields}
    for key in data:
        if key not in names:
            found.add(_key_path("$", key), "unknown key")
    values: dict[str, Any] = {}
    known_ids: dict[str, str] = {}
    failed = False
    for a in fields:
        if a.name not in data:
            if a.default is attrs.NOTHING:
                found.add(f"$.{a.name}", "required key is missing")
                failed = True
            continue
        raw = data[a.name]
        spec = spec_of(a)
        if spec.many and spec.kind is Kind.RECORD and isinstance(raw, list):
            hook = conv.get_structure_hook(spec.type)
            items: list[Any] = []
            for index, item in enumerate(raw):
                if not isinstance(item, dict):  # said at once: no exception per item
                    found.add(f"$.{a.name}[{index}]", f"expected an object, got {describe(item)}")
                    items.append(None)
                    failed = True
                    continue
                try:
                    items.append(hook(item, spec.type))
                except Exception as exc:  # flattened, or re-raised if a bug
                    found.add_error(exc, f"$.{a.name}[{index}]")
                    items.append(None)
                    failed = True
                    given = item.get("id") if isinstance(item, dict) else None
                    if isinstance(given, str):
                        known_ids.setdefault(given, a.name)
            values[a.name] = items
            continue
        try:
            field_type: Any = a.type  # resolved above
            values[a.name] = conv.structure(raw, field_type)
        except Exception as exc:  # flattened, or re-raised if a bug
            found.add_error(exc, f"$.{a.name}")
            values[a.name] = () if spec.many else None
            failed = True
    if not failed and not found:  # an unknown key is a problem too
        try:
            return Program(**values)
        except DataError as exc:
            found.add_error(exc)
            raise found.error() from None
    parts = SimpleNamespace(
        **{a.name: values.get(a.name, () if spec_of(a).many else None) for a in fields}
    )
    reported = {path for path, _ in found.kept}
    for path, message in program_problems(parts, known_ids):
        if path not in reported:
            found.add(path, message)
    raise found.error()
