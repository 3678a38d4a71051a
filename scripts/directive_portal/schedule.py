"""Scheduled publication: a document with `publish_on: 'YYYY-MM-DD'` is held back until that day.

Until its day (in Vietnam's time, UTC+7) the document is treated exactly as a draft: not
built, not searchable, not in feeds or listings, no page links to it. "Today" is the build's
setting (`pipeline.Settings.today`), so a build is a function of its content and that day:
tests pass a fixed day, the MkDocs adapter and the editors' commands pass Vietnam's.
"""

from __future__ import annotations

import datetime
from dataclasses import replace
from typing import Iterable

from .history import VIETNAM
from .model import SCHEDULED, Document, Problem


def today_in_vietnam(now: datetime.datetime | None = None) -> datetime.date:
    """The day it is in Vietnam (at `now`, or now): the day a build publishes as of."""
    return (now or datetime.datetime.now(datetime.timezone.utc)).astimezone(VIETNAM).date()


def held(document: Document, today: datetime.date) -> bool:
    """Whether a document that would be published waits for a later day."""
    return document.status == "published" and document.publish_on is not None and document.publish_on > today


def hold(documents: Iterable[Document], today: datetime.date) -> tuple[Document, ...]:
    """The documents, those whose day has not come marked as scheduled (which is not public)."""
    return tuple(replace(d, status=SCHEDULED) if held(d, today) else d for d in documents)


def notes(documents: Iterable[Document], prefix: str = "") -> list[Problem]:
    """One line per scheduled document for `portal check`: information, never a warning."""
    return [Problem(prefix + d.path, d.line_of("publish_on"),
                    f"hẹn công bố ngày {d.publish_on.strftime('%d/%m/%Y')}", "", "info", "scheduled")
            for d in documents if d.is_scheduled and d.publish_on is not None]
