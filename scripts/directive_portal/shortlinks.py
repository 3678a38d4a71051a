"""Short links by number: `so/53-CT-TW/` redirects to the page of that document.

One static page per number (meta refresh, canonical link and a plain link; no
JavaScript), for every published document with a number and every cited
directive the portal has a page for. The path is the number with its
diacritics folded, every separator made `-` and in lower case (`15-CV/ĐU` ->
`so/15-cv-du/`): one folder per number, since `so/15-CV-DU/` beside `so/15-cv-du/`
would collide on a case-insensitive file system or host. Numbers are not unique: when one short
link fits several documents the page lists them for the reader to choose.
"""

from __future__ import annotations

import os
import posixpath
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

import jinja2

from . import csp
from .site_files import Settings, write_files
from .views import DirectiveView, Site

PREFIX = "so"
TEMPLATE = "partials/portal-shortlink.html"
CARD = "assets/portal-card.png"  # the site-wide share image
_SEPARATORS = re.compile(r"[^0-9A-Za-z]+")


@dataclass(frozen=True)
class Target:
    url: str  # site-relative
    number: str  # as printed: `15-CV/ĐU`
    label: str  # `Công văn số 15-CV/ĐU`
    detail: str  # date and issuer


def number_slug(number: str) -> str:
    """`53-CT/TW` -> `53-CT-TW`; `123/2024/NĐ-CP` -> `123-2024-ND-CP`."""
    text = number.replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn")
    return _SEPARATORS.sub("-", text).strip("-")


def targets(site: Site) -> dict[str, tuple[Target, ...]]:
    """Number slug -> the distinct pages it may mean, in a stable order."""
    found: dict[str, dict[str, Target]] = defaultdict(dict)
    for view in site.documents.values():
        doc = view.document
        if doc.number and number_slug(doc.number):
            detail = " · ".join(x for x in (view.date, doc.issuer) if x)
            found[number_slug(doc.number)][doc.url] = Target(doc.url, doc.number, f"{view.type_label} số {doc.number}: {doc.title}", detail)
    for page in site.pages:
        if isinstance(page.data, DirectiveView):
            cited = page.data.cited
            key = number_slug(cited.id)
            if key:
                detail = " · ".join(x for x in (page.data.date, cited.issuer) if x)
                found[key].setdefault(cited.url, Target(cited.url, cited.id, page.data.label, detail))
    return {key: tuple(sorted(urls.values(), key=lambda t: t.url)) for key, urls in sorted(found.items())}


def _environment(folders: str | tuple[str, ...]) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folders), autoescape=True,
                              keep_trailing_newline=True)


def pages(site: Site, settings: Settings, folders: str | tuple[str, ...]) -> dict[str, str]:
    """Every short-link page: path in the site -> HTML, from the template in `folders`."""
    environment = _environment(folders)
    template = environment.get_template(TEMPLATE)
    inline = csp.inline_in([environment.loader.get_source(environment, TEMPLATE)[0]])
    out: dict[str, str] = {}
    folders: dict[str, list[Target]] = defaultdict(list)
    for key, choices in targets(site).items():  # `15-CV-DU` and `15-cv-du` share one folder
        folders[key.lower()].extend(t for t in choices if t not in folders[key.lower()])
    for variant, choices in folders.items():
        here = f"{PREFIX}/{variant}/"
        links = [(posixpath.relpath(t.url, here.rstrip("/")) + "/", t) for t in choices]
        out[f"{here}index.html"] = csp.with_policy(template.render(
            number=" / ".join(dict.fromkeys(t.number for t in choices)), links=links, site_name=settings.site_name,
            canonical=(settings.site_url.rstrip("/") + "/" + choices[0].url) if settings.site_url else links[0][0],
            home=posixpath.relpath(".", here.rstrip("/")) + "/",
            card=(settings.site_url.rstrip("/") + "/" if settings.site_url else "../../") + CARD), inline)
    return out


def templates_dirs(settings: Settings) -> tuple[str, ...]:
    """The theme's template folders the site generator gave; else `overrides/` beside the
    content folder (a writer run on its own, in tests and benchmarks)."""
    return settings.template_dirs or (os.path.join(os.path.dirname(os.path.abspath(settings.docs_dir)), "overrides"),)


def write(site: Site, site_dir: str, settings: Settings) -> None:
    write_files(site_dir, pages(site, settings, templates_dirs(settings)))
