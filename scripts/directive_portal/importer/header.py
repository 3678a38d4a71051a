"""The header block of a directive: number, place and date, type word, subject, addressees.

Layout blocks come in any order (PDF and Word copies differ), so each line is
recognised on its own; the subject is the first plain text after a header
element, the body starts at the first plain text after the subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import TYPE_WORDS, PartialDate
from ..numbers import canonical_id, parse_number
from ..text import fold
from .lines import is_blank, is_caps, is_decoration, plain

NATIONAL = "đảng cộng sản việt nam"
_DASH = "-\u2010\u2011\u2012\u2013\u2014\u2212"
NUMBER = re.compile(
    rf"\bSố\s*[:.]?\s*(?P<raw>(?P<digits>\d{{1,4}})?\s*[{_DASH}]\s*[A-Za-zĐđ]+\s*/\s*[A-Za-zĐđ0-9{_DASH}]*[A-Za-zĐđ0-9])",
)
DATE = re.compile(
    r"(?P<place>[^\W\d_][^\d,;:()]{0,40}?)\s*,?\s+ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?"
    r"\s*năm\s*(?P<y>\d{4})",
    re.IGNORECASE,
)
_COLUMNS = re.compile(r"\s{3,}|\t+")
_ORG_START = re.compile(
    r"^(dang uy|dang bo|ban |thanh uy|tinh uy|huyen uy|quan uy|chi bo|uy ban|van phong|dang doan|ban can su)"
)
_FOLDED_TYPE_WORDS = {fold(word): slug for word, slug in TYPE_WORDS.items()}
_SUBJECT_PREFIX = re.compile(r"^(?:V/v|V/V|v/v|Về việc)\s*[:.]?\s*")
_LIST_ITEM = re.compile(r"^\s*(?:[-+•–]\s|\*\s)")
_HEADING = re.compile(r"^\s*(?:[IVX]+\.|\d+(?:\.\d+)*\.)\s")


@dataclass(frozen=True)
class Header:
    body_start: int  # index of the first body line (0-based)
    title: str = ""
    title_line: int = 0  # 1-based line numbers, 0 when not found
    number: str = ""
    number_raw: str = ""
    number_line: int = 0
    type_code: str = ""
    issuer_code: str = ""
    type_word: str = ""  # type slug from a `KẾ HOẠCH`-like line
    type_line: int = 0
    place: str = ""
    date: PartialDate | None = None
    date_line: int = 0
    issuer_lines: tuple[str, ...] = ()
    issuer_line: int = 0
    recipients: tuple[str, ...] = ()
    recipients_line: int = 0
    dropped: tuple[str, ...] = ()  # labels kept out of the document: national header, `Số`, `V/v`…


def parse_date(text: str) -> tuple[str, PartialDate | None] | None:
    """`Việt Hưng, ngày 5 tháng 1 năm 2026` -> ("Việt Hưng", 2026-01-05); blanks stay blank."""
    match = DATE.search(plain(text))
    if not match:
        return None
    place = match["place"].strip(" *_")
    try:
        date = PartialDate.checked(
            int(match["y"]), int(match["m"]) if match["m"] else None,
            int(match["d"]) if match["d"] and match["m"] else None,
        )
    except ValueError:
        date = None
    return place, date


def parse_number_line(text: str) -> tuple[str, str, str, str] | None:
    """`Số 12-CV/ĐU` -> ("12-CV/ĐU", raw, "CV", "ĐU"); a blank `Số - CV/ĐU` gives number ""."""
    match = NUMBER.search(plain(text))
    if not match:
        return None
    codes = parse_number(match["raw"])
    if not codes:
        return None
    number = canonical_id(match["raw"]) if match["digits"] else ""
    return number, match["raw"], codes[0], codes[1]


def type_word(text: str) -> str:
    """Type slug of a line that is only a type word in capitals (`KẾ HOẠCH`), else ""."""
    line = plain(text)
    if not is_caps(line):
        return ""
    return _FOLDED_TYPE_WORDS.get(fold(" ".join(line.split())), "")


def is_recipients_line(text: str) -> bool:
    return fold(plain(text)).startswith("kinh gui")


def _is_org(piece: str) -> bool:
    return is_caps(piece) and bool(_ORG_START.match(fold(piece) + " "))


def _clean_item(text: str) -> str:
    text = plain(text)
    text = re.sub(r"^[-+•–*]\s*", "", text)
    return text.rstrip(" ,;.").strip()


def parse_recipients(lines: list[str], start: int) -> tuple[list[str], int]:
    """Addressees after `Kính gửi:` (same line and following `-` lines); returns (items, next index)."""
    first = plain(lines[start])
    rest = first.split(":", 1)[1] if ":" in first else re.sub(r"^Kính gửi\s*", "", first, flags=re.I)
    items: list[str] = [rest.strip()] if rest.strip() else []
    i = start + 1
    while i < len(lines):
        text = plain(lines[i])
        if not text:
            j = i + 1
            while j < len(lines) and is_blank(lines[j]):
                j += 1
            if j < len(lines) and (not items or _LIST_ITEM.match(lines[j])) and _LIST_ITEM.match(lines[j]):
                i = j
                continue
            break
        if _LIST_ITEM.match(lines[i]):
            items.append(text)
        elif items and not items[-1].rstrip().endswith(".") and not _HEADING.match(text):
            items[-1] = items[-1].rstrip() + " " + text  # a wrapped addressee
        else:
            break
        i += 1
    return [c for c in (_clean_item(item) for item in items) if c], i


class _Reader:
    """Walks the header lines, filling the fields it recognises."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.f: dict = {"issuer_lines": [], "dropped": []}
        self.anchor = False

    def element(self, index: int) -> bool:
        """Recognise header elements on line `index`; True when the whole line is used."""
        line = self.lines[index]
        if is_decoration(line):
            return True
        saved = ({k: list(v) if isinstance(v, list) else v for k, v in self.f.items()}, self.anchor)
        leftovers = self._read(index, line)
        if leftovers and "title" in self.f:
            self.f, self.anchor = saved  # after the subject, only whole header lines count
            return False
        return not leftovers

    def _read(self, index: int, line: str) -> list[str]:
        leftovers = []
        text = plain(line)
        if fold(text).find(fold(NATIONAL)) >= 0:
            self.f["dropped"].append(NATIONAL.upper())
            text = re.sub(NATIONAL, "   ", text, flags=re.I)
            self.anchor = True
        number = NUMBER.search(text)
        if number and "number_line" not in self.f:
            parsed = parse_number_line(number.group(0))
            if parsed:
                self.f.update(number=parsed[0], number_raw=parsed[1], type_code=parsed[2],
                              issuer_code=parsed[3], number_line=index + 1)
                # The label `Số`; a blank number's codes live on in `type` and `issuer`.
                self.f["dropped"].append("Số" if parsed[0] else f"Số {parsed[1]}")
                text = text[: number.start()] + "   " + text[number.end():]
                self.anchor = True
        date = DATE.search(text)
        if date and "date_line" not in self.f:
            place, value = parse_date(date.group(0)) or ("", None)
            self.f.update(place=place, date=value, date_line=index + 1)
            self.f["dropped"].append("ngày tháng năm")
            text = text[: date.start()] + "   " + text[date.end():]
            self.anchor = True
        for piece in _COLUMNS.split(text.strip()):
            piece = piece.strip()
            if not piece or is_decoration(piece):
                continue
            slug = type_word(piece)
            if slug and "type_line" not in self.f:
                self.f.update(type_word=slug, type_line=index + 1)
                self.f["dropped"].append(piece)  # lives on in `type`
                self.anchor = True
            elif _is_org(piece) and "title" not in self.f:
                self.f["issuer_lines"].append(piece)
                self.f.setdefault("issuer_line", index + 1)
                self.anchor = True
            else:
                leftovers.append(piece)
        return leftovers


