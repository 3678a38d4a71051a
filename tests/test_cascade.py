"""Relations between cited documents, the registry, replacements and deadlines, on strings."""

from __future__ import annotations

import datetime
import re

from directive_portal.cascade import chains, tree
from sites import REPO
from directive_portal.deadlines import find_deadlines
from directive_portal.frontmatter import read_document
from directive_portal.graph import build_graph
from directive_portal.lifecycle import resolve
from directive_portal.references import find_citations
from directive_portal.registry import read_registry, unmatched
from directive_portal.relations import carried_out_by_text, infer, nested_relations

# Sentences as the seeds write them.
VIET_HUNG_17 = ("### 1. Về thực hiện Kế hoạch số 17-KH/TU ngày 11/12/2025 của Ban Thường vụ Thành ủy về việc "
                "triển khai thực hiện Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị về “Tăng cường sự lãnh đạo "
                "của Đảng đối với thực hiện trách nhiệm giải trình của cơ quan, tổ chức, cá nhân trong hoạt động công vụ”\n")
VIET_HUNG_556 = ("Thực hiện Công văn số 556-CV/BTĐVTU ngày 13/03/2026 của Ban Tuyên giáo và Dân vận Thành ủy Hà Nội về "
                 "việc đẩy mạnh nghiên cứu học tập quán triệt và triển khai thực hiện các nghị quyết của Bộ Chính trị: "
                 "Nghị quyết số 79-NQ/TW; Nghị quyết số 80-NQ/TW.\n")
HAM_LIEM = ("Ngày 22/4/2026, Ban Tuyên giáo và Dân vận Tỉnh ủy có Công văn số 578-CV/BTGDVTU về việc tăng cường "
            "tuyên truyền trách nhiệm giải trình của cơ quan, tổ chức, cá nhân trong hoạt động công vụ; Ban Thường vụ "
            "Đảng ủy xã định hướng nội dung, hình thức tuyên truyền, như sau:\n\n"
            "- Tuyên truyền nội dung lãnh đạo, chỉ đạo của Tỉnh ủy triển khai thực hiện các nhiệm vụ, giải pháp tại "
            "Kế hoạch số 21-KH/TU, ngày 31/12/2025 của Ban Thường vụ Tỉnh ủy về triển khai thực hiện Chỉ thị 53-CT/TW "
            "(Kế hoạch 21-KH/TU) (gửi kèm).\n")


def doc(path: str, body: str, front: str = "") -> object:
    text = f"---\ntitle: Văn bản {path}\ntype: cong-van\nissuer: Ban Thường vụ Đảng ủy phường Việt Hưng\n{front}---\n{body}"
    document, problems = read_document(path, text)
    assert document is not None, problems
    return document


def test_a_plan_described_as_carrying_out_a_directive_carries_it_out():
    cites = find_citations(VIET_HUNG_17)
    found = nested_relations(VIET_HUNG_17, cites)
    assert [(cites[i].id, cites[j].id) for i, j, _s in found] == [("17-KH/TU", "53-CT/TW")]
    assert found[0][2].startswith("Về thực hiện Kế hoạch số 17-KH/TU ngày 11/12/2025")


def test_a_letter_carrying_out_two_resolutions_carries_out_both():
    cites = find_citations(VIET_HUNG_556)
    found = nested_relations(VIET_HUNG_556, cites)
    assert [(cites[i].id, cites[j].id) for i, j, _s in found] == [("556-CV/BTĐVTU", "79-NQ/TW"), ("556-CV/BTĐVTU", "80-NQ/TW")]


def test_a_citation_only_mentioned_is_not_carried_out():
    text = "Tăng cường thông tin về 06 nhóm nhiệm vụ của Chỉ thị 53-CT/TW ngày 26/10/2025 của Bộ Chính trị.\n"
    assert carried_out_by_text(text, find_citations(text)) == []
    assert nested_relations(text, find_citations(text)) == []


def test_the_document_itself_carries_out_what_it_says_it_carries_out_but_not_nested_citations():
    cites = find_citations(VIET_HUNG_17)
    assert [cites[i].id for i, _s in carried_out_by_text(VIET_HUNG_17, cites)] == ["17-KH/TU"]


def test_inferred_relations_keep_document_line_and_sentence():
    graph = build_graph([doc("van-ban/2026/ham-liem.md", HAM_LIEM)])
    relations = infer(graph)
    (link,) = relations.parents["21-kh-tu-2025"]
    assert link.parent == "53-ct-tw"  # no citation here gives its date
    (where,) = link.provenance
    assert where.path == "van-ban/2026/ham-liem.md" and where.line == 8  # the body starts on line 6, the item two lines below
    assert where.sentence.startswith("Tuyên truyền nội dung lãnh đạo, chỉ đạo của Tỉnh ủy")
    assert "Kế hoạch số 21-KH/TU, ngày 31/12/2025" in where.sentence
    # The ward letter sits under the province's plan, not beside it, in the directive's tree.
    root = tree(graph, relations, "53-ct-tw")
    assert [n.number for n in root.children] == ["21-KH/TU"]
    assert [n.label for n in root.children[0].children] == ["Văn bản van-ban/2026/ham-liem.md"]


