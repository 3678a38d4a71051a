"""Secrecy, circulation and urgency marks in a source text, for the importer.

The marks are found by the portal's own rules (`directive_portal.marks`, the same
as `portal check`): a mark stands alone, in a header column, or at the end of the
number or date line. A secrecy mark (`MẬT`, `TỐI MẬT`, `TUYỆT MẬT`) or a
circulation mark (`LƯU HÀNH NỘI BỘ`) anywhere means the document must never reach
the public site: the importer refuses the file. An urgency mark (`KHẨN`,
`THƯỢNG KHẨN`, `HỎA TỐC`) in the header is metadata: it is taken out of its line
(so it does not end up in the title) and kept as `urgency`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..marks import clean, find_marks
from ..text import fold

HEADER_LINES = 15  # non-blank lines at the top where the header's marks stand


@dataclass(frozen=True)
class Marks:
    lines: tuple[str, ...]  # the text's lines, urgency marks of the header taken out
    secrecy: tuple[tuple[int, str], ...] = ()  # (1-based line, mark as the standard writes it)
    urgency: str = ""  # `KHẨN`, `THƯỢNG KHẨN`, `HỎA TỐC`, … or ""
    urgency_line: int = 0
    removed: tuple[str, ...] = ()  # the urgency marks as written, for the word check


def _take_out(line: str, mark: str) -> tuple[str, str]:
    """The line without the mark (written with or without diacritics), and the mark as written."""
    text = clean(line)
    forms = sorted({mark, fold(mark).upper(), mark.replace("HỎA", "HOẢ")}, key=len, reverse=True)
    found = list(re.finditer(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, forms)) + r")(?![^\W\d_])", text))
    if not found:
        return line, ""
    last = found[-1]
    return (text[: last.start()] + text[last.end():]).rstrip(), last[0]


def find(lines: list[str]) -> Marks:
    """The marks of a text and its lines with the header's urgency marks taken out."""
    out = list(lines)
    secrecy: list[tuple[int, str]] = []
    urgency, urgency_line, removed = "", 0, []
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        for mark in find_marks(line):
            if mark.secrecy:
                secrecy.append((index + 1, mark.text))
            elif seen <= HEADER_LINES:
                out[index], written = _take_out(out[index], mark.text)
                if written:
                    urgency, urgency_line = urgency or mark.text, urgency_line or index + 1
                    removed.append(written)
    return Marks(tuple(out), tuple(secrecy), urgency, urgency_line, tuple(removed))
