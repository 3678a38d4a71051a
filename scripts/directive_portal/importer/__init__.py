"""`portal import FILE...`: turn directives copied out of PDF or Word into content documents.

`import_files` reads each file (.docx, .pdf, .txt, .md), extracts the front matter
and the Markdown body, checks that no word was lost, and writes
`content/van-ban/<year>/….md` unless the file exists (`force` overwrites).
"""

from __future__ import annotations

from ..arguments import ArgumentParser
from ..file_errors import describe
import os
import sys
from dataclasses import dataclass, replace

from ..model import Topic
from . import check, writer
from .extract import Imported, import_text
from .report import expand, summary
from .sources import SourceError, read_pdf_file, read_source
from .suggest import load_registry

__all__ = ["ImportResult", "import_file", "import_files", "main"]


@dataclass(frozen=True)
class ImportResult:
    source: str
    path: str  # where the document is (or would be) written
    written: bool
    imported: Imported | None = None
    error: str = ""

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.imported.warnings if self.imported else ()


def _with_check(imported: Imported, name: str, source_text: str) -> Imported:
    """Run the word-preservation check on every import: a lost word is a warning."""
    lost = check.problems(source_text, writer.render(imported.front, imported.body), imported.dropped)
    if not lost:
        return imported
    extra = tuple(f"{name}:1: kiểm tra từ ngữ: {p} — so sánh với văn bản gốc và sửa lại" for p in lost)
    return replace(imported, warnings=imported.warnings + extra)


def _import_pdf(path: str, name: str, topics, progress) -> Imported:
    pdf = read_pdf_file(path, progress)
    layout = pdf.layout
    imported = import_text(layout.text, name, topics, notes=list(layout.notes))
    imported = _with_check(imported, name, "\n".join([layout.text, *layout.notes]))
    imported = replace(imported, pages=layout.pages, kind="scan" if pdf.scanned else "pdf")
    if pdf.blank_pages:  # a scanned page inside a PDF with text: its words are not in the import
        pages = ", ".join(map(str, pdf.blank_pages))
        imported = replace(imported, warnings=imported.warnings + (
            f"{name}:1: trang {pages} không có chữ (có thể là trang chụp), nội dung các trang này chưa được nhập — "
            "chép tay nội dung trang đó vào tệp, hoặc nhập bản Word hay bản PDF xuất từ Word",))
    if not pdf.scanned:
        return imported
    warnings = [f"{name}:1: văn bản được nhận dạng chữ (OCR) từ bản chụp, có thể sai chữ; đã để status: draft — "
                "đối chiếu toàn văn với bản chụp, nhất là các từ dưới đây, rồi đổi thành status: published"]
    warnings += [f"{name}: từ cần kiểm tra, {word}" for word in pdf.doubtful]
    return replace(imported, front={**imported.front, "status": "draft"},
                   warnings=imported.warnings + tuple(warnings))


def import_file(path: str, topics: list[Topic] = (), progress=None) -> Imported:
    """Read one source file into an `Imported` (nothing is written).

    Raises `SourceError` (a `ValueError`) with a message for the editor when the
    file cannot be imported: an old .doc, a broken Word file or PDF, a scan without
    Tesseract, text not saved as UTF-8, a secret document, a misread header.
    `progress(done, total)` is called after each OCR'd page of a scan.
    """
    name = os.path.basename(path)
    if os.path.splitext(path)[1].lower() == ".pdf":
        return _import_pdf(path, name, topics, progress)
    text, notes, is_word = read_source(path)
    if is_word:
        imported = import_text(text, name, topics, reflow=False, notes=notes)
        return replace(_with_check(imported, name, "\n".join([text, *notes])), kind="docx")
    imported = import_text(text, name, topics)
    return replace(_with_check(imported, name, text), kind="text")


