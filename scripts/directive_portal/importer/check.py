"""Faithfulness check: every word of the source is in the imported file, in order.

Words are runs of letters and digits after NFC, lower-cased; numbers lose
leading zeros (`02` = `2`, so the date `2026-04` matches `tháng 4 năm 2026`);
footnote markers (`¹`, `[^1]`) are not words. The check is:

- as a multiset, source words = words of the front matter values (title,
  number, place, date, signer, recipients, distribution) + body + the labels
  the importer reports as dropped (`Số`, `ngày tháng năm`, `Kính gửi`,
  `Nơi nhận`, the national header, the type word, the printed issuer lines,
  which `issuer` restates; `issuer` itself is left out as it may be inferred);
- in strict order, the body's words (footnote texts aside) are a subsequence
  of the source's words, and each footnote text is a run of source words.

The header block's layout order varies from copy to copy, so it is compared
as a multiset only. The body is compared as a reader sees it: raw HTML tags
(`<Tên cơ quan>` left unescaped, which a browser hides) and link addresses
(`[Phụ lục](kèm theo)`) are not words, HTML entities (`&lt;`) are the
characters they stand for.
"""

from __future__ import annotations

import html
import re
from collections import Counter

import yaml
from markdown.inlinepatterns import HTML_RE

from ..text import nfc
from .footnotes import SUPERSCRIPTS

_WORD = re.compile(r"[^\W_]+")
FOOTNOTE_DEF = re.compile(r"^\[\^\w+\]:\s*(.*)$", re.M)
_FOOTNOTE_REF = re.compile(r"\[\^\w+\]")
# Python-Markdown passes these through as HTML: `<https://…>` is a link showing its address,
# any other tag-like `<…>` is hidden by the browser.
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>")
_RAW_HTML = re.compile(HTML_RE)
# `[text](address)` shows only its text, `![text](address)` as an image its text at most;
# `[label]: address` on a line of its own shows nothing. A `\[` written escaped is text.
_LINK = re.compile(r"(?<!\\)!?\[([^\]^][^\]]*)\]\([^)]*\)")
_LINK_DEFINITION = re.compile(r"^ {0,3}(?<!\\)\[[^\]^][^\]]*\]:.*$", re.M)


def _shown(markdown: str) -> str:
    """The text of Markdown as a browser shows it, near enough to count words."""
    links: list[str] = []

    def keep(match: re.Match) -> str:
        links.append(match[1])
        return f"\x00{len(links) - 1}\x00"

    text = _LINK_DEFINITION.sub(" ", _LINK.sub(r"\1", markdown))
    text = _RAW_HTML.sub(" ", _AUTOLINK.sub(keep, text))
    text = re.sub(r"\x00(\d+)\x00", lambda m: links[int(m[1])], text)
    return html.unescape(text)


def words(text: str) -> list[str]:
    text = nfc(text).lower()
    text = re.sub(rf"[{SUPERSCRIPTS}]|\[\^\w+\]", " ", text)
    return [w.lstrip("0") or "0" if w.isdigit() else w for w in _WORD.findall(text)]


def _front_words(front: dict) -> list[str]:
    out: list[str] = []
    for key in ("title", "number", "place", "date"):
        out += words(str(front.get(key) or ""))
    for key in ("name", "title", "on_behalf"):
        out += words((front.get("signer") or {}).get(key, ""))
    for key in ("recipients", "distribution"):
        for item in front.get(key) or []:
            out += words(item)
    return out


def _is_subsequence(needle: list[str], haystack: list[str]) -> int:
    """Index in `needle` of the first word not found in order (-1 when all are)."""
    it = iter(haystack)
    for index, word in enumerate(needle):
        if not any(word == other for other in it):
            return index
    return -1


def _contains_run(needle: list[str], haystack: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def problems(source: str, output: str, dropped: tuple[str, ...] = ()) -> list[str]:
    """What the output lost or added compared with the source ([] when faithful)."""
    _, front_text, body = output.split("---\n", 2)
    front = yaml.safe_load(front_text) or {}
    notes = [_shown(note) for note in FOOTNOTE_DEF.findall(body)]
    main = _shown(_FOOTNOTE_REF.sub(" ", FOOTNOTE_DEF.sub("", body)))
    source_words = words(source)
    found: list[str] = []
    expected = Counter(_front_words(front)) + Counter(words(main))
    for note in notes:
        expected += Counter(words(note))
    for item in dropped:
        expected += Counter(words(item))
    have = Counter(source_words)
    missing = have - expected
    extra = expected - have
    if missing:
        found.append("thiếu từ: " + ", ".join(f"{w}×{n}" for w, n in sorted(missing.items())))
    if extra:
        found.append("thừa từ: " + ", ".join(f"{w}×{n}" for w, n in sorted(extra.items())))
    body_words = words(main)
    stop = _is_subsequence(body_words, source_words)
    if stop >= 0:
        found.append("sai thứ tự từ trong nội dung, từ: " + " ".join(body_words[max(0, stop - 5): stop + 5]))
    for note in notes:
        if not _contains_run(words(note), source_words):
            found.append(f"chú thích không khớp văn bản gốc: {note[:60]}")
    return found
