"""Tables and headlines fitted to a terminal without cutting away what matters.

On a terminal a table is made to fit its width in this order: the column that may be
shortened (a name, the details) is shortened with ``…`` down to a minimum; then the columns
that may go are dropped, least important first; then the key columns (a state, the progress,
the days, the shift) are wrapped onto more lines, never between the letters of a word. A key
column is never cut; a word longer than the terminal is left to the terminal to wrap. A
headline is wrapped, never cut. With ``--wide``, or in a pipe (no width), nothing is changed.

>>> lines = fit_table(["STAGE", "NAME", "STATE"], [["1", "Preparation of everything",
...     "overdue by 340 days"]], 30, shrink="NAME", drop=("NAME",))
>>> print("\\n".join(lines))
STAGE  STATE
1      overdue by 340 days
"""

from __future__ import annotations

from collections.abc import Sequence

from csto_program._terminal import shorten
from csto_program.words import table

__all__ = ["fit_table", "wrap_line"]

GAP = 2  # spaces between columns


def wrap_line(line: str, width: int | None, indent: str = "  ") -> list[str]:
    """``line`` wrapped to ``width`` columns (``None``: as it is), later lines indented.

    >>> wrap_line("As of 2026-12-06: planned: stage 2 of 3", 24)
    ['As of 2026-12-06:', '  planned: stage 2 of 3']
    """
    if width is None or width < 1 or len(line) <= width:
        return [line]
    import textwrap  # only when a line is wrapped: most output goes to a pipe or a file

    wrapped = textwrap.wrap(
        line,
        width,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return wrapped or [line]


def _longest_word(cells: Sequence[str]) -> int:
    return max((len(word) for text in cells for word in text.split()), default=1)


def fit_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int | None,
    *,
    shrink: str | None = None,
    minimum: int = 12,
    drop: Sequence[str] = (),
) -> list[str]:
    """The table of ``rows`` under ``headers``, fitted to ``width`` columns (``None``: not
    a terminal, so :func:`~csto_program.words.table` as it is).

    ``shrink`` names the one column that may be shortened (to ``minimum`` at least, unless
    the key columns cannot be wrapped narrow enough: then as far as the width needs);
    ``drop`` the columns that may be left out, least important first. Every other column is
    a key column: wrapped, never cut.

    >>> lines = fit_table(["DATE", "DETAILS"], [["2026-06-22/2026-06-26", "Viktor Vasilyev"]],
    ...                   30, shrink="DETAILS", minimum=12)
    >>> lines[1], max(len(line) for line in lines)
    ('2026-06-22/2026-06-26  Viktor…', 30)
    """
    body = [list(row) for row in rows]
    if width is None or width < 1:
        return table(headers, body)
    names = list(headers)
    columns = [[header, *(row[i] for row in body)] for i, header in enumerate(names)]
    natural = {
        name: max(len(text) for text in column) for name, column in zip(names, columns, strict=True)
    }
    shown = list(names)

    def total() -> int:
        return sum(widths[name] for name in shown) + GAP * (len(shown) - 1)

    widths = dict(natural)
    if shrink in widths:
        widths[shrink] = max(min(minimum, natural[shrink]), natural[shrink] - (total() - width))
    for name in drop:
        if total() <= width:
            break
        if name in shown:
            shown.remove(name)
            if shrink in shown:
                room = width - (total() - widths[shrink])
                widths[shrink] = max(min(minimum, natural[shrink]), min(natural[shrink], room))
    # the key columns wrap, widest first, down to their longest word
    for name in sorted(shown, key=lambda n: -widths[n]):
        excess = total() - width
        if excess <= 0:
            break
        if name == shrink:
            continue
        floor = _longest_word(columns[names.index(name)])
        widths[name] = max(floor, widths[name] - excess)
    # last, when the key columns cannot wrap enough (a long word, such as the uncertain day
    # 2026-06-22/2026-06-26), the shortened column gives up its minimum rather than the
    # table its width
    if shrink in shown and (excess := total() - width) > 0:
        widths[shrink] = max(1, widths[shrink] - excess)
    index = [names.index(name) for name in shown]
    lines: list[str] = []
    for row in [names, *body]:
        cells: list[list[str]] = []
        for i in index:
            name, text = names[i], row[i]
            if name == shrink:
                cells.append([shorten(text, widths[name]) if text else ""])
            elif len(text) <= widths[name]:
                cells.append([text])
            else:
                import textwrap  # only when a cell is wrapped

                cells.append(
                    textwrap.wrap(
                        text, widths[name], break_long_words=False, break_on_hyphens=False
                    )
                    or [""]
                )
        height = max(len(parts) for parts in cells)
        for line in range(height):
            parts = [
                (part[line] if line < len(part) else "").ljust(widths[names[i]])
                for part, i in zip(cells, index, strict=True)
            ]
            lines.append((" " * GAP).join(parts).rstrip())
    return lines
