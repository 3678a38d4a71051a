"""Text pools cut from the seed documents, for the synthetic corpus.

The seeds are raw text out of Word and PDF files. `read_seed_text(folder)`
joins lines broken by the PDF, drops the header and the signing block, and
sorts what remains into section titles (`I. MỤC ĐÍCH, YÊU CẦU`), subsection
titles (`1. Mục đích`), bulleted items, paragraphs and sentences. Blocks that
cite a document are left out: the generator places its own citations. The corpus
generator reshuffles these: the text of every generated document is real
Vietnamese administrative prose, not random syllables.
"""

from __future__ import annotations

import glob
import os
import re
from dataclasses import dataclass

from directive_portal.references import find_citations
from directive_portal.text import nfc, squash

_ROMAN = re.compile(r"^(?:[IVX]+)\.\s+(?P<text>\S.*)$")
_NUMBERED = re.compile(r"^\d+(?:\.\d+)*\.\s+(?P<text>\S.*)$")
_BULLET = re.compile(r"^[-*+•]\s+(?P<text>\S.*)$")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ\"“])")
_SKIP = re.compile(r"Kính gửi|Nơi nhận|ĐẢNG CỘNG SẢN|T/M |^Số\b|ngày\s+tháng", re.IGNORECASE)


class SeedsNotFound(FileNotFoundError):
    """The seed folder is missing or holds no `.txt` file."""


@dataclass(frozen=True)
class SeedText:
    sections: tuple[str, ...]  # roman-numbered titles, without the number
    subsections: tuple[str, ...]  # numbered titles, without the number
    bullets: tuple[str, ...]
    paragraphs: tuple[str, ...]
    sentences: tuple[str, ...]


def _blocks(text: str) -> list[str]:
    """Logical lines: a heading or bullet starts a block, a blank line ends one."""
    blocks: list[str] = []
    current: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if current:
                blocks.append(squash(" ".join(current)))
                current = []
            continue
        if current and (_ROMAN.match(line) or _NUMBERED.match(line) or _BULLET.match(line)):
            blocks.append(squash(" ".join(current)))
            current = []
        current.append(line)
    if current:
        blocks.append(squash(" ".join(current)))
    return blocks


def _clean(text: str) -> str:
    # A PDF-split word ("53- CT/TW") is rejoined so citations stay whole.
    text = re.sub(r"(\d)- (?=[A-ZĐ]{2})", r"\1-", text)
    return text.replace("\u00a0", " ").strip()


def read_seed_text(folder: str) -> SeedText:
    """Read every `*.txt` seed in `folder` into text pools; raise SeedsNotFound if none."""
    files = sorted(glob.glob(os.path.join(folder, "*.txt")))
    if not files:
        raise SeedsNotFound(
            f"không tìm thấy văn bản mẫu (*.txt) trong '{folder}' — chỉ đường dẫn thư mục seeds bằng --seeds"
        )
    sections, subsections, bullets, paragraphs, sentences = [], [], [], [], []
    for path in files:
        with open(path, encoding="utf-8") as handle:
            text = nfc(handle.read())
        for block in _blocks(text):
            block = _clean(block)
            # Citations are placed by the generator, where the graph can resolve them.
            if _SKIP.search(block[:40]) or block[:1].islower() or find_citations(block):
                continue
            if match := _ROMAN.match(block):
                if len(block) < 120:
                    sections.append(match["text"].rstrip(":").upper())
            elif (match := _NUMBERED.match(block)) and len(block) < 120:
                subsections.append(match["text"].rstrip(":"))
            elif match := _BULLET.match(block):
                if len(block) >= 60:
                    bullets.append(match["text"])
            elif len(block) >= 120:
                paragraphs.append(block)
            else:
                continue
            if len(block) >= 120:
                body = match["text"] if match else block
                sentences += [s for s in _SENTENCE_END.split(body) if len(s) >= 40]
    return SeedText(*(tuple(dict.fromkeys(pool)) for pool in (sections, subsections, bullets, paragraphs, sentences)))
