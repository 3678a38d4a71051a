"""The public face at 360 px: dark mode as the phone is set (print stays light), numbers
never broken at a hyphen or slash, the 404 page's search from a deep address, the
committee's identity in the header and footer, and no English words on public pages.
Screenshots go to test-artifacts/phone/face-*.png."""

from __future__ import annotations

import re

import pytest

from phone_support import LETTER_URL, LONG_PLAN_URL, PHONES, chromium, phone, phone_site, shot, site_url  # noqa: F401

PUBLIC = ["", "chu-de/", "chu-de/trach-nhiem-giai-trinh/", "van-ban/", "van-ban-dan-chieu/53-ct-tw-2025/",
          LONG_PLAN_URL, LETTER_URL, "gioi-thieu/", "tim-kiem/?q=53-CT"]
ENGLISH = re.compile(r"\b(Made with|Material for MkDocs|Back to top|Table of contents|Skip to content|Not found|"
                     r"Initializing|Contributors|Edit this page|View source|Previous|Next|Search|Footer|Header|"
                     r"Navigation|Tabs|RSS feed|Metadata|Share|Copy|Copied)\b")
SEEN = """() => [document.body.innerText,
  ...[...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')].flatMap(
     e => ['aria-label', 'title', 'placeholder', 'alt'].map(a => e.getAttribute(a) || ''))].join(' ')"""


@pytest.fixture()
def dark_phone(chromium):
    context = chromium.new_context(viewport=PHONES["360x800"], device_scale_factor=2, is_mobile=True,
                                   has_touch=True, locale="vi-VN", color_scheme="dark")
    yield context.new_page()
    context.close()


def scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def test_dark_mode_follows_the_phone_with_a_toggle_and_prints_light(dark_phone, site_url):
    dark_phone.goto(site_url + LETTER_URL)
    assert scheme(dark_phone) == "slate"
    background = dark_phone.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)"
    shot(dark_phone, "face-dark-letter")
    dark_phone.locator(".md-header__option label:visible").click()  # "Chuyển sang nền sáng"
    assert scheme(dark_phone) == "default"
    dark_phone.locator(".md-header__option label:visible").click()
    assert scheme(dark_phone) == "slate"
    dark_phone.emulate_media(media="print")
    assert dark_phone.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    assert dark_phone.evaluate("getComputedStyle(document.querySelector('.portal-body p')).color") == "rgb(0, 0, 0)"


@pytest.mark.parametrize("path", [LONG_PLAN_URL, LETTER_URL, "van-ban/", "van-ban-dan-chieu/53-ct-tw-2025/",
                                  "chu-de/trach-nhiem-giai-trinh/"])
def test_numbers_are_never_broken_across_lines(phone, site_url, path):
    phone.goto(site_url + path)
    numbers = phone.evaluate("""() => [...document.querySelectorAll('.portal-nowrap')].filter(e => e.offsetParent)
        .map(e => [e.textContent.trim(), e.getClientRects().length])""")
    assert len(numbers) >= 3, "numbers are not marked on the page"
    broken = [text for text, lines in numbers if lines != 1]
    assert broken == []
    shot(phone, "face-numbers-" + (path.strip("/").replace("/", "_") or "home"))
    if path == "van-ban/":
        phone.goto(site_url + "van-ban/loai/ke-hoach/")
        assert phone.locator(".portal-facet--current").inner_text().startswith("Kế hoạch")
        shot(phone, "face-listing-ke-hoach")


def test_404_page_search_works_from_a_deep_address(phone, site_url, phone_site):
    errors: list[str] = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    not_found = (phone_site / "404.html").read_text(encoding="utf-8")
    phone.route("**/khong/co/trang-nay/", lambda route: route.fulfill(status=404, body=not_found,
                                                                       content_type="text/html; charset=utf-8"))
    phone.goto(site_url + "khong/co/trang-nay/")
    assert phone.title().startswith("Không tìm thấy trang")
    assert phone.locator("h1").inner_text() == "Không tìm thấy trang"
    assert phone.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
    phone.fill("#portal-search-q", "53-CT/TW")
    phone.wait_for_function("""() => { const e = document.querySelector('#portal-search-results');
        return e && e.dataset.state === 'done'; }""")
    results = phone.eval_on_selector_all("#portal-search-results a", "els => els.map(e => e.href)")
    assert any(href.startswith(site_url + "van-ban") for href in results), results
    shot(phone, "face-404")
    assert errors == []
    links = phone.eval_on_selector_all(".portal-404-links a", "els => els.map(e => [e.textContent, e.getAttribute('href')])")
    assert links == [["Trang chủ", "/"], ["Các chủ đề", "/chu-de/"], ["Danh sách văn bản", "/van-ban/"]]
    phone.fill("#portal-search-q", "")
    phone.keyboard.press("Escape")
    phone.fill("#portal-404-q", "53-CT/TW")
    phone.locator(".portal-404-search button").click()
    phone.wait_for_url(re.compile(re.escape(site_url) + r"tim-kiem/\?q=53-CT"))


def test_identity_in_header_and_footer(phone, site_url):
    phone.goto(site_url + LETTER_URL)
    name = phone.locator(".portal-header-name")
    assert name.is_visible() and name.inner_text().strip() == "Đảng ủy phường Việt Hưng"
    box = name.bounding_box()
    assert box["x"] + box["width"] <= 360
    footer = phone.locator(".portal-footer")
    text = footer.inner_text()
    assert "Đảng ủy phường Việt Hưng" in text and "Địa chỉ: Phường Việt Hưng, thành phố Hà Nội" in text
    footer.get_by_role("link", name="Giới thiệu cổng văn bản").click()
    phone.wait_for_url(site_url + "gioi-thieu/")
    assert "Báo lỗi" in phone.locator("article").inner_text()
    phone.locator(".portal-footer").scroll_into_view_if_needed()
    shot(phone, "face-about")


