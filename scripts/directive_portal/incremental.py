"""What one build keeps on disk for the next: the build cache, and builds after one edit (`--dirty`).

A successful `mkdocs build` leaves in the cache folder (`.portal-cache/` beside mkdocs.yml,
git-ignored):
- `state.pickle`: a digest of the data of every page the portal shows data on, and every
  file the site generator wrote into the site: what `--dirty` needs of the last site;
- `cache.pickle`: the files read, the citations found and what the pages stage found in
  each body (`pipeline.Cache`), saved while the old site is removed;
- `outputs.pickle`: the output writers' per-document work (search terms), written after the
  outputs by a process of their writers' own, which holds the site's lock until it is saved
  (`outputs.write_all`).
Each carries a key: the package's version and a hash of its code, of the theme's
templates and of the site's configuration. A file with another key, or one that cannot
be read, is ignored: the build is then a full one. Deleting the folder is always safe.

`mkdocs build --dirty` then stages the new site by hard-linking every file of the current
site into the staging folder (`stage`, by a child process while the build's data is made);
the pages of deleted or renamed documents are then unlinked (and, once every file is
written, the folders they leave empty removed: `prune`), and so are the pages whose data
or source changed, before the site generator writes them (`unshare`), so the current site
is never written through a shared link; the output writers write their files anew, or
link those whose bytes the current site has (the search index). The result is the same,
byte for byte, as a clean full build of the same content.

The state names the site it describes: it is removed when a build starts (under the
site's lock) and written again after the new site is in place, so a build that fails or
is killed leaves no state that could describe a site that is not there.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import tempfile
from dataclasses import dataclass, field
from importlib import metadata
from typing import Iterable

from . import collector, parallel

FOLDER = ".portal-cache"
STATE_FILE = "state.pickle"
CACHE_FILE = "cache.pickle"
OUTPUTS_FILE = "outputs.pickle"
PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def folder_for(config_file: str) -> str:
    """The cache folder of the site whose configuration is `config_file`."""
    return os.path.join(os.path.dirname(os.path.abspath(config_file)), FOLDER)


def _hash_tree(digest, folder: str) -> None:
    for here, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(here, name)
            digest.update(os.path.relpath(path, folder).encode("utf-8", "surrogateescape") + b"\0")
            with open(path, "rb") as handle:
                digest.update(handle.read())


def schema_key(config_file: str, template_dirs: Iterable[str], extra: str = "") -> str:
    """What a cached file must have been made with: this package (version and code), the
    theme's templates and assets (which hold the site generator's own), the configuration."""
    digest = hashlib.blake2b(digest_size=16)
    for package in ("directive-portal", "mkdocs", "mkdocs-material"):
        try:
            digest.update(f"{package}={metadata.version(package)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=?\0".encode())
    for folder in (PACKAGE_DIR, *template_dirs):
        digest.update(b"\1" + os.path.abspath(folder).encode("utf-8", "surrogateescape"))
        _hash_tree(digest, folder)
    with open(config_file, "rb") as handle:
        digest.update(b"\2" + handle.read())
    digest.update(extra.encode("utf-8"))
    return digest.hexdigest()


# The settings of a site's configuration that pages show: read after `!ENV` and `INHERIT`, which
# the configuration file's text does not show (the footer's build commit comes from `!ENV`).
CONFIG_KEYS = ("site_name", "site_url", "site_description", "site_author", "copyright", "repo_url", "repo_name",
               "edit_uri", "use_directory_urls", "nav", "extra", "extra_css", "extra_javascript",
               "markdown_extensions", "mdx_configs", "theme", "docs_dir")


def config_text(config) -> str:
    """The resolved settings of `config` (a mapping) that a page can show, as text for `schema_key`."""
    def plain(value):
        if isinstance(value, dict) or hasattr(value, "items"):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        if isinstance(value, (str, int, float, bool, type(None))):
            return value
        name = getattr(value, "__qualname__", None)  # a function (toc's slugify): its name, not its address
        return f"{getattr(value, '__module__', '')}.{name}" if name else re.sub(r" at 0x[0-9a-f]+", "", str(value))

    return json.dumps({key: plain(config.get(key)) for key in CONFIG_KEYS}, sort_keys=True, ensure_ascii=False)


def load(path: str, key: str) -> object | None:
    """What `save` wrote at `path` with `key`; None if there is none, or another key, or it is damaged."""
    try:
        with open(path, "rb") as handle, collector.paused():  # millions of objects, all kept (collector.py)
            saved_key, value = pickle.load(handle)
    except Exception:  # none yet, damaged, or made by code that no longer exists: a full build
        return None
    return value if saved_key == key else None


def save(path: str, key: str, value: object) -> None:
    """Write `value` with `key`, renamed into place (a reader never sees half a file)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    handle = tempfile.NamedTemporaryFile("wb", dir=os.path.dirname(path), prefix=".tmp-", delete=False)
    try:
        with handle:
            pickle.dump((key, value), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except BaseException:
        os.unlink(handle.name)
        raise


@dataclass
class State:
    """What a build knows of the site it made: see the module's docstring."""

    digests: dict[str, bytes] = field(default_factory=dict)  # page source -> digest of its data
    files: frozenset[str] = frozenset()  # every file the site generator wrote, relative to the site


def stage(site_dir: str, staging: str, keep: Iterable[str], gz: bool = False) -> int:
    """Hard-link each file of `keep` (paths relative to the site), and with `gz` the `.gz` beside
    it, from `site_dir` into `staging`; files missing from the site are skipped. Returns how many
    were linked."""
    linked = 0
    made: set[str] = set()
    for rel in keep:
        for name in (rel, rel + ".gz") if gz else (rel,):
            source = os.path.join(site_dir, name)
            target = os.path.join(staging, name)
            parent = os.path.dirname(target)
            if parent not in made:
                os.makedirs(parent, exist_ok=True)
                made.add(parent)
            try:
                os.link(source, target)
            except (FileNotFoundError, FileExistsError):  # not in the site (a `.gz`), or already there
                continue
            linked += 1
    return linked


def unshare(staging: str, paths: Iterable[str]) -> None:
    """Remove each file (and its `.gz`) the build is about to write, so that it writes a new
    file rather than into one shared with the current site."""
    for rel in paths:
        for name in (rel, rel + ".gz"):
            try:
                os.unlink(os.path.join(staging, name))
            except FileNotFoundError:
                pass


def prune(staging: str, paths: Iterable[str]) -> None:
    """Remove the folders of `paths` (relative to `staging`) that are left empty, and then
    their parents left empty, deepest first (those of a deleted document's pages)."""
    for folder in sorted({os.path.dirname(rel) for rel in paths}, key=lambda f: f.count("/"), reverse=True):
        while folder:
            try:
                os.rmdir(os.path.join(staging, folder))
            except OSError:  # not empty (or gone already): its parents are not empty either
                break
            folder = os.path.dirname(folder)


class Store:
    """The build cache on disk, as one build of one site uses it: opened under the site's lock
    (the state is read, then removed), saved once the new site is in place."""

    def __init__(self, config_file: str, template_dirs: tuple[str, ...], empty_cache, site_dir: str,
                 dirty: bool, settings: str = "", gz: bool = False, staging: str = "") -> None:
        # `gz`: the build writes `.gz` files (precompress.py), so an unchanged page keeps its own;
        # `staging`: the folder this build writes into, where `--dirty` links the current site's files
        self.folder = folder_for(config_file)
        self.key = schema_key(config_file, template_dirs, settings)
        state_path = os.path.join(self.folder, STATE_FILE)
        state = load(state_path, self.key)
        if os.path.exists(state_path):
            os.unlink(state_path)
        self.state = state if isinstance(state, State) else None
        # `--dirty` reuses the current site only when the state describes it
        self.incremental = dirty and self.state is not None and os.path.isdir(site_dir)
        cache = load(os.path.join(self.folder, CACHE_FILE), self.key)
        self.cache = cache.for_folder(empty_cache.content_dir) if cache is not None else empty_cache
        self.files: frozenset[str] = frozenset()
        self.gz = gz
        # Then every file of the last build is linked into `staging` by a child process, while
        # this one makes the build's data (thousands of `mkdir`s: 0.5 s at 1,500 documents);
        # `prepare` unlinks those this build does not write.
        self.linking = None
        if self.incremental and staging:
            files = self.state.files
            self.linking = parallel.Started(lambda: stage(site_dir, staging, files, gz))

    def previous_digests(self) -> dict[str, bytes] | None:
        """The last build's page digests, for `--dirty` (None: every page is built)."""
        return self.state.digests if self.incremental else None

    @property
    def outputs_file(self) -> tuple[str, str]:
        return os.path.join(self.folder, OUTPUTS_FILE), self.key

    def save_cache(self) -> None:
        """Save the files read and citations found (keyed by content, so saved before or after
        the swap alike)."""
        save(os.path.join(self.folder, CACHE_FILE), self.key, self.cache.without_outputs())

    def prepare(self, site_dir: str, staging: str, files: Iterable[str]) -> bool:
        """Note the files this build writes; for `--dirty`, have in `staging` those the last
        build wrote too, linked. True when the staging folder holds the last build's files."""
        self.files = frozenset(files)
        if self.incremental:
            linking, self.linking = self.linking, None
            if linking is None or linking.wait() is None:  # not begun, or its process failed
                stage(site_dir, staging, self.state.files, self.gz)
            unshare(staging, self.state.files - self.files)  # pages of deleted or renamed documents
        return self.incremental

    def tidy(self, staging: str) -> None:
        """Once every file is written: remove the folders the pages of deleted documents leave
        empty (not before: an output writer could be making a folder inside one)."""
        self.settle()
        if self.incremental and self.files:
            prune(staging, self.state.files - self.files)

    def settle(self) -> None:
        """Let the linking into the staging folder end (before the folder is swapped in or removed)."""
        linking, self.linking = self.linking, None
        if linking is not None:
            linking.wait(run=False)

    def save(self, digests: dict[str, bytes]) -> None:
        save(os.path.join(self.folder, STATE_FILE), self.key, State(digests, self.files))
