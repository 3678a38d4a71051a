"""The content model: frozen dataclasses, no knowledge of MkDocs.

Everything the portal knows about a document, a topic or a cited directive is
one of these values. They are built by `frontmatter` (documents), `topics`
(the registry) and `references` (citations), and read by `graph` and `pages`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cached_property

from .text import one_line

# Document types: slug -> (Vietnamese label, code used in numbers).
DOCUMENT_TYPES: dict[str, tuple[str, str]] = {
    "cong-van": ("Công văn", "CV"),
    "ke-hoach": ("Kế hoạch", "KH"),
    "huong-dan": ("Hướng dẫn", "HD"),
    "nghi-quyet": ("Nghị quyết", "NQ"),
    "chi-thi": ("Chỉ thị", "CT"),
    "ket-luan": ("Kết luận", "KL"),
    "quyet-dinh": ("Quyết định", "QĐ"),
    "quy-dinh": ("Quy định", "QĐ"),
    "thong-bao": ("Thông báo", "TB"),
    "bao-cao": ("Báo cáo", "BC"),
    "chuong-trinh": ("Chương trình", "CTr"),
    "de-an": ("Đề án", "ĐA"),
}

# Type words as they appear in citations and headers -> type slug.
# State documents (laws, decrees) get their own slugs: they are cited, never published.
TYPE_WORDS: dict[str, str] = {
    "công văn": "cong-van",
    "kế hoạch": "ke-hoach",
    "hướng dẫn": "huong-dan",
    "nghị quyết": "nghi-quyet",
    "chỉ thị": "chi-thi",
    "kết luận": "ket-luan",
    "quyết định": "quyet-dinh",
    "quy định": "quy-dinh",
    "thông báo": "thong-bao",
    "báo cáo": "bao-cao",
    "chương trình": "chuong-trinh",
    "đề án": "de-an",
    "luật": "luat",
    "nghị định": "nghi-dinh",
    "thông tư": "thong-tu",  # state circulars: `01/2025/TT-BNV`
    # Party documents the portal cites but does not publish.
    "quy chế": "quy-che",
    "thông tri": "thong-tri",  # Party: `02-TT/TW` (not `Thông tư`)
    "tờ trình": "to-trinh",
}

CITED_TYPE_LABELS: dict[str, str] = {
    **{slug: label for slug, (label, _code) in DOCUMENT_TYPES.items()},
    "luat": "Luật",
    "nghi-dinh": "Nghị định",
    "thong-tu": "Thông tư",
    "quy-che": "Quy chế",
    "thong-tri": "Thông tri",
    "to-trinh": "Tờ trình",
}

# Type codes in a Party document number (the part between '-' and '/').
TYPE_CODES: dict[str, str] = {
    "CV": "cong-van",
    "KH": "ke-hoach",
    "HD": "huong-dan",
    "NQ": "nghi-quyet",
    "CT": "chi-thi",
    "KL": "ket-luan",
    "QĐ": "quyet-dinh",
    "TB": "thong-bao",
    "BC": "bao-cao",
    "CTR": "chuong-trinh",
    "ĐA": "de-an",
    "QYĐ": "quy-dinh",  # `QyĐ` and `QĐi` tell a regulation from a decision (`QĐ`)
    "QĐI": "quy-dinh",
    # Cited only (not in DOCUMENT_TYPES):
    "QC": "quy-che",
    "TT": "thong-tri",
    "TTR": "to-trinh",
}

STATUSES = ("published", "draft")
SCHEDULED = "scheduled"  # not typed by editors: the build's status of a document before its `publish_on`
RELATIONS = ("implements", "cites")

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class PartialDate:
    """A date whose day, or day and month, may be blank on the copy.

    Never invented: `2026-04` stays April 2026 and is shown as `tháng 4/2026`.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str) -> "PartialDate":
        """Parse `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; raise ValueError with the reason."""
        match = _ISO_DATE.match(value.strip())
        if not match:
            raise ValueError(f"'{value}' không có dạng YYYY-MM-DD, YYYY-MM hoặc YYYY")
        year = int(match[1])
        month = int(match[2]) if match[2] else None
        day = int(match[3]) if match[3] else None
        return cls.checked(year, month, day)

    @classmethod
    def checked(cls, year: int, month: int | None, day: int | None) -> "PartialDate":
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"không có tháng {month}")
        if day is not None:
            if month is None:
                raise ValueError("có ngày nhưng thiếu tháng")
            try:
                datetime.date(year, month, day)
            except ValueError:
                raise ValueError(f"tháng {month}/{year} không có ngày {day}") from None
        return cls(year, month, day)

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def display(self) -> str:
        """Vietnamese display: `26/10/2025`, `tháng 4/2026`, `năm 2026`."""
        if self.month is None:
            return f"năm {self.year}"
        if self.day is None:
            return f"tháng {self.month}/{self.year}"
        return f"{self.day:02d}/{self.month:02d}/{self.year}"

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: "PartialDate") -> bool:
        """A blank month or day sorts before any given one: `2026` < `2026-03` < `2026-03-05`."""
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        return self.iso()


