"""The cascade: how a central directive comes down to the ward, as plain values.

`tree(graph, relations, key)` is the directive with what carries it out below it
(a city or province plan, then the ward documents under the plan they carry out),
as deep as the content goes. `chains(graph, relations, path)` is the way up from a
document ("578-CV/BTGDVTU ← 21-KH/TU ← 53-CT/TW"). `tracking` says, for each central
and city directive, which ward documents carry it out. Nothing here knows of MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .graph import CitedDocument, Graph
from .model import CITED_TYPE_LABELS, Document
from .relations import Relations

MAX_DEPTH = 8  # a chain of plans deeper than this is a loop in the content


@dataclass(frozen=True)
class Source:
    """Why a relation is shown: the sentence of a document, or a line of the registry."""

    url: str  # the document's page; "" for the registry
    title: str  # the document's title, or the registry file
    sentence: str
    line: int


# Sentences shown for one step: enough to see why it holds. A central directive carried out
# by thousands of documents would otherwise list every one of their sentences on every page.
MAX_SOURCES = 3


def sources(graph: Graph, provenance) -> tuple[Source, ...]:
    out: list[Source] = []
    said: set[str] = set()
    for p in provenance:
        if p.sentence in said:
            continue
        said.add(p.sentence)
        doc = graph.documents.get(p.path)
        if doc is not None:
            out.append(Source(doc.url, doc.title, p.sentence, p.line))
        else:
            out.append(Source("", p.path, p.sentence, p.line))
        if len(out) == MAX_SOURCES:
            break
    return tuple(out)


@dataclass(frozen=True)
class Node:
    """One document in the cascade, ready to show."""

    label: str  # `Kế hoạch số 17-KH/TU`, or a ward document's title
    number: str
    issuer: str
    date: str
    url: str  # site-relative
    relation: str = ""  # "implements" (carries out its parent) or "cites" (only cites it)
    provenance: tuple[Source, ...] = ()
    children: tuple["Node", ...] = ()
    is_document: bool = False  # published on the portal
    more: int = 0  # documents under it not shown (past a limit): its own page lists them all


def cited_label(cited: CitedDocument) -> str:
    return f"{CITED_TYPE_LABELS.get(cited.type, 'Văn bản')} số {cited.id}"


def level(cited_id: str) -> str:
    """`central` for `…/TW`, `city` for a city or province body (`…/TU`, `…/BTGDVTU`), else ""."""
    match = re.fullmatch(r"\d+-[^/]+/(.+)", cited_id)
    if not match:
        return ""
    issuer = match[1].upper()
    if issuer == "TW":
        return "central"
    return "city" if issuer.endswith("TU") else ""


def _cited_node(graph: Graph, key: str, relation: str, provenance, children) -> Node:
    cited = graph.cited[key]
    url = graph.documents[cited.published].url if cited.published else cited.url
    return Node(cited_label(cited), cited.id, cited.issuer, cited.date.display() if cited.date else "",
                url, relation, sources(graph, provenance), tuple(children), bool(cited.published))


def _doc_node(graph: Graph, doc: Document, relation: str, provenance) -> Node:
    return Node(doc.title, doc.number, doc.issuer, doc.date.display() if doc.date else "", doc.url,
                relation, sources(graph, provenance), (), True)


def descendants(relations: Relations, key: str) -> set[str]:
    seen: set[str] = set()
    todo = [key]
    while todo:
        for link in relations.children.get(todo.pop(), ()):
            if link.child not in seen and link.child != key:
                seen.add(link.child)
                todo.append(link.child)
    return seen


def placements(graph: Graph, relations: Relations) -> dict[str, list[tuple[Document, str, tuple]]]:
    """Where each document sits in the cascades: under the deepest of the documents it cites or
    carries out (a ward letter citing both the city plan and the directive sits under the plan).
    Made once for every tree: the deepest within one tree are the deepest of all that are in it.
    Cited key -> (document, "implements" or "cites", provenance), newest first."""
    ancestors: dict[str, set[str]] = {}
    under: dict[str, list[tuple[Document, str, tuple]]] = {}
    for path, doc in graph.documents.items():
        carried = {link.parent: link.provenance for link in relations.carried_out.get(path, ())}
        own = {key for key, _relation in graph.outgoing.get(path, ())} | set(carried)
        own = {k for k in own if k in graph.cited and graph.cited[k].published != path}
        above: set[str] = set()
        for k in own:
            if k not in ancestors:
                ancestors[k] = relations.ancestors(k)
            above |= ancestors[k]
        for k in sorted(own - above):
            under.setdefault(k, []).append((doc, "implements" if k in carried else "cites", carried.get(k, ())))
    for entries in under.values():
        entries.sort(key=lambda t: t[0].sort_key(), reverse=True)
    return under


def tree(graph: Graph, relations: Relations, key: str, under: dict | None = None, limit: int = 0) -> Node:
    """The cascade under the cited document `key`; `under` from `placements` (made when not
    given); past `limit` documents under one node (0: no limit), the newest are shown."""
    if under is None:
        under = placements(graph, relations)
    return _subtree(graph, relations, key, "", (), under, frozenset(), 0, limit)


def _subtree(graph, relations, key, relation, provenance, under, path, depth, limit) -> Node:
    children: list[Node] = []
    if depth < MAX_DEPTH:
        links = [link for link in relations.children.get(key, ()) if link.child not in path and link.child in graph.cited]
        links.sort(key=lambda link: (_date_key(graph.cited[link.child]), graph.cited[link.child].id))
        for link in links:
            children.append(_subtree(graph, relations, link.child, "implements", link.provenance,
                                     under, path | {key}, depth + 1, limit))
    docs = under.get(key, ())
    shown = docs[:limit] if limit else docs
    children += [_doc_node(graph, doc, rel, prov) for doc, rel, prov in shown]
    node = _cited_node(graph, key, relation, provenance, children)
    return replace(node, more=len(docs) - len(shown)) if len(docs) > len(shown) else node


def pruned(root: Node, budget: int) -> Node:
    """The tree with at most `budget` nodes below `root`, kept level by level in order: the
    cascade of a directive that a whole city carries out would otherwise make a page of
    megabytes for a phone. A node whose children are cut says how many (`more`)."""
    kept: set[tuple[int, ...]] = set()  # where each kept node is: the child's index at each level
    level, left = [((), root)], budget
    while level and left > 0:
        below = []
        for where, node in level:
            for index, child in enumerate(node.children[:left]):
                kept.add(where + (index,))
                below.append((where + (index,), child))
            left -= min(left, len(node.children))
        level = below
    return _keep(root, (), kept)


def _keep(node: Node, where: tuple[int, ...], kept: set[tuple[int, ...]]) -> Node:
    children = tuple(_keep(child, where + (i,), kept) for i, child in enumerate(node.children) if where + (i,) in kept)
    cut = len(node.children) - len(children)
    changed = cut or any(new is not old for new, old in zip(children, node.children))
    return replace(node, children=children, more=node.more + cut) if changed else node


def _date_key(cited: CitedDocument) -> tuple:
    return (cited.date is None,) + (cited.date.sort_key() if cited.date else (0, 0, 0))


@dataclass(frozen=True)
class Step:
    label: str  # the number: `21-KH/TU`
    url: str
    title: str = ""
    sources: tuple[Source, ...] = ()  # why the step below carries this one out


@dataclass(frozen=True)
class Chain:
    levels: tuple[tuple[Step, ...], ...]  # the document it carries out first, then what that carries out

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sentences telling each step, once each (registry lines left out)."""
        return tuple(dict.fromkeys(s for level in self.levels for step in level for s in step.sources if s.sentence))


