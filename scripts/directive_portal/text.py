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


# Line breaks (every one `str.splitlines` knows) and the other control and bidi characters:
# in a log line or an editor's message, none may start a new line (a CI log reads a line
# starting with `::error` as a command) or hide what follows.
_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """`text` on one line: line breaks shown as ` ⏎ `, other control characters as `\\xNN`/`\\uNNNN`."""
    text = _BREAKS.sub(" ⏎ ", str(text)).replace("\t", " ")
    return _INVISIBLE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)
