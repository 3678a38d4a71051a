"""PDFs laid out like a directive exported from Word, printed from HTML by headless Chromium,
and a scan of one (its pages rasterised to images, no text layer).

Each page is laid out by hand, as Word paginates: the two-column header, a paragraph
cut by the page break and going on on the next page, footnotes in small type at the
bottom of the page they are cited on, a running header and a page number on every page.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from html import escape

from benchmarks.static_server import CHROMIUM, CHROMIUM_ARGS

STYLE = """
@page { size: A4; margin: 0; }
body { margin: 0; font-family: 'DejaVu Serif', serif; font-size: 13pt; }
.page { position: relative; width: 210mm; height: 297mm; padding: 22mm 20mm 20mm 30mm; box-sizing: border-box;
        page-break-after: always; overflow: hidden; }
.running { position: absolute; top: 8mm; left: 30mm; right: 20mm; font-size: 9pt; text-align: center; }
.folio { position: absolute; bottom: 8mm; left: 0; right: 0; font-size: 10pt; text-align: center; }
.notes { position: absolute; bottom: 18mm; left: 30mm; right: 20mm; font-size: 9pt; border-top: 1px solid #000; }
.notes p { margin: 1mm 0; text-indent: 0; }
table { width: 100%; border-collapse: collapse; }
table.head { width: 185mm; margin-left: -15mm; font-size: 12pt; }
td { vertical-align: top; text-align: center; width: 50%; }
p { margin: 0 0 3mm; text-align: justify; text-indent: 10mm; line-height: 1.35; }
.c { text-align: center; text-indent: 0; }
h2, h3 { font-size: 13pt; margin: 3mm 0; }
"""

PAGE_1 = """
<table class="head"><tr><td>ĐẢNG BỘ THÀNH PHỐ HÀ NỘI<br><b>ĐẢNG ỦY PHƯỜNG VIỆT HƯNG</b><br>*<br>Số 21-KH/ĐU</td>
<td><b>ĐẢNG CỘNG SẢN VIỆT NAM</b><br><br><i>Việt Hưng, ngày 5 tháng 1 năm 2026</i></td></tr></table>
<p class="c"><b>KẾ HOẠCH</b><br><b>Tuyên truyền trách nhiệm giải trình của cơ quan, tổ chức</b></p>
<p>Thực hiện Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị<sup>1</sup> và Kế hoạch số 17-KH/TU
ngày 11/12/2025 của Ban Thường vụ Thành ủy, Ban Thường vụ Đảng ủy phường xây dựng kế hoạch như sau:</p>
<h2>I. MỤC ĐÍCH, YÊU CẦU</h2>
<h3>1. Mục đích</h3>
<p>Nâng cao nhận thức, trách nhiệm của cấp ủy, tổ chức đảng, cán bộ, đảng viên về trách nhiệm giải trình;
gắn với việc thực hiện Quy định số 85-QĐ/TW<sup>2</sup> về sử dụng trang thông tin điện tử cá nhân,
bảo đảm công khai, minh bạch trong hoạt động của các cơ quan, tổ chức trên địa bàn phường và tạo sự
đồng thuận, thống nhất cao trong toàn Đảng bộ, trong các tầng lớp Nhân dân về việc thực hiện
trách nhiệm giải trình của cơ quan, tổ chức, cá nhân có thẩm quyền đối với những nội dung được giao, nhất</p>
"""

NOTES_1 = """
<p><sup>1</sup> Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị về trách nhiệm giải trình.</p>
<p><sup>2</sup> Quy định số 85-QĐ/TW ngày 07/10/2022 của Ban Bí thư.</p>
"""

PAGE_2 = """
<p style="text-indent:0">là những nội dung liên quan trực tiếp tới quyền và lợi ích hợp pháp của Nhân dân.</p>
<h3>2. Yêu cầu</h3>
<p>Việc tuyên truyền phải bám sát nội dung Chỉ thị, phù hợp với tình hình thực tế của địa phương.</p>
<h2>II. NỘI DUNG TUYÊN TRUYỀN</h2>
<p>- Quan điểm, chủ trương của Đảng về trách nhiệm giải trình.</p>
<p>- Kết quả thực hiện trách nhiệm giải trình của các cơ quan, tổ chức trên địa bàn phường.</p>
<table style="margin-top:8mm"><tr><td style="text-align:left; font-size:11pt"><b><i>Nơi nhận:</i></b><br>- Ban Thường vụ Thành ủy,<br>
- Các chi bộ trực thuộc,<br>- Lưu VT.</td>
<td><b>T/M BAN THƯỜNG VỤ<br>BÍ THƯ</b><br><br><br><b>Nguyễn Văn An</b></td></tr></table>
"""

RUNNING = "Đảng ủy phường Việt Hưng - Kế hoạch tuyên truyền"


def page_html(body: str, notes: str, number: int, running: bool = True) -> str:
    head = f'<div class="running">{escape(RUNNING)}</div>' if running else ""
    foot = f'<div class="notes">{notes}</div>' if notes else ""
    return f'<div class="page">{head}{body}{foot}<div class="folio">{number}</div></div>'


def directive_html() -> str:
    pages = page_html(PAGE_1, NOTES_1, 1) + page_html(PAGE_2, "", 2)
    return f'<!doctype html><html lang="vi"><meta charset="utf-8"><style>{STYLE}</style><body>{pages}</body></html>'


def _print(html: str, path: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_content(html)
        page.pdf(path=path, format="A4", print_background=True, prefer_css_page_size=True)
        browser.close()


def print_pdf(html: str, path: str) -> None:
    """Print `html` to a PDF at `path` with Debian's headless Chromium (through Playwright).

    In a thread of its own: the browser tests keep a Playwright session (an event loop) open
    in the main thread for the whole test run, and a second sync session cannot share it."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(_print, html, path).result()


def rasterise(pdf_path: str, out_path: str, dpi: int = 200) -> None:
    """A scan of the PDF: every page rendered to a grayscale image, in a new PDF with no text layer."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(pdf_path)
    scan = pdfium.PdfDocument.new()
    for index in range(len(source)):
        width, height = source[index].get_size()
        image = pdfium.PdfImage.new(scan)
        image.set_bitmap(source[index].render(scale=dpi / 72, grayscale=True))
        image.set_matrix(pdfium.PdfMatrix().scale(width, height))
        page = scan.new_page(width, height)
        page.insert_obj(image)
        page.gen_content()
    scan.save(out_path)


def chromium_missing() -> str:
    """Why the PDF fixtures cannot be made here ("" when they can)."""
    if not os.path.exists(CHROMIUM):
        return f"{CHROMIUM} is not installed (tests/run.sh installs Debian's chromium)"
    return ""
