"""The fast path agrees with the detailed path: same objects, same dicts, same JSON, and it
never accepts what the detailed path refuses."""

from __future__ import annotations

import copy
import json
from typing import Any

import attrs
import orjson
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csto_program import (
    MODEL_CLASSES,
    DataError,
    Meeting,
    PartialDate,
    Place,
    Program,
    ScheduleError,
    Statement,
    StatementKind,
    add_days,
    add_months,
    from_dict,
    from_json,
    model,
    parse_iso_date,
    to_dict,
    to_json,
)
from csto_program.dates import iso_date_or_none, partial_date_or_none
from csto_program.model import _reference_problems, _references_resolve
from csto_program.serialize import (
    _converter,
    _Dumpers,
    _fast,
    _from_json_fast,
    _load_fast,
    _Loaders,
    _most_keys,
    _structure,
    _Unsupported,
    _without_version,
    to_json_bytes,
)
from csto_program.strategies import iso_dates, meetings, partial_dates, programs, statements
from json_paths import paths


def _detailed(data: Any, cls: type) -> Any:
    """The detailed path alone: the cattrs converter and the constructors."""
    if cls is Program:
        data = _without_version(data)
    return _structure(data, cls, None)


def _fast_only(data: Any, cls: type, kind: str = "load_dict") -> Any:
    if cls is Program:
        try:
            data = _without_version(data)
        except DataError:
            return None
    found = _load_fast(data, cls, kind)
    return None if found is None else found[0]


def test_every_model_class_has_a_fast_path() -> None:
    for kind in ("load", "load_dict", "json", "dict"):
        assert set(_fast(kind)) == set(MODEL_CLASSES)


@settings(max_examples=50)
@given(programs())
def test_fast_and_detailed_paths_build_equal_programs(program: Program) -> None:
    data = to_dict(program)
    fast = _fast_only(copy.deepcopy(data), Program)
    assert fast == program
    assert _detailed(data, Program) == program
    assert _fast_only(orjson.loads(to_json(program)), Program, "load") == program


@settings(max_examples=50)
@given(programs(max_items=3), meetings(), statements())
def test_dumpers_match_the_converter(program: Program, meeting: Meeting, statement: Statement):
    for obj in (program, meeting, statement, *program.stages):
        expected = _converter().unstructure(obj)
        assert _fast("dict")[type(obj)](obj) == expected
        assert type(_fast("dict")[type(obj)](obj)) is dict
        assert orjson.dumps(_fast("json")[type(obj)](obj)) == orjson.dumps(expected)
    assert to_json_bytes(program).decode() == to_json(program)
    assert to_json_bytes(program, indent=True).decode() == to_json(program, indent=True)


_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.sampled_from(["2024-02-30", "2023", "2023-13", "0000", "x y", "", " ", "Ab", "a--b"]),
    st.sampled_from(["summit", "quote", "news", "conflict", "2024-02-29", "2023-02-29%"]),
    st.lists(st.sampled_from([1, 0, True, "a", "", None]), max_size=3),
    st.dictionaries(st.sampled_from(["id", "name", "x"]), st.integers(), max_size=2),
)


@given(programs(max_items=2), st.data())
def test_fast_path_never_accepts_what_the_detailed_path_refuses(
    program: Program, data: st.DataObject
) -> None:
    doc = to_dict(program)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths(doc)[1:]))
        parent = doc
        for part in path[:-1]:
            parent = parent[part]
        action = data.draw(st.sampled_from(["drop", "swap", "extra", "dup"]))
        if action == "drop":
            del parent[path[-1]]
        elif action == "swap":
            parent[path[-1]] = data.draw(_VALUES)
        elif action == "extra" and isinstance(parent, dict):
            parent[data.draw(st.sampled_from(["x", "id", "note", "Note"]))] = data.draw(_VALUES)
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
    try:
        expected = _detailed(copy.deepcopy(doc), Program)
    except DataError:
        expected = None
    fast = _fast_only(copy.deepcopy(doc), Program)
    assert fast is None or fast == expected
    assert (fast is None) == (expected is None)  # the fast path gives up only on errors
    text = json.dumps(doc)
    try:
        loaded = from_json(text, Program)
    except DataError:
        assert expected is None
    else:
        assert loaded == expected


