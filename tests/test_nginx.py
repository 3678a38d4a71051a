"""The shipped nginx configuration, served by Debian's nginx on localhost: HTTPS redirect,
security headers on every response, the portal's 404, gzip_static and cache lifetimes.

A small site is built, published with `portal publish` into a folder (so nginx serves its
`current` link, as on the ward's server), and nginx runs as this user on free high ports with
a self-signed certificate. tests/run.sh installs nginx (Debian package); openssl is Debian's.
"""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import time
from pathlib import Path

import pytest

import sites
from benchmarks.measure import free_port, stop
from directive_portal import nginx, publish_command, release

HEADERS = {
    "content-security-policy": ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                "script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; "
                                "form-action 'self'; frame-ancestors 'none'"),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "strict-transport-security": "max-age=31536000",
}
IMMUTABLE = "public, max-age=31536000, immutable"
WRAPPER = """\
{user}worker_processes 1;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/portal.conf;
}}
"""


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
    if found is None or shutil.which("openssl") is None:
        pytest.skip("needs Debian's nginx and openssl: tests/run.sh installs nginx")
    return found


def wait_for(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nginx stopped: {log.read_text(errors='replace') if log.exists() else process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail("nginx did not start listening in 15 s")


@pytest.fixture(scope="module")
def server(tmp_path_factory, request):
    binary = nginx_binary()
    root = tmp_path_factory.mktemp("nginx")
    result = sites.build(sites.make_site(root / "build", sites.ONE_DOCUMENT))
    assert result.returncode == 0, result.stderr
    site = root / "build" / "site"
    release.publish(str(site), release.Target(str(root / "portal")), commit="abc1234")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-keyout", str(root / "key.pem"), "-out", str(root / "cert.pem")], check=True, capture_output=True)
    ports = free_port(), free_port()
    (root / "portal.conf").write_text(nginx.render(str(root / "portal"), "localhost", str(root / "cert.pem"),
                                                   str(root / "key.pem"), *ports), encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the test's private folder
    (root / "nginx.conf").write_text(WRAPPER.format(user=user, tmp=root), encoding="utf-8")
    log = root / "error.log"
    process = subprocess.Popen([binary, "-p", str(root), "-e", str(log), "-c", str(root / "nginx.conf"),
                                "-g", f"daemon off; pid {root}/nginx.pid;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    request.addfinalizer(lambda: stop(process, 10))
    for port in ports:
        wait_for(port, process, log)
    return site, ports


def get(server, path: str, headers: dict | None = None, https: bool = True):
    _site, (http_port, https_port) = server
    if https:
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # self-signed
        connection = http.client.HTTPSConnection("127.0.0.1", https_port, context=context, timeout=10)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", http_port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def hashed_bundle(site: Path) -> str:
    (bundle,) = (site / "assets" / "javascripts").glob("bundle.*.min.js")
    return "/" + bundle.relative_to(site).as_posix()


def test_http_redirects_to_https(server):
    status, headers, _body = get(server, "/van-ban/?q=1", https=False)
    assert status == 301
    assert headers["location"] == "https://127.0.0.1/van-ban/?q=1"
    assert "strict-transport-security" not in headers, "HSTS only over HTTPS"


def test_security_headers_on_a_page_an_asset_and_a_404(server):
    site, _ports = server
    for path, expected in (("/", 200), (hashed_bundle(site), 200), ("/assets/portal.css", 200),
                           ("/khong-co-trang-nay/", 404)):
        status, headers, _body = get(server, path)
        assert status == expected, path
        for name, value in HEADERS.items():
            assert headers.get(name) == value, f"{path}: {name}"
        assert "server" not in headers or headers["server"] == "nginx", "no version in Server"


def test_404_is_the_portals_page_with_status_404(server):
    site, _ports = server
    status, headers, body = get(server, "/van-ban/2026/khong-co/")
    assert status == 404
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert body == (site / "404.html").read_bytes()


def test_gzip_static_sends_the_builds_gz(server):
    site, _ports = server
    for path, file in (("/", site / "index.html"), (hashed_bundle(site), site / hashed_bundle(site)[1:])):
        status, headers, body = get(server, path, {"Accept-Encoding": "gzip"})
        assert status == 200 and headers["content-encoding"] == "gzip", path
        assert "Accept-Encoding" in headers.get("vary", "")
        assert body == Path(f"{file}.gz").read_bytes(), "the prebuilt .gz, not one compressed on the fly"
        assert gzip.decompress(body) == file.read_bytes()
    status, headers, body = get(server, "/")
    assert "content-encoding" not in headers and body == (site / "index.html").read_bytes()


def test_cache_lifetimes(server):
    site, _ports = server
    search_file = next(p for p in (site / "search").rglob("*.json") if p.parent != site / "search")
    lifetimes = {
        hashed_bundle(site): IMMUTABLE,
        "/" + next((site / "assets" / "stylesheets").glob("main.*.min.css")).relative_to(site).as_posix(): IMMUTABLE,
        "/" + search_file.relative_to(site).as_posix(): IMMUTABLE,  # search/<content hash>/...
        "/assets/portal.css": "public, max-age=600",  # the portal's own, same name every build
        "/assets/portal.js": "public, max-age=600",
        "/": "no-cache",
        "/van-ban/": "no-cache",
        "/search/meta.json": "no-cache",
        "/sw.js": "no-cache",
    }
    for path, expected in lifetimes.items():
        status, headers, _body = get(server, path)
        assert (status, headers.get("cache-control")) == (200, expected), path


def test_the_calendar_is_text_calendar(server):
    status, headers, _body = get(server, "/han-thuc-hien.ics")
    assert status == 200 and headers["content-type"] == "text/calendar; charset=utf-8"


def test_render_refuses_values_nginx_would_misread():
    with pytest.raises(nginx.ConfigError, match="tên máy chủ"):
        nginx.render("/srv/portal", "vanban.example.vn; include /etc/shadow")
    with pytest.raises(nginx.ConfigError, match="đường dẫn tuyệt đối"):
        nginx.render("/srv/cổng văn bản", "vanban.example.vn")
    with pytest.raises(nginx.ConfigError):
        nginx.render("srv/portal", "vanban.example.vn")


def test_printed_by_portal_publish(capsys):
    assert publish_command.main(["/srv/portal", "--nginx-config", "--server-name", "vanban.example.vn"]) == 0
    text = capsys.readouterr().out
    assert "root /srv/portal/current;" in text
    assert "ssl_certificate /etc/letsencrypt/live/vanban.example.vn/fullchain.pem;" in text
    assert "listen 443 ssl http2;" in text and "listen 80;" in text
    assert not re.search(r"@[A-Z_]+@", text), "every placeholder filled in"
