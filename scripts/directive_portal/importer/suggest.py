"""Suggested topics: the registry's keywords found in a real part of the document."""

from __future__ import annotations

import os
import re

from ..model import Topic
from ..topics import load_topics
from ..text import fold

BODY_HITS = 4  # this many mentions in the body, or one in the subject or a heading


def load_registry(path: str) -> list[Topic]:
    """Topics from `content/topics.yml` ([] when the file is missing)."""
    if not path or not os.path.exists(path):
        return []
    topics, _problems = load_topics(path)
    return topics


def _hits(keyword: str, text: str) -> int:
    """Mentions of a keyword in folded text, whole words only, not in a body's name (`Ban Xây dựng Đảng`)."""
    key = fold(keyword).strip()
    if not key:
        return 0
    pattern = re.compile(rf"(?<![\w/-]){re.escape(key)}(?![\w/-])")
    return sum(1 for m in pattern.finditer(text) if not text[: m.start()].endswith("ban "))


def suggest_topics(title: str, body: str, topics: list[Topic]) -> list[str]:
    """Slugs of the topics whose keywords occur in the subject, a heading, or often in the body."""
    lines = body.splitlines()
    headings = fold("\n".join(line for line in lines if line.startswith("#")))
    plain = fold("\n".join(line for line in lines if not line.startswith("#")))
    subject = fold(title)
    chosen = []
    for topic in topics:
        strong = sum(_hits(k, subject) + _hits(k, headings) for k in topic.keywords)
        weak = sum(_hits(k, plain) for k in topic.keywords)
        if strong or weak >= BODY_HITS:
            chosen.append(topic.slug)
    return chosen
