"""Build into a staging folder and replace the site only when the build succeeded."""

from __future__ import annotations

import os
import shutil


def staging_dir(site_dir: str) -> str:
    site_dir = os.path.abspath(site_dir)
    parent, name = os.path.split(site_dir.rstrip(os.sep))
    return os.path.join(parent, f".{name}-staging")


def prepare(site_dir: str) -> str:
    """A fresh, empty staging folder beside `site_dir`."""
    staging = staging_dir(site_dir)
    shutil.rmtree(staging, ignore_errors=True)
    os.makedirs(staging)
    return staging


def commit(staging: str, site_dir: str) -> None:
    """Swap the finished staging folder in place of `site_dir`."""
    site_dir = os.path.abspath(site_dir)
    old = staging + "-old"
    shutil.rmtree(old, ignore_errors=True)
    if os.path.exists(site_dir):
        os.rename(site_dir, old)
    os.rename(staging, site_dir)
    shutil.rmtree(old, ignore_errors=True)


def discard(staging: str) -> None:
    shutil.rmtree(staging, ignore_errors=True)
