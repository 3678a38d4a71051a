"""Reading and validating one document file: every problem with its line and a fix."""

from directive_portal.consistency import duplicate_numbers
from directive_portal.frontmatter import read_document, split_front_matter
from directive_portal.model import PartialDate

TOPICS = ["trach-nhiem-giai-trinh", "van-hoa"]

GOOD = """---
title: Tuyên truyền trách nhiệm giải trình của cơ quan, tổ chức, cá nhân trong hoạt động công vụ
type: cong-van
number: ""
issuer: Ban Thường vụ Đảng ủy xã Hàm Liêm
place: Hàm Liêm
date: '2026-04'
signer:
  name: Phan Minh Quảng
  title: Phó Bí thư
  on_behalf: T/M Ban Thường vụ
recipients:
  - Đảng ủy Ủy ban nhân dân xã
distribution: [Như trên, Lưu Văn phòng Đảng ủy]
topics: [trach-nhiem-giai-trinh]
references:
  - id: 53-CT/TW
    date: '2025-10-26'
    relation: implements
---
Ngày 22/4/2026, Ban Tuyên giáo và Dân vận Tỉnh ủy có Công văn số 578-CV/BTGDVTU.
"""


def test_a_good_document_is_read_whole():
    doc, problems = read_document("van-ban/a.md", GOOD, TOPICS)
    assert problems == []
    assert doc.title.startswith("Tuyên truyền trách nhiệm giải trình")
    assert doc.number == "" and doc.display_number() == "(chưa có số)"
    assert doc.date == PartialDate(2026, 4) and doc.date.display() == "tháng 4/2026"
    assert doc.signer.on_behalf == "T/M Ban Thường vụ"
    assert doc.distribution == ("Như trên", "Lưu Văn phòng Đảng ủy")
    assert doc.references[0].id == "53-CT/TW" and doc.references[0].relation == "implements"
    assert doc.body.startswith("Ngày 22/4/2026")
    assert doc.body_line == 21
    assert doc.line_of("topics") == 15


def test_unquoted_dates_stay_as_written():
    doc, problems = read_document("a.md", "---\ntitle: T\ntype: ke-hoach\ndate: 2026-01-05\n---\n", TOPICS)
    assert problems == [] and doc.date == PartialDate(2026, 1, 5)


def _errors(text: str) -> list[str]:
    _doc, problems = read_document("van-ban/x.md", text, TOPICS)
    return [str(p) for p in problems if p.severity == "error"]


def test_yaml_syntax_error_names_the_line():
    [error] = _errors("---\ntitle: T\ntype: [cong-van\nnumber: 1\n---\nbody\n")
    assert error.startswith("van-ban/x.md:4: lỗi cú pháp YAML")
    assert " — " in error


def test_missing_title_unknown_type_unknown_topic_bad_date_all_at_once():
    errors = _errors("---\ntype: cong-vn\ndate: '2026-13-40'\ntopics: [van-hao]\n---\n")
    assert any(e.startswith("van-ban/x.md:2: loại văn bản 'cong-vn' không tồn tại — có phải ý bạn là 'cong-van'?") for e in errors)
    assert any(e.startswith("van-ban/x.md:3: ngày '2026-13-40' không hợp lệ") for e in errors)
    assert any(e.startswith("van-ban/x.md:4: chủ đề 'van-hao' không có trong danh mục") and "van-hoa" in e for e in errors)
    assert any(e.startswith("van-ban/x.md:1: thiếu trích yếu 'title'") for e in errors)
    assert len(errors) == 4


def test_impossible_day_and_unknown_key_and_bad_relation():
    errors = _errors("---\ntitle: T\ntype: chi-thi\ndate: '2025-02-30'\ntittle: x\nreferences:\n  - id: 53-CT/TW\n    relation: follows\n---\n")
    assert any(":4: ngày '2025-02-30' không hợp lệ (tháng 2/2025 không có ngày 30)" in e for e in errors)
    assert any(":5: khóa 'tittle' không có" in e and "title" in e for e in errors)
    assert any(":8: quan hệ 'follows' không hợp lệ" in e for e in errors)


def test_no_front_matter_at_all():
    [error] = _errors("Chỉ có nội dung.\n")
    assert error.startswith("van-ban/x.md:1: tệp không có phần thông tin văn bản")


