"""Two sources of one address: an editor's file, a page the portal makes, a file a writer writes.

`van-ban/2026/trung.md` and `van-ban/2026/trung/index.md` are both the page
`van-ban/2026/trung/`; a document at `van-ban/loai/cong-van/index.md` is the
listing of letters; `content/feed.xml` would replace the site's feed. MkDocs keeps
one of them without a word. Each is an error naming both paths. Addresses are
compared in lower case: many hosts and file systems do not tell `A` from `a`.
"""

from __future__ import annotations

import os
import posixpath
from typing import Iterable

from .model import Problem, page_url

# Files and folders of the built site that are not pages of content: the writers'
# outputs (search index, feeds, short links) and the theme's own files.
RESERVED_FILES = frozenset({"feed.xml", "sitemap.xml", "sitemap.xml.gz", "404.html", "robots.txt", "sw.js"})
RESERVED_FOLDERS = ("assets/", "search/", "so/", "van-ban/loai/", "van-ban/co-quan/", "van-ban/nam/")


def output_path(src: str) -> str:
    """Where MkDocs (directory URLs) writes a source file: `a/b.md` -> `a/b/index.html`."""
    if not src.endswith(".md"):
        return src
    if posixpath.basename(src) == "README.md":  # MkDocs takes it for its folder's index
        src = posixpath.join(posixpath.dirname(src), "index.md")
    return page_url(src) + "index.html"


def content_files(content_dir: str) -> list[str]:
    """Every file of the content folder (relative, with '/'), hidden ones left out."""
    found = []
    for here, dirs, files in os.walk(content_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                found.append(os.path.relpath(os.path.join(here, name), content_dir).replace(os.sep, "/"))
    return found


def _reserved(dest: str) -> bool:
    return dest in RESERVED_FILES or dest.startswith(RESERVED_FOLDERS) or posixpath.basename(dest) == "feed.xml"


def collisions(files: Iterable[str], generated: Iterable[str], display_prefix: str = "",
               unpublished: Iterable[str] = ()) -> list[Problem]:
    """Editors' files that share an address with another file or with a page the portal makes.

    `files` are the content folder's files, `generated` the sources of the portal's pages,
    `unpublished` files never built (drafts, the topic registry). The home page `index.md`
    is the one generated page whose editor text the portal shows.
    """
    skip = set(unpublished)
    generated = set(generated)
    made = {output_path(src).lower(): src for src in generated}
    owners: dict[str, str] = {}
    problems = []
    for rel in files:
        if rel in skip:
            continue
        dest = output_path(rel)
        key, shown = dest.lower(), display_prefix + rel
        if rel in generated and rel != "index.md":
            fix = ("viết phần giới thiệu vào 'intro' của chủ đề trong topics.yml, rồi xóa tệp này"
                   if rel.startswith("chu-de/") else "đổi tên hoặc chuyển tệp này sang chỗ khác")
            problems.append(Problem(shown, 1, "trang này do cổng tự tạo, nội dung của tệp sẽ không được hiển thị",
                                    fix, "error", "generated-path"))
        elif key in made and made[key] != rel:
            problems.append(Problem(shown, 1, f"tệp này có cùng địa chỉ /{dest} với trang do cổng tự tạo "
                                    f"({made[key]})", "đổi tên hoặc chuyển tệp này sang chỗ khác", "error", "same-address"))
        elif _reserved(dest):
            problems.append(Problem(shown, 1, f"địa chỉ /{dest} dành cho tệp do cổng tự tạo (nguồn tin, tìm kiếm, "
                                    "đường dẫn ngắn, giao diện)", "đổi tên hoặc chuyển tệp này sang chỗ khác",
                                    "error", "same-address"))
        elif key in owners:
            problems.append(Problem(shown, 1, f"tệp này và {display_prefix}{owners[key]} cùng thành trang /{dest}",
                                    "đổi tên một trong hai tệp", "error", "same-address"))
        else:
            owners[key] = rel
    return problems
