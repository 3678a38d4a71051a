"""Read a PDF: its text layer with PDFium (pypdfium2), or, for a scan, OCR.

pypdfium2 was chosen by measurement against pdfminer.six and pypdf (README,
"PDF import"): the same words and order on our fixtures, Vietnamese marks kept
(after NFC) even in decomposed text, 7 to 50 times faster, and it also renders
pages to images for OCR, so one library does both.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text import nfc
from .pdf_layout import Char, Layout, Page, assemble, page_lines

MIN_TEXT_CHARS = 20  # a page with fewer characters than this has no real text layer
MAX_PAGES = 500


class PdfError(ValueError):
    """A PDF that cannot be read; the message (Vietnamese) says why."""


@dataclass(frozen=True)
class PdfText:
    layout: Layout
    scanned: bool  # no text layer: the text was read by OCR
    doubtful: tuple[str, ...] = ()  # OCR words least sure of, "trang 2, dòng 5: 'Ngnyễn' (41 %)"
    blank_pages: tuple[int, ...] = ()  # pages without text in a PDF that has a text layer (a scanned page inside)


def _chars(textpage, count: int) -> list[Char]:
    import ctypes

    import pypdfium2.raw as raw

    text = textpage.get_text_range(0, count) if count else ""
    chars = []
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    for index, char in enumerate(text[:count]):
        x0, y0, x1, y1 = textpage.get_charbox(index)
        raw.FPDFText_GetCharOrigin(textpage.raw, index, origin_x, origin_y)
        chars.append(Char(char, x0, y0, x1, y1, raw.FPDFText_GetFontSize(textpage.raw, index), origin_y.value))
    return chars


def open_pdf(path: str):
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise PdfError("tệp PDF có đặt mật khẩu") from None
        raise PdfError(f"tệp PDF bị hỏng hoặc không đọc được ({message})") from None
    if len(document) > MAX_PAGES:
        raise PdfError(f"tệp PDF có {len(document)} trang, quá giới hạn {MAX_PAGES} trang")
    return document


def text_pages(document) -> list[Page] | None:
    """The pages' lines, or None when the PDF has no text layer (a scan)."""
    pages, total = [], 0
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        count = textpage.count_chars()
        chars = _chars(textpage, count)
        total += sum(1 for c in chars if c.text.strip())
        pages.append(page_lines(chars, index + 1, page.get_height()))
    if total < MIN_TEXT_CHARS * max(1, len(pages)) // 2:
        return None
    return pages


def read_pdf(path: str, progress=None) -> PdfText:
    """The PDF's text as lines the importer reads, with its footnotes apart.

    `progress(done, total)` is called after each OCR'd page (OCR of a 20-page plan
    takes minutes)."""
    document = open_pdf(path)
    pages = text_pages(document)
    scanned = pages is None
    doubtful: tuple[str, ...] = ()
    blank: tuple[int, ...] = ()
    if scanned:
        from .ocr import ocr_document

        layout, doubtful = ocr_document(document, progress)
    else:
        layout = assemble(pages)
        blank = tuple(number for number, page in enumerate(pages, start=1) if not page.lines)
    return PdfText(Layout(nfc(layout.text), tuple(nfc(n) for n in layout.notes), layout.dropped, layout.pages),
                   scanned, doubtful, blank)
