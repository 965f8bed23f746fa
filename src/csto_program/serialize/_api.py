"""The public functions of :mod:`csto_program.serialize`; see there."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, Final, TypeVar, cast

import orjson

from csto_program.errors import CstoProgramError, DataError, short_repr
from csto_program.model import Program
from csto_program.serialize._fast import MODEL_CLASSES, dump, load, set_fast_path
from csto_program.serialize._hooks import Found, converter, describe, make_converter
from csto_program.serialize._json_text import (
    MAX_DOCUMENT_BYTES,
    check_text,
    most_keys,
    parse_checked,
    parse_json,
    written_back,
)
from csto_program.serialize._versions import (
    SCHEMA_VERSION,
    SUPPORTED_VERSIONS,
    check_v2,
    upgrade_v1,
)

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MODEL_CLASSES",
    "SCHEMA_VERSION",
    "SUPPORTED_VERSIONS",
    "from_dict",
    "from_json",
    "make_converter",
    "parse_json",
    "schema_link",
    "set_fast_path",
    "to_dict",
    "to_json",
    "to_json_bytes",
]

T = TypeVar("T")

_SCHEMA_KEY = "$schema"
_VERSIONS_READ = " and ".join(
    filter(None, (", ".join(map(str, SUPPORTED_VERSIONS[:-1])), str(SUPPORTED_VERSIONS[-1])))
)
_INDENTED: Final = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE


def _check_class(cls: type[Any]) -> None:
    if cls not in MODEL_CLASSES:
        names = ", ".join(c.__name__ for c in MODEL_CLASSES)
        raise TypeError(f"expected one of the model classes ({names}), got {short_repr(cls)}")


# The "$schema" link of each program read from a document that had one, by the program's
# identity, dropped with the program: written back by to_dict and to_json, so a document
# loaded and saved keeps its editor link. It belongs to the document, not to the record: a
# program built or changed in Python has none, and equal programs compare equal either way.
_LINKS: dict[int, str] = {}
_LINKS_LOCK = threading.Lock()


def _remember_link(program: Any, link: str) -> None:
    key = id(program)
    with _LINKS_LOCK:
        _LINKS[key] = link
    weakref.finalize(program, _LINKS.pop, key, None)


def schema_link(program: Any) -> str | None:
    """The ``"$schema"`` of the document ``program`` was read from, if it had one.

    >>> from csto_program.datasets import dataset_text
    >>> import json
    >>> doc = json.loads(dataset_text())
    >>> doc["$schema"] = "./program.schema.json"
    >>> schema_link(from_dict(doc, Program))
    './program.schema.json'
    """
    return _LINKS.get(id(program))


def _with_version(program: Any, data: dict[str, Any]) -> dict[str, Any]:
    link = _LINKS.get(id(program))
    if link is None:
        return {"schema_version": SCHEMA_VERSION, **data}
    return {_SCHEMA_KEY: link, "schema_version": SCHEMA_VERSION, **data}


def _unstructure(obj: Any, kind: str) -> dict[str, Any]:
    data = dump(obj, kind)
    if data is None:
        return cast(dict[str, Any], converter().unstructure(obj))
    return data


def to_dict(obj: Any) -> dict[str, Any]:
    """A model object as a JSON-ready dict (a ``Program`` gains ``schema_version``).

    >>> from csto_program import Stage
    >>> to_dict(Stage(number=2, name="Stage 2", start="2026-01-01", end="2028-01-01",
    ...               tasks=["Deliver equipment"]))["tasks"]
    ['Deliver equipment']
    """
    _check_class(type(obj))
    data = _unstructure(obj, "dict")
    if isinstance(obj, Program):
        return _with_version(obj, data)
    return data


def _program_document(data: Any) -> tuple[dict[str, Any], Callable[[str], str] | None]:
    """A program document without ``schema_version`` and ``$schema``, in the current
    version, and the function that maps paths back to an old version's (or ``None``)."""
    if not isinstance(data, dict):
        raise DataError.at("$", f"expected an object, got {describe(data)}")
    if "schema_version" not in data:
        raise DataError.at(
            "$.schema_version",
            f"required key is missing (this library reads versions {_VERSIONS_READ})",
        )
    version = data["schema_version"]
    if type(version) is not int or version not in SUPPORTED_VERSIONS:
        raise DataError.at(
            "$.schema_version",
            f"unsupported schema_version {describe(version)}; this library reads versions "
            f"{_VERSIONS_READ}",
        )
    if _SCHEMA_KEY in data and not isinstance(data[_SCHEMA_KEY], str):
        raise DataError.at(
            f"$['{_SCHEMA_KEY}']", f"expected a string, got {describe(data[_SCHEMA_KEY])}"
        )
    body = {k: v for k, v in data.items() if k != "schema_version" and k != _SCHEMA_KEY}
    if version < SCHEMA_VERSION:
        check_v2(body, version)
    if version == 1:
        return upgrade_v1(body)
    return body, None


