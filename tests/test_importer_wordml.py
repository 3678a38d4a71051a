"""Word files as offices type them, written as raw WordprocessingML by the test:
list numbering from numbering.xml, tracked changes, hyperlinks, text boxes,
fields, superscript-digit footnotes, and broken or hostile files."""

import zipfile

from wordml import CLOSING, HEADER, footnotes, level, numbering, p, t, table, write_docx

from directive_portal.importer import import_file, import_files, writer
from directive_portal.importer.check import problems
from directive_portal.importer.docx import read_docx
from directive_portal.importer.sources import SourceError

# Abstract list 0: the plan's sections I., 1., 1.1., a); 1: dashes and pluses; 2: lowerRoman.
SECTIONS = level(0, "upperRoman", "%1.") + level(1, "decimal", "%2.") + level(2, "decimal", "%2.%3.") + \
    level(3, "lowerLetter", "%4)")
BULLETS = level(0, "bullet", "-") + level(1, "bullet", "+") + level(2, "bullet", "\uf0b7")
NUMBERING = numbering(
    {0: [SECTIONS], 1: [BULLETS], 2: [level(0, "lowerRoman", "%1)")]},
    {1: (0, {}), 2: (1, {}), 3: (2, {}), 4: (2, {0: 1}), 5: (2, {})},
)
B = "<w:b/>"


def plan_body() -> str:
    return "".join([
        HEADER,
        p(t("KẾ HOẠCH", B)),
        p(t("Tuyên truyền trách nhiệm giải trình", B)),
        p("Thực hiện Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị, Ban Thường vụ Đảng ủy xây dựng kế hoạch như sau:"),
        p(t("MỤC ĐÍCH, YÊU CẦU", B), num=(1, 0)),
        p(t("Mục đích", B), num=(1, 1)),
        p("Nâng cao nhận thức của cán bộ, đảng viên.", num=(1, 1)),
        p(t("Yêu cầu", B), num=(1, 1)),
        p("Bám sát nội dung chỉ thị.", num=(2, 0)),
        p("Phù hợp với tình hình địa phương.", num=(2, 1)),
        p("Các chi bộ thực hiện;", num=(2, 2)),
        p(t("NỘI DUNG", B), num=(1, 0)),
        p(t("Tuyên truyền", B), num=(1, 1)),
        p(t("Hình thức tuyên truyền", B), num=(1, 2)),
        p(t("Trên hệ thống loa truyền thanh", B), num=(1, 3)),
        p("Mỗi tuần một lần.", num=(1, 3)),
        p("Nội dung thứ nhất.", num=(3, 0)),
        p("Nội dung thứ hai.", num=(3, 0)),
        p("Nội dung bắt đầu lại.", num=(4, 0)),
        p("Nội dung nối tiếp.", num=(5, 0)),  # another numId on the same list, no override: continues
        CLOSING,
    ])


