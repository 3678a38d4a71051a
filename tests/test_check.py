"""`portal check`: one fixture per rule, the real content, the output formats and exit codes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from directive_portal import checks
from directive_portal.check_rules import secrecy_marks, unsafe_html
from directive_portal.marks import find_marks

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "check"
SEEDS = REPO / "tests" / "fixtures" / "import" / "seeds"  # the raw seed texts, kept in the repo
GOOD = "van-ban/2025/2025-12-20-cong-van-12-cv-du-viet-hung-tuyen-truyen.md"
LINE = re.compile(r"^content/\S+\.(md|yml):\d+: .+ — .+", re.S)


def make_content(tmp_path: Path, rule_file: str = "", topics: str = "") -> Path:
    """The valid base fixture, plus one rule fixture as a document or as the topic registry."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "base", content)
    if rule_file:
        shutil.copy(FIXTURES / "rules" / rule_file, content / "van-ban" / "2025" / rule_file)
    if topics == "-":
        (content / "topics.yml").unlink()
    elif topics:
        shutil.copy(FIXTURES / "topics" / topics, content / "topics.yml")
    return content


def test_base_fixture_has_no_problem(tmp_path):
    """The base holds what must NOT trigger: `mật thiết`, `KHẨN TRƯƠNG`, `BÍ MẬT`, a <script> in a code block."""
    result = checks.check_content(str(make_content(tmp_path)), "content/")
    assert result.problems == ()


# (fixture, code, line, severity): each fixture breaks exactly one rule.
DOCUMENT_RULES = [
    ("no-front-matter.md", "no-front-matter", 1, "error"),
    ("yaml-syntax.md", "yaml-syntax", 4, "error"),
    ("not-mapping.md", "not-mapping", 1, "error"),
    ("unknown-key.md", "unknown-key", 7, "error"),
    ("not-text.md", "not-text", 7, "error"),
    ("not-list.md", "not-list", 7, "error"),
    ("bad-date.md", "bad-date", 4, "error"),
    ("bad-signer.md", "bad-signer", 7, "error"),
    ("bad-reference.md", "bad-reference", 8, "error"),
    ("bad-relation.md", "bad-relation", 9, "error"),
    ("unknown-topic.md", "unknown-topic", 7, "error"),
    ("missing-title.md", "missing-title", 1, "error"),
    ("missing-type.md", "missing-type", 1, "error"),
    ("unknown-type.md", "unknown-type", 3, "error"),
    ("bad-status.md", "bad-status", 7, "error"),
    ("duplicate-number.md", "duplicate-number", 4, "error"),
    ("draft-document.md", "draft-document", 7, "warning"),
    ("unknown-citation.md", "unknown-citation", 10, "warning"),
    ("ambiguous-citation.md", "ambiguous-citation", 12, "warning"),
    ("broken-link.md", "broken-link", 10, "error"),
    ("link-not-file.md", "link-not-file", 7, "error"),
    ("unsafe-html.md", "unsafe-html", 12, "error"),
    ("refused-markup.md", "refused-markup", 12, "error"),
    ("secrecy-mark.md", "secrecy-mark", 10, "error"),
    ("secrecy-mark-front-matter.md", "secrecy-mark", 2, "error"),
]


@pytest.mark.parametrize("fixture, code, line, severity", DOCUMENT_RULES, ids=[r[0] for r in DOCUMENT_RULES])
def test_each_rule_is_caught(tmp_path, fixture, code, line, severity):
    result = checks.check_content(str(make_content(tmp_path, fixture)), "content/")
    path = f"content/van-ban/2025/{fixture}"
    found = [p for p in result.problems if p.code == code and p.path == path]
    assert found, [str(p) for p in result.problems]
    assert (found[0].line, found[0].severity) == (line, severity)
    assert LINE.match(str(found[0])), str(found[0])
    assert {p.code for p in result.problems} == {code}, "a fixture must break one rule only"


TOPIC_RULES = [
    ("bad-slug.yml", "bad-slug", 3),
    ("duplicate-topic.yml", "duplicate-topic", 5),
    ("bad-topic.yml", "bad-topic", 5),
    ("unknown-key.yml", "unknown-key", 3),
    ("missing-title.yml", "missing-title", 5),
    ("not-list.yml", "not-list", 1),
    ("yaml-syntax.yml", "yaml-syntax", 3),
]


@pytest.mark.parametrize("fixture, code, line", TOPIC_RULES, ids=[r[0] for r in TOPIC_RULES])
def test_each_topic_registry_rule_is_caught(tmp_path, fixture, code, line):
    result = checks.check_content(str(make_content(tmp_path, topics=fixture)), "content/")
    found = [p for p in result.errors if p.code == code and p.path == "content/topics.yml"]
    assert found and found[0].line == line, [str(p) for p in result.problems]


def test_missing_topic_registry(tmp_path):
    result = checks.check_content(str(make_content(tmp_path, topics="-")), "content/")
    assert "missing-topics" in {p.code for p in result.errors}


