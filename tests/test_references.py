"""The citation parser on real sentences from the seeds."""

import re

from directive_portal.model import PartialDate
from directive_portal.numbers import canonical_id, citation_key, parse_number, type_from_number
from directive_portal.references import find_citations

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


def test_citation_key_is_the_canonical_id_without_leading_zeros_upper_cased():
    # citation_key skips canonical_id's mixed-case step, which upper case undoes: the same keys.
    written = ["53-CT/TW", "53-\nCT/TW", "03 – ĐA/TU", "0-KH/ĐU", "00-KH/ĐU", "000", "007", "3-TTr/ĐU",
               "5-QyĐ/ĐU", "6-qđi/tu", "39/2024/QH15", "01/2025/TT-BNV", "12 /2025/ NĐ‑CP", "số-lạ", "",
               "21−KH/TU", "0021-kh/tu"]
    written += [c.id for c in find_citations(SEED_002_OPENING)]
    for raw in written:
        assert citation_key(raw) == re.sub(r"^0+(?=\d)", "", canonical_id(raw)).upper(), raw


SEED_002_OPENING = (
    "Thực hiện Công văn số 556-CV/BTĐVTU ngày 13/03/2026 của Ban Tuyên giáo và Dân vận Thành ủy Hà Nội về việc "
    "đẩy mạnh nghiên cứu học tập quán triệt và triển khai thực hiện các nghị quyết của Bộ Chính trị: Nghị quyết "
    "số 79-NQ/TW; Nghị quyết số 80-NQ/TW.\n\nBan Thường vụ Đảng ủy Phường đề nghị các cơ quan, đơn vị"
)


def test_party_types_cited_but_not_published():
    cites = find_citations("Quy chế làm việc số 01-QC/ĐU ngày 5/7/2025 của Ban Chấp hành Đảng bộ phường; "
                           "Thông tri số 02-TT/TW; Tờ trình số 03-TTr/ĐU; Quy định số 5-QyĐ/ĐU; Quy định 6-QĐi/TU")
    assert [(c.id, c.type) for c in cites] == [
        ("01-QC/ĐU", "quy-che"), ("02-TT/TW", "thong-tri"), ("03-TTr/ĐU", "to-trinh"),
        ("5-QyĐ/ĐU", "quy-dinh"), ("6-QĐi/TU", "quy-dinh"),
    ]
    assert cites[0].date == PartialDate(2025, 7, 5) and cites[0].issuer == "Ban Chấp hành Đảng bộ phường"
    assert [c.type for c in find_citations("theo 02-TT/TW và 01-QC/ĐU")] == ["thong-tri", "quy-che"]
    assert citation_key("3-TTR/ĐU") == citation_key("03-TTr/ĐU")


def test_thong_tu_of_the_state_is_not_thong_tri_of_the_party():
    circular, instruction = find_citations("Thông tư số 01/2025/TT-BNV và Thông tri số 02-TT/TW")
    assert (circular.id, circular.type) == ("01/2025/TT-BNV", "thong-tu")
    assert (instruction.id, instruction.type) == ("02-TT/TW", "thong-tri")


def test_cited_only_types_have_labels_and_are_not_publishable():
    from directive_portal.model import CITED_TYPE_LABELS, DOCUMENT_TYPES

    for slug, label in (("quy-che", "Quy chế"), ("thong-tri", "Thông tri"), ("to-trinh", "Tờ trình")):
        assert CITED_TYPE_LABELS[slug] == label and slug not in DOCUMENT_TYPES


def test_blank_day_or_month_of_an_unsigned_copy_gives_a_partial_date():
    [cite] = find_citations("Công văn số 578-CV/BTGDVTU ngày tháng 4 năm 2026 của Ban Tuyên giáo và Dân vận Tỉnh ủy")
    assert cite.date == PartialDate(2026, 4) and cite.issuer == "Ban Tuyên giáo và Dân vận Tỉnh ủy"
    [cite] = find_citations("Công văn số 12-CV/ĐU ngày tháng năm 2026 về việc tăng cường tuyên truyền.")
    assert cite.date == PartialDate(2026) and cite.title == "tăng cường tuyên truyền"
    assert cite.bad_date == ""


def test_an_impossible_date_is_not_dropped_silently():
    [cite] = find_citations("Kế hoạch số 21-KH/TU ngày 31/02/2025 của Ban Thường vụ Thành ủy về việc tuyên truyền quy chế.")
    assert cite.date is None and cite.bad_date == "ngày 31/02/2025"
    assert cite.issuer == "Ban Thường vụ Thành ủy" and cite.title == "tuyên truyền quy chế"  # still read past it
    [cite] = find_citations("Ngày 31/4/2026, Ban Tuyên giáo và Dân vận Tỉnh ủy có Công văn số 578-CV/BTGDVTU")
    assert cite.date is None and cite.bad_date == "Ngày 31/4/2026"
    assert find_citations(SEED_000)[0].bad_date == ""


def test_plain_subject_ending_in_a_list_of_citations_runs_to_the_sentence_end():
    letter, first, second = find_citations(SEED_002_OPENING)
    assert letter.title == ("đẩy mạnh nghiên cứu học tập quán triệt và triển khai thực hiện các nghị quyết của "
                            "Bộ Chính trị: Nghị quyết số 79-NQ/TW; Nghị quyết số 80-NQ/TW")
    assert SEED_002_OPENING[letter.full_end] == "."
    assert (first.id, second.id) == ("79-NQ/TW", "80-NQ/TW")


def test_plain_subject_still_stops_at_a_semicolon_before_another_sentence_or_citation():
    text = ("Thực hiện Kế hoạch số 5-KH/ĐU về việc tổ chức hội nghị học tập; Nghị quyết số 80-NQ/TW ngày "
            "07/01/2026 của Bộ Chính trị về phát triển văn hóa.")
    plan, resolution = find_citations(text)
    assert plan.title == "tổ chức hội nghị học tập"
    assert resolution.title == "phát triển văn hóa"
    cites = find_citations(HAM_LIEM)
    assert cites[0].title.endswith("trong hoạt động công vụ")


def test_citation_start_rules_after_a_bracket_a_hyphen_or_a_no_break_space():
    """Not inside a longer hyphenated token; a bracket or a no-break space (Word's) before
    the type word does not cut the type word off."""
    assert find_citations("mã ab-53-CT/TW") == []
    bracketed = find_citations("[Chỉ thị 53-CT/TW]")
    assert [(c.id, c.text, c.type) for c in bracketed] == [("53-CT/TW", "Chỉ thị 53-CT/TW", "chi-thi")]
    spaced = find_citations("theo\u00a0Chỉ thị số 53-CT/TW")
    assert [(c.text, c.type) for c in spaced] == [("Chỉ thị số 53-CT/TW", "chi-thi")]
