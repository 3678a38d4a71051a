"""`{% cached %}` (fragments.py): a part of the page template rendered once per key, and a site
built with it byte for byte the one built with every part rendered anew."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from jinja2 import DictLoader, Environment

from directive_portal.fragments import Fragments, page_key
from sites import REPO, write_config

TEMPLATES = {"page.html": '{% cached "nav" %}<nav>{{ made() }} {{ base_url }}</nav>{% endcached %} {{ title }}'}


def _environment() -> tuple[Environment, list[int]]:
    env = Environment(loader=DictLoader(TEMPLATES), extensions=[Fragments], autoescape=True)
    calls: list[int] = []
    env.globals["made"] = lambda: calls.append(1) or len(calls)
    return env, calls


def test_a_part_is_rendered_once_per_key_and_the_rest_every_time():
    env, calls = _environment()
    page = env.get_template("page.html")
    # Pages outside the navigation (page=None, nav=None): keyed by `base_url` alone.
    shown = [page.render(base_url=url, title=title) for url, title in (("..", "a"), ("..", "b"), ("../..", "c"))]
    assert shown == ["<nav>1 ..</nav> a", "<nav>1 ..</nav> b", "<nav>2 ../..</nav> c"]
    assert len(calls) == 2
    fresh, fresh_calls = _environment()  # MkDocs makes an environment per build: nothing carried over
    assert fresh.get_template("page.html").render(base_url="..", title="d") == "<nav>1 ..</nav> d"


def test_the_page_key_names_the_top_folder_and_a_navigation_entry():
    entry = SimpleNamespace(url="chu-de/")
    nav = SimpleNamespace(pages=[entry])
    assert page_key("..", entry, nav) == ("..", "chu-de", "chu-de/")
    assert page_key("../..", SimpleNamespace(url="chu-de/chuyen-doi-so/"), nav) == ("../..", "chu-de", "")
    assert page_key("../../..", SimpleNamespace(url="van-ban/2026/x/"), nav) == ("../../..", "van-ban", "")
    assert page_key("/", None, nav) == ("/", "", "")  # 404.html


BUILD = """
import sys
from directive_portal import fragments
if sys.argv[1] == "anew":
    fragments.Fragments._render = lambda self, *key, caller: caller()
from mkdocs.__main__ import cli
cli(["build", "-q", "-f", sys.argv[2]])
"""


def _site(root: Path, mode: str) -> dict[str, bytes]:
    root.mkdir()
    config = write_config(root, REPO / "content", root / "site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-c", BUILD, mode, str(config)], capture_output=True, text=True,
                            env=env, cwd=root)
    assert result.returncode == 0, result.stderr
    return {str(p.relative_to(root / "site")): p.read_bytes() for p in (root / "site").rglob("*.html")}


def test_the_real_site_is_the_same_with_every_part_rendered_anew(tmp_path):
    kept, anew = _site(tmp_path / "kept", "kept"), _site(tmp_path / "anew", "anew")
    assert len(kept) > 40 and "404.html" in kept and "index.html" in kept and "chu-de/index.html" in kept
    assert sorted(name for name in kept if kept[name] != anew.get(name)) == []
    assert kept.keys() == anew.keys()
