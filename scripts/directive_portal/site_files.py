"""What the output writers (feeds, short links, search, calendar) share: their settings,
addresses as a page or feed gives them, and one way to write files into the site.

Files are written beside their final place and renamed into it: a reader of the
site folder never sees half a file, and a file shared with an earlier site folder
(a hard link) is never changed in place.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from typing import Mapping
from urllib.parse import urljoin


@dataclass(frozen=True)
class Settings:
    site_url: str  # "" when mkdocs.yml sets none
    site_name: str
    docs_dir: str
    # Kept by the caller between `mkdocs serve` rebuilds, for writers that can reuse
    # their per-document work (one key per writer); None for a one-off build.
    cache: dict | None = field(default=None, compare=False)
    # The theme's template folders, in the order the site generator searches them (the
    # writers render their pages through the same templates as the site's).
    template_dirs: tuple[str, ...] = ()
    # (path, key) of the file that keeps `cache` between builds on disk (incremental.py), or ().
    cache_file: tuple[str, str] = ()
    # For `--dirty` into a staging folder: the site in place, whose files a writer may hard-link
    # instead of writing the same bytes again ("" for none). Never written through: a file not
    # linked is a new file, or renamed into place.
    current_site: str = ""
    # The build writes `X.gz` beside text files (precompress.py): a linked file takes its `.gz` along.
    gz: bool = False


def link(target: str, page_url: str, site_url: str = "") -> str:
    """Address of a site-relative URL seen from a page or file: absolute with a site_url."""
    if site_url:
        return urljoin(site_url if site_url.endswith("/") else site_url + "/", target)
    # A directory URL (`van-ban/2026/x/`) is its own folder; a file URL sits in its parent's.
    folder = page_url.rstrip("/") if page_url.endswith("/") else posixpath.dirname(page_url)
    relative = posixpath.relpath(target or ".", folder or ".")
    if target.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return relative


def write_files(site_dir: str, files: Mapping[str, str | bytes]) -> None:
    """Write each `path in the site -> content` (text as UTF-8)."""
    for path, content in files.items():
        target = os.path.join(site_dir, *path.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        temporary = target + ".tmp"
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, target)


def link_file(source: str, target: str, gz: bool = False) -> bool:
    """Hard-link `source` (with `gz`, and its `.gz` if any: precompress.py) at `target`, a file
    of the site being built that has the same bytes; False if it cannot (then write it). Without
    `gz` a `.gz` is never linked: `portal publish` compresses a site in place, and a build that
    does not would have it."""
    try:
        os.link(source, target)
    except OSError:  # not there (the site was built otherwise since), or another file system
        return False
    if not gz:
        return True
    try:
        os.link(source + ".gz", target + ".gz")
    except FileNotFoundError:
        pass
    except OSError:
        os.unlink(target)
        return False
    return True
