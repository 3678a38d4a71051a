"""Topic intros link the directives they name (intro_links.py)."""

from __future__ import annotations

from directive_portal.intro_links import paragraph

INTRO = ("Chỉ thị số 53-CT/TW ngày 26/10/2025 của Bộ Chính trị yêu cầu tăng cường trách nhiệm giải trình; "
         "Kế hoạch số 21-KH/TU của Ban Thường vụ Tỉnh ủy triển khai Chỉ thị.")


def test_a_named_directive_with_a_page_is_linked():
    known = {"53-CT/TW": (("2025-10-26", "van-ban-dan-chieu/53-ct-tw-2025/"),)}
    pieces = paragraph(INTRO, known)
    assert pieces[0] == ("Chỉ thị số 53-CT/TW", "van-ban-dan-chieu/53-ct-tw-2025/")
    assert "".join(text for text, _ in pieces) == INTRO  # every word kept
    assert [url for _, url in pieces if url] == ["van-ban-dan-chieu/53-ct-tw-2025/"]


def test_a_number_shared_by_two_documents_is_linked_only_when_the_date_says_which():
    known = {"21-KH/TU": (("2021-03-01", "van-ban-dan-chieu/21-kh-tu-2021/"), ("2025-12-31", "van-ban-dan-chieu/21-kh-tu-2025/"))}
    assert [url for _, url in paragraph(INTRO, known) if url] == []  # no date beside 21-KH/TU: which one?
    dated = "Kế hoạch số 21-KH/TU ngày 31/12/2025 của Ban Thường vụ Tỉnh ủy"
    assert [url for _, url in paragraph(dated, known) if url] == ["van-ban-dan-chieu/21-kh-tu-2025/"]


def test_text_without_citations_is_one_plain_piece():
    assert paragraph("Trang này tập hợp các văn bản.", {}) == [("Trang này tập hợp các văn bản.", "")]
