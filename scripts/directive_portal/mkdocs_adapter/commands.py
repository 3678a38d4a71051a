"""`portal build` and `portal serve`: what `mkdocs build` and `mkdocs serve` do
(mkdocs/__main__.py), run by `build_messages.run`, which speaks Vietnamese. Material's
end-of-life notice is off (NO_MKDOCS_2_WARNING, read when Material loads).
"""

from __future__ import annotations

import os
import sys
from functools import partial

from ..build_messages import CommandFailed, bad_config, failure, run, starting


def _mkdocs(command: str, args) -> None:
    os.environ["NO_MKDOCS_2_WARNING"] = "1"  # before Material's templates are imported (by load_config)
    from mkdocs.commands import build, serve
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    try:
        if command == "serve":
            options = {"dev_addr": args.dev_addr} if args.dev_addr else {}
            serve.serve(config_file=args.config_file, build_type="dirty" if args.dirty else None, **options)
            return
        config = load_config(config_file=args.config_file, strict=args.strict or None)
        config.plugins.on_startup(command="build", dirty=args.dirty)
        print(starting(config.docs_dir, config.site_dir), file=sys.stderr, flush=True)
        try:
            build.build(config, dirty=args.dirty)
        finally:
            config.plugins.on_shutdown()
    except ConfigurationError as exc:
        raise CommandFailed(bad_config(args.config_file, exc)) from exc
    except Abort as exc:
        raise CommandFailed(failure(str(exc), args.config_file)) from exc


build_main, serve_main = partial(run, "build", _mkdocs), partial(run, "serve", _mkdocs)  # cli.py
