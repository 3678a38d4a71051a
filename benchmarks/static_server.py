"""A small static file server for the browser tests and the page-weight benchmark.

Serves a built site under any path prefix (`/` or `/portal/`), with gzip for
text files and the cache headers a real deployment should use: Material's
content-hashed assets (`bundle.1a2b3c4d.min.js`) are immutable for a year,
everything else is revalidated (`no-cache` + `Last-Modified` -> 304).
Loopback only; stop it with `server.shutdown()`.
"""

from __future__ import annotations

import email.utils
import gzip
import http.server
import io
import os
import re
import threading
from dataclasses import dataclass
from functools import partial

# Debian's Chromium, headless, as root on a closed network: no sandbox, and none of the
# background calls home that the network would refuse. In a container /dev/shm is 64 MB
# (Docker's default, as in the pull request workflow's job): shared memory goes to /tmp
# instead, or tabs crash on larger pages.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]

HASHED = re.compile(r"\.[0-9a-f]{8,}\.min\.(js|css)$")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".webmanifest")


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, prefix: str = "/", compress: bool = True, log: list | None = None, **kwargs) -> None:
        self.prefix = prefix
        self.compress = compress
        self.log = log
        super().__init__(*args, **kwargs)

    def setup(self) -> None:
        super().setup()
        self.wfile = _Counting(self.wfile)

    def handle_one_request(self) -> None:
        self.wfile.count = 0
        super().handle_one_request()
        if self.log is not None and getattr(self, "command", None):
            self.log.append(Transfer(self.path, getattr(self, "_status", 0), self.wfile.count))

    def send_response(self, code: int, message: str | None = None) -> None:
        self._status = code
        super().send_response(code, message)

    def log_message(self, format: str, *args) -> None:  # quiet: tests print only failures
        pass

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(self.prefix):
            return os.path.join(self.directory, "__outside_prefix__")
        return super().translate_path("/" + clean[len(self.prefix):])

    def end_headers(self) -> None:
        path = self.path.split("?", 1)[0]
        if HASHED.search(path):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the slash URL
            path = os.path.join(path, "index.html")
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and wants_gzip and path.endswith(COMPRESSIBLE) and os.path.isfile(path)):
            return super().send_head()
        modified = int(os.stat(path).st_mtime)
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                if modified <= email.utils.parsedate_to_datetime(since).timestamp():
                    self.send_response(304)
                    self.end_headers()
                    return None
            except (TypeError, ValueError):
                pass
        with open(path, "rb") as handle:
            data = gzip.compress(handle.read(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Last-Modified", self.date_time_string(modified))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(data)


class _Counting:
    """A write-through wrapper that counts the bytes sent (headers and body)."""

    def __init__(self, raw) -> None:
        self.raw = raw
        self.count = 0

    def write(self, data) -> int:
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name: str):
        return getattr(self.raw, name)


@dataclass(frozen=True)
class Transfer:
    path: str
    status: int
    size: int  # bytes on the wire: status line, headers and (compressed) body


@dataclass(frozen=True)
class Served:
    url: str  # base URL with the prefix, ending with "/"
    server: http.server.ThreadingHTTPServer
    thread: threading.Thread
    log: list  # every Transfer, in order (the benchmark reads and clears it)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def serve(site_dir: str, prefix: str = "/", compress: bool = True) -> Served:
    """Serve `site_dir` on 127.0.0.1 (a free port) under `prefix`, in a thread."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    log: list[Transfer] = []
    handler = partial(Handler, directory=site_dir, prefix=prefix, compress=compress, log=log)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return Served(f"http://127.0.0.1:{server.server_address[1]}{prefix}", server, thread, log)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _PlainServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a browser closing a connection early is not an error here


def serve_plain(site_dir: str) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `site_dir` at the root of 127.0.0.1 (a free port) as Python's own file server
    does: no gzip, no cache headers. Returns (server, base URL); stop with `server.shutdown()`."""
    server = _PlainServer(("127.0.0.1", 0), partial(_Quiet, directory=site_dir))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"
