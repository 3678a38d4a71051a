"""Reflow the body of a directive into Markdown.

PDF copies break lines inside paragraphs, split numbers (`53-` / `CT/TW`) and
leave page-break blank lines mid-sentence; Word copies give one paragraph per
line. Headings `I.`, `1.`, `1.1.` become `##`, `###`, `####`, list items
`-`, `+`, `*`, `a)` become Markdown list items, footnotes become `[^1]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import footnotes

_ROMAN = r"(?:X{0,2}(?:IX|IV|V?I{0,3}))"
_HEADING = re.compile(rf"^(?P<num>{_ROMAN}\.|\d{{1,2}}\.(?:\d{{1,2}}\.){{0,3}})\s+(?P<text>\S.*)$")
_BULLET = re.compile(r"^(?P<mark>[-+•–*])\s+(?P<text>\S.*)$")
_LETTER_ITEM = re.compile(r"^(?P<mark>[a-zđ]\))\s+(?P<text>\S.*)$")
_TERMINAL = re.compile(r"[.:;!?][”\"’)*]*$")
_SPLIT_NUMBER = re.compile(r"\d\s*[-\u2013]$")
_CODE_START = re.compile(r"^[A-ZĐ][A-Za-zĐđ]{0,5}\s*/")
_FULL = 0.8  # a line this close to the usual width was wrapped, not ended


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "item", "subitem", "para", "table"
    text: str
    level: int = 0  # heading level (2..5)


def _starts_lower(text: str) -> bool:
    return bool(text) and text[0].isalpha() and text[0].islower()


def line_width(lines: list[str]) -> int:
    """Usual width of wrapped lines (0 when the text has one paragraph per line)."""
    widths = sorted(
        len(a.strip()) for a, b in zip(lines, lines[1:])
        if a.strip() and b.strip() and _starts_lower(b.strip())
    )
    return widths[len(widths) // 2] if len(widths) >= 3 else 0


def _starts_block(text: str) -> bool:
    """Headings, lettered items and tables always open a new block."""
    heading = _HEADING.match(text)
    if heading and heading["num"][0].isdigit() and int(heading["num"].split(".")[0]) > 30:
        heading = None
    return bool(heading or _LETTER_ITEM.match(text) or text.startswith(("|", "#")))


def _is_bullet(text: str) -> bool:
    bullet = _BULLET.match(text)
    return bool(bullet) and not _starts_lower(bullet["text"])


def _join(left: str, right: str) -> str:
    """Join two lines of a paragraph, mending a number split at the line end."""
    if _SPLIT_NUMBER.search(left) and _CODE_START.match(right):
        return left.rstrip() + right.lstrip()
    return left.rstrip() + " " + right.lstrip()


def _continues(prev: str, blank_between: bool, nxt: str, width: int, reflow: bool) -> bool:
    """Does line `nxt` continue the paragraph that ends with line `prev`?"""
    if not reflow or _starts_block(nxt):
        return False
    if _SPLIT_NUMBER.search(prev) and _CODE_START.match(nxt):
        return True
    ends = bool(_TERMINAL.search(prev))
    full = width and len(prev) >= _FULL * width
    if _is_bullet(nxt):  # `– Trung thành nhất` after a full line cut mid-sentence continues it
        return not blank_between and bool(full) and not ends
    if blank_between:  # a page break mid-sentence leaves a blank line
        if _starts_lower(nxt) and prev.endswith((";", ",")):  # `… của Đảng¹;` / page break / `tiếp tục …`
            return True
        return not ends and (_starts_lower(nxt) or bool(full))
    if _starts_lower(nxt):
        return True
    if not width:
        return False
    return bool(full) and not prev.endswith(":")


def blocks(lines: list[str], reflow: bool = True) -> list[Block]:
    """Group body lines into blocks (paragraphs, headings, list items, tables)."""
    texts = [" ".join(line.split()) for line in lines]
    width = line_width(texts) if reflow else 0
    groups: list[list[str]] = []
    blank = True
    for text in texts:
        if not text:
            blank = True
            continue
        if groups and not groups[-1][0].startswith("|") and _continues(groups[-1][-1], blank, text, width, reflow):
            groups[-1].append(text)
        elif groups and text.startswith("|") and groups[-1][0].startswith("|") and not blank:
            groups[-1].append(text)
        else:
            groups.append([text])
        blank = False
    result: list[Block] = []
    for group in groups:
        if group[0].startswith("|"):
            result.append(Block("table", "\n".join(group)))
            continue
        text = group[0]
        for line in group[1:]:
            text = _join(text, line)
        result.append(_classify(text, result[-1] if result else None))
    return result


def _classify(text: str, previous: Block | None) -> Block:
    marked = re.match(r"^(#{1,6})\s+(\S.*)$", text)  # already Markdown (Word heading styles)
    if marked:
        return Block("heading", marked[2], max(2, len(marked[1])))
    heading = _HEADING.match(text)
    bare = text.strip("*").strip()
    if heading and len(text) <= 400 and not re.search(r"[.;][”\"’)*]*$", text):
        number = heading["num"]
        level = 2 if not number[0].isdigit() else min(5, 2 + number.count("."))
        if bare == text.strip("*") and text.startswith("**") and text.endswith("**"):
            text = bare
        return Block("heading", text, level)
    bullet = _BULLET.match(text)
    if bullet:
        nested = bullet["mark"] == "+" and previous is not None and previous.kind in ("item", "subitem")
        return Block("subitem" if nested else "item", bullet["text"])
    if _LETTER_ITEM.match(text):
        return Block("item", text)
    return Block("para", text)


# Markdown autolinks (`<https://…>`, seed 002) stay links; every other `<` is text.
_AUTOLINK = re.compile(r"<(?:https?|ftp)://[^<>\s]*>|<[\w.+-]+@[\w-]+(?:\.[\w-]+)+>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?=#?\w+;)")


def _escape_html(text: str) -> str:
    """`<Tên cơ quan, đơn vị>` in a template letter is text, not an HTML tag a browser hides:
    `<` becomes `&lt;` (and `&lt;` written out stays as written), autolinks excepted."""
    out, position = [], 0
    for link in _AUTOLINK.finditer(text):
        out += [_ENTITY.sub("&amp;", text[position: link.start()]).replace("<", "&lt;"), link[0]]
        position = link.end()
    out.append(_ENTITY.sub("&amp;", text[position:]).replace("<", "&lt;"))
    return "".join(out)


def _escape_links(text: str) -> str:
    """`[…](…)` or `[…]:` written in the text would become a link and hide its address; `[^1]`
    (a footnote) stays."""
    return re.sub(r"\[(?!\^\w+\])", r"\\[", text)


def _escape_start(text: str) -> str:
    """Keep a numbered paragraph (`1. …`) from becoming a renumbered Markdown list, and a
    leading `#`, `>`, `* `, `+ `, `- ` from making a heading, quote or list."""
    text = re.sub(r"^(\d+)\.(\s)", r"\1\\.\2", text)
    text = re.sub(r"^([-+*])(\s)", r"\\\1\2", text)
    return re.sub(r"^([#>])", r"\\\1", text)


def _inline(text: str) -> str:
    return _escape_links(_escape_html(text))


def render(items: list[Block]) -> str:
    out = []
    for block in items:
        if block.kind == "heading":
            out.append("#" * block.level + " " + _inline(block.text))
        elif block.kind == "item":
            out.append("- " + _escape_start(_inline(block.text)))
        elif block.kind == "subitem":
            out.append("    - " + _escape_start(_inline(block.text)))
        elif block.kind == "table":
            out.append(_inline(block.text))
        else:
            out.append(_escape_start(_inline(block.text)))
    return "\n\n".join(out)


def to_markdown(lines: list[str], reflow: bool = True) -> str:
    """Markdown body for the body lines of a directive, footnotes at the end."""
    kept, notes = footnotes.extract(lines)
    labels = {name for name, _ in notes}
    text = render(blocks(kept, reflow))
    text = footnotes.link_markers(text, labels)
    if notes:
        text += "\n\n" + "\n".join(f"[^{name}]: {_inline(note)}" for name, note in notes)
    return text.strip() + "\n"