def test_registry_states_what_a_text_does_not_and_corrects_facts():
    entries, problems = read_registry("content/van-ban-dan-chieu.yml", (
        "- id: 578-CV/BTGDVTU\n"
        "  issuer: Ban Tuyên giáo và Dân vận Tỉnh ủy Bình Thuận\n"
        "  link: https://example.org/578\n"
        "  implements: [21-KH/TU]\n"))
    assert problems == []
    front = "references: [{id: 578-CV/BTGDVTU, date: '2026-04-22', relation: implements}]\n"
    graph = build_graph([doc("van-ban/2026/ham-liem.md", HAM_LIEM, front)], registry=entries)
    cited = graph.cited["578-cv-btgdvtu-2026"]
    assert cited.issuer == "Ban Tuyên giáo và Dân vận Tỉnh ủy Bình Thuận" and cited.link == "https://example.org/578"
    relations = infer(graph, graph.registry)
    ways = chains(graph, relations, "van-ban/2026/ham-liem.md")
    assert [" ← ".join(", ".join(s.label for s in level) for level in way.levels) for way in ways] == \
        ["578-CV/BTGDVTU ← 21-KH/TU ← 53-CT/TW"]
    (link,) = relations.parents["578-cv-btgdvtu-2026"]
    assert link.provenance[0].path == "content/van-ban-dan-chieu.yml" and link.provenance[0].line == 1
    assert link.provenance[0].from_registry
    assert unmatched(entries, graph.cited.values()) == []
    wrong, _problems = read_registry("r.yml", "- id: 578-CV/BTGDVTU\n  implements: [12-KH/TU]\n- id: 9-KH/TU\n")
    assert [str(p) for p in unmatched(wrong, graph.cited.values())] == [
        "r.yml:1: '578-CV/BTGDVTU' triển khai '12-KH/TU', nhưng cổng không biết văn bản '12-KH/TU' hoặc biết nhiều "
        "văn bản cùng số này: quan hệ chưa được dùng — kiểm tra số ký hiệu trong implements; văn bản đó phải được "
        "một văn bản trên cổng dẫn chiếu",
        "r.yml:3: không văn bản nào trên cổng dẫn chiếu '9-KH/TU' — kiểm tra số ký hiệu và ngày ban hành; mục này vẫn "
        "dùng được cho 'implements' và 'replaces'"]


def test_registry_problems_name_the_line_and_the_fix():
    _entries, problems = read_registry("content/van-ban-dan-chieu.yml", (
        "- id: 53-CT/TW\n"
        "  date: '2025-10-32'\n"
        "  link: javascript:alert(1)\n"
        "  implement: [1-NQ/TW]\n"
        "- id: Chỉ thị 53\n"
        "- id: 53-CT/TW\n"))
    shown = [str(p) for p in problems]
    assert any(s.startswith("content/van-ban-dan-chieu.yml:2: ngày '2025-10-32' không hợp lệ") for s in shown)
    assert any(s.startswith("content/van-ban-dan-chieu.yml:3: đường dẫn 'javascript:alert(1)' không hợp lệ") for s in shown)
    assert any(s.startswith("content/van-ban-dan-chieu.yml:4: khóa 'implement' không dùng được") for s in shown)
    assert any(s.startswith("content/van-ban-dan-chieu.yml:5: số ký hiệu 'Chỉ thị 53' không hợp lệ") for s in shown)
    assert any(s.startswith("content/van-ban-dan-chieu.yml:6: '53-CT/TW' đã được khai báo ở dòng 1") for s in shown)
    assert all(" — " in s for s in shown)


def test_replaces_must_name_a_known_document():
    old = doc("van-ban/2026/04.md", "Thông báo cũ.\n", "number: 04-TB/ĐU\ndate: '2026-01-05'\n")
    new = doc("van-ban/2026/05.md", "Thông báo mới.\n", "number: 05-TB/ĐU\ndate: '2026-02-10'\nreplaces: [04-TB/ĐU]\n")
    changes, problems = resolve([old, new], [])
    assert problems == [] and [(c.source, c.target_path) for c in changes] == [("van-ban/2026/05.md", "van-ban/2026/04.md")]
    typo = doc("van-ban/2026/06.md", "Thông báo.\n", "number: 06-TB/ĐU\nreplaces: [40-TB/ĐU]\n")
    _changes, problems = resolve([old, typo], [])
    (problem,) = problems
    assert str(problem).startswith("van-ban/2026/06.md:6: '40-TB/ĐU' trong replaces không khớp văn bản nào")
    # A cited document the portal knows (here from the registry) may be replaced too.
    assert resolve([typo], [], registry_ids=["40-TB/ĐU"])[1] == []
    # The build reports it as well, through the graph.
    assert [p.code for p in build_graph([old, typo]).problems] == ["unknown-replaced"]


