"""Footnotes: `¹` markers in the text, their text wherever the PDF flow put it."""

from __future__ import annotations

import re

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_DIGITS = str.maketrans(SUPERSCRIPTS, "0123456789")
_DEFINITION = re.compile(rf"^\s*(?:\[\^(?P<md>\w+)\]:|(?P<sup>[{SUPERSCRIPTS}]+))\s*(?P<text>\S.*)$")
_MARKER = re.compile(rf"(?<=\S)([{SUPERSCRIPTS}]+)")
_ENDS_SENTENCE = re.compile(r"[.;!?][”\"’)]*\s*$")
_BLOCK_START = re.compile(r"^\s*(?:[-+•*]\s|[IVX]+\.\s|\d+(?:\.\d+)*\.\s)")


def label(marker: str) -> str:
    """`¹²` -> `12`."""
    return marker.translate(_TO_DIGITS)


def inline_labels(lines: list[str]) -> set[str]:
    """Labels of footnote markers used inside the text (not at the start of a line)."""
    found = set()
    for line in lines:
        for match in _MARKER.finditer(line):
            found.add(label(match[1]))
        found.update(re.findall(r"\[\^(\w+)\](?!:)", line))
    return found


def extract(lines: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Take footnote texts out of the flow.

    Returns the lines without the footnote texts and the (label, text) pairs in
    order. A line opening with `¹` is a footnote text only if `¹` is also used
    as a marker elsewhere; it runs on over the following lines until a sentence
    ends, a blank line, or a new list item or heading.
    """
    used = inline_labels(lines)
    kept: list[str] = []
    notes: list[tuple[str, str]] = []
    i = 0
    while i < len(lines):
        match = _DEFINITION.match(lines[i])
        name = match and (match["md"] or label(match["sup"] or ""))
        if not match or name not in used:
            kept.append(lines[i])
            i += 1
            continue
        parts = [match["text"].strip()]
        i += 1
        while i < len(lines) and lines[i].strip() and not _ENDS_SENTENCE.search(parts[-1]):
            if _DEFINITION.match(lines[i]) or _BLOCK_START.match(lines[i]):
                break
            parts.append(lines[i].strip())
            i += 1
        notes.append((name, " ".join(" ".join(parts).split())))
    return kept, notes


def link_markers(text: str, labels: set[str]) -> str:
    """`Đảng¹ và` -> `Đảng[^1] và` for every label that has a footnote text."""
    def replace(match: re.Match) -> str:
        name = label(match[1])
        return f"[^{name}]" if name in labels else match[0]

    return _MARKER.sub(replace, text)
