"""What changed, for the public: each document's history and the "Cập nhật gần đây" page.

Page data made from the versions git gives (`revisions.Log`) and the replacements the graph
knows: when a document was published, when and how it was corrected ("sửa nội dung",
"sửa thông tin"), and what replaced or amended it. Dates are shown `dd/mm/yyyy` in Vietnam's
time; every date comes from git (or a document's `publish_on`), never from the clock.
Plain values, no HTML: the templates are `partials/portal-history.html` and `recent-changes.html`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Mapping

from .history import VIETNAM
from .model import Document
from .revisions import ADDED, BODY, BOTH, GIT_COMMIT, METADATA, Log, run_git

RECENT_SRC = "cap-nhat.md"
RECENT_TITLE = "Cập nhật gần đây"
RECENT_SHOWN = 50
SUMMARIES = {ADDED: "công bố", BODY: "sửa nội dung", METADATA: "sửa thông tin", BOTH: "sửa nội dung và thông tin"}
REPUBLISHED = "công bố lại"  # published again after going back to draft
BY_OTHER = {"replaces": "được thay thế bởi", "amends": "được sửa đổi, bổ sung bởi"}


@dataclass(frozen=True)
class Revision:
    """One line of a document's history."""

    time: int  # unix time: the commit's, or the start of the `publish_on` day
    date: str  # dd/mm/yyyy, Vietnam time
    date_iso: str
    summary: str  # "công bố", "sửa nội dung", "được thay thế bởi", ...
    commit: str = ""  # the version in the repository; "" for what another document did
    source: str = ""  # the file's path in the repository at that commit
    other_label: str = ""  # the document that replaced or amended this one
    other_url: str = ""


@dataclass(frozen=True)
class RecentChange:
    revision: Revision
    title: str  # the document's
    url: str


@dataclass(frozen=True)
class RecentView:
    changes: tuple[RecentChange, ...] = ()  # newest first
    from_git: bool = False
    total: int = 0  # changes known, of which the newest RECENT_SHOWN are shown


def day_start(day: datetime.date) -> int:
    """00:00 of `day` in Vietnam, as unix time."""
    return int(datetime.datetime(day.year, day.month, day.day, tzinfo=VIETNAM).timestamp())


def revision(time: int, summary: str, **fields: str) -> Revision:
    day = datetime.datetime.fromtimestamp(time, VIETNAM).date()
    return Revision(time, day.strftime("%d/%m/%Y"), day.isoformat(), summary, **fields)


def own_history(log: Log, document: Document) -> tuple[Revision, ...]:
    """A document's public versions, oldest first: published (when its draft became
    `status: published`, or on its `publish_on` day when that is later), then each correction.
    Versions before it was public are not shown: they were never on the site."""
    start = day_start(document.publish_on) if document.publish_on is not None else 0
    found: list[Revision] = []
    public, waiting = False, None

    def add(version, summary: str, time: int) -> None:
        found.append(revision(time, summary, commit=version.commit, source=log.prefix + document.path))

    for version in log.versions.get(document.path, ()):
        if waiting is not None and version.time >= start:  # its day came before this commit
            add(waiting, REPUBLISHED if found else SUMMARIES[ADDED], start)
            public, waiting = True, None
        if version.draft:
            public = False
        elif version.time < start:
            waiting = version
        elif not public:
            add(version, REPUBLISHED if found else SUMMARIES[ADDED], version.time)
            public = True
        else:
            add(version, SUMMARIES[version.kind], version.time)
    if waiting is not None:
        add(waiting, REPUBLISHED if found else SUMMARIES[ADDED], start)
    return tuple(found)


def histories(log: Log, documents: Mapping[str, object]) -> dict[str, tuple[Revision, ...]]:
    """The history of each published document (`documents`: path -> DocumentView), with what
    replaced or amended it, dated when the other document was published."""
    own = {path: own_history(log, view.document) for path, view in documents.items()}
    path_of = {view.document.url: path for path, view in documents.items()}
    found = {}
    for path, view in documents.items():
        items = list(own[path])
        for life in getattr(view, "replaced_by", ()):
            other = own.get(path_of.get(life.url, ""), ())
            if other and life.kind in BY_OTHER:
                items.append(revision(other[0].time, BY_OTHER[life.kind], other_label=life.label, other_url=life.url))
        found[path] = tuple(sorted(items, key=lambda r: (r.time, r.commit == "")))
    return {path: items for path, items in found.items() if items}


def recent(found: Mapping[str, tuple[Revision, ...]], documents: Mapping[str, object], from_git: bool) -> RecentView:
    """The newest changes across documents, for the "Cập nhật gần đây" page."""
    every = [(r, documents[path].document) for path, items in found.items() for r in items]
    every.sort(key=lambda item: (-item[0].time, item[0].commit == "", item[1].url, item[0].summary))
    shown = tuple(RecentChange(r, doc.title, doc.url) for r, doc in every[:RECENT_SHOWN])
    return RecentView(shown, from_git, len(every))


@dataclass(frozen=True)
class BuildVersion:
    """What the footer cites: the commit the site was built from, and that commit's date."""

    commit: str
    short: str
    date: str = ""  # dd/mm/yyyy, Vietnam time; "" when git does not know the commit
    date_iso: str = ""


def build_version(folder: str, commit: str) -> BuildVersion | None:
    """The build's identifier from `commit` (mkdocs.yml's `extra.portal.build_commit`, from the
    PORTAL_BUILD_COMMIT variable the deploy sets), dated by git; None when it is not set."""
    commit = (commit or "").strip()
    if not re.fullmatch(r"[0-9a-fA-F]{7,64}", commit):
        return None
    found = run_git(GIT_COMMIT + (commit, "--"), folder) or b""
    parts = found.decode("utf-8", "replace").split()
    if len(parts) != 2 or not parts[1].isdigit():
        return BuildVersion(commit, commit[:7])
    dated = revision(int(parts[1]), "")
    return BuildVersion(parts[0], parts[0][:7], dated.date, dated.date_iso)
