"""The error types: hierarchy, the problems they carry (at most 100), their text, pickling,
and short_repr, which keeps every message short whatever the value."""

from __future__ import annotations

import itertools
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csto_program import CstoProgramError, DataError, ScheduleError
from csto_program.errors import MAX_PROBLEMS, short_repr


def test_hierarchy() -> None:
    assert issubclass(DataError, CstoProgramError) and issubclass(DataError, ValueError)
    assert issubclass(ScheduleError, DataError)  # one except DataError catches every bad plan
    assert MAX_PROBLEMS == 100


def test_data_error_lists_every_problem() -> None:
    err = DataError([("$.a", "one"), ("$.b[0]", "two")])
    assert str(err) == "2 problems:\n  $.a: one\n  $.b[0]: two"
    assert err.problems == (("$.a", "one"), ("$.b[0]", "two")) and err.more == 0
    assert err.prefixed("line 3: $").problems == (("line 3: $.a", "one"), ("line 3: $.b[0]", "two"))
    assert str(DataError.at("$", "bad")) == "1 problem:\n  $: bad"


def test_data_error_needs_a_problem() -> None:
    with pytest.raises(ValueError, match="at least one problem"):
        DataError([])
    with pytest.raises(ValueError, match="at least one problem"):
        DataError(iter(()))


@pytest.mark.parametrize("count", [99, 100, 101, 1000, 100_000])
def test_at_most_100_problems_are_kept(count: int) -> None:
    err = DataError((f"$[{i}]", "expected a string") for i in range(count))
    assert len(err.problems) == min(count, MAX_PROBLEMS)
    assert err.more == max(0, count - MAX_PROBLEMS)
    assert err.problems[-1][0] == f"$[{min(count, MAX_PROBLEMS) - 1}]"
    lines = str(err).splitlines()
    assert lines[0] == f"{count} problems:"
    if count > MAX_PROBLEMS:
        assert lines[-1] == f"  and {count - MAX_PROBLEMS} more"
        assert len(lines) == MAX_PROBLEMS + 2
    prefixed = err.prefixed("line 7: $")
    assert (len(prefixed.problems), prefixed.more) == (len(err.problems), err.more)
    again = DataError(err.problems, more=err.more + 5)
    assert again.more == err.more + 5


def test_problems_are_consumed_lazily() -> None:
    endless = ((f"$[{i}]", "x") for i in itertools.count())
    limited = itertools.islice(endless, 1_000_000)
    err = DataError(limited)  # kept: 100; counted: the rest, never held in memory
    assert (len(err.problems), err.more) == (100, 999_900)


@pytest.mark.parametrize(
    "err",
    [
        DataError([("$.a", "one")], more=3),
        ScheduleError("bad", path="$.end"),
        ScheduleError([("$.a", "x"), ("$.b", "y")]),
        DataError((f"$[{i}]", "x") for i in range(150)),
    ],
)
def test_errors_pickle_with_their_type_and_problems(err: DataError) -> None:
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is type(err)
    assert (back.problems, back.more, str(back)) == (err.problems, err.more, str(err))


def test_schedule_error_carries_a_path_and_reads_as_a_data_error() -> None:
    assert ScheduleError("bad").problems == (("$", "bad"),)
    assert ScheduleError("bad", path="$.end").problems == (("$.end", "bad"),)
    assert ScheduleError([("$.a", "y")]).problems == (("$.a", "y"),)
    assert str(ScheduleError("bad", path="$.end")) == "1 problem:\n  $.end: bad"
    with pytest.raises(DataError):
        raise ScheduleError("caught as a DataError")


def test_short_repr_of_huge_integers() -> None:
    assert short_repr(10**4000) == "an integer of 4001 digits"
    assert short_repr(10**5000) == "an integer of about 5001 digits"  # str() would refuse
    assert short_repr(2**199) == repr(2**199)  # up to 200 bits, the number itself
    assert short_repr(True) == "True"


def test_short_repr_of_a_huge_negative_integer() -> None:
    assert short_repr(-(10**4000)) == "an integer of 4001 digits"


class _NoRepr:
    def __repr__(self) -> str:
        raise ValueError("no repr")


class _Big(int):
    pass


_ANY = st.one_of(
    st.text(max_size=500),
    st.binary(max_size=300),
    st.integers(),
    st.integers(min_value=10**300, max_value=10**400),
    st.floats(),
    st.lists(st.text(max_size=50), max_size=30),
    st.dictionaries(st.text(max_size=10), st.integers(), max_size=20),
    st.sampled_from([_Big(10**5000), None, ..., _NoRepr()]),
)


@given(_ANY, st.integers(12, 100))
def test_short_repr_is_short_for_any_value(value: Any, width: int) -> None:
    text = short_repr(value, width)
    assert isinstance(text, str) and text
    assert len(text) <= max(width, len("an integer of about 10000 digits"))
    if isinstance(value, str) and len(repr(value)) <= width:
        assert text == repr(value)
