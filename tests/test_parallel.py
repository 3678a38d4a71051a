"""The second half of a long list worked out in a forked child (parallel.py)."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import sites
from directive_portal import parallel, pipeline


def test_the_same_results_in_order_half_of_them_made_by_another_process():
    items = list(range(1000))
    made = parallel.split_map(lambda n: (n * n, os.getpid()), items)
    assert [value for value, _pid in made] == [n * n for n in items]
    pids = {pid for _value, pid in made}
    assert os.getpid() in pids and len(pids) == (2 if parallel._forkable() else 1)


def test_few_items_or_another_thread_running_stay_in_this_process():
    assert {pid for pid in parallel.split_map(lambda _n: os.getpid(), range(10))} == {os.getpid()}
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert {pid for pid in parallel.split_map(lambda _n: os.getpid(), range(1000))} == {os.getpid()}
    finally:
        stop.set()
        thread.join()


def test_an_error_in_the_childs_half_is_raised_here():
    def work(n: int) -> int:
        if n == 900:
            raise ValueError("item 900")
        return n

    with pytest.raises(ValueError, match="item 900"):
        parallel.split_map(work, list(range(1000)))


def test_a_corpus_built_on_two_cores_is_the_corpus_built_on_one(tmp_path, monkeypatch):
    from benchmarks import sitebuild
    from benchmarks.corpus import generate_corpus

    generate_corpus(str(tmp_path / "generated"), 500, seed=3)  # more than parallel.MINIMUM
    folder = sitebuild.content_with_documents(str(tmp_path / "content"), str(tmp_path / "generated" / "van-ban"))
    today = pipeline.Settings(today=datetime.date(2026, 11, 30))
    both = pipeline.build(folder, today, pipeline.Cache(folder))
    both_digests = both.digests  # half of them worked out by a child too
    monkeypatch.setattr(parallel, "_forkable", lambda: False)
    one = pipeline.build(folder, today, pipeline.Cache(folder))
    assert len(both.site.documents) == 500 and both.problems == one.problems
    assert both.content.documents == one.content.documents and both.graph.citations == one.graph.citations
    assert both.site == one.site  # deadlines and the relations texts tell, in every page's data
    assert both_digests == one.digests and len(both_digests) > 500


def _forking(monkeypatch, allowed: bool) -> None:
    """Fork or not, whatever else runs: in the whole suite, a fixture's server thread makes
    `fork_safe` false (the tasks below touch no lock such a thread could hold)."""
    monkeypatch.setattr(parallel, "fork_safe", lambda: allowed)
    monkeypatch.setattr(parallel, "_forkable", lambda: allowed)


def _writes_its_pid(marker: Path, wait: float):
    def task() -> None:
        time.sleep(wait)
        with open(marker, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")

    return task


def test_a_detached_task_runs_on_its_own_and_the_caller_does_not_wait(tmp_path, monkeypatch):
    marker = tmp_path / "done"
    task = _writes_its_pid(marker, 0.5)
    _forking(monkeypatch, True)
    parallel.detached(task)
    assert not marker.exists()  # returned at once
    assert sites.eventually(marker.exists)
    assert marker.read_text().split() != [str(os.getpid())]
    marker.unlink()
    _forking(monkeypatch, False)  # another thread runs: here, now
    parallel.detached(task)
    assert marker.read_text().split() == [str(os.getpid())]


def test_a_detached_task_keeps_none_of_the_callers_output_open(tmp_path):
    """A caller whose output is read to its end (CI, `subprocess.run(capture_output=True)`) gets
    it all once the caller ends, while the detached task still runs."""
    flag, done = tmp_path / "go", tmp_path / "done"
    script = (
        "import os, sys, time\nfrom directive_portal import parallel\n"
        "def task():\n"
        "    deadline = time.monotonic() + 30\n"
        f"    while not os.path.exists({str(flag)!r}) and time.monotonic() < deadline:\n"
        "        time.sleep(0.02)\n"
        "    print('lost')\n"
        f"    open({str(done)!r}, 'w').close()\n"
        "parallel.detached(task)\nprint('caller done')\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=20)
    assert result.stdout == "caller done\n" and not done.exists()
    flag.touch()
    assert sites.eventually(done.exists)


def test_a_started_task_goes_on_while_the_caller_does_and_wait_is_once(tmp_path, monkeypatch):
    marker = tmp_path / "done"
    task = _writes_its_pid(marker, 0.3)
    _forking(monkeypatch, True)
    assert parallel.Started(lambda: {"kết quả": [1, 2]}).wait() == {"kết quả": [1, 2]}  # back from the child
    assert parallel.Started(lambda: 1 / 0).wait() is None  # the child's error stays there
    started = parallel.Started(task)
    assert not marker.exists()  # begun, not waited for
    started.wait()
    started.wait()
    assert marker.read_text().split() != [str(os.getpid())] and len(marker.read_text().split()) == 1
    marker.unlink()
    _forking(monkeypatch, False)  # another thread runs: here, at `wait`
    assert parallel.Started(lambda: {"kết quả": [1, 2]}).wait() == {"kết quả": [1, 2]}
    started = parallel.Started(task)
    assert not marker.exists()
    started.wait()
    started.wait()
    assert marker.read_text().split() == [str(os.getpid())]
    marker.unlink()
    parallel.Started(task).wait(run=False)  # a build that failed: what has not begun is dropped
    assert not marker.exists()


def test_the_old_site_is_gone_once_the_new_one_is_in_place(tmp_path):
    from directive_portal import atomic

    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("cũ", encoding="utf-8")
    publication = atomic.Publication(str(site))
    (Path(publication.staging) / "index.html").write_text("mới", encoding="utf-8")
    saved = []
    publication.commit(meanwhile=lambda: saved.append(sorted(p.name for p in tmp_path.iterdir())))
    assert (site / "index.html").read_text(encoding="utf-8") == "mới" and not (site / "a").exists()
    assert "site" in saved[0]  # what runs meanwhile sees the new site in place
    assert sites.leftovers(tmp_path) == []  # the old one, removed by a process of its own
