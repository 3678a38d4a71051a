"""`han-thuc-hien.ics`: the deadlines written in the documents, as an iCalendar feed.

Made with the `icalendar` library (RFC 5545 escaping, folding and line endings done
right). A day is a one-day all-day event; a period ("trong quý I/2026") is an all-day
event over the whole period, never a day the text does not give; recurring or
yearless deadlines have no date and are left out. Output is deterministic: ids come
from the page and the deadline's place in it, DTSTAMP from the deadline itself, never
the build time. Written by `outputs.write_all`.
"""

from __future__ import annotations

import datetime
import uuid
from urllib.parse import urljoin

from icalendar import Calendar, Event

from .cascade_pages import CALENDAR_PATH, DeadlinesView
from .site_files import Settings, write_files
from .views import Site

_NAMESPACE = uuid.UUID("0b7c3f0e-5a1e-4c55-8d57-6a4f1d2b9c31")


def calendar(site: Site, settings: Settings) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//directive-portal//han-thuc-hien//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Hạn thực hiện — {settings.site_name}")
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    view = next((p.data for p in site.pages if isinstance(p.data, DeadlinesView)), None)
    for item in (view.dated if view else ()):
        d = item.deadline
        event = Event()
        event.add("uid", f"{uuid.uuid5(_NAMESPACE, f'{item.url}#{d.line}#{d.text}')}@han-thuc-hien")
        event.add("dtstamp", datetime.datetime.combine(d.start, datetime.time(0, 0), tzinfo=datetime.timezone.utc))
        event.add("dtstart", d.start)
        event.add("dtend", d.end)
        when = f"Trước ngày {d.label}" if d.kind == "day" else f"Trong {d.label}"
        event.add("summary", f"{when}: {item.title}")
        event.add("description", f"{d.sentence}\n\n{item.number}: {item.title}")
        event.add("transp", "TRANSPARENT")
        if settings.site_url:
            event.add("url", urljoin(settings.site_url.rstrip("/") + "/", item.url))
        cal.add_component(event)
    return cal.to_ical()


def write(site: Site, site_dir: str, settings: Settings) -> None:
    write_files(site_dir, {CALENDAR_PATH: calendar(site, settings)})
