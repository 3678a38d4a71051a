"""PDF import: a directive printed to PDF by headless Chromium (as Word exports it: running
header, page numbers, footnotes at the page bottom, a paragraph cut by the page break), and a
scan of it (pages rasterised, no text layer) read by Tesseract."""

import re
import shutil
from collections import Counter

import pytest
from pdf_fixture import RUNNING, chromium_missing, directive_html, print_pdf, rasterise

from directive_portal.importer import import_file, import_files
from directive_portal.importer.check import words
from directive_portal.importer.pdf_layout import Char, assemble, page_lines


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    if chromium_missing():
        pytest.skip(chromium_missing())
    folder = tmp_path_factory.mktemp("pdf")
    printed, scan = folder / "ke-hoach.pdf", folder / "ke-hoach-ban-chup.pdf"
    print_pdf(directive_html(), str(printed))
    rasterise(str(printed), str(scan))
    return printed, scan


@pytest.fixture(scope="module")
def from_text_layer(pdfs):
    return import_file(str(pdfs[0]))


def test_pdf_text_layer_gives_metadata_structure_and_footnotes(from_text_layer):
    imported = from_text_layer
    front, body = imported.front, imported.body
    assert (front["type"], front["number"], front["date"], front["place"]) == ("ke-hoach", "21-KH/ĐU", "2026-01-05", "Việt Hưng")
    assert front["title"] == "Tuyên truyền trách nhiệm giải trình của cơ quan, tổ chức"
    assert front["issuer"] == "Ban Thường vụ Đảng ủy phường Việt Hưng"
    assert front["signer"] == {"name": "Nguyễn Văn An", "title": "Bí thư", "on_behalf": "T/M Ban Thường vụ"}
    assert front["distribution"] == ["Ban Thường vụ Thành ủy", "Các chi bộ trực thuộc", "Lưu VT"]
    assert {r["id"] for r in front["references"]} >= {"53-CT/TW", "17-KH/TU", "85-QĐ/TW"}
    assert "## I. MỤC ĐÍCH, YÊU CẦU" in body and "### 1. Mục đích" in body and "## II. NỘI DUNG TUYÊN TRUYỀN" in body
    # the paragraph cut by the page break is one paragraph again, without the next page's running header
    assert "được giao, nhất là những nội dung liên quan" in body
    assert RUNNING not in body and not re.search(r"^\d+$", body, re.M)
    assert "của Bộ Chính trị[^1] và Kế hoạch" in body and "85-QĐ/TW[^2] về sử dụng" in body
    assert "[^1]: Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị về trách nhiệm giải trình." in body
    assert "[^2]: Quy định số 85-QĐ/TW ngày 07/10/2022 của Ban Bí thư." in body
    assert front["status"] == "published" and imported.pages == 2 and imported.kind == "pdf"
    assert not any("kiểm tra từ ngữ" in w for w in imported.warnings)


def _printed_words() -> list[str]:
    """Every word the fixture prints, running headers and page numbers aside."""
    html = re.sub(r'<div class="(running|folio)">.*?</div>', " ", directive_html())
    html = re.sub(r"<sup>\d+</sup>", " ", html)  # footnote markers are not words
    return words(re.sub(r"<style>.*?</style>|<[^>]+>", " ", html, flags=re.S))


def test_pdf_import_keeps_every_printed_word(from_text_layer):
    from directive_portal.importer import writer

    imported = from_text_layer
    shown = words(writer.render(imported.front, imported.body)) + [w for d in imported.dropped for w in words(d)]
    shown += words(imported.front["issuer"])  # restated from the printed issuer lines, which are in `dropped`
    missing = Counter(_printed_words()) - Counter(shown)
    assert not missing


@pytest.fixture(scope="module")
def from_scan(pdfs):
    if not shutil.which("tesseract"):
        pytest.skip("tesseract is not installed (tests/run.sh installs tesseract-ocr and tesseract-ocr-vie)")
    seen = []
    imported = import_file(str(pdfs[1]), progress=lambda done, total: seen.append((done, total)))
    return imported, seen


def test_scan_is_read_by_ocr_as_a_draft_with_its_doubtful_words(from_scan, from_text_layer):
    imported, progress = from_scan
    assert progress == [(1, 2), (2, 2)] and imported.kind == "scan" and imported.pages == 2
    front = imported.front
    assert front["status"] == "draft"
    assert (front["number"], front["date"], front["type"]) == ("21-KH/ĐU", "2026-01-05", "ke-hoach")
    assert "53-CT/TW" in {r["id"] for r in front["references"]}
    assert any("status: draft" in w and "bản chụp" in w for w in imported.warnings)
    assert all(re.search(r"trang \d+, dòng \d+: «.+» \(độ tin cậy \d+ %\)", w)
               for w in imported.warnings if "từ cần kiểm tra" in w)
    expected = Counter(words(from_text_layer.body))
    right = sum((Counter(words(imported.body)) & expected).values())
    assert right / sum(expected.values()) >= 0.93, right / sum(expected.values())


def test_scan_without_tesseract_gets_a_message_saying_what_to_install(pdfs, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on the PATH
    result = import_files([str(pdfs[1])], str(tmp_path / "content"), topics=[])[0]
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in result.error and not result.written


def _chars(text: str, x: float, base: float, size: float = 12.0) -> list[Char]:
    out = []
    for char in text:
        out.append(Char(char, x, base - 0.2 * size, x + 0.5 * size, base + 0.7 * size, size, base))
        x += 0.5 * size
    return out


def test_layout_rules_on_characters():
    # page 1: running header, a line ending with a raised small marker, a page number, a footnote
    page1 = (_chars("Ban Thường vụ - Kế hoạch", 100, 800, 9) + _chars("Thực hiện Chỉ thị số 53-CT/TW", 80, 700)
             + _chars("1", 260, 704, 8) + _chars("của Bộ Chính trị, nhất", 80, 684)
             + _chars("1", 80, 104, 6) + _chars(" Chỉ thị của Bộ Chính trị.", 84, 100, 9) + _chars("1", 300, 40, 10))
    page2 = (_chars("Ban Thường vụ - Kế hoạch", 100, 800, 9) + _chars("là nội dung chính.", 80, 700)
             + _chars("2", 300, 40, 10))
    layout = assemble([page_lines(page1, 1, 842), page_lines(page2, 2, 842)])
    assert layout.text.split("\n") == ["Thực hiện Chỉ thị số 53-CT/TW¹", "của Bộ Chính trị, nhất", "là nội dung chính."]
    assert layout.notes == ("[^1]: Chỉ thị của Bộ Chính trị.",)
    assert layout.dropped == ("Ban Thường vụ - Kế hoạch", "1", "Ban Thường vụ - Kế hoạch", "2")


def test_a_page_without_text_inside_a_text_pdf_is_reported(pdfs, tmp_path):
    import pypdfium2 as pdfium

    mixed = pdfium.PdfDocument(str(pdfs[0]))
    mixed.import_pages(pdfium.PdfDocument(str(pdfs[1])), [1])  # page 2 of the scan: an image only
    path = tmp_path / "tron.pdf"
    mixed.save(str(path))
    imported = import_file(str(path))
    assert imported.kind == "pdf" and imported.pages == 3
    assert any("trang 3 không có chữ" in w for w in imported.warnings)
