"""Values from content never start a line of their own in a log (a CI log runs a line
starting with `::error` as a workflow command), nor break `portal review`'s Markdown."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from directive_portal import checks, review
from directive_portal.model import Problem
from directive_portal.text import one_line

import sites

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "check"
HOSTILE = """---
title: "Kế hoạch\\n::error file=a.md,line=1::tiêu đề"
type: ke-hoach
number: "3-KH/ĐU"
issuer: "Đảng ủy\\r\\n::error::cơ quan"
date: "2026-13-01\\n::error::ngày"
topics: [van-hoa]
---

Nội dung.
"""


def commands(text: str) -> list[str]:
    """The lines GitHub's runner would read as workflow commands (it trims leading spaces)."""
    return [line for line in text.splitlines() if line.lstrip().startswith("::")]


def test_one_line_shows_breaks_and_control_characters():
    assert one_line("a\n::error::x") == "a ⏎ ::error::x"
    assert one_line("a\r\nb\u2028c\x85d") == "a ⏎ b ⏎ c ⏎ d"
    assert one_line("\x1b[31mđỏ\x00\u202e") == "\\x1b[31mđỏ\\x00\\u202e"
    assert one_line("Kế hoạch số 17-KH/TU") == "Kế hoạch số 17-KH/TU"


def test_problems_print_on_one_line():
    problem = Problem("content/a.md", 2, "tiêu đề 'x\n::error::y'", "sửa\n::warning::z", "warning")
    for text in (str(problem), checks.format_problem(problem)):
        assert "\n" not in text and "\r" not in text and not commands(text)
    annotation = checks.format_problem(problem, "github")  # one command, the value inside it
    assert commands(annotation) == [annotation] and "x%0A::error::y" in annotation
    assert str(Problem("::error::a.md", 1, "x")).startswith("./::error::a.md:1: ")


def test_check_prints_hostile_values_on_one_line(tmp_path, capsys, monkeypatch):
    shutil.copytree(FIXTURES / "base", tmp_path / "content")
    (tmp_path / "content" / "van-ban" / "2025" / "ke-hoach.md").write_text(HOSTILE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for style in ("text", "github"):
        assert checks.main(["--format", style]) == 1
        out, err = capsys.readouterr()
        assert "::error::ngày" in out  # the value is shown ...
        bad = commands(out + err)
        assert bad == [] if style == "text" else all(line.startswith("::error file=") for line in bad)


def test_build_log_prints_hostile_values_on_one_line(tmp_path):
    config = sites.make_site(tmp_path, {"van-ban/2026/ke-hoach.md": HOSTILE}, with_repo_pages=False)
    result = sites.build(config, strict=False)
    assert result.returncode == 1
    assert "::error::ngày" in result.stderr
    assert commands(result.stdout + result.stderr) == []


def test_review_escapes_file_names_and_values(tmp_path, capsys, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "base", content)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], cwd=tmp_path, check=True)
    name = "a`b|c[d](e)<i>.md"
    (content / "van-ban" / "2025" / name).write_text(HOSTILE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    review.main(["--base", "main"])
    out = capsys.readouterr().out
    assert "<code>content/van-ban/2025/a\\`b\\|c\\[d\\](e)&lt;i&gt;.md</code>" in out
    assert name not in out and "<i>" not in out
    assert "2026-13-01 ⏎ ::error::ngày" in out  # the value, on its line
    assert commands(out) == []
    assert review.md("x\n- [y](javascript:z) `c` | <b>") == "x ⏎ - \\[y\\](javascript:z) \\`c\\` \\| &lt;b&gt;"