def _structure(data: Any, cls: type[T], fast: str | None) -> T:
    """``data`` as a ``cls``: the fast path, else the detailed path with every problem."""
    old_path = None
    if cls is Program:
        data, old_path = _program_document(data)
    if fast is not None:
        loaded = load(data, cls, fast)
        if loaded is not None:
            return cast(T, loaded[0])
    try:
        return converter().structure(data, cls)
    except CstoProgramError as exc:
        if old_path is None and isinstance(exc, DataError):
            raise
        error: BaseException = exc
    except Exception as exc:  # flattened into paths, or re-raised if a bug
        error = exc
    found = Found()
    found.add_error(error)
    if old_path is None:
        raise found.error() from None
    # An old document's value can feed two new fields (completed_on becomes a report's
    # reported_on and as_of): one problem per old path.
    seen: set[str] = set()
    old = Found()
    old.more = found.more
    for path, message in found.kept:
        mapped = old_path(path)
        if mapped not in seen:
            seen.add(mapped)
            old.add(mapped, message)
    raise old.error() from None


def from_dict(data: Any, cls: type[T]) -> T:
    """Build a ``cls`` from a JSON-like dict, strictly; ``DataError`` lists every problem.

    A program document may be of any version in :data:`SUPPORTED_VERSIONS`; a
    ``"$schema"`` key naming its JSON Schema is kept with the program and written back by
    :func:`to_dict` and :func:`to_json` (see :func:`schema_link`).

    >>> from csto_program import Place
    >>> from_dict({"name": "Astana", "country": "KZ", "timezone": "Asia/Almaty"}, Place)
    Place(name='Astana', country='KZ', timezone='Asia/Almaty', names=())
    >>> from_dict({"name": "Astana", "country": "kz", "tz": "Asia/Almaty"}, Place)
    Traceback (most recent call last):
    ...
    csto_program.errors.DataError: 2 problems:
      $.timezone: required key is missing
      $.tz: unknown key
    """
    _check_class(cls)
    return _linked(data, _structure(data, cls, "load_dict"))


def _linked(data: Any, obj: T) -> T:
    """``obj``, remembering the ``"$schema"`` of the document ``data`` it was read from."""
    if isinstance(obj, Program) and isinstance(data, dict):
        link = data.get(_SCHEMA_KEY)
        if isinstance(link, str):
            _remember_link(obj, link)
    return obj


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
    """:func:`to_json` as UTF-8 bytes, without decoding them to ``str``.

    >>> from csto_program import Place
    >>> to_json_bytes(Place(name="Astana", country="KZ", timezone="Asia/Almaty"))
    b'{"name":"Astana","country":"KZ","timezone":"Asia/Almaty"}'
    """
    _check_class(type(obj))
    option = _INDENTED if indent else 0
    data = _unstructure(obj, "json")  # tuples and str enumerations left for orjson
    if isinstance(obj, Program):
        data = _with_version(obj, data)
    try:
        return orjson.dumps(data, option=option)
    except orjson.JSONEncodeError as exc:  # a lone surrogate smuggled past the constructors
        raise DataError.at("$", f"cannot encode as JSON: {exc}") from None


def _from_json_fast(text: str | bytes | bytearray, cls: type[T]) -> tuple[T, bool] | None:
    """The object orjson and the fast path make of ``text``, and whether ``text`` is known
    to hold no key twice; ``None`` if either gives up.

    Whatever orjson reads, the standard library reads the same, except that orjson keeps the
    last of two equal keys and reads integers beyond 64 bits as floats (which no field
    accepts); it refuses what the standard library refuses and more (lone surrogates, NaN,
    numbers too large for a float).
    """
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError:
        return None
    document = data
    extra = 0
    if cls is Program:
        try:
            data, old_path = _program_document(data)
        except DataError:
            return None
        if old_path is not None:
            return None  # an old version: the key count below does not apply
        extra = len(document) - len(data)
    found = load(data, cls, "load")
    if found is None:
        return None
    obj, keys = found
    obj = _linked(document, obj)
    return cast(T, obj), written_back(document, text) or keys + extra == most_keys(text)


def from_json(
    text: str | bytes | bytearray, cls: type[T], *, max_bytes: int = MAX_DOCUMENT_BYTES
) -> T:
    """Load a ``cls`` from JSON text (UTF-8, with or without a byte order mark); any problem
    raises one ``DataError`` listing every problem. Text longer than ``max_bytes`` is
    refused before it is parsed.

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
    text = check_text(text, max_bytes)
    fast = _from_json_fast(text, cls)
    if fast is not None and fast[1]:
        return fast[0]  # no key was there twice
    data = parse_checked(text)  # refuses duplicate keys, saying where
    if fast is not None:  # no duplicate after all: orjson read what the stdlib read
        return fast[0]
    return _linked(data, _structure(data, cls, None))
