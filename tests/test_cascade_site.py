"""The cascade, replacements, /trien-khai/ and deadlines in built sites (real content and fixtures)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from icalendar import Calendar

from directive_portal.checks import check_content
from sites import REPO, build, make_site, write_config

VIET_HUNG_2026 = "van-ban/2026/2026-cong-van-chua-so-viet-hung-day-manh-nghien-cuu-hoc-tap-quan-triet-va-trien-khai-thuc-bo/"
VIET_HUNG_2025 = "van-ban/2025/2025-cong-van-chua-so-viet-hung-thuc-hien-cong-tac-tuyen-truyen-mot-so-nhiem-vu-trong-tam/"
HAM_LIEM = "van-ban/2026/2026-04-cong-van-chua-so-ham-liem-tuyen-truyen-trach-nhiem-giai-trinh-cua-co-quan-to-chuc-ca/"
KHUONG_DINH = "van-ban/2026/2026-03-ke-hoach-chua-so-khuong-dinh-tuyen-truyen-van-dong-thuc-hien-nghi-quyet-dai-hoi-dai-bieu/"


class _Tree(HTMLParser):
    """The cascade of a page: for each node's link (its href's last parts), the node it sits under."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = 0  # depth inside the cascade block, 0 when outside
        self.stack: list[list[str | None]] = []  # per open <li> (and the root div): its first link
        self.parent: dict[str, str | None] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.inside == 0 and tag == "div" and attrs.get("class") == "portal-cascade":
            self.inside, self.stack = 1, [["(this page)"]]
            return
        if not self.inside:
            return
        if tag in ("div", "li", "ul", "details"):
            self.inside += 1
        if tag == "li":
            self.stack.append([None])
        if tag == "a" and "portal-list__title" in (attrs.get("class") or ""):
            href = attrs["href"].rstrip("/").rsplit("/", 1)[-1]
            if self.stack[-1][0] is None:
                self.stack[-1][0] = href
                outer = next((s[0] for s in reversed(self.stack[:-1]) if s[0]), None)
                self.parent[href] = outer

    def handle_endtag(self, tag):
        if not self.inside or tag not in ("div", "li", "ul", "details"):
            return
        if tag == "li":
            self.stack.pop()
        self.inside -= 1


def cascade_parents(page: Path) -> dict[str, str | None]:
    tree = _Tree()
    tree.feed(page.read_text(encoding="utf-8"))
    return tree.parent


def slug_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


