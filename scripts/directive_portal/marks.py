"""Secrecy, circulation and urgency marks, found where they stand in a real document.

A mark (Hướng dẫn 36-HD/VPTW) is printed in capitals on a line of its own, in a
header table cell, or at the end of the number or date line — after any spacing
a PDF or a typist left, zero-width characters included. A sentence that talks
about marks ("các độ mật: TUYỆT MẬT, TỐI MẬT") is no mark, and `mật thiết` never is.
Secrecy and circulation marks keep a document off the public site; urgency marks
(KHẨN, HỎA TỐC) are facts about the document, kept in its front matter, not words
of its title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import fold, nfc

SECRECY = ("TUYỆT MẬT", "TỐI MẬT", "MẬT", "TÀI LIỆU LƯU HÀNH NỘI BỘ", "LƯU HÀNH NỘI BỘ")
URGENCY = ("HỎA TỐC HẸN GIỜ", "HỎA TỐC", "HOẢ TỐC", "THƯỢNG KHẨN", "KHẨN")
# Written with and without diacritics (`TOI MAT` typed on a keyboard without Telex).
_FORMS = {form: mark for mark in SECRECY + URGENCY for form in (mark, fold(mark).upper())}
_ALTERNATION = "|".join(sorted(map(re.escape, _FORMS), key=len, reverse=True))
_ANY_MARK_WORD = re.compile(r"M[ẬA]T|N[ỘO]I B[ỘO]|KH[ẨA]N|T[ỐO]C")

# Invisible characters a copy may carry inside or around a mark.
_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]")
# Columns of a layout: table cells, runs of two spaces or a tab (PDF text), brackets.
_CELLS = re.compile(r"\||\t|\s{2,}|[()\[\]{}]|\s[-–—]\s")
_DECORATION = " \t*_#>`~\"'“”‘’.,;:!-–—+"
_LABEL = re.compile(r"^(?:ĐỘ MẬT|ĐỘ KHẨN|DO MAT|DO KHAN|DẤU|DAU)\s*:\s*", re.IGNORECASE)
_FRONT_MATTER_KEY = re.compile(r"^\s*[A-Za-z_]+\s*:\s+")
# The number line (`Số 12-CV/ĐU`) and the date line (`Việt Hưng, ngày 5 tháng 1 năm 2026`).
_NUMBER_OR_DATE = re.compile(r"^(?:S[ỐốOo]\b|.*\bng[àa]y\b.*\bn[ăa]m\s+\d{4}\b)", re.IGNORECASE)
# The mark after the number or the year: `Số 12-CV/ĐU MẬT`, `… năm 2026 KHẨN` (not `BÍ MẬT`).
_TRAILING_MARK = re.compile(rf"[\d/]\S*\s+({_ALTERNATION})$")
_LEADING_MARK = re.compile(rf"^({_ALTERNATION})\s+(?=S[ỐO]\b)")


@dataclass(frozen=True)
class Mark:
    text: str  # as the standard writes it: `TỐI MẬT`
    secrecy: bool  # True: never public; False: urgency, metadata


def _mark(form: str) -> Mark:
    mark = _FORMS[form]
    return Mark(mark, mark in SECRECY)


def clean(line: str) -> str:
    return _INVISIBLE.sub("", nfc(line))


def _cell_mark(cell: str) -> Mark | None:
    words = " ".join(_LABEL.sub("", cell.strip(_DECORATION)).split()).strip(_DECORATION)
    if words in _FORMS:
        return _mark(words)
    if _NUMBER_OR_DATE.match(words):
        end = _TRAILING_MARK.search(words)
        if end:
            return _mark(end[1])
    start = _LEADING_MARK.match(words)
    return _mark(start[1]) if start else None


def find_marks(line: str) -> list[Mark]:
    """The marks standing in one line of text (Markdown or front matter)."""
    line = clean(line)
    if not _ANY_MARK_WORD.search(line):
        return []  # most lines: no mark word at all
    line = _FRONT_MATTER_KEY.sub("", line, count=1)
    found: list[Mark] = []
    for cell in [line, *_CELLS.split(line)]:
        mark = _cell_mark(cell)
        if mark is not None and mark not in found:
            found.append(mark)
    return found


def may_hold_marks(text: str) -> bool:
    if _ANY_MARK_WORD.search(text):
        return True
    return _INVISIBLE.search(text) is not None and _ANY_MARK_WORD.search(clean(text)) is not None
