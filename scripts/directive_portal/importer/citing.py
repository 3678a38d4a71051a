"""References of an imported document, from the project's citation parser."""

from __future__ import annotations

import re

from ..model import Reference
from ..references import Citation, citation_key, find_citations

# `Thực hiện Kế hoạch số 51-KH/TU…` at the start of a sentence: the document implemented.
_IMPLEMENTS = re.compile(
    r"(?:^|[.;:]\s+|\n)\s*(?:Để\s+)?(?:Tiếp tục\s+)?(?:triển khai\s+)?thực hiện\s+$", re.IGNORECASE
)
# `Ngày 22/4/2026, Ban Tuyên giáo và Dân vận Tỉnh ủy có Công văn số 578-CV/BTGDVTU…` opening a letter.
_ANSWERS = re.compile(r"^\s*Ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\s*,[^.;]{3,160}?\b(?:có|ban hành)\s+$", re.I)


def _implemented(opening: str, citations: list[Citation]) -> str:
    """Key of the document the opening paragraph says this one implements ("" if none)."""
    for citation in citations:
        if citation.start >= len(opening):
            break
        before = opening[: citation.start]
        if _IMPLEMENTS.search(before) or _ANSWERS.match(before):
            return citation.key
    return ""


def references(title: str, body: str, own_number: str = "") -> list[Reference]:
    """Every document cited in the subject or body, once each, with what the citations say of it.

    The first mention gives the date, issuer and subject; later mentions fill
    what it leaves out. The document named in an opening `Thực hiện …` is
    `implements`, the others `cites`.
    """
    text = re.sub(r"\[\^\w+\](?!:)", "", body.lstrip())  # footnote markers would cut citations
    opening = "\n\n".join(text.split("\n\n")[:2])  # `Căn cứ …` may come first
    body_citations = find_citations(text)
    implemented = _implemented(opening, body_citations)
    found: dict[str, dict] = {}
    own = citation_key(own_number) if own_number else ""
    for citation in find_citations(title) + body_citations:
        key = citation.key
        if key == own:
            continue
        entry = found.setdefault(key, {"id": citation.id, "date": None, "issuer": "", "title": "", "type": citation.type})
        entry["date"] = entry["date"] or citation.date
        entry["issuer"] = entry["issuer"] or citation.issuer
        entry["title"] = entry["title"] or citation.title
    return [
        Reference(
            id=e["id"], relation="implements" if key == implemented else "cites",
            date=e["date"], issuer=e["issuer"], title=e["title"], type=e["type"],
        )
        for key, e in found.items()
    ]
