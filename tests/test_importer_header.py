"""Header and closing blocks, on real lines from the seed directives."""

from directive_portal.importer.closing import parse_closing
from directive_portal.importer.header import (
    parse_date, parse_header, parse_number_line, parse_recipients, type_word,
)
from directive_portal.importer.issuer import from_code, from_header, level_word, with_signer
from directive_portal.importer.lines import plain, recase
from directive_portal.model import PartialDate, Signer


def test_number_as_printed_and_blank_numbers_keep_type_and_issuer_codes():
    assert parse_number_line("Số 12-CV/ĐU") == ("12-CV/ĐU", "12-CV/ĐU", "CV", "ĐU")
    assert parse_number_line(" Số             - CV/ĐU")[0::2] == ("", "CV")
    assert parse_number_line(" Số             - CV/ĐU")[3] == "ĐU"
    assert parse_number_line("Số -CV/ĐU")[0] == ""
    assert parse_number_line("Số - KH/ĐU")[2:] == ("KH", "ĐU")
    assert parse_number_line("Số: 05 - HD/BXDĐ")[0] == "05-HD/BXDĐ"
    assert parse_number_line("Số lượng đảng viên tăng") is None


def test_place_and_date_with_blank_day_or_month_are_never_invented():
    assert parse_date("Việt Hưng, ngày 5 tháng 1 năm 2026") == ("Việt Hưng", PartialDate(2026, 1, 5))
    assert parse_date("Khương Đình, ngày tháng 3 năm 2026") == ("Khương Đình", PartialDate(2026, 3))
    assert parse_date("Hàm Liêm, ngày tháng 4 năm 2026") == ("Hàm Liêm", PartialDate(2026, 4))
    assert parse_date("Việt Hưng, ngày        tháng      năm 2025") == ("Việt Hưng", PartialDate(2025))
    assert parse_date("*Hà Nội, ngày 05 tháng 01 năm 2026*") == ("Hà Nội", PartialDate(2026, 1, 5))
    assert parse_date("Thực hiện Kế hoạch số 51-KH/TU, ngày 20/03/2026") is None


def test_type_word_only_on_a_line_of_capitals():
    assert type_word("KẾ HOẠCH") == "ke-hoach"
    assert type_word("**HƯỚNG DẪN**") == "huong-dan"
    assert type_word("Kế hoạch") == ""
    assert type_word("KẾ HOẠCH TUYÊN TRUYỀN") == ""


def test_recipients_on_the_same_line_and_wrapped_items():
    lines = [
        "    Kính gửi: - Hội đồng nhân dân. Uỷ ban nhân dân Phường,",
        "- Văn phòng Đảng ủy, Ban Xây dựng Đảng, Ủy ban Kiểm",
        "tra Đảng ủy Phường,",
        "- Các tổ chức Đảng trực thuộc Đảng uỷ Phường.",
        "",
        "Thực hiện Công văn số 261-CV/BTGDVTU ngày 18/12/2025 của Ban Tuyên",
    ]
    items, after = parse_recipients(lines, 0)
    assert items == [
        "Hội đồng nhân dân. Uỷ ban nhân dân Phường",
        "Văn phòng Đảng ủy, Ban Xây dựng Đảng, Ủy ban Kiểm tra Đảng ủy Phường",
        "Các tổ chức Đảng trực thuộc Đảng uỷ Phường",
    ]
    assert lines[after] == ""


def test_recipients_after_a_blank_line():
    lines = ["Kính gửi:", "", "- Ủy ban nhân dân Phường,", "- Ban Xây dựng Đảng,", "", "Thực hiện Công văn"]
    assert parse_recipients(lines, 0)[0] == ["Ủy ban nhân dân Phường", "Ban Xây dựng Đảng"]


SEED_000_HEADER = """ Số             - CV/ĐU

Thực hiện công tác tuyên truyền
một số nhiệm vụ trọng tâm

ĐẢNG CỘNG SẢN VIỆT NAM

Việt Hưng, ngày        tháng      năm 2025

    Kính gửi: - Hội đồng nhân dân. Uỷ ban nhân dân Phường,
- Các tổ chức Đảng trực thuộc Đảng uỷ Phường.

Thực hiện Công văn số 261-CV/BTGDVTU ngày 18/12/2025 của Ban Tuyên
giáo và Dân vận Thành ủy về việc “Thực hiện công tác tuyên truyền một số nhiệm""".split("\n")


def test_header_in_pdf_order_subject_before_national_header():
    header = parse_header(SEED_000_HEADER)
    assert header.title == "Thực hiện công tác tuyên truyền một số nhiệm vụ trọng tâm"
    assert header.title_line == 3
    assert (header.number, header.type_code, header.issuer_code) == ("", "CV", "ĐU")
    assert (header.place, header.date) == ("Việt Hưng", PartialDate(2025))
    assert len(header.recipients) == 2
    assert SEED_000_HEADER[header.body_start].startswith("Thực hiện Công văn số 261")
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header.dropped


def test_header_of_a_plan_with_stray_star_and_type_word():
    lines = ["", "", "*", "Số - KH/ĐU", "", "Khương Đình, ngày tháng 3 năm 2026", "", "KẾ HOẠCH", "",
             "Tuyên truyền, vận động thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
             "", "Thực hiện Kế hoạch số 51-KH/TU, ngày 20/03/2026 của Thành ủy Hà Nội về “Tuyên truyền”"]
    header = parse_header(lines)
    assert header.type_word == "ke-hoach"
    assert header.title.startswith("Tuyên truyền, vận động") and header.title.endswith("XIV của Đảng")
    assert header.date == PartialDate(2026, 3)
    assert header.body_start == 11


