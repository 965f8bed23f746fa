"""JSON Lines: round trips, line-numbered errors, streaming, file kinds; checked with ``json``."""

from __future__ import annotations

import datetime
import errno
import gzip
import io
import json
import pathlib
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csto_program import (
    DataError,
    PartialDate,
    Place,
    Plan,
    Program,
    Statement,
    StatementKind,
    iter_jsonl,
    plan_stages,
    to_dict,
    to_json,
    write_jsonl,
)
from csto_program._files import FileError
from csto_program.strategies import programs, statements
from support import whole_program_settings


def _statement(number: int, said_on: str = "2026-01-29") -> Statement:
    return Statement(
        id=f"s{number}",
        speaker="masadykov",
        role="CSTO Secretary-General",
        said_on=PartialDate.parse(said_on),
        text=f"Statement number {number}\nwith a newline, a \u2028 separator and a | pipe.",
        kind=StatementKind.PARAPHRASE,
        stages=(1,),
    )


def _check_lines(data: bytes, items: list[Any]) -> None:
    """Every line is one JSON object (parsed by the standard library) for one item."""
    assert data.endswith(b"\n") or not items
    lines = data.split(b"\n")[:-1] if items else []
    assert len(lines) == len(items)
    for line, item in zip(lines, items, strict=True):
        assert b"\r" not in line
        value = json.loads(line.decode("utf-8"))
        assert isinstance(value, dict)
        assert value == to_dict(item)


@given(st.lists(statements(), max_size=5))
def test_statements_round_trip_binary_and_text(items: list[Statement]) -> None:
    binary = io.BytesIO()
    assert write_jsonl(items, binary) == len(items)
    _check_lines(binary.getvalue(), items)
    binary.seek(0)
    assert list(iter_jsonl(binary, Statement)) == items

    text = io.StringIO()
    assert write_jsonl(iter(items), text) == len(items)  # any iterable, a generator too
    assert text.getvalue().encode("utf-8") == binary.getvalue()
    text.seek(0)
    assert list(iter_jsonl(text, Statement)) == items


