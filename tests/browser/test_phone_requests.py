"""No request leaves the site: every page type loads only from its own origin,
and the build needs no internet (no Google Fonts, no privacy/social plugins)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from phone_support import LETTER_URL, LONG_PLAN_URL, chromium, phone, phone_site, site_url, watch_requests  # noqa: F401

REPO = Path(__file__).resolve().parent.parent.parent
PAGES = ["", "chu-de/trach-nhiem-giai-trinh/", "van-ban-dan-chieu/53-ct-tw-2025/", LONG_PLAN_URL,
         LETTER_URL, "van-ban/", "tim-kiem/?q=53-CT", "so/15-cv-du/", "khong-co-trang-nay/"]


@pytest.mark.parametrize("path", PAGES)
def test_no_request_to_another_origin(phone, site_url, path):
    outside = watch_requests(phone, site_url)
    errors: list[str] = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    phone.goto(site_url + path)
    phone.wait_for_load_state("networkidle")
    if phone.locator("[data-portal-save-topic]").count():
        phone.locator("[data-portal-save-topic]").click()
        phone.wait_for_load_state("networkidle")
    assert outside == [], f"{path or 'home'} requested {outside}"
    assert errors == [], f"script errors on {path or 'home'}: {errors}"
    fonts = phone.evaluate("[...document.querySelectorAll('link[href*=\"fonts.\"]')].map(l => l.href)")
    assert fonts == []


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: suffix)


def test_build_needs_no_internet():
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    assert config["theme"]["font"] is False, "theme.font must be false: Material would load Google Fonts"
    names = [p if isinstance(p, str) else next(iter(p)) for p in config.get("plugins", [])]
    for plugin in ("privacy", "social", "material/privacy", "material/social"):
        assert plugin not in names, f"the {plugin} plugin downloads at build time"
    assert "google_analytics" not in str(config.get("extra", {}))
    assert "analytics" not in config.get("extra", {})


def test_page_weight_within_budget(chromium, phone_site):
    """First load of the long plan under 150 KB on the wire, a second document under 30 KB."""
    from benchmarks.static_server import serve

    served = serve(str(phone_site))
    context = chromium.new_context(viewport={"width": 360, "height": 800}, is_mobile=True)
    try:
        page = context.new_page()
        sizes = []
        for path in (LONG_PLAN_URL, LETTER_URL):
            served.log.clear()
            page.goto(served.url + path)
            page.wait_for_load_state("networkidle")
            page.locator("[data-portal-offline][data-saved]").wait_for()
            sizes.append(sum(t.size for t in served.log))
    finally:
        context.close()
        served.stop()
    assert sizes[0] < 150 * 1024, f"first load {sizes[0]} bytes"
    assert sizes[1] < 30 * 1024, f"second page {sizes[1]} bytes"
