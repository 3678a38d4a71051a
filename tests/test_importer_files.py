"""Whole files: the four seeds, a guidance document the seeds do not show, the CLI rules."""

import os
from pathlib import Path

import pytest

from directive_portal.importer import import_file, import_files, main, writer
from directive_portal.importer.check import problems
from directive_portal.model import Topic

FIXTURES = Path(__file__).parent / "fixtures" / "import"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
GUIDANCE = FIXTURES / "huong-dan-kiem-tra-giam-sat.txt"
TOPICS = [
    Topic("trach-nhiem-giai-trinh", "Trách nhiệm giải trình", keywords=("trách nhiệm giải trình", "53-CT/TW")),
    Topic("chuyen-doi-so", "Chuyển đổi số", keywords=("chuyển đổi số", "57-NQ/TW")),
    Topic("van-hoa", "Văn hóa", keywords=("văn hóa", "80-NQ/TW")),
    Topic("chinh-quyen-dia-phuong-2-cap", "Chính quyền địa phương 2 cấp",
          keywords=("chính quyền địa phương 02 cấp", "chính quyền địa phương hai cấp")),
]


def seed(prefix: str):
    return import_file(str(next(p for p in SEEDS if p.name.startswith(prefix))), TOPICS)


def output(imported) -> str:
    return writer.render(imported.front, imported.body)


@pytest.mark.parametrize("path", SEEDS + [GUIDANCE], ids=lambda p: p.name)
def test_every_word_of_the_source_is_kept_in_order(path):
    imported = import_file(str(path), TOPICS)
    assert problems(path.read_text(encoding="utf-8"), output(imported), imported.dropped) == []
    assert not any("kiểm tra từ ngữ" in w for w in imported.warnings)


def test_the_check_catches_a_lost_word_and_a_moved_one():
    imported = seed("003")
    source = SEEDS[3].read_text(encoding="utf-8")
    lost = output(imported).replace("biểu dương, nhân rộng", "biểu dương,", 1)
    assert any("thiếu từ" in p and "rộng" in p for p in problems(source, lost, imported.dropped))
    moved = output(imported).replace("HÌNH THỨC TUYÊN TRUYỀN", "TUYÊN TRUYỀN HÌNH THỨC", 1)
    assert any("thứ tự" in p for p in problems(source, moved, imported.dropped))
    assert imported.dropped  # only labels: `Số -CV/ĐU`, `ngày tháng năm`, `Kính gửi`, `Nơi nhận`
    assert set(imported.dropped) <= {"Số -CV/ĐU", "ngày tháng năm", "Kính gửi", "Nơi nhận"}


def test_seed_000_letter_with_blank_number_and_day():
    front = seed("000").front
    assert list(front) == ["title", "type", "number", "issuer", "place", "date", "signer", "recipients",
                           "distribution", "topics", "references", "status"]
    assert front["title"] == "Thực hiện công tác tuyên truyền một số nhiệm vụ trọng tâm"
    assert (front["type"], front["number"], front["place"], front["date"]) == ("cong-van", "", "Việt Hưng", "2025")
    assert front["issuer"] == "Ban Thường vụ Đảng ủy phường Việt Hưng"
    assert front["signer"] == {"name": "Lê Đức Toàn", "title": "Phó Bí thư Thường trực", "on_behalf": "T/M Ban Thường vụ"}
    assert front["recipients"][0] == "Hội đồng nhân dân. Uỷ ban nhân dân Phường"
    assert front["distribution"][-1] == "Lưu VT, BXDĐ"
    refs = {r["id"]: r for r in front["references"]}
    assert refs["261-CV/BTGDVTU"]["relation"] == "implements"
    assert refs["261-CV/BTGDVTU"]["issuer"] == "Ban Tuyên giáo và Dân vận Thành ủy"
    assert refs["53-CT/TW"] == {"id": "53-CT/TW", "date": "2025-10-26", "issuer": "Bộ Chính trị",
                                "title": refs["53-CT/TW"]["title"], "relation": "cites"}
    assert "39/2024/QH15" in refs and refs["17-KH/TU"]["date"] == "2025-12-11"
    assert front["topics"] == ["trach-nhiem-giai-trinh", "chinh-quyen-dia-phuong-2-cap"]


def test_seed_000_body_mends_the_page_break_and_keeps_headings():
    body = seed("000").body
    assert "## I. CÁC NHIỆM VỤ TUYÊN TRUYỀN TRỌNG TÂM" in body
    assert "### 1. Về thực hiện Kế hoạch số 17-KH/TU ngày 11/12/2025 của Ban Thường vụ Thành ủy" in body
    assert "Chỉ thị số 53-CT/TW của Bộ Chính trị" in body
    assert "Kính gửi" not in body and "Nơi nhận" not in body and "Lê Đức Toàn" not in body
    assert body.rstrip().endswith("theo nội dung yêu cầu./.")


