"""Checks across documents: two with one number, a document that carries out itself, a loop.

Two published documents with the same number, issuer and year are one typed twice.

`implements` in front matter says a document carries out another; a plan cannot
carry out itself, and "A implements B implements A" is a typing mistake in one of
them. Numbers are not unique: the loops are looked for among the relations the graph
resolved, where a reference means the one document its date and issuer agree with.
"""

from __future__ import annotations

from typing import Iterable

from .graph import Graph
from .model import Document, Problem
from .numbers import citation_key
from .text import fold


def implementation_cycles(graph: Graph) -> list[Problem]:
    """Self-implementation and loops among the `implements` relations the graph resolved
    (numbers are not unique: the graph tells which document a reference means)."""
    edges: dict[str, list[Document]] = {}
    problems = []
    for source in sorted(graph.outgoing):
        for key, relation in graph.outgoing[source]:
            target = graph.cited[key].published if relation == "implements" else ""
            if not target:
                continue
            if target == source:
                doc = graph.documents[source]
                line = next((m.line for m in graph.cited[key].mentions
                             if m.source == source and m.relation == "implements"), doc.line_of("references"))
                problems.append(Problem(source, line, f"văn bản ghi là thực hiện chính nó ('{graph.cited[key].id}')",
                                        "sửa id thành số của văn bản cấp trên mà văn bản này triển khai",
                                        "error", "implements-itself"))
            else:
                edges.setdefault(source, []).append(graph.documents[target])
    return problems + _loops(sorted(graph.documents.values(), key=lambda d: d.path), edges)


def _loops(documents: list[Document], edges: dict[str, list[Document]]) -> list[Problem]:
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
            target = step
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
