"""Build a throwaway site from another content folder with the repo's mkdocs.yml.

Used by the tests and the benchmarks (search, page weight): the same configuration,
templates and plugins as the real site, only `docs_dir` and `site_dir` change
(and, for the benchmark's comparison, Material's own search plugin put back).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def content_with_documents(target: str, documents_dir: str) -> str:
    """Copy the repo's `content/` pages (not its documents) and `documents_dir` as `van-ban/`."""
    source = os.path.join(REPO_ROOT, "content")
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("van-ban"), dirs_exist_ok=True)
    shutil.copytree(documents_dir, os.path.join(target, "van-ban"), dirs_exist_ok=True)
    return target


def write_config(path: str, docs_dir: str, site_dir: str, material_search: bool = False) -> str:
    with open(os.path.join(REPO_ROOT, "mkdocs.yml"), encoding="utf-8") as handle:
        text = handle.read()
    text = re.sub(r"(?m)^docs_dir: .*$", f"docs_dir: {docs_dir}", text)
    text = re.sub(r"(?m)^site_dir: .*$", f"site_dir: {site_dir}", text)
    overrides = os.path.join(REPO_ROOT, "overrides")
    if material_search:
        # Material's search needs Material's header: drop the portal's search box.
        text = text.replace("  - directive-portal\n", "  - directive-portal\n  - search\n", 1)
        copy = os.path.join(os.path.dirname(os.path.abspath(path)), "overrides-material-search")
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(overrides, copy)
        for name in ("header.html", "search.html"):
            os.remove(os.path.join(copy, "partials", name))
        overrides = copy
    text = re.sub(r"(?m)^(\s+custom_dir: )(.*)$", lambda m: m[1] + overrides, text)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def build(config_path: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` with that configuration; raises with the log on failure."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config_path],
                            capture_output=True, text=True, cwd=REPO_ROOT)
    if result.returncode:
        raise RuntimeError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return result
