"""Citation forms met while importing, handled by the project's citation parser."""

from pathlib import Path

from directive_portal.references import find_citations
from directive_portal.importer.citing import references

FIXTURE = (Path(__file__).parent / "fixtures" / "import" / "cong-van-hai-cot.txt").read_text(encoding="utf-8")


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


def test_two_plans_sharing_a_number_are_two_references_each_with_its_own_details():
    title = "Triển khai Kế hoạch số 21-KH/TU ngày 11/12/2025 của Thành ủy Hà Nội"
    body = ("Thực hiện Kế hoạch số 21-KH/TU ngày 03/01/2025 của Tỉnh ủy Lâm Đồng về việc tuyên truyền trách nhiệm "
            "giải trình.\n\n- Tổng kết Kế hoạch số 21-KH/TU ngày 11/12/2025 của Thành ủy Hà Nội.")
    refs = references(title, body, "")
    assert [(r.id, str(r.date), r.issuer, r.title, r.relation) for r in refs] == [
        ("21-KH/TU", "2025-12-11", "Thành ủy Hà Nội", "", "cites"),
        ("21-KH/TU", "2025-01-03", "Tỉnh ủy Lâm Đồng", "tuyên truyền trách nhiệm giải trình", "implements"),
    ]


def test_mentions_of_one_document_still_merge_and_a_bare_mention_joins_the_only_one():
    body = ("Thực hiện Kế hoạch số 21-KH/TU của Ban Thường vụ Tỉnh ủy về triển khai Chỉ thị 53-CT/TW.\n\n"
            "- Tuyên truyền Kế hoạch số 21-KH/TU ngày 31/12/2025 của Tỉnh ủy; Kế hoạch 21-KH/TU (gửi kèm).")
    refs = [r for r in references("", body, "") if r.id == "21-KH/TU"]
    assert len(refs) == 1
    assert (str(refs[0].date), refs[0].issuer, refs[0].relation) == ("2025-12-31", "Ban Thường vụ Tỉnh ủy", "implements")


def test_a_bare_number_matching_two_documents_is_reported_at_its_line():
    from directive_portal.importer.extract import import_text

    text = FIXTURE.replace(
        "Thực hiện Kế hoạch số 180-KH/TU ngày 02/12/2025 của Ban Thường vụ Thành ủy",
        "Thực hiện Kế hoạch số 180-KH/TU ngày 02/12/2025 của Ban Thường vụ Thành ủy Hà Nội và Kế hoạch số "
        "180-KH/TU ngày 03/01/2025 của Tỉnh ủy Lâm Đồng").replace("Công an phường kiểm tra", "Công an phường theo Kế hoạch 180-KH/TU kiểm tra")
    imported = import_text(text, "hai-cot.txt")
    refs = [r for r in imported.front["references"] if r["id"] == "180-KH/TU"]
    assert [(r["date"], r["relation"]) for r in refs] == [("2025-12-02", "implements"), ("2025-01-03", "cites")]
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "Kế hoạch 180-KH/TU" in l)
    assert any(w.startswith(f"hai-cot.txt:{line}: '180-KH/TU' khớp với nhiều văn bản") for w in imported.warnings)


def test_an_impossible_date_in_a_citation_is_a_warning_at_its_line():
    from directive_portal.importer.extract import import_text

    text = FIXTURE.replace("ngày 02/12/2025 của Ban Thường vụ Thành ủy", "ngày 31/02/2025 của Ban Thường vụ Thành ủy")
    assert text != FIXTURE
    imported = import_text(text, "hai-cot.txt")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "31/02/2025" in l)
    [warning] = [w for w in imported.warnings if "31/02/2025" in w]
    assert warning.startswith(f"hai-cot.txt:{line}: 180-KH/TU dẫn chiếu 'ngày 31/02/2025', một ngày không có thật")
    assert "date" not in next(r for r in imported.front["references"] if r["id"] == "180-KH/TU")


def test_a_document_of_a_type_the_portal_only_cites_is_a_warning_not_a_crash():
    from directive_portal.importer.extract import import_text

    text = FIXTURE.replace("Số 12-CV/ĐU", "Số 01-QC/ĐU")
    assert text != FIXTURE
    imported = import_text(text, "quy-che.txt")
    assert imported.front["type"] == ""
    assert any("'Quy chế' không có trong các loại văn bản" in w for w in imported.warnings)
