"""Field constraints, declared once and read by everything that checks a field.

Every field of every record is made by :func:`field` with a :class:`Spec`: what kind of value
it holds (an id, a non-blank text, a date...), what it means, an example. The spec is kept in
the attrs field's metadata (``attrs.fields(cls).name.metadata["spec"]``) and everything else
is derived from it: the constructor's validator and converter, the loader's fast path, the
JSON Schema (type, pattern, description, examples) and the hypothesis strategies. A
constraint is written here and nowhere else: each kind's rule (:data:`KINDS`: the Python
check, one pattern that means the same in Python and in JSON Schema's ECMA-262 dialect, the
Table Schema type) and each reference (``refers_to``, listed by :func:`references`).

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
    iso_date_or_none,
    load_zone,
    parse_iso_date,
    partial_date_or_none,
)
from csto_program.errors import DataError, short_repr

__all__ = [
    "ANY_RECORD",
    "KINDS",
    "STAGE_NUMBERS",
    "Kind",
    "KindRule",
    "Spec",
    "anchored",
    "field",
    "references",
    "spec_of",
    "specs",
]

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
    BOOL = "bool"
    DATE = "date"
    PARTIAL_DATE = "partial_date"
    ENUM = "enum"
    RECORD = "record"


# ----------------------------------------------------------------- one rule per kind
#
# Every pattern is written in the syntax that Python's ``re`` and ECMA-262 (the dialect of
# JSON Schema, used by editors) read alike: explicit character ranges only (no ``\s``, ``\d``
# or ``\w``, whose meaning differs), and no anchors; :func:`anchored` adds anchors that also
# mean the same in both (``$`` does not: Python's matches before a final newline).

WHITESPACE: Final = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
r"""The characters ``str.strip()`` removes (``str.isspace()``), as class ranges.

ECMA-262's ``\s`` differs from Python's (it lacks ``\x1c``-``\x1f`` and ``\x85`` and has
``\ufeff``), so the non-blank rule is written with these ranges instead.

>>> import re
>>> [c for c in map(chr, range(0x3001)) if c.isspace()] == re.findall(f"[{WHITESPACE}]",
...     "".join(map(chr, range(0x3001))))
True
"""

NON_BLANK_PATTERN: Final = f"[{WHITESPACE}]*[^{WHITESPACE}][\\s\\S]*"
"""A text that ``str.strip()`` does not empty, as a pattern matched in full."""


def anchored(pattern: str) -> str:
    r"""``pattern`` anchored at both ends, meaning the same in Python and in ECMA-262.

    ``(?![\s\S])`` ("no character follows") ends the match, since ``$`` would let Python
    accept a final newline that JavaScript refuses.

    >>> import re
    >>> bool(re.search(anchored("[a-z]+"), "abc")), bool(re.search(anchored("[a-z]+"), "abc\n"))
    (True, False)
    """
    return f"^(?:{pattern})(?![\\s\\S])"


def _full(pattern: str) -> Callable[[str], object]:
    return re.compile(pattern).fullmatch


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


_COUNTRY_SHAPE: Final = _full("[A-Z]{2}")


def _is_country(value: str) -> bool:
    return _COUNTRY_SHAPE(value) is not None and value in _countries()


@attrs.frozen
class KindRule:
    """The rule of one :class:`Kind`, read by every consumer of a field of that kind.

    ``pattern`` is the one portable pattern a string value matches in full (``None``: none
    can say it); ``check`` the Python check of a ``str`` value, truthy when the value holds
    (``None``: any string, or not a string kind); ``words`` the rule for messages;
    ``table_type`` the Table Schema type of a cell and ``json_type`` the JSON Schema type.

    >>> KINDS[Kind.TEXT].check(" x "), KINDS[Kind.TEXT].table_type
    ('x', 'string')
    """

    pattern: str | None
    check: Callable[[str], object] | None
    words: str = ""
    table_type: str = "string"
    json_type: str = "string"


KINDS: Final[dict[Kind, KindRule]] = {
    Kind.ID: KindRule(
        "[a-z0-9]+(?:[-_.][a-z0-9]+)*",
        _full("[a-z0-9]+(?:[-_.][a-z0-9]+)*"),
        "an id: lowercase ASCII letters and digits, joined by single '-', '_' or '.'",
    ),
    Kind.TEXT: KindRule(NON_BLANK_PATTERN, str.strip, "a text that is not blank"),
    Kind.STR: KindRule(None, None),
    Kind.URL: KindRule(
        "https?://[!-~]+",
        _full("https?://[!-~]+"),
        "an http(s) URL (ASCII; percent-encode other characters)",
    ),
    Kind.LANGUAGE: KindRule(
        "[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*",
        _full("[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*"),
        "a BCP 47 language tag such as 'en' or 'ru'",
    ),
    Kind.COUNTRY: KindRule(
        "[A-Z]{2}", _is_country, "an ISO 3166-1 alpha-2 country code such as 'KZ'"
    ),
    Kind.TIMEZONE: KindRule(None, _is_zone, "an IANA time zone such as 'Asia/Almaty'"),
    Kind.INT: KindRule(None, None, table_type="integer", json_type="integer"),
    Kind.BOOL: KindRule(None, None, table_type="boolean", json_type="boolean"),
    Kind.DATE: KindRule(ISO_DATE_PATTERN, iso_date_or_none, table_type="date"),
    Kind.PARTIAL_DATE: KindRule(EDTF_PATTERN, partial_date_or_none),
    Kind.ENUM: KindRule(None, None),
    Kind.RECORD: KindRule(None, None, table_type="object", json_type="object"),
}
"""Each kind's rule (:class:`KindRule`): written here once, read by the constructors'
validators, the loader's fast path, the JSON Schema, the data package and the strategies.

