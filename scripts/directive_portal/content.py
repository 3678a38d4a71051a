"""Read a whole content folder: the topic registry and every document, all problems at once."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace
from typing import Iterable, NamedTuple

from . import check_rules, link_rules
from .collisions import content_files
from .links import may_refuse
from .consistency import duplicate_numbers
from .frontmatter import read_document, split_front_matter
from .model import Document, Problem, Reported, Topic
from .paths import DOCUMENTS_DIR, TOPICS_FILE, is_document_path
from .bodies import Bodies, load_bodies
from .registry import RegistryEntry, load_registry
from .parallel import forget_others, split_map
from .text import nfc
from .topics import load_topics


@dataclass(frozen=True)
class Content(Reported):
    topics: tuple[Topic, ...]
    documents: tuple[Document, ...]  # drafts included; `graph` leaves them out
    problems: tuple[Problem, ...]
    registry: tuple[RegistryEntry, ...] = ()  # content/van-ban-dan-chieu.yml
    bodies: Bodies = Bodies()  # content/co-quan.yml
    files: tuple[str, ...] = ()  # every file of the folder (collisions.content_files), read once


# Files that may sit beside the documents and be published as they are.
ATTACHMENTS = (".pdf", ".png", ".jpg", ".jpeg", ".webp", ".gif")


def documents_among(files: Iterable[str]) -> list[str]:
    """The Markdown files under `van-ban/` among a content folder's files, sorted."""
    return sorted(rel for rel in files if is_document_path(rel))


def document_files(content_dir: str) -> list[str]:
    """Paths (relative, with '/') of every Markdown file under `van-ban/`, sorted."""
    return documents_among(content_files(content_dir))


def stray_files(files: Iterable[str], display_prefix: str = "") -> list[Problem]:
    """Files under `van-ban/` (among a content folder's `files`) that are neither documents
    nor attachments.

    MkDocs would publish `nhap.markdown` as a page, or `x.MD` as a raw file with its
    front matter, without any of the checks a document gets.
    """
    problems = []
    for rel in sorted(f for f in files if f.startswith(DOCUMENTS_DIR + "/")):
        lower = rel.lower()
        if rel.endswith(".md") or lower.endswith(ATTACHMENTS):
            continue
        if lower.endswith((".docx", ".doc", ".txt", ".odt", ".pdf")):
            fix = f"nhập bằng lệnh: portal import {display_prefix}{rel} — rồi xóa tệp gốc khỏi thư mục van-ban/"
        else:
            fix = "văn bản phải là tệp .md (đổi tên đuôi tệp thành .md), hoặc chuyển tệp ra khỏi thư mục van-ban/"
        problems.append(Problem(display_prefix + rel, 1, "tệp này không phải văn bản .md nên không được kiểm tra, "
                                "nhưng sẽ bị đưa nguyên lên trang", fix, "error", "stray-file"))
    return problems


# A directive is tens of kilobytes; past this a file is not a document (and would make
# every check slow): refused before it is read.
MAX_FILE_BYTES = 2_000_000


def read_text(path: str, shown: str) -> tuple[str | None, Problem | None]:
    """A content file's text, or a problem when it is too large or not UTF-8 (a file saved by
    Notepad as ANSI, UTF-16)."""
    size = os.path.getsize(path)
    if size > MAX_FILE_BYTES:
        return None, Problem(shown, 1, f"tệp quá lớn ({size // 1_000_000} MB; một văn bản không quá "
                             f"{MAX_FILE_BYTES // 1_000_000} MB)",
                             "kiểm tra lại tệp: có thể đã dán nhầm cả ảnh hoặc nhiều văn bản vào một tệp; "
                             "tách thành từng văn bản", "error", "file-too-large")
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read(), None
    except UnicodeDecodeError as exc:
        line = 1
        with open(path, "rb") as handle:
            line += handle.read()[: exc.start].count(b"\n")
        return None, Problem(shown, line, "tệp không lưu ở bảng mã UTF-8 nên không đọc được",
                             "mở tệp bằng trình soạn thảo, chọn Lưu với bảng mã (Encoding) UTF-8", "error", "not-utf8")


class FileResult(NamedTuple):
    """What reading one document file gave, as the build cache keeps it."""

    stamp: tuple[int, int]  # the file's modification time and size
    digest: bytes  # a hash of its content
    against: tuple  # what it was checked against: the topic slugs, the prefix its problems are shown with
    document: Document | None  # None when it has errors
    problems: list[Problem]


def _content_hash(path: str) -> bytes:
    with open(path, "rb") as handle:
        return hashlib.blake2b(handle.read(), digest_size=16).digest()


def _kept(path: str, against: tuple, cache: dict[str, FileResult], rel: str) -> FileResult | tuple:
    """The file as read before when its time and size, or else its content, are unchanged (a
    checkout touches files it does not change); else (its stamp, its content hash), to read it."""
    status = os.stat(path)
    stamp, known = (status.st_mtime_ns, status.st_size), cache.get(rel)
    if known is not None and known.against == against:
        if known.stamp == stamp:
            return known
        digest = _content_hash(path)
        if known.digest == digest:
            cache[rel] = known._replace(stamp=stamp)
            return known
        return stamp, digest
    return stamp, _content_hash(path)


