"""Write a synthetic corpus of N realistic documents, for benchmarks.

`generate_corpus(content_dir, n, seed)` writes a content folder the portal
builds like the real one: `topics.yml` and `index.md` copied from the repo's
`content/`, and N documents under `van-ban/<year>/`. Documents come from many
wards over 2015–2026, of every type; their text is the seeds' own paragraphs,
bullets and sentences reshuffled under seed-like headings (`## I. ...`,
`### 1. ...`); each cites directives from above and earlier documents of its
ward in the forms real documents use, with date, issuer and subject, and
declares them in `references` as the importer does. Some copies are unsigned:
blank number, and sometimes a month-only date. Same seed, same corpus.

    python -m benchmarks.corpus OUT_DIR N [--seed S] [--seeds FOLDER]
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import shutil
import sys
from dataclasses import dataclass

from directive_portal.importer.writer import render
from directive_portal.model import DOCUMENT_TYPES, PartialDate
from directive_portal.paths import TOPICS_FILE, document_relpath
from . import pools
from .seedtext import SeedsNotFound, SeedText, read_seed_text

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The raw seed texts kept in the repo (the same files as the project's seeds).
DEFAULT_SEEDS = os.path.join(REPO_ROOT, "tests", "fixtures", "import", "seeds")
FIRST_DAY = datetime.date(2015, 1, 1).toordinal()
LAST_DAY = datetime.date(2026, 6, 30).toordinal()
TARGET_BODY = (5000, 9000)  # characters of body text per document
IMPLEMENTING = ("ke-hoach", "huong-dan", "chuong-trinh", "cong-van", "de-an")


@dataclass(frozen=True)
class Citable:
    """Something a document can cite: a directive from above or an earlier ward document."""

    word: str
    id: str
    date: PartialDate
    issuer: str
    subject: str
    topic: str
    ward: str = ""  # set for ward documents


def _date(ordinal: int) -> PartialDate:
    day = datetime.date.fromordinal(ordinal)
    return PartialDate(day.year, day.month, day.day)


def _ordinal(date: PartialDate) -> int:
    return datetime.date(date.year, date.month or 1, date.day or 1).toordinal()


def _uppers(rng: random.Random) -> list[Citable]:
    """Central directives, plus city plans implementing them and yearly city plans."""
    found = [Citable(u.word, u.id, PartialDate.parse(u.date), u.issuer, u.subject, u.topic) for u in pools.UPPERS]
    number = 100
    for upper in list(found):
        if upper.issuer == "Ban Thường vụ Thành ủy":
            continue
        for _ in range(rng.randint(1, 2)):
            when = _date(min(_ordinal(upper.date) + rng.randint(20, 200), LAST_DAY))
            subject = f"Thực hiện {upper.word} số {upper.id} của {upper.issuer} về “{upper.subject}”"
            found.append(Citable("Kế hoạch", f"{number}-KH/TU", when, "Ban Thường vụ Thành ủy", subject, upper.topic))
            number += 1
    for year in range(2015, 2027):
        for subject, topic in (("Tuyên truyền các ngày lễ lớn, sự kiện lịch sử năm {y}", "xay-dung-dang"),
                               ("Bảo đảm an ninh, trật tự dịp Tết Nguyên đán và các sự kiện năm {y}", "an-ninh-trat-tu"),
                               ("Chăm lo an sinh xã hội, giáo dục và y tế năm {y}", "giao-duc-y-te")):
            when = _date(datetime.date(year, 1, rng.randint(5, 28)).toordinal())
            issuer = rng.choice(pools.CITY_ISSUERS)
            found.append(Citable("Kế hoạch", f"{number}-KH/TU", when, issuer, subject.format(y=year), topic))
            number += 1
    return sorted(found, key=lambda c: (_ordinal(c.date), c.id))


def cite(target: Citable, rng: random.Random) -> str:
    """A citation as documents write it: `Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị về “…”`."""
    d = target.date
    day = f"{d.day:02d}/{d.month:02d}/{d.year}" if rng.random() < 0.6 else f"{d.day}/{d.month}/{d.year}"
    text = f"{target.word} số {target.id} ngày {day} của {target.issuer}"
    roll = rng.random()
    if roll < 0.55:
        return f"{text} về “{target.subject}”"
    if roll < 0.8:
        return f"{text} về {target.subject[:1].lower()}{target.subject[1:]}"
    return text


class _Writer:
    """Draws paragraphs, bullets and headings from the seed pools."""

    def __init__(self, seed_text: SeedText, rng: random.Random) -> None:
        self.seed = seed_text
        self.rng = rng

    def paragraph(self) -> str:
        if self.rng.random() < 0.3 and self.seed.paragraphs:
            return self.rng.choice(self.seed.paragraphs)
        return " ".join(self.rng.sample(self.seed.sentences, self.rng.randint(2, 4)))

    def bullets(self) -> list[str]:
        return ["- " + b for b in self.rng.sample(self.seed.bullets, self.rng.randint(2, 4))]

    def body(self, intro: str, citations: list[str], unit: str) -> str:
        rng = self.rng
        target = rng.randint(*TARGET_BODY)
        sections = list(dict.fromkeys(self.seed.sections + pools.SECTIONS))
        rng.shuffle(sections)
        parts = [intro]
        size = len(intro)
        roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
        pending = list(citations)
        for index, title in enumerate(sections[: len(roman)]):
            parts.append(f"## {roman[index]}. {title}")
            for number in range(1, rng.randint(2, 4) + 1):
                parts.append(f"### {number}. {rng.choice(self.seed.subsections)}")
                paragraph = self.paragraph()
                if pending and (rng.random() < 0.6 or size >= target):
                    paragraph = f"Căn cứ {pending.pop()}, {unit} {paragraph[:1].lower()}{paragraph[1:]}"
                parts.append(paragraph)
                parts.append("\n".join(self.bullets()))
                size += sum(len(p) for p in parts[-3:])
            if size >= target and not pending:
                break
        return "\n\n".join(parts) + "\n"


def _weighted_type(rng: random.Random) -> str:
    types, weights = zip(*pools.TYPE_WEIGHTS)
    return rng.choices(types, weights)[0]


def _signer(rng: random.Random) -> dict:
    name = f"{rng.choice(pools.SURNAMES)} {rng.choice(pools.MIDDLE)} {rng.choice(pools.GIVEN)}"
    return {"name": name, "title": rng.choice(pools.SIGNER_TITLES), "on_behalf": "T/M Ban Thường vụ"}


def generate_corpus(content_dir: str, n: int, seed: int = 0, seeds_dir: str = DEFAULT_SEEDS) -> None:
    """Write `topics.yml`, `index.md` and `n` documents into `content_dir`."""
    seed_text = read_seed_text(seeds_dir)
    rng = random.Random(seed)
    os.makedirs(content_dir, exist_ok=True)
    shutil.copyfile(os.path.join(REPO_ROOT, "content", TOPICS_FILE), os.path.join(content_dir, TOPICS_FILE))
    with open(os.path.join(content_dir, "index.md"), "w", encoding="utf-8") as handle:
        handle.write(f"Cổng văn bản — bộ dữ liệu thử hiệu năng: {n} văn bản tổng hợp từ văn bản mẫu.\n")

    uppers = _uppers(rng)
    wards = pools.WARDS[: max(3, min(len(pools.WARDS), n // 40))]
    plans = sorted(((rng.choice(wards), rng.randint(FIRST_DAY, LAST_DAY), _weighted_type(rng)) for _ in range(n)),
                   key=lambda p: (p[1], p[0]))
    counters: dict[tuple[str, str], int] = {}
    earlier: dict[str, list[Citable]] = {}  # ward -> its citable documents so far
    used_paths: set[str] = set()
    writer = _Writer(seed_text, rng)
    for ward, day, type_ in plans:
        unit = ("xã " if ward in pools.COMMUNES else "phường ") + ward
        label, code = DOCUMENT_TYPES[type_]
        issuer = f"{'Đảng ủy' if type_ in ('nghi-quyet', 'ket-luan') else 'Ban Thường vụ Đảng ủy'} {unit}"
        date = _date(day)
        number = ""
        if rng.random() < 0.06:  # unsigned copy: blank number, sometimes blank day
            date = PartialDate(date.year, date.month) if rng.random() < 0.5 else date
        else:
            counters[(ward, code)] = counters.get((ward, code), 0) + 1
            number = f"{counters[(ward, code)]:02d}-{code}/ĐU"

        above = [u for u in uppers if _ordinal(u.date) < day][-25:] or uppers[:3]
        own = earlier.get(ward, [])[-30:]
        primary = rng.choice(own) if own and rng.random() < 0.35 else rng.choice(above)
        others = rng.sample(above, min(len(above), rng.randint(0, 2)))
        others += rng.sample(own, min(len(own), rng.randint(0, 2)))
        cited = list(dict.fromkeys([primary] + [o for o in others if o != primary]))

        action = rng.choice(pools.ACTIONS)
        subject = f"{primary.word} số {primary.id} của {primary.issuer}"
        title = f"{action} {subject}" if rng.random() < 0.5 else f"{action} {primary.subject[:1].lower()}{primary.subject[1:]}"
        relpath = document_relpath(type_, number, date, ward, title)
        while relpath in used_paths:
            title += " (bổ sung)"
            relpath = document_relpath(type_, number, date, ward, title)
        used_paths.add(relpath)

        intro = (f"Thực hiện {cite(primary, rng)}, {issuer} ban hành {label.lower()} "
                 f"{action[:1].lower()}{action[1:]} trên địa bàn {unit}, cụ thể như sau:")
        body = writer.body(intro, [cite(c, rng) for c in cited[1:]], issuer)
        topics = list(dict.fromkeys([primary.topic] + [c.topic for c in cited[1:2]]))
        front = {"title": title, "type": type_, "number": number, "issuer": issuer, "place": ward,
                 "date": date.iso(), "signer": _signer(rng)}
        if type_ == "cong-van":
            front["recipients"] = [r.format(unit=unit.capitalize()) for r in rng.sample(pools.RECIPIENTS, 4)]
        front["distribution"] = ["Như trên", "Lưu Văn phòng Đảng ủy"]
        front["topics"] = topics
        front["references"] = [{"id": c.id, "date": c.date.iso(), "issuer": c.issuer, "title": c.subject,
                                "relation": "implements" if c is primary and type_ in IMPLEMENTING else "cites"}
                               for c in cited]
        front["status"] = "published"
        path = os.path.join(content_dir, *relpath.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(render(front, body))
        if number and date.day and type_ not in ("bao-cao", "thong-bao"):
            earlier.setdefault(ward, []).append(Citable(label, number, date, issuer, title, topics[0], ward))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus",
                                     description="Sinh bộ văn bản tổng hợp để đo hiệu năng cổng văn bản.")
    parser.add_argument("out_dir", help="thư mục nội dung sẽ tạo (như content/)")
    parser.add_argument("n", type=int, help="số văn bản")
    parser.add_argument("--seed", type=int, default=0, help="hạt giống ngẫu nhiên (mặc định 0)")
    parser.add_argument("--seeds", default=DEFAULT_SEEDS, help="thư mục văn bản mẫu (mặc định tests/fixtures/import/seeds)")
    args = parser.parse_args(argv)
    try:
        generate_corpus(args.out_dir, args.n, args.seed, args.seeds)
    except SeedsNotFound as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return 2
    print(f"đã tạo {args.n} văn bản trong {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
