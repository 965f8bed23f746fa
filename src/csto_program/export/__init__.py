"""Exchange formats for analysts: calendars, reports, charts and corpora.

* ``ics``: :func:`to_ical`, an iCalendar (RFC 5545) feed written with the ``icalendar`` package;
* ``jsonl``: the program's statements, one :func:`~csto_program.to_json` per line
  (:func:`~csto_program.write_jsonl`);
* ``markdown``: :func:`to_markdown`, a status report (CommonMark with GitHub tables);
* ``mermaid``: :func:`to_mermaid`, a Mermaid ``gantt`` chart;
* ``png`` and ``svg``: :func:`plot_timeline`, a timeline chart drawn with matplotlib (the
  optional extra ``csto-program[plot]``).

:func:`render` gives any of them as bytes. Importing this package imports neither
``icalendar`` nor ``matplotlib``: each is imported when its format is first produced.

>>> import datetime
>>> from csto_program import Program, plan_stages
>>> program = Program(id="demo", title="Demo", adopted_on=datetime.date(2024, 11, 28),
...                   starts_on=datetime.date(2025, 1, 1),
...                   stages=plan_stages(datetime.date(2025, 1, 1)))
>>> as_of = datetime.date(2026, 1, 29)
>>> stamp = datetime.datetime(2026, 1, 29, 12, tzinfo=datetime.UTC)
>>> {fmt: len(render(program, fmt, as_of=as_of, stamp=stamp)) > 0 for fmt in FORMATS}
{'ics': True, 'jsonl': False, 'markdown': True, 'mermaid': True, 'png': True, 'svg': True}
"""

from __future__ import annotations

import datetime
import io
from typing import Final

from csto_program.dates import as_date
from csto_program.export.ical import meeting_days, meeting_uid, stage_uid, to_ical
from csto_program.export.markdown import escape_markdown, to_markdown
from csto_program.export.mermaid import escape_mermaid, to_mermaid
from csto_program.export.plot import PLOT_FORMATS, plot_bytes, plot_timeline
from csto_program.jsonl import write_jsonl
from csto_program.model import Program

__all__ = [
    "FORMATS",
    "PLOT_FORMATS",
    "escape_markdown",
    "escape_mermaid",
    "meeting_days",
    "meeting_uid",
    "plot_bytes",
    "plot_timeline",
    "render",
    "stage_uid",
    "to_ical",
    "to_markdown",
    "to_mermaid",
]

FORMATS: Final[tuple[str, ...]] = ("ics", "jsonl", "markdown", "mermaid", "png", "svg")
"""The formats :func:`render` produces.

>>> "ics" in FORMATS
True
"""


def _check_stamp(stamp: object) -> datetime.datetime:
    if not isinstance(stamp, datetime.datetime):
        raise TypeError(f"stamp must be a timezone-aware datetime, not {type(stamp).__name__}")
    if stamp.utcoffset() is None:
        raise TypeError("stamp must be a timezone-aware datetime, not a naive one")
    return stamp


def render(
    program: Program, format: str, *, as_of: datetime.date, stamp: datetime.datetime
) -> bytes:
    """``program`` in ``format`` (one of :data:`FORMATS`) as bytes; text formats are UTF-8.

    ``as_of`` is the day the status, report and charts are drawn for; ``stamp`` (a
    timezone-aware datetime) is the calendar's ``DTSTAMP``. Both are checked whatever the
    format, so a bad call fails the same way for every format. ``jsonl`` gives the
    program's statements, one :func:`~csto_program.to_json` per line, in the record's order
    (read them back with ``iter_jsonl(file, Statement)``); a program without statements
    gives empty bytes. An unknown format raises ``ValueError`` naming the known ones.

    >>> import datetime
    >>> from csto_program import Program, plan_stages
    >>> program = Program(id="demo", title="Demo", adopted_on=datetime.date(2024, 11, 28),
    ...                   starts_on=datetime.date(2025, 1, 1),
    ...                   stages=plan_stages(datetime.date(2025, 1, 1)))
    >>> stamp = datetime.datetime(2026, 1, 29, tzinfo=datetime.UTC)
    >>> render(program, "mermaid", as_of=datetime.date(2026, 1, 29), stamp=stamp)[:5]
    b'gantt'
    >>> render(program, "pdf", as_of=datetime.date(2026, 1, 29), stamp=stamp)
    Traceback (most recent call last):
    ...
    ValueError: unknown format 'pdf'; expected one of: ics, jsonl, markdown, mermaid, png, svg
    """
    if not isinstance(program, Program):
        raise TypeError(f"program must be a Program, not {type(program).__name__}")
    if not isinstance(format, str):
        raise TypeError(f"format must be a str, not {type(format).__name__}")
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; expected one of: {', '.join(FORMATS)}")
    as_of = as_date(as_of, "as_of")
    stamp = _check_stamp(stamp)
    if format == "ics":
        return to_ical(program, stamp=stamp)
    if format == "jsonl":
        buffer = io.BytesIO()
        write_jsonl(program.statements, buffer)
        return buffer.getvalue()
    if format == "markdown":
        return to_markdown(program, as_of=as_of).encode("utf-8")
    if format == "mermaid":
        return to_mermaid(program, as_of=as_of).encode("utf-8")
    return plot_bytes(program, format, as_of=as_of)
