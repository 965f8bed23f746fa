"""Exchange formats for analysts: documents, tables, reports, calendars and charts.

Every format is in one registry, :data:`FORMATS`, which the command line reads too:

* ``json``: the program document itself (:func:`~csto_program.to_json`, indented);
* ``jsonl``: the program's statements, one :func:`~csto_program.to_json` per line;
* ``datapackage``: a folder of CSV tables with a Frictionless ``datapackage.json``
  (:func:`~csto_program.export.datapackage.to_datapackage`);
* ``html``: a one-file report (:func:`~csto_program.export.html.to_html`);
* ``markdown``: a status report (:func:`~csto_program.export.markdown.to_markdown`);
* ``mermaid``: a Mermaid ``gantt`` chart (:func:`~csto_program.export.mermaid.to_mermaid`);
* ``ics``: an iCalendar feed of meetings and deadlines (:func:`~csto_program.export.ical.to_ical`);
* ``png`` and ``svg``: a timeline chart drawn with matplotlib (the extra
  ``csto-program[plot]``; :func:`~csto_program.export.plot.plot_bytes`).

:func:`render` gives any single-file format as bytes and :func:`write` writes any format to
a path, atomically. Each format's module is imported only when it is first produced.

>>> import datetime
>>> from csto_program.datasets import tajik_afghan_border
>>> data = render(tajik_afghan_border(), "mermaid", as_of=datetime.date(2026, 1, 29))
>>> data[:5]
b'gantt'
>>> choose_format(None, "report.html"), choose_format("md", None)
('html', 'markdown')
"""

from __future__ import annotations

import datetime
import importlib
import os
from collections.abc import Callable, Mapping
from pathlib import PurePath
from types import MappingProxyType
from typing import Any, Final

import attrs

from csto_program._files import write_atomic
from csto_program._i18n import using
from csto_program.dates import as_date
from csto_program.errors import FormatError, escape, short_repr
from csto_program.model import Program
from csto_program.words import STALE_AFTER

__all__ = ["FORMATS", "Format", "choose_format", "render", "write"]


@attrs.frozen
class Format:
    """One export format: its name, file suffixes, and how it is made.

    ``make`` is ``"module:function"``; the function takes ``(program, *, as_of, known_on,
    stamp, stale_after)`` and returns bytes, except for a ``directory`` format, whose
    function takes the folder to write as its second argument. A ``record`` format holds the
    record itself rather than a view of it on a day: it is the whole record unless a
    ``known_on`` is given (then the record as known on that day), and it takes no
    ``stale_after``.

    >>> html = FORMATS["html"]
    >>> html.suffixes, html.binary, html.directory
    (('.html', '.htm'), False, False)
    >>> html.function().__name__
    'html_bytes'
    >>> [f.name for f in FORMATS.values() if f.directory]
    ['datapackage']
    >>> [f.name for f in FORMATS.values() if f.record]
    ['json', 'jsonl', 'datapackage']
    """

    name: str
    suffixes: tuple[str, ...]
    make: str
    description: str
    binary: bool = False
    directory: bool = False
    record: bool = False

    def function(self) -> Callable[..., Any]:
        """The function that makes this format (its module imported on first use)."""
        module, name = self.make.split(":")
        found: Callable[..., Any] = getattr(importlib.import_module(module), name)
        return found


_ALL = (
    Format(
        "json",
        (".json",),
        "csto_program.export._simple:json_bytes",
        "the program document (indented JSON, the current schema version)",
        record=True,
    ),
    Format(
        "jsonl",
        (".jsonl",),
        "csto_program.export._simple:jsonl_bytes",
        "the statements, one JSON document a line",
        record=True,
    ),
    Format(
        "datapackage",
        (),
        "csto_program.export.datapackage:write_datapackage",
        "a folder of CSV tables and datapackage.json (Frictionless)",
        directory=True,
        record=True,
    ),
    Format(
        "html",
        (".html", ".htm"),
        "csto_program.export.html:html_bytes",
        "a one-file report for a browser",
    ),
    Format(
        "markdown",
        (".md", ".markdown"),
        "csto_program.export.markdown:markdown_bytes",
        "a status report in Markdown",
    ),
    Format(
        "mermaid",
        (".mmd", ".mermaid"),
        "csto_program.export.mermaid:mermaid_bytes",
        "a Mermaid gantt chart",
    ),
    Format(
        "ics",
        (".ics",),
        "csto_program.export.ical:ical_bytes",
        "an iCalendar feed of meetings and stage deadlines",
    ),
    Format(
        "png",
        (".png",),
        "csto_program.export.plot:png_bytes",
        "a timeline chart (PNG)",
        binary=True,
    ),
    Format("svg", (".svg",), "csto_program.export.plot:svg_bytes", "a timeline chart (SVG)"),
)

