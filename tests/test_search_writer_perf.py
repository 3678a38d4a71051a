"""The search writer's speed-ups give the files of their plain definitions.

Folding chunk by chunk (cached), packed integer postings, lookup-table base 36 and
writing one file at a time must not change a byte of the index: each is checked
against the straightforward version on a synthetic corpus.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections import defaultdict

import pytest

from benchmarks.corpus import generate_corpus
from directive_portal.content import load_content
from directive_portal.graph import build_graph
from directive_portal.pages import build_site
from directive_portal.search import terms, write
from directive_portal.search.entries import FOOTNOTE_DEF, entries, plain
from directive_portal.search.index import compact_json, b36, build_index, fnv1a, order, write_index
from directive_portal.search.weights import default_terms
from directive_portal.text import fold, squash

_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[\^[^\]]*\]|[*_`>#|]+|\[([^\]]*)\]\([^)]*\)")
TRICKY = ["Trách nhiệm GIẢI TRÌNH của Đảng", "Tra\u0301ch nhie\u0302\u0323m (NFD)", "ΟΔΟΣ ΟΔΟΣ\u00a0ΑΣ.",
          "a\u2000b\u3000c\u0085d\x1ce", " \u0301x İstanbul ǅ ﬁ K Ω", "**đậm** [liên kết](../x.md)[^1] `mã`",
          "53-CT/TW, 39/2024/QH15 và CT53", ""]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = str(tmp_path_factory.mktemp("writer") / "content")
    generate_corpus(folder, 150, seed=5)
    loaded = load_content(folder)
    assert not loaded.errors
    site = build_site(build_graph(loaded.documents), list(loaded.topics))
    return site, list(loaded.topics), entries(site)


def test_cached_folding_gives_the_syllables_of_folding_the_whole_text(corpus):
    texts = TRICKY + [e.body for e in corpus[2]] + [e.title for e in corpus[2]]
    cache = terms.TermCache()
    for text in texts + texts:  # the second pass reads the caches
        assert terms.syllables(text, cache) == re.findall(r"[a-z0-9]+", fold(text))
        tokens = re.findall(r"[a-z0-9]+", fold(text))
        sentences = [re.findall(r"[a-z0-9]+", fold(part)) for part in re.split(r"[.;:!?…]+\s", text)]
        assert terms.word_terms(text, cache) == set(tokens) | {f"{a} {b}" for s in sentences for a, b in zip(s, s[1:])}
        words = re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())
        assert terms.exact_terms(text, cache) == {"~" + w for w in words if re.fullmatch(r"[a-z0-9]+", fold(w))}
    assert cache.chunks and cache.exact


def test_plain_text_matches_its_definition(corpus):
    site = corpus[0]
    for text in TRICKY + [view.document.body for view in site.documents.values()]:
        expected = squash(_MARKUP.sub(lambda m: m.group(1) or " ", FOOTNOTE_DEF.sub(" ", text)))
        assert plain(text) == expected


def _reference_files(all_entries, topics) -> dict[str, bytes]:
    """The index as first written: tuples per posting, b36 per number, all files in memory."""
    docs = order(all_entries)
    default, full = defaultdict(list), defaultdict(list)
    for doc_id, entry in enumerate(docs):
        for term, weight in default_terms(entry).items():
            default[term].append((doc_id, weight))
        if entry.body:
            for term in terms.word_terms(entry.body):
                full[term].append((doc_id, 0))

    def shards(postings, weighted):
        total = sum(len(t) + 2 + (4 if weighted else 3) * len(p) for t, p in postings.items())
        count = 1
        while total / count > 16_000:
            count *= 2
        lines = defaultdict(list)
        for term in sorted(postings):
            last, parts = 0, []
            for doc_id, weight in postings[term]:
                parts.append((b36(weight) if weighted else "") + b36(doc_id - last))
                last = doc_id
            lines[fnv1a(term) % count].append(term + "\t" + ",".join(parts))
        return count, {shard: ("\n".join(rows) + "\n").encode() for shard, rows in lines.items()}

    files = {}
    count, made = shards(default, True)
    files.update({f"p/{b36(s)}.txt": text for s, text in made.items()})
    full_count, made = shards(full, False)
    files.update({f"f/{b36(s)}.txt": text for s, text in made.items()})
    built = build_index(all_entries, topics)
    root = next(iter(built.files)).split("/")[0]
    for path, content in built.files.items():  # records, facets, vocabulary, meta: unchanged code
        if path.startswith((f"{root}/r/", f"{root}/v/", f"{root}/t/")) or path == f"{root}/facets.json":
            files[path.split("/", 1)[1]] = content
    digest = hashlib.sha1()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path])
    assert digest.hexdigest()[:10] == root
    meta = json.loads(built.files["meta.json"])
    assert (meta["shards"], meta["fullShards"]) == (count, full_count)
    common = sorted((t for t, p in default.items() if len(p) > max(0.25 * len(docs), 200)
                     and " " not in t and t[0] not in "#~"), key=lambda t: (len(default[t]), t))
    assert meta["common"] == common
    out = {f"{root}/{path}": content for path, content in files.items()}
    out["meta.json"] = compact_json(meta)
    return out


def test_index_files_match_the_plain_definition(corpus):
    _site, topics, found = corpus
    assert build_index(found, topics).files == _reference_files(found, topics)


def test_streamed_writer_writes_the_same_files(corpus, tmp_path):
    site, topics, found = corpus
    expected = build_index(found, topics).files
    os.makedirs(tmp_path / "site" / "search" / "stale")
    write(site, str(tmp_path / "site"), None)
    folder = tmp_path / "site" / "search"
    written = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert written == expected
    index = write_index(found, topics, str(tmp_path / "again"), full_text=False)
    assert index.full_shards == 0 and not (tmp_path / "again" / ".writing").exists()


def _postings_afresh(docs):
    from directive_portal.search import postings
    from directive_portal.search.terms import TermCache

    return postings.make(docs, True, None, TermCache())


def test_kept_postings_patched_for_a_few_edits_equal_postings_made_afresh(corpus):
    from dataclasses import replace

    from directive_portal.search import postings
    from directive_portal.search.terms import TermCache

    _site, _topics, found = corpus
    docs = order(found)
    terms, kept, memo = {}, {}, TermCache()
    postings.make(docs, True, terms, memo, kept)
    # Three edits that keep the order: new words, words gone, a changed subject.
    edited = list(docs)
    for i, text in ((3, " từ mới xuất hiện lần đầu"), (40, ""), (97, " chuyển đổi số")):
        doc = docs[i]
        edited[i] = replace(doc, body=doc.body[: len(doc.body) // 2] + text, title=doc.title + text)
    patched = postings.make(edited, True, terms, memo, kept)
    assert patched == _postings_afresh(edited)
    assert kept["default"] is patched[0] and len(terms) == len(edited)
    # Another order (a date changed) or another set of documents: made afresh, the same as afresh.
    reordered = edited[1:] + edited[:1]
    assert postings.make(reordered, True, terms, memo, kept) == _postings_afresh(reordered)
    fewer = reordered[:-5]
    assert postings.make(fewer, True, terms, memo, kept) == _postings_afresh(fewer)


def test_a_few_edits_do_not_make_the_postings_afresh(corpus, monkeypatch):
    from dataclasses import replace

    from directive_portal.search import postings
    from directive_portal.search.terms import TermCache

    docs = order(corpus[2])
    terms, kept, memo = {}, {}, TermCache()
    postings.make(docs, True, terms, memo, kept)
    edited = list(docs)
    edited[10] = replace(docs[10], body=docs[10].body + " thêm")

    def refuse(*_args):
        raise AssertionError("made afresh")

    monkeypatch.setattr(postings, "_afresh", refuse)
    postings.make(edited, True, terms, memo, kept)


def test_files_with_the_same_bytes_as_the_site_in_place_are_linked_not_written(corpus, tmp_path):
    """`--dirty`: the index files the site in place has with the same bytes are hard-linked from
    it (with their `.gz`); the others are written; the result is the index written afresh."""
    from dataclasses import replace

    _site, topics, found = corpus
    files: dict = {}
    write_index(found, topics, str(tmp_path / "old" / "search"), files=files)
    old = tmp_path / "old" / "search" / files["root"]
    meta = old / "facets.json"
    (old / "facets.json.gz").write_bytes(b"gz of facets")  # as precompress.py leaves them
    edited = list(found)
    i = next(i for i, e in enumerate(found) if e.kind == "doc" and e.body)
    edited[i] = replace(found[i], body=found[i].body + " một câu thêm")
    # Without precompressed files, a `.gz` in the site in place (`portal publish` compresses it) stays there.
    plain = dict(files)
    write_index(edited, topics, str(tmp_path / "plain" / "search"), files=plain,
                current=str(tmp_path / "old" / "search"))
    assert not [p for p in (tmp_path / "plain").rglob("*.gz")]
    write_index(edited, topics, str(tmp_path / "new" / "search"), files=files,
                current=str(tmp_path / "old" / "search"), gz=True)

    new = tmp_path / "new" / "search" / files["root"]
    assert new != old
    written = {p.relative_to(new).as_posix(): p for p in new.rglob("*") if p.is_file()}
    olds = {p.relative_to(old).as_posix(): p for p in old.rglob("*") if p.is_file()}
    linked = sorted(rel for rel, p in written.items() if rel in olds and p.stat().st_ino == olds[rel].stat().st_ino)
    assert len(linked) > len(written) * 3 // 4 and "facets.json.gz" in linked and "facets.json" in linked
    fresh = sorted(set(written) - set(linked))
    assert any(rel.startswith("t/") for rel in fresh) and meta.stat().st_nlink == 3  # old, plain, new
    expected = build_index(edited, topics).files
    root = files["root"]
    assert {f"{root}/{rel}": written[rel].read_bytes() for rel in written if not rel.endswith(".gz")} == \
        {path: content for path, content in expected.items() if path != "meta.json"}


def test_without_the_site_in_place_every_index_file_is_written(corpus, tmp_path):
    _site, topics, found = corpus
    files: dict = {}
    write_index(found, topics, str(tmp_path / "a" / "search"), files=files)
    write_index(found, topics, str(tmp_path / "b" / "search"), files=files, current=str(tmp_path / "gone"))
    folder = tmp_path / "b" / "search" / files["root"]
    assert all(p.stat().st_nlink == 1 for p in folder.rglob("*") if p.is_file())
