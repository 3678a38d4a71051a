"""One build of the portal, with no site generator in sight: `build(content_dir, settings, cache)`.

The stages, in order: read and validate the content (`content`), resolve citations
into the relation graph (`graph`), make the data of every page (`pages`), and find
what would publish two things at one address (`collisions`). The result, a `Build`,
holds everything a site generator needs to make the pages: which files to publish,
each page's data and template, a document's body with its citations linked, what a
page says when shared, the output files to write beside the pages, and which pages
changed since a previous build. The MkDocs plugin, `portal check`, `portal review`
and the benchmarks all call `build`.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import io
import os
import pickle
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Callable, Mapping

from markupsafe import Markup, escape

from . import (changelog, collector, csp, fragments, history, intro_links, nowrap, outputs, parallel, revisions,
               schedule, share, site_address, site_files, structured)
from .bodies import BODIES_FILE
from .collisions import collisions
from .consistency import implementation_cycles
from .content import Content, load_content
from .frontmatter import THEME_KEYS
from .graph import Graph, build_graph
from .linking import link_citations
from .model import Problem, Reported
from .pages import build_site
from .views import GeneratedPage, Site
from .paths import TOPICS_FILE, is_document_path
from .registry import REGISTRY_FILE

LIST_LIMIT = 100
# The content folder's registries: read by the build, never pages of the site.
UNPUBLISHED = (TOPICS_FILE, REGISTRY_FILE, BODIES_FILE)


@dataclass(frozen=True)
class Settings:
    """What a build needs to know of the site: nothing of the generator that makes it."""

    site_url: str = ""  # "" when the site's address is not set
    site_name: str = ""
    list_limit: int = LIST_LIMIT  # longer lists show the newest and a page per year
    display_prefix: str = ""  # put before paths in problems (`content/`), so an editor can open the file
    template_dirs: tuple[str, ...] = ()  # the theme's template folders, for pages the output writers make
    # The day the build publishes as of (documents with a later `publish_on` wait); None: today in
    # Vietnam, read once when the build starts (`build` puts the day it used in `Build.settings`).
    today: datetime.date | None = None


@dataclass
class Cache:
    """Work a later build of the same content folder can reuse (`mkdocs serve` rebuilds, the
    build cache on disk): files read (by modification time and size, or content), citations,
    deadlines and the relations a text tells (by body), and the output writers' per-document
    work (search terms)."""

    content_dir: str = ""
    files: dict = field(default_factory=dict)
    citations: dict = field(default_factory=dict)
    outputs: dict = field(default_factory=dict)
    texts: dict = field(default_factory=dict)  # the pages stage's: kind -> path -> (body, what it found)

    def for_folder(self, content_dir: str) -> Cache:
        """This cache if it belongs to `content_dir`, else a fresh one for it."""
        return self if self.content_dir == content_dir else Cache(content_dir)

    def without_outputs(self) -> Cache:
        """What the build process itself keeps on disk (the writers keep their own work)."""
        return Cache(self.content_dir, self.files, self.citations, texts=self.texts)


@dataclass(frozen=True)
class Build(Reported):
    content_dir: str
    settings: Settings
    content: Content
    problems: tuple[Problem, ...]  # every problem, paths as the editor types them
    graph: Graph | None = None
    site: Site | None = None  # the documents without errors, resolved
    cache: Cache | None = field(default=None, compare=False)

    @cached_property
    def history(self) -> history.History:
        """Each page's last change, from one `git log` of the content folder: read when a page
        first asks (a site generator does; `portal check` and `portal review` never do)."""
        return history.load_history(self.content_dir)

    @cached_property
    def versions(self) -> revisions.Log:
        """Every version of every document, from git (two git commands for the whole folder): read,
        like `history`, when a page first asks."""
        return revisions.load_log(self.content_dir)

    @cached_property
    def histories(self) -> dict[str, tuple[changelog.Revision, ...]]:
        """Each published document's history: published, corrected, replaced (changelog.py)."""
        return changelog.histories(self.versions, self.site.documents) if self.site else {}

    @cached_property
    def generated(self) -> dict[str, GeneratedPage]:
        """The pages the portal makes, by source path (`chu-de/van-hoa.md`); made once, since
        each page's template, data and share card ask for it. The recent changes page gets its
        data here, from git: `build_site` leaves it empty (check and review never read git)."""
        pages = {page.src: page for page in self.site.pages} if self.site else {}
        if changelog.RECENT_SRC in pages:
            view = changelog.recent(self.histories, self.site.documents, self.versions.from_git)
            pages[changelog.RECENT_SRC] = replace(pages[changelog.RECENT_SRC], data=view)
        return pages

    def page_info(self, src: str) -> history.PageInfo:
        """What a page says of its source: its last change and, for a document, its history."""
        info = self.history.info(src)
        found = self.histories.get(src) if self.site and src in self.site.documents else None
        return replace(info, versions=found) if found else info

    def published(self, src: str) -> bool:
        """False for files of the content folder that never become part of the site:
        the topic registry, the registry of cited documents, drafts."""
        if src in UNPUBLISHED:
            return False
        return not is_document_path(src) or (self.site is not None and src in self.site.documents)

    def page_data(self, src: str) -> object | None:
        """What the template of page `src` shows from the portal (None for an editor's page)."""
        if self.site is None:
            return None
        view = self.site.documents.get(src)
        if view is not None:
            return view
        page = self.generated.get(src)
        return page.data if page else None

    def shown(self, src: str, title: str | None) -> tuple[str | None, str | None, str]:
        """(template, title, description) of page `src`: the portal's for a page it shows data
        on, else (None, the generator's `title`, ""). Titles come escaped (markupsafe), since
        the theme prints them as they are and content is untrusted."""
        view = self.site.documents.get(src) if self.site else None
        page = self.generated.get(src) if view is None else None
        if view is not None:
            return "document.html", escape(view.document.title), escape(share.description(view))
        if page is not None:
            return page.template, escape(page.title), ""
        return None, (title if title is None or isinstance(title, Markup) else escape(title)), ""

    def source(self, src: str) -> str | None:
        """A document's body as read (the generator need not read and parse it again), after a
        blank line so that nothing in it is taken for metadata; None when the generator must
        read the file itself (not a document, or it sets a theme key such as `hide`)."""
        view = self.site.documents.get(src) if self.site else None
        if view is None or any(key in THEME_KEYS for key, _line in view.document.lines):
            return None
        return "\n" + view.document.body

    def markdown(self, src: str) -> str | None:
        """A document's body with its citations turned into links; None for other pages."""
        view = self.site.documents.get(src) if self.site else None
        if view is None:
            return None
        return link_citations(view.document.body, self.site.link_targets.get(src, ()), src)

    def share(self, src: str, url: str) -> share.PageShare:
        return share.for_page(self.page_data(src), url, self.settings.site_url)

    @cached_property
    def digests(self) -> dict[str, bytes]:
        """A digest of everything the portal gives each of its pages (data, linked citations,
        last change): two builds' pages with equal digests are the same page. On two cores."""
        return self.page_digests(parallel.split_map)

    def page_digests(self, map_pages: Callable = map) -> dict[str, bytes]:
        """`digests`, worked out by `map_pages` (`map`: in this process alone)."""
        if self.site is None:
            return {}
        _ = self.history, self.histories  # read from git here: the child split_map forks inherits them
        pages = list(self.site.documents) + list(self.generated)
        return dict(zip(pages, map_pages(self._page_digest, pages)))

    def _page_digest(self, src: str) -> bytes:
        view = self.site.documents.get(src)
        if view is None:
            return _digest(self.generated[src])
        read = (self.cache.files if self.cache is not None else {}).get(src)
        if read is not None and read.document is not None:
            # The document is what its file's content (hash) made of it: its other fields need no pickling.
            view = (read.digest, read.against, replace(view, document=None))
        return _digest((view, self.site.link_targets.get(src), self.page_info(src)))

    def changed(self, previous: Mapping[str, bytes] | None) -> set[str]:
        """Sources of the pages whose digest differs from `previous` (every page when there is none)."""
        digests = self.digests
        if previous is None:
            return set(digests)
        return {src for src, digest in digests.items() if previous.get(src) != digest}

    @property
    def notes(self) -> tuple[str, ...]:
        """What the build says besides problems (a setting the site still lacks)."""
        return tuple(filter(None, [site_address.note(self.settings.site_url)]))

    def set_up_templates(self, env) -> None:
        """Give the site generator's Jinja environment what the portal's templates use: the
        `{% cached %}` tag (fragments.py) and the filters."""
        env.add_extension(fragments.Fragments)
        env.filters.update(self.template_filters())

    def template_filters(self) -> dict:
        """Filters the templates use: numbers kept on one line (partials/portal-nowrap.html), a
        topic intro's paragraphs with the directives it names linked (topic.html), the commit the
        site is built from (partials/copyright.html)."""
        # Every list line asks for its title's numbers, and the same titles recur across pages.
        return {"number_parts": functools.lru_cache(maxsize=65536)(nowrap.parts),
                "script_json": structured.script_json,  # JSON-LD (partials/portal-head.html)
                "intro_paragraphs": lambda intro: intro_links.paragraphs(intro, self.site),
                # Every page's footer asks: git is asked once per build.
                "build_version": functools.lru_cache(maxsize=4)(functools.partial(changelog.build_version,
                                                                                  self.content_dir))}

    @cached_property
    def inline_code(self) -> csp.Inline:
        """The inline scripts and styles the theme's templates write (csp.py)."""
        return csp.inline_in_folders(self.settings.template_dirs)

    def with_policy(self, html: str) -> str:
        """A rendered page with its Content-Security-Policy: only the site's own files and the
        inline scripts and styles its templates wrote are allowed (csp.py)."""
        return csp.with_policy(html, self.inline_code)

    def start_outputs(self, site_dir: str, background: bool, cache_file: tuple[str, str] = (),
                      current_site: str = "", gz: bool = False) -> outputs.Writing:
        """Begin writing the search index, feeds and short links into `site_dir` (see outputs.start);
        `cache_file` (path, key): where the writers keep their work between builds; `current_site`:
        the site in place, whose unchanged files the writers may link (`--dirty`); `gz`: the
        build writes `.gz` files (site_files.Settings)."""
        assert self.site is not None
        settings = site_files.Settings(self.settings.site_url, self.settings.site_name, self.content_dir,
                                       self.cache.outputs if self.cache is not None else None,
                                       self.settings.template_dirs, cache_file, current_site, gz)
        return outputs.start(self.site, site_dir, settings, background)


