"""Sharing at phone size: Open Graph / Twitter meta, JSON-LD, share and citation
buttons, section permalinks, short links by number, feeds linked in the head."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from phone_support import LETTER_URL, LONG_PLAN_URL, chromium, phone, phone_site, shot, site_url  # noqa: F401

CITATION = ("Công văn số 15-CV/ĐU ngày 05/01/2026 của Ban Thường vụ Đảng ủy phường Việt Hưng "
            "về việc triển khai thực hiện Chỉ thị số 53-CT/TW của Bộ Chính trị")
ATOM = "{http://www.w3.org/2005/Atom}"


def meta(page, key: str) -> str:
    attribute = "property" if key.startswith("og:") else "name"
    return page.locator(f'meta[{attribute}="{key}"]').get_attribute("content")


def test_open_graph_and_twitter_meta(phone, site_url):
    phone.goto(site_url + LETTER_URL)
    assert meta(phone, "og:title") == "Về việc triển khai thực hiện Chỉ thị số 53-CT/TW của Bộ Chính trị"
    assert meta(phone, "og:description").startswith("Công văn số 15-CV/ĐU ngày 05/01/2026")
    assert meta(phone, "og:type") == "article"
    assert meta(phone, "twitter:card") == "summary_large_image"
    assert meta(phone, "twitter:title") == meta(phone, "og:title")
    image = phone.evaluate("(src) => new URL(src, location.href).href", meta(phone, "og:image"))
    response = phone.request.get(image)
    assert response.ok and response.headers["content-type"] == "image/png"
    assert response.body()[:8] == b"\x89PNG\r\n\x1a\n"
    phone.goto(site_url + "chu-de/van-hoa/")
    assert meta(phone, "og:title") == "Văn hóa"
    assert "80-NQ/TW" in meta(phone, "og:description")


def test_legislation_json_ld(phone, site_url):
    phone.goto(site_url + LETTER_URL)
    data = json.loads(phone.locator('script[type="application/ld+json"]').text_content())
    assert data["@type"] == "Legislation"
    assert data["legislationIdentifier"] == "15-CV/ĐU"
    assert data["legislationType"] == "Công văn"
    assert data["legislationDate"] == "2026-01-05"
    assert data["legislationPassedBy"]["name"] == "Ban Thường vụ Đảng ủy phường Việt Hưng"
    cited = {c["name"]: c for c in data["citation"]}
    assert "Chỉ thị số 53-CT/TW" in cited
    target = phone.evaluate("(u) => new URL(u, location.href).href", cited["Chỉ thị số 53-CT/TW"]["url"])
    assert target == site_url + "van-ban-dan-chieu/53-ct-tw-2025/"
    assert data["legislationApplies"][0]["name"] == "Chỉ thị số 53-CT/TW"


def test_copy_citation_and_share_link(phone, site_url):
    phone.add_init_script("Object.defineProperty(navigator, 'share', {value: undefined})")
    phone.goto(site_url + LETTER_URL)
    phone.get_by_role("button", name="Sao chép trích dẫn").click()
    phone.wait_for_function("() => document.querySelector('[data-portal-status]').textContent.startsWith('Đã sao chép')")
    assert phone.evaluate("navigator.clipboard.readText()") == CITATION
    phone.get_by_role("button", name="Chia sẻ").click()
    phone.wait_for_function("() => document.querySelector('[data-portal-status]').textContent.includes('liên kết')")
    assert phone.evaluate("navigator.clipboard.readText()") == site_url + LETTER_URL
    shot(phone, "share-copied")


def test_share_uses_the_phone_share_sheet(phone, site_url):
    phone.add_init_script("""Object.defineProperty(navigator, 'share', {value: (data) => {
      window.__shared = data; return Promise.resolve(); }})""")
    phone.goto(site_url + LETTER_URL)
    phone.get_by_role("button", name="Chia sẻ").click()
    shared = phone.evaluate("window.__shared")
    assert shared["url"] == site_url + LETTER_URL
    assert shared["title"].startswith("Về việc triển khai")


def test_section_permalinks(phone, site_url):
    phone.goto(site_url + LONG_PLAN_URL + "#muc-v")
    ids = phone.evaluate("[...document.querySelectorAll('.portal-body h2')].map(h => h.id)")
    assert ids == ["muc-i", "muc-ii", "muc-iii", "muc-iv", "muc-v", "muc-vi"]
    assert phone.locator("#muc-ii-1").text_content().startswith("1. Nội dung 1 của mục II")
    assert phone.locator("#muc-ii-1-1").text_content().startswith("1.1. Nhiệm vụ cụ thể")
    assert phone.evaluate("document.querySelectorAll('.portal-body [id*=\"_\"]').length") == 0, "an id was de-duplicated by toc"
    top = phone.locator("#muc-v").bounding_box()["y"]
    assert 0 <= top < 800, "the #muc-v link does not land on its section"
    link = phone.locator("#muc-v a.headerlink")
    assert link.get_attribute("href") == "#muc-v"


def test_short_links_by_number(phone, site_url):
    phone.goto(site_url + "so/53-ct-tw/")
    phone.wait_for_url(site_url + "van-ban-dan-chieu/53-ct-tw-2025/")
    assert phone.locator("h1").text_content() == "Chỉ thị số 53-CT/TW"
    phone.goto(site_url + "so/21-kh-du/")
    phone.wait_for_url(site_url + LONG_PLAN_URL)
    phone.goto(site_url + "so/15-cv-du/")  # two documents share 15-CV/ĐU
    links = phone.locator("main li a")
    assert links.count() == 2
    assert "Có 2 văn bản mang số 15-CV/ĐU" in phone.locator("h1").text_content()
    shot(phone, "shortlink-chooser")
    links.filter(has_text="triển khai").click()
    phone.wait_for_url(site_url + LETTER_URL)


def test_feeds_linked_and_valid(phone, site_url):
    phone.goto(site_url + "chu-de/trach-nhiem-giai-trinh/")
    # rel="alternate feed" (feed readers look for the "alternate" token), not rel="alternate":
    # Material's bundle fetches sitemap.xml beside every link[rel=alternate], a 404 for a topic feed.
    hrefs = phone.evaluate("""[...document.querySelectorAll('link[rel~=alternate][type="application/atom+xml"]')]
                               .map(l => l.href)""")
    assert phone.evaluate("document.querySelectorAll('link[rel=alternate]').length") == 0
    assert hrefs == [site_url + "feed.xml", site_url + "chu-de/trach-nhiem-giai-trinh/feed.xml"]
    for href in hrefs:
        response = phone.request.get(href)
        assert response.ok
        feed = ET.fromstring(response.body())
        titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
        assert "Về việc triển khai thực hiện Chỉ thị số 53-CT/TW của Bộ Chính trị" in titles
        link = feed.find(f"{ATOM}entry/{ATOM}link").get("href")
        resolved = phone.evaluate("([l, b]) => new URL(l, b).href", [link, href])
        assert phone.request.get(resolved).ok, f"feed link {link} from {href} is broken"
