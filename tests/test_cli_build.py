"""`portal build`: MkDocs run from Python, its progress and failures in Vietnamese, honest exit codes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import sites

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "check"
ENGLISH = ("INFO", "Aborted", "BuildError", "Documentation built", "end of life", "Traceback")


def portal(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`portal ARGS` from a launcher named `mkdocs`: Material prints its end-of-life notice only
    when the program is called so, unless NO_MKDOCS_2_WARNING is set (portal sets it itself)."""
    launcher = root / "launcher" / "mkdocs"
    launcher.parent.mkdir(exist_ok=True)
    launcher.write_text("import sys\nfrom directive_portal.cli import main\nsys.exit(main())\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    return subprocess.run([sys.executable, str(launcher), *args], cwd=root, capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    root = tmp_path_factory.mktemp("portal-build")
    sites.make_site(root, {})
    shutil.copytree(FIXTURES / "base" / "van-ban", root / "content" / "van-ban")
    return root


def test_a_good_build(root):
    result = portal(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert "Đang xây dựng trang từ content/ vào site/..." in result.stderr
    assert "Đã xây dựng xong trong " in result.stderr
    assert not any(word in result.stderr + result.stdout for word in ENGLISH), result.stderr
    assert (root / "site" / "index.html").is_file()


@pytest.mark.parametrize("rule,strict,expected", [
    ("bad-date.md", False, "content/van-ban/2025/bad-date.md:4: ngày '2026-02-30' không hợp lệ"),
    ("ambiguous-citation.md", True, "có 1 cảnh báo mà --strict coi như lỗi"),
])
def test_a_failed_build_says_why_in_vietnamese(root, rule, strict, expected):
    before = sorted(p.name for p in (root / "site").rglob("*"))
    added = root / "content" / "van-ban" / "2025" / rule
    shutil.copy(FIXTURES / "rules" / rule, added)
    try:
        result = portal(root, "build", *(["--strict"] if strict else []))
    finally:
        added.unlink()
    assert result.returncode == 1
    assert expected in result.stderr
    assert "lỗi: Xây dựng không thành công" in result.stderr and "thư mục site/ giữ nguyên" in result.stderr
    assert not any(word in result.stderr + result.stdout for word in ENGLISH), result.stderr
    assert sorted(p.name for p in (root / "site").rglob("*")) == before


@pytest.mark.parametrize("added", ["\nuse_directory_urls: maybe\n", "\n  - wrongly: [indented\n"])
def test_a_broken_configuration_is_named(root, added):
    """MkDocs refuses the configuration (a wrong value, broken YAML): the editor reads which
    file, in Vietnamese, and exit 1."""
    broken = root / "broken.yml"
    broken.write_text((root / "mkdocs.yml").read_text(encoding="utf-8") + added, encoding="utf-8")
    try:
        result = portal(root, "build", "-f", "broken.yml")
    finally:
        broken.unlink()
    assert result.returncode == 1
    assert "lỗi: cấu hình broken.yml không hợp lệ: " in result.stderr
    assert "sửa tệp cấu hình rồi chạy lại" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_commands_know_no_site_generator(tmp_path, capsys, monkeypatch):
    """`build_messages.run` is the whole command but the generator's call, which a second
    adapter would hand it: its arguments, a missing configuration, and a failure."""
    from directive_portal.build_messages import CommandFailed, run

    monkeypatch.chdir(tmp_path)
    calls = []
    assert run("build", lambda command, args: calls.append((command, args.dirty)), ["--dirty"]) == 1
    assert calls == [] and "mkdocs.yml" in capsys.readouterr().err  # no configuration: not called
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert run("serve", lambda command, args: calls.append((command, args.dirty)), ["--dirty"]) == 0
    assert calls == [("serve", True)]

    def refused(command, args):
        raise CommandFailed("Xây dựng không thành công")

    assert run("build", refused, []) == 1
    assert capsys.readouterr().err == "lỗi: Xây dựng không thành công\n"