@whole_program_settings
@given(st.lists(programs(max_items=1), max_size=3))
def test_programs_round_trip_through_a_path(items: list[Program]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "corpus.jsonl"
        assert write_jsonl(items, path) == len(items)
        _check_lines(path.read_bytes(), items)
        assert list(iter_jsonl(path, Program)) == items
        assert list(iter_jsonl(str(path), Program)) == items


def test_each_line_is_to_json() -> None:
    items = [_statement(1), _statement(2)]
    out = io.StringIO()
    write_jsonl(items, out)
    assert out.getvalue().split("\n") == [*(to_json(item) for item in items), ""]
    # U+2028 is written raw (as orjson does) and stays inside its line: split on "\n" only,
    # never with str.splitlines(), which would cut the line there.
    assert len(out.getvalue().splitlines()) == 4


def test_gzip_corpus() -> None:
    items = [_statement(n) for n in range(20)]
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "corpus.jsonl.gz"
        with gzip.open(path, "wb") as binary:
            write_jsonl(items, binary)
        with gzip.open(path, "rt", encoding="utf-8") as text:
            assert list(iter_jsonl(text, Statement)) == items


def _bad_file() -> io.StringIO:
    good = to_json(_statement(1))
    bad = json.loads(to_json(_statement(3)))
    bad["said_on"] = "2026-02-30"
    bad["kind"] = "rumour"
    return io.StringIO(f"{good}\n\n{json.dumps(bad)}\n{good}\n")


def test_bad_line_is_reported_with_its_line_number_after_the_good_ones() -> None:
    found = []
    with pytest.raises(DataError) as info:
        for item in iter_jsonl(_bad_file(), Statement):
            found.append(item)
    assert found == [_statement(1)]
    paths = [path for path, _ in info.value.problems]
    assert paths == ["line 3: $.said_on", "line 3: $.kind"]
    assert "2026-02-30" in info.value.problems[0][1]
    assert str(info.value).startswith("2 problems:\n  line 3: $.said_on: ")


@pytest.mark.parametrize(
    ("line", "path", "message"),
    [
        (b"{", "line 2: $", "invalid JSON"),
        (b"[1, 2]", "line 2: $", "expected an object, got an array"),
        (b'{"id": "x", "id": "y"}', "line 2: $", "duplicate key 'id'"),
        (b"\xff\xfe{}", "line 2: $", "UTF-16"),
        (b"\xc3\x28{}", "line 2: $", "invalid JSON"),
        (b"\xef\xbb\xbf[]", "line 2: $", "expected an object, got an array"),
        (b'{"id": ' + b"9" * 5000 + b"}", "line 2: $", "invalid JSON"),
        (b"null", "line 2: $", "expected an object, got null"),
    ],
)
def test_broken_lines(line: bytes, path: str, message: str) -> None:
    data = to_json(_statement(1)).encode() + b"\n" + line + b"\n"
    with pytest.raises(DataError) as info:
        list(iter_jsonl(io.BytesIO(data), Statement))
    ((where, found),) = info.value.problems
    assert where == path
    assert message in found


def test_bad_utf8_in_a_file_is_a_numbered_data_error(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(to_json(_statement(1)).encode() + b"\n\n\n\xc3\x28\n")
    with pytest.raises(DataError) as info:
        list(iter_jsonl(path, Statement))
    assert info.value.problems[0][0] == "line 4: $"


def test_blank_lines_crlf_and_a_missing_final_newline() -> None:
    one, two = to_json(_statement(1)), to_json(_statement(2))
    text = f"\n  \t\n{one}\r\n\r\n{two}"
    assert list(iter_jsonl(io.StringIO(text, newline=""), Statement)) == [
        _statement(1),
        _statement(2),
    ]
    assert list(iter_jsonl(io.BytesIO(text.encode()), Statement)) == [_statement(1), _statement(2)]
    assert list(iter_jsonl(io.StringIO(""), Statement)) == []
    # A line of non-JSON whitespace is not blank: it is a bad line.
    with pytest.raises(DataError) as info:
        list(iter_jsonl(io.StringIO(f"{one}\n\u00a0\n"), Statement))
    assert info.value.problems[0][0] == "line 2: $"


def test_reading_is_lazy_and_line_by_line() -> None:
    items = [_statement(n) for n in range(3)]
    buffer = io.StringIO()
    write_jsonl(items, buffer)
    buffer.seek(0)
    reader = iter_jsonl(buffer, Statement)
    assert buffer.tell() == 0  # nothing read before the first item is asked for
    assert next(reader) == items[0]
    assert buffer.tell() == len(to_json(items[0])) + 1  # exactly one line read
    assert list(reader) == items[1:]


def test_writing_consumes_items_one_at_a_time() -> None:
    out = io.StringIO()

    def produce() -> Iterator[Statement]:
        yield _statement(1)
        assert out.getvalue().count("\n") == 1  # the first line is out already
        yield _statement(2)

    assert write_jsonl(produce(), out) == 2


def test_a_path_is_opened_lazily_and_closed(tmp_path: pathlib.Path) -> None:
    missing = tmp_path / "missing.jsonl"
    reader = iter_jsonl(missing, Statement)  # no error yet: nothing opened
    with pytest.raises(FileError) as info:
        next(reader)
    assert isinstance(info.value, OSError) and info.value.errno == errno.ENOENT
    assert info.value.path == str(missing)
    path = tmp_path / "corpus.jsonl"
    write_jsonl([_statement(1)], path)
    assert list(iter_jsonl(path, Statement)) == [_statement(1)]
    write_jsonl([], path)  # overwrites
    assert path.read_bytes() == b""


class _Sink:
    """A file-like object that is not an io class, with a ``mode``."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.parts: list[Any] = []

    def write(self, data: Any) -> int:
        self.parts.append(data)
        return len(data)


def test_other_file_objects_by_mode() -> None:
    binary, text = _Sink("wb"), _Sink("w")
    write_jsonl([_statement(1)], binary)
    write_jsonl([_statement(1)], text)
    assert binary.parts == [to_json(_statement(1)).encode() + b"\n"]
    assert text.parts == [to_json(_statement(1)) + "\n"]


def test_wrong_arguments_are_type_errors() -> None:
    place = Place(name="Astana", country="KZ", timezone="Asia/Almaty")
    with pytest.raises(TypeError, match="one class"):
        write_jsonl([_statement(1), place], io.StringIO())
    with pytest.raises(TypeError, match="item 1 is a dict"):
        write_jsonl([_statement(1), {"id": "x"}], io.StringIO())
    with pytest.raises(TypeError, match="iterable"):
        write_jsonl("abc", io.StringIO())
    with pytest.raises(TypeError, match="iterable"):
        write_jsonl(42, io.StringIO())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not bytes"):
        write_jsonl([], b"corpus.jsonl")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="write"):
        write_jsonl([], 3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="wrap other"):
        write_jsonl([], type("Writer", (), {"write": lambda self, data: 0})())
    with pytest.raises(TypeError, match="model classes"):
        iter_jsonl(io.StringIO(), dict)
    with pytest.raises(TypeError, match="readline"):
        iter_jsonl(object(), Statement)  # type: ignore[arg-type]


def test_a_program_corpus_reads_programs_only() -> None:
    plan = Plan(
        id="plan",
        announced_on="2024-12-04",
        starts_on=datetime.date(2025, 1, 1),
        stages=plan_stages(datetime.date(2025, 1, 1)),
    )
    program = Program(id="demo", title="Demo", adopted_on="2024-11-28", plans=(plan,))
    out = io.BytesIO()
    write_jsonl([program, program], out)
    out.seek(0)
    with pytest.raises(DataError) as info:
        list(iter_jsonl(out, Statement))
    assert all(path.startswith("line 1: $") for path, _ in info.value.problems)
