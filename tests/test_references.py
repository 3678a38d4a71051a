"""The citation parser on real sentences from the seeds."""

from directive_portal.model import PartialDate
from directive_portal.references import canonical_id, citation_key, find_citations, parse_number, type_from_number

SEED_000 = (
    "Thực hiện Công văn số 261-CV/BTGDVTU ngày 18/12/2025 của Ban Tuyên \n"
    "giáo và Dân vận Thành ủy về việc “Thực hiện công tác tuyên truyền một số nhiệm \n"
    "vụ trọng tâm”; nhằm nâng cao hiệu quả công tác tuyên truyền"
)
SPLIT = (
    "- Tập trung tuyên truyền sâu rộng Kế hoạch triển khai thực hiện Chỉ thị số 53-\n"
    "CT/TW của Bộ Chính trị về “Tăng cường sự lãnh đạo của Đảng đối với thực hiện \n"
    "trách nhiệm giải trình của cơ quan, tổ chức, cá nhân trong hoạt động công vụ”, nhằm"
)
HAM_LIEM = (
    "06 nhóm nhiệm vụ, giải pháp trọng tâm của Chỉ thị 53-CT/TW ngày 26/10/2025 của Bộ Chính trị "
    "về tăng cường sự lãnh đạo của Đảng đối với việc thực hiện trách nhiệm giải trình của cơ quan, "
    "tổ chức, cá nhân trong hoạt động công vụ (Chỉ thị số 53-CT/TW); và nội dung lãnh đạo, chỉ đạo "
    "của Tỉnh ủy triển khai thực hiện các nhiệm vụ, giải pháp tại Kế hoạch số 21-KH/TU, ngày "
    "31/12/2025 của Ban Thường vụ Tỉnh ủy về triển khai thực hiện Chỉ thị 53-CT/TW (Kế hoạch 21-KH/TU) (gửi kèm)."
)


def test_full_citation_with_date_issuer_and_quoted_subject_over_lines():
    [cite] = find_citations(SEED_000)
    assert cite.id == "261-CV/BTGDVTU"
    assert cite.type == "cong-van"
    assert cite.date == PartialDate(2025, 12, 18)
    assert cite.issuer == "Ban Tuyên giáo và Dân vận Thành ủy"
    assert cite.title == "Thực hiện công tác tuyên truyền một số nhiệm vụ trọng tâm"


def test_number_split_by_a_pdf_line_break_is_mended():
    [cite] = find_citations(SPLIT)
    assert cite.id == "53-CT/TW"
    assert cite.type == "chi-thi"
    assert cite.issuer == "Bộ Chính trị"
    assert cite.title.startswith("Tăng cường sự lãnh đạo của Đảng")
    assert SPLIT[cite.start:cite.end] == "Chỉ thị số 53-\nCT/TW"
    assert cite.line == 1


def test_forms_without_so_with_comma_before_date_and_repeats():
    cites = find_citations(HAM_LIEM)
    assert [c.id for c in cites] == ["53-CT/TW", "53-CT/TW", "21-KH/TU", "53-CT/TW", "21-KH/TU"]
    first, _, plan, _, _ = cites
    assert first.date == PartialDate(2025, 10, 26) and first.issuer == "Bộ Chính trị"
    assert plan.date == PartialDate(2025, 12, 31)
    assert plan.issuer == "Ban Thường vụ Tỉnh ủy"
    assert plan.title == "triển khai thực hiện Chỉ thị 53-CT/TW"


def test_state_law_number_and_its_name_before_the_parenthesis():
    [cite] = find_citations("- Phổ biến sâu rộng Luật Thủ đô (Luật số 39/2024/QH15) và các văn bản")
    assert cite.id == "39/2024/QH15"
    assert cite.type == "luat"
    assert cite.title == "Luật Thủ đô"


def test_d_with_stroke_in_codes_and_en_dash():
    cites = find_citations("Đề án số 03-ĐA/TU ngày 27/02/2026 của Ban Thường vụ Thành ủy; Quyết định số 12–QĐ/ĐU")
    assert [c.id for c in cites] == ["03-ĐA/TU", "12-QĐ/ĐU"]
    assert cites[0].type == "de-an" and cites[1].type == "quyet-dinh"
    assert citation_key("03-ĐA/TU") == citation_key("3-ĐA/TU")


def test_date_given_before_the_citation():
    text = "Ngày 22/4/2026, Ban Tuyên giáo và Dân vận Tỉnh ủy có Công văn số 578-CV/BTGDVTU về việc tăng cường tuyên truyền"
    [cite] = find_citations(text)
    assert cite.date == PartialDate(2026, 4, 22)
    assert cite.issuer == "Ban Tuyên giáo và Dân vận Tỉnh ủy"


def test_issuer_stops_before_the_next_citation():
    cites = find_citations("theo Kế hoạch số 21-KH/TU ngày 31/12/2025 của Ban Thường vụ Tỉnh ủy Bình Thuận và Chỉ thị 05-CT/TW.")
    assert cites[0].issuer == "Ban Thường vụ Tỉnh ủy Bình Thuận"
    assert cites[1].id == "05-CT/TW"


def test_dates_and_plain_numbers_are_not_citations():
    assert find_citations("trước ngày 28/3/2026, giai đoạn 2025 – 2030, mô hình 03 cấp, STEM/STEAM") == []


def test_canonical_forms():
    assert canonical_id("53 - ct / tw") == "53-CT/TW"
    assert canonical_id("5-CTr/TU") == "5-CTr/TU"
    assert type_from_number("123/2024/NĐ-CP") == "nghi-dinh"
    assert parse_number("Số             - CV/ĐU".removeprefix("Số")) == ("CV", "ĐU")
    assert parse_number("12-CV/ĐU") == ("CV", "ĐU")


def test_not_inside_a_longer_number_or_a_url():
    text = "mã 12345-CT/TW, địa chỉ https://a.vn/van-ban/53-CT/TW và (Chỉ thị số 53-CT/TW)"
    assert [(c.id, c.text) for c in find_citations(text)] == [("53-CT/TW", "Chỉ thị số 53-CT/TW")]


def test_a_number_written_with_spaces_or_a_dash_has_the_same_key():
    assert citation_key("06 - KH/ĐU") == citation_key("6–KH/ĐU") == citation_key("06-KH/ĐU") == "6-KH/ĐU"
