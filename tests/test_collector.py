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
