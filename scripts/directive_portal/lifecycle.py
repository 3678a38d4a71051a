"""A document's life: which documents replace or amend which (front matter `replaces`, `amends`).

`resolve` finds what each `replaces`/`amends` number names: a document published on the
portal, or a cited document the portal knows (from citations or the registry).
`problems` reports the numbers that name nothing known. Works on plain values (the
graph's documents and cited documents), knows nothing of MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .model import Document, Problem
from .numbers import citation_key

KINDS = ("replaces", "amends")


@dataclass(frozen=True)
class Change:
    """`source` (a published document's path) replaces or amends `target`."""

    source: str
    kind: str  # "replaces" or "amends"
    id: str  # the number as the editor wrote it
    target_path: str = ""  # the published document it names, if any
    target_key: str = ""  # else the cited document's key, if it has a page
    line: int = 0


def _published_with(documents: Iterable[Document], id_: str, source: Document) -> list[Document]:
    key = citation_key(id_)
    found = [d for d in documents if d.number and citation_key(d.number) == key and d.path != source.path]
    if len(found) > 1 and source.date:  # namesakes: the one issued before the new document
        older = [d for d in found if d.date and d.date < source.date]
        found = older[-1:] if older else found
    return found


def resolve(documents: Iterable[Document], cited: Iterable, registry_ids: Iterable[str] = ()) -> tuple[list[Change], list[Problem]]:
    """Every change the front matter states, and the problems of those that name nothing known."""
    documents = sorted(documents, key=lambda d: d.sort_key())
    cited = tuple(cited)
    known_ids = {citation_key(i) for i in registry_ids}
    changes: list[Change] = []
    problems: list[Problem] = []
    for doc in documents:
        for kind in KINDS:
            for id_ in getattr(doc, kind, ()):
                line = doc.line_of(kind)
                key = citation_key(id_)
                if doc.number and key == citation_key(doc.number):
                    problems.append(Problem(doc.path, line, f"văn bản không thể {_verb(kind)} chính nó ('{id_}')",
                                            f"xóa '{id_}' khỏi {kind}", "error", "self-replace"))
                    continue
                published = _published_with(documents, id_, doc)
                if len(published) == 1:
                    changes.append(Change(doc.path, kind, id_, target_path=published[0].path, line=line))
                    continue
                pages = [c for c in cited if citation_key(c.id) == key and not c.published]
                if len(pages) == 1:
                    changes.append(Change(doc.path, kind, id_, target_key=pages[0].key, line=line))
                elif pages or published or key in known_ids:
                    changes.append(Change(doc.path, kind, id_, line=line))
                else:
                    problems.append(Problem(
                        doc.path, line,
                        f"'{id_}' trong {kind} không khớp văn bản nào: cổng không đăng và không văn bản nào dẫn chiếu nó",
                        "kiểm tra số ký hiệu; nếu văn bản đó không có trên cổng, khai báo nó trong content/van-ban-dan-chieu.yml",
                        "error", "unknown-replaced"))
    return changes, problems


def _verb(kind: str) -> str:
    return "thay thế" if kind == "replaces" else "sửa đổi"
