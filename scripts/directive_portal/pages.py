"""Page data: what each generated page and each document page shows.

Plain values for the templates in `overrides/`: no HTML here, no MkDocs.
URLs are site-relative (`chu-de/van-hoa/`); templates pass them through
MkDocs' `url` filter.
"""

from __future__ import annotations

import posixpath
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .graph import CitedDocument, Graph
from .model import CITED_TYPE_LABELS, DOCUMENT_TYPES, Document, Topic
from .text import slug

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


class _Lists:
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


def _top_cited(graph: Graph, paths: set[str], limit: int = 10) -> tuple[CitedItem, ...]:
    counts: Counter[str] = Counter()
    for path in paths:
        for key, _relation in set(graph.outgoing.get(path, ())):
            counts[key] += 1
    ranked = sorted(counts, key=lambda k: (-counts[k], k))[:limit]
    return tuple(cited_item(graph, graph.cited[k], count=counts[k]) for k in ranked)


def _link_targets(graph: Graph) -> dict[str, tuple[tuple[int, int, str], ...]]:
    """For each document: (start, end, target url) of every citation span in its body."""
    targets: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for path, doc in graph.documents.items():
        for index, cite in enumerate(graph.citations.get(path, ())):
            key = graph.mention_targets.get((path, index))
            if not key:
                continue
            cited = graph.cited[key]
            url = graph.documents[cited.published].url if cited.published else cited.url
            if cited.published == path:
                continue
            targets[path].append((cite.start, cite.end, url))
    return {k: tuple(v) for k, v in targets.items()}


def build_site(graph: Graph, topics: list[Topic], list_limit: int = LIST_LIMIT) -> Site:
    topic_by_slug = {t.slug: t for t in topics}
    docs = list(graph.documents.values())
    lists = _Lists(docs)

    views: dict[str, DocumentView] = {}
    published_as: dict[str, list[CitedDocument]] = defaultdict(list)  # path -> cited documents it is
    for cited in graph.cited.values():
        if cited.published:
            published_as[cited.published].append(cited)
    for doc in docs:
        cites = tuple(
            cited_item(graph, cited, relation)
            for cited, relation in sorted(graph.cited_in(doc.path),
                                          key=lambda cr: (cr[1] != "implements", cr[0].key))
        )
        cited_by = tuple(lists.item(d, incoming.get(d.path, "")) for c in published_as.get(doc.path, ())
                         for incoming in [dict(graph.incoming.get(c.key, ()))] for d in graph.citing(c.key))
        views[doc.path] = DocumentView(
            document=doc, type_label=doc.type_label,
            date=doc.date.display() if doc.date else "",
            topics=tuple(topic_by_slug[t] for t in doc.topics if t in topic_by_slug),
            cites=cites, cited_by=cited_by,
            related=tuple(lists.item(d) for d in graph.related(doc.path)),
        )

    pages: list[GeneratedPage] = []
    by_topic: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        for topic in doc.topics:
            by_topic[topic].append(doc)
    topic_counts = tuple((t, len(by_topic.get(t.slug, []))) for t in topics)
    for topic in topics:
        members = by_topic.get(topic.slug, [])
        shown, year_pages, extra = _split(lists, f"chu-de/{topic.slug}/", f"Chủ đề {topic.title}", members, list_limit)
        pages.extend(extra)
        pages.append(GeneratedPage(
            f"chu-de/{topic.slug}.md", topic.title, "topic.html",
            TopicView(topic, shown, _top_cited(graph, {d.path for d in members}), len(members), year_pages)))
    pages.append(GeneratedPage("chu-de/index.md", "Chủ đề", "topics.html", IndexView(topics=topic_counts)))

    for cited in sorted(graph.cited.values(), key=lambda c: c.key):
        if cited.published:
            continue
        incoming = dict(graph.incoming.get(cited.key, ()))
        citing = graph.citing(cited.key)
        shown, year_pages, extra = _split(lists, f"{DIRECTIVES_DIR}/{cited.key}/", f"Văn bản dẫn chiếu {cited_label(cited)}",
                                          citing, list_limit, lambda d: lists.item(d, incoming.get(d.path, "")))
        pages.extend(extra)
        titles = tuple(sorted({m.title for m in cited.mentions if m.title and m.title != cited.title}))
        pages.append(GeneratedPage(
            f"{DIRECTIVES_DIR}/{cited.key}.md", cited_label(cited), "directive.html",
            DirectiveView(cited, cited_label(cited), cited.date.display() if cited.date else "",
                          CITED_TYPE_LABELS.get(cited.type, "Văn bản"), shown, titles, len(citing), year_pages)))
    all_cited = sorted((c for c in graph.cited.values() if not c.published),
                       key=lambda c: (-len({m.source for m in c.mentions}), c.key))
    pages.append(GeneratedPage(
        f"{DIRECTIVES_DIR}/index.md", "Văn bản dẫn chiếu", "directives.html",
        IndexView(items=tuple(cited_item(graph, c, count=len({m.source for m in c.mentions})) for c in all_cited))))

    pages.extend(_listings(lists, docs, list_limit))
    home = HomeView(
        latest=tuple(lists.item(d) for d in lists.newest(docs)[:10]),
        topics=topic_counts,
        top_cited=_top_cited(graph, set(graph.documents)),
        total=len(docs),
    )
    pages.append(GeneratedPage("index.md", "Trang chủ", "home.html", home))
    from .cascade_pages import extend  # it builds on this module's views: imported here, not above
    views, pages = extend(graph, topics, views, pages, lists.item)
    return Site(views, tuple(pages), _link_targets(graph))