FORMATS: Final[Mapping[str, Format]] = MappingProxyType({f.name: f for f in _ALL})
"""Every export format by name, in the order of the documentation.

>>> list(FORMATS)
['json', 'jsonl', 'datapackage', 'html', 'markdown', 'mermaid', 'ics', 'png', 'svg']
"""

_ALIASES: Final = {"md": "markdown", "ical": "ics", "htm": "html"}


def choose_format(
    format: str | None, output: str | os.PathLike[str] | None, *, force: bool = False
) -> str:
    """The format named by ``format``, or by the suffix of ``output``.

    A :class:`~csto_program.errors.FormatError` (a ``ValueError``) when there is neither,
    when the name is unknown, or when ``output`` has a suffix that is not one of the
    format's: one of another format (``-f svg -o chart.png``) or of none
    (``-f png -o chart.pdf``), which would put the bytes of one format under the name of
    another. ``force=True`` writes such a name anyway. A name without a suffix (``notes``),
    ``-`` (standard output) and, for a folder format, a suffix of no format (``record.d``)
    are fine.

    >>> choose_format("svg", "chart.png")
    Traceback (most recent call last):
    ...
    csto_program.errors.FormatError: the format svg does not match the suffix of 'chart.png' (png)
    >>> choose_format("png", "chart.pdf", force=True)
    'png'
    """
    if format is not None and not isinstance(format, str):
        raise TypeError(f"format must be a str or None, not {type(format).__name__}")
    if output is not None and not isinstance(output, (str, os.PathLike)):
        raise TypeError(f"output must be a path or None, not {type(output).__name__}")
    if not isinstance(force, bool):
        raise TypeError(f"force must be a bool, not {type(force).__name__}")
    by_suffix: str | None = None
    suffix = ""
    if output is not None and os.fspath(output) != "-":
        suffix = PurePath(os.fspath(output)).suffix.lower()
        by_suffix = next((f.name for f in _ALL if suffix in f.suffixes), None)
    if format is None:
        if by_suffix is None:
            names = ", ".join(FORMATS)
            raise FormatError(f"give --format (one of {names}) or an -o file with a known suffix")
        return by_suffix
    name = _ALIASES.get(format.lower(), format.lower())
    if name not in FORMATS:
        raise FormatError(
            f"unknown format {short_repr(format)}; expected one of: {', '.join(FORMATS)}"
        )
    if force or not suffix:
        return name
    shown = short_repr(os.fspath(output or ""))
    if by_suffix is not None and by_suffix != name:
        raise FormatError(f"the format {name} does not match the suffix of {shown} ({by_suffix})")
    if by_suffix is None and not FORMATS[name].directory:
        wanted = ", ".join(FORMATS[name].suffixes)
        raise FormatError(
            f"the suffix of {shown} ({escape(suffix[:20])}) is not one of the {name} format "
            f"({wanted}); pass force=True to write it anyway"
        )
    return name


def _check(program: object, format: object) -> Format:
    if not isinstance(program, Program):
        raise TypeError(f"program must be a Program, not {type(program).__name__}")
    if not isinstance(format, str):
        raise TypeError(f"format must be a str, not {type(format).__name__}")
    if format not in FORMATS:
        raise ValueError(
            f"unknown format {short_repr(format)}; expected one of: {', '.join(FORMATS)}"
        )
    return FORMATS[format]


def _stamp(as_of: datetime.date, stamp: datetime.datetime | None) -> datetime.datetime:
    if stamp is None:
        return datetime.datetime(as_of.year, as_of.month, as_of.day, tzinfo=datetime.UTC)
    if not isinstance(stamp, datetime.datetime) or stamp.utcoffset() is None:
        raise TypeError(f"stamp must be a timezone-aware datetime, not {type(stamp).__name__}")
    try:
        return stamp.astimezone(datetime.UTC)
    except OverflowError:
        from csto_program.errors import DataError

        raise DataError.at(
            "$", f"stamp {stamp.isoformat()} is outside the years 0001..9999 in UTC"
        ) from None


