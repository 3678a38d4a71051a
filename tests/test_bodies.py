"""The registry of issuing bodies (content/co-quan.yml): reading, validation, normalising."""

from __future__ import annotations

import shutil
from pathlib import Path

from directive_portal import checks
from directive_portal.bodies import Bodies, Body, read_bodies
from directive_portal.graph import CitedDocument

REPO = Path(__file__).resolve().parent.parent
BASE = REPO / "tests" / "fixtures" / "check" / "base"

REGISTRY = """\
- name: Ban Tuyên giáo và Dân vận Thành ủy Hà Nội
  aliases:
    - Ban Tuyên giáo và Dân vận Thành ủy
- name: Bộ Chính trị
"""


def test_aliases_and_the_full_name_give_the_full_name():
    bodies, problems = read_bodies("content/co-quan.yml", REGISTRY)
    assert problems == []
    assert bodies.canonical("Ban Tuyên giáo và Dân vận Thành ủy") == "Ban Tuyên giáo và Dân vận Thành ủy Hà Nội"
    assert bodies.canonical("ban tuyen giao va dan van  Thanh uy.") == "Ban Tuyên giáo và Dân vận Thành ủy Hà Nội"
    assert bodies.canonical("Ban Tuyên giáo và Dân vận Thành ủy Hà Nội") == "Ban Tuyên giáo và Dân vận Thành ủy Hà Nội"
    # A name the registry does not list stays as written: every province has its standing board.
    assert bodies.canonical("Ban Thường vụ Tỉnh ủy") == "Ban Thường vụ Tỉnh ủy"


def test_cited_documents_get_the_full_name():
    bodies = Bodies((Body("Ban Tuyên giáo và Dân vận Thành ủy Hà Nội", 1, ("Ban Tuyên giáo và Dân vận Thành ủy",)),))
    cited = {"261-cv-btgdvtu": CitedDocument("261-cv-btgdvtu", "261-CV/BTGDVTU", "cong-van", None,
                                             "Ban Tuyên giáo và Dân vận Thành ủy", ""),
             "21-kh-tu": CitedDocument("21-kh-tu", "21-KH/TU", "ke-hoach", None, "Ban Thường vụ Tỉnh ủy", "")}
    out = bodies.normalise(cited)
    assert out["261-cv-btgdvtu"].issuer == "Ban Tuyên giáo và Dân vận Thành ủy Hà Nội"
    assert out["21-kh-tu"] is cited["21-kh-tu"]


def test_problems_name_the_line_and_the_fix():
    text = REGISTRY + "- name: Ban Tuyên giáo Thành ủy\n  aliases:\n    - ban tuyen giao va dan van thanh uy\n- aliases: [x]\n- name: X\n  province: Y\n"
    _bodies, problems = read_bodies("content/co-quan.yml", text)
    shown = [str(p) for p in problems]
    assert shown == [
        "content/co-quan.yml:5: tên 'ban tuyen giao va dan van thanh uy' đã có ở cơ quan dòng 1 "
        "('Ban Tuyên giáo và Dân vận Thành ủy Hà Nội') — một tên chỉ thuộc một cơ quan: xóa một trong hai, hoặc gộp hai mục làm một",
        "content/co-quan.yml:8: mỗi cơ quan phải là một nhóm khóa bắt đầu bằng 'name' (tên đầy đủ) — "
        "viết '- name: Ban Tuyên giáo và Dân vận Thành ủy Hà Nội'",
        "content/co-quan.yml:9: khóa 'province' không dùng trong danh mục cơ quan — chỉ dùng 'name' và 'aliases' (các tên gọi khác)",
    ]
    assert read_bodies("content/co-quan.yml", "name: x\n")[1][0].code == "not-list"
    assert read_bodies("content/co-quan.yml", "")[1] == []


def test_portal_check_reports_the_registry(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    (content / "co-quan.yml").write_text("- name: A\n- name: B\n  aliases: [a]\n", encoding="utf-8")
    result = checks.check_content(str(content), "content/")
    assert [(p.path, p.line, p.code) for p in result.problems] == [("content/co-quan.yml", 2, "duplicate-body-name")]


def test_real_registry_is_valid_and_used():
    bodies, problems = read_bodies("content/co-quan.yml", (REPO / "content" / "co-quan.yml").read_text(encoding="utf-8"))
    assert problems == [] and bodies.bodies
