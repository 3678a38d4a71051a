"""`mkdocs build --dirty` after one edit, against the full build of the same run.

After the portal's full build (which leaves its build cache beside the config file), one
document in the middle of the corpus gets a sentence added (another one at each run); `mkdocs build --dirty` is
timed in a child process like the full builds; the pages it wrote anew are counted (a
page written anew has a new inode: the others are hard links of the previous site); and,
with `check`, a clean full build of the edited content into another folder is compared
with it file by file. The document is put back afterwards.
"""

from __future__ import annotations

import filecmp
import os
import shutil

import yaml

from . import measure

SENTENCE = "\nMột câu thêm vào để đo lần xây dựng lại sau khi sửa một văn bản.\n"


def _files(site: str) -> dict[str, tuple[int, str]]:
    found = {}
    for here, _dirs, names in os.walk(site):
        for name in names:
            path = os.path.join(here, name)
            found[os.path.relpath(path, site)] = (os.stat(path).st_ino, path)
    return found


def differences(built: str, expected: str) -> list[str]:
    """Paths that differ between two site folders (missing on either side, or other bytes)."""
    mine, theirs = _files(built), _files(expected)
    out = sorted(set(mine) ^ set(theirs))
    out += [rel for rel in sorted(set(mine) & set(theirs)) if not filecmp.cmp(mine[rel][1], theirs[rel][1], shallow=False)]
    return out


def _check_config(portal_cfg: str, folder: str) -> str:
    """The portal's config building into `folder/site` with a cache of its own (none yet)."""
    with open(portal_cfg, encoding="utf-8") as handle:
        config = yaml.safe_load(handle)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    config["site_dir"] = os.path.join(folder, "site")
    path = os.path.join(folder, "portal.yml")
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(config, handle, allow_unicode=True, sort_keys=False)
    return path


def measure_dirty_runs(portal_cfg: str, document: str, folder: str, check: bool, runs: int) -> dict:
    """`measure_dirty` `runs` times, each with another sentence (each a real edit of the page):
    the run of median wall time, with `walls` (all of them, sorted) and the first run's
    comparison with a clean build."""
    found = [measure_dirty(portal_cfg, document, folder, check and i == 0,
                           SENTENCE if i == 0 else SENTENCE.replace(".\n", f" (lần {i + 1}).\n"))
             for i in range(max(1, runs))]
    median = dict(sorted(found, key=lambda d: d["wall"])[len(found) // 2])
    median.update({k: v for k, v in found[0].items() if k in ("identical", "different", "clean_wall")})
    median["walls"] = sorted(d["wall"] for d in found)
    return median


def measure_dirty(portal_cfg: str, document: str, folder: str, check: bool, sentence: str = SENTENCE) -> dict:
    site = os.path.join(folder, "site-portal")
    before = _files(site)
    with open(document, encoding="utf-8") as handle:
        original = handle.read()
    try:
        with open(document, "w", encoding="utf-8") as handle:
            handle.write(original + sentence)
        run = measure.run_build(portal_cfg, os.path.join(folder, "dirty.json"), os.path.join(folder, "dirty.log"),
                                dirty=True)
        if run.returncode != 0:
            raise RuntimeError(f"--dirty build failed: see {folder}/dirty.log")
        after = _files(site)
        pages = [rel for rel in after if rel.endswith(".html") and not rel.startswith("so/")]
        rewritten = [rel for rel in pages if rel not in before or before[rel][0] != after[rel][0]]
        result = {"run": measure.as_dict(run), "wall": run.wall, "cpu": run.cpu, "peak_total_mb": run.peak_total_mb,
                  "pages": len(pages), "pages_rewritten": len(rewritten), "rewritten_sample": rewritten[:12]}
        if check:
            check_cfg = _check_config(portal_cfg, os.path.join(folder, "check"))
            clean = measure.run_build(check_cfg, os.path.join(folder, "check.json"), os.path.join(folder, "check.log"))
            if clean.returncode != 0:
                raise RuntimeError(f"clean build for the comparison failed: see {folder}/check.log")
            different = differences(site, os.path.join(folder, "check", "site"))
            result.update(identical=not different, different=different[:20], clean_wall=clean.wall)
            shutil.rmtree(os.path.join(folder, "check"), ignore_errors=True)
        return result
    finally:
        with open(document, "w", encoding="utf-8") as handle:
            handle.write(original)
