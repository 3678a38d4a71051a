"""Checks across documents: two with one number, a document that carries out itself, a loop.

Two published documents with the same number, issuer and year are one typed twice.

`implements` in front matter says a document carries out another; a plan cannot
carry out itself, and "A implements B implements A" is a typing mistake in one of
them. Numbers are not unique, so a reference matches a document only when its
year (if it gives one) is the document's.
"""

from __future__ import annotations

from typing import Iterable

from .model import Document, Problem, Reference
from .numbers import citation_key
from .text import fold


def _matches(reference: Reference, document: Document) -> bool:
    if not document.number or citation_key(reference.id) != citation_key(document.number):
        return False
    return reference.date is None or document.date is None or reference.date.year == document.date.year


def implementation_cycles(documents: Iterable[Document]) -> list[Problem]:
    documents = [d for d in documents if d.number]
    by_key: dict[str, list[Document]] = {}
    for doc in documents:
        by_key.setdefault(citation_key(doc.number), []).append(doc)
    edges: dict[str, list[tuple[Document, Reference]]] = {}
    problems = []
    for doc in documents:
        for ref in doc.references:
            if ref.relation != "implements":
                continue
            if _matches(ref, doc):
                problems.append(Problem(doc.path, ref.line or doc.line_of("references"),
                                        f"văn bản ghi là thực hiện chính nó ('{ref.id}')",
                                        "sửa id thành số của văn bản cấp trên mà văn bản này triển khai",
                                        "error", "implements-itself"))
                continue
            targets = [d for d in by_key.get(citation_key(ref.id), ()) if _matches(ref, d)]
            edges.setdefault(doc.path, []).extend((target, ref) for target in targets)
    return problems + _loops(documents, edges)


def _loops(documents: list[Document], edges: dict[str, list[tuple[Document, Reference]]]) -> list[Problem]:
    """One problem per loop found by a depth-first walk (each document visited once)."""
    problems = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(documents, key=lambda d: d.path):
        if start.path in state:
            continue
        path: list[Document] = [start]
        pending = [iter(edges.get(start.path, ()))]
        state[start.path] = 1
        while pending:
            step = next(pending[-1], None)
            if step is None:
                state[path.pop().path] = 2
                pending.pop()
                continue
            target = step[0]
            if state.get(target.path) == 1:
                loop = path[[d.path for d in path].index(target.path):]
                names = " → ".join(d.number for d in loop + [target])
                problems.append(Problem(target.path, target.line_of("references"),
                                        f"các văn bản thực hiện lẫn nhau thành vòng: {names}",
                                        "xem lại 'implements': văn bản cấp dưới thực hiện văn bản cấp trên, "
                                        "không có chiều ngược lại", "error", "implements-loop"))
            elif target.path not in state:
                state[target.path] = 1
                path.append(target)
                pending.append(iter(edges.get(target.path, ())))
    return problems


def duplicate_numbers(documents: Iterable[Document]) -> list[Problem]:
    """Two published documents with the same number, issuer and year.

    Numbering restarts with each term, so `01-KH/ĐU` of 2020 and of 2025 are two
    documents; a number without digits (`-CV/ĐU`, an unsigned copy) is blank.
    """
    seen: dict[tuple[str, str, int], Document] = {}
    problems = []
    for doc in sorted(documents, key=lambda d: d.path):
        if not any(ch.isdigit() for ch in doc.number) or doc.is_draft:
            continue
        key = (citation_key(doc.number), " ".join(fold(doc.issuer).split()), doc.date.year if doc.date else 0)
        if key in seen:
            first = seen[key]
            problems.append(Problem(
                doc.path, doc.line_of("number"),
                f"số '{doc.number}' của '{doc.issuer}' trùng với {first.path}:{first.line_of('number')}",
                "mỗi văn bản có một số riêng: sửa số, hoặc xóa tệp bị nhập hai lần", "error", "duplicate-number"))
        else:
            seen[key] = doc
    return problems
