"""When two descriptions of a document can be the same document: issuer and date agree.

Numbers are not unique (every province's committee is `TU`), so a citation joins a
document only when what both say of its issuer and date does not disagree: what one
leaves out agrees with anything. Used by the graph, the registry and the importer.
"""

from __future__ import annotations

from .model import PartialDate
from .text import fold, squash

ISSUER_PREFIXES = ("ban thuong vu ", "ban chap hanh ", "thuong truc ", "tm ", "t/m ")


def issuer_root(issuer: str) -> str:
    """Comparable form of an issuer: folded, without the 'Ban Thường vụ' prefix."""
    text = fold(squash(issuer)).replace("dang bo ", "dang uy ")
    for prefix in ISSUER_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text


def issuers_agree(a: str, b: str) -> bool:
    if not a or not b:
        return True
    return roots_agree(issuer_root(a), issuer_root(b))


def roots_agree(ra: str, rb: str) -> bool:
    """`issuers_agree` on `issuer_root`s computed beforehand ("" for no issuer)."""
    return not ra or not rb or ra.startswith(rb) or rb.startswith(ra)


def dates_agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    if a is None or b is None:
        return True
    if a.year != b.year:
        return False
    if a.month and b.month and a.month != b.month:
        return False
    return not (a.day and b.day and a.day != b.day)
