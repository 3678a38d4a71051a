"""The Content-Security-Policy of every page, as a `<meta http-equiv>` in the page itself.

A meta policy holds on any host (GitHub Pages, the ward's own server, a copy on a USB stick
served by anything): scripts, styles, images, fonts and connections come only from the site
itself, and no script runs that the build did not write. It is the second wall behind the
escaping: markup that ever slipped through from content cannot run.

No `'unsafe-inline'` for scripts: the inline scripts Material and the portal's templates put
in a page are allowed by their SHA-256 hashes, computed here from the page as rendered
(Material's differ per page: `__md_scope=new URL("../..",location)` depends on the depth).
Only scripts a template wrote get a hash (`Inline`): their text is the text of a `<script>` in
one of the theme's templates, where a `{{ value }}` inside a quoted string may be any text that
cannot end the string. A script that came from anywhere else, such as content that slipped
past the escaping, gets no hash and the browser refuses to run it.
`<style>` elements are allowed by hash the same way; style attributes are not allowed at all
(no template writes one; scripts set styles through `element.style`, which CSP allows).
Images allow `data:` besides the site: Material's stylesheet draws its icons from
`data:image/svg+xml` URLs. `frame-ancestors` is ignored in a meta policy: it belongs in the
server's header.

The meta goes right after `<meta charset>` (a meta policy covers only what follows it), or
first in `<head>`. A page that already has one gets it replaced, so applying twice is harmless.

Not under `mkdocs serve`: its live-reload script is added to every page as it is served, with
a timestamp that changes at each request, so no hash made at build time can allow it.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from itertools import accumulate
from typing import Iterable


META = 'http-equiv="Content-Security-Policy"'
# The types that make a <script> run (HTML: "JavaScript MIME type essence match", a module,
# an import map, speculation rules); any other type is a data block (JSON-LD, Material's
# __config), never executed, so it needs no hash.
_RUNNABLE_TYPES = frozenset({
    "", "module", "importmap", "speculationrules", "application/ecmascript", "application/javascript",
    "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/javascript",
    "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
    "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
    "text/x-ecmascript", "text/x-javascript",
})

_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)  # a Jinja `{{ value }}`
_TAG = re.compile(r"\{[%#]")  # a Jinja statement or comment
# What a `{{ value }}` in a quoted string may be: nothing that ends the string or the element.
_VALUE = r"""[^"'`\\<\r\n\u2028\u2029]*"""


def source_hash(text: str) -> str:
    """`'sha256-…'` of an inline script or style as the browser hashes it: its text after the
    HTML parser's newline normalisation (CR LF and CR become LF; NUL becomes U+FFFD)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(script_hashes: tuple[str, ...] = (), style_hashes: tuple[str, ...] = ()) -> str:
    """The policy allowing the site's own files and these inline scripts and styles."""
    return "; ".join((
        "default-src 'self'",
        " ".join(("script-src 'self'",) + script_hashes),
        " ".join(("style-src 'self'",) + style_hashes),
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ))


def _attribute(value: str) -> str:
    """Escaped for a double-quoted attribute; single quotes kept as they are, readable."""
    return escape(value, quote=False).replace('"', "&quot;")


class _Scan(HTMLParser):
    """Where a page's inline scripts and styles are, and where its policy goes."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lines = list(accumulate((len(line) + 1 for line in html.split("\n")), initial=0))
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.places: dict[str, int] = {}  # "doctype", "html", "head", "charset": where each ends
        self.old_policies: list[tuple[int, int]] = []
        self.raw: tuple[str, list[str]] | None = None  # the <script>/<style> being read, its text

    def tag_span(self) -> tuple[int, int]:
        line, column = self.getpos()
        start = self.lines[line - 1] + column
        return start, start + len(self.get_starttag_text() or "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "") for name, value in attrs}
        place = "charset" if tag == "meta" and "charset" in values else tag
        if place in ("html", "head", "charset"):
            self.places.setdefault(place, self.tag_span()[1])
        elif tag == "meta" and values.get("http-equiv", "").strip().lower() == "content-security-policy":
            self.old_policies.append(self.tag_span())
        elif tag == "script" and "src" not in values:
            runnable = values.get("type", "").strip().lower() in _RUNNABLE_TYPES
            self.raw = ("script", []) if runnable else None
        elif tag == "style":
            self.raw = ("style", [])

    def handle_decl(self, decl: str) -> None:
        line, column = self.getpos()
        self.places.setdefault("doctype", self.lines[line - 1] + column + len(decl) + 3)  # <!…>

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("head", "meta"):
            self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self.raw is not None:
            self.raw[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if self.raw is not None and tag == self.raw[0]:
            (self.scripts if tag == "script" else self.styles).append("".join(self.raw[1]))
        if tag in ("script", "style"):
            self.raw = None


def _scan(html: str) -> _Scan:
    scan = _Scan(html)
    scan.feed(html)
    scan.close()
    return scan


def _template_pattern(text: str) -> re.Pattern[str] | None:
    """The texts a template's inline script or style with `{{ values }}` renders to; None when a
    value stands outside a quoted string or the text holds a Jinja statement (never allowed)."""
    if _TAG.search(text):
        return None
    literals = _EXPRESSION.split(text)
    for before, after in zip(literals, literals[1:]):
        if not (before[-1:] in ("'", '"') and after[:1] == before[-1:]):
            return None
    return re.compile(_VALUE.join(re.escape(literal) for literal in literals))


@dataclass(frozen=True)
class Inline:
    """The inline scripts and styles the templates write, the only ones a policy allows."""

    texts: frozenset[str] = frozenset()
    patterns: tuple[re.Pattern[str], ...] = ()

    def allows(self, text: str) -> bool:
        return text in self.texts or any(pattern.fullmatch(text) for pattern in self.patterns)


def inline_in(sources: Iterable[str]) -> Inline:
    """What the templates with these sources write as inline scripts and styles."""
    texts: set[str] = set()
    patterns: dict[str, re.Pattern[str]] = {}
    for source in sources:
        scan = _scan(source)
        for text in scan.scripts + scan.styles:
            if not _EXPRESSION.search(text) and not _TAG.search(text):
                texts.add(text)
            elif (pattern := _template_pattern(text)) is not None:
                patterns[pattern.pattern] = pattern
    return Inline(frozenset(texts), tuple(patterns.values()))


def inline_in_folders(folders: Iterable[str]) -> Inline:
    """What every template (`*.html`) in these template folders writes inline."""
    sources = []
    for folder in folders:
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # not Material's .icons
            for name in sorted(n for n in names if n.endswith(".html")):
                with open(os.path.join(root, name), encoding="utf-8") as handle:
                    sources.append(handle.read())
    return inline_in(s for s in sources if "<script" in s or "<style" in s)


def unlisted(html: str, inline: Inline) -> tuple[str, ...]:
    """The inline scripts and styles of `html` that no template wrote: the policy refuses them."""
    scan = _scan(html)
    return tuple(text for text in scan.scripts + scan.styles if not inline.allows(text))


# A rendered page read the quick way (an HTML parser in Python took 4 ms a page, a third of
# rendering it). Reading it wrong can only leave out a hash, so a template's script would not
# run (the built-site tests compare with the parser): what is allowed is still only what
# `Inline` allows, text a template wrote.
_RAW = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.S | re.I)
_SRC = re.compile(r"""(?:^|\s)src\s*=""", re.I)
_TYPE = re.compile(r"""(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_PLACES = (("charset", re.compile(r"<meta\s[^>]*?\bcharset\s*=[^>]*>", re.I)),
           ("head", re.compile(r"<head(?:\s[^>]*)?>", re.I)), ("html", re.compile(r"<html(?:\s[^>]*)?>", re.I)),
           ("doctype", re.compile(r"<!doctype[^>]*>", re.I)))
_OLD_POLICY = re.compile(r"""<meta\s[^>]*?http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>""", re.I)


@dataclass
class _Found:
    scripts: list[str]
    styles: list[str]
    places: dict[str, int]
    old_policies: list[tuple[int, int]]


def _find(html: str) -> _Found:
    scripts, styles = [], []
    for match in _RAW.finditer(html):
        tag, attributes, text = match[1].lower(), match[2], match[3]
        if tag == "style":
            styles.append(text)
        elif not _SRC.search(attributes):
            kind = _TYPE.search(attributes)
            if (next(filter(None, kind.groups()), "") if kind else "").strip().lower() in _RUNNABLE_TYPES:
                scripts.append(text)
    places = {}
    for place, pattern in _PLACES:
        found = pattern.search(html)
        if found:
            places[place] = found.end()
    return _Found(scripts, styles, places, [m.span() for m in _OLD_POLICY.finditer(html)])


def with_policy(html: str, inline: Inline) -> str:
    """`html` with its policy, allowing by hash the inline scripts and styles in it that
    the templates wrote (`inline`), and no other."""
    scan = _find(html)
    scripts = tuple(dict.fromkeys(source_hash(s) for s in scan.scripts if inline.allows(s)))
    styles = tuple(dict.fromkeys(source_hash(s) for s in scan.styles if inline.allows(s)))
    meta = f'<meta {META} content="{_attribute(policy(scripts, styles))}">'
    # After <meta charset>, else first in <head>, else after <html>; never before the doctype.
    at = next((scan.places[p] for p in ("charset", "head", "html", "doctype") if p in scan.places), 0)
    out, last = [], 0
    for start, end in sorted(scan.old_policies + [(at, at)]):
        out.append(html[last:start])
        if (start, end) == (at, at):
            out.append(meta)
        last = end
    out.append(html[last:])
    return "".join(out)


__all__ = ["META", "Inline", "inline_in", "inline_in_folders", "policy", "source_hash", "unlisted", "with_policy"]
