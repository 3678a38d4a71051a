"""The end of a directive: distribution list (`Nơi nhận:`) and signing block.

The two blocks stand side by side on paper, so a copy gives them in either
order; whatever comes first after the body ends the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Signer
from ..text import fold
from .lines import is_blank, is_caps, plain, recase

_ON_BEHALF = re.compile(r"^(?:T/M|K/T|TM\.|KT\.|T\.M\.?|K\.T\.?|TL\.|T/L|TUQ\.|Q\.|Q/)\s*\S", re.I)
_OFFICE_WORDS = re.compile(
    r"\b(bi thu|truong ban|pho truong|chu nhiem|chanh van phong|chu tich|giam doc|uy vien|truong)\b"
)
_NOTE = re.compile(r"^\(.*\)$")  # `(Đã ký)`, `(Ký, đóng dấu)`
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]*$")


@dataclass(frozen=True)
class Closing:
    start: int  # index of the first closing line: the body ends before it
    distribution: tuple[str, ...] = ()
    distribution_line: int = 0
    signer: Signer = Signer()
    signer_line: int = 0
    leftovers: tuple[tuple[int, str], ...] = ()  # closing lines that are neither (1-based line, text)
    dropped: tuple[str, ...] = ()  # labels: `Nơi nhận`, `(Đã ký)`


def is_distribution_line(line: str) -> bool:
    return fold(plain(line)).startswith("noi nhan")


def is_on_behalf_line(line: str) -> bool:
    text = plain(line)
    return bool(_ON_BEHALF.match(text)) and is_caps(text)


def is_office_line(line: str) -> bool:
    text = plain(line)
    return is_caps(text) and len(text.split()) <= 8 and bool(_OFFICE_WORDS.search(fold(text)))


def is_name_line(line: str) -> bool:
    """`Lê Đức Toàn`: two to five capitalised words, nothing else."""
    parts = plain(line).split()
    return (
        2 <= len(parts) <= 5
        and all(_NAME_WORD.match(p) and p[0].isupper() for p in parts)
        and not is_caps(plain(line))
    )


def _signing_start(lines: list[str], start: int) -> int | None:
    """Index of the first line of the signing block at or after `start`."""
    for i in range(start, len(lines)):
        if is_on_behalf_line(lines[i]):
            return i
    # No T/M or K/T: an office in capitals followed closely by a name.
    for i in range(start, len(lines)):
        if is_office_line(lines[i]) and any(is_name_line(l) for l in lines[i + 1 : i + 6]):
            return i
    return None


def find_closing_start(lines: list[str], body_start: int) -> int:
    """Index where the closing blocks begin (len(lines) when there are none)."""
    lower = body_start + 1
    candidates = [i for i in range(lower, len(lines)) if is_distribution_line(lines[i])]
    first_dist = candidates[-1] if candidates else None
    search_from = max(lower, len(lines) - 40)
    sign = _signing_start(lines, search_from)
    found = [i for i in (first_dist, sign) if i is not None]
    return min(found) if found else len(lines)


def _item(text: str) -> str:
    text = re.sub(r"^[-+•–*]\s*", "", plain(text))
    return text.rstrip(" ,;").removesuffix(".").rstrip() if not text.endswith("./.") else text[:-3].rstrip()


def _read_distribution(lines: list[str], i: int, items: list[str]) -> int:
    first = plain(lines[i])
    rest = first.split(":", 1)[1].strip() if ":" in first else ""
    if rest:
        items.append(rest)
    i += 1
    while i < len(lines):
        line = lines[i]
        if is_blank(line):
            i += 1
            continue
        if is_on_behalf_line(line) or is_office_line(line) or is_distribution_line(line):
            break
        text = plain(line)
        if re.match(r"^[-+•–]\s*", text):
            items.append(text)
        elif items and not items[-1].rstrip().endswith((".", "./.")):
            items[-1] = items[-1] + " " + text  # a wrapped item
        else:
            break
        i += 1
    return i


def _read_signer(lines: list[str], i: int, notes: list[str]) -> tuple[Signer, int]:
    on_behalf, offices, name = "", [], ""
    while i < len(lines):
        line = lines[i]
        text = plain(line)
        if is_blank(line) or _NOTE.match(text):
            if _NOTE.match(text) and name:
                break
            if text:
                notes.append(text)  # `(Đã ký)`: a note on the paper copy
            i += 1
            continue
        if is_on_behalf_line(line) and not on_behalf and not offices:
            on_behalf = recase(" ".join(text.split()))
        elif is_caps(text) and not name and not is_distribution_line(line):
            offices.append(recase(" ".join(text.split())))
        elif is_name_line(line) and not name:
            name = " ".join(text.split())
            i += 1
            break
        else:
            break
        i += 1
    return Signer(name=name, title=" ".join(offices), on_behalf=on_behalf), i


_TWO_COLUMNS = re.compile(r"^(?P<left>\s*\S.*?\S)\s{3,}(?P<right>\S.*)$")


def unfold_columns(lines: list[str]) -> tuple[list[str], list[int]]:
    """Closing lines laid out side by side (`Nơi nhận:      T/M BAN THƯỜNG VỤ`): the left
    column, then the right one; returns the lines and their 0-based source indexes."""
    splits = [_TWO_COLUMNS.match(line) for line in lines]
    if not any(splits):
        return lines, list(range(len(lines)))
    column = min(m.start("right") for m in splits if m)
    left: list[tuple[int, str]] = []
    right: list[tuple[int, str]] = []
    for index, (line, match) in enumerate(zip(lines, splits)):
        if match:
            left.append((index, match["left"]))
            right.append((index, match["right"]))
        elif len(line) - len(line.lstrip()) >= column - 12 and line.strip():
            right.append((index, line))
        else:
            left.append((index, line))
    ordered = left + [(left[-1][0] if left else 0, "")] + right
    return [text for _, text in ordered], [index for index, _ in ordered]


def parse_closing(lines: list[str], body_start: int) -> Closing:
    start = find_closing_start(lines, body_start)
    region, where = unfold_columns(lines[start:])
    closing = _parse_region(region, start)

    def number(line: int) -> int:
        """Source line of a line number counted in the unfolded region."""
        return start + where[line - 1 - start] + 1 if line else 0

    return Closing(
        start, closing.distribution, number(closing.distribution_line), closing.signer,
        number(closing.signer_line), tuple((number(n), t) for n, t in closing.leftovers), closing.dropped,
    )


def _parse_region(lines: list[str], offset: int) -> Closing:
    """Read the closing blocks in `lines`; line numbers count from `offset`."""
    start = 0
    items: list[str] = []
    signer, dist_line, sign_line = Signer(), 0, 0
    leftovers: list[tuple[int, str]] = []
    dropped: list[str] = []
    i = start
    while i < len(lines):
        line = lines[i]
        if is_blank(line):
            i += 1
        elif is_distribution_line(line) and not dist_line:
            dist_line = offset + i + 1
            dropped.append("Nơi nhận")
            i = _read_distribution(lines, i, items)
        elif (is_on_behalf_line(line) or is_office_line(line)) and not sign_line:
            sign_line = offset + i + 1
            signer, i = _read_signer(lines, i, dropped)
        else:
            leftovers.append((offset + i + 1, line))
            i += 1
    distribution = tuple(t for t in (_item(x) for x in items) if t)
    return Closing(start, distribution, dist_line, signer, sign_line, tuple(leftovers), tuple(dropped))
