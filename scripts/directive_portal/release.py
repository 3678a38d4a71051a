"""`portal publish`: put the built site on the ward's own server, a folder there or over SSH.

Layout in the target folder ROOT:
  ROOT/releases/<YYYYmmdd-HHMMSS>-<commit>/   one folder per publication (Vietnam time)
  ROOT/current -> releases/<...>               what the web server serves (nginx: ROOT/current)
A publication is unpacked into `releases/.<name>.partial`, renamed to its name, and only then
`current` is switched: a new link renamed over the old one, one rename, so a reader gets the
old site or the new one, never half of each. Any failure before the switch leaves `current`
as it was. The same shell commands run on this machine (`sh -c`) or on the server over SSH
(`ssh HOST sh -c ...`): only the `Runner` differs, so local tests run the server's commands.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from . import precompress

VIETNAM = timezone(timedelta(hours=7))
KEEP = 5
NAME = re.compile(r"^(\d{8}-\d{6})-([0-9A-Za-z]+)(?:-(\d+))?$")
CURRENT_MARK = "--current--"


class PublishError(Exception):
    """A refusal or failure, in Vietnamese, saying what to do."""


@dataclass(frozen=True)
class Target:
    path: str
    host: str = ""  # "" : a folder on this machine

    def __str__(self) -> str:
        return f"{self.host}:{self.path}" if self.host else self.path


def parse_target(text: str) -> Target:
    """`user@host:/srv/portal` (or `host:path`) is a server over SSH; anything else a local folder."""
    head, sep, tail = text.partition(":")
    if sep and head and "/" not in head:
        if head.startswith("-") or not tail:
            raise PublishError(f"đích '{text}' không hợp lệ — ghi dạng người_dùng@máy:/thư/mục hoặc một thư mục")
        return Target(tail, head)
    return Target(text)


@dataclass(frozen=True)
class Runner:
    """Runs a POSIX shell script on this machine or, with a host, on that host over SSH."""

    host: str = ""
    ssh: tuple[str, ...] = ("ssh", "-o", "BatchMode=yes")

    def argv(self, script: str) -> list[str]:
        if not self.host:
            return ["sh", "-c", script]
        # The server's login shell runs the command line: it starts `sh`, whatever that shell is.
        return [*self.ssh, "--", self.host, "sh -c " + shlex.quote(script)]

    def run(self, script: str, stdin=None) -> str:
        try:
            result = subprocess.run(self.argv(script), stdin=stdin if stdin is not None else subprocess.DEVNULL,
                                    capture_output=True, text=True)
        except FileNotFoundError as exc:
            raise PublishError(f"không chạy được '{exc.filename}' — cài gói openssh-client (ssh)") from exc
        if result.returncode:
            detail = (result.stderr.strip().splitlines() or [f"mã thoát {result.returncode}"])[-1]
            raise PublishError(detail)
        return result.stdout


def q(path: str) -> str:
    return shlex.quote(path)


def partial(name: str) -> str:
    return f"releases/.{name}.partial"


def prepare_script(root: str, name: str) -> str:
    """An empty `releases/.<name>.partial` to upload into (what a failed upload left is removed)."""
    return (f"set -e; mkdir -p {q(root)}/releases; cd {q(root)}; rm -rf releases/.*.partial; "
            f"mkdir {q(partial(name))}")


def finish_commands(name: str) -> str:
    return f"chmod 755 {q(partial(name))}; mv -T {q(partial(name))} {q('releases/' + name)}"


def upload_script(root: str, name: str) -> str:
    """Unpack the gzipped tar on standard input into `releases/<name>`, through the partial folder."""
    return (f"{prepare_script(root, name)}; tar -xzf - --no-same-owner -C {q(partial(name))}; "
            f"{finish_commands(name)}")


def rsync_argv(site_dir: str, target: Target, name: str, link: bool, ssh: tuple[str, ...]) -> list[str]:
    """rsync into the partial folder: files equal to the live release's are hard links to them
    (compared by content: a build writes every file anew, so times differ and are not copied)."""
    argv = ["rsync", "-rlp", "--checksum"] + (["--link-dest=../../current/"] if link else [])
    dest = f"{target.path.rstrip('/')}/{partial(name)}/"
    if target.host:
        argv += ["-e", shlex.join(ssh)]
        dest = f"{target.host}:{dest}"
    return argv + [os.path.join(site_dir, ""), dest]


def switch_script(root: str, name: str) -> str:
    """Point `current` at `releases/<name>`: a new link renamed over the old one (atomic)."""
    return f"set -e; cd {q(root)}; ln -sfn {q('releases/' + name)} .current.new; mv -Tf .current.new current"


def list_script(root: str) -> str:
    return (f"cd {q(root)} 2>/dev/null || exit 0; ls -1 releases 2>/dev/null || true; "
            f"echo {CURRENT_MARK}; readlink current || true")


def prune_script(root: str, names: list[str]) -> str:
    return f"set -e; cd {q(root)}; rm -rf -- " + " ".join(q(f"releases/{name}") for name in names)


def order(name: str) -> tuple[str, int]:
    match = NAME.match(name)
    return (match[1], int(match[3] or 1)) if match else ("", 0)


@dataclass(frozen=True)
class State:
    releases: tuple[str, ...]  # oldest first
    current: str  # "" when there is no `current` link

    @classmethod
    def parse(cls, output: str) -> State:
        listed, _, link = output.partition(CURRENT_MARK + "\n")
        names = sorted((n for n in listed.split() if NAME.match(n)), key=order)
        current = link.strip().rstrip("/").rpartition("/")[2]
        return cls(tuple(names), current)


def read_state(runner: Runner, target: Target) -> State:
    try:
        return State.parse(runner.run(list_script(target.path)))
    except PublishError as exc:
        hint = f"thử `ssh {target.host} true` (khóa SSH, tên máy)" if target.host else "kiểm tra đường dẫn"
        raise PublishError(f"không đọc được {target}: {exc} — {hint}") from exc


def release_name(now: datetime, commit: str, taken: tuple[str, ...]) -> str:
    """`<time>-<commit>`, numbered `-2`, `-3` when needed so it sorts after every release
    in `taken` (oldest first; its time is the newest's if this machine's clock is behind)."""
    stamp, number = f"{now.astimezone(VIETNAM):%Y%m%d-%H%M%S}", 1
    if taken and (stamp, number) <= order(taken[-1]):
        stamp, number = order(taken[-1])[0], order(taken[-1])[1] + 1
    short = re.sub(r"[^0-9A-Za-z]", "", commit)[:7] or "local"
    return f"{stamp}-{short}" + (f"-{number}" if number > 1 else "")


def build_commit(site_dir: str) -> str:
    """The commit the site was built from: PORTAL_BUILD_COMMIT, else the checkout's HEAD."""
    commit = os.environ.get("PORTAL_BUILD_COMMIT", "")
    if commit:
        return commit
    result = subprocess.run(["git", "rev-parse", "--short=7", "HEAD"], capture_output=True, text=True,
                            cwd=os.path.dirname(os.path.abspath(site_dir)) or ".")
    return result.stdout.strip() if result.returncode == 0 else ""


