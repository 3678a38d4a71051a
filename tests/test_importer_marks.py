"""Secrecy and circulation marks refuse a file; urgency marks are metadata; values too long
for any real directive give that file its own message and the batch goes on."""

from pathlib import Path

import pytest
from wordml import CLOSING, p, table, write_docx

from directive_portal.frontmatter import read_document
from directive_portal.importer import import_files, writer
from directive_portal.importer.check import problems
from directive_portal.importer.extract import import_text
from directive_portal.importer.marks import find
from directive_portal.importer.sources import SourceError

LETTER = Path(__file__).parent / "fixtures" / "import" / "cong-van-hai-cot.txt"


def letter(number_line: str = "     Số 12-CV/ĐU", extra: str = "") -> str:
    text = LETTER.read_text(encoding="utf-8").replace("     Số 12-CV/ĐU", number_line, 1)
    return text.replace("V/v tăng cường", extra + "V/v tăng cường", 1) if extra else text


@pytest.mark.parametrize("number_line, extra", [
    ("     Số 12-CV/ĐU            MẬT", ""),
    ("     Số 12-CV/ĐU", "MẬT\u200b\n"),
    ("     Số 12-CV/ĐU", "TÀI LIỆU LƯU HÀNH NỘI BỘ\n"),
    ("     Số 12-CV/ĐU", "TOI MAT\n"),
    ("     Số 12-CV/ĐU\tTUYỆT MẬT", ""),
])
def test_secrecy_and_circulation_marks_refuse_the_file(number_line, extra):
    with pytest.raises(SourceError, match="không được đưa lên cổng"):
        import_text(letter(number_line, extra), "cong-van.txt")


def test_marks_talked_about_are_not_marks():
    text = letter().replace("nhà trọ.", "nhà trọ; các độ mật: TUYỆT MẬT, TỐI MẬT; gắn bó mật thiết với Nhân dân.")
    imported = import_text(text, "cong-van.txt")
    assert "TUYỆT MẬT, TỐI MẬT" in imported.body and "mật thiết" in imported.body


@pytest.mark.parametrize("number_line, extra, urgency", [
    ("     Số 12-CV/ĐU          KHẨN", "", "KHẨN"),
    ("     Số 12-CV/ĐU", "HỎA TỐC\n", "HỎA TỐC"),
    ("     Số 12-CV/ĐU", "THUONG KHAN\n", "THƯỢNG KHẨN"),
])
def test_urgency_marks_are_metadata_not_title_words(number_line, extra, urgency):
    text = letter(number_line, extra)
    imported = import_text(text, "cong-van.txt")
    front = imported.front
    assert front["urgency"] == urgency and front["number"] == "12-CV/ĐU"
    assert "KHẨN" not in front["title"] and "TỐC" not in front["title"]
    assert front["title"].startswith("Tăng cường công tác phòng")
    assert problems(text, writer.render(front, imported.body), imported.dropped) == []
    document, found = read_document("van-ban/2026/x.md", writer.render(front, imported.body))
    assert document is not None and document.urgency == urgency, found


def test_front_matter_urgency_is_checked():
    _, found = read_document("van-ban/2026/x.md", "---\ntitle: A\ntype: cong-van\nurgency: gấp\n---\nB\n")
    assert any("độ khẩn 'GẤP'" in f.message and f.line == 4 for f in found)


def test_marks_found_in_a_word_header_table(tmp_path):
    path = tmp_path / "mat.docx"
    write_docx(path, table([["ĐẢNG ỦY PHƯỜNG VIỆT HƯNG", "Số 12-CV/ĐU", "MẬT"],
                            ["ĐẢNG CỘNG SẢN VIỆT NAM", "Việt Hưng, ngày 5 tháng 1 năm 2026"]])
               + p("Nội dung.") + CLOSING)
    out = tmp_path / "content"
    results = import_files([str(path)], str(out), topics=[])
    assert "'MẬT'" in results[0].error and not out.exists()


def test_too_long_number_or_issuer_gets_its_message_and_the_batch_goes_on(tmp_path):
    long_number = tmp_path / "a.txt"
    long_number.write_text(letter("     Số 12-CV/ĐU" + "A" * 300), encoding="utf-8")
    long_issuer = tmp_path / "b.txt"
    long_issuer.write_text(letter().replace("ĐẢNG ỦY PHƯỜNG VIỆT HƯNG", "ĐẢNG ỦY PHƯỜNG VIỆT HƯNG" + " VIỆT HƯNG" * 30),
                           encoding="utf-8")
    good = tmp_path / "c.txt"
    good.write_text(letter(), encoding="utf-8")
    results = import_files([str(long_number), str(long_issuer), str(good)], str(tmp_path / "content"), topics=[])
    assert "a.txt:4: số văn bản dài 308 ký tự (tối đa 40)" in results[0].error
    assert "b.txt:1: cơ quan ban hành dài" in results[1].error
    assert results[2].written and not results[2].error


def test_find_takes_the_urgency_mark_out_of_its_line():
    marks = find(["ĐẢNG ỦY PHƯỜNG", "Số 12-CV/ĐU     KHẨN", "", "Nội dung KHẨN trương."])
    assert marks.lines[1] == "Số 12-CV/ĐU" and marks.lines[3] == "Nội dung KHẨN trương."
    assert (marks.urgency, marks.urgency_line, marks.removed) == ("KHẨN", 2, ("KHẨN",))


def test_urgency_mark_in_a_word_header_table(tmp_path):
    from directive_portal.importer import import_file

    path = tmp_path / "khan.docx"
    write_docx(path, table([["ĐẢNG ỦY PHƯỜNG VIỆT HƯNG", "Số 12-CV/ĐU", "HỎA TỐC", "V/v tuyên truyền trách nhiệm giải trình"],
                            ["ĐẢNG CỘNG SẢN VIỆT NAM", "Việt Hưng, ngày 5 tháng 1 năm 2026"]])
               + p("Kính gửi: Các chi bộ trực thuộc.") + p("Nội dung.") + CLOSING)
    front = import_file(str(path)).front
    assert front["urgency"] == "HỎA TỐC" and front["title"] == "Tuyên truyền trách nhiệm giải trình"
