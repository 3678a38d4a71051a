"""`portal review --base REF`: what a pull request changes, as Markdown for the PR or the job summary.

The content folder at REF is taken out of git (`git archive`) into a temporary
folder; both sides are read and resolved the same way the build does (`load_content`,
`build_graph`, `build_site`), then compared: documents added, changed (which fields,
how many words), removed; pages of the site whose data changes; citations
gained or lost; and what `portal check` finds in the working tree.
"""

from __future__ import annotations

from .arguments import ArgumentParser
import difflib
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass

from .model import page_url
from .checks import CheckResult, check_content
from .content import documents_among
from .graph import Graph
from .model import Document
from .views import Site, cited_label
from .pipeline import Build, build, display_prefix
from .text import one_line

FIELDS = ("title", "type", "number", "issuer", "place", "date", "signer", "recipients",
          "distribution", "topics", "references", "status")
PAGE_KINDS = (  # (URL prefix, heading); the first that matches names the kind of page
    ("chu-de/", "Trang chủ đề"),
    ("van-ban-dan-chieu/", "Trang văn bản dẫn chiếu"),
    ("van-ban/loai/", "Danh sách theo loại"),
    ("van-ban/co-quan/", "Danh sách theo cơ quan ban hành"),
    ("van-ban/", "Trang văn bản và danh sách chung"),
    ("", "Trang khác"),
)


PAGES_SHOWN = 15  # per kind of page: a comment stays readable when a change touches many pages


class ReviewError(Exception):
    """A git problem: the message says what to do."""


@dataclass(frozen=True)
class Side:
    """One side of the comparison: the content read and resolved as the build does."""

    files: tuple[str, ...]
    documents: dict[str, Document]
    graph: Graph
    site: Site
    pages: dict[str, tuple[str, str]]  # url -> (title, fingerprint of its data)


def read_side(content_dir: str, built: Build | None = None) -> Side:
    """One side from its build (built here when not given): each content folder is built once."""
    built = built or build(content_dir)
    site = built.site
    pages = {view.document.url: (view.document.title, repr(view)) for view in site.documents.values()}
    for page in site.pages:
        pages[page_url(page.src)] = (page.title, repr(page.data))
    return Side(tuple(documents_among(built.content.files)), {d.path: d for d in built.content.documents},
                built.graph, site, pages)


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError:
        raise ReviewError("không chạy được git — cài git (apt install git) rồi chạy lại") from None


def extract_base(ref: str, content_dir: str, dest: str) -> str:
    """The content folder as it is at `ref`, written under `dest`; returns its path there."""
    top = _git(["rev-parse", "--show-toplevel"], content_dir)
    if top.returncode != 0:
        raise ReviewError(f"{content_dir} không nằm trong một kho git — chạy lệnh trong bản sao của kho")
    root = top.stdout.decode().strip()
    if _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root).returncode != 0:
        raise ReviewError(f"không có nhánh hay commit '{ref}' — kiểm tra tên, hoặc chạy git fetch trước")
    rel = os.path.relpath(os.path.realpath(content_dir), os.path.realpath(root)).replace(os.sep, "/")
    archive = _git(["archive", "--format=tar", ref, "--", rel], root)
    target = os.path.join(dest, rel)
    if archive.returncode == 0:  # otherwise the folder does not exist at `ref`: nothing to compare with
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            if hasattr(tarfile, "data_filter"):  # refuse links and paths leaving `dest`
                tar.extractall(dest, filter="data")
            else:  # pragma: no cover - Python without extraction filters; the archive is our own repository
                tar.extractall(dest)
    os.makedirs(target, exist_ok=True)
    return target


def changed_fields(old: Document, new: Document) -> list[str]:
    return [name for name in FIELDS if getattr(old, name) != getattr(new, name)]


def word_changes(old: str, new: str) -> tuple[int, int]:
    """(words added, words removed) between two texts."""
    a, b = old.split(), new.split()
    added = removed = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            removed += i2 - i1
        if tag in ("replace", "insert"):
            added += j2 - j1
    return added, removed


