"""The text of one Word paragraph (`w:p`) as Markdown-ish inline text.

Bold and italics become `**…**` and `*…*`; footnote references `[^1]`;
superscript digits (footnote markers in files converted from PDF) `¹`.
Tracked changes: insertions are kept, deletions (and text moved away) dropped.
Hyperlinks keep their address (`<https://…>`); fields, smart tags, content
controls and custom XML yield their text. Text boxes inside the paragraph are
returned apart, as paragraphs of their own, so their text is not mixed in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.oxml.ns import qn

from .footnotes import SUPERSCRIPTS

_SKIP = {qn("w:del"), qn("w:moveFrom"), qn("w:pPr"), qn("w:rPr"), qn("w:proofErr")}
_DESCEND = {qn(t) for t in ("w:ins", "w:moveTo", "w:smartTag", "w:customXml", "w:sdt", "w:sdtContent",
                            "w:fldSimple", "w:dir", "w:bdo")}
_TEXTBOX = qn("w:txbxContent")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_SAFE_URL = re.compile(r"^(?:https?://|mailto:)[^\s<>\"]+$", re.IGNORECASE)
_DIGITS = str.maketrans("0123456789", SUPERSCRIPTS)


class FootnoteWithoutId(ValueError):
    """A `w:footnoteReference` or `w:footnote` without a usable `w:id`."""


@dataclass(frozen=True)
class Links:
    """Addresses of the document's hyperlinks: relationship id -> URL."""

    targets: dict


def _on(props, tag: str) -> bool:
    element = props.find(qn(tag)) if props is not None else None
    return element is not None and element.get(qn("w:val")) not in ("0", "false", "none")


def _run_props(run) -> tuple[bool, bool, bool]:
    props = run.find(qn("w:rPr"))
    align = props.find(qn("w:vertAlign")) if props is not None else None
    superscript = align is not None and align.get(qn("w:val")) == "superscript"
    return _on(props, "w:b"), _on(props, "w:i"), superscript


def _wrap(text: str, bold: bool, italic: bool) -> str:
    core = text.strip()
    if not core or not (bold or italic):
        return text
    mark = "**" if bold else ""
    mark += "*" if italic else ""
    lead = text[: len(text) - len(text.lstrip())]
    tail = text[len(text.rstrip()):]
    return f"{lead}{mark}{core}{mark[::-1]}{tail}"


def textboxes(run) -> list:
    """The text boxes drawn in a run (`w:txbxContent`), Word's own copy only (not the
    `mc:Fallback` copy for old readers), outer boxes only."""
    found = []
    for box in run.iter(_TEXTBOX):
        parent, inside = box.getparent(), False
        while parent is not None and parent is not run:
            if parent.tag in (_FALLBACK, _TEXTBOX):
                inside = True
                break
            parent = parent.getparent()
        if not inside:
            found.append(box)
    return found


class _Collector:
    def __init__(self, links: Links):
        self.links = links
        self.segments: list[list] = []  # [text, bold, italic]; bold None: literal (no emphasis)
        self.boxes: list = []

    def add(self, text: str, bold, italic) -> None:
        last = self.segments[-1] if self.segments else None
        if last is not None and last[1] is not None and last[1:] == [bold, italic]:
            last[0] += text
        else:
            self.segments.append([text, bold, italic])

    def run(self, run) -> None:
        bold, italic, superscript = _run_props(run)
        for child in run:
            tag = child.tag
            if tag == qn("w:t"):
                text = child.text or ""
                if superscript and text.strip().isdigit():
                    self.add(text.strip().translate(_DIGITS), None, None)
                else:
                    self.add(text, bold, italic)
            elif tag == qn("w:tab"):
                self.add("\t", bold, italic)
            elif tag in (qn("w:br"), qn("w:cr")):
                self.add(" ", bold, italic)
            elif tag == qn("w:noBreakHyphen"):
                self.add("-", bold, italic)
            elif tag == qn("w:footnoteReference"):
                note_id = child.get(qn("w:id"))
                if not note_id or not note_id.strip().lstrip("-").isdigit():
                    raise FootnoteWithoutId(note_id or "")
                self.add(f"[^{int(note_id)}]", None, None)
        self.boxes += textboxes(run)

    def hyperlink(self, element) -> None:
        inner = _Collector(self.links)
        inner.walk(element)
        self.boxes += inner.boxes
        text = inner.text()
        url = self.links.targets.get(element.get(_REL_ID), "")
        if url and _SAFE_URL.match(url):
            shown = f"<{url}>"
            self.add(shown if text.strip() in ("", url) else f"{text} ({shown})", None, None)
        else:
            self.segments += inner.segments

    def walk(self, element) -> None:
        """Depth-first over the paragraph's content, without recursion on deep nesting."""
        stack = [iter(element)]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                continue
            tag = child.tag
            if tag == qn("w:r"):
                self.run(child)
            elif tag == qn("w:hyperlink"):
                self.hyperlink(child)
            elif tag in _DESCEND and len(stack) < 64:
                stack.append(iter(child))

    def text(self) -> str:
        return "".join(t if b is None else _wrap(t, b, i) for t, b, i in self.segments)


def paragraph_parts(paragraph, links: Links = Links({})) -> tuple[str, bool, list]:
    """(inline text, whether all its letters are bold, text boxes drawn in it)."""
    collector = _Collector(links)
    collector.walk(paragraph)
    lettered = [s for s in collector.segments if s[1] is not None and any(c.isalnum() for c in s[0])]
    all_bold = bool(lettered) and all(s[1] for s in lettered)
    return collector.text(), all_bold, collector.boxes


def paragraph_text(paragraph, links: Links = Links({})) -> str:
    """Text of a `w:p` element with emphasis and footnote references as Markdown."""
    return paragraph_parts(paragraph, links)[0]
