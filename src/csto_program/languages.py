"""The record's own text in a reader's language: names per language and original wordings.

A record is written in one language (English in the embedded record); the program, an
organisation, a person and a place may also carry their names in other languages
(``names``: :class:`~csto_program.records.LocalName`, one per language), and a statement may
carry its original wording beside the rendering it was recorded in (``original``, in
``original_language``; only fragments of it when ``original_fragments``). Everything here
is what a source printed; nothing is translated. A view in a language asks this module for
the text, and says which language a quote is in when it is not the reader's.

>>> from csto_program.datasets import tajik_afghan_border
>>> program = tajik_afghan_border()
>>> name_in(program.by_id["masadykov"], "ru")
'Таалатбек Масадыков'
>>> name_in(program.by_id["masadykov"], "en")
'Talatbek Masadykov'
>>> wording_in(program.by_id["sarkisyan-2025-12-17"], "ru")[0][:40]
'Таджикистан в рамках реализации целевой '

Languages are BCP 47 tags, matched without regard to case, and a tag with a region matches
its language's name when no name has that region (``"ru-RU"`` finds ``"ru"``).
"""

from __future__ import annotations

from typing import Final, TypeAlias

from csto_program.model import Organization, Person, Place, Program
from csto_program.records import LocalName, Statement

__all__ = [
    "FRAGMENT_SEPARATOR",
    "Named",
    "abbreviation_in",
    "is_fragment",
    "local_name",
    "name_in",
    "wording_in",
]

Named: TypeAlias = "Program | Organization | Person | Place"
"""A record with a name (a program's is its title) that may carry it in other languages."""

FRAGMENT_SEPARATOR: Final = " … "
"""What :func:`wording_in` puts between the fragments of an original wording.

The fragments are kept as a list, each verbatim (an omission inside one is marked as the
source printed it, ``[...]``); the separator only joins them for a view.

>>> FRAGMENT_SEPARATOR
' … '
"""


def _fold(tag: str) -> str:
    return tag.lower()


def _same(tag: str, lang: str) -> bool:
    """Whether ``tag`` is ``lang`` or its language (``ru`` for ``ru-RU``), or the reverse."""
    a, b = _fold(tag), _fold(lang)
    return a == b or a.split("-")[0] == b.split("-")[0]


def _check_lang(lang: str) -> str:
    if type(lang) is not str:
        raise TypeError(f"lang must be a str, not {type(lang).__name__}")
    return lang


def local_name(record: Named, lang: str) -> LocalName | None:
    """The record's :class:`~csto_program.records.LocalName` in ``lang``, or ``None``.

    An exact tag wins over one of the same language (``ru-RU`` over ``ru`` for ``ru-RU``).

    >>> from csto_program.datasets import tajik_afghan_border
    >>> local_name(tajik_afghan_border().by_id["csto"], "ru-RU").abbreviation
    'ОДКБ'
    >>> local_name(tajik_afghan_border().by_id["csto"], "kk") is None
    True
    """
    _check_lang(lang)
    if not isinstance(record, Program | Organization | Person | Place):
        raise TypeError(
            f"record must be a Program, Organization, Person or Place, not {type(record).__name__}"
        )
    names = record.names
    for local in names:
        if _fold(local.language) == _fold(lang):
            return local
    for local in names:
        if _same(local.language, lang):
            return local
    return None


def name_in(record: Named, lang: str) -> str:
    """The name of a program (its title), organisation, person or place in ``lang`` when
    the record has one, else the recorded name.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> name_in(program, "ru")
    'Целевая межгосударственная программа ОДКБ по укреплению таджикско-афганской границы'
    >>> name_in(program, "en")
    'CSTO Targeted Interstate Program for strengthening the Tajik–Afghan border'
    >>> name_in(program.by_id["csto"], "ru")
    'Организация Договора о коллективной безопасности'
    >>> name_in(program.by_id["rahmon"], "ru")  # no Russian name recorded: the recorded one
    'Emomali Rahmon'
    >>> name_in("csto", "ru")
    Traceback (most recent call last):
    ...
    TypeError: record must be a Program, Organization, Person or Place, not str
    """
    local = local_name(record, lang)
    if local is not None:
        return local.name
    return record.title if isinstance(record, Program) else record.name


def abbreviation_in(record: Organization, lang: str) -> str | None:
    """An organisation's abbreviation in ``lang`` when the record has its name in ``lang``,
    else the recorded abbreviation (``None`` when there is none).

    >>> from csto_program.datasets import tajik_afghan_border
    >>> csto = tajik_afghan_border().by_id["csto"]
    >>> abbreviation_in(csto, "ru"), abbreviation_in(csto, "en")
    ('ОДКБ', 'CSTO')
    """
    local = local_name(record, lang)
    if local is not None:
        return local.abbreviation
    return record.abbreviation


def _statement(statement: Statement) -> Statement:
    if not isinstance(statement, Statement):
        raise TypeError(f"statement must be a Statement, not {type(statement).__name__}")
    return statement


def wording_in(statement: Statement, lang: str) -> tuple[str, str]:
    """``(text, language tag)`` of ``statement`` in ``lang`` when the record has it, else
    its recorded text and language.

    The statement's own ``text`` when its ``language`` is ``lang``; else its original
    wording when that is in ``lang`` (fragments joined by :data:`FRAGMENT_SEPARATOR`);
    else the text as recorded. A view in ``lang`` shows the text and, when the tag returned
    is not ``lang``, says which language the quote is in.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> sarkisyan = program.by_id["sarkisyan-2025-12-17"]
    >>> text, tag = wording_in(sarkisyan, "en")
    >>> tag, text[:40]
    ('en', 'Tajikistan has drawn up the list of arms')
    >>> text, tag = wording_in(sarkisyan, "ru")
    >>> tag, text.startswith("Таджикистан в рамках")
    ('ru', True)
    >>> print(*wording_in(program.by_id["semerikov-2025-12-09"], "ru")[::-1])
    ru с объемом поставок [...] уже определились … решение вопроса об источниках финансирования
    >>> wording_in(program.by_id["shoigu-2026-02-12"], "en")[1]  # recorded in Russian only
    'ru'
    >>> wording_in(program.by_id["rahmon-2025-11-27"], "ru")  # no Russian wording
    ('Stressed “the importance of its timely implementation”.', 'en')
    """
    _check_lang(lang)
    statement = _statement(statement)
    if _same(statement.language, lang):
        return statement.text, statement.language
    language = statement.original_language
    if language is not None and _same(language, lang):
        return FRAGMENT_SEPARATOR.join(statement.original), language
    return statement.text, statement.language


def is_fragment(statement: Statement, lang: str | None = None) -> bool:
    """Whether the statement's original wording is only fragments of what was said; with
    ``lang``, whether the text :func:`wording_in` gives in ``lang`` is those fragments.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> semerikov = program.by_id["semerikov-2025-12-09"]
    >>> is_fragment(semerikov), is_fragment(semerikov, "ru"), is_fragment(semerikov, "en")
    (True, True, False)
    >>> is_fragment(program.by_id["masadykov-2026-01-29"])
    False
    """
    statement = _statement(statement)
    if not statement.original_fragments:
        return False
    if lang is None:
        return True
    _check_lang(lang)
    language = statement.original_language
    return not _same(statement.language, lang) and language is not None and _same(language, lang)
