"""The .docx path, on a Word file written by python-docx in a temporary folder."""

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from directive_portal.importer import import_file, writer
from directive_portal.importer.check import problems
from directive_portal.importer.docx import read_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W}">
  <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
  <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
  <w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị.</w:t></w:r></w:p></w:footnote>
</w:footnotes>""".encode("utf-8")


def _footnote_reference(paragraph) -> None:
    run = OxmlElement("w:r")
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), "1")
    run.append(reference)
    paragraph._p.append(run)


def make_docx(path) -> None:
    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    left.text = "ĐẢNG ỦY PHƯỜNG VIỆT HƯNG"
    left.add_paragraph("Số 12-CV/ĐU")
    left.add_paragraph("V/v tuyên truyền trách nhiệm giải trình")
    right.text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    right.add_paragraph("Việt Hưng, ngày 5 tháng 1 năm 2026")
    document.add_paragraph("Kính gửi: Các chi bộ trực thuộc Đảng ủy phường.")
    opening = document.add_paragraph("Thực hiện Chỉ thị số 53-CT/TW của Bộ Chính trị")
    _footnote_reference(opening)
    opening.add_run(", Ban Thường vụ Đảng ủy phường đề nghị:")
    document.add_paragraph("1. Nội dung tuyên truyền")
    paragraph = document.add_paragraph("Tuyên truyền ")
    paragraph.add_run("sâu rộng").bold = True
    paragraph.add_run(" và ")
    paragraph.add_run("thường xuyên").italic = True
    paragraph.add_run(" trong Nhân dân.")
    document.add_paragraph("Trang thông tin điện tử của phường;", style="List Bullet")
    document.add_paragraph("Hệ thống loa truyền thanh cơ sở.", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Nội dung", "Thời gian"
    table.cell(1, 0).text, table.cell(1, 1).text = "Hội nghị quán triệt", "Quý I/2026"
    closing = document.add_table(rows=1, cols=2)
    closing.cell(0, 0).text = "Nơi nhận:"
    closing.cell(0, 0).add_paragraph("- Như kính gửi,")
    closing.cell(0, 0).add_paragraph("- Lưu VT.")
    closing.cell(0, 1).text = "T/M BAN THƯỜNG VỤ"
    closing.cell(0, 1).add_paragraph("BÍ THƯ")
    closing.cell(0, 1).add_paragraph("Nguyễn Văn An")
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                FOOTNOTES_XML, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    document.save(str(path))


def test_docx_reader_keeps_emphasis_lists_tables_and_footnotes(tmp_path):
    path = tmp_path / "cong-van.docx"
    make_docx(path)
    text, notes = read_docx(str(path))
    assert "Tuyên truyền **sâu rộng** và *thường xuyên* trong Nhân dân." in text
    assert "• Trang thông tin điện tử của phường;" in text  # Word draws List Bullet with •
    assert "| Nội dung | Thời gian |" in text and "| Hội nghị quán triệt | Quý I/2026 |" in text
    assert "53-CT/TW của Bộ Chính trị[^1], Ban" in text
    assert notes == ["[^1]: Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị."]


def test_docx_import_fills_front_matter_and_keeps_every_word(tmp_path):
    path = tmp_path / "cong-van.docx"
    make_docx(path)
    imported = import_file(str(path))
    front = imported.front
    assert front["title"] == "Tuyên truyền trách nhiệm giải trình"  # from `V/v tuyên truyền …`, capitalised
    assert (front["type"], front["number"], front["date"], front["place"]) == ("cong-van", "12-CV/ĐU", "2026-01-05", "Việt Hưng")
    assert front["issuer"] == "Ban Thường vụ Đảng ủy phường Việt Hưng"
    assert front["recipients"] == ["Các chi bộ trực thuộc Đảng ủy phường"]
    assert front["distribution"] == ["Như kính gửi", "Lưu VT"]
    assert front["signer"] == {"name": "Nguyễn Văn An", "title": "Bí thư", "on_behalf": "T/M Ban Thường vụ"}
    assert front["references"][0]["id"] == "53-CT/TW" and front["references"][0]["relation"] == "implements"
    body = imported.body
    assert "### 1. Nội dung tuyên truyền" in body
    assert "**sâu rộng**" in body and "*thường xuyên*" in body
    assert "- Hệ thống loa truyền thanh cơ sở." in body
    assert "| Nội dung | Thời gian |\n|---|---|\n| Hội nghị quán triệt | Quý I/2026 |" in body
    assert "[^1]: Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị." in body
    text, notes = read_docx(str(path))
    assert problems("\n".join([text, *notes]), writer.render(front, body), imported.dropped) == []
    assert not any("kiểm tra từ ngữ" in w for w in imported.warnings)
