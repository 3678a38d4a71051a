"""Word's automatic list numbering (`numbering.xml`), rendered as Word shows it.

Section numbers (`I.`, `1.`, `1.1.`, `a)`) and dashes in an office's Word file are
usually not in the text: Word draws them from the paragraph's list (`w:numPr`:
`numId`, `ilvl`) and the list's definition. `Numbering` reads the definitions;
`ListCounter` follows one document's paragraphs in order and gives each numbered
paragraph its label, with Word's rules: counters belong to the abstract list (a
new `numId` on the same abstract list continues it), a `startOverride` restarts
it, numbering a level resets the levels below it, `%1.%2.` shows the counters of
the levels above.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn

# Bullet characters of Word's symbol fonts (private use area) -> what they look like.
_SYMBOL_BULLETS = {"\uf0b7": "•", "\uf02d": "-", "\uf02b": "+", "\uf0a7": "-", "\uf0d8": "-",
                   "\uf0fc": "-", "\uf076": "-", "o": "+", "§": "-", "–": "–", "·": "•"}
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True)
class Level:
    fmt: str = "decimal"  # numFmt: decimal, upperRoman, lowerLetter, bullet, …
    text: str = "%1."  # lvlText
    start: int = 1
    legal: bool = False  # isLgl: every counter shown in decimal


@dataclass(frozen=True)
class Numbering:
    abstract: dict = field(default_factory=dict)  # abstractNumId -> {ilvl: Level}
    nums: dict = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict = field(default_factory=dict)  # numId -> {ilvl: start}


def _val(element, tag: str, default: str = "") -> str:
    child = element.find(qn(tag)) if element is not None else None
    if child is None:
        return default
    return child.get(qn("w:val"), default)


def _int(text: str, default: int) -> int:
    try:
        return int(text)
    except (TypeError, ValueError):
        return default


def _level(lvl) -> Level:
    legal = lvl.find(qn("w:isLgl"))
    return Level(
        fmt=_val(lvl, "w:numFmt", "decimal"),
        text=_val(lvl, "w:lvlText", ""),
        start=_int(_val(lvl, "w:start", "1"), 1),
        legal=legal is not None and legal.get(qn("w:val")) not in ("0", "false"),
    )


def read_numbering(root) -> Numbering:
    """The list definitions of a `w:numbering` element (None: no numbering part)."""
    if root is None:
        return Numbering()
    abstract = {}
    for item in root.findall(qn("w:abstractNum")):
        levels = {_int(lvl.get(qn("w:ilvl")), 0): _level(lvl) for lvl in item.findall(qn("w:lvl"))}
        abstract[item.get(qn("w:abstractNumId"))] = levels
    nums, overrides = {}, {}
    for num in root.findall(qn("w:num")):
        num_id = num.get(qn("w:numId"))
        nums[num_id] = _val(num, "w:abstractNumId")
        starts = {}
        for override in num.findall(qn("w:lvlOverride")):
            start = override.find(qn("w:startOverride"))
            if start is not None:
                starts[_int(override.get(qn("w:ilvl")), 0)] = _int(start.get(qn("w:val")), 1)
        overrides[num_id] = starts
    return Numbering(abstract, nums, overrides)


def roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def letters(number: int) -> str:
    """Word's letters: a…z, then aa…zz, aaa…"""
    if number < 1:
        return str(number)
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def format_number(number: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return roman(number).upper()
    if fmt == "lowerRoman":
        return roman(number)
    if fmt == "upperLetter":
        return letters(number).upper()
    if fmt == "lowerLetter":
        return letters(number)
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "none":
        return ""
    return str(number)


def bullet_char(text: str) -> str:
    char = text.strip()[:1]
    if not char:
        return "-"
    return _SYMBOL_BULLETS.get(char, char if char.isprintable() and not "\ue000" <= char <= "\uf8ff" else "-")


class ListCounter:
    """The running counters of one document's lists (one instance per document)."""

    def __init__(self, numbering: Numbering):
        self.numbering = numbering
        self.counts: dict[str, list] = {}  # abstractNumId -> counter per level (None: not started)
        self.seen: set[str] = set()

    def level(self, num_id: str, ilvl: int) -> Level | None:
        levels = self.numbering.abstract.get(self.numbering.nums.get(num_id))
        if not levels or num_id in ("", "0"):
            return None
        return levels.get(ilvl) or levels.get(0)

    def label(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """(label as Word shows it, numFmt of the level) for the next paragraph of this list;
        ("", "") when the paragraph has no (known) numbering."""
        ilvl = max(0, min(ilvl, 8))
        level = self.level(num_id, ilvl)
        if level is None:
            return "", ""
        abstract_id = self.numbering.nums[num_id]
        levels = self.numbering.abstract[abstract_id]
        counts = self.counts.setdefault(abstract_id, [None] * 9)
        if num_id not in self.seen:
            self.seen.add(num_id)
            for over_level, start in self.numbering.overrides.get(num_id, {}).items():
                if 0 <= over_level < 9:
                    counts[over_level] = start - 1
                    counts[over_level + 1:] = [None] * (8 - over_level)
        if level.fmt == "bullet":
            return bullet_char(level.text), "bullet"
        counts[ilvl] = level.start if counts[ilvl] is None else counts[ilvl] + 1
        counts[ilvl + 1:] = [None] * (8 - ilvl)
        text = level.text
        for index in range(8, -1, -1):  # %10 does not exist; replace from the end all the same
            placeholder = f"%{index + 1}"
            if placeholder not in text:
                continue
            other = levels.get(index, Level())
            value = counts[index] if counts[index] is not None else other.start
            fmt = "decimal" if level.legal and other.fmt != "none" else other.fmt
            text = text.replace(placeholder, format_number(value, fmt))
        return text.strip(), level.fmt
