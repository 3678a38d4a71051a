"""The cyclic collector is off while a build makes its data, and as it was afterwards."""

from __future__ import annotations

import gc

import pytest

from directive_portal import collector, pipeline
from sites import REPO


def test_paused_turns_the_collector_off_and_back_as_it_was():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError):
        with collector.paused():
            raise ValueError("hỏng")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()  # off before: still off
    finally:
        gc.enable()


def test_a_build_makes_its_data_without_the_collector(monkeypatch):
    seen = []
    real = pipeline.build_site
    monkeypatch.setattr(pipeline, "build_site", lambda *args: seen.append(gc.isenabled()) or real(*args))
    made = pipeline.build(str(REPO / "content"))
    assert seen == [False] and made.site is not None and gc.isenabled()


def test_the_page_digests_are_made_out_of_the_collectors_reach(monkeypatch, tmp_path):
    """After `make`, the build's data is frozen before its digests are worked out (else each
    full collection walks all of it again: 1.3 s at 10,000 documents)."""
    from directive_portal.site_run import SiteRun

    frozen = []
    real = pipeline.Build._page_digest
    monkeypatch.setattr(pipeline.Build, "_page_digest",
                        lambda self, src: frozen.append(gc.get_freeze_count() > 0) or real(self, src))
    run = SiteRun(str(tmp_path / "site"), dirty=True, background=False)
    try:
        run.make(str(REPO / "content"), pipeline.Settings(site_name="Cổng"))
        assert frozen and all(frozen)
    finally:
        collector.unfreeze()


def test_the_build_cache_is_read_without_the_collector(monkeypatch, tmp_path):
    from directive_portal import incremental

    incremental.save(str(tmp_path / "c.pickle"), "key", {"a": [1, 2]})
    seen = []
    real = incremental.pickle.load
    monkeypatch.setattr(incremental.pickle, "load", lambda handle: seen.append(gc.isenabled()) or real(handle))
    assert incremental.load(str(tmp_path / "c.pickle"), "key") == {"a": [1, 2]}
    assert seen == [False] and gc.isenabled()
