"""`mkdocs build --dirty` with the build cache on disk (incremental.py): after an edit, a
deletion or a rename it writes the same site, byte for byte, as a clean full build of the
same content, rewrites only the pages that change, and never writes into the current site."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import sitebuild
from benchmarks.corpus import generate_corpus
from directive_portal import incremental
from sites import leftovers, write_config

DOCUMENTS = 40


def _mkdocs(config: Path, *args: str, commit: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PORTAL_BUILD_COMMIT=commit)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), *args],
                            cwd=config.parent, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def _tree(site: Path) -> dict[str, Path]:
    return {str(p.relative_to(site)): p for p in site.rglob("*") if p.is_file()}


def _folders(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_dir())


def _assert_same_site(built: Path, expected: Path) -> None:
    assert _folders(built) == _folders(expected)  # none left empty by a deleted page
    mine, theirs = _tree(built), _tree(expected)
    assert sorted(set(mine) - set(theirs)) == [], "files the clean build does not write"
    assert sorted(set(theirs) - set(mine)) == [], "files missing after the --dirty build"
    different = [rel for rel in sorted(mine) if not filecmp.cmp(mine[rel], theirs[rel], shallow=False)]
    assert different == []


def _precompressing(config: Path) -> Path:
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - directive-portal\n", "  - directive-portal:\n      precompress: true\n"),
                      encoding="utf-8")
    return config


def _clean_build_of(root: Path, tmp: Path, commit: str = "", gz: bool = False) -> Path:
    """A clean full build of the same content, in another folder with no cache."""
    other = tmp / "clean"
    shutil.rmtree(other, ignore_errors=True)
    shutil.copytree(root / "content", other / "content")
    config = write_config(other, other / "content", other / "site")
    _mkdocs(_precompressing(config) if gz else config, commit=commit)
    return other / "site"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    made = tmp_path_factory.mktemp("corpus")
    generate_corpus(str(made / "generated"), DOCUMENTS, seed=5)
    return Path(sitebuild.content_with_documents(str(made / "content"), str(made / "generated" / "van-ban")))


@pytest.fixture()
def site(tmp_path, corpus) -> tuple[Path, Path]:
    root = tmp_path / "ward"
    shutil.copytree(corpus, root / "content")
    config = write_config(root, root / "content", root / "site")
    _mkdocs(config)
    assert (root / incremental.FOLDER / incremental.STATE_FILE).is_file()
    return root, config


def _documents(root: Path) -> list[Path]:
    return sorted((root / "content" / "van-ban").rglob("*.md"))


def _inodes(site: Path) -> dict[str, tuple[int, int]]:
    return {rel: (p.stat().st_ino, p.stat().st_mtime_ns) for rel, p in _tree(site).items()}


def test_an_edit_rebuilds_few_pages_and_gives_the_clean_build_byte_for_byte(site, tmp_path):
    root, config = site
    before = _inodes(root / "site")
    document = _documents(root)[7]
    text = document.read_text(encoding="utf-8")
    document.write_text(text.replace("\n## ", "\n## Đã sửa: ", 1) + "\nMột đoạn mới thêm vào cuối.\n",
                        encoding="utf-8")

    _mkdocs(config, "--dirty")

    _assert_same_site(root / "site", _clean_build_of(root, tmp_path))
    after = _inodes(root / "site")
    # The site generator's pages (short-link pages under so/ are an output, written anew each time).
    pages = [rel for rel in before if rel.endswith(".html") and not rel.startswith("so/")]
    rewritten = [rel for rel in pages if rel in after and after[rel][0] != before[rel][0]]
    # The edited page, the 404 page and the few pages listing the document; not the others.
    assert any(document.stem in rel for rel in rewritten)
    assert len(rewritten) < len(pages) // 4, rewritten
    print(f"{len(rewritten)} of {len(pages)} pages rewritten: {rewritten}")
    # The search index has a new version folder; its files with the same bytes are the old ones, linked.
    old, new = _index_files(before), _index_files(after)
    linked = [rel for rel in new if rel in old and new[rel] == old[rel]]
    assert len(linked) > len(new) * 3 // 4 and len(linked) < len(new)


def _index_files(inodes: dict[str, tuple[int, int]]) -> dict[str, int]:
    """The search index's files under its version folder, without the folder's name: inode."""
    return {rel.split("/", 2)[2]: inode for rel, (inode, _mtime) in inodes.items()
            if rel.startswith("search/") and rel.count("/") >= 2}


def test_the_old_site_is_not_changed_by_a_dirty_build(site, tmp_path):
    root, config = site
    # Keep hard links to every file of the current site, as a web server still serving it would.
    links = tmp_path / "links"
    for rel, path in _tree(root / "site").items():
        target = links / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, target)
    copy = tmp_path / "copy"
    shutil.copytree(root / "site", copy)
    document = _documents(root)[3]
    document.write_text(document.read_text(encoding="utf-8").replace("\n## ", "\n## Sửa ", 1), encoding="utf-8")
    (root / "content" / "index.md").write_text("Trang chủ đã sửa.\n", encoding="utf-8")

    _mkdocs(config, "--dirty")

    _assert_same_site(links, copy)


def test_deleting_and_renaming_documents_remove_their_old_pages(site, tmp_path):
    root, config = site
    documents = _documents(root)
    gone, renamed = documents[2], documents[5]
    gone.unlink()
    new_name = renamed.with_name("ke-hoach-doi-ten-" + renamed.name)
    renamed.rename(new_name)

    _mkdocs(config, "--dirty")

    files = _tree(root / "site")
    assert not any(gone.stem in rel for rel in files)
    assert not any(f"/{renamed.stem}/" in f"/{rel}" for rel in files)
    assert any(new_name.stem in rel for rel in files)
    _assert_same_site(root / "site", _clean_build_of(root, tmp_path))


def test_without_a_cache_a_dirty_build_is_a_full_build(site, tmp_path):
    root, config = site
    shutil.rmtree(root / incremental.FOLDER)
    before = _inodes(root / "site")
    document = _documents(root)[1]
    document.write_text(document.read_text(encoding="utf-8") + "\nThêm một câu.\n", encoding="utf-8")

    result = _mkdocs(config, "--dirty")

    after = _inodes(root / "site")
    assert all(after[rel][0] != before[rel][0] for rel in before if rel in after)  # every file written anew
    assert "A 'dirty' build" not in result.stderr  # no notice that the site may be inaccurate: it is not
    _assert_same_site(root / "site", _clean_build_of(root, tmp_path))


def test_a_cache_made_by_other_code_or_damaged_is_ignored(site, tmp_path):
    root, config = site
    state = root / incremental.FOLDER / incremental.STATE_FILE
    state.write_bytes(b"not a pickle")
    (root / incremental.FOLDER / incremental.OUTPUTS_FILE).write_bytes(b"\x80\x05garbage")
    (root / incremental.FOLDER / incremental.CACHE_FILE).write_bytes(b"")
    document = _documents(root)[4]
    document.write_text(document.read_text(encoding="utf-8") + "\nThêm.\n", encoding="utf-8")

    _mkdocs(config, "--dirty")

    _assert_same_site(root / "site", _clean_build_of(root, tmp_path))
    assert incremental.load(str(state), "another key") is None


def test_a_failed_build_keeps_the_site_and_leaves_no_state_that_could_lie(site, tmp_path):
    root, config = site
    copy = tmp_path / "copy"
    shutil.copytree(root / "site", copy)
    document = _documents(root)[6]
    document.write_text("---\ntitle: [không đóng\n---\nThân.\n", encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--dirty", "-f", str(config)],
                            cwd=root, capture_output=True, text=True, env=env)
    assert result.returncode != 0
    _assert_same_site(root / "site", copy)
    assert leftovers(root) == []  # its staging folder, into which the current site was being linked, is gone
    # The state was taken when the build began: the next build is a full one, and right.
    assert not (root / incremental.FOLDER / incremental.STATE_FILE).exists()
    document.write_text("---\ntitle: Đã sửa\ntype: ke-hoach\n---\nThân.\n", encoding="utf-8")
    _mkdocs(config, "--dirty")
    _assert_same_site(root / "site", _clean_build_of(root, tmp_path))


def test_the_key_changes_with_the_configuration(tmp_path):
    config = tmp_path / "mkdocs.yml"
    templates = tmp_path / "overrides"
    templates.mkdir()
    (templates / "main.html").write_text("a", encoding="utf-8")
    config.write_text("site_name: A\n", encoding="utf-8")
    first = incremental.schema_key(str(config), [str(templates)])
    assert incremental.schema_key(str(config), [str(templates)]) == first
    config.write_text("site_name: B\n", encoding="utf-8")
    second = incremental.schema_key(str(config), [str(templates)])
    (templates / "main.html").write_text("b", encoding="utf-8")
    third = incremental.schema_key(str(config), [str(templates)])
    assert len({first, second, third}) == 3


def test_a_fresh_checkout_that_touches_every_file_rewrites_no_document_page(site, tmp_path):
    """CI restores the site and the cache into a new checkout, whose files are all newer."""
    root, config = site
    before = _inodes(root / "site")
    later = os.stat(root / "site" / "index.html").st_mtime + 60
    for path in (root / "content").rglob("*"):
        if path.is_file():
            os.utime(path, (later, later))

    _mkdocs(config, "--dirty")

    after = _inodes(root / "site")
    rewritten = [rel for rel in before if rel.endswith(".html") and not rel.startswith("so/")
                 and rel in after and after[rel][0] != before[rel][0]]
    documents = [rel for rel in rewritten if rel.startswith("van-ban/") and rel.count("/") > 2]
    assert documents == [], rewritten
    _assert_same_site(root / "site", _clean_build_of(root, tmp_path))


def test_the_cache_on_disk_spares_parsing_unchanged_files_even_when_touched(tmp_path, corpus, monkeypatch):
    from directive_portal import content, pipeline

    root = tmp_path / "ward"
    shutil.copytree(corpus, root / "content")
    config = write_config(root, root / "content", root / "site")
    folder = str(root / "content")

    def opened() -> incremental.Store:
        return incremental.Store(str(config), (), pipeline.Cache(folder), str(root / "site"), dirty=True)

    store = opened()
    first = pipeline.build(folder, pipeline.Settings(), store.cache)
    store.save_cache()
    documents = _documents(root)
    edited, touched = documents[0], documents[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThêm.\n", encoding="utf-8")
    later = touched.stat().st_mtime + 5
    os.utime(touched, (later, later))
    parsed = []
    original = content._read_file
    monkeypatch.setattr(content, "_read_file", lambda path, *rest: parsed.append(path) or original(path, *rest))
    from directive_portal import cascade_pages, relations

    searched, read = [], []
    find = cascade_pages.find_deadlines
    monkeypatch.setattr(cascade_pages, "find_deadlines", lambda body: searched.append(body) or find(body))
    tell = relations.carried_out_by_text
    monkeypatch.setattr(relations, "carried_out_by_text", lambda body, cites: read.append(body) or tell(body, cites))

    again = pipeline.build(folder, pipeline.Settings(), opened().cache)

    assert parsed == [str(edited)]
    assert len(searched) == 1 and searched[0].endswith("Thêm.\n")  # deadlines too: only in the edited body
    assert len(read) == 1 and read[0].endswith("Thêm.\n")  # and what its text says it carries out
    assert len(again.site.documents) == len(first.site.documents)
    rel = str(edited.relative_to(root / "content"))
    assert again.site.documents[rel].document.body.endswith("Thêm.\n")


def test_a_setting_read_from_the_environment_rebuilds_every_page(site, tmp_path):
    """The footer's build commit comes from PORTAL_BUILD_COMMIT (`!ENV` in mkdocs.yml): the
    configuration file's text is the same, the pages are not."""
    root, config = site
    subprocess.run(["git", "init", "-q"], cwd=root / "content", check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "x"],
                   cwd=root / "content", check=True)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root / "content", capture_output=True, text=True,
                            check=True).stdout.strip()
    before = _inodes(root / "site")

    _mkdocs(config, "--dirty", commit=commit)

    after = _inodes(root / "site")
    pages = [rel for rel in before if rel.endswith(".html") and not rel.startswith("so/")]
    assert all(after[rel][0] != before[rel][0] for rel in pages if rel in after)
    assert commit[:7] in (root / "site" / "index.html").read_text(encoding="utf-8")


