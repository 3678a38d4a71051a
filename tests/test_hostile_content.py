"""Content written by an attacker, or broken by accident: nothing runs, nothing leaks, every
problem is `path:line` (issue 11). Each test fails without the fix it names."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from directive_portal import checks
from directive_portal.content import load_content
from directive_portal.consistency import implementation_cycles
from directive_portal.graph import build_graph
from directive_portal.frontmatter import read_document
from directive_portal.links import find_links
from sites import build, make_site

PLAIN = """
---
title: Văn bản thường
type: thong-bao
number: 1-TB/ĐU
issuer: Đảng ủy phường Việt Hưng
date: '2026-01-05'
---
Nội dung thông báo.
"""


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of every <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def scan(site: Path) -> _Tags:
    parser = _Tags()
    for page in site.rglob("*.html"):
        parser.feed(page.read_text(encoding="utf-8"))
    return parser


def document(title: str = "Văn bản", body: str = "Nội dung.", **fields: str) -> str:
    extra = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return f"---\ntitle: {title}\ntype: thong-bao\n{extra}---\n{body}\n"


# ---- 1. attributes from attr_list ----

ATTR_ATTACKS = """
[Trang chủ](../../index.md){: onclick="alert(1)" }

Đoạn văn.
{: autofocus onfocus="alert(2)" }

