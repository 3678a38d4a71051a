"""Section ids from the numbers of Vietnamese headings: `#muc-2` permalinks.

Configured in mkdocs.yml as the `toc` extension's slugify function:

    markdown_extensions:
      - toc:
          slugify: !!python/name:directive_portal.headings.slugify

`I. MỤC ĐÍCH, YÊU CẦU` -> `muc-i`, `2. Yêu cầu` -> `muc-2`, `1.1. Tuyên truyền` ->
`muc-1-1`, `a) Nội dung` -> `muc-a`, `Điều 3.` -> `dieu-3`; any other heading gets a
folded slug of its words (`Nơi nhận` -> `noi-nhan`). The toc extension sees one
heading at a time, so a number repeated under another parent (`I.` / `1.`, then
`II.` / `1.`) gets toc's own suffix: the second `1.` is `muc-1_1`. The first
occurrence keeps the short id, which is what people quote ("mục 1").
"""

from __future__ import annotations

import re

from .text import fold, slug

_ROMAN = re.compile(r"^(?P<num>[IVXLC]+)[.)]\s", re.ASCII)
_ARABIC = re.compile(r"^(?P<num>\d+(?:\.\d+)*)\.?[)]?\s")
_LETTER = re.compile(r"^(?P<num>[a-zđ])\)\s")
_NAMED = re.compile(r"^(?P<word>phan|chuong|muc|dieu|khoan)\s+(?P<num>[ivxlc]+|\d+)\b")


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
