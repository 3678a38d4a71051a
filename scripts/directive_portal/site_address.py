"""What the build says about the site's public address (`site_url` in mkdocs.yml).

MkDocs writes `sitemap.xml` itself and `robots.txt` comes from a theme template
(overrides/robots.txt); both need absolute addresses, which exist only when
`site_url` is set. Without it the sitemap lists no page: the build says so,
with the fix, instead of publishing an empty sitemap in silence.
"""

from __future__ import annotations

import logging

from .outputs import Settings
from .pages import Site

log = logging.getLogger("mkdocs.plugins.directive_portal.site_address")

UNSET = ("mkdocs.yml chưa đặt site_url (địa chỉ công khai của cổng): sitemap.xml không liệt kê trang nào, "
         "robots.txt không ghi địa chỉ sitemap và ảnh chia sẻ (og:image) không có địa chỉ đầy đủ — "
         "khi đã có địa chỉ, thêm dòng `site_url: https://.../` vào mkdocs.yml")


def note(settings: Settings) -> str:
    """The build's note about the address, "" when `site_url` is set."""
    return "" if settings.site_url else UNSET


def write(site: Site, site_dir: str, settings: Settings) -> None:
    message = note(settings)
    if message:
        log.info(message)
