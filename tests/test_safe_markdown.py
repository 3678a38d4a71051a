"""Raw HTML and script links in content never reach a page as markup."""

import markdown

from directive_portal.safe_markdown import SafeMarkdownExtension, is_unsafe_url


def render(text: str) -> str:
    return markdown.markdown(text, extensions=[SafeMarkdownExtension(), "footnotes", "attr_list", "tables"])


def test_raw_html_is_shown_as_text():
    out = render('<script>alert(1)</script>\n\n<img src=x\nonerror="alert(1)">\n\nchữ <b onclick="x">đậm</b>')
    assert "<script" not in out and "<img" not in out and "<b " not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out


def test_placeholders_in_angle_brackets_stay_visible():
    assert render("Kính gửi: <Tên cơ quan, đơn vị>") == "<p>Kính gửi: &lt;Tên cơ quan, đơn vị&gt;</p>"


def test_markdown_and_autolinks_still_work():
    out = render("**đậm** *nghiêng* <https://tgdv.vtsccloud.vn/installation> x[^1]\n\n[^1]: chú thích")
    assert "<strong>đậm</strong>" in out and "<em>nghiêng</em>" in out
    assert '<a href="https://tgdv.vtsccloud.vn/installation">' in out
    assert 'class="footnote"' in out


def test_script_urls_lose_their_address():
    out = render("[a](javascript:alert(1)) [b](&#106;avascript:x) [c](JaVa\tScript:x) ![d](data:text/html,x) [e](../chu-de/van-hoa.md)")
    assert "javascript" not in out.lower() and "data:" not in out
    assert out.count("<a>") == 3 and 'href="../chu-de/van-hoa.md"' in out
    assert is_unsafe_url(" vbscript:x") and not is_unsafe_url("https://a.vn/javascript:x")
