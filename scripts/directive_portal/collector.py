"""Python's cyclic garbage collector and the build's data, which lives until the build ends.

The collector walks every container object it tracks at each full collection, and a build
makes millions of them that it keeps (documents, citations, page data): the more there are,
the more full collections and the longer each one, so a 10,000-document build spent a
quarter of the time making its data in the collector (13 s instead of 17–20 s without it),
to find nothing to free. `paused()` turns it off while the data is made; `freeze()` then
moves that data out of its reach while the site generator renders the pages.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block (objects are still freed as soon as nothing refers
    to them); the collector as it was afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def freeze() -> None:
    """The page data lives until the end of the build: keep the collector from walking it again
    at every full collection while the pages are rendered."""
    gc.freeze()


def unfreeze() -> None:
    gc.unfreeze()