def check_site(site_dir: str) -> None:
    if not os.path.isdir(site_dir) or not os.listdir(site_dir):
        raise PublishError(f"chưa có trang đã xây dựng trong '{site_dir}' — chạy `portal build --strict` "
                           "trước, rồi xuất bản lại")
    if not os.path.isfile(os.path.join(site_dir, "index.html")):
        raise PublishError(f"'{site_dir}' không có index.html, không phải trang đã xây dựng — chạy "
                           "`portal build --strict` trước, hoặc chỉ đúng thư mục bằng --site")


def to_prune(state: State, keep: int) -> list[str]:
    kept = set(state.releases[-keep:]) | {state.current}
    return [name for name in state.releases if name not in kept]


def can_rsync(runner: Runner) -> bool:
    return bool(shutil.which("rsync")) and runner.run("command -v rsync >/dev/null && echo yes || true").strip() == "yes"


def upload(site_dir: str, target: Target, name: str, link: bool, runner: Runner, method: str) -> None:
    """`releases/<name>` on the target: by rsync when both ends have it, else as one tar."""
    if method == "rsync" or (method == "auto" and can_rsync(runner)):
        runner.run(prepare_script(target.path, name))
        result = subprocess.run(rsync_argv(site_dir, target, name, link, runner.ssh), capture_output=True, text=True)
        if result.returncode:
            raise PublishError((result.stderr.strip().splitlines() or [f"rsync: mã thoát {result.returncode}"])[-1])
        runner.run(f"set -e; cd {q(target.path)}; {finish_commands(name)}")
        return
    with tempfile.TemporaryFile() as archive:
        with tarfile.open(fileobj=archive, mode="w:gz", compresslevel=6) as tar:
            for entry in sorted(os.listdir(site_dir)):
                tar.add(os.path.join(site_dir, entry), arcname=entry)
        archive.seek(0)
        runner.run(upload_script(target.path, name), stdin=archive)


def publish(site_dir: str, target: Target, keep: int = KEEP, now: datetime | None = None,
            commit: str | None = None, runner: Runner | None = None, method: str = "auto") -> tuple[str, list[str]]:
    """Write `.gz` beside its text files (for nginx's gzip_static: only those missing or older),
    upload `site_dir` as a new release, switch `current` to it, prune; (its name, pruned)."""
    check_site(site_dir)
    precompress.precompress(site_dir)
    runner = runner or Runner(target.host)
    state = read_state(runner, target)
    name = release_name(now or datetime.now(VIETNAM), build_commit(site_dir) if commit is None else commit,
                        state.releases)
    try:
        upload(site_dir, target, name, state.current in state.releases, runner, method)
    except PublishError as exc:
        raise PublishError(f"tải lên {target} không thành công: {exc} — trang đang chạy (current) "
                           "giữ nguyên; sửa lỗi rồi xuất bản lại") from exc
    runner.run(switch_script(target.path, name))
    pruned = to_prune(State(state.releases + (name,), name), keep)
    if pruned:
        runner.run(prune_script(target.path, pruned))
    return name, pruned


def rollback(target: Target, runner: Runner | None = None) -> tuple[str, str]:
    """Switch `current` to the release before it; (from, to)."""
    runner = runner or Runner(target.host)
    state = read_state(runner, target)
    if state.current not in state.releases:
        raise PublishError(f"{target} chưa có bản nào đang chạy (current) — xuất bản trước bằng "
                           f"`portal publish {target}`")
    index = state.releases.index(state.current)
    if index == 0:
        raise PublishError(f"{state.current} là bản cũ nhất còn giữ, không có bản trước để quay lại")
    previous = state.releases[index - 1]
    runner.run(switch_script(target.path, previous))
    return state.current, previous


def describe(name: str) -> str:
    """`20261201-020400-abc1234` -> `01/12/2026 02:04:00, commit abc1234`."""
    match = NAME.match(name)
    when = datetime.strptime(match[1], "%Y%m%d-%H%M%S")
    return f"{when:%d/%m/%Y %H:%M:%S}, commit {match[2]}"


def listing(state: State) -> list[str]:
    lines = [f"{'*' if name == state.current else ' '} {name}  ({describe(name)})"
             for name in reversed(state.releases)]
    if not lines:
        return ["Chưa có bản nào."]
    return lines + ["", "(* là bản đang chạy: current; giờ Việt Nam)"]

