"""Read a whole content folder: the topic registry and every document, all problems at once."""

from __future__ import annotations

import os
from dataclasses import dataclass

from .frontmatter import duplicate_numbers, read_document
from .model import Document, Problem, Topic
from .paths import DOCUMENTS_DIR, TOPICS_FILE
from .topics import load_topics


@dataclass(frozen=True)
class Content:
    topics: tuple[Topic, ...]
    documents: tuple[Document, ...]  # drafts included; `graph` leaves them out
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


def document_files(content_dir: str) -> list[str]:
    """Paths (relative, with '/') of every Markdown file under `van-ban/`, sorted."""
    root = os.path.join(content_dir, DOCUMENTS_DIR)
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.endswith(".md") and not name.startswith("."):
                rel = os.path.relpath(os.path.join(folder, name), content_dir)
                found.append(rel.replace(os.sep, "/"))
    return sorted(found)


def load_content(content_dir: str, display_prefix: str = "") -> Content:
    """Read the registry and all documents of `content_dir`.

    `display_prefix` is put before paths in problems (`content/`), so that an
    editor can open the file the message names from the repository root.
    """
    problems: list[Problem] = []
    topics_path = os.path.join(content_dir, TOPICS_FILE)
    topics: list[Topic] = []
    if os.path.exists(topics_path):
        topics, topic_problems = load_topics(topics_path)
        problems += [_prefixed(p, display_prefix + TOPICS_FILE) for p in topic_problems]
    else:
        problems.append(Problem(display_prefix + TOPICS_FILE, 1, "không tìm thấy danh mục chủ đề",
                                f"tạo tệp {display_prefix}{TOPICS_FILE} (xem Hướng dẫn biên tập)", "error", "missing-topics"))
    slugs = [t.slug for t in topics]
    documents: list[Document] = []
    for rel in document_files(content_dir):
        with open(os.path.join(content_dir, rel), encoding="utf-8") as handle:
            text = handle.read()
        document, doc_problems = read_document(display_prefix + rel, text, slugs)
        problems += doc_problems
        if document is not None:
            documents.append(document)
    problems += duplicate_numbers(documents)
    documents = [_unprefixed(d, display_prefix) for d in documents]
    return Content(tuple(topics), tuple(documents), tuple(problems))


def _prefixed(problem: Problem, path: str) -> Problem:
    return Problem(path, problem.line, problem.message, problem.fix, problem.severity, problem.code)


def _unprefixed(document: Document, prefix: str) -> Document:
    if not prefix:
        return document
    from dataclasses import replace

    return replace(document, path=document.path[len(prefix):])
