"""The installed version of the library, read from its distribution's metadata.

The version is written once, in ``pyproject.toml``; installing the package records it in
its ``.dist-info`` folder, where :func:`version` reads it. It finds the folder as
:func:`importlib.metadata.version` does (the first one on ``sys.path``), without importing
:mod:`importlib.metadata`, which costs more than click itself and would make
``csto-program --version`` slow; anything it does not find it leaves to
:mod:`importlib.metadata` (a zipped or ``.egg-info`` install).

>>> import importlib.metadata
>>> version() == importlib.metadata.version("csto-program")
True
"""

from __future__ import annotations

import os
import sys
from typing import Final

__all__ = ["DISTRIBUTION", "version"]

DISTRIBUTION: Final = "csto-program"
_PREFIX: Final = "csto_program-"  # a .dist-info folder's name: the normalized name, '-', version
_SUFFIX: Final = ".dist-info"


def _from_metadata(path: str) -> str | None:
    """The ``Version`` field of the core metadata file ``path``, or ``None``."""
    try:
        with open(path, encoding="utf-8") as file:
            for line in file:
                if not line.strip():  # the end of the header fields
                    return None
                if line[:8].lower() == "version:":
                    return line[8:].strip() or None
    except (OSError, UnicodeDecodeError):
        return None
    return None


def version() -> str:
    """The version of the installed ``csto-program`` distribution, such as ``'0.2.0'``.

    Raises :class:`importlib.metadata.PackageNotFoundError` when the library is not
    installed (a source tree on ``sys.path`` has no metadata).
    """
    for entry in sys.path:
        try:
            names = os.listdir(entry or os.curdir)
        except (OSError, TypeError, ValueError):  # a zip file, a missing folder, not a str
            continue
        for name in names:
            folded = name.lower().replace("-", "_", 1)
            if folded.startswith("csto_program") and folded.endswith(".egg-info"):
                return _with_importlib()  # an older kind of install: read as it says
            if name.lower().startswith(_PREFIX) and name.endswith(_SUFFIX):
                found = _from_metadata(os.path.join(entry or os.curdir, name, "METADATA"))
                if found is not None:
                    return found
    return _with_importlib()


def _with_importlib() -> str:
    from importlib.metadata import version as metadata_version

    return metadata_version(DISTRIBUTION)
