"""Search index: query terms, number keys, the files `mkdocs build` writes (no browser)."""

from __future__ import annotations

import json
import os

import pytest

from directive_portal import pipeline
from directive_portal.search.entries import entries, headings, plain
from directive_portal.search.index import BLOCK, b36, build_index, fnv1a
from benchmarks.sitebuild import REPO_ROOT, build, content_with_documents, write_config
from directive_portal.search.terms import exact_terms, number_terms, numbers_in_text, query_terms, syllables

FIXTURE_DOCS = os.path.join(REPO_ROOT, "tests", "fixtures", "search", "van-ban")


@pytest.mark.parametrize("query", ["53-CT/TW", "53/CT-TW", "53 - CT / TW", "Chỉ thị số 53-CT/TW", "chi thi so 53-ct/tw",
                                   "CT-TW 53", "ct/tw 53"])
def test_full_numbers_in_any_form(query):
    """One key finds; the issuer only ranks: every form gives the same documents."""
    assert query_terms(query) == (["#53ct"], ["#53ct/tw"], [])


@pytest.mark.parametrize("query", ["CT53", "CT 53", "ct-53", "chi thi 53", "chỉ thị số 53", "Chỉ thị 053", "53/CT", "53-ct"])
def test_short_numbers_in_any_form(query):
    assert query_terms(query) == (["#53ct"], [], [])


def test_number_rules_follow_the_models_type_codes_and_words():
    assert query_terms("QĐ 12")[0] == ["#12qd"]
    assert query_terms("quy định số 12")[0] == ["#12qd"]
    assert query_terms("chương trình 7")[0] == ["#7ctr"]
    assert query_terms("03-ĐA/TU")[:2] == (["#3da"], ["#3da/tu"])
    assert query_terms("Luật số 39/2024/QH15")[:2] == (["#39/2024"], ["#39/2024/qh15"])
    assert query_terms("53-CT/TW trach nhiem")[:2] == (["#53ct", "trach", "nhiem"], ["#53ct/tw", "trach nhiem"])


def test_document_numbers_are_indexed_under_the_same_keys():
    assert number_terms("53-CT/TW") == {"#53ct", "#53ct/tw"}
    assert numbers_in_text("Kế hoạch số 17-KH/TU triển khai Chỉ thị số 53-CT/TW, Luật số 39/2024/QH15; 12345-CT/TW") \
        == ["17-KH/TU", "53-CT/TW", "39/2024/QH15"]
    assert number_terms("03-ĐA/TU") == {"#3da", "#3da/tu"}  # leading zeros as in citation_key
    assert number_terms("123/2024/NĐ-CP") == {"#123/2024", "#123/2024/ndcp"}
    assert number_terms("-CV/ĐU") == set()  # an unsigned copy has no number to find
    assert number_terms("") == set()


def test_words_fold_diacritics_d_and_case():
    assert syllables("Trách nhiệm GIẢI TRÌNH của Đảng") == ["trach", "nhiem", "giai", "trinh", "cua", "dang"]
    plain_query = query_terms("trach nhiem giai trinh")
    assert plain_query == (["trach", "nhiem", "giai", "trinh"], ["trach nhiem", "nhiem giai", "giai trinh"], [])
    marked = query_terms("Trách nhiệm giải trình")
    assert marked[:2] == plain_query[:2]
    assert marked[2] == ["~giải", "~nhiệm", "~trách", "~trình"]
    assert query_terms("văn hoa")[2] == ["~hoa", "~văn"]  # plain syllables count as written too


def test_exact_terms_are_lower_case_syllables_as_written():
    assert exact_terms("Văn hóa, ĐẢNG 2026") == {"~văn", "~hóa", "~đảng", "~2026"}


def test_markdown_to_plain_text_and_headings():
    body = "Mở đầu **đậm** và [liên kết](../x.md)[^1].\n\n## I. Mục đích\n\nI. NỘI DUNG CHÍNH\n\n[^1]: Chú thích."
    assert plain(body) == "Mở đầu đậm và liên kết . I. Mục đích I. NỘI DUNG CHÍNH Chú thích."  # footnotes are text too
    assert headings(body) == "I. Mục đích · I. NỘI DUNG CHÍNH"


