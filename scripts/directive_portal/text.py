"""Small Vietnamese text helpers shared by every stage."""

from __future__ import annotations

import re
import unicodedata

from slugify import slugify as _slugify

_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of whitespace (PDF line breaks included) into one space."""
    return _SPACES.sub(" ", text).strip()


# Combining marks (category Mn) of the Basic Multilingual Plane, deleted by `str.translate`
# in C: a character-by-character loop made folding a hot spot at 10,000 documents.
_MARKS_BMP = {cp: None for cp in range(0x300, 0x10000) if unicodedata.category(chr(cp)) == "Mn"}


def fold(text: str) -> str:
    """Lower case without diacritics, `đ` as `d`: what people type on a phone."""
    if text.isascii():
        return text.lower()
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    if max(decomposed) <= "\uffff":
        stripped = decomposed.translate(_MARKS_BMP)
    else:  # marks outside the BMP (rare): the table does not hold them
        stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped).lower()


def slug(text: str, max_length: int = 0) -> str:
    """URL slug without diacritics: `53-CT/TW` -> `53-ct-tw`, `Văn hóa` -> `van-hoa`."""
    return _slugify(fold(text), max_length=max_length, word_boundary=bool(max_length))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
