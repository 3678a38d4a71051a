"""Extra files written into the built site after the pages (search index, feeds, ...).

Each writer is a plain function `write(site, site_dir, settings)` in its own
module; the plugin calls `write_all` once per build, into the staging folder,
before the finished site replaces the old one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .pages import Site


@dataclass(frozen=True)
class Settings:
    site_url: str  # "" when mkdocs.yml sets none
    site_name: str
    docs_dir: str
    # Kept by the caller between `mkdocs serve` rebuilds, for writers that can reuse
    # their per-document work (one key per writer); None for a one-off build.
    cache: dict | None = field(default=None, compare=False)


WRITERS: list[str] = [
    # "directive_portal.<module>:write", one line per output; order does not matter.
    "directive_portal.feeds:write",
    "directive_portal.shortlinks:write",
    "directive_portal.search:write",
]


def write_all(site: Site, site_dir: str, settings: Settings) -> None:
    import importlib

    for spec in WRITERS:
        module_name, func = spec.split(":")
        getattr(importlib.import_module(module_name), func)(site, site_dir, settings)
