"""`portal new --type ke-hoach [--title …]`: a new document file from the front matter template.

The file goes where the content layout says (`paths.document_relpath`), is
filled with what is known (type, title, number, date, issuer, place, topics
suggested by the title, documents its title cites), starts as a draft, and an
existing file is never overwritten.
"""

from __future__ import annotations

from .arguments import ArgumentParser
from .file_errors import describe
import datetime
import json
import os
import re
import sys
from dataclasses import dataclass

from .model import DOCUMENT_TYPES, PartialDate, Topic
from .paths import TOPICS_FILE, document_relpath
from .references import find_citations
from .text import fold, nfc
from .topics import load_topics

_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")

# A skeleton of the body by type, as the documents are laid out (DOMAIN: sections I., 1., a)).
BODIES = {
    "ke-hoach": "## I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n2. Yêu cầu\n\n## II. NỘI DUNG\n\n## III. TỔ CHỨC THỰC HIỆN\n",
    "huong-dan": "## I. MỤC ĐÍCH, YÊU CẦU\n\n## II. NỘI DUNG HƯỚNG DẪN\n\n## III. TỔ CHỨC THỰC HIỆN\n",
    "cong-van": "Thực hiện ...\n\nBan Thường vụ Đảng ủy đề nghị các cơ quan, đơn vị triển khai một số nội dung sau:\n\n1. ...\n",
}


@dataclass(frozen=True)
class NewDocument:
    type: str
    title: str = ""
    number: str = ""
    date: PartialDate | None = None
    issuer: str = ""
    place: str = ""
    topics: tuple[str, ...] = ()


def parse_date(text: str) -> PartialDate:
    """`2026-03-05`, `2026-03`, `2026` or `05/03/2026`; ValueError with the reason otherwise."""
    match = _DMY.match(text.strip())
    if match:
        return PartialDate.checked(int(match[3]), int(match[2]), int(match[1]))
    return PartialDate.parse(text)


def suggest_topics(title: str, topics: list[Topic]) -> tuple[str, ...]:
    """Topics whose title or a keyword appears in the document's title (diacritics ignored)."""
    folded = fold(title)
    return tuple(t.slug for t in topics
                 if any(fold(k) in folded for k in (t.title, *t.keywords) if k))


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def render(doc: NewDocument) -> str:
    """The text of the new file: the front matter template with comments, then a body skeleton."""
    label, code = DOCUMENT_TYPES[doc.type]
    refs = []
    for cite in find_citations(doc.title):
        refs.append(f"  - id: {_q(cite.id)}")
        refs.append("    relation: implements  # implements: văn bản này triển khai văn bản kia; cites: chỉ nhắc tới")
    topics = "\n".join(f"  - {slug}" for slug in doc.topics)
    lines = [
        "---",
        "# Thông tin văn bản. Xem các trường và ví dụ trong Hướng dẫn biên tập (content/huong-dan-bien-tap.md).",
        f"title: {_q(doc.title)}  # trích yếu, chép đúng như trên văn bản",
        f"type: {doc.type}  # {label}",
        f"number: {_q(doc.number)}  # số ký hiệu, ví dụ \"12-{code}/ĐU\"; để trống \"\" khi bản chưa có số",
        f"issuer: {_q(doc.issuer)}  # cơ quan ban hành, ví dụ \"Ban Thường vụ Đảng ủy phường Việt Hưng\"",
        f"place: {_q(doc.place)}  # địa danh trước ngày ký, ví dụ \"Việt Hưng\"",
        f"date: {_q(doc.date.iso() if doc.date else '')}  # YYYY-MM-DD; YYYY-MM hoặc YYYY khi bản gốc để trống ngày",
        "signer:",
        "  name: \"\"  # họ tên người ký",
        "  title: \"\"  # chức vụ, ví dụ \"Phó Bí thư Thường trực\"",
        "  on_behalf: \"\"  # ví dụ \"T/M Ban Thường vụ\"",
        "recipients: []  # Kính gửi: mỗi nơi một dòng bắt đầu bằng '- '",
        "distribution: []  # Nơi nhận: mỗi nơi một dòng bắt đầu bằng '- '",
        "topics:" + (f"  # gợi ý từ trích yếu, sửa nếu cần\n{topics}" if topics else " []  # chủ đề trong content/topics.yml"),
        "references:" + ("  # văn bản mà trích yếu nhắc tới\n" + "\n".join(refs) if refs else " []  # văn bản được dẫn chiếu: id, date, issuer, title, relation"),
        "status: draft  # đổi thành published khi văn bản đã ký và được phép công bố",
        "---",
        "",
        BODIES.get(doc.type, "Nội dung văn bản.\n"),
    ]
    return "\n".join(lines)


