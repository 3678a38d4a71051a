"""The Content-Security-Policy meta (csp.py) on strings, and in every page of a built site."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from directive_portal import csp
from phone_support import phone_site  # noqa: F401  the fixture site, built once per session

SCOPE_TEMPLATE = '<script>__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location)</script>'
CLASS_SCRIPT = 'document.documentElement.classList.add("portal-js")'
TEMPLATES = csp.inline_in([SCOPE_TEMPLATE, f"<head><script>{CLASS_SCRIPT}</script><style>a{{color:red}}</style>"])
PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Trang</title>
<script>document.documentElement.classList.add("portal-js")</script>
<script>__md_scope=new URL("../..",location)</script>
<style>a{color:red}</style>
<script type="application/ld+json">{"@type": "Article"}</script>
<script src="assets/portal.js" defer></script>
</head>
<body><script id="__config" type="application/json">{"base": ".."}</script></body>
</html>
"""


def sha256(text: str) -> str:
    """The hash as CSP writes it, computed here independently of csp.py."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def policy_of(html: str) -> dict[str, list[str]]:
    metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert len(metas) == 1, metas
    directives = [d.strip().split() for d in metas[0].replace("&quot;", '"').split(";")]
    return {d[0]: d[1:] for d in directives if d}


def test_hash_of_a_known_script():
    assert csp.source_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    assert csp.source_hash(CLASS_SCRIPT) == sha256(CLASS_SCRIPT)
    # The browser's parser turns CR LF into LF before the script exists: hashed as it sees it.
    assert csp.source_hash("a();\r\nb();\rc();") == sha256("a();\nb();\nc();")


def test_inline_scripts_written_by_templates_are_allowed_by_hash():
    policy = policy_of(csp.with_policy(PAGE, TEMPLATES))
    assert policy["script-src"] == ["'self'", sha256(CLASS_SCRIPT), sha256('__md_scope=new URL("../..",location)')]
    assert policy["style-src"] == ["'self'", sha256("a{color:red}")]
    assert "'unsafe-inline'" not in policy["script-src"] + policy["style-src"]
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"] and policy["worker-src"] == ["'self'"]
    assert "frame-ancestors" not in policy  # ignored in a meta: the server's header says it


def test_data_blocks_and_external_scripts_get_no_hash():
    policy = policy_of(csp.with_policy(PAGE, TEMPLATES))
    assert sha256('{"@type": "Article"}') not in policy["script-src"]
    assert sha256('{"base": ".."}') not in policy["script-src"]
    assert len(policy["script-src"]) == 3  # 'self' and the two inline scripts; portal.js is 'self'


def test_a_script_no_template_wrote_is_not_allowed():
    """Content that slipped past the escaping cannot run: its script gets no hash."""
    smuggled = PAGE.replace("<body>", "<body><p>x</p><script>alert(document.cookie)</script>")
    assert csp.unlisted(smuggled, TEMPLATES) == ("alert(document.cookie)",)
    assert sha256("alert(document.cookie)") not in policy_of(csp.with_policy(smuggled, TEMPLATES))["script-src"]
    assert csp.unlisted(PAGE, TEMPLATES) == ()


@pytest.mark.parametrize("scope", ['x",alert(1),"', "x\\\",alert(1)//", "</script><script>alert(1)", "a\nb"])
def test_a_template_value_cannot_leave_its_string(scope):
    """`{{ value }}` in a quoted string matches any value that cannot end that string, no other."""
    script = f'__md_scope=new URL("{scope}",location)'
    assert not TEMPLATES.allows(script)
    assert TEMPLATES.allows('__md_scope=new URL("/portal/",location)')


def test_a_template_value_outside_a_string_or_a_jinja_statement_allows_nothing():
    inline = csp.inline_in(["<script>var n = {{ count }};</script>",
                            "<script>{% if x %}a(){% endif %}</script>"])
    assert inline == csp.Inline()


def test_the_meta_comes_right_after_the_charset():
    html = csp.with_policy(PAGE, TEMPLATES)
    assert '<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"' in html
    assert html.replace(re.search(r'<meta http-equiv="Content-Security-Policy"[^>]*>', html).group(0), "") == PAGE


def test_without_a_charset_the_meta_opens_the_head_and_never_precedes_the_doctype():
    assert csp.with_policy("<!DOCTYPE html><html><head><title>t</title>", csp.Inline()).startswith(
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy"')
    assert csp.with_policy("<!doctype html><p>x</p>", csp.Inline()).startswith(
        '<!doctype html><meta http-equiv="Content-Security-Policy"')


def test_an_existing_policy_is_replaced_not_duplicated():
    once = csp.with_policy(PAGE, TEMPLATES)
    assert csp.with_policy(once, TEMPLATES) == once
    other = PAGE.replace("<title>", '<meta http-equiv="content-security-policy" content="script-src *"><title>')
    out = csp.with_policy(other, TEMPLATES)
    assert out.count("http-equiv") == 1 and "script-src *" not in out


def test_the_policy_is_escaped_for_its_attribute(monkeypatch):
    html = csp.with_policy('<meta charset="utf-8">', csp.Inline())
    assert "content=\"default-src 'self';" in html  # single quotes kept readable
    monkeypatch.setattr(csp, "policy", lambda scripts, styles: "a\"b<c&d'")
    assert csp.with_policy('<meta charset="utf-8">', csp.Inline()).endswith('content="a&quot;b&lt;c&amp;d\'">')


def test_the_templates_of_the_theme_write_the_scripts_pages_need():
    """Material's and the portal's inline scripts are found in their template folders."""
    import material

    repo = Path(__file__).resolve().parent.parent
    inline = csp.inline_in_folders([str(repo / "overrides"), str(Path(material.__file__).parent / "templates")])
    assert inline.allows(CLASS_SCRIPT)
    assert any(p.pattern.startswith(re.escape("__md_scope=new URL(")) for p in inline.patterns)
    assert inline.allows(next(iter(t for t in inline.texts if t.startswith("var palette="))))


class _Scripts(HTMLParser):
    """Every inline script the browser would run, and every CSP meta, of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.policies: list[str] = []
        self.style_attributes: list[str] = []
        self.handlers: list[str] = []
        self.reading: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(values.get("content") or "")
        if "style" in values:
            self.style_attributes.append(tag)
        self.handlers += [name for name in values if name.startswith("on")]
        runnable = tag == "script" and "src" not in values and (values.get("type") or "") in ("", "module")
        self.reading = [] if runnable or tag == "style" else None
        self.kind = tag

    def handle_data(self, data):
        if self.reading is not None:
            self.reading.append(data)

    def handle_endtag(self, tag):
        if self.reading is not None and tag in ("script", "style"):
            (self.scripts if tag == "script" else self.styles).append("".join(self.reading))
        self.reading = None