>>> KINDS[Kind.ID].pattern
'[a-z0-9]+(?:[-_.][a-z0-9]+)*'
"""

PATTERNS: Final[dict[Kind, str]] = {
    kind: rule.pattern for kind, rule in KINDS.items() if rule.pattern is not None
}
"""The portable pattern of each kind that has one (from :data:`KINDS`)."""

_PYTHON_TYPES: Final[dict[Kind, type]] = {
    Kind.ID: str,
    Kind.TEXT: str,
    Kind.STR: str,
    Kind.URL: str,
    Kind.LANGUAGE: str,
    Kind.COUNTRY: str,
    Kind.TIMEZONE: str,
    Kind.INT: int,
    Kind.BOOL: bool,
    Kind.DATE: pendulum.Date,
    Kind.PARTIAL_DATE: PartialDate,
}

ANY_RECORD: Final = "*"
"""``refers_to`` of a field that names a record of any collection, by id."""

STAGE_NUMBERS: Final = "stage numbers"
"""``refers_to`` of a field that names a stage, by its number, in some plan."""


@attrs.frozen
class Spec:
    """The declaration of one field: its kind, meaning and constraints.

    ``type`` is the Python type of one value (an enum or record class for those kinds);
    ``many`` makes the field a tuple of such values, ``optional`` lets it be ``None``;
    ``refers_to`` names the collection whose ids (or :data:`STAGE_NUMBERS`, or
    :data:`ANY_RECORD`) the values must be.
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
    refers_to: str | None = None

    @property
    def pattern(self) -> str | None:
        """The portable pattern a string value must match in full, if any."""
        return KINDS[self.kind].pattern

    @property
    def rule(self) -> str:
        """The constraint in words, for error messages and the schema page."""
        return "" if self.kind is Kind.TEXT else KINDS[self.kind].words

    def problem(self, value: Any) -> str | None:
        """What is wrong with one value of the right Python type, or ``None``.

        >>> Spec(Kind.TEXT, "A title.", str).problem("  ")
        'must not be empty'
        """
        kind = self.kind
        if type(value) is str:
            if SURROGATE.search(value) is not None:
                return "holds a lone surrogate, which is not valid Unicode"
            check = KINDS[kind].check
            if check is None or check(value):
                return None
            if kind is Kind.TEXT:
                return "must not be empty"
            if kind is Kind.COUNTRY and _COUNTRY_SHAPE(value) is not None:
                return f"{value!r} is not an ISO 3166-1 alpha-2 code in use"
            return f"{short_repr(value)} is not {self.rule}"
        if kind is Kind.INT and self.minimum is not None and value < self.minimum:
            return f"{short_repr(value)} is below {self.minimum}"
        return None

    @property
    def match(self) -> Callable[[str], object]:
        """The Python check of a string value (truthy when it holds), for kinds with one.

        A pattern of ASCII classes matches no lone surrogate, so for an id this is the whole
        check.
        """
        check = KINDS[self.kind].check
        if check is None:
            raise ValueError(f"a {self.kind.value} field has no check of its own")
        return check

    def accepts(self, value: Any) -> bool:
        """Whether one value has the right Python type and meets the constraint."""
        return _exact_type(value, self.type) and self.problem(value) is None


def _exact_type(value: Any, tp: type) -> bool:
    if tp is int:
        return type(value) is int
    if tp is bool:
        return type(value) is bool
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


