"""The build benchmark: the portal against plain Material at 1,000, 5,000 and 10,000 documents.

    python -m benchmarks.build [--sizes 1000,5000,10000] [--quick] [--write-report]

For each size: generate the corpus (cached in the work folder), then, back to
back, build it with plain Material (the baseline: same Markdown, theme and
extensions, Material's own search, no portal plugin, navigation listing no
document) and with the portal's mkdocs.yml, each in a child process (wall
time, peak memory, time by plugin event and by MkDocs phase); time the portal's
pure stages in this process; measure the output; and time a rebuild under
`mkdocs serve` after one document is edited. Prints the report; with
`--write-report` it also replaces the figures in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from importlib import metadata

import yaml

from directive_portal.incremental import FOLDER

from . import incremental, measure, report
from .corpus import DEFAULT_SEEDS, REPO_ROOT, generate_corpus

DOCUMENTS_NAV = [{"Trang chủ": "index.md"}, {"Chủ đề": "chu-de/index.md"}, {"Văn bản": "van-ban/index.md"},
                 {"Văn bản dẫn chiếu": "van-ban-dan-chieu/index.md"}]
GENERATOR_FILES = ("corpus.py", "pools.py", "seedtext.py")


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without importing what `!!python/name:` tags name."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _repo_plugins() -> list:
    with open(os.path.join(REPO_ROOT, "mkdocs.yml"), encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_AnyTagLoader).get("plugins") or []


def write_configs(folder: str, content_dir: str) -> tuple[str, str]:
    """Two configs inheriting the repo's mkdocs.yml: the portal's, and plain Material's."""
    portal = {"INHERIT": os.path.join(REPO_ROOT, "mkdocs.yml"), "docs_dir": content_dir,
              "site_dir": os.path.join(folder, "site-portal"),
              "theme": {"custom_dir": os.path.join(REPO_ROOT, "overrides")}, "nav": DOCUMENTS_NAV}
    empty = os.path.join(folder, "no-overrides")
    os.makedirs(empty, exist_ok=True)
    baseline = {"INHERIT": os.path.join(REPO_ROOT, "mkdocs.yml"), "docs_dir": content_dir,
                "site_dir": os.path.join(folder, "site-baseline"), "theme": {"custom_dir": empty},
                "nav": [{"Trang chủ": "index.md"}], "plugins": ["search"],
                "validation": {"nav": {"omitted_files": "ignore"}}}
    paths = []
    for name, config in (("portal.yml", portal), ("baseline.yml", baseline)):
        path = os.path.join(folder, name)
        with open(path, "w", encoding="utf-8") as handle:
            yaml.safe_dump(config, handle, allow_unicode=True, sort_keys=False)
        paths.append(path)
    return paths[0], paths[1]


