"""Editors see Vietnamese: argparse's usage, help and errors in every `portal` subcommand,
and a named file (never `[Errno 2] ...`) when a path is missing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from directive_portal import checks, cli, review
from directive_portal.arguments import ArgumentParser, translate

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "check"
GOOD = "content/van-ban/2025/2025-12-20-cong-van-12-cv-du-viet-hung-tuyen-truyen.md"
ENGLISH = re.compile(r"usage:|error:|required|invalid choice|unrecognized|expected one|show this help|"
                     r"positional arguments|options:|Errno|No such file")

BAD_CALLS = [  # (argv, a word of the Vietnamese message expected)
    (["check", "--format", "xml"], "không hợp lệ"),
    (["check", "--bogus"], "không hiểu tham số: --bogus"),
    (["new"], "thiếu tham số bắt buộc: --type"),
    (["new", "--type", "thu"], "chọn một trong"),
    (["new", "--type", "ke-hoach", "--title"], "--title cần một giá trị"),
    (["review"], "thiếu tham số bắt buộc: --base"),
    (["review", "--base"], "--base cần một giá trị"),
    (["import"], "thiếu tham số bắt buộc: TỆP"),
    (["import", "a.txt", "--khong"], "không hiểu tham số: --khong"),
    (["build", "--khong"], "không hiểu tham số: --khong"),
    (["serve", "--khong"], "không hiểu tham số: --khong"),
]


@pytest.mark.parametrize("argv,expected", BAD_CALLS)
def test_argument_errors_are_vietnamese(argv, expected, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Cách dùng: portal " + argv[0])
    assert f"portal {argv[0]}: lỗi: " in err and expected in err
    assert not ENGLISH.search(err), err


@pytest.mark.parametrize("name", ["import", "check", "new", "review", "build", "serve"])
def test_help_is_vietnamese(name, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main([name, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("Cách dùng: portal " + name)
    assert "tùy chọn:" in out and re.search(r"-h, --help\s+in hướng dẫn này rồi thoát", out)
    assert not ENGLISH.search(out), out


def test_unknown_messages_are_kept_and_known_ones_translated():
    assert translate("argument --type: invalid choice: 'x' (choose from a, b)") == \
        "giá trị 'x' của --type không hợp lệ — chọn một trong: a, b"
    assert translate("something new") == "something new"
    parser = ArgumentParser(prog="portal thu")
    parser.add_argument("file")
    assert "tham số:" in parser.format_help()


def test_check_counts_the_files_it_was_given(tmp_path, capsys, monkeypatch):
    shutil.copytree(FIXTURES / "base", tmp_path / "content")
    shutil.copy(FIXTURES / "rules" / "draft-document.md", tmp_path / "content" / "van-ban" / "2025")
    monkeypatch.chdir(tmp_path)
    total = len(list((tmp_path / "content" / "van-ban").rglob("*.md")))
    assert total > 1
    assert checks.main([GOOD]) == 0
    assert "Đã kiểm tra 1 văn bản" in capsys.readouterr().err
    assert checks.main([]) == 0
    assert f"Đã kiểm tra {total} văn bản" in capsys.readouterr().err


def test_review_outside_the_repo_names_the_missing_content_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert review.main(["--base", "main"]) == 2
    err = capsys.readouterr().err
    assert "không tìm thấy thư mục nội dung 'content'" in err and "git" not in err


@pytest.mark.parametrize("argv,named", [
    (["import", "khong-co.docx"], "khong-co.docx: không tìm thấy tệp"),
    (["import", "khong-co.txt", "--dry-run"], "khong-co.txt: không tìm thấy tệp"),
    (["import", "--topics", "khong-co.yml", "a.txt"], "khong-co.yml: không tìm thấy tệp"),
    (["check", "khong-co.md"], "khong-co.md:1: không tìm thấy tệp"),
    (["review", "--base", "main", "--content", "khong-co"], "không tìm thấy thư mục nội dung 'khong-co'"),
    (["new", "--type", "ke-hoach", "--content", "/proc/khong-co"], "/proc/khong-co: không tìm thấy tệp"),
    (["build", "-f", "khong-co.yml"], "khong-co.yml: không tìm thấy tệp"),
    (["serve", "-f", "khong-co.yml"], "khong-co.yml: không tìm thấy tệp"),
])
def test_a_missing_path_is_named_in_vietnamese(argv, named, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main(argv) != 0
    err = capsys.readouterr().err
    assert named in err and not ENGLISH.search(err), err
