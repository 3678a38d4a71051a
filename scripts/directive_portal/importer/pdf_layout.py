"""Lines of a PDF page from its characters' positions, and what they are.

A PDF exported from Word holds characters with positions, not paragraphs.
From the positions this module makes lines (a raised small digit stays on its
line as a footnote marker `¹`, however the PDF orders it), then sorts them:
running headers and footers repeated on every page and page numbers are
dropped; the small-type lines under the last body line of a page are its
footnotes (`¹ Chỉ thị số …` -> `[^1]: Chỉ thị số …`); a wide vertical gap
leaves a blank line, which the importer reads as a paragraph end. Coordinates
are PDF points, y upwards, as PDFium gives them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .footnotes import SUPERSCRIPTS

_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPTS)
_PAGE_NUMBER = re.compile(r"^(?:trang\s*)?[-–—(]?\s*\d{1,3}\s*[-–—)]?(?:\s*/\s*\d{1,3})?$", re.IGNORECASE)
_NOTE_START = re.compile(rf"^([{SUPERSCRIPTS}]+|\d{{1,2}}(?=\s))\s*(\S.*)$")
SMALL = 0.82  # a line this much smaller than the page's body text is a footnote's
SUPERSCRIPT = 0.9  # a digit this much smaller than its line's text, and raised, is a footnote marker
MARGIN = 0.09  # top and bottom share of the page where running headers, footers and numbers stand


@dataclass(frozen=True)
class Char:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    base: float = 0.0  # y of the glyph's origin: the baseline of its line (raised for a superscript)


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    top: float
    bottom: float
    size: float  # usual size of its characters
    page: int
    base: float = 0.0  # baseline


@dataclass(frozen=True)
class Page:
    lines: tuple[Line, ...]
    height: float
    body_size: float


@dataclass(frozen=True)
class Layout:
    text: str  # body lines, blank lines at paragraph gaps
    notes: tuple[str, ...]  # `[^1]: …`
    dropped: tuple[str, ...]  # running headers, footers, page numbers
    pages: int


def body_size(chars: list[Char]) -> float:
    sizes = Counter(round(c.size, 1) for c in chars if c.text.strip())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _superscripts(chars: list[Char]) -> list[Char]:
    """Digits smaller than the line's text and raised above its baseline become `¹`."""
    shown = [c for c in chars if c.text.strip()]
    size = Counter(round(c.size, 1) for c in shown).most_common(1)[0][0]
    base = Counter(round(c.base, 1) for c in shown if round(c.size, 1) == size).most_common(1)[0][0]
    out = []
    for char in chars:
        if char.text.isdigit() and char.size < SUPERSCRIPT * size and char.base > base + 0.2 * size:
            char = Char(char.text.translate(_TO_SUPERSCRIPT), char.x0, char.y0, char.x1, char.y1, char.size, char.base)
        out.append(char)
    return out


def _finish(chars: list[Char], page: int) -> Line | None:
    shown = [c for c in chars if c.text.strip()]
    if not shown:
        return None
    chars = _superscripts(chars)
    text = "".join(c.text for c in chars).strip()
    size = Counter(round(c.size, 1) for c in shown).most_common(1)[0][0]
    big = [c for c in shown if c.size >= SUPERSCRIPT * size]
    base = Counter(round(c.base, 1) for c in big).most_common(1)[0][0]
    return Line(text, min(c.x0 for c in shown), max(c.y1 for c in big), min(c.y0 for c in big), size, page, base)


def _same_line(char: Char, last: Char, baseline: float, size: float) -> bool:
    """Does `char`, coming after `last` in the PDF's order, go on the line of `last`?"""
    if char.x1 <= last.x0 + 0.5:  # back to the left: a new line (or column)
        return False
    rise = char.base - baseline
    if char.size * SUPERSCRIPT > size:  # text after a raised marker that opened the line
        return -0.75 * char.size <= rise <= 0.3 * char.size
    if char.size < SUPERSCRIPT * size:  # a marker or small text: may stand raised
        return -0.3 * size <= rise <= 0.75 * size
    return abs(rise) <= 0.3 * max(size, char.size)


