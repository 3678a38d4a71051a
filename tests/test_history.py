"""Last change of each content file: parsing `git log`, a real repository, the fallback outside git."""

from __future__ import annotations

import os
import subprocess

from directive_portal.history import History, load_history, parse_git_log

LOG = (
    "\x001767225600\n\nvan-ban/2026/moi.md\ntopics.yml\n"
    "\x001735689600\n\nvan-ban/2026/moi.md\nvan-ban/2025/cũ.md\n"
    "\x001704067200\n\n"  # a commit touching nothing here (a merge)
)


def test_parse_git_log_keeps_the_newest_time_of_each_file():
    assert parse_git_log(LOG) == {
        "van-ban/2026/moi.md": 1767225600,
        "topics.yml": 1767225600,
        "van-ban/2025/cũ.md": 1735689600,
    }


def test_dates_are_shown_in_vietnam_time():
    # 2025-12-31 20:00 UTC is already 1 January 2026 in Hà Nội.
    history = History({"a.md": 1767211200})
    info = history.info("a.md")
    assert (info.changed, info.changed_iso) == ("01/01/2026", "2026-01-01")
    assert history.update_date("a.md", environ={}) == "2026-01-01"
    assert history.update_date("a.md", environ={"SOURCE_DATE_EPOCH": "0"}) is None


def test_pages_without_a_source_get_the_newest_change():
    history = History({"a.md": 1735689600, "b.md": 1767211200})
    assert history.info("chu-de/van-hoa.md").changed == "01/01/2026"


def _git(cwd, *args, date="2025-03-04T10:00:00+00:00"):
    env = dict(os.environ, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date,
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def test_one_git_log_for_a_real_repository(tmp_path):
    content = tmp_path / "content"
    (content / "van-ban" / "2025").mkdir(parents=True)
    (content / "van-ban" / "2025" / "kế-hoạch.md").write_text("một\n", encoding="utf-8")
    (content / "van-ban" / "2025" / "dang-sua.md").write_text("bản đầu\n", encoding="utf-8")
    (content / "index.md").write_text("trang chủ\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("ngoài content\n", encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "first")
    (content / "index.md").write_text("trang chủ mới\n", encoding="utf-8")
    _git(tmp_path, "commit", "-q", "-am", "second", date="2025-06-07T10:00:00+00:00")
    # Not committed: a new file, and a committed file edited since.
    (content / "chua-commit.md").write_text("mới\n", encoding="utf-8")
    (content / "van-ban" / "2025" / "dang-sua.md").write_text("đang sửa\n", encoding="utf-8")
    for name in ("chua-commit.md", "van-ban/2025/dang-sua.md"):
        os.utime(content / name, (1767211200, 1767211200))

    history = load_history(str(content))
    assert history.from_git
    assert history.info("van-ban/2025/kế-hoạch.md").changed == "04/03/2025"  # non-ASCII name unquoted
    assert history.info("index.md").changed == "07/06/2025"
    assert history.info("chua-commit.md").changed == "01/01/2026"  # not committed yet: file time
    assert history.info("van-ban/2025/dang-sua.md").changed == "01/01/2026"  # edited since: file time
    assert "README.md" not in history.times


def test_outside_git_file_times_are_used(tmp_path):
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    os.utime(tmp_path / "a.md", (1735689600, 1735689600))
    history = load_history(str(tmp_path))
    assert not history.from_git
    assert history.info("a.md").changed == "01/01/2025"
