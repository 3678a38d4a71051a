"""`portal review --base REF` on a temporary git repository."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from directive_portal import review

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "check"
GOOD = "van-ban/2025/2025-12-20-cong-van-12-cv-du-viet-hung-tuyen-truyen.md"
OLD = """---
title: "Kế hoạch cũ về văn hóa"
type: ke-hoach
number: "7-KH/ĐU"
issuer: "Đảng ủy phường Việt Hưng"
date: "2025-06-01"
topics: [van-hoa]
---

Thực hiện Kế hoạch số 17-KH/TU ngày 11/12/2025 của Ban Thường vụ Thành ủy về tuyên truyền.
"""
NEW = """---
title: "Kế hoạch phát triển văn hóa | <b>2026</b>"
type: ke-hoach
number: "3-KH/ĐU"
issuer: "Đảng ủy phường Việt Hưng"
date: "2026-02-10"
topics: [van-hoa]
---

Thực hiện Nghị quyết số 80-NQ/TW ngày 07/01/2026 của Bộ Chính trị về phát triển văn hóa Việt Nam.
"""


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "base", content)
    (content / "van-ban" / "2025" / "ke-hoach-cu.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "README.md").write_text("kho thử\n", encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = review.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_word_changes_counts_words_added_and_removed():
    assert review.word_changes("một hai ba bốn", "một hai năm sáu bảy bốn") == (3, 1)
    assert review.word_changes("a b", "a b") == (0, 0)


def test_unchanged_tree_summary(repo, capsys):
    code, out, _ = run(capsys, "--base", "main")
    assert code == 0
    assert out.startswith("## Tóm tắt thay đổi văn bản (so với <code>main</code>)")
    assert "**0** văn bản mới · **0** văn bản sửa · **0** văn bản xóa · **0** trang thay đổi" in out
    assert "Không có lỗi, không có cảnh báo" in out


def test_added_changed_removed_pages_and_citations(repo, capsys):
    content = repo / "content"
    (content / "van-ban" / "2026").mkdir()
    (content / "van-ban" / "2026" / "ke-hoach-moi.md").write_text(NEW, encoding="utf-8")
    (content / "van-ban" / "2025" / "ke-hoach-cu.md").unlink()
    good = content / GOOD
    text = good.read_text(encoding="utf-8")
    text = text.replace('title: "Thực hiện công tác tuyên truyền trách nhiệm giải trình"',
                        'title: "Thực hiện tuyên truyền trách nhiệm giải trình"')
    good.write_text(text + "\nCác chi bộ báo cáo kết quả trước ngày 15/01/2026.\n", encoding="utf-8")

    code, out, _ = run(capsys, "--base", "main")
    assert code == 0
    # 14 pages, and /trien-khai/ (the new plan cites 80-NQ/TW), /han-thuc-hien/ (a new deadline),
    # and the year pages /van-ban/2025/ and /van-ban/2026/ (one loses a plan, the other is new).
    assert ("**1** văn bản mới · **1** văn bản sửa · **1** văn bản xóa · **18** trang thay đổi · "
            "**1** dẫn chiếu thêm · **1** dẫn chiếu mất · **0** lỗi · **0** cảnh báo") in out
    # Added, with the content's text escaped for a Markdown table.
    assert ("| <code>content/van-ban/2026/ke-hoach-moi.md</code> | Kế hoạch | 3-KH/ĐU | 10/02/2026 | "
            "Kế hoạch phát triển văn hóa \\| &lt;b&gt;2026&lt;/b&gt; | công bố |") in out
    assert f"- <code>content/{GOOD}</code> — *Thực hiện tuyên truyền trách nhiệm giải trình*: trường `title`; nội dung +10 / −0 từ" in out
    assert "- <code>content/van-ban/2025/ke-hoach-cu.md</code> — *Kế hoạch cũ về văn hóa*" in out
    pages = out.split("### Trang thay đổi trên cổng")[1].split("###")[0]
    for line in (
        "- **Trang chủ đề** (2)",  # the new plan's topic; the changed title's topic
        "  - <code>/chu-de/trach-nhiem-giai-trinh/</code> Trách nhiệm giải trình",
        "  - <code>/chu-de/van-hoa/</code> Văn hóa",
        "- **Trang văn bản dẫn chiếu** (4)",
        "  - <code>/van-ban-dan-chieu/53-ct-tw-2025/</code> Chỉ thị số 53-CT/TW",  # lists the changed title
        "  - <code>/van-ban-dan-chieu/80-nq-tw-2026/</code> Nghị quyết số 80-NQ/TW (trang mới)",
        "  - <code>/van-ban-dan-chieu/17-kh-tu-2025/</code> Kế hoạch số 17-KH/TU (trang bị bỏ)",
        "  - <code>/van-ban/2025/ke-hoach-cu/</code> Kế hoạch cũ về văn hóa (trang bị bỏ)",
        "  - <code>/van-ban/2026/ke-hoach-moi/</code> Kế hoạch phát triển văn hóa \\| &lt;b&gt;2026&lt;/b&gt; (trang mới)",
        "- **Trang khác** (3)",  # the home page, /trien-khai/, /han-thuc-hien/
    ):
        assert line in pages.splitlines(), pages
    assert ("- thêm: *Kế hoạch phát triển văn hóa \\| &lt;b&gt;2026&lt;/b&gt;* dẫn chiếu "
            "**Nghị quyết số 80-NQ/TW** ngày 07/01/2026") in out
    assert "- mất: *Kế hoạch cũ về văn hóa* dẫn chiếu **Kế hoạch số 17-KH/TU** ngày 11/12/2025" in out


def test_problems_found_by_check_are_listed(repo, capsys):
    folder = repo / "content" / "van-ban" / "2025"
    shutil.copy(FIXTURES / "rules" / "unsafe-html.md", folder / "unsafe-html.md")
    shutil.copy(FIXTURES / "rules" / "draft-document.md", folder / "draft-document.md")
    code, out, _ = run(capsys, "--base", "main")
    assert code == 0
    assert "**4** lỗi · **1** cảnh báo" in out
    assert "- **lỗi** <code>content/van-ban/2025/unsafe-html.md:12</code> có thẻ HTML &lt;script&gt;" in out
    assert "- cảnh báo <code>content/van-ban/2025/draft-document.md:7</code> văn bản đang là bản nháp" in out
    assert "| bản nháp |" in out


def test_unknown_ref_is_reported(repo, capsys):
    code, out, err = run(capsys, "--base", "origin/khong-co")
    assert code == 2 and out == ""
    assert "không có nhánh hay commit 'origin/khong-co'" in err


def test_content_folder_new_since_the_base(tmp_path, monkeypatch, capsys):
    (tmp_path / "README.md").write_text("kho trống\n", encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "empty")
    shutil.copytree(FIXTURES / "base", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "--base", "main")
    assert code == 0 and "**1** văn bản mới" in out


def test_cli_routes_to_review(repo, capsys):
    from directive_portal import cli

    assert cli.main(["review", "--base", "HEAD"]) == 0
    assert "## Tóm tắt thay đổi văn bản" in capsys.readouterr().out
