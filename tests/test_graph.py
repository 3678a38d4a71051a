"""The relation graph: same number, different documents; undated citations resolved or reported."""

import json

from directive_portal.frontmatter import read_document
from directive_portal.graph import build_graph
from directive_portal.model import PartialDate

TOPICS = ["trach-nhiem-giai-trinh", "van-hoa"]


def doc(path, body, **fields):
    front = {"title": "Văn bản " + path, "type": "cong-van", **fields}
    lines = ["---", json.dumps(front, ensure_ascii=False), "---"]
    document, problems = read_document(path, "\n".join(lines) + "\n" + body, TOPICS)
    assert document is not None, problems
    return document


VIET_HUNG = doc("van-ban/2025/vh.md",
                "Về thực hiện Kế hoạch số 17-KH/TU ngày 11/12/2025 của Ban Thường vụ Thành ủy về việc triển khai "
                "thực hiện Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị về “Tăng cường sự lãnh đạo”.\n\n"
                "Kế hoạch triển khai thực hiện Chỉ thị số 53-\nCT/TW của Bộ Chính trị.\n",
                date="2025", issuer="Ban Thường vụ Đảng ủy phường Việt Hưng")
HAM_LIEM = doc("van-ban/2026/hl.md",
               "Chỉ thị 53-CT/TW ngày 26/10/2025 của Bộ Chính trị (Chỉ thị số 53-CT/TW); Kế hoạch số 21-KH/TU, "
               "ngày 31/12/2025 của Ban Thường vụ Tỉnh ủy về triển khai (Kế hoạch 21-KH/TU).\n\nKế hoạch 21-KH/TU tại các cơ quan.\n",
               date="2026-04", issuer="Ban Thường vụ Đảng ủy xã Hàm Liêm")
HA_NOI_21 = doc("van-ban/2025/hn.md",
                "Thực hiện Kế hoạch số 21-KH/TU ngày 05/3/2021 của Ban Thường vụ Thành ủy Hà Nội về công tác.\n",
                date="2021-04-01", issuer="Ban Thường vụ Đảng ủy phường Khương Đình")


def test_one_directive_cited_by_two_wards_is_one_page():
    graph = build_graph([VIET_HUNG, HAM_LIEM])
    cited = graph.cited["53-ct-tw-2025"]
    assert cited.date == PartialDate(2025, 10, 26)
    assert cited.issuer == "Bộ Chính trị"
    assert [d.path for d in graph.citing("53-ct-tw-2025")] == ["van-ban/2026/hl.md", "van-ban/2025/vh.md"]
    assert graph.problems == ()


def test_same_number_different_years_are_different_documents():
    graph = build_graph([HAM_LIEM, HA_NOI_21])
    assert set(k for k in graph.cited if k.startswith("21-kh-tu")) == {"21-kh-tu-2021", "21-kh-tu-2025"}
    assert [d.path for d in graph.citing("21-kh-tu-2025")] == ["van-ban/2026/hl.md"]
    assert [d.path for d in graph.citing("21-kh-tu-2021")] == ["van-ban/2025/hn.md"]


def test_same_number_same_year_different_provinces_are_different_documents():
    other = doc("van-ban/2026/x.md", "Kế hoạch số 21-KH/TU ngày 02/02/2025 của Ban Thường vụ Thành ủy Hà Nội.\n", date="2026")
    graph = build_graph([HAM_LIEM, other])
    keys = sorted(k for k in graph.cited if k.startswith("21-kh-tu"))
    assert keys == ["21-kh-tu-2025", "21-kh-tu-2025-2"]


def test_undated_citation_inside_the_same_document_joins_its_full_citation():
    graph = build_graph([HAM_LIEM, HA_NOI_21])
    spans = [key for (path, _i), key in graph.mention_targets.items() if path == "van-ban/2026/hl.md"]
    assert spans.count("21-kh-tu-2025") == 3 and "21-kh-tu-2021" not in spans


def test_undated_citation_with_several_candidates_is_reported():
    bare = doc("van-ban/2026/bare.md", "Triển khai Kế hoạch 21-KH/TU trên địa bàn.\n", date="2026")
    graph = build_graph([HAM_LIEM, HA_NOI_21, bare])
    [problem] = graph.problems
    assert problem.path == "van-ban/2026/bare.md" and problem.severity == "warning"
    assert "'21-KH/TU' khớp với nhiều văn bản" in problem.message and "31/12/2025" in problem.message


def test_undated_citation_with_one_candidate_joins_it():
    bare = doc("van-ban/2026/bare.md", "Tiếp tục thực hiện Chỉ thị 53-CT/TW.\n", date="2026")
    graph = build_graph([VIET_HUNG, bare])
    assert "van-ban/2026/bare.md" in {d.path for d in graph.citing("53-ct-tw-2025")}


def test_citation_of_a_published_document_points_to_it():
    published = doc("van-ban/2025/kh17.md", "Nội dung.\n", number="17-KH/TU", date="2025-12-11",
                    issuer="Ban Thường vụ Thành ủy", type="ke-hoach")
    graph = build_graph([VIET_HUNG, published])
    [entry] = [c for c in graph.cited.values() if c.id == "17-KH/TU"]
    assert entry.published == "van-ban/2025/kh17.md"


def test_declared_implements_relation_wins_over_cites():
    declaring = doc("van-ban/2026/d.md", "Thực hiện Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị.\n", date="2026",
                    references=[{"id": "53-CT/TW", "date": "2025-10-26", "relation": "implements"}])
    graph = build_graph([declaring])
    assert graph.outgoing["van-ban/2026/d.md"] == (("53-ct-tw-2025", "implements"),)


def test_drafts_are_left_out():
    draft = doc("van-ban/2026/draft.md", "Chỉ thị số 99-CT/TW ngày 01/01/2026.\n", status="draft")
    graph = build_graph([draft])
    assert graph.documents == {} and graph.cited == {}


def test_related_documents_share_citations():
    graph = build_graph([VIET_HUNG, HAM_LIEM, HA_NOI_21])
    assert [d.path for d in graph.related("van-ban/2025/vh.md")] == ["van-ban/2026/hl.md"]


def test_numbers_with_the_same_slug_get_different_pages():
    a = doc("van-ban/2026/a.md", "Quyết định số 5-QĐ/TU ngày 02/01/2025 của Thành ủy Hà Nội.\n", date="2026")
    b = doc("van-ban/2026/b.md", "Quyết định số 5-QD/TU ngày 03/04/2025 của Tỉnh ủy Lâm Đồng.\n", date="2026")
    graph = build_graph([a, b])
    assert sorted(graph.cited) == ["5-qd-tu-2025", "5-qd-tu-2025-2"]
    assert {c.id for c in graph.cited.values()} == {"5-QĐ/TU", "5-QD/TU"}