def md(text: str) -> str:
    """Text from content, safe inside a Markdown line or table cell: one line, no markup."""
    text = " ".join(one_line(text).split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]|~#":
        text = text.replace(char, "\\" + char)
    return text


def code(text: str) -> str:
    """A file name or address from content, in monospace and escaped like `md` (a name with
    backticks would end a Markdown code span early)."""
    return f"<code>{md(text)}</code>"


def _citations(side: Side) -> dict[tuple[str, str], str]:
    """(citing path, cited key) -> how the citation reads in the summary."""
    found = {}
    for path, targets in side.graph.outgoing.items():
        for key, relation in targets:
            cited = side.graph.cited[key]
            when = f" ngày {cited.date.display()}" if cited.date else ""
            verb = "triển khai" if relation == "implements" else "dẫn chiếu"
            found[(path, key)] = f"*{md(side.documents[path].title)}* {verb} **{md(cited_label(cited))}**{when}"
    return found


def summary(base: Side, head: Side, checked: CheckResult, ref: str, prefix: str = "content/") -> str:
    """The pull request's summary in Markdown (Vietnamese)."""
    added = [p for p in head.files if p not in base.files]
    removed = [p for p in base.files if p not in head.files]
    changed = _changed_documents(base, head)
    pages = sorted(url for url in set(base.pages) | set(head.pages) if base.pages.get(url) != head.pages.get(url))
    old_cites, new_cites = _citations(base), _citations(head)
    gained = sorted(v for k, v in new_cites.items() if k not in old_cites)
    lost = sorted(v for k, v in old_cites.items() if k not in new_cites)
    touched = {prefix + p for p in added + [c[0] for c in changed]}
    errors, warnings = checked.errors, [p for p in checked.warnings if p.path in touched]

    out = [f"## Tóm tắt thay đổi văn bản (so với {code(ref)})", ""]
    out.append(" · ".join([f"**{len(added)}** văn bản mới", f"**{len(changed)}** văn bản sửa",
                           f"**{len(removed)}** văn bản xóa", f"**{len(pages)}** trang thay đổi",
                           f"**{len(gained)}** dẫn chiếu thêm", f"**{len(lost)}** dẫn chiếu mất",
                           f"**{len(errors)}** lỗi", f"**{len(warnings)}** cảnh báo"]))
    out += _documents_section(base, head, added, changed, removed, prefix)
    out += _pages_section(base, head, pages)
    if gained or lost:
        out += ["", "### Dẫn chiếu", ""]
        out += [f"- thêm: {line}" for line in gained] + [f"- mất: {line}" for line in lost]
    out += ["", "### Kết quả `portal check`", ""]
    if not errors and not warnings:
        out.append("Không có lỗi, không có cảnh báo ở các văn bản thay đổi.")
    for problem in errors:
        out.append(f"- **lỗi** {code(f'{problem.path}:{problem.line}')} {md(problem.message)} — {md(problem.fix)}")
    for problem in warnings:
        out.append(f"- cảnh báo {code(f'{problem.path}:{problem.line}')} {md(problem.message)} — {md(problem.fix)}")
    return "\n".join(out) + "\n"


def _changed_documents(base: Side, head: Side) -> list[tuple[str, list[str], tuple[int, int]]]:
    """(path, fields changed, (words added, words removed)) of each document on both sides that changed."""
    changed = []
    for path in (p for p in head.files if p in base.files):
        old, new = base.documents.get(path), head.documents.get(path)
        if old is None or new is None:
            if old != new:
                changed.append((path, ["(không đọc được, xem lỗi bên dưới)"], (0, 0)))
            continue
        fields, words = changed_fields(old, new), word_changes(old.body, new.body)
        if fields or words != (0, 0):
            changed.append((path, fields, words))
    return changed


