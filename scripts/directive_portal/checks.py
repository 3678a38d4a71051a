"""`portal check [PATH...]`: every problem of the content at once, without building the site.

`check_content(content_dir)` gathers the schema problems of `load_content`, the
ambiguous citations of `build_graph`, and the rules of `check_rules`; `main`
prints them as `path:line: problem — fix` or as GitHub Actions annotations.
"""

from __future__ import annotations

from .arguments import ArgumentParser
import datetime
import os
import sys
from dataclasses import dataclass, replace

from . import check_rules, link_rules, registry, schedule
from .content import Content, document_files, documents_among, read_text
from .graph import Graph
from .model import Problem, Reported
from .pipeline import Build, Settings, build, display_prefix
from .numbers import citation_key
from .text import nfc
from .paths import DOCUMENTS_DIR, TOPICS_FILE


@dataclass(frozen=True)
class CheckResult(Reported):
    build: Build  # the build's own problems are among `problems`
    problems: tuple[Problem, ...]  # sorted by path and line

    @property
    def content(self) -> Content:
        return self.build.content

    @property
    def graph(self) -> Graph:
        return self.build.graph


def check_content(content_dir: str, display_prefix: str = "", today: datetime.date | None = None) -> CheckResult:
    """Check a whole content folder as of `today` (None: today in Vietnam); problem paths start
    with `display_prefix`."""
    built = build(content_dir, Settings(display_prefix=display_prefix, today=today))
    content, graph = built.content, built.graph
    problems = list(built.problems)
    problems += registry.unmatched(content.registry, graph.cited.values())
    problems += _drafts(content, display_prefix)
    problems += schedule.notes(content.documents, display_prefix)
    problems += _undescribed_citations(graph, display_prefix)
    generated = [page.src for page in built.site.pages]
    problems += _file_rules(content_dir, content, generated, display_prefix)
    problems = sorted(set(problems), key=lambda p: (p.path, p.line, p.severity, p.code, p.message))
    return CheckResult(built, tuple(problems))


def _drafts(content: Content, prefix: str) -> list[Problem]:
    return [
        Problem(prefix + doc.path, doc.line_of("status"),
                "văn bản đang là bản nháp (status: draft), sẽ không được công bố",
                "khi văn bản đã ký và được phép công bố, đổi thành status: published", "warning", "draft-document")
        for doc in content.documents if doc.status == "draft"
    ]


def _undescribed_citations(graph: Graph, prefix: str) -> list[Problem]:
    """A cited document that nobody describes: no date, issuer or subject, not published here."""
    problems = []
    # A bare number shared with a described document is ambiguous (the graph says so), not unknown.
    described = {citation_key(c.id) for c in graph.cited.values() if c.published or c.date or c.issuer or c.title}
    for cited in graph.cited.values():
        if citation_key(cited.id) in described:
            continue
        first: dict[str, int] = {}
        for mention in cited.mentions:
            first[mention.source] = min(first.get(mention.source, mention.line), mention.line)
        for source, line in sorted(first.items()):
            problems.append(Problem(
                prefix + source, line,
                f"'{cited.id}' không khớp văn bản nào đã biết: không văn bản nào ghi ngày, cơ quan ban hành "
                "hay trích yếu của nó, và cổng không đăng văn bản này",
                f"ghi đầy đủ ở lần dẫn chiếu đầu tiên: '... số {cited.id} ngày <ngày/tháng/năm> của <cơ quan ban hành> về <trích yếu>', "
                "hoặc khai báo trong references: id, date, issuer, title", "warning", "unknown-citation"))
    return problems


def _file_rules(content_dir: str, content: Content, generated: list[str], prefix: str) -> list[Problem]:
    sources = _site_sources(content, generated)
    pages = {link_rules.page_url(s).rstrip("/"): s for s in sorted(sources, reverse=True) if s.endswith(".md")}
    drafts = frozenset(d.path for d in content.documents if d.is_draft)
    problems = []
    for rel in documents_among(content.files):
        text, unreadable = read_text(os.path.join(content_dir, rel), prefix + rel)
        if unreadable is not None:
            continue  # load_content reported it
        text = nfc(text.lstrip("\ufeff"))  # as `read_document` reads it
        # Secrecy marks and unsafe HTML in bodies are found by load_content (the build refuses them
        # too); here also in front matter values, which the site shows escaped but should not hold.
        problems += check_rules.unsafe_html(prefix + rel, text)
        problems += link_rules.broken_links(prefix + rel, rel, text, sources, pages, drafts)
    return problems


