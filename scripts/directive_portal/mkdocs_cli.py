"""`portal build` and `portal serve`: MkDocs run from Python, speaking Vietnamese.

Part of the MkDocs adapter, like `plugin.py`. It does what `mkdocs build` and
`mkdocs serve` do (mkdocs/__main__.py), with MkDocs' English progress lines said
in Vietnamese (the others left out), failures explained in Vietnamese (exit 1), and
Material's end-of-life notice off (NO_MKDOCS_2_WARNING, read when Material loads).
"""

from __future__ import annotations

import logging
import os
import re
import sys

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


def _parser(command: str) -> ArgumentParser:
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


def _failure(exc: Exception) -> str:
    counted = re.search(r"Aborted with (\d+) warning", str(exc))
    if counted:
        return (f"Xây dựng không thành công: có {counted[1]} cảnh báo mà --strict coi như lỗi (xem ở trên); "
                "thư mục site/ giữ nguyên — sửa các cảnh báo rồi chạy lại.")
    return "Xây dựng không thành công (xem lỗi ở trên); thư mục site/ giữ nguyên — sửa lỗi rồi chạy lại."


def run(command: str, argv: list[str]) -> int:
    args = _parser(command).parse_args(argv)
    if not os.path.isfile(args.config_file):
        print(f"portal {command}: {describe(FileNotFoundError(2, 'missing'), args.config_file)}", file=sys.stderr)
        return 1
    os.environ["NO_MKDOCS_2_WARNING"] = "1"  # before Material's templates are imported (by load_config)
    logger = logging.getLogger("mkdocs")
    handler, saved = VietnameseHandler(), (logger.level, logger.propagate)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # our handler alone prints MkDocs' lines
    from mkdocs.exceptions import Abort, ConfigurationError

    try:
        if command == "build":
            _build(args)
        else:
            _serve(args)
    except ConfigurationError as exc:
        print(f"lỗi: cấu hình {args.config_file} không hợp lệ: {exc} — sửa tệp cấu hình rồi chạy lại", file=sys.stderr)
        return 1
    except Abort as exc:
        print(f"lỗi: {_failure(exc)}", file=sys.stderr)
        return 1
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
    return 0


def _build(args) -> None:
    from mkdocs.commands import build
    from mkdocs.config import load_config

    config = load_config(config_file=args.config_file, strict=args.strict or None)
    config.plugins.on_startup(command="build", dirty=args.dirty)
    print(f"Đang xây dựng trang từ {os.path.relpath(config.docs_dir)}/ vào {os.path.relpath(config.site_dir)}/...",
          file=sys.stderr, flush=True)
    try:
        build.build(config, dirty=args.dirty)
    finally:
        config.plugins.on_shutdown()


def _serve(args) -> None:
    from mkdocs.commands import serve

    options = {"dev_addr": args.dev_addr} if args.dev_addr else {}
    serve.serve(config_file=args.config_file, build_type="dirty" if args.dirty else None, **options)


def build_main(argv: list[str]) -> int:
    return run("build", argv)


def serve_main(argv: list[str]) -> int:
    return run("serve", argv)
