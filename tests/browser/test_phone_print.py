"""Printing a document: a clean A4 page in the layout of a Vietnamese Party
document (header block, number, date, body, signing block), no navigation."""

from __future__ import annotations

import re

from phone_support import ARTIFACTS, LETTER_URL, LONG_PLAN_URL, phone, phone_site, shot, chromium, site_url  # noqa: F401

A4_POINTS = (595, 842)  # 210 × 297 mm


def pdf_pages(data: bytes) -> list[tuple[float, float]]:
    """Sizes of the pages of a PDF written by Chromium (page objects are not compressed)."""
    assert data.startswith(b"%PDF-")
    count = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    boxes = [(float(w), float(h)) for w, h in
             re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)]
    assert count and boxes
    return boxes[:count] if len(boxes) >= count else boxes * count


def test_print_layout_of_a_letter(phone, site_url):
    phone.goto(site_url + LETTER_URL)
    phone.emulate_media(media="print")
    hidden = phone.evaluate("""['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-footer',
        '.portal-actions', '.portal-meta', '.portal-relations', '.portal-toc']
        .map(s => [s, document.querySelector(s) ? getComputedStyle(document.querySelector(s)).display : 'none'])""")
    assert all(display == "none" for _s, display in hidden), hidden
    header = phone.locator(".portal-print-header")
    assert header.is_visible()
    assert header.locator(".portal-print-header__party").text_content() == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert "Số 15-CV/ĐU" in header.text_content()
    assert "Việt Hưng, ngày 5 tháng 1 năm 2026" in " ".join(header.text_content().split())
    signature = phone.locator(".portal-signature").bounding_box()
    distribution = phone.locator(".portal-distribution").bounding_box()
    assert distribution["x"] < signature["x"], "Nơi nhận goes left of the signing block"
    assert abs(distribution["y"] - signature["y"]) < 40, "Nơi nhận and the signing block share a row"
    family = phone.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Times New Roman" in family
    phone.set_viewport_size({"width": 794, "height": 1123})
    shot(phone, "print-letter-a4")


def test_pdf_of_the_long_plan_is_a4(phone, site_url):
    phone.goto(site_url + LONG_PLAN_URL)
    data = phone.pdf(prefer_css_page_size=True, print_background=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "print-long-plan.pdf").write_bytes(data)
    pages = pdf_pages(data)
    assert all(abs(w - A4_POINTS[0]) < 2 and abs(h - A4_POINTS[1]) < 2 for w, h in pages), pages
    assert 4 <= len(pages) <= 40, f"{len(pages)} pages for a long plan"


def test_the_page_explains_how_to_get_a_pdf(phone, site_url):
    phone.goto(site_url + LETTER_URL)
    note = phone.locator("details.portal-pdf-note")
    note.locator("summary").click()
    assert "Lưu dưới dạng PDF" in note.text_content()
    assert phone.get_by_role("button", name="In / Lưu PDF").is_visible()