def test_unsafe_html_names_each_construct(tmp_path):
    result = checks.check_content(str(make_content(tmp_path, "unsafe-html.md")), "content/")
    lines = {p.line: p.message for p in result.errors}
    assert "<script>" in lines[12] and "<iframe>" in lines[13] and "<object>" in lines[14]
    assert "onclick=" in lines[15]


def test_attributes_and_outside_images_are_refused_where_written(tmp_path):
    """attr_list copies any attribute: every one the page would drop is an error on its line."""
    result = checks.check_content(str(make_content(tmp_path, "refused-markup.md")), "content/")
    found = sorted((p.line, p.message) for p in result.errors if p.code == "refused-markup")
    lines = {line for line, _message in found}
    assert lines == {12, 14, 16, 18, 21, 23, 25, 27}, found
    text = " ".join(message for _line, message in found)
    for needle in ("'onerror'", "'onclick'", "javascript:alert(3)", "javascript:alert(4)", "'autofocus'",
                   "'onfocus'", "ban-do.png", "'HREF'", "'srcset'"):
        assert needle in text, needle


def test_broken_link_names_both_links_and_drafts_are_no_pages(tmp_path):
    content = make_content(tmp_path, "broken-link.md")
    result = checks.check_content(str(content), "content/")
    assert sorted(p.message.split("'")[1] for p in result.errors) == [
        "../../chu-de/khong-co.md", "../2025/ke-hoach-khong-co.md"]
    # A link to a draft: the page will not exist.
    shutil.copy(FIXTURES / "rules" / "draft-document.md", content / "van-ban" / "2025" / "ke-hoach-khong-co.md")
    result = checks.check_content(str(content), "content/")
    assert any("bản nháp" in p.message for p in result.errors if p.code == "broken-link")


def test_link_to_a_page_address_suggests_the_file(tmp_path):
    result = checks.check_content(str(make_content(tmp_path, "link-not-file.md")), "content/")
    fixes = sorted(p.fix for p in result.errors)
    assert fixes[0].endswith("../../chu-de/van-hoa.md") and fixes[1].endswith("../index.md")


@pytest.mark.parametrize("line, marks", [
    ("củng cố mối quan hệ gắn bó mật thiết", []),  # seed 000, an ordinary word
    ("vững mạnh, chính quy, tinh nhuệ, hiện đại, củng cố mối quan hệ gắn bó mật thiết ", []),
    ("KHẨN TRƯƠNG TRIỂN KHAI CÁC NHIỆM VỤ", []),
    ("BẢO VỆ BÍ MẬT NHÀ NƯỚC", []),
    ("Mật", []),
    ("MẬT", ["MẬT"]),
    ("**TUYỆT MẬT**", ["TUYỆT MẬT"]),
    ("Độ mật: TỐI MẬT", ["TỐI MẬT"]),
    ("(LƯU HÀNH NỘI BỘ)", ["LƯU HÀNH NỘI BỘ"]),
    ('title: "KHẨN - Kế hoạch tuyên truyền"', ["KHẨN"]),
    ("# THƯỢNG KHẨN", ["THƯỢNG KHẨN"]),
    # Where marks stand in real headers: at the end of the number or date line, any spacing.
    ("Số 12-CV/ĐU            MẬT", ["MẬT"]),
    ("Số 12-CV/ĐU MẬT", ["MẬT"]),
    ("Số 12-CV/ĐU\tKHẨN", ["KHẨN"]),
    ("Việt Hưng, ngày 5 tháng 1 năm 2026 TỐI MẬT", ["TỐI MẬT"]),
    ("| Số 12-CV/ĐU | MẬT |", ["MẬT"]),
    ("MẬ\u200bT", ["MẬT"]),  # a zero-width space inside the mark
    ("\u200bMẬT\u200b", ["MẬT"]),
    ("TÀI LIỆU LƯU HÀNH NỘI BỘ", ["TÀI LIỆU LƯU HÀNH NỘI BỘ"]),
    ("TOI MAT", ["TỐI MẬT"]),  # typed without diacritics
    ("HỎA TỐC", ["HỎA TỐC"]),
    # Sentences about marks are not marks.
    ("Văn bản có các độ mật: TUYỆT MẬT, TỐI MẬT và MẬT.", []),
    ("Quy định về bảo vệ BÍ MẬT", []),
    ("ngày 5 tháng 1 năm 2026 về bảo vệ BÍ MẬT", []),
])
def test_marks_stand_alone_not_inside_words(line, marks):
    assert [m.text for m in find_marks(line)] == marks


def test_urgency_is_metadata_secrecy_is_refused(tmp_path):
    """A secrecy mark anywhere fails; an urgency mark in the title is an error (it belongs in
    `urgency`), in the body a warning; a mark in a page outside van-ban/ is found too."""
    content = make_content(tmp_path)
    (content / "van-ban" / "2025" / "khan.md").write_text(
        '---\ntitle: "KHẨN - Kế hoạch tuyên truyền"\ntype: ke-hoach\n---\n\nHỎA TỐC\n\nNội dung.\n',
        encoding="utf-8")
    (content / "gioi-thieu.md").write_text("# Giới thiệu\n\nSố 12-CV/ĐU      MẬT\n", encoding="utf-8")
    result = checks.check_content(str(content), "content/")
    found = {(p.path.rsplit("/", 1)[-1], p.line, p.code, p.severity) for p in result.problems}
    assert ("khan.md", 2, "urgency-in-title", "error") in found
    assert ("khan.md", 6, "urgency-mark", "warning") in found
    assert ("gioi-thieu.md", 3, "secrecy-mark", "error") in found


