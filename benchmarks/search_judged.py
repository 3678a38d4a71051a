"""Recall@3 and MRR of three engines on the judged queries, on the same site.

    python -m benchmarks.search_judged [--work DIR] [--out benchmarks/search-judged.json]

The site is the real content/ plus tests/fixtures/search/van-ban (`bench.judged.judged_content`),
built with the repository's mkdocs.yml: the portal's search answers under node
(`bench.judged.evaluate_portal`); Material's own search (lunr) answers in headless
Chromium on a second build with its `search` plugin put back, through its search box;
stock Pagefind (`pip install 'pagefind[bin]'`, not a project dependency) indexes the
first build's pages and answers through its JS API. Each engine's first results are
scored against the pages judged.yml expects.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

from .judged import evaluate_portal, judged_content, load_judged, score
from .search import phone_page
from .search_engines import WAIT_MATERIAL
from .sitebuild import REPO_ROOT, build, write_config
from .static_server import CHROMIUM, CHROMIUM_ARGS

_PAGEFIND_URLS = """async (q) => {
  if (!window.pf) { window.pf = await import('/pagefind/pagefind.js'); await window.pf.init(); }
  const found = await window.pf.search(q);
  const top = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
  return top.map(d => d.url);
}"""

_MATERIAL_URLS = """() => Array.from(document.querySelectorAll('.md-search-result__link')).map(a => a.href)"""


def _relative(base: str, urls: list[str]) -> list[str]:
    out: list[str] = []
    for url in urls:
        path = url.split("#")[0].split("?")[0]
        path = path[len(base):] if path.startswith(base) else path.lstrip("/")
        path = path.removesuffix("index.html")
        if path not in out:
            out.append(path)
    return out


def ranked_material(browser, site_dir: str, queries: list[str]) -> list[list[str]]:
    with phone_page(browser, site_dir) as (page, base, _sizes, _fetched):
        page.goto(base)
        page.click("label[for=__search]")
        page.wait_for_function("() => !/khởi tạo|Initializing/i.test("
                               "document.querySelector('.md-search-result__meta').textContent)", timeout=300_000)
        answers = []
        for query in queries:
            page.evaluate(WAIT_MATERIAL, query)
            answers.append(_relative(base, page.evaluate(_MATERIAL_URLS)))
    return answers


def ranked_pagefind(browser, site_dir: str, queries: list[str]) -> list[list[str]]:
    subprocess.run([sys.executable, "-m", "pagefind", "--site", site_dir, "--root-selector", "article.md-content__inner"],
                   check=True, capture_output=True)
    with phone_page(browser, site_dir) as (page, base, _sizes, _fetched):
        page.goto(base)
        return [_relative(base, page.evaluate(_PAGEFIND_URLS, q)) for q in queries]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", default="")
    parser.add_argument("--out", default=os.path.join(REPO_ROOT, "benchmarks", "search-judged.json"))
    args = parser.parse_args(argv)
    work = args.work or tempfile.mkdtemp(prefix="search-judged-")
    content = judged_content(os.path.join(work, "content"))
    sites = {}
    for name, material in (("ours", False), ("material", True)):
        sites[name] = os.path.join(work, f"site-{name}")
        build(write_config(os.path.join(work, f"mkdocs-{name}.yml"), content, sites[name], material_search=material))
    judged = load_judged()
    queries = [j.query for j in judged]
    ours, answers = evaluate_portal(sites["ours"], judged)
    ranked = {"ours": [a["urls"] for a in answers]}
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        ranked["material"] = ranked_material(browser, sites["material"], queries)
        ranked["pagefind"] = ranked_pagefind(browser, sites["ours"], queries)
        browser.close()
    report = {"queries": len(judged), "engines": {}}
    for name, lists in ranked.items():
        result = score(judged, lists)
        report["engines"][name] = {"recall_at_3": round(result.recall_at_3, 3), "mrr": round(result.mrr, 3),
                                   "misses": [[q, list(top)] for q, top in result.misses],
                                   "answers": {q: urls[:5] for q, urls in zip(queries, lists)}}
        print(f"{name}: recall@3 {result.recall_at_3:.3f}  MRR {result.mrr:.3f}  misses {len(result.misses)}")
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(report, handle, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
