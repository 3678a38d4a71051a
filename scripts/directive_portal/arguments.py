"""The argument parser of every `portal` subcommand, speaking Vietnamese.

`argparse` prints `usage:`, `positional arguments`, `options`, `show this help
message and exit` and its error messages in English. `ArgumentParser` here gives
the same parser with Vietnamese usage, section titles, help and errors; its
`error` turns argparse's stock messages into Vietnamese ones that say what to do.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

USAGE_PREFIX = "Cách dùng: "
POSITIONALS_TITLE = "tham số"
OPTIONALS_TITLE = "tùy chọn"

# argparse's stock messages (Python 3.10 to 3.13) -> Vietnamese, with the fix.
_MESSAGES = [
    (re.compile(r"^the following arguments are required: (?P<names>.+)$", re.S),
     "thiếu tham số bắt buộc: {names} — ghi thêm tham số đó (xem --help)"),
    (re.compile(r"^argument (?P<arg>.+?): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)$", re.S),
     "giá trị {value} của {arg} không hợp lệ — chọn một trong: {choices}"),
    (re.compile(r"^unrecognized arguments: (?P<names>.+)$", re.S),
     "không hiểu tham số: {names} — kiểm tra lại chính tả (xem --help)"),
    (re.compile(r"^argument (?P<arg>.+?): expected one argument$", re.S),
     "{arg} cần một giá trị ngay sau nó — ví dụ {example}"),
    (re.compile(r"^argument (?P<arg>.+?): expected at least one argument$", re.S),
     "{arg} cần ít nhất một giá trị ngay sau nó"),
    (re.compile(r"^argument (?P<arg>.+?): ignored explicit argument (?P<value>.+)$", re.S),
     "{arg} không nhận giá trị {value} — bỏ phần '=...' đi"),
    (re.compile(r"^ambiguous option: (?P<arg>\S+) could match (?P<choices>.+)$", re.S),
     "tùy chọn {arg} chưa rõ, có thể là: {choices} — ghi đầy đủ tên tùy chọn"),
    (re.compile(r"^argument (?P<arg>.+?): invalid (?P<kind>\S+) value: (?P<value>.+)$", re.S),
     "giá trị {value} của {arg} không hợp lệ — xem --help"),
    (re.compile(r"^argument (?P<arg>.+?): not allowed with argument (?P<other>.+)$", re.S),
     "không dùng {arg} cùng với {other} — chỉ giữ một trong hai"),
]


class HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, USAGE_PREFIX if prefix is None else prefix)


def translate(message: str) -> str:
    """argparse's English error message in Vietnamese (unknown messages are kept)."""
    for pattern, template in _MESSAGES:
        match = pattern.match(message)
        if match:
            fields = match.groupdict()
            arg = fields.get("arg", "")
            fields["example"] = f"{arg.split('/')[-1]} GIÁ_TRỊ" if arg else ""
            return template.format(**fields)
    return message


class ArgumentParser(argparse.ArgumentParser):
    """`argparse.ArgumentParser` with Vietnamese usage, section titles, `-h` and errors."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        for group in self._action_groups:  # the two groups argparse makes, titled in English
            if group.title == "positional arguments":
                group.title = POSITIONALS_TITLE
            elif group.title in ("options", "optional arguments"):
                group.title = OPTIONALS_TITLE
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="in hướng dẫn này rồi thoát")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {translate(message)}\n")


__all__ = ["ArgumentParser", "HelpFormatter", "translate"]
