"""Citation forms met while importing, handled by the project's citation parser."""

from directive_portal.references import find_citations
from directive_portal.importer.citing import references


def test_subject_naming_a_nested_directive_keeps_its_quoted_subject():
    text = ("1. Về thực hiện Kế hoạch số 17-KH/TU ngày 11/12/2025 của Ban Thường vụ Thành ủy về việc "
            "triển khai thực hiện Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị về “Tăng cường sự "
            "lãnh đạo của Đảng”")
    plan = find_citations(text)[0]
    assert plan.title.endswith("của Bộ Chính trị về “Tăng cường sự lãnh đạo của Đảng”")


def test_issuer_stops_before_the_verb_and_subject_before_who_acts():
    text = ("Nghị định số 172/2025/NĐ-CP ngày 15/7/2025 của Chính phủ quy định xử lý kỷ luật. "
            "Thực hiện Kế hoạch số 180-KH/TU ngày 02/12/2025 của Ban Thường vụ Thành ủy về bảo đảm an ninh, "
            "trật tự dịp Tết, Ban Thường vụ Đảng ủy phường đề nghị")
    decree, plan = find_citations(text)
    assert decree.issuer == "Chính phủ"
    assert plan.title == "bảo đảm an ninh, trật tự dịp Tết"


def test_implements_only_the_document_named_after_thuc_hien_and_merges_mentions():
    body = ("Căn cứ Điều lệ Đảng; thực hiện Công văn số 556-CV/BTĐVTU ngày 13/03/2026 của Ban Tuyên giáo và "
            "Dân vận Thành ủy về việc học tập Nghị quyết số 80-NQ/TW.\n\n- Tuyên truyền Nghị quyết số 80-NQ/TW "
            "ngày 07/01/2026 của Bộ Chính trị về phát triển văn hóa Việt Nam.")
    refs = {r.id: r for r in references("", body, "")}
    assert refs["556-CV/BTĐVTU"].relation == "implements"
    assert refs["80-NQ/TW"].relation == "cites"
    assert refs["80-NQ/TW"].issuer == "Bộ Chính trị" and str(refs["80-NQ/TW"].date) == "2026-01-07"


def test_a_letter_answering_a_dated_letter_implements_it_and_own_number_is_not_a_reference():
    body = ("Ngày 22/4/2026, Ban Tuyên giáo và Dân vận Tỉnh ủy có Công văn số 578-CV/BTGDVTU về việc tăng "
            "cường tuyên truyền; Ban Thường vụ Đảng ủy xã định hướng như sau:")
    refs = references("", body + " Công văn số 12-CV/ĐU.", "12-CV/ĐU")
    assert [(r.id, r.relation) for r in refs] == [("578-CV/BTGDVTU", "implements")]
