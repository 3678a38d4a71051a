"""Links, images and attributes of a Markdown body, found by the parser that builds the pages.

`portal check` and the build must agree on what is a link: a footnote definition
(`[^1]: Điều lệ …`) is not one, a link inside code is not one, `{: href=… }` is one.
So the links are read from the tree Python-Markdown makes with the extensions the
site uses (`EXTENSIONS`, the same as mkdocs.yml's), not by a second set of patterns.
Python-Markdown keeps no line numbers: each item is placed on the first line, from
the previous item's on, that holds its address (or attribute); a body is searched
in order, so repeated addresses land on their own lines.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

import markdown
from markdown.treeprocessors import Treeprocessor

from .safe_markdown import attribute_problem, resolve_placeholders

# The Markdown extensions of mkdocs.yml that change what is a link or an attribute
# (tests/test_links.py checks that mkdocs.yml lists each of them).
EXTENSIONS = ("footnotes", "attr_list", "tables", "sane_lists", "directive_portal.safe_markdown")
# Text without any of these has no link, image or attribute list: no need to parse it.
_MARKERS = re.compile(r"\]\(|\]\[|\]:|\{|<[a-zA-Z]")
# Text without any of these has nothing a page would refuse: its links, if any, are web
# addresses (`[a](https://…)`, `<https://…>`: raw HTML is shown as text), with no attribute
# list, image or link definition.
_MAY_REFUSE = re.compile(r"\{|!\[|\]:|\]\[|\]\((?!https?://)")


@dataclass(frozen=True)
class Link:
    line: int  # in the text given, from 1
    tag: str  # "a" or "img"
    target: str


@dataclass(frozen=True)
class Attribute:
    line: int
    tag: str
    name: str
    value: str
    problem: str  # why it may not stay (Vietnamese)


@dataclass(frozen=True)
class Found:
    links: tuple[Link, ...]
    refused: tuple[Attribute, ...]  # attributes the page will not keep


class _Collector(Treeprocessor):
    """Runs after attr_list (8) and before the allowlist (1): sees what content asked for."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.items: list[tuple[str, str, str]] = []  # (tag, attribute, value) in document order

    def run(self, root: etree.Element) -> None:
        # Children before their parent: a block's `{: … }` is written after the text it holds.
        stack: list[tuple[etree.Element, bool]] = [(root, False)]
        while stack:
            element, seen = stack.pop()
            if not seen:
                stack.append((element, True))
                stack.extend((child, False) for child in reversed(element))
                continue
            for name, value in element.attrib.items():
                self.items.append((element.tag, name, resolve_placeholders(self.md, value)))


def _parser() -> tuple[markdown.Markdown, _Collector]:
    md = markdown.Markdown(extensions=list(EXTENSIONS))
    collector = _Collector(md)
    md.treeprocessors.register(collector, "portal_collect_links", 7)
    return md, collector


class _Locator:
    """Places items on lines: the first line from the furthest placed one holding a needle."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.current = 0

    def line_of(self, *needles: str) -> int:
        # Forward first; then from the top (an element's own attributes come after its children's
        # in the tree when written at the end of its block).
        for start, stop in ((self.current, len(self.lines)), (0, self.current)):
            for needle in needles:
                for index in range(start, stop) if needle else ():
                    if needle in self.lines[index]:
                        self.current = max(self.current, index)
                        return index + 1
        return self.current + 1


def may_refuse(text: str) -> bool:
    """False when the page keeps every attribute and address of this text (no need to parse it)."""
    return _MAY_REFUSE.search(text) is not None


def find_links(text: str) -> Found:
    """Every link and image address of a Markdown body, and every attribute the page will drop."""
    if not _MARKERS.search(text):
        return Found((), ())
    md, collector = _parser()
    md.convert(text)
    locator = _Locator(text)
    links, refused = [], []
    for tag, name, value in collector.items:
        if name in ("href", "src"):
            line = locator.line_of(f"]({value}", f"<{value}>", value, value.replace("&", "&amp;"), name)
        elif name in ("id", "class", "title", "alt"):
            continue  # set by the parser itself as often as by content: nothing to place
        else:
            line = locator.line_of(name, value)
        problem = attribute_problem(tag, name, value)
        if problem:
            refused.append(Attribute(line, tag, name, value, problem))
        elif name in ("href", "src") and tag in ("a", "img"):
            links.append(Link(line, tag, value))
    return Found(tuple(links), tuple(refused))
