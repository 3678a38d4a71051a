"""Scheduled publication: `publish_on` holds a document back, exactly like a draft, until its day."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from directive_portal import checks, feeds, pipeline, site_files
from directive_portal.frontmatter import read_document
from directive_portal.schedule import today_in_vietnam
from directive_portal.search.entries import entries

from sites import build as mkdocs_build, make_site

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "check"
TODAY = datetime.date(2026, 5, 10)
TOPICS = ("trach-nhiem-giai-trinh",)


def document(title: str, number: str, publish_on: str) -> str:
    return (f'---\ntitle: "{title}"\ntype: thong-bao\nnumber: "{number}"\n'
            f'issuer: "Đảng ủy phường Việt Hưng"\ndate: "2026-05-01"\ntopics: [trach-nhiem-giai-trinh]\n'
            f"publish_on: {publish_on}\n---\n\nNội dung thông báo.\n")


TOMORROW = ("van-ban/2026/ngay-mai.md", document("Thông báo zqxmai hẹn ngày mai", "31-TB/ĐU", "'2026-05-11'"))
ON_THE_DAY = ("van-ban/2026/hom-nay.md", document("Thông báo zqxnay hẹn hôm nay", "32-TB/ĐU", "'2026-05-10'"))
PAST = ("van-ban/2026/hom-qua.md", document("Thông báo zqxqua hẹn hôm qua", "33-TB/ĐU", "2026-05-09"))


def content_with(tmp_path: Path, *docs: tuple[str, str]) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "base", content)
    for rel, text in docs:
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, encoding="utf-8")
    return content


# ---- reading the key ----

def test_publish_on_is_read_as_a_day():
    doc, problems = read_document("a.md", document("Thông báo", "1-TB/ĐU", "'2026-12-01'"), TOPICS)
    assert problems == [] and doc.publish_on == datetime.date(2026, 12, 1)
    doc, problems = read_document("a.md", document("Thông báo", "1-TB/ĐU", "2026-12-01"), TOPICS)  # unquoted too
    assert problems == [] and doc.publish_on == datetime.date(2026, 12, 1)


@pytest.mark.parametrize("value, reason", [
    ("'2026-02-30'", "tháng 2/2026 không có ngày 30"),
    ("'2026-12'", "thiếu ngày"),
    ("2026", "thiếu ngày và tháng"),
    ("ngày mai", "không có dạng YYYY-MM-DD"),
    ("'01/12/2026'", "không có dạng YYYY-MM-DD"),
    ("[2026-12-01]", "không có dạng YYYY-MM-DD"),
])
def test_a_bad_day_is_refused_at_its_line(value, reason):
    doc, problems = read_document("content/van-ban/2026/a.md", document("Thông báo", "1-TB/ĐU", value), TOPICS)
    assert doc is None
    assert len(problems) == 1 and problems[0].code == "bad-date" and problems[0].line == 8
    text = str(problems[0])
    assert text.startswith("content/van-ban/2026/a.md:8: ngày ") and "ở 'publish_on' không hợp lệ" in text
    assert reason in text and "— viết đủ ngày, tháng, năm dạng YYYY-MM-DD, ví dụ publish_on: '2026-12-01'" in text


def test_today_is_vietnam_s_day():
    # 17:30 UTC on 9 May is 00:30 on 10 May in Hà Nội.
    now = datetime.datetime(2026, 5, 9, 17, 30, tzinfo=datetime.timezone.utc)
    assert today_in_vietnam(now) == datetime.date(2026, 5, 10)


# ---- the build: absent until the day, present from it ----

def test_a_document_waits_for_its_day_in_every_part_of_the_site(tmp_path):
    content = content_with(tmp_path, TOMORROW, ON_THE_DAY, PAST)
    built = pipeline.build(str(content), pipeline.Settings(today=TODAY))
    assert built.errors == ()
    assert built.settings.today == TODAY
    site = built.site
    assert not built.published(TOMORROW[0])
    assert built.published(ON_THE_DAY[0]) and built.published(PAST[0])
    assert TOMORROW[0] not in site.documents and {ON_THE_DAY[0], PAST[0]} <= set(site.documents)
    # Listings, topic pages, the home page: every generated page's data.
    every_page = repr([page.data for page in site.pages])
    assert "zqxmai" not in every_page and "zqxnay" in every_page and "zqxqua" in every_page
    assert "31-TB" not in repr(site.link_targets)
    found = entries(site)  # the search index
    assert not any("zqxmai" in e.title for e in found)
    assert any("zqxnay" in e.title for e in found) and any("zqxqua" in e.title for e in found)
    written = feeds.feeds(site, site_files.Settings("https://van-ban.example.org/", "Cổng", str(content)))
    assert not any(b"zqxmai" in body for body in written.values())
    assert b"zqxnay" in written["feed.xml"] and b"zqxqua" in written["feed.xml"]
    # The next day it is published.
    later = pipeline.build(str(content), pipeline.Settings(today=TODAY + datetime.timedelta(days=1)))
    assert TOMORROW[0] in later.site.documents


def test_a_link_to_a_scheduled_document_is_a_link_to_a_draft(tmp_path):
    linking = ("van-ban/2026/lien-ket.md", document("Thông báo có liên kết", "34-TB/ĐU", "''")
               + "\nXem [thông báo](ngay-mai.md).\n")
    content = content_with(tmp_path, TOMORROW, linking)
    built = pipeline.build(str(content), pipeline.Settings(today=TODAY))
    assert TOMORROW[0] not in built.site.documents
    result = checks.check_content(str(content), "content/", TODAY)
    broken = [p for p in result.problems if p.code == "broken-link"]
    assert len(broken) == 1 and "chưa tới ngày hẹn công bố" in broken[0].message


def test_check_reports_what_is_scheduled_without_failing_strict(tmp_path, capsys, monkeypatch):
    far = ("van-ban/2026/sau-nay.md", document("Thông báo sau này", "35-TB/ĐU", "'2999-01-02'"))
    content_with(tmp_path, far, PAST)
    monkeypatch.chdir(tmp_path)
    assert checks.main(["--strict"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == ["content/van-ban/2026/sau-nay.md:8: hẹn công bố ngày 02/01/2999"]
    assert "0 lỗi, 0 cảnh báo, 1 văn bản hẹn ngày công bố." in captured.err
    assert checks.main(["--format", "github"]) == 0
    assert capsys.readouterr().out.startswith("::notice file=content/van-ban/2026/sau-nay.md,line=8,")


def test_mkdocs_build_leaves_a_scheduled_document_out(tmp_path):
    """Through MkDocs, with the real day: a day far ahead is not published, a day past is."""
    far = ("van-ban/2026/sau-nay.md", document("Thông báo zqxsau hẹn sau này", "35-TB/ĐU", "'2999-01-02'"))
    config = make_site(tmp_path, dict([far, PAST]))
    result = mkdocs_build(config)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "van-ban" / "2026" / "hom-qua" / "index.html").exists()
    assert not (site / "van-ban" / "2026" / "sau-nay").exists()
    texts = {p: p.read_bytes().lower() for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"}
    assert not [p for p, text in texts.items() if b"zqxsau" in text or b"sau-nay" in text]
    for name in ("feed.xml", "index.html", "van-ban/index.html"):
        assert b"zqxqua" in texts[site / name], name
    assert any(b"zqxqua" in text for p, text in texts.items() if "search" in p.parts)
