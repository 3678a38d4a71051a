"""A document's body with its citations turned into Markdown links to the cited pages."""

from __future__ import annotations

from .markdown_spans import overlaps, protected_ranges
from .views import relative_md_link


def link_citations(body: str, spans: tuple[tuple[int, int, str], ...], src: str) -> str:
    """Turn each citation span `(start, end, site URL)` of a Markdown body into a Markdown link,
    except where a link cannot go (code, links, angle brackets: `markdown_spans`)."""
    out, last = [], 0
    protected = protected_ranges(body) if spans else []
    for start, end, url in sorted(spans):
        if start < last or overlaps(start, end, protected):
            continue
        out.append(body[last:start])
        out.append(f"[{body[start:end]}]({relative_md_link(src, url)})")
        last = end
    out.append(body[last:])
    return "".join(out)
