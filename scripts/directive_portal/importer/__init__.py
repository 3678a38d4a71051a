"""`portal import FILE...`: turn directives copied out of PDF or Word into content documents.

`import_files` reads each file (.txt, .md, .docx), extracts the front matter
and the Markdown body, checks that no word was lost, and writes
`content/van-ban/<year>/….md` unless the file exists (`force` overwrites).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass

from ..model import Topic
from . import check, writer
from .extract import Imported, import_text
from .sources import SourceError, read_source
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


def import_file(path: str, topics: list[Topic] = ()) -> Imported:
    """Read one source file into an `Imported` (nothing is written).

    Raises `SourceError` (a `ValueError`) with a message for the editor when the
    file is not a readable .docx, .txt or .md (an old .doc, a PDF, a broken Word
    file, text not saved as UTF-8).
    """
    name = os.path.basename(path)
    text, notes, is_word = read_source(path)
    if is_word:
        imported = import_text(text, name, topics, reflow=False, notes=notes)
        text = "\n".join([text, *notes])
    else:
        imported = import_text(text, name, topics)
    lost = check.problems(text, writer.render(imported.front, imported.body), imported.dropped)
    if lost:
        extra = tuple(f"{name}:1: kiểm tra từ ngữ: {p} — so sánh với văn bản gốc và sửa lại" for p in lost)
        imported = Imported(imported.source, imported.front, imported.body, imported.relpath,
                            imported.warnings + extra, imported.dropped)
    return imported


def import_files(
    paths: list[str], out_dir: str = "content", dry_run: bool = False, force: bool = False,
    topics: list[Topic] | str = "content/topics.yml",
) -> list[ImportResult]:
    """Import every file; `topics` is the registry or the path of `topics.yml`."""
    registry = load_registry(topics) if isinstance(topics, str) else list(topics)
    results = []
    for path in paths:
        try:
            imported = import_file(path, registry)
        except SourceError as exc:  # the message names the file and what to do
            results.append(ImportResult(path, "", False, None, str(exc)))
            continue
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            results.append(ImportResult(path, "", False, None, f"{path}: không đọc được tệp ({exc})"))
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
                results.append(ImportResult(path, target, False, imported,
                                            f"{target}: không ghi được tệp ({exc.strerror or exc}) — kiểm tra quyền ghi "
                                            "và chỗ trống của thư mục content/, đặt lại tên tệp ngắn hơn nếu cần"))
                continue
        results.append(ImportResult(path, target, not dry_run, imported))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="portal import",
        description="Nhập văn bản (.txt, .md, .docx) thành tài liệu Markdown trong content/.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--out", default="content", help="thư mục nội dung (mặc định: content)")
    parser.add_argument("--dry-run", action="store_true", help="chỉ in ra, không ghi tệp")
    parser.add_argument("--force", action="store_true", help="ghi đè tệp đã có")
    parser.add_argument("--topics", default=None, help="danh mục chủ đề (mặc định: <out>/topics.yml)")
    args = parser.parse_args(argv)
    topics_path = args.topics or os.path.join(args.out, "topics.yml")
    results = import_files(args.files, args.out, args.dry_run, args.force, topics_path)
    status = 0
    for result in results:
        for warning in result.warnings:
            print(f"cảnh báo: {warning}", file=sys.stderr)
        if args.dry_run and result.imported:
            print(f"# sẽ ghi {result.path}")
            print(writer.render(result.imported.front, result.imported.body))
        if result.error:
            print(f"lỗi: {result.error}", file=sys.stderr)
            status = 1
        elif result.written:
            print(f"đã ghi {result.path}")
    return status
