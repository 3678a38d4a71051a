"""The MkDocs plugin: MkDocs' events mapped to one `pipeline.build()`.

Event order for one build (MkDocs 1.6):
  on_config   (mkdocs build) the site's lock, a staging folder, the build cache on disk; build():
              read, check and resolve the content into page data; fail before `site/` is touched
  on_files    start writing the outputs (search index, feeds, short links); leave out what is
              never published, add the generated pages; with --dirty, stage the unchanged
              files of the current site (incremental.py)
  on_page_read_source / on_page_markdown / on_page_context   what the build says of each page
  on_post_page / on_post_template   each page's Content-Security-Policy (csp.py)
  on_post_build     wait for the outputs; swap the staging folder in place of `site/`; save the cache
`mkdocs serve` keeps this object between rebuilds, with the build cache and the last page
digests (`--dirty`). Under `serve`, content errors build no page: every address shows them
(error_page.py), since MkDocs' server holds requests until a build succeeds.
"""

from __future__ import annotations

from markupsafe import Markup, escape
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .. import atomic, error_page, incremental, pipeline, precompress
from ..build_messages import WarningCounter, build_lines, content_errors, quiet_dirty_notices, waiting
from ..incremental import Store
from ..pipeline import Build, Cache

log = get_plugin_logger(__name__)


class PortalConfig(Config):
    atomic_build = opt.Type(bool, default=True)
    list_limit = opt.Type(int, default=pipeline.LIST_LIMIT)  # longer lists: the newest, and a page per year
    precompress = opt.Type(bool, default=False)  # X.gz beside text files (portal publish writes them too)


class _PortalFile(File):
    """Modified (`--dirty`) when its data changed, or its file when the portal does not supply its source."""

    view_changed, supplied = True, False

    def is_modified(self) -> bool:
        return self.view_changed or (not self.supplied and super().is_modified())