def chains(graph: Graph, relations: Relations, path: str) -> tuple[Chain, ...]:
    """The ways up from a document: each a list of levels, the document it carries out first,
    then what that carries out (`556-CV/BTĐVTU ← 79-NQ/TW, 80-NQ/TW`); each step with the
    sentences (or registry lines) that tell it."""
    carried = {link.parent: link.provenance for link in relations.carried_out.get(path, ())
               if link.parent in graph.cited and graph.cited[link.parent].published != path}
    deepest = [k for k in carried if not any(k in relations.ancestors(m) for m in carried if m != k)]
    out = []
    for key in sorted(deepest, key=lambda k: graph.cited[k].id):
        levels, seen, here = [], {key}, {key: carried[key]}
        while here and len(levels) < MAX_DEPTH:
            levels.append(tuple(_step(graph, k, here[k]) for k in sorted(here, key=lambda k: graph.cited[k].id)))
            ups: dict[str, tuple] = {}
            for k in here:
                for link in relations.parents.get(k, ()):
                    if link.parent not in seen:
                        ups[link.parent] = ups.get(link.parent, ()) + link.provenance
            here = ups
            seen.update(here)
        out.append(Chain(tuple(levels)))
    return tuple(out)


def _step(graph: Graph, key: str, provenance=()) -> Step:
    cited = graph.cited[key]
    url = graph.documents[cited.published].url if cited.published else cited.url
    return Step(cited.id, url, cited.title, sources(graph, provenance))


@dataclass(frozen=True)
class Carrying:
    """A ward document carrying out a directive, directly or through a plan (`via`)."""

    document: Document
    via: tuple[str, ...] = ()  # keys of the plans between, nearest the directive first


def tracking(graph: Graph, relations: Relations) -> list[tuple[CitedDocument, str, list[Carrying]]]:
    """Each central and city directive the portal knows (not published here), its level and
    the ward documents carrying it out, newest first."""
    carrying: dict[str, list[str]] = {}  # cited key -> documents carrying it out themselves
    for path, links in relations.carried_out.items():
        for link in links:
            carrying.setdefault(link.parent, []).append(path)
    rows = []
    for key, cited in graph.cited.items():
        kind = level(cited.id)
        if not kind or cited.published:
            continue
        found: dict[str, tuple[str, ...]] = dict.fromkeys(carrying.get(key, ()), ())  # () for a direct one
        for below in descendants(relations, key):
            for path in carrying.get(below, ()):
                via = found.get(path)
                if via is None or via:  # direct carrying out wins over "through a plan"
                    found[path] = (via or ()) + (below,)
        items = [Carrying(graph.documents[p], tuple(sorted(via, key=lambda k: graph.cited[k].id)))
                 for p, via in found.items()]
        items.sort(key=lambda c: c.document.sort_key(), reverse=True)
        rows.append((cited, kind, items))
    rows.sort(key=lambda r: (r[0].date.sort_key() if r[0].date else (0, 0, 0), r[0].key), reverse=True)
    return rows
