"""Which mentions of one number are one document: clusters of agreeing descriptions.

Numbers are not unique. The mentions of `21-KH/TU` are grouped into clusters, one per
document: a published document with that number starts one; a mention giving a date
or an issuer joins the first cluster it agrees with (or starts one); a bare mention
joins the one cluster its document describes, or the only one, or is ambiguous.
Each cluster gets a URL key unique across the site (`21-kh-tu-2025`, `21-kh-tu-2025-2`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from .identity import dates_agree, issuer_root, roots_agree
from .model import Document, PartialDate, Problem
from .text import slug

if TYPE_CHECKING:
    from .graph import Mention

Entry = tuple  # (path of the citing document, index of the citation or -1, Mention)


class Cluster:
    def __init__(self, mention: Mention | None = None, document: Document | None = None) -> None:
        self.mentions: list[Mention] = []
        self.document = document
        self.date = document.date if document else None
        self.issuer = document.issuer if document else ""
        self.root = issuer_root(self.issuer) if self.issuer else ""
        if mention:
            self.add(mention, issuer_root(mention.issuer) if mention.issuer else "")

    def agrees(self, date: PartialDate | None, root: str) -> bool:
        """Whether a mention with this date and issuer root can be this document."""
        return dates_agree(self.date, date) and roots_agree(self.root, root)

    def add(self, mention: Mention, root: str) -> None:
        self.mentions.append(mention)
        if mention.date and (self.date is None or len(mention.date.iso()) > len(self.date.iso())):
            self.date = mention.date
        if mention.issuer and len(mention.issuer) > len(self.issuer) and not self.document:
            self.issuer = mention.issuer
            self.root = root


def most_common(values: Iterable[str]) -> str:
    values = [v for v in values if v]
    if not values:
        return ""
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], len(v), v))


def describe(cluster: Cluster) -> str:
    parts = []
    if cluster.date:
        parts.append(cluster.date.display())
    if cluster.issuer:
        parts.append(cluster.issuer)
    return ", ".join(parts) or "không rõ ngày"


def cluster_keys(number_key: str, clusters: list[Cluster], taken: set[str]) -> list[str]:
    """Stable URL keys, unique across the whole site: `53-ct-tw-2025`, `21-kh-tu-2025-2`
    for a namesake, and a suffix too when two numbers share a slug (`5-QĐ/TU`, `5-QD/TU`)."""
    order = sorted(range(len(clusters)), key=lambda i: (
        clusters[i].date.sort_key() if clusters[i].date else (0, 0, 0), clusters[i].root))
    result: dict[int, str] = {}
    for i in order:
        cluster = clusters[i]
        base = slug(number_key)
        if cluster.date:
            base += f"-{cluster.date.year}"
        key, count = base, 1
        while key in taken:
            count += 1
            key = f"{base}-{count}"
        taken.add(key)
        result[i] = key
    return [result[i] for i in range(len(clusters))]


@dataclass
class Resolved:
    """The clusters of one number, each with its key, and where each mention went."""

    clusters: list[Cluster]
    keys: list[str]
    home_of: dict[int, Cluster]  # id(mention) -> its cluster


def resolve(number_key: str, entries: list[Entry], own: list[Document], taken: set[str],
            roots: dict[str, str], problems: list[Problem]) -> Resolved:
    """Cluster the mentions of one number (`entries`) and the documents carrying it (`own`).

    `taken` (keys already given) and `roots` (issuer -> issuer_root) are shared by all
    numbers of a build; ambiguous bare mentions are added to `problems`."""
    clusters = [Cluster(document=d) for d in own]
    home_of: dict[int, Cluster] = {}
    described_in = _place_described(entries, clusters, home_of, roots)
    _place_bare(entries, clusters, home_of, described_in, problems)
    clusters = [c for c in clusters if c.mentions or c.document]
    return Resolved(clusters, cluster_keys(number_key, clusters, taken), home_of)


def _place_described(entries: list[Entry], clusters: list[Cluster], home_of: dict[int, Cluster],
                     roots: dict[str, str]) -> dict[str, set[int]]:
    """Mentions giving a date or an issuer: into the first cluster they agree with, or a new one.
    Returns, per citing document, the clusters it describes."""
    described_in: dict[str, set[int]] = defaultdict(set)
    for _path, _index, mention in entries:
        if not (mention.date or mention.issuer):
            continue
        root = roots.get(mention.issuer)
        if root is None:
            root = roots[mention.issuer] = issuer_root(mention.issuer)
        home = next((c for c in clusters if c.agrees(mention.date, root)), None)
        if home is None:
            home = Cluster()
            clusters.append(home)
        home.add(mention, root)
        home_of[id(mention)] = home
        described_in[mention.source].add(id(home))
    return described_in


def _place_bare(entries: list[Entry], clusters: list[Cluster], home_of: dict[int, Cluster],
                described_in: dict[str, set[int]], problems: list[Problem]) -> None:
    """Bare mentions (`Kế hoạch 21-KH/TU`): the cluster their document describes, or the only
    one; with several, a warning and one cluster of the unresolved."""
    unresolved: Cluster | None = None
    for path, _index, mention in entries:
        if mention.date or mention.issuer:
            continue
        known = [c for c in clusters if c is not unresolved]
        in_doc = [c for c in known if id(c) in described_in.get(path, ())]
        candidates = in_doc or known
        if len(candidates) == 1:
            home = candidates[0]
        elif not candidates:
            home = Cluster()
            clusters.append(home)
        else:
            options = "; ".join(sorted(describe(c) for c in candidates))
            problems.append(Problem(
                path, mention.line, f"'{mention.id}' khớp với nhiều văn bản khác nhau ({options})",
                "ghi rõ ngày ban hành hoặc cơ quan ban hành của văn bản được dẫn chiếu", "warning", "ambiguous-citation"))
            if unresolved is None:
                unresolved = Cluster()
                clusters.append(unresolved)
            home = unresolved
        home.add(mention, "")
        home_of[id(mention)] = home
