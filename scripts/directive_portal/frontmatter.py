"""Read a document file: split the front matter, parse it, validate it.

`read_document(path, text, topic_slugs)` turns the text of one Markdown file
into a `Document` and the list of every `Problem` found, each with the line of
the file it is on. Nothing here knows about MkDocs; MkDocs' own front matter
reader silently drops broken YAML, so we never rely on it.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

import yaml

from .marks import URGENCY
from .model import DOCUMENT_TYPES, RELATIONS, STATUSES, Document, Problem, Reference, Signer
from .numbers import canonical_id, type_from_number
from .text import nfc, slug
from .yaml_fields import Reader, compose_and_load, mapping_items, suggest, yaml_problem

# Keys MkDocs and Material understand, allowed on documents too.
THEME_KEYS = ("description", "template", "hide", "search", "tags")
KNOWN_KEYS = (
    "title", "type", "number", "issuer", "place", "date", "signer", "recipients",
    "distribution", "topics", "references", "status", "urgency", "replaces", "amends", "publish_on",
) + THEME_KEYS
SIGNER_KEYS = ("name", "title", "on_behalf")
REFERENCE_KEYS = ("id", "date", "issuer", "title", "relation")


# Line breaks other than "\n" that `str.splitlines` also splits on.
_OTHER_LINE_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CLOSING_LINE = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter YAML or None, body, line where the body starts)."""
    if _OTHER_LINE_BREAKS.search(text) is None:
        return _split_on_newlines(text)
    return split_by_lines(text)


