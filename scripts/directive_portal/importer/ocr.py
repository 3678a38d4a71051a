"""OCR of a scanned PDF with Tesseract and its Vietnamese model.

Each page is rendered at 300 dpi by PDFium and read by the `tesseract` command
(Debian packages `tesseract-ocr`, `tesseract-ocr-vie`), whose TSV output gives
every word with its position and confidence. The words are put back into lines
and pages, which go through the same layout rules as a PDF's text layer
(running headers and page numbers dropped, footnotes at page bottoms). The
words Tesseract was least sure of are listed with page and line, so an editor
checks them against the scan.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass

from .pdf_layout import Line, Page, assemble

DPI = 300
DOUBTFUL_CONFIDENCE = 75  # words below this confidence (0-100) are listed for proofreading
MAX_DOUBTFUL = 40
PAGE_TIMEOUT = 300  # seconds for one page


class OcrMissing(RuntimeError):
    """Tesseract or its Vietnamese model is not installed."""


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float
    line_key: tuple[int, int, int]  # block, paragraph, line


def check_installed() -> str:
    """The path of `tesseract`, or `OcrMissing` saying what is missing."""
    command = shutil.which("tesseract")
    if not command:
        raise OcrMissing("không có lệnh tesseract")
    listed = subprocess.run([command, "--list-langs"], capture_output=True, text=True, timeout=60)
    if "vie" not in (listed.stdout + listed.stderr).split():
        raise OcrMissing("thiếu mô hình tiếng Việt của Tesseract, gói tesseract-ocr-vie")
    return command


def write_pgm(bitmap, path: str) -> None:
    """A grayscale PDFium bitmap as a binary PGM image (no imaging library needed)."""
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    data = bytes(bitmap.buffer)
    with open(path, "wb") as handle:
        handle.write(f"P5 {width} {height} 255\n".encode("ascii"))
        for row in range(height):
            handle.write(data[row * stride: row * stride + width])


def parse_tsv(tsv: str) -> list[Word]:
    words = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        try:
            left, top, width, height = (int(c) for c in cells[6:10])
            confidence = float(cells[10])
        except ValueError:
            continue
        words.append(Word(cells[11].strip(), left, top, width, height, confidence,
                          (int(cells[2]), int(cells[3]), int(cells[4]))))
    return words


def page_from_words(words: list[Word], number: int, height: int) -> tuple[Page, list[list[Word]]]:
    """Tesseract's words as a layout page (y upwards, like a PDF's text layer) and its lines' words."""
    grouped: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        grouped.setdefault(word.line_key, []).append(word)
    lines, line_words = [], []
    for key in sorted(grouped):
        items = sorted(grouped[key], key=lambda w: w.left)
        size = sorted(w.height for w in items)[len(items) // 2]
        bottom = max(w.top + w.height for w in items)
        text = items[0].text
        for before, word in zip(items, items[1:]):  # a wide gap: two columns of the header or signing block
            text += ("     " if word.left - (before.left + before.width) > 1.5 * size else " ") + word.text
        lines.append(Line(text, min(w.left for w in items),
                          height - min(w.top for w in items), height - bottom, float(size), number, float(height - bottom)))
        line_words.append(items)
    sizes = sorted(line.size for line in lines)
    body = sizes[len(sizes) // 2] if sizes else 0.0
    return Page(tuple(lines), float(height), body), line_words


def _ocr_page(command: str, document, index: int, folder: str) -> str:
    bitmap = document[index].render(scale=DPI / 72, grayscale=True)
    image = os.path.join(folder, f"page-{index + 1}.pgm")
    write_pgm(bitmap, image)
    done = subprocess.run([command, image, "stdout", "-l", "vie", "--dpi", str(DPI), "tsv"],
                          capture_output=True, text=True, timeout=PAGE_TIMEOUT)
    os.unlink(image)
    if done.returncode != 0:
        raise OcrMissing(f"tesseract báo lỗi ở trang {index + 1}: {done.stderr.strip()[:200]}")
    return done.stdout


def doubtful_words(pages: list[list[list[Word]]]) -> tuple[str, ...]:
    """The words least sure of, as 'trang P, dòng L: «từ» (độ tin cậy N %)', worst first."""
    found = []
    for page_number, lines in enumerate(pages, start=1):
        for line_number, words in enumerate(lines, start=1):
            for word in words:
                if 0 <= word.confidence < DOUBTFUL_CONFIDENCE and any(c.isalnum() for c in word.text):
                    found.append((word.confidence, page_number, line_number, word.text))
    found.sort()
    return tuple(f"trang {p}, dòng {n}: «{t}» (độ tin cậy {c:.0f} %)" for c, p, n, t in found[:MAX_DOUBTFUL])


def ocr_document(document, progress=None):
    """(layout, doubtful words) of a scanned PDF; `progress(done, total)` after each page."""
    command = check_installed()
    pages, page_words = [], []
    with tempfile.TemporaryDirectory(prefix="portal-ocr-") as folder:
        for index in range(len(document)):
            words = parse_tsv(_ocr_page(command, document, index, folder))
            height = int(round(document[index].get_height() * DPI / 72))
            page, line_words = page_from_words(words, index + 1, height)
            pages.append(page)
            page_words.append(line_words)
            if progress:
                progress(index + 1, len(document))
    return assemble(pages), doubtful_words(page_words)
