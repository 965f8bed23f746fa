"""The wheel's build hook: compile the gettext catalogs (``.po``) into ``.mo`` files.

The compiled catalogs are not committed (``.gitignore``); every wheel builds them from the
``.po`` files it ships, with Babel (a build requirement), so a wheel always carries the
catalogs of its own sources.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = Path("src") / "csto_program" / "locale"
DOMAIN = "csto_program"


class CatalogBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile ``locale/<lang>/LC_MESSAGES/csto_program.po`` next to itself as ``.mo``."""

    PLUGIN_NAME = "catalogs"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root)
        for po in sorted((root / LOCALE).glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
            lang = po.parent.parent.name
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=lang)
            fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
            if fuzzy:
                raise RuntimeError(f"{po}: {len(fuzzy)} fuzzy translations, e.g. {fuzzy[0]!r}")
            mo = po.with_suffix(".mo")
            with mo.open("wb") as handle:
                write_mo(handle, catalog)
            relative = mo.relative_to(root).as_posix()
            build_data["force_include"][str(mo)] = relative.removeprefix("src/")
