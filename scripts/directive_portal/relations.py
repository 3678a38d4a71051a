"""Who carries out whom, read from how the documents describe what they cite.

"Kế hoạch số 17-KH/TU … về việc triển khai thực hiện Chỉ thị số 53-CT/TW" says the
city's plan carries out the central directive; "Công văn 556-CV/BTĐVTU … về việc …
triển khai thực hiện các nghị quyết …: Nghị quyết số 79-NQ/TW; Nghị quyết số 80-NQ/TW"
that the board's letter carries out both. "Về thực hiện Kế hoạch số 17-KH/TU" says the
citing document itself carries out the plan. Every relation keeps where it was read
(document and sentence, or registry line) so that a page can show why it is there.

Built once per build from the graph (its citations, already resolved to cited keys)
and the editors' registry. Nothing here knows of MkDocs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from .graph import Graph
from .numbers import citation_key
from .references import Citation
from .registry import RegistryEntry, entry_for
from .parallel import per_document
from .text import squash

# Words saying that something carries out what follows.
_CARRY_OUT = re.compile(r"\b(?:triển\s+khai|thực\s+hiện|quán\s+triệt|cụ\s+thể\s+hóa|cụ\s+thể\s+hoá|thi\s+hành)\b",
                        re.IGNORECASE)
# ... and the words that may stand between them and the citation: "triển khai thực hiện
# nghiêm túc Chỉ thị số 53-CT/TW và", "triển khai thực hiện các nhiệm vụ, giải pháp tại".
_BEFORE_CITATION = re.compile(
    r"(?:triển\s+khai|thực\s+hiện|quán\s+triệt|cụ\s+thể\s+hóa|cụ\s+thể\s+hoá|thi\s+hành)"
    r"(?:[\s,]+[^\s.;:!?()]+){0,8}?[\s,]*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?:[.!?](?=\s)|:\s*\n|\n\s*\n|\n(?=\s*(?:[-+*#]|\d+\.)))")
_SENTENCE_MAX = 1200  # characters of a sentence read on either side of a citation
_WINDOW = 120  # characters read back from a citation for the carrying-out words


@dataclass(frozen=True)
class Provenance:
    """Where a relation was read: a document's sentence, or a line of the registry."""

    path: str  # content-relative path of the document, or the registry file
    line: int
    sentence: str = ""  # the sentence as written (white space squashed); "" for the registry

    @property
    def from_registry(self) -> bool:
        return not self.sentence


@dataclass(frozen=True)
class Link:
    """`child` carries out `parent`: cited keys, or a document path as child."""

    child: str
    parent: str
    provenance: tuple[Provenance, ...]


@dataclass(frozen=True)
class Relations:
    parents: dict[str, tuple[Link, ...]] = field(default_factory=dict)  # cited key -> what it carries out
    children: dict[str, tuple[Link, ...]] = field(default_factory=dict)  # cited key -> what carries it out
    carried_out: dict[str, tuple[Link, ...]] = field(default_factory=dict)  # document path -> keys it carries out

    def ancestors(self, key: str) -> set[str]:
        seen: set[str] = set()
        todo = [key]
        while todo:
            for link in self.parents.get(todo.pop(), ()):
                if link.parent not in seen and link.parent != key:
                    seen.add(link.parent)
                    todo.append(link.parent)
        return seen


