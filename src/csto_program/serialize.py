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

import enum
import json
import re
from collections.abc import Callable
from typing import Any, Final, TypeVar, get_args, get_origin

import attrs
import cattrs
import orjson
import pendulum
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn

from csto_program.dates import PartialDate, format_iso_date, parse_iso_date
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

__all__ = [
    "MODEL_CLASSES",
    "SCHEMA_VERSION",
    "from_dict",
    "from_json",
    "make_converter",
    "parse_json",
    "to_dict",
    "to_json",
]

T = TypeVar("T")

SCHEMA_VERSION: Final = 1
"""The version of the JSON document format that this library writes and reads."""

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
:func:`from_json` accept."""

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


_CONVERTER: Final = make_converter()


def _check_class(cls: type[Any]) -> None:
    if cls not in MODEL_CLASSES:
        names = ", ".join(c.__name__ for c in MODEL_CLASSES)
        raise TypeError(f"expected one of the model classes ({names}), got {cls!r}")


def to_dict(obj: Any) -> dict[str, Any]:
    """A model object as a JSON-ready dict (a ``Program`` gains ``schema_version``).

    >>> import datetime
    >>> from csto_program import Stage
    >>> to_dict(Stage(number=2, name="Stage 2", start=datetime.date(2026, 1, 1),
    ...               end=datetime.date(2028, 1, 1), tasks=("Deliver equipment",)))["tasks"]
    ['Deliver equipment']
    """
    _check_class(type(obj))
    data: dict[str, Any] = _CONVERTER.unstructure(obj)
    if isinstance(obj, Program):
        return {"schema_version": SCHEMA_VERSION, **data}
    return data


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
        data = {key: value for key, value in data.items() if key != "schema_version"}
    try:
        return _CONVERTER.structure(data, cls)
    except CstoProgramError as exc:
        if isinstance(exc, DataError):
            raise
        raise DataError(_problems(exc)) from None
    except Exception as exc:
        raise DataError(_problems(exc)) from None


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
    option = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE if indent else 0
    try:
        return orjson.dumps(to_dict(obj), option=option).decode("utf-8")
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
    if not isinstance(text, (str, bytes, bytearray)):
        raise TypeError(f"expected str or bytes, got {type(text).__name__}")
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_constant=_reject_constant)
    except _DuplicateKey as exc:
        raise DataError.at("$", f"invalid JSON: {exc}") from None
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, bad UTF-8, deep nesting
        raise DataError.at("$", f"invalid JSON: {exc}") from None


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
    return from_dict(parse_json(text), cls)
