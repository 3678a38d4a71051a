"""Writing the extra outputs (search index, feeds, short links) beside the pages,
in a child process during a one-off build: same files, and failures fail the build.

The forking tests run in a fresh interpreter: the test session itself runs other
threads (the browser tests' servers), and `outputs.start` does not fork then.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from directive_portal import outputs, site_files
from directive_portal.pipeline import build

REPO = Path(__file__).resolve().parent.parent

SCRIPT = textwrap.dedent("""
    import os, sys
    from directive_portal import outputs, site_files
    from directive_portal.pipeline import build

    def broken(site, site_dir, settings):
        raise ValueError("hỏng")

    site = build(sys.argv[1]).site
    settings = site_files.Settings("https://vanban.example.vn/", "Cổng", "content")
    if sys.argv[3] == "broken":
        outputs.WRITERS = outputs.WRITERS + (broken,)
    if sys.argv[3] == "cache":  # the writers' cache kept on disk, saved once the flag file is there
        import time
        from directive_portal import atomic, incremental
        flag, saving = sys.argv[2] + "-go", incremental.save

        def slow(*args):
            deadline = time.monotonic() + 30  # a test that failed halfway leaves no process behind for long
            while not os.path.exists(flag) and time.monotonic() < deadline:
                time.sleep(0.02)
            saving(*args)

        incremental.save = slow
        lock = atomic.lock(sys.argv[2])  # as a build holds its site's lock
        cache_file = os.path.join(sys.argv[2] + "-cache", "outputs.pickle")
        settings = site_files.Settings("https://vanban.example.vn/", "Cổng", "content", {}, (), (cache_file, "k"))
    writing = outputs.start(site, sys.argv[2], settings, background=True)
    print("child" if writing.pid and writing.pid != os.getpid() else "same process", flush=True)
    try:
        writing.finish()
    except RuntimeError as exc:
        print("failed:", exc, flush=True)
    if sys.argv[3] == "cache":
        print("cache saved when the outputs were" if os.path.exists(cache_file) else "outputs first", flush=True)
        print("exit", writing.close(), os.path.exists(cache_file), flush=True)
        atomic.unlock(lock)  # the build is over; the next one waits until the cache is saved
        atomic.unlock(atomic.lock(sys.argv[2], lambda: print("next build waits", flush=True) or open(flag, "w").close()))
        print("cache saved", os.path.exists(cache_file), flush=True)
""")


def _run(out: Path, mode: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SCRIPT, str(REPO / "content"), str(out), mode],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def site():
    return build(str(REPO / "content")).site


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_outputs_written_by_a_child_process_equal_those_written_in_process(site, tmp_path):
    settings = site_files.Settings("https://vanban.example.vn/", "Cổng", "content")
    outputs.start(site, str(tmp_path / "inline"), settings, background=False).finish()
    result = _run(tmp_path / "child", "ok")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["child"]  # really another process, and it succeeded
    inline, child = _files(tmp_path / "inline"), _files(tmp_path / "child")
    assert any(name.startswith("search/") for name in inline) and any(name.endswith("feed.xml") for name in inline)
    assert child == inline


def test_a_failing_writer_in_the_child_fails_the_build_with_a_message(tmp_path):
    result = _run(tmp_path / "out", "broken")
    lines = result.stdout.splitlines()
    assert lines[0] == "child"
    assert lines[1].startswith("failed:") and "không thành công" in lines[1]
    assert "ValueError: hỏng" in result.stderr


def test_the_writers_cache_is_saved_by_a_process_nobody_waits_for_but_the_next_build(tmp_path):
    """The build goes on once the outputs are written, and ends without waiting for the writers'
    cache to be saved; the process saving it holds the site's lock, so the next build waits."""
    result = _run(tmp_path / "out", "cache")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["child", "outputs first", "exit 0 False", "next build waits",
                                          "cache saved True"]
    assert (tmp_path / "out" / "search" / "meta.json").exists()


def test_no_fork_while_other_threads_run(site, tmp_path):
    """`mkdocs serve --clean` builds while its server threads run: the outputs are then written in process."""
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        writing = outputs.start(site, str(tmp_path / "out"), site_files.Settings("", "Cổng", "content"), background=True)
        assert writing.pid == 0
        writing.finish()
    finally:
        stop.set()
        thread.join()
    assert (tmp_path / "out" / "search" / "meta.json").exists()
