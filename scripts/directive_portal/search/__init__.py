"""Site search that works from static files: built by `mkdocs build`, read by a small script.

`write(site, site_dir, settings)` is one of `outputs.WRITERS`; the
browser side is `overrides/assets/search/engine.js` and `ui.js`. See `index.py` for the
file layout and `benchmarks/search.md` for why it is built this way.
"""

from __future__ import annotations

import os

from .entries import entries
from .index import write_index
from .terms import TermCache

OUTPUT_DIR = "search"


def write(site, site_dir: str, settings) -> None:
    topics: dict[str, object] = {}
    for page in site.pages:  # topic pages, in the registry's order
        topic = getattr(page.data, "topic", None)
        if topic is not None:
            topics.setdefault(topic.slug, topic)
    # One file at a time, straight to disk: the index is never whole in memory.
    # `settings` may be None (benchmarks and tests writing only the index). The memo
    # tables of folding live in the build's cache object, never in module globals.
    cache = settings.cache.setdefault("search", {}) if getattr(settings, "cache", None) is not None else None
    texts = cache.setdefault("texts", {}) if cache is not None else None
    terms = cache.setdefault("terms", {}) if cache is not None else None
    memo = cache.setdefault("memo", TermCache()) if cache is not None else TermCache()
    kept = cache.setdefault("postings", {}) if cache is not None else None
    files = cache.setdefault("files", {}) if cache is not None else None
    current = getattr(settings, "current_site", "")
    write_index(entries(site, texts), list(topics.values()), os.path.join(site_dir, OUTPUT_DIR), terms=terms,
                cache=memo, kept=kept, files=files, current=os.path.join(current, OUTPUT_DIR) if current else "",
                gz=getattr(settings, "gz", False))
