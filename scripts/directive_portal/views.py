"""The data of each page, for the templates in `overrides/`: plain values, no HTML.

URLs are site-relative (`chu-de/van-hoa/`); templates pass them through their
generator's `url` filter. `pages.build_site` makes them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from .graph import CitedDocument, Graph
from .model import CITED_TYPE_LABELS, Document, Topic

DIRECTIVES_DIR = "van-ban-dan-chieu"
LISTING_DIR = "van-ban"
# A list longer than this shows its newest documents and links a page per year:
# a phone should not download every document of a city's twenty years at once.
LIST_LIMIT = 100


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build generates: source path, title, template and its data."""

    src: str  # e.g. `chu-de/van-hoa.md`
    title: str
    template: str
    data: object


@dataclass(frozen=True)
class DocItem:
    """A document as a line in a list."""

    url: str
    title: str
    number: str
    type_label: str
    date: str
    issuer: str
    relation: str = ""


@dataclass(frozen=True)
class CitedItem:
    url: str
    label: str  # `Chỉ thị số 53-CT/TW`
    date: str
    issuer: str
    title: str
    relation: str = ""
    count: int = 0


@dataclass(frozen=True)
class DocumentView:
    document: Document
    type_label: str
    date: str
    topics: tuple[Topic, ...]
    cites: tuple[CitedItem, ...]
    cited_by: tuple[DocItem, ...]
    related: tuple[DocItem, ...]
    # Added by cascade_pages.extend: the ways up ("21-KH/TU ← 53-CT/TW"), what replaces or
    # amends this document, what it replaces or amends, the deadlines in its text.
    chains: tuple = ()
    replaced_by: tuple = ()
    changes: tuple = ()
    deadlines: tuple = ()


@dataclass(frozen=True)
class DirectiveView:
    cited: CitedDocument
    label: str
    date: str
    type_label: str
    citing: tuple[DocItem, ...]
    titles: tuple[str, ...] = ()
    total: int = 0
    year_pages: tuple[tuple[str, str, int], ...] = ()  # (year, url, count) when the list is split
    cascade: object = None  # cascade.Node: what carries it out, down to the ward (cascade_pages.extend)
    replaced_by: tuple = ()


@dataclass(frozen=True)
class TopicView:
    topic: Topic
    documents: tuple[DocItem, ...]
    top_cited: tuple[CitedItem, ...]
    total: int = 0
    year_pages: tuple[tuple[str, str, int], ...] = ()


@dataclass(frozen=True)
class ListingView:
    heading: str
    groups: tuple[tuple[str, tuple[DocItem, ...]], ...]  # (year, items)
    types: tuple[tuple[str, str, int], ...] = ()  # (label, url, count)
    issuers: tuple[tuple[str, str, int], ...] = ()
    years: tuple[tuple[str, str, int], ...] = ()  # links to the years: anchors, or year pages
    total: int = 0
    shown: int = 0


@dataclass(frozen=True)
class HomeView:
    latest: tuple[DocItem, ...]
    topics: tuple[tuple[Topic, int], ...]
    top_cited: tuple[CitedItem, ...]
    total: int


@dataclass(frozen=True)
class IndexView:
    items: tuple[CitedItem, ...] = ()
    topics: tuple[tuple[Topic, int], ...] = ()


@dataclass(frozen=True)
class Site:
    """Everything the adapter needs: views for documents and generated pages."""

    documents: dict[str, DocumentView]
    pages: tuple[GeneratedPage, ...]
    link_targets: dict[str, tuple[tuple[int, int, str], ...]] = field(default_factory=dict)


def cited_label(cited: CitedDocument) -> str:
    type_label = CITED_TYPE_LABELS.get(cited.type, "Văn bản")
    return f"{type_label} số {cited.id}"


def doc_item(doc: Document, relation: str = "") -> DocItem:
    return DocItem(doc.url, doc.title, doc.number, doc.type_label,
                   doc.date.display() if doc.date else "", doc.issuer, relation)


def cited_item(graph: Graph, cited: CitedDocument, relation: str = "", count: int = 0) -> CitedItem:
    url = graph.documents[cited.published].url if cited.published else cited.url
    return CitedItem(url, cited_label(cited), cited.date.display() if cited.date else "",
                     cited.issuer, cited.title, relation, count)


class Lists:
    """List items and the newest-first order, made once per build for every document.

    The same document appears in many lists (its topics, listings, cited pages, its
    neighbours' "cited by"): one `DocItem` per document and relation, and one sort of
    all documents, instead of one per appearance.
    """

    def __init__(self, docs: list[Document]) -> None:
        newest = sorted(docs, key=lambda d: d.sort_key(), reverse=True)
        self._rank = {d.path: i for i, d in enumerate(newest)}  # sort keys end with the path: no ties
        self._items: dict[tuple[str, str], DocItem] = {}

    def newest(self, docs) -> list[Document]:
        return sorted(docs, key=lambda d: self._rank[d.path])

    def item(self, doc: Document, relation: str = "") -> DocItem:
        found = self._items.get((doc.path, relation))
        if found is None:
            found = self._items[(doc.path, relation)] = doc_item(doc, relation)
        return found


def relative_md_link(from_src: str, to_url: str) -> str:
    """Markdown link from a source file to a site URL's source (`chu-de/x/` -> `chu-de/x.md`)."""
    target = to_url.rstrip("/") + ".md" if to_url else "index.md"
    return posixpath.relpath(target, posixpath.dirname(from_src) or ".")