def _accepted(spec: Spec) -> Any:
    """The type a constructor accepts for one value of ``spec``: its own, or its JSON
    spelling too."""
    kind = spec.kind
    if kind is Kind.DATE:
        return datetime.date | str
    if kind in (Kind.PARTIAL_DATE, Kind.ENUM):
        return spec.type | str
    return spec.type


def _annotations(spec: Spec) -> dict[str, Any]:
    """The annotations of a field's converter, which attrs gives the constructor: what
    the parameter accepts and what the attribute holds."""
    one = _accepted(spec)
    accepted: Any = tuple[one, ...] | list[one] if spec.many else one  # type: ignore[valid-type]
    held: Any = tuple[spec.type, ...] if spec.many else spec.type  # type: ignore[name-defined]
    if spec.optional:
        accepted = accepted | None
        held = held | None
    return {"value": accepted, "return": held}


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

    # One converter per field, annotated with what it accepts: attrs takes the constructor's
    # signature from it (``inspect.signature``, ``help()`` and the reference pages).
    convert.__annotations__ = _annotations(spec)
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
    plain = spec.kind in (
        Kind.INT,
        Kind.BOOL,
        Kind.DATE,
        Kind.PARTIAL_DATE,
        Kind.ENUM,
        Kind.RECORD,
    ) and (spec.minimum is None)

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
        if len(value) < spec.min_items:
            raise DataError.at(f"$.{name}", too_few(type(inst), spec))
        if spec.unique and len(set(value)) != len(value):
            raise DataError.at(f"$.{name}", "a value is listed twice")

    return validate


def too_few(owner: type, spec: Spec) -> str:
    """The problem of a ``many`` field holding fewer than ``spec.min_items`` items.

    >>> too_few(type("Program", (), {}), Spec(Kind.RECORD, "", str, many=True, min_items=1))
    'a program needs at least one str'
    """
    count = "one" if spec.min_items == 1 else str(spec.min_items)
    return f"a {owner.__name__.lower()} needs at least {count} {spec.type.__name__.lower()}"


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
    refers_to: str | None = None,
) -> Any:
    """An attrs field whose checks, conversions and schema come from one :class:`Spec`.

    A ``many`` field defaults to ``()``, an ``optional`` one to ``None``, a ``STR`` one to
    ``""``, unless ``default`` says otherwise or the field is ``required``. ``min_items`` is
    the fewest items a ``many`` field may hold (checked by the constructor, the loader and
    the JSON Schema's ``minItems``). ``refers_to`` declares a reference: the collection of
    the program whose ids the values are (or :data:`STAGE_NUMBERS`, :data:`ANY_RECORD`).
    """
    python_type = type if type is not None else _PYTHON_TYPES[kind]
    spec = Spec(
        kind,
        description,
        python_type,
        many,
        optional,
        minimum,
        unique,
        examples,
        min_items,
        refers_to,
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
    [('name', 'text'), ('country', 'country'), ('timezone', 'timezone'), ('names', 'record')]
    """
    return tuple((a, spec_of(a)) for a in attrs.fields(cls))


def record_classes(root: type) -> tuple[type, ...]:
    """``root`` and every record class reachable from its fields, each once, breadth first
    in field order: derived from the declarations, so a new record class is found as soon
    as a field holds it.

    >>> from csto_program import Place
    >>> [cls.__name__ for cls in record_classes(Place)]
    ['Place', 'LocalName']
    """
    found = [root]
    for cls in found:  # grows while it is walked: each class is visited once
        for _, spec in specs(cls):
            if spec.kind is Kind.RECORD and spec.type not in found:
                found.append(spec.type)
    return tuple(found)


def references(cls: type) -> tuple[tuple[str, str], ...]:
    """The references declared on the fields of ``cls``: ``(attribute, target)`` pairs,
    where the target is a collection of the program (``"people"``, ``"sources"``...),
    :data:`STAGE_NUMBERS` or :data:`ANY_RECORD`.

    >>> from csto_program import Statement
    >>> references(Statement)[:2]
    (('speaker', 'people'), ('on_behalf_of', 'organizations'))
    """
    return tuple((a.name, s.refers_to) for a, s in specs(cls) if s.refers_to is not None)


ENUM_DESCRIPTIONS: Final[dict[type, dict[str, str]]] = {}
"""What each value of an enumeration means, one line each, for the schema and the help."""


def describe_values(cls: type[enum.Enum], descriptions: dict[str, str]) -> None:
    """Declare what each value of ``cls`` means; every value must be described, once."""
    values = [member.value for member in cls]
    if sorted(values) != sorted(descriptions):
        raise ValueError(f"{cls.__name__}: describe exactly the values {values}")
    ENUM_DESCRIPTIONS[cls] = {value: descriptions[value] for value in values}
