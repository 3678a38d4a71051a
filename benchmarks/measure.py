"""Measurements for the build benchmark: child builds, pipeline stages, output, serve rebuilds.

Each function measures one thing and returns plain numbers; `build.py` runs
them and `report.py` turns them into Markdown.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field

from directive_portal.content import load_content
from directive_portal.graph import build_graph
from directive_portal.pages import build_site
from directive_portal.references import find_citations

_DOCUMENT_PAGE = re.compile(r"^van-ban/\d{4}/[^/]+/index\.html$")


@dataclass(frozen=True)
class BuildRun:
    """One `mkdocs build` in a child process."""

    wall: float  # seconds, the whole child process
    cpu: float  # user + system seconds of the child and its own children: less sensitive to other load
    peak_rss_mb: float  # the largest single process (wait4)
    returncode: int
    warnings: int
    timing: dict = field(default_factory=dict)  # from bench.timed: events and phases
    # All processes of the build together (the portal writes its outputs in a child process),
    # shared pages counted once: proportional set size, sampled every half second.
    peak_total_mb: float = 0.0


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return b""


def tree_memory_kb(root: int) -> int:
    """Proportional set size (kB) of process `root`, its descendants, and the processes forked
    from it that left the tree (Linux /proc). A build hands work nobody waits for to such
    processes (`parallel.detached`: saving a cache, removing the old site): they are no longer
    its descendants, but have its command line."""
    children: dict[int, list[int]] = {}
    command = _read(f"/proc/{root}/cmdline")
    total, stack = 0, [root]
    for name in os.listdir("/proc"):
        if name.isdigit():
            parent = _read(f"/proc/{name}/stat").rsplit(b")", 1)[-1].split()
            if len(parent) < 2:
                continue
            children.setdefault(int(parent[1]), []).append(int(name))
            if command and _read(f"/proc/{name}/cmdline") == command:
                stack.append(int(name))
    seen = set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        stack += children.get(pid, [])
        rollup = _read(f"/proc/{pid}/smaps_rollup").decode("ascii", "replace")
        total += next((int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0)
    return total


class _MemorySampler(threading.Thread):
    def __init__(self, pid: int, every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.peak_kb = pid, every, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.every):
            self.peak_kb = max(self.peak_kb, tree_memory_kb(self.pid))


def run_build(config_file: str, json_path: str, log_path: str, dirty: bool = False) -> BuildRun:
    """Build `config_file` in a child process; wall time and peak RSS from wait4."""
    # The child finds this folder's modules (`benchmarks.timed`) from the repository root.
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = os.pathsep.join(filter(None, (repo, os.environ.get("PYTHONPATH"))))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONWARNINGS="ignore", PYTHONPATH=path)
    with open(log_path, "w", encoding="utf-8") as log:
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "benchmarks.timed", config_file, json_path]
                                 + (["--dirty"] if dirty else []),
                                 stdout=log, stderr=subprocess.STDOUT, env=env)
        sampler = _MemorySampler(child.pid)
        sampler.start()
        _pid, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        sampler.done.set()
        sampler.join()
        child.returncode = os.waitstatus_to_exitcode(status)
    with open(log_path, encoding="utf-8") as log:
        warnings = sum(1 for line in log if line.startswith("WARNING"))
    timing = {}
    if child.returncode == 0 and os.path.exists(json_path):
        with open(json_path, encoding="utf-8") as handle:
            timing = json.load(handle)
    cpu = usage.ru_utime + usage.ru_stime
    return BuildRun(round(wall, 3), round(cpu, 3), round(usage.ru_maxrss / 1024, 1), child.returncode, warnings, timing,
                    round(max(sampler.peak_kb, usage.ru_maxrss) / 1024, 1))


def stage_times(content_dir: str, repeats: int) -> dict[str, float]:
    """CPU seconds (median of `repeats`) of each pure pipeline stage, run in this process.

    CPU time rather than wall time: other jobs share the machine's two cores.
    """
    samples: dict[str, list[float]] = {"parse": [], "extract": [], "graph": [], "pages": []}
    clock = time.process_time
    for _ in range(repeats):
        t0 = clock()
        content = load_content(content_dir)
        t1 = clock()
        for doc in content.documents:
            find_citations(doc.body)
        t2 = clock()
        graph = build_graph(content.documents)  # extracts the citations again, then resolves them
        t3 = clock()
        build_site(graph, list(content.topics))
        t4 = clock()
        samples["parse"].append(t1 - t0)
        samples["extract"].append(t2 - t1)
        samples["graph"].append(max(0.0, (t3 - t2) - (t2 - t1)))  # build_graph minus its own extraction pass
        samples["pages"].append(t4 - t3)
    return {stage: round(statistics.median(values), 4) for stage, values in samples.items()}


@dataclass(frozen=True)
class OutputSize:
    total_bytes: int
    html_pages: int
    html_bytes: int
    document_pages: int
    document_page_mean: int
    document_page_p95: int
    document_page_max: int
    chrome_mean: int  # bytes of a document page outside its <article>: header, sidebars, scripts
    chrome_max: int
    largest_pages: tuple[tuple[str, int], ...]
    search_bytes: int
    search_gzip_bytes: int


def _article_bytes(path: str) -> int:
    with open(path, "rb") as handle:
        page = handle.read()
    start, end = page.find(b"<article"), page.rfind(b"</article>")
    return end + len(b"</article>") - start if 0 <= start < end else 0


def output_size(site_dir: str) -> OutputSize:
    total, html, docs, pages, chrome = 0, 0, [], [], []
    search_raw, search_gz = 0, 0
    for folder, _dirs, files in os.walk(site_dir):
        for name in files:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, site_dir).replace(os.sep, "/")
            size = os.path.getsize(path)
            total += size
            if name.endswith(".html"):
                html += size
                pages.append((rel, size))
                if _DOCUMENT_PAGE.match(rel):
                    docs.append(size)
                    chrome.append(size - _article_bytes(path))
            if rel.startswith("search/") or "search" in name:
                search_raw += size
                with open(path, "rb") as handle:
                    search_gz += len(gzip.compress(handle.read(), 6)) if not name.endswith(".gz") else size
    docs.sort()
    pages.sort(key=lambda item: -item[1])
    return OutputSize(
        total, len(pages), html, len(docs),
        int(statistics.mean(docs)) if docs else 0,
        docs[int(len(docs) * 0.95)] if docs else 0,
        docs[-1] if docs else 0,
        int(statistics.mean(chrome)) if chrome else 0, max(chrome, default=0),
        tuple(pages[:5]), search_raw, search_gz,
    )


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now (benchmarks and tests start servers there)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _LogWatcher:
    """Reads a child's log lines in a thread; waits for a line containing a marker."""

    def __init__(self, stream) -> None:
        self.lines: list[tuple[float, str]] = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            with self.cond:
                self.lines.append((time.perf_counter(), line.rstrip()))
                self.cond.notify_all()
        with self.cond:
            self.lines.append((time.perf_counter(), "<EOF>"))
            self.cond.notify_all()

    def wait_for(self, marker: str, after: int, timeout: float) -> tuple[int, float]:
        """Index and time of the first line from `after` on containing `marker`."""
        deadline = time.perf_counter() + timeout
        with self.cond:
            while True:
                for index in range(after, len(self.lines)):
                    stamp, line = self.lines[index]
                    if marker in line:
                        return index, stamp
                    if line == "<EOF>":
                        raise RuntimeError("mkdocs serve stopped:\n" + "\n".join(l for _, l in self.lines[-20:]))
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise TimeoutError(f"no '{marker}' from mkdocs serve within {timeout:.0f} s")
                self.cond.wait(left)


