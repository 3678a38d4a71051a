"""Fixture site for the phone, sharing and offline tests: a long plan, letters
citing central directives, two documents sharing one number, a wide table.

`make_phone_site(root)` writes the content and returns the mkdocs.yml path;
the site is built once per test session (see conftest / the fixtures below).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sites import make_site  # noqa: E402

PARAGRAPH = (
    "- Tổ chức quán triệt, tuyên truyền sâu rộng, cụ thể hóa kịp thời, đồng bộ, hiệu quả Nghị quyết "
    "Đại hội XIV của Đảng đến toàn thể cán bộ, đảng viên và Nhân dân trên địa bàn phường; bảo đảm đưa "
    "nghị quyết nhanh chóng đi vào cuộc sống, gắn với thực hiện Chỉ thị số 53-CT/TW ngày 26/10/2025 "
    "của Bộ Chính trị về trách nhiệm giải trình.\n"
)
ROMAN = ["I", "II", "III", "IV", "V", "VI"]
TITLES = ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG TUYÊN TRUYỀN", "HÌNH THỨC TUYÊN TRUYỀN",
          "THỜI GIAN THỰC HIỆN", "KINH PHÍ", "TỔ CHỨC THỰC HIỆN"]


def long_plan_body() -> str:
    parts = ["Thực hiện Kế hoạch số 51-KH/TU ngày 20/03/2026 của Thành ủy Hà Nội, Ban Thường vụ "
             "Đảng ủy phường ban hành kế hoạch thực hiện, cụ thể như sau:\n"]
    for roman, title in zip(ROMAN, TITLES):
        parts.append(f"## {roman}. {title}\n")
        for n in range(1, 4):
            parts.append(f"### {n}. Nội dung {n} của mục {roman}\n")
            for m in range(1, 3):
                parts.append(f"#### {n}.{m}. Nhiệm vụ cụ thể {n}.{m}\n")
                parts.append(PARAGRAPH * 4)
        if roman == "V":
            parts.append(
                "| Số TT | Nội dung | Số tài khoản nhận kinh phí | Đơn vị chủ trì | Thời gian |\n"
                "|---|---|---|---|---|\n"
                "| 1 | Tuyên truyền trên hệ thống loa truyền thanh | 0011004123456789012345678 | Văn phòng Đảng ủy | Quý II/2026 |\n"
                "| 2 | In ấn tài liệu, khẩu hiệu, pa-nô, áp phích | 0011004987654321098765432 | Ủy ban Mặt trận Tổ quốc phường | Quý III/2026 |\n")
            parts.append("Mã hồ sơ trên hệ thống: 000.00.35.H26-260320-000123456789012345678901234567890.\n")
    return "\n".join(parts)


LONG_PLAN = """\
---
title: Tuyên truyền, vận động thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng
type: ke-hoach
number: 21-KH/ĐU
issuer: Ban Thường vụ Đảng ủy phường Việt Hưng
place: Việt Hưng
date: '2026-03-25'
signer: {name: Nguyễn Văn An, title: Phó Bí thư Thường trực, on_behalf: T/M Ban Thường vụ}
distribution: [Thành ủy Hà Nội (để báo cáo), Các chi bộ trực thuộc, Lưu Văn phòng Đảng ủy]
topics: [xay-dung-dang, trach-nhiem-giai-trinh]
references:
  - {id: 51-KH/TU, date: '2026-03-20', issuer: Thành ủy Hà Nội, title: "Tuyên truyền, vận động thực hiện Nghị quyết Đại hội XIV", relation: implements}
---
"""

LETTER = """\
---
title: Về việc triển khai thực hiện Chỉ thị số 53-CT/TW của Bộ Chính trị
type: cong-van
number: 15-CV/ĐU
issuer: Ban Thường vụ Đảng ủy phường Việt Hưng
place: Việt Hưng
date: '2026-01-05'
signer: {name: Trần Thị Bình, title: Bí thư, on_behalf: T/M Ban Thường vụ}
recipients: [Các chi bộ trực thuộc, Ủy ban nhân dân phường]
distribution: [Như kính gửi, Lưu Văn phòng Đảng ủy]
topics: [trach-nhiem-giai-trinh]
references:
  - {id: 53-CT/TW, date: '2025-10-26', issuer: Bộ Chính trị, title: Tăng cường trách nhiệm giải trình, relation: implements}
---

Thực hiện Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị, Ban Thường vụ Đảng ủy phường đề nghị các chi bộ:

1. Tổ chức quán triệt nội dung Chỉ thị đến toàn thể đảng viên.