def _year_label(doc: Document) -> str:
    return str(doc.date.year) if doc.date else "Không rõ năm"


def _group_by_year(lists: _Lists, docs: list[Document], item=None) -> tuple[tuple[str, tuple[DocItem, ...]], ...]:
    item = item or lists.item
    groups: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        groups[_year_label(doc)].append(doc)
    order = sorted(groups, key=lambda y: (not y.isdigit(), -int(y) if y.isdigit() else 0))
    return tuple((year, tuple(item(d) for d in lists.newest(groups[year]))) for year in order)


def _split(lists: _Lists, url_dir: str, heading: str, docs: list[Document], limit: int, item=None, types=(), issuers=()):
    """A list of documents, newest first, cut at `limit`.

    Returns (the items shown, year page links, the year pages): past the limit, each
    year gets its own page at `<url_dir><year>/`; below it, nothing more is made.
    """
    item = item or lists.item
    newest = lists.newest(docs)
    if len(newest) <= limit:
        return tuple(item(d) for d in newest), (), []
    links, pages = [], []
    for year, items in _group_by_year(lists, newest, item):
        year_slug = year if year.isdigit() else slug(year)
        links.append((year, f"{url_dir}{year_slug}/", len(items)))
        title = f"{heading}: {'năm ' + year if year.isdigit() else year.lower()}"
        pages.append(GeneratedPage(f"{url_dir}{year_slug}.md", title, "listing.html",
                                   ListingView(title, ((year, items),), types, issuers, (), len(items), len(items))))
    return tuple(item(d) for d in newest[:limit]), tuple(links), pages


def _listing(lists: _Lists, src: str, year_dir: str, heading: str, docs: list[Document], types, issuers,
             limit: int) -> list[GeneratedPage]:
    """A listing page grouped by year; a long one shows the newest and links a page per year
    (`<year_dir><year>/`)."""
    shown, year_pages, extra = _split(lists, year_dir, heading, docs, limit, types=types, issuers=issuers)
    if year_pages:
        groups = _group_by_year(lists, lists.newest(docs)[:limit])
        years = year_pages
    else:
        groups = _group_by_year(lists, docs)
        years = tuple((year, "", len(items)) for year, items in groups)  # "": an anchor on this page
    view = ListingView(heading, groups, types, issuers, years, len(docs), len(shown))
    return [GeneratedPage(src, heading, "listing.html", view)] + extra


def _listings(lists: _Lists, docs: list[Document], limit: int) -> list[GeneratedPage]:
    """The page of all documents by year, one page per type and per issuer (each with the
    filters of the documents it lists), and the year and filter index pages."""
    from .listing_facets import facets, groups, index_pages

    by_type, by_issuer, issuer_names = groups(docs)
    pages = _listing(lists, f"{LISTING_DIR}/index.md", f"{LISTING_DIR}/nam/", "Tất cả văn bản", docs, *facets(docs), limit)
    for type_slug, members in by_type.items():
        base = f"{LISTING_DIR}/loai/{type_slug}"
        pages += _listing(lists, f"{base}.md", f"{base}/", DOCUMENT_TYPES[type_slug][0], members, *facets(members), limit)
    for key, members in by_issuer.items():
        base = f"{LISTING_DIR}/co-quan/{key}"
        pages += _listing(lists, f"{base}.md", f"{base}/", issuer_names[key], members, *facets(members), limit)
    return pages + index_pages(docs, lambda members: _group_by_year(lists, members))


def relative_md_link(from_src: str, to_url: str) -> str:
    """Markdown link from a source file to a site URL's source (`chu-de/x/` -> `chu-de/x.md`)."""
    target = to_url.rstrip("/") + ".md" if to_url else "index.md"
    return posixpath.relpath(target, posixpath.dirname(from_src) or ".")
