"""Document numbers (số ký hiệu): how one is written, compared and read.

`canonical_id` writes a number as the portal stores it, `citation_key` compares two
(`03-ĐA/TU` is `3-ĐA/TU`), `type_from_number` and `parse_number` read its parts.
Used by the read stage (front matter), the citation stage and the search index alike.
"""

from __future__ import annotations

import re

from .model import TYPE_CODES

# Hyphen, en dash, em dash, minus, non-breaking hyphen.
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"

# Codes printed in mixed case, by their upper-case form.
_MIXED_CASE_CODES = {"CTR": "CTr", "TTR": "TTr", "QYĐ": "QyĐ", "QĐI": "QĐi"}
_SPACES = re.compile(r"\s+")
_DASH = re.compile(f"[{DASHES}]")
_PARTY_NUMBER = re.compile(r"(\d+)-([^/]+)/(.+)")
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")


def canonical_id(raw: str) -> str:
    """Normalise a number as written: no spaces or line breaks, hyphens for dashes.

    >>> canonical_id("53-\\nCT/TW")
    '53-CT/TW'
    """
    text = _DASH.sub("-", _SPACES.sub("", raw))
    match = _PARTY_NUMBER.fullmatch(text)
    if match:
        code = _MIXED_CASE_CODES.get(match[2].upper(), match[2].upper())
        return f"{match[1]}-{code}/{match[3].upper()}"
    return text.upper()


def citation_key(id_: str) -> str:
    """Matching key: canonical id without leading zeros (`03-ĐA/TU` ~ `3-ĐA/TU` ~ `03 – ĐA/TU`).

    The canonical id upper-cased, made without its mixed-case step (upper case undoes it):
    a build asks for a hundred thousand keys."""
    return _LEADING_ZEROS.sub("", _DASH.sub("-", _SPACES.sub("", id_)).upper())


def type_from_number(id_: str) -> str:
    """Type slug from the code in a Party number: `53-CT/TW` -> `chi-thi`."""
    match = re.fullmatch(r"\d+-([^/]+)/.+", id_)
    if match:
        return TYPE_CODES.get(match[1].upper(), "")
    match = re.fullmatch(r"\d+/\d{4}/(.+)", id_)
    if match:
        code = match[1]
        if code.startswith("QH"):
            return "luat"
        if code.startswith("NĐ"):
            return "nghi-dinh"
        if code.startswith("TT"):
            return "thong-tu"
        if code.startswith("NQ"):
            return "nghi-quyet"
        if code.startswith("QĐ"):
            return "quyet-dinh"
    return ""


def parse_number(raw: str) -> tuple[str, str] | None:
    """Split a document's own number into (type code, issuer code).

    `12-CV/ĐU` -> ("CV", "ĐU"); a blank number `-CV/ĐU` -> ("CV", "ĐU") too.
    """
    match = re.fullmatch(
        rf"\s*(?:\d{{1,4}})?\s*[{DASHES}]\s*([^\s/]+)\s*/\s*(\S+)\s*", raw
    )
    if not match:
        return None
    return match[1], match[2]
