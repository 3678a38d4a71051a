"""The `portal` command for editors: `portal import|check|new|review ...`.

Each subcommand lives in its own module and exposes `main(argv) -> int` (or the
function named after `:`); this file only routes to it, so one subcommand's imports
never slow another.
"""

from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "import": ("directive_portal.importer", "nhập văn bản từ .docx, .txt, .md vào content/"),
    "check": ("directive_portal.checks", "kiểm tra toàn bộ văn bản, không cần xây dựng trang"),
    "new": ("directive_portal.newdoc", "tạo tệp văn bản mới theo mẫu"),
    "review": ("directive_portal.review", "tóm tắt thay đổi so với một nhánh git, cho pull request"),
    "build": ("directive_portal.mkdocs_adapter.commands:build_main", "xây dựng trang vào site/ (như mkdocs build)"),
    "serve": ("directive_portal.mkdocs_adapter.commands:serve_main", "xem trước trang trên máy, tự xây dựng lại khi sửa tệp"),
    "publish": ("directive_portal.publish_command", "đưa site/ lên máy chủ riêng (thư mục hoặc SSH), quay lại bản trước"),
}


def usage() -> str:
    lines = ["Cách dùng: portal <lệnh> [tùy chọn]", "", "Các lệnh:"]
    for name, (_module, help_text) in COMMANDS.items():
        lines.append(f"  {name:<8} {help_text}")
    lines.append("")
    lines.append("Xem chi tiết: portal <lệnh> --help")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(usage())
        return 0 if argv else 2
    name, rest = argv[0], argv[1:]
    if name not in COMMANDS:
        print(f"portal: không có lệnh '{name}'.\n\n{usage()}", file=sys.stderr)
        return 2
    module_name, _, function = COMMANDS[name][0].partition(":")
    module = importlib.import_module(module_name)
    return int(getattr(module, function or "main")(rest) or 0)


if __name__ == "__main__":
    sys.exit(main())
