"""Rules `portal check` adds to the schema checks: each works on one file's text.

Schema, type, topic, date and duplicate-number rules live where the data is read
(`frontmatter`, `topics`, `content`); ambiguous citations where they are resolved
(`graph`). The rules here look at what a schema cannot see: marks and markup that
must not reach a public site, and links to pages that do not exist. Each rule is a
function `(path, text) -> list[Problem]` on the whole file (front matter included),
so that it runs even on a file whose front matter is broken.
"""

from __future__ import annotations

import re

from . import marks
from .model import Problem
from .text import slug

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_DANGEROUS_TAG = re.compile(r"<\s*(script|iframe|object|embed)\b", re.IGNORECASE)
_EVENT_HANDLER = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-zA-Z]+)\s*=", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# Characters no document needs and that break feeds (XML) or hide text: C0 and C1 controls
# but tab and line breaks, Unicode non-characters, bidirectional overrides and isolates.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
                      "\ufdd0-\ufdef\ufffe\uffff\U0001fffe\U0001ffff\U0010fffe\U0010ffff]")
# Nesting no directive has and the Markdown parser cannot follow (it recurses once per level):
# lines indented past 80 columns, runs of 100 list, quote, emphasis or bracket marks.
_TOO_DEEP = re.compile(r"^[ \t]{80,}\S|[*_>\[\]]{100,}", re.MULTILINE)
# File and folder names every web host and file system keeps apart: lower-case ASCII.
_SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def blank_code(text: str) -> list[str]:
    """The file's lines with fenced code blocks and code spans blanked out.

    Code is shown escaped on the site, so markup inside it is harmless; line
    numbers stay those of the file.
    """
    lines = text.split("\n")
    out, fence = [], ""
    for line in lines:
        match = _FENCE.match(line)
        if fence:
            if match and match[1][0] == fence[0] and len(match[1]) >= len(fence):
                fence = ""
            out.append("")
        elif match:
            fence = match[1]
            out.append("")
        else:
            out.append(_CODE_SPAN.sub(lambda m: " " * len(m[0]), line) if "`" in line else line)
    return out


def front_matter_end(lines: list[str]) -> int:
    """The line number of the front matter's closing `---` (0 when there is none)."""
    if not lines or lines[0].strip() != "---":
        return 0
    return next((i for i, line in enumerate(lines[1:], start=2) if line.strip() in ("---", "...")), 0)


def secrecy_marks(path: str, text: str) -> list[Problem]:
    """Secrecy and circulation marks (errors) and urgency marks out of place, in a whole file."""
    if not marks.may_hold_marks(text):
        return []  # most files: no mark word anywhere
    lines = blank_code(text)
    front_end = front_matter_end(lines)
    problems = []
    for number, line in enumerate(lines, start=1):
        for mark in marks.find_marks(line):
            if mark.secrecy:
                problems.append(Problem(
                    path, number,
                    f"có dấu mức độ mật hoặc phạm vi lưu hành '{mark.text}': văn bản này không được công bố công khai",
                    "không đưa văn bản mật hoặc lưu hành nội bộ lên cổng; nếu văn bản đã được phép công bố, "
                    "xóa dấu này khỏi tệp", "error", "secrecy-mark"))
            elif number <= front_end and not line.lstrip().startswith("urgency:"):
                problems.append(Problem(
                    path, number, f"dấu độ khẩn '{mark.text}' nằm trong thông tin văn bản, không phải chữ của trích yếu",
                    f"xóa '{mark.text}' khỏi dòng này và ghi một dòng riêng: urgency: {mark.text}",
                    "error", "urgency-in-title"))
            elif number > front_end:
                problems.append(Problem(
                    path, number, f"dấu độ khẩn '{mark.text}' nằm trong nội dung văn bản",
                    f"xóa dòng này và ghi vào phần thông tin văn bản: urgency: {mark.text}",
                    "warning", "urgency-mark"))
    return problems


def control_characters(path: str, text: str) -> list[Problem]:
    """Invisible control characters: they make feeds unreadable or reorder what is shown."""
    if text.replace("\n", "").replace("\t", "").isprintable() or not _CONTROL.search(text):
        return []  # most files: every character printable (a quick test in C)
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = _CONTROL.search(line)
        if match:
            problems.append(Problem(
                path, number, f"có ký tự điều khiển vô hình U+{ord(match[0]):04X} ở cột {match.start() + 1}",
                "xóa ký tự này (thường do sao chép từ PDF hay phần mềm khác): gõ lại đoạn chữ quanh vị trí đó",
                "error", "control-character"))
    return problems


def deep_nesting(path: str, text: str) -> list[Problem]:
    if " " * 80 not in text and "\t" not in text and sum(text.count(ch) for ch in "*_>[]") < 100:
        return []  # most files: neither deep indentation nor that many marks at all
    match = _TOO_DEEP.search(text)
    if match is None:
        return []
    return [Problem(path, text.count("\n", 0, match.start()) + 1, "nội dung lồng nhau quá sâu (thụt lề hay "
                    "dấu *, _, >, [ ] nối liền quá nhiều)", "văn bản chỉ cần vài cấp mục; viết lại đoạn này "
                    "không thụt lề quá 4 cấp", "error", "too-deep")]


def file_name(rel: str, shown: str) -> list[Problem]:
    """A content path whose folders and file name are not lower-case ASCII letters, digits, `.-_`."""
    bad = [part for part in rel.split("/") if not _SAFE_NAME.match(part)]
    if not bad:
        return []
    stem, dot, ext = bad[0].rpartition(".") if "." in bad[0][1:] else (bad[0], "", "")
    better = (slug(stem) or "van-ban") + (dot + ext.lower() if dot else "")
    return [Problem(shown, 1, f"tên '{bad[0]}' có ký tự không dùng được trong địa chỉ trang web "
                    "(chỉ dùng chữ thường không dấu, số, dấu '-', '_' và '.')",
                    f"đổi tên thành '{better}'", "error", "file-name")]


def may_hold_unsafe_html(text: str) -> bool:
    """False when `unsafe_html` cannot find anything: no tag at all."""
    return "<" in text


def unsafe_html(path: str, text: str) -> list[Problem]:
    if not may_hold_unsafe_html(text):
        return []
    problems = []
    for number, line in enumerate(blank_code(text), start=1):
        for match in _DANGEROUS_TAG.finditer(line):
            tag = match[1].lower()
            problems.append(Problem(
                path, number, f"có thẻ HTML <{tag}>: mã chạy hoặc nội dung nhúng không được đưa lên trang công khai",
                f"xóa thẻ <{tag}>; muốn dẫn tới video, bản đồ, tài liệu thì viết một liên kết thường [tên](địa chỉ)",
                "error", "unsafe-html"))
        for match in _EVENT_HANDLER.finditer(line):
            problems.append(Problem(
                path, number, f"thẻ HTML có thuộc tính sự kiện '{match[1]}=': mã chạy không được đưa lên trang công khai",
                f"xóa thuộc tính {match[1]}=\"...\" khỏi thẻ", "error", "unsafe-html"))
    return problems
