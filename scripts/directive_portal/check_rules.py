"""Rules `portal check` adds to the schema checks: each works on one file's text.

Schema, type, topic, date and duplicate-number rules live where the data is read
(`frontmatter`, `topics`, `content`); ambiguous citations where they are resolved
(`graph`). The rules here look at what a schema cannot see: marks and markup that
must not reach a public site, and links to pages that do not exist. Each rule is a
function `(path, text) -> list[Problem]` on the whole file (front matter included),
so that it runs even on a file whose front matter is broken.
"""

from __future__ import annotations

import posixpath
import re
from typing import Iterable, Mapping
from urllib.parse import unquote

from .model import Problem
from .text import nfc

# Secrecy and circulation marks (Hướng dẫn 36-HD/VPTW): upper-case words standing
# as a mark on their own, never inside ordinary words (`gắn bó mật thiết`).
MARKS = ("TUYỆT MẬT", "TỐI MẬT", "MẬT", "LƯU HÀNH NỘI BỘ", "THƯỢNG KHẨN", "KHẨN", "HỎA TỐC", "HOẢ TỐC")
# A mark stands alone between these: brackets, quotes, emphasis, list bullets, `key:`.
_SEGMENT_SEPARATORS = re.compile(r"[|()\[\]{},;:\"“”'*_#>`~=]|\s[-–—+]\s|^\s*[-–—+]\s|\s[-–—]$")

_MARK_WORD = re.compile("|".join(sorted({m.split()[-1] for m in MARKS})))
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_DANGEROUS_TAG = re.compile(r"<\s*(script|iframe|object|embed)\b", re.IGNORECASE)
_EVENT_HANDLER = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-zA-Z]+)\s*=", re.IGNORECASE)
_JAVASCRIPT_URL = re.compile(r"javascript\s*:", re.IGNORECASE)

_INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_HTML_LINK = re.compile(r"\b(?:href|src)\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


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


def find_marks(line: str) -> list[str]:
    """Secrecy or circulation marks standing alone in one line of text."""
    if not _MARK_WORD.search(line):
        return []  # most lines: no mark word at all
    found = []
    for segment in _SEGMENT_SEPARATORS.split(nfc(line)):
        words = " ".join(segment.split()).strip(" .!")
        if words in MARKS and words not in found:
            found.append(words)
    return found


def secrecy_marks(path: str, text: str) -> list[Problem]:
    if not _MARK_WORD.search(text):
        return []  # most files: no mark word anywhere
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        for mark in find_marks(line):
            problems.append(Problem(
                path, number,
                f"có dấu mức độ mật hoặc phạm vi lưu hành '{mark}': văn bản này không được công bố công khai",
                "không đưa văn bản mật, khẩn hoặc lưu hành nội bộ lên cổng; nếu văn bản đã được phép công bố, "
                "xóa dấu này khỏi tệp", "error", "secrecy-mark"))
    return problems


def may_hold_unsafe_html(text: str) -> bool:
    """False when `unsafe_html` cannot find anything: no tag and no `javascript:` at all."""
    return "<" in text or _JAVASCRIPT_URL.search(text) is not None


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
        if _JAVASCRIPT_URL.search(line):
            problems.append(Problem(
                path, number, "có liên kết 'javascript:': mã chạy không được đưa lên trang công khai",
                "thay bằng liên kết tới một trang hoặc tệp, ví dụ [Chủ đề](../../chu-de/van-hoa.md)",
                "error", "unsafe-html"))
    return problems


def link_targets(lines: Iterable[str]) -> list[tuple[int, str]]:
    """(line, target) of every Markdown or HTML link and image in the lines."""
    found = []
    for number, line in enumerate(lines, start=1):
        if "](" not in line and "]:" not in line and "=" not in line:
            continue
        targets = [m[1] for m in _INLINE_LINK.finditer(line)]
        targets += [m[1] for m in _HTML_LINK.finditer(line)]
        match = _REFERENCE_DEF.match(line)
        if match:
            targets.append(match[1])
        found += [(number, t) for t in targets]
    return found


def page_url(src: str) -> str:
    """Site URL of a Markdown source with directory URLs: `a/b.md` -> `a/b/`."""
    stem = src[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def broken_links(path: str, src: str, text: str, sources: frozenset[str],
                 pages: Mapping[str, str], drafts: frozenset[str] = frozenset()) -> list[Problem]:
    """Links from file `src` (relative to the content folder) that the site build cannot follow.

    `sources` are the files of the built site (Markdown sources, generated pages,
    other files), `pages` maps each page URL without its final '/' to its source.
    MkDocs follows links to source files only (`../2025/x.md`), relative to the
    linking file; a draft is no page of the site.
    """
    problems = []
    lines = blank_code(text)
    front_end = 0
    if lines and lines[0].strip() == "---":  # no links in the front matter
        front_end = next((i for i, line in enumerate(lines[1:], start=2) if line.strip() in ("---", "...")), 0)
    folder = posixpath.dirname(src)
    for number, target in link_targets(lines):
        if number <= front_end or not target or target.startswith("#"):
            continue
        if target.startswith("//") or _SCHEME.match(target):
            continue  # another site, mail, telephone; `javascript:` is `unsafe_html`'s
        file_part = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if not file_part:
            continue
        where = posixpath.normpath(posixpath.join(folder, file_part.lstrip("/")))
        if not file_part.startswith("/") and where in sources:
            continue
        # A page's address instead of its file (`../chu-de/van-hoa/`, `/van-ban/`)?
        base = "" if file_part.startswith("/") else page_url(src)
        url = posixpath.normpath(posixpath.join(base, file_part.lstrip("/")))
        page = pages.get("" if url == "." else url) or (where if where in sources else "")
        if page:
            suggestion = posixpath.relpath(page, folder or ".")
            problems.append(Problem(
                path, number, f"liên kết '{target}' trỏ tới địa chỉ trang thay vì tệp nguồn .md của trang",
                f"viết liên kết tới tệp, tính từ thư mục của tệp này: {suggestion}",
                "error", "link-not-file"))
        elif where in drafts:
            problems.append(Problem(
                path, number, f"liên kết '{target}' dẫn tới một bản nháp, trang đó không có trên cổng",
                "bỏ liên kết, hoặc công bố văn bản kia trước (status: published)", "error", "broken-link"))
        else:
            problems.append(Problem(
                path, number, f"liên kết '{target}' dẫn tới trang không tồn tại",
                "sửa đường dẫn theo tệp đích, tính từ thư mục của tệp này (ví dụ ../2025/ten-tep.md), "
                "hoặc xóa liên kết", "error", "broken-link"))
    return problems