def sentence_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence of `text` holding [start, end): (its text squashed, its offset)."""
    floor = max(0, start - _SENTENCE_MAX)  # a sentence longer than this is cut: read back no further
    head = floor
    for match in _SENTENCE_END.finditer(text, floor, start):
        head = match.end()
    tail = _SENTENCE_END.search(text, end, end + _SENTENCE_MAX)
    stop = tail.end() if tail else min(len(text), end + _SENTENCE_MAX)
    return squash(text[head:stop].lstrip("#> -")), head


def nested_relations(text: str, citations: Iterable[Citation]) -> list[tuple[int, int, str]]:
    """(index of the carrying-out citation, index of the carried-out one, sentence) for
    every citation whose description says it carries out a citation nested in it."""
    cites = list(citations)
    found = []
    for i, outer in enumerate(cites):
        for j in range(i + 1, len(cites)):
            inner = cites[j]
            if inner.start >= outer.full_end:
                break
            if inner.start < outer.end or inner.key == outer.key:
                continue
            if _CARRY_OUT.search(text, outer.end, inner.start):
                found.append((i, j, sentence_around(text, outer.start, outer.full_end)[0]))
    return found


def carried_out_by_text(text: str, citations: Iterable[Citation]) -> list[tuple[int, str]]:
    """(index, sentence) of the citations the text itself says it carries out ("Thực hiện
    Kế hoạch số 51-KH/TU", "triển khai thực hiện nghiêm túc Chỉ thị số 53-CT/TW và …"),
    leaving out those nested in another citation's description (that one carries them out)."""
    cites = list(citations)
    nested = {j for i, outer in enumerate(cites) for j in range(i + 1, len(cites))
              if outer.end <= cites[j].start < outer.full_end}
    found = []
    for index, cite in enumerate(cites):
        if index in nested:
            continue
        sentence, head = sentence_around(text, cite.start, cite.end)
        window = text[max(head, cite.start - _WINDOW): cite.start]
        if _BEFORE_CITATION.search(window):
            found.append((index, sentence))
    return found


def _told(text: str, citations: tuple[Citation, ...]) -> tuple[list, list]:
    return nested_relations(text, citations), carried_out_by_text(text, citations)


def _add(links: dict, child: str, parent: str, provenance: Provenance) -> None:
    if child != parent:
        links[(child, parent)].append(provenance)


def infer(graph: Graph, registry: Iterable[RegistryEntry] = (), memo: dict | None = None) -> Relations:
    """Every relation the content tells: between cited documents, from documents to them.
    `memo`, kept by the caller between builds: path -> (body, what its text says it carries out)."""
    registry = tuple(registry)
    between: dict[tuple[str, str], list[Provenance]] = defaultdict(list)
    by_doc: dict[tuple[str, str], list[Provenance]] = defaultdict(list)
    # The citations are the body's own (graph.citations): the body alone decides what its text tells.
    told = per_document(memo, {path: doc.body for path, doc in graph.documents.items()},
                        lambda path: _told(graph.documents[path].body, graph.citations.get(path, ())))
    for path, doc in graph.documents.items():
        cites = graph.citations.get(path, ())
        key_of = {i: graph.mention_targets.get((path, i)) for i in range(len(cites))}
        line = lambda i: doc.body_line + cites[i].line - 1  # noqa: E731
        nested, carried = told[path]
        for i, j, sentence in nested:
            if key_of[i] and key_of[j]:
                _add(between, key_of[i], key_of[j], Provenance(path, line(i), sentence))
        for i, sentence in carried:
            if key_of[i]:
                _add(by_doc, path, key_of[i], Provenance(path, line(i), sentence))
        for key, relation in graph.outgoing.get(path, ()):
            if relation == "implements":
                ref = next((r for r in doc.references if r.relation == "implements"
                            and graph.cited[key].id == r.id), None)
                _add(by_doc, path, key, Provenance(path, ref.line if ref else doc.line_of("references")))
    for key, cited in graph.cited.items():
        entry = entry_for(registry, cited.id, cited.date, cited.issuer)
        if entry is None:
            continue
        for parent_id in entry.implements:
            for parent in _cited_with_id(graph, parent_id):
                _add(between, key, parent.key, Provenance(entry.path, entry.line))
    return _relations(between, by_doc)


def _cited_with_id(graph: Graph, id_: str) -> list:
    key = citation_key(id_)
    found = [c for c in graph.cited.values() if citation_key(c.id) == key]
    return found if len(found) == 1 else []  # a registry number shared by namesakes stays unplaced


def _unique(provenance: list[Provenance]) -> tuple[Provenance, ...]:
    """In order, without repeats (hashed as plain tuples: a dataclass's hash is Python code, and a
    directive carried out by thousands of documents has thousands of these)."""
    return tuple({(p.path, p.line, p.sentence): p for p in provenance}.values())


def _relations(between: dict, by_doc: dict) -> Relations:
    parents: dict[str, list[Link]] = defaultdict(list)
    children: dict[str, list[Link]] = defaultdict(list)
    for (child, parent), provenance in sorted(between.items()):
        link = Link(child, parent, _unique(provenance))
        parents[child].append(link)
        children[parent].append(link)
    carried: dict[str, list[Link]] = defaultdict(list)
    for (path, key), provenance in sorted(by_doc.items()):
        carried[path].append(Link(path, key, _unique(provenance)))
    return Relations({k: tuple(v) for k, v in parents.items()}, {k: tuple(v) for k, v in children.items()},
                     {k: tuple(v) for k, v in carried.items()})
