"""`portal build` and `portal serve` as an editor meets them: their arguments, their
failures, and MkDocs' log lines said in Vietnamese (progress; the rest left out).

`run` is all of either command but the site generator's own call, which the adapter hands
it (mkdocs_adapter/commands.py); this module knows MkDocs' messages only as text, and
imports nothing of MkDocs, so a second adapter uses it as it is.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
from typing import Callable

from .arguments import ArgumentParser
from .file_errors import describe

# MkDocs' progress lines (logger "mkdocs.*") -> what the editor reads; other INFO lines are left out.
PROGRESS = [
    (re.compile(r"^Building documentation\.\.\.$"), "Đang xây dựng trang..."),
    (re.compile(r"^Documentation built in ([\d.]+) seconds$"), "Đã xây dựng xong trong {0} giây."),
    (re.compile(r"^Serving on (\S+)"), "Xem trang tại {0} (dừng bằng Ctrl+C)"),
    (re.compile(r"^Detected file changes$"), "Thấy tệp thay đổi, đang xây dựng lại..."),
    (re.compile(r"^Reloading browsers$"), "Đã xây dựng lại, trình duyệt sẽ tự tải lại trang."),
    (re.compile(r'^"GET (\S+) HTTP/[\d.]+" code 404'), "không có trang {0}"),
    (re.compile(r"^A 'dirty' build is being performed"),
     "đang xây dựng kiểu --dirty: chỉ dựng lại trang có thay đổi, mục lục và liên kết có thể chưa đúng "
     "— chỉ dùng để xem trước, không dùng để công bố"),
    (re.compile(r"^Shutting down\.\.\.$"), "Đang dừng..."),
    (re.compile(r"^An error happened during the rebuild"), "Xây dựng lại không thành công (xem lỗi ở trên): "
                                                          "sửa lỗi rồi lưu tệp, trang sẽ được xây dựng lại."),
]
OUR_LOGGER = "mkdocs.plugins.directive_portal"  # the plugin's lines are Vietnamese already
TIME = re.compile(r"^\[\d\d:\d\d:\d\d\] ")
PLUGIN_PREFIX = "directive_portal: "  # what get_plugin_logger puts before them


def progress_line(record: logging.LogRecord) -> str | None:
    """The line to print for one MkDocs log record, or None to leave it out."""
    message = TIME.sub("", record.getMessage())  # the time `mkdocs serve` puts before its lines
    if message.startswith(PLUGIN_PREFIX):
        message = message[len(PLUGIN_PREFIX):]
    if record.levelno >= logging.WARNING:
        label = "cảnh báo" if record.levelno == logging.WARNING else "lỗi"
        for pattern, text in PROGRESS:  # MkDocs logs its rebuild failure as an error
            match = pattern.match(message)
            if match:
                return f"{label}: {text.format(*match.groups())}"
        return f"{label}: {message}"
    if record.levelno < logging.INFO:
        return None
    if record.name.startswith(OUR_LOGGER):
        return message
    for pattern, text in PROGRESS:
        match = pattern.match(message)
        if match:
            return text.format(*match.groups())
    return None


class VietnameseHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        line = progress_line(record)
        if line is not None:
            print(line, file=sys.stderr, flush=True)




class CommandFailed(Exception):
    """Why `portal build`/`serve` stopped, as the editor reads it (the generator's call raises it)."""


def run(command: str, generate: Callable, argv: list[str]) -> int:
    """`portal build` or `portal serve` with `argv`: `generate(command, args)` builds or serves
    the site, and raises `CommandFailed` when it cannot. The exit code (1 when it failed)."""
    args = site_command_parser(command).parse_args(argv)
    if not os.path.isfile(args.config_file):
        print(f"portal {command}: {describe(FileNotFoundError(2, 'missing'), args.config_file)}", file=sys.stderr)
        return 1
    with vietnamese_logging("mkdocs"):
        try:
            generate(command, args)
        except CommandFailed as exc:
            print(f"lỗi: {exc}", file=sys.stderr)
            return 1
    return 0


def starting(docs_dir: str, site_dir: str) -> str:
    return f"Đang xây dựng trang từ {os.path.relpath(docs_dir)}/ vào {os.path.relpath(site_dir)}/..."


def bad_config(config_file: str, why: object) -> str:
    return f"cấu hình {config_file} không hợp lệ: {why} — sửa tệp cấu hình rồi chạy lại"


def failure(message: str, config_file: str = "mkdocs.yml") -> str:
    """Why a build stopped, from MkDocs' `Aborted with ...` message."""
    if "configuration" in message:  # its reasons were logged above, one per setting
        return bad_config(config_file, "xem ở trên")
    counted = re.search(r"Aborted with (\d+) warning", message)
    if counted:
        return (f"Xây dựng không thành công: có {counted[1]} cảnh báo mà --strict coi như lỗi (xem ở trên); "
                "thư mục site/ giữ nguyên — sửa các cảnh báo rồi chạy lại.")
    return "Xây dựng không thành công (xem lỗi ở trên); thư mục site/ giữ nguyên — sửa lỗi rồi chạy lại."


def build_lines(build, serving: bool, strict: bool):
    """(logging level, line) for what a build found: warnings, notes and, under `serve` (where
    the errors become the site), its errors: as information with --strict, which would stop
    the server at the first warning."""
    yield from ((logging.WARNING, str(problem)) for problem in build.warnings)
    yield from ((logging.INFO, note) for note in build.notes)
    if serving:
        yield from ((logging.INFO if strict else logging.ERROR, str(problem)) for problem in build.errors)


def content_errors(errors) -> str:
    """Why a build stopped before writing anything: the content's errors, one per line."""
    lines = "\n".join(f"  {p}" for p in errors)
    return f"{len(errors)} lỗi trong nội dung, chưa xây dựng trang (thư mục site/ giữ nguyên):\n{lines}"


def waiting(site_dir: str) -> str:
    return f"Một lần xây dựng khác đang ghi vào {site_dir}: đợi nó xong rồi mới xây dựng tiếp..."


def site_command_parser(command: str) -> ArgumentParser:
    what = {"build": "Xây dựng trang từ content/ vào site/ (như mkdocs build).",
            "serve": "Xem trước trang trên máy, tự xây dựng lại khi sửa tệp (như mkdocs serve)."}[command]
    parser = ArgumentParser(prog=f"portal {command}", description=what)
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", metavar="TỆP",
                        help="tệp cấu hình (mặc định: mkdocs.yml)")
    parser.add_argument("--dirty", action="store_true",
                        help="chỉ xây dựng lại các trang có thay đổi (nhanh hơn)")
    if command == "build":
        parser.add_argument("--strict", action="store_true", help="coi cảnh báo như lỗi: không xây dựng khi có cảnh báo")
    else:
        parser.add_argument("-a", "--dev-addr", default=None, metavar="ĐỊA_CHỈ:CỔNG",
                            help="địa chỉ để xem trang (mặc định: 127.0.0.1:8000)")
    return parser


@contextlib.contextmanager
def vietnamese_logging(name: str):
    """While inside: the lines of logger `name` (MkDocs') printed by `VietnameseHandler` alone."""
    logger = logging.getLogger(name)
    handler, saved = VietnameseHandler(), (logger.level, logger.propagate)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


class WarningCounter(logging.Handler):
    """Counts the warnings of a logger from now on (with --strict, any keeps the last good site)."""

    def __init__(self, logger: str) -> None:
        super().__init__(logging.WARNING)
        self.count, self.logger = 0, logging.getLogger(logger)
        self.logger.addHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def stop(self) -> int:
        self.logger.removeHandler(self)
        return self.count


class _DirtyNotices(logging.Filter):
    """MkDocs' notices that a `--dirty` build may be inaccurate, or its folder holds stale files:
    not so when the portal staged it from its build cache (incremental.py)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("A 'dirty' build is being performed")
                    or message.startswith("The directory contains stale files"))


def quiet_dirty_notices() -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _DirtyNotices) for f in logger.filters):
        logger.addFilter(_DirtyNotices())