def test_str_subclasses_and_surrogates_go_to_the_detailed_path() -> None:
    class Text(str):
        pass

    doc = {"name": Text("Astana"), "country": "KZ", "timezone": "Asia/Almaty"}
    assert _fast_only(doc, MODEL_CLASSES[4]) is None  # Place
    with pytest.raises(DataError, match="expected a string"):
        from_dict(doc, MODEL_CLASSES[4])
    doc = {"name": "bad \ud800", "country": "KZ", "timezone": "Asia/Almaty"}
    assert _fast_only(doc, MODEL_CLASSES[4]) is None
    with pytest.raises(DataError, match="lone surrogate"):
        from_dict(doc, MODEL_CLASSES[4])


_PLACE = '{"name": "Astana", "country": "KZ", "timezone": "Asia/Almaty"}'


@pytest.mark.parametrize(
    "text",
    [
        '{"name":"A","name":"B","country":"KZ","timezone":"Asia/Almaty"}',
        '{"name" :"A","name":"B","country":"KZ","timezone":"Asia/Almaty"}',
        '{\n  "name": "A",\n  "name" : "B",\n  "country": "KZ",\n  "timezone": "Asia/Almaty"\n}\n',
        '{"name":"say \\":","name":"B","country":"KZ","timezone":"Asia/Almaty"}',
        '{"name":":)","country":"KZ","country":"KZ","timezone":"Asia/Almaty"}',
    ],
)
def test_duplicate_keys_are_refused_however_the_text_is_laid_out(text: str) -> None:
    for given_text in (text, text.encode()):
        with pytest.raises(DataError, match="duplicate key"):
            from_json(given_text, MODEL_CLASSES[4])


@pytest.mark.parametrize(
    "text",
    [
        _PLACE,
        '{"name":"\\":\\" \\" :","country":"KZ","timezone":"Asia/Almaty"}',
        '{"name":":)","country":"KZ","timezone":"Asia/Almaty"}',
        '{ "name" : "A" ,\t"country"\r\n:"KZ", "timezone":"Asia/Almaty" }',
    ],
)
def test_text_without_duplicates_loads_whatever_its_layout(text: str) -> None:
    for given_text in (text, text.encode()):
        assert from_json(given_text, MODEL_CLASSES[4]) == from_dict(
            json.loads(text), MODEL_CLASSES[4]
        )


def test_key_count_is_an_upper_bound() -> None:
    text = '{"a": {"b" :1, "c":":x"}, "d": "\\":"}'
    assert _most_keys(text) >= 4
    assert _most_keys(text.encode()) == _most_keys(text)


def test_big_integers_and_other_orjson_refusals_take_the_detailed_path() -> None:
    place = '{"name":"A","country":"KZ","timezone":"Asia/Almaty"}'
    assert _from_json_fast(place, MODEL_CLASSES[4]) is not None
    stage = '{"number":123456789012345678901,"name":"S","start":"2025-01-01","end":"2026-01-01"}'
    assert _from_json_fast(stage, MODEL_CLASSES[1]) is None  # orjson reads a float
    assert from_json(stage, MODEL_CLASSES[1]).number == 123456789012345678901  # the stdlib's int
    bom = b"\xef\xbb\xbf" + place.encode()
    assert from_json(bom, MODEL_CLASSES[4]).name == "A"  # the stdlib reads a BOM, orjson not


def _unchecked(cls: type, **fields: Any) -> Any:
    """An instance built from its slots, without any check."""
    obj = object.__new__(cls)
    for a in attrs.fields(cls):
        object.__setattr__(obj, a.name, fields.get(a.name, getattr(a, "default", None)))
    return obj


