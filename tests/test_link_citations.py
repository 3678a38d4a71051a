"""Citations in a document body become links, except where a link cannot go."""

from directive_portal.markdown_spans import protected_ranges
from directive_portal.linking import link_citations
from directive_portal.references import find_citations

URL = "van-ban-dan-chieu/53-ct-tw-2025/"


def link_all(body: str) -> str:
    spans = tuple((c.start, c.end, URL) for c in find_citations(body))
    return link_citations(body, spans, "van-ban/2026/a.md")


def test_a_citation_in_running_text_becomes_a_link_even_across_a_line_break():
    out = link_all("Thực hiện Chỉ thị số 53-\nCT/TW của Bộ Chính trị.")
    assert out == "Thực hiện [Chỉ thị số 53-\nCT/TW](../../van-ban-dan-chieu/53-ct-tw-2025.md) của Bộ Chính trị."


def test_no_link_inside_code_links_or_angle_brackets():
    body = (
        "`Chỉ thị 53-CT/TW` và\n\n```\nChỉ thị 53-CT/TW\n```\n\n"
        "[xem Chỉ thị 53-CT/TW](https://a.vn/x) <Chỉ thị 53-CT/TW> "
        "và cuối cùng Chỉ thị 53-CT/TW."
    )
    out = link_all(body)
    assert out.count("](../../van-ban-dan-chieu/53-ct-tw-2025.md)") == 1
    assert out.endswith("và cuối cùng [Chỉ thị 53-CT/TW](../../van-ban-dan-chieu/53-ct-tw-2025.md).")


def test_protected_ranges_cover_code_links_and_tags():
    text = "a `b` [c](d) <e> f"
    assert [text[s:e] for s, e in protected_ranges(text)] == ["`b`", "[c](d)", "<e>"]


def test_a_citation_in_a_footnote_becomes_a_link_but_not_in_a_link_definition():
    body = ("Văn bản[^1].\n\n[^1]: Theo Chỉ thị số 53-CT/TW của Bộ Chính trị.\n"
            "[xem]: https://a.vn/Chỉ-thị-53-CT/TW\n")
    out = link_all(body)
    assert "[^1]: Theo [Chỉ thị số 53-CT/TW](../../van-ban-dan-chieu/53-ct-tw-2025.md) của" in out
    assert out.count("van-ban-dan-chieu") == 1
