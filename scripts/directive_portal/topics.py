"""The topic registry: `content/topics.yml`, editable by editors."""

from __future__ import annotations

import re

import yaml

from .model import Problem, Topic
from .text import nfc

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TOPIC_KEYS = ("slug", "title", "description", "keywords", "intro")


def read_topics(path: str, text: str) -> tuple[list[Topic], list[Problem]]:
    """Parse the registry: a YAML list of topics. Returns (topics, problems)."""
    problems: list[Problem] = []
    try:
        node = yaml.compose(nfc(text))
        data = yaml.safe_load(nfc(text))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return [], [Problem(path, line, f"lỗi cú pháp YAML: {getattr(exc, 'problem', exc)}",
                            "kiểm tra thụt lề và dấu ':'", "error", "yaml-syntax")]
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        return [], [Problem(path, 1, "danh mục chủ đề phải là một danh sách", "mỗi chủ đề bắt đầu bằng '- slug: ...'", "error", "not-list")]
    topics: list[Topic] = []
    seen: set[str] = set()
    for item_node, item in zip(node.value, data):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            problems.append(Problem(path, line, "mỗi chủ đề phải có slug và title", "ví dụ: - slug: van-hoa", "error", "bad-topic"))
            continue
        unknown = sorted(set(item) - set(TOPIC_KEYS))
        if unknown:
            problems.append(Problem(path, line, f"khóa không dùng được trong chủ đề: {', '.join(map(str, unknown))}",
                                    "chỉ dùng " + ", ".join(TOPIC_KEYS), "error", "unknown-key"))
        slug = str(item.get("slug") or "")
        title = str(item.get("title") or "")
        if not _SLUG.match(slug):
            problems.append(Problem(path, line, f"slug '{slug}' không hợp lệ", "chỉ dùng chữ thường không dấu, số và dấu '-', ví dụ van-hoa", "error", "bad-slug"))
            continue
        if slug in seen:
            problems.append(Problem(path, line, f"chủ đề '{slug}' bị khai báo hai lần", "xóa một trong hai", "error", "duplicate-topic"))
            continue
        if not title:
            problems.append(Problem(path, line, f"chủ đề '{slug}' thiếu title", "thêm title: Tên chủ đề", "error", "missing-title"))
            continue
        keywords = item.get("keywords") or []
        if isinstance(keywords, str):
            keywords = [keywords]
        seen.add(slug)
        topics.append(Topic(
            slug=slug, title=title, description=str(item.get("description") or ""),
            keywords=tuple(str(k) for k in keywords), intro=str(item.get("intro") or ""),
        ))
    return topics, problems


def load_topics(path: str) -> tuple[list[Topic], list[Problem]]:
    try:
        with open(path, encoding="utf-8") as handle:
            return read_topics(path, handle.read())
    except UnicodeDecodeError:
        return [], [Problem(path, 1, "tệp không lưu ở bảng mã UTF-8 nên không đọc được",
                            "mở tệp bằng trình soạn thảo, chọn Lưu với bảng mã (Encoding) UTF-8", "error", "not-utf8")]