def page_lines(chars: list[Char], page: int, height: float) -> Page:
    """Group a page's characters, in the PDF's order, into lines."""
    lines: list[Line] = []
    current: list[Char] = []
    last: Char | None = None
    baseline, size = 0.0, 0.0
    for char in chars:
        if char.text in ("\r", "\n") or (char.text < " " and char.text != "\t"):
            continue
        if not char.text.strip():
            if current:
                current.append(Char(" ", char.x0, char.y0, char.x1, char.y1, 0.0, char.base))
            continue
        if last is not None and not _same_line(char, last, baseline, size):
            line = _finish(current, page)
            lines += [line] if line else []
            current, last = [], None
        if last is None:
            baseline, size = char.base, char.size
        elif char.size * SUPERSCRIPT > size:  # a marker opened the line: the text sets the baseline
            baseline, size = char.base, char.size
        elif char.x0 - last.x1 > 1.5 * max(char.size, 1.0) and current[-1].text != " ":
            current.append(Char("     ", last.x1, char.y0, char.x0, char.y1, 0.0, char.base))
        current.append(char)
        last = char
    line = _finish(current, page)
    lines += [line] if line else []
    return Page(tuple(lines), height, body_size(chars))


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split())).casefold()


def running_lines(pages: list[Page]) -> set[tuple[int, int]]:
    """(page, line index) of running headers, footers and page numbers."""
    found: set[tuple[int, int]] = set()
    in_margin: dict[str, list[tuple[int, int]]] = {}
    for p, page in enumerate(pages):
        for i, line in enumerate(page.lines):
            if line.bottom < page.height * (1 - MARGIN) and line.top > page.height * MARGIN:
                continue
            if _PAGE_NUMBER.match(line.text.strip()):
                found.add((p, i))
            else:
                in_margin.setdefault(_shape(line.text), []).append((p, i))
    for places in in_margin.values():
        if len({p for p, _ in places}) >= 2:
            found.update(places)
    return found


def _notes(page: Page, skip: set[int]) -> tuple[set[int], list[str]]:
    """Indexes and `[^n]: …` texts of the footnote lines at the bottom of a page."""
    body = [i for i, line in enumerate(page.lines) if i not in skip and line.size >= SMALL * page.body_size]
    if not body:
        return set(), []
    lowest = min(page.lines[i].bottom for i in body)
    below = [i for i, line in enumerate(page.lines)
             if i not in skip and line.top <= lowest and line.size < SMALL * page.body_size]
    notes: list[list] = []
    for i in sorted(below, key=lambda i: -page.lines[i].top):
        text = page.lines[i].text.strip()
        match = _NOTE_START.match(text)
        if match:
            notes.append([match[1].translate(str.maketrans(SUPERSCRIPTS, "0123456789")), match[2]])
        elif notes:
            notes[-1][1] += " " + text
    return set(below), [f"[^{label}]: {' '.join(text.split())}" for label, text in notes]


def assemble(pages: list[Page]) -> Layout:
    """The document's body text, footnotes and dropped lines from its pages' lines."""
    running = running_lines(pages)
    out: list[str] = []
    notes: list[str] = []
    dropped: list[str] = []
    previous: Line | None = None
    for p, page in enumerate(pages):
        skip = {i for q, i in running if q == p}
        dropped += [page.lines[i].text for i in sorted(skip)]
        note_lines, page_notes = _notes(page, skip)
        notes += page_notes
        pitch = _usual_pitch(page, skip | note_lines)
        for i, line in enumerate(page.lines):
            if i in skip or i in note_lines:
                continue
            if previous is not None and previous.page == line.page and previous.base - line.base > 1.3 * pitch:
                out.append("")
            out.append(line.text)
            previous = line
    return Layout("\n".join(out), tuple(notes), tuple(dropped), len(pages))


def _usual_pitch(page: Page, skip: set[int]) -> float:
    """Usual distance from one line's baseline to the next, for paragraph-gap detection."""
    kept = [line for i, line in enumerate(page.lines) if i not in skip]
    steps = sorted(a.base - b.base for a, b in zip(kept, kept[1:]) if a.base - b.base > 0)
    return steps[len(steps) // 2] if steps else page.body_size * 1.2
