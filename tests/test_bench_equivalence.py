"""The speed-ups the benchmark led to give the same answers as the plain definitions.

Checked on a synthetic corpus, where popular directives are cited by many
documents and ties are common: related documents, "cited by" lists, and the
front matter parsed once with libyaml against the pure-Python parser.
"""

from __future__ import annotations

import os
from collections import Counter

import pytest
import yaml

from directive_portal.bench.corpus import generate_corpus
from directive_portal.content import document_files, load_content
from directive_portal.frontmatter import _compose_and_load, _Loader, split_front_matter
from directive_portal.graph import build_graph
from directive_portal.pages import build_site


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


def test_related_documents_match_the_definition(corpus):
    _folder, _content, graph = corpus
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
        node, data = _compose_and_load(front)
        slow_node = yaml.compose(front, Loader=_Loader)
        assert data == yaml.load(front, Loader=_Loader)
        assert [(k.value, k.start_mark.line) for k, _v in node.value] == \
               [(k.value, k.start_mark.line) for k, _v in slow_node.value]