def page_url(src: str) -> str:
    """Site URL of a Markdown source with directory URLs: `a/b.md` -> `a/b/`, `a/index.md` -> `a/`."""
    stem = src[: -len(".md")] if src.endswith(".md") else src
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the content, reported as `path:line: what — fix`."""

    path: str
    line: int
    message: str
    fix: str = ""
    severity: str = "error"  # "error" or "warning"
    code: str = ""

    def __str__(self) -> str:
        # One line whatever the values hold: a title with "\n::error ..." must not become
        # a line of its own (a CI log would run it as a workflow command).
        path = one_line(self.path)
        text = f"{'./' if path.startswith(':') else ''}{path}:{self.line}: {one_line(self.message)}"
        if self.fix:
            text += f" — {one_line(self.fix)}"
        return text


class Reported:
    """What holds `problems`: its errors and its warnings apart."""

    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")


@dataclass(frozen=True)
class Signer:
    name: str = ""
    title: str = ""
    on_behalf: str = ""


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    intro: str = ""

    @property
    def url(self) -> str:
        return f"chu-de/{self.slug}/"


@dataclass(frozen=True)
class Reference:
    """A document cited by a published document (declared or found in the text)."""

    id: str
    relation: str = "cites"
    date: PartialDate | None = None
    issuer: str = ""
    title: str = ""
    type: str = ""
    line: int = 0


@dataclass(frozen=True)
class Document:
    """One published (or draft) document, as read from its Markdown file."""

    path: str  # relative to the content folder, with forward slashes
    title: str
    type: str
    body: str
    body_line: int  # line of the file where the body starts
    number: str = ""
    issuer: str = ""
    place: str = ""
    date: PartialDate | None = None
    signer: Signer = field(default_factory=Signer)
    recipients: tuple[str, ...] = ()
    distribution: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    status: str = "published"
    urgency: str = ""  # KHẨN, THƯỢNG KHẨN, HỎA TỐC: a fact about the document, not part of its title
    lines: tuple[tuple[str, int], ...] = ()  # front matter key -> line
    replaces: tuple[str, ...] = ()  # numbers of the documents this one replaces (see lifecycle.py)
    amends: tuple[str, ...] = ()  # ... and of those it amends
    publish_on: datetime.date | None = None  # not public before this day (Vietnam time): see pipeline.build

    @property
    def type_label(self) -> str:
        return DOCUMENT_TYPES.get(self.type, (self.type, ""))[0]

    @cached_property
    def url(self) -> str:
        """Site-relative URL of the page (directory URLs); asked for in every list a document is in."""
        return page_url(self.path)

    @property
    def is_draft(self) -> bool:
        """Not part of the public site: a draft, or scheduled for a day still to come."""
        return self.status != "published"

    @property
    def is_scheduled(self) -> bool:
        return self.status == SCHEDULED

    def line_of(self, key: str) -> int:
        for name, line in self.lines:
            if name == key:
                return line
        return 1

    def display_number(self) -> str:
        """The number as printed, or a note that the copy leaves it blank."""
        return self.number or "(chưa có số)"

    def blank_number(self) -> str:
        """How an unsigned copy prints its number: `…-CV/ĐU` (type code, issuer level)."""
        code = DOCUMENT_TYPES.get(self.type, ("", ""))[1]
        issuer = self.issuer.casefold()
        level = ""
        if "đảng ủy" in issuer or "đảng uỷ" in issuer:
            level = "ĐU"
        elif "thành ủy" in issuer or "tỉnh ủy" in issuer:
            level = "TU"
        return f"…-{code}/{level}" if code and level else ""

    def sort_key(self) -> tuple:
        date = self.date.sort_key() if self.date else (0, 0, 0)
        return (date, self.path)
