"""Public hypothesis strategies for property-testing code built on csto_program; requires
hypothesis.

Every value a strategy draws for a field passes that field's declared constraint (its
:class:`~csto_program._spec.Spec`): ids, URLs and language tags are checked with
``Spec.accepts``, and :func:`field_values` draws for any plain field from its spec alone.
Records are built through their constructors, so whatever they check holds. Single values
(days, partial dates, intervals, ids, texts) are drawn in ``strategies._values``, records and
whole programs in ``strategies._records``; every public name is importable from here.

>>> import pendulum
>>> from hypothesis import given
>>> from csto_program.dates import PartialDate
>>> @given(iso_dates(), partial_dates())
... def test_types(day, partial):
...     assert type(day) is pendulum.Date and isinstance(partial, PartialDate)
>>> test_types()
"""

from __future__ import annotations

from csto_program.strategies._records import (
    meetings,
    places,
    plans,
    programs,
    progress_reports,
    stages,
    statements,
)
from csto_program.strategies._values import (
    any_partial_dates,
    field_values,
    ids,
    intervals,
    iso_dates,
    local_names,
    original_wordings,
    partial_dates,
    texts,
)

__all__ = [
    "any_partial_dates",
    "field_values",
    "ids",
    "intervals",
    "iso_dates",
    "local_names",
    "meetings",
    "original_wordings",
    "partial_dates",
    "places",
    "plans",
    "programs",
    "progress_reports",
    "stages",
    "statements",
    "texts",
]