@pytest.fixture(scope="module")
def real(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("real-cascade")
    result = build(write_config(root, REPO / "content", root / "site"))
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_directive_53_shows_the_city_and_province_plans_with_the_ward_letters_under_them(real):
    parents = cascade_parents(real / "van-ban-dan-chieu/53-ct-tw-2025/index.html")
    assert parents["17-kh-tu-2025"] == parents["21-kh-tu-2025"] == "(this page)"
    assert parents[slug_of(VIET_HUNG_2025)] == "17-kh-tu-2025"
    assert parents[slug_of(HAM_LIEM)] == "21-kh-tu-2025"
    page = (real / "van-ban-dan-chieu/53-ct-tw-2025/index.html").read_text(encoding="utf-8")
    # The provenance: the sentence that says 17-KH/TU carries out 53-CT/TW, and where it is.
    assert "portal-cascade__quote\">Về thực hiện Kế hoạch số 17-KH/TU ngày 11/12/2025 của Ban Thường vụ Thành ủy về việc triển khai" in page
    assert "dòng 56" in page


def test_directive_80_shows_the_board_letter_with_the_viet_hung_letter_under_it(real):
    parents = cascade_parents(real / "van-ban-dan-chieu/80-nq-tw-2026/index.html")
    assert parents["556-cv-btdvtu-2026"] == "(this page)"
    assert parents[slug_of(VIET_HUNG_2026)] == "556-cv-btdvtu-2026"
    assert parents[slug_of(KHUONG_DINH)] == "(this page)"  # it carries out 80-NQ/TW itself
    page = (real / "van-ban-dan-chieu/80-nq-tw-2026/index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["legislationIdentifier"] == "80-NQ/TW"
    below = data["@reverse"]["isBasedOn"]
    board = next(e for e in below if e.get("legislationIdentifier") == "556-CV/BTĐVTU")
    assert board["@reverse"]["isBasedOn"][0]["url"].endswith(slug_of(VIET_HUNG_2026) + "/")


def test_a_document_shows_the_chain_it_carries_out(real):
    page = (real / HAM_LIEM / "index.html").read_text(encoding="utf-8")
    row = re.search(r"<dt>Thực hiện</dt><dd>(.*?)</dd>", page, re.S).group(1)
    chains = [" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in re.findall(r'<span class="portal-chain">(.*?)</span>', row, re.S)]
    assert chains == ["21-KH/TU ← 53-CT/TW", "578-CV/BTGDVTU"]
    # Each chain says why: the sentence where the letter carries out 21-KH/TU, and where 21-KH/TU carries out 53-CT/TW.
    why = " ".join(re.sub(r"<[^>]+>", " ", row).split())
    assert "triển khai thực hiện nghiêm túc Chỉ thị số 53-CT/TW và Kế hoạch số 21-KH/TU" in why
    assert "giải pháp tại Kế hoạch số 21-KH/TU, ngày 31/12/2025 của Ban Thường vụ Tỉnh ủy về triển khai thực hiện Chỉ thị 53-CT/TW" in why
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    plan = next(e for e in data["isBasedOn"] if e["legislationIdentifier"] == "21-KH/TU")
    assert plan["isBasedOn"][0]["legislationIdentifier"] == "53-CT/TW"


def test_tracking_page_lists_directives_and_the_ward_documents_carrying_them_out(real):
    page = (real / "trien-khai/index.html").read_text(encoding="utf-8")
    done, waiting = page.split('id="chua-trien-khai"')
    row_80 = done[done.index("80-nq-tw-2026/"):]
    row_80 = row_80[: row_80.index('class="portal-tracking__row"')]
    assert slug_of(VIET_HUNG_2026) in row_80 and "qua 556-CV/BTĐVTU" in row_80
    assert slug_of(KHUONG_DINH) in row_80
    row_53 = done[done.index("53-ct-tw-2025/"):]
    assert slug_of(HAM_LIEM) in row_53 and slug_of(VIET_HUNG_2025) in row_53
    assert "59-nq-tw-2025/" in waiting and "59-nq-tw-2025/" not in done  # cited, carried out by no one
    assert 'data-topics="trach-nhiem-giai-trinh"' in done
    home = (real / "index.html").read_text(encoding="utf-8")
    assert 'href="trien-khai/"' in home


def test_the_viet_hung_2026_deadlines_are_on_its_page_and_in_the_calendar(real):
    page = (real / VIET_HUNG_2026 / "index.html").read_text(encoding="utf-8")
    box = page[page.index('id="han-thuc-hien"'):]
    assert "Trước ngày 28/03/2026" in box and "Trong quý I/2026" in box and "Hằng tháng" in box
    assert 'data-end="2026-03-29"' in box
    calendar = Calendar.from_ical((real / "han-thuc-hien.ics").read_bytes())
    events = {(e.decoded("dtstart").isoformat(), e.decoded("dtend").isoformat()): str(e["summary"])
              for e in calendar.walk("VEVENT")}
    assert events[("2026-03-28", "2026-03-29")].startswith("Trước ngày 28/03/2026: Đẩy mạnh nghiên cứu")
    assert events[("2026-01-01", "2026-04-01")].startswith("Trong quý I/2026")  # a period, not a day
    assert all("hằng tháng" not in summary.lower() for summary in events.values())
    assert (real / "han-thuc-hien/index.html").exists()


NOTICE = """
---
title: {title}
type: thong-bao
number: {number}
issuer: Ban Thường vụ Đảng ủy phường Việt Hưng
date: '{date}'
topics: [van-hoa]
{extra}---
Thực hiện Kế hoạch số 17-KH/TU ngày 11/12/2025 của Ban Thường vụ Thành ủy về việc triển khai thực hiện Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị. Báo cáo trước ngày 15/3/2026.
"""


def _notices(extra: str = "replaces: [04-TB/ĐU]\n") -> dict[str, str]:
    return {
        "van-ban/2026/04.md": NOTICE.format(title="Lịch sinh hoạt chi bộ <b>quý I</b>", number="04-TB/ĐU",
                                            date="2026-01-05", extra=""),
        "van-ban/2026/05.md": NOTICE.format(title="Lịch sinh hoạt chi bộ (thay thế)", number="05-TB/ĐU",
                                            date="2026-02-10", extra=extra),
    }


def test_a_notice_replacing_another_links_both_and_marks_the_old_one(tmp_path):
    config = make_site(tmp_path, _notices())
    result = build(config)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    old = (site / "van-ban/2026/04/index.html").read_text(encoding="utf-8")
    new = (site / "van-ban/2026/05/index.html").read_text(encoding="utf-8")
    banner = re.search(r'<p class="portal-replaced" role="note">(.*?)</p>', old, re.S).group(1)
    assert " ".join(re.sub(r"<[^>]+>", " ", banner).split()) == "Đã được thay thế bởi Thông báo số 05-TB/ĐU ngày 10/02/2026"
    assert 'href="../05/"' in banner
    row = re.search(r"<dt>Thay thế</dt><dd>(.*?)</dd>", new, re.S).group(1)
    assert 'href="../04/"' in row and "Thông báo số 04-TB/ĐU ngày 05/01/2026" in re.sub(r"<[^>]+>", "", row)
    assert "portal-replaced" not in new
    assert "Lịch sinh hoạt chi bộ &lt;b&gt;quý I&lt;/b&gt;" in old and "<b>quý I</b>" not in old
    for page in ("trien-khai/index.html", "han-thuc-hien/index.html", "van-ban-dan-chieu/17-kh-tu-2025/index.html"):
        text = (site / page).read_text(encoding="utf-8")
        assert "Lịch sinh hoạt chi bộ &lt;b&gt;quý I&lt;/b&gt;" in text and "<b>quý I</b>" not in text, page
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert "Thay thế Thông báo số 04-TB/ĐU ngày 05/01/2026." in feed
    records = [r for p in (site / "search").glob("*/r/*.json") for r in json.loads(p.read_text(encoding="utf-8"))]
    old_record = next(r for r in records if r[0] == "van-ban/2026/04/")
    new_record = next(r for r in records if r[0] == "van-ban/2026/05/")
    assert len(new_record) == 9
    assert old_record[-1] == 1 and len(old_record) == 10  # the "replaced" flag
    assert json.loads(old.split('<script type="application/ld+json">')[1].split("</script>")[0])[
        "legislationLegalForce"] == "https://schema.org/NotInForce"


def test_replacing_an_unknown_number_is_reported_with_file_and_line(tmp_path):
    make_site(tmp_path, _notices("replaces: [40-TB/ĐU]\n"))
    result = check_content(str(tmp_path / "content"), "content/")
    shown = [str(p) for p in result.errors]
    assert any(s.startswith("content/van-ban/2026/05.md:8: '40-TB/ĐU' trong replaces không khớp văn bản nào") for s in shown)
    built = build(tmp_path / "mkdocs.yml")
    assert built.returncode != 0 and "05.md:8: '40-TB/ĐU' trong replaces" in built.stderr


def test_the_registry_overrides_a_cited_document_and_is_checked(tmp_path):
    docs = _notices("")
    docs["van-ban-dan-chieu.yml"] = ("- id: 17-KH/TU\n  date: '2025-12-11'\n  issuer: Ban Thường vụ Thành ủy Hà Nội\n"
                                    "  title: Triển khai Chỉ thị 53 <script>x</script>\n  link: https://example.org/17\n")
    config = make_site(tmp_path, docs)
    assert build(config).returncode == 0
    page = (tmp_path / "site/van-ban-dan-chieu/17-kh-tu-2025/index.html").read_text(encoding="utf-8")
    assert "Ban Thường vụ Thành ủy Hà Nội" in page and 'href="https://example.org/17"' in page
    assert "Triển khai Chỉ thị 53 &lt;script&gt;x&lt;/script&gt;" in page and "<script>x" not in page
    assert not (tmp_path / "site/van-ban-dan-chieu.yml").exists()  # the registry is not published
    (tmp_path / "content/van-ban-dan-chieu.yml").write_text("- id: 17-KH/TU\n  date: 11/12/2025\n", encoding="utf-8")
    shown = [str(p) for p in check_content(str(tmp_path / "content"), "content/").errors]
    assert any(s.startswith("content/van-ban-dan-chieu.yml:2: ngày '11/12/2025' không hợp lệ") for s in shown)
    built = build(config)
    assert built.returncode != 0 and "van-ban-dan-chieu.yml:2" in built.stderr
