"""The fast path agrees with the detailed path: same objects, same dicts, same JSON; it gives
up on anything unusual, and only with its own GiveUp (a bug propagates). Whether it ever
accepts what the detailed path refuses is the fuzzer's question (tests/test_serialize.py)."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import attrs
import orjson
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csto_program import (
    DataError,
    PartialDate,
    Place,
    Program,
    Progress,
    ScheduleError,
    Stage,
    Statement,
    StatementKind,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from csto_program._spec import Kind, field
from csto_program.dates import (
    EDTF_PATTERN,
    ISO_DATE_PATTERN,
    add_days,
    add_months,
    iso_date_or_none,
    parse_iso_date,
    partial_date_or_none,
)
from csto_program.model import _references_resolve, program_problems
from csto_program.serialize import MODEL_CLASSES, _fast, set_fast_path, to_json_bytes
from csto_program.serialize._api import _from_json_fast, _program_document, _structure
from csto_program.serialize._fast import (
    GiveUp,
    _Dumpers,
    _Loaders,
    _Unsupported,
    dump,
    fast_path_enabled,
    generated,
    load,
)
from csto_program.serialize._hooks import converter
from csto_program.serialize._json_text import most_keys
from csto_program.strategies import iso_dates, partial_dates, programs
from support import whole_program_settings


def _detailed(data: Any, cls: type) -> Any:
    """The detailed path alone: the cattrs converter and the constructors."""
    return _structure(data, cls, None)


def _fast_only(data: Any, cls: type, kind: str = "load_dict") -> Any:
    if cls is Program:
        try:
            data, _ = _program_document(data)
        except DataError:
            return None
    found = load(data, cls, kind)
    return None if found is None else found[0]


def test_every_model_class_has_a_fast_path() -> None:
    for kind in ("load", "load_dict", "json", "dict"):
        assert set(generated(kind)) == set(MODEL_CLASSES)


@whole_program_settings
@given(programs())
def test_fast_and_detailed_paths_build_equal_programs(program: Program) -> None:
    data = to_dict(program)
    assert _fast_only(copy.deepcopy(data), Program) == program
    assert _detailed(copy.deepcopy(data), Program) == program
    assert _fast_only(orjson.loads(to_json(program)), Program, "load") == program
    found = load(_program_document(orjson.loads(to_json(program)))[0], Program, "load")
    assert found is not None
    assert found[1] + 1 <= most_keys(to_json(program))  # every key, schema_version too


@whole_program_settings
@given(programs(max_items=3))
def test_dumpers_match_the_converter(program: Program) -> None:
    records = (
        program,
        *program.plans,
        *program.stages,
        *program.reports,
        *program.meetings,
        *program.statements,
        *program.sources,
        *program.notes,
    )
    for obj in records:
        expected = converter().unstructure(obj)
        assert generated("dict")[type(obj)](obj) == expected
        assert type(generated("dict")[type(obj)](obj)) is dict
        assert orjson.dumps(generated("json")[type(obj)](obj)) == orjson.dumps(expected)
    assert to_json_bytes(program).decode() == to_json(program)
    assert to_json_bytes(program, indent=True).decode() == to_json(program, indent=True)


def test_set_fast_path() -> None:
    place = Place(name="Astana", country="KZ", timezone="Asia/Almaty")
    try:
        set_fast_path(False)
        assert not fast_path_enabled()
        assert dump(place, "dict") is None and load(to_dict(place), Place, "load_dict") is None
        assert from_json(to_json(place), Place) == place  # the same, the slow way
    finally:
        set_fast_path(True)
    assert fast_path_enabled()
    assert load(to_dict(place), Place, "load_dict") == (place, 3)


def test_str_subclasses_dict_subclasses_and_surrogates_go_to_the_detailed_path() -> None:
    class Text(str):
        pass

    class Doc(dict):  # type: ignore[type-arg]
        pass

    doc: dict[str, Any] = {"name": Text("Astana"), "country": "KZ", "timezone": "Asia/Almaty"}
    assert _fast_only(doc, Place) is None
    with pytest.raises(DataError, match="expected a string"):
        from_dict(doc, Place)
    plain = {"name": "Astana", "country": "KZ", "timezone": "Asia/Almaty"}
    assert _fast_only(Doc(plain), Place) is None
    assert from_dict(Doc(plain), Place) == from_dict(plain, Place)
    doc = {"name": "bad \ud800", "country": "KZ", "timezone": "Asia/Almaty"}
    assert _fast_only(doc, Place) is None
    with pytest.raises(DataError, match="lone surrogate"):
        from_dict(doc, Place)


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
            from_json(given_text, Place)


@pytest.mark.parametrize(
    "text",
    [
        '{"name": "Astana", "country": "KZ", "timezone": "Asia/Almaty"}',
        '{"name":"\\":\\" \\" :","country":"KZ","timezone":"Asia/Almaty"}',
        '{"name":":)","country":"KZ","timezone":"Asia/Almaty"}',
        '{ "name" : "A" ,\t"country"\r\n:"KZ", "timezone":"Asia/Almaty" }',
    ],
)
def test_text_without_duplicates_loads_whatever_its_layout(text: str) -> None:
    for given_text in (text, text.encode()):
        assert from_json(given_text, Place) == from_dict(json.loads(text), Place)


def test_key_count_is_an_upper_bound() -> None:
    text = '{"a": {"b" :1, "c":":x"}, "d": "\\":"}'
    assert most_keys(text) >= 4
    assert most_keys(text.encode()) == most_keys(text)


def test_big_integers_and_other_orjson_refusals_take_the_detailed_path() -> None:
    place = '{"name":"A","country":"KZ","timezone":"Asia/Almaty"}'
    assert _from_json_fast(place, Place) is not None
    stage = '{"number":123456789012345678901,"name":"S","start":"2025-01-01","end":"2026-01-01"}'
    assert _from_json_fast(stage, Stage) is None  # orjson reads a float
    assert from_json(stage, Stage).number == 123456789012345678901  # the stdlib's int
    bom = b"\xef\xbb\xbf" + place.encode()
    assert from_json(bom, Place).name == "A"


def _unchecked(cls: type, **fields: Any) -> Any:
    """An instance built from its slots, without any check."""
    obj = object.__new__(cls)
    for a in attrs.fields(cls):
        default = a.default if a.default is not attrs.NOTHING else None
        object.__setattr__(obj, a.name, fields.get(a.name, default))
    return obj


_REFERENCES = {
    "statements": ("speaker", "on_behalf_of", "meeting", "sources", "stages"),
    "meetings": ("organizer", "sources"),
    "notes": ("about", "sources"),
    "reports": ("stage", "statement", "sources"),
    "plans": ("sources",),
}


@whole_program_settings
@given(programs(max_items=3), st.data())
def test_quick_reference_check_is_exact(program: Program, data: st.DataObject) -> None:
    assert _references_resolve(program)
    assert not list(program_problems(program))
    ids = [item for item in program.by_id] + ["ghost"]
    numbers = [1, 2, 7]
    fields = {a.name: getattr(program, a.name) for a in attrs.fields(Program)}
    target = data.draw(st.sampled_from([*_REFERENCES, "organization", "dup", "order"]))
    if target == "organization":
        fields["organization"] = data.draw(st.sampled_from(ids))
    elif target == "dup" and program.people:
        fields["people"] = (*program.people, program.people[0])
    elif target == "order" and len(program.plans) > 1:
        fields["plans"] = tuple(reversed(program.plans))
    elif target in _REFERENCES and fields[target]:
        items = list(fields[target])
        index = data.draw(st.integers(0, len(items) - 1))
        name = data.draw(st.sampled_from(_REFERENCES[target]))
        pool = numbers if name in ("stage", "stages") else ids
        value = getattr(items[index], name)
        if isinstance(value, tuple):
            changed: Any = (*value, data.draw(st.sampled_from(pool)))
        else:
            changed = data.draw(st.sampled_from(pool))
        items[index] = _unchecked(
            type(items[index]), **{**attrs.asdict(items[index], recurse=False), name: changed}
        )
        fields[target] = tuple(items)
    broken = _unchecked(Program, **fields)
    problems = list(program_problems(broken))
    plans_in_order = all(
        a.announced_on.latest <= b.announced_on.latest
        for a, b in zip(broken.plans, broken.plans[1:], strict=False)
    )
    assert (_references_resolve(broken) and plans_in_order) == (not problems)


@given(
    st.one_of(
        partial_dates().map(str),
        st.text(max_size=12),
        st.from_regex(f"\\A{EDTF_PATTERN}\\Z", fullmatch=True),
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
        st.dates().map(str),
        st.text(max_size=12),
        st.from_regex(f"\\A{ISO_DATE_PATTERN}\\Z", fullmatch=True),
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
    for ours, unit, amount in ((add_months, "months", months), (add_days, "days", days)):
        try:
            expected = day.add(**{unit: amount})
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

    count: int = field(Kind.INT, "A count.", minimum=2)
    days: tuple[pendulum.Date, ...] = field(Kind.DATE, "Days.", many=True)
    kinds: tuple[Progress, ...] = field(Kind.ENUM, "Kinds.", type=Progress, many=True, unique=True)
    links: tuple[str, ...] = field(Kind.URL, "Links.", many=True)
    when: pendulum.Date | None = field(Kind.DATE, "A day.", optional=True)
    code: str = field(Kind.COUNTRY, "A country.", default="KZ")

    def __attrs_post_init__(self) -> None:
        if self.count == 13:
            raise RuntimeError("a bug in a post-init")
        if self.count == 12:
            raise DataError.at("$.count", "not twelve")


def _generated(namespace: Any, cls: type) -> Any:
    namespace.function(cls)
    return namespace.compile()[cls]


def test_generated_code_for_other_field_shapes() -> None:
    load_odd = _generated(_Loaders(surrogates=True), _Odd)
    data = {
        "count": 2,
        "days": ["2024-02-29"],
        "kinds": ["completed", "cancelled"],
        "links": ["https://example.org/a"],
        "when": "2024-03-01",
    }
    keys = [0]
    odd = load_odd(dict(data), keys, set(), {})
    assert keys == [5]
    assert odd == _Odd(
        count=2,
        days=(pendulum.Date(2024, 2, 29),),
        kinds=(Progress.COMPLETED, Progress.CANCELLED),
        links=("https://example.org/a",),
        when=pendulum.Date(2024, 3, 1),
    )
    for bad in (
        {"count": 1},
        {"count": True},
        {"days": ["2024-02-30"]},
        {"kinds": ["completed", "completed"]},
        {"links": ["ftp://x"]},
        {"code": "XX"},
        {"count": 12},  # a data problem in the post-init: the detailed path will say it
        {"extra": 1},
    ):
        with pytest.raises(GiveUp):
            load_odd({**data, **bad}, [0], set(), {})
    with pytest.raises(RuntimeError, match="a bug"):  # a bug is not a GiveUp
        load_odd({**data, "count": 13}, [0], set(), {})
    for for_json in (True, False):
        dump_odd = _generated(_Dumpers(for_json=for_json), _Odd)
        written = dump_odd(odd)
        assert orjson.loads(orjson.dumps(written)) == {
            "count": 2,
            "days": ["2024-02-29"],
            "kinds": ["completed", "cancelled"],
            "links": ["https://example.org/a"],
            "when": "2024-03-01",
        }


@attrs.frozen(slots=True)
class _OptionalMany:
    links: tuple[str, ...] | None = field(Kind.URL, "Links.", many=True, optional=True)


@pytest.mark.parametrize("for_json", [True, False])
def test_an_optional_many_field_holding_none(for_json: bool) -> None:
    found = _generated(_Loaders(surrogates=True), _OptionalMany)({"links": None}, [0], set(), {})
    assert found == _OptionalMany(links=None)
    assert _generated(_Dumpers(for_json=for_json), _OptionalMany)(found) == {"links": None}
    assert _generated(_Dumpers(for_json=for_json), _OptionalMany)(_OptionalMany()) == {}


@attrs.frozen(slots=True)
class _Plain:
    value: int


@attrs.frozen(slots=True)
class _Factory:
    value: tuple[str, ...] = attrs.field(
        factory=tuple, metadata={"spec": attrs.fields(Statement).topics.metadata["spec"]}
    )


@attrs.frozen(slots=True)
class _BadDefault:
    value: str = field(Kind.TEXT, "Text.", default="")


@attrs.frozen(slots=True)
class _PreInit:
    value: str = field(Kind.STR, "Text.")

    def __attrs_pre_init__(self) -> None:
        pass


@attrs.frozen(slots=True, cache_hash=True)
class _CachedHash:
    value: str = field(Kind.STR, "Text.")


@attrs.frozen(slots=False)
class _NotSlotted:
    value: str = field(Kind.STR, "Text.")


@pytest.mark.parametrize(
    ("cls", "namespaces"),
    [
        (_Plain, "both"),
        (_Factory, "load"),
        (_BadDefault, "load"),
        (_PreInit, "load"),
        (_CachedHash, "load"),
        (_NotSlotted, "load"),
        (int, "both"),
    ],
)
def test_the_generator_refuses_what_it_does_not_know(cls: type, namespaces: str) -> None:
    makers: list[Any] = [lambda: _Loaders(surrogates=False)]
    if namespaces == "both":
        makers.append(lambda: _Dumpers(for_json=True))
    for make in makers:
        with pytest.raises(_Unsupported):
            make().function(cls)


def test_a_failing_dumper_propagates_its_error() -> None:
    class Broken(PartialDate):
        def __str__(self) -> str:
            raise RuntimeError("no text")

    statement = Statement(
        id="s", speaker="x", role="r", said_on=Broken(2024), text="t", kind=StatementKind.QUOTE
    )
    try:
        for fast in (True, False):
            set_fast_path(fast)
            with pytest.raises(RuntimeError, match="no text"):
                to_dict(statement)
            with pytest.raises(RuntimeError, match="no text"):
                to_json(statement)
    finally:
        set_fast_path(True)


def test_text_orjson_cannot_write_is_a_data_error() -> None:
    place = _unchecked(Place, name="bad \ud800", country="KZ", timezone="Asia/Almaty")
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
    statement = Statement(
        id="s", speaker="x", role="r", said_on=Day(2024), text="t", kind=StatementKind.QUOTE
    )
    assert to_dict(statement)["said_on"] == "2024"

    class Numbers(tuple):  # type: ignore[type-arg]
        pass

    with pytest.raises(TypeError):  # a tuple or a list, exactly
        Statement(
            id="s",
            speaker="x",
            role="r",
            said_on="2024",
            text="t",
            kind="quote",
            stages=Numbers((1, 2)),
        )


def test_generated_code_is_made_on_first_use_of_its_kind() -> None:
    # Importing the library generates nothing. Loading a Place from a dict generates the
    # loaders of Place and of the records inside it (its names), nothing else; loading from
    # JSON text takes every loader of that kind from the generated module, compiling none.
    import subprocess
    import sys

    code = (
        "import csto_program\n"
        "from csto_program.serialize import _fast\n"
        "assert _fast._GENERATED == {}, _fast._GENERATED\n"
        "from csto_program import Place, from_dict, from_json\n"
        'from_dict({"name": "A", "country": "KZ", "timezone": "UTC"}, Place)\n'
        "print(sorted(c.__name__ for c in _fast._GENERATED['load_dict']))\n"
        "import linecache\n"
        'from_json(\'{"name":"A","country":"KZ","timezone":"UTC"}\', Place)\n'
        "print(len(_fast._GENERATED['load']), 'load', sorted(linecache.cache))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, second = done.stdout.splitlines()
    assert first == "['LocalName', 'Place']"
    assert second.startswith(f"{len(MODEL_CLASSES)} load [")
    assert not re.search("<csto_program generated load_[A-Z]", second)  # none compiled


def test_the_generated_module_is_current() -> None:
    # `make generated` rewrites it from the declarations; an out-of-date copy is never used
    # (see test_an_out_of_date_generated_module_is_not_used), but costs each process 7 ms.
    path = Path(_fast.__file__).with_name("_generated.py")
    current = path.read_text(encoding="utf-8") == _fast.generated_module()
    assert current, f"{path} is out of date: run `make generated`"


def test_an_out_of_date_generated_module_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    from csto_program.serialize import _generated

    current = _generated.SOURCES
    changed = dict(current)
    changed["load_Stage"] = changed["load_Stage"].replace("n = ", "n = 1 + ", 1)
    monkeypatch.setattr(_generated, "SOURCES", changed)
    fresh = _fast._Loaders(surrogates=False)
    fresh.function(Program)
    functions = fresh.compile()
    assert all(
        f.__code__.co_filename.startswith("<csto_program generated") for f in functions.values()
    )
    stage = {"number": 1, "name": "x", "start": "2025-01-01", "end": "2026-01-01"}
    assert functions[Stage](stage, [0], set(), {}) == Stage(**stage)

    monkeypatch.setattr(_generated, "SOURCES", dict(current))
    cached = _fast._Loaders(surrogates=False)
    cached.function(Program)
    assert cached.compile()[Stage].__code__.co_filename == _generated.__file__
