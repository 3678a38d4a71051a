"""One build of the site into its folder, whatever site generator writes the pages.

The steps around `pipeline.build` that every generator needs, in order:
  `SiteRun(site_dir, dirty)`  then, for a one-off build, `take_site(...)`: the site's
      lock, a staging folder to build into (atomic.py) and the build cache on disk
      (incremental.py); under `mkdocs serve` the cache stays in memory instead
  `make(content_dir, settings)`  read, check and resolve the content (`pipeline.build`);
      with the build cache on disk, its files read and citations found are saved from here,
      by a child process
  `start_outputs()`  the search index, feeds and short links, in a process of their own
      while the generator writes the pages (outputs.py)
  `stage(files, rewritten)`  for `--dirty`: the current site's unchanged files linked
      into the staging folder, the files about to be written unlinked
  `finish()`  wait for the outputs, swap the staging folder in place of the site,
      save what the next `--dirty` build needs; or `cancel()` when the build failed: the last good site stays
The MkDocs plugin (mkdocs_adapter/plugin.py) maps MkDocs' events to these steps.
"""

from __future__ import annotations

from typing import Callable, Iterable

from . import atomic, collector, incremental, parallel, pipeline, precompress
from .build_messages import WarningCounter
from .incremental import Store
from .pipeline import Build, Cache


class SiteRun:
    def __init__(self, site_dir: str, dirty: bool, background: bool, memory: Cache | None = None,
                 last: Build | None = None) -> None:
        """`background`: the outputs may be written by a child process (a one-off build);
        `memory`: the cache `mkdocs serve` keeps between rebuilds, and `last` its last build,
        whose page digests a `--dirty` rebuild compares with (after a build with errors, which
        built no page, every page is built again)."""
        self.site_dir = self.out_dir = site_dir  # out_dir: where this build writes (a staging folder)
        self.dirty, self.background, self.memory = dirty, background, memory
        self.previous = last.digests if dirty and last is not None and not last.errors else None
        self.publication: atomic.Publication | None = None
        self.store: Store | None = None
        self.build: Build | None = None
        self.writing = None
        self.gz = False
        self.counter: WarningCounter | None = None
        self.saving: parallel.Started | None = None

    def take_site(self, content_dir: str, config_file: str, template_dirs: tuple[str, ...], settings_text: str,
                  gz: bool = False, on_wait: Callable[[], None] = lambda: None, strict: str = "") -> None:
        """Build under the site's lock into a staging folder, with the build cache on disk
        (`settings_text`: the resolved settings pages show, part of its key); `gz`: write
        `.gz` files beside text files before the swap (precompress.py); `strict`: the name of
        the generator's logger, any warning of which from now on keeps the last good site."""
        self.counter = WarningCounter(strict) if strict else None
        self.publication = atomic.Publication(self.site_dir, on_wait)  # the lock first: the cache describes this site
        self.store = Store(config_file, template_dirs, Cache(content_dir), self.site_dir, self.dirty, settings_text, gz,
                           self.publication.staging)
        self.previous, self.gz = self.store.previous_digests(), gz

    def make(self, content_dir: str, settings: pipeline.Settings) -> Build:
        """The build's data (`pipeline.build`); without errors, the build goes on into `out_dir`."""
        cache = self.store.cache if self.store is not None else self.memory
        self.build = pipeline.build(content_dir, settings, cache)
        if not self.build.errors:
            if self.publication is not None:
                self.out_dir = self.publication.staging
            collector.freeze()  # before the outputs' process starts: it inherits the frozen objects
            if self.dirty:
                # `changed()` needs them now: worked out on two cores, after `freeze` (else the
                # collector walks all the build's data again: 1.3 s at 10,000 documents).
                self.build.digests
            if self.store is not None:
                # Final now: the files read and citations found are saved, and the page digests the
                # next `--dirty` build needs are worked out, by a child while the generator goes on.
                # The pages need git's history here too: read once, before the fork, not in both.
                _ = self.build.history, self.build.generated
                self.saving = parallel.Started(self._save_cache)
        return self.build

    def start_outputs(self) -> None:
        """Start writing the outputs into `out_dir` (once: a second call does nothing)."""
        if self.writing is None:
            linked = self.store is not None and self.store.incremental  # the site in place is the last build's
            self.writing = self.build.start_outputs(self.out_dir, self.background,
                                                    self.store.outputs_file if self.store else (),
                                                    self.site_dir if linked else "", self.gz)

    def changed(self) -> set[str]:
        """The pages `--dirty` must write: their data changed since the last build (a full build: none asked)."""
        return self.build.changed(self.previous) if self.dirty else set()

    def stage(self, files: Iterable[str], rewritten: Callable[[], Iterable[str]]) -> None:
        """`files`: every file the generator writes (paths in the site); for `--dirty`, the last
        build's files among them are linked into the staging folder, then `rewritten()` unlinked."""
        if self.store is not None and self.store.prepare(self.site_dir, self.out_dir, files):
            incremental.unshare(self.out_dir, rewritten())

    def finish(self) -> None:
        """Wait for the outputs; then, unless a warning came with `strict`, put the new site in
        place and, while the old one is removed, save what the next `--dirty` build needs.
        Raises RuntimeError when the outputs failed."""
        collector.unfreeze()
        writing, self.writing = self.writing, None
        writing.finish()  # on failure, the writers' process has ended: nothing for `cancel` to stop
        digests = self._saved()
        if self.publication is None or self._warnings():
            writing.close()
            return  # not kept: the generator fails the build and calls `cancel`
        store, build = self.store, self.build
        if store is not None:
            store.tidy(self.publication.staging)
        # The writers' process hands its cache to a process of its own (outputs.write_all) and ends.
        self.publication.commit(precompress.precompress if self.gz else None,
                                lambda: (store.save(digests or build.digests), writing.close()))
        self.publication, self.store, self.out_dir = None, None, self.site_dir
        if self.background:
            # A one-off build: its process ends now, and Python's last collection at exit would
            # walk all the build's data to free nothing (0.45 s at 1,500 documents). Out of reach
            # until the next build in this process, if any, unfreezes it.
            collector.freeze()

    def cancel(self) -> None:
        """The build failed: stop the outputs, drop the staging folder (the last good site stays)."""
        collector.unfreeze()
        self._warnings()
        self._saved(run=False)  # a cache being saved is a good one: let it be; one not begun, not now
        if self.writing is not None:
            self.writing.cancel()
            self.writing = None
        if self.store is not None:
            self.store.settle()  # before its staging folder goes
        if self.publication is not None:
            self.publication.discard()
            self.publication = None
        self.store = None

    def _warnings(self) -> int:
        """Stop counting the generator's warnings (`strict`): how many there were."""
        count, self.counter = (self.counter.stop() if self.counter else 0), None
        return count

    def _save_cache(self) -> dict[str, bytes] | None:  # in the child `make` starts
        self.store.save_cache()
        return None if self.dirty else self.build.page_digests()  # with --dirty, made already

    def _saved(self, run: bool = True) -> dict[str, bytes] | None:
        """Wait until the build cache is saved (begun by `make`): the page digests worked out
        meanwhile, or None (worked out here, or the child failed)."""
        saving, self.saving = self.saving, None
        return saving.wait(run) if saving is not None else None
