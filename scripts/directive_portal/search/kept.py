"""What the search writer keeps between builds (the build's cache, on disk too): each entry's
terms, under a digest of the entry and packed into a few objects, quick to pickle and load."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from .entries import Entry
from .terms import TermCache, word_terms
from .weights import default_terms


def entry_key(entry: Entry) -> bytes:
    """What an entry's terms are kept under between builds (the build cache on disk holds no
    Entry, whose body would be kept twice): a digest of all it holds (the body hashed as it
    is: `repr` of a whole document's text cost a second at 10,000 documents)."""
    digest = hashlib.blake2b(repr(replace(entry, body="")).encode("utf-8"), digest_size=16)
    digest.update(entry.body.encode("utf-8"))
    return digest.digest()


def pack_terms(weights: dict[str, int], words: set[str]) -> tuple[str, tuple[int, ...], str]:
    """An entry's terms as three objects, not thousands: quick to pickle and unpickle."""
    return "\n".join(weights), tuple(weights.values()), "\n".join(words)


def unpack_terms(packed: tuple[str, tuple[int, ...], str]) -> tuple[dict[str, int], list[str]]:
    keys, values, words = packed
    return dict(zip(keys.split("\n"), values)) if keys else {}, words.split("\n") if words else []


def entry_terms(entry: Entry, key: bytes, full_text: bool, terms: dict | None, used: dict, cache: TermCache):
    """An entry's weighted terms and words: from `terms` (kept from the last build) under `key`
    (`entry_key(entry)`; unused without `terms`) when there, else made; noted in `used` (what
    `terms` keeps for the next build)."""
    packed = terms.get(key) if terms is not None else None
    if packed is not None:
        used[key] = packed
        return unpack_terms(packed)
    weights = default_terms(entry, cache)
    words = word_terms(entry.body, cache) if full_text and entry.body else set()
    cache.trim()
    if terms is not None:
        used[key] = pack_terms(weights, words)
    return weights, words
