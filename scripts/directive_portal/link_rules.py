"""Rules on a document's links and markup, read by the parser that builds the pages (`links`).

A link must lead to a file the site is made of; an image must be a file of this
site (no request leaves the portal); an attribute the page would not keep
(`{: onerror=… }`, `{: href=javascript:… }`) is reported where it is written.
"""

from __future__ import annotations

import posixpath
import re
from typing import Mapping
from urllib.parse import unquote

from .check_rules import blank_code, front_matter_end
from .links import Found, find_links
from .model import Problem, page_url

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def body_links(text: str) -> tuple[Found, int]:
    """The links of a whole file's body (code blanked), and the number of lines before the body."""
    lines = blank_code(text)
    front_end = front_matter_end(lines)
    return find_links("\n".join(lines[front_end:])), front_end


def refused_markup(path: str, found: Found, offset: int) -> list[Problem]:
    """Attributes the page will drop and images from other sites: errors, so the editor knows."""
    problems = []
    for item in found.refused:
        if item.name == "src":
            fix = "tải ảnh về, đặt cạnh tệp văn bản trong content/ và dẫn tới tệp đó, ví dụ ![Ảnh](anh-1.png)"
        elif item.name == "href":
            fix = "thay bằng địa chỉ trang (https://...), thư (mailto:) hoặc tệp trong content/"
        else:
            fix = f"xóa thuộc tính {item.name} trong {{: ... }}; văn bản chỉ cần id và class"
        problems.append(Problem(path, offset + item.line, item.problem, fix, "error", "refused-markup"))
    return problems


def broken_links(path: str, src: str, text: str, sources: frozenset[str],
                 pages: Mapping[str, str], drafts: frozenset[str] = frozenset()) -> list[Problem]:
    """Links from file `src` (relative to the content folder) that the site build cannot follow.

    `sources` are the files of the built site (Markdown sources, generated pages,
    other files), `pages` maps each page URL without its final '/' to its source.
    MkDocs follows links to source files only (`../2025/x.md`), relative to the
    linking file; a draft is no page of the site.
    """
    found, offset = body_links(text)
    problems = []
    folder = posixpath.dirname(src)
    for link in found.links:
        target, number = link.target, offset + link.line
        if not target or target.startswith("#") or target.startswith("//") or _SCHEME.match(target):
            continue  # this page, another site, mail, telephone
        file_part = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if not file_part:
            continue
        where = posixpath.normpath(posixpath.join(folder, file_part.lstrip("/")))
        if not file_part.startswith("/") and where in sources:
            continue
        problems.append(_link_problem(path, number, src, target, file_part, where, sources, pages, drafts))
    return problems


def _link_problem(path: str, number: int, src: str, target: str, file_part: str, where: str,
                  sources: frozenset[str], pages: Mapping[str, str], drafts: frozenset[str]) -> Problem:
    # A page's address instead of its file (`../chu-de/van-hoa/`, `/van-ban/`)?
    base = "" if file_part.startswith("/") else page_url(src)
    url = posixpath.normpath(posixpath.join(base, file_part.lstrip("/")))
    page = pages.get("" if url == "." else url) or (where if where in sources else "")
    if page:
        suggestion = posixpath.relpath(page, posixpath.dirname(src) or ".")
        return Problem(path, number, f"liên kết '{target}' trỏ tới địa chỉ trang thay vì tệp nguồn .md của trang",
                       f"viết liên kết tới tệp, tính từ thư mục của tệp này: {suggestion}", "error", "link-not-file")
    if where in drafts:
        return Problem(path, number, f"liên kết '{target}' dẫn tới một bản nháp (hoặc văn bản chưa tới ngày hẹn công bố), "
                       "trang đó không có trên cổng",
                       "bỏ liên kết, hoặc công bố văn bản kia trước (status: published, ngày publish_on đã tới)", "error", "broken-link")
    return Problem(path, number, f"liên kết '{target}' dẫn tới trang không tồn tại",
                   "sửa đường dẫn theo tệp đích, tính từ thư mục của tệp này (ví dụ ../2025/ten-tep.md), "
                   "hoặc xóa liên kết", "error", "broken-link")
