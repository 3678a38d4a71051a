"""A Markdown extension that never lets raw HTML or script URLs from content through.

Documents are directives: their text never needs HTML. Python-Markdown passes
raw HTML through untouched, so `<script>` in a body would run, and `<Tên cơ quan>`
(a placeholder in a template letter) would vanish as an unknown tag. With this
extension both are shown as the text they are. Links and images whose address
is a `javascript:`, `vbscript:` or `data:` URL (entities decoded first) lose it.
Use in mkdocs.yml: `markdown_extensions: [directive_portal.safe_markdown]`.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

_UNSAFE_URL = re.compile(r"^\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\u00ad\u200b-\u200f\ufeff]+")


def is_unsafe_url(url: str) -> bool:
    return bool(_UNSAFE_URL.match(_INVISIBLE.sub("", html.unescape(url))))


class _SafeUrls(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                if is_unsafe_url(element.get(attribute, "")):
                    element.set(attribute, "#")


class SafeMarkdownExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeUrls(md), "portal_safe_urls", 0)


def makeExtension(**kwargs) -> SafeMarkdownExtension:
    return SafeMarkdownExtension(**kwargs)
