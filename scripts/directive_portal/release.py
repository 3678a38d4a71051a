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
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

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


def upload_script(root: str, name: str) -> str:
    """Unpack the gzipped tar on standard input into `releases/<name>`, through a partial folder
    (what a failed upload left is removed first)."""
    partial, final = q(f"releases/.{name}.partial"), q(f"releases/{name}")
    return (f"set -e; mkdir -p {q(root)}/releases; cd {q(root)}; rm -rf releases/.*.partial; mkdir {partial}; "
            f"tar -xzf - --no-same-owner -C {partial}; chmod 755 {partial}; mv -T {partial} {final}")


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


def publish(site_dir: str, target: Target, keep: int = KEEP, now: datetime | None = None,
            commit: str | None = None, runner: Runner | None = None) -> tuple[str, list[str]]:
    """Upload `site_dir` as a new release, switch `current` to it, prune; (its name, pruned)."""
    check_site(site_dir)
    runner = runner or Runner(target.host)
    state = read_state(runner, target)
    name = release_name(now or datetime.now(VIETNAM), build_commit(site_dir) if commit is None else commit,
                        state.releases)
    with tempfile.TemporaryFile() as archive:
        with tarfile.open(fileobj=archive, mode="w:gz") as tar:
            for entry in sorted(os.listdir(site_dir)):
                tar.add(os.path.join(site_dir, entry), arcname=entry)
        archive.seek(0)
        try:
            runner.run(upload_script(target.path, name), stdin=archive)
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


def parser():
    from .arguments import ArgumentParser

    parser = ArgumentParser(prog="portal publish", description=(
        "Đưa trang đã xây dựng (site/) lên máy chủ riêng: vào một bản mới trong ĐÍCH/releases/, rồi "
        "chuyển liên kết ĐÍCH/current sang bản đó trong một bước; giữ vài bản gần nhất để quay lại."))
    parser.add_argument("target", metavar="ĐÍCH",
                        help="thư mục trên máy này, hoặc người_dùng@máy:/thư/mục để gửi qua SSH")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--list", action="store_true", help="liệt kê các bản trên ĐÍCH, đánh dấu bản đang chạy")
    action.add_argument("--rollback", action="store_true", help="quay lại bản trước bản đang chạy")
    action.add_argument("--nginx-config", action="store_true",
                        help="in cấu hình nginx phục vụ ĐÍCH/current (dùng với --server-name)")
    parser.add_argument("--site", default="site", metavar="THƯ_MỤC", help="trang đã xây dựng (mặc định: site)")
    parser.add_argument("--keep", type=int, default=KEEP, metavar="SỐ",
                        help=f"số bản giữ lại, kể cả bản mới (mặc định: {KEEP})")
    parser.add_argument("--server-name", default="", metavar="TÊN_MIỀN", help="tên miền của cổng (cho --nginx-config)")
    parser.add_argument("--cert", default="", metavar="TỆP", help="chứng chỉ TLS (mặc định: của certbot)")
    parser.add_argument("--key", default="", metavar="TỆP", help="khóa của chứng chỉ (mặc định: của certbot)")
    return parser


def run_command(args, target: Target) -> list[str]:
    """What the command prints, for each of its four uses."""
    if args.nginx_config:
        from . import nginx

        return [nginx.render(target.path, args.server_name, args.cert, args.key)]
    if args.list:
        return listing(read_state(Runner(target.host), target))
    if args.rollback:
        old, new = rollback(target)
        return [f"Đã quay lại: current → releases/{new} ({describe(new)}); bản {old} vẫn còn trên {target}."]
    if args.keep < 1:
        raise PublishError("--keep phải từ 1 trở lên (bản mới luôn được giữ)")
    check_site(args.site)
    print(f"Đang tải {args.site}/ lên {target}...", flush=True)
    name, pruned = publish(args.site, target, args.keep)
    lines = [f"Đã xuất bản: current → releases/{name} ({describe(name)})."]
    if pruned:
        lines.append(f"Đã xóa {len(pruned)} bản cũ, giữ {args.keep} bản gần nhất: {', '.join(pruned)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    import sys

    from .nginx import ConfigError

    args = parser().parse_args(argv)
    try:
        target = parse_target(args.target)
        if args.nginx_config and target.host:
            target = Target(target.path)
        print("\n".join(run_command(args, target)))
    except (PublishError, ConfigError) as exc:
        print(f"portal publish: lỗi: {exc}", file=sys.stderr)
        return 1
    return 0
