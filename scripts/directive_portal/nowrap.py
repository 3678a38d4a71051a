"""Numbers kept on one line: `79-NQ/TW`, never `79-` at the end of a line and `NQ/TW` on the next.

Browsers may break a line after a hyphen or a slash. A document number (`53-CT/TW`,
`123/2024/NĐ-CP`, the blank `…-KH/ĐU` of an unsigned copy) or a date (`26/10/2025`) broken
there reads as two things. `parts` splits a text into its numbers and the rest, for the
templates (`number_parts` filter) and for the Markdown extension below, which wraps each
number of a page's text in `<span class="portal-nowrap">` (assets/portal.css: `nowrap`):

    markdown_extensions:
      - directive_portal.nowrap
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# Words joined by hyphens or slashes, e.g. `53-CT/TW`, `39/2024/QH15`, `-CV/ĐU`, `…-KH/ĐU`.
_JOINED = re.compile(r"(?<![^\W_])(?:…|\.\.\.)?-?[^\W_]+(?:[-/][^\W_]+)+")
_BLANK = re.compile(r"^(?:…|\.\.\.)?-[^\W\d_]+/")
_SKIP = {"code", "pre", "script", "style", "kbd", "samp"}
# Longer than any document number (`123/2024/NĐ-CP`, `261-CV/BTGDVTU`): an account or file
# code must still break, or it would push a phone's page sideways.
MAX_LENGTH = 24


def _is_number(token: str) -> bool:
    """A joined token is a number when it has a digit or is a blank number (`-CV/ĐU`)."""
    if len(token) > MAX_LENGTH:
        return False
    return any(ch.isdigit() for ch in token) or bool(_BLANK.match(token))


def parts(text: object) -> list[tuple[str, bool]]:
    """`"Chỉ thị số 53-CT/TW của"` -> [("Chỉ thị số ", False), ("53-CT/TW", True), (" của", False)]."""
    text = "" if text is None else str(text)
    if "-" not in text and "/" not in text:  # most texts: no joined word, nothing to look for
        return [(text, False)]
    out: list[tuple[str, bool]] = []
    last = 0
    for match in _JOINED.finditer(text):
        if not _is_number(match[0]):
            continue
        if match.start() > last:
            out.append((text[last:match.start()], False))
        out.append((match[0], True))
        last = match.end()
    if last < len(text) or not out:
        out.append((text[last:], False))
    return out


def _spans(text: str) -> tuple[str, list[Element]]:
    """The text before the first number, and a span per number with the text after it as tail."""
    pieces = parts(text)
    head, spans = "", []
    for piece, number in pieces:
        if number:
            span = Element("span", {"class": "portal-nowrap"})
            span.text, span.tail = piece, ""
            spans.append(span)
        elif spans:
            spans[-1].tail += piece
        else:
            head += piece
    return head, spans


def wrap(element: Element) -> None:
    """Wrap every number in the text under `element` (not in code) in a nowrap span."""
    if element.tag in _SKIP or element.get("class") == "portal-nowrap":
        return
    children = list(element)
    if element.text:
        element.text, spans = _spans(element.text)
        for index, span in enumerate(spans):
            element.insert(index, span)
    for child in children:
        wrap(child)
        if child.tail:
            child.tail, spans = _spans(child.tail)
            at = list(element).index(child) + 1
            for offset, span in enumerate(spans):
                element.insert(at + offset, span)


class _NowrapTreeprocessor(Treeprocessor):
    def run(self, root: Element) -> None:
        wrap(root)


class NowrapExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # After inline parsing (20) and the table of contents (5): headings' ids and TOC
        # titles are made from the plain text first.
        md.treeprocessors.register(_NowrapTreeprocessor(md), "portal_nowrap", 3)


def makeExtension(**kwargs) -> NowrapExtension:  # noqa: N802 (Markdown's API)
    return NowrapExtension(**kwargs)
