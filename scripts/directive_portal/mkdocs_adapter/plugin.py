"""The MkDocs plugin: MkDocs' events mapped to the steps of one build (site_run.py).

Event order for one build (MkDocs 1.6):
  on_config   (mkdocs build) the site's lock, a staging folder, the build cache on disk; then
              `pipeline.build`: fail before `site/` is touched
  on_files    start the outputs (search index, feeds, short links); leave out what is never
              published, add the generated pages; with --dirty, stage the current site's files
  on_env      each page's template, escaped title and last change (all pages, before any is rendered)
  on_page_read_source / _markdown / _context, on_post_page / _template   each page's source, data, CSP
  on_post_build     wait for the outputs; swap the staging folder in place of `site/`; save the cache
`mkdocs serve` keeps this object (the build cache, the last page digests) between rebuilds; there,
content errors build no page: every address shows them (error_page.py).
"""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .. import error_page, incremental, pipeline
from ..build_messages import build_lines, content_errors, quiet_dirty_notices, waiting
from ..pipeline import Build, Cache
from ..site_run import SiteRun

log = get_plugin_logger(__name__)


class PortalConfig(Config):
    atomic_build = opt.Type(bool, default=True)
    list_limit = opt.Type(int, default=pipeline.LIST_LIMIT)  # longer lists: the newest, and a page per year
    precompress = opt.Type(bool, default=False)  # X.gz beside text files (portal publish writes them too)


class _PortalFile(File):
    """Modified (`--dirty`) when its data changed, or its source file; decided once (MkDocs asks again
    when it writes: a source saved meanwhile must not make it write into a file shared with `site/`)."""

    view_changed, supplied, decided = True, False, None

    def is_modified(self) -> bool:
        if self.decided is None:
            self.decided = self.view_changed or (not self.supplied and super().is_modified())
        return self.decided


class PortalPlugin(BasePlugin[PortalConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command, self.dirty = "build", False
        self.build: Build | None = None
        self.run: SiteRun | None = None
        self.cache = Cache()  # kept between `mkdocs serve` rebuilds

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    # Run first, so that no other plugin works on content that is about to be refused.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        serving = self.command == "serve"
        self.cache = self.cache.for_folder(config.docs_dir)
        self.run = SiteRun(config.site_dir, self.dirty, self.command == "build", self.cache if serving else None,
                           self.build)
        if self.config.atomic_build and self.command == "build":
            self.run.take_site(config.docs_dir, config.config_file_path, tuple(config.theme.dirs),
                               incremental.config_text(config), self.config.precompress,
                               lambda: log.info(waiting(config.site_dir)), "mkdocs" if config.strict else "")
            if self.dirty:  # staged from the current site, or a full build: never inaccurate
                quiet_dirty_notices()
        settings = pipeline.Settings(config.site_url or "", config.site_name, self.config.list_limit,
                                     pipeline.display_prefix(config.docs_dir), tuple(config.theme.dirs))
        self.build = self.run.make(config.docs_dir, settings)
        for level, line in build_lines(self.build, serving, config.strict):
            log.log(level, line)
        if self.build.errors and serving:
            config.nav = None  # no page is built: mkdocs.yml's nav would name missing ones
        elif self.build.errors:
            raise PluginError(content_errors(self.build.errors))
        else:
            config.site_dir = self.run.out_dir
            if self.dirty:  # no cleaning of the site folder follows: the outputs can start now
                self.run.start_outputs()
        return config

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self.build is not None:
            self.build.set_up_templates(env)
            # For every page, since a `--dirty` build reads only those it rebuilds (and after all
            # are read, before any is rendered): its template, the title the navigation shows
            # (escaped, like every title), the sitemap's lastmod from git (not the build's day).
            for page in filter(None, (file.page for file in files.documentation_pages())):
                src = page.file.src_uri
                template, page.title, description = self.build.shown(src, page.title)
                if template:
                    page.meta.update(template=template, description=description)
                page.update_date = self.build.history.update_date(src) or page.update_date
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        build = self.build
        if build is None or build.site is None:
            return Files([])
        self.run.start_outputs()  # first thing after MkDocs cleaned the site folder
        changed = self.run.changed()
        for file in list(files):
            if not build.published(file.src_uri):
                files.remove(file)
            elif self.dirty and file.generated_by is None:  # pages, and files copied as they are
                tracked = _PortalFile(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls, inclusion=file.inclusion)
                tracked.view_changed, tracked.supplied = file.src_uri in changed, build.source(file.src_uri) is not None
                files.remove(file)
                files.append(tracked)
        for src in build.generated:
            if files.get_file_from_path(src) is None:
                page = _PortalFile.generated(config, src, content="")
                page.view_changed, page.supplied = not self.dirty or src in changed, True
                files.append(page)
        templates = list(config.theme.static_templates)  # 404.html, sitemap.xml: written every time
        self.run.stage([f.dest_uri for f in files] + templates,
                       lambda: [f.dest_uri for f in files if f.is_modified()] + templates)
        return files

    def on_page_read_source(self, page: Page, *, config: MkDocsConfig) -> str | None:
        return self.build.source(page.file.src_uri)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.build.markdown(page.file.src_uri) or markdown

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
        try:  # strict mode aborts after a warning: on_build_error keeps the last good site
            self.run.finish()
        except RuntimeError as exc:
            raise PluginError(str(exc)) from exc
        config.site_dir = self.run.out_dir

    def on_build_error(self, *, error: Exception) -> None:
        self.build = None  # the next `serve --dirty` rebuild must not trust pages this build left half made
        if self.run is not None:
            self.run.cancel()
