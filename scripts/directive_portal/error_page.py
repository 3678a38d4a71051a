"""The page `mkdocs serve` shows while the content has errors (part of the MkDocs adapter).

`mkdocs serve` holds every request until a rebuild succeeds, so a build that fails on
the content would leave the editor's browser waiting forever. Under `serve`, the plugin
lets the build finish without pages instead, and `write` puts this page, listing every
problem, at the site's home and as its 404 page (which MkDocs' server answers every
other address with), after removing the pages of the last good build.
"""

from __future__ import annotations

import os
import shutil
from typing import TYPE_CHECKING

from . import csp
from .model import Problem

if TYPE_CHECKING:
    import jinja2

TEMPLATE = "portal-errors.html"  # in overrides/


def render(env: jinja2.Environment, problems: tuple[Problem, ...]) -> str:
    """The page, from the theme's template folders (the template escapes every value), with its
    Content-Security-Policy: it shows what the content says, like any page of the site."""
    source = env.loader.get_source(env, TEMPLATE)[0]
    return csp.with_policy(env.get_template(TEMPLATE).render(problems=problems), csp.inline_in([source]))


def show(site_dir: str, env: jinja2.Environment, errors) -> str:
    """Put the page listing `errors` at every address of `site_dir`; what to tell the editor."""
    write(site_dir, render(env, errors))
    return f"Trang xem trước chỉ hiện danh sách {len(errors)} lỗi cho tới khi các lỗi được sửa."


def write(site_dir: str, html: str) -> None:
    """Empty `site_dir` (a temporary folder of `mkdocs serve`) and put the page in it."""
    for name in os.listdir(site_dir):
        path = os.path.join(site_dir, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.remove(path)
    for name in ("index.html", "404.html"):
        with open(os.path.join(site_dir, name), "w", encoding="utf-8") as handle:
            handle.write(html)


__all__ = ["render", "write"]
