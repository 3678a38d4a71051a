"""Shared fixtures of the browser tests: one built site, one server, one Chromium per session.

`built_site` is the repo's configuration and templates over the documents in
tests/fixtures/search/ (letters and plans citing 53-CT/TW, 57-NQ/TW, 80-NQ/TW);
`server_url` serves it on localhost; `page` is a fresh 360x800 phone-sized tab
that records every request it makes (`page.requests_outside` lists those that
left the site). Screenshots go to test-artifacts/ (gitignored).

Pages carry a Content-Security-Policy (csp.py) that refuses eval and added inline scripts:
give `wait_for_function` a function (`"() => ..."`), since Playwright runs a bare expression
through eval, and run tools such as axe-core with `page.evaluate`, not `add_script_tag`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks.static_server import CHROMIUM, CHROMIUM_ARGS, serve_plain
from benchmarks.sitebuild import REPO_ROOT, build, content_with_documents, write_config

ARTIFACTS = Path(REPO_ROOT) / "test-artifacts"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("browser-site")
    content = content_with_documents(str(root / "content"), os.path.join(REPO_ROOT, "tests", "fixtures", "search", "van-ban"))
    build(write_config(str(root / "mkdocs.yml"), content, str(root / "site")))
    return root / "site"


@pytest.fixture(scope="session")
def server_url(built_site):
    server, base = serve_plain(str(built_site))
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (tests/run.sh installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server_url):
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="vi-VN")
    tab = context.new_page()
    tab.requests_outside = []
    tab.errors = []
    tab.on("request", lambda r: r.url.startswith((server_url, "data:", "blob:")) or tab.requests_outside.append(r.url))
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    yield tab
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
