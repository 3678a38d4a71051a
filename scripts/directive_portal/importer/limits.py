"""Lengths no real directive reaches: a value past them is a misread (or a hostile) file.

The number and place go into the file name (a name over 255 bytes cannot be
written), the issuer into every listing. A file whose number, issuer or place
is too long is refused with a message naming the line, before anything is
written, and a batch goes on with the next file.
"""

from __future__ import annotations

from .sources import SourceError

MAX_LENGTHS = {  # front matter key -> (characters, what it is, line attribute of the parsed header)
    "number": (40, "số văn bản", "number_line"),
    "place": (80, "địa danh", "date_line"),
    "issuer": (200, "cơ quan ban hành", ""),  # the issuer lines open the file
}


def check(source: str, front: dict, header) -> None:
    """Raise `SourceError` when a value is longer than any real one."""
    for key, (limit, what, line_attr) in MAX_LENGTHS.items():
        value = str(front.get(key) or "")
        if len(value) > limit:
            line = max(1, getattr(header, line_attr, 0) if line_attr else 1)
            raise SourceError(
                f"{source}:{line}: {what} dài {len(value)} ký tự (tối đa {limit}): '{value[:40]}…' — "
                "công cụ nhập đọc sai phần đầu văn bản hoặc tệp bị hỏng; kiểm tra tệp gốc "
                f"(dòng {what} phải đứng riêng), sửa rồi nhập lại; không có gì được ghi")
