"""precompress: `X.gz` beside the built site's text files, for nginx's gzip_static."""

from __future__ import annotations

import gzip
import os

from directive_portal.precompress import MIN_SIZE, precompress

TEXT = ("<p>Nghị quyết số 79-NQ/TW về phát triển văn hóa</p>\n" * 60).encode()


def write(path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_text_files_over_a_kilobyte_get_a_gz(tmp_path):
    names = ["index.html", "assets/portal.css", "assets/portal.js", "search/abc/r/0.json", "feed.xml",
             "search/abc/t/1.txt", "logo.svg", "han-thuc-hien.ics", "manifest.webmanifest"]
    for name in names:
        write(tmp_path / name, TEXT)
    write(tmp_path / "small.html", "<p>ngắn</p>".encode())
    write(tmp_path / "card.png", TEXT)
    assert precompress(str(tmp_path)) == len(names)
    for name in names:
        assert gzip.decompress((tmp_path / (name + ".gz")).read_bytes()) == TEXT
    assert not (tmp_path / "small.html.gz").exists() and len("<p>ngắn</p>".encode()) < MIN_SIZE
    assert not (tmp_path / "card.png.gz").exists()
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".")], "no temporary file left"
    assert (tmp_path / "index.html.gz").stat().st_mode & 0o777 == 0o644


def test_the_same_bytes_every_build(tmp_path):
    first, second = write(tmp_path / "a" / "index.html", TEXT), write(tmp_path / "b" / "index.html", TEXT)
    os.utime(second, (1, 1))
    precompress(str(tmp_path / "a"))
    precompress(str(tmp_path / "b"))
    packed = (tmp_path / "a" / "index.html.gz").read_bytes()
    assert packed == (tmp_path / "b" / "index.html.gz").read_bytes()
    assert packed[4:8] == b"\0\0\0\0", "header time 0"
    assert not packed[3] & 0x08, "no file name in the header"
    assert first.read_bytes() == TEXT


def test_an_up_to_date_gz_is_kept_and_a_stale_one_replaced(tmp_path):
    """MkDocs writes sitemap.xml.gz after sitemap.xml: it is not compressed a second time."""
    sitemap = write(tmp_path / "sitemap.xml", TEXT)
    theirs = write(tmp_path / "sitemap.xml.gz", gzip.compress(TEXT, mtime=1741046400))
    page = write(tmp_path / "index.html", TEXT)
    stale = write(tmp_path / "index.html.gz", gzip.compress(b"old page", mtime=0))
    os.utime(stale, ns=(page.stat().st_mtime_ns - 10**9,) * 2)
    os.utime(theirs, ns=(sitemap.stat().st_mtime_ns,) * 2)
    assert precompress(str(tmp_path)) == 1
    assert theirs.read_bytes() == gzip.compress(TEXT, mtime=1741046400)
    assert gzip.decompress(stale.read_bytes()) == TEXT
    assert precompress(str(tmp_path)) == 0, "a second run writes nothing"
    assert not (tmp_path / "sitemap.xml.gz.gz").exists()


def test_incompressible_text_gets_no_gz(tmp_path):
    write(tmp_path / "random.txt", os.urandom(4096))
    assert precompress(str(tmp_path)) == 0
    assert os.listdir(tmp_path) == ["random.txt"]


def test_the_build_writes_them_only_when_the_plugin_says_so(tmp_path):
    """`precompress: true` makes the build compress the site (for a server serving `site/` as it is);
    by default (and for GitHub Pages) it does not: `portal publish` does (test_release.py)."""
    import sites

    found = {}
    for option in (True, False):
        config = sites.make_site(tmp_path / str(option), sites.ONE_DOCUMENT)
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("  - directive-portal\n",
                                       f"  - directive-portal:\n      precompress: {str(option).lower()}\n"),
                          encoding="utf-8")
        result = sites.build(config)
        assert result.returncode == 0, result.stderr
        site = config.parent / "site"
        found[option] = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.gz"))
    assert "index.html.gz" in found[True] and "van-ban/2026/cong-van-1/index.html.gz" in found[True]
    assert not [name for name in found[True] if name.endswith(".gz.gz")]
    assert found[False] == ["sitemap.xml.gz"]  # MkDocs' own
