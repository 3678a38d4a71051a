"""Body reflow and footnotes, on real lines from the seed directives."""

from directive_portal.importer import footnotes
from directive_portal.importer.body import to_markdown


def blocks(lines: list[str]) -> list[str]:
    return to_markdown(lines).strip().split("\n\n")


def test_pdf_lines_joined_and_split_number_mended():
    lines = [
        "- Tập trung tuyên truyền sâu rộng Kế hoạch triển khai thực hiện Chỉ thị số 53-",
        "CT/TW của Bộ Chính trị về “Tăng cường sự lãnh đạo của Đảng đối với thực hiện",
        "trách nhiệm giải trình của cơ quan, tổ chức, cá nhân trong hoạt động công vụ”, nhằm",
        "nâng cao nhận thức, trách nhiệm của cán bộ, đảng viên, công chức và Nhân dân trên",
        "địa bàn Phường.",
        "",
        "- Thông qua công tác tuyên truyền, làm rõ vai trò, ý nghĩa của trách nhiệm",
        "giải trình trong hoạt động công vụ.",
    ]
    out = blocks(lines)
    assert out[0].startswith("- Tập trung") and "Chỉ thị số 53-CT/TW của Bộ Chính trị" in out[0]
    assert out[0].endswith("trên địa bàn Phường.")
    assert out[1] == "- Thông qua công tác tuyên truyền, làm rõ vai trò, ý nghĩa của trách nhiệm giải trình trong hoạt động công vụ."


def test_page_break_blank_line_mid_sentence_is_joined_and_headings_get_levels():
    lines = [
        "I. CÁC NHIỆM VỤ TUYÊN TRUYỀN TRỌNG TÂM",
        "1. Về thực hiện Kế hoạch số 17-KH/TU ngày 11/12/2025 của Ban Thường",
        "",
        "vụ Thành ủy về việc triển khai thực hiện Chỉ thị số 53-CT/TW ngày 26/10/2025",
        "của Bộ Chính trị về “Tăng cường sự lãnh đạo của Đảng”",
        "",
        "- Tập trung tuyên truyền sâu rộng Kế hoạch.",
    ]
    out = blocks(lines)
    assert out[0] == "## I. CÁC NHIỆM VỤ TUYÊN TRUYỀN TRỌNG TÂM"
    assert out[1].startswith("### 1. Về thực hiện Kế hoạch số 17-KH/TU ngày 11/12/2025 của Ban Thường vụ Thành ủy")
    assert out[2] == "- Tập trung tuyên truyền sâu rộng Kế hoạch."


def test_short_heading_line_followed_by_its_paragraph():
    lines = ["Chủ động nắm bắt tình hình tư tưởng, dư luận xã hội; kịp thời phản ánh những",
             "khó khăn, vướng mắc, kiến nghị, đề xuất trong quá trình triển khai thực hiện về Đảng",
             "ủy Phường (qua Ban Xây dựng Đảng) để xem xét, chỉ đạo giải quyết.", "",
             "2. Công an Phường",
             "Chủ trì, phối hợp với các cơ quan, đơn vị, Ủy ban Mặt trận Tổ quốc Việt Nam",
             "", "Phường và các tổ chức chính trị – xã hội đẩy mạnh tuyên truyền về công tác bảo",
             "đảm an ninh, trật tự; triển khai hiệu quả phong trào thi đua “Ba nhất” (Kỷ luật nhất",
             "– Trung thành nhất – Gần dân nhất) gắn với phong trào “Toàn dân bảo vệ an ninh",
             "Tổ quốc”.",
             " Tăng cường tuyên truyền, vận động Nhân dân chấp hành pháp luật, tích cực"]
    out = blocks(lines)[1:]
    assert out[0] == "### 2. Công an Phường"
    assert out[1].startswith("Chủ trì") and "Việt Nam Phường và" in out[1]
    assert "(Kỷ luật nhất – Trung thành nhất – Gần dân nhất)" in out[1]
    assert out[1].endswith("Tổ quốc”.")
    assert out[2].startswith("Tăng cường tuyên truyền")


def test_one_paragraph_per_line_text_keeps_bold_and_deep_headings():
    lines = [
        "1.1. Tuyên truyền, vận động về hoàn thiện thể chế, đổi mới quản trị",
        "",
        "* *Thông điệp tuyên truyền*: “*Thể chế hoàn thiện - Quản trị hiệu quả*”",
        "",
        '- Kế hoạch thực hiện phải bảo đảm nguyên tắc: "**rõ nhiệm vụ, rõ kết quả**" hoàn thành trong **quý I/2026**.',
        "",
        "3.1. Các chi, đảng bộ cơ sở tổ chức phổ biến, quán triệt Chỉ thị số 53-CT/TW.",
        "",
        "1. Chi bộ thực hiện nghiêm túc.",
    ]
    out = blocks(lines)
    assert out[0] == "#### 1.1. Tuyên truyền, vận động về hoàn thiện thể chế, đổi mới quản trị"
    assert out[1] == "- *Thông điệp tuyên truyền*: “*Thể chế hoàn thiện - Quản trị hiệu quả*”"
    assert "**rõ nhiệm vụ, rõ kết quả**" in out[2] and "**quý I/2026**" in out[2]
    assert out[3].startswith("3.1. Các chi")  # a numbered paragraph, not a heading
    assert out[4] == "1\\. Chi bộ thực hiện nghiêm túc."  # not renumbered as a Markdown list


