"""Accessibility at phone size: lang="vi", one h1, headings in order, keyboard
focus visible and reachable, and axe-core finds no serious or critical violation."""

from __future__ import annotations

from pathlib import Path

import pytest

from phone_support import LETTER_URL, LONG_PLAN_URL, chromium, phone, phone_site, site_url  # noqa: F401

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "",
    "topic": "chu-de/trach-nhiem-giai-trinh/",
    "topics": "chu-de/",
    "directive": "van-ban-dan-chieu/53-ct-tw-2025/",
    "document": LONG_PLAN_URL,
    "letter": LETTER_URL,
    "listing": "van-ban/",
    "search": "tim-kiem/?q=trach+nhiem",
    "tracking": "trien-khai/",
    "deadlines": "han-thuc-hien/",
    "changes": "cap-nhat/",
}


def axe_violations(page) -> list[dict]:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm install --no-save --prefix tests/browser axe-core@4` (tests/run.sh does)")
    # Run through DevTools: a <script> added to the page would be refused by its Content-Security-Policy.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("""async () => {
      const r = await axe.run(document, {resultTypes: ['violations']});
      return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' — ' + n.failureSummary)}));
    }""")
    return [v for v in result if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_serious_violation(phone, site_url, name):
    phone.goto(site_url + PAGES[name])
    phone.wait_for_load_state("networkidle")
    serious = axe_violations(phone)
    assert serious == [], "\n".join(f"{v['id']} ({v['impact']}): {v['help']}\n  " + "\n  ".join(v["nodes"]) for v in serious)


@pytest.mark.parametrize("name", PAGES)
def test_language_and_headings(phone, site_url, name):
    phone.goto(site_url + PAGES[name])
    assert phone.evaluate("document.documentElement.lang") == "vi"
    levels = phone.evaluate("[...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]"
                            ".map(h => Number(h.tagName[1]))")
    assert levels.count(1) == 1, f"{levels.count(1)} h1 on {name}"
    assert levels[0] == 1
    jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert not jumps, f"headings skip a level on {name}: {jumps}"


def test_keyboard_reaches_the_document_controls(phone, site_url):
    phone.goto(site_url + LETTER_URL)
    reached = []
    for _ in range(40):
        phone.keyboard.press("Tab")
        focused = phone.evaluate("""() => { const el = document.activeElement;
          const style = getComputedStyle(el);
          return {text: (el.getAttribute('aria-label') || el.textContent || '').trim(),
                  outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none'}; }""")
        reached.append(focused)
    names = [f["text"] for f in reached]
    for control in ("Chia sẻ", "Sao chép trích dẫn", "In / Lưu PDF", "Muốn có bản PDF? Cách lưu trang này thành PDF"):
        assert control in names, f"{control} is not reachable with Tab: {names}"
    for focused in reached:
        if focused["text"] in ("Chia sẻ", "Sao chép trích dẫn"):
            assert focused["outline"], f"no visible focus on {focused['text']}"
