"""Tiny complete sites built with `mkdocs build --strict`: pages, cross-links, bad input."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from linkcheck import broken_links
from sites import build, make_site

VIET_HUNG = """
---
title: Thực hiện công tác tuyên truyền một số nhiệm vụ trọng tâm
type: cong-van
number: ""
issuer: Ban Thường vụ Đảng ủy phường Việt Hưng
place: Việt Hưng
date: '2025'
signer: {name: Lê Đức Toàn, title: Phó Bí thư Thường trực, on_behalf: T/M Ban Thường vụ}
recipients: [Ủy ban nhân dân Phường]
distribution: [Ban Tuyên giáo và Dân vận Thành ủy, Lưu VT, BXDĐ.]
topics: [trach-nhiem-giai-trinh, van-hoa]
---
## I. CÁC NHIỆM VỤ TUYÊN TRUYỀN TRỌNG TÂM

### 1. Về thực hiện Kế hoạch số 17-KH/TU ngày 11/12/2025 của Ban Thường vụ Thành ủy

- Tập trung tuyên truyền Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị về “Tăng cường sự lãnh đạo của Đảng đối với thực hiện trách nhiệm giải trình của cơ quan, tổ chức, cá nhân trong hoạt động công vụ”.
- Tăng cường đăng tải về Nghị quyết số 80-NQ/TW ngày 07/01/2026 của Bộ Chính trị về phát triển văn hóa Việt Nam.
"""
HAM_LIEM = """
---
title: Tuyên truyền trách nhiệm giải trình <script>alert("x")</script>
type: cong-van
issuer: Ban Thường vụ Đảng ủy xã Hàm Liêm
place: Hàm Liêm
date: '2026-04'
topics: [trach-nhiem-giai-trinh]
---
Tăng cường tuyên truyền Chỉ thị 53-CT/TW ngày 26/10/2025 của Bộ Chính trị (Chỉ thị số 53-CT/TW); Kế hoạch số 21-KH/TU, ngày 31/12/2025 của Ban Thường vụ Tỉnh ủy.
"""
KHUONG_DINH = """
---
title: Tuyên truyền, vận động thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng
type: ke-hoach
number: ""
issuer: Ban Thường vụ Đảng ủy phường Khương Đình
date: '2026-03'
topics: [van-hoa]
references: [{id: 51-KH/TU, date: '2026-03-20', issuer: Thành ủy Hà Nội, relation: implements}]
---
Thực hiện Kế hoạch số 51-KH/TU, ngày 20/03/2026 của Thành ủy Hà Nội. Gửi báo cáo về <Tên cơ quan, đơn vị> trước ngày 30/3. Triển khai thực hiện Nghị quyết số 80-NQ/TW ngày 07/01/2026 của Bộ Chính trị về phát triển văn hóa Việt Nam.
"""
DOCS = {
    "van-ban/2025/viet-hung.md": VIET_HUNG,
    "van-ban/2026/ham-liem.md": HAM_LIEM,
    "van-ban/2026/khuong-dinh.md": KHUONG_DINH,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site")
    config = make_site(root, DOCS)
    result = build(config)
    assert result.returncode == 0, result.stderr
    return root / "site"


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_directive_page_lists_every_citing_document_newest_first(site):
    page = html(site, "van-ban-dan-chieu/53-ct-tw-2025")
    assert "Chỉ thị số 53-CT/TW" in page
    assert "26/10/2025" in page and "Bộ Chính trị" in page
    assert "Tăng cường sự lãnh đạo của Đảng đối với thực hiện trách nhiệm giải trình" in page
    ham_liem, viet_hung = page.index("../../van-ban/2026/ham-liem/"), page.index("../../van-ban/2025/viet-hung/")
    assert ham_liem < viet_hung
    culture = html(site, "van-ban-dan-chieu/80-nq-tw-2026")
    assert "van-ban/2026/khuong-dinh/" in culture and "van-ban/2025/viet-hung/" in culture


def test_document_page_has_metadata_links_and_relations(site):
    page = html(site, "van-ban/2025/viet-hung")
    assert "Số, ký hiệu" in page and "chưa có số" in page
    assert "Ban Thường vụ Đảng ủy phường Việt Hưng" in page
    assert "năm 2025" in page
    assert "Lê Đức Toàn" in page and "T/M Ban Thường vụ" in page
    assert 'href="../../../van-ban-dan-chieu/53-ct-tw-2025/">Chỉ thị số <span class="portal-nowrap">53-CT/TW</span></a>' in page
    assert 'href="../../../van-ban-dan-chieu/17-kh-tu-2025/">Kế hoạch số <span class="portal-nowrap">17-KH/TU</span></a>' in page
    assert 'href="../../../chu-de/van-hoa/"' in page
    assert "Văn bản liên quan" in page and 'href="../../2026/ham-liem/"' in page
    assert "Ban Thường vụ Thành ủy - Tập trung" not in page


def test_implements_relation_is_shown(site):
    page = html(site, "van-ban-dan-chieu/51-kh-tu-2026")
    assert "triển khai thực hiện" in page and "van-ban/2026/khuong-dinh/" in page


def test_topic_page_lists_its_documents_and_most_cited(site):
    page = html(site, "chu-de/trach-nhiem-giai-trinh")
    assert "Trách nhiệm giải trình" in page
    assert page.index("van-ban/2026/ham-liem/") < page.index("van-ban/2025/viet-hung/")
    assert "khuong-dinh" not in page
    assert "Văn bản được dẫn chiếu nhiều nhất" in page and "53-ct-tw-2025" in page


def test_home_and_listings(site):
    home = html(site, "")
    assert "Văn bản mới" in home and "chu-de/chuyen-doi-so/" in home and "53-ct-tw-2025" in home
    listing = html(site, "van-ban")
    assert listing.index('id="nam-2026"') < listing.index('id="nam-2025"')
    assert 'href="loai/ke-hoach/"' in listing and 'href="co-quan/ban-thuong-vu-dang-uy-xa-ham-liem/"' in listing
    plans = html(site, "van-ban/loai/ke-hoach")
    assert "2026/khuong-dinh/" in plans and "2025/viet-hung/" not in plans
    assert 'lang="vi"' in home


def test_html_in_a_title_is_shown_as_text_never_run(site):
    page = html(site, "van-ban/2026/ham-liem")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page or "&lt;script&gt;alert(&quot;x&quot;)" in page
    for other in ("chu-de/trach-nhiem-giai-trinh", "van-ban-dan-chieu/53-ct-tw-2025", ""):
        assert "<script>alert" not in html(site, other)


def test_every_internal_link_resolves(site):
    assert broken_links(site) == []


@pytest.mark.parametrize("broken, expected", [
    ("---\ntitle: [oops\ntype: cong-van\n---\n", "content/van-ban/2026/ham-liem.md:3: lỗi cú pháp YAML"),
    ("---\ntype: cong-van\n---\nx\n", "content/van-ban/2026/ham-liem.md:1: thiếu trích yếu 'title'"),
    ("---\ntitle: T\ntype: cong-vn\n---\n", "content/van-ban/2026/ham-liem.md:3: loại văn bản 'cong-vn' không tồn tại"),
    ("---\ntitle: T\ntype: cong-van\ntopics: [khong-co]\n---\n", "content/van-ban/2026/ham-liem.md:4: chủ đề 'khong-co'"),
    ("---\ntitle: T\ntype: cong-van\ndate: '2026-13-40'\n---\n", "content/van-ban/2026/ham-liem.md:4: ngày '2026-13-40' không hợp lệ"),
])
def test_broken_front_matter_fails_the_build_and_keeps_the_last_good_site(tmp_path, broken, expected):
    config = make_site(tmp_path, DOCS)
    assert build(config).returncode == 0
    good = tmp_path / "good"
    import shutil
    shutil.copytree(tmp_path / "site", good)
    (tmp_path / "content/van-ban/2026/ham-liem.md").write_text(broken, encoding="utf-8")
    result = build(config)
    assert result.returncode != 0
    assert expected in result.stderr, result.stderr
    assert " — " in result.stderr.split(expected)[1].splitlines()[0]
    comparison = filecmp.dircmp(good, tmp_path / "site")
    assert not comparison.diff_files and not comparison.left_only and not comparison.right_only


def test_two_documents_with_the_same_number_and_issuer_fail(tmp_path):
    same = "---\ntitle: T\ntype: cong-van\nnumber: 12-CV/ĐU\nissuer: Đảng ủy phường X\n---\n"
    config = make_site(tmp_path, {"van-ban/2026/a.md": same, "van-ban/2026/b.md": same})
    result = build(config)
    assert result.returncode != 0
    assert "content/van-ban/2026/b.md:4: số '12-CV/ĐU' của 'Đảng ủy phường X' trùng với content/van-ban/2026/a.md:4" in result.stderr


def test_drafts_are_not_published(tmp_path):
    draft = "---\ntitle: Bản nháp\ntype: cong-van\nstatus: draft\n---\nChỉ thị số 99-CT/TW ngày 01/01/2026.\n"
    config = make_site(tmp_path, {**DOCS, "van-ban/2026/nhap.md": draft})
    assert build(config).returncode == 0
    assert not (tmp_path / "site/van-ban/2026/nhap").exists()
    assert not (tmp_path / "site/van-ban-dan-chieu/99-ct-tw-2026").exists()


def test_files_that_are_not_md_documents_are_refused(tmp_path):
    draft = "---\ntitle: Bản nháp\ntype: cong-van\nstatus: draft\n---\nNội dung.\n"
    config = make_site(tmp_path, {**DOCS, "van-ban/2026/nhap.markdown": draft, "van-ban/2026/y.MD": draft})
    result = build(config)
    assert result.returncode != 0
    assert "content/van-ban/2026/nhap.markdown:1: tệp này không phải văn bản .md" in result.stderr
    assert "content/van-ban/2026/y.MD:1:" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_file_not_saved_as_utf8_is_named_not_a_traceback(tmp_path):
    config = make_site(tmp_path, DOCS)
    ansi = "---\ntitle: Văn\ntype: cong-van\n---\n".encode("cp1258")  # 'ă' is one byte, not UTF-8
    (tmp_path / "content/van-ban/2026/ansi.md").write_bytes(ansi)
    result = build(config)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "content/van-ban/2026/ansi.md:2: tệp không lưu ở bảng mã UTF-8" in result.stderr


def test_an_editor_page_where_the_portal_generates_one_is_refused(tmp_path):
    config = make_site(tmp_path, {**DOCS, "chu-de/van-hoa.md": "Giới thiệu chủ đề văn hóa.\n"})
    result = build(config)
    assert result.returncode != 0
    assert "content/chu-de/van-hoa.md:1: trang này do cổng tự tạo" in result.stderr and "intro" in result.stderr


def test_script_or_secrecy_mark_in_a_body_fails_the_build(tmp_path):
    body = DOCS["van-ban/2026/khuong-dinh.md"] + "\nMẬT\n\n<img src=x onerror=alert(1)>\n"
    config = make_site(tmp_path, {**DOCS, "van-ban/2026/khuong-dinh.md": body})
    result = build(config)
    assert result.returncode != 0
    assert "có dấu mức độ mật hoặc phạm vi lưu hành 'MẬT'" in result.stderr
    assert "thuộc tính sự kiện 'onerror='" in result.stderr


def test_placeholders_in_angle_brackets_are_shown_as_text(site):
    page = html(site, "van-ban/2026/khuong-dinh")
    assert "Gửi báo cáo về &lt;Tên cơ quan, đơn vị&gt; trước ngày 30/3." in page


def test_long_lists_show_the_newest_and_a_page_per_year(tmp_path):
    config = make_site(tmp_path, DOCS)
    text = config.read_text(encoding="utf-8").replace("  - directive-portal\n", "  - directive-portal:\n      list_limit: 1\n")
    config.write_text(text, encoding="utf-8")
    assert build(config).returncode == 0
    site = tmp_path / "site"
    topic = html(site, "chu-de/trach-nhiem-giai-trinh")
    assert "Văn bản (2)" in topic and "Đây là 1 văn bản mới nhất trong tổng số 2" in topic
    assert "2026/ham-liem/" in topic and "2025/viet-hung/" not in topic.split("Xem tất cả theo năm")[0]
    assert 'href="2026/"' in topic and 'href="2025/"' in topic
    assert "2025/viet-hung/" in html(site, "chu-de/trach-nhiem-giai-trinh/2025")
    directive = html(site, "van-ban-dan-chieu/53-ct-tw-2025")
    assert "Văn bản triển khai, dẫn chiếu (2)" in directive and 'href="2025/"' in directive
    listing = html(site, "van-ban")
    assert "1 văn bản mới nhất trong tổng số 3" in listing and 'href="nam/2025/"' in listing
    assert "2025/viet-hung/" in html(site, "van-ban/nam/2025")
    assert broken_links(site) == []


def test_theme_keys_and_a_body_opening_with_a_rule_survive_the_single_read(tmp_path):
    """Documents are read once (on_page_read_source): a document that sets a theme key
    (`hide`) still gets it, and a body that opens with `---` is text, not front matter."""
    head = "---\ntitle: {title}\ntype: thong-bao\nissuer: Đảng ủy phường Việt Hưng\ndate: '2026-01-05'\n{extra}---\n"
    body = "## I. MỤC ĐÍCH\n\nNội dung thứ nhất.\n\n## II. YÊU CẦU\n\nNội dung thứ hai.\n"
    config = make_site(tmp_path, {
        "van-ban/2026/an-muc-luc.md": head.format(title="Ẩn mục lục", extra="hide: [toc]\n") + body,
        "van-ban/2026/mo-dau-bang-gach.md": head.format(title="Mở đầu bằng gạch ngang", extra="")
        + "---\nhide: [toc]\n---\n\n" + body,
        "van-ban/2026/binh-thuong.md": head.format(title="Bình thường", extra="") + body,
        "van-ban/2026/mo-dau-bang-khoa.md": head.format(title="Mở đầu bằng khóa", extra="")
        + "hide: toc\nAuthor: Văn phòng\n\n" + body,
    })
    result = build(config)
    assert result.returncode == 0, result.stderr
    hidden = html(tmp_path / "site", "van-ban/2026/an-muc-luc")
    shown = html(tmp_path / "site", "van-ban/2026/binh-thuong")
    assert 'data-md-type="toc" hidden>' in hidden and 'data-md-type="toc" >' in shown
    rule = html(tmp_path / "site", "van-ban/2026/mo-dau-bang-gach")
    assert "hide: [toc]" in rule and 'data-md-type="toc" >' in rule  # shown as text, not taken as a setting
    # Nor are `key: value` lines opening a body (MkDocs' MultiMarkdown metadata).
    keyed = html(tmp_path / "site", "van-ban/2026/mo-dau-bang-khoa")
    assert "Author: Văn phòng" in keyed and 'data-md-type="toc" >' in keyed and 'name="author"' not in keyed
