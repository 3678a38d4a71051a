"""Atom feeds of new documents: `feed.xml` for the site, `chu-de/<slug>/feed.xml` per topic.

Written after the pages by `outputs.write_all`. Output is deterministic: entries
come from the content only and `<updated>` is the newest document date, never
the build time. With a `site_url` in mkdocs.yml every link is absolute; without
one the links are relative to the feed's own address (Atom allows relative
references, resolved against the feed URL), and ids are `urn:uuid:` values
derived from each page's path, so they stay stable when the site moves.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET

from .model import Document, PartialDate
from .views import Site, TopicView
from .share import description
from .site_files import Settings, link, write_files

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 50  # entries per feed: the newest documents
_NAMESPACE = uuid.UUID("6f0c7f43-3d1e-4f57-9c39-2b2b8a6f5e10")


def _timestamp(date: PartialDate | None) -> str:
    if date is None:
        return "1970-01-01T00:00:00Z"
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


def _urn(path: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, path)}"


def _sub(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text:
        element.text = text
    return element


def _changes(view) -> str:
    """What the summary adds when a document replaces or amends others: " Thay thế Thông báo số 04-TB/ĐU."."""
    words = {"replaces": "Thay thế", "amends": "Sửa đổi, bổ sung"}
    return "".join(f" {words[item.kind]} {item.label}." for item in view.changes)


def build_feed(site: Site, documents: list[Document], feed_path: str, page_url: str,
               title: str, settings: Settings) -> bytes:
    """One Atom feed (bytes, UTF-8) of the newest documents among `documents`."""
    ET.register_namespace("", ATOM)
    ordered = sorted(documents, key=lambda d: d.sort_key(), reverse=True)[:LIMIT]
    newest = next((d.date for d in ordered if d.date), None)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "vi"})
    _sub(feed, "title", title)
    _sub(feed, "subtitle", f"Văn bản mới của {settings.site_name}")
    _sub(feed, "id", _urn(feed_path))
    _sub(feed, "updated", _timestamp(newest))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=link(feed_path, feed_path, settings.site_url))
    _sub(feed, "link", rel="alternate", type="text/html", href=link(page_url, feed_path, settings.site_url))
    author = _sub(feed, "author")
    _sub(author, "name", settings.site_name)
    for doc in ordered:
        view = site.documents[doc.path]
        entry = _sub(feed, "entry")
        _sub(entry, "title", doc.title)
        _sub(entry, "id", _urn(doc.url))
        _sub(entry, "updated", _timestamp(doc.date or newest))
        _sub(entry, "link", rel="alternate", type="text/html", href=link(doc.url, feed_path, settings.site_url))
        if doc.issuer:
            _sub(_sub(entry, "author"), "name", doc.issuer)
        _sub(entry, "summary", description(view) + _changes(view))
        for item in view.changes:  # the documents this one replaces or amends
            if item.url:
                _sub(entry, "link", rel="related", type="text/html", href=link(item.url, feed_path, settings.site_url),
                     title=item.label)
        for topic in view.topics:
            _sub(entry, "category", term=topic.slug, label=topic.title)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def feeds(site: Site, settings: Settings) -> dict[str, bytes]:
    """Every feed of the site: path in the site -> content."""
    published = [view.document for view in site.documents.values()]
    out = {"feed.xml": build_feed(site, published, "feed.xml", "", settings.site_name, settings)}
    for page in site.pages:
        if isinstance(page.data, TopicView):
            topic = page.data.topic
            members = [d for d in published if topic.slug in d.topics]
            path = f"{topic.url}feed.xml"
            out[path] = build_feed(site, members, path, topic.url,
                                   f"{topic.title} — {settings.site_name}", settings)
    return out


def write(site: Site, site_dir: str, settings: Settings) -> None:
    write_files(site_dir, feeds(site, settings))
