"""One build's steps without MkDocs (site_run.py): what a second adapter would call. A stand-in
generator writes one file per page, with the page's data in it, where `SiteRun` says."""

from __future__ import annotations

import gc
import logging
import os
import pickle
import shutil
import time
from pathlib import Path

import pytest

import sites
from benchmarks import sitebuild
from benchmarks.corpus import generate_corpus
from directive_portal import incremental, parallel, pipeline
from directive_portal.site_run import SiteRun

THEME = (str(Path(__file__).resolve().parent.parent / "overrides"),)  # the short links' page template
SETTINGS = pipeline.Settings(site_name="Cổng", template_dirs=THEME)


@pytest.fixture()
def ward(tmp_path) -> Path:
    generate_corpus(str(tmp_path / "generated"), 24, seed=11)
    sitebuild.content_with_documents(str(tmp_path / "content"), str(tmp_path / "generated" / "van-ban"))
    (tmp_path / "site.yml").write_text("site_name: Cổng\n", encoding="utf-8")
    return tmp_path


def _generate(run: SiteRun) -> tuple[dict[str, str], list[str]]:
    """What a site generator does between `make` and `finish`: every page's file, written only
    when it changed (`--dirty`) or in a full build; returns every page's file and the pages it wrote."""
    build = run.build
    pages = sorted(set(build.site.documents) | set(build.generated))
    files = {src: src[:-3] + "/index.html" for src in pages}
    changed = run.changed()
    rewritten = [src for src in pages if not run.dirty or src in changed]
    run.start_outputs()
    run.stage(files.values(), lambda: [files[src] for src in rewritten])
    for src in rewritten:
        path = Path(run.out_dir, files[src])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps((build.page_data(src), build.markdown(src))))
    return files, rewritten


def _run(ward: Path, dirty: bool) -> tuple[dict[str, str], list[str]]:
    run = SiteRun(str(ward / "site"), dirty, background=True)
    run.take_site(str(ward / "content"), str(ward / "site.yml"), THEME, "settings")
    build = run.make(str(ward / "content"), SETTINGS)
    assert build.errors == ()
    files, written = _generate(run)
    run.finish()
    return files, written


def _files(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_ino for p in site.rglob("*") if p.is_file()}


def test_a_full_build_then_a_dirty_one_after_an_edit_rewrite_only_what_changed(ward):
    _files_written, written = _run(ward, dirty=False)
    site = ward / "site"
    first = _files(site)
    assert (site / "search" / "meta.json").is_file() and (site / "feed.xml").is_file()
    assert len(written) > 24 and all(rel in first for rel in (w[:-3] + "/index.html" for w in written))
    assert (ward / incremental.FOLDER / incremental.STATE_FILE).is_file()
    assert sites.leftovers(ward) == []

    document = sorted((ward / "content" / "van-ban").rglob("*.md"))[5]
    document.write_text(document.read_text(encoding="utf-8") + "\nMột câu thêm.\n", encoding="utf-8")
    pages, rewritten = _run(ward, dirty=True)
    edited = str(document.relative_to(ward / "content"))
    assert edited in rewritten and len(rewritten) < len(written) / 2
    after = _files(site)
    page = edited[:-3] + "/index.html"
    assert after[page] != first[page]
    kept = [pages[src] for src in pages if src not in rewritten]
    assert kept and [rel for rel in kept if after[rel] != first[rel]] == []  # the same files, linked
    pages_only = lambda files: {rel for rel in files if not rel.startswith("search/")}  # noqa: E731 (its folder has a new hash)
    assert pages_only(after) == pages_only(first)


def test_a_cancelled_build_leaves_the_site_as_it_was(ward):
    _run(ward, dirty=False)
    site = ward / "site"
    before = _files(site)
    run = SiteRun(str(site), dirty=False, background=True)
    run.take_site(str(ward / "content"), str(ward / "site.yml"), THEME, "settings")
    run.make(str(ward / "content"), SETTINGS)
    _generate(run)
    staging = run.out_dir
    assert staging != str(site) and os.path.isdir(staging)
    run.cancel()
    assert _files(site) == before
    assert not os.path.exists(staging)
    assert not (ward / incremental.FOLDER / incremental.STATE_FILE).exists()  # removed when the build began


def test_a_warning_with_strict_keeps_the_last_good_site(ward):
    """`strict`: a warning the generator logs during the build keeps the site as it was, and
    the generator then cancels; without a warning the same run swaps the site in."""
    _run(ward, dirty=False)
    site = ward / "site"
    before = _files(site)
    run = SiteRun(str(site), dirty=False, background=True)
    run.take_site(str(ward / "content"), str(ward / "site.yml"), THEME, "settings", strict="generator.strict")
    run.make(str(ward / "content"), SETTINGS)
    _generate(run)
    logging.getLogger("generator.strict.pages").warning("một cảnh báo")
    run.finish()
    assert _files(site) == before
    run.cancel()
    assert sites.leftovers(ward) == []
    assert logging.getLogger("generator.strict").handlers == []  # counting stopped

    run = SiteRun(str(site), dirty=False, background=True)
    run.take_site(str(ward / "content"), str(ward / "site.yml"), THEME, "settings", strict="generator.strict")
    run.make(str(ward / "content"), SETTINGS)
    _generate(run)
    run.finish()
    assert _files(site) != before  # swapped in: new files
    assert logging.getLogger("generator.strict").handlers == []


def test_without_the_site_lock_the_build_writes_in_place_with_the_cache_in_memory(ward):
    memory = pipeline.Cache(str(ward / "content"))
    run = SiteRun(str(ward / "out"), dirty=False, background=False, memory=memory)
    run.make(str(ward / "content"), SETTINGS)
    assert run.out_dir == str(ward / "out") and memory.files
    _generate(run)
    run.finish()
    assert (ward / "out" / "search" / "meta.json").is_file()
    assert not (ward / incremental.FOLDER).exists()
    shutil.rmtree(ward / "out")


def test_a_one_off_build_ends_with_its_data_out_of_the_collectors_reach(ward):
    """The process of a one-off build ends with it: Python's last collection at exit would walk
    all the build's data (0.45 s at 1,500 documents). Under `serve` (no background) it stays
    collectable, rebuild after rebuild."""
    try:
        _run(ward, dirty=False)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    run = SiteRun(str(ward / "out"), dirty=False, background=False, memory=pipeline.Cache(str(ward / "content")))
    run.make(str(ward / "content"), SETTINGS)
    _generate(run)
    run.finish()
    assert gc.get_freeze_count() == 0


def test_a_dirty_build_cancelled_while_the_site_is_being_linked_leaves_no_staging_folder(ward, monkeypatch):
    """`--dirty` links the current site into the staging folder from a child process while the
    build's data is made; a build that fails meanwhile waits for it before removing the folder
    (else the child goes on making folders in a folder already removed)."""
    _run(ward, dirty=False)
    gc.unfreeze()
    monkeypatch.setattr(parallel, "_forkable", lambda: True)  # even with the session's other threads
    real = incremental.stage
    monkeypatch.setattr(incremental, "stage", lambda *args: time.sleep(1.0) or real(*args))
    run = SiteRun(str(ward / "site"), dirty=True, background=True)
    run.take_site(str(ward / "content"), str(ward / "site.yml"), THEME, "settings")
    staging = run.publication.staging
    assert run.store.linking is not None and run.store.linking.pid  # a child links while this goes on
    run.cancel()
    # the child would have gone on for a second more: nothing comes back after it
    assert not sites.eventually(lambda: os.path.exists(staging), timeout=2.5)
    assert sites.leftovers(ward) == []
