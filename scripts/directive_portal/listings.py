"""Lists of documents, newest first, and the listing pages: all documents by year, one
page per type and per issuer; a long list shows its newest and a page per year.
"""

from __future__ import annotations

from collections import defaultdict

from .listing_facets import facets, groups, index_pages
from .model import DOCUMENT_TYPES, Document
from .text import slug
from .views import LISTING_DIR, DocItem, GeneratedPage, ListingView, Lists

def _year_label(doc: Document) -> str:
    return str(doc.date.year) if doc.date else "Không rõ năm"


def group_by_year(lists: Lists, docs: list[Document], item=None) -> tuple[tuple[str, tuple[DocItem, ...]], ...]:
    item = item or lists.item
    groups: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        groups[_year_label(doc)].append(doc)
    order = sorted(groups, key=lambda y: (not y.isdigit(), -int(y) if y.isdigit() else 0))
    return tuple((year, tuple(item(d) for d in lists.newest(groups[year]))) for year in order)


def split(lists: Lists, url_dir: str, heading: str, docs: list[Document], limit: int, item=None, types=(), issuers=()):
    """A list of documents, newest first, cut at `limit`.

    Returns (the items shown, year page links, the year pages): past the limit, each
    year gets its own page at `<url_dir><year>/`; below it, nothing more is made.
    """
    item = item or lists.item
    newest = lists.newest(docs)
    if len(newest) <= limit:
        return tuple(item(d) for d in newest), (), []
    links, pages = [], []
    for year, items in group_by_year(lists, newest, item):
        year_slug = year if year.isdigit() else slug(year)
        links.append((year, f"{url_dir}{year_slug}/", len(items)))
        title = f"{heading}: {'năm ' + year if year.isdigit() else year.lower()}"
        pages.append(GeneratedPage(f"{url_dir}{year_slug}.md", title, "listing.html",
                                   ListingView(title, ((year, items),), types, issuers, (), len(items), len(items))))
    return tuple(item(d) for d in newest[:limit]), tuple(links), pages


def _listing(lists: Lists, src: str, year_dir: str, heading: str, docs: list[Document], types, issuers,
             limit: int) -> list[GeneratedPage]:
    """A listing page grouped by year; a long one shows the newest and links a page per year
    (`<year_dir><year>/`)."""
    shown, year_pages, extra = split(lists, year_dir, heading, docs, limit, types=types, issuers=issuers)
    if year_pages:
        groups = group_by_year(lists, lists.newest(docs)[:limit])
        years = year_pages
    else:
        groups = group_by_year(lists, docs)
        years = tuple((year, "", len(items)) for year, items in groups)  # "": an anchor on this page
    view = ListingView(heading, groups, types, issuers, years, len(docs), len(shown))
    return [GeneratedPage(src, heading, "listing.html", view)] + extra


def listings(lists: Lists, docs: list[Document], limit: int) -> list[GeneratedPage]:
    """The page of all documents by year, one page per type and per issuer (each with the
    filters of the documents it lists), and the year and filter index pages."""
    by_type, by_issuer, issuer_names = groups(docs)
    pages = _listing(lists, f"{LISTING_DIR}/index.md", f"{LISTING_DIR}/nam/", "Tất cả văn bản", docs, *facets(docs), limit)
    for type_slug, members in by_type.items():
        base = f"{LISTING_DIR}/loai/{type_slug}"
        pages += _listing(lists, f"{base}.md", f"{base}/", DOCUMENT_TYPES[type_slug][0], members, *facets(members), limit)
    for key, members in by_issuer.items():
        base = f"{LISTING_DIR}/co-quan/{key}"
        pages += _listing(lists, f"{base}.md", f"{base}/", issuer_names[key], members, *facets(members), limit)
    return pages + index_pages(docs, lambda members: group_by_year(lists, members))
