"""Section ids, citation text, description and JSON-LD of a document."""

from __future__ import annotations

import json
import re

import markdown

from directive_portal.headings import slugify
from directive_portal.share import citation, for_page
from phone_fixture_site import phone_fixture_site


def test_section_ids_from_heading_numbers():
    assert slugify("I. MỤC ĐÍCH, YÊU CẦU", "-") == "muc-i"
    assert slugify("VI. TỔ CHỨC THỰC HIỆN", "-") == "muc-vi"
    assert slugify("2. Yêu cầu", "-") == "muc-2"
    assert slugify("1.1. Tuyên truyền, vận động", "-") == "muc-1-1"
    assert slugify("2.3.1 Nội dung", "-") == "muc-2-3-1"
    assert slugify("a) Thông điệp", "-") == "muc-a"
    assert slugify("đ) Nội dung", "-") == "muc-d"
    assert slugify("Điều 3. Hiệu lực thi hành", "-") == "dieu-3"
    assert slugify("Việt Nam trong kỷ nguyên mới", "-") == "viet-nam-trong-ky-nguyen-moi"
    assert slugify("Căn cứ", "-") == "can-cu"


def test_section_ids_include_the_parent_numbers():
    md = markdown.Markdown(extensions=["attr_list", "directive_portal.headings", "toc"],
                           extension_configs={"toc": {"slugify": slugify}})
    html = md.convert("## I. MỤC ĐÍCH\n\n### 1. Mục đích\n\n#### 1.1. Con\n\n#### a) Chữ\n\n"
                      "### 2. Yêu cầu\n\n## II. NỘI DUNG\n\n### 1. Nội dung\n\n### Riêng {#rieng}\n\n## Nơi nhận\n")
    assert re.findall(r'<h\d id="([^"]+)"', html) == [
        "muc-i", "muc-i-1", "muc-i-1-1", "muc-i-1-a", "muc-i-2", "muc-ii", "muc-ii-1", "rieng", "noi-nhan"]
    letter = markdown.markdown("### 1. A\n\n### 2. B\n\n#### a) x", extensions=["directive_portal.headings", "toc"])
    assert re.findall(r'<h\d id="([^"]+)"', letter) == ["muc-1", "muc-2", "muc-2-a"]


def _view(fragment: str):
    site = phone_fixture_site()
    return site.documents[next(p for p in site.documents if fragment in p)]


def test_citation_as_written_in_another_document():
    assert citation(_view("trien-khai-chi-thi-53")) == (
        "Công văn số 15-CV/ĐU ngày 05/01/2026 của Ban Thường vụ Đảng ủy phường Việt Hưng "
        "về việc triển khai thực hiện Chỉ thị số 53-CT/TW của Bộ Chính trị")
    assert citation(_view("21-kh-du")).startswith("Kế hoạch số 21-KH/ĐU ngày 25/03/2026 của Ban Thường vụ "
                                                   "Đảng ủy phường Việt Hưng về “Tuyên truyền, vận động")


def test_json_ld_of_a_document():
    view = _view("21-kh-du")
    share = for_page(view, view.document.url)
    data = json.loads(json.dumps(share.json_ld))
    assert data["@type"] == "Legislation"
    assert data["legislationIdentifier"] == "21-KH/ĐU"
    assert data["legislationDate"] == "2026-03-25"
    assert data["url"] == "./"
    assert data["legislationApplies"] == [{"@type": "Legislation", "name": "Kế hoạch số 51-KH/TU",
                                           "url": "../../../van-ban-dan-chieu/51-kh-tu-2026/"}]
    with_url = for_page(view, view.document.url, "https://vanban.example.vn/").json_ld
    assert with_url["url"] == "https://vanban.example.vn/van-ban/2026/21-kh-du-tuyen-truyen-dai-hoi-xiv/"
    assert share.kind == "article"
    assert share.description.startswith("Kế hoạch số 21-KH/ĐU ngày 25/03/2026 của Ban Thường vụ")


def test_json_ld_keeps_letters_and_escapes_what_could_end_the_script():
    from directive_portal.structured import script_json
    value = {"name": "Kế hoạch số 17-KH/TU </script><!-- & 'x'", "b": 1}
    text = str(script_json(value))
    assert json.loads(text) == value
    assert text.startswith('{"b": 1, "name": "Kế hoạch số 17-KH/TU ')  # keys sorted, letters as they are
    assert not any(c in text for c in "<>&'")
