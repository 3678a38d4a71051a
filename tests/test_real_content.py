"""The real `content/`: builds strictly, pages say what the documents say, every word kept."""

from __future__ import annotations

import html as htmllib
import re
from collections import Counter
from pathlib import Path

import pytest

from directive_portal.content import document_files, load_content
from directive_portal.importer.check import words
from linkcheck import broken_links
from sites import REPO, SEEDS, build, write_config

# Seed file -> the document the importer made of it.
SEED_DOCUMENTS = {
    "000_e23efd198bda25a6.txt": "van-ban/2025/2025-cong-van-chua-so-viet-hung-thuc-hien-cong-tac-tuyen-truyen-mot-so-nhiem-vu-trong-tam",
    "001_06d76e8eadf21571.txt": "van-ban/2026/2026-03-ke-hoach-chua-so-khuong-dinh-tuyen-truyen-van-dong-thuc-hien-nghi-quyet-dai-hoi-dai-bieu",
    "002_628885ff272374ff.txt": "van-ban/2026/2026-cong-van-chua-so-viet-hung-day-manh-nghien-cuu-hoc-tap-quan-triet-va-trien-khai-thuc-bo",
    "003_e81a6ce932096531.txt": "van-ban/2026/2026-04-cong-van-chua-so-ham-liem-tuyen-truyen-trach-nhiem-giai-trinh-cua-co-quan-to-chuc-ca",
    "004_ebe1d57b6bf88f0f.txt": "van-ban/2023/2023-huong-dan-chua-so-day-manh-tuyen-truyen-ve-cong-tac-xay-dung-dang-va-he-thong",
}
# Words of the layout that the page shows as labels of the metadata panel instead.
LAYOUT_WORDS = Counter(words("Số ĐẢNG CỘNG SẢN VIỆT NAM Kính gửi Nơi nhận ngày tháng năm KẾ HOẠCH"))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("real")
    config = write_config(root, REPO / "content", root / "site")
    result = build(config)
    assert result.returncode == 0, result.stderr
    return root / "site"


def page_text(site: Path, url: str) -> str:
    page = (site / url / "index.html").read_text(encoding="utf-8")
    start = page.index('<article class="portal-document')
    end = page.index("</article>", start)
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", page[start:end]))


def test_real_content_has_no_errors():
    """Holds for any valid content: every document file is read, none has an error."""
    content = load_content(str(REPO / "content"))
    assert content.errors == ()
    assert len(content.documents) == len(document_files(str(REPO / "content"))) >= len(SEED_DOCUMENTS)


@pytest.mark.parametrize("seed, url", SEED_DOCUMENTS.items())
def test_every_word_of_the_seed_is_on_its_page(site, seed, url):
    source = Counter(words((SEEDS / seed).read_text(encoding="utf-8")))
    shown = Counter(words(page_text(site, url)))
    missing = source - shown - LAYOUT_WORDS
    assert not missing, f"words of {seed} missing from /{url}/: {dict(missing)}"


def test_directive_53_lists_the_viet_hung_and_ham_liem_letters(site):
    page = (site / "van-ban-dan-chieu/53-ct-tw-2025/index.html").read_text(encoding="utf-8")
    assert "26/10/2025" in page and "Bộ Chính trị" in page
    assert SEED_DOCUMENTS["000_e23efd198bda25a6.txt"].split("/")[-1] in page
    assert SEED_DOCUMENTS["003_e81a6ce932096531.txt"].split("/")[-1] in page
    assert "khuong-dinh" not in page.split("Văn bản triển khai")[1]


def test_directive_80_lists_the_khuong_dinh_plan_and_the_viet_hung_letter(site):
    page = (site / "van-ban-dan-chieu/80-nq-tw-2026/index.html").read_text(encoding="utf-8")
    assert "07/01/2026" in page
    assert SEED_DOCUMENTS["001_06d76e8eadf21571.txt"].split("/")[-1] in page
    assert SEED_DOCUMENTS["002_628885ff272374ff.txt"].split("/")[-1] in page


def test_split_number_in_the_pdf_is_a_working_link(site):
    page = (site / SEED_DOCUMENTS["000_e23efd198bda25a6.txt"] / "index.html").read_text(encoding="utf-8")
    assert page.count('van-ban-dan-chieu/53-ct-tw-2025/"') >= 3
    assert 'van-ban-dan-chieu/39-2024-qh15/"' in page


def test_topic_pages_of_the_four_topics(site):
    for slug, expected in [("trach-nhiem-giai-trinh", ["000", "003"]), ("van-hoa", ["001", "002"]),
                           ("chuyen-doi-so", ["001"]), ("chinh-quyen-dia-phuong-2-cap", ["000"])]:
        page = (site / "chu-de" / slug / "index.html").read_text(encoding="utf-8")
        for seed in SEED_DOCUMENTS:
            name = SEED_DOCUMENTS[seed].split("/")[-1]
            assert (name in page) == (seed[:3] in expected), (slug, seed)


def test_every_internal_link_of_the_real_site_resolves(site):
    assert broken_links(site) == []


def test_every_page_of_the_real_site_has_its_content_security_policy(site):
    from test_csp import check_site

    assert check_site(site) > 50
