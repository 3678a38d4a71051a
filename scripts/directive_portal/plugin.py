"""The MkDocs adapter: a thin layer over `content`, `graph` and `pages`.

Event order for one build (MkDocs 1.6):
  on_config   read and validate every document; fail before `site/` is touched;
              build the relation graph and page data; start the staging folder
  on_files    drop drafts and the topic registry, add the generated pages; start writing
              the search index, feeds and short links (a child process in `mkdocs build`)
  on_page_read_source  a document's body as already read (no second read and YAML parse)
  on_page_markdown  document bodies with their citations turned into links
  on_page_context   hand each template its page data
  on_post_build     wait for those outputs; swap the staging folder in place of `site/`
A `mkdocs build` takes the site's lock (atomic.lock) in on_config and lets it go after the
swap or on failure. Under `mkdocs serve`, content errors build no page: every address shows
the list of errors (error_page.py), since MkDocs' server holds requests until a build succeeds.
`mkdocs serve` keeps this object between rebuilds: the build's state is reset in on_config;
what is kept on purpose is what spares work on the next rebuild (files read, citations
found, the previous page data, to tell `mkdocs serve --dirty` which pages changed).
"""

from __future__ import annotations

import gc
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

from . import atomic, error_page, history, intro_links, nowrap, outputs, share
from .collisions import collisions, content_files
from .content import load_content
from .frontmatter import THEME_KEYS
from .markdown_spans import overlaps, protected_ranges
from .graph import build_graph
from .pages import Site, build_site, relative_md_link
from .paths import TOPICS_FILE, is_document_path
from .bodies import BODIES_FILE
from .registry import REGISTRY_FILE

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


class _PortalFile(File):
    """A page file that also counts as modified when what the portal shows on it changed.

    Only `mkdocs serve --dirty` asks (`is_modified`): it rebuilds only the pages that
    say yes. A document whose file is unchanged still changes when another document
    starts citing it, and a generated page (its content is in memory) changes only when
    its data does.
    """

    view_changed = True

    def is_modified(self) -> bool:
        if self.view_changed:
            return True
        return self.abs_src_path is not None and self._content is None and super().is_modified()