2. Báo cáo kết quả về Văn phòng Đảng ủy trước ngày 30/01/2026.
"""

SAME_NUMBER = """\
---
title: Về việc tổ chức Ngày hội văn hóa phường
type: cong-van
number: 15-CV/ĐU
issuer: Ban Thường vụ Đảng ủy phường Khương Đình
place: Khương Đình
date: '2025-11-02'
signer: {name: Lê Văn Cường, title: Phó Bí thư, on_behalf: T/M Ban Thường vụ}
topics: [van-hoa]
---

Thực hiện Nghị quyết số 80-NQ/TW ngày 07/01/2026 của Bộ Chính trị về phát triển văn hóa, đề nghị các đơn vị phối hợp tổ chức.
"""

DOCUMENTS = {
    "van-ban/2026/21-kh-du-tuyen-truyen-dai-hoi-xiv.md": LONG_PLAN + "\n" + long_plan_body(),
    "van-ban/2026/15-cv-du-trien-khai-chi-thi-53.md": LETTER,
    "van-ban/2025/15-cv-du-ngay-hoi-van-hoa.md": SAME_NUMBER,
}
LONG_PLAN_URL = "van-ban/2026/21-kh-du-tuyen-truyen-dai-hoi-xiv/"
LETTER_URL = "van-ban/2026/15-cv-du-trien-khai-chi-thi-53/"


def make_phone_site(root: Path) -> Path:
    return make_site(root, DOCUMENTS)


# --- Shared test resources -------------------------------------------------
# Test modules import the fixtures below. pytest registers an imported fixture
# once per module, so each resource is memoized in the session's `config.stash`
# and closed by `config.add_cleanup`: one build and one server per prefix for the
# whole session, without module globals. The browser is conftest.py's.

import shutil  # noqa: E402
import tempfile  # noqa: E402

import pytest  # noqa: E402

from sites import build  # noqa: E402

REPO = Path(__file__).resolve().parent.parent.parent
ARTIFACTS = REPO / "test-artifacts" / "phone"
PHONES = {"360x800": {"width": 360, "height": 800}, "412x915": {"width": 412, "height": 915}}
_STORE: pytest.StashKey[dict] = pytest.StashKey()


def _shared(config: pytest.Config, key: str, factory, closer=None):
    store = config.stash.setdefault(_STORE, {})
    if key not in store:
        store[key] = factory()
        if closer is not None:
            config.add_cleanup(lambda: closer(store[key]))
    return store[key]


def _build_site() -> Path:
    root = Path(tempfile.mkdtemp(prefix="phone-site-"))
    config = make_phone_site(root)
    result = build(config)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def phone_site(request) -> Path:
    """The fixture site, built once with `mkdocs build --strict`."""
    return _shared(request.config, "site", _build_site,
                   lambda site: shutil.rmtree(site.parent, ignore_errors=True))


def _server(request, site: Path, prefix: str) -> str:
    from benchmarks.static_server import serve

    return _shared(request.config, f"server{prefix}", lambda: serve(str(site), prefix),
                   lambda served: served.stop()).url


@pytest.fixture(scope="session")
def site_url(request, phone_site) -> str:
    """Base URL of the fixture site served at the root, with gzip."""
    return _server(request, phone_site, "/")


@pytest.fixture(scope="session")
def subpath_url(request, phone_site) -> str:
    """The same site served under `/portal/`."""
    return _server(request, phone_site, "/portal/")


@pytest.fixture(scope="session")
def chromium(browser):
    """The session's one headless Chromium: conftest.py's `browser` fixture."""
    return browser


@pytest.fixture()
def phone(chromium):
    """A fresh context (no cache, no service worker) at 360×800 with a touch screen."""
    context = chromium.new_context(viewport=PHONES["360x800"], device_scale_factor=2,
                                   is_mobile=True, has_touch=True, locale="vi-VN")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    yield page
    context.close()


def shot(page, name: str) -> Path:
    """Screenshot into test-artifacts/phone/, for people to look at: the whole
    page when it is short, the first three screens when it is long."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    viewport = page.viewport_size or {"width": 360, "height": 800}
    height = page.evaluate("document.documentElement.scrollHeight")
    if height <= viewport["height"] * 3:
        page.screenshot(path=str(path), full_page=True)
    else:
        page.screenshot(path=str(path), full_page=True,
                        clip={"x": 0, "y": 0, "width": viewport["width"], "height": viewport["height"] * 3})
    return path


def watch_requests(page, base_url: str) -> list[str]:
    """Collect every request to another origin than the site's."""
    from urllib.parse import urlsplit

    origin = urlsplit(base_url)[:2]
    outside: list[str] = []

    def check(request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts[:2] != origin:
            outside.append(request.url)

    page.on("request", check)
    return outside
