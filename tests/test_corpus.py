"""The synthetic benchmark corpus: valid, deterministic, seed-made text, densely cited."""

from __future__ import annotations

import os
import re

import pytest

from benchmarks import pools
from benchmarks.corpus import DEFAULT_SEEDS, generate_corpus, main
from benchmarks.seedtext import SeedsNotFound, read_seed_text
from directive_portal.content import document_files, load_content
from directive_portal.graph import build_graph
from directive_portal.references import find_citations

N = 120


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = str(tmp_path_factory.mktemp("corpus"))
    generate_corpus(folder, N, seed=7)
    return folder


@pytest.fixture(scope="module")
def content(corpus):
    return load_content(corpus)


def _read_all(folder: str) -> dict[str, str]:
    return {rel: open(os.path.join(folder, rel), encoding="utf-8").read() for rel in document_files(folder)}


def test_corpus_passes_validation_with_no_problem(corpus, content):
    assert len(document_files(corpus)) == N
    assert [str(p) for p in content.problems] == []
    assert len(content.documents) == N
    assert os.path.exists(os.path.join(corpus, "topics.yml"))
    assert os.path.exists(os.path.join(corpus, "index.md"))


def test_every_citation_resolves_without_ambiguity(content):
    graph = build_graph(content.documents)
    assert [str(p) for p in graph.problems] == []
    # Dense: every document cites something, many cite documents the corpus publishes.
    assert all(graph.outgoing.get(doc.path) for doc in content.documents)
    published_targets = [c for c in graph.cited.values() if c.published]
    assert len(published_targets) > N // 5
    # A directive from above, cited with its date, resolves to that date (which ones are cited
    # depends on the seeds' text: with seed 004 in the pool, 53-CT/TW is not among them).
    uppers = {(upper.id, upper.date) for upper in pools.UPPERS}
    assert any((c.id, c.date.iso() if c.date else "") in uppers for c in graph.cited.values())


def test_same_seed_same_corpus_other_seed_other_corpus(corpus, tmp_path):
    generate_corpus(str(tmp_path / "again"), N, seed=7)
    generate_corpus(str(tmp_path / "other"), N, seed=8)
    assert _read_all(str(tmp_path / "again")) == _read_all(corpus)
    assert _read_all(str(tmp_path / "other")) != _read_all(corpus)


def test_variety_of_types_issuers_dates_and_unsigned_copies(content):
    docs = content.documents
    assert len({d.type for d in docs}) >= 6
    assert len({d.issuer for d in docs}) >= 4
    years = {d.date.year for d in docs}
    assert min(years) <= 2016 and max(years) >= 2025
    assert any(not d.number for d in docs)  # blank number of an unsigned copy
    numbered = [(d.number, d.issuer) for d in docs if d.number]
    assert len(numbered) == len(set(numbered))
    assert all(re.fullmatch(r"\d+-[A-ZĐa-z]+/ĐU", d.number) for d in docs if d.number)


def test_text_is_reshuffled_seed_prose_with_seed_like_headings(content):
    seed = read_seed_text(DEFAULT_SEEDS)
    sentences = set(seed.sentences) | set(seed.paragraphs) | set(seed.bullets)
    doc = content.documents[0]
    assert re.search(r"^## I\. ", doc.body, re.M) and re.search(r"^### 1\. ", doc.body, re.M)
    assert sum(1 for s in sentences if s in doc.body) >= 5
    sizes = sorted(len(d.body.encode()) for d in content.documents)
    assert 6_000 < sizes[len(sizes) // 2] < 20_000
    cites = find_citations(doc.body)
    assert cites and cites[0].date is not None and cites[0].issuer


def test_missing_seeds_fail_with_a_clear_message(tmp_path, capsys):
    with pytest.raises(SeedsNotFound):
        generate_corpus(str(tmp_path / "out"), 3, seeds_dir=str(tmp_path / "nowhere"))
    assert main([str(tmp_path / "out"), "3", "--seeds", str(tmp_path / "nowhere")]) == 2
    assert "--seeds" in capsys.readouterr().err
