"""What the search knows of each page: one `Entry` per document, cited directive or topic.

Built from `pages.Site` (no MkDocs): published documents (every field a citizen
may remember: signer, Kính gửi, Nơi nhận too), the pages of cited directives the
portal does not publish, found by their number as the documents citing them
are, and the topic pages.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..model import CITED_TYPE_LABELS, PartialDate
from ..views import DirectiveView, Site, TopicView
from .terms import numbers_in_text

SUMMARY_CHARS = 300
HEADINGS_CHARS = 300

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_SECTION = re.compile(r"^\s*(?:\*\*)?([IVXLC]+\.\s+\S.{2,160}?)(?:\*\*)?\s*$")
# The lookahead lets the regex engine skip to the next possible markup character.
_MARKUP = re.compile(r"(?=[!\[*_`>#|])(?:!\[[^\]]*\]\([^)]*\)|\[\^[^\]]*\]|[*_`>#|]+|\[([^\]]*)\]\([^)]*\))")
# The marker of a footnote's text (`[^1]:`): the text itself is the document's and is searched.
FOOTNOTE_DEF = re.compile(r"^\[\^[^\]]+\]:", re.MULTILINE)


@dataclass(frozen=True)
class Entry:
    url: str
    title: str
    number: str
    type: str  # type slug
    type_label: str
    issuer: str
    date: PartialDate | None
    topics: tuple[str, ...]  # topic slugs
    topic_titles: tuple[str, ...]
    headings: str
    summary: str
    body: str  # plain text of the whole document, for full-text search
    cites: tuple[tuple[str, str], ...]  # (number, how): "implements", "cites", "subject", "text"
    kind: str  # "doc", "directive" or "topic"
    people: str = ""  # signer: name, office, on behalf of
    addressees: str = ""  # Kính gửi and Nơi nhận
    replaced: bool = False  # replaced by another document: no longer in force

    @property
    def date_display(self) -> str:
        return self.date.display() if self.date else ""


def plain(markdown: str) -> str:
    """Markdown body as plain text, one space between words."""
    text = FOOTNOTE_DEF.sub(" ", markdown)
    text = _MARKUP.sub(lambda m: m.group(1) or " ", text)
    return " ".join(text.split())  # text.squash, faster: str.split() and `\s` split on the same characters


def clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def headings(markdown: str) -> str:
    found = []
    for line in markdown.splitlines():
        match = _MD_HEADING.match(line) or _SECTION.match(line)
        if match:
            found.append(plain(match.group(1)))
    return clip(" · ".join(found), HEADINGS_CHARS)


def entries(site: Site, texts: dict[bytes, tuple] | None = None) -> list[Entry]:
    """The search entries of a site. `texts` (kept between `mkdocs serve` rebuilds and in the
    build cache): body digest -> (plain text, headings, numbers in the text), made again only
    for changed bodies."""
    found: list[Entry] = []
    used: dict[bytes, tuple[str, str, tuple[str, ...]]] = {}
    for view in site.documents.values():
        doc = view.document
        # Kept by a digest of the body: the build cache on disk need not hold every body twice.
        key = hashlib.blake2b(doc.body.encode("utf-8"), digest_size=16).digest() if texts is not None else b""
        made = texts.get(key) if texts is not None else None
        if made is None:
            body = plain(doc.body)
            made = (body, headings(doc.body), tuple(numbers_in_text(body)))
        if texts is not None:
            used[key] = made
        body, heads, in_text = made
        cites = _cites(view, in_text)
        signer = doc.signer
        found.append(Entry(
            url=doc.url, title=doc.title, number=doc.number, type=doc.type,
            type_label=view.type_label, issuer=doc.issuer, date=doc.date,
            topics=tuple(t.slug for t in view.topics), topic_titles=tuple(t.title for t in view.topics),
            headings=heads,
            summary=clip(body, SUMMARY_CHARS), body=body, cites=cites, kind="doc",
            people=" ".join(filter(None, (signer.on_behalf, signer.title, signer.name))),
            addressees=" · ".join(doc.recipients + doc.distribution),
            replaced=any(item.kind == "replaces" for item in view.replaced_by),
        ))
    if texts is not None:
        texts.clear()
        texts.update(used)
    for page in site.pages:
        if not isinstance(page.data, DirectiveView):
            continue
        view = page.data
        cited = view.cited
        about = cited.title or (view.titles[0] if view.titles else "")
        count = len(view.citing)
        summary = f"{about}. " if about else ""
        summary += f"Văn bản dẫn chiếu, được {count} văn bản trên cổng triển khai hoặc nhắc đến."
        found.append(Entry(
            url=cited.url, title=view.label + (f" về {about}" if about else ""),
            number=cited.id, type=cited.type, type_label=CITED_TYPE_LABELS.get(cited.type, "Văn bản"),
            issuer=cited.issuer, date=cited.date, topics=(), topic_titles=(),
            headings=clip(" · ".join(view.titles), HEADINGS_CHARS), summary=clip(summary, SUMMARY_CHARS),
            body="", kind="directive",
            cites=tuple(sorted({(n, "subject") for t in (about, *view.titles) for n in numbers_in_text(t)})),
            replaced=any(item.kind == "replaces" for item in view.replaced_by),
        ))
    found.extend(topic_entries(site))
    return found


# How a document names a number, strongest first (`weights.CITE_WEIGHTS` weighs them).
_HOW = ("implements", "subject", "cites", "text")


def _cites(view, in_text: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Numbers a document names, each with the strongest way it names it: it carries
    them out, names them in its subject, cites them, or only writes them in its text."""
    doc = view.document
    how: dict[str, str] = {}

    def note(number: str, way: str) -> None:
        if number not in how or _HOW.index(way) < _HOW.index(how[number]):
            how[number] = way

    # The graph has already read every citation: its labels end with the number.
    for item in view.cites:
        note(item.label.rsplit(" số ", 1)[-1], item.relation if item.relation in _HOW else "cites")
    for ref in doc.references:
        note(ref.id, ref.relation if ref.relation in _HOW else "cites")
    for number in numbers_in_text(doc.title):
        note(number, "subject")
    for number in in_text:  # the numbers of its plain text (numbers_in_text)
        note(number, "text")
    return tuple(sorted(how.items()))


def topic_entries(site: Site) -> list[Entry]:
    """The topic pages (the first page of each topic: later pages list older years)."""
    found: dict[str, Entry] = {}
    for page in site.pages:
        if not isinstance(page.data, TopicView) or page.data.topic.slug in found:
            continue
        topic = page.data.topic
        about = " ".join(filter(None, (topic.description, topic.intro)))
        keywords = " · ".join(topic.keywords)
        found[topic.slug] = Entry(
            url=topic.url, title=topic.title, number="", type="chu-de", type_label="Trang chủ đề", issuer="", date=None,
            topics=(topic.slug,), topic_titles=(), headings=clip(keywords, HEADINGS_CHARS),
            summary=clip(about, SUMMARY_CHARS), body=plain(about + " " + keywords), cites=(), kind="topic",
        )
    return list(found.values())
