"""The public face of the built real site: valid HTML (Nu Html Checker), Vietnamese only,
the 404 page, robots.txt and the sitemap, the committee's identity, the phone TOC."""

from __future__ import annotations

import html as htmllib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from directive_portal.site_address import note
from sites import REPO, build, write_config

VNU = REPO / "tests" / "browser" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PLAN = "van-ban/2026/2026-03-ke-hoach-chua-so-khuong-dinh-tuyen-truyen-van-dong-thuc-hien-nghi-quyet-dai-hoi-dai-bieu"
# English words Material or a template could put on a page (text, aria-label, title, placeholder).
ENGLISH = re.compile(r"\b(Made with|Material for MkDocs|Back to top|Table of contents|Skip to content|"
                     r"Not found|Initializing|Contributors|Edit this page|View source|Previous|Next|"
                     r"Search|Footer|Header|Navigation|Tabs|RSS feed|Metadata|Share|Copy|Copied)\b")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("face")
    result = build(write_config(root, REPO / "content", root / "site"))
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def addressed(tmp_path_factory) -> tuple[Path, str]:
    """The real content built with a site_url, and the build's log."""
    root = tmp_path_factory.mktemp("face-url")
    config = write_config(root, REPO / "content", root / "site")
    config.write_text("site_url: https://vanban.example.vn/\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    result = build(config)
    assert result.returncode == 0, result.stderr
    return root / "site", result.stderr


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


def visible(page: str) -> str:
    """Text and the attributes a reader or a screen reader meets, without scripts and styles."""
    page = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", page)
    attributes = " ".join(re.findall(r'(?:aria-label|title|placeholder|alt)="([^"]*)"', page))
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", page) + " " + attributes)


def test_nu_html_checker_finds_no_error_on_any_page(site):
    if not shutil.which("java") or not VNU.is_file():
        pytest.skip("Nu Html Checker needs Java and vnu.jar: tests/run.sh installs default-jre-headless and vnu-jar")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "gnu", "--skip-non-html", str(site)],
                            capture_output=True, text=True)
    errors = [line for line in result.stderr.splitlines() if ": error:" in line or ": fatal:" in line]
    assert len(html_pages(site)) > 50
    assert errors == []


def test_no_english_on_public_pages(site):
    found = {}
    for path in html_pages(site):
        words = set(ENGLISH.findall(visible(path.read_text(encoding="utf-8"))))
        if words:
            found[str(path.relative_to(site))] = sorted(words)
    assert found == {}
    page = (site / "index.html").read_text(encoding="utf-8")
    assert "Lên đầu trang" in page and "Trở lại mục lục" not in page  # the back-to-top button


def test_404_page_is_vietnamese_and_works_from_any_depth(site):
    page = (site / "404.html").read_text(encoding="utf-8")
    assert "<title>Không tìm thấy trang - Cổng văn bản Đảng ủy phường Việt Hưng</title>" in page
    assert "<h1>Không tìm thấy trang</h1>" in page
    assert "Not found" not in page
    for href in ('href="/"', 'href="/chu-de/"', 'href="/van-ban/"'):
        assert href in page  # root-absolute: the host serves this page at /a/b/c too
    assert 'action="/tim-kiem/"' in page
    assert 'data-root="/"' in page and 'data-root="//"' not in page  # the header's search box


def test_footer_shows_the_committee_and_the_editors_guide_is_no_tab(site):
    page = (site / "chu-de" / "index.html").read_text(encoding="utf-8")
    footer = page[page.index('<footer class="md-footer">'):]
    assert '<p class="portal-footer__name">Đảng ủy phường Việt Hưng</p>' in footer
    assert "Địa chỉ: Phường Việt Hưng, thành phố Hà Nội" in footer
    assert '<a href="../gioi-thieu/">Giới thiệu cổng văn bản</a>' in footer
    assert '<a href="../huong-dan-bien-tap/">Hướng dẫn biên tập</a>' in footer
    tabs = page[page.index('class="md-tabs"'):page.index("</nav>", page.index('class="md-tabs"'))]
    assert "Hướng dẫn biên tập" not in tabs
    assert re.search(r'portal-header-name">\s*Đảng ủy phường Việt Hưng\s*<', page)
    assert (site / "gioi-thieu" / "index.html").is_file()
    assert "Sửa trang này" not in page  # mkdocs.yml sets no edit_uri until the repository exists


def test_phone_toc_lists_every_level_of_the_long_plan(site):
    page = (site / PLAN / "index.html").read_text(encoding="utf-8")
    toc = page[page.index('<details class="portal-toc">'):page.index("</details>", page.index('<details class="portal-toc">'))]
    for n in range(1, 8):
        assert f"1.{n}. " in toc, f"1.{n} missing from the phone TOC"


def test_document_first_line_says_type_number_date_issuer_before_the_subject(site):
    page = (site / PLAN / "index.html").read_text(encoding="utf-8")
    start = page.index('<p class="portal-kicker">')
    kicker = visible(page[start:page.index("</p>", start)])
    assert " ".join(kicker.split()) == "Kế hoạch (chưa có số) · tháng 3/2026 · Ban Thường vụ Đảng ủy phường Khương Đình"