def _starts_lower(line: str) -> bool:
    text = plain(line)
    return bool(text) and text[0].isalpha() and text[0].islower()


def _next_text(lines: list[str], i: int) -> int:
    while i < len(lines) and is_blank(lines[i]):
        i += 1
    return i


def parse_header(lines: list[str]) -> Header:
    """Read the header block at the top of `lines` (one string per source line)."""
    reader = _Reader(lines)
    limit = min(len(lines), 80)
    recipients_at = next((k for k in range(limit) if is_recipients_line(lines[k])), None)
    i = 0
    body_start = None
    while i < len(lines):
        if is_blank(lines[i]):
            i += 1
            continue
        if is_recipients_line(lines[i]) and "recipients" not in reader.f:
            reader.f["recipients_line"] = i + 1
            reader.f["dropped"].append("Kính gửi")
            reader.f["recipients"], i = parse_recipients(lines, i)
            reader.anchor = True
            continue
        if reader.element(i):
            i += 1
            continue
        f = reader.f
        if "title" in f or (not reader.anchor and not _anchor_ahead(reader, i)):
            body_start = i
            break
        i = _read_subject(lines, i, f, recipients_at)
    if body_start is None:
        body_start = len(lines)
    f = reader.f
    title = f.get("title", "")
    prefix = _SUBJECT_PREFIX.match(title)
    if prefix:
        f["dropped"].append(prefix.group(0).strip())
        title = title[prefix.end():]
        title = title[:1].upper() + title[1:]  # `V/v tuyên truyền …` -> title `Tuyên truyền …`
    f["title"] = title
    return Header(
        body_start=body_start,
        **{k: tuple(v) if isinstance(v, list) else v for k, v in f.items()},
    )


def _anchor_ahead(reader: _Reader, i: int) -> bool:
    """Plain text before any header element: a subject only if elements follow closely."""
    lines = reader.lines
    seen = 0
    for k in range(i + 1, min(len(lines), i + 30)):
        if is_blank(lines[k]):
            continue
        seen += 1
        text = plain(lines[k])
        if NUMBER.search(text) or DATE.search(text) or fold(NATIONAL) in fold(text) or type_word(text):
            return True
        if seen > 8:
            break
    return False


def _read_subject(lines: list[str], i: int, f: dict, recipients_at: int | None) -> int:
    """Read the subject starting at line i; return the index after it."""
    parts = [plain(lines[i])]
    f["title_line"] = i + 1
    i += 1
    while i < len(lines):
        if is_blank(lines[i]):
            j = _next_text(lines, i)
            inside_header = recipients_at is not None and j < recipients_at
            if j < len(lines) and (_starts_lower(lines[j]) or inside_header) and not _is_element(lines[j]):
                i = j
                continue
            break
        if _is_element(lines[i]) or _LIST_ITEM.match(lines[i]) or _HEADING.match(plain(lines[i])):
            break
        parts.append(plain(lines[i]))
        i += 1
    f["title"] = " ".join(" ".join(parts).split())
    return i


def _is_element(line: str) -> bool:
    text = plain(line)
    return bool(
        NUMBER.search(text) or DATE.search(text) or fold(NATIONAL) in fold(text)
        or type_word(text) or is_recipients_line(text) or is_decoration(line)
        or _is_org(text)
    )
