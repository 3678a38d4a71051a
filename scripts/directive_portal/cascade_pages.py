"""Page data for the cascade, a document's life and deadlines (no HTML, no MkDocs).

`extend` adds to the views `pages.build_site` made: the cascade tree of each cited
directive, the chain upward and the deadlines of each document, which document
replaces which; and the generated pages `/trien-khai/` (what each central and city
directive has become in the ward) and `/han-thuc-hien/` (the deadlines).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import cascade, lifecycle
from .deadlines import Deadline, find_deadlines
from .graph import Graph
from .model import CITED_TYPE_LABELS, Topic
from .relations import Relations, infer
from .parallel import per_document
from .views import DirectiveView, GeneratedPage

TRACKING_SRC = "trien-khai.md"
DEADLINES_SRC = "han-thuc-hien.md"
CALENDAR_PATH = "han-thuc-hien.ics"
TREE_LIMIT = 20  # documents shown under one node of a cascade; the page's full list has them all
TREE_NODES = 60  # nodes shown in one cascade (about 2 KB each with their sentences), the upper levels first
TRACKING_LIMIT = 10  # ward documents shown per directive on /trien-khai/, newest first
LEVELS = {"central": "Trung ương", "city": "Thành phố, tỉnh"}


@dataclass(frozen=True)
class LifeItem:
    """A document on the other side of a replacement: `Thông báo số 05-TB/ĐU ngày 10/02/2026`."""

    kind: str  # "replaces" or "amends"
    label: str
    url: str  # "" when the portal has no page for it


@dataclass(frozen=True)
class TrackingRow:
    label: str
    url: str
    level: str
    date: str
    date_iso: str
    issuer: str
    title: str
    topics: tuple[str, ...]  # slugs of the topics of the documents citing it
    carrying: tuple[tuple[object, tuple[str, ...]], ...]  # (DocItem, numbers of the plans between)
    more: int = 0  # documents carrying it out past the ones shown (the directive's page lists them)


@dataclass(frozen=True)
class TrackingView:
    rows: tuple[TrackingRow, ...]
    topics: tuple[Topic, ...]

    @property
    def carried(self) -> tuple[TrackingRow, ...]:
        return tuple(r for r in self.rows if r.carrying)

    @property
    def waiting(self) -> tuple[TrackingRow, ...]:
        return tuple(r for r in self.rows if not r.carrying)


@dataclass(frozen=True)
class DeadlineItem:
    deadline: Deadline
    url: str
    title: str
    number: str  # `Công văn (chưa có số)`, `Kế hoạch số 12-KH/ĐU`


DEADLINES_SHOWN = 300


@dataclass(frozen=True)
class DeadlinesView:
    dated: tuple[DeadlineItem, ...]  # a day or a period, soonest end first: the latest DEADLINES_SHOWN
    other: tuple[DeadlineItem, ...]  # recurring, or a day without a year: the newest DEADLINES_SHOWN
    calendar: str = CALENDAR_PATH
    dated_total: int = 0  # all of them are in the calendar feed
    other_total: int = 0


def _doc_label(doc) -> str:
    text = f"{doc.type_label} số {doc.number}" if doc.number else f"{doc.type_label} (chưa có số)"
    if doc.date:
        text += f" ngày {doc.date.display()}" if doc.date.day else f" {doc.date.display()}"
    return text


def _cited_life_label(cited) -> str:
    text = f"{CITED_TYPE_LABELS.get(cited.type, 'Văn bản')} số {cited.id}"
    return text + (f" ngày {cited.date.display()}" if cited.date and cited.date.day else "")


def _life(graph: Graph) -> tuple[dict[str, list[LifeItem]], dict[str, list[LifeItem]]]:
    """(what each page is replaced or amended by, what each document replaces or amends),
    keyed by document path or cited key."""
    changes, _problems = lifecycle.resolve(graph.documents.values(), graph.cited.values(),
                                           [e.id for e in graph.registry])
    by: dict[str, list[LifeItem]] = {}
    of: dict[str, list[LifeItem]] = {}
    for change in changes:
        source = graph.documents[change.source]
        by.setdefault(change.target_path or change.target_key, []).append(
            LifeItem(change.kind, _doc_label(source), source.url))
        if change.target_path:
            target = graph.documents[change.target_path]
            item = LifeItem(change.kind, _doc_label(target), target.url)
        elif change.target_key:
            cited = graph.cited[change.target_key]
            item = LifeItem(change.kind, _cited_life_label(cited), cited.url)
        else:
            item = LifeItem(change.kind, change.id, "")
        of.setdefault(change.source, []).append(item)
    by.pop("", None)
    return by, of


def _part(memo: dict | None, name: str) -> dict | None:
    return memo.setdefault(name, {}) if memo is not None else None


def extend(graph: Graph, topics: list[Topic], views: dict, pages: list, item,
           memo: dict | None = None) -> tuple[dict, list]:
    """Views and pages with the cascade, the life of documents and the deadlines added.
    `item(doc)` makes the list item of a document (`views.Lists.item`); `memo`, kept by the
    caller between builds: what was found in each body (its deadlines, the relations its text
    tells), by kind."""
    relations = infer(graph, graph.registry, _part(memo, "relations"))
    found_in = per_document(_part(memo, "deadlines"), {path: view.document.body for path, view in views.items()},
                            lambda path: tuple(find_deadlines(views[path].document.body)))
    replaced_by, replacing = _life(graph)
    deadlines: list[DeadlineItem] = []
    new_views = {}
    for path, view in views.items():
        doc = view.document
        found = tuple(replace(d, line=doc.body_line + d.line - 1) for d in found_in[path])
        deadlines += [DeadlineItem(d, doc.url, doc.title, _doc_label(doc)) for d in found]
        new_views[path] = replace(view, chains=cascade.chains(graph, relations, path),
                                  replaced_by=tuple(replaced_by.get(path, ())),
                                  changes=tuple(replacing.get(path, ())), deadlines=found)
    under = cascade.placements(graph, relations)
    new_pages = []
    for page in pages:
        if isinstance(page.data, DirectiveView) and page.data.cited.key in graph.cited and \
                page.src == f"van-ban-dan-chieu/{page.data.cited.key}.md":
            key = page.data.cited.key
            page = replace(page, data=replace(page.data, cascade=cascade.pruned(
                cascade.tree(graph, relations, key, under, TREE_LIMIT), TREE_NODES),
                                              replaced_by=tuple(replaced_by.get(key, ()))))
        new_pages.append(page)
    new_pages.append(GeneratedPage(TRACKING_SRC, "Theo dõi triển khai", "tracking.html",
                                   _tracking(graph, relations, topics, item)))
    dated = sorted((d for d in deadlines if d.deadline.end), key=lambda d: (d.deadline.end, d.deadline.start, d.url))
    other = [d for d in deadlines if not d.deadline.end]
    # A city's twenty years hold tens of thousands of deadlines: the page shows the latest
    # (a phone should not download megabytes); the calendar feed has them all.
    new_pages.append(GeneratedPage(DEADLINES_SRC, "Hạn thực hiện", "deadlines.html", DeadlinesView(
        tuple(dated[-DEADLINES_SHOWN:]), tuple(other[:DEADLINES_SHOWN]), CALENDAR_PATH, len(dated), len(other))))
    return new_views, new_pages


def _tracking(graph: Graph, relations: Relations, topics: list[Topic], item) -> TrackingView:
    known = {t.slug for t in topics}
    rows = []
    for cited, level, carrying in cascade.tracking(graph, relations):
        citing = {t for path, _relation in graph.incoming.get(cited.key, ()) for t in graph.documents[path].topics}
        citing |= {t for c in carrying for t in c.document.topics}
        url = cited.url
        rows.append(TrackingRow(
            cascade.cited_label(cited), url, LEVELS[level], cited.date.display() if cited.date else "",
            cited.date.iso() if cited.date else "", cited.issuer, cited.title,
            tuple(sorted(citing & known)),
            tuple((item(c.document), tuple(graph.cited[k].id for k in c.via)) for c in carrying[:TRACKING_LIMIT]),
            max(0, len(carrying) - TRACKING_LIMIT)))
    used = {slug for row in rows for slug in row.topics}
    return TrackingView(tuple(rows), tuple(t for t in topics if t.slug in used))
