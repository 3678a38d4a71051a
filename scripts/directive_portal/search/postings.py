"""The postings of the index: for each term, the documents having it, as machine integers.

A default posting is `doc_id << WEIGHT_BITS | weight`, a full-text posting is `doc_id`;
each term's postings are in increasing order (documents are numbered newest first).
At 10,000 documents there are about 10 million of them, and making them again from each
document's kept terms is the search writer's longest step. So the build cache keeps them
too (`kept`): when the documents are the same ones in the same order and only a few
changed (an edit that keeps a document's date), the changed documents' old postings are
taken out and their new ones put in, which gives exactly the postings made afresh.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, insort
from collections import defaultdict, deque
from functools import partial
from itertools import repeat

from .entries import Entry
from .kept import entry_key, entry_terms, unpack_terms
from .terms import TermCache

WEIGHT_BITS = 6
WEIGHT_MASK = (1 << WEIGHT_BITS) - 1
PATCH_LIMIT = 64  # changed documents beyond which the postings are made afresh


def make(docs: list[Entry], full_text: bool, terms: dict | None, cache: TermCache,
         kept: dict | None = None) -> tuple[dict[str, array], dict[str, array]]:
    """(default, full-text) postings of `docs`, in the order of their numbers. `terms` (kept
    between builds: entry key -> packed terms) is brought up to date; `kept` holds the last
    build's postings and is brought up to date too (both None for a one-off index)."""
    used: dict = {}
    keys = [entry_key(entry) for entry in docs] if terms is not None else []
    found = _patched(docs, keys, full_text, terms, used, cache, kept) if kept and terms is not None else None
    if found is None:
        found = _afresh(docs, keys or [b""] * len(docs), full_text, terms, used, cache)
    if terms is not None:
        terms.clear()
        terms.update(used)
    if kept is not None:
        kept.clear()
        kept.update(keys=tuple(keys), full_text=full_text, default=found[0], full=found[1])
    return found


def _afresh(docs, keys, full_text, terms, used, cache):
    new_postings = partial(array, "I")
    default: dict[str, array] = defaultdict(new_postings)
    full: dict[str, array] = defaultdict(new_postings)
    # `map` and `deque(maxlen=0)` run the appends (millions of them) without a Python loop.
    append, consume = array.append, deque(maxlen=0).extend
    for doc_id, (entry, key) in enumerate(zip(docs, keys)):
        weights, words = entry_terms(entry, key, full_text, terms, used, cache)
        consume(map(append, map(default.__getitem__, weights), map((doc_id << WEIGHT_BITS).__or__, weights.values())))
        if words:
            consume(map(append, map(full.__getitem__, words), repeat(doc_id)))
    return dict(default), dict(full)


def _patched(docs, keys, full_text, terms, used, cache, kept):
    """The last build's postings with the changed documents' taken out and put in again; None
    when that is not possible (other documents, another order, many changes)."""
    before = kept.get("keys", ())
    if kept.get("full_text") != full_text or len(before) != len(keys):
        return None
    changed = [i for i, (old, new) in enumerate(zip(before, keys)) if old != new]
    if len(changed) > PATCH_LIMIT or not all(key in terms for key in before):
        return None
    default, full = kept["default"], kept["full"]
    for i in changed:
        weights, words = unpack_terms(terms[before[i]])
        for term in weights:
            _take_out(default, term, i << WEIGHT_BITS, i << WEIGHT_BITS | WEIGHT_MASK)
        for word in words:
            _take_out(full, word, i, i)
    changed_keys = {keys[i] for i in changed}
    for key in keys:  # the unchanged documents' terms, kept as they are
        if key not in changed_keys:
            used[key] = terms[key]
    for i in changed:
        weights, words = entry_terms(docs[i], keys[i], full_text, terms, used, cache)
        for term, weight in weights.items():
            insort(default.setdefault(term, array("I")), i << WEIGHT_BITS | weight)
        for word in words:
            insort(full.setdefault(word, array("I")), i)
    return default, full


def _take_out(postings: dict[str, array], term: str, low: int, high: int) -> None:
    items = postings[term]
    at = bisect_left(items, low)
    if at < len(items) and items[at] <= high:
        del items[at]
    if not items:
        del postings[term]
