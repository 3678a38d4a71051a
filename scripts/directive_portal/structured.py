"""schema.org `Legislation` JSON-LD for a document page, as a plain dict.

The template emits it with `script_json`. URLs are made absolute when
mkdocs.yml sets `site_url`, and are relative to the page otherwise (schema.org's
JSON-LD context declares `url` as an IRI, resolved against the page's address).
"""

from __future__ import annotations

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from .views import DocumentView
from .site_files import link


def _legislation(name: str, url: str, at: tuple[str, str], identifier: str = "", issuer: str = "", **more) -> dict:
    """A schema.org `Legislation`: its name, its address seen from the page (`at`: the page's
    URL and the site's), and whatever else is known (empty values left out)."""
    entry: dict = {"@type": "Legislation", "name": name}
    if url:
        entry["url"] = link(url, *at)
    if identifier:
        entry["legislationIdentifier"] = identifier
    if issuer:
        entry["legislationPassedBy"] = {"@type": "Organization", "name": issuer}
    entry.update((key, value) for key, value in more.items() if value)
    return entry


def _in_force(replaced_by) -> dict:
    """Replaced: not in force; amended only: partly."""
    if not replaced_by:
        return {}
    replaced = any(item.kind == "replaces" for item in replaced_by)
    return {"legislationLegalForce": "https://schema.org/" + ("NotInForce" if replaced else "PartiallyInForce")}


def legislation(view: DocumentView, page_url: str, site_url: str = "") -> dict:
    """The JSON-LD dict of one published document."""
    doc, at = view.document, (page_url, site_url)
    data = {"@context": "https://schema.org", **_legislation(
        doc.title, doc.url, at, doc.number, doc.issuer, legislationType=view.type_label, inLanguage="vi",
        legislationDate=doc.date.iso() if doc.date else "")}
    if doc.place:
        data["spatialCoverage"] = {"@type": "Place", "name": doc.place}
    if doc.signer.name:
        data["author"] = {"@type": "Person", "name": doc.signer.name, "jobTitle": doc.signer.title}
    if view.topics:
        data["about"] = [topic.title for topic in view.topics]
    citations = [_legislation(item.label, item.url, at, issuer=item.issuer, alternateName=item.title)
                 for item in view.cites]
    applies = [_legislation(item.label, item.url, at) for item in view.cites if item.relation == "implements"]
    if citations:
        data["citation"] = citations
    if applies:
        data["legislationApplies"] = applies
    data.update(cascade_properties(view, page_url, site_url))
    return data


def _based_on(chain, at: tuple[str, str]) -> list[dict]:
    """One chain upward (levels of steps) as nested `isBasedOn`: 578-CV ← 21-KH ← 53-CT."""
    above = _based_on(chain[1:], at) if len(chain) > 1 else []
    return [_legislation(step.label, step.url, at, step.label, isBasedOn=above) for step in chain[0]]


def cascade_properties(view: DocumentView, page_url: str, site_url: str = "") -> dict:
    """The chain upward, what this document replaces or amends, and whether it is still in force."""
    at = (page_url, site_url)
    data: dict = {}
    based = [entry for chain in view.chains for entry in _based_on(chain.levels, at)]
    if based:
        data["isBasedOn"] = based
    changes = [_legislation(item.label, item.url, at) for item in view.changes]
    if changes:
        data["legislationChanges"] = changes
    data.update(_in_force(view.replaced_by))
    return data


def _node_entry(node, at: tuple[str, str]) -> dict:
    below = [_node_entry(child, at) for child in node.children]
    return _legislation(node.label, node.url, at, node.number, node.issuer,
                        **({"@reverse": {"isBasedOn": below}} if below else {}))


def cited_legislation(view, page_url: str, site_url: str = "") -> dict:
    """The JSON-LD dict of a cited document's page (`pages.DirectiveView`): what the citations
    and the registry say of it, and what carries it out (`@reverse` `isBasedOn`), as deep as known."""
    cited, at = view.cited, (page_url, site_url)
    data = {"@context": "https://schema.org", **_legislation(
        view.label, cited.url, at, cited.id, cited.issuer, legislationType=view.type_label, inLanguage="vi",
        alternateName=cited.title, legislationDate=cited.date.iso() if cited.date else "", sameAs=cited.link)}
    if view.cascade is not None and view.cascade.children:
        data["@reverse"] = {"isBasedOn": [_node_entry(child, at) for child in view.cascade.children]}
    data.update(_in_force(view.replaced_by))
    return data


def script_json(value) -> Markup:
    """`value` as JSON for a `<script type="application/ld+json">` element: Jinja's `tojson`
    (`<`, `>`, `&` and `'` escaped, keys sorted), but with letters as they are: `tojson` writes
    each Vietnamese letter as a 6-byte `\\uXXXX`."""
    return htmlsafe_json_dumps(value, ensure_ascii=False, sort_keys=True)
