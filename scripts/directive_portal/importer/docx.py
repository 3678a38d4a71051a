"""Read a Word file into Markdown-ish lines for the importer.

Bold and italics become `**…**` and `*…*`; Word's list numbering is written out
as Word shows it (`I.`, `1.1.`, `a)`, `-`, see `docx_numbering`); a numbered
section heading (a Roman number, a heading style, or a short bold or capitalised
line) becomes a Markdown heading with its number (`## I. MỤC ĐÍCH, YÊU CẦU`), so
section permalinks (`#muc-i-1`) work; tables become Markdown tables (the layout
tables that hold the header or the signing block are flattened to lines);
footnotes `[^1]` with their text at the end. python-docx has no footnote or
numbering API, so those parts are read from their XML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import docx
from docx.oxml.ns import qn

from .docx_numbering import ListCounter, read_numbering
from .docx_runs import FootnoteWithoutId, Links, paragraph_parts, paragraph_text

__all__ = ["FootnoteWithoutId", "paragraph_text", "read_docx"]

_LAYOUT_HINTS = re.compile(r"ĐẢNG CỘNG SẢN|Nơi nhận|T/M|K/T|\bSố\b|Kính gửi", re.I)
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_MAX_TABLE_DEPTH = 100  # libxml2 refuses XML over 256 levels deep: at most 85 nested tables
_HEADING_CHARS = 160


@dataclass(frozen=True)
class StyleInfo:
    name: str = ""
    num_id: str = ""
    ilvl: int = 0
    heading: int = 0  # 1.. for heading styles / outline levels, 0 otherwise


class _Reader:
    """State of reading one document: its styles, list counters and links."""

    def __init__(self, document):
        self.document = document
        self.styles = _styles(document)
        try:
            numbering_root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            numbering_root = None
        self.counter = ListCounter(read_numbering(numbering_root))
        self.links = Links({rel.rId: rel.target_ref for rel in document.part.rels.values()
                            if rel.reltype == _HYPERLINK and rel.is_external})

    def paragraph(self, paragraph, depth: int = 0) -> list[str]:
        """The paragraph's line, then the lines of the text boxes drawn in it."""
        text, all_bold, boxes = paragraph_parts(paragraph, self.links)
        lines = [self._line(paragraph, text, all_bold)] if text.strip() else []
        for box in boxes if depth < 4 else []:
            for inner in box.iter(qn("w:p")):
                if inner.getparent() is box or inner.getparent().tag == qn("w:sdtContent"):
                    lines += self.paragraph(inner, depth + 1)
        return lines

    def _numbering(self, paragraph, style: StyleInfo) -> tuple[str, int]:
        props = paragraph.find(qn("w:pPr"))
        num_pr = props.find(qn("w:numPr")) if props is not None else None
        if num_pr is None:
            return style.num_id, style.ilvl
        num_id = _val(num_pr, "w:numId") or style.num_id
        ilvl = _val(num_pr, "w:ilvl")
        return num_id, int(ilvl) if ilvl.isdigit() else style.ilvl

    def _line(self, paragraph, text: str, all_bold: bool) -> str:
        style = self.styles.get(_val(paragraph.find(qn("w:pPr")), "w:pStyle"), StyleInfo())
        num_id, ilvl = self._numbering(paragraph, style)
        label, fmt = self.counter.label(num_id, ilvl) if num_id else ("", "")
        body = text.strip()
        if fmt == "bullet":
            return f"{label} {body}"
        if label:
            if _is_heading(fmt, body, all_bold, style):
                return f"{'#' * _level(label, fmt)} {label} {_unbold(body)}"
            return f"{label} {body}"
        if num_id and num_id != "0" or style.name.lower().startswith("list"):
            return "- " + body  # numbered, but the list definition is missing
        if style.heading:
            return "#" * min(6, style.heading + 1) + " " + _unbold(body)
        return text


def _val(element, tag: str) -> str:
    child = element.find(qn(tag)) if element is not None else None
    return (child.get(qn("w:val")) or "") if child is not None else ""


def _styles(document) -> dict[str, StyleInfo]:
    """Paragraph styles by id, with the numbering and heading level they inherit."""
    raw = {}
    for style in document.styles.element.findall(qn("w:style")):
        props = style.find(qn("w:pPr"))
        num_pr = props.find(qn("w:numPr")) if props is not None else None
        outline = _val(props, "w:outlineLvl")
        raw[style.get(qn("w:styleId"))] = (
            _val(style, "w:name"), _val(style, "w:basedOn"),
            _val(num_pr, "w:numId") if num_pr is not None else None,
            _val(num_pr, "w:ilvl") if num_pr is not None else "",
            int(outline) + 1 if outline.isdigit() and int(outline) < 9 else 0,
        )
    out = {}
    for style_id, (name, _, _, _, _) in raw.items():
        num_id, ilvl, heading, current, seen = None, "", 0, style_id, set()
        while current in raw and current not in seen:  # follow basedOn for what is not set here
            seen.add(current)
            own_name, based_on, own_num, own_ilvl, own_outline = raw[current]
            if num_id is None and own_num is not None:
                num_id, ilvl = own_num, own_ilvl
            match = re.match(r"heading (\d)", own_name.lower())
            heading = heading or (int(match[1]) if match else own_outline)
            current = based_on
        out[style_id] = StyleInfo(name, num_id or "", int(ilvl) if ilvl.isdigit() else 0, heading)
    return out


