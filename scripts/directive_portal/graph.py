"""The relation graph: which document cites which, resolved once all are known.

Citations are gathered from every published document (found in its text and
declared in its front matter), then grouped into cited documents. Numbers are
not unique: two citations are the same document only when their canonical
numbers match and their years, full dates and issuers do not contradict each
other. A citation with no date joins the one known document with its number,
or is reported when there are several.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from itertools import combinations, islice
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable

from . import clusters, lifecycle, registry as registry_facts
from .model import Document, PartialDate, Problem
from .numbers import citation_key, type_from_number
from .references import Citation, find_citations
from .parallel import per_document

# A cited document with more citing documents than this is "popular" for `Graph.related`.
_POPULAR = 64
_POPULAR_LEVELS = 4  # more popular keys than this on one page: counted directly
@dataclass(frozen=True)
class Mention:
    """One citation of a document by a published document."""

    source: str  # path of the citing document
    id: str
    relation: str
    date: PartialDate | None
    issuer: str
    title: str
    type: str
    line: int  # line in the citing file


@dataclass(frozen=True)
class CitedDocument:
    """A document cited by the portal's documents: published here or not."""

    key: str  # unique slug: `53-ct-tw-2025`
    id: str
    type: str
    date: PartialDate | None
    issuer: str
    title: str
    published: str = ""  # path of the published document, if the portal has it
    mentions: tuple[Mention, ...] = ()
    link: str = ""  # official link, from the registry (registry.py)

    @property
    def url(self) -> str:
        return f"van-ban-dan-chieu/{self.key}/"


@dataclass(frozen=True)
class Graph:
    documents: dict[str, Document]  # path -> published document
    cited: dict[str, CitedDocument]  # key -> cited document
    outgoing: dict[str, tuple[tuple[str, str], ...]]  # path -> ((cited key, relation), ...)
    incoming: dict[str, tuple[tuple[str, str], ...]]  # cited key -> ((citing path, relation), ...)
    mention_targets: dict[tuple[str, int], str] = field(default_factory=dict)  # (path, index) -> key
    citations: dict[str, tuple[Citation, ...]] = field(default_factory=dict)  # path -> citations in its body
    problems: tuple[Problem, ...] = ()
    registry: tuple = ()  # registry.RegistryEntry values the editors wrote

    def citing(self, key: str) -> list[Document]:
        """Published documents citing `key`, newest first."""
        return [self.documents[p] for p in self._citing_newest.get(key, ())]

    def cited_in(self, path: str) -> list[tuple[CitedDocument, str]]:
        """What the document at `path` cites (or carries out), with the relation."""
        return [(self.cited[key], relation) for key, relation in self.outgoing.get(path, ())]

    def related(self, path: str, limit: int = 8) -> list[Document]:
        """Documents that cite the same documents as `path`, most shared first, then newest.

        A directive cited by thousands of documents makes thousands of candidates for
        every page that cites it, so those are not all counted for each page. The few
        candidates the other ("small") keys bring are counted over all the keys; those
        that only popular keys bring are read lazily, level by level (in all of this
        page's popular keys, then in all but one, ...), newest first, from lists sorted
        once per combination of popular keys.
        """
        keys = [key for key, _relation in self.outgoing.get(path, ())]
        sets, rank = self._citing_sets, self._related_rank
        popular = [k for k in keys if len(sets[k]) > _POPULAR]
        found: set[str] = set()
        for key in keys:
            if len(sets[key]) <= _POPULAR:
                found.update(sets[key])
        found.discard(path)
        counted = sorted((-sum(p in sets[k] for k in keys), rank[p], p) for p in found)
        if len(popular) > _POPULAR_LEVELS:  # rare: count them all
            counts: Counter[str] = Counter()
            for key in popular:
                counts.update(sets[key])
            rest = iter(sorted((-n, rank[p], p) for p, n in counts.items() if p != path and p not in found))
        else:
            rest = self._by_shared(popular, skip=found | {path})
        return [self.documents[p] for _count, _rank, p in islice(heapq.merge(counted, rest), limit)]

    def _by_shared(self, popular: list[str], skip: set[str]):
        """(-count, rank, path) of the documents citing any of `popular`, sorted: those in all
        of them first, each level newest first."""
        sets, rank = self._citing_sets, self._related_rank
        for level in range(len(popular), 0, -1):
            lists = [self._newest_citing(frozenset(group)) for group in combinations(popular, level)]
            for p in heapq.merge(*lists, key=rank.__getitem__):
                if p not in skip and (level == len(popular) or sum(p in sets[k] for k in popular) == level):
                    yield (-level, rank[p], p)

    def _newest_citing(self, group: frozenset[str]) -> list[str]:
        """Documents citing every key of `group`, by the tie-break of `related`; made once per group."""
        made = self._group_lists.get(group)
        if made is None:
            members = frozenset.intersection(*(self._citing_sets[k] for k in group))
            made = self._group_lists[group] = sorted(members, key=self._related_rank.__getitem__)
        return made

    @cached_property
    def _group_lists(self) -> dict[frozenset[str], list[str]]:
        return {}

    @cached_property
    def _citing_sets(self) -> dict[str, frozenset[str]]:
        return {key: frozenset(p for p, _relation in pairs) for key, pairs in self.incoming.items()}

    @cached_property
    def _citing_newest(self) -> dict[str, tuple[str, ...]]:
        """Cited key -> citing paths, newest first (by `Document.sort_key`, reversed)."""
        rank = {p: i for i, p in enumerate(sorted(self.documents, key=lambda p: self.documents[p].sort_key(), reverse=True))}
        return {key: tuple(sorted(self._citing_sets[key], key=rank.__getitem__)) for key in self.incoming}

    @cached_property
    def _related_rank(self) -> dict[str, int]:
        """Per document, its rank by the tie-break of `related`: newest date first, then path."""
        ranked = sorted(self.documents, key=lambda p: (tuple(-x for x in self.documents[p].sort_key()[0]), p))
        return {p: rank for rank, p in enumerate(ranked)}


