"""The shipped nginx configuration (server/nginx-portal.conf), filled in for one server.

Values are checked, not escaped: a path or name that nginx would read as more than one
word, a quote, a `;` or a `$` variable is refused with what to use instead.
"""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "server" / "nginx-portal.conf"
PATH = re.compile(r"^/[A-Za-z0-9._/@+-]*$")
SERVER_NAME = re.compile(r"^[A-Za-z0-9*_.-]+( [A-Za-z0-9*_.-]+)*$")


class ConfigError(ValueError):
    """A value nginx cannot take as written, in Vietnamese."""


def render(root: str, server_name: str, cert: str = "", key: str = "",
           http_port: int = 80, https_port: int = 443) -> str:
    """The configuration serving `root/current` as `server_name`; cert and key default to certbot's."""
    first = server_name.split(" ")[0] if server_name else ""
    cert = cert or f"/etc/letsencrypt/live/{first}/fullchain.pem"
    key = key or f"/etc/letsencrypt/live/{first}/privkey.pem"
    if not SERVER_NAME.match(server_name):
        raise ConfigError(f"tên máy chủ '{server_name}' không dùng được — ghi tên miền, ví dụ "
                          "--server-name vanban.viethung.gov.vn")
    for label, path in (("thư mục", root), ("chứng chỉ --cert", cert), ("khóa --key", key)):
        if not PATH.match(path):
            raise ConfigError(f"{label} '{path}' phải là đường dẫn tuyệt đối chỉ gồm chữ không dấu, số "
                              "và . _ - / (không dấu cách, không dấu nháy)")
    values = {"@ROOT@": root.rstrip("/") or "/", "@SERVER_NAME@": server_name, "@CERT@": cert,
              "@KEY@": key, "@HTTP_PORT@": str(int(http_port)), "@HTTPS_PORT@": str(int(https_port))}
    return re.sub("|".join(map(re.escape, values)), lambda m: values[m[0]],
                  TEMPLATE.read_text(encoding="utf-8"))