def test_real_seed_texts_trigger_no_mark_and_no_html():
    texts = sorted(SEEDS.glob("*.txt"))
    assert len(texts) >= 4
    assert any("gắn bó mật thiết" in t.read_text(encoding="utf-8") for t in texts)
    for seed in texts:
        text = seed.read_text(encoding="utf-8")
        assert secrecy_marks(seed.name, text) == [] and unsafe_html(seed.name, text) == []


def test_real_content_has_no_error():
    result = checks.check_content(str(REPO / "content"), "content/")
    assert result.errors == (), "\n".join(map(str, result.errors))


# ---- the command ----

def test_command_prints_every_problem_and_exits_1_on_errors(tmp_path, capsys, monkeypatch):
    content = make_content(tmp_path, "unsafe-html.md")
    shutil.copy(FIXTURES / "rules" / "bad-date.md", content / "van-ban" / "2025" / "bad-date.md")
    monkeypatch.chdir(tmp_path)
    assert checks.main([]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 5 and all(LINE.match(line) for line in out)
    assert out[0].startswith("content/van-ban/2025/bad-date.md:4: ")


def test_warnings_fail_only_with_strict(tmp_path, capsys, monkeypatch):
    make_content(tmp_path, "draft-document.md")
    monkeypatch.chdir(tmp_path)
    assert checks.main([]) == 0
    assert "cảnh báo: văn bản đang là bản nháp" in capsys.readouterr().out
    assert checks.main(["--strict"]) == 1


def test_paths_limit_the_report_to_those_files(tmp_path, capsys, monkeypatch):
    content = make_content(tmp_path, "bad-date.md")
    shutil.copy(FIXTURES / "rules" / "bad-status.md", content / "van-ban" / "2025" / "bad-status.md")
    monkeypatch.chdir(tmp_path)
    assert checks.main(["content/van-ban/2025/bad-status.md"]) == 1
    out = capsys.readouterr().out
    assert "bad-status.md:7:" in out and "bad-date.md" not in out
    assert checks.main([str(content / "van-ban" / "2025" / GOOD.rsplit("/", 1)[1])]) == 0


def test_unknown_path_is_reported(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert checks.main(["khong-co.md"]) == 2
    assert "không tìm thấy" in capsys.readouterr().err


def test_github_format_prints_annotations(tmp_path, capsys, monkeypatch):
    make_content(tmp_path, "ambiguous-citation.md")
    shutil.copy(FIXTURES / "rules" / "bad-signer.md", tmp_path / "content" / "van-ban" / "2025" / "bad-signer.md")
    monkeypatch.chdir(tmp_path)
    assert checks.main(["--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("::warning file=content/van-ban/2025/ambiguous-citation.md,line=12,"
                             "title=portal check%3A ambiguous-citation::'21-KH/TU' khớp với nhiều văn bản")
    # A multi-line fix stays on one annotation line.
    assert out[1].startswith("::error file=content/van-ban/2025/bad-signer.md,line=7,") and "%0A  signer:" in out[1]
    assert len(out) == 2


def test_cli_routes_to_check(tmp_path, monkeypatch, capsys):
    from directive_portal import cli

    make_content(tmp_path, "bad-date.md")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check"]) == 1
    assert "bad-date.md:4:" in capsys.readouterr().out


# ---- the editors' guide lists every message ----

def _codes_in_sources() -> set[str]:
    modules = ["frontmatter", "topics", "content", "graph", "check_rules", "checks", "link_rules", "collisions",
               "cycles", "registry", "lifecycle", "bodies"]
    codes = set()
    for name in modules:
        text = (REPO / "scripts" / "directive_portal" / f"{name}.py").read_text(encoding="utf-8")
        codes |= set(re.findall(r',\s*"([a-z]+(?:-[a-z]+)+)"\)', text))
    return codes


def test_guide_lists_every_message_check_can_print():
    guide = (REPO / "content" / "huong-dan-bien-tap.md").read_text(encoding="utf-8")
    codes = _codes_in_sources()
    assert {r[1] for r in DOCUMENT_RULES} <= codes  # the scan finds the rules the fixtures break
    missing = sorted(code for code in codes if f"`{code}`" not in guide)
    assert missing == [], f"codes missing from content/huong-dan-bien-tap.md: {missing}"


def test_marks_are_found_in_decomposed_unicode_too(tmp_path):
    """Text pasted from some editors is in NFD (letters and accents apart): `MẬT` must still be caught."""
    import unicodedata

    content = make_content(tmp_path)
    text = (FIXTURES / "rules" / "secrecy-mark.md").read_text(encoding="utf-8")
    (content / "van-ban" / "2025" / "nfd.md").write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    result = checks.check_content(str(content), "content/")
    assert [(p.code, p.line) for p in result.errors] == [("secrecy-mark", 10)]
