"""The speed-ups the benchmark led to give the same answers as the plain definitions.

Checked on a synthetic corpus, where popular directives are cited by many
documents and ties are common: related documents, "cited by" lists, and the
front matter parsed once with libyaml against the pure-Python parser.
"""

from __future__ import annotations

import itertools
import os
import random
import unicodedata
from collections import Counter

import pytest
import yaml

from benchmarks.corpus import DEFAULT_SEEDS, generate_corpus
from directive_portal.content import document_files, load_content
from directive_portal.frontmatter import split_by_lines, split_front_matter
from directive_portal.yaml_fields import PlainLoader, compose_and_load
from directive_portal import graph as graph_module
from directive_portal.graph import build_graph
from directive_portal.pages import build_site
from directive_portal.references import CITATION, citation_matches
from directive_portal.text import fold


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = str(tmp_path_factory.mktemp("corpus"))
    generate_corpus(folder, 150, seed=3)
    content = load_content(folder)
    assert not content.errors
    graph = build_graph(content.documents)
    return folder, content, graph


def _related_by_definition(graph, path, limit=8):
    shared = Counter()
    for key, _relation in graph.outgoing.get(path, ()):
        for other, _ in graph.incoming.get(key, ()):
            if other != path:
                shared[other] += 1
    ranked = sorted(shared, key=lambda p: (-shared[p], tuple(-x for x in graph.documents[p].sort_key()[0]), p))
    return ranked[:limit]


@pytest.mark.parametrize("popular", [64, 3, 0])
def test_related_documents_match_the_definition(corpus, popular, monkeypatch):
    """With the real threshold, and with low ones, so that the popular-key paths (levels
    of combinations, and direct counting past four popular keys) are all taken."""
    _folder, content, _graph = corpus
    monkeypatch.setattr(graph_module, "_POPULAR", popular)
    graph = build_graph(content.documents)
    ties = 0
    for path in graph.documents:
        expected = _related_by_definition(graph, path)
        assert [d.path for d in graph.related(path)] == expected
        ties += len(expected) == 8
    assert ties > 50  # most documents have more candidates than places: the ranking matters


def test_cited_by_lists_match_the_definition(corpus):
    _folder, content, graph = corpus
    site = build_site(graph, list(content.topics))
    checked = 0
    for path, view in site.documents.items():
        expected = []
        for cited in graph.cited.values():
            if cited.published == path:
                incoming = dict(graph.incoming.get(cited.key, ()))
                expected += [(d.url, incoming.get(d.path, "")) for d in graph.citing(cited.key)]
        assert [(item.url, item.relation) for item in view.cited_by] == expected
        checked += bool(expected)
    assert checked > 30


def test_front_matter_parsed_once_equals_the_pure_python_parser(corpus):
    folder, _content, _graph = corpus
    for rel in document_files(folder):
        with open(os.path.join(folder, rel), encoding="utf-8") as handle:
            front, _body, _line = split_front_matter(handle.read())
        node, data = compose_and_load(front)
        slow_node = yaml.compose(front, Loader=PlainLoader)
        assert data == yaml.load(front, Loader=PlainLoader)
        assert [(k.value, k.start_mark.line) for k, _v in node.value] == \
               [(k.value, k.start_mark.line) for k, _v in slow_node.value]


def test_citations_found_from_number_runs_equal_the_plain_scan(corpus):
    """`find_citations` tries its pattern only at numbers: same matches as trying it everywhere."""
    _folder, content, _graph = corpus
    texts = [d.body for d in content.documents]
    texts += [open(os.path.join(DEFAULT_SEEDS, name), encoding="utf-8").read() for name in sorted(os.listdir(DEFAULT_SEEDS))]
    texts += ["Chỉ thị số 53-\nCT/TW, Chỉ thị số12345-CT/TW, xChỉ thị 05-CT/TW, 2-3/TW, ngày 26/10/2025, "
              "Luật số 39/2024/QH15; Kế hoạch  số  01 – KH/ĐU và Quyết định 7/QĐ-TU, …/van-ban/53-CT/TW",
              # A PDF extract can put a long run of white space inside the citation.
              "Kế hoạch\n" + " " * 100 + "số 5-KH/ĐU; Nghị\n\n" + " " * 150 + "quyết\n" + " " * 120 + "số\n   57-NQ/TW"]
    total = 0
    for text in texts:
        plain = [m.span() for m in CITATION.finditer(text)]
        assert [m.span() for m in citation_matches(text)] == plain
        total += len(plain)
    assert total > 500


def test_front_matter_split_without_splitting_the_body_equals_the_plain_split():
    parts = ["---", "--- ", "...", "a: 1", "", " ---", "----", "body", "---\u00a0", "x\r", "..  "]
    checked = 0
    for k in range(5):
        for combo in itertools.product(parts, repeat=k):
            for end in ("", "\n"):
                text = "\n".join(combo) + end
                assert split_front_matter(text) == split_by_lines(text), repr(text)
                checked += 1
    assert checked > 30000


def test_fold_by_translation_equals_the_character_loop():
    def plain(text):
        text = text.replace("đ", "d").replace("Đ", "D")
        decomposed = unicodedata.normalize("NFD", text)
        return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn")).lower()

    words = [w for name in sorted(os.listdir(DEFAULT_SEEDS))
             for w in open(os.path.join(DEFAULT_SEEDS, name), encoding="utf-8").read().split()]
    rnd = random.Random(7)
    words += ["".join(chr(rnd.randrange(0x20, 0x20000)) for _ in range(6)) for _ in range(5000)]
    words += ["x\U0001D167y", "ǅ", "a\u0301\u0302", "ĐẢNG ỦY"]
    assert [fold(w) for w in words] == [plain(w) for w in words]
