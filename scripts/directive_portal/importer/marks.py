"""Secrecy, circulation and urgency marks in a source text.

A secrecy mark (`MẬT`, `TỐI MẬT`, `TUYỆT MẬT`) or a circulation mark
(`LƯU HÀNH NỘI BỘ`) means the document must never reach the public site: the
importer refuses the file. An urgency mark (`KHẨN`, `THƯỢNG KHẨN`, `HỎA TỐC`)
is metadata: it is taken out of the header (so it does not end up in the title)
and kept as `urgency`.

A mark stands alone on a line, or, in the header (the first lines, laid out
in columns), as one column of a line: `Số 12-CV/ĐU            MẬT`. A sentence
that talks about marks ("các độ mật: TUYỆT MẬT, TỐI MẬT") is not a mark, and a
mark is written in capitals (`mật thiết` never is one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import fold

SECRECY = ("TUYỆT MẬT", "TỐI MẬT", "MẬT", "LƯU HÀNH NỘI BỘ")
URGENCY = {"THƯỢNG KHẨN": "Thượng khẩn", "KHẨN": "Khẩn", "HỎA TỐC": "Hỏa tốc", "HOẢ TỐC": "Hỏa tốc"}

HEADER_LINES = 15  # non-blank lines at the top where marks stand in columns
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
_WRAPPING = " \t*_()[]{}\"'“”‘’.:;,-–—<>"
_COLUMNS = re.compile(r"\s{2,}|\t")
_FOLDED = {fold(mark).upper(): mark for mark in (*SECRECY, *URGENCY)}


@dataclass(frozen=True)
class Marks:
    lines: tuple[str, ...]  # the text's lines, urgency marks taken out
    secrecy: tuple[tuple[int, str], ...] = ()  # (1-based line, mark as written in capitals)
    urgency: str = ""  # "Khẩn", "Thượng khẩn", "Hỏa tốc" or ""
    urgency_line: int = 0
    removed: tuple[str, ...] = ()  # the urgency marks as written, for the word check


def mark_of(segment: str) -> str:
    """The mark a piece of text is (the canonical spelling), or ""."""
    text = _INVISIBLE.sub("", segment).strip(_WRAPPING)
    text = " ".join(text.split())
    if text.startswith(("TÀI LIỆU ", "TAI LIEU ")):
        text = text.split(" ", 2)[2]
    letters = [c for c in text if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return ""
    return _FOLDED.get(fold(text).upper(), "")


def _marks_in_line(line: str, in_header: bool) -> list[tuple[str, str]]:
    """(segment as written, mark) for each mark of the line."""
    whole = mark_of(line)
    if whole:
        return [(line.strip(), whole)]
    if not in_header:
        return []
    return [(segment.strip(), mark_of(segment)) for segment in _COLUMNS.split(line) if mark_of(segment)]


def find(lines: list[str]) -> Marks:
    """The marks of a text and its lines with the urgency marks taken out."""
    out = list(lines)
    secrecy: list[tuple[int, str]] = []
    urgency, urgency_line, removed = "", 0, []
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        for segment, mark in _marks_in_line(line, seen <= HEADER_LINES):
            if mark in SECRECY:
                secrecy.append((index + 1, mark))
                continue
            urgency = urgency or URGENCY[mark]
            urgency_line = urgency_line or index + 1
            removed.append(segment)
            out[index] = out[index].replace(segment, " " * len(segment), 1).rstrip()
    return Marks(tuple(out), tuple(secrecy), urgency, urgency_line, tuple(removed))
