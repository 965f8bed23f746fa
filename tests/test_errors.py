"""The error types: hierarchy, data they carry, pickling."""

from __future__ import annotations

import pickle

import pytest

from csto_program import CstoProgramError, DataError, ScheduleError


def test_hierarchy() -> None:
    assert issubclass(DataError, CstoProgramError) and issubclass(DataError, ValueError)
    assert issubclass(ScheduleError, CstoProgramError) and issubclass(ScheduleError, ValueError)


def test_data_error_lists_every_problem() -> None:
    err = DataError([("$.a", "one"), ("$.b[0]", "two")])
    assert str(err) == "2 problems:\n  $.a: one\n  $.b[0]: two"
    assert pickle.loads(pickle.dumps(err)).problems == err.problems
    assert err.prefixed("line 3: $").problems == (("line 3: $.a", "one"), ("line 3: $.b[0]", "two"))


def test_data_error_needs_a_problem() -> None:
    with pytest.raises(ValueError, match="at least one problem"):
        DataError([])


def test_schedule_error_carries_a_path() -> None:
    assert ScheduleError("bad").problems == (("$", "bad"),)
    assert ScheduleError("bad", path="$.end").problems == (("$.end", "bad"),)
    assert ScheduleError("x", problems=[("$.a", "y")]).problems == (("$.a", "y"),)
