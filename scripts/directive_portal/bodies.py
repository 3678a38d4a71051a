"""The registry of issuing bodies: `content/co-quan.yml`, written by editors.

Citations name one body in several ways: "Ban Tuyên giáo và Dân vận Thành ủy" in one
letter and "Ban Tuyên giáo và Dân vận Thành ủy Hà Nội" in another are one board. Each
entry gives a body's full name and the other names it goes by; `canonical` turns any of
them into the full name, and `normalise` does so for the issuers of cited documents. A
name the registry does not list is kept as written: "Ban Thường vụ Tỉnh ủy" without its
province stays so, since every province has one. `read_bodies` validates the file (every
problem with its line; `portal check` and the build report them). Nothing here knows of MkDocs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Any

import yaml

from .model import Problem
from .text import fold, nfc, squash

BODIES_FILE = "co-quan.yml"
BODY_KEYS = ("name", "aliases")


@dataclass(frozen=True)
class Body:
    name: str
    line: int
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bodies:
    bodies: tuple[Body, ...] = ()

    def canonical(self, name: str) -> str:
        """The body's full name for any name it goes by; other names as they are."""
        key = _key(name)
        for body in self.bodies:
            if key == _key(body.name) or key in {_key(a) for a in body.aliases}:
                return body.name
        return name

    def normalise(self, cited: dict) -> dict:
        """Cited documents (key -> CitedDocument) with their issuers' full names."""
        if not self.bodies:
            return cited
        out = {}
        for key, doc in cited.items():
            name = self.canonical(doc.issuer) if doc.issuer else doc.issuer
            out[key] = replace(doc, issuer=name) if name != doc.issuer else doc
        return out


def _key(name: str) -> str:
    return fold(squash(nfc(name or ""))).strip(" .")


def _text(value: Any) -> str:
    return "" if value is None or isinstance(value, (dict, list, bool)) else squash(nfc(str(value)))


def _problem(path: str, line: int, message: str, fix: str, code: str) -> Problem:
    return Problem(path, line, message, fix, "error", code)


def _body(path: str, node: yaml.Node, item: Any, problems: list[Problem]) -> Body | None:
    line = node.start_mark.line + 1
    if not isinstance(item, dict) or not _text(item.get("name")):
        problems.append(_problem(path, line, "mỗi cơ quan phải là một nhóm khóa bắt đầu bằng 'name' (tên đầy đủ)",
                                 "viết '- name: Ban Tuyên giáo và Dân vận Thành ủy Hà Nội'", "body-without-name"))
        return None
    for key in item:
        if key not in BODY_KEYS:
            problems.append(_problem(path, line, f"khóa '{key}' không dùng trong danh mục cơ quan",
                                     "chỉ dùng 'name' và 'aliases' (các tên gọi khác)", "unknown-body-key"))
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(_text(a) for a in aliases):
        problems.append(_problem(path, line, "'aliases' phải là danh sách các tên gọi khác",
                                 "viết mỗi tên một dòng, bắt đầu bằng '- '", "bad-aliases"))
        aliases = []
    return Body(_text(item["name"]), line, tuple(_text(a) for a in aliases))


def read_bodies(path: str, text: str) -> tuple[Bodies, list[Problem]]:
    """Parse the registry text; `path` is the name used in messages. Empty: no body."""
    text = nfc(text.lstrip("\ufeff"))
    try:
        node, data = yaml.compose(text), yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return Bodies(), [_problem(path, mark.line + 1 if mark else 1, f"lỗi cú pháp YAML: {getattr(exc, 'problem', exc)}",
                                   "kiểm tra thụt lề bằng dấu cách và dấu ':' sau tên khóa", "yaml-syntax")]
    if data is None:
        return Bodies(), []
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        return Bodies(), [_problem(path, 1, "danh mục cơ quan phải là một danh sách",
                                   "mỗi cơ quan bắt đầu bằng '- name: ...'", "not-list")]
    problems: list[Problem] = []
    bodies: list[Body] = []
    seen: dict[str, Body] = {}  # every name and alias -> its body
    for item_node, item in zip(node.value, data):
        body = _body(path, item_node, item, problems)
        if body is None:
            continue
        for name in (body.name, *body.aliases):
            other = seen.get(_key(name))
            if other is not None:
                problems.append(_problem(path, body.line, f"tên '{name}' đã có ở cơ quan dòng {other.line} ('{other.name}')",
                                         "một tên chỉ thuộc một cơ quan: xóa một trong hai, hoặc gộp hai mục làm một",
                                         "duplicate-body-name"))
            else:
                seen[_key(name)] = body
        bodies.append(body)
    return Bodies(tuple(bodies)), problems


def load_bodies(content_dir: str, display_prefix: str = "") -> tuple[Bodies, list[Problem]]:
    """The registry of a content folder (empty when the file is absent)."""
    path = os.path.join(content_dir, BODIES_FILE)
    shown = display_prefix + BODIES_FILE
    if not os.path.exists(path):
        return Bodies(), []
    try:
        with open(path, encoding="utf-8") as handle:
            return read_bodies(shown, handle.read())
    except UnicodeDecodeError:
        return Bodies(), [_problem(shown, 1, "tệp không lưu ở bảng mã UTF-8 nên không đọc được",
                                   "mở tệp bằng trình soạn thảo, chọn Lưu với bảng mã (Encoding) UTF-8", "not-utf8")]