def test_lettered_items_and_plus_sub_items():
    lines = ["a) Mỗi quý, chi bộ lựa chọn ít nhất 01 đảng viên, trong đó:",
             "+ Ưu tiên người đứng đầu;", "+ Đảng viên tiếp công dân.", "b) Nội dung giám sát."]
    assert blocks(lines) == [
        "- a) Mỗi quý, chi bộ lựa chọn ít nhất 01 đảng viên, trong đó:",
        "    - Ưu tiên người đứng đầu;", "    - Đảng viên tiếp công dân.", "- b) Nội dung giám sát.",
    ]


def test_footnote_text_in_the_middle_of_the_flow_becomes_a_markdown_footnote():
    lines = [
        "Căn cứ Điều lệ Đảng¹ và các quy định của Trung ương về công tác kiểm tra, giám",
        "¹ Điều lệ Đảng được Đại hội đại biểu toàn quốc lần thứ XI của Đảng thông qua",
        "ngày 19/01/2011.",
        "sát; Ban Xây dựng Đảng hướng dẫn như sau:",
        "- Diện tích 20 m² được giữ nguyên.",
    ]
    out = to_markdown(lines)
    assert out.startswith("Căn cứ Điều lệ Đảng[^1] và các quy định của Trung ương về công tác kiểm tra, giám sát;")
    assert "[^1]: Điều lệ Đảng được Đại hội đại biểu toàn quốc lần thứ XI của Đảng thông qua ngày 19/01/2011." in out
    assert "20 m² được" in out  # ² without a footnote text is not a footnote


def test_footnote_extract_needs_a_marker_in_the_text():
    kept, notes = footnotes.extract(["² Kết luận số 21-KL/TW được cụ thể hóa.", "Văn bản."])
    assert notes == [] and len(kept) == 2
    kept, notes = footnotes.extract(["Đảng²;", "", "² Kết luận số 21-KL/TW được cụ thể hóa.", "", "ngày 15/7"])
    assert notes == [("2", "Kết luận số 21-KL/TW được cụ thể hóa.")]
    assert kept == ["Đảng²;", "", "", "ngày 15/7"]


PLACEHOLDER_LETTER = """ĐẢNG BỘ THÀNH PHỐ HÀ NỘI
ĐẢNG ỦY PHƯỜNG VIỆT HƯNG
Số 12-CV/ĐU
Việt Hưng, ngày 05 tháng 01 năm 2026
V/v báo cáo kết quả tuyên truyền
Kính gửi: <Tên cơ quan, đơn vị>

Đề nghị <Tên cơ quan, đơn vị> báo cáo kết quả về Văn phòng Đảng ủy trước ngày <ngày/tháng>.
- Mẫu báo cáo tải tại <https://tgdv.vtsccloud.vn/installation> hoặc [Phụ lục](kèm theo).
T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn Bình
Nơi nhận:
- Như trên,
- Lưu VT.
"""


def test_angle_bracket_placeholders_are_text_and_autolinks_stay_links():
    from directive_portal.importer.extract import import_text
    from directive_portal.importer.check import problems
    from directive_portal.importer import writer

    imported = import_text(PLACEHOLDER_LETTER, "mau.txt")
    body = imported.body
    assert "Đề nghị &lt;Tên cơ quan, đơn vị> báo cáo" in body and "trước ngày &lt;ngày/tháng>." in body
    assert "<https://tgdv.vtsccloud.vn/installation>" in body  # seed 002's link form
    assert "\\[Phụ lục](kèm theo)" in body  # not a link hiding `kèm theo`
    assert "<T" not in body and "<n" not in body
    output = writer.render(imported.front, imported.body)
    assert problems(PLACEHOLDER_LETTER, output, imported.dropped) == []
    # The word check reads the body as a browser shows it: an unescaped tag hides its words.
    raw = output.replace("&lt;", "<")
    assert any("thiếu từ" in p and "tên" in p and "tháng" in p for p in problems(PLACEHOLDER_LETTER, raw, imported.dropped))
    link = output.replace("\\[Phụ lục]", "[Phụ lục]")
    assert any("thiếu từ" in p and "kèm" in p for p in problems(PLACEHOLDER_LETTER, link, imported.dropped))


def test_an_entity_written_in_the_source_is_shown_as_written():
    assert blocks(["Ký hiệu &lt; và &amp; trong văn bản gốc; R&D."]) == [
        "Ký hiệu &amp;lt; và &amp;amp; trong văn bản gốc; R&D."]


def test_seed_001_star_items_are_list_items_and_other_marks_at_a_start_are_text():
    # Seed 001, line 42 and 80: `*` at the start of a line is the document's own bullet.
    out = blocks([
        "* *Thông điệp tuyên truyền*: “*Thể chế hoàn thiện - Quản trị hiệu quả - Chính quyền phục vụ Nhân dân*”.",
        "",
        "* Nội dung triển khai:",
        "",
        "*Ghi chú*: kế hoạch này thay thế kế hoạch trước.",
        "",
        "- 1. Tuyên truyền rộng rãi.",
        "",
        "- # Mục tiêu",
    ])
    assert out[0] == "- *Thông điệp tuyên truyền*: “*Thể chế hoàn thiện - Quản trị hiệu quả - Chính quyền phục vụ Nhân dân*”."
    assert out[1] == "- Nội dung triển khai:"
    assert out[2] == "*Ghi chú*: kế hoạch này thay thế kế hoạch trước."  # emphasis, not a list
    assert out[3] == "- 1\\. Tuyên truyền rộng rãi."  # not an ordered list inside the item
    assert out[4] == "- \\# Mục tiêu"


def test_footnote_text_is_escaped_like_the_body():
    out = to_markdown(["Theo Điều lệ Đảng¹.", "¹ Mẫu <Tên chi bộ> ban hành kèm theo."])
    assert "[^1]: Mẫu &lt;Tên chi bộ> ban hành kèm theo." in out
