"""Citations of other documents found in text: one parser for the whole project.

`find_citations(text)` returns every citation of a numbered document
(`Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị về "…"`,
`Kế hoạch 21-KH/TU`, `Luật số 39/2024/QH15`, `Chỉ thị số 53-` / `CT/TW` split by
a PDF line break) with its canonical id and, where the citation gives them,
its date, issuer and subject. It works on any string and knows nothing of
files or MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import TYPE_CODES, TYPE_WORDS, PartialDate
from .numbers import DASHES, canonical_id, citation_key, type_from_number
from .text import squash

_DASH = DASHES
_UPPER = "A-ZĐƠƯÂÊÔĂ"

# Type words, longest first, each word allowed to be split by a line break.
_TYPE_WORD_ALTS = "|".join(
    r"\s+".join(re.escape(word) for word in phrase.split())
    for phrase in sorted(TYPE_WORDS, key=len, reverse=True)
)

_PARTY_NUMBER = (
    rf"(?P<pnum>\d{{1,4}})\s*[{_DASH}]\s*"
    rf"(?P<ptype>[{_UPPER}][{_UPPER}a-zđ]{{0,3}})\s*/\s*"
    rf"(?P<pissuer>[{_UPPER}][{_UPPER}0-9]*(?:[{_DASH}][{_UPPER}][{_UPPER}0-9]*)?)"
)
_STATE_NUMBER = (
    rf"(?P<snum>\d{{1,4}})\s*/\s*(?P<syear>(?:19|20)\d\d)\s*/\s*"
    rf"(?P<scode>[{_UPPER}][{_UPPER}0-9]*(?:\s*[{_DASH}]\s*[{_UPPER}][{_UPPER}0-9]*)*)"
)

CITATION = re.compile(
    # Not in the middle of a word, a longer number or a URL (`12345-CT/TW`, `…/van-ban/53-CT/TW`).
    rf"(?<![\w/.{re.escape(_DASH)}])"
    rf"(?:(?P<word>{_TYPE_WORD_ALTS})\s+(?:(?:số|Số)\s*)?)?"
    rf"(?:{_PARTY_NUMBER}|{_STATE_NUMBER})"
    rf"(?![{_UPPER}a-z0-9])",
    re.IGNORECASE,
)

_DATE_AFTER = re.compile(
    r"\s*,?\s*ngày\s+(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})"
    # An unsigned copy leaves the day, or day and month, blank: `ngày tháng 4 năm 2026`.
    r"|(?:[.…_]+\s*)?tháng\s+(?:(?P<m3>\d{1,2})\s+|[.…_]+\s*)?năm\s+(?P<y3>\d{4}))",
    re.IGNORECASE,
)
# A line break may continue a phrase, but not a blank line, a list item or a heading.
_SOFT = r"(?:\n(?![ \t]*(?:\n|[-+*#>]|\d+\.|[a-zđ]\)|[IVX]+\.)))"
_ISSUER_AFTER = re.compile(
    rf"\s*,?\s*của\s+(?P<issuer>(?:[^,;:()“”\"\n]|{_SOFT}){{2,120}}?)"
    r"(?=\s+về\b|\s*[,;:()“”\"]|\s*\.(?:\s|$)|\s*$|\s+(?:nhằm|để|đã|có)\s"
    r"|\s+(?:quy định|hướng dẫn|ban hành)\s)",
    re.IGNORECASE,
)
_NEXTCITATION_IN_ISSUER = re.compile(
    rf"\s*(?:,|\bvà\b)\s*(?=(?:{_TYPE_WORD_ALTS})\s+(?:số\s*)?\d)", re.IGNORECASE
)
# "Luật Thủ đô (Luật số 39/2024/QH15)": the name before the parenthesis.
_NAME_BEFORE = re.compile(r"(?P<name>Luật\s+[^\s()][^()\n]{1,60}?)\s*\(\s*$")
_QUOTED_SUBJECT = re.compile(
    r"\s*,?\s*(?:về\s+(?:việc\s+)?)?[“\"](?P<title>[^”\"]{3,400})[”\"]", re.IGNORECASE
)
_PLAIN_SUBJECT = re.compile(
    rf"\s*,?\s*về\s+(?:việc\s+)?(?P<title>(?:[^;()“”\"\n]|{_SOFT}){{3,300}}?)(?=\s*[;()“”\"]|\.\s|\.$|$|\n"
    # "…, Ban Thường vụ Đảng ủy phường đề nghị": the sentence goes on with who acts.
    r"|,\s+(?-i:Ban|Đảng ủy|Đảng uỷ|Chi bộ|Ủy ban|Uỷ ban|Thường trực|Văn phòng)\s)",
    re.IGNORECASE,
)
# "…các nghị quyết của Bộ Chính trị: Nghị quyết số 79-NQ/TW; Nghị quyết số 80-NQ/TW.": a plain
# subject that ends in a list of citations separated by `;` goes on to the sentence end.
_ENDS_WITH_NUMBER = re.compile(rf"(?:{_PARTY_NUMBER}|{_STATE_NUMBER})$", re.IGNORECASE)
_LIST_NEXT = re.compile(rf"\s*;\s*(?=(?:{_TYPE_WORD_ALTS})\s+(?:số\s*)?\d)", re.IGNORECASE)
_SUBJECT_REST = re.compile(
    rf"(?:[^;()“”\"\n]|{_SOFT}){{1,300}}?(?=\s*[;()“”\"]|\.\s|\.$|$|\n"
    r"|,\s+(?-i:Ban|Đảng ủy|Đảng uỷ|Chi bộ|Ủy ban|Uỷ ban|Thường trực|Văn phòng)\s)",
    re.IGNORECASE,
)
_DANGLING = re.compile(r"\s(?:về|của|là|và)$", re.IGNORECASE)
_NESTED_QUOTE = re.compile(r"\s*(?P<quoted>[“\"][^”\"]{3,400}[”\"])")
# "Ngày 22/4/2026, Ban Tuyên giáo và Dân vận Tỉnh ủy có Công văn số 578-CV/BTGDVTU"
_DATE_BEFORE = re.compile(
    r"Ngày\s+(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})\s*,\s*"
    r"(?P<issuer>[^,;.()\n]{3,120}?)\s+(?:có|ban hành|đã ban hành)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Citation:
    """One citation of a numbered document in a piece of text."""

    id: str  # canonical number: `53-CT/TW`, `39/2024/QH15`
    type: str  # type slug (`chi-thi`, `luat`) or "" when unknown
    date: PartialDate | None
    issuer: str
    title: str
    start: int  # span of the type word and number in the text
    end: int
    full_end: int  # end of the whole citation (date, issuer, subject)
    line: int  # 1-based line of `start` in the text
    text: str  # the matched type word and number, as written
    # A date as written that does not exist (`ngày 31/02/2025`): `date` is then None,
    # and callers may warn the editor.
    bad_date: str = ""

    @property
    def key(self) -> str:
        return citation_key(self.id)


def _date(day: str | None, month: str | None, year: str | None) -> PartialDate | None:
    """The date, `PartialDate(2026, 4)` when the day is blank; None when it does not exist."""
    if not year:
        return None
    try:
        return PartialDate.checked(int(year), int(month) if month else None, int(day) if day else None)
    except ValueError:
        return None


def _type_word_slug(word: str | None) -> str:
    if not word:
        return ""
    return TYPE_WORDS.get(squash(word).lower(), "")


def _describe(text: str, end: int) -> tuple[PartialDate | None, str, str, int, str]:
    """Read the date, issuer and subject that follow a number in `text`
    (and the date as written when it does not exist)."""
    date, issuer, title, bad_date = None, "", "", ""
    match = _DATE_AFTER.match(text, end)
    if match:
        date = _date(match["d"] or match["d2"], match["m"] or match["m2"] or match["m3"],
                     match["y"] or match["y2"] or match["y3"])
        if date is None:
            bad_date = squash(match.group(0).lstrip(" \t\n,"))
        end = match.end()
    match = _ISSUER_AFTER.match(text, end)
    if match:
        issuer = squash(match["issuer"])
        # "của Ban Thường vụ Tỉnh ủy và Chỉ thị 05-CT/TW": stop before the next citation.
        cut = _NEXTCITATION_IN_ISSUER.search(issuer)
        if cut:
            issuer = issuer[: cut.start()]
            end = match.start("issuer") + len(issuer)
        else:
            end = match.end()
    match = _QUOTED_SUBJECT.match(text, end) or _PLAIN_SUBJECT.match(text, end)
    if match:
        title = squash(match["title"])
        end = match.end()
        # "về việc triển khai Chỉ thị số 53-CT/TW … của Bộ Chính trị về “…”": the plain
        # subject stopped at the quote of a nested subject; take the quoted part too.
        nested = _NESTED_QUOTE.match(text, end) if _DANGLING.search(title) else None
        if nested:
            title = squash(title + " " + nested["quoted"])
            end = nested.end()
        elif match.re is _PLAIN_SUBJECT:
            start = match.start("title")
            while _ENDS_WITH_NUMBER.search(title):
                separator = _LIST_NEXT.match(text, end)
                rest = _SUBJECT_REST.match(text, separator.end()) if separator else None
                if not rest:
                    break
                end = rest.end()
                title = squash(text[start:end])
    return date, issuer, title, end, bad_date


# Every citation has a number: a run of digits followed by a dash or a slash. Finding those
# runs first and trying `CITATION` only there (from the type word before the run, if any,
# else from the run) gives the same matches as `CITATION.finditer`, about 4 times faster:
# the big pattern is no longer tried at every position of a 10 KB text.
_NUMBER_RUN = re.compile(rf"\d+\s*[{_DASH}/]")
_TYPE_WORD_BEFORE = re.compile(rf"(?:{_TYPE_WORD_ALTS})\s+(?:(?:số|Số)\s*)?\Z", re.IGNORECASE)
# Words a type word and `số` take before a number: "Nghị quyết số 57-NQ/TW".
_WORDS_BEFORE = max(len(phrase.split()) for phrase in TYPE_WORDS) + 1


def _words_back(text: str, end: int, floor: int) -> int:
    """Where the `_WORDS_BEFORE` words before `end` begin (not before `floor`), however
    much white space (PDF line breaks) lies between them."""
    pos = end
    for _ in range(_WORDS_BEFORE):
        while pos > floor and text[pos - 1].isspace():
            pos -= 1
        while pos > floor and not text[pos - 1].isspace():
            pos -= 1
    return pos


def citation_matches(text: str):
    last = 0
    for run in _NUMBER_RUN.finditer(text):
        start = run.start()
        if start < last:
            continue
        word = _TYPE_WORD_BEFORE.search(text, _words_back(text, start, last), start)
        match = CITATION.match(text, word.start()) if word else None
        match = match or CITATION.match(text, start)
        if match:
            last = match.end()
            yield match


def find_citations(text: str) -> list[Citation]:
    """Every citation of a numbered document in `text`, in order."""
    found: list[Citation] = []
    # Lines counted on from the previous citation, not from the start: linear in the text's length.
    counted, line = 0, 1
    for match in citation_matches(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        if match["pnum"]:
            raw = f"{match['pnum']}-{match['ptype']}/{match['pissuer']}"
            code = match["ptype"].upper()
            if code not in TYPE_CODES and not match["word"]:
                continue  # `2-3/TW`-like noise without a type word
        else:
            raw = f"{match['snum']}/{match['syear']}/{match['scode']}"
        id_ = canonical_id(raw)
        type_ = _type_word_slug(match["word"]) or type_from_number(id_)
        date, issuer, title, full_end, bad_date = _describe(text, match.end())
        if date is None and not bad_date:
            before = _DATE_BEFORE.search(text, max(0, match.start() - 200), match.start())
            if before:
                date = _date(before["d"], before["m"], before["y"])
                if date is None:
                    bad_date = f"Ngày {before['d']}/{before['m']}/{before['y']}"
                issuer = issuer or squash(before["issuer"])
        if not title:
            named = _NAME_BEFORE.search(text, max(0, match.start() - 80), match.start())
            if named:
                title = squash(named["name"])
        found.append(
            Citation(
                id=id_,
                type=type_,
                date=date,
                issuer=issuer,
                title=title,
                start=match.start(),
                end=match.end(),
                full_end=full_end,
                line=line,
                text=match.group(0),
                bad_date=bad_date,
            )
        )
    return found
