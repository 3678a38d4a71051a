"""Numbers kept on one line: the split of a text, and the Markdown extension's spans."""

from __future__ import annotations

import markdown

from directive_portal.nowrap import parts


def test_numbers_and_dates_are_split_out():
    assert parts("Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị") == [
        ("Chỉ thị số ", False), ("53-CT/TW", True), (" ngày ", False), ("26/10/2025", True), (" của Bộ Chính trị", False)]
    assert parts("Nghị định 123/2024/NĐ-CP.") == [("Nghị định ", False), ("123/2024/NĐ-CP", True), (".", False)]
    assert parts("Số -CV/ĐU") == [("Số ", False), ("-CV/ĐU", True)]  # an unsigned copy's blank number
    assert parts("…-KH/ĐU") == [("…-KH/ĐU", True)]


def test_words_joined_without_a_digit_are_left_alone():
    assert parts("các tổ chức chính trị - xã hội") == [("các tổ chức chính trị - xã hội", False)]
    assert parts("Thường trực/Ban Thường vụ") == [("Thường trực/Ban Thường vụ", False)]
    assert parts("") == [("", False)]
    account = "H26-260320-00012345678901234567890123456"  # would push a phone's page sideways
    assert parts(f"tài khoản {account}") == [(f"tài khoản {account}", False)]
    assert parts(None) == [("", False)]


def test_extension_wraps_numbers_in_text_links_and_headings_but_not_code():
    html = markdown.markdown("## 1. Thực hiện 80-NQ/TW\n\nTheo [Chỉ thị số 53-CT/TW](x/) ngày 26/10/2025, `17-KH/TU`.",
                             extensions=["directive_portal.nowrap"])
    assert '<h2>1. Thực hiện <span class="portal-nowrap">80-NQ/TW</span></h2>' in html
    assert '<a href="x/">Chỉ thị số <span class="portal-nowrap">53-CT/TW</span></a>' in html
    assert 'ngày <span class="portal-nowrap">26/10/2025</span>, <code>17-KH/TU</code>.' in html


def test_extension_escapes_what_it_wraps():
    html = markdown.markdown("Số 5-A/B<script>", extensions=["directive_portal.nowrap"])
    assert "<script>" in html or "&lt;script&gt;" in html  # Markdown's own handling of raw HTML is untouched
    assert '<span class="portal-nowrap">5-A/B</span>' in html
