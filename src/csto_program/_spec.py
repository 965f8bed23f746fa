"""Field constraints, declared once and read by everything that checks a field.

Every field of every record is made by :func:`field` with a :class:`Spec`: what kind of value
it holds (an id, a non-blank text, a date...), what it means, an example. The spec is kept in
the attrs field's metadata (``attrs.fields(cls).name.metadata["spec"]``) and everything else
is derived from it: the constructor's validator and converter, the loader's fast path, the
JSON Schema (type, pattern, description, examples) and the hypothesis strategies. A
constraint is written here and nowhere else.

>>> import attrs
>>> from csto_program import Source
>>> spec = attrs.fields(Source).id.metadata["spec"]
>>> spec.kind.value, spec.pattern
('id', '[a-z0-9]+(?:[-_.][a-z0-9]+)*')
>>> spec.accepts("tass-2025-01-29"), spec.accepts("TASS 2025")
(True, False)
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
from collections.abc import Callable
from typing import Any, Final

import attrs
import pendulum

from csto_program.dates import (
    EDTF_PATTERN,
    ISO_DATE_PATTERN,
    PartialDate,
    load_zone,
    parse_iso_date,
)
from csto_program.errors import DataError, short_repr

__all__ = ["Kind", "Spec", "field", "spec_of", "specs"]

SURROGATE: Final = re.compile("[\ud800-\udfff]")
"""A lone surrogate: not Unicode text, refused in every string field."""


class Kind(enum.Enum):
    """What a field holds; each kind has its Python type, its checks and its JSON form."""

    ID = "id"
    TEXT = "text"
    STR = "str"
    URL = "url"
    LANGUAGE = "language"
    COUNTRY = "country"
    TIMEZONE = "timezone"
    INT = "int"
    DATE = "date"
    PARTIAL_DATE = "partial_date"
    ENUM = "enum"
    RECORD = "record"


# The patterns, in the syntax common to Python's ``re`` and JSON Schema (ECMA 262): ASCII
# classes only, no anchors (Python uses fullmatch, the schema adds ^ and $).
PATTERNS: Final[dict[Kind, str]] = {
    Kind.ID: r"[a-z0-9]+(?:[-_.][a-z0-9]+)*",
    Kind.URL: r"https?://[!-~]+",
    Kind.LANGUAGE: r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*",
    Kind.COUNTRY: r"[A-Z]{2}",
    Kind.DATE: ISO_DATE_PATTERN,
    Kind.PARTIAL_DATE: EDTF_PATTERN,
}

_PYTHON_TYPES: Final[dict[Kind, type]] = {
    Kind.ID: str,
    Kind.TEXT: str,
    Kind.STR: str,
    Kind.URL: str,
    Kind.LANGUAGE: str,
    Kind.COUNTRY: str,
    Kind.TIMEZONE: str,
    Kind.INT: int,
    Kind.DATE: pendulum.Date,
    Kind.PARTIAL_DATE: PartialDate,
}

_MATCHERS: Final = {
    kind: re.compile(pattern, re.ASCII).fullmatch for kind, pattern in PATTERNS.items()
}

_RULES: Final[dict[Kind, str]] = {
    Kind.ID: "an id: lowercase ASCII letters and digits, joined by single '-', '_' or '.'",
    Kind.URL: "an http(s) URL (ASCII; percent-encode other characters)",
    Kind.LANGUAGE: "a BCP 47 language tag such as 'en' or 'ru'",
    Kind.COUNTRY: "an ISO 3166-1 alpha-2 country code such as 'KZ'",
    Kind.TIMEZONE: "an IANA time zone such as 'Asia/Almaty'",
}


@functools.cache
def _countries() -> frozenset[str]:
    import iso3166  # the maintained ISO 3166-1 list; imported on first use

    return frozenset(iso3166.countries_by_alpha2)


def _is_zone(value: str) -> bool:
    try:
        load_zone(value)
    except DataError:
        return False
    return True


@attrs.frozen
class Spec:
    """The declaration of one field: its kind, meaning and constraints.

    ``type`` is the Python type of one value (an enum or record class for those kinds);
    ``many`` makes the field a tuple of such values, ``optional`` lets it be ``None``.
    """

    kind: Kind
    description: str
    type: type
    many: bool = False
    optional: bool = False
    minimum: int | None = None
    unique: bool = False
    examples: tuple[Any, ...] = ()
    min_items: int = 0

    @property
    def pattern(self) -> str | None:
        """The regular expression a string value must match in full, if any."""
        return PATTERNS.get(self.kind) if self.kind is not Kind.DATE else None

    @property
    def rule(self) -> str:
        """The constraint in words, for error messages and the schema page."""
        return _RULES.get(self.kind, "")

    def problem(self, value: Any) -> str | None:
        """What is wrong with one value of the right Python type, or ``None``.

        >>> Spec(Kind.TEXT, "A title.", str).problem("  ")
        'must not be empty'
        """
        kind = self.kind
        if type(value) is str:
            if SURROGATE.search(value) is not None:
                return "holds a lone surrogate, which is not valid Unicode"
            if kind is Kind.STR:
                return None
            if kind is Kind.TEXT:
                return None if value.strip() else "must not be empty"
            if kind is Kind.TIMEZONE:
                return None if _is_zone(value) else f"{short_repr(value)} is not {self.rule}"
            if _MATCHERS[kind](value) is None:
                return f"{short_repr(value)} is not {self.rule}"
            if kind is Kind.COUNTRY and value not in _countries():
                return f"{value!r} is not an ISO 3166-1 alpha-2 code in use"
            return None
        if kind is Kind.INT and self.minimum is not None and value < self.minimum:
            return f"{short_repr(value)} is below {self.minimum}"
        return None

    @property
    def match(self) -> Callable[[str], object]:
        """The full match of :attr:`pattern` (truthy or ``None``), for kinds with a pattern.

        A pattern of ASCII classes matches no lone surrogate, so for an id this is the whole
        check.
        """
        return _MATCHERS[self.kind]

    def accepts(self, value: Any) -> bool:
        """Whether one value has the right Python type and meets the constraint."""
        return _exact_type(value, self.type) and self.problem(value) is None


def _exact_type(value: Any, tp: type) -> bool:
    if tp is int:
        return type(value) is int
    if tp is pendulum.Date:
        return type(value) is pendulum.Date
    return isinstance(value, tp)


def _type_name(tp: type) -> str:
    return "date" if tp is pendulum.Date else tp.__name__


# --------------------------------------------------------------------------- converters
#
# A constructor accepts a value's JSON spelling and converts it exactly, never guessing:
# an ISO string for a date, an EDTF string for a partial date ("2023" stays a year), an
# enumeration's value, a list for a tuple. Anything else goes to the validator unchanged.


def _convert_one(spec: Spec, name: str, value: Any) -> Any:
    kind = spec.kind
    if kind is Kind.DATE:
        if type(value) is str:
            try:
                return parse_iso_date(value)
            except DataError as exc:
                raise exc.prefixed(f"$.{name}") from None
        plain_date = isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
        if plain_date and type(value) is not pendulum.Date:
            return pendulum.Date(value.year, value.month, value.day)
        return value
    if kind is Kind.PARTIAL_DATE and type(value) is str:
        try:
            return PartialDate.parse(value)
        except DataError as exc:
            raise exc.prefixed(f"$.{name}") from None
    if kind is Kind.ENUM and type(value) is str and not isinstance(value, spec.type):
        try:
            return spec.type(value)
        except ValueError:
            allowed = ", ".join(repr(member.value) for member in spec.type)  # type: ignore[attr-defined]
            raise DataError.at(
                f"$.{name}", f"expected one of {allowed}, got {short_repr(value)}"
            ) from None
    return value


def _converter(spec: Spec) -> Callable[[Any, attrs.Attribute[Any]], Any] | None:
    if spec.kind not in (Kind.DATE, Kind.PARTIAL_DATE, Kind.ENUM) and not spec.many:
        return None

    def convert(value: Any, attribute: attrs.Attribute[Any]) -> Any:
        if value is None:
            return None
        if spec.many:
            if type(value) is list:
                value = tuple(value)
            if type(value) is tuple and spec.kind in (Kind.DATE, Kind.PARTIAL_DATE, Kind.ENUM):
                return tuple(
                    _convert_one(spec, f"{attribute.name}[{i}]", item)
                    for i, item in enumerate(value)
                )
            return value
        return _convert_one(spec, attribute.name, value)

    return convert


# --------------------------------------------------------------------------- validators


def _wrong_type(inst: Any, name: str, value: Any, spec: Spec) -> TypeError:
    wanted = _type_name(spec.type)
    if spec.kind is Kind.DATE:
        wanted = "date (or an ISO date string)"
    elif spec.kind is Kind.PARTIAL_DATE:
        wanted = "PartialDate (or an EDTF string)"
    elif spec.kind is Kind.ENUM:
        wanted = f"{wanted} (or its value)"
    if spec.optional:
        wanted += " or None"
    got = type(value).__name__
    if isinstance(value, datetime.datetime) and spec.kind is Kind.DATE:
        got = f"a datetime ({got})"
    return TypeError(
        f"{type(inst).__name__}.{name} must be {wanted}, got {got} {short_repr(value)}"
    )


def _validator(spec: Spec) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    tp = spec.type
    plain = spec.kind in (Kind.INT, Kind.DATE, Kind.PARTIAL_DATE, Kind.ENUM, Kind.RECORD) and (
        spec.minimum is None
    )

    def check_one(inst: Any, name: str, value: Any) -> None:
        if not _exact_type(value, tp) or (tp is int and type(value) is bool):
            raise _wrong_type(inst, name, value, spec)
        if plain:
            return
        message = spec.problem(value)
        if message is not None:
            raise DataError.at(f"$.{name}", message)

    def validate(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        name = attribute.name
        if value is None and spec.optional:
            return
        if not spec.many:
            check_one(inst, name, value)
            return
        if type(value) is not tuple:
            raise TypeError(
                f"{type(inst).__name__}.{name} must be a tuple (or a list), "
                f"got {type(value).__name__}"
            )
        for index, item in enumerate(value):
            check_one(inst, f"{name}[{index}]", item)
        if spec.unique and len(set(value)) != len(value):
            raise DataError.at(f"$.{name}", "a value is listed twice")

    return validate


_NO_DEFAULT: Final[Any] = attrs.NOTHING


def field(
    kind: Kind,
    description: str,
    *,
    type: type | None = None,
    many: bool = False,
    optional: bool = False,
    default: Any = _NO_DEFAULT,
    minimum: int | None = None,
    unique: bool = False,
    examples: tuple[Any, ...] = (),
    required: bool = False,
    min_items: int = 0,
) -> Any:
    """An attrs field whose checks, conversions and schema come from one :class:`Spec`.

    A ``many`` field defaults to ``()``, an ``optional`` one to ``None``, a ``STR`` one to
    ``""``, unless ``default`` says otherwise or the field is ``required``. ``min_items`` is
    the fewest items a ``many`` field may hold (the JSON Schema's ``minItems``; the record's
    own checks enforce it with their own message).
    """
    python_type = type if type is not None else _PYTHON_TYPES[kind]
    spec = Spec(
        kind, description, python_type, many, optional, minimum, unique, examples, min_items
    )
    if default is _NO_DEFAULT and not required:
        if many:
            default = ()
        elif optional:
            default = None
        elif kind is Kind.STR:
            default = ""
    convert = _converter(spec)
    converter = None if convert is None else attrs.Converter(convert, takes_field=True)
    return attrs.field(
        default=default,
        validator=_validator(spec),
        converter=converter,
        metadata={"spec": spec},
    )


def spec_of(attribute: attrs.Attribute[Any]) -> Spec:
    """The :class:`Spec` of an attrs field made by :func:`field`."""
    spec: Spec = attribute.metadata["spec"]
    return spec


def specs(cls: type) -> tuple[tuple[attrs.Attribute[Any], Spec], ...]:
    """Every field of the record class ``cls`` with its :class:`Spec`, in order.

    >>> from csto_program import Place
    >>> [(a.name, s.kind.value) for a, s in specs(Place)]
    [('name', 'text'), ('country', 'country'), ('timezone', 'timezone')]
    """
    return tuple((a, spec_of(a)) for a in attrs.fields(cls))


ENUM_DESCRIPTIONS: Final[dict[type, dict[str, str]]] = {}
"""What each value of an enumeration means, one line each, for the schema and the help."""


def describe_values(cls: type[enum.Enum], descriptions: dict[str, str]) -> None:
    """Declare what each value of ``cls`` means; every value must be described, once."""
    values = [member.value for member in cls]
    if sorted(values) != sorted(descriptions):
        raise ValueError(f"{cls.__name__}: describe exactly the values {values}")
    ENUM_DESCRIPTIONS[cls] = {value: descriptions[value] for value in values}
