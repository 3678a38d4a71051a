"""Turn search entries into the static files the browser reads.

Layout under `search/` (every file small, fetched only when needed):
  meta.json              labels for filters, number rules, where the rest is
  <v>/p/<shard>.txt      postings of the default index (subject, number, type,
                         issuer, date, topics, headings, summary), shard chosen
                         by a hash of the term, so a query fetches its terms' shards
  <v>/f/<shard>.txt      postings over every word of every document (full text)
  <v>/r/<block>.json     records shown in results, BLOCK documents per file
  <v>/facets.json        type, issuer, year and topics of each document (filters)
`<v>` is a hash of the content: a new build never mixes with cached old files.
Documents are numbered newest first, so sorting by date is sorting by number.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass

from ..model import Topic
from .entries import Entry
from .terms import exact_terms, number_rules, number_terms, syllables, word_terms

BLOCK = 4  # records per file: the top 10 results fetch at most 10 small files
SHARD_TARGET = 16_000  # raw bytes per postings shard, about 5-7 KB gzipped
# A syllable in more than this share of documents (`phuong`, `thuc`, `cac`) narrows
# nothing: the browser does not fetch its postings when the query has rarer terms.
COMMON_SHARE = 0.25
COMMON_MIN_DOCS = 200
MAX_WEIGHT = 35

# Field weights of the default index (a term in several fields adds up).
WEIGHTS = {"title": 6, "number": 20, "number_full": 5, "topics": 3, "headings": 2,
           "type": 2, "issuer": 2, "summary": 1, "date": 1, "cites": 4}


@dataclass(frozen=True)
class Index:
    files: dict[str, bytes]  # path under `search/` -> content
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


def default_terms(entry: Entry) -> dict[str, int]:
    weights: dict[str, int] = defaultdict(int)

    def add(terms, weight: int) -> None:
        for term in terms:
            weights[term] += weight

    add(word_terms(entry.title), WEIGHTS["title"])
    add(set(syllables(entry.number)), WEIGHTS["title"])
    for term in number_terms(entry.number):
        add([term], WEIGHTS["number"] + (WEIGHTS["number_full"] if term.count("/") else 0))
    add(word_terms(" ".join(entry.topic_titles)), WEIGHTS["topics"])
    add(word_terms(entry.headings), WEIGHTS["headings"])
    add(word_terms(entry.type_label), WEIGHTS["type"])
    add(word_terms(entry.issuer), WEIGHTS["issuer"])
    add(word_terms(entry.summary), WEIGHTS["summary"])
    add(word_terms(entry.date_display), WEIGHTS["date"])
    for number in entry.cites:
        add(number_terms(number) - weights.keys(), WEIGHTS["cites"])
    # Syllables as written, weighted by field like their folded forms: a query typed
    # with diacritics puts the documents that spell it that way first.
    for text, field in ((entry.title, "title"), (" ".join(entry.topic_titles), "topics"),
                        (entry.headings, "headings"), (entry.issuer, "issuer"), (entry.summary, "summary")):
        add(exact_terms(text), WEIGHTS[field])
    return {term: min(weight, MAX_WEIGHT) for term, weight in weights.items()}


def _shard_count(postings: dict[str, list], bytes_per_posting: int) -> int:
    total = sum(len(t) + 2 + bytes_per_posting * len(p) for t, p in postings.items())
    count = 1
    while total / count > SHARD_TARGET:
        count *= 2
    return count


def _shards(postings: dict[str, list[tuple[int, int]]], weighted: bool) -> tuple[int, dict[int, str]]:
    count = _shard_count(postings, 4 if weighted else 3)
    lines: dict[int, list[str]] = defaultdict(list)
    for term in sorted(postings):
        items, last, parts = postings[term], 0, []
        for doc_id, weight in items:
            delta = b36(doc_id - last)
            parts.append(b36(weight) + delta if weighted else delta)
            last = doc_id
        lines[fnv1a(term) % count].append(term + "\t" + ",".join(parts))
    return count, {shard: "\n".join(rows) + "\n" for shard, rows in lines.items()}


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def build_index(all_entries: list[Entry], topics: list[Topic], full_text: bool = True) -> Index:
    docs = order(all_entries)
    type_labels: dict[str, str] = {}
    for entry in docs:
        type_labels.setdefault(entry.type, entry.type_label)
    types = sorted(type_labels, key=lambda t: type_labels[t])
    issuers = sorted({e.issuer for e in docs if e.issuer})
    type_index = {t: i for i, t in enumerate(types)}
    issuer_index = {name: i + 1 for i, name in enumerate(issuers)}  # 0: none

    default: dict[str, list[tuple[int, int]]] = defaultdict(list)
    full: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc_id, entry in enumerate(docs):
        for term, weight in default_terms(entry).items():
            default[term].append((doc_id, weight))
        if full_text and entry.body:
            for term in word_terms(entry.body):
                full[term].append((doc_id, 0))

    files: dict[str, bytes] = {}
    default_count, shards = _shards(default, weighted=True)
    for shard, text in shards.items():
        files[f"p/{b36(shard)}.txt"] = text.encode("utf-8")
    full_count = 0
    if full:
        full_count, shards = _shards(full, weighted=False)
        for shard, text in shards.items():
            files[f"f/{b36(shard)}.txt"] = text.encode("utf-8")
    for start in range(0, len(docs), BLOCK):
        block = [[e.url, e.title, e.number, type_index[e.type], issuer_index.get(e.issuer, 0),
                  e.date_display, e.summary, e.headings, 1 if e.kind == "directive" else 0]
                 for e in docs[start:start + BLOCK]]
        files[f"r/{b36(start // BLOCK)}.json"] = _json(block)
    topic_members: dict[str, list[int]] = defaultdict(list)
    for doc_id, entry in enumerate(docs):
        for slug in entry.topics:
            topic_members[slug].append(doc_id)
    files["facets.json"] = _json({
        "type": [type_index[e.type] for e in docs],
        "issuer": [issuer_index.get(e.issuer, 0) for e in docs],
        "year": [e.date.year if e.date else 0 for e in docs],
        "topics": {slug: ",".join(b36(b - a) for a, b in zip([0] + ids, ids))
                   for slug, ids in topic_members.items()},
    })
    digest = hashlib.sha1()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path])
    root = digest.hexdigest()[:10]
    versioned = {f"{root}/{path}": content for path, content in files.items()}
    years = sorted({e.date.year for e in docs if e.date}, reverse=True)
    common = sorted((t for t, p in default.items() if len(p) > max(COMMON_SHARE * len(docs), COMMON_MIN_DOCS)
                     and " " not in t and t[0] not in "#~"), key=lambda t: (len(default[t]), t))
    versioned["meta.json"] = _json({
        "root": root + "/", "docs": len(docs), "block": BLOCK,
        "shards": default_count, "fullShards": full_count,
        "types": [[t, type_labels[t]] for t in types], "issuers": issuers,
        "topics": [[t.slug, t.title] for t in topics], "years": years,
        "rules": number_rules(), "common": common,
    })
    return Index(versioned, len(docs), default_count, full_count)
