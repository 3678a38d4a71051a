"""Word files written as raw WordprocessingML, laid out the way ward offices type them.

python-docx cannot write list numbering, tracked changes, text boxes or fields, so
the tests that need them write the package parts themselves.
"""

from __future__ import annotations

import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = (f'xmlns:w="{W}" xmlns:r="{R}" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')
_TYPES = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def t(text: str, props: str = "") -> str:
    """One run: `props` is raw `w:rPr` content (`<w:b/>`)."""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def p(*runs: str, num: tuple[int, int] | None = None, style: str = "") -> str:
    """One paragraph; `num` = (numId, ilvl); runs are strings of text or raw run XML."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    content = "".join(r if r.startswith("<") else t(r) for r in runs)
    return f"<w:p>{'<w:pPr>' + props + '</w:pPr>' if props else ''}{content}</w:p>"


def table(*rows: list[str]) -> str:
    """A borderless table; each cell is a list of paragraph XML strings or texts."""
    out = ["<w:tbl><w:tblPr><w:tblBorders/></w:tblPr>"]
    for row in rows:
        out.append("<w:tr>")
        for cell in row:
            paragraphs = cell if isinstance(cell, list) else [cell]
            out.append("<w:tc>" + "".join(x if x.startswith("<") else p(x) for x in paragraphs) + "</w:tc>")
        out.append("</w:tr>")
    return "".join(out) + "</w:tbl>"


def level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{escape(text)}"/></w:lvl>')


def numbering(abstracts: dict[int, list[str]], nums: dict[int, tuple[int, dict[int, int]]]) -> str:
    """`abstracts`: id -> level XML list; `nums`: numId -> (abstract id, {ilvl: startOverride})."""
    out = [f"<w:numbering {NS}>"]
    for abstract_id, levels in abstracts.items():
        out.append(f'<w:abstractNum w:abstractNumId="{abstract_id}">{"".join(levels)}</w:abstractNum>')
    for num_id, (abstract_id, overrides) in nums.items():
        over = "".join(f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{s}"/></w:lvlOverride>'
                       for i, s in overrides.items())
        out.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{over}</w:num>')
    return "".join(out) + "</w:numbering>"


def footnotes(notes: dict[str | None, str]) -> str:
    """Footnote texts by id (None: a footnote without `w:id`)."""
    out = [f"<w:footnotes {NS}>",
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>']
    for note_id, text in notes.items():
        attribute = f' w:id="{note_id}"' if note_id is not None else ""
        out.append(f"<w:footnote{attribute}>{p(text)}</w:footnote>")
    return "".join(out) + "</w:footnotes>"


def styles(*definitions: str) -> str:
    """A styles part: each definition is raw `w:style` XML (see `heading_style`)."""
    return f"<w:styles {NS}>{''.join(definitions)}</w:styles>"


def heading_style(style_id: str, name: str, num: tuple[int, int] | None = None, based_on: str = "") -> str:
    """A paragraph style, optionally linked to a list level (Word's "multilevel list linked to headings")."""
    props = f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else ""
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>{based}'
            f"<w:pPr>{props}</w:pPr></w:style>")


def write_docx(path, body: str, numbering_xml: str = "", footnotes_xml: str = "",
               links: dict[str, str] | None = None, extra_parts: dict[str, bytes] | None = None,
               styles_xml: str = "") -> None:
    """A minimal valid .docx: `body` is the content of `w:body`."""
    overrides = [("/word/document.xml", f"{_TYPES}.document.main+xml")]
    rels = []
    if numbering_xml:
        overrides.append(("/word/numbering.xml", f"{_TYPES}.numbering+xml"))
        rels.append(("rIdNum", f"{_REL}/numbering", "numbering.xml", ""))
    if footnotes_xml:
        overrides.append(("/word/footnotes.xml", f"{_TYPES}.footnotes+xml"))
        rels.append(("rIdNotes", f"{_REL}/footnotes", "footnotes.xml", ""))
    if styles_xml:
        overrides.append(("/word/styles.xml", f"{_TYPES}.styles+xml"))
        rels.append(("rIdStyles", f"{_REL}/styles", "styles.xml", ""))
    for rel_id, url in (links or {}).items():
        rels.append((rel_id, f"{_REL}/hyperlink", escape(url, {'"': "&quot;"}), ' TargetMode="External"'))
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             + "".join(f'<Override PartName="{n}" ContentType="{c}"/>' for n, c in overrides) + "</Types>")
    package_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/></Relationships>')
    document_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                     + "".join(f'<Relationship Id="{i}" Type="{ty}" Target="{tg}"{mode}/>' for i, ty, tg, mode in rels)
                     + "</Relationships>")
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", package_rels)
        archive.writestr("word/_rels/document.xml.rels", document_rels)
        archive.writestr("word/document.xml", document)
        if numbering_xml:
            archive.writestr("word/numbering.xml", numbering_xml)
        if footnotes_xml:
            archive.writestr("word/footnotes.xml", footnotes_xml)
        if styles_xml:
            archive.writestr("word/styles.xml", styles_xml)
        for name, data in (extra_parts or {}).items():
            archive.writestr(name, data)


HEADER = table([
    ["ĐẢNG ỦY PHƯỜNG VIỆT HƯNG", "Số 21-KH/ĐU"],
    ["ĐẢNG CỘNG SẢN VIỆT NAM", "Việt Hưng, ngày 5 tháng 1 năm 2026"],
])
CLOSING = table([
    ["Nơi nhận:", "- Ban Thường vụ Quận ủy,", "- Lưu VT."],
    ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn An"],
])
