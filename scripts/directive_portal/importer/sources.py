"""Read one source file as text, or say in Vietnamese why it cannot be read.

Editors drop whatever they received: Word files (sometimes an old `.doc`
renamed `.docx`), PDFs, text saved by Notepad as UTF-16 or in the Windows
code page. Every problem is a `SourceError` whose message names the file and
what to do, so `portal import` can go on with the other files.
"""

from __future__ import annotations

import codecs
import os
import zipfile
import zlib

from ..text import nfc

TEXT_EXTENSIONS = (".txt", ".md", ".markdown", ".text")

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Word (.doc), or a password-protected .docx
_PDF = b"%PDF"
_ZIP = b"PK\x03\x04"
_RTF = b"{\\rtf"
_SAVE_AS_DOCX = "mở tệp bằng Word, chọn Lưu thành (Save As) kiểu Word Document (.docx) rồi nhập lại tệp .docx"
_COPY_FROM_PDF = ("hãy mở tệp PDF, chọn toàn bộ văn bản, sao chép vào một tệp .txt (lưu kiểu UTF-8) "
                  "rồi nhập tệp .txt; hoặc nhập bản Word (.docx) nếu có")
_SAVE_AS_UTF8 = "mở tệp bằng Notepad, chọn Lưu thành (Save As), mục Encoding chọn UTF-8, rồi nhập lại"


class SourceError(ValueError):
    """A source file the importer cannot read; the message is for the editor."""


def _fail(path: str, what: str, fix: str) -> SourceError:
    return SourceError(f"{path}: {what} — {fix}")


