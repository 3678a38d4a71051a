"""Helpers on single lines of an imported text: markup, capitals, casing."""

from __future__ import annotations

import re

from ..text import fold, nfc

_MARKUP = re.compile(r"^\s*#{1,6}\s+|\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W_]+")


def plain(line: str) -> str:
    """The line without Markdown emphasis or heading marks, trimmed: `**T/M BAN**` -> `T/M BAN`."""
    return _MARKUP.sub("", nfc(line)).strip()


def is_blank(line: str) -> bool:
    return not line.strip()


def is_decoration(line: str) -> bool:
    """A line with no letter or digit: `*`, `-----`, `***` (layout, not text)."""
    return bool(line.strip()) and not re.search(r"[^\W_]", line)


def is_caps(text: str) -> bool:
    """Every letter is a capital (and there is at least one): `KẾ HOẠCH`, `T/M BAN THƯỜNG VỤ`."""
    letters = _LETTER.findall(text)
    return bool(letters) and all(ch == ch.upper() for ch in letters)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


# Canonical spelling of offices and bodies, used to re-case text printed in capitals.
_PHRASES = [
    "Ban Tuyên giáo và Dân vận", "Ban Xây dựng Đảng", "Ủy ban Kiểm tra", "Ban Thường vụ",
    "Ban Chấp hành", "Ban Tổ chức", "Ban Tuyên giáo", "Ban Dân vận", "Ban Nội chính",
    "Phó Chánh Văn phòng", "Chánh Văn phòng", "Văn phòng", "Phó Bí thư", "Bí thư",
    "Thường trực", "Phó Trưởng ban", "Trưởng ban", "Phó Chủ nhiệm", "Chủ nhiệm",
    "Đảng ủy", "Đảng bộ", "Chi bộ", "Thành ủy", "Tỉnh ủy", "Huyện ủy", "Quận ủy",
    "Ủy viên", "Chủ tịch", "Phó Chủ tịch", "Ủy ban nhân dân", "Hội đồng nhân dân",
]
_PHRASE_CASES = sorted(
    ((tuple(fold(w) for w in p.split()), tuple(w[0].isupper() for w in p.split())) for p in _PHRASES),
    key=lambda item: -len(item[0]),
)
_PLACE_WORDS = {"phuong", "xa", "quan", "huyen", "tinh", "tran"}
# Words after which a place name follows: `THÀNH ỦY HÀ NỘI`, `THÀNH PHỐ HÀ NỘI`.
_PLACE_AFTER_PAIRS = {("thanh", "pho"), ("thanh", "uy"), ("tinh", "uy"), ("huyen", "uy"), ("quan", "uy")}


def _cased(word: str, upper: bool) -> str:
    low = word.lower()
    return low[:1].upper() + low[1:] if upper else low


def recase(text: str) -> str:
    """Text printed in capitals, in its ordinary spelling; letters are kept as printed.

    `PHÓ BÍ THƯ THƯỜNG TRỰC` -> `Phó Bí thư Thường trực`,
    `ĐẢNG UỶ PHƯỜNG VIỆT HƯNG` -> `Đảng uỷ phường Việt Hưng` (the `uỷ` spelling stays).
    """
    if not is_caps(text):
        return text
    tokens = text.split()
    folded = [fold(t.strip(",.;:")) for t in tokens]
    flags: list[bool | None] = [None] * len(tokens)
    i = 0
    while i < len(tokens):
        for key, caps in _PHRASE_CASES:
            if tuple(folded[i : i + len(key)]) == key:
                flags[i : i + len(key)] = list(caps)
                i += len(key)
                break
        else:
            i += 1
    # Words after phường/xã/tỉnh... are a place name: capitalised.
    in_place = False
    for i, word in enumerate(folded):
        if flags[i] is None:
            flags[i] = in_place or i == 0 or "/" in tokens[i]
        pair = (folded[i - 1], word) if i else ("", word)
        if pair in _PLACE_AFTER_PAIRS:
            in_place = True
        elif word in _PLACE_WORDS and (i + 1 == len(folded) or folded[i + 1] != "uy"):
            flags[i] = i == 0
            in_place = True
    out = []
    for token, flag in zip(tokens, flags):
        if "/" in token:  # `T/M`, `K/T` stay as printed
            out.append(token)
        else:
            out.append(_cased(token, bool(flag)))
    return " ".join(out)
