"""schema.org `Legislation` JSON-LD for a document page, as a plain dict.

The template emits it with Jinja's `tojson` filter. URLs are made absolute when
mkdocs.yml sets `site_url`, and are relative to the page otherwise (schema.org's
JSON-LD context declares `url` as an IRI, resolved against the page's address).
"""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin

from .pages import DocumentView


def link(target: str, page_url: str, site_url: str = "") -> str:
    """Address of a site-relative URL seen from a page: absolute with a site_url."""
    if site_url:
        return urljoin(site_url if site_url.endswith("/") else site_url + "/", target)
    # A directory URL (`van-ban/2026/x/`) is its own folder; a file URL sits in its parent's.
    folder = page_url.rstrip("/") if page_url.endswith("/") else posixpath.dirname(page_url)
    relative = posixpath.relpath(target or ".", folder or ".")
    if target.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return relative


def legislation(view: DocumentView, page_url: str, site_url: str = "") -> dict:
    """The JSON-LD dict of one published document."""
    doc = view.document
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": doc.title,
        "legislationType": view.type_label,
        "inLanguage": "vi",
        "url": link(doc.url, page_url, site_url),
    }
    if doc.number:
        data["legislationIdentifier"] = doc.number
    if doc.date:
        data["legislationDate"] = doc.date.iso()
    if doc.issuer:
        data["legislationPassedBy"] = {"@type": "Organization", "name": doc.issuer}
    if doc.place:
        data["spatialCoverage"] = {"@type": "Place", "name": doc.place}
    if doc.signer.name:
        data["author"] = {"@type": "Person", "name": doc.signer.name, "jobTitle": doc.signer.title}
    if view.topics:
        data["about"] = [topic.title for topic in view.topics]
    citations = []
    for item in view.cites:
        entry = {"@type": "Legislation", "name": item.label, "url": link(item.url, page_url, site_url)}
        if item.title:
            entry["alternateName"] = item.title
        if item.issuer:
            entry["legislationPassedBy"] = {"@type": "Organization", "name": item.issuer}
        citations.append(entry)
        if item.relation == "implements":
            data.setdefault("legislationApplies", []).append(
                {"@type": "Legislation", "name": item.label, "url": entry["url"]})
    if citations:
        data["citation"] = citations
    return data
