"""Extra files written into the built site beside the pages (search index, feeds, ...).

Each writer is a plain function `write(site, site_dir, settings)` in its own
module; the plugin calls `start` once per build, into the staging folder, and
the function it returns before the finished site replaces the old one.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import traceback
from . import calendar_feed, feeds, incremental, parallel, search, shortlinks
from .views import Site
from .site_files import Settings


# One line per output, each `write(site, site_dir, settings)`; order does not matter.
WRITERS = (feeds.write, shortlinks.write, search.write, calendar_feed.write)


def write_all(site: Site, site_dir: str, settings: Settings, written=lambda: None) -> None:
    """Write every output, then call `written()`. With `settings.cache_file` (path, key), the
    writers' per-document work of the last build is read from that file first and written
    back after `written()` by a process of its own, which nobody waits for (373 MB at 10,000
    documents: a second on the build's path); it inherits the site's lock (atomic.py), so the
    next build of the site starts once it is saved."""
    path, key = settings.cache_file or ("", "")
    if path and settings.cache is not None and not settings.cache:
        settings.cache.update(incremental.load(path, key) or {})
    for write in WRITERS:
        write(site, site_dir, settings)
    written()
    if path and settings.cache is not None:
        parallel.detached(lambda: incremental.save(path, key, settings.cache))


class Writing:
    """The outputs being written: `finish()` waits for them (or writes them), `close()` for the
    writers' process to end, `cancel()` drops them."""

    def __init__(self, site: Site, site_dir: str, settings: Settings, pid: int = 0, done: int = -1) -> None:
        self.site, self.site_dir, self.settings, self.pid = site, site_dir, settings, pid
        self.done = done  # the pipe on which the child says the outputs are written

    def finish(self) -> None:
        """Wait until the outputs are written, or write them."""
        if not self.pid:
            write_all(self.site, self.site_dir, self.settings)
            return
        with os.fdopen(self.done, "rb") as pipe:
            said = pipe.read(1)
        self.done = -1
        if said != b"1":  # the child ended without writing them all
            code = self.close()
            raise RuntimeError(f"ghi chỉ mục tìm kiếm, nguồn tin và đường dẫn ngắn không thành công (mã {code}): "
                               "xem lỗi in phía trên")

    def close(self) -> int:
        """Wait for the writers' process to end; its exit code."""
        if not self.pid:
            return 0
        _pid, status = os.waitpid(self.pid, 0)
        self.pid = 0
        return os.waitstatus_to_exitcode(status)

    def cancel(self) -> None:
        if self.done >= 0:
            os.close(self.done)
            self.done = -1
        if self.pid:
            os.kill(self.pid, signal.SIGTERM)
            self.close()


def start(site: Site, site_dir: str, settings: Settings, background: bool) -> Writing:
    """Begin writing every output into `site_dir`, where nothing else writes these files.

    With `background`, where the process may fork (`parallel.fork_safe`: Linux, no other
    thread), a child process writes them while the caller goes on (MkDocs turning pages into
    HTML): the writers need only the page data, so on two cores the search index, the longest
    of them, costs no waiting. Otherwise `finish()` writes them.
    """
    if not background or not parallel.fork_safe():
        return Writing(site, site_dir, settings)
    sys.stdout.flush()
    sys.stderr.flush()
    done, tell = os.pipe()
    pid = os.fork()
    if pid:
        os.close(tell)
        return Writing(site, site_dir, settings, pid, done)
    # The child: inherited objects are never collected here, so the collector does not
    # touch (and copy) the parent's memory pages.
    os.close(done)
    gc.freeze()
    code = 0

    def written() -> None:  # the parent may go on: what is left is saving the cache
        os.write(tell, b"1")
        os.close(tell)

    try:
        write_all(site, site_dir, settings, written)
    except BaseException:  # reported, and the parent fails the build
        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
