"""`{% cached "name" %}...{% endcached %}`: a part of a page template rendered once per build
for each page key, then reused.

Most of a page's template time goes to what is the same on many pages: Material's navigation
tabs and sidebar, its stylesheets, scripts and configuration script differ only by the way
back to the site's root (`base_url`) and by which entry of the navigation is the page itself.
That is the key (`page_key`), read from the template's context, so every cached part of
overrides/base.html and partials/header.html is keyed alike. The fragments live in the Jinja
environment, which MkDocs makes anew for every build.
"""

from __future__ import annotations

from jinja2 import nodes
from jinja2.ext import Extension


class Fragments(Extension):
    tags = {"cached"}

    def __init__(self, environment) -> None:
        super().__init__(environment)
        environment.extend(portal_fragments={})

    def parse(self, parser) -> nodes.Node:
        lineno = next(parser.stream).lineno
        args = [parser.parse_expression(), nodes.ContextReference()]
        body = parser.parse_statements(("name:endcached",), drop_needle=True)
        return nodes.CallBlock(self.call_method("_render", args), [], [], body).set_lineno(lineno)

    def _render(self, name: str, context, caller) -> str:
        made = self.environment.portal_fragments
        key = (name,) + page_key(context.get("base_url"), context.get("page"), context.get("nav"))
        if key not in made:
            made[key] = caller()
        return made[key]


def page_key(base_url, page, nav) -> tuple:
    """What a shared part of the page depends on: `base_url`, the page's top folder (a link's
    relative address can share it) and, when the page is an entry of the navigation, its address
    (that entry is shown as the current one)."""
    if page is None or page.url is None:
        return (base_url, "", "")
    return (base_url, page.url.split("/")[0], page.url if nav is not None and page in nav.pages else "")