def test_hash_is_32_bit_fnv1a():
    assert fnv1a("a") == 0xE40C292C
    assert fnv1a("") == 0x811C9DC5
    assert b36(0) == "0" and b36(71) == "1z"


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    content = content_with_documents(str(tmp_path_factory.mktemp("search") / "content"), FIXTURE_DOCS)
    built = pipeline.build(content)
    assert not built.errors
    return build_index(entries(built.site), list(built.content.topics))


def _postings(index, term: str) -> dict[int, int]:
    meta = json.loads(index.files["meta.json"])
    path = f"{meta['root']}p/{b36(fnv1a(term) % meta['shards'])}.txt"
    for line in index.files[path].decode().splitlines():
        name, _, items = line.partition("\t")
        if name == term:
            found, doc = {}, 0
            for item in items.split(","):
                doc += int(item[1:], 36)
                found[doc] = int(item[0], 36)
            return found
    return {}


def _record(index, doc_id: int) -> list:
    meta = json.loads(index.files["meta.json"])
    return json.loads(index.files[f"{meta['root']}r/{b36(doc_id // BLOCK)}.json"])[doc_id % BLOCK]


def test_directive_page_and_citing_documents_share_the_number_key(index):
    found = {_record(index, d)[0]: w for d, w in _postings(index, "#53ct").items()}
    assert set(found) == {"van-ban-dan-chieu/53-ct-tw-2025/", "van-ban/2026/2026-01-15-ke-hoach-trach-nhiem-giai-trinh/",
                          "van-ban/2025/2025-12-20-cong-van-tuyen-truyen/"}
    directive = found.pop("van-ban-dan-chieu/53-ct-tw-2025/")
    assert all(directive > weight for weight in found.values())


def test_documents_are_numbered_newest_first_with_facets(index):
    meta = json.loads(index.files["meta.json"])
    dates = []
    records = [_record(index, doc_id) for doc_id in range(meta["docs"])]
    topics = [r for r in records if r[8] == 2]
    assert sorted(r[0] for r in topics) == sorted(f"chu-de/{t[0]}/" for t in meta["topics"])  # topic pages last: undated
    for record in records[: len(records) - len(topics)]:
        day, month, year = record[5].split("/")
        dates.append((int(year), int(month), int(day)))
    assert dates == sorted(dates, reverse=True)
    facets = json.loads(index.files[meta["root"] + "facets.json"])
    assert len(facets["type"]) == len(facets["issuer"]) == len(facets["year"]) == meta["docs"]
    assert [t[0] for t in meta["topics"]][:2] == ["trach-nhiem-giai-trinh", "chinh-quyen-dia-phuong-2-cap"]
    assert meta["rules"]["words"]["chi thi"] == "ct"


def test_full_text_terms_are_kept_apart_from_the_default_index(index):
    assert _postings(index, "kim lien") == {}  # deep in one body: not in the default index
    meta = json.loads(index.files["meta.json"])
    path = f"{meta['root']}f/{b36(fnv1a('kim lien') % meta['fullShards'])}.txt"
    assert any(line.startswith("kim lien\t") for line in index.files[path].decode().splitlines())


def test_mkdocs_build_writes_the_index(tmp_path):
    content = content_with_documents(str(tmp_path / "content"), FIXTURE_DOCS)
    build(write_config(str(tmp_path / "mkdocs.yml"), content, str(tmp_path / "site")))
    meta = json.loads((tmp_path / "site" / "search" / "meta.json").read_text(encoding="utf-8"))
    assert (tmp_path / "site" / "search" / meta["root"] / "facets.json").is_file()
    assert not (tmp_path / "site" / "search" / "search_index.json").exists()  # Material's lunr index is gone
    html = (tmp_path / "site" / "van-ban" / "2026" / "2026-02-10-ke-hoach-chuyen-doi-so" / "index.html").read_text(encoding="utf-8")
    assert 'action="../../../tim-kiem/"' in html and 'data-index="../../../search/"' in html
    assert "Tìm kiếm văn bản" in html


