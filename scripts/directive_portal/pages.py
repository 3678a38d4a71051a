"""Page data: what each generated page and each document page shows (`build_site`).

Plain values for the templates in `overrides/` (the views are in `views.py`): no HTML
here, no site generator.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from .cascade_pages import extend
from .changelog import RECENT_SRC, RECENT_TITLE, RecentView
from .graph import CitedDocument, Graph
from .listings import listings, split
from .model import CITED_TYPE_LABELS, Document, Topic
from .views import (DIRECTIVES_DIR, LIST_LIMIT, CitedItem, DirectiveView, DocumentView, GeneratedPage, HomeView,
                    IndexView, Lists, Site, TopicView, cited_item, cited_label)

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


def build_site(graph: Graph, topics: list[Topic], list_limit: int = LIST_LIMIT, memo: dict | None = None) -> Site:
    """The data of every page. `memo`, kept by the caller between builds: what was found in
    each document's body (cascade_pages.extend)."""
    docs = list(graph.documents.values())
    lists = Lists(docs)
    views = _document_views(graph, topics, lists)
    pages, topic_counts = _topic_pages(graph, topics, docs, lists, list_limit)
    pages += _directive_pages(graph, lists, list_limit)
    pages += listings(lists, docs, list_limit)
    home = HomeView(
        latest=tuple(lists.item(d) for d in lists.newest(docs)[:10]),
        topics=topic_counts,
        top_cited=_top_cited(graph, set(graph.documents)),
        total=len(docs),
    )
    pages.append(GeneratedPage("index.md", "Trang chủ", "home.html", home))
    # Its data is read from git when a page is made (`pipeline.Build.generated`), not here.
    pages.append(GeneratedPage(RECENT_SRC, RECENT_TITLE, "recent-changes.html", RecentView()))
    views, pages = extend(graph, topics, views, pages, lists.item, memo)
    return Site(views, tuple(pages), _link_targets(graph))


def _document_views(graph: Graph, topics: list[Topic], lists: Lists) -> dict[str, DocumentView]:
    topic_by_slug = {t.slug: t for t in topics}
    published_as: dict[str, list[CitedDocument]] = defaultdict(list)  # path -> cited documents it is
    for cited in graph.cited.values():
        if cited.published:
            published_as[cited.published].append(cited)
    views: dict[str, DocumentView] = {}
    for doc in graph.documents.values():
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
    return views


def _topic_pages(graph: Graph, topics: list[Topic], docs: list[Document], lists: Lists,
                 list_limit: int) -> tuple[list[GeneratedPage], tuple]:
    """Each topic's page (and its year pages), the topics index; and each topic's count."""
    pages: list[GeneratedPage] = []
    by_topic: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        for topic in doc.topics:
            by_topic[topic].append(doc)
    topic_counts = tuple((t, len(by_topic.get(t.slug, []))) for t in topics)
    for topic in topics:
        members = by_topic.get(topic.slug, [])
        shown, year_pages, extra = split(lists, f"chu-de/{topic.slug}/", f"Chủ đề {topic.title}", members, list_limit)
        pages.extend(extra)
        pages.append(GeneratedPage(
            f"chu-de/{topic.slug}.md", topic.title, "topic.html",
            TopicView(topic, shown, _top_cited(graph, {d.path for d in members}), len(members), year_pages)))
    pages.append(GeneratedPage("chu-de/index.md", "Chủ đề", "topics.html", IndexView(topics=topic_counts)))
    return pages, topic_counts


def _directive_pages(graph: Graph, lists: Lists, list_limit: int) -> list[GeneratedPage]:
    """A page per cited document the portal does not publish (and its year pages), and their index."""
    pages: list[GeneratedPage] = []
    for cited in sorted(graph.cited.values(), key=lambda c: c.key):
        if cited.published:
            continue
        incoming = dict(graph.incoming.get(cited.key, ()))
        citing = graph.citing(cited.key)
        shown, year_pages, extra = split(lists, f"{DIRECTIVES_DIR}/{cited.key}/", f"Văn bản dẫn chiếu {cited_label(cited)}",
                                         citing, list_limit, lambda d, incoming=incoming: lists.item(d, incoming.get(d.path, "")))
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
    return pages