def import_files(
    paths: list[str], out_dir: str = "content", dry_run: bool = False, force: bool = False,
    topics: list[Topic] | str = "content/topics.yml", progress=None,
) -> list[ImportResult]:
    """Import every file; `topics` is the registry or the path of `topics.yml`.

    `progress(message)` is told how far the OCR of a scan is."""
    registry = load_registry(topics) if isinstance(topics, str) else list(topics)
    results = []
    for path in paths:
        pages = (lambda done, total, path=path: progress(f"    {path}: nhận dạng chữ trang {done}/{total}")) \
            if progress else None
        try:
            imported = import_file(path, registry, pages)
        except SourceError as exc:  # the message names the file and what to do
            results.append(ImportResult(path, "", False, None, str(exc)))
            continue
        except OSError as exc:  # a missing file, no permission: named, never `[Errno 2] ...`
            results.append(ImportResult(path, "", False, None, describe(exc, path)))
            continue
        except (UnicodeDecodeError, ValueError) as exc:
            results.append(ImportResult(path, "", False, None, f"{path}: không đọc được tệp ({exc})"))
            continue
        except Exception as exc:  # noqa: BLE001 - one odd file must not stop the batch, nor show a traceback
            results.append(ImportResult(path, "", False, None,
                                        f"{path}: công cụ nhập gặp lỗi không lường trước ({type(exc).__name__}: {exc}) — "
                                        "không có gì được ghi cho tệp này; hãy gửi tệp cho người quản trị cổng"))
            continue
        target = os.path.join(out_dir, imported.relpath)
        if os.path.exists(target) and not force:
            results.append(ImportResult(path, target, False, imported,
                                        f"{target}: tệp đã có, không ghi đè — dùng --force nếu muốn thay thế"))
            continue
        if not dry_run:
            try:
                writer.write(target, imported.front, imported.body, force=force)
            except OSError as exc:  # a name the file system refuses, a folder not writable, a full disk
                results.append(ImportResult(path, target, False, imported, describe(exc, target)))
                continue
        results.append(ImportResult(path, target, not dry_run, imported))
    return results


def _print_result(result: ImportResult, dry_run: bool) -> int:
    for warning in result.warnings:
        print(f"cảnh báo: {warning}", file=sys.stderr)
    if dry_run and result.imported:
        print(f"# sẽ ghi {result.path}")
        print(writer.render(result.imported.front, result.imported.body))
    if result.imported:
        imported = result.imported
        print(f"{result.source}: {summary(imported.front, imported.body, imported.pages, imported.kind)}", file=sys.stderr)
    if result.error:
        print(f"lỗi: {result.error}", file=sys.stderr)
        return 1
    if result.written:
        print(f"đã ghi {result.path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = ArgumentParser(
        prog="portal import",
        description="Nhập văn bản (.docx, .pdf, .txt, .md; hoặc cả một thư mục) thành tài liệu Markdown trong content/.",
    )
    parser.add_argument("files", nargs="+", metavar="TỆP", help="tệp hoặc thư mục cần nhập: .docx, .pdf, .txt hoặc .md")
    parser.add_argument("--out", default="content", metavar="THƯ_MỤC", help="thư mục nội dung (mặc định: content)")
    parser.add_argument("--dry-run", action="store_true", help="chỉ in ra, không ghi tệp")
    parser.add_argument("--force", action="store_true", help="ghi đè tệp đã có")
    parser.add_argument("--topics", default=None, metavar="TỆP", help="danh mục chủ đề (mặc định: <out>/topics.yml)")
    args = parser.parse_args(argv)
    if args.topics and not os.path.isfile(args.topics):  # named on purpose: not silently left out
        print(f"lỗi: {describe(FileNotFoundError(2, 'missing'), args.topics)}", file=sys.stderr)
        return 1
    topics = load_registry(args.topics or os.path.join(args.out, "topics.yml"))
    files, skipped = expand(args.files)
    for path in skipped:
        print(f"bỏ qua {path}: không phải tệp văn bản (.docx, .pdf, .txt, .md)", file=sys.stderr)
    status = 0
    for number, path in enumerate(files, start=1):
        if len(files) > 1:
            print(f"[{number}/{len(files)}] {path}", file=sys.stderr)
        result = import_files([path], args.out, args.dry_run, args.force, topics,
                              progress=lambda message: print(message, file=sys.stderr))[0]
        status |= _print_result(result, args.dry_run)
    return status