def test_duplicate_number_and_issuer():
    a, _ = read_document("a.md", "---\ntitle: A\ntype: cong-van\nnumber: 12-CV/ĐU\nissuer: Đảng ủy phường X\n---\n", TOPICS)
    b, _ = read_document("b.md", "---\ntitle: B\ntype: cong-van\nnumber: 12-CV/ĐU\nissuer: Đảng ủy phường X\n---\n", TOPICS)
    c, _ = read_document("c.md", "---\ntitle: C\ntype: cong-van\nnumber: 12-CV/ĐU\nissuer: Đảng ủy phường Y\n---\n", TOPICS)
    [problem] = duplicate_numbers([a, b, c])
    assert str(problem).startswith("b.md:4: số '12-CV/ĐU' của 'Đảng ủy phường X' trùng với a.md:4")


def test_split_front_matter_reports_where_the_body_starts():
    yaml_text, body, line = split_front_matter("---\na: 1\n---\nbody\n")
    assert yaml_text == "a: 1\n" and body == "body\n" and line == 4


def test_values_stay_as_typed_and_a_comment_is_reported():
    doc, problems = read_document("a.md", "---\ntitle: Kế hoạch #2 về X\ntype: cong-van\nnumber: 012\nplace: Yes\n---\n", TOPICS)
    assert doc.number == "012" and doc.place == "Yes"
    [warning] = problems
    assert str(warning).startswith("a.md:2: phần '#2 về X' sau giá trị của 'title' bị bỏ qua")
    assert 'title: "Kế hoạch #2 về X"' in str(warning)


def test_a_key_written_twice_is_an_error():
    [error] = _errors("---\ntitle: T\ntype: cong-van\nnumber: 12-CV/ĐU\nnumber: 13-CV/ĐU\n---\n")
    assert error.startswith("van-ban/x.md:5: khóa 'number' được viết hai lần (lần đầu ở dòng 4)")


def test_yaml_errors_are_explained_in_vietnamese():
    [tab] = _errors("---\ntitle: T\ntype: cong-van\n\tnumber: 1\n---\n")
    assert "có ký tự Tab" in tab and "dấu cách" in tab
    [colon] = _errors("---\ntitle: Về việc: tuyên truyền\n  type: x: y\n---\n")
    assert "dấu ':'" in colon


def test_empty_file_and_type_written_in_words():
    [empty] = _errors("\n\n")
    assert empty.startswith("van-ban/x.md:1: tệp trống")
    [words] = _errors("---\ntitle: T\ntype: Công văn\n---\n")
    assert "viết type: cong-van" in words


def test_same_number_in_another_year_or_blank_numbers_are_not_duplicates():
    def make(path, number, issuer, date):
        doc, _ = read_document(path, f"---\ntitle: A\ntype: ke-hoach\nnumber: '{number}'\nissuer: {issuer}\ndate: '{date}'\n---\n", TOPICS)
        return doc
    assert duplicate_numbers([make("a.md", "01-KH/ĐU", "Đảng ủy phường X", "2020"),
                              make("b.md", "01-KH/ĐU", "Đảng ủy phường X", "2025")]) == []
    assert duplicate_numbers([make("a.md", "-KH/ĐU", "Đảng ủy phường X", "2025"),
                              make("b.md", "-KH/ĐU", "Đảng ủy phường X", "2025")]) == []
    [problem] = duplicate_numbers([make("a.md", "01-KH/ĐU", "Đảng ủy phường X", "2025-01-02"),
                                   make("b.md", "1 - KH/ĐU", "Đảng uỷ phường X", "2025")])
    assert problem.path == "b.md"


def test_partial_dates_sort_with_blanks_first_and_display_in_vietnamese():
    dates = [PartialDate(2026, 3, 5), PartialDate(2026), PartialDate(2025, 12, 31), PartialDate(2026, 3)]
    assert [d.iso() for d in sorted(dates)] == ["2025-12-31", "2026", "2026-03", "2026-03-05"]
    assert [d.display() for d in sorted(dates)] == ["31/12/2025", "năm 2026", "tháng 3/2026", "05/03/2026"]