[Xem](https://example.org/){: href=&#106;avascript:alert(3) }

[Trang](https://example.org/){: HREF="javascript:alert(4)" }
"""


def test_attr_list_attacks_fail_the_build_and_never_reach_a_page(tmp_path):
    config = make_site(tmp_path, {"van-ban/2026/a.md": PLAIN + ATTR_ATTACKS})
    result = build(config)
    assert result.returncode != 0
    for line in (10, 13, 15, 17):
        assert f"content/van-ban/2026/a.md:{line}: " in result.stderr, result.stderr
    # Built without --strict the page is published, but the sanitiser has dropped every attack.
    result = build(config, strict=False)
    assert result.returncode != 0  # errors are errors, strict or not
    from markdown import markdown

    html = markdown(ATTR_ATTACKS, extensions=["attr_list", "directive_portal.safe_markdown"])
    assert "alert" not in html and "onclick" not in html.lower() and "autofocus" not in html


def test_only_needed_attributes_survive_on_a_built_page(tmp_path):
    body = PLAIN + "\n## I. MỤC ĐÍCH {: #muc-dich .noi-bat }\n\nCó chú thích[^1].\n\n[^1]: Điều lệ Đảng.\n"
    config = make_site(tmp_path, {"van-ban/2026/a.md": body})
    assert build(config).returncode == 0
    tags = scan(tmp_path / "site" / "van-ban" / "2026" / "a")
    article = [(t, a) for t, a in tags.tags if "id" in a or "class" in a]
    assert any(a.get("id") == "muc-dich" and "noi-bat" in a.get("class", "") for _t, a in article)
    assert any(a.get("id", "").startswith("fn:") for _t, a in article)  # footnotes keep their ids


# ---- 2. values reach templates escaped; file names are safe ----

def test_every_value_is_escaped_in_every_template(tmp_path):
    evil = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
    docs = {
        "van-ban/2026/a.md": document(title=repr(evil), number=repr("1-TB/ĐU"), issuer=repr(evil),
                                      place=repr(evil), date="'2026-01-05'"),
        "gioi-thieu.md": f"---\ntitle: {evil!r}\n---\nTrang giới thiệu.\n",
    }
    config = make_site(tmp_path, docs)
    assert build(config).returncode == 0
    tags = scan(tmp_path / "site")
    assert not [a for _t, a in tags.tags if any(name.startswith("on") for name in a)]
    assert not [a for t, a in tags.tags if t == "img" and a.get("src") == "x"]
    # The only scripts holding the value are JSON-LD, with `<` escaped: no script of the attacker's.
    assert not [s for s in tags.scripts if "alert(2)" in s and ("<" in s or not s.lstrip().startswith("{"))]


def test_a_file_name_outside_the_safe_set_is_refused_with_a_new_name(tmp_path):
    config = make_site(tmp_path, {'van-ban/2026/x"><img src=x onerror=alert(1)>.md': PLAIN,
                                  "van-ban/2026/Thông Báo.md": PLAIN.replace("1-TB", "2-TB")})
    result = build(config)
    assert result.returncode != 0
    assert "tên 'Thông Báo.md' có ký tự không dùng được" in result.stderr and "'thong-bao.md'" in result.stderr
    assert "onerror=alert(1)>.md' có ký tự không dùng được" in result.stderr
    assert not (tmp_path / "site").exists()


# ---- 4. secrecy marks (rules in test_check.py): the build refuses them in any page ----

@pytest.mark.parametrize("line", ["Số 12-CV/ĐU            MẬT", "MẬ\u200bT", "TÀI LIỆU LƯU HÀNH NỘI BỘ", "TOI MAT"])
def test_secrecy_marks_fail_the_build_wherever_they_stand(tmp_path, line):
    config = make_site(tmp_path, {"van-ban/2026/a.md": PLAIN, "gioi-thieu.md": f"# Giới thiệu\n\n{line}\n"})
    result = build(config)
    assert result.returncode != 0
    assert "content/gioi-thieu.md:3: có dấu mức độ mật" in result.stderr


# ---- 5. nothing is loaded from another site ----

def test_an_image_from_another_site_is_refused_and_never_published(tmp_path):
    body = PLAIN + "\n![Bản đồ](https://example.org/ban-do.png)\n\n![Ảnh](//example.org/a.png)\n"
    result = build(make_site(tmp_path, {"van-ban/2026/a.md": body}))
    assert result.returncode != 0
    assert "a.md:10: ảnh 'https://example.org/ban-do.png' lấy từ trang web khác" in result.stderr
    assert "a.md:12: ảnh '//example.org/a.png'" in result.stderr
    found = find_links("![a](https://example.org/x.png){: srcset='https://example.org/y.png 2x' }")
    assert {a.name for a in found.refused} == {"src", "srcset"}


# ---- 6. linear time and a size limit ----

def test_citations_are_counted_in_linear_time(tmp_path):
    from directive_portal.references import find_citations

    para = "Thực hiện Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị; Kế hoạch số 17-KH/TU.\n"
    small, large = para * 500, para * 8000  # 16 times the text
    timings = []
    for text in (small, large):
        runs = []
        for _ in range(5):  # the fastest of five: a busy machine slows a run, never speeds one up
            start = time.perf_counter()
            found = find_citations(text)
            runs.append(time.perf_counter() - start)
        timings.append(min(runs))
    assert found[-1].line == 8000
    assert timings[1] < timings[0] * 40, timings  # linear x16; quadratic would be x256


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    content = tmp_path / "content"
    make_site(tmp_path, {"van-ban/2026/a.md": PLAIN + "x" * 2_100_000})
    result = load_content(str(content), "content/")
    assert [(p.code, p.line) for p in result.errors] == [("file-too-large", 1)]


# ---- 7. control characters ----

@pytest.mark.parametrize("char", ["\x01", "\x00", "\ufffe", "\u202e", "\u2066"])
def test_control_characters_are_refused_at_their_line(tmp_path, char):
    text = PLAIN.replace("Văn bản thường", f"Văn bản{char} thường")
    make_site(tmp_path, {"van-ban/2026/a.md": text})
    result = checks.check_content(str(tmp_path / "content"), "content/")
    found = [p for p in result.errors if p.code == "control-character"]
    assert found and found[0].line == 2 and f"U+{ord(char):04X}" in found[0].message


# ---- 8. two files, one address ----

def test_two_sources_of_one_address_name_both(tmp_path):
    docs = {
        "van-ban/2026/trung.md": PLAIN,
        "van-ban/2026/trung/index.md": PLAIN.replace("1-TB", "2-TB"),
        "van-ban/loai/cong-van/index.md": PLAIN.replace("1-TB", "3-TB").replace("thong-bao", "cong-van"),
        "feed.xml": "<feed/>",
    }
    make_site(tmp_path, docs)
    result = checks.check_content(str(tmp_path / "content"), "content/")
    same = sorted(str(p) for p in result.errors if p.code in ("same-address", "generated-path"))
    assert any("trung/index.md" in s and "van-ban/2026/trung.md" in s for s in same), same
    assert any(s.startswith("content/van-ban/loai/cong-van/index.md:1:") for s in same), same
    assert any(s.startswith("content/feed.xml:1:") for s in same), same


def test_a_reference_id_without_letters_or_digits_is_refused():
    text = document(references="[{id: '///'}, {id: '.'}]")
    _doc, problems = read_document("a.md", text)
    assert [p.code for p in problems] == ["bad-reference", "bad-reference"]


# ---- 9. tracebacks become messages ----

@pytest.mark.parametrize("key", ["number", "issuer", "place"])
def test_an_over_long_value_is_a_message_not_an_os_error(tmp_path, key):
    docs = {"van-ban/2026/a.md": document(**{key: "A" * 300})}
    result = build(make_site(tmp_path, docs))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert re.search(rf"content/van-ban/2026/a.md:\d+: '{key}' dài 300 ký tự", result.stderr), result.stderr


def test_a_reference_id_of_300_characters_is_a_message(tmp_path):
    docs = {"van-ban/2026/a.md": document(references="[{id: '" + "1-KH/" + "T" * 300 + "'}]")}
    result = build(make_site(tmp_path, docs))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "'id' dài" in result.stderr


def test_deep_nesting_is_a_message_not_a_recursion_error():
    text = "---\ntitle: x\ntype: thong-bao\nsigner: " + "[" * 1001 + "]" * 1001 + "\n---\nx\n"
    _doc, problems = read_document("a.md", text)
    assert [p.code for p in problems] == ["too-deep"]


@pytest.mark.parametrize("body", ["".join("  " * i + "- a\n" for i in range(600)), "*" * 2000 + "x" + "*" * 2000])
def test_deep_markdown_nesting_is_a_message_not_a_recursion_error(tmp_path, body):
    result = build(make_site(tmp_path, {"van-ban/2026/a.md": PLAIN + "\n" + body}))
    assert result.returncode != 0 and "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    assert re.search(r"content/van-ban/2026/a.md:\d+: nội dung lồng nhau quá sâu", result.stderr), result.stderr


# ---- 10. a document cannot carry out itself, nor a loop ----

def test_self_implementation_and_loops_are_reported():
    a = document(number="1-KH/ĐU", date="'2026-01-05'", references="[{id: 1-KH/ĐU, relation: implements}]")
    b = document(number="2-KH/ĐU", date="'2026-01-05'", references="[{id: 3-KH/ĐU, relation: implements}]")
    c = document(number="3-KH/ĐU", date="'2026-01-06'", references="[{id: 2-KH/ĐU, relation: implements}]")
    docs = [read_document(name, text)[0] for name, text in (("a.md", a), ("b.md", b), ("c.md", c))]
    problems = implementation_cycles(build_graph(docs))
    assert sorted((p.path, p.code) for p in problems) == [("a.md", "implements-itself"), ("b.md", "implements-loop")]
    assert "2-KH/ĐU → 3-KH/ĐU → 2-KH/ĐU" in problems[1].message
    # The same number of another year is another document: no loop.
    older = document(number="1-KH/ĐU", date="'2026-01-05'",
                     references="[{id: 1-KH/ĐU, date: '2021-03-01', relation: implements}]")
    assert implementation_cycles(build_graph([read_document("d.md", older)[0]])) == []


def test_namesakes_of_two_wards_make_no_loop():
    """Every ward's committee numbers its plans `01-KH/ĐU`: each ward's plan carries out its
    own guidance, and the guidance of one ward is no plan of the other (the benchmark corpus)."""
    def ward(name: str, number: str, implements: str, issuer: str) -> str:
        return document(number=number, date="'2015-02-22'", issuer=repr(issuer),
                        references=f"[{{id: {implements}, issuer: {issuer!r}, relation: implements}}]")
    texts = {
        "a-kh.md": ward("a", "01-KH/ĐU", "01-HD/ĐU", "Đảng ủy phường Tương Mai"),
        "a-hd.md": ward("a", "01-HD/ĐU", "05-CT/TW", "Đảng ủy phường Tương Mai"),
        "b-hd.md": ward("b", "01-HD/ĐU", "01-KH/ĐU", "Đảng ủy phường Hoàn Kiếm"),
        "b-kh.md": ward("b", "01-KH/ĐU", "05-CT/TW", "Đảng ủy phường Hoàn Kiếm"),
    }
    docs = [read_document(name, text)[0] for name, text in texts.items()]
    assert implementation_cycles(build_graph(docs)) == []


@pytest.mark.parametrize("text, parse", [
    ("[Trang](https://a.vn/x) và <https://a.vn/y>", False),
    ("[a](javascript:x)", True), ("[a](HTTP://x)", True), ("[a]( javascript:x)", True),
    ("[a](<javascript:x>)", True), ("[a](&#106;avascript:x)", True), ("![i](https://a.vn/i.png)", True),
    ("Đoạn\n{: onclick=x }", True), ("[a][r]\n\n[r]: javascript:x", True),
])
def test_the_quick_test_sends_every_possible_refusal_to_the_parser(text, parse):
    """The build parses a body's links only when the page could refuse something in it."""
    from directive_portal.links import may_refuse

    assert may_refuse(text) is parse
    if not parse:
        assert find_links(text).refused == ()
