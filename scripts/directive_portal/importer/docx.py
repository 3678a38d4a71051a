"""Read a Word file into Markdown-ish lines for the importer.

Bold and italics become `**…**` and `*…*`, list paragraphs `- …`, heading
styles `#`, tables Markdown tables (the layout tables that hold the header or
the signing block are flattened to lines), footnotes `[^1]` with their text
at the end. python-docx has no footnote API, so the footnotes part is read
from its XML.
"""

from __future__ import annotations

import re

import docx
from docx.oxml.ns import qn

_LAYOUT_HINTS = re.compile(r"ĐẢNG CỘNG SẢN|Nơi nhận|T/M|K/T|\bSố\b|Kính gửi", re.I)


def _wrap(text: str, bold: bool, italic: bool) -> str:
    core = text.strip()
    if not core or not (bold or italic):
        return text
    mark = "**" if bold else ""
    mark += "*" if italic else ""
    lead = text[: len(text) - len(text.lstrip())]
    tail = text[len(text.rstrip()):]
    return f"{lead}{mark}{core}{mark[::-1]}{tail}"


def _run_props(run) -> tuple[bool, bool]:
    props = run.find(qn("w:rPr"))
    if props is None:
        return False, False

    def on(tag: str) -> bool:
        element = props.find(qn(tag))
        return element is not None and element.get(qn("w:val")) not in ("0", "false")

    return on("w:b"), on("w:i")


def paragraph_text(paragraph) -> str:
    """Text of a `w:p` element with emphasis and footnote references as Markdown."""
    segments: list[list] = []  # [text, bold, italic]
    for run in paragraph.iter(qn("w:r")):
        bold, italic = _run_props(run)
        for child in run:
            if child.tag == qn("w:t"):
                text = child.text or ""
            elif child.tag == qn("w:tab"):
                text = "\t"
            elif child.tag in (qn("w:br"), qn("w:cr")):
                text = " "
            elif child.tag == qn("w:footnoteReference"):
                segments.append([f"[^{child.get(qn('w:id'))}]", False, False])
                continue
            else:
                continue
            if segments and segments[-1][1:] == [bold, italic] and not segments[-1][0].startswith("[^"):
                segments[-1][0] += text
            else:
                segments.append([text, bold, italic])
    return "".join(_wrap(t, b, i) for t, b, i in segments)


def _style_name(paragraph, document) -> str:
    props = paragraph.find(qn("w:pPr"))
    style = props.find(qn("w:pStyle")) if props is not None else None
    if style is None:
        return ""
    try:
        return document.styles.get_by_id(style.get(qn("w:val")), 1).name or ""
    except (KeyError, ValueError, AttributeError):
        return style.get(qn("w:val")) or ""


def _paragraph_line(paragraph, document) -> str:
    text = paragraph_text(paragraph)
    if not text.strip():
        return ""
    style = _style_name(paragraph, document).lower()
    props = paragraph.find(qn("w:pPr"))
    numbered = props is not None and props.find(qn("w:numPr")) is not None
    heading = re.match(r"heading (\d)", style)
    if heading:
        return "#" * min(6, int(heading[1]) + 1) + " " + text.strip()
    if numbered or style.startswith("list"):
        return "- " + text.strip()
    return text


def _cell_lines(cell, document) -> list[str]:
    return [_paragraph_line(p, document) for p in cell.iter(qn("w:p"))]


def _table_lines(table, document) -> list[str]:
    rows = table.findall(qn("w:tr"))
    cells = [[_cell_lines(c, document) for c in row.findall(qn("w:tc"))] for row in rows]
    flat_text = "\n".join(line for row in cells for cell in row for line in cell)
    if _LAYOUT_HINTS.search(flat_text):  # a layout table: header or signing block
        out: list[str] = []
        for row in cells:
            for cell in row:
                out += cell + [""]
        return out
    lines = []
    for index, row in enumerate(cells):
        texts = [" ".join(l.strip() for l in cell if l.strip()).replace("|", "\\|") for cell in row]
        lines.append("| " + " | ".join(texts) + " |")
        if index == 0:
            lines.append("|" + "---|" * len(texts))
    return lines + [""]


def _footnote_lines(document) -> list[str]:
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            from lxml import etree

            root = etree.fromstring(rel.target_part.blob)
            out = []
            for note in root.findall(qn("w:footnote")):
                note_id = note.get(qn("w:id"))
                if note.get(qn("w:type")) in ("separator", "continuationSeparator") or int(note_id) < 1:
                    continue
                text = " ".join(paragraph_text(p).strip() for p in note.iter(qn("w:p")))
                out.append(f"[^{note_id}]: {' '.join(text.split())}")
            return out
    return []


def read_docx(path: str) -> tuple[str, list[str]]:
    """The Word file as text the importer reads like a copied text (one paragraph a line),
    and its footnotes as `[^1]: …` lines."""
    document = docx.Document(path)
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines += [_paragraph_line(child, document), ""]
        elif child.tag == qn("w:tbl"):
            lines += _table_lines(child, document)
    return "\n".join(lines), _footnote_lines(document)