def test_syllables_in_most_documents_are_listed_as_common():
    from directive_portal.model import PartialDate
    from directive_portal.search.entries import Entry

    def entry(i: int) -> Entry:
        title = f"Kế hoạch số {i} của Đảng ủy phường" + (" về chuyển đổi số" if i % 10 == 0 else "")
        return Entry(url=f"van-ban/{i}/", title=title, number=f"{i}-KH/ĐU", type="ke-hoach", type_label="Kế hoạch",
                     issuer="Đảng ủy phường", date=PartialDate(2026, 1, 1 + i % 28), topics=(), topic_titles=(),
                     headings="", summary="", body="", cites=(), kind="doc")

    meta = json.loads(build_index([entry(i) for i in range(400)], [], full_text=False).files["meta.json"])
    assert {"ke", "hoach", "so", "cua", "dang", "uy", "phuong"} <= set(meta["common"])
    assert "chuyen" not in meta["common"] and "ke hoach" not in meta["common"]
    small = json.loads(build_index([entry(i) for i in range(50)], [], full_text=False).files["meta.json"])
    assert small["common"] == []  # a small site fetches every term


def test_vocabulary_lists_each_letters_syllables_most_frequent_first(index):
    meta = json.loads(index.files["meta.json"])
    rows = [line.split("\t") for line in index.files[f"{meta['root']}v/t.txt"].decode().splitlines()]
    words = {word: int(count) for word, count in rows}
    assert all(w.startswith("t") and w.isalpha() and len(w) >= 2 for w in words)
    assert [int(c) for _w, c in rows] == sorted((int(c) for _w, c in rows), reverse=True)
    assert words["trinh"] >= 3 and "tuyen" in words  # from subjects and from bodies alike


def test_signer_recipients_and_numbers_named_in_texts_are_indexed():
    from directive_portal.model import PartialDate
    from directive_portal.search.entries import Entry
    from directive_portal.search.weights import default_terms

    entry = Entry(url="van-ban/x/", title="Triển khai Kế hoạch số 17-KH/TU", number="", type="cong-van",
                  type_label="Công văn", issuer="", date=PartialDate(2026, 1, 1), topics=(), topic_titles=(),
                  headings="", summary="", body="", kind="doc",
                  cites=(("17-KH/TU", "subject"), ("53-CT/TW", "text")),
                  people="T/M Ban Thường vụ Phó Bí thư Lê Đức Toàn", addressees="Thường trực HĐND phường")
    weights = default_terms(entry)
    assert weights["le duc"] and weights["duc toan"] and weights["hdnd"] and weights["~hđnd"]
    assert weights["#17kh"] > weights["#53ct"] > 0  # named in the subject beats named in the body


def test_pairs_stay_within_a_sentence():
    from directive_portal.search.terms import word_terms

    found = word_terms("Nếp sống văn minh. Đô thị xanh; thanh lịch, văn minh")
    assert {"van minh", "do thi", "lich van"} <= found  # a comma does not part a phrase
    assert "minh do" not in found and "xanh thanh" not in found


def test_each_number_named_keeps_its_strongest_relation(tmp_path):
    content = content_with_documents(str(tmp_path / "content"), FIXTURE_DOCS)
    found = {e.url: e for e in entries(pipeline.build(content).site)}
    plan = dict(found["van-ban/2026/2026-01-15-ke-hoach-trach-nhiem-giai-trinh/"].cites)
    assert plan["53-CT/TW"] == "implements"  # also named in its subject and its text: carrying out is stronger
    letter = dict(found["van-ban/2025/2025-12-20-cong-van-tuyen-truyen/"].cites)
    assert letter["53-CT/TW"] in ("cites", "subject")
    topic = found["chu-de/trach-nhiem-giai-trinh/"]
    assert topic.kind == "topic" and topic.type_label == "Trang chủ đề"
