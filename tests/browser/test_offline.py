"""Offline reading: a document once opened opens again without network, a topic
is saved in one tap, also when the site is served from a sub-path."""

from __future__ import annotations

import pytest

from phone_support import LETTER_URL, LONG_PLAN_URL, PHONES, chromium, phone_site, shot, site_url, subpath_url  # noqa: F401

TOPIC = "chu-de/trach-nhiem-giai-trinh/"


@pytest.fixture()
def context(chromium):
    context = chromium.new_context(viewport=PHONES["360x800"], is_mobile=True, has_touch=True)
    yield context
    context.close()


def wait_until_controlled(page) -> None:
    page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null", timeout=10000)


@pytest.mark.parametrize("base", ["site_url", "subpath_url"])
def test_document_opens_again_offline(context, request, base):
    root = request.getfixturevalue(base)
    page = context.new_page()
    page.goto(root + LONG_PLAN_URL)
    saved = page.locator("[data-portal-offline][data-saved]")
    saved.wait_for(timeout=10000)
    assert saved.text_content().strip() == "Đã lưu để đọc ngoại tuyến"
    wait_until_controlled(page)
    scope = page.evaluate("navigator.serviceWorker.controller.scriptURL")
    assert scope == root + "sw.js"
    context.set_offline(True)
    page.reload()
    assert page.locator("h1").text_content().startswith("Tuyên truyền, vận động")
    assert page.locator("#muc-vi").is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == "rgb(163, 22, 27)", \
        "the stylesheets were not served from the offline cache"
    shot(page, f"offline-reload-{base}")
    page.goto(root + "van-ban/")  # never opened: an explanation, not the browser's error page
    assert "Không có kết nối mạng" in page.locator("h1").text_content()


@pytest.mark.parametrize("base", ["site_url", "subpath_url"])
def test_topic_saved_in_one_tap(context, request, base):
    root = request.getfixturevalue(base)
    page = context.new_page()
    page.goto(root + TOPIC)
    button = page.get_by_role("button", name="Lưu để đọc ngoại tuyến")
    wait_until_controlled(page)
    button.click()
    page.locator("[data-portal-save-topic][data-saved]").wait_for(timeout=15000)
    assert "Đã lưu 2 văn bản" in page.locator("[data-portal-status]").text_content()
    shot(page, f"topic-saved-{base}")
    context.set_offline(True)
    page.goto(root + LETTER_URL)  # never opened before
    assert page.locator("h1").text_content().startswith("Về việc triển khai thực hiện")
    page.goto(root + LONG_PLAN_URL)
    assert page.locator("#muc-v").is_visible()
