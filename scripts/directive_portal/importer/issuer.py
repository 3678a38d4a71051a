"""The issuing body: printed in the header, or inferred from the number and signing block."""

from __future__ import annotations

import re

from ..model import Signer
from ..text import fold
from .lines import recase

# Board codes that open an issuer code: `BTGDVTU` = Ban Tuyên giáo và Dân vận + TU.
_BOARDS = [
    ("BTGDV", "Ban Tuyên giáo và Dân vận"), ("BTGĐV", "Ban Tuyên giáo và Dân vận"),
    ("BTĐV", "Ban Tuyên giáo và Dân vận"), ("BXDĐ", "Ban Xây dựng Đảng"),
    ("UBKT", "Ủy ban Kiểm tra"), ("BTC", "Ban Tổ chức"), ("BTG", "Ban Tuyên giáo"),
    ("BDV", "Ban Dân vận"), ("BNC", "Ban Nội chính"), ("VP", "Văn phòng"),
]
_BOARD_LINE = re.compile(r"^(ban|van phong|uy ban kiem tra)\b")


def level_word(text: str) -> str:
    """`phường` or `xã`, whichever the document uses for its own unit ("" if neither)."""
    folded_words = re.findall(r"[^\W\d_]+", text.lower())
    wards = sum(1 for w in folded_words if w == "phường")
    communes = sum(
        1 for a, b in zip(folded_words, folded_words[1:] + [""]) if a == "xã" and b != "hội"
    )
    if not wards and not communes:
        return ""
    return "phường" if wards >= communes else "xã"


def _committee(code: str, level: str, place: str, text: str) -> str:
    if code == "ĐU":
        unit = " ".join(p for p in (level, place) if p)
        return f"Đảng ủy {unit}".strip()
    if code == "TU":
        return "Tỉnh ủy" if text.count("Tỉnh ủy") > text.count("Thành ủy") else "Thành ủy"
    return {"CB": "Chi bộ", "HU": "Huyện ủy", "QU": "Quận ủy", "TW": "Ban Chấp hành Trung ương"}.get(code, "")


def from_code(issuer_code: str, level: str, place: str, text: str) -> str:
    """`ĐU` -> `Đảng ủy phường Việt Hưng`; `BTGDVTU` -> `Ban Tuyên giáo và Dân vận Thành ủy`."""
    code = issuer_code.upper()
    board = ""
    for prefix, name in _BOARDS:
        if code.startswith(prefix) and len(code) > len(prefix):
            board, code = name, code[len(prefix):]
            break
    committee = _committee(code, level, place, text)
    if not committee:
        return ""
    return f"{board} {committee}".strip()


def from_header(lines: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """Issuer from the printed lines (capitals), and the lines it leaves out.

    `THÀNH ỦY HÀ NỘI` / `BAN TUYÊN GIÁO VÀ DÂN VẬN` -> `Ban Tuyên giáo và Dân vận Thành ủy Hà Nội`;
    `ĐẢNG BỘ THÀNH PHỐ HÀ NỘI` / `ĐẢNG ỦY PHƯỜNG VIỆT HƯNG` -> `Đảng ủy phường Việt Hưng`
    (the body above is left out).
    """
    if not lines:
        return "", ()
    cased = [recase(" ".join(line.split())) for line in lines]
    last = cased[-1]
    if len(cased) > 1 and _BOARD_LINE.match(fold(last)):
        return f"{last} {cased[-2]}", tuple(lines[:-2])
    return last, tuple(lines[:-1])


def with_signer(issuer: str, signer: Signer) -> str:
    """`T/M Ban Thường vụ` + `Đảng ủy phường Việt Hưng` -> `Ban Thường vụ Đảng ủy phường Việt Hưng`."""
    match = re.match(r"^(?:T/M|TM\.|T\.M\.?)\s*(?P<body>.+)$", signer.on_behalf, re.I)
    if not match or not issuer:
        return issuer
    body = match["body"].strip()
    if fold(issuer).startswith(fold(body)) or fold(body) in ("dang uy", "chi bo", "dang bo"):
        return issuer
    return f"{body} {issuer}"
