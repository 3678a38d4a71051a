"""Writing the extra outputs (search index, feeds, short links) beside the pages,
in a child process during a one-off build: same files, and failures fail the build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from directive_portal import outputs
from directive_portal.content import load_content
from directive_portal.graph import build_graph
from directive_portal.pages import build_site

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site():
    content = load_content(str(REPO / "content"))
    return build_site(build_graph(content.documents), list(content.topics))


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_outputs_written_by_a_child_process_equal_those_written_in_process(site, tmp_path):
    settings = outputs.Settings("https://vanban.example.vn/", "Cổng", "content")
    outputs.start(site, str(tmp_path / "inline"), settings, background=False).finish()
    writing = outputs.start(site, str(tmp_path / "child"), settings, background=True)
    assert writing.pid and writing.pid != os.getpid()  # really another process
    writing.finish()
    inline, child = _files(tmp_path / "inline"), _files(tmp_path / "child")
    assert any(name.startswith("search/") for name in inline) and any(name.endswith("feed.xml") for name in inline)
    assert child == inline


def _broken(site, site_dir, settings):
    raise ValueError("hỏng")


def test_a_failing_writer_in_the_child_fails_the_build_with_a_message(site, tmp_path, monkeypatch, capfd):
    monkeypatch.setattr(outputs, "WRITERS", outputs.WRITERS + [f"{__name__}:_broken"])
    writing = outputs.start(site, str(tmp_path / "out"), outputs.Settings("", "Cổng", "content"), background=True)
    with pytest.raises(RuntimeError, match="không thành công"):
        writing.finish()
    assert "ValueError: hỏng" in capfd.readouterr().err


def test_no_fork_while_other_threads_run(site, tmp_path):
    """`mkdocs serve --clean` builds while its server threads run: the outputs are then written in process."""
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        writing = outputs.start(site, str(tmp_path / "out"), outputs.Settings("", "Cổng", "content"), background=True)
        assert writing.pid == 0
        writing.finish()
    finally:
        stop.set()
        thread.join()
    assert (tmp_path / "out" / "search" / "meta.json").exists()
