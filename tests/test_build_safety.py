"""Safe builds: a failed build keeps the last good site; two builds of one commit are byte-identical;
every document page shows its last change and an edit link."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import sites

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "check"
GOOD = "van-ban/2025/2025-12-20-cong-van-12-cv-du-viet-hung-tuyen-truyen.md"
# The repo's mkdocs.yml leaves edit_uri unset until the ward's repository exists: set one here.
EDIT_URI = "https://git.example.org/phuong/cong-van-ban/edit/main/content/"


def write_site(root: Path) -> Path:
    """The base fixture content with the repo's pages, and the repo's mkdocs.yml pointed at it."""
    content = root / "content"
    shutil.copytree(FIXTURES / "base", content)
    for page in (REPO / "content").glob("*.md"):  # the pages the nav names
        shutil.copy(page, content / page.name)
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    text = "site_url: https://van-ban.example.org/\n" + text  # the sitemap lists pages only with a site_url
    text = f"edit_uri: {EDIT_URI}\n" + text
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    return root / "mkdocs.yml"


def build(root: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *extra], cwd=root,
                          capture_output=True, text=True, env=env)


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("atomic")
    write_site(root)
    result = build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root, tree(root / "site")


def test_a_broken_document_leaves_the_last_good_site_untouched(good_site):
    root, before = good_site
    broken = root / "content" / "van-ban" / "2025" / "bad-date.md"
    shutil.copy(FIXTURES / "rules" / "bad-date.md", broken)
    try:
        result = build(root, "--strict")
    finally:
        broken.unlink()
    assert result.returncode != 0
    assert re.search(r"content/van-ban/2025/bad-date\.md:4: ngày '2026-02-30' không hợp lệ .* — ", result.stderr)
    assert tree(root / "site") == before
    assert sites.leftovers(root) == []


def test_a_warning_in_strict_mode_leaves_the_last_good_site_untouched(good_site):
    """Content warnings are logged before the build starts: they must count too."""
    root, before = good_site
    warned = root / "content" / "van-ban" / "2025" / "ambiguous-citation.md"
    shutil.copy(FIXTURES / "rules" / "ambiguous-citation.md", warned)
    try:
        result = build(root, "--strict")
    finally:
        warned.unlink()
    assert result.returncode != 0
    assert "ambiguous-citation.md:12: '21-KH/TU' khớp với nhiều văn bản" in result.stderr
    assert tree(root / "site") == before
    assert sites.leftovers(root) == []


def test_a_good_build_replaces_the_site(good_site):
    root, before = good_site
    added = root / "content" / "van-ban" / "2025" / "duplicate-number.md"
    text = (FIXTURES / "rules" / "duplicate-number.md").read_text(encoding="utf-8")
    added.write_text(text.replace("12-CV/ĐU", "13-CV/ĐU"), encoding="utf-8")
    try:
        result = build(root, "--strict")
        after = tree(root / "site")
    finally:
        added.unlink()
        assert build(root, "--strict").returncode == 0
    assert result.returncode == 0, result.stderr
    assert "van-ban/2025/duplicate-number/index.html" in after, sorted(set(after) ^ set(before))
    assert sites.leftovers(root) == []


def _git(cwd: Path, *args: str) -> None:
    date = "2025-03-04T10:00:00+00:00"
    env = dict(os.environ, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date, GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """One commit built in its repository and in a fresh clone (new file times, another folder)."""
    first = tmp_path_factory.mktemp("first")
    write_site(first)
    _git(first, "init", "-q")
    _git(first, "add", ".")
    _git(first, "commit", "-q", "-m", "content")
    second = tmp_path_factory.mktemp("second") / "clone"
    _git(first.parent, "clone", "-q", str(first), str(second))
    for root in (first, second):
        result = build(root, "--strict")
        assert result.returncode == 0, result.stderr
    return tree(first / "site"), tree(second / "site")


def test_two_builds_of_one_commit_are_byte_identical(two_builds):
    first, second = two_builds
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert different == []


def test_sitemap_dates_come_from_the_commit_not_the_build_day(two_builds):
    site, _ = two_builds
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", site["sitemap.xml"].decode()))
    assert dates == {"2025-03-04"}
    raw = site["sitemap.xml.gz"]
    assert int.from_bytes(raw[4:8], "little") == 1741046400  # gzip header time: 2025-03-04 00:00 UTC
    assert gzip.decompress(raw) == site["sitemap.xml"]


def test_document_pages_show_last_change_and_edit_link(two_builds):
    site, _ = two_builds
    html = site[GOOD.replace(".md", "/index.html")].decode()
    assert 'Cập nhật lần cuối: <time datetime="2025-03-04">04/03/2025</time>' in html
    assert f'<a href="{EDIT_URI}{GOOD}" rel="edit nofollow">Sửa trang này</a>' in html
    # No repository widget: Material would fetch its facts from api.github.com at page load.
    assert 'data-md-component="source"' not in html
    assert not re.search(r"^repo_url:", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
