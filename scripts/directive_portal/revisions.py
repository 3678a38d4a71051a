"""Every version of every document from git: when it was added, and what each later commit changed.

Read with two git commands for the whole content folder, whatever the number of documents:
one `git log --raw` (each commit's changed files with their blob ids, first parent only: what
reached the branch, and when) and one `git cat-file --batch` reading both sides of each
modification, whose front matter and body are compared ("sửa thông tin", "sửa nội dung").
Only git's data is used, never the clock: two builds of one commit give the same history.
Outside a git checkout, or in a shallow clone, there is no history.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import threading
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, BinaryIO, Callable, Iterable, Mapping

from .frontmatter import split_front_matter
from .paths import is_document_path

# `%x00` starts each commit: its id and committer time; then one `--raw` line per file changed
# (`:100644 100644 <old blob> <new blob> M<TAB>path`). `-m --first-parent`: a merge's changes
# are those it brought to the branch, dated when it was merged.
GIT_LOG = ("git", "-c", "core.quotepath=off", "log", "-m", "--first-parent", "--no-renames", "--no-abbrev",
           "--format=%x00%H %ct", "--raw", "--relative", "--", ".")
# A shallow clone (CI's default checkout) has lost the history: its oldest commit would seem to
# add every document. Then: no history, rather than a wrong one. And the content folder's path
# in the repository, for links to a version.
GIT_WHERE = ("git", "rev-parse", "--is-shallow-repository", "--show-prefix")
GIT_BLOBS = ("git", "cat-file", "--batch")
GIT_COMMIT = ("git", "log", "-1", "--format=%H %ct")  # + the commit, "--"
NO_BLOB = "0" * 40

ADDED, BODY, METADATA, BOTH = "added", "body", "metadata", "both"


@dataclass(frozen=True)
class FileChange:
    """One commit's change of one file, as `git log --raw` gives it."""

    commit: str
    time: int  # committer time, unix
    status: str  # A (added), M (modified), D (deleted), T (type changed)
    old: str  # blob ids
    new: str


@dataclass(frozen=True)
class Version:
    """A version of a document: the commit that made it, when, and what it changed."""

    commit: str
    time: int
    kind: str  # ADDED, BODY, METADATA or BOTH
    draft: bool = False  # `status: draft` in this version: not public yet (or withdrawn)


@dataclass(frozen=True)
class Log:
    versions: Mapping[str, tuple[Version, ...]] = field(default_factory=dict)  # path -> oldest first
    prefix: str = ""  # the content folder in the repository (`content/`), for links to a version
    from_git: bool = False


def parse_raw_log(output: str) -> list[tuple[str, int, list[tuple[str, str, str, str]]]]:
    """(commit, time, [(status, old blob, new blob, path)]) of each commit, newest first."""
    commits = []
    for chunk in output.split("\0"):
        lines = chunk.split("\n")
        head = lines[0].split()
        if len(head) != 2 or not head[1].isdigit():
            continue
        files = []
        for line in lines[1:]:
            meta, tab, path = line.partition("\t")
            fields = meta.split()
            if line.startswith(":") and tab and len(fields) >= 5:
                files.append((fields[4][:1], fields[2], fields[3], path))
        commits.append((head[0], int(head[1]), files))
    return commits


def file_changes(commits: Iterable[tuple[str, int, list]]) -> dict[str, list[FileChange]]:
    """Each document's changes since it was last added, oldest first, given commits newest first.

    A document moved to another path in one commit, unchanged (one blob deleted and added), keeps
    its history; one deleted and added again starts a new one.
    """
    changes: dict[str, list[FileChange]] = {}
    for commit, time, files in reversed(list(commits)):
        gone = {}
        for status, old, new, path in files:
            if status == "D" and is_document_path(path):
                gone[old] = changes.pop(path, [])
        for status, old, new, path in files:
            if status == "D" or not is_document_path(path):
                continue
            change = FileChange(commit, time, status, old, new)
            if status == "A" and new in gone:
                changes[path] = gone.pop(new)  # moved: no change to show
            elif status == "A" or path not in changes:
                changes[path] = [change]
            else:
                changes[path].append(change)
    return changes


