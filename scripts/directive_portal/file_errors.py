"""What went wrong with a file, in Vietnamese, for editors: never `[Errno 2] ...`."""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOENT: "không tìm thấy tệp hoặc thư mục này",
    errno.EACCES: "không có quyền đọc hoặc ghi",
    errno.EPERM: "không có quyền đọc hoặc ghi",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.EEXIST: "tệp đã có",
}

_FIXES = {
    errno.ENOENT: "kiểm tra lại tên tệp và thư mục đang đứng (lệnh ls hoặc dir)",
    errno.EACCES: "kiểm tra quyền của tệp, hoặc chọn thư mục khác",
    errno.EPERM: "kiểm tra quyền của tệp, hoặc chọn thư mục khác",
    errno.EISDIR: "chỉ ra một tệp bên trong thư mục đó",
    errno.ENOSPC: "giải phóng chỗ trống trên ổ đĩa rồi chạy lại",
    errno.ENAMETOOLONG: "đổi tên tệp cho ngắn hơn",
}


def describe(exc: OSError, path: str = "") -> str:
    """`path: what is wrong — the fix`, from an OSError (the path it names when none is given)."""
    where = path or exc.filename or ""
    reason = _REASONS.get(exc.errno or 0, f"lỗi hệ thống (mã {exc.errno})" if exc.errno else "lỗi hệ thống")
    fix = _FIXES.get(exc.errno or 0, "kiểm tra lại tệp rồi chạy lại")
    return f"{where}: {reason} — {fix}" if where else f"{reason} — {fix}"


__all__ = ["describe"]
