"""The reader's language: gettext catalogs, the language in use, plurals and dates in prose.

Every word the views and the command line produce for a reader goes through
:func:`gettext` (imported as ``_``, the name the catalog tools look for), or
:func:`ngettext` for a count, which looks the message up in the catalog of the language
in use: ``en`` (the messages themselves) or ``ru`` (the catalog
``locale/ru/LC_MESSAGES/csto_program.mo``, compiled from its ``.po`` file when the package
is built, or by ``make``). Record text (names, quotes) never goes through a catalog.

The language in use is a :class:`contextvars.ContextVar`, English unless a rendering entry
point (``render``, ``write``, ``to_html``, ``to_markdown``, the words functions behind the
command line, the command line itself) sets it for the time it runs with :func:`using`:
nothing outside those calls changes, threads and tasks each have their own.

>>> with using("ru"):
...     ngettext("{n} day", "{n} days", 22).format(n=22)
'22 дня'
>>> ngettext("{n} day", "{n} days", 22).format(n=22)
'22 days'
>>> prose_date(datetime.date(2024, 11, 28), "ru"), prose_date(datetime.date(2024, 11, 28), "en")
('28 ноября 2024 г.', '28 November 2024')
"""

from __future__ import annotations

import contextvars
import datetime
import functools
import gettext as _gettext
import io
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "N_",
    "check_lang",
    "current",
    "gettext",
    "lang_from_env",
    "ngettext",
    "prose_date",
    "set_lang",
    "translations",
    "using",
]

DOMAIN = "csto_program"
"""The gettext domain: the catalogs are ``locale/<lang>/LC_MESSAGES/csto_program.mo``."""

LANGUAGES: tuple[str, ...] = ("en", "ru")
"""The languages the library writes in; the first is the default and the messages' own."""

_LANG: contextvars.ContextVar[str] = contextvars.ContextVar("csto_program_lang", default="en")


def check_lang(lang: object) -> str:
    """``lang`` when it is one of :data:`LANGUAGES`; a ``ValueError`` naming them otherwise
    (``TypeError`` for a value that is not a ``str``).

    >>> check_lang("ru")
    'ru'
    >>> check_lang("de")
    Traceback (most recent call last):
    ...
    ValueError: unknown language 'de'; known: en, ru
    """
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a str, not {type(lang).__name__}")
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGUAGES)}")
    return lang


def current() -> str:
    """The language in use (``"en"`` unless :func:`using` set another).

    >>> current()
    'en'
    """
    return _LANG.get()


def set_lang(lang: str) -> None:
    """Use ``lang`` from now on in the current context: for the command line, whose
    ``--lang`` is read inside a :func:`using` block that restores the language at its end.

    >>> with using("en"):
    ...     set_lang("ru")
    ...     current()
    'ru'
    >>> current()
    'en'
    """
    _LANG.set(check_lang(lang))


@contextmanager
def using(lang: str | None) -> Iterator[str]:
    """Use ``lang`` for the messages of the ``with`` block (``None``: keep the one in use).

    >>> with using("ru"):
    ...     gettext("no progress report")
    'нет отчёта о ходе работ'
    """
    chosen = current() if lang is None else check_lang(lang)
    token = _LANG.set(chosen)
    try:
        yield chosen
    finally:
        _LANG.reset(token)


def _compiled(lang: str) -> bytes:
    """The ``.mo`` catalog of ``lang``: the compiled file shipped in the package, or, in a
    source tree where it was not compiled yet, the ``.po`` file compiled in memory (Babel)."""
    folder = Path(__file__).parent / "locale" / lang / "LC_MESSAGES"
    compiled = folder / f"{DOMAIN}.mo"
    if compiled.is_file():
        return compiled.read_bytes()
    source = folder / f"{DOMAIN}.po"
    try:  # pragma: no cover - only in a source tree whose catalogs are not compiled
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po
    except ImportError:  # pragma: no cover
        raise RuntimeError(
            f"the {lang} catalog is not compiled: run `make catalogs-compiled`"
        ) from None
    with source.open("rb") as handle:  # pragma: no cover
        catalog = read_po(handle, locale=lang)
    out = io.BytesIO()  # pragma: no cover
    write_mo(out, catalog)  # pragma: no cover
    return out.getvalue()  # pragma: no cover


@functools.cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The gettext translations of ``lang``: the messages themselves for ``en``.

    >>> translations("ru").ngettext("{n} day", "{n} days", 5).format(n=5)
    '5 дней'
    """
    if check_lang(lang) == LANGUAGES[0]:
        return _gettext.NullTranslations()
    return _gettext.GNUTranslations(io.BytesIO(_compiled(lang)))


def gettext(message: str) -> str:
    """``message`` in the language in use.

    >>> gettext("no progress report")
    'no progress report'
    """
    return translations(current()).gettext(message)


def N_(message: str) -> str:
    """``message`` itself, marked for the catalog: a constant translated where it is used.

    >>> N_("no progress report")
    'no progress report'
    """
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of ``singular``/``plural`` for ``count`` in the language in use, by that
    language's plural rule (Russian has three forms: 1, 21 день; 2, 22 дня; 5, 11 дней).

    >>> with using("ru"):
    ...     [ngettext("{n} day", "{n} days", n).format(n=n) for n in (1, 2, 5, 11, 21)]
    ['1 день', '2 дня', '5 дней', '11 дней', '21 день']
    """
    return translations(current()).ngettext(singular, plural, count)


_PROSE_FORMATS: Mapping[str, str] = {"en": "D MMMM YYYY", "ru": "D MMMM YYYY г."}


def prose_date(day: datetime.date, lang: str | None = None) -> str:
    """A day as ``lang`` (default: the language in use) writes it in prose, with the month's
    name in the genitive where the language has one: ``28 ноября 2024 г.``,
    ``28 November 2024``. Tables, JSON and CSV keep ISO days.

    >>> prose_date(datetime.date(2026, 3, 1), "ru")
    '1 марта 2026 г.'
    """
    import pendulum  # only for a date in prose: --help does not need it

    chosen = current() if lang is None else check_lang(lang)
    when = pendulum.date(day.year, day.month, day.day)
    return when.format(_PROSE_FORMATS[chosen], locale=chosen)


def _language_of(value: str) -> str | None:
    """The library's language a locale name such as ``ru_RU.UTF-8`` names, if any."""
    name = value.split(".", 1)[0].split("@", 1)[0]
    code = name.replace("-", "_").split("_", 1)[0].lower()
    return code if code in LANGUAGES else None


def lang_from_env(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for, as gettext programs read it: ``LANGUAGE``
    (a colon-separated list of preferences, tried in order), then the locale, the first of
    ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set. A ``C`` or ``POSIX`` locale means
    English whatever ``LANGUAGE`` says (GNU gettext's rule), and so does a language the
    library does not have.

    >>> lang_from_env({"LANG": "ru_RU.UTF-8"}), lang_from_env({"LANG": "C.UTF-8"})
    ('ru', 'en')
    >>> lang_from_env({"LANGUAGE": "de:ru", "LANG": "de_DE.UTF-8"})
    'ru'
    >>> lang_from_env({"LANGUAGE": "ru", "LC_ALL": "C"}), lang_from_env({})
    ('en', 'en')
    """
    env = os.environ if environ is None else environ
    locale = next((env[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(name)), "")
    if locale.split(".", 1)[0] in ("C", "POSIX"):
        return LANGUAGES[0]
    for preference in (env.get("LANGUAGE") or locale).split(":"):
        found = _language_of(preference) if preference else None
        if found is not None:
            return found
    return LANGUAGES[0]