def test_seed_001_plan_with_partial_date_and_plan_type():
    imported = seed("001")
    front = imported.front
    assert (front["type"], front["date"], front["place"]) == ("ke-hoach", "2026-03", "Khương Đình")
    assert front["issuer"] == "Ban Thường vụ Đảng ủy phường Khương Đình"
    assert front["recipients"] == [] and front["signer"]["name"] == "Trần Thị Nga"
    assert front["references"][0]["id"] == "51-KH/TU" and front["references"][0]["relation"] == "implements"
    assert {"57-NQ/TW", "80-NQ/TW", "03-ĐA/TU", "71-NQ/TW", "72-NQ/TW", "59-NQ/TW"} <= {r["id"] for r in front["references"]}
    assert {"chuyen-doi-so", "van-hoa"} <= set(front["topics"])
    assert "trach-nhiem-giai-trinh" not in front["topics"]
    assert any("date" in w and ":6:" in w for w in imported.warnings)


def test_seed_002_subject_over_four_lines_and_bold_kept():
    front = seed("002").front
    assert front["title"].endswith("Nghị quyết số 79-NQ/TW; Nghị quyết số 80-NQ/TW")
    assert "date" in front and front["date"] == "2026"
    assert "**quý I/2026**" in seed("002").body
    assert {r["id"]: r["relation"] for r in front["references"]}["556-CV/BTĐVTU"] == "implements"
    letter = next(r for r in front["references"] if r["id"] == "556-CV/BTĐVTU")
    assert letter["title"] == ("đẩy mạnh nghiên cứu học tập quán triệt và triển khai thực hiện các nghị quyết của "
                               "Bộ Chính trị: Nghị quyết số 79-NQ/TW; Nghị quyết số 80-NQ/TW")  # not cut at `;`


def test_seed_003_commune_issuer_and_typist_initials_kept():
    front = seed("003").front
    assert front["issuer"] == "Ban Thường vụ Đảng ủy xã Hàm Liêm"
    assert front["date"] == "2026-04" and front["number"] == ""
    assert front["distribution"][-1] == "Lưu Văn phòng Đảng ủy. Bình"
    assert front["signer"]["title"] == "Phó Bí thư"
    assert front["topics"] == ["trach-nhiem-giai-trinh"]


def test_missing_values_are_warnings_naming_file_line_and_field():
    warnings = seed("003").warnings
    assert any(w.startswith("003_e81a6ce932096531.txt:5:") and "number" in w for w in warnings)
    assert any(w.startswith("003_e81a6ce932096531.txt:3:") and "date" in w for w in warnings)
    assert any("issuer" in w and "suy ra" in w for w in warnings)


def test_guidance_without_date_signed_kt_with_footnotes_and_citations():
    imported = import_file(str(GUIDANCE), TOPICS)
    front = imported.front
    assert (front["type"], front["number"]) == ("huong-dan", "05-HD/BXDĐ")
    assert "date" not in front and front["place"] == ""
    assert any("(date)" in w for w in imported.warnings)
    assert front["issuer"] == "Ban Xây dựng Đảng Đảng ủy phường Việt Hưng"
    assert front["signer"] == {"name": "Nguyễn Thị Hoa", "title": "Phó Trưởng ban", "on_behalf": "K/T Trưởng ban"}
    assert front["title"] == "Thực hiện công tác kiểm tra, giám sát và trách nhiệm giải trình trong sinh hoạt chi bộ năm 2026"
    ids = [r["id"] for r in front["references"]]
    assert ids == ["296-QĐ/TW", "144-QĐ/TW", "21-KL/TW", "53-CT/TW", "12-HD/UBKTTW", "17-KH/TU",
                   "80/2025/QH15", "172/2025/NĐ-CP", "07-KH/ĐU"]
    refs = {r["id"]: r for r in front["references"]}
    assert refs["21-KL/TW"]["title"] == "đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị"
    assert refs["172/2025/NĐ-CP"]["issuer"] == "Chính phủ"
    assert "[^1]: Điều lệ Đảng được Đại hội đại biểu toàn quốc lần thứ XI" in imported.body
    assert "chính trị[^2];" in imported.body
    assert "Nghị định số 172/2025/NĐ-CP ngày 15/7/2025 của Chính phủ" in imported.body
    assert "- a) Mỗi quý" in imported.body and "    - Ưu tiên" in imported.body


def test_no_overwrite_without_force_and_dry_run_writes_nothing(tmp_path, capsys):
    path = str(SEEDS[3])
    first = import_files([path], str(tmp_path), topics=TOPICS)
    assert first[0].written and os.path.exists(first[0].path)
    assert first[0].path.startswith(str(tmp_path / "content" / "van-ban" / "2026")) is False
    assert first[0].path.startswith(str(tmp_path / "van-ban" / "2026"))
    Path(first[0].path).write_text("edited by hand", encoding="utf-8")
    second = import_files([path], str(tmp_path), topics=TOPICS)
    assert not second[0].written and "--force" in second[0].error
    assert Path(first[0].path).read_text(encoding="utf-8") == "edited by hand"
    forced = import_files([path], str(tmp_path), force=True, topics=TOPICS)
    assert forced[0].written and Path(first[0].path).read_text(encoding="utf-8").startswith("---\ntitle:")

    dry_dir = tmp_path / "dry"
    assert main([path, str(GUIDANCE), "--out", str(dry_dir), "--dry-run"]) == 0
    assert not dry_dir.exists()
    printed = capsys.readouterr()
    assert "number: 05-HD/BXDĐ" in printed.out and "date: '2026-04'" in printed.out
    assert "003_e81a6ce932096531.txt:3:" in printed.err


