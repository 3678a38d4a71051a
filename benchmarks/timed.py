"""Run one `mkdocs build` and record where its time goes, by plugin event and by phase.

    python -m benchmarks.timed CONFIG_FILE OUT_JSON

Builds exactly as `mkdocs build` does (startup, build, shutdown), with every
plugin event handler and MkDocs' two per-page phases wrapped in a timer:
`populate` (read the source, Markdown to HTML, page events) and `render`
(Jinja template, page events, write), and each of the portal's extra-output
writers (`outputs.WRITERS`: search index, feeds...). The benchmark runs this as a child
process, so that the child's wall time and peak memory are the build's own.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import defaultdict
from typing import Callable


def _timer(totals: dict, key: tuple[str, str], func: Callable) -> Callable:
    # CPU time of this process: the build is single-threaded, and other jobs on the
    # machine would otherwise show up in whichever event happened to be running.
    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            totals[key] += time.process_time() - start

    return timed


def _wrap_writers(totals: dict, side_file: str) -> tuple:
    """Time each extra-output writer of the portal (search index, feeds...) on its own.

    A one-off build runs the writers in a child process (`outputs.start`): there each
    timing is appended to `side_file`, which `timed_build` reads back.
    """
    import os

    parent = os.getpid()

    def reported(key: tuple[str, str], func: Callable) -> Callable:
        def run(*args, **kwargs):
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                seconds = time.process_time() - start
                if os.getpid() == parent:
                    totals[key] += seconds
                else:
                    with open(side_file, "a", encoding="utf-8") as handle:
                        handle.write(f"{key[1]} {seconds}\n")

        return run

    from directive_portal import outputs

    original = outputs.WRITERS
    outputs.WRITERS = tuple(reported(("writer", w.__module__.rsplit(".", 1)[-1]), w) for w in original)
    return original


def timed_build(config_file: str, dirty: bool = False) -> dict:
    """Build the site of `config_file`; return CPU seconds by plugin event and by build phase."""
    from mkdocs.commands import build as build_module
    from mkdocs.config import load_config

    started = time.perf_counter()
    totals: dict[tuple[str, str], float] = defaultdict(float)
    config = load_config(config_file=config_file)
    plugins = config.plugins
    for event, methods in plugins.events.items():
        for index, method in enumerate(methods):
            name = plugins._event_origins.get(method, getattr(method, "__qualname__", "?"))
            wrapped = _timer(totals, (name, event), method)
            plugins._event_origins[wrapped] = name
            methods[index] = wrapped
    phases: dict[tuple[str, str], float] = defaultdict(float)
    original_populate, original_render = build_module._populate_page, build_module._build_page
    build_module._populate_page = _timer(phases, ("mkdocs", "populate"), original_populate)
    build_module._build_page = _timer(phases, ("mkdocs", "render"), original_render)
    writers: dict[tuple[str, str], float] = defaultdict(float)
    side_file = f"{config_file}.writers-{os.getpid()}.txt"
    restore = _wrap_writers(writers, side_file)
    loaded = time.perf_counter()
    try:
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            build_module.build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
    finally:
        build_module._populate_page, build_module._build_page = original_populate, original_render
        from directive_portal import outputs

        outputs.WRITERS = restore
        if os.path.exists(side_file):
            with open(side_file, encoding="utf-8") as handle:
                for line in handle:
                    parts = line.split()
                    if len(parts) == 2:  # a child stopped mid-line (a failed build) leaves a partial one
                        writers[("writer", parts[0])] += float(parts[1])
            os.remove(side_file)
    events: dict[str, dict[str, float]] = defaultdict(dict)
    for (name, event), seconds in totals.items():
        events[name][event] = round(seconds, 4)
    return {
        "config_load": round(loaded - started, 4),
        "build": round(time.perf_counter() - loaded, 4),  # wall
        "build_cpu": round(time.process_time(), 4),
        "phases": {event: round(seconds, 4) for (_m, event), seconds in phases.items()},
        "events": dict(events),
        "writers": {name: round(seconds, 4) for (_w, name), seconds in writers.items()},
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    dirty = "--dirty" in argv
    argv = [a for a in argv if a != "--dirty"]
    if len(argv) != 2:
        print("cách dùng: python -m benchmarks.timed CONFIG_FILE OUT_JSON [--dirty]", file=sys.stderr)
        return 2
    result = timed_build(argv[0], dirty)
    with open(argv[1], "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
