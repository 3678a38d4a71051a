"""The MkDocs adapter: a thin layer over `content`, `graph` and `pages`.

Event order for one build (MkDocs 1.6):
  on_config   read and validate every document; fail before `site/` is touched;
              build the relation graph and page data; start the staging folder
  on_files    drop drafts and the topic registry, add the generated pages
  on_page_read_source  a document's body as already read (no second read and YAML parse)
  on_page_markdown  document bodies with their citations turned into links
  on_page_context   hand each template its page data
  on_post_build     swap the staging folder in place of `site/`
`mkdocs serve` keeps this object between rebuilds: all state is reset in on_config.
"""

from __future__ import annotations

import logging
import os

from markupsafe import Markup, escape
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import atomic, history, outputs, share
from .content import generated_conflicts, load_content
from .frontmatter import THEME_KEYS
from .markdown_spans import overlaps, protected_ranges
from .graph import build_graph
from .pages import Site, build_site, relative_md_link
from .paths import TOPICS_FILE, is_document_path

log = get_plugin_logger(__name__)


class PortalConfig(Config):
    atomic_build = opt.Type(bool, default=True)
    # Lists longer than this (a topic's documents, a listing) show the newest and a page per year.
    list_limit = opt.Type(int, default=100)


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def link_citations(body: str, spans: tuple[tuple[int, int, str], ...], src: str) -> str:
    """Turn each citation span of a Markdown body into a Markdown link."""
    out, last = [], 0
    protected = protected_ranges(body) if spans else []
    for start, end, url in sorted(spans):
        if start < last or overlaps(start, end, protected):
            continue
        out.append(body[last:start])
        out.append(f"[{body[start:end]}]({relative_md_link(src, url)})")
        last = end
    out.append(body[last:])
    return "".join(out)


class PortalPlugin(BasePlugin[PortalConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.site: Site | None = None
        self.generated: dict = {}
        self.staging = ""
        self.final_site_dir = ""
        self.counter: _WarningCounter | None = None
        self.history = history.History()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    # Run first, so that no other plugin works on content that is about to be refused.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.site = None
        self.staging = ""
        self.counter = None
        if self.config.atomic_build and self.command == "build" and config.strict:
            # Count from the first warning on: content warnings below must keep the last good site too.
            self.counter = _WarningCounter()
            logging.getLogger("mkdocs").addHandler(self.counter)
        docs_dir = config.docs_dir
        self.history = history.load_history(docs_dir)  # one `git log` for every page's last change
        prefix = os.path.relpath(docs_dir).replace(os.sep, "/") + "/"
        content = load_content(docs_dir, prefix)
        for problem in content.problems:
            if problem.severity == "warning":
                log.warning(str(problem))
        if content.errors:
            lines = "\n".join(f"  {p}" for p in content.errors)
            raise PluginError(
                f"{len(content.errors)} lỗi trong nội dung, chưa xây dựng trang (thư mục site/ giữ nguyên):\n{lines}"
            )
        graph = build_graph(content.documents)
        for problem in graph.problems:
            log.warning(f"{prefix}{problem}")  # the graph names documents relative to docs_dir
        self.site = build_site(graph, list(content.topics), self.config.list_limit)
        self.generated = {page.src: page for page in self.site.pages}
        conflicts = generated_conflicts(docs_dir, list(self.generated), prefix)
        if conflicts:
            raise PluginError("\n".join(["Tệp trùng với trang do cổng tạo (thư mục site/ giữ nguyên):"]
                                        + [f"  {p}" for p in conflicts]))
        if self.config.atomic_build and self.command == "build":
            self.final_site_dir = config.site_dir
            self.staging = atomic.prepare(config.site_dir)
            config.site_dir = self.staging
        return config

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        # The sitemap's lastmod from git, not the day of the build: builds are reproducible.
        page.update_date = self.history.update_date(page.file.src_uri) or page.update_date
        return page

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        for file in list(files):
            if file.src_uri == TOPICS_FILE or (is_document_path(file.src_uri) and file.src_uri not in self.site.documents):
                files.remove(file)  # the registry, and drafts: never published
        for page in self.site.pages:
            existing = files.get_file_from_path(page.src)
            if existing is None:
                files.append(File.generated(config, page.src, content=""))
        return files

    def on_page_read_source(self, page: Page, *, config: MkDocsConfig) -> str | None:
        """A document's text as load_content read it: MkDocs need not read the file again,
        nor parse its front matter a second time with the pure-Python YAML parser (9 s at
        10,000 documents). Its keys reach the templates through `portal`, not `page.meta`,
        except the theme's own keys (`hide`, ...): a document with any is read by MkDocs."""
        assert self.site is not None
        view = self.site.documents.get(page.file.src_uri)
        if view is None or any(key in THEME_KEYS for key, _line in view.document.lines):
            return None
        body = view.document.body
        return "\n" + body if body.startswith(("---", "...")) else body  # never taken for front matter

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.site is not None
        src = page.file.src_uri
        view = self.site.documents.get(src)
        if view is not None:
            doc = view.document
            page.meta["template"] = "document.html"
            page.title = page.meta["title"] = escape(doc.title)
            page.meta["description"] = escape(_description(view))
            return link_citations(doc.body, self.site.link_targets.get(src, ()), src)
        generated = self._generated(src)
        if generated is not None:
            page.meta["template"] = generated.template
            page.title = page.meta["title"] = escape(generated.title)
        return markdown

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        assert self.site is not None
        src = page.file.src_uri
        view = self.site.documents.get(src)
        if view is None:
            generated = self._generated(src)
            view = generated.data if generated else None
        context["portal"] = view
        context["portal_page_info"] = self.history.info(page.file.src_uri)
        context["portal_share"] = share.for_page(view, page.url, config.site_url or "")
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.site is not None
        settings = outputs.Settings(config.site_url or "", config.site_name, config.docs_dir)
        outputs.write_all(self.site, config.site_dir, settings)
        if not self.staging:
            return
        if self.counter is not None:
            logging.getLogger("mkdocs").removeHandler(self.counter)
            if self.counter.count:
                return  # strict mode will abort: keep the last good site
        atomic.commit(self.staging, self.final_site_dir)
        config.site_dir = self.final_site_dir
        self.staging = ""

    def on_build_error(self, *, error: Exception) -> None:
        if self.counter is not None:
            logging.getLogger("mkdocs").removeHandler(self.counter)
        if self.staging:
            atomic.discard(self.staging)
            self.staging = ""

    def _generated(self, src: str):
        return self.generated.get(src)


def _description(view) -> str:
    doc = view.document
    parts = [f"{view.type_label} số {doc.number}" if doc.number else view.type_label]
    if view.date:
        parts.append(f"ngày {view.date}")
    if doc.issuer:
        parts.append(f"của {doc.issuer}")
    return " ".join(parts) + ": " + doc.title


__all__ = ["PortalPlugin", "Markup", "link_citations"]
