"""`{% cached "name", key... %}...{% endcached %}`: a part of a page template rendered once per
key in a build, then reused.

Most of a page's template time goes to what is the same on many pages: Material's navigation
tabs and sidebar, and its configuration script, differ only by the way back to the site's root
(`base_url`) and by which entry of the navigation is the page itself. The templates name
exactly what their part depends on in the key (overrides/base.html); the fragments live in
the Jinja environment, which MkDocs makes anew for every build.
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
        key = [parser.parse_expression()]
        while parser.stream.skip_if("comma"):
            key.append(parser.parse_expression())
        body = parser.parse_statements(("name:endcached",), drop_needle=True)
        return nodes.CallBlock(self.call_method("_render", [nodes.List(key)]), [], [], body).set_lineno(lineno)

    def _render(self, key: list, caller) -> str:
        made = self.environment.portal_fragments
        key = tuple(key)
        if key not in made:
            made[key] = caller()
        return made[key]


def page_key(page, nav) -> tuple[str, str]:
    """What a navigation fragment depends on besides `base_url`: the page's top folder (a link's
    relative address can share it) and, when the page is an entry of the navigation, its address
    (that entry is shown as the current one)."""
    if page is None or page.url is None:
        return ("", "")
    return (page.url.split("/")[0], page.url if nav is not None and page in nav.pages else "")
