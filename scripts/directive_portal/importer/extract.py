"""One source text -> front matter values, Markdown body and warnings for the editor."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import CITED_TYPE_LABELS, DOCUMENT_TYPES, TYPE_CODES, Topic
from ..paths import document_relpath
from ..text import nfc
from . import body as body_mod
from . import issuer as issuer_mod
from . import limits
from . import marks as marks_mod
from .citing import cited
from .closing import parse_closing
from .header import parse_header
from .sources import SourceError
from .suggest import suggest_topics


@dataclass(frozen=True)
class Imported:
    source: str  # the file name as given, for messages
    front: dict  # front matter, keys in schema order
    body: str  # Markdown
    relpath: str  # where it goes, relative to the content folder
    warnings: tuple[str, ...] = ()
    # Source text not copied word for word: labels (`Số`, `Kính gửi`, national header),
    # and the printed issuer lines, which `issuer` restates.
    dropped: tuple[str, ...] = ()
    pages: int = 0  # pages of a PDF (0: not a PDF)
    kind: str = ""  # "docx", "pdf", "scan", "text"


def _warn(source: str, line: int, message: str, fix: str) -> str:
    return f"{source}:{max(line, 1)}: {message} — {fix}"


def _source_line(lines: list[str], start: int, *needles: str) -> int:
    """1-based line of the first source line from `start` holding one of `needles` (spaces ignored)."""
    for needle in needles:
        wanted = "".join(needle.split()).casefold()
        for index in range(start, len(lines)):
            if wanted and wanted in "".join(lines[index].split()).casefold():
                return index + 1
    return start + 1


def _doc_type(header, source: str, warnings: list[str]) -> str:
    from_code = TYPE_CODES.get(header.type_code.upper(), "") if header.type_code else ""
    slug = header.type_word or from_code
    if slug and slug not in DOCUMENT_TYPES:  # a type the portal cites but does not publish (`QUY CHẾ`, `01-QC/ĐU`)
        label = CITED_TYPE_LABELS.get(slug, slug)
        warnings.append(_warn(source, header.type_line or header.number_line or 1,
                              f"loại văn bản '{label}' không có trong các loại văn bản của cổng (type)",
                              "hãy điền type là một loại trong hướng dẫn biên tập, ví dụ type: quy-dinh"))
        return ""
    if header.type_word and from_code and (
        from_code not in DOCUMENT_TYPES or DOCUMENT_TYPES[header.type_word][1] != DOCUMENT_TYPES[from_code][1]
    ):
        warnings.append(_warn(source, header.type_line, f"loại văn bản '{header.type_word}' không khớp ký hiệu '{header.type_code}' trong số",
                              "kiểm tra lại type"))
    if not slug:
        warnings.append(_warn(source, header.number_line or 1, "không xác định được loại văn bản (type)",
                              "hãy điền type, ví dụ type: cong-van hoặc type: ke-hoach"))
    return slug


def _marks(source: str, lines: list[str]) -> marks_mod.Marks:
    """The text's marks; a secrecy or circulation mark refuses the whole file."""
    marks = marks_mod.find(lines)
    if marks.secrecy:
        line, mark = marks.secrecy[0]
        raise SourceError(f"{source}:{line}: văn bản có dấu '{mark}' (văn bản mật hoặc chỉ lưu hành nội bộ), "
                          "không được đưa lên cổng công khai; không nhập và không ghi gì — nếu cấp có thẩm quyền "
                          "đã cho phép công bố, hãy xóa dấu này khỏi tệp gốc rồi nhập lại")
    return marks


def import_text(
    text: str, source: str, topics: list[Topic] = (), reflow: bool = True, notes: list[str] = ()
) -> Imported:
    """Read a directive copied out of PDF or Word (or converted from .docx, whose
    footnotes come apart as `notes`, `[^1]: …` lines)."""
    # NFC first: text copied from a PDF on macOS is decomposed (NFD), and every
    # rule below (issuer level words, type words, places) is written in NFC.
    text = nfc(text)
    notes = [nfc(note) for note in notes]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    marks = _marks(source, lines)
    lines = list(marks.lines)
    header = parse_header(lines)
    closing = parse_closing(lines, header.body_start)
    warnings: list[str] = []
    body_lines = lines[header.body_start: closing.start] + ["", *[t for _, t in closing.leftovers], "", *notes]
    for line_no, text_ in closing.leftovers:
        warnings.append(_warn(source, line_no, f"dòng không thuộc nơi nhận hay phần ký, để ở cuối nội dung: '{text_.strip()}'",
                              "chuyển vào đúng chỗ hoặc xóa nếu thừa"))
    markdown = body_mod.to_markdown(body_lines, reflow)

    doc_type = _doc_type(header, source, warnings)
    _header_warnings(header, source, warnings)
    issuer = _issuer(header, closing, text, source, warnings)
    signer = closing.signer
    _closing_warnings(closing, header, doc_type, source, warnings)

    found = cited(header.title, markdown, header.number)
    refs = found.references
    for where, citation in found.bad_dates:
        line = header.title_line if where == "title" else _source_line(lines, header.body_start, citation.bad_date, citation.id)
        warnings.append(_warn(source, line, f"{citation.id} dẫn chiếu '{citation.bad_date}', một ngày không có thật, nên references không có ngày của văn bản này",
                              "so sánh với văn bản gốc, sửa ngày trong nội dung và điền date của văn bản này trong references"))
    for where, citation in found.ambiguous:
        line = header.title_line if where == "title" else _source_line(lines, header.body_start, citation.text, citation.id)
        warnings.append(_warn(source, line, f"'{citation.id}' khớp với nhiều văn bản được dẫn chiếu khác nhau (khác ngày hoặc cơ quan ban hành)",
                              "ghi rõ ngày ban hành hoặc cơ quan ban hành cạnh số văn bản"))
    suggested = suggest_topics(header.title, markdown, list(topics))
    if topics and not suggested:
        warnings.append(_warn(source, header.title_line, "không gợi ý được chủ đề (topics)",
                              "hãy chọn topics từ content/topics.yml"))
    front = _front_matter(header, doc_type, issuer, signer, closing, suggested, refs, marks.urgency)
    limits.check(source, front, header)
    relpath = document_relpath(doc_type or "van-ban", header.number, header.date, header.place, header.title)
    dropped = header.dropped + closing.dropped + header.issuer_lines + marks.removed
    return Imported(source, front, markdown, relpath, tuple(warnings), dropped)


