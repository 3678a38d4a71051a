"""Per-document work of a build: kept by body between builds, and on two cores when there is much.

`per_document` is how the stages find what a document's body holds (citations, deadlines,
the relations its text tells): what an earlier build found in the same body is kept (in the
build's cache), the rest is worked out, on two cores when there are many (a cold build).

Reading 10,000 documents (front matter, the checks on each file) and finding their
citations take about ten seconds in one process, while the machine's other core waits for
the output writers, which start only once the build's data is made. `split_map` does the
second half of such a list in a child process forked for it and reads the results back
through a pipe (pickled), in order. It falls back to one process where forking is unsafe
(`fork_safe`) or useless (few items, one core). If the child fails, the parent does
its half too, so an exception is raised where it would be without the child.
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
import threading
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")
K = TypeVar("K")

MINIMUM = 400  # fewer items are not worth a process (forking and pickling cost about 0.1 s)


def fork_safe() -> bool:
    """Whether this process may fork a child that runs Python code: on Linux only (on macOS a
    forked child may crash in system libraries, and Python itself stopped forking there by
    default; Windows has no fork), and with no other thread running (`mkdocs serve` serves
    pages while it builds: the child could wait forever on a lock one of them held)."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _forkable() -> bool:  # and worth it: a second core to work on
    return fork_safe() and (os.cpu_count() or 1) > 1


def split_map(function: Callable[[T], R], items: Sequence[T], minimum: int = MINIMUM) -> list[R]:
    """`[function(item) for item in items]`, the second half worked out by a forked child."""
    if len(items) < minimum or not _forkable():
        return [function(item) for item in items]
    half = len(items) // 2
    read_end, write_end = os.pipe()

    def second_half() -> None:  # in the child: its half, pickled into the pipe
        os.close(read_end)
        data = pickle.dumps([function(item) for item in items[half:]], protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)

    pid = _fork(second_half)
    os.close(write_end)
    try:
        first = [function(item) for item in items[:half]]
    finally:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()  # also lets a child blocked on a full pipe finish
        _pid, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return first + [function(item) for item in items[half:]]
    return first + pickle.loads(data)


class Started:
    """`task()` begun in a forked child while the caller goes on (where forking is unsafe, it
    waits to run here); `wait()` for its result, once. Its errors are the child's (the result
    is then None): use it for work whose failure harms nothing, such as saving a cache. The
    result comes back through a temporary file, so that a child done early ends at once (a
    pipe would hold it, and its memory, until the caller reads)."""

    def __init__(self, task: Callable[[], R]) -> None:
        self.task: Callable[[], R] | None = task
        self.pid, self.out = 0, None
        if _forkable():
            out = tempfile.TemporaryFile()

            def keep() -> None:
                pickle.dump(task(), out, protocol=pickle.HIGHEST_PROTOCOL)
                out.flush()

            self.pid, self.task, self.out = _fork(keep), None, out

    def wait(self, run: bool = True) -> R | None:
        """The task's result, once; with `run` false, a task not begun is dropped (None)."""
        pid, task, out = self.pid, self.task, self.out
        self.pid, self.task, self.out = 0, None, None
        if task is not None:
            return task() if run else None
        if not pid:
            return None
        with out:
            _pid, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                return None
            out.seek(0)
            return pickle.load(out)


def detached(task: Callable[[], object]) -> None:
    """Run `task` in a process of its own, which this one does not wait for and which goes on
    after it ends (a grandchild: nothing is left for this one to reap). For work nobody waits
    on and whose failure harms nothing, such as removing an old folder or saving a cache: its
    output goes nowhere, so that a caller reading this process's output to its end (CI, a
    test) does not wait for it. Where forking is unsafe, `task` runs here."""
    if not fork_safe():
        task()
        return

    def on_its_own() -> None:
        os.setsid()  # not in the caller's process group: Ctrl+C there does not stop it
        nowhere = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):  # the caller's terminal or pipes, no longer held open
            os.dup2(nowhere, fd)
        os.close(nowhere)
        task()

    os.waitpid(_fork(lambda: _fork(on_its_own)), 0)  # the child ends once it has forked the grandchild


def _fork(work: Callable[[], object]) -> int:
    """Fork a child that does `work` and ends (exit code 0, or 1 if `work` raised), never
    returning into the caller's code; the child's pid."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            work()
            code = 0
        finally:
            os._exit(code)
    return pid


def forget_others(memo: dict | None, kept) -> None:
    """Drop from `memo` the keys not in `kept` (documents deleted or renamed since)."""
    if memo is not None:
        for gone in set(memo).difference(kept):
            del memo[gone]


def per_document(memo: dict | None, bodies: dict[K, str], make: Callable[[K], R]) -> dict[K, R]:
    """`make(path)` for each path of `bodies` (path -> the body `make` reads), or what it made
    of the same body in an earlier build: `memo` (path -> (body, result)), kept by the caller
    between builds, is brought up to date. The missing ones are made by `split_map`."""
    memo = memo if memo is not None else {}
    forget_others(memo, bodies)
    todo = [path for path, body in bodies.items() if path not in memo or memo[path][0] != body]
    memo.update((path, (bodies[path], made)) for path, made in zip(todo, split_map(make, todo)))
    return {path: memo[path][1] for path in bodies}
