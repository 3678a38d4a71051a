"""`portal publish`: releases in a folder on this machine, the `current` switch, pruning,
rollback, failed uploads, and the same commands sent over SSH (a stand-in `ssh`, no network)."""

from __future__ import annotations

import os
import shlex
import shutil
import stat
from datetime import datetime
from pathlib import Path

import pytest

from directive_portal import publish_command, release
from directive_portal.release import PublishError, Runner, Target

NOW = datetime(2026, 12, 1, 9, 30, 0, tzinfo=release.VIETNAM)


def make_site(folder: Path, version: str) -> Path:
    (folder / "van-ban" / "a").mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(f"<p>Trang chủ {version}</p>", encoding="utf-8")
    (folder / "van-ban" / "a" / "index.html").write_text(f"<p>Văn bản {version}</p>", encoding="utf-8")
    return folder


def live(root: Path) -> str:
    return (root / "current" / "index.html").read_text(encoding="utf-8")


def releases(root: Path) -> list[str]:
    return sorted(os.listdir(root / "releases"), key=release.order)


def publish(tmp_path: Path, root: Path, version: str, **kwargs) -> str:
    site = make_site(tmp_path / f"site-{version}", version)
    name, _pruned = release.publish(str(site), Target(str(root)), now=NOW, commit="abc1234def", **kwargs)
    return name


def test_publish_twice_switches_current_to_the_newest(tmp_path):
    root = tmp_path / "server"
    first = publish(tmp_path, root, "v1")
    assert first == "20261201-093000-abc1234"
    assert live(root) == "<p>Trang chủ v1</p>"
    second = publish(tmp_path, root, "v2")
    assert second == "20261201-093000-abc1234-2"  # same second and commit: a new name all the same
    assert os.readlink(root / "current") == f"releases/{second}"  # relative: the folder can move
    assert live(root) == "<p>Trang chủ v2</p>"
    assert (root / "current" / "van-ban" / "a" / "index.html").read_text(encoding="utf-8") == "<p>Văn bản v2</p>"
    assert releases(root) == [first, second]
    assert not [n for n in os.listdir(root) if n not in ("current", "releases")], "no temporary link left"


def test_old_releases_pruned_to_keep(tmp_path):
    root = tmp_path / "server"
    names = [publish(tmp_path, root, f"v{i}", keep=3) for i in range(5)]
    assert releases(root) == names[-3:]
    assert live(root) == "<p>Trang chủ v4</p>"


def test_rollback_restores_the_previous_release(tmp_path):
    root = tmp_path / "server"
    first, second = publish(tmp_path, root, "v1"), publish(tmp_path, root, "v2")
    assert release.rollback(Target(str(root))) == (second, first)
    assert live(root) == "<p>Trang chủ v1</p>"
    state = release.read_state(Runner(), Target(str(root)))
    assert state == release.State((first, second), first)
    assert release.listing(state)[:2] == [f"  {second}  (01/12/2026 09:30:00, commit abc1234)",
                                          f"* {first}  (01/12/2026 09:30:00, commit abc1234)"]
    with pytest.raises(PublishError, match="bản cũ nhất"):
        release.rollback(Target(str(root)))
    assert live(root) == "<p>Trang chủ v1</p>"
    # The next publication is the newest; the release rolled back from is pruned before the live one.
    third = publish(tmp_path, root, "v3", keep=2)
    assert releases(root) == [second, third] and live(root) == "<p>Trang chủ v3</p>"


def fake_tool(folder: Path, name: str, body: str) -> None:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


BROKEN = {  # unpack half the site and break, as a full disk or a cut connection would
    "tar": 'while [ "$1" != -C ]; do shift; done\necho half > "$2/index.html"\n'
           'echo "tar: write error: No space left on device" >&2\nexit 2\n',
    "rsync": 'for last; do :; done\necho half > "$last/index.html"\n'
             'echo "rsync: write failed: No space left on device (28)" >&2\nexit 11\n',
}