def test_main_reports_an_existing_file_as_an_error(tmp_path, capsys):
    path = str(SEEDS[0])
    assert main([path, "--out", str(tmp_path)]) == 0
    assert main([path, "--out", str(tmp_path)]) == 1
    assert "không ghi đè" in capsys.readouterr().err


def test_letter_with_two_column_header_and_side_by_side_closing():
    path = FIXTURES / "cong-van-hai-cot.txt"
    imported = import_file(str(path), TOPICS)
    front = imported.front
    assert front["title"] == "Tăng cường công tác phòng, chống cháy nổ dịp Tết Nguyên đán"  # `V/v` is a label; the title is capitalised
    assert (front["number"], front["date"], front["place"]) == ("12-CV/ĐU", "2026-01-05", "Việt Hưng")
    assert front["issuer"] == "Ban Thường vụ Đảng ủy phường Việt Hưng"
    assert front["recipients"] == ["Các chi bộ trực thuộc"]
    assert front["distribution"] == ["Như trên", "Lưu VT"]
    assert front["signer"] == {"name": "Nguyễn Văn Bình", "title": "Bí thư", "on_behalf": "T/M Ban Thường vụ"}
    assert front["references"][0]["title"] == "bảo đảm an ninh, trật tự dịp Tết Nguyên đán Bính Ngọ 2026"
    assert imported.body.count("\\. ") == 2  # `1. …` paragraphs are not renumbered lists
    assert [w for w in imported.warnings if "(topics)" not in w] == []  # every field found
    assert problems(path.read_text(encoding="utf-8"), output(imported), imported.dropped) == []


def test_seed_004_district_guidance_with_footnotes_and_fourteen_citations():
    imported = seed("004")
    front, body = imported.front, imported.body
    assert (front["type"], front["number"]) == ("huong-dan", "")
    assert front["title"] == "Đẩy mạnh tuyên truyền về công tác xây dựng Đảng và hệ thống chính trị"
    assert "date" not in front  # the copy has no date line of its own
    assert front["signer"] == {"name": "Ngô Mỹ Linh", "title": "Phó Trưởng ban", "on_behalf": "K/T Trưởng ban"}
    assert front["distribution"][0] == "Ban Tuyên giáo Thành ủy" and front["distribution"][-1] == "Lưu BTGQU"
    refs = {r["id"]: r for r in front["references"]}
    assert set(refs) == {"110-HD/BTGTU", "21-NQ/TW", "28-NQ/TW", "37-QĐ/TW", "22-QĐ/TW", "14-KL/TW", "01-KL/TW",
                         "05-CT/TW", "238-QĐ/TW", "85-QĐ/TW", "21-KL/TW", "99-QĐ/TW", "100-QĐ/TW", "101-QĐ/TW"}
    assert [i for i, r in refs.items() if r["relation"] == "implements"] == ["110-HD/BTGTU"]
    assert refs["110-HD/BTGTU"]["date"] == "2023-06-27" and refs["110-HD/BTGTU"]["issuer"] == "Ban Tuyên giáo Thành ủy"
    assert "## IV. TỔ CHỨC THỰC HIỆN" in body
    # the page break after `…của Đảng¹;` no longer cuts the paragraph
    assert "Nghị quyết Đại hội XIII của Đảng[^1]; tiếp tục phân tích" in body
    assert "Ban Bí thư Trung ương Đảng[^2]; thường xuyên" in body and "Vận động cán bộ, hội viên, đoàn viên" in body
    assert "[^1]: Kết luận số 21-KL/TW, ngày 25/10/2021" in body and "[^3]: Quy định số 85-QĐ/TW" in body
    assert refs["110-HD/BTGTU"]["title"] == "Đẩy mạnh tuyên truyền về công tác xây dựng Đảng và hệ thống chính trị"
    assert refs["238-QĐ/TW"]["title"].startswith("Quy chế phối hợp") and not refs["238-QĐ/TW"]["title"].endswith("*")


def test_a_folder_is_imported_with_progress_and_a_report_per_file(tmp_path, capsys):
    folder = tmp_path / "nhan-ve"
    folder.mkdir()
    (folder / "a.txt").write_text(SEEDS[3].read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.txt").write_text(GUIDANCE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "anh.jpg").write_bytes(b"\xff\xd8")
    assert main([str(folder), "--out", str(tmp_path / "content")]) == 0  # no topics.yml there: no topics
    err = capsys.readouterr().err
    assert f"[1/2] {folder / 'a.txt'}" in err and f"[2/2] {folder / 'b.txt'}" in err
    assert f"bỏ qua {folder / 'anh.jpg'}" in err
    report = next(line for line in err.splitlines() if line.startswith(f"{folder / 'a.txt'}: đã tìm thấy:"))
    assert "người ký" in report and "nơi nhận (" in report and "dẫn chiếu (" in report and "không thấy: số" in report
