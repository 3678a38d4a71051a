"""Search benchmark: bytes a phone downloads per query, latency, index build time and size.

    python -m benchmarks.search [--docs N] [--out benchmarks/search.json]

Generates N documents (`bench.corpus.generate_corpus`, seed 0), builds the site
twice with the repo's mkdocs.yml (as is, and with Material's `search` plugin
put back), serves each on localhost and drives headless Chromium at 360x800
with an empty cache: it types the queries below and records every file
fetched. Bytes are counted as a static host with gzip would send them (each
file gzipped at level 6, as nginx's default gzip_comp_level 6 / GitHub Pages do).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import statistics
import tempfile
import time
from contextlib import contextmanager
from urllib.parse import unquote, urlparse

from .sitebuild import REPO_ROOT, build, write_config
from .corpus import DEFAULT_SEEDS, generate_corpus
from .static_server import CHROMIUM, CHROMIUM_ARGS
from .static_server import serve_plain as serve

QUERIES = [
    "trach nhiem giai trinh", "chuyen doi so", "chi thi 53", "53-CT/TW", "CT 53",
    "chính quyền địa phương hai cấp", "van hoa", "nghị quyết 57", "an ninh trat tu",
    "binh dan hoc vu so", "xây dựng Đảng", "80/NQ-TW",
    "le duc toan", "thuong truc hdnd", "trach nhiem giai trih", '"van minh do thi"',
]
class Sizes:
    """Raw and gzip size of each fetched file of a site (from disk, cached)."""

    def __init__(self, site_dir: str, base: str) -> None:
        self.site_dir, self.base, self.cache = site_dir, base, {}

    def of(self, url: str) -> tuple[int, int]:
        path = unquote(urlparse(url).path).lstrip("/")
        full = os.path.join(self.site_dir, path)
        if os.path.isdir(full):
            full = os.path.join(full, "index.html")
        if full not in self.cache:
            if not os.path.isfile(full):
                self.cache[full] = (0, 0)
            else:
                with open(full, "rb") as handle:
                    data = handle.read()
                self.cache[full] = (len(data), len(gzip.compress(data, 6)))
        return self.cache[full]


def sum_sizes(sizes: Sizes, urls: list[str]) -> dict:
    raw = gz = 0
    for url in urls:
        r, g = sizes.of(url)
        raw, gz = raw + r, gz + g
    return {"files": len(urls), "raw": raw, "gzip": gz}


_WAIT_PAGE = """async (q) => {
  const form = document.querySelector('form[data-portal-search-page]');
  const out = document.getElementById('portal-search-output');
  form.elements.q.value = q;
  const t0 = performance.now();
  form.requestSubmit();
  const until = (done) => new Promise(resolve => {
    if (done()) return resolve();
    new MutationObserver((m, o) => { if (done()) { o.disconnect(); resolve(); } })
      .observe(out, { attributes: true });
  });
  await until(() => out.dataset.state === 'done' && out.dataset.query === q);  // the results are shown
  const ms = performance.now() - t0;
  await until(() => out.dataset.sentences === 'done');  // then the sentences of the first three (their bytes count too)
  const top = out.querySelector('.portal-result__title');
  return [ms, out.querySelectorAll('.portal-result').length, top ? top.textContent : ''];
}"""


@contextmanager
def phone_page(browser, site_dir: str):
    """A 360 px wide browser page on `site_dir` served locally: (page, base URL, file sizes,
    the list of every URL the page requests, growing as it requests them)."""
    server, base = serve(site_dir)
    context = browser.new_context(viewport={"width": 360, "height": 800})
    fetched: list[str] = []
    try:
        page = context.new_page()
        page.on("request", lambda r: fetched.append(r.url))
        yield page, base, Sizes(site_dir, base), fetched
    finally:
        context.close()
        server.shutdown()


def measure_ours(browser, site_dir: str) -> dict:
    search_urls = lambda urls: [u for u in urls if "/search/" in u or "/assets/search/" in u]
    with phone_page(browser, site_dir) as (page, base, sizes, fetched):
        page.goto(base + "tim-kiem/")
        page.wait_for_selector("#portal-search-output[data-state=done]")
        on_load = search_urls(fetched)
        runs = []
        for query in QUERIES:
            before = len(fetched)
            latency, count, top = page.evaluate(_WAIT_PAGE, query)
            runs.append({"query": query, "ms": round(latency, 1), "results": count, "top": top,
                         "bytes": sum_sizes(sizes, search_urls(fetched[before:]))})
        outside = [u for u in fetched if not u.startswith(base)]
    first = sum_sizes(sizes, on_load)
    first_query = {k: first[k] + runs[0]["bytes"][k] for k in first}
    return {"page_load": first, "first_query": first_query, "runs": runs, "outside_requests": outside}


def tree_size(folder: str) -> dict:
    raw = gz = files = 0
    for root, _dirs, names in os.walk(folder):
        for name in names:
            with open(os.path.join(root, name), "rb") as handle:
                data = handle.read()
            raw, gz, files = raw + len(data), gz + len(gzip.compress(data, 6)), files + 1
    return {"files": files, "raw": raw, "gzip": gz}


def index_time(content_dir: str) -> dict:
    """Time of the search writer's own work, apart from the rest of the build."""
    from directive_portal.pipeline import build
    from directive_portal.search.entries import entries
    from directive_portal.search.index import build_index

    built = build(content_dir)
    site, content = built.site, built.content
    start = time.perf_counter()
    found = entries(site)
    build_index(found, list(content.topics), full_text=False)
    default = time.perf_counter() - start
    start = time.perf_counter()
    build_index(found, list(content.topics), full_text=True)
    return {"default_s": round(default, 2), "with_full_text_s": round(time.perf_counter() - start, 2)}