class PortalPlugin(BasePlugin[PortalConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.site: Site | None = None
        self.generated: dict = {}
        self.staging = ""
        self.final_site_dir = ""
        self.lock = -1  # the site's build lock (atomic.lock), held from on_config to the swap
        self.errors: tuple = ()  # under `serve`: the content's errors, shown as the site's only page
        self.counter: _WarningCounter | None = None
        self.history = history.History()
        self.dirty = False
        # Kept between `mkdocs serve` rebuilds (see the module docstring).
        self.read_cache: dict = {}
        self.citation_cache: dict = {}
        self.output_cache: dict = {}
        self.writing: outputs.Writing | None = None
        self.previous: Site | None = None
        self.cached_dir = ""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty

    # Run first, so that no other plugin works on content that is about to be refused.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.previous = self.site if self.dirty else None
        self.site = None
        self.staging = ""
        self.counter = None
        self.errors = ()
        if self.config.atomic_build and self.command == "build" and config.strict:
            # Count from the first warning on: content warnings below must keep the last good site too.
            self.counter = _WarningCounter()
            logging.getLogger("mkdocs").addHandler(self.counter)
        docs_dir = config.docs_dir
        if docs_dir != self.cached_dir:  # caches belong to one content folder
            self.read_cache, self.citation_cache, self.output_cache = {}, {}, {}
            self.previous, self.cached_dir = None, docs_dir
        self.history = history.load_history(docs_dir)  # one `git log` for every page's last change
        prefix = os.path.relpath(docs_dir).replace(os.sep, "/") + "/"
        serving = self.command == "serve"
        content = load_content(docs_dir, prefix, self.read_cache if serving else None)
        for problem in content.problems:
            if problem.severity == "warning":
                log.warning(str(problem))
        if content.errors and serving:
            return self._show_errors(config, content.errors)
        if content.errors:
            lines = "\n".join(f"  {p}" for p in content.errors)
            raise PluginError(
                f"{len(content.errors)} lỗi trong nội dung, chưa xây dựng trang (thư mục site/ giữ nguyên):\n{lines}"
            )
        graph = build_graph(content.documents, self.citation_cache if serving else None, content.registry, content.bodies)
        for problem in graph.problems:
            log.warning(f"{prefix}{problem}")  # the graph names documents relative to docs_dir
        self.site = build_site(graph, list(content.topics), self.config.list_limit)
        self.generated = {page.src: page for page in self.site.pages}
        unpublished = [TOPICS_FILE] + [d.path for d in content.documents if d.is_draft]
        conflicts = collisions(content_files(docs_dir), list(self.generated), prefix, unpublished)
        if conflicts and serving:
            self.site = None
            return self._show_errors(config, tuple(conflicts))
        if conflicts:
            raise PluginError("\n".join(["Tệp trùng với trang do cổng tạo (thư mục site/ giữ nguyên):"]
                                        + [f"  {p}" for p in conflicts]))
        if self.config.atomic_build and self.command == "build":
            self.final_site_dir = config.site_dir
            self.lock = atomic.lock(config.site_dir, lambda: log.info(
                f"Một lần xây dựng khác đang ghi vào {config.site_dir}: đợi nó xong rồi mới xây dựng tiếp..."))
            self.staging = atomic.prepare(config.site_dir)
            config.site_dir = self.staging
        # The page data lives until the end of the build: keep Python's cyclic collector from
        # walking it again at every full collection while MkDocs renders the pages (undone in
        # on_post_build / on_build_error).
        gc.freeze()
        return config

    def _show_errors(self, config: MkDocsConfig, errors: tuple) -> MkDocsConfig:
        """Under `serve`: build no page and show the errors instead (error_page.py), since
        MkDocs' server would hold every request until a build succeeds."""
        self.errors = tuple(errors)
        config.nav = None  # no page is built: the nav of mkdocs.yml would name missing ones
        report = log.info if config.strict else log.error  # strict counts errors: the build would fail
        for problem in self.errors:
            report(str(problem))
        return config

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        # The sitemap's lastmod from git, not the day of the build: builds are reproducible.
        page.update_date = self.history.update_date(page.file.src_uri) or page.update_date
        return page

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.errors:
            return Files([])
        assert self.site is not None
        site, previous = self.site, self.previous
        before = {page.src: page for page in previous.pages} if previous is not None else {}
        for file in list(files):
            src = file.src_uri
            if src in (TOPICS_FILE, REGISTRY_FILE, BODIES_FILE) or (is_document_path(src) and src not in site.documents):
                files.remove(file)  # the registry, and drafts: never published
            elif self.dirty and (src in site.documents or src in self.generated):
                # An editor's file the portal shows data on (a document, the home page). With
                # no previous data (first build, or the last one failed) every one is rebuilt.
                tracked = _PortalFile(src, file.src_dir, file.dest_dir, file.use_directory_urls, inclusion=file.inclusion)
                tracked.view_changed = previous is None or (
                    _document_data(previous, src) != _document_data(site, src) if src in site.documents
                    else before.get(src) != self.generated[src])
                files.remove(file)
                files.append(tracked)
        for page in site.pages:
            if files.get_file_from_path(page.src) is None:
                generated = _PortalFile.generated(config, page.src, content="")
                generated.view_changed = previous is None or before.get(page.src) != page
                files.append(generated)
        # The site folder is clean by now: the search index, feeds and short links can be
        # written beside the pages, by a child process in a one-off build on Linux.
        settings = outputs.Settings(config.site_url or "", config.site_name, config.docs_dir,
                                    self.output_cache if self.command == "serve" else None)
        self.writing = outputs.start(site, config.site_dir, settings, background=self.command == "build")
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
        # A first blank line: MkDocs takes nothing from the body as metadata, neither a YAML
        # block (a body opening with `---`) nor MultiMarkdown lines (`Author: ...`).
        return "\n" + view.document.body

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

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Every page's title is escaped before any template prints it: Material prints some
        # titles raw (the heading of a page without one, navigation, footer). All pages are
        # read before the first is rendered, so no template sees a title not yet escaped.
        if page.title is not None and not isinstance(page.title, Markup):
            page.title = escape(page.title)
        return html

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        env.filters["number_parts"] = nowrap.parts  # partials/portal-nowrap.html: numbers on one line
        # topic.html: the directives a topic's intro names, linked (the site of the build under way)
        env.filters["intro_paragraphs"] = lambda intro: intro_links.paragraphs(intro, self.site)
        return env

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
        if self.errors:
            error_page.write(config.site_dir, error_page.render(config.theme.get_env(), self.errors))
            log.info(f"Trang xem trước chỉ hiện danh sách {len(self.errors)} lỗi cho tới khi các lỗi được sửa.")
            return
        assert self.site is not None
        assert self.writing is not None
        gc.unfreeze()
        writing, self.writing = self.writing, None
        try:
            writing.finish()
        except RuntimeError as exc:
            raise PluginError(str(exc)) from exc
        if not self.staging:
            return
        if self.counter is not None:
            logging.getLogger("mkdocs").removeHandler(self.counter)
            if self.counter.count:
                return  # strict mode will abort: keep the last good site
        atomic.commit(self.staging, self.final_site_dir)
        config.site_dir = self.final_site_dir
        self.staging = ""
        self._unlock()

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()
        self.site = None  # the next `serve --dirty` rebuild must not trust pages this build left half made
        if self.writing is not None:
            self.writing.cancel()
            self.writing = None
        if self.counter is not None:
            logging.getLogger("mkdocs").removeHandler(self.counter)
        if self.staging:
            atomic.discard(self.staging)
            self.staging = ""
        self._unlock()

    def _unlock(self) -> None:
        if self.lock >= 0:
            atomic.unlock(self.lock)
            self.lock = -1

    def _generated(self, src: str):
        return self.generated.get(src)


def _document_data(site: Site, src: str) -> tuple:
    """What a document page shows from the portal: its view and where its citations link."""
    return site.documents.get(src), site.link_targets.get(src)


def _description(view) -> str:
    doc = view.document
    parts = [f"{view.type_label} số {doc.number}" if doc.number else view.type_label]
    if view.date:
        parts.append(f"ngày {view.date}")
    if doc.issuer:
        parts.append(f"của {doc.issuer}")
    return " ".join(parts) + ": " + doc.title


__all__ = ["PortalPlugin", "Markup", "link_citations"]
