"""The other engines of the search benchmark, on the same built pages: Material's own
search (lunr, its `search` plugin) and stock Pagefind. See `bench/search.py`."""

from __future__ import annotations

import os
import shutil
import time

from .search import QUERIES, sum_sizes, phone_page, tree_size

# Material reads the query on keyup; the list is re-rendered once the worker answers.
WAIT_MATERIAL = """async (q) => {
  const input = document.querySelector('.md-search__input');
  const result = document.querySelector('.md-search-result');
  input.value = q;
  const t0 = performance.now();
  await new Promise(resolve => {
    const o = new MutationObserver(() => { o.disconnect(); resolve(); });
    o.observe(result, { childList: true, subtree: true, characterData: true });
    setTimeout(resolve, 20000);
    input.dispatchEvent(new KeyboardEvent('keyup', { key: q.slice(-1), bubbles: true }));
  });
  const ms = performance.now() - t0;
  await new Promise(r => setTimeout(r, 100));
  return [ms, document.querySelectorAll('.md-search-result__item').length,
          document.querySelector('.md-search-result__meta').textContent.trim(),
          (document.querySelector('.md-search-result__item h1, .md-search-result__item h2') || {}).textContent || ''];
}"""


def measure_material(browser, site_dir: str) -> dict:
    with phone_page(browser, site_dir) as (page, base, sizes, fetched):
        start = time.perf_counter()
        page.goto(base)
        runs = []
        page.click("label[for=__search]")
        page.wait_for_function("() => !/khởi tạo|Initializing/i.test("
                               "document.querySelector('.md-search-result__meta').textContent)", timeout=900_000)
        load_ms = (time.perf_counter() - start) * 1000  # page load until the index is ready
        for query in QUERIES:
            before = len(fetched)
            latency, count, meta, top = page.evaluate(WAIT_MATERIAL, query)
            runs.append({"query": query, "ms": round(latency, 1), "results": count, "meta": meta, "top": top.strip(),
                         "bytes": sum_sizes(sizes, fetched[before:])})
        search = [u for u in fetched if "search" in u or "lunr" in u]
    total = sum_sizes(sizes, search)
    return {"search_files": total, "load_ms": round(load_ms), "runs": runs,
            "index": sizes.of(base + "search/search_index.json")}


_PAGEFIND = """async (q) => {
  if (!window.pf) { window.pf = await import('/pagefind/pagefind.js'); await window.pf.init(); }
  const t0 = performance.now();
  const found = await window.pf.search(q);
  const top = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
  return [performance.now() - t0, found.results.length, top.length ? top[0].meta.title || '' : ''];
}"""


def measure_pagefind(browser, site_dir: str, work: str) -> dict:
    """Stock Pagefind (PyPI `pagefind[bin]`) over the same built pages, full text, queried
    through its JS API with the top 10 results' data loaded, as its UI does."""
    import subprocess
    import sys

    copy = os.path.join(work, "site-pagefind")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site_dir, copy)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", copy,
                    "--root-selector", "article.md-content__inner"], check=True, capture_output=True)
    index_s = time.perf_counter() - start
    with phone_page(browser, copy) as (page, base, sizes, fetched):
        page.goto(base)
        loaded = len(fetched)
        runs = []
        for query in QUERIES:
            before = len(fetched)
            latency, count, top = page.evaluate(_PAGEFIND, query)
            runs.append({"query": query, "ms": round(latency, 1), "results": count, "top": top,
                         "bytes": sum_sizes(sizes, [u for u in fetched[before:] if "/pagefind/" in u])})
    return {"index_s": round(index_s, 1), "index": tree_size(os.path.join(copy, "pagefind")),
            "page_load": sum_sizes(sizes, [u for u in fetched[:loaded] if "/pagefind/" in u]), "runs": runs}