def _site_sources(content: Content, generated: list[str]) -> frozenset[str]:
    """Files the built site is made of: content files (drafts and the registry left
    out) and the generated pages."""
    drafts = {d.path for d in content.documents if d.is_draft}
    sources = {rel for rel in content.files if rel != TOPICS_FILE and rel not in drafts}
    return frozenset(sources | set(generated))


def content_root(path: str) -> str | None:
    """The content folder holding `path`: the nearest folder with topics.yml or van-ban/."""
    here = os.path.abspath(path if os.path.isdir(path) else os.path.dirname(path))
    while True:
        if os.path.exists(os.path.join(here, TOPICS_FILE)) or os.path.isdir(os.path.join(here, DOCUMENTS_DIR)):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_problem(problem: Problem, style: str = "text") -> str:
    """One problem as a line of text, or as a GitHub Actions annotation."""
    if style == "github":
        level = {"error": "error", "info": "notice"}.get(problem.severity, "warning")
        message = problem.message + (f" — {problem.fix}" if problem.fix else "")
        title = f"portal check: {problem.code}" if problem.code else "portal check"
        return (f"::{level} file={_escape_property(problem.path)},line={problem.line},"
                f"title={_escape_property(title)}::{_escape_data(message)}")
    if problem.severity == "warning":
        return str(replace(problem, message="cảnh báo: " + problem.message))
    return str(problem)


def _parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="portal check",
        description="Kiểm tra văn bản trong content/ mà không cần xây dựng trang: thông tin văn bản, "
                    "chủ đề, ngày, số trùng, dẫn chiếu, bản nháp, liên kết, mã HTML nguy hiểm, dấu mật.")
    parser.add_argument("paths", nargs="*", metavar="ĐƯỜNG_DẪN",
                        help="tệp hoặc thư mục cần kiểm tra (mặc định: cả thư mục content/)")
    parser.add_argument("--content", default="content", metavar="THƯ_MỤC", help="thư mục nội dung (mặc định: content)")
    parser.add_argument("--format", choices=("text", "github"), default="text",
                        help="'github': in dạng chú thích của GitHub Actions")
    parser.add_argument("--strict", action="store_true", help="coi cảnh báo như lỗi (thoát mã 1)")
    return parser


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    targets = [os.path.abspath(p) for p in args.paths]
    for target in targets:
        if not os.path.exists(target):
            print(f"{os.path.relpath(target)}:1: không tìm thấy tệp hoặc thư mục — kiểm tra lại đường dẫn", file=sys.stderr)
            return 2
    roots = sorted({content_root(t) or "" for t in targets}) if targets else [os.path.abspath(args.content)]
    if "" in roots or not os.path.isdir(roots[0]):
        where = next((t for t in targets if not content_root(t)), args.content)
        print(f"{os.path.relpath(where)}:1: không nằm trong một thư mục nội dung (có topics.yml và van-ban/) "
              "— chạy lệnh từ thư mục gốc của kho, hoặc chỉ ra thư mục content/", file=sys.stderr)
        return 2
    problems: list[Problem] = []
    count = 0
    for root in roots:
        result = check_content(root, display_prefix(root))
        count += sum(_selected_file(os.path.join(root, rel), targets) for rel in document_files(root))
        problems += [p for p in result.problems if _selected(p, targets)]
    for problem in problems:
        print(format_problem(problem, args.format))
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    scheduled = sum(p.code == "scheduled" for p in problems)
    print(f"Đã kiểm tra {count} văn bản: {errors} lỗi, {warnings} cảnh báo"
          + (f", {scheduled} văn bản hẹn ngày công bố." if scheduled else "."), file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


def _selected(problem: Problem, targets: list[str]) -> bool:
    return _selected_file(problem.path, targets)


def _selected_file(path: str, targets: list[str]) -> bool:
    """Whether `path` is one of the named files or inside one of the named folders."""
    if not targets:
        return True
    path = os.path.abspath(path)
    return any(path == t or path.startswith(t.rstrip(os.sep) + os.sep) for t in targets)


__all__ = ["CheckResult", "check_content", "format_problem", "main"]
