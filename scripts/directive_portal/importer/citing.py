"""References of an imported document, from the project's citation parser.

Numbers are not unique (`21-KH/TU` of Hà Nội and of Lâm Đồng), so citations are
grouped with the graph's rule: two citations with the same number are one
document when their dates and issuers do not contradict each other. A citation
giving neither joins the one document with its number; when there are several,
it is left out and reported, like the graph reports it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..identity import dates_agree, issuers_agree
from ..model import PartialDate, Reference
from ..numbers import citation_key
from ..references import Citation, find_citations

# `Thực hiện Kế hoạch số 51-KH/TU…` at the start of a sentence: the document implemented.
_IMPLEMENTS = re.compile(
    r"(?:^|[.;:]\s+|\n)\s*(?:Để\s+)?(?:Tiếp tục\s+)?(?:triển khai\s+)?thực hiện\s+$", re.IGNORECASE
)
# `Ngày 22/4/2026, Ban Tuyên giáo và Dân vận Tỉnh ủy có Công văn số 578-CV/BTGDVTU…` opening a letter.
_ANSWERS = re.compile(r"^\s*Ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\s*,[^.;]{3,160}?\b(?:có|ban hành)\s+$", re.I)


def _implemented(opening: str, citations: list[Citation]) -> int:
    """Index of the citation the opening paragraph says this document implements (-1 if none)."""
    for index, citation in enumerate(citations):
        if citation.start >= len(opening):
            break
        before = opening[: citation.start]
        if _IMPLEMENTS.search(before) or _ANSWERS.match(before):
            return index
    return -1


@dataclass
class _Group:
    """The citations of one cited document."""

    first: int  # position of its first citation (title, then body)
    citations: list[Citation] = field(default_factory=list)
    date: PartialDate | None = None  # as the graph compares: the most precise date given
    issuer: str = ""  # as the graph compares: the longest issuer given

    def agrees(self, citation: Citation) -> bool:
        return dates_agree(self.date, citation.date) and issuers_agree(self.issuer, citation.issuer)

    def add(self, citation: Citation, position: int) -> None:
        self.citations.append(citation)
        self.first = min(self.first, position)
        if citation.date and (self.date is None or len(citation.date.iso()) > len(self.date.iso())):
            self.date = citation.date
        if len(citation.issuer) > len(self.issuer):
            self.issuer = citation.issuer

    def reference(self, relation: str) -> Reference:
        """The first mention gives the date, issuer and subject; later ones fill what it leaves out
        (and a full date replaces a year or month)."""
        ordered = self.citations  # in the order they were added: described ones first, by position
        date = None
        for citation in ordered:
            if citation.date and (date is None or len(citation.date.iso()) > len(date.iso())):
                date = citation.date
        return Reference(
            id=ordered[0].id, relation=relation, date=date,
            issuer=next((c.issuer for c in ordered if c.issuer), ""),
            title=_unemphasised(next((c.title for c in ordered if c.title), "")),
            type=next((c.type for c in ordered if c.type), ""),
        )


def _unemphasised(title: str) -> str:
    """`*Đẩy mạnh …*` (a subject quoted in italics) -> `Đẩy mạnh …`: front matter is plain text."""
    stripped = title.strip()
    if len(stripped) > 2 and stripped[0] in "*_" and stripped[-1] == stripped[0]:
        return stripped.strip(stripped[0]).strip()
    return title


@dataclass(frozen=True)
class Cited:
    references: list[Reference]
    # Citations the editor should look at, with where they are: ("title" | "body", citation).
    bad_dates: list[tuple[str, Citation]]  # a date that does not exist (`ngày 31/02/2025`)
    ambiguous: list[tuple[str, Citation]]  # a bare number matching several cited documents


def cited(title: str, body: str, own_number: str = "") -> Cited:
    """Every document cited in the subject or body, once each, with what the citations say of it.

    The document named in an opening `Thực hiện …` is `implements`, the others `cites`.
    """
    text = re.sub(r"\[\^\w+\](?!:)", "", body.lstrip())  # footnote markers would cut citations
    opening = "\n\n".join(text.split("\n\n")[:2])  # `Căn cứ …` may come first
    title_citations = find_citations(title)
    body_citations = find_citations(text)
    implemented = _implemented(opening, body_citations)
    implemented_at = len(title_citations) + implemented if implemented >= 0 else -1
    own = citation_key(own_number) if own_number else ""
    everything = [("title", c) for c in title_citations] + [("body", c) for c in body_citations]
    groups: dict[str, list[_Group]] = {}
    group_of: dict[int, _Group] = {}
    ambiguous: list[tuple[str, Citation]] = []
    for described in (True, False):  # as the graph does: citations with a date or issuer first
        for position, (where, citation) in enumerate(everything):
            if citation.key == own or bool(citation.date or citation.issuer) != described:
                continue
            candidates = groups.setdefault(citation.key, [])
            if described:
                home = next((g for g in candidates if g.agrees(citation)), None)
            elif len(candidates) > 1:
                ambiguous.append((where, citation))
                continue
            else:
                home = candidates[0] if candidates else None
            if home is None:
                home = _Group(position)
                candidates.append(home)
            home.add(citation, position)
            group_of[position] = home
    implemented_group = group_of.get(implemented_at)
    ordered = sorted((g for gs in groups.values() for g in gs), key=lambda g: g.first)
    return Cited(
        references=[g.reference("implements" if g is implemented_group else "cites") for g in ordered],
        bad_dates=[(where, c) for where, c in everything if c.bad_date and c.key != own],
        ambiguous=ambiguous,
    )


def references(title: str, body: str, own_number: str = "") -> list[Reference]:
    """The references of `cited` (see there)."""
    return cited(title, body, own_number).references
