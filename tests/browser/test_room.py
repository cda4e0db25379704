"""Every page whole on the office's projector (1024x768) and laptop, Thai broken between words
(issue 19 §1 and §2).

* Every page at 1024x768 and 1366x768, in Thai and English: no element hides text that does
  not fit it. Any element in the main area whose text overflows its box (``scrollWidth`` above
  ``clientWidth``) while its style hides the rest (``text-overflow: ellipsis``, ``overflow``
  hidden or clip) is a cut label, value, button or cell.
* Thai lines in the tables break only between words: the browser's line boxes are read per
  character (``Range.getClientRects``), and every place a line ends must be a word boundary
  of PyThaiNLP's tokenizer (``kbo_dashboard.reports.thai_text.words``). Product IDs (P-08)
  never split.

Screenshots go to the browser test output (``room-*.png``).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser

from kbo_dashboard.reports.thai_text import words
from kbo_dashboard.ui.frame import PAGES
from tests.browser.conftest import ACTION_TIMEOUT_MS
from tests.browser.helpers import assert_no_exception, open_page
from tests.browser.test_fit import drawn

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1024, "height": 768}
LAPTOP = {"width": 1366, "height": 768}
PAGE_URLS = [url for _, _, _, url in PAGES if url != "projector"]

#: Elements in the main area that hide part of their text. A data grid (st.dataframe) draws on
#: a canvas and scrolls inside itself (its key columns are pinned: tests/test_wide_tables.py).
HIDDEN_JS = """
() => {
  const found = [];
  const root = document.querySelector('[data-testid="stMain"]');
  for (const e of root.querySelectorAll('*')) {
    if (!e.offsetParent || e.closest('[data-testid="stDataFrame"]')) continue;
    if (e.closest('svg') || e.tagName === 'CANVAS') continue;
    const text = (e.innerText || '').trim();
    if (!text) continue;
    const style = getComputedStyle(e);
    // a table (st.table) that puts its last columns behind a scroll bar hides them too
    const scrolls = e.closest('[data-testid="stTable"]') &&
      ['auto', 'scroll'].includes(style.overflowX);
    const hides = scrolls || style.textOverflow === 'ellipsis' ||
      ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflow);
    if (hides && e.scrollWidth > e.clientWidth + 1) {
      const what = text.replace(/\\s+/g, ' ').slice(0, 40);
      found.push(`${e.tagName}[${e.getAttribute('data-testid') || e.className}]: ` +
                 `${e.scrollWidth} > ${e.clientWidth} "${what}"`);
    }
  }
  return found;
}
"""

#: Each text node in the tables, as the lines the browser laid it out in: one string per line.
LINES_JS = """
(selector) => {
  const out = [];
  for (const box of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!/[\\u0E00-\\u0E7F]|P-\\d/.test(node.data)) continue;
      const lines = [];
      let top = null, line = '';
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rects = range.getClientRects();
        if (rects.length) {
          const at = Math.round(rects[0].top);
          if (top !== null && at > top + 2) { lines.push(line); line = ''; }
          top = at;
        }
        line += node.data[i];
      }
      lines.push(line);
      out.push(lines);
    }
  }
  return out;
}
"""
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060"))


def context_page(browser: Browser, viewport: dict):
    context = browser.new_context(viewport=viewport, locale="th-TH")
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    return context, context.new_page()


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("url", PAGE_URLS)
@pytest.mark.parametrize("screen", [PROJECTOR, LAPTOP], ids=lambda s: str(s["width"]))
def test_no_page_hides_text_at_1024_or_1366(browser, demo_server, output_dir, url, lang, screen):
    context, page = context_page(browser, screen)
    try:
        open_page(page, demo_server.url, url, lang=lang)
        drawn(page)
        assert_no_exception(page)
        hidden = page.evaluate(HIDDEN_JS)
        if screen is PROJECTOR:
            page.screenshot(path=output_dir / f"room-1024-{url}-{lang}.png", full_page=True)
        assert hidden == []
    finally:
        context.close()


def breaks_between_words(lines: list[str]) -> list[str]:
    """The lines of one text whose break falls inside a word (or inside a product ID)."""
    plain = [line.translate(INVISIBLE) for line in lines]
    text = "".join(plain)
    boundaries, at = {0, len(text)}, 0
    for word in words(text):
        at += len(word)
        boundaries.add(at)
    for product_id in re.finditer(r"[A-Z]+-\d+", text):  # P-08 is one word
        boundaries -= set(range(product_id.start() + 1, product_id.end()))
    bad, at = [], 0
    for line in plain[:-1]:
        at += len(line)
        if at not in boundaries:
            bad.append(f"{text[:at]}|{text[at:]}")
    return bad


def test_the_line_check_finds_a_break_inside_a_word():
    assert breaks_between_words(["ชาด", "อกบัวแดง"]) == ["ชาด|อกบัวแดง"]
    assert breaks_between_words(["ชา\u200b", "ดอกบัว\u200bแดง"]) == []
    assert breaks_between_words(["ผ้าไหม (P-", "15)"]) == ["ผ้าไหม (P-|15)"]
    assert breaks_between_words(["P-", "08"]) == ["P-|08"]


@pytest.mark.parametrize("url", ["nomination", "projector"])
def test_thai_in_tables_breaks_only_between_words(browser, demo_server, output_dir, url):
    context, page = context_page(browser, PROJECTOR)
    try:
        open_page(page, demo_server.url, url)
        drawn(page)
        texts = page.evaluate(LINES_JS, '[data-testid="stMain"] [data-testid="stTable"]')
        page.screenshot(path=output_dir / f"room-breaks-{url}.png", full_page=True)
        assert any(len(lines) > 1 for lines in texts)  # some cell did wrap at this width
        bad = [b for lines in texts for b in breaks_between_words(lines)]
        assert bad == []
    finally:
        context.close()