def _generator_version() -> str:
    import hashlib

    digest = hashlib.sha1()
    for name in GENERATOR_FILES:
        with open(os.path.join(os.path.dirname(__file__), name), "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()[:12]


def prepare_corpus(folder: str, n: int, seed: int, seeds_dir: str) -> tuple[str, float]:
    """The corpus of `n` documents in `folder/content`, regenerated when the generator changed."""
    content = os.path.join(folder, "content")
    marker = os.path.join(folder, "corpus.txt")
    stamp = f"{n} {seed} {_generator_version()}"
    if os.path.exists(marker) and open(marker, encoding="utf-8").read() == stamp:
        return content, 0.0
    shutil.rmtree(content, ignore_errors=True)
    start = time.perf_counter()
    generate_corpus(content, n, seed, seeds_dir)
    # Anything else the real content folder holds (stylesheets, images) is shared as is.
    for name in os.listdir(os.path.join(REPO_ROOT, "content")):
        source = os.path.join(REPO_ROOT, "content", name)
        if os.path.isdir(source) and name != "van-ban":
            shutil.copytree(source, os.path.join(content, name), dirs_exist_ok=True)
    elapsed = time.perf_counter() - start
    with open(marker, "w", encoding="utf-8") as handle:
        handle.write(stamp)
    return content, round(elapsed, 2)


def _edited_document(content_dir: str) -> str:
    from directive_portal.content import document_files

    files = document_files(content_dir)
    return os.path.join(content_dir, files[len(files) // 2])


def bench_size(n: int, work: str, seed: int, seeds_dir: str, repeats: int, serve: tuple[str, ...], say,
               dirty: bool = False, check: bool = True) -> dict:
    folder = os.path.join(work, f"n{n}")
    os.makedirs(folder, exist_ok=True)
    content, generated = prepare_corpus(folder, n, seed, seeds_dir)
    say(f"{n} văn bản: bộ dữ liệu sẵn sàng ({generated} s)")
    portal_cfg, baseline_cfg = write_configs(folder, content)
    runs: dict[str, list[measure.BuildRun]] = {"baseline": [], "portal": []}
    for index in range(repeats):
        for kind, config in (("baseline", baseline_cfg), ("portal", portal_cfg)):
            site = os.path.join(folder, f"site-{kind}")
            measure.remove(site)
            measure.remove(os.path.join(folder, FOLDER))  # full builds start cold: no build cache
            run = measure.run_build(config, os.path.join(folder, f"{kind}-{index}.json"),
                                    os.path.join(folder, f"{kind}-{index}.log"))
            if run.returncode != 0:
                raise RuntimeError(f"{kind} build of {n} documents failed: see {folder}/{kind}-{index}.log")
            runs[kind].append(run)
            say(f"{n} văn bản: {kind} lần {index + 1}: {run.wall:.1f} s ({run.cpu:.1f} s CPU), {run.peak_rss_mb:.0f} MB "
                f"({run.peak_total_mb:.0f} MB mọi tiến trình)")
    result = {
        "n": n,
        "corpus_bytes": sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(content) for f in fs),
        "runs": {kind: [measure.as_dict(r) for r in items] for kind, items in runs.items()},
        "wall": {kind: statistics.median(r.wall for r in items) for kind, items in runs.items()},
        "cpu": {kind: statistics.median(r.cpu for r in items) for kind, items in runs.items()},
        "peak_rss_mb": {kind: max(r.peak_rss_mb for r in items) for kind, items in runs.items()},
        "peak_total_mb": {kind: max(r.peak_total_mb for r in items) for kind, items in runs.items()},
        "output": {kind: measure.as_dict(measure.output_size(os.path.join(folder, f"site-{kind}")))
                   for kind in runs},
        "stages": measure.stage_times(content, repeats=max(1, repeats)),
    }
    say(f"{n} văn bản: các bước của cổng {result['stages']}")
    if dirty:  # a full build again, with the build cache the last one left: every build after the first
        warm = measure.run_build(portal_cfg, os.path.join(folder, "portal-warm.json"),
                                 os.path.join(folder, "portal-warm.log"))
        if warm.returncode != 0:
            raise RuntimeError(f"portal build of {n} documents with its cache failed: see {folder}/portal-warm.log")
        result["warm"] = measure.as_dict(warm)
        say(f"{n} văn bản: portal, bộ nhớ đệm sẵn: {warm.wall:.1f} s ({warm.cpu:.1f} s CPU)")
        result["dirty"] = incremental.measure_dirty_runs(portal_cfg, _edited_document(content), folder, check,
                                                         repeats)
        d = result["dirty"]
        say(f"{n} văn bản: mkdocs build --dirty sau khi sửa một văn bản: {d['wall']:.1f} s "
            f"({d['pages_rewritten']} trang viết lại; giống hệt bản dựng đầy đủ: {d.get('identical', 'không kiểm')})")
    for mode in serve:
        key = "serve" if mode == "full" else f"serve_{mode}"
        result[key] = measure.serve_rebuild(portal_cfg, _edited_document(content), edits=2,
                                            timeout=max(120.0, n * 0.2), dirty=mode == "dirty")
        say(f"{n} văn bản: mkdocs serve ({mode}) dựng lại sau khi sửa một văn bản: {result[key]['rebuild']} s")
    return result


def machine() -> dict:
    with open("/proc/meminfo", encoding="utf-8") as handle:
        mem_kb = int(next(line for line in handle if line.startswith("MemTotal")).split()[1])
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), cpu)
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "cpu": cpu, "memory_gb": round(mem_kb / 1024 / 1024, 1),
            "python": platform.python_version(), "mkdocs": metadata.version("mkdocs"),
            "material": metadata.version("mkdocs-material"), "system": platform.platform(),
            "load_average": [round(x, 2) for x in os.getloadavg()]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.build",
                                     description="Đo thời gian, bộ nhớ và dung lượng khi dựng cổng với nhiều văn bản.")
    parser.add_argument("--sizes", default="1000,5000,10000", help="số văn bản, cách nhau bởi dấu phẩy")
    parser.add_argument("--quick", action="store_true", help="chạy nhanh (200 văn bản, 1 lần) để thử trong CI")
    parser.add_argument("--repeats", type=int, default=1, help="số lần dựng mỗi cỡ (lấy trung vị)")
    parser.add_argument("--serve-sizes", default="", help="cỡ đo dựng lại trong mkdocs serve (mặc định: mọi cỡ)")
    parser.add_argument("--serve-modes", default="full",
                        help="full (mkdocs serve) và/hoặc dirty (mkdocs serve --dirty), cách nhau bởi dấu phẩy")
    parser.add_argument("--dirty-sizes", default="",
                        help="cỡ đo mkdocs build --dirty sau khi sửa một văn bản (mặc định: mọi cỡ)")
    parser.add_argument("--no-identity-check", action="store_true",
                        help="không dựng đầy đủ lần nữa để so từng byte với bản --dirty")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--seeds", default=DEFAULT_SEEDS, help="thư mục văn bản mẫu")
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "directive-portal-bench"),
                        help="thư mục làm việc (bộ dữ liệu, trang dựng ra)")
    parser.add_argument("--json", default="", help="ghi kết quả thô vào tệp JSON này")
    parser.add_argument("--write-report", action="store_true", help="ghi số liệu vào BENCHMARKS.md")
    args = parser.parse_args(argv)
    sizes = [200] if args.quick and args.sizes == parser.get_default("sizes") else \
        [int(s) for s in args.sizes.split(",") if s.strip()]
    serve_sizes = set(sizes) if not args.serve_sizes else {int(s) for s in args.serve_sizes.split(",") if s.strip()}
    dirty_sizes = set(sizes) if not args.dirty_sizes else {int(s) for s in args.dirty_sizes.split(",") if s.strip()}

    def say(text: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)

    started = time.time()
    results = {"machine": machine(), "command": "python -m benchmarks.build " + " ".join(argv or sys.argv[1:]),
               "sizes": []}
    for n in sizes:
        modes = tuple(m.strip() for m in args.serve_modes.split(",") if m.strip()) if n in serve_sizes else ()
        results["sizes"].append(bench_size(n, args.work, args.seed, args.seeds, args.repeats, modes, say,
                                           n in dirty_sizes, not args.no_identity_check))
    results["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    results["minutes"] = round((time.time() - started) / 60, 1)
    text = report.render(results)
    print(text)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(results, handle, indent=1, ensure_ascii=False)
    if args.write_report:
        report.update_file(os.path.join(REPO_ROOT, "BENCHMARKS.md"), text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
