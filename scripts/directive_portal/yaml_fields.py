"""YAML front matter read into model values, every problem kept with its line.

`compose_and_load` parses once for both values and line numbers (over libyaml when
PyYAML has it); `Reader` turns YAML nodes into text, lists and dates, collecting
problems in words an editor can act on. Used by `frontmatter` (documents) and the
other YAML files of the content folder.
"""

from __future__ import annotations

import datetime
import difflib
from typing import Any, Iterable

import yaml

from .model import PartialDate, Problem
from .text import nfc

# Longest text each key may hold: numbers and names become page addresses and file names.
MAX_LENGTH = {"number": 40, "id": 40, "issuer": 200, "place": 80, "type": 40, "status": 40, "relation": 40,
              "signer.name": 100, "signer.title": 200, "signer.on_behalf": 200, "urgency": 40}

class PlainLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text: `2026-03` and `2026-03-05` alike."""


PlainLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# The same loader over libyaml's C parser, when PyYAML has it: parsing the front matter
# of 10,000 documents with the pure-Python parser took most of the portal's own build time.
class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    yaml_implicit_resolvers = PlainLoader.yaml_implicit_resolvers


def compose_and_load(yaml_text: str) -> tuple[yaml.Node | None, Any]:
    """Parse once: the node tree (for line numbers) and the data built from it.

    A syntax error is raised by the pure-Python loader, whose messages the
    editors' guide quotes.
    """
    loader = _FastLoader(yaml_text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    except yaml.YAMLError:
        node = yaml.compose(yaml_text, Loader=PlainLoader)
        return node, (yaml.load(yaml_text, Loader=PlainLoader) if node is not None else None)
    finally:
        loader.dispose()


# PyYAML's messages, in words an editor can act on.
_YAML_PROBLEMS = (
    ("found character '\\t'", "có ký tự Tab", "thụt lề bằng dấu cách, không dùng phím Tab"),
    ("mapping values are not allowed", "có dấu ':' ở giữa một giá trị",
     "đặt giá trị có dấu ':' trong ngoặc kép, ví dụ title: \"Về việc: ...\""),
    ("could not find expected ':'", "thiếu dấu ':' sau tên khóa", "mỗi dòng viết dạng khóa: giá trị"),
    ("found unexpected end of stream", "thiếu dấu ngoặc đóng", "kiểm tra mỗi dấu \" hoặc ' mở đều có dấu đóng"),
    ("while scanning a quoted scalar", "thiếu dấu ngoặc đóng", "kiểm tra mỗi dấu \" hoặc ' mở đều có dấu đóng"),
    ("expected <block end>", "thụt lề không đều", "các dòng cùng cấp phải thẳng cột, thụt lề bằng dấu cách"),
    ("did not find expected", "dấu ngoặc [ ] hoặc { } chưa đóng, hoặc thụt lề sai", "kiểm tra dấu ngoặc và thụt lề"),
)


def yaml_problem(problem: str) -> tuple[str, str]:
    for needle, message, fix in _YAML_PROBLEMS:
        if needle in problem:
            return f"lỗi cú pháp YAML: {message} ({problem})", fix
    return (f"lỗi cú pháp YAML: {problem}",
            "kiểm tra dấu ':' sau tên khóa, thụt lề bằng dấu cách, và đặt giá trị có dấu ':' hoặc '#' trong ngoặc kép")


def suggest(value: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"có phải ý bạn là '{close[0]}'?" if close else ""



class Reader:
    """Collects problems while turning YAML nodes into model values."""

    def __init__(self, path: str, first_line: int, yaml_text: str = "") -> None:
        self.path = path
        self.first_line = first_line  # file line of the first YAML line
        self.problems: list[Problem] = []
        self.yaml_lines = yaml_text.split("\n")

    def line(self, node: yaml.Node) -> int:
        return self.first_line + node.start_mark.line

    def error(self, node_or_line: yaml.Node | int, message: str, fix: str = "", code: str = "") -> None:
        line = node_or_line if isinstance(node_or_line, int) else self.line(node_or_line)
        self.problems.append(Problem(self.path, line, message, fix, "error", code))

    def warning(self, node_or_line: yaml.Node | int, message: str, fix: str = "", code: str = "") -> None:
        line = node_or_line if isinstance(node_or_line, int) else self.line(node_or_line)
        self.problems.append(Problem(self.path, line, message, fix, "warning", code))

    def scalar_text(self, key: str, node: yaml.Node, value: Any) -> str:
        """One line of text: line breaks and runs of spaces inside it become one space."""
        if value is None:
            return ""
        if isinstance(node, yaml.ScalarNode):
            # The text as typed: `number: 012` stays `012` (not the octal 10), `title: Yes` stays `Yes`.
            self._comment_after(key, node)
            text = node.value
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            text = str(value)
        else:
            self.error(node, f"'{key}' phải là một dòng chữ, không phải danh sách hay nhóm khóa",
                       f"viết {key}: \"...\" trên một dòng", "not-text")
            return ""
        text = " ".join(nfc(text).split())
        limit = MAX_LENGTH.get(key, 2000)
        if len(text) > limit:
            self.error(node, f"'{key}' dài {len(text)} ký tự, quá {limit} ký tự",
                       f"kiểm tra lại {key}: có thể đã dán nhầm cả đoạn văn vào đây", "too-long")
            return text[:limit]
        return text

    def _comment_after(self, key: str, node: yaml.ScalarNode) -> None:
        """`title: Kế hoạch #2 về X` reads as `Kế hoạch`: YAML takes ` #…` for a comment."""
        if node.style not in (None, "") or node.end_mark.line >= len(self.yaml_lines):
            return
        rest = self.yaml_lines[node.end_mark.line][node.end_mark.column:]
        # `# ghi chú` (with a space) is a comment on purpose, as in the `portal new` template; `#2` is text.
        if rest.lstrip().startswith("#") and not rest.lstrip()[1:2].isspace() and rest.strip() != "#":
            self.warning(node, f"phần '{rest.strip()}' sau giá trị của '{key}' bị bỏ qua (YAML hiểu ' #' là ghi chú)",
                         f"đặt cả giá trị trong ngoặc kép: {key}: \"{node.value} {rest.strip()}\"", "yaml-comment")

    def text_list(self, key: str, node: yaml.Node, value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            return (nfc(value).strip(),)
        if not isinstance(value, list) or not isinstance(node, yaml.SequenceNode):
            self.error(node, f"'{key}' phải là danh sách", f"viết mỗi mục trên một dòng bắt đầu bằng '- ' dưới {key}:", "not-list")
            return ()
        items = []
        for item_node, item in zip(node.value, value):
            text = self.scalar_text(key, item_node, item)
            if text:
                items.append(text)
        return tuple(items)

    def date(self, key: str, node: yaml.Node, value: Any) -> PartialDate | None:
        if value is None or value == "":
            return None
        if isinstance(value, datetime.date):
            value = value.isoformat()
        try:
            return PartialDate.parse(str(value))
        except ValueError as exc:
            self.error(node, f"ngày '{value}' không hợp lệ ({exc})",
                       "viết ngày dạng YYYY-MM-DD, hoặc YYYY-MM / YYYY khi bản gốc để trống ngày", "bad-date")
            return None

    def day(self, key: str, node: yaml.Node, value: Any) -> datetime.date | None:
        """A whole day, `YYYY-MM-DD`: a day the build compares with today, so no blank month or day."""
        if value is None or value == "":
            return None
        text = value.isoformat() if isinstance(value, datetime.date) else str(value)
        try:
            parsed = PartialDate.parse(text)
        except ValueError as exc:
            reason = str(exc)
        else:
            if parsed.day is not None:
                return datetime.date(parsed.year, parsed.month, parsed.day)
            reason = "thiếu ngày" if parsed.month else "thiếu ngày và tháng"
        self.error(node, f"ngày '{text}' ở '{key}' không hợp lệ ({reason})",
                   f"viết đủ ngày, tháng, năm dạng YYYY-MM-DD, ví dụ {key}: '2026-12-01'", "bad-date")
        return None


def mapping_items(node: yaml.MappingNode, value: dict) -> list[tuple[str, yaml.Node, yaml.Node, Any]]:
    items = []
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
        items.append((key, key_node, value_node, value.get(key)))
    return items