def split_by_lines(text: str) -> tuple[str | None, str, int]:
    """The plain definition: split into lines, find the closing one."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n").rstrip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n").rstrip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    return "".join(lines[1:]), "", len(lines) + 1


def _split_on_newlines(text: str) -> tuple[str | None, str, int]:
    """`split_front_matter` of a text whose only line break is "\n", without splitting the body into lines."""
    first_end = text.find("\n")
    if not text or (text if first_end < 0 else text[:first_end]).rstrip() != "---":
        return None, text, 1
    if first_end < 0:
        return "", "", 2
    closing = _CLOSING_LINE.search(text, first_end + 1)
    if closing is None:
        return text[first_end + 1:], "", text.count("\n") + (1 if text.endswith("\n") else 2)
    after = text.find("\n", closing.end())
    body = "" if after < 0 else text[after + 1:]
    return text[first_end + 1: closing.start()], body, text.count("\n", 0, closing.start()) + 2


def _signer(reader: Reader, node: yaml.Node, value: Any) -> Signer:
    if value is None:
        return Signer()
    if not isinstance(value, dict) or not isinstance(node, yaml.MappingNode):
        reader.error(node, "'signer' phải có các khóa name, title, on_behalf",
                     "ví dụ:\n  signer:\n    name: Lê Đức Toàn\n    title: Phó Bí thư Thường trực\n    on_behalf: T/M Ban Thường vụ", "bad-signer")
        return Signer()
    fields = {}
    for key, key_node, value_node, item in mapping_items(node, value):
        if key not in SIGNER_KEYS:
            reader.error(key_node, f"khóa '{key}' không có trong signer", suggest(key, SIGNER_KEYS) or "chỉ dùng name, title, on_behalf", "unknown-key")
            continue
        fields[key] = reader.scalar_text(f"signer.{key}", value_node, item)
    return Signer(**fields)


def _urgency(reader: Reader, node: yaml.Node, value: Any) -> str:
    text = reader.scalar_text("urgency", node, value).upper()
    if text and text not in URGENCY:
        reader.error(node, f"độ khẩn '{text}' không hợp lệ", "dùng một trong: " + ", ".join(URGENCY[1:]), "bad-urgency")
        return ""
    return text


def _references(reader: Reader, node: yaml.Node, value: Any) -> tuple[Reference, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not isinstance(node, yaml.SequenceNode):
        reader.error(node, "'references' phải là danh sách văn bản được dẫn chiếu",
                     "mỗi mục bắt đầu bằng '- id: 53-CT/TW'", "not-list")
        return ()
    refs = []
    for item_node, item in zip(node.value, value):
        if isinstance(item, str):
            refs.append(Reference(id=canonical_id(item), type=type_from_number(canonical_id(item)), line=reader.line(item_node)))
            continue
        if not isinstance(item, dict) or not isinstance(item_node, yaml.MappingNode):
            reader.error(item_node, "mỗi văn bản dẫn chiếu phải có khóa 'id'", "ví dụ: - id: 53-CT/TW", "bad-reference")
            continue
        fields: dict[str, Any] = {}
        for key, key_node, value_node, sub in mapping_items(item_node, item):
            if key not in REFERENCE_KEYS:
                reader.error(key_node, f"khóa '{key}' không có trong references", suggest(key, REFERENCE_KEYS) or "chỉ dùng id, date, issuer, title, relation", "unknown-key")
            elif key == "date":
                fields["date"] = reader.date("date", value_node, sub)
            elif key == "relation":
                relation = reader.scalar_text(key, value_node, sub)
                if relation not in RELATIONS:
                    reader.error(value_node, f"quan hệ '{relation}' không hợp lệ", "dùng 'implements' (văn bản này triển khai văn bản kia) hoặc 'cites' (chỉ dẫn chiếu)", "bad-relation")
                else:
                    fields["relation"] = relation
            else:
                fields[key] = reader.scalar_text(key, value_node, sub)
        if not fields.get("id"):
            reader.error(item_node, "văn bản dẫn chiếu thiếu 'id' (số ký hiệu)", "thêm id: 53-CT/TW", "bad-reference")
            continue
        id_ = canonical_id(fields.pop("id"))
        if not any(ch.isalnum() for ch in id_):
            reader.error(item_node, f"id '{id_}' không phải số ký hiệu (không có chữ hay số)",
                         "viết số ký hiệu của văn bản được dẫn chiếu, ví dụ id: 53-CT/TW", "bad-reference")
            continue
        refs.append(Reference(id=id_, type=type_from_number(id_), line=reader.line(item_node), **fields))
    return tuple(refs)


def _read_fields(reader: Reader, node: yaml.MappingNode, data: dict,
                 topic_slugs: tuple[str, ...]) -> tuple[dict[str, Any], list[tuple[str, int]]]:
    """Each key's value, and the line of each key."""
    fields: dict[str, Any] = {}
    lines: list[tuple[str, int]] = []
    for key, key_node, value_node, value in mapping_items(node, data):
        if any(name == key for name, _line in lines):
            first = dict(lines)[key]
            reader.error(key_node, f"khóa '{key}' được viết hai lần (lần đầu ở dòng {first}); chỉ lần sau được dùng",
                         f"giữ một dòng {key}: và xóa dòng kia", "duplicate-key")
            continue
        lines.append((key, reader.line(key_node)))
        if key not in KNOWN_KEYS:
            reader.error(key_node, f"khóa '{key}' không có trong mẫu thông tin văn bản",
                         suggest(key, [k for k in KNOWN_KEYS if k not in THEME_KEYS]) or "xem danh sách khóa trong Hướng dẫn biên tập", "unknown-key")
        elif key in ("title", "number", "issuer", "place", "type", "status"):
            fields[key] = reader.scalar_text(key, value_node, value)
        elif key == "urgency":
            fields[key] = _urgency(reader, value_node, value)
        elif key == "date":
            fields["date"] = reader.date(key, value_node, value)
        elif key == "publish_on":
            fields["publish_on"] = reader.day(key, value_node, value)
        elif key == "signer":
            fields["signer"] = _signer(reader, value_node, value)
        elif key in ("recipients", "distribution"):
            fields[key] = reader.text_list(key, value_node, value)
        elif key == "topics":
            topics = reader.text_list(key, value_node, value)
            for topic_node, topic in zip(getattr(value_node, "value", [value_node]), topics):
                if topic not in topic_slugs:
                    reader.error(topic_node if isinstance(topic_node, yaml.Node) else value_node,
                                 f"chủ đề '{topic}' không có trong danh mục chủ đề (content/topics.yml)",
                                 suggest(topic, topic_slugs) or "dùng một trong: " + ", ".join(topic_slugs), "unknown-topic")
            fields["topics"] = topics
        elif key == "references":
            fields["references"] = _references(reader, value_node, value)
        elif key in ("replaces", "amends"):  # checked against the known documents by lifecycle.py
            fields[key] = tuple(canonical_id(i) for i in reader.text_list(key, value_node, value))

    return fields, lines