@pytest.mark.parametrize("method", ["tar", "rsync"])
def test_a_failed_upload_leaves_current_untouched(tmp_path, monkeypatch, method):
    root = tmp_path / "server"
    first = publish(tmp_path, root, "v1", method="tar")
    fake_tool(tmp_path / "bin", method, BROKEN[method])
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(PublishError) as failure:
        publish(tmp_path, root, "v2", method=method)
    assert "No space left on device" in str(failure.value) and "current) giữ nguyên" in str(failure.value)
    assert os.readlink(root / "current") == f"releases/{first}"
    assert live(root) == "<p>Trang chủ v1</p>"
    assert release.read_state(Runner(), Target(str(root))).releases == (first,)  # the half release is not listed
    monkeypatch.undo()
    second = publish(tmp_path, root, "v3")
    assert releases(root) == [first, second], "the next publication removes what the failed one left"


@pytest.mark.parametrize("case", ["missing", "empty", "no-index"])
def test_refuses_a_site_that_was_not_built(tmp_path, capsys, case):
    site = tmp_path / "site"
    if case != "missing":
        site.mkdir()
    if case == "no-index":
        (site / "style.css").write_text("p{}", encoding="utf-8")
    root = tmp_path / "server"
    assert publish_command.main([str(root), "--site", str(site)]) == 1
    message = capsys.readouterr().err
    assert "portal build --strict" in message and ("index.html" in message) == (case == "no-index")
    assert not root.exists(), "nothing is sent"


def test_list_and_keep_from_the_command_line(tmp_path, capsys):
    root = tmp_path / "server"
    assert publish_command.main([str(root), "--list"]) == 0
    assert capsys.readouterr().out.strip() == "Chưa có bản nào."
    site = make_site(tmp_path / "site", "v1")
    assert publish_command.main([str(root), "--site", str(site), "--keep", "0"]) == 1
    assert "--keep" in capsys.readouterr().err
    assert publish_command.main([str(root), "--site", str(site)]) == 0
    assert "Đã xuất bản: current → releases/" in capsys.readouterr().out
    assert publish_command.main([str(root), "--list"]) == 0
    assert capsys.readouterr().out.startswith("* ")


@pytest.mark.parametrize("text, target", [
    ("ward@203.0.113.5:/srv/portal", Target("/srv/portal", "ward@203.0.113.5")),
    ("server:portal", Target("portal", "server")),
    ("/srv/portal", Target("/srv/portal")),
    ("./a:b", Target("./a:b")),
    ("thu muc", Target("thu muc")),
])
def test_parse_target(text, target):
    assert release.parse_target(text) == target


@pytest.mark.parametrize("text", ["-oProxyCommand=x:/srv", "host:"])
def test_parse_target_refuses(text):
    with pytest.raises(PublishError, match="không hợp lệ"):
        release.parse_target(text)


def test_ssh_command_line_quotes_paths():
    root = "/srv/ward's portal; rm -rf ~"
    script = release.switch_script(root, "20261201-093000-abc1234")
    argv = Runner("ward@server").argv(script)
    assert argv[:5] == ["ssh", "-o", "BatchMode=yes", "--", "ward@server"]
    # The server's shell splits the command line back into exactly `sh -c SCRIPT`...
    assert shlex.split(argv[5]) == ["sh", "-c", script]
    # ...and the script's own words keep the path whole.
    assert shlex.split(script)[:4] == ["set", "-e;", "cd", root + ";"]
    assert Runner().argv(script) == ["sh", "-c", script]


# A stand-in `ssh`: skips its options and the host, and runs the rest as sshd does (the words
# joined by spaces, read by the server's shell). rsync calls it as `ssh -l USER HOST rsync ...`.
FAKE_SSH = """echo "$@" >> {log}
while case "$1" in -o|-l) true;; *) false;; esac; do shift 2; done
[ "$1" = -- ] && shift
shift
exec sh -c "$*"
"""


@pytest.mark.parametrize("method", ["tar", "rsync"])
def test_publish_list_and_rollback_over_ssh(tmp_path, monkeypatch, method):
    """The whole flow through `ssh`, into a folder whose name has spaces and quotes."""
    if method == "rsync" and not shutil.which("rsync"):
        pytest.skip("rsync is not installed: tests/run.sh installs it")
    log = tmp_path / "ssh.log"
    fake_tool(tmp_path / "bin", "ssh", FAKE_SSH.format(log=shlex.quote(str(log))))
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    root = tmp_path / "máy chủ" / "ward's \"portal\""
    target = release.parse_target(f"ward@server:{root}")
    names = []
    for version in ("v1", "v2"):
        site = make_site(tmp_path / f"site-{version}", version)
        names.append(release.publish(str(site), target, now=NOW, commit="abc1234", method=method)[0])
    assert live(root) == "<p>Trang chủ v2</p>"
    assert release.read_state(Runner(target.host), target) == release.State(tuple(names), names[1])
    release.rollback(target)
    assert live(root) == "<p>Trang chủ v1</p>"
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls and all(call.startswith("-o BatchMode=yes ") for call in calls)
    scripts = [call for call in calls if call.startswith("-o BatchMode=yes -- ward@server sh -c ")]
    assert len(calls) - len(scripts) == (2 if method == "rsync" else 0), "rsync ran over ssh once a release"


