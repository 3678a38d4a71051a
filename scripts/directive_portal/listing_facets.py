"""The filters of a listing, counted over the documents it lists, and the pages that
make `/van-ban/<year>/`, `/van-ban/loai/` and `/van-ban/co-quan/` real addresses.

On `/van-ban/loai/ke-hoach/` the issuer filter counts the plans of each issuer, not
every document of it: an issuer with no plan is not offered there. Called by
`listings.listings`.
"""

from __future__ import annotations

from collections import defaultdict

from .model import DOCUMENT_TYPES, Document
from .text import slug
from .views import LISTING_DIR, GeneratedPage, ListingView

UNKNOWN_ISSUER = "Không rõ cơ quan ban hành"

Facet = tuple[str, str, int]  # (label, url, count)


def issuer_key(doc: Document) -> str:
    return slug(doc.issuer) or "khong-ro"


def groups(docs: list[Document]) -> tuple[dict[str, list[Document]], dict[str, list[Document]], dict[str, str]]:
    """Documents by type and by issuer key, and each issuer key's name."""
    by_type: dict[str, list[Document]] = defaultdict(list)
    by_issuer: dict[str, list[Document]] = defaultdict(list)
    names: dict[str, str] = {}
    keys: dict[str, str] = {}  # issuer -> its key, made once per issuer (slugs are slow)
    for doc in docs:
        key = keys.get(doc.issuer)
        if key is None:
            key = keys[doc.issuer] = issuer_key(doc)
        by_type[doc.type].append(doc)
        by_issuer[key].append(doc)
        names.setdefault(key, doc.issuer or UNKNOWN_ISSUER)
    return by_type, by_issuer, names


def facets(docs: list[Document]) -> tuple[tuple[Facet, ...], tuple[Facet, ...]]:
    """(types, issuers) of exactly these documents, with their counts."""
    by_type, by_issuer, names = groups(docs)
    types = tuple((DOCUMENT_TYPES[t][0], f"{LISTING_DIR}/loai/{t}/", len(by_type[t]))
                  for t in DOCUMENT_TYPES if t in by_type)
    issuers = tuple((names[k], f"{LISTING_DIR}/co-quan/{k}/", len(by_issuer[k]))
                    for k in sorted(by_issuer, key=lambda k: names[k]))
    return types, issuers


def index_pages(docs: list[Document], group_by_year) -> list:
    """`van-ban/<year>/` for every year, `van-ban/loai/` and `van-ban/co-quan/`.

    `group_by_year(docs)` gives the (year, items) groups of a listing (listings.group_by_year).
    """
    types, issuers = facets(docs)
    pages = [
        GeneratedPage(f"{LISTING_DIR}/loai.md", "Văn bản theo loại", "listing.html",
                      ListingView("Văn bản theo loại", (), types, issuers, (), len(docs), 0)),
        GeneratedPage(f"{LISTING_DIR}/co-quan.md", "Văn bản theo cơ quan ban hành", "listing.html",
                      ListingView("Văn bản theo cơ quan ban hành", (), types, issuers, (), len(docs), 0)),
    ]
    by_year: dict[int, list[Document]] = defaultdict(list)
    for doc in docs:
        if doc.date:
            by_year[doc.date.year].append(doc)
    for year, members in sorted(by_year.items()):
        heading = f"Văn bản năm {year}"
        year_types, year_issuers = facets(members)
        pages.append(GeneratedPage(f"{LISTING_DIR}/{year}.md", heading, "listing.html",
                                   ListingView(heading, group_by_year(members), year_types, year_issuers, (),
                                               len(members), len(members))))
    return pages