_REFERENCES = {
    "statements": ("speaker", "on_behalf_of", "meeting", "sources"),
    "meetings": ("organizer", "sources"),
    "notes": ("about", "sources"),
}


@settings(max_examples=75)
@given(programs(max_items=3), st.data())
def test_quick_reference_check_is_exact(program: Program, data: st.DataObject) -> None:
    assert _references_resolve(program)
    ids = [
        item.id
        for name in ("people", "meetings", "sources", "organizations")
        for item in getattr(program, name)
    ] + ["ghost"]
    fields = {a.name: getattr(program, a.name) for a in attrs.fields(Program)}
    target = data.draw(st.sampled_from(["statements", "meetings", "notes", "organization", "dup"]))
    if target == "organization":
        fields["organization"] = data.draw(st.sampled_from(ids))
    elif target == "dup" and program.people:
        fields["people"] = (*program.people, program.people[0])
    elif target in ("statements", "meetings", "notes") and fields[target]:
        items = list(fields[target])
        index = data.draw(st.integers(0, len(items) - 1))
        name = data.draw(st.sampled_from(_REFERENCES[target]))
        value = getattr(items[index], name)
        if isinstance(value, tuple):
            changed: Any = (*value, data.draw(st.sampled_from(ids)))
        else:
            changed = data.draw(st.sampled_from(ids))
        items[index] = _unchecked(
            type(items[index]), **{**attrs.asdict(items[index], recurse=False), name: changed}
        )
        fields[target] = tuple(items)
    broken = _unchecked(Program, **fields)
    assert _references_resolve(broken) == (not list(_reference_problems(broken)))


@given(
    st.one_of(
        partial_dates().map(str),
        st.text(max_size=12),
        st.from_regex(r"\A[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[?~%]?\Z"),
    )
)
def test_fast_partial_dates_are_the_parsed_ones(text: str) -> None:
    fast = partial_date_or_none(text)
    try:
        parsed = PartialDate.parse(text)
    except DataError:
        assert fast is None
    else:
        assert fast == parsed
        assert str(fast) == str(parsed) == text


@given(
    st.one_of(
        st.dates().map(str), st.text(max_size=12), st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
    )
)
def test_fast_iso_dates_are_the_parsed_ones(text: str) -> None:
    fast = iso_date_or_none(text)
    try:
        parsed = parse_iso_date(text)
    except DataError:
        assert fast is None
    else:
        assert fast == parsed and type(fast) is type(parsed)


@given(iso_dates(), st.integers(-130_000, 130_000), st.integers(-4_000_000, 4_000_000))
def test_date_arithmetic_is_pendulums(day: pendulum.Date, months: int, days: int) -> None:
    for ours, theirs in ((add_months, "months"), (add_days, "days")):
        amount = months if theirs == "months" else days
        try:
            expected = day.add(**{theirs: amount})
        except (ValueError, OverflowError):
            with pytest.raises(ScheduleError):
                ours(day, amount)
        else:
            found = ours(day, amount)
            assert found == expected and type(found) is pendulum.Date


def test_partial_date_bounds_are_kept() -> None:
    day = PartialDate.parse("2024-02")
    assert day.latest is day.latest and day.earliest is day.earliest
    assert (day.earliest, day.latest) == (pendulum.Date(2024, 2, 1), pendulum.Date(2024, 2, 29))
    assert day == PartialDate(2024, 2) and hash(day) == hash(PartialDate(2024, 2))


# ---------------------------------------------------------------------------- the generator


@attrs.frozen(slots=True)
class _Odd:
    """Field shapes the model does not use (yet), for the code generator's other branches."""

    flag: bool
    when: pendulum.Date | None = attrs.field(default=None, converter=model._optional_date_converter)
    many: tuple[PartialDate | None, ...] = ()
    tag: str = attrs.field(default="x", validator=attrs.validators.max_len(3))
    code: str | None = attrs.field(default="a", validator=model._identifier)
    late: int = attrs.field(kw_only=True)


def _generated(namespace: Any, cls: type) -> Any:
    namespace.function(cls)
    return namespace.compile()[cls]


