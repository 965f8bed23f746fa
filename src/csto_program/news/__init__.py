"""The tracker's daily loop: log an article, then see what changed.

:func:`log_article` adds one :class:`Article` (a source, what someone said in it and the
progress it reports) to a program, checking the whole result as the loader checks a file,
so that every problem is reported at once, at its path in the resulting document.
:func:`changes` says what became known between two days and how the status moved;
:func:`headlines` gives the status headline of two versions of a record.

>>> from csto_program.datasets import tajik_afghan_border
>>> article = Article(
...     outlet="Example News", published_on="2026-11-27", speaker="Masadykov",
...     quote="The first stage has been completed and the second has begun.",
...     reports=(ReportSpec.parse("1=completed@2026-01-29/2026-11-27"),
...              ReportSpec.parse("2=in_progress")))
>>> logged = log_article(tajik_afghan_border(), article)
>>> dict(logged.added)  # doctest: +NORMALIZE_WHITESPACE
{'statements': ('masadykov-2026-11-27',), 'reports': ('stage-1-2026-11-27',
 'stage-2-2026-11-27'), 'sources': ('example-news-2026-11-27',)}
>>> str(logged.program.by_id["stage-1-2026-11-27"].as_of)
'2026-01-29/2026-11-27'
"""

from __future__ import annotations

import csto_program._public as _public

# The reference shows Article's default as ``SourceKind.NEWS``: the name must mean it here too.
from csto_program.codes import SourceKind  # noqa: F401
from csto_program.news._changes import (
    Changes,
    StageChange,
    StageView,
    changes,
    describe,
    headlines,
)
from csto_program.news._log import Article, Logged, ReportSpec, log_article, make_id

__all__ = [
    "Article",
    "Changes",
    "Logged",
    "ReportSpec",
    "StageChange",
    "StageView",
    "changes",
    "describe",
    "headlines",
    "log_article",
    "make_id",
]


_public.show_under(globals(), __all__)  # documented, and shown in reprs, under this module's name
