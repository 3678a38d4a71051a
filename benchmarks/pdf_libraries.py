"""Compare PDF text libraries on our PDFs: words kept, order, speed (README, "PDF import").

    python -m benchmarks.pdf_libraries REFERENCE.txt FILE.pdf...

REFERENCE.txt holds the words the PDFs print (any layout). For each library
installed (pypdfium2, pdfminer.six, pypdf) and each PDF: milliseconds per page
(best of 3), words missing and words added against the reference after NFC (so
decomposed Vietnamese marks count only if they are lost or misplaced), and the
share of the reference's words that come in the same order.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from difflib import SequenceMatcher

from directive_portal.importer.check import words


def _pdfium(path: str) -> tuple[str, int]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document))), len(document)


def _pdfminer(path: str) -> tuple[str, int]:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage

    with open(path, "rb") as handle:
        pages = sum(1 for _ in PDFPage.get_pages(handle))
    return extract_text(path), pages


def _pypdf(path: str) -> tuple[str, int]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


LIBRARIES = {"pypdfium2": _pdfium, "pdfminer.six": _pdfminer, "pypdf": _pypdf}


def measure(reference: list[str], path: str, read) -> str:
    best, text, pages = float("inf"), "", 1
    for _ in range(3):
        start = time.perf_counter()
        text, pages = read(path)
        best = min(best, time.perf_counter() - start)
    found = words(text)
    missing = sum((Counter(reference) - Counter(found)).values())
    added = sum((Counter(found) - Counter(reference)).values())
    in_order = sum(b.size for b in SequenceMatcher(None, reference, found, autojunk=False).get_matching_blocks())
    return (f"{1000 * best / pages:7.1f} ms/page  missing {missing:3d}  added {added:3d}  "
            f"in order {100 * in_order / max(len(reference), 1):5.1f} %")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2:
        print(__doc__.strip().split("\n\n")[1].strip())
        return 2
    with open(args[0], encoding="utf-8") as handle:
        reference = words(handle.read())
    for name, read in LIBRARIES.items():
        for path in args[1:]:
            try:
                print(f"{name:13s} {path}: {measure(reference, path, read)}")
            except ImportError:
                print(f"{name:13s} not installed")
                break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