def test_with_precompressed_files_an_unchanged_page_keeps_its_gz_and_a_changed_one_gets_a_new_one(site, tmp_path):
    root, config = site
    _precompressing(config)
    _mkdocs(config)  # another configuration: a full build, with its .gz files
    document = _documents(root)[9]
    before = _inodes(root / "site")
    document.write_text(document.read_text(encoding="utf-8") + "\nMột câu thêm.\n", encoding="utf-8")

    _mkdocs(config, "--dirty")

    after = _inodes(root / "site")
    gz = [rel for rel in before if rel.endswith(".html.gz") and not rel.startswith("so/")]
    assert len(gz) > 50
    kept = [rel for rel in gz if rel in after and after[rel][0] == before[rel][0]]
    assert len(kept) > len(gz) * 3 // 4
    old, new = _index_files(before), _index_files(after)
    index_gz = [rel for rel in new if rel.endswith(".gz")]
    assert index_gz and len([rel for rel in index_gz if rel in old and new[rel] == old[rel]]) > len(index_gz) // 2
    _assert_same_site(root / "site", _clean_build_of(root, tmp_path, gz=True))


def test_a_site_compressed_in_place_by_publish_lends_no_gz_to_a_dirty_build(site, tmp_path):
    """`portal publish` writes `.gz` files into the site in place; a `--dirty` build that does not
    precompress links none of them (not for its pages, not for the search index's files)."""
    from directive_portal import precompress

    root, config = site
    assert precompress.precompress(str(root / "site")) > 50
    document = _documents(root)[8]
    document.write_text(document.read_text(encoding="utf-8") + "\nMột câu thêm.\n", encoding="utf-8")

    _mkdocs(config, "--dirty")

    _assert_same_site(root / "site", _clean_build_of(root, tmp_path))


