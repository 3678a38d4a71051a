"""Build into a staging folder and replace the site only when the build succeeded.

Two builds of one site at once take turns: `lock` holds a lock file beside the site
folder (`.site.lock`) from the start of the build to the swap, and each build stages
in a folder of its own (`.site-staging-XXXX`), so neither can swap in the other's
half-written pages. A build killed with `kill -9` leaves its staging folder behind,
and perhaps a forked writer still writing into it: that child shares the lock, so the
next build waits for it, then removes what was left.
"""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
from typing import Callable

from . import parallel

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: builds are not locked there
    fcntl = None


def _parts(site_dir: str) -> tuple[str, str]:
    return os.path.split(os.path.abspath(site_dir).rstrip(os.sep))


def lock_path(site_dir: str) -> str:
    parent, name = _parts(site_dir)
    return os.path.join(parent, f".{name}.lock")


def lock(site_dir: str, on_wait: Callable[[], None] = lambda: None) -> int:
    """Take the site's build lock, waiting (after calling `on_wait`) while another build holds it.

    Returns the lock's file descriptor, for `unlock`."""
    parent, _name = _parts(site_dir)
    os.makedirs(parent, exist_ok=True)
    fd = os.open(lock_path(site_dir), os.O_RDWR | os.O_CREAT, 0o644)
    if fcntl is None:  # pragma: no cover
        return fd
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        on_wait()
        fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def unlock(fd: int) -> None:
    """Let the next build go (closing the descriptor releases the lock)."""
    os.close(fd)


def staging_dir(site_dir: str) -> str:
    """The prefix of this site's staging folders (`.site-staging`)."""
    parent, name = _parts(site_dir)
    return os.path.join(parent, f".{name}-staging")


def prepare(site_dir: str) -> str:
    """A new, empty staging folder of this build's own beside `site_dir`; what builds
    killed earlier left behind is removed (call it while holding the lock)."""
    site_dir = os.path.abspath(site_dir)
    prefix = staging_dir(site_dir)
    for left in glob.glob(glob.escape(prefix) + "*"):
        if left.endswith("-old") and not os.path.exists(site_dir):
            os.rename(left, site_dir)  # killed in the middle of a swap: the last good site comes back
        else:
            shutil.rmtree(left, ignore_errors=True)
    parent, name = os.path.split(prefix)
    staging = tempfile.mkdtemp(prefix=name + "-", dir=parent)
    os.chmod(staging, 0o755)  # it becomes site/: readable as a folder made by os.makedirs would be
    return staging


def commit(staging: str, site_dir: str, meanwhile: Callable[[], object] | None = None) -> None:
    """Swap the finished staging folder in place of `site_dir`, then run `meanwhile`. The old
    site is removed by a process of its own, which the build does not wait for: thousands of
    files take seconds to unlink (`prepare` removes what a removal cut short leaves)."""
    site_dir = os.path.abspath(site_dir)
    old = staging + "-old"
    if os.path.exists(site_dir):
        os.rename(site_dir, old)
    os.rename(staging, site_dir)
    if os.path.exists(old):
        parallel.detached(lambda: shutil.rmtree(old, ignore_errors=True))
    if meanwhile is not None:
        meanwhile()


def discard(staging: str) -> None:
    shutil.rmtree(staging, ignore_errors=True)


class Publication:
    """One build's way to the site folder: the lock, its own staging folder, the swap."""

    def __init__(self, site_dir: str, on_wait: Callable[[], None] = lambda: None) -> None:
        self.site_dir = site_dir
        self.lock = lock(site_dir, on_wait)
        self.staging = prepare(site_dir)

    def commit(self, finish: Callable[[str], object] | None = None,
               meanwhile: Callable[[], object] | None = None) -> None:
        """Put the finished staging folder in place of the site folder (after `finish(staging)`,
        the last touch, such as writing `.gz` files), do `meanwhile` while the old one is
        removed (by a process the build does not wait for), and let the next build go."""
        if finish is not None:
            finish(self.staging)
        try:
            commit(self.staging, self.site_dir, meanwhile)
        finally:
            self._release()

    def discard(self) -> None:
        """Drop the staging folder (the build failed: the last good site stays), and let the next build go."""
        discard(self.staging)
        self._release()

    def _release(self) -> None:
        if self.lock >= 0:
            unlock(self.lock)
            self.lock = -1