def create(content_dir: str, doc: NewDocument) -> str:
    """Write the new file; return its path relative to `content_dir`. FileExistsError if it exists."""
    rel = document_relpath(doc.type, doc.number, doc.date, doc.place, doc.title)
    path = os.path.join(content_dir, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(render(doc))
    return rel


def _parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="portal new", description="Tạo tệp văn bản mới theo mẫu thông tin văn bản, ở đúng thư mục.")
    parser.add_argument("--type", required=True, choices=list(DOCUMENT_TYPES), metavar="LOẠI",
                        help="loại văn bản: " + ", ".join(DOCUMENT_TYPES))
    parser.add_argument("--title", default="", metavar="TRÍCH_YẾU", help="trích yếu")
    parser.add_argument("--number", default="", metavar="SỐ", help="số ký hiệu, ví dụ 12-KH/ĐU")
    parser.add_argument("--date", default="", metavar="NGÀY", help="ngày ký: 2026-03-05, 05/03/2026, 2026-03 (mặc định: năm nay)")
    parser.add_argument("--issuer", default="", metavar="CƠ_QUAN", help="cơ quan ban hành")
    parser.add_argument("--place", default="", metavar="ĐỊA_DANH", help="địa danh, ví dụ Việt Hưng")
    parser.add_argument("--topic", action="append", default=[], metavar="CHỦ_ĐỀ", help="chủ đề (slug), có thể ghi nhiều lần")
    parser.add_argument("--content", default="content", metavar="THƯ_MỤC", help="thư mục nội dung (mặc định: content)")
    return parser


def main(argv: list[str], today: datetime.date | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        date = parse_date(args.date) if args.date else PartialDate((today or datetime.date.today()).year)
    except ValueError as exc:
        print(f"portal new: ngày '{args.date}' không hợp lệ ({exc}) — viết 2026-03-05, 05/03/2026, 2026-03 hoặc 2026",
              file=sys.stderr)
        return 2
    registry = os.path.join(args.content, TOPICS_FILE)
    known = load_topics(registry)[0] if os.path.exists(registry) else []
    unknown = [t for t in args.topic if t not in {k.slug for k in known}]
    if unknown:
        print(f"portal new: chủ đề không có trong {registry}: {', '.join(unknown)} — dùng một trong: "
              + ", ".join(k.slug for k in known), file=sys.stderr)
        return 2
    title = nfc(args.title.strip())
    doc = NewDocument(args.type, title, nfc(args.number.strip()), date, nfc(args.issuer.strip()),
                      nfc(args.place.strip()), tuple(args.topic) or suggest_topics(title, known))
    try:
        rel = create(args.content, doc)
    except FileExistsError:
        rel = document_relpath(doc.type, doc.number, doc.date, doc.place, doc.title)
        print(f"{os.path.join(args.content, rel)}:1: tệp đã có, không ghi đè — mở tệp đó để sửa, "
              "hoặc đổi --title/--number/--date để tạo tệp khác", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"portal new: {describe(exc)}", file=sys.stderr)
        return 1
    path = os.path.join(args.content, rel)
    print(path)
    print(f"Đã tạo {path} (bản nháp). Điền các trường còn trống, dán nội dung, rồi chạy: portal check {path}",
          file=sys.stderr)
    return 0