@pytest.mark.parametrize("source, built, step", [
    ("gioi-thieu.md", "gioi-thieu/index.html", "_build_page"),  # between reading and writing the pages
    ("tep/bieu-mau.txt", "tep/bieu-mau.txt", "_populate_page"),  # before the files are copied
])
def test_a_file_saved_while_a_dirty_build_runs_is_not_written_into_the_site_in_place(site, tmp_path, source, built,
                                                                                     step):
    """MkDocs asks whether a file changed when the site is staged and again when it writes the
    file; an editor saving it in between must not make it write into the file still shared with `site/`."""
    root, config = site
    (root / "content" / "tep").mkdir()
    (root / "content" / "tep" / "bieu-mau.txt").write_text("Biểu mẫu.\n", encoding="utf-8")
    _mkdocs(config, "--dirty")
    kept = tmp_path / "kept"  # as a web server still serving the site would hold it
    os.link(root / "site" / built, kept)
    before = kept.read_bytes()
    document = _documents(root)[2]
    document.write_text(document.read_text(encoding="utf-8") + "\nThêm.\n", encoding="utf-8")
    source = root / "content" / source
    script = (
        "import os, time\nfrom mkdocs.commands import build\nfrom mkdocs.config import load_config\n"
        f"real = build.{step}\n"
        "def saving(*args, **kwargs):\n"  # the editor saves, between MkDocs reading and writing the pages
        f"    with open({str(source)!r}, 'a', encoding='utf-8') as handle:\n"
        "        handle.write('\\nSửa trong lúc dựng.\\n')\n"
        f"    os.utime({str(source)!r}, (time.time() + 60, time.time() + 60))\n"
        "    return real(*args, **kwargs)\n"
        f"build.{step} = saving\n"
        f"config = load_config(config_file={str(config)!r})\n"
        "config.plugins.on_startup(command='build', dirty=True)\n"
        "build.build(config, dirty=True)\nconfig.plugins.on_shutdown()\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PORTAL_BUILD_COMMIT=""))
    assert result.returncode == 0, result.stderr[-3000:]
    assert (root / "site" / built).stat().st_ino == kept.stat().st_ino  # linked, not written
    assert kept.read_bytes() == before
    _mkdocs(config, "--dirty")  # the next build has the file as saved
    assert "Sửa trong lúc dựng." in (root / "site" / built).read_text(encoding="utf-8")
