"""Terms of the search index: syllables, syllable pairs, number keys, exact forms.

The browser does the same to a query (overrides/assets/search/engine.js):
fold (no diacritics, `đ` as `d`, lower case), split into syllables of
`[a-z0-9]`, pair adjacent syllables, and turn document numbers typed in any
common form into one key. The number rules use the same tables as the
citation parser (`model.TYPE_CODES`, `model.TYPE_WORDS`, leading zeros dropped
as in `references.citation_key`); `number_rules()` hands them to the browser.

A number is found by its type-level key (`#53ct`): every form people type
(`53-CT/TW`, `53/CT`, `CT-TW 53`, `chi thi 53`) gives that key; the issuer
(`#53ct/tw`) only ranks.

Memo tables (folding is the costly part of indexing) live in a `TermCache`
the caller owns (the build's cache object), never in module globals.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import chain, islice

from ..model import DOCUMENT_TYPES, TYPE_CODES, TYPE_WORDS
from ..numbers import canonical_id, citation_key
from ..text import fold

_SYLLABLE = re.compile(r"[a-z0-9]+")
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.;:!?…]+\s")
_PARTY = re.compile(r"^(\d+)-([^/]+)/(.+)$")
_STATE = re.compile(r"^(\d+)/(\d{4})/(.+)$")
_UPPER = "A-ZĐƠƯÂÊÔĂ"
# Numbers written in a text (`Chỉ thị số 53-CT/TW`, `Luật số 39/2024/QH15`).
_NUMBER_IN_TEXT = re.compile(
    rf"(?<![\w/-])(?:\d{{1,4}}\s*-\s*[{_UPPER}][{_UPPER}a-zđ]{{0,3}}\s*/\s*[{_UPPER}][{_UPPER}0-9]*(?:-[{_UPPER}][{_UPPER}0-9]*)?"
    rf"|\d{{1,4}}/(?:19|20)\d\d/[{_UPPER}][{_UPPER}0-9]*(?:-[{_UPPER}][{_UPPER}0-9]*)?)")

NUMBER_PREFIX = "#"
EXACT_PREFIX = "~"
_CACHE_LIMIT = 500_000


class TermCache:
    """Memo tables of one build (or of `mkdocs serve`'s builds): folded syllables of
    each whitespace-separated chunk, the exact form of each word, the keys of each
    number. Folding chunk by chunk gives the same syllables as folding the whole
    text, since whitespace folds to itself and composes with nothing around it."""

    def __init__(self) -> None:
        self.chunks: dict[str, list[str]] = {}
        self.exact: dict[str, str | None] = {}
        self.numbers: dict[str, frozenset[str]] = {}

    def __getstate__(self) -> dict:
        return {}  # memo tables of one process: a build cache on disk keeps none of them

    def __setstate__(self, state: dict) -> None:
        self.__init__()

    def trim(self) -> None:
        for table in (self.chunks, self.exact, self.numbers):
            if len(table) > _CACHE_LIMIT:
                table.clear()


def syllables(text: str, cache: TermCache | None = None) -> list[str]:
    """Folded syllables of `text`: `Chuyển đổi số` -> ['chuyen', 'doi', 'so']."""
    if cache is None:
        return _SYLLABLE.findall(fold(text))
    table = cache.chunks
    chunks = text.split()
    for chunk in set(chunks).difference(table):
        table[chunk] = _SYLLABLE.findall(fold(chunk))
    return list(chain.from_iterable(map(table.__getitem__, chunks)))


def pairs(tokens: list[str]) -> list[str]:
    """Adjacent syllable pairs: Vietnamese words are mostly two syllables."""
    return list(map(" ".join, zip(tokens, islice(tokens, 1, None))))


def word_terms(text: str, cache: TermCache | None = None) -> set[str]:
    """Syllables, and pairs of adjacent syllables within a sentence: a pair never
    spans `.`, `;`, `:`, `!`, `?` followed by a space, so a quoted phrase is not found
    across the end of one sentence and the start of the next (commas do not part)."""
    found: set[str] = set()
    for part in _SENTENCE_END.split(text):
        tokens = syllables(part, cache)
        found.update(tokens)
        found.update(map(" ".join, zip(tokens, islice(tokens, 1, None))))
    return found


def exact_terms(text: str, cache: TermCache | None = None) -> set[str]:
    """Lower-case syllables as written, `~trách`, `~hoa`: a query typed with
    diacritics means its plain syllables too (`văn hoa` is not `văn hóa`)."""
    table = cache.exact if cache is not None else {}
    found = set()
    for word in _WORD.findall(unicodedata.normalize("NFC", text).lower()):
        try:
            term = table[word]
        except KeyError:
            term = table[word] = EXACT_PREFIX + word if _SYLLABLE.fullmatch(fold(word)) else None
        if term is not None:
            found.add(term)
    return found


def number_terms(number: str, cache: TermCache | None = None) -> frozenset[str]:
    """Keys a number is found by: `53-CT/TW` -> {'#53ct', '#53ct/tw'}."""
    if cache is None:
        return _number_terms(number)
    found = cache.numbers.get(number)
    if found is None:
        found = cache.numbers[number] = _number_terms(number)
    return found


def numbers_in_text(text: str) -> list[str]:
    """Document numbers written in a text, as written: `Chỉ thị số 53-CT/TW` -> ['53-CT/TW']."""
    return _NUMBER_IN_TEXT.findall(text)


def _number_terms(number: str) -> frozenset[str]:
    if not number:
        return frozenset()
    key = fold(citation_key(canonical_id(number)))
    match = _PARTY.match(key)
    if match:
        num, code, issuer = match.groups()
        if not num:
            return frozenset()
        base = f"{NUMBER_PREFIX}{num}{fold(code)}"
        return frozenset((base, f"{base}/{issuer.replace('-', '')}"))
    match = _STATE.match(key)
    if match:
        num, year, code = match.groups()
        base = f"{NUMBER_PREFIX}{num}/{year}"
        return frozenset((base, f"{base}/{code.replace('-', '')}"))
    return frozenset()


def number_rules() -> dict:
    """The tables the browser needs to read numbers in a query."""
    codes = sorted({fold(code) for code in TYPE_CODES} | {"ctr"}, key=lambda c: (-len(c), c))
    words = {}
    for phrase, type_slug in TYPE_WORDS.items():
        code = DOCUMENT_TYPES.get(type_slug, ("", ""))[1]
        if code:
            words[fold(phrase)] = fold(code)
    return {"codes": codes, "words": dict(sorted(words.items(), key=lambda kv: (-len(kv[0]), kv[0])))}


_RULES = number_rules()
_CODES = "|".join(_RULES["codes"])
_WORDS = "|".join(re.escape(w) for w in _RULES["words"])
_ISSUER = r"[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)?"
_B = r"(?<![a-z0-9])"
# Tried in this order on the folded query; engine.js has the same patterns.
_Q_STATE = re.compile(rf"{_B}(?:(?:{_WORDS}|luat|nghi dinh|thong tu)\s+)?(?:so\s*)?0*(\d{{1,4}})\s*/\s*(\d{{4}})\s*/\s*({_ISSUER})(?![a-z0-9])")
_Q_FULL = re.compile(rf"{_B}(?:(?:{_WORDS})\s+)?(?:so\s*)?0*(\d{{1,4}})\s*[-/ ]\s*({_CODES})\s*[-/ ]\s*({_ISSUER})(?![a-z0-9])")
_Q_NUM_CODE = re.compile(rf"{_B}(?:(?:{_WORDS})\s+)?(?:so\s*)?0*(\d{{1,4}})\s*[-/]\s*({_CODES})(?![a-z0-9])")
_Q_WORD = re.compile(rf"{_B}({_WORDS})\s+(?:so\s*)?0*(\d{{1,4}})(?![0-9])")
_Q_CODE = re.compile(rf"{_B}({_CODES})(?:\s*[-/]\s*({_ISSUER}))?\s*[-.]?\s*0*(\d{{1,4}})(?![0-9])")


def query_numbers(text: str) -> tuple[str, list[str], list[str]]:
    """Numbers of a folded query: (the rest of the text, required keys, issuer keys)."""
    required: list[str] = []
    refine: list[str] = []

    def take(key: str, issuer: str | None) -> str:
        required.append(key)
        if issuer:
            refine.append(f"{key}/{issuer.replace('-', '')}")
        return " "

    text = _Q_STATE.sub(lambda m: take(f"#{m[1]}/{m[2]}", m[3]), text)
    text = _Q_FULL.sub(lambda m: take(f"#{m[1]}{m[2]}", m[3]), text)
    text = _Q_NUM_CODE.sub(lambda m: take(f"#{m[1]}{m[2]}", None), text)
    text = _Q_WORD.sub(lambda m: take(f"#{m[2]}{_RULES['words'][m[1]]}", None), text)
    text = _Q_CODE.sub(lambda m: take(f"#{m[3]}{m[1]}", m[2]), text)
    return text, required, refine


def query_terms(query: str) -> tuple[list[str], list[str], list[str]]:
    """(required terms, bonus terms, exact-form terms) of a query.

    Python twin of `parseQuery` in engine.js, used by the tests to pin the rules.
    """
    text, numbers, refine = query_numbers(fold(unicodedata.normalize("NFC", query)))
    tokens = _SYLLABLE.findall(text)
    required = list(dict.fromkeys(numbers)) + list(dict.fromkeys(tokens))
    bonus = list(dict.fromkeys(refine)) + list(dict.fromkeys(pairs(tokens)))
    typed_marks = fold(query) != unicodedata.normalize("NFC", query).lower()
    exact = sorted(exact_terms(query)) if typed_marks and not numbers else []
    return required, bonus, exact
