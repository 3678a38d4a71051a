"""Site search that works from static files: built by `mkdocs build`, read by a small script.

`write(site, site_dir, settings)` is registered in `outputs.WRITERS`; the
browser side is `overrides/assets/search/search.js`. See `index.py` for the
file layout and `benchmarks/search.md` for why it is built this way.
"""

from __future__ import annotations

import os
import shutil

from .entries import entries
from .index import build_index

OUTPUT_DIR = "search"


def write(site, site_dir: str, settings) -> None:
    topics: dict[str, object] = {}
    for page in site.pages:  # topic pages, in the registry's order
        topic = getattr(page.data, "topic", None)
        if topic is not None:
            topics.setdefault(topic.slug, topic)
    index = build_index(entries(site), list(topics.values()))
    root = os.path.join(site_dir, OUTPUT_DIR)
    shutil.rmtree(root, ignore_errors=True)
    for path, content in index.files.items():
        target = os.path.join(root, *path.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(content)