def test_list_numbering_is_written_as_word_shows_it(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    write_docx(path, plan_body(), NUMBERING)
    text, _ = read_docx(str(path))
    lines = [line for line in text.split("\n") if line]
    expected = [
        "## I. MỤC ĐÍCH, YÊU CẦU", "### 1. Mục đích", "2. Nâng cao nhận thức của cán bộ, đảng viên.",
        "### 3. Yêu cầu", "- Bám sát nội dung chỉ thị.", "+ Phù hợp với tình hình địa phương.",
        "• Các chi bộ thực hiện;", "## II. NỘI DUNG", "### 1. Tuyên truyền", "#### 1.1. Hình thức tuyên truyền",
        "##### a) Trên hệ thống loa truyền thanh", "b) Mỗi tuần một lần.",
        "i) Nội dung thứ nhất.", "ii) Nội dung thứ hai.", "i) Nội dung bắt đầu lại.", "ii) Nội dung nối tiếp.",
    ]
    assert [line for line in lines if line in expected] == expected


def test_numbered_sections_become_headings_with_section_ids(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    write_docx(path, plan_body(), NUMBERING)
    imported = import_file(str(path))
    body = imported.body
    assert "## I. MỤC ĐÍCH, YÊU CẦU" in body and "## II. NỘI DUNG" in body
    assert "### 1. Mục đích" in body and "#### 1.1. Hình thức tuyên truyền" in body
    assert "2\\. Nâng cao nhận thức" in body  # a numbered paragraph, not a renumbered Markdown list
    assert "- Bám sát nội dung chỉ thị." in body and "    - Phù hợp với tình hình địa phương." in body
    front = imported.front
    assert (front["type"], front["number"], front["date"]) == ("ke-hoach", "21-KH/ĐU", "2026-01-05")
    assert front["title"] == "Tuyên truyền trách nhiệm giải trình"
    assert front["signer"]["name"] == "Nguyễn Văn An"
    assert not any("kiểm tra từ ngữ" in w for w in imported.warnings)
    from markdown import Markdown
    html = Markdown(extensions=["directive_portal.headings", "toc"]).convert(body)
    assert 'id="muc-ii-1-1"' in html and 'id="muc-i-3"' in html


TRACKED = "".join([
    p("Giữ ", '<w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve">phần thêm </w:t></w:r></w:ins>',
      '<w:del w:id="2" w:author="A"><w:r><w:delText>phần xóa </w:delText></w:r></w:del>', "và phần cũ."),
    p('<w:hyperlink r:id="rIdL1"><w:r><w:t>Cổng thông tin</w:t></w:r></w:hyperlink>', " và ",
      '<w:hyperlink r:id="rIdL2"><w:r><w:t>bấm vào đây</w:t></w:r></w:hyperlink>', "."),
    p('<w:smartTag w:uri="x" w:element="place"><w:r><w:t>Hà Nội</w:t></w:r></w:smartTag>', " ngày ",
      '<w:fldSimple w:instr=" DATE "><w:r><w:t>05/01/2026</w:t></w:r></w:fldSimple>', " và trang ",
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'),
    p("Đoạn có hộp chữ.", '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
      + p("Chữ trong hộp.") + '</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>'
      '<w:txbxContent>' + p("Chữ trong hộp.") + '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>'),
    p("Theo Quy định số 85-QĐ/TW", t("1", '<w:vertAlign w:val="superscript"/>'), " của Ban Bí thư."),
    "<w:sdt><w:sdtPr/><w:sdtContent>" + p("Đoạn trong ô điều khiển nội dung.") + "</w:sdtContent></w:sdt>",
    p(t("1", '<w:vertAlign w:val="superscript"/>'), " Quy định số 85-QĐ/TW ngày 07/10/2022 của Ban Bí thư."),
])


def test_tracked_changes_links_fields_text_boxes_and_superscript_notes(tmp_path):
    path = tmp_path / "ban-nhap.docx"
    write_docx(path, TRACKED, links={"rIdL1": "https://hanoi.gov.vn/", "rIdL2": "javascript:alert(1)"})
    text, _ = read_docx(str(path))
    assert "Giữ phần thêm và phần cũ." in text and "phần xóa" not in text
    assert "Cổng thông tin (<https://hanoi.gov.vn/>) và bấm vào đây." in text  # no javascript: address
    assert "Hà Nội ngày 05/01/2026 và trang 3" in text and "PAGE" not in text
    assert text.count("Chữ trong hộp.") == 1 and "Đoạn có hộp chữ.\n\nChữ trong hộp." in text
    assert "Đoạn trong ô điều khiển nội dung." in text
    body = import_file(str(path)).body
    assert "Quy định số 85-QĐ/TW[^1] của Ban Bí thư." in body
    assert "[^1]: Quy định số 85-QĐ/TW ngày 07/10/2022 của Ban Bí thư." in body


def test_old_binary_doc_gets_a_clear_message(tmp_path):
    path = tmp_path / "cu.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    renamed = tmp_path / "cu.docx"
    renamed.write_bytes(path.read_bytes())
    results = import_files([str(path), str(renamed)], str(tmp_path / "content"), topics=[])
    assert all("Save As" in r.error and ".docx" in r.error for r in results)


def _good(tmp_path):
    path = tmp_path / "z-tot.docx"
    write_docx(path, plan_body(), NUMBERING)
    return path


def test_footnote_without_id_gets_its_own_message_and_the_batch_goes_on(tmp_path):
    bad = tmp_path / "a-chu-thich.docx"
    write_docx(bad, HEADER + p("Văn bản", '<w:r><w:footnoteReference w:id="1"/></w:r>') + CLOSING,
               footnotes_xml=footnotes({None: "Chú thích không có mã."}))
    results = import_files([str(bad), str(_good(tmp_path))], str(tmp_path / "content"), topics=[])
    assert "chú thích cuối trang không có mã số (w:id)" in results[0].error and not results[0].written
    assert results[1].written and not results[1].error


def test_malformed_and_deeply_nested_docx_get_their_own_messages(tmp_path):
    broken = tmp_path / "a-hong.docx"
    write_docx(broken, p("Văn bản") + "<w:p><w:r>")
    deep = tmp_path / "b-sau.docx"
    write_docx(deep, table([["x"]]).replace("<w:tc>", "<w:tc>" + "<w:tbl><w:tr><w:tc>" * 1001, 1)
               .replace("</w:tc>", "<w:p/></w:tc></w:tr></w:tbl>" * 1001 + "</w:tc>", 1))
    results = import_files([str(broken), str(deep), str(_good(tmp_path))], str(tmp_path / "content"), topics=[])
    assert "tệp .docx bị hỏng" in results[0].error
    assert results[1].error.startswith(str(deep)) and "lồng nhau quá sâu" in results[1].error
    assert results[2].written


def test_zip_bomb_is_refused_from_the_zip_directory(tmp_path):
    bomb = tmp_path / "a-bom.docx"
    write_docx(bomb, p("Văn bản"))
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/image1.xml", b"\0" * (40 * 1024 * 1024))  # 40 MB -> ~40 KB
    results = import_files([str(bomb), str(_good(tmp_path))], str(tmp_path / "content"), topics=[])
    assert "zip bomb" in results[0].error or "quá giới hạn" in results[0].error
    assert results[1].written


def test_docx_fixture_keeps_every_word(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    write_docx(path, plan_body(), NUMBERING)
    imported = import_file(str(path))
    text, notes = read_docx(str(path))
    assert problems("\n".join([text, *notes]), writer.render(imported.front, imported.body), imported.dropped) == []


def test_reader_errors_are_source_errors(tmp_path):
    path = tmp_path / "rong.docx"
    path.write_bytes(b"PK\x03\x04 broken")
    try:
        import_file(str(path))
    except SourceError as exc:
        assert "rong.docx" in str(exc)
    else:
        raise AssertionError("a broken .docx was read")


def test_an_unexpected_failure_is_that_files_message_and_the_batch_goes_on(tmp_path, monkeypatch):
    from directive_portal.importer import extract

    original = extract.parse_header

    def parse_header(lines):
        if lines[0] == "Văn bản gây lỗi":
            raise RecursionError("maximum recursion depth exceeded")
        return original(lines)

    bad = tmp_path / "a.txt"
    bad.write_text("Văn bản gây lỗi", encoding="utf-8")
    monkeypatch.setattr(extract, "parse_header", parse_header)
    results = import_files([str(bad), str(_good(tmp_path))], str(tmp_path / "content"), topics=[])
    assert "lỗi không lường trước (RecursionError" in results[0].error and not results[0].written
    assert results[1].written


def test_headings_numbered_through_their_style(tmp_path):
    from wordml import heading_style, styles

    path = tmp_path / "kieu.docx"
    numbered = numbering({0: [SECTIONS]}, {7: (0, {})})
    style_xml = styles(heading_style("Heading1", "heading 1", (7, 0)), heading_style("Heading2", "heading 2", (7, 1)),
                       heading_style("Muc2", "Mục cấp 2", based_on="Heading2"))
    write_docx(path, p("MỤC ĐÍCH", style="Heading1") + p("Mục đích", style="Muc2") + p("Yêu cầu", style="Heading2")
               + p("NỘI DUNG", style="Heading1") + p("Nội dung chính", style="Heading2"), numbered, styles_xml=style_xml)
    lines = [line for line in read_docx(str(path))[0].split("\n") if line]
    assert lines == ["## I. MỤC ĐÍCH", "### 1. Mục đích", "### 2. Yêu cầu", "## II. NỘI DUNG", "### 1. Nội dung chính"]
