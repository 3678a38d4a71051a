"""`portal build` and `portal serve`: MkDocs run from Python, speaking Vietnamese.

It does what `mkdocs build` and `mkdocs serve` do (mkdocs/__main__.py), with MkDocs'
progress said in Vietnamese (`build_messages`), failures explained (exit 1), and
Material's end-of-life notice off (NO_MKDOCS_2_WARNING, read when Material loads).
"""

from __future__ import annotations

import os
import sys
from functools import partial

from ..build_messages import failure, site_command_parser, vietnamese_logging
from ..file_errors import describe


def run(command: str, argv: list[str]) -> int:
    args = site_command_parser(command).parse_args(argv)
    if not os.path.isfile(args.config_file):
        print(f"portal {command}: {describe(FileNotFoundError(2, 'missing'), args.config_file)}", file=sys.stderr)
        return 1
    os.environ["NO_MKDOCS_2_WARNING"] = "1"  # before Material's templates are imported (by load_config)
    from mkdocs.exceptions import Abort, ConfigurationError

    with vietnamese_logging("mkdocs"):
        try:
            (_build if command == "build" else _serve)(args)
        except ConfigurationError as exc:
            print(f"lỗi: cấu hình {args.config_file} không hợp lệ: {exc} — sửa tệp cấu hình rồi chạy lại",
                  file=sys.stderr)
            return 1
        except Abort as exc:
            print(f"lỗi: {failure(str(exc))}", file=sys.stderr)
            return 1
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


build_main, serve_main = partial(run, "build"), partial(run, "serve")  # `portal build`, `portal serve` (cli.py)