def _documents_section(base: Side, head: Side, added: list[str], changed: list, removed: list[str],
                       prefix: str) -> list[str]:
    out: list[str] = []
    if added:
        out += ["", "### Văn bản mới", "", "| Tệp | Loại | Số | Ngày | Trích yếu | Trạng thái |", "|---|---|---|---|---|---|"]
        for path in added:
            doc = head.documents.get(path)
            if doc is None:
                out.append(f"| {code(prefix + path)} | | | | (không đọc được, xem lỗi bên dưới) | |")
                continue
            status = ("hẹn công bố " + doc.publish_on.strftime("%d/%m/%Y") if doc.is_scheduled and doc.publish_on
                      else "bản nháp" if doc.is_draft else "công bố")
            out.append(f"| {code(prefix + path)} | {md(doc.type_label)} | {md(doc.number or '(chưa có số)')} | "
                       f"{md(doc.date.display() if doc.date else '')} | {md(doc.title)} | {status} |")
    if changed:
        out += ["", "### Văn bản sửa", ""]
        for path, fields, (plus, minus) in changed:
            doc = head.documents.get(path)
            title = f" — *{md(doc.title)}*" if doc else ""
            parts = [("trường " + ", ".join(f"`{f}`" if f in FIELDS else f for f in fields))] if fields else []
            if plus or minus:
                parts.append(f"nội dung +{plus} / −{minus} từ")
            out.append(f"- {code(prefix + path)}{title}: " + "; ".join(parts))
    if removed:
        out += ["", "### Văn bản xóa", ""]
        for path in removed:
            doc = base.documents.get(path)
            out.append(f"- {code(prefix + path)}" + (f" — *{md(doc.title)}*" if doc else ""))
    return out


def _pages_section(base: Side, head: Side, pages: list[str]) -> list[str]:
    """The pages of the site the change changes, by kind, each kind cut at PAGES_SHOWN."""
    if not pages:
        return []
    out = ["", "### Trang thay đổi trên cổng", ""]
    groups: dict[str, list[str]] = {}
    for url in pages:
        heading = next(h for start, h in PAGE_KINDS if url.startswith(start))
        title, _ = head.pages.get(url) or base.pages[url]
        state = " (trang mới)" if url not in base.pages else " (trang bị bỏ)" if url not in head.pages else ""
        groups.setdefault(heading, []).append(f"{code('/' + url)} {md(title)}{state}")
    for _start, heading in PAGE_KINDS:
        items = groups.get(heading, [])
        if items:
            out.append(f"- **{heading}** ({len(items)})")
            out += [f"  - {item}" for item in items[:PAGES_SHOWN]]
            if len(items) > PAGES_SHOWN:
                out.append(f"  - … và {len(items) - PAGES_SHOWN} trang khác")
    return out


def review(ref: str, content_dir: str) -> str:
    prefix = display_prefix(content_dir)
    with tempfile.TemporaryDirectory(prefix="portal-review-") as tmp:
        base = read_side(extract_base(ref, content_dir, tmp))
    checked = check_content(content_dir, prefix)
    head = read_side(content_dir, checked.build)  # documents and graph carry paths without the prefix
    return summary(base, head, checked, ref, prefix)


def main(argv: list[str]) -> int:
    parser = ArgumentParser(
        prog="portal review",
        description="So sánh thư mục nội dung với một nhánh git và in bản tóm tắt Markdown cho pull request.")
    parser.add_argument("--base", required=True, metavar="NHÁNH", help="nhánh hoặc commit để so sánh, ví dụ origin/main")
    parser.add_argument("--content", default="content", metavar="THƯ_MỤC", help="thư mục nội dung (mặc định: content)")
    args = parser.parse_args(argv)
    if not os.path.isdir(args.content):
        print(f"portal review: không tìm thấy thư mục nội dung '{args.content}' — chạy lệnh từ thư mục gốc "
              "của kho (nơi có thư mục content/), hoặc chỉ ra thư mục đó bằng --content", file=sys.stderr)
        return 2
    try:
        sys.stdout.write(review(args.base, args.content))
    except ReviewError as exc:
        print(f"portal review: {exc}", file=sys.stderr)
        return 2
    return 0
