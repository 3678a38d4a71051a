"""Two builds of one site at once take turns (atomic.lock): site/ is always one complete
build, exit codes are honest, and a build right after `kill -9` of another one works."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from directive_portal import atomic

import sites

DOCUMENTS = {  # two letters citing one directive: document, cited and topic pages, feeds, search
    "van-ban/2026/cong-van-1.md": """
        ---
        title: "Về tăng cường trách nhiệm giải trình"
        type: cong-van
        number: "1-CV/ĐU"
        issuer: "Ban Thường vụ Đảng ủy phường Việt Hưng"
        date: "2026-01-05"
        topics: [trach-nhiem-giai-trinh]
        ---

        Thực hiện Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị về trách nhiệm giải trình.
        """,
    "van-ban/2026/cong-van-2.md": """
        ---
        title: "Về chuyển đổi số"
        type: cong-van
        number: "2-CV/ĐU"
        issuer: "Ban Thường vụ Đảng ủy phường Việt Hưng"
        date: "2026-01-06"
        topics: [chuyen-doi-so]
        ---

        Tiếp tục thực hiện Chỉ thị số 53-CT/TW và Nghị quyết số 57-NQ/TW.
        """,
}


def files(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())


def start(config: Path) -> subprocess.Popen:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                            cwd=config.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("lock")
    config = sites.make_site(root, DOCUMENTS)
    result = sites.build(config)
    assert result.returncode == 0, result.stderr
    return config, files(root / "site")


def test_the_second_taker_waits_and_says_so(tmp_path):
    first = atomic.lock(str(tmp_path / "site"))
    waited, taken = threading.Event(), threading.Event()

    def second():
        atomic.unlock(atomic.lock(str(tmp_path / "site"), waited.set))
        taken.set()

    thread = threading.Thread(target=second)
    thread.start()
    assert waited.wait(5) and not taken.wait(0.3)
    atomic.unlock(first)
    assert taken.wait(5)
    thread.join()


def test_two_builds_at_once_leave_one_complete_site(site):
    config, single = site
    root = config.parent
    waited = 0
    for _round in range(3):
        builds = [start(config), start(config)]
        outputs = [b.communicate(timeout=300) for b in builds]
        assert [b.returncode for b in builds] == [0, 0], [err for _out, err in outputs]
        assert files(root / "site") == single
        assert sites.leftovers(root) == []
        waited += sum("đợi nó xong rồi mới xây dựng tiếp" in err for _out, err in outputs)
    assert waited  # started together, one of two waited at least once (and said so)


def test_a_build_right_after_kill_9_works(site):
    config, single = site
    root = config.parent
    for _round in range(2):
        build = start(config)
        sites.eventually(lambda: any((root / name).is_dir() and any((root / name).iterdir())
                                     for name in sites.leftovers(root)), timeout=120)  # it writes into its staging folder
        build.send_signal(signal.SIGKILL)
        build.communicate()
        result = sites.build(config)
        assert result.returncode == 0, result.stderr
        assert "FileExistsError" not in result.stderr
        assert files(root / "site") == single
        assert sites.leftovers(root) == []
