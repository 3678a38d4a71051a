"""Section ids from the numbers of Vietnamese headings: `#muc-2` permalinks.

Two pieces, both configured in mkdocs.yml:

    markdown_extensions:
      - directive_portal.headings          # numbered headings, with their parents
      - toc:
          slugify: !!python/name:directive_portal.headings.slugify

The extension gives each numbered heading an id built from its number and the
numbers above it, so a plan that restarts `1.` in every part still has one id
per section: `I. MỤC ĐÍCH` -> `muc-i`, its `1. Mục đích` -> `muc-i-1`, `1.1.` ->
`muc-i-1-1`, `a)` -> `muc-i-1-a`; a letter without parts has `muc-1`, `muc-2`.
The toc extension keeps those ids and calls `slugify` for the other headings
(`Nơi nhận` -> `noi-nhan`); `slugify` alone gives the short form (`muc-1`).
"""

from __future__ import annotations

import re

from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .text import fold, slug

_ROMAN = re.compile(r"^(?P<num>[IVXLC]+)[.)]\s", re.ASCII)
_ARABIC = re.compile(r"^(?P<num>\d+(?:\.\d+)*)\.?[)]?\s")
_LETTER = re.compile(r"^(?P<num>[a-zđ])\)\s")
_NAMED = re.compile(r"^(?P<word>phan|chuong|muc|dieu|khoan)\s+(?P<num>[ivxlc]+|\d+)\b")


def numbering(title: str) -> tuple[str, str]:
    """(kind, number) of a heading: ("roman", "ii"), ("arabic", "1-1"), ("letter", "a") or ("", "")."""
    text = title.strip() + " "
    match = _ROMAN.match(text)
    if match:
        return "roman", match["num"].lower()
    match = _ARABIC.match(text)
    if match:
        return "arabic", match["num"].replace(".", "-")
    match = _LETTER.match(text)
    if match:
        return "letter", fold(match["num"])
    return "", ""


def section_id(title: str) -> str:
    """The id a heading gets from its number, or "" when it has none."""
    text = title.strip() + " "
    match = _ROMAN.match(text)
    if match:
        return "muc-" + match["num"].lower()
    match = _ARABIC.match(text)
    if match:
        return "muc-" + match["num"].replace(".", "-")
    match = _LETTER.match(text)
    if match:
        return "muc-" + fold(match["num"])
    match = _NAMED.match(fold(text))
    if match:
        return f"{match['word']}-{match['num']}"
    return ""


def slugify(value: str, separator: str = "-") -> str:
    """Python-Markdown `toc` slugify: numbered ids first, folded words otherwise."""
    return section_id(value) or slug(value, max_length=60) or "muc"


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class SectionIds(Treeprocessor):
    """Ids for numbered headings, from their number and their parents' numbers."""

    def run(self, root: Element) -> None:
        roman = arabic = ""
        used = {el.get("id") for el in root.iter() if el.get("id")}
        for el in root.iter():
            if el.tag not in _HEADINGS:
                continue
            kind, number = numbering("".join(el.itertext()))
            if kind == "roman":
                roman, arabic, parts = number, "", [number]
            elif kind == "arabic":
                top = number.split("-", 1)[0]
                arabic, parts = top, [p for p in (roman, number) if p]
            elif kind == "letter":
                parts = [p for p in (roman, arabic, number) if p]
            else:
                continue
            ident = "muc-" + "-".join(parts)
            if "id" not in el.attrib and ident not in used:
                el.set("id", ident)
                used.add(ident)


class SectionIdsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After attr_list (8), which may set an id by hand; before toc (5), which keeps ids it finds.
        md.treeprocessors.register(SectionIds(md), "portal_section_ids", 6)


def makeExtension(**kwargs) -> SectionIdsExtension:
    return SectionIdsExtension(**kwargs)