def _unbold(text: str) -> str:
    if text.startswith("**") and text.endswith("**") and text.count("**") == 2:
        return text[2:-2].strip()
    return text


def _is_heading(fmt: str, text: str, all_bold: bool, style: StyleInfo) -> bool:
    """A section heading: a Roman number or a heading style, or a short bold or capitalised line."""
    if style.heading or fmt == "upperRoman":
        return True
    plain = _unbold(text)
    if len(plain) > _HEADING_CHARS or re.search(r"[.;,][”\"’)*]*$", plain):
        return False
    letters = [c for c in plain if c.isalpha()]
    return all_bold or (bool(letters) and all(c.isupper() for c in letters))


def _level(label: str, fmt: str) -> int:
    if fmt == "upperRoman":  # I., II.: the parts of a plan
        return 2
    if fmt in ("lowerLetter", "upperLetter", "lowerRoman"):  # a), i): under the numbered sections
        return 5
    return min(5, 2 + label.rstrip(".").count(".") + 1)


def _cell_lines(reader: _Reader, cell, depth: int) -> list[str]:
    lines: list[str] = []
    for child in cell:
        if child.tag == qn("w:p"):
            lines += reader.paragraph(child)
        elif child.tag == qn("w:tbl") and depth < _MAX_TABLE_DEPTH:
            lines += [line for line in _table_lines(reader, child, depth + 1) if line.strip()]
        elif child.tag in (qn("w:sdt"), qn("w:customXml")) and depth < _MAX_TABLE_DEPTH:
            inner = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
            lines += _cell_lines(reader, inner, depth + 1) if inner is not None else []
    return lines


def _table_lines(reader: _Reader, table, depth: int = 0) -> list[str]:
    rows = table.findall(qn("w:tr"))
    cells = [[_cell_lines(reader, c, depth) for c in row.findall(qn("w:tc"))] for row in rows]
    flat_text = "\n".join(line for row in cells for cell in row for line in cell)
    if _LAYOUT_HINTS.search(flat_text) or depth:  # a layout table: header or signing block
        out: list[str] = []
        for row in cells:
            for cell in row:
                out += [line for line in cell] + [""]
        return out
    lines = []
    for index, row in enumerate(cells):
        texts = [" ".join(line.strip() for line in cell if line.strip()).replace("|", "\\|") for cell in row]
        lines.append("| " + " | ".join(texts) + " |")
        if index == 0:
            lines.append("|" + "---|" * len(texts))
    return lines + [""]


def _footnote_lines(document, links: Links) -> list[str]:
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            root = etree.fromstring(rel.target_part.blob)
            out = []
            for number, note in enumerate(root.findall(qn("w:footnote")), start=1):
                if note.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                note_id = (note.get(qn("w:id")) or "").strip()
                if not note_id.lstrip("-").isdigit():
                    raise FootnoteWithoutId(f"chú thích thứ {number} trong footnotes.xml")
                if int(note_id) < 1:
                    continue
                text = " ".join(paragraph_text(p, links).strip() for p in note.iter(qn("w:p")))
                out.append(f"[^{int(note_id)}]: {' '.join(text.split())}")
            return out
    return []


def _block_lines(reader: _Reader, container, depth: int = 0) -> list[str]:
    """Lines of the paragraphs and tables of the body (or of a content control in it)."""
    lines: list[str] = []
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            for line in reader.paragraph(child):
                lines += [line, ""]
        elif child.tag == qn("w:tbl"):
            lines += _table_lines(reader, child)
        elif child.tag in (qn("w:sdt"), qn("w:customXml")) and depth < _MAX_TABLE_DEPTH:
            inner = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
            lines += _block_lines(reader, inner, depth + 1) if inner is not None else []
    return lines


def read_docx(path: str) -> tuple[str, list[str]]:
    """The Word file as text the importer reads like a copied text (one paragraph a line),
    and its footnotes as `[^1]: …` lines."""
    document = docx.Document(path)
    reader = _Reader(document)
    lines = _block_lines(reader, document.element.body)
    return "\n".join(lines), _footnote_lines(document, reader.links)