def test_rsync_links_files_unchanged_since_the_live_release(tmp_path):
    if not shutil.which("rsync"):
        pytest.skip("rsync is not installed: tests/run.sh installs it")
    root = tmp_path / "server"
    first = publish(tmp_path, root, "v1", method="rsync")
    site = make_site(tmp_path / "site-v2", "v2")
    (site / "van-ban" / "a" / "index.html").write_text("<p>Văn bản v1</p>", encoding="utf-8")  # unchanged
    second = release.publish(str(site), Target(str(root)), now=NOW, commit="abc1234", method="rsync")[0]
    old, new = root / "releases" / first, root / "releases" / second
    assert (new / "van-ban/a/index.html").stat().st_ino == (old / "van-ban/a/index.html").stat().st_ino
    assert (new / "index.html").stat().st_ino != (old / "index.html").stat().st_ino
    assert live(root) == "<p>Trang chủ v2</p>" and (new / "index.html").stat().st_mode & 0o777 == 0o644
    assert release.can_rsync(Runner()), "both ends have rsync: publish picks it"


def test_rsync_command_line():
    argv = release.rsync_argv("site", Target("/srv/ward's portal", "ward@server"), "20261201-093000-abc1234",
                              True, Runner().ssh)
    assert argv == ["rsync", "-rlp", "--checksum", "--link-dest=../../current/", "-e", "ssh -o BatchMode=yes",
                    "site/", "ward@server:/srv/ward's portal/releases/.20261201-093000-abc1234.partial/"]
    assert release.rsync_argv("site/", Target("portal"), "x", False, Runner().ssh)[-2:] == [
        "site/", "portal/releases/.x.partial/"]


def test_release_names_sort_by_time_then_number():
    taken = ("20261201-093000-abc1234", "20261201-093000-abc1234-2")
    assert release.release_name(NOW, "abc1234", taken) == "20261201-093000-abc1234-3"
    assert release.release_name(NOW, "", ()) == "20261201-093000-local"
    later = ("20261201-100000-fff0000",)  # a release from a machine whose clock was ahead
    assert release.release_name(NOW, "abc1234", later) == "20261201-100000-abc1234-2"
    output = "notes.txt\n20261201-093000-abc1234-10\n20261201-093000-abc1234-2\n--current--\nreleases/x\n"
    assert release.State.parse(output).releases == ("20261201-093000-abc1234-2", "20261201-093000-abc1234-10")


def test_an_unreachable_server_is_named_with_what_to_try(tmp_path, monkeypatch, capsys):
    fake_tool(tmp_path / "bin", "ssh", 'echo "ward@server: Permission denied (publickey)." >&2\nexit 255\n')
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    site = make_site(tmp_path / "site", "v1")
    assert publish_command.main(["ward@server:/srv/portal", "--site", str(site)]) == 1
    message = capsys.readouterr().err
    assert "không đọc được ward@server:/srv/portal: ward@server: Permission denied (publickey)." in message
    assert "ssh ward@server true" in message


def test_publishing_writes_gz_beside_the_text_files_for_gzip_static(tmp_path):
    import gzip

    site = make_site(tmp_path / "site", "1")
    page = "<p>" + "Văn bản số 53-CT/TW về trách nhiệm giải trình. " * 60 + "</p>"
    (site / "van-ban" / "a" / "index.html").write_text(page, encoding="utf-8")
    release.publish(str(site), release.Target(str(tmp_path / "portal")), commit="abc1234")
    served = tmp_path / "portal" / "current" / "van-ban" / "a" / "index.html.gz"
    assert gzip.decompress(served.read_bytes()).decode("utf-8") == page
    assert not (tmp_path / "portal" / "current" / "index.html.gz").exists()  # under 1 KB: not worth it