def _header_warnings(header, source: str, warnings: list[str]) -> None:
    """What the header lacks: subject, number, date, place."""
    if not header.title:
        warnings.append(_warn(source, header.type_line or header.number_line or 1, "không tìm thấy trích yếu (title)",
                              "hãy điền title: nội dung trích yếu của văn bản"))
    if not header.number:
        what = "số văn bản để trống (bản chưa ký)" if header.number_line else "không tìm thấy số văn bản (number)"
        example = f"12-{header.type_code or 'CV'}/{header.issuer_code or 'ĐU'}"
        warnings.append(_warn(source, header.number_line or 1, what, f"khi có số, hãy điền number: '{example}'"))
    if not header.date_line:
        warnings.append(_warn(source, 1, "không tìm thấy ngày ban hành (date)",
                              "hãy điền date: 'YYYY-MM-DD' nếu văn bản có ngày"))
    elif header.date is None or header.date.day is None:
        warnings.append(_warn(source, header.date_line, "ngày ban hành để trống một phần" + (f", date là '{header.date.iso()}'" if header.date else ""),
                              "khi văn bản được ký, hãy điền date: 'YYYY-MM-DD'"))
    if not header.place:
        warnings.append(_warn(source, header.date_line or 1, "không tìm thấy địa danh (place)", "hãy điền place, ví dụ place: Việt Hưng"))


def _issuer(header, closing, text: str, source: str, warnings: list[str]) -> str:
    """The issuing body from the header lines, or guessed from the number's code (said so)."""
    issuer, _superior = issuer_mod.from_header(header.issuer_lines)
    if issuer:
        issuer = issuer_mod.with_signer(issuer, closing.signer)
    elif header.issuer_code:
        level = issuer_mod.level_word(text)
        issuer = issuer_mod.with_signer(issuer_mod.from_code(header.issuer_code, level, header.place, text), closing.signer)
        if issuer:
            warnings.append(_warn(source, header.number_line, f"không có dòng cơ quan ban hành; issuer được suy ra là '{issuer}'",
                                  "kiểm tra lại issuer"))
    if not issuer:
        warnings.append(_warn(source, 1, "không tìm thấy cơ quan ban hành (issuer)",
                              "hãy điền issuer, ví dụ issuer: Ban Thường vụ Đảng ủy phường Việt Hưng"))
    return issuer


def _closing_warnings(closing, header, doc_type: str, source: str, warnings: list[str]) -> None:
    """What the signing block and the addressees lack."""
    if not closing.signer_line:
        warnings.append(_warn(source, closing.start + 1, "không tìm thấy phần ký (signer)",
                              "hãy điền signer: name, title, on_behalf"))
    elif not closing.signer.name:
        warnings.append(_warn(source, closing.signer_line, "không tìm thấy tên người ký (signer.name)", "hãy điền signer.name"))
    if not closing.distribution_line:
        warnings.append(_warn(source, closing.start + 1, "không tìm thấy nơi nhận (distribution)",
                              "hãy điền distribution: danh sách nơi nhận"))
    if doc_type == "cong-van" and not header.recipients:
        warnings.append(_warn(source, header.title_line, "công văn không có phần Kính gửi (recipients)",
                              "hãy điền recipients: danh sách nơi được kính gửi"))


def _front_matter(header, doc_type, issuer, signer, closing, topics, refs, urgency="") -> dict:
    front: dict = {"title": header.title, "type": doc_type, "number": header.number, "issuer": issuer,
                   "place": header.place}
    if header.date:
        front["date"] = header.date.iso()
    if urgency:
        front["urgency"] = urgency
    if signer.name or signer.title or signer.on_behalf:
        front["signer"] = {k: v for k, v in (("name", signer.name), ("title", signer.title),
                                             ("on_behalf", signer.on_behalf)) if v}
    front["recipients"] = list(header.recipients)
    front["distribution"] = list(closing.distribution)
    front["topics"] = topics
    front["references"] = []
    for ref in refs:
        entry = {"id": ref.id}
        if ref.date:
            entry["date"] = ref.date.iso()
        if ref.issuer:
            entry["issuer"] = ref.issuer
        if ref.title:
            entry["title"] = ref.title
        entry["relation"] = ref.relation
        front["references"].append(entry)
    front["status"] = "published"
    return front
