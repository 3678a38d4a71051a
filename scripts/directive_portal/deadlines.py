"""Deadlines written in a document's text, with the sentence they are in.

"trước ngày 28/3/2026" is a day; "hoàn thành trong quý I/2026", "trong tháng 4/2026" and
"trong năm 2026" are periods, kept as periods (never turned into a day the text does not
give); "hằng tháng" is a recurrence with no date at all; "trước ngày 30/3" gives no year
and stays undated. `find_deadlines(text)` works on any string; nothing here knows MkDocs.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .relations import sentence_around

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# White space may hold Markdown emphasis: "hoàn thành trong **quý I/2026**".
_PATTERN = (
    r"(?<!\w)(?:(?P<day>(?:trước|chậm\s+nhất(?:\s+là)?|hạn\s+chót(?:\s+là)?|hoàn\s+thành)\s+(?:ngày\s+)?"
    r"(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?(?![\d/])"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})))"
    r"|(?P<quarter>(?:trong\s+|hoàn\s+thành\s+|trước\s+|xong\s+)quý\s+(?P<q>IV|I{1,3}|[1-4])\s*/\s*(?P<qy>\d{4}))"
    r"|(?P<month>(?:trong\s+|hoàn\s+thành\s+|xong\s+)tháng\s+(?P<mm>\d{1,2})\s*/\s*(?P<my>\d{4}))"
    r"|(?P<year>trong\s+năm\s+(?P<yy>\d{4}))"
    r"|(?P<every>(?:hằng|hàng|định\s+kỳ\s+hằng|định\s+kỳ\s+hàng)\s+(?P<unit>tháng|quý|tuần)))"
)
_DEADLINE = re.compile(re.sub(r"\\s([+*])", r"[\\s*_]\1", _PATTERN), re.IGNORECASE)
# Every deadline holds one of these: the big pattern is tried only around them (str.find is
# fast; trying the pattern at every word of 10,000 documents is not).
_MARKERS = ("/19", "/20", "năm 19", "năm 20", "hằng", "hàng", "Hằng", "Hàng", "trước ngày", "Trước ngày",
            "chậm nhất", "Chậm nhất", "hạn chót", "Hạn chót")
_REACH = 48  # characters from the start of a deadline to its marker, at most
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)")


@dataclass(frozen=True)
class Deadline:
    """One deadline: `start`..`end` (end excluded) for a day or a period; none for the others."""

    kind: str  # "day", "period", "recurring" or "undated"
    text: str  # the words as written: `trước ngày 28/3/2026`
    label: str  # how the portal shows it: `28/03/2026`, `quý I/2026`, `hằng tháng`
    sentence: str
    line: int  # 1-based line in the text
    start: datetime.date | None = None
    end: datetime.date | None = None  # the day after the last day

    @property
    def last_day(self) -> datetime.date | None:
        return self.end - datetime.timedelta(days=1) if self.end else None


def _next_month(year: int, month: int) -> datetime.date:
    return datetime.date(year + month // 12, month % 12 + 1, 1)


def _deadline(match: re.Match) -> tuple[str, str, datetime.date | None, datetime.date | None] | None:
    """(kind, label, start, end) of a match, or None when the date does not exist."""
    try:
        if match["day"]:
            d, m, y = (match["d"], match["m"], match["y"]) if match["d"] else (match["d2"], match["m2"], match["y2"])
            if not y:
                return "undated", f"ngày {int(d)}/{int(m)} (văn bản không ghi năm)", None, None
            day = datetime.date(int(y), int(m), int(d))
            return "day", day.strftime("%d/%m/%Y"), day, day + datetime.timedelta(days=1)
        if match["quarter"]:
            q, year = _ROMAN[match["q"].upper()], int(match["qy"])
            start = datetime.date(year, 3 * q - 2, 1)
            roman = ("I", "II", "III", "IV")[q - 1]
            return "period", f"quý {roman}/{year}", start, _next_month(year, 3 * q)
        if match["month"]:
            month, year = int(match["mm"]), int(match["my"])
            return "period", f"tháng {month}/{year}", datetime.date(year, month, 1), _next_month(year, month)
        if match["year"]:
            year = int(match["yy"])
            return "period", f"năm {year}", datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)
    except ValueError:
        return None
    return "recurring", f"hằng {match['unit'].lower()}", None, None


def _candidates(text: str) -> list[int]:
    hits: set[int] = set()
    for marker in _MARKERS:
        at = text.find(marker)
        while at >= 0:
            hits.add(at)
            at = text.find(marker, at + 1)
    return sorted(hits)


def _matches(text: str):
    last = 0
    for hit in _candidates(text):
        if hit < last:
            continue
        match = next((m for m in _DEADLINE.finditer(text, max(last, hit - _REACH), hit + _REACH)
                      if m.end() > hit), None)
        if match is not None:
            last = match.end()
            yield match


def find_deadlines(text: str, everywhere: bool = False) -> list[Deadline]:
    """Every deadline in `text`, in order. Markdown emphasis (`**quý I/2026**`) is read through.
    `everywhere`: try the pattern at every position (the plain definition, slower; for tests)."""
    found = []
    for match in (_DEADLINE.finditer(text) if everywhere else _matches(text)):
        made = _deadline(match)
        if made is None:
            continue
        kind, label, start, end = made
        sentence = _EMPHASIS.sub("", sentence_around(text, match.start(), match.end())[0])
        found.append(Deadline(kind, " ".join(_EMPHASIS.sub("", match.group(0)).split()), label, sentence,
                              text.count("\n", 0, match.start()) + 1, start, end))
    return found
