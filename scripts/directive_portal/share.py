"""What a page says of itself when shared: title, description, citation, JSON-LD.

`for_page` gives the templates one `PageShare` per page (the plugin puts it in the
context as `portal_share`); `portal-head.html` turns it into Open Graph and
Twitter meta and JSON-LD, `portal-share.html` into the share and copy buttons.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .views import DirectiveView, DocumentView, TopicView
from .structured import cited_legislation, legislation


@dataclass(frozen=True)
class PageShare:
    description: str = ""
    citation: str = ""  # `Công văn số 15-CV/ĐU ngày 05/01/2026 của ... về “...”`
    kind: str = "website"  # Open Graph type
    json_ld: dict | None = None
    feed: str = ""  # site-relative URL of the page's own feed, if any
    topic_urls: tuple[str, ...] = field(default_factory=tuple)  # pages to save offline


def citation(view: DocumentView) -> str:
    """How a document is cited in another document."""
    doc = view.document
    text = f"{view.type_label} số {doc.number}" if doc.number else f"{view.type_label} (chưa có số)"
    if doc.date:
        text += f" ngày {doc.date.display()}" if doc.date.day else f" {doc.date.display()}"
    if doc.issuer:
        text += f" của {doc.issuer}"
    title = doc.title.strip()
    lowered = title.lower()
    if lowered.startswith("v/v "):
        text += " về việc " + title[4:].strip()
    elif lowered.startswith("về "):
        text += " về " + title[3:].strip()
    elif title:
        text += f" về “{title}”"
    return text


def description(view: DocumentView) -> str:
    """Subject line and number: what a chat app shows under the title."""
    doc = view.document
    head = f"{view.type_label} số {doc.number}" if doc.number else view.type_label
    if view.date:  # "ngày 05/01/2026", but "tháng 4/2026" and "năm 2026" when the copy leaves the day blank
        head += f" ngày {view.date}" if doc.date and doc.date.day else f" {view.date}"
    if doc.issuer:
        head += f" của {doc.issuer}"
    return f"{head}: {doc.title}"


def for_page(view: object, page_url: str, site_url: str = "") -> PageShare:
    if isinstance(view, DocumentView):
        return PageShare(description(view), citation(view), "article",
                         legislation(view, page_url, site_url))
    if isinstance(view, DirectiveView):
        return PageShare(json_ld=cited_legislation(view, page_url, site_url))
    if isinstance(view, TopicView):
        topic = view.topic
        return PageShare(topic.description or f"Các văn bản về {topic.title}",
                         feed=f"{topic.url}feed.xml",
                         topic_urls=tuple(item.url for item in view.documents))
    return PageShare()
