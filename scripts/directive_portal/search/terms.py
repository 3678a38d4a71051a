"""Terms of the search index: syllables, syllable pairs, number keys, exact forms.

The browser does the same to a query (overrides/assets/search/search.js):
fold (no diacritics, `đ` as `d`, lower case), split into syllables of
`[a-z0-9]`, pair adjacent syllables, and turn document numbers typed in any
common form into one key. The number rules use the same tables as the
citation parser (`model.TYPE_CODES`, `model.TYPE_WORDS`, leading zeros dropped
as in `references.citation_key`); `number_rules()` hands them to the browser.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import chain, islice

from ..model import DOCUMENT_TYPES, TYPE_CODES, TYPE_WORDS
from ..references import canonical_id, citation_key
from ..text import fold

_SYLLABLE = re.compile(r"[a-z0-9]+")
_WORD = re.compile(r"\w+")
_PARTY = re.compile(r"^(\d+)-([^/]+)/(.+)$")
_STATE = re.compile(r"^(\d+)/(\d{4})/(.+)$")

NUMBER_PREFIX = "#"
EXACT_PREFIX = "~"


# Folding is the costly part of indexing (a Python loop over every character), and
# documents repeat the same words: fold each whitespace-separated chunk once. Folding
# chunk by chunk gives the same syllables as folding the whole text, since whitespace
# folds to itself, is no syllable character and composes or cases with nothing around it.
_CACHE_LIMIT = 500_000
_chunk_syllables: dict[str, list[str]] = {}
_exact_word: dict[str, str | None] = {}


def clear_caches() -> None:
    _chunk_syllables.clear()
    _exact_word.clear()
    _number_terms.cache_clear()


def syllables(text: str) -> list[str]:
    """Folded syllables of `text`: `Chuyển đổi số` -> ['chuyen', 'doi', 'so']."""
    cache = _chunk_syllables
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    chunks = text.split()
    for chunk in set(chunks).difference(cache):
        cache[chunk] = _SYLLABLE.findall(fold(chunk))
    return list(chain.from_iterable(map(cache.__getitem__, chunks)))


def pairs(tokens: list[str]) -> list[str]:
    """Adjacent syllable pairs: Vietnamese words are mostly two syllables."""
    return list(map(" ".join, zip(tokens, islice(tokens, 1, None))))


def word_terms(text: str) -> set[str]:
    tokens = syllables(text)
    found = set(tokens)
    found.update(map(" ".join, zip(tokens, islice(tokens, 1, None))))
    return found


def exact_terms(text: str) -> set[str]:
    """Lower-case syllables as written, `~trách`, `~hoa`: a query typed with
    diacritics means its plain syllables too (`văn hoa` is not `văn hóa`)."""
    cache = _exact_word
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    found = set()
    for word in _WORD.findall(unicodedata.normalize("NFC", text).lower()):
        try:
            term = cache[word]
        except KeyError:
            term = cache[word] = EXACT_PREFIX + word if _SYLLABLE.fullmatch(fold(word)) else None
        if term is not None:
            found.add(term)
    return found


def _code(code: str) -> str:
    return fold(code)


def number_terms(number: str) -> set[str]:
    """Keys a number is found by: `53-CT/TW` -> {'#53ct', '#53ct/tw'}."""
    return set(_number_terms(number))


@lru_cache(maxsize=65536)
def _number_terms(number: str) -> frozenset[str]:
    """Keys a number is found by (cached: documents cite the same numbers again and again)."""
    if not number:
        return frozenset()
    key = fold(citation_key(canonical_id(number)))
    match = _PARTY.match(key)
    if match:
        num, code, issuer = match.groups()
        if not num:
            return frozenset()
        base = f"{NUMBER_PREFIX}{num}{_code(code)}"
        return frozenset((base, f"{base}/{issuer.replace('-', '')}"))
    match = _STATE.match(key)
    if match:
        num, year, code = match.groups()
        base = f"{NUMBER_PREFIX}{num}/{year}"
        return frozenset((base, f"{base}/{code.replace('-', '')}"))
    return frozenset()


def number_rules() -> dict:
    """The tables the browser needs to read numbers in a query."""
    codes = sorted({_code(code) for code in TYPE_CODES} | {"ctr"}, key=lambda c: (-len(c), c))
    words = {}
    for phrase, type_slug in TYPE_WORDS.items():
        code = DOCUMENT_TYPES.get(type_slug, ("", ""))[1]
        if code:
            words[fold(phrase)] = _code(code)
    return {"codes": codes, "words": dict(sorted(words.items(), key=lambda kv: (-len(kv[0]), kv[0])))}


_RULES = number_rules()
_CODES = "|".join(_RULES["codes"])
_WORDS = "|".join(re.escape(w) for w in _RULES["words"])
_Q_FULL = re.compile(rf"(?<![a-z0-9])(?:(?:{_WORDS})\s+)?(?:so\s*)?0*(\d{{1,4}})\s*[-/ ]\s*({_CODES})\s*[-/ ]\s*([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)?)(?![a-z0-9])")
_Q_STATE = re.compile(rf"(?<![a-z0-9])(?:(?:{_WORDS}|luat|nghi dinh|thong tu)\s+)?(?:so\s*)?0*(\d{{1,4}})\s*/\s*(\d{{4}})\s*/\s*([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)?)(?![a-z0-9])")
_Q_WORD = re.compile(rf"(?<![a-z0-9])({_WORDS})\s+(?:so\s*)?0*(\d{{1,4}})(?![0-9])")
_Q_CODE = re.compile(rf"(?<![a-z0-9])({_CODES})\s*[-.]?\s*0*(\d{{1,4}})(?![0-9])")


def query_terms(query: str) -> tuple[list[str], list[str], list[str]]:
    """(required terms, bonus terms, exact-form terms) of a query.

    Python twin of `parseQuery` in search.js, used by the tests to pin the rules.
    """
    text = fold(unicodedata.normalize("NFC", query))
    numbers: list[str] = []

    def take(key: str) -> str:
        numbers.append(key)
        return " "

    text = _Q_STATE.sub(lambda m: take(f"#{m[1]}/{m[2]}/{m[3].replace('-', '')}"), text)
    text = _Q_FULL.sub(lambda m: take(f"#{m[1]}{m[2]}/{m[3].replace('-', '')}"), text)
    text = _Q_WORD.sub(lambda m: take(f"#{m[2]}{_RULES['words'][m[1]]}"), text)
    text = _Q_CODE.sub(lambda m: take(f"#{m[2]}{m[1]}"), text)
    tokens = _SYLLABLE.findall(text)
    required = numbers + list(dict.fromkeys(tokens))
    bonus = list(dict.fromkeys(pairs(tokens)))
    typed_marks = fold(query) != unicodedata.normalize("NFC", query).lower()
    exact = sorted(exact_terms(query)) if typed_marks and not numbers else []
    return required, bonus, exact
