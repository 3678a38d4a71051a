"""schema.org `Legislation` JSON-LD for a document page, as a plain dict.

The template emits it with Jinja's `tojson` filter. URLs are made absolute when
mkdocs.yml sets `site_url`, and are relative to the page otherwise (schema.org's
JSON-LD context declares `url` as an IRI, resolved against the page's address).
"""

from __future__ import annotations


from .views import DocumentView
from .site_files import link


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
    data.update(cascade_properties(view, page_url, site_url))
    return data


def _step_entry(step, page_url: str, site_url: str) -> dict:
    return {"@type": "Legislation", "name": step.label, "legislationIdentifier": step.label,
            "url": link(step.url, page_url, site_url)}


def _based_on(chain, page_url: str, site_url: str) -> list[dict]:
    """One chain upward (levels of steps) as nested `isBasedOn`: 578-CV ← 21-KH ← 53-CT."""
    entries = [_step_entry(step, page_url, site_url) for step in chain[0]]
    if len(chain) > 1:
        above = _based_on(chain[1:], page_url, site_url)
        for entry in entries:
            entry["isBasedOn"] = above
    return entries


def cascade_properties(view: DocumentView, page_url: str, site_url: str = "") -> dict:
    """The chain upward, what this document replaces or amends, and whether it is still in force."""
    data: dict = {}
    based = [entry for chain in view.chains for entry in _based_on(chain.levels, page_url, site_url)]
    if based:
        data["isBasedOn"] = based
    changes = [{"@type": "Legislation", "name": item.label, **({"url": link(item.url, page_url, site_url)} if item.url else {})}
               for item in view.changes]
    if changes:
        data["legislationChanges"] = changes
    if any(item.kind == "replaces" for item in view.replaced_by):
        data["legislationLegalForce"] = "https://schema.org/NotInForce"
    elif view.replaced_by:
        data["legislationLegalForce"] = "https://schema.org/PartiallyInForce"
    return data


def _node_entry(node, page_url: str, site_url: str) -> dict:
    entry = {"@type": "Legislation", "name": node.label, "url": link(node.url, page_url, site_url)}
    if node.number:
        entry["legislationIdentifier"] = node.number
    if node.issuer:
        entry["legislationPassedBy"] = {"@type": "Organization", "name": node.issuer}
    below = [_node_entry(child, page_url, site_url) for child in node.children]
    if below:
        entry["@reverse"] = {"isBasedOn": below}
    return entry


def cited_legislation(view, page_url: str, site_url: str = "") -> dict:
    """The JSON-LD dict of a cited document's page (`pages.DirectiveView`): what the citations
    and the registry say of it, and what carries it out (`@reverse` `isBasedOn`), as deep as known."""
    cited = view.cited
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": view.label,
        "legislationIdentifier": cited.id,
        "legislationType": view.type_label,
        "inLanguage": "vi",
        "url": link(cited.url, page_url, site_url),
    }
    if cited.title:
        data["alternateName"] = cited.title
    if cited.date:
        data["legislationDate"] = cited.date.iso()
    if cited.issuer:
        data["legislationPassedBy"] = {"@type": "Organization", "name": cited.issuer}
    if cited.link:
        data["sameAs"] = cited.link
    if view.cascade is not None and view.cascade.children:
        data["@reverse"] = {"isBasedOn": [_node_entry(child, page_url, site_url) for child in view.cascade.children]}
    if view.replaced_by:
        data["legislationLegalForce"] = "https://schema.org/NotInForce" if any(
            i.kind == "replaces" for i in view.replaced_by) else "https://schema.org/PartiallyInForce"
    return data
