"""IANA time zones, read from the ``tzdata`` package, never from the operating system.

The helpers behind :func:`csto_program.dates.load_zone` and
:func:`csto_program.dates.utcoffset_on`; import them from there.

>>> str(load_zone("Europe/Moscow"))
'Europe/Moscow'
"""

from __future__ import annotations

import datetime
import functools
import os
import re
import zoneinfo
from typing import IO

from csto_program._days import as_date
from csto_program.errors import DataError, short_repr

__all__ = ["load_zone", "utcoffset_on"]

_MAX_ZONE_KEY = 64  # the longest IANA key is 32 characters
_ZONE_KEY_RE = re.compile(r"[A-Za-z0-9_+\-]+(?:/[A-Za-z0-9_+\-]+)*", re.ASCII)


def load_zone(key: str) -> zoneinfo.ZoneInfo:
    """The IANA time zone ``key``, read from the ``tzdata`` package (cached).

    The system time zone database is never consulted: it may be out of date (Kazakhstan,
    for one, moved from +06:00 to +05:00 on 2024-03-01). The zones are built with
    ``zoneinfo.ZoneInfo.from_file``, so they are not the objects ``zoneinfo.ZoneInfo(key)``
    returns and cannot be pickled; the same key always gives the same object.

    >>> str(load_zone("Asia/Almaty"))
    'Asia/Almaty'
    >>> load_zone("Asia/Almaty") is load_zone("Asia/Almaty")
    True
    >>> try:
    ...     load_zone("Asia/Atlantis")
    ... except DataError as exc:
    ...     print(exc.problems)
    (('$', "unknown IANA time zone 'Asia/Atlantis'"),)
    """
    if not isinstance(key, str):
        raise TypeError(f"a time zone key must be a str, not {type(key).__name__}")
    return _load_zone(str(key))


# A separate function so that load_zone keeps its signature for type checkers (a
# functools cache wrapper accepts any hashable arguments). Bounded: keys come from data.
@functools.lru_cache(maxsize=512)
def _load_zone(key: str) -> zoneinfo.ZoneInfo:
    unknown = DataError.at("$", f"unknown IANA time zone {short_repr(key)}")
    if len(key) > _MAX_ZONE_KEY or _ZONE_KEY_RE.fullmatch(key) is None:
        raise unknown
    folder = _tzdata_folder()
    if folder is not None:  # the key's pattern has no dots: it stays inside the folder
        path = os.path.join(folder, *key.split("/"))
        if not os.path.isfile(path):
            raise unknown
        opened: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed by the with below
    else:  # pragma: no cover - tzdata installed in a zip file
        opened = _open_zone_resource(key, unknown)
    with opened as fileobj:
        try:
            return zoneinfo.ZoneInfo.from_file(fileobj, key=key)
        except ValueError:  # not a TZif file, e.g. tzdata's "leapseconds"
            raise DataError.at("$", f"unknown IANA time zone {key!r}") from None


@functools.cache
def _tzdata_folder() -> str | None:
    """The folder of ``tzdata``'s zone files, or ``None`` when it is not one on the disk.

    Found without :mod:`importlib.resources`, whose readers import :mod:`zipfile`: loading
    the embedded record (its places have time zones) would pay for it on every command.
    """
    import importlib.util

    spec = importlib.util.find_spec("tzdata.zoneinfo")
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    if len(locations) == 1 and os.path.isdir(locations[0]):
        return locations[0]
    return None  # pragma: no cover - a zipped or namespace install


def _open_zone_resource(key: str, unknown: DataError) -> IO[bytes]:  # pragma: no cover
    """The zone file of ``key`` through :mod:`importlib.resources` (tzdata in a zip file)."""
    import importlib.resources

    resource = importlib.resources.files("tzdata.zoneinfo")
    for part in key.split("/"):
        resource = resource / part
    try:
        if not resource.is_file():
            raise unknown
    except OSError:  # a name the file system refuses: not a zone either
        raise unknown from None
    return resource.open("rb")


def utcoffset_on(key: str, day: datetime.date) -> datetime.timedelta:
    """The UTC offset of zone ``key`` at local noon on ``day``.

    >>> utcoffset_on("Asia/Almaty", datetime.date(2024, 11, 28))
    datetime.timedelta(seconds=18000)
    >>> utcoffset_on("Asia/Almaty", datetime.date(2024, 1, 15))
    datetime.timedelta(seconds=21600)
    """
    zone = load_zone(key)
    d = as_date(day)
    offset = datetime.datetime(d.year, d.month, d.day, 12, tzinfo=zone).utcoffset()
    if offset is None:  # pragma: no cover - a ZoneInfo always has an offset
        raise AssertionError(f"time zone {key!r} has no UTC offset")
    return offset