def rewrite_search(content_dir: str, site_dir: str) -> None:
    """What the build's search writer and asset copy do, without rebuilding every page."""
    from directive_portal.pipeline import build
    from directive_portal.search import write

    write(build(content_dir).site, site_dir, None)
    assets = os.path.join(site_dir, "assets", "search")
    shutil.rmtree(assets, ignore_errors=True)
    shutil.copytree(os.path.join(REPO_ROOT, "overrides", "assets", "search"), assets)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--out", default=os.path.join(REPO_ROOT, "benchmarks", "search.json"))
    parser.add_argument("--work", default="", help="working folder (default: a temporary one)")
    parser.add_argument("--skip-material", action="store_true")
    parser.add_argument("--seeds", default=DEFAULT_SEEDS, help="the seed documents of the corpus")
    parser.add_argument("--pagefind", action="store_true", help="also measure stock Pagefind (pip install 'pagefind[bin]')")
    parser.add_argument("--index-only", action="store_true",
                        help="build the pages of the real content/ only, then write the N-document index into that "
                             "site: search bytes and latency without building N pages (no Material, no page weights)")
    parser.add_argument("--measure-only", action="store_true",
                        help="reuse the sites built in --work: rewrite only the search index and assets, then measure")
    args = parser.parse_args(argv)
    work = args.work or tempfile.mkdtemp(prefix="search-bench-")
    content = os.path.join(work, "content")
    if not os.path.isdir(content):  # a corpus is reused only once complete
        generate_corpus(content + ".part", args.docs, seed=0, seeds_dir=args.seeds)
        os.rename(content + ".part", content)
    for name in ("tim-kiem.md", "huong-dan-bien-tap.md"):
        shutil.copy(os.path.join(REPO_ROOT, "content", name), os.path.join(content, name))
    report: dict = {"docs": args.docs, "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                    f"Python {platform.python_version()}", "queries": QUERIES}
    def save() -> None:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w", encoding="utf-8") as handle:
            json.dump(report, handle, ensure_ascii=False, indent=1)

    builds = {"ours": False, "material": True} if not args.skip_material else {"ours": False}
    if args.index_only:
        site = os.path.join(work, "site-ours")
        build(write_config(os.path.join(work, "mkdocs-ours.yml"), os.path.join(REPO_ROOT, "content"), site))
        start = time.perf_counter()
        rewrite_search(content, site)
        report["rewrite_search_s"] = round(time.perf_counter() - start, 1)
        builds = {}
    elif args.measure_only:
        previous = json.load(open(args.out, encoding="utf-8")) if os.path.exists(args.out) else {}
        report.update({k: v for k, v in previous.items() if k.startswith("build_")})
        rewrite_search(content, os.path.join(work, "site-ours"))
        builds = {}
    for name, material in builds.items():
        config = write_config(os.path.join(work, f"mkdocs-{name}.yml"), content,
                              os.path.join(work, f"site-{name}"), material_search=material)
        start = time.perf_counter()
        build(config)
        report[f"build_{name}_s"] = round(time.perf_counter() - start, 1)
        print(f"built {name} in {report[f'build_{name}_s']} s", flush=True)
        save()
    if not args.index_only:
        report["index_time"] = index_time(content)
    ours = os.path.join(work, "site-ours", "search")
    root = json.load(open(os.path.join(ours, "meta.json")))["root"]
    report["index_size"] = {part: tree_size(os.path.join(ours, root, part)) for part in ("p", "f", "r", "v", "t")
                            if os.path.isdir(os.path.join(ours, root, part))}
    report["index_size"]["meta+facets"] = tree_size(ours)["gzip"] - sum(v["gzip"] for v in report["index_size"].values())

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        report["ours"] = measure_ours(browser, os.path.join(work, "site-ours"))
        save()
        from .search_engines import measure_material, measure_pagefind

        if args.pagefind:
            report["pagefind"] = measure_pagefind(browser, os.path.join(work, "site-ours"), work)
            save()
        if not args.skip_material and os.path.isdir(os.path.join(work, "site-material")):
            report["material"] = measure_material(browser, os.path.join(work, "site-material"))
            save()
        browser.close()
    print(summary(report))
    return 0


def summary(report: dict) -> str:
    lines = [f"{report['docs']} documents"]
    for key in ("ours",):
        data = report.get(key)
        if not data:
            continue
        nexts = [r["bytes"]["gzip"] for r in data["runs"][1:]]
        ms = [r["ms"] for r in data["runs"]]
        lines.append(f"{key}: first query {data['first_query']['gzip'] / 1000:.0f} KB gz, next median "
                     f"{statistics.median(nexts) / 1000:.0f} KB max {max(nexts) / 1000:.0f} KB, latency median "
                     f"{statistics.median(ms):.0f} ms max {max(ms):.0f} ms, outside requests {len(data['outside_requests'])}")
    if "pagefind" in report:
        p = report["pagefind"]
        nexts = [r["bytes"]["gzip"] for r in p["runs"]]
        lines.append(f"pagefind: index {p['index']['raw'] / 1e6:.1f} MB in {p['index_s']} s, per query median "
                     f"{statistics.median(nexts) / 1000:.0f} KB max {max(nexts) / 1000:.0f} KB, first "
                     f"{p['runs'][0]['bytes']['gzip'] / 1000:.0f} KB")
    if "material" in report:
        m = report["material"]
        lines.append(f"material: search files {m['search_files']['gzip'] / 1000:.0f} KB gz "
                     f"({m['search_files']['raw'] / 1e6:.1f} MB raw), latency median "
                     f"{statistics.median(r['ms'] for r in m['runs']):.0f} ms")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
