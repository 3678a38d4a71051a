"""Judged queries: recall@3 and mean reciprocal rank of a search engine.

The queries and the pages a reader expects are in tests/fixtures/search/judged.yml.
`evaluate_portal(site_dir)` runs the portal's real engine (overrides/assets/search/
engine.js) under node over a site's `search/` folder; `score` gives the figures for
any engine's ranked answers, so Material's lunr search and Pagefind are scored alike
(`bench/search_engines.py`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass

import yaml

from .sitebuild import REPO_ROOT, content_with_documents

JUDGED = os.path.join(REPO_ROOT, "tests", "fixtures", "search", "judged.yml")
FIXTURE_DOCS = os.path.join(REPO_ROOT, "tests", "fixtures", "search", "van-ban")
ENGINE_JS = os.path.join(REPO_ROOT, "overrides", "assets", "search", "engine.js")
NODE_RUNNER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "search_node.js")
TOP = 3


@dataclass(frozen=True)
class Judged:
    query: str
    expected: tuple[str, ...]  # site-relative URLs


@dataclass(frozen=True)
class Score:
    recall_at_3: float
    mrr: float
    misses: tuple[tuple[str, tuple[str, ...]], ...]  # (query, first results) below full recall


def load_judged(path: str = JUDGED) -> list[Judged]:
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    pages = data["pages"]
    return [Judged(str(item["q"]), tuple(pages[name] for name in item["expect"])) for item in data["queries"]]


def judged_content(target: str) -> str:
    """A content folder with the real documents of content/ and the search fixtures."""
    shutil.rmtree(target, ignore_errors=True)
    content = content_with_documents(target, FIXTURE_DOCS)
    shutil.copytree(os.path.join(REPO_ROOT, "content", "van-ban"), os.path.join(content, "van-ban"), dirs_exist_ok=True)
    return content


def run_node(site_dir: str, queries: list[dict]) -> list[dict]:
    """Answers of the real engine (under node) to `queries` ([{q, opts}]) over `site_dir/search/`."""
    node = shutil.which("node") or shutil.which("nodejs")
    if not node:
        raise RuntimeError("node is not installed: the judged queries run the browser engine under node")
    done = subprocess.run([node, NODE_RUNNER, ENGINE_JS, site_dir], input=json.dumps(queries), capture_output=True,
                          text=True, check=False, timeout=300)
    if done.returncode:
        raise RuntimeError(f"search_node.js failed: {done.stderr}")
    return json.loads(done.stdout)


def evaluate_portal(site_dir: str, judged: list[Judged]) -> tuple[Score, list[dict]]:
    answers = run_node(site_dir, [{"q": j.query} for j in judged])
    return score(judged, [a["urls"] for a in answers]), answers


def score(judged: list[Judged], ranked: list[list[str]]) -> Score:
    """recall@3: of the expected pages (at most three per query), the share among the
    first three results; MRR: mean of 1 / rank of the first expected page."""
    recall = reciprocal = 0.0
    misses = []
    for item, urls in zip(judged, ranked):
        urls = [u.split("?")[0].split("#")[0] for u in urls]
        wanted = set(item.expected)
        got = len(wanted & set(urls[:TOP])) / min(len(wanted), TOP)
        recall += got
        rank = next((i for i, u in enumerate(urls, 1) if u in wanted), 0)
        reciprocal += 1 / rank if rank else 0.0
        if got < 1:
            misses.append((item.query, tuple(urls[:TOP])))
    count = max(len(judged), 1)
    return Score(recall / count, reciprocal / count, tuple(misses))
