"""A Markdown extension that lets nothing from content run or load from another site.

Documents are directives: their text never needs HTML. Python-Markdown passes
raw HTML through untouched, so `<script>` in a body would run, and `<Tên cơ quan>`
(a placeholder in a template letter) would vanish as an unknown tag. With this
extension both are shown as the text they are.

`attr_list` (`{: ... }` after a paragraph, link or image) copies any attribute into
the page, event handlers included. Every element of the finished tree keeps only the
attributes in `ALLOWED` (exact, lower-case names), with values checked: links go to
pages, other sites, mail or telephone; images and other resources only to files of
this site. `portal check` and the build report what this would remove (`links.py`),
so an editor learns of it; this extension is the last line, on every page.
Use in mkdocs.yml: `markdown_extensions: [directive_portal.safe_markdown]`.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, HTML_PLACEHOLDER_RE

# What the content needs: ids and classes (section links, footnotes, tables), titles and
# alternative texts, link and image addresses, table alignment, list start numbers.
ALLOWED = {
    "*": frozenset({"id", "class", "title"}),
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "th": frozenset({"style", "align"}),
    "td": frozenset({"style", "align"}),
    "ol": frozenset({"start"}),
}
_URL_ATTRIBUTES = frozenset({"href", "src"})
_SAFE_VALUE = {
    "id": re.compile(r"^[\w:.-]{1,200}$"),
    "class": re.compile(r"^[\w -]{1,200}$"),
    "style": re.compile(r"^text-align: ?(left|right|center);?$"),
    "align": re.compile(r"^(left|right|center)$"),
    "start": re.compile(r"^\d{1,6}$"),
    "width": re.compile(r"^\d{1,4}(px|%)?$"),
    "height": re.compile(r"^\d{1,4}(px|%)?$"),
}
_INVISIBLE = re.compile(r"[\x00-\x20\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def plain_url(url: str) -> str:
    """An address as a browser reads it: entities decoded, invisible characters dropped."""
    return _INVISIBLE.sub("", html.unescape(url))


def is_unsafe_url(url: str) -> bool:
    """A link address that would run code or is not a plain web, mail or phone address."""
    match = _SCHEME.match(plain_url(url))
    return match is not None and match[1].lower() not in LINK_SCHEMES


def is_outside_resource(url: str) -> bool:
    """An image (or other loaded resource) address that is not a file of this site."""
    plain = plain_url(url)
    return plain.startswith(("//", "\\\\", "/\\", "\\/")) or _SCHEME.match(plain) is not None


def attribute_problem(tag: str, name: str, value: str) -> str:
    """Why an attribute may not stay on an element (Vietnamese), or "" when it may."""
    if name not in ALLOWED["*"] and name not in ALLOWED.get(tag, ()):
        return f"thuộc tính '{name}' không được phép trên trang công khai"
    if name == "href" and is_unsafe_url(value):
        return f"liên kết '{plain_url(value)}' không phải địa chỉ trang, thư hay điện thoại"
    if name == "src" and is_outside_resource(value):
        return f"ảnh '{value}' lấy từ trang web khác: trang của cổng không được tải gì từ nơi khác"
    pattern = _SAFE_VALUE.get(name)
    if pattern is not None and not pattern.match(value):
        return f"giá trị '{value}' của thuộc tính '{name}' không hợp lệ"
    return ""


def resolve_placeholders(md: Markdown, value: str | None) -> str:
    """An attribute value with Python-Markdown's stash placeholders put back (`&#106;` ...);
    "" for an attribute without a value (`{: autofocus }`)."""
    if value is None:
        return ""
    if "\x02" not in value:
        return value
    blocks = md.htmlStash.rawHtmlBlocks

    def stashed(match: re.Match) -> str:
        index = int(match[1])
        return str(blocks[index]) if index < len(blocks) else ""

    return HTML_PLACEHOLDER_RE.sub(stashed, value).replace(AMP_SUBSTITUTE, "&")


class _Allowlist(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name, value in list(element.attrib.items()):
                if attribute_problem(element.tag, name, resolve_placeholders(self.md, value)):
                    del element.attrib[name]


class SafeMarkdownExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        # After attr_list (8) and toc (5) have set every attribute.
        md.treeprocessors.register(_Allowlist(md), "portal_safe_attributes", 1)


def makeExtension(**kwargs) -> SafeMarkdownExtension:
    return SafeMarkdownExtension(**kwargs)
