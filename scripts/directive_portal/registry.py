"""The registry of cited documents: `content/van-ban-dan-chieu.yml`, written by editors.

Citations are the only description the portal has of a directive it does not
publish. Here editors state or correct what the citations say of one: its issuer,
date, subject, official link, and the documents it carries out. `read_registry`
parses and validates the file (every problem with its line); `apply` puts the
stated facts over those gathered from citations. Nothing here knows of MkDocs.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from typing import Any, Iterable

import yaml

from .model import PartialDate, Problem
from .identity import dates_agree, issuers_agree
from .numbers import canonical_id, citation_key
from .text import nfc, squash

REGISTRY_FILE = "van-ban-dan-chieu.yml"
ENTRY_KEYS = ("id", "date", "issuer", "title", "link", "implements")
_NUMBER = re.compile(r"^\d{1,4}-[^/\s]+/\S+$|^\d{1,4}/(?:19|20)\d\d/\S+$")
_LINK = re.compile(r"^https?://[^\s<>\"]+$")


@dataclass(frozen=True)
class RegistryEntry:
    """What editors state of one cited document."""

    id: str
    line: int
    date: PartialDate | None = None
    issuer: str = ""
    title: str = ""
    link: str = ""
    implements: tuple[str, ...] = ()
    path: str = REGISTRY_FILE  # as shown in messages

    @property
    def key(self) -> str:
        return citation_key(self.id)


def _problem(path: str, line: int, message: str, fix: str, code: str) -> Problem:
    return Problem(path, line, message, fix, "error", code)


def _text(value: Any) -> str:
    if value is None or isinstance(value, (dict, list, bool)):
        return ""
    return squash(nfc(str(value)))


def _entry(path: str, node: yaml.Node, item: Any, problems: list[Problem]) -> RegistryEntry | None:
    line = node.start_mark.line + 1
    if not isinstance(item, dict) or not isinstance(node, yaml.MappingNode):
        problems.append(_problem(path, line, "mỗi mục phải là một nhóm khóa bắt đầu bằng 'id'",
                                 "ví dụ: - id: 53-CT/TW", "bad-registry-entry"))
        return None
    lines = {k.value: k.start_mark.line + 1 for k, _v in node.value if isinstance(k, yaml.ScalarNode)}
    for key in item:
        if key not in ENTRY_KEYS:
            problems.append(_problem(path, lines.get(key, line), f"khóa '{key}' không dùng được trong danh mục văn bản dẫn chiếu",
                                     "chỉ dùng " + ", ".join(ENTRY_KEYS), "unknown-key"))
    raw_id = _text(item.get("id"))
    if not raw_id or not _NUMBER.match(canonical_id(raw_id)):
        problems.append(_problem(path, lines.get("id", line), f"số ký hiệu '{raw_id}' không hợp lệ" if raw_id else "mục thiếu 'id' (số ký hiệu)",
                                 "viết id: 53-CT/TW (số-loại/cơ quan) hoặc 39/2024/QH15", "bad-registry-id"))
        return None
    date = None
    if item.get("date") not in (None, ""):
        try:
            date = PartialDate.parse(str(item["date"]))
        except ValueError as exc:
            problems.append(_problem(path, lines.get("date", line), f"ngày '{item['date']}' không hợp lệ ({exc})",
                                     "viết ngày dạng 'YYYY-MM-DD' trong ngoặc đơn, hoặc 'YYYY-MM' / 'YYYY'", "bad-date"))
    link = _text(item.get("link"))
    if link and not _LINK.match(link):
        problems.append(_problem(path, lines.get("link", line), f"đường dẫn '{link}' không hợp lệ",
                                 "dán địa chỉ đầy đủ của trang chính thức, bắt đầu bằng https://", "bad-link"))
        link = ""
    implements = item.get("implements") or []
    if isinstance(implements, str):
        implements = [implements]
    if not isinstance(implements, list):
        problems.append(_problem(path, lines.get("implements", line), "'implements' phải là danh sách số ký hiệu",
                                 "ví dụ: implements: [53-CT/TW]", "not-list"))
        implements = []
    ids = tuple(canonical_id(_text(x)) for x in implements if _text(x))
    own = canonical_id(raw_id)
    if citation_key(own) in {citation_key(x) for x in ids}:
        problems.append(_problem(path, lines.get("implements", line), f"'{own}' không thể triển khai chính nó",
                                 "xóa số này khỏi implements", "self-implements"))
        ids = tuple(x for x in ids if citation_key(x) != citation_key(own))
    return RegistryEntry(own, line, date, _text(item.get("issuer")), _text(item.get("title")), link, ids, path)


def read_registry(path: str, text: str) -> tuple[tuple[RegistryEntry, ...], list[Problem]]:
    """Parse the registry text; `path` is the name used in messages. An empty file is an empty registry."""
    text = nfc(text.lstrip("\ufeff"))
    try:
        node = yaml.compose(text)
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return (), [_problem(path, mark.line + 1 if mark else 1, f"lỗi cú pháp YAML: {getattr(exc, 'problem', exc)}",
                             "kiểm tra thụt lề bằng dấu cách và dấu ':' sau tên khóa", "yaml-syntax")]
    if data is None:
        return (), []
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        return (), [_problem(path, 1, "danh mục văn bản dẫn chiếu phải là một danh sách",
                             "mỗi văn bản bắt đầu bằng '- id: 53-CT/TW'", "not-list")]
    problems: list[Problem] = []
    entries: list[RegistryEntry] = []
    for item_node, item in zip(node.value, data):
        entry = _entry(path, item_node, item, problems)
        if entry is None:
            continue
        twin = next((e for e in entries if e.key == entry.key and dates_agree(e.date, entry.date)
                     and issuers_agree(e.issuer, entry.issuer)), None)
        if twin is not None:
            problems.append(_problem(path, entry.line, f"'{entry.id}' đã được khai báo ở dòng {twin.line}",
                                     "gộp hai mục làm một, hoặc ghi ngày ban hành để phân biệt hai văn bản trùng số", "duplicate-registry-entry"))
            continue
        entries.append(entry)
    return tuple(entries), problems


class _Loader(yaml.SafeLoader):
    """Dates stay text (`2026-03` and `2026-03-05` alike), as in documents' front matter."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_registry(content_dir: str, display_prefix: str = "") -> tuple[tuple[RegistryEntry, ...], list[Problem]]:
    """The registry of a content folder (none when the file is absent)."""
    path = os.path.join(content_dir, REGISTRY_FILE)
    shown = display_prefix + REGISTRY_FILE
    if not os.path.exists(path):
        return (), []
    try:
        with open(path, encoding="utf-8") as handle:
            return read_registry(shown, handle.read())
    except UnicodeDecodeError:
        return (), [_problem(shown, 1, "tệp không lưu ở bảng mã UTF-8 nên không đọc được",
                             "mở tệp bằng trình soạn thảo, chọn Lưu với bảng mã (Encoding) UTF-8", "not-utf8")]


