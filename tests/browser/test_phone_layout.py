"""Phone layout: no horizontal scrolling, wrapped metadata and tables, readable
text, a reachable table of contents; screenshots in test-artifacts/phone/."""

from __future__ import annotations

import pytest

from phone_support import LETTER_URL, LONG_PLAN_URL, PHONES, chromium, phone, phone_site, shot, site_url  # noqa: F401

PAGES = {
    "home": "",
    "topic": "chu-de/trach-nhiem-giai-trinh/",
    "directive": "van-ban-dan-chieu/53-ct-tw-2025/",
    "document": LONG_PLAN_URL,
    "letter": LETTER_URL,
    "listing": "van-ban/",
    "search": "tim-kiem/?q=trach+nhiem+giai+trinh",
}

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(el => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && style.visibility !== 'hidden' && box.right > width + 1
      && !el.closest('.md-sidebar, .md-search, [hidden], .md-top, .md-header__topic');
  }).map(el => el.tagName + '.' + el.className + ': ' + (el.textContent || '').trim().slice(0, 40));
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
}"""


@pytest.mark.parametrize("size", PHONES)
@pytest.mark.parametrize("name", PAGES)
def test_no_horizontal_scrolling(chromium, site_url, phone_site, name, size):
    path = PAGES[name]
    if name == "search" and not (phone_site / "tim-kiem" / "index.html").exists():
        pytest.fail("the search page tim-kiem/ is missing from the built site")
    context = chromium.new_context(viewport=PHONES[size], is_mobile=True, has_touch=True, device_scale_factor=1)
    page = context.new_page()
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    result = page.evaluate(OVERFLOW)
    shot(page, f"layout-{name}-{size}")
    context.close()
    assert result["scroll"] <= result["width"], f"{name} at {size} scrolls sideways: {result}"
    assert not result["wide"], f"{name} at {size}: elements past the right edge: {result['wide']}"


def test_metadata_table_and_long_numbers_wrap(phone, site_url):
    phone.goto(site_url + LONG_PLAN_URL)
    width = phone.evaluate("document.documentElement.clientWidth")
    for selector in (".portal-meta", ".portal-body table", ".portal-signature", ".portal-distribution"):
        box = phone.locator(selector).first.bounding_box()
        assert box is not None, selector
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, f"{selector} is wider than the screen: {box}"
    cell = phone.locator(".portal-body table td", has_text="0011004123456789012345678")
    assert cell.bounding_box()["width"] < width / 2, "the long account number did not wrap inside its cell"
    number = phone.locator(".portal-body p", has_text="000.00.35.H26").bounding_box()
    assert number["x"] + number["width"] <= width + 1


def test_text_is_comfortable_to_read(phone, site_url):
    phone.goto(site_url + LONG_PLAN_URL)
    size, line = phone.evaluate("""() => {
      const p = document.querySelector('.portal-body p');
      const style = getComputedStyle(p);
      return [parseFloat(style.fontSize), parseFloat(style.lineHeight)];
    }""")
    assert size >= 16, f"body text is {size}px on a phone"
    assert line >= size * 1.5, f"line height {line}px for {size}px text"
    viewport = phone.evaluate("document.querySelector('meta[name=viewport]').content")
    assert "width=device-width" in viewport


def test_table_of_contents_reachable_on_a_phone(phone, site_url):
    phone.goto(site_url + LONG_PLAN_URL)
    sidebar_toc = phone.locator(".md-sidebar--secondary")
    assert not sidebar_toc.is_visible(), "the desktop sidebar should be hidden at 360px"
    toc = phone.locator("details.portal-toc")
    assert toc.is_visible()
    toc.locator("summary").click()
    entry = toc.get_by_role("link", name="V. KINH PHÍ")
    assert entry.is_visible()
    shot(phone, "toc-open")
    entry.click()
    phone.wait_for_function("() => location.hash === '#muc-v'")
    heading = phone.locator("#muc-v").bounding_box()
    assert 0 <= heading["y"] < 800, f"the section is not scrolled into view: {heading}"


def test_search_results_in_the_header_fit_the_screen(phone, site_url):
    phone.goto(site_url)
    phone.locator("#portal-search-q").fill("trach nhiem giai trinh")
    results = phone.locator("#portal-search-results")
    results.wait_for(state="visible")
    phone.locator("#portal-search-results a").first.wait_for()
    shot(phone, "search-dropdown")
    result = phone.evaluate(OVERFLOW)
    assert result["scroll"] <= result["width"], result
    box = results.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= result["width"] + 1, box
