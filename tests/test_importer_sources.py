"""Files an editor may drop into `portal import`: wrong formats, broken Word files,
text not saved as UTF-8, decomposed (NFD) text copied from a PDF on macOS."""

import codecs
import unicodedata
import zipfile
from pathlib import Path

import pytest

from directive_portal.importer import import_file, import_files, main

FIXTURES = Path(__file__).parent / "fixtures" / "import"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the first bytes of every old Word (.doc) file


def _seed_text(prefix: str) -> str:
    return next(p for p in SEEDS if p.name.startswith(prefix)).read_text(encoding="utf-8")


def _bad_files(folder: Path) -> dict[str, Path]:
    files = {
        "doc-renamed": folder / "cong-van-cu.docx",
        "no-content-types": folder / "hong.docx",
        "not-a-zip": folder / "rac.docx",
        "doc": folder / "cong-van.doc",
        "pdf": folder / "ke-hoach.pdf",
        "odt": folder / "ke-hoach.odt",
        "rtf": folder / "ke-hoach.rtf",
    }
    files["doc-renamed"].write_bytes(OLE + b"\x00" * 512)
    with zipfile.ZipFile(files["no-content-types"], "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    files["not-a-zip"].write_bytes(b"Thuc hien Cong van so 12-CV/DU")
    files["doc"].write_bytes(OLE + b"\x00" * 512)
    files["pdf"].write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    files["odt"].write_bytes(b"PK\x03\x04")
    files["rtf"].write_bytes(b"{\\rtf1\\ansi Ke hoach}")
    return files


def test_a_bad_file_is_reported_by_name_and_the_batch_goes_on(tmp_path, capsys):
    bad = _bad_files(tmp_path)
    good = str(SEEDS[3])
    paths = [str(p) for p in bad.values()] + [good]
    results = import_files(paths, str(tmp_path / "out"), topics=[])
    assert [r.written for r in results] == [False] * len(bad) + [True]
    errors = {name: results[i].error for i, name in enumerate(bad)}
    for name, error in errors.items():
        assert error.startswith(str(bad[name]) + ": "), name
        assert "—" in error, name  # what is wrong — what to do
    assert "không phải tệp .docx (có thể là tệp .doc cũ" in errors["doc-renamed"]
    assert "Lưu thành" in errors["doc-renamed"] and ".docx" in errors["doc-renamed"]
    assert "bị hỏng" in errors["no-content-types"]
    assert "không phải tệp .docx" in errors["not-a-zip"]
    assert ".doc (Word cũ)" in errors["doc"] and "Lưu thành" in errors["doc"]
    assert "PDF" in errors["pdf"] and "sao chép vào một tệp .txt" in errors["pdf"]
    assert ".odt" in errors["odt"] and ".rtf" in errors["rtf"]

    assert main(paths + ["--out", str(tmp_path / "cli")]) == 1  # errors, yet the good file is written
    printed = capsys.readouterr()
    assert "Traceback" not in printed.err
    assert printed.err.count("lỗi: ") == len(bad)
    assert "đã ghi " in printed.out


def test_a_text_file_with_a_pdf_or_word_inside_is_not_read_as_text(tmp_path):
    pdf = tmp_path / "van-ban.txt"
    pdf.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(ValueError, match="là tệp PDF"):
        import_file(str(pdf))
    doc = tmp_path / "van-ban.md"
    doc.write_bytes(OLE)
    with pytest.raises(ValueError, match=r"\.doc cũ"):
        import_file(str(doc))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_notepad_unicode_text_is_read_by_its_byte_order_mark(tmp_path, encoding):
    text = _seed_text("003")
    path = tmp_path / "ham-liem.txt"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    path.write_bytes(data)
    expected = import_file(str(SEEDS[3]))
    imported = import_file(str(path))
    assert imported.front == expected.front and imported.body == expected.body


def test_text_in_the_windows_code_page_is_an_encoding_error_naming_the_line(tmp_path):
    path = tmp_path / "ham-liem.txt"
    path.write_bytes(_seed_text("003").encode("cp1258", errors="replace"))
    with pytest.raises(ValueError) as caught:
        import_file(str(path))
    message = str(caught.value)
    assert message.startswith(f"{path}: tệp không được lưu theo mã UTF-8 (byte lạ ở dòng 3;")
    assert "Windows-1258" in message and "UTF-8" in message.split("—")[1]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_decomposed_text_from_a_mac_pdf_gives_the_same_document(tmp_path, prefix):
    text = _seed_text(prefix)
    path = tmp_path / f"{prefix}.txt"
    path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    nfd = import_file(str(path))
    nfc = import_file(str(next(p for p in SEEDS if p.name.startswith(prefix))))
    assert nfd.front == nfc.front
    assert nfd.body == nfc.body
    assert nfc.front["issuer"].startswith("Ban Thường vụ Đảng ủy ")
    assert nfd.front["issuer"].split()[-3] in ("phường", "xã")  # `Đảng ủy phường Việt Hưng`


def test_decomposed_text_given_directly_to_import_text():
    from directive_portal.importer.extract import import_text

    text = unicodedata.normalize("NFD", _seed_text("000"))
    assert import_text(text, "000.txt").front["issuer"] == "Ban Thường vụ Đảng ủy phường Việt Hưng"
