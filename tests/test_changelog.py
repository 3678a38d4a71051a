"""What changed, for the public: document histories and /cap-nhat/ from git, and the build's commit
in the footer. A real repository is made in a temporary folder, commit by commit, with fixed dates."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys

import pytest

from directive_portal import pipeline, revisions
from directive_portal.changelog import build_version, day_start, histories
from directive_portal.model import Document

from sites import make_site

REPOSITORY = "https://github.com/phuong-viet-hung/cong-van-ban"
FIRST = "van-ban/2026/ke-hoach.md"
SECOND = "van-ban/2026/thay-the.md"
PLAN = """\
---
title: "Kế hoạch tuyên truyền zqxkh"
type: ke-hoach
number: "7-KH/ĐU"
issuer: "Đảng ủy phường Việt Hưng"
date: "2026-03-01"
topics: [trach-nhiem-giai-trinh]
---

Nội dung kế hoạch, bản đầu.
"""
REPLACING = """\
---
title: "Kế hoạch mới thay thế zqxtt"
type: ke-hoach
number: "9-KH/ĐU"
issuer: "Đảng ủy phường Việt Hưng"
date: "2026-04-01"
replaces: [7-KH/ĐU]
---

Nội dung kế hoạch mới.
"""


def git(cwd, *args, date="2026-03-02T03:00:00+00:00") -> str:
    env = dict(os.environ, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date, GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def commit(root, message: str, date: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, date=date)
    return git(root, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    """Add a plan; fix its text; fix its number's issuer line; an unrelated commit; a new plan
    replaces it; then a branch merged into the main line (its change dated by the merge)."""
    root = tmp_path_factory.mktemp("changelog")
    config = make_site(root, {FIRST: PLAN})
    git(root, "init", "-q", "-b", "main")
    shas = {"added": commit(root, "add", "2026-03-02T03:00:00+00:00")}
    plan = root / "content" / FIRST
    plan.write_text(PLAN.replace("bản đầu", "bản đã sửa lỗi chính tả"), encoding="utf-8")
    shas["body"] = commit(root, "fix text", "2026-03-05T18:30:00+00:00")  # 06/03 in Hà Nội
    plan.write_text(PLAN.replace("bản đầu", "bản đã sửa lỗi chính tả").replace('date: "2026-03-01"',
                                                                                 'date: "2026-03-02"'), encoding="utf-8")
    shas["metadata"] = commit(root, "fix date", "2026-03-10T03:00:00+00:00")
    (root / "content" / "gioi-thieu.md").write_text("# Giới thiệu\n\nĐã sửa.\n", encoding="utf-8")
    commit(root, "not a document", "2026-03-11T03:00:00+00:00")
    (root / "content" / SECOND).write_text(REPLACING, encoding="utf-8")
    shas["replacing"] = commit(root, "replace", "2026-04-02T03:00:00+00:00")
    git(root, "checkout", "-q", "-b", "sua")
    plan.write_text(plan.read_text(encoding="utf-8").replace("Kế hoạch tuyên truyền", "Kế hoạch tuyên truyền, vận động")
                    .replace("lỗi chính tả", "lỗi chính tả và ngày"), encoding="utf-8")
    commit(root, "on a branch", "2026-04-03T03:00:00+00:00")
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "-m", "merge", "sua", date="2026-04-20T03:00:00+00:00")
    shas["merged"] = git(root, "rev-parse", "HEAD").strip()
    return root, config, shas


def test_the_log_gives_each_document_s_versions_with_what_changed(repository):
    root, _config, shas = repository
    log = revisions.load_log(str(root / "content"))
    assert log.from_git and log.prefix == "content/"
    assert [(v.commit, v.kind) for v in log.versions[FIRST]] == [
        (shas["added"], "added"), (shas["body"], "body"), (shas["metadata"], "metadata"), (shas["merged"], "both")]
    assert [(v.commit, v.kind) for v in log.versions[SECOND]] == [(shas["replacing"], "added")]
    assert "gioi-thieu.md" not in log.versions  # pages that are not documents have no history


def test_a_document_moved_unchanged_keeps_its_history():
    log = "\0".join([
        "", "c3 300\n\n:100644 000000 bbb 000 D\tvan-ban/2025/a.md\n:000000 100644 000 bbb A\tvan-ban/2026/a.md\n",
        "c2 200\n\n:100644 100644 aaa bbb M\tvan-ban/2025/a.md\n",
        "c1 100\n\n:000000 100644 000 aaa A\tvan-ban/2025/a.md\n"])
    changes = revisions.file_changes(revisions.parse_raw_log(log))
    assert list(changes) == ["van-ban/2026/a.md"]
    assert [(c.commit, c.status) for c in changes["van-ban/2026/a.md"]] == [("c1", "A"), ("c2", "M")]


def _history(versions, publish_on=None):
    log = revisions.Log({"van-ban/a.md": tuple(versions)}, "content/", True)
    doc = Document("van-ban/a.md", "A", "ke-hoach", "", 1, publish_on=publish_on)
    view = type("View", (), {"document": doc, "replaced_by": ()})()
    return [(r.date, r.summary, r.commit) for r in histories(log, {"van-ban/a.md": view}).get("van-ban/a.md", ())]


def _at(day: int) -> int:
    return day_start(datetime.date(2026, 1, day)) + 3600


def test_a_scheduled_document_is_published_on_its_day_not_at_its_commit():
    Version = revisions.Version
    assert _history([Version("c1", _at(1), "added")], datetime.date(2026, 1, 2)) == [("02/01/2026", "công bố", "c1")]
    # Corrected before its day: published as corrected; corrected after: a correction.
    assert _history([Version("c1", _at(1), "added"), Version("c2", _at(3), "body"), Version("c3", _at(9), "metadata")],
                    datetime.date(2026, 1, 5)) == [("05/01/2026", "công bố", "c2"), ("09/01/2026", "sửa thông tin", "c3")]
    # Added after the day it names: published when added.
    assert _history([Version("c1", _at(8), "added")], datetime.date(2026, 1, 2)) == [("08/01/2026", "công bố", "c1")]


def test_a_draft_is_published_when_its_status_says_so():
    Version = revisions.Version
    assert _history([Version("c1", _at(1), "added", draft=True), Version("c2", _at(2), "body", draft=True),
                     Version("c3", _at(4), "metadata"), Version("c4", _at(6), "body"),
                     Version("c5", _at(7), "metadata", draft=True), Version("c6", _at(9), "metadata")]) == [
        ("04/01/2026", "công bố", "c3"), ("06/01/2026", "sửa nội dung", "c4"), ("09/01/2026", "công bố lại", "c6")]


def test_drafts_are_told_apart_in_the_repository(tmp_path):
    content = tmp_path / "content" / "van-ban" / "2026"
    content.mkdir(parents=True)
    plan = content / "a.md"
    draft = PLAN.replace("topics:", "status: draft  # chưa ký\ntopics:")
    git(tmp_path, "init", "-q")
    for index, text in enumerate([draft, draft.replace("bản đầu", "bản hai"), PLAN.replace("bản đầu", "bản hai"),
                                  PLAN.replace("bản đầu", "bản ba")]):
        plan.write_text(text, encoding="utf-8")
        commit(tmp_path, f"v{index}", f"2026-01-0{index + 1}T03:00:00+00:00")
    log = revisions.load_log(str(tmp_path / "content"))
    assert [(v.kind, v.draft) for v in log.versions["van-ban/2026/a.md"]] == [
        ("added", True), ("body", True), ("metadata", False), ("body", False)]


def test_outside_git_there_is_no_history(tmp_path):
    log = revisions.load_log(str(tmp_path))
    assert not log.from_git and log.versions == {}
    assert build_version(str(tmp_path), "0123456789abcdef0123456789abcdef01234567").date == ""
    assert build_version(str(tmp_path), "") is None and build_version(str(tmp_path), "--output=x") is None


def _built(root, config, *, repository_url: str = "", commit: str | None = None):
    text = config.read_text(encoding="utf-8")
    if repository_url:
        text = text.replace("  portal:\n", f"  portal:\n    repository: {repository_url}\n", 1)
    config.write_text(text, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PORTAL_BUILD_COMMIT"}
    if commit is not None:
        env["PORTAL_BUILD_COMMIT"] = commit
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                            cwd=root, capture_output=True, text=True, env=dict(env, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 0, result.stderr
    site = root / "site"
    return {name: (site / name).read_text(encoding="utf-8") for name in
            ("van-ban/2026/ke-hoach/index.html", "cap-nhat/index.html", "index.html", "van-ban/index.html")}


def _items(html: str, css_class: str) -> list[str]:
    found = re.findall(rf'<li class="[^"]*{css_class}[^"]*">(.*?)</li>', html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in found]


@pytest.fixture(scope="module")
def built(repository):
    root, config, shas = repository
    return shas, _built(root, config, repository_url=REPOSITORY + "/", commit=shas["merged"])


def test_the_document_page_shows_its_history_oldest_first(built):
    shas, pages = built
    page = pages["van-ban/2026/ke-hoach/index.html"]
    assert _items(page, "portal-history__item") == [
        "02/03/2026 : công bố · xem bản này",
        "06/03/2026 : sửa nội dung · xem bản này",
        "10/03/2026 : sửa thông tin · xem bản này",
        "02/04/2026 : được thay thế bởi Kế hoạch số 9-KH/ĐU ngày 01/04/2026",
        "20/04/2026 : sửa nội dung và thông tin · xem bản này",
    ]
    for key in ("added", "body", "metadata", "merged"):
        assert f'href="{REPOSITORY}/blob/{shas[key]}/content/{FIRST}"' in page
    assert 'href="../thay-the/">Kế hoạch số 9-KH/ĐU ngày 01/04/2026</a>' in page
    assert '<time datetime="2026-03-06">06/03/2026</time>' in page


def test_the_recent_changes_page_lists_the_newest_first(built):
    _shas, pages = built
    recent = pages["cap-nhat/index.html"]
    assert _items(recent, "portal-history__item") == [
        "Kế hoạch tuyên truyền, vận động zqxkh 20/04/2026 : sửa nội dung và thông tin · xem bản này",
        "Kế hoạch mới thay thế zqxtt 02/04/2026 : công bố · xem bản này",
        "Kế hoạch tuyên truyền, vận động zqxkh 02/04/2026 : được thay thế bởi Kế hoạch số 9-KH/ĐU ngày 01/04/2026",
        "Kế hoạch tuyên truyền, vận động zqxkh 10/03/2026 : sửa thông tin · xem bản này",
        "Kế hoạch tuyên truyền, vận động zqxkh 06/03/2026 : sửa nội dung · xem bản này",
        "Kế hoạch tuyên truyền, vận động zqxkh 02/03/2026 : công bố · xem bản này",
    ]
    assert 'href="../van-ban/2026/ke-hoach/"' in recent
    assert 'href="cap-nhat/">Cập nhật gần đây</a>' in pages["index.html"]


def test_the_footer_names_the_build_s_commit_and_its_date(built):
    shas, pages = built
    short = shas["merged"][:7]
    for page in pages.values():
        assert (f'Phiên bản:\n        <a href="{REPOSITORY}/commit/{shas["merged"]}" rel="nofollow"><code>{short}</code></a>'
                f' (<time datetime="2026-04-20">20/04/2026</time>)') in page


def test_without_a_repository_no_links_and_without_the_variable_no_build_identifier(repository, tmp_path):
    root, config, shas = repository
    plain = tmp_path / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(f"    repository: {REPOSITORY}/\n", "")
    plain.write_text(re.sub(r"(?m)^site_dir: .*$", f"site_dir: {tmp_path / 'site'}", text), encoding="utf-8")
    pages = _built(tmp_path, plain)
    page = pages["van-ban/2026/ke-hoach/index.html"]
    assert "06/03/2026</time>:\n  sửa nội dung" in page and "xem bản này" not in page and "/blob/" not in page
    assert not any("Phiên bản" in p for p in pages.values())
    assert "github.com" not in "".join(pages.values())


def test_a_shallow_clone_has_no_history_rather_than_a_wrong_one(repository, tmp_path):
    root, _config, _shas = repository
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{root}", str(clone))
    assert not revisions.load_log(str(clone / "content")).from_git
    git(clone, "fetch", "-q", "--unshallow")
    kinds = [v.kind for v in revisions.load_log(str(clone / "content")).versions[FIRST]]
    assert kinds == ["added", "body", "metadata", "both"]


def test_a_build_outside_git_says_it_has_no_history(tmp_path):
    config = make_site(tmp_path, {FIRST: PLAN})
    pages = _built(tmp_path, config, commit="0123456789abcdef0123456789abcdef01234567")
    assert "Không có lịch sử thay đổi" in pages["cap-nhat/index.html"]
    assert "Lịch sử văn bản" not in pages["van-ban/2026/ke-hoach/index.html"]
    assert "Phiên bản:\n        <code>0123456</code>\n      </p>" in pages["index.html"]  # no date: git does not know it


def test_the_build_reads_git_only_when_a_page_asks(repository, monkeypatch):
    root, _config, _shas = repository
    calls = []
    monkeypatch.setattr(revisions, "run_git", lambda *args, **kw: calls.append(args) or None)
    built = pipeline.build(str(root / "content"))
    assert built.site.documents and calls == []  # check and review never read git
    assert built.page_info(FIRST).versions == ()  # git (here failing) asked, for the first page
    assert built.page_info(SECOND).versions == () and len(calls) == 1  # once