def document_mentions(doc: Document, citations: list[Citation] | tuple[Citation, ...] | None = None) -> list[tuple[int, Mention]]:
    """Mentions of other documents in one document: its text, then its front matter.

    Each comes with its index among the body's citations (-1 for declared ones),
    so the page generator can link the right span of text.
    """
    found: list[tuple[int, Mention]] = []
    own = citation_key(doc.number) if doc.number else ""
    if citations is None:
        citations = find_citations(doc.body)
    for index, cite in enumerate(citations):
        if cite.key == own:
            continue
        found.append((index, Mention(doc.path, cite.id, "cites", cite.date, cite.issuer, cite.title,
                                     cite.type, doc.body_line + cite.line - 1)))
    for ref in doc.references:
        found.append((-1, Mention(doc.path, ref.id, ref.relation, ref.date, ref.issuer, ref.title,
                                  ref.type or type_from_number(ref.id), ref.line)))
    return found


def build_graph(documents: Iterable[Document],
                cache: dict[str, tuple[str, tuple[Citation, ...]]] | None = None, registry: tuple = (),
                bodies=None) -> Graph:
    """The graph of `documents`. `cache`, a dict the caller keeps between calls (`mkdocs
    serve` rebuilds), holds each body's citations: found again only in changed bodies."""
    published = {d.path: d for d in sorted(documents, key=lambda d: d.path) if not d.is_draft}
    body_citations = _body_citations(published, cache)
    mentions: dict[str, list[tuple[str, int, Mention]]] = defaultdict(list)  # key -> (path, index, mention)
    for doc in published.values():
        for index, mention in document_mentions(doc, body_citations[doc.path]):
            mentions[citation_key(mention.id)].append((doc.path, index, mention))
    own: dict[str, list[Document]] = defaultdict(list)
    for doc in published.values():
        if doc.number:
            own[citation_key(doc.number)].append(doc)

    cited: dict[str, CitedDocument] = {}
    targets: dict[tuple[str, int], str] = {}
    relations: dict[str, dict[str, str]] = defaultdict(dict)  # source -> {key: relation}
    problems: list[Problem] = []
    taken_keys: set[str] = set()
    roots: dict[str, str] = {"": ""}  # issuer -> issuer_root, computed once per distinct issuer
    for number_key in sorted(set(mentions) | set(own)):
        entries = mentions.get(number_key, [])
        resolved = clusters.resolve(number_key, entries, own.get(number_key, []), taken_keys, roots, problems)
        key_of = {id(c): k for c, k in zip(resolved.clusters, resolved.keys)}
        for cluster in resolved.clusters:
            if cluster.mentions:  # a published document nobody cites needs no cited-document entry
                cited[key_of[id(cluster)]] = _cited(key_of[id(cluster)], cluster)
        for path, index, mention in entries:
            key = key_of[id(resolved.home_of[id(mention)])]
            if index >= 0:
                targets[(path, index)] = key
            # `implements` (declared) is stronger than `cites` (found in the text).
            if relations[mention.source].get(key) != "implements":
                relations[mention.source][key] = mention.relation

    cited = registry_facts.apply(cited, registry)  # the editors' facts over the citations'
    if bodies is not None:
        cited = bodies.normalise(cited)  # issuers by their full names (content/co-quan.yml)
    problems += lifecycle.resolve(published.values(), cited.values(), [e.id for e in registry])[1]
    outgoing: dict[str, list[tuple[str, str]]] = defaultdict(list)
    incoming: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for source in sorted(relations):
        for key, relation in relations[source].items():
            outgoing[source].append((key, relation))
            incoming[key].append((source, relation))
    return Graph(documents=published, cited=cited, outgoing={k: tuple(v) for k, v in outgoing.items()},
                 incoming={k: tuple(v) for k, v in incoming.items()}, mention_targets=targets,
                 citations=body_citations, problems=tuple(problems), registry=tuple(registry))


def _body_citations(published: dict[str, Document], cache: dict | None) -> dict[str, tuple[Citation, ...]]:
    """Each document's citations; `cache`: path -> (body, its citations), kept between builds."""
    return per_document(cache, {path: doc.body for path, doc in published.items()},
                        lambda path: tuple(find_citations(published[path].body)))


def _cited(key: str, cluster: clusters.Cluster) -> CitedDocument:
    ms, doc = tuple(cluster.mentions), cluster.document
    return CitedDocument(
        key=key,
        id=doc.number if doc else clusters.most_common(m.id for m in ms),
        type=doc.type if doc else clusters.most_common(m.type for m in ms),
        date=doc.date if doc else cluster.date,
        issuer=doc.issuer if doc else clusters.most_common(m.issuer for m in ms),
        title=doc.title if doc else max((m.title for m in ms), key=lambda t: (len(t), t), default=""),
        published=doc.path if doc else "",
        mentions=ms,
    )