def build(content_dir: str, settings: Settings = Settings(), cache: Cache | None = None) -> Build:
    """Read, check and resolve `content_dir` into the data of every page.

    Every problem is found at once: a document with errors is left out and the others
    are resolved and checked all the same (a site generator publishes nothing while
    `errors` is not empty). `cache`, kept by the caller between builds of the same
    folder, spares re-reading unchanged files and re-finding their citations.
    """
    with collector.paused():  # what is made here lives until the build ends (collector.py)
        prefix = settings.display_prefix
        settings = replace(settings, today=settings.today or schedule.today_in_vietnam())
        content = load_content(content_dir, prefix, cache.files if cache is not None else None)
        content = replace(content, documents=schedule.hold(content.documents, settings.today))
        graph = build_graph(content.documents, cache.citations if cache is not None else None, content.registry,
                            content.bodies)
        # The graph names documents by their path in the content folder.
        problems = list(content.problems) + [replace(p, path=prefix + p.path)
                                             for p in list(graph.problems) + implementation_cycles(graph)]
        site = build_site(graph, list(content.topics), settings.list_limit,
                          cache.texts if cache is not None else None)
        unpublished = list(UNPUBLISHED) + [d.path for d in content.documents if d.is_draft]
        problems += collisions(content.files, [page.src for page in site.pages], prefix, unpublished)
        return Build(content_dir, settings, content, tuple(problems), graph, site, cache)


def _digest(value: object) -> bytes:
    """The same bytes for equal page data in any process: frozen dataclasses, tuples and strings
    pickled without the memo (which writes a shared object once, so equal data built with
    more or less sharing would pickle differently)."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(value)
    return hashlib.blake2b(out.getbuffer(), digest_size=16).digest()


def display_prefix(content_dir: str) -> str:
    """How paths in the content folder are shown: from the current folder (`content/`)."""
    rel = os.path.relpath(content_dir).replace(os.sep, "/")
    return "" if rel == "." else rel + "/"

