"""Topic introductions with the directives they name linked: "Chỉ thị số 53-CT/TW ngày
26/10/2025 …" in a topic's `intro` (content/topics.yml) links to the page of 53-CT/TW.

The intro is the editors' plain text: it is split into paragraphs and each paragraph
into (text, url) pieces, url "" for plain text; the template (topic.html) writes the
links and escapes every piece. A number the portal has no page for, or one shared by
several cited documents with no date to choose between them, stays plain text.
"""

from __future__ import annotations

from collections import defaultdict

from .views import DirectiveView, Site
from .numbers import citation_key
from .references import find_citations

Piece = tuple[str, str]  # (text, site-relative url or "")


def targets(site: Site) -> dict[str, tuple[tuple[str, str], ...]]:
    """Citation key -> ((date ISO or "", url), ...) of every cited-document page and published document."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for page in site.pages:
        if isinstance(page.data, DirectiveView):
            cited = page.data.cited
            found[citation_key(cited.id)][cited.url] = cited.date.iso() if cited.date else ""
    for view in site.documents.values():
        doc = view.document
        if doc.number:
            found[citation_key(doc.number)][doc.url] = doc.date.iso() if doc.date else ""
    return {key: tuple((date, url) for url, date in urls.items()) for key, urls in found.items()}


def _url(choices: tuple[tuple[str, str], ...], date) -> str:
    if len(choices) == 1:
        return choices[0][1]
    if date is not None:  # several documents share the number: the date says which
        same = [url for iso, url in choices if iso == date.iso()]
        return same[0] if len(same) == 1 else ""
    return ""


def paragraph(text: str, known: dict[str, tuple[tuple[str, str], ...]]) -> list[Piece]:
    pieces: list[Piece] = []
    last = 0
    for cite in find_citations(text):
        url = _url(known.get(citation_key(cite.id), ()), cite.date)
        if not url:
            continue
        if cite.start > last:
            pieces.append((text[last:cite.start], ""))
        pieces.append((text[cite.start:cite.end], url))
        last = cite.end
    if last < len(text) or not pieces:
        pieces.append((text[last:], ""))
    return pieces


def paragraphs(intro: str, site: Site | None) -> list[list[Piece]]:
    """The intro's paragraphs (blank-line separated), each as linked pieces."""
    known = targets(site) if site is not None else {}
    return [paragraph(para.strip(), known) for para in (intro or "").split("\n\n") if para.strip()]
