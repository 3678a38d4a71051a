"""Parts of a Markdown text where a citation must not be turned into a link.

Code (fenced blocks and code spans), existing links and images, and anything
between angle brackets (autolinks, tags) are shown as they are: wrapping a
citation there in `[…](…)` would print the brackets or nest one link in another.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,}).*?$(?:.*?^[ \t]{0,3}\1[`~]*[ \t]*$|\Z)", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_LINK = re.compile(r"!?\[(?:[^\[\]\n]|\[[^\]\n]*\])*\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_ANGLE = re.compile(r"<[^<>\n]+>")
# A link definition `[id]: address`; a footnote definition `[^1]: text` is running text.
_REFERENCE_DEFINITION = re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:.*$", re.M)

# Each pattern with the strings one of which any match contains.
_PATTERNS = ((_FENCE, ("```", "~~~")), (_CODE_SPAN, ("`",)), (_LINK, ("[",)), (_ANGLE, ("<",)),
             (_REFERENCE_DEFINITION, ("]:",)))


def protected_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of every part of `text` that must be left as written, sorted."""
    ranges: list[tuple[int, int]] = []
    for pattern, needle in _PATTERNS:
        # Most documents have no code, links or tags: a `needle` test in C spares the
        # patterns that start with an anchor or an optional part (tried at every position).
        if any(n in text for n in needle):
            ranges.extend(match.span() for match in pattern.finditer(text))
    return sorted(ranges)


def overlaps(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(range_start < end and start < range_end for range_start, range_end in ranges)
