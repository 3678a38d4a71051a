"""Tiny throwaway sites for tests: the repo's mkdocs.yml pointed at a temp content folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Callable

from benchmarks import sitebuild

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "tests" / "fixtures" / "import" / "seeds"  # the raw seed texts, kept in the repo


def eventually(condition: Callable[[], bool], timeout: float = 20.0) -> bool:
    """Whether `condition()` holds within `timeout` seconds (checked every 50 ms)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def leftovers(root: Path) -> list[str]:
    """The staging folders beside `root/site` (the lock file aside), once the old sites that
    finished builds hand to a process of their own to remove are gone (atomic.commit)."""
    eventually(lambda: not any(p.name.endswith("-old") for p in root.iterdir()))
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site") and p.name != ".site.lock")


# One letter citing two Party documents: a document page, two cited-document pages, a topic.
ONE_DOCUMENT = {
    "van-ban/2026/cong-van-1.md": """
        ---
        title: "Về chuyển đổi số"
        type: cong-van
        number: "1-CV/ĐU"
        issuer: "Ban Thường vụ Đảng ủy phường Việt Hưng"
        date: "2026-01-05"
        topics: [chuyen-doi-so]
        ---

        Tiếp tục thực hiện Chỉ thị số 53-CT/TW và Nghị quyết số 57-NQ/TW.
        """,
}


def write_config(root: Path, docs_dir: Path, site_dir: Path) -> Path:
    """`root/mkdocs.yml`: the repo's mkdocs.yml with absolute docs, overrides and site folders."""
    return Path(sitebuild.write_config(str(root / "mkdocs.yml"), str(docs_dir), str(site_dir)))


def make_site(root: Path, documents: dict[str, str], with_repo_pages: bool = True) -> Path:
    """A content folder with the repo's topic registry and pages plus `documents`.

    `documents` maps a path under `content/` to the file's text (dedented).
    Returns the path of the site's mkdocs.yml.
    """
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "content" / "topics.yml", content / "topics.yml")
    if with_repo_pages:
        for name in os.listdir(REPO / "content"):
            if name.endswith(".md"):
                shutil.copy(REPO / "content" / name, content / name)
    for rel, text in documents.items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return write_config(root, content, root / "site")


def build(config: Path, strict: bool = True) -> subprocess.CompletedProcess:
    # No `-q`: it drops warnings before MkDocs counts them, and --strict would pass them.
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(config)]
    if strict:
        args.append("--strict")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(args, cwd=config.parent, capture_output=True, text=True, env=env)
