"""What the build says about the site's public address (`site_url` in mkdocs.yml).

MkDocs writes `sitemap.xml` itself and `robots.txt` comes from a theme template
(overrides/robots.txt); both need absolute addresses, which exist only when
`site_url` is set. Without it the sitemap lists no page: the build says so,
with the fix, instead of publishing an empty sitemap in silence.
"""

from __future__ import annotations

UNSET = ("mkdocs.yml chưa đặt site_url (địa chỉ công khai của cổng): sitemap.xml không liệt kê trang nào, "
         "robots.txt không ghi địa chỉ sitemap và ảnh chia sẻ (og:image) không có địa chỉ đầy đủ — "
         "khi đã có địa chỉ, thêm dòng `site_url: https://.../` vào mkdocs.yml")


def note(site_url: str) -> str:
    """The build's note about the address, "" when `site_url` is set."""
    return "" if site_url else UNSET