_DRAFT = re.compile(r"""^status:[^\S\n]*(["']?)draft\1[^\S\n]*(?:#.*)?$""", re.MULTILINE)


def fingerprint(text: str) -> tuple[str, str, bool]:
    """(front matter, body) of a file's text, hashed: what two versions are compared by; and
    whether that version is a draft."""
    yaml_text, body, _line = split_front_matter(text.lstrip("\ufeff"))
    digest = lambda part: hashlib.blake2b(part.encode("utf-8"), digest_size=16).hexdigest()  # noqa: E731
    return digest(yaml_text or ""), digest(body), bool(_DRAFT.search(yaml_text or ""))


def kind_of(before: tuple | None, after: tuple | None) -> str:
    """What a modification changed, from the fingerprints of the two sides."""
    if before is None or after is None:
        return BODY  # a side git could not give: say the text changed
    metadata, body = before[0] != after[0], before[1] != after[1]
    return BOTH if metadata and body else METADATA if metadata else BODY


def versions(changes: Mapping[str, list[FileChange]], prints: Mapping[str, tuple]) -> dict[str, tuple[Version, ...]]:
    """Each document's versions: its addition, then every commit that changed it. Whether a
    version is a draft is read from its blob, which was read as a side of a modification; an
    added file never modified since is not read: it is as it is now, published."""
    found = {}
    for path, items in changes.items():
        found[path] = tuple(Version(c.commit, c.time, ADDED if c.status == "A" else kind_of(prints.get(c.old), prints.get(c.new)),
                                    bool(prints.get(c.new, ("", "", False))[2])) for c in items)
    return found


def run_git(args: tuple[str, ...], folder: str, given: bytes | None = None,
            read: Callable[[BinaryIO], Any] = lambda stream: stream.read()) -> Any:
    """What `read` makes of a git command's output; None when git is missing or fails (not a
    checkout). `given` is written to the command's input."""
    try:
        process = subprocess.Popen(args, cwd=folder, stdin=subprocess.PIPE if given is not None else subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError:
        return None
    if given is not None:  # written beside the reading: both pipes would fill otherwise
        threading.Thread(target=_feed, args=(process.stdin, given), daemon=True).start()
    with process.stdout:
        output = read(process.stdout)
    return output if process.wait() == 0 else None


def _feed(pipe: BinaryIO, data: bytes) -> None:
    try:
        pipe.write(data)
    except OSError:
        pass  # git stopped reading: its exit status says why
    finally:
        pipe.close()


def parse_blobs(stream: BinaryIO) -> dict[str, tuple[str, str]]:
    """The fingerprint of each blob in `git cat-file --batch` output, read as it comes (one blob
    in memory at a time)."""
    prints = {}
    for line in iter(stream.readline, b""):
        head = line.split()
        if len(head) != 3:  # `<id> missing`
            continue
        size = int(head[2])
        prints[head[0].decode()] = fingerprint(stream.read(size).decode("utf-8", "replace"))
        stream.read(1)  # the newline after each blob
    return prints


def load_log(folder: str) -> Log:
    """The versions of the documents of `folder`; an empty log outside a git checkout."""
    if not os.path.isdir(folder):
        return Log()
    where = (run_git(GIT_WHERE, folder) or b"").decode("utf-8", "replace").split("\n")
    raw = run_git(GIT_LOG, folder) if where[0] == "false" else None
    if raw is None:
        return Log()
    changes = file_changes(parse_raw_log(raw.decode("utf-8", "replace")))
    wanted = sorted({blob for items in changes.values() for c in items if c.status != "A"
                     for blob in (c.old, c.new) if blob != NO_BLOB})
    prints = run_git(GIT_BLOBS, folder, "".join(f"{b}\n" for b in wanted).encode(), parse_blobs) if wanted else {}
    prefix = where[1].strip() if len(where) > 1 else ""
    return Log(MappingProxyType(versions(changes, prints or {})), prefix, True)