def test_subject_over_several_lines_ends_at_kinh_gui():
    lines = ["Việt Hưng, ngày tháng năm 2026", "", "Số -CV/ĐU", "", "Đẩy mạnh nghiên cứu học tập quán triệt",
             "và triển khai thực hiện các nghị quyết của", "Bộ Chính trị: Nghị quyết số 79-NQ/TW;",
             "Nghị quyết số 80-NQ/TW", "", "Kính gửi:", "", "- Ban Xây dựng Đảng,", "", "Thực hiện Công văn"]
    header = parse_header(lines)
    assert header.title == ("Đẩy mạnh nghiên cứu học tập quán triệt và triển khai thực hiện các nghị quyết "
                            "của Bộ Chính trị: Nghị quyết số 79-NQ/TW; Nghị quyết số 80-NQ/TW")
    assert header.recipients == ("Ban Xây dựng Đảng",)


def test_header_issuer_lines_in_two_columns():
    lines = ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI              ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY PHƯỜNG VIỆT HƯNG",
             "BAN XÂY DỰNG ĐẢNG", "*", "Số 05-HD/BXDĐ", "", "HƯỚNG DẪN", "Thực hiện công tác kiểm tra",
             "-----", "", "Căn cứ Điều lệ Đảng"]
    header = parse_header(lines)
    assert header.issuer_lines == ("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "ĐẢNG ỦY PHƯỜNG VIỆT HƯNG", "BAN XÂY DỰNG ĐẢNG")
    assert header.number == "05-HD/BXDĐ" and header.title == "Thực hiện công tác kiểm tra"
    assert from_header(header.issuer_lines)[0] == "Ban Xây dựng Đảng Đảng ủy phường Việt Hưng"


def test_issuer_inferred_from_number_code_place_and_signing_block():
    text = "Ban Thường vụ Đảng ủy xã định hướng; các tổ chức chính trị - xã hội xã"
    assert level_word(text) == "xã"
    assert level_word("Nhân dân trên địa bàn phường Việt Hưng; chính trị - xã hội") == "phường"
    issuer = from_code("ĐU", "xã", "Hàm Liêm", text)
    assert issuer == "Đảng ủy xã Hàm Liêm"
    assert with_signer(issuer, Signer("Phan Minh Quảng", "Phó Bí thư", "T/M Ban Thường vụ")) == \
        "Ban Thường vụ Đảng ủy xã Hàm Liêm"
    assert with_signer(issuer, Signer("A", "Bí thư", "T/M Đảng ủy")) == issuer
    assert from_code("BTGDVTU", "", "", "Thành ủy") == "Ban Tuyên giáo và Dân vận Thành ủy"


def test_recase_keeps_the_printed_letters():
    assert recase("PHÓ BÍ THƯ THƯỜNG TRỰC") == "Phó Bí thư Thường trực"
    assert recase("T/M BAN THƯỜNG VỤ") == "T/M Ban Thường vụ"
    assert recase("ĐẢNG UỶ PHƯỜNG VIỆT HƯNG") == "Đảng uỷ phường Việt Hưng"
    assert recase("K/T TRƯỞNG BAN") == "K/T Trưởng ban"
    assert plain("**T/M BAN THƯỜNG VỤ") == "T/M BAN THƯỜNG VỤ"


def test_closing_of_seed_003_distribution_then_signer_in_bold():
    lines = ["3.3. Ban Xây dựng Đảng Đảng ủy xã nắm bắt tình hình (nếu có)/.", "", "Nơi nhận:", "",
             "- Ban Tuyên giáo và Dân vận Tỉnh ủy (báo cáo),", "- Như trên,", "- Ban Xây dựng Đảng,",
             "- Lưu Văn phòng Đảng ủy. Bình", "", "**T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ**", "", "Phan Minh Quảng"]
    closing = parse_closing(lines, 0)
    assert closing.start == 2
    assert closing.distribution == ("Ban Tuyên giáo và Dân vận Tỉnh ủy (báo cáo)", "Như trên",
                                    "Ban Xây dựng Đảng", "Lưu Văn phòng Đảng ủy. Bình")
    assert closing.signer == Signer("Phan Minh Quảng", "Phó Bí thư", "T/M Ban Thường vụ")
    assert closing.leftovers == ()


def test_closing_signer_first_with_kt_and_signature_note():
    lines = ["để được hướng dẫn./.", "", "        K/T TRƯỞNG BAN", "        PHÓ TRƯỞNG BAN", "", "   (Đã ký)", "",
             "        Nguyễn Thị Hoa", "Nơi nhận:", "- Các chi bộ trực thuộc,", "- Lưu BXDĐ."]
    closing = parse_closing(lines, 0)
    assert closing.start == 2
    assert closing.signer == Signer("Nguyễn Thị Hoa", "Phó Trưởng ban", "K/T Trưởng ban")
    assert closing.distribution == ("Các chi bộ trực thuộc", "Lưu BXDĐ")
    assert "(Đã ký)" in closing.dropped
