"""Turn search entries into the static files the browser reads.

Layout under `search/` (every file small, fetched only when needed):
  meta.json              labels for filters, number rules, where the rest is
  <v>/p/<shard>.txt      postings of the default index (subject, number, type,
                         issuer, date, topics, headings, summary), shard chosen
                         by a hash of the term, so a query fetches its terms' shards
  <v>/f/<shard>.txt      postings over every word of every document (full text)
  <v>/r/<block>.json     records shown in results, BLOCK documents per file
  <v>/facets.json        type, issuer, year and topics of each document (filters)
  <v>/t/<doc>.txt        the plain text of a document: the browser fetches it for the
                         first results only, to show the sentence that matches
  <v>/v/<letter>.txt     the syllables of the index starting with that letter, most
                         frequent first, `term<TAB>documents`: the browser completes the
                         last word typed and corrects typing errors from them
`<v>` is a hash of the content: a new build never mixes with cached old files.
Documents are numbered newest first, so sorting by date is sorting by number.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from array import array
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from itertools import chain
from operator import add, sub
from typing import Callable, Iterator

from .. import site_files
from ..model import Topic
from . import postings
from .postings import WEIGHT_BITS, WEIGHT_MASK
from .entries import Entry
from .terms import TermCache, number_rules
from .weights import MAX_WEIGHT

BLOCK = 4  # records per file: the top 10 results fetch at most 10 small files
SHARD_TARGET = 16_000  # raw bytes per postings shard, about 5-7 KB gzipped
# A syllable in more than this share of documents (`phuong`, `thuc`, `cac`) narrows
# nothing: the browser does not fetch its postings when the query has rarer terms.
COMMON_SHARE = 0.25
COMMON_MIN_DOCS = 200
KINDS = ("doc", "directive", "topic")  # the last item of a record
VOCABULARY_MIN = 2  # letters of a syllable worth completing or correcting


@dataclass(frozen=True)
class Index:
    files: dict[str, bytes]  # path under `search/` -> content (empty from `write_index`)
    documents: int
    default_shards: int
    full_shards: int


def fnv1a(term: str) -> int:
    """32-bit FNV-1a over UTF-16 code units, as `hash()` in search.js."""
    value = 0x811C9DC5
    data = term.encode("utf-16-le")
    for i in range(0, len(data), 2):
        value ^= data[i] | (data[i + 1] << 8)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value


def b36(value: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if value == 0:
        return "0"
    out = []
    while value:
        value, rest = divmod(value, 36)
        out.append(digits[rest])
    return "".join(reversed(out))


def order(entries: list[Entry]) -> list[Entry]:
    """Newest first; undated last; documents before directive pages of the same day."""
    def key(entry: Entry) -> tuple:
        year, month, day = entry.date.sort_key() if entry.date else (0, 0, 0)
        return (entry.date is None, -year, -month, -day, entry.kind != "doc", entry.url)

    return sorted(entries, key=key)


def _b36_table(size: int) -> list[str]:
    """b36(i) for every i < size: doc numbers, gaps between them and weights."""
    return [b36(i) for i in range(max(size, MAX_WEIGHT + 1))]


def _shard_count(postings: dict[str, array], bytes_per_posting: int) -> int:
    total = sum(len(t) + 2 + bytes_per_posting * len(p) for t, p in postings.items())
    count = 1
    while total / count > SHARD_TARGET:
        count *= 2
    return count


def _shard_terms(postings: dict[str, array], weighted: bool) -> tuple[int, dict[int, list[str]]]:
    """Number of shards, and the terms of each non-empty shard in sorted order."""
    count = _shard_count(postings, 4 if weighted else 3)
    terms: dict[int, list[str]] = defaultdict(list)
    for term in sorted(postings):
        terms[fnv1a(term) % count].append(term)
    return count, terms


def _shard_text(terms: list[str], postings: dict[str, array], weighted: bool, table: list[str]) -> bytes:
    """One shard: a line per term, `term<TAB>postings`; each posting is the gap from the
    previous document's number in base 36, after the weight's one digit if weighted."""
    digit = table.__getitem__
    rows = []
    for term in terms:
        items = postings[term]
        if weighted:  # doc_id << WEIGHT_BITS | weight
            ids = [v >> WEIGHT_BITS for v in items]
            parts = map(add, map(digit, [v & WEIGHT_MASK for v in items]), map(digit, map(sub, ids, chain((0,), ids))))
        else:
            parts = map(digit, map(sub, items, chain((0,), items)))
        rows.append(term + "\t" + ",".join(parts))
    return ("\n".join(rows) + "\n").encode("utf-8")


def vocabulary(default: dict[str, array], full: dict[str, array]) -> dict[str, list[tuple[str, int]]]:
    """Syllables (letters only) by first letter, with the number of documents having
    them, most frequent first."""
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for term in default.keys() | full.keys():
        if len(term) >= VOCABULARY_MIN and term.isalpha() and term.isascii():
            docs = {v >> WEIGHT_BITS for v in default.get(term, ())}
            docs.update(full.get(term, ()))
            found[term[0]].append((term, len(docs)))
    return {letter: sorted(words, key=lambda w: (-w[1], w[0])) for letter, words in found.items()}


def _vocabulary_text(words: list[tuple[str, int]]) -> bytes:
    return "".join(f"{term}\t{count}\n" for term, count in words).encode("utf-8")


def compact_json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class _Plan:
    """Everything but the file contents: the postings (one machine integer per
    posting), and for each file under `<v>/` a way to make its bytes. `build_index`
    makes them all; `write` makes, hashes and writes one file at a time, so the
    whole index is never in memory at once."""

    def __init__(self, all_entries: list[Entry], topics: list[Topic], full_text: bool,
                 terms: dict[bytes, tuple[str, tuple[int, ...], str]] | None = None,
                 cache: TermCache | None = None, kept: dict | None = None) -> None:
        cache = cache if cache is not None else TermCache()
        docs = self.docs = order(all_entries)
        self.topics = topics
        type_labels: dict[str, str] = {}
        for entry in docs:
            type_labels.setdefault(entry.type, entry.type_label)
        self.type_labels = type_labels
        self.types = types = sorted(type_labels, key=lambda t: type_labels[t])
        self.issuers = issuers = sorted({e.issuer for e in docs if e.issuer})
        self.type_index = {t: i for i, t in enumerate(types)}
        self.issuer_index = {name: i + 1 for i, name in enumerate(issuers)}  # 0: none

        # `terms` and `kept` (the build cache): each entry's terms, made again only for changed
        # entries, and the last build's postings (postings.py).
        self.default, self.full = postings.make(docs, full_text, terms, cache, kept)
        self.table = _b36_table(len(docs))

        # path under `<v>/` -> function making its content
        self.files: dict[str, Callable[[], bytes]] = {}
        self.default_count, shards = _shard_terms(self.default, weighted=True)
        for shard, terms in shards.items():
            self.files[f"p/{b36(shard)}.txt"] = partial(_shard_text, terms, self.default, True, self.table)
        self.full_count = 0
        if self.full:
            self.full_count, shards = _shard_terms(self.full, weighted=False)
            for shard, terms in shards.items():
                self.files[f"f/{b36(shard)}.txt"] = partial(_shard_text, terms, self.full, False, self.table)
        for start in range(0, len(docs), BLOCK):
            self.files[f"r/{b36(start // BLOCK)}.json"] = partial(self._records, start)
        self.files["facets.json"] = self._facets
        for doc_id, entry in enumerate(docs):
            if entry.body:
                self.files[f"t/{b36(doc_id)}.txt"] = entry.body.encode
        for letter, words in vocabulary(self.default, self.full).items():
            self.files[f"v/{letter}.txt"] = partial(_vocabulary_text, words)

    def _records(self, start: int) -> bytes:
        type_index, issuer_index = self.type_index, self.issuer_index
        return compact_json([[e.url, e.title, e.number, type_index[e.type], issuer_index.get(e.issuer, 0),
                       e.date_display, e.summary, e.headings, KINDS.index(e.kind)]
                      + ([1] if e.replaced else [])  # 1: replaced by another document (lifecycle.py)
                      for e in self.docs[start:start + BLOCK]])

    def _facets(self) -> bytes:
        docs = self.docs
        topic_members: dict[str, list[int]] = defaultdict(list)
        for doc_id, entry in enumerate(docs):
            for slug in entry.topics:
                topic_members[slug].append(doc_id)
        return compact_json({
            "type": [self.type_index[e.type] for e in docs],
            "issuer": [self.issuer_index.get(e.issuer, 0) for e in docs],
            "year": [e.date.year if e.date else 0 for e in docs],
            "topics": {slug: ",".join(b36(b - a) for a, b in zip([0] + ids, ids))
                       for slug, ids in topic_members.items()},
        })

    def contents(self) -> Iterator[tuple[str, bytes]]:
        """(path, content) of every file under `<v>/`, in the order the version hash reads them."""
        for path in sorted(self.files):
            yield path, self.files[path]()

    def meta(self, root: str) -> bytes:
        docs, default = self.docs, self.default
        years = sorted({e.date.year for e in docs if e.date}, reverse=True)
        common = sorted((t for t, p in default.items() if len(p) > max(COMMON_SHARE * len(docs), COMMON_MIN_DOCS)
                         and " " not in t and t[0] not in "#~"), key=lambda t: (len(default[t]), t))
        return compact_json({
            "root": root + "/", "docs": len(docs), "block": BLOCK,
            "shards": self.default_count, "fullShards": self.full_count,
            "types": [[t, self.type_labels[t]] for t in self.types], "issuers": self.issuers,
            "topics": [[t.slug, t.title] for t in self.topics], "years": years,
            "rules": number_rules(), "common": common,
            "topicDocs": [i for i, e in enumerate(docs) if e.kind == "topic"],
        })


def _hash(digest, path: str, content: bytes) -> None:
    digest.update(path.encode() + b"\0")
    digest.update(content)


def build_index(all_entries: list[Entry], topics: list[Topic], full_text: bool = True) -> Index:
    """The whole index in memory (tests, benchmarks); `write_index` writes the same files."""
    plan = _Plan(all_entries, topics, full_text, cache=TermCache())
    files = dict(plan.contents())
    digest = hashlib.sha1()
    for path, content in files.items():  # already in sorted order
        _hash(digest, path, content)
    root = digest.hexdigest()[:10]
    versioned = {f"{root}/{path}": content for path, content in files.items()}
    versioned["meta.json"] = plan.meta(root)
    return Index(versioned, len(plan.docs), plan.default_count, plan.full_count)


def write_index(all_entries: list[Entry], topics: list[Topic], folder: str, full_text: bool = True,
                terms: dict | None = None, cache: TermCache | None = None, kept: dict | None = None,
                files: dict | None = None, current: str = "", gz: bool = False) -> Index:
    """Write the index into `folder` (emptied first) one file at a time, the same
    files as `build_index`; returns an `Index` without file contents. `terms`, `cache`, `kept`: see `_Plan`.

    `files` (kept between builds: the version folder's name and a digest of each of its
    files) is brought up to date; with `current`, the index folder of the site in place,
    which that last build wrote, a file with the same bytes there is hard-linked (with `gz`,
    with its `.gz`) instead of written: a `--dirty` build after one edit writes a few files of
    thousands."""
    plan = _Plan(all_entries, topics, full_text, terms, cache, kept)
    last = files if files and current else {}
    reuse = os.path.join(current, last["root"]) if last else ""
    before, digests = last.get("digests", {}), {}
    shutil.rmtree(folder, ignore_errors=True)
    staging = os.path.join(folder, ".writing")  # renamed to the version hash once it is known
    made: set[str] = set()
    digest = hashlib.sha1()
    for path, content in plan.contents():
        _hash(digest, path, content)
        parts = path.split("/")
        directory = os.path.join(staging, *parts[:-1])
        if directory not in made:
            os.makedirs(directory, exist_ok=True)
            made.add(directory)
        target = os.path.join(directory, parts[-1])
        mark = digests[path] = hashlib.blake2b(content, digest_size=16).digest()
        if before.get(path) == mark and site_files.link_file(os.path.join(reuse, *parts), target, gz):
            continue
        with open(target, "wb") as handle:
            handle.write(content)
    root = digest.hexdigest()[:10]
    os.makedirs(staging, exist_ok=True)
    os.rename(staging, os.path.join(folder, root))
    with open(os.path.join(folder, "meta.json"), "wb") as handle:
        handle.write(plan.meta(root))
    if files is not None:
        files.clear()
        files.update(root=root, digests=digests)
    return Index({}, len(plan.docs), plan.default_count, plan.full_count)
