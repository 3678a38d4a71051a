"""Every internal link of a built site must resolve to a file of the site."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) and tag in ("a", "link", "script", "img"):
                self.links.append(attrs[name])


def broken_links(site: Path) -> list[str]:
    """`page -> link` for each internal link that points to nothing."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("#", "mailto:", "tel:", "data:")):
                continue
            path = unquote(parts.path)
            if path.startswith("/"):
                if page.name != "404.html":  # served at any depth, so MkDocs makes its links absolute
                    broken.append(f"{page.relative_to(site)} -> {link} (absolute link)")
                    continue
                target = site / path.lstrip("/")
            else:
                target = Path(posixpath.normpath(str(page.parent / path))) if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {link}")
    return broken
