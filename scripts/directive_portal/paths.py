"""Where a document lives in `content/` and which URL it gets."""

from __future__ import annotations

from .model import PartialDate
from .text import slug

DOCUMENTS_DIR = "van-ban"
TOPICS_FILE = "topics.yml"


def document_relpath(
    type_: str, number: str, date: PartialDate | None, place: str, title: str
) -> str:
    """Path, relative to the content folder, for a new document file.

    `van-ban/2026/2026-03-ke-hoach-chua-so-khuong-dinh-tuyen-truyen-van-dong.md`:
    the year folder keeps listings small, the date prefix sorts files, the
    number (or `chua-so` for an unsigned copy), place and a few words of the
    subject keep names unique and readable.
    """
    year = str(date.year) if date else "khong-ro-nam"
    parts = []
    if date:
        parts.append(date.iso())
    parts.append(type_)
    parts.append(slug(number) if number else "chua-so")
    if place:
        parts.append(slug(place))
    parts.append(slug(title, max_length=60) or "van-ban")
    name = "-".join(p for p in parts if p)
    return f"{DOCUMENTS_DIR}/{year}/{name}.md"


def is_document_path(relpath: str) -> bool:
    return relpath.startswith(DOCUMENTS_DIR + "/") and relpath.endswith(".md")
