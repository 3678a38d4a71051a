"""`portal new`: a template filled with what is known, at the layout's path, never overwriting."""

from __future__ import annotations

import datetime
import shutil
import subprocess
from pathlib import Path

import pytest

from directive_portal import checks, newdoc
from directive_portal.frontmatter import read_document
from directive_portal.model import PartialDate
from directive_portal.paths import document_relpath

REPO = Path(__file__).resolve().parent.parent
TODAY = datetime.date(2026, 11, 30)
TITLE = "Tuyên truyền thực hiện Chỉ thị số 53-CT/TW về trách nhiệm giải trình"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A temporary git repository holding the base fixture content, as an editor's checkout."""
    shutil.copytree(REPO / "tests" / "fixtures" / "check" / "base", tmp_path / "content")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base"],
                   cwd=tmp_path, check=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _untracked(repo: Path) -> list[str]:
    out = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=repo,
                         capture_output=True, text=True, check=True).stdout
    return [line[3:] for line in out.splitlines()]


def test_new_plan_is_written_where_the_layout_says_and_is_valid(repo, capsys):
    args = ["--type", "ke-hoach", "--title", TITLE, "--place", "Việt Hưng", "--date", "05/03/2026",
            "--issuer", "Ban Thường vụ Đảng ủy phường Việt Hưng"]
    assert newdoc.main(args, today=TODAY) == 0
    rel = document_relpath("ke-hoach", "", PartialDate(2026, 3, 5), "Việt Hưng", TITLE)
    assert capsys.readouterr().out.strip() == f"content/{rel}"
    assert _untracked(repo) == [f"content/{rel}"]

    text = (repo / "content" / rel).read_text(encoding="utf-8")
    doc, problems = read_document(rel, text, ["trach-nhiem-giai-trinh", "van-hoa"])
    assert problems == [] and doc is not None
    assert (doc.type, doc.title, doc.place, doc.date.iso(), doc.status) == (
        "ke-hoach", TITLE, "Việt Hưng", "2026-03-05", "draft")
    assert doc.issuer == "Ban Thường vụ Đảng ủy phường Việt Hưng"
    assert doc.topics == ("trach-nhiem-giai-trinh",)  # suggested by the title's words
    assert [(r.id, r.relation) for r in doc.references] == [("53-CT/TW", "implements")]  # cited by the title
    assert "## I. MỤC ĐÍCH, YÊU CẦU" in doc.body

    # The whole content still checks: only the draft warning for the new file.
    result = checks.check_content("content", "content/")
    assert [(p.path, p.code) for p in result.problems] == [(f"content/{rel}", "draft-document")]


def test_new_refuses_to_overwrite(repo, capsys):
    args = ["--type", "cong-van", "--title", "Về việc tuyên truyền"]
    assert newdoc.main(args, today=TODAY) == 0
    rel = capsys.readouterr().out.strip()
    (repo / rel).write_text("đã sửa\n", encoding="utf-8")
    assert newdoc.main(args, today=TODAY) == 1
    assert "tệp đã có, không ghi đè" in capsys.readouterr().err
    assert (repo / rel).read_text(encoding="utf-8") == "đã sửa\n"


def test_without_a_title_the_file_is_made_and_check_asks_for_it(repo, capsys):
    assert newdoc.main(["--type", "cong-van"], today=TODAY) == 0
    rel = capsys.readouterr().out.strip()
    assert rel == "content/van-ban/2026/2026-cong-van-chua-so-van-ban.md"  # this year; no day invented
    result = checks.check_content("content", "content/")
    assert [(p.path, p.code) for p in result.errors] == [(rel, "missing-title")]


def test_bad_input_is_refused_before_writing(repo, capsys):
    assert newdoc.main(["--type", "ke-hoach", "--date", "30/02/2026"], today=TODAY) == 2
    assert newdoc.main(["--type", "ke-hoach", "--topic", "khong-co"], today=TODAY) == 2
    assert "khong-co" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        newdoc.main(["--type", "ke-hoatch"], today=TODAY)
    assert _untracked(repo) == []


def test_cli_routes_to_new(repo, capsys):
    from directive_portal import cli

    assert cli.main(["new", "--type", "thong-bao", "--title", "Thông báo kết luận", "--date", "2026-04"]) == 0
    assert capsys.readouterr().out.strip().startswith("content/van-ban/2026/2026-04-thong-bao-chua-so-")
