"""`portal publish`: its arguments and messages (the work is in release.py)."""

from __future__ import annotations

import sys

from .arguments import ArgumentParser
from .release import (KEEP, PublishError, Runner, Target, check_site, describe, listing, parse_target, publish,
                      read_state, rollback)


def parser() -> ArgumentParser:
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