def test_deadlines_keep_periods_as_periods_and_invent_no_date():
    text = ("- Kế hoạch thực hiện phải \"**rõ kết quả**\" hoàn thành trong **quý I/2026**.\n"
            "- Chỉ đạo đưa nội dung Nghị quyết vào chuyên đề sinh hoạt Chi bộ hằng tháng.\n"
            "- Báo cáo kết quả **trước ngày 28/3/2026**.\n"
            "- Gửi báo cáo trước ngày 30/3.\n"
            "Việt Hưng, ngày 5 tháng 1 năm 2026\n")
    found = find_deadlines(text)
    assert [(d.kind, d.label, d.line) for d in found] == [
        ("period", "quý I/2026", 1), ("recurring", "hằng tháng", 2), ("day", "28/03/2026", 3),
        ("undated", "ngày 30/3 (văn bản không ghi năm)", 4)]
    quarter, monthly, day, undated = found
    assert (quarter.start, quarter.end) == (datetime.date(2026, 1, 1), datetime.date(2026, 4, 1))
    assert quarter.sentence == 'Kế hoạch thực hiện phải "rõ kết quả" hoàn thành trong quý I/2026.'
    assert (day.start, day.last_day) == (datetime.date(2026, 3, 28), datetime.date(2026, 3, 28))
    assert monthly.start is None and undated.start is None


def test_deadlines_found_around_markers_are_those_found_everywhere():
    texts = [path.read_text(encoding="utf-8") for path in sorted((REPO / "content" / "van-ban").glob("*/*.md"))]
    texts.append("Hoàn thành **trước ngày 5 tháng 1 năm 2026**; xong tháng 4/2026, hàng quý báo cáo; "
                 "trong năm 2025 và trước quý IV/2026, chậm nhất là ngày 30/6/2026, hạn chót 1/7.")
    for text in texts:
        assert find_deadlines(text) == find_deadlines(text, everywhere=True)
    assert len(find_deadlines(texts[-1])) == 7


def test_the_deadlines_page_shows_the_latest_and_counts_them_all():
    """At a city's scale the page would weigh megabytes: it shows the latest DEADLINES_SHOWN."""
    from directive_portal.cascade_pages import DEADLINES_SHOWN, DeadlinesView
    from directive_portal.pages import build_site

    days = [datetime.date(2026, 1, 1) + datetime.timedelta(days=i) for i in range(DEADLINES_SHOWN + 20)]
    body = "\n\n".join(f"Báo cáo kết quả trước ngày {d.day}/{d.month}/{d.year}." for d in days)
    site = build_site(build_graph([doc("van-ban/2026/nhieu-han.md", body)]), [])
    view = next(p.data for p in site.pages if isinstance(p.data, DeadlinesView))
    assert view.dated_total == len(days) and len(view.dated) == DEADLINES_SHOWN
    assert view.dated[-1].deadline.start == days[-1]  # the latest are kept (a day ends the next morning)


def _node(name: str, children=(), more: int = 0):
    from directive_portal.cascade import Node
    return Node(name, name, "", "", f"van-ban-dan-chieu/{name}/", children=tuple(children), more=more)


def _count(node) -> int:
    return sum(1 + _count(child) for child in node.children)


def test_a_cascade_past_its_budget_keeps_the_upper_levels_and_says_what_is_cut():
    from directive_portal.cascade import pruned
    plans = [_node(f"p{i}", [_node(f"p{i}-d{j}") for j in range(20)], more=3) for i in range(9)]
    root = _node("53-ct-tw", plans + [_node("d-direct")])
    small = pruned(root, 150)
    assert _count(root) == 190 and _count(small) == 150
    assert [c.label for c in small.children] == [c.label for c in root.children]  # the first level whole
    # Then the second level in order: 140 places left for 9 × 20 documents.
    assert [len(c.children) for c in small.children] == [20] * 7 + [0, 0, 0]
    assert [c.more for c in small.children] == [3] * 7 + [23, 23, 0]  # cut ones counted beside those past the limit
    assert pruned(root, 190) is root and pruned(root, 500) is root


def test_a_cut_node_links_to_its_own_page_and_the_root_to_the_list_below():
    from jinja2 import Environment, FileSystemLoader
    from directive_portal.nowrap import parts
    from directive_portal.cascade import pruned
    env = Environment(loader=FileSystemLoader(str(REPO / "overrides")), autoescape=True)
    env.filters.update(number_parts=parts, url=lambda url: "/" + url)
    root = pruned(_node("53-CT/TW", [_node("17-KH/TU", [_node("01-KH/ĐU"), _node("02-KH/ĐU")])], more=4), 2)
    html = env.from_string('{% import "partials/portal-cascade.html" as c %}{{ c.tree(root) }}').render(root=root)
    text = " ".join(re.sub(r"<[^>]+>", "", html).split())
    assert "và 4 văn bản khác (xem danh sách đầy đủ bên dưới)" in text
    assert "và 1 văn bản khác (xem tại trang 17-KH/TU)" in text
    assert '<a href="/van-ban-dan-chieu/17-KH/TU/">xem tại trang' in html and "02-KH/ĐU" not in text