def entry_for(entries: Iterable[RegistryEntry], id_: str, date: PartialDate | None, issuer: str) -> RegistryEntry | None:
    """The entry stating facts of the cited document with this number, date and issuer."""
    key = citation_key(id_)
    return next((e for e in entries if e.key == key and dates_agree(e.date, date)
                 and issuers_agree(e.issuer, issuer)), None)


def apply(cited: dict, entries: Iterable[RegistryEntry]) -> dict:
    """Cited documents (`graph.CitedDocument` by key) with the registry's facts put over
    the citations' (a published document keeps its own front matter)."""
    entries = tuple(entries)
    if not entries:
        return cited
    out = {}
    for key, doc in cited.items():
        entry = None if doc.published else entry_for(entries, doc.id, doc.date, doc.issuer)
        if entry is None:
            out[key] = doc
            continue
        out[key] = replace(doc, date=entry.date or doc.date, issuer=entry.issuer or doc.issuer,
                           title=entry.title or doc.title, link=entry.link)
    return out


def unmatched(entries: Iterable[RegistryEntry], cited: Iterable) -> list[Problem]:
    """Warnings for entries no citation matches: probably a typo in the number or date."""
    cited = tuple(cited)
    problems = []
    for entry in entries:
        if not any(c.key and citation_key(c.id) == entry.key and dates_agree(entry.date, c.date) for c in cited):
            problems.append(Problem(entry.path, entry.line,
                                    f"không văn bản nào trên cổng dẫn chiếu '{entry.id}'"
                                    + (f" ngày {entry.date.display()}" if entry.date else ""),
                                    "kiểm tra số ký hiệu và ngày ban hành; mục này vẫn dùng được cho 'implements' và 'replaces'",
                                    "warning", "registry-unmatched"))
        for parent in entry.implements:
            if sum(citation_key(c.id) == citation_key(parent) for c in cited) != 1:
                problems.append(Problem(entry.path, entry.line,
                                        f"'{entry.id}' triển khai '{parent}', nhưng cổng không biết văn bản '{parent}' "
                                        "hoặc biết nhiều văn bản cùng số này: quan hệ chưa được dùng",
                                        "kiểm tra số ký hiệu trong implements; văn bản đó phải được một văn bản trên cổng dẫn chiếu",
                                        "warning", "registry-unmatched"))
    return problems