def _known(program: Program, spec: Format, known_on: datetime.date | None) -> Program:
    """A record format's record: the whole one, or as known on ``known_on`` when given."""
    if spec.record and known_on is not None:
        return program.as_known_on(known_on)
    return program


def _check_stale(stale_after: object) -> int:
    if isinstance(stale_after, bool) or not isinstance(stale_after, int):
        raise TypeError(f"stale_after must be an int, not {type(stale_after).__name__}")
    return stale_after


def render(
    program: Program,
    format: str,
    *,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    stamp: datetime.datetime | None = None,
    stale_after: int = STALE_AFTER,
    lang: str | None = None,
) -> bytes:
    """``program`` in a single-file ``format`` (see :data:`FORMATS`) as bytes.

    ``as_of`` and ``known_on`` are the days the status is drawn for and the knowledge used:
    every view (html, markdown, mermaid, ics, png, svg) shows only what was known on
    ``known_on``, default ``as_of`` (:func:`csto_program.words.cut`); a record format
    (json, jsonl) is the whole record unless ``known_on`` is given. ``stale_after`` is the
    number of days without a progress report after which a view's headline warns. ``stamp``
    (a timezone-aware datetime, default midnight UTC of ``as_of``) is the calendar's
    ``DTSTAMP``. A view's words are in ``lang`` (``"en"``, ``"ru"``; default: the language
    in use, English unless set); a record format is the same in every language. An unknown
    format raises ``ValueError`` naming the known ones.

    >>> import datetime
    >>> from csto_program.datasets import tajik_afghan_border
    >>> try:
    ...     render(tajik_afghan_border(), "pdf", as_of=datetime.date(2026, 1, 29))
    ... except ValueError as exc:
    ...     print(*str(exc).split("; "), sep=chr(10))
    unknown format 'pdf'
    expected one of: json, jsonl, datapackage, html, markdown, mermaid, ics, png, svg
    """
    spec = _check(program, format)
    if spec.directory:
        raise ValueError(f"the {spec.name} format writes a folder: use write()")
    day = as_date(as_of, "as_of")
    known = None if known_on is None else as_date(known_on, "known_on")
    stale = _check_stale(stale_after)
    options: dict[str, Any] = {} if spec.record else {"stale_after": stale}
    with using("en" if spec.record else lang):
        data: bytes = spec.function()(
            _known(program, spec, known),
            as_of=day,
            known_on=known,
            stamp=_stamp(day, stamp),
            **options,
        )
    return data


def write(
    program: Program,
    format: str,
    path: str | os.PathLike[str],
    *,
    as_of: datetime.date,
    known_on: datetime.date | None = None,
    stamp: datetime.datetime | None = None,
    force: bool = False,
    stale_after: int = STALE_AFTER,
    lang: str | None = None,
) -> None:
    """Write ``program`` in ``format`` to ``path`` (a folder for ``datapackage``), atomically:
    a failure leaves what was at ``path`` as it was.

    A read-only file, and a folder that is not empty and was not written by this library,
    are refused with a :class:`~csto_program.errors.FileError` unless ``force=True``; a
    device, a named pipe or ``/dev/stdout`` is written to, never replaced (see
    :func:`~csto_program.export.datapackage.to_datapackage` for folders).

    >>> import datetime, pathlib, tempfile
    >>> from csto_program.datasets import tajik_afghan_border
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     target = pathlib.Path(folder) / "record.md"
    ...     write(tajik_afghan_border(), "markdown", target, as_of=datetime.date(2026, 1, 29))
    ...     target.read_text(encoding="utf-8").startswith("# CSTO")
    True
    """
    spec = _check(program, format)
    if not isinstance(force, bool):
        raise TypeError(f"force must be a bool, not {type(force).__name__}")
    day = as_date(as_of, "as_of")
    known = None if known_on is None else as_date(known_on, "known_on")
    if spec.directory:
        spec.function()(_known(program, spec, known), path, as_of=day, known_on=known, force=force)
        return
    data = render(
        program, format, as_of=day, known_on=known, stamp=stamp, stale_after=stale_after, lang=lang
    )
    write_atomic(path, data, force=force)
