"""Page weight on a phone: what a document page costs to load, ours against stock Material.

    python -m benchmarks.page_weight [--content content] [--out benchmarks/page-weight.md]

Builds the content twice — with this repository's mkdocs.yml (overrides and
plugin), and as stock Material would (same Markdown, no overrides, no plugin,
default theme fonts, Material's search) — serves each with gzip from the
benchmark's static server, and loads pages in headless Chromium at 360×800:

- first load: the longest document page, empty cache;
- second page: another document page right after, HTTP cache warm.

Bytes are counted by the server as they go on the wire (status line, headers,
gzip-compressed body), which includes requests made by workers; requests to
other origins (Google Fonts for stock Material) are counted by the browser
(they fail here: there is no internet, so their size is listed as unknown).
The service worker is blocked during the measurement, so the numbers are what
the HTTP cache alone gives; with it, a second visit costs less.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .sitebuild import write_config
from .static_server import CHROMIUM, CHROMIUM_ARGS, serve
BUDGET_FIRST = 150 * 1024
BUDGET_SECOND = 30 * 1024


@dataclass(frozen=True)
class Load:
    url: str
    by_kind: dict[str, int]  # kind -> bytes on the wire
    requests: int
    outside: tuple[str, ...] = field(default_factory=tuple)  # URLs of other origins

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


def _kind(path: str) -> str:
    path = path.split("?", 1)[0]
    if path.endswith("/") or path.endswith(".html"):
        return "HTML"
    for ending, kind in ((".css", "CSS"), (".js", "JS"), (".json", "search data"),
                         (".woff2", "fonts"), (".woff", "fonts"), (".ttf", "fonts"),
                         (".png", "images"), (".svg", "images"), (".ico", "images"),
                         (".xml", "sitemap (Material fetches it)")):
        if path.endswith(ending):
            return kind
    return "other"


def _stock_config(root: Path, content: Path, site_dir: Path) -> Path:
    config = root / "mkdocs-stock.yml"
    config.write_text(textwrap.dedent(f"""\
        site_name: Stock Material
        docs_dir: {content}
        site_dir: {site_dir}
        theme:
          name: material
          language: vi
        plugins:
          - search
        markdown_extensions:
          - toc:
              permalink: true
          - footnotes
          - attr_list
          - tables
        """), encoding="utf-8")
    return config


def _stock_content(content: Path, target: Path) -> Path:
    """The content without page templates of ours (`template: search-page.html`)."""
    shutil.copytree(content, target)
    for path in target.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        cleaned = re.sub(r"(?m)^template:.*\n", "", text)
        if cleaned != text:
            path.write_text(cleaned, encoding="utf-8")
    return target


def _build(config: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
                            cwd=config.parent, capture_output=True, text=True, env=env)
    if result.returncode:
        raise SystemExit(f"build failed ({config}):\n{result.stderr}")


def documents_by_size(content: Path) -> list[str]:
    """Site URLs of the documents, longest first (`van-ban/2026/x/`)."""
    files = sorted((content / "van-ban").rglob("*.md"), key=lambda p: (-p.stat().st_size, str(p)))
    return [p.relative_to(content).with_suffix("").as_posix() + "/" for p in files if p.name != "index.md"]


def _settle(page) -> None:
    page.wait_for_load_state("networkidle")
    time.sleep(1.0)  # deferred scripts, the search worker and idle-time fetches


def measure(site_dir: Path, first: str, second: str, browser) -> tuple[Load, Load]:
    served = serve(str(site_dir))
    try:
        context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True,
                                      has_touch=True, service_workers="block")
        page = context.new_page()
        outside: list[str] = []
        origin = urlsplit(served.url)[:2]
        page.on("request", lambda r: outside.append(r.url)
                if urlsplit(r.url).scheme.startswith("http") and urlsplit(r.url)[:2] != origin else None)
        loads = []
        for path in (first, second):
            served.log.clear()
            outside.clear()
            page.goto(served.url + path)
            _settle(page)
            by_kind: dict[str, int] = defaultdict(int)
            for transfer in served.log:
                by_kind[_kind(transfer.path)] += transfer.size
            loads.append(Load(path, dict(by_kind), len(served.log), tuple(outside)))
        context.close()
        return loads[0], loads[1]
    finally:
        served.stop()


def _kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def report(ours: tuple[Load, Load], stock: tuple[Load, Load], command: str, search_note: str) -> str:
    kinds = sorted({k for load in (*ours, *stock) for k in load.by_kind})
    lines = [
        "# Page weight of a document page on a phone",
        "",
        f"Command: `{command}` (builds `content/`, serves it with gzip on 127.0.0.1, loads it in headless",
        "Chromium at 360×800; bytes counted on the wire by the server: headers plus gzip bodies).",
        "",
        f"- First load: `{ours[0].url}` (the longest document), empty cache.",
        f"- Second page: `{ours[1].url}`, right after, HTTP cache warm (service worker blocked, so this is",
        "  what HTTP caching alone gives: Material's hashed assets are served `immutable`, everything else",
        "  `no-cache` and revalidated with a 304).",
        f"- Search: {search_note}",
        "",
        "| KB transferred | portal, first load | portal, second page | stock Material, first load | stock Material, second page |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind in kinds:
        lines.append(f"| {kind} | " + " | ".join(_kb(load.by_kind.get(kind, 0)) for load in (*ours, *stock)) + " |")
    lines.append("| **total** | " + " | ".join(f"**{_kb(load.total)}**" for load in (*ours, *stock)) + " |")
    lines.append("| requests to the site | " + " | ".join(str(load.requests) for load in (*ours, *stock)) + " |")
    lines.append("| requests to other origins | " + " | ".join(str(len(load.outside)) for load in (*ours, *stock)) + " |")
    lines += [
        "",
        f"Budget: first load under {BUDGET_FIRST // 1024} KB — portal {'meets it' if ours[0].total < BUDGET_FIRST else 'MISSES it'}; "
        f"second page under {BUDGET_SECOND // 1024} KB — portal {'meets it' if ours[1].total < BUDGET_SECOND else 'MISSES it'}.",
        "",
    ]
    outside = sorted({url for load in stock for url in load.outside})
    if outside:
        lines += ["Stock Material also asks other origins (not reachable here, so not in its totals; on a phone",
                  "they add Google Fonts' CSS and several font files, typically 60–100 KB more):", ""]
        lines += [f"- `{url}`" for url in outside[:10]] + [""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    repo = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", default=str(repo / "content"))
    parser.add_argument("--out", default=str(repo / "benchmarks" / "page-weight.md"))
    args = parser.parse_args(argv)
    content = Path(args.content).resolve()
    urls = documents_by_size(content)
    if len(urls) < 2:
        raise SystemExit(f"{content}: at least two documents are needed")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="page-weight-") as tmp:
        root = Path(tmp)
        (root / "ours").mkdir()
        (root / "stock").mkdir()
        (root / "ours").mkdir(parents=True, exist_ok=True)
        _build(Path(write_config(str(root / "ours" / "mkdocs.yml"), str(content), str(root / "ours" / "site"))))
        stock_content = _stock_content(content, root / "stock" / "content")
        _build(_stock_config(root / "stock", stock_content, root / "stock" / "site"))
        search_dir = repo / "overrides" / "assets" / "search"
        search_note = ("the portal's own light search (`overrides/assets/search/`), as it was when this ran; "
                       "stock Material's search worker and index" if search_dir.is_dir()
                       else "Material's search in both builds")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            ours = measure(root / "ours" / "site", urls[0], urls[1], browser)
            stock = measure(root / "stock" / "site", urls[0], urls[1], browser)
            browser.close()
    command = "python -m benchmarks.page_weight"
    text = report(ours, stock, command, search_note)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return 0 if ours[0].total < BUDGET_FIRST and ours[1].total < BUDGET_SECOND else 1


if __name__ == "__main__":
    raise SystemExit(main())
