"""`portal serve` with broken content answers every address with a Vietnamese page listing
every problem (MkDocs' own server would hold each request until a build succeeds), and
shows the site again once the file is fixed. `mkdocs build` keeps failing (test_build_safety)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import jinja2
import pytest

from directive_portal import error_page
from directive_portal.model import Problem

import sites
from benchmarks.measure import free_port

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "check"
DOCUMENT = """
    ---
    title: "Về tăng cường trách nhiệm giải trình"
    type: cong-van
    number: "1-CV/ĐU"
    issuer: "Ban Thường vụ Đảng ủy phường Việt Hưng"
    date: "2026-01-05"
    ---

    Thực hiện Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị về trách nhiệm giải trình.
    """
ERROR_TITLE = "chưa xem trước được trang"


def fetch(url: str) -> tuple[int, str]:
    """Status and text of a page; a server that holds the request fails the test (timeout)."""
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def wait_for(url: str, text: str, timeout: float = 60) -> tuple[int, str]:
    deadline = time.monotonic() + timeout
    while True:
        try:
            status, body = fetch(url)
            if text in body:
                return status, body
        except (urllib.error.URLError, ConnectionError):
            status, body = 0, "(server not up)"
        if time.monotonic() > deadline:
            raise AssertionError(f"{url} never showed {text!r}; last answer {status}: {body[:300]}")
        time.sleep(0.3)


@pytest.fixture(params=["", "--dirty"])
def served(tmp_path, request):
    config = sites.make_site(tmp_path, {"van-ban/2026/cong-van.md": DOCUMENT})
    port = free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    server = subprocess.Popen([sys.executable, "-m", "directive_portal.cli", "serve", "-f", str(config),
                               "--dev-addr", f"127.0.0.1:{port}", *filter(None, [request.param])],
                              cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    base = f"http://127.0.0.1:{port}/"
    yield tmp_path / "content", base
    server.send_signal(signal.SIGINT)
    try:
        output = server.communicate(timeout=20)[0]
    except subprocess.TimeoutExpired:
        server.kill()
        output = server.communicate()[0]
    print(output)  # shown when a test fails
    assert "INFO" not in output and "Traceback" not in output and "nav" not in output, output
    assert f"Xem trang tại {base}" in output and "Thấy tệp thay đổi, đang xây dựng lại..." in output


def test_broken_content_shows_the_problems_then_the_fixed_site(served):
    content, base = served
    page = base + "van-ban/2026/cong-van/"
    status, body = wait_for(page, "Về tăng cường trách nhiệm giải trình")
    assert status == 200 and ERROR_TITLE not in body

    shutil.copy(FIXTURES / "rules" / "bad-date.md", content / "van-ban" / "2026" / "bad-date.md")
    (content / "van-ban" / "2026" / "khac.md").write_text("---\ntitle: 'x'\ntype: thu\n---\n", encoding="utf-8")
    status, body = wait_for(page, ERROR_TITLE)  # the old page is gone, not served stale
    assert status == 404 and "Nội dung có 2 lỗi" in body
    assert "content/van-ban/2026/bad-date.md:4</code>: ngày &#39;2026-02-30&#39; không hợp lệ" in body
    assert "content/van-ban/2026/khac.md:3</code>" in body and "Cách sửa: " in body
    for address in ("", "chu-de/van-hoa/", "khong-co/trang/nay"):
        assert ERROR_TITLE in fetch(base + address)[1]

    (content / "van-ban" / "2026" / "bad-date.md").unlink()
    (content / "van-ban" / "2026" / "khac.md").unlink()
    status, body = wait_for(page, "Về tăng cường trách nhiệm giải trình")
    assert status == 200 and ERROR_TITLE not in body
    assert fetch(base)[0] == 200


def test_the_page_escapes_every_value():
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(REPO / "overrides")))
    problem = Problem("content/<b>.md", 3, "tiêu đề '<script>alert(1)</script>'", "xóa \"<img src=x>\"")
    html = error_page.render(env, (problem,))
    assert "<script>alert" not in html and "<img" not in html and "<b>.md" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "content/&lt;b&gt;.md:3" in html
    # Nothing requested outside the site; a policy that allows only the page's own style.
    assert "http" not in html.replace('http-equiv="refresh"', "").replace('http-equiv="Content-Security-Policy"', "")
    assert "script-src 'self';" in html and html.count("sha256-") == 1
