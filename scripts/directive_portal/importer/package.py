"""Limits checked on a Word file's zip directory before anything is inflated.

A .docx is a zip archive. A hostile or broken one can declare parts that inflate
to hundreds of megabytes from a few hundred kilobytes (a "zip bomb"), or hold
thousands of parts. The zip directory lists each part's compressed and
uncompressed size; Python's zipfile never inflates a part past its declared size,
so checking the declared sizes first bounds the memory an import can take.
"""

from __future__ import annotations

import zipfile

MAX_TOTAL_BYTES = 100 * 1024 * 1024  # every part, pictures included
MAX_XML_BYTES = 30 * 1024 * 1024  # one XML part (the text of a long plan is under 5 MB)
MAX_RATIO = 200  # uncompressed / compressed size of a large part
MAX_PARTS = 5000


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def zip_problem(path: str) -> str:
    """What is wrong with the archive's declared sizes, in Vietnamese ("" when nothing)."""
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        return f"tệp .docx có {len(infos)} phần, quá giới hạn {MAX_PARTS} phần"
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_BYTES:
        return (f"tệp .docx giải nén ra {_mb(total)}, quá giới hạn {_mb(MAX_TOTAL_BYTES)} "
                "(tệp hỏng, tệp độc hại, hoặc chứa quá nhiều hình ảnh)")
    for info in infos:
        if info.filename.lower().endswith((".xml", ".rels")) and info.file_size > MAX_XML_BYTES:
            return f"phần '{info.filename}' của tệp .docx giải nén ra {_mb(info.file_size)}, quá giới hạn {_mb(MAX_XML_BYTES)}"
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            return (f"phần '{info.filename}' của tệp .docx nén {info.compress_size} byte nhưng giải nén ra "
                    f"{_mb(info.file_size)} (gấp hơn {MAX_RATIO} lần): có thể là tệp độc hại (zip bomb)")
    return ""