class PortalPlugin(BasePlugin[PortalConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command, self.dirty = "build", False
        self.build: Build | None = None
        self.previous: dict | None = None  # the last good build's page digests, for `--dirty`
        self.cache = Cache()  # kept between `mkdocs serve` rebuilds
        self.publication: atomic.Publication | None = None
        self.store: Store | None = None  # the build cache on disk (mkdocs build)
        self.writing = None
        self.counter: WarningCounter | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    # Run first, so that no other plugin works on content that is about to be refused.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        serving = self.command == "serve"
        # Digests only for --dirty (serve); after a build with errors (no page built), every page is built again.
        self.previous = self.build.digests if self.dirty and self.build is not None and not self.build.errors else None
        self.cache = self.cache.for_folder(config.docs_dir)
        atomic_build = self.config.atomic_build and self.command == "build"
        if atomic_build and config.strict:  # from the first warning on: any keeps the last good site
            self.counter = WarningCounter("mkdocs")
        if atomic_build:  # the lock first: the build cache on disk describes the site under it
            self.publication = atomic.Publication(config.site_dir, lambda: log.info(waiting(config.site_dir)))
            self.store = Store(config.config_file_path, tuple(config.theme.dirs), self.cache, config.site_dir,
                               self.dirty, incremental.config_text(config), self.config.precompress)
            self.previous = self.store.previous_digests()
            if self.dirty:  # staged from the current site, or a full build: never inaccurate
                quiet_dirty_notices()
        settings = pipeline.Settings(config.site_url or "", config.site_name, self.config.list_limit,
                                     pipeline.display_prefix(config.docs_dir), tuple(config.theme.dirs))
        self.build = pipeline.build(config.docs_dir, settings, self.store.cache if atomic_build else
                                    self.cache if serving else None)
        for level, line in build_lines(self.build, serving, config.strict):
            log.log(level, line)
        if self.build.errors and serving:
            config.nav = None  # no page is built: mkdocs.yml's nav would name missing ones
            return config
        if self.build.errors:
            raise PluginError(content_errors(self.build.errors))
        if atomic_build:
            config.site_dir = self.publication.staging
        pipeline.freeze()  # before the outputs' process starts: it inherits the frozen objects
        if self.dirty:  # no cleaning of the site folder follows: the outputs can start now
            self._start_outputs(config)
        return config

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self.build is not None:
            env.filters.update(self.build.template_filters())
            # For every page, since a `--dirty` build reads only those it rebuilds: the title the
            # navigation shows, the sitemap's lastmod from git (not the build's day: reproducible).
            for page in filter(None, (file.page for file in files.documentation_pages())):
                shown = self.build.template(page.file.src_uri)
                if shown:
                    page.title = escape(shown[1])
                page.update_date = self.build.history.update_date(page.file.src_uri) or page.update_date
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        build = self.build
        if build is None or build.site is None:
            return Files([])
        self._start_outputs(config)  # first thing after MkDocs cleaned the site folder
        changed = build.changed(self.previous) if self.dirty else set()  # a full build reads no digest
        for file in list(files):
            if not build.published(file.src_uri):
                files.remove(file)
            elif self.dirty and build.page_data(file.src_uri) is not None:
                tracked = _PortalFile(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
                                      inclusion=file.inclusion)
                tracked.view_changed, tracked.supplied = file.src_uri in changed, build.source(file.src_uri) is not None
                files.remove(file)
                files.append(tracked)
        for src in build.generated:
            if files.get_file_from_path(src) is None:
                page = _PortalFile.generated(config, src, content="")
                page.view_changed, page.supplied = not self.dirty or src in changed, True
                files.append(page)
        templates = list(config.theme.static_templates)  # 404.html, sitemap.xml: written every time
        if self.store and self.store.prepare(self.publication.site_dir, config.site_dir,
                                             [f.dest_uri for f in files] + templates):
            incremental.unshare(config.site_dir, [f.dest_uri for f in files if f.is_modified()] + templates)
        return files

    def on_page_read_source(self, page: Page, *, config: MkDocsConfig) -> str | None:
        return self.build.source(page.file.src_uri)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        src = page.file.src_uri
        shown = self.build.template(src)
        if shown is not None:
            page.meta["template"], page.title = shown[0], escape(shown[1])
            page.meta["description"] = escape(self.build.description(src))
        return self.build.markdown(src) or markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Every title escaped before any template prints it (all pages are read before the first is rendered).
        if page.title is not None and not isinstance(page.title, Markup):
            page.title = escape(page.title)
        return html

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        src = page.file.src_uri
        context["portal"] = self.build.page_data(src)
        context["portal_page_info"] = self.build.page_info(src)
        context["portal_share"] = self.build.share(src, page.url)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return output if self.command == "serve" else self.build.with_policy(output)  # csp.py: why not in serve

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        keep = self.command == "serve" or not template_name.endswith(".html")  # 404.html gets a policy
        return output_content if keep else self.build.with_policy(output_content)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.build is not None and self.build.errors:  # under serve: the errors are the site
            log.info(error_page.show(config.site_dir, config.theme.get_env(), self.build.errors))
            return
        pipeline.unfreeze()
        writing, self.writing = self.writing, None
        try:
            writing.finish(self.store.save_cache if self.store else None)
        except RuntimeError as exc:
            raise PluginError(str(exc)) from exc
        if self.publication is None:
            return
        if self._counted():
            return  # strict mode will abort: on_build_error keeps the last good site
        self.publication.commit(precompress.precompress if self.config.precompress else None)
        config.site_dir, self.publication = self.publication.site_dir, None
        if self.store is not None:
            self.store.save(self.build.digests)
            self.store = None

    def on_build_error(self, *, error: Exception) -> None:
        pipeline.unfreeze()
        self.build = None  # the next `serve --dirty` rebuild must not trust pages this build left half made
        if self.writing is not None:
            self.writing.cancel()
            self.writing = None
        self._counted()
        if self.publication is not None:
            self.publication.discard()
            self.publication = None
        self.store = None

    def _start_outputs(self, config: MkDocsConfig) -> None:
        if self.writing is None:  # the outputs need only the build
            self.writing = self.build.start_outputs(config.site_dir, self.command == "build",
                                                    self.store.outputs_file if self.store else ())

    def _counted(self) -> int:  # stop counting warnings: how many there were
        count, self.counter = (self.counter.stop() if self.counter else 0), None
        return count
