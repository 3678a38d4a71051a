"""What the importer found in one file, and what it did not: one line for the editor.

`đã tìm thấy: số 21-KH/ĐU, ngày 2026-01-05, cơ quan ban hành, người ký, nơi nhận (3),
dẫn chiếu (2), chú thích (2), 2 trang — không thấy: …`
"""

from __future__ import annotations

import os

SOURCE_EXTENSIONS = (".docx", ".doc", ".pdf", ".txt", ".md", ".markdown", ".text", ".odt", ".rtf")


def summary(front: dict, body: str, pages: int = 0, kind: str = "") -> str:
    found, missing = [], []

    def item(ok, shown: str, absent: str) -> None:
        (found if ok else missing).append(shown if ok else absent)

    item(front.get("number"), f"số {front.get('number')}", "số")
    item(front.get("date"), f"ngày {front.get('date')}", "ngày")
    item(front.get("issuer"), "cơ quan ban hành", "cơ quan ban hành")
    item((front.get("signer") or {}).get("name"), "người ký", "người ký")
    item(front.get("distribution"), f"nơi nhận ({len(front.get('distribution') or [])})", "nơi nhận")
    item(front.get("references"), f"dẫn chiếu ({len(front.get('references') or [])})", "dẫn chiếu")
    notes = sum(1 for line in body.split("\n") if line.startswith("[^") and "]:" in line[:12])
    found.append(f"chú thích ({notes})")  # (0) says none were found, which is often right
    if front.get("urgency"):
        found.append(f"độ khẩn {front['urgency']}")
    if pages:
        found.append(f"{pages} trang" + (" (nhận dạng chữ từ bản chụp)" if kind == "scan" else ""))
    text = "đã tìm thấy: " + ", ".join(found)
    return text + (" — không thấy: " + ", ".join(missing) if missing else "")


def expand(paths: list[str]) -> tuple[list[str], list[str]]:
    """Files to import (a folder gives its source files, sorted) and the folder entries left aside."""
    files, skipped = [], []
    for path in paths:
        if not os.path.isdir(path):
            files.append(path)
            continue
        for root, folders, names in os.walk(path):
            folders[:] = sorted(f for f in folders if not f.startswith("."))
            for name in sorted(names):
                full = os.path.join(root, name)
                if name.startswith((".", "~$")):
                    continue
                (files if name.lower().endswith(SOURCE_EXTENSIONS) else skipped).append(full)
    return files, skipped
