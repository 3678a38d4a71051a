"""Atom feeds: valid XML, Vietnamese intact, deterministic, links that resolve."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET

from directive_portal.feeds import feeds
from directive_portal.site_files import Settings
from phone_fixture_site import phone_fixture_site

ATOM = "{http://www.w3.org/2005/Atom}"
SETTINGS = Settings("", "Cổng văn bản Đảng ủy phường Việt Hưng", "content")


def test_site_feed_lists_documents_newest_first_with_vietnamese_intact():
    out = feeds(phone_fixture_site(), SETTINGS)
    data = out["feed.xml"]
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert "Tuyên truyền, vận động".encode() in data  # UTF-8, not character references
    feed = ET.fromstring(data)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}updated") for e in entries] == [
        "2026-03-25T00:00:00Z", "2026-01-05T00:00:00Z", "2025-11-02T00:00:00Z"]
    assert feed.findtext(f"{ATOM}updated") == "2026-03-25T00:00:00Z"  # newest document, not the build time
    first = entries[0]
    assert first.findtext(f"{ATOM}summary").startswith("Kế hoạch số 21-KH/ĐU ngày 25/03/2026")
    assert first.find(f"{ATOM}link").get("href") == "van-ban/2026/21-kh-du-tuyen-truyen-dai-hoi-xiv/"
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert all(i.startswith("urn:uuid:") for i in ids) and len(set(ids)) == 3


def test_one_feed_per_topic_with_links_relative_to_it():
    out = feeds(phone_fixture_site(), SETTINGS)
    feed = ET.fromstring(out["chu-de/van-hoa/feed.xml"])
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Về việc tổ chức Ngày hội văn hóa phường"]
    href = entries[0].find(f"{ATOM}link").get("href")
    assert posixpath.normpath(posixpath.join("chu-de/van-hoa", href)) == "van-ban/2025/15-cv-du-ngay-hoi-van-hoa"
    self_link = [l.get("href") for l in feed.findall(f"{ATOM}link") if l.get("rel") == "self"]
    assert self_link == ["feed.xml"]
    assert "chu-de/xay-dung-dang/feed.xml" in out  # every topic, even with one document


def test_absolute_links_with_a_site_url_and_deterministic_output():
    site = phone_fixture_site()
    settings = Settings("https://vanban.example.vn/portal/", SETTINGS.site_name, "content")
    first, second = feeds(site, settings), feeds(phone_fixture_site(), settings)
    assert first == second
    feed = ET.fromstring(first["feed.xml"])
    links = [l.get("href") for l in feed.iter(f"{ATOM}link")]
    assert "https://vanban.example.vn/portal/feed.xml" in links
    assert "https://vanban.example.vn/portal/van-ban/2026/15-cv-du-trien-khai-chi-thi-53/" in links


def test_markup_in_titles_is_escaped():
    site = phone_fixture_site()
    from dataclasses import replace

    path = next(p for p in site.documents if "ngay-hoi" in p)
    view = site.documents[path]
    hostile = replace(view, document=replace(view.document, title='<script>alert("x")</script> & co'))
    site = replace(site, documents={**site.documents, path: hostile})
    data = feeds(site, SETTINGS)["feed.xml"]
    assert b"<script>" not in data
    titles = [e.findtext(f"{ATOM}title") for e in ET.fromstring(data).iter(f"{ATOM}entry")]
    assert '<script>alert("x")</script> & co' in titles
