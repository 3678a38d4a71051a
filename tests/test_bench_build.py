"""Smoke test of the build benchmark on a tiny corpus: every figure is measured and reported."""

from __future__ import annotations

import json
import os

import pytest

from benchmarks import build, report


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    work = tmp_path_factory.mktemp("bench")
    out = work / "results.json"
    assert build.main(["--sizes", "12", "--repeats", "2", "--work", str(work), "--json", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8")), work


def test_both_builds_are_measured_in_child_processes(results):
    data, _work = results
    size = data["sizes"][0]
    assert size["n"] == 12
    for kind in ("baseline", "portal"):
        run = size["runs"][kind][0]
        assert run["returncode"] == 0 and run["wall"] > 0 and run["cpu"] > 0
        assert run["warnings"] == 0  # the corpus builds cleanly: `--strict` would pass
        assert 20 < run["peak_rss_mb"] < 2048
    portal, baseline = size["output"]["portal"], size["output"]["baseline"]
    # The portal adds topic, cited-directive and listing pages; the baseline has the documents and the home page.
    assert baseline["html_pages"] >= 12 and portal["html_pages"] > baseline["html_pages"]
    assert portal["document_pages"] == 12 and 0 < portal["document_page_mean"] <= portal["document_page_max"]
    events = size["runs"]["portal"][0]["timing"]["events"]
    assert "directive-portal" in events and events["directive-portal"]["config"] > 0
    assert "directive-portal" not in size["runs"]["baseline"][0]["timing"]["events"]
    assert set(size["stages"]) == {"parse", "extract", "graph", "pages"}


def test_serve_rebuild_is_timed_and_the_edited_document_restored(results):
    data, work = results
    serve = data["sizes"][0]["serve"]
    assert serve["first_build"] > 0 and len(serve["rebuilds"]) == 2 and serve["rebuild"] > 0
    content = os.path.join(work, "n12", "content")
    for folder, _dirs, files in os.walk(content):
        for name in files:
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                assert "Đoạn sửa thử" not in handle.read()


def test_dirty_build_after_one_edit_is_measured_and_compared_with_a_clean_build(results):
    data, work = results
    dirty = data["sizes"][0]["dirty"]
    assert dirty["identical"] is True and dirty["different"] == []
    assert 0 < dirty["pages_rewritten"] < dirty["pages"] and dirty["wall"] > 0
    assert len(dirty["walls"]) == 2 and dirty["wall"] in dirty["walls"]  # each run a new sentence: a real edit
    warm = data["sizes"][0]["warm"]  # a full build with the cache the last one left
    assert warm["returncode"] == 0 and warm["wall"] > 0 and warm["timing"]["events"]["directive-portal"]["config"] > 0
    for folder, _dirs, files in os.walk(os.path.join(work, "n12", "content")):
        for name in files:
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                assert "đo lần xây dựng lại" not in handle.read()


def test_report_has_every_table_and_the_targets(results, tmp_path):
    data, _work = results
    text = report.render(data)
    for heading in ("**Full build**", "**Portal stages", "**Output on disk**", "**Search index**",
                    "**`mkdocs serve`**", "**`mkdocs build --dirty` after one edit**", "**Targets**"):
        assert heading in text
    assert "| 12 |" in text and "peak memory < 2 GB" in text
    assert "full build of 12 ≤ 1.3 × plain Material (no build cache" in text and "with the last build's cache" in text
    target = tmp_path / "BENCHMARKS.md"
    target.write_text(f"intro\n{report.BEGIN}\nold\n{report.END}\nafter\n", encoding="utf-8")
    report.update_file(str(target), text)
    written = target.read_text(encoding="utf-8")
    assert written.startswith("intro\n") and written.endswith("after\n") and "old" not in written
    assert "**Targets**" in written


def test_memory_counts_the_processes_a_build_forks_off_its_tree(tmp_path):
    """A build hands work nobody waits for (saving a cache) to processes that leave its tree
    (`parallel.detached`): the peak memory still counts them."""
    import subprocess
    import sys
    import time

    import sites
    from benchmarks import measure

    said = tmp_path / "pid"  # a detached process's output goes nowhere: it says its pid in a file
    script = ("import os, sys, time\nfrom directive_portal import parallel\n"
              "def held():\n"
              "    data = b'x' * (96 << 20)\n"
              f"    open({str(said)!r} + '.tmp', 'w').write(str(os.getpid()))\n"
              f"    os.rename({str(said)!r} + '.tmp', {str(said)!r})\n"
              "    time.sleep(20)\n"
              "parallel.detached(held)\n"
              "time.sleep(20)\n")
    child = subprocess.Popen([sys.executable, "-c", script])
    grandchild = 0
    try:
        assert sites.eventually(said.exists)
        grandchild = int(said.read_text())
        time.sleep(0.2)
        # the grandchild is not a descendant any more: its parent ended at once
        assert measure.tree_memory_kb(child.pid) > 90 << 10
    finally:
        if grandchild:
            os.kill(grandchild, 9)
        child.kill()
        child.wait()
