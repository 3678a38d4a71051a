"""`mkdocs serve` rebuilds: what the plugin keeps between them, and `--dirty` rebuilding
only the pages whose content changed, including pages another document's edit changes.

Runs MkDocs' own `build` in this process twice with one plugin instance, as
`mkdocs serve --dirty` does (MkDocs keeps a plugin with `on_startup` between rebuilds).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from sites import make_site

HEAD = """---
title: {title}
type: ke-hoach
number: {number}
issuer: Ban Thường vụ Đảng ủy phường Việt Hưng
date: '{date}'
topics: [van-hoa]
---
"""
FIRST = HEAD.format(title="Kế hoạch tuyên truyền văn hóa", number="05-KH/ĐU", date="2026-01-10") + (
    "Thực hiện Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị về trách nhiệm giải trình.\n")
SECOND = HEAD.format(title="Kế hoạch kiểm tra giám sát", number="09-KH/ĐU", date="2026-02-10") + (
    "Kiểm tra, giám sát việc thực hiện nhiệm vụ năm 2026.\n")
THIRD = HEAD.format(title="Kế hoạch chuyển đổi số", number="12-KH/ĐU", date="2026-03-10") + (
    "Nội dung chuyển đổi số của phường.\n")


def _serve_build(config_file: Path, site: Path) -> None:
    config = load_config(str(config_file), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)


def _stamps(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("index.html")}


def test_dirty_rebuild_rewrites_the_edited_page_and_the_pages_it_changes_only(tmp_path, monkeypatch):
    config = make_site(tmp_path, {
        "van-ban/2026/mot.md": FIRST, "van-ban/2026/hai.md": SECOND, "van-ban/2026/ba.md": THIRD})
    monkeypatch.chdir(tmp_path)
    site = tmp_path / "served"
    _serve_build(config, site)
    before = _stamps(site)
    assert "Kế hoạch kiểm tra giám sát" not in (site / "van-ban/2026/mot/index.html").read_text(encoding="utf-8")

    time.sleep(0.05)
    # The second plan now also cites the first one: the first one's page gains a "cited by" entry.
    edited = tmp_path / "content/van-ban/2026/hai.md"
    edited.write_text(SECOND + "\nCăn cứ Kế hoạch số 05-KH/ĐU ngày 10/01/2026 của Ban Thường vụ Đảng ủy phường Việt Hưng.\n",
                      encoding="utf-8")
    _serve_build(config, site)
    after = _stamps(site)

    rewritten = {page for page in before if after[page] != before[page]}
    assert "van-ban/2026/hai/index.html" in rewritten  # the edited document
    assert "van-ban/2026/mot/index.html" in rewritten  # cited by the edit: its "cited by" list changed
    first = (site / "van-ban/2026/mot/index.html").read_text(encoding="utf-8")
    assert "Kế hoạch kiểm tra giám sát" in first
    assert "van-ban/2026/ba/index.html" not in rewritten  # nothing it shows changed
    assert "van-ban-dan-chieu/53-ct-tw-2025/index.html" not in rewritten
    assert len(rewritten) < len(before) / 2, sorted(rewritten)


def test_serve_rereads_only_changed_files_but_sees_every_change(tmp_path, monkeypatch):
    config = make_site(tmp_path, {"van-ban/2026/mot.md": FIRST, "van-ban/2026/ba.md": THIRD})
    monkeypatch.chdir(tmp_path)
    site = tmp_path / "served"
    _serve_build(config, site)
    plugin = load_config(str(config), site_dir=str(site)).plugins["directive-portal"]
    cached = dict(plugin.cache.files)
    assert set(cached) == {"van-ban/2026/mot.md", "van-ban/2026/ba.md"}

    time.sleep(0.05)
    (tmp_path / "content/van-ban/2026/ba.md").write_text(THIRD.replace("chuyển đổi số của phường", "mới"), encoding="utf-8")
    os.remove(tmp_path / "content/van-ban/2026/mot.md")
    _serve_build(config, site)
    assert set(plugin.cache.files) == {"van-ban/2026/ba.md"}
    assert plugin.cache.files["van-ban/2026/ba.md"] is not cached["van-ban/2026/ba.md"]
    assert "Nội dung mới." in (site / "van-ban/2026/ba/index.html").read_text(encoding="utf-8")


def teardown_module(module) -> None:
    """MkDocs keeps the plugin instance for the process: leave it as a plain build finds it."""
    from mkdocs.config.defaults import MkDocsConfig

    MkDocsConfig.plugins.plugin_cache.clear()


def test_search_index_after_serve_rebuilds_equals_a_fresh_build(tmp_path, monkeypatch):
    config = make_site(tmp_path, {"van-ban/2026/mot.md": FIRST, "van-ban/2026/hai.md": SECOND})
    monkeypatch.chdir(tmp_path)
    served = tmp_path / "served"
    _serve_build(config, served)
    time.sleep(0.05)
    (tmp_path / "content/van-ban/2026/hai.md").write_text(SECOND + "\nBổ sung nhiệm vụ giám sát chuyên đề.\n", encoding="utf-8")
    _serve_build(config, served)
    plugin = load_config(str(config), site_dir=str(served)).plugins["directive-portal"]
    assert len(plugin.cache.outputs["search"]["terms"]) >= 2  # kept for the next rebuild

    fresh = tmp_path / "fresh"
    plain = load_config(str(config), site_dir=str(fresh))
    plain.plugins.on_startup(command="build", dirty=False)
    build(plain)
    # The index itself: a build also writes X.gz for the web server (precompress), serve does not.
    served_files = {p.relative_to(served): p.read_bytes() for p in (served / "search").rglob("*") if p.is_file()}
    fresh_files = {p.relative_to(fresh): p.read_bytes() for p in (fresh / "search").rglob("*")
                   if p.is_file() and p.suffix != ".gz"}
    assert served_files == fresh_files


def test_dirty_rebuild_after_a_failed_build_rebuilds_what_changed(tmp_path, monkeypatch):
    """An editor saves a half-finished edit (the build shows the error page), then fixes it: the
    pages the finished edit changes are rebuilt, although their own files never changed."""
    config = make_site(tmp_path, {"van-ban/2026/mot.md": FIRST, "van-ban/2026/hai.md": SECOND})
    monkeypatch.chdir(tmp_path)
    site = tmp_path / "served"
    _serve_build(config, site)
    edited = tmp_path / "content/van-ban/2026/hai.md"
    citing = SECOND + "\nCăn cứ Kế hoạch số 05-KH/ĐU ngày 10/01/2026 của Ban Thường vụ Đảng ủy phường Việt Hưng.\n"
    time.sleep(0.05)
    edited.write_text(citing.replace("topics: [van-hoa]", "topics: [chu-de-khong-co]"), encoding="utf-8")
    _serve_build(config, site)  # builds no page: every address shows the errors (error_page.py)
    assert "chủ đề &#39;chu-de-khong-co&#39; không có" in (site / "404.html").read_text(encoding="utf-8")
    assert not (site / "van-ban/2026/mot/index.html").exists()
    time.sleep(0.05)
    edited.write_text(citing, encoding="utf-8")
    _serve_build(config, site)
    assert "Kế hoạch kiểm tra giám sát" in (site / "van-ban/2026/mot/index.html").read_text(encoding="utf-8")