def check_site(site: Path) -> int:
    """Every page of `site` has one policy allowing each of its inline scripts and styles."""
    pages = sorted(site.rglob("*.html"))
    for path in pages:
        scan = _Scripts()
        scan.feed(path.read_text(encoding="utf-8"))
        where = path.relative_to(site)
        assert len(scan.policies) == 1, f"{where}: {len(scan.policies)} policies"
        directives = {d.split()[0]: d.split()[1:] for d in scan.policies[0].split(";") if d.strip()}
        assert "'unsafe-inline'" not in directives["script-src"], where
        assert "'unsafe-inline'" not in directives["style-src"], where
        for script in scan.scripts:
            assert sha256(script) in directives["script-src"], f"{where}: inline script not allowed: {script[:60]}"
        for style in scan.styles:
            assert sha256(style) in directives["style-src"], f"{where}: <style> not allowed: {style[:60]}"
        assert scan.style_attributes == [], f"{where}: style attributes on {scan.style_attributes}"
        assert scan.handlers == [], f"{where}: event handler attributes {scan.handlers}"
    return len(pages)


def test_every_page_of_a_built_site_has_its_policy(phone_site):
    """The fixture site (every page type, 404 and short links): one policy per page, every inline
    script and style the page runs listed by hash, no 'unsafe-inline', no style attribute."""
    assert check_site(phone_site) > 20
    assert (phone_site / "404.html").is_file() and (phone_site / "so" / "15-cv-du" / "index.html").is_file()