def _head(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(8)


def _kind_of(head: bytes) -> str:
    if head.startswith(_OLE):
        return "ole"
    if head.startswith(_PDF):
        return "pdf"
    if head.startswith(_ZIP):
        return "zip"
    if head.startswith(_RTF):
        return "rtf"
    return ""


def _wrong_kind(path: str, kind: str) -> SourceError:
    if kind == "ole":
        return _fail(path, "không phải tệp .docx (có thể là tệp .doc cũ, hoặc tệp Word có đặt mật khẩu)", _SAVE_AS_DOCX)
    if kind == "pdf":
        return _fail(path, "là tệp PDF, công cụ nhập không đọc được PDF", _COPY_FROM_PDF)
    if kind == "rtf":
        return _fail(path, "là tệp RTF, công cụ nhập không đọc được RTF", _SAVE_AS_DOCX)
    return _fail(path, "là tệp nén (.docx, .xlsx hoặc .zip) chứ không phải văn bản thuần",
                 "nếu là văn bản Word, hãy đổi đuôi tệp thành .docx rồi nhập lại")


def read_text_file(path: str) -> str:
    """A .txt/.md file as text: UTF-8 (with or without BOM), or UTF-16 with its BOM."""
    with open(path, "rb") as handle:
        data = handle.read()
    kind = _kind_of(data[:8])
    if kind:
        raise _wrong_kind(path, kind)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Notepad's "Unicode"
        try:
            return nfc(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise _fail(path, "tệp có dấu hiệu UTF-16 nhưng nội dung bị hỏng", _SAVE_AS_UTF8) from None
    try:
        return nfc(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        if data[: 200].count(b"\x00") > 20:  # UTF-16 without its BOM
            what = "tệp được lưu theo mã UTF-16 không có dấu BOM, không đọc được chắc chắn"
        else:
            what = (f"tệp không được lưu theo mã UTF-8 (byte lạ ở dòng {line}; có thể tệp được lưu theo mã "
                    "Windows-1258/ANSI hoặc TCVN3), nhập tiếp sẽ sai dấu tiếng Việt")
        raise _fail(path, what, _SAVE_AS_UTF8) from None


def read_docx_file(path: str) -> tuple[str, list[str]]:
    """A Word file as (text, footnote lines), or a `SourceError` saying why not."""
    kind = _kind_of(_head(path))
    if kind and kind != "zip":
        raise _wrong_kind(path, kind)
    from lxml import etree

    from docx.opc.exceptions import OpcError

    from .docx import FootnoteWithoutId, read_docx
    from .package import zip_problem

    try:
        too_big = zip_problem(path) if kind == "zip" else ""
        if too_big:
            raise _fail(path, too_big, "mở tệp bằng Word, xóa hình ảnh không cần thiết, lưu lại (Save As) .docx "
                        "rồi nhập lại; nếu không rõ nguồn gốc tệp, đừng mở nó")
        text, notes = read_docx(path)
    except SourceError:
        raise
    except FootnoteWithoutId as exc:
        raise _fail(path, f"tệp .docx có chú thích cuối trang không có mã số (w:id) ({exc})",
                    "mở tệp bằng Word, lưu lại (Save As) kiểu Word Document (.docx) để Word đánh số lại chú thích, rồi nhập lại") from None
    except RecursionError:
        raise _fail(path, "tệp .docx lồng nhau quá sâu (bảng trong bảng, hoặc XML hỏng)",
                    "mở tệp bằng Word, lưu lại (Save As) .docx rồi nhập lại") from None
    except (OpcError, zipfile.BadZipFile, zlib.error, EOFError, KeyError, etree.LxmlError) as exc:
        if kind != "zip":
            raise _fail(path, "không phải tệp .docx (có thể là tệp .doc cũ đã đổi đuôi)", _SAVE_AS_DOCX) from None
        if "depth" in str(exc):
            raise _fail(path, "tệp .docx lồng nhau quá sâu (quá 256 tầng thẻ XML: bảng trong bảng, hoặc tệp hỏng)",
                        "mở tệp bằng Word, bỏ bớt bảng lồng trong bảng, lưu lại (Save As) .docx rồi nhập lại") from None
        raise _fail(path, f"tệp .docx bị hỏng hoặc không đầy đủ ({type(exc).__name__}: {exc})",
                    "mở tệp bằng Word; nếu Word sửa được, chọn Lưu thành (Save As) .docx rồi nhập lại") from None
    except ValueError as exc:  # e.g. an Excel or PowerPoint file renamed .docx
        raise _fail(path, f"không phải văn bản Word ({exc})", _SAVE_AS_DOCX) from None
    return nfc(text), [nfc(note) for note in notes]


def read_pdf_file(path: str, progress=None):
    """A PDF as `pdf.PdfText` (its text layer, or OCR of a scan), or a `SourceError`."""
    from .ocr import OcrMissing
    from .pdf import PdfError, read_pdf

    kind = _kind_of(_head(path))
    if kind != "pdf":
        raise _fail(path, "có đuôi .pdf nhưng không phải tệp PDF" + (" (là tệp Word)" if kind in ("ole", "zip") else ""),
                    "đổi đuôi tệp cho đúng loại (.docx, .txt) rồi nhập lại")
    try:
        return read_pdf(path, progress)
    except PdfError as exc:
        raise _fail(path, str(exc), "nếu trình đọc PDF mở được tệp, " + _COPY_FROM_PDF) from None
    except OcrMissing as exc:
        raise _fail(path, "là bản chụp (scan) không có lớp chữ, cần nhận dạng chữ (OCR) bằng Tesseract nhưng "
                    f"máy chưa cài ({exc})",
                    "cài bằng lệnh: sudo apt-get install tesseract-ocr tesseract-ocr-vie (Debian/Ubuntu), rồi nhập lại") from None


def read_source(path: str) -> tuple[str, list[str], bool]:
    """(text, footnote lines, is Word) of a source file, or a `SourceError`."""
    extension = os.path.splitext(path)[1].lower()
    if extension == ".docx":
        text, notes = read_docx_file(path)
        return text, notes, True
    if extension == ".doc":
        raise _fail(path, "là tệp .doc (Word cũ), công cụ nhập chỉ đọc .docx", _SAVE_AS_DOCX)
    if extension == ".odt":
        raise _fail(path, "là tệp .odt (LibreOffice), công cụ nhập chỉ đọc .docx",
                    "mở tệp bằng LibreOffice hoặc Word, chọn Lưu thành (Save As) kiểu Word (.docx) rồi nhập lại tệp .docx")
    if extension not in TEXT_EXTENSIONS:
        raise _fail(path, f"không nhập được tệp đuôi '{extension or '(không có đuôi)'}'",
                    "chỉ nhập được tệp .docx, .pdf, .txt hoặc .md; hãy lưu văn bản thành .docx hoặc chép vào tệp .txt")
    return read_text_file(path), [], False