def test_no_english_words_on_public_pages(phone, site_url):
    found = {}
    for path in PUBLIC:
        phone.goto(site_url + path)
        words = set(ENGLISH.findall(phone.evaluate(SEEN)))
        if words:
            found[path] = sorted(words)
    assert found == {}
    phone.goto(site_url + LONG_PLAN_URL)
    shot(phone, "face-plan")
    phone.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert phone.locator(".md-top").get_attribute("aria-label") in (None, "Lên đầu trang")
    assert "Lên đầu trang" in phone.locator(".md-top").inner_text()


def test_offline_page_lists_what_this_phone_saved(chromium, site_url):
    context = chromium.new_context(viewport=PHONES["360x800"], is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(site_url + LONG_PLAN_URL)
        page.locator("[data-portal-offline][data-saved]").wait_for(timeout=10000)
        page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null", timeout=10000)
        page.goto(site_url + "ngoai-tuyen/")
        page.wait_for_function("() => document.querySelector('[data-portal-saved-status]').textContent.startsWith('Đã lưu')")
        context.set_offline(True)
        page.reload()  # reachable offline: the page was kept when it was opened
        page.wait_for_function("() => document.querySelector('[data-portal-saved-status]').textContent.startsWith('Đã lưu')")
        titles = page.eval_on_selector_all(".portal-saved a", "els => els.map(e => e.textContent)")
        assert any(title.startswith("Tuyên truyền, vận động") for title in titles), titles
        shot(page, "face-offline-list")
    finally:
        context.close()


def test_every_print_carries_the_address_and_the_print_date(phone, site_url):
    phone.goto(site_url + LETTER_URL)
    stamp = phone.locator("[data-portal-print-stamp]")
    assert not stamp.is_visible()  # on screen: nothing
    phone.emulate_media(media="print")
    assert stamp.is_visible()
    assert re.fullmatch(re.escape("In từ " + site_url + LETTER_URL) + r" ngày \d\d/\d\d/20\d\d", stamp.inner_text().strip())
    assert not phone.locator(".portal-kicker__facts").is_visible()  # the printed header says them
    assert phone.locator(".portal-kicker__type").inner_text().strip().upper() == "CÔNG VĂN"
    assert phone.locator(".portal-print-unsigned").count() == 0  # 15-CV/ĐU is signed
    assert not phone.locator(".portal-deadlines-box").is_visible()  # the portal's addition, not the document's
    phone.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    shot(phone, "face-print-letter")


def test_a_short_link_typed_in_capitals_reaches_its_lower_case_folder(phone, site_url, phone_site):
    """One folder per number (so/53-ct-tw/); the host's 404 page sends so/53-CT-TW/ there."""
    not_found = (phone_site / "404.html").read_text(encoding="utf-8")
    assert (phone_site / "so" / "53-ct-tw" / "index.html").is_file()
    assert not [p for p in (phone_site / "so").iterdir() if p.name != p.name.lower()]
    phone.route("**/so/53-CT-TW/", lambda route: route.fulfill(status=404, body=not_found,
                                                               content_type="text/html; charset=utf-8"))
    phone.goto(site_url + "so/53-CT-TW/")
    phone.wait_for_url(re.compile(r".*/van-ban-dan-chieu/53-ct-tw-2025/$"))


@pytest.mark.parametrize("path", ["", LETTER_URL, "van-ban/", "chu-de/trach-nhiem-giai-trinh/", "khong/co/trang-nay/"])
def test_dark_pages_pass_axe(dark_phone, site_url, phone_site, path):
    """Contrast in the dark as in the light: axe-core finds no serious or critical violation."""
    from test_a11y import axe_violations

    not_found = (phone_site / "404.html").read_text(encoding="utf-8")
    dark_phone.route("**/khong/co/trang-nay/", lambda route: route.fulfill(status=404, body=not_found,
                                                                           content_type="text/html; charset=utf-8"))
    dark_phone.goto(site_url + path)
    assert scheme(dark_phone) == "slate"
    assert axe_violations(dark_phone) == []


def test_listing_is_a_table_on_a_wide_screen_and_blocks_on_a_phone(chromium, phone, site_url):
    phone.goto(site_url + "van-ban/")
    assert not phone.locator(".portal-table thead").first.is_visible() or \
        phone.locator(".portal-table thead").first.bounding_box()["height"] <= 1
    title = phone.locator(".portal-table__title").first.bounding_box()
    number = phone.locator(".portal-table__number").first.bounding_box()
    assert title["y"] < number["y"]  # on a phone: the subject first, then số · ngày · cơ quan
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        wide = context.new_page()
        wide.goto(site_url + "van-ban/")
        headers = wide.locator(".portal-table thead th").all_inner_texts()[:4]
        assert headers == ["Số, ký hiệu", "Ngày", "Trích yếu", "Cơ quan ban hành"]
        cells = [wide.locator(f".portal-table tbody tr >> nth=0 >> td >> nth={i}").bounding_box() for i in range(4)]
        assert cells[0]["x"] < cells[1]["x"] < cells[2]["x"] < cells[3]["x"]  # one row, four columns
        assert abs(cells[0]["y"] - cells[3]["y"]) < 2
        shot(wide, "face-listing-wide")
    finally:
        context.close()
