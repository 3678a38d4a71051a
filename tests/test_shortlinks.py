"""Short links by number: slugs, targets, redirect and chooser pages."""

from __future__ import annotations

import re
from pathlib import Path

from directive_portal.site_files import Settings
from directive_portal.shortlinks import number_slug, pages, targets
from phone_fixture_site import phone_fixture_site

OVERRIDES = str(Path(__file__).resolve().parent.parent / "overrides")
SETTINGS = Settings("", "Cổng văn bản <Việt Hưng>", "content")


def test_number_slugs():
    assert number_slug("53-CT/TW") == "53-CT-TW"
    assert number_slug("15-CV/ĐU") == "15-CV-DU"
    assert number_slug("123/2024/NĐ-CP") == "123-2024-ND-CP"
    assert number_slug("261-CV/BTGDVTU") == "261-CV-BTGDVTU"
    assert number_slug("  -CV/ĐU ") == "CV-DU"


def test_targets_cover_documents_and_cited_directives():
    found = targets(phone_fixture_site())
    assert [t.url for t in found["53-CT-TW"]] == ["van-ban-dan-chieu/53-ct-tw-2025/"]
    assert [t.url for t in found["21-KH-DU"]] == ["van-ban/2026/21-kh-du-tuyen-truyen-dai-hoi-xiv/"]
    assert len(found["15-CV-DU"]) == 2  # the same number in two wards


def test_redirect_page_and_chooser():
    out = pages(phone_fixture_site(), SETTINGS, OVERRIDES)
    one = out["so/53-ct-tw/index.html"]
    assert '<meta http-equiv="refresh" content="0; url=../../van-ban-dan-chieu/53-ct-tw-2025/">' in one
    assert '<link rel="canonical" href="../../van-ban-dan-chieu/53-ct-tw-2025/">' in one
    assert '<a href="../../van-ban-dan-chieu/53-ct-tw-2025/">Chỉ thị số 53-CT/TW</a>' in one
    # One folder per number, in lower case: no `so/53-CT-TW/` beside it to collide with on a
    # case-insensitive file system.
    assert "so/53-CT-TW/index.html" not in out
    assert len({path.casefold() for path in out}) == len(out)
    assert '<meta property="og:title" content="Chỉ thị số 53-CT/TW">' in one  # chat apps may not follow the refresh
    assert '<meta property="og:image" content="../../assets/portal-card.png">' in one
    chooser = out["so/15-cv-du/index.html"]
    assert 'http-equiv="refresh"' not in chooser
    assert 'Có 2 văn bản mang số <span class="nowrap">15-CV/ĐU</span>' in chooser
    assert len(re.findall(r'<li><a href="\.\./\.\./van-ban/', chooser)) == 2
    assert "Cổng văn bản &lt;Việt Hưng&gt;" in chooser  # autoescaped


def test_canonical_is_absolute_with_a_site_url():
    settings = Settings("https://vanban.example.vn/", "Cổng", "content")
    out = pages(phone_fixture_site(), settings, OVERRIDES)
    assert '<link rel="canonical" href="https://vanban.example.vn/van-ban-dan-chieu/53-ct-tw-2025/">' in out["so/53-ct-tw/index.html"]


def test_pages_are_rendered_through_the_themes_template_folders(tmp_path):
    """The build hands the writers its theme's folders: a ward's own override of the
    short-link template is the one used, whatever folder the content is in."""
    from directive_portal.shortlinks import write

    partials = tmp_path / "theme" / "partials"
    partials.mkdir(parents=True)
    (partials / "portal-shortlink.html").write_text("Mẫu riêng {{ number }}", encoding="utf-8")
    settings = Settings("", "Cổng", str(tmp_path / "elsewhere" / "content"), None, (str(tmp_path / "theme"),))
    write(phone_fixture_site(), str(tmp_path / "site"), settings)
    assert (tmp_path / "site" / "so" / "53-ct-tw" / "index.html").read_text(encoding="utf-8").endswith("\">Mẫu riêng 53-CT/TW")