def _read_files(content_dir: str, prefix: str, files: list[str], slugs: list[str],
                cache: dict[str, FileResult] | None) -> list[tuple[Document | None, list[Problem]]]:
    """(document, problems) of each file, parsed (on two cores when there are many: parallel.py)
    or, with `cache`, kept from an earlier build when unchanged."""
    topics = tuple(slugs)
    against = lambda rel: (topics, prefix + rel)  # noqa: E731 (checked against the topics, shown as it is)
    kept = {rel: _kept(os.path.join(content_dir, rel), against(rel), cache, rel) for rel in files} if cache is not None else {}
    todo = [rel for rel in files if not isinstance(kept.get(rel), FileResult)]
    parsed = split_map(lambda rel: _read_file(os.path.join(content_dir, rel), prefix + rel, slugs), todo)
    for rel, (document, problems) in zip(todo, parsed):
        stamp, digest = kept.get(rel, ((0, 0), b""))
        kept[rel] = FileResult(stamp, digest, against(rel), document, problems)
        if cache is not None:
            cache[rel] = kept[rel]
    return [(kept[rel].document, kept[rel].problems) for rel in files]


def load_content(content_dir: str, display_prefix: str = "", cache: dict[str, FileResult] | None = None) -> Content:
    """Read the registry and all documents of `content_dir`.

    `display_prefix` is put before paths in problems (`content/`), so that an
    editor can open the file the message names from the repository root.
    `cache`, a dict the caller keeps between calls (`mkdocs serve` rebuilds, the build
    cache on disk), spares parsing again the files whose modification time and size, or
    else content, are unchanged.
    """
    problems: list[Problem] = []
    topics_path = os.path.join(content_dir, TOPICS_FILE)
    topics: list[Topic] = []
    if os.path.exists(topics_path):
        topics, topic_problems = load_topics(topics_path)
        problems += [_prefixed(p, display_prefix + TOPICS_FILE) for p in topic_problems]
    else:
        problems.append(Problem(display_prefix + TOPICS_FILE, 1, "không tìm thấy danh mục chủ đề",
                                f"tạo tệp {display_prefix}{TOPICS_FILE} (xem Hướng dẫn biên tập)", "error", "missing-topics"))
    slugs = [t.slug for t in topics]
    documents: list[Document] = []
    every_file = content_files(content_dir)  # one walk of the folder for every rule below
    files = documents_among(every_file)
    forget_others(cache, files)
    for document, file_problems in _read_files(content_dir, display_prefix, files, slugs, cache):
        problems += file_problems
        if document is not None:
            documents.append(document)
    problems += duplicate_numbers(documents)
    problems += stray_files(every_file, display_prefix)
    problems += other_pages(content_dir, every_file, display_prefix)
    documents = [_unprefixed(d, display_prefix) for d in documents]
    registry, registry_problems = load_registry(content_dir, display_prefix)
    bodies, body_problems = load_bodies(content_dir, display_prefix)
    return Content(tuple(topics), tuple(documents), tuple(problems + registry_problems + body_problems), registry, bodies,
                   tuple(every_file))


def _read_file(path: str, shown: str, slugs: list[str]) -> tuple[Document | None, list[Problem]]:
    """One document file: the document (None when it has errors) and every problem found."""
    text, problem = read_text(path, shown)
    if problem is not None:
        return None, [problem]
    document, problems = read_document(shown, text, slugs)
    problems += page_rules(shown, text)
    return document, problems


def page_rules(shown: str, text: str) -> list[Problem]:
    """What must never reach a public site, refused by the build itself, not only by `portal check`:
    control characters, marks, and markup that runs or loads from elsewhere. (Front matter values
    are always shown escaped, so only the body is checked for markup.)"""
    text = nfc(text.lstrip("\ufeff"))
    problems = check_rules.control_characters(shown, text)
    problems += check_rules.secrecy_marks(shown, text)
    deep = check_rules.deep_nesting(shown, text)
    if deep:
        return problems + deep  # the Markdown parser below would fail on it
    if check_rules.may_hold_unsafe_html(text):
        problems += check_rules.unsafe_html(shown, _body_only(text))
    if may_refuse(text):
        found, offset = link_rules.body_links(text)
        problems += link_rules.refused_markup(shown, found, offset)
    return problems


def other_pages(content_dir: str, files: Iterable[str], display_prefix: str = "") -> list[Problem]:
    """The pages beside the documents (home page, guide, ...) and every file's name."""
    problems = []
    for rel in files:
        problems += check_rules.file_name(rel, display_prefix + rel)
        if rel.endswith(".md") and not is_document_path(rel):
            text, problem = read_text(os.path.join(content_dir, rel), display_prefix + rel)
            problems += [problem] if problem is not None else page_rules(display_prefix + rel, text)
    return problems


def _body_only(text: str) -> str:
    """The file with its front matter lines blanked, so that line numbers stay the file's."""
    yaml_text, _body, body_line = split_front_matter(text)
    if yaml_text is None:
        return text
    lines = text.split("\n")
    return "\n".join([""] * (body_line - 1) + lines[body_line - 1:])


def _prefixed(problem: Problem, path: str) -> Problem:
    return replace(problem, path=path)


def _unprefixed(document: Document, prefix: str) -> Document:
    if not prefix:
        return document
    return replace(document, path=document.path[len(prefix):])