def serve_rebuild(config_file: str, document: str, edits: int, timeout: float, dirty: bool = False) -> dict:
    """Seconds from saving an edit of `document` to `mkdocs serve` having rebuilt the site.

    The honest user-visible figure: the file is written, the watcher notices it,
    MkDocs rebuilds every page (with `dirty`, `mkdocs serve --dirty`: only the
    pages MkDocs thinks changed), and logs 'Reloading browsers' when done.
    """
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONWARNINGS="ignore", PYTHONUNBUFFERED="1")
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", config_file, "-a", f"127.0.0.1:{port}"]
    child = subprocess.Popen(command + (["--dirty"] if dirty else []),
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    watcher = _LogWatcher(child.stdout)
    with open(document, encoding="utf-8") as handle:
        original = handle.read()
    try:
        start = time.perf_counter()
        index, ready = watcher.wait_for("Serving on", 0, timeout)
        first = ready - start
        samples = []
        for edit in range(edits):
            time.sleep(1.0)  # let the watcher settle
            saved = time.perf_counter()
            with open(document, "w", encoding="utf-8") as handle:
                handle.write(original.rstrip() + f"\n\nĐoạn sửa thử số {edit + 1}.\n")
            index, done = watcher.wait_for("Reloading browsers", index + 1, timeout)
            samples.append(done - saved)
        return {"first_build": round(first, 2), "rebuilds": [round(s, 2) for s in samples],
                "rebuild": round(statistics.median(samples), 2) if samples else None}
    finally:
        with open(document, "w", encoding="utf-8") as handle:
            handle.write(original)
        stop(child, 20)


def stop(process: subprocess.Popen, timeout: float) -> None:
    """End a server started for a measurement or a test: asked to stop, killed if it has not
    after `timeout` seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def as_dict(value) -> dict:
    return asdict(value)


def remove(path: str) -> None:
    shutil.rmtree(path, ignore_errors=True)