def test_generated_code_for_other_field_shapes() -> None:
    load = _generated(_Loaders(surrogates=True), _Odd)
    data = {"flag": True, "when": "2024-02-29", "many": ["2024", None], "tag": "ab", "late": 1}
    odd = load(dict(data), [0], set(), {})
    assert odd == _Odd(
        flag=True,
        when=pendulum.Date(2024, 2, 29),
        many=(PartialDate(2024), None),
        tag="ab",
        late=1,
    )
    for bad in ({"flag": 1}, {"tag": "abcd"}, {"code": None}, {"many": ["2024-13"]}):
        with pytest.raises(Exception):  # noqa: B017 - the fast path gives up on anything
            load({**data, **bad}, [0], set(), {})
    for for_json in (True, False):
        dump = _generated(_Dumpers(for_json=for_json), _Odd)
        assert dump(odd) == {
            "flag": True,
            "when": "2024-02-29",
            "many": ["2024", None],
            "tag": "ab",
            "late": 1,
        }


@attrs.frozen(slots=True)
class _Union:
    value: int | str


@attrs.frozen(slots=True)
class _Float:
    value: float


@attrs.frozen(slots=True)
class _Converted:
    value: int = attrs.field(converter=int)


@attrs.frozen(slots=True)
class _Factory:
    value: tuple[str, ...] = attrs.field(factory=tuple)


@attrs.frozen(slots=True)
class _BadDefault:
    value: str = attrs.field(default="", validator=model._text)


@attrs.frozen(slots=True)
class _PreInit:
    value: str

    def __attrs_pre_init__(self) -> None:
        pass


@attrs.frozen(slots=True, cache_hash=True)
class _CachedHash:
    value: str


@attrs.frozen(slots=False)
class _NotSlotted:
    value: str


@pytest.mark.parametrize(
    ("cls", "namespaces"),
    [
        (_Union, "both"),
        (_Float, "both"),
        (_Converted, "load"),
        (_Factory, "both"),
        (_BadDefault, "load"),
        (_PreInit, "load"),
        (_CachedHash, "load"),
        (_NotSlotted, "load"),
        (int, "both"),
    ],
)
def test_the_generator_refuses_what_it_does_not_know(cls: type, namespaces: str) -> None:
    makers = [lambda: _Loaders(surrogates=False)]
    if namespaces == "both":
        makers.append(lambda: _Dumpers(for_json=True))
    for make in makers:
        with pytest.raises(_Unsupported):
            make().function(cls)


def test_a_failing_dumper_leaves_the_error_to_the_converter() -> None:
    class Broken(PartialDate):
        def __str__(self) -> str:
            raise RuntimeError("no text")

    statement = Statement(
        id="s", speaker="x", role="r", said_on=Broken(2024), text="t", kind=StatementKind.QUOTE
    )
    with pytest.raises(RuntimeError, match="no text"):
        to_dict(statement)
    with pytest.raises(RuntimeError, match="no text"):
        to_json(statement)


def test_text_orjson_cannot_write_is_a_data_error() -> None:
    place = Place(name="bad \ud800", country="KZ", timezone="Asia/Almaty")
    with pytest.raises(DataError, match="cannot encode as JSON"):
        to_json(place)


def test_subclasses_take_the_constructors_path() -> None:
    class Text(str):
        pass

    class Day(PartialDate):
        pass

    assert PartialDate.parse(Text("2024-02~")) == PartialDate.parse("2024-02~")
    assert type(Day.parse("2024")) is Day
    assert str(Day.parse("2024-02-29%")) == "2024-02-29%"

    class Numbers(tuple):  # type: ignore[type-arg]
        pass

    statement = Statement(
        id="s",
        speaker="x",
        role="r",
        said_on=Day(2024),
        text="t",
        kind=StatementKind.QUOTE,
        stages=Numbers((1, 2)),
    )
    assert statement.stages == (1, 2)
    assert to_dict(statement)["said_on"] == "2024"
