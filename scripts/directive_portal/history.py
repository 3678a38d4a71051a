"""When each content file last changed: one `git log` for the whole folder, file times outside git.

The dates feed the "Cập nhật lần cuối" line of each page and the sitemap's
`lastmod`, which makes the build deterministic: two builds of the same commit
get the same dates, whatever day they run. Times are shown in Vietnam's time
zone (UTC+7, no daylight saving).
"""

from __future__ import annotations

import datetime
import os
import subprocess
from functools import cached_property
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

VIETNAM = datetime.timezone(datetime.timedelta(hours=7), "ICT")
# `%x00` starts each commit, `%ct` is its committer time; file names follow, one per line.
GIT_LOG = ("git", "-c", "core.quotepath=off", "log", "--format=%x00%ct", "--name-only",
           "--no-renames", "--relative", "--", ".")
# Tracked files edited since the last commit: their file time is their last change.
GIT_EDITED = ("git", "-c", "core.quotepath=off", "diff", "--name-only", "--relative", "HEAD", "--", ".")


def parse_git_log(output: str) -> dict[str, int]:
    """Newest commit time of each file in `git log --format=%x00%ct --name-only` output."""
    changed: dict[str, int] = {}
    for chunk in output.split("\0"):
        lines = [line for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        try:
            stamp = int(lines[0].strip())
        except ValueError:
            continue
        for name in lines[1:]:
            changed.setdefault(name.strip(), stamp)  # the log is newest first
    return changed


def _git(args: tuple[str, ...], folder: str) -> str | None:
    try:
        result = subprocess.run(args, cwd=folder, capture_output=True, text=True,
                                encoding="utf-8", errors="replace", check=False)
    except OSError:
        return None  # no git on this machine
    return result.stdout if result.returncode == 0 else None


def git_times(folder: str) -> dict[str, int] | None:
    """Commit times of the files under `folder`, relative to it; None outside a git checkout.

    Files edited since the last commit are left out: their file time is newer.
    """
    log = _git(GIT_LOG, folder)
    if log is None:
        return None
    times = parse_git_log(log)
    for name in (_git(GIT_EDITED, folder) or "").splitlines():
        times.pop(name.strip(), None)
    return times


def file_times(folder: str) -> dict[str, int]:
    """Modification times of the files under `folder`, relative to it."""
    times = {}
    for here, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = os.path.join(here, name)
            times[os.path.relpath(path, folder).replace(os.sep, "/")] = int(os.stat(path).st_mtime)
    return times


@dataclass(frozen=True)
class PageInfo:
    """What a page says about its source: last change, shown `dd/mm/yyyy`."""

    changed: str
    changed_iso: str
    versions: tuple = ()  # a document's history (changelog.Revision), oldest first


@dataclass(frozen=True)
class History:
    times: Mapping[str, int] = field(default_factory=dict)  # path in the content folder -> unix time
    from_git: bool = False

    @cached_property
    def newest(self) -> int:
        """The content's newest change: the date of pages without a source of their own.

        Computed once: it is asked for every page, and a scan per page is quadratic.
        """
        return max(self.times.values(), default=0)

    def timestamp(self, path: str) -> int:
        found = self.times.get(path)
        return self.newest if found is None else found

    def date(self, path: str) -> datetime.date:
        return datetime.datetime.fromtimestamp(self.timestamp(path), VIETNAM).date()

    def info(self, path: str) -> PageInfo:
        day = self.date(path)
        return PageInfo(day.strftime("%d/%m/%Y"), day.isoformat())

    def update_date(self, path: str, environ: Mapping[str, str] = os.environ) -> str | None:
        """The sitemap date of a page (`YYYY-MM-DD`), or None when SOURCE_DATE_EPOCH is set:
        then MkDocs' own reproducible date applies."""
        if environ.get("SOURCE_DATE_EPOCH"):
            return None
        return self.date(path).isoformat()


def load_history(folder: str) -> History:
    """Git commit times of the files of `folder`, their file times for files git does not know."""
    if not os.path.isdir(folder):
        return History()
    times = file_times(folder)
    committed = git_times(folder)
    if committed is None:
        return History(MappingProxyType(times), False)
    merged = {path: committed.get(path, stamp) for path, stamp in times.items()}
    return History(MappingProxyType(merged), True)