def test_robots_txt_and_site_url_note(site, addressed):
    assert (site / "robots.txt").read_text(encoding="utf-8").split() == ["User-agent:", "*", "Allow:", "/"]
    with_url, log = addressed
    assert "Sitemap: https://vanban.example.vn/sitemap.xml" in (with_url / "robots.txt").read_text(encoding="utf-8")
    assert note("").startswith("mkdocs.yml chưa đặt site_url")
    assert note("https://vanban.example.vn/") == ""
    assert "chưa đặt site_url" not in log


def test_sitemap_lists_every_page_with_a_site_url(addressed):
    site, _ = addressed
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>https://vanban\.example\.vn/([^<]*)</loc>", sitemap))
    pages = {str(p.parent.relative_to(site)) + "/" for p in site.rglob("index.html")
             if not str(p.relative_to(site)).startswith(("so/", "search/"))}
    pages = {"" if p == "./" else p for p in pages}
    assert pages - listed == set()
    page = (site / PLAN / "index.html").read_text(encoding="utf-8")
    assert f'<meta property="og:url" content="https://vanban.example.vn/{PLAN}/">' in page
    assert '<meta property="og:image" content="https://vanban.example.vn/assets/portal-card.png">' in page


    site = (Path(__file__).parent / "browser")  # noqa: F841  (feeds are read from the real build below)


def test_real_feed_has_no_blank_day_phrase(site):
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert "ngày tháng" not in feed and "ngày năm" not in feed
    assert "Công văn tháng 4/2026 của" in feed


def test_unsigned_copy_prints_as_not_the_original(site):
    page = (site / PLAN / "index.html").read_text(encoding="utf-8")
    assert '<p class="portal-print-unsigned" hidden>Bản chưa có số — không phải bản chính</p>' in page
    print_css = (site / "assets" / "print.css").read_text(encoding="utf-8")
    assert re.search(r"\.portal-print-unsigned \{ display: block !important;", print_css)


def test_listing_facets_count_the_listed_documents_and_mark_the_current_one(site):
    plans = (site / "van-ban" / "loai" / "ke-hoach" / "index.html").read_text(encoding="utf-8")
    filters = plans[plans.index('<nav class="portal-filters"'):plans.index("</nav>", plans.index('<nav class="portal-filters"'))]
    issuers = re.findall(r'href="\.\./\.\./co-quan/[^"]+/">([^<]+)</a>', filters)
    assert issuers == ["Ban Thường vụ Đảng ủy phường Khương Đình (1)"]  # no ward that issued no plan
    assert '<a href="./" aria-current="page" class="portal-facet--current">Kế hoạch (1)</a>' in filters
    assert "Công văn" not in filters  # the listed set has no letter
    header = re.findall(r'<th scope="col">([^<]+)</th>', plans)
    assert header == ["Số, ký hiệu", "Ngày", "Trích yếu", "Cơ quan ban hành"]


def test_year_and_filter_index_addresses_resolve(site):
    year = (site / "van-ban" / "2026" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Văn bản năm 2026</h1>" in year
    assert year.count('<td class="portal-table__title">') == 3 and "2025-cong-van" not in year
    for folder, heading in (("loai", "Văn bản theo loại"), ("co-quan", "Văn bản theo cơ quan ban hành")):
        page = (site / "van-ban" / folder / "index.html").read_text(encoding="utf-8")
        assert f"<h1>{heading}</h1>" in page and "Kế hoạch (1)" in page


def test_cited_issuers_go_by_their_full_names(site):
    """content/co-quan.yml: "Ban Tuyên giáo và Dân vận Thành ủy" is the Hà Nội board."""
    index = (site / "van-ban-dan-chieu" / "index.html").read_text(encoding="utf-8")
    issuers = set(re.findall(r"Ban Tuyên giáo và Dân vận Thành ủy[^·<]*?(?= ·)", " ".join(visible(index).split())))
    assert issuers == {"Ban Tuyên giáo và Dân vận Thành ủy Hà Nội"}, issuers


def test_topic_page_intro_links_and_most_cited_only_when_meaningful(site):
    topic = (site / "chu-de" / "trach-nhiem-giai-trinh" / "index.html").read_text(encoding="utf-8")
    assert '<div class="portal-intro"><p><a href="../../van-ban-dan-chieu/53-ct-tw-2025/">Chỉ thị số' in topic
    assert "(Atom)" not in topic and "Nhận tin khi chủ đề có văn bản mới" in topic
    for path in sorted((site / "chu-de").glob("*/index.html")):
        page = path.read_text(encoding="utf-8")
        if "Văn bản được dẫn chiếu nhiều nhất" not in page:
            continue
        section = page[page.index('id="dan-chieu-nhieu-nhat"'):]
        counts = [int(n) for n in re.findall(r"(\d+) văn bản dẫn chiếu", section)]
        assert max(counts) > 1, f"{path}: a list where every directive is cited once is noise"


def test_the_pdf_note_does_not_promise_a_file(site):
    page = (site / PLAN / "index.html").read_text(encoding="utf-8")
    assert "<summary>Muốn có bản PDF? Cách lưu trang này thành PDF</summary>" in page
    assert "Bản PDF của văn bản" not in page and not re.search(r'href="[^"]+\.pdf"', page)