def _check_required(reader: Reader, fields: dict[str, Any], key_line: dict[str, int]) -> None:
    """Title and type are required; type and status must be known (status defaults to published)."""
    if not fields.get("title"):
        reader.error(key_line.get("title", 1), "thiếu trích yếu 'title'", "thêm dòng title: <trích yếu của văn bản>", "missing-title")
    doc_type = fields.get("type", "")
    if not doc_type:
        reader.error(key_line.get("type", 1), "thiếu loại văn bản 'type'", "thêm dòng type: cong-van (hoặc ke-hoach, huong-dan, ...)", "missing-type")
    elif doc_type not in DOCUMENT_TYPES:
        by_label = {slug(label): type_slug for type_slug, (label, _code) in DOCUMENT_TYPES.items()}
        hint = (f"viết type: {by_label[slug(doc_type)]}" if slug(doc_type) in by_label
                else suggest(doc_type, DOCUMENT_TYPES) or "dùng một trong: " + ", ".join(DOCUMENT_TYPES))
        reader.error(key_line["type"], f"loại văn bản '{doc_type}' không tồn tại", hint, "unknown-type")
    status = fields.get("status") or "published"
    if status not in STATUSES:
        reader.error(key_line["status"], f"trạng thái '{status}' không hợp lệ", "dùng 'published' (công bố) hoặc 'draft' (bản nháp)", "bad-status")
        status = "draft"
    fields["status"] = status


def read_document(path: str, text: str, topic_slugs: Iterable[str] = ()) -> tuple[Document | None, list[Problem]]:
    """Parse and validate one document file. Returns (document or None, problems)."""
    text = nfc(text.lstrip("\ufeff"))
    yaml_text, body, body_line = split_front_matter(text)
    reader = Reader(path, 2, yaml_text or "")
    if not text.strip():
        reader.error(1, "tệp trống", "xóa tệp này, hoặc tạo lại bằng portal new / portal import", "empty-file")
        return None, reader.problems
    if yaml_text is None:
        reader.error(1, "tệp không có phần thông tin văn bản (front matter)",
                     "đặt ở đầu tệp một khối bắt đầu và kết thúc bằng dòng '---', có ít nhất title và type", "no-front-matter")
        return None, reader.problems
    try:
        node, data = compose_and_load(yaml_text)
    except RecursionError:
        reader.error(1, "phần thông tin văn bản lồng nhau quá sâu", "mỗi khóa chỉ thụt lề một hoặc hai cấp, "
                     "như mẫu trong Hướng dẫn biên tập", "too-deep")
        return None, reader.problems
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = 2 + mark.line if mark else 1
        message, fix = yaml_problem(str(getattr(exc, "problem", None) or exc))
        reader.error(line, message, fix, "yaml-syntax")
        return None, reader.problems
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        reader.error(1, "phần thông tin văn bản phải là các dòng 'khóa: giá trị'", "ví dụ: title: Về việc ...", "not-mapping")
        return None, reader.problems

    fields, lines = _read_fields(reader, node, data, tuple(topic_slugs))
    _check_required(reader, fields, dict(lines))
    if any(p.severity == "error" for p in reader.problems):
        return None, reader.problems
    document = Document(path=path, body=body, body_line=body_line, lines=tuple(lines), **fields)
    return document, reader.problems
