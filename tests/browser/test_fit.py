"""Pages that fit a laptop and a projector that fits the room (issue 9, section 6).

* Every page at 1366x768, in Thai and English: no element is wider than its box (an element's
  ``scrollWidth`` above its ``clientWidth`` means clipped text, a hidden button or a table that
  hides columns behind a scroll bar).
* Projector mode at 1024x768, 1366x768 and 1920x1080: nothing scrolls, the exit link is on
  screen, and the ranking, the category leaders and the margin are shown.
* Every request the page makes goes to the dashboard's own server (a meeting room may be
  offline), also on a fresh server's first visit to each page; no Deploy button or toolbar
  for viewers.

Screenshots go to the browser test output (``fit-*.png``, ``projector-*.png``).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from kbo_dashboard.i18n import t
from kbo_dashboard.ui.frame import PAGES
from tests.browser.conftest import ACTION_TIMEOUT_MS
from tests.browser.helpers import assert_no_exception, main, open_page, settled

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}
SCREENS = [{"width": 1024, "height": 768}, LAPTOP, {"width": 1920, "height": 1080}]
PAGE_URLS = [url for _, _, _, url in PAGES if url != "projector"]

#: What must not overflow: text blocks, metric cards, buttons and button rows, tables, tabs,
#: columns. Plotly draws in SVG (its own clipping is checked by eye in the screenshots). A data
#: grid (st.dataframe) may scroll sideways inside itself; its key columns are pinned
#: (tests/test_wide_tables.py).
OVERFLOW_JS = """
() => {
  const selectors = [
    '[data-testid="stMain"]', '[data-testid="stMainBlockContainer"]',
    '[data-testid="stMetric"]', '[data-testid="stMetricValue"]',
    '[data-testid="stMetricValue"] > div', '[data-testid="stMetricLabel"]',
    '[data-testid="stButtonGroup"]', '[data-testid="stButtonGroup"] button',
    '[data-testid="stBaseButton-secondary"]', '[data-testid="stBaseButton-primary"]',
    '[data-testid="stTable"]', '[data-testid="stTabs"]', '[data-testid="stColumn"]',
    '[data-testid="stElementContainer"]', '[data-testid="stHorizontalBlock"]',
    '[data-testid="stMarkdownContainer"]', '[data-testid="stCaptionContainer"]',
    '[data-testid="stAlert"]', 'h1', 'h2', 'h3', '[data-testid="stPlotlyChart"]',
  ];
  const found = [];
  for (const selector of selectors) {
    for (const e of document.querySelectorAll(selector)) {
      if (!e.offsetParent && selector.indexOf('stMain') < 0) continue;  // not displayed
      // A data grid's resize handle sits 10 px outside it by design; grids are checked below.
      const slack = e.querySelector('[data-testid="stDataFrame"]') ? 12 : 1;
      if (e.scrollWidth > e.clientWidth + slack) {
        const text = (e.innerText || '').replace(/\\s+/g, ' ').slice(0, 50);
        found.push(`${selector}: ${e.scrollWidth} > ${e.clientWidth} "${text}"`);
      }
    }
  }
  return found;
}
"""

SCROLL_JS = """
() => {
  const boxes = [document.scrollingElement, document.querySelector('[data-testid="stMain"]'),
                 document.querySelector('[data-testid="stAppViewContainer"]')];
  return boxes.filter(Boolean)
    .filter(e => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1)
    .map(e => `${e.getAttribute('data-testid') || e.tagName}: ` +
              `${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight}`);
}
"""


def context_page(browser: Browser, viewport: dict, requests: list | None = None):
    context = browser.new_context(viewport=viewport, locale="th-TH")
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    page = context.new_page()
    if requests is not None:
        page.on("request", lambda request: requests.append(request.url))
    return context, page


def drawn(page) -> None:
    """Wait until every element and chart is drawn (no loading skeleton), and the app is idle."""
    settled(page)
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0)
    charts = main(page).locator('[data-testid="stPlotlyChart"]')
    for n in range(charts.count()):
        expect(charts.nth(n).locator(".main-svg").first).to_be_visible()
    settled(page)


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("url", PAGE_URLS)
def test_every_page_fits_1366_without_overflow(browser, demo_server, output_dir, url, lang):
    context, page = context_page(browser, LAPTOP)
    try:
        open_page(page, demo_server.url, url, lang=lang)
        drawn(page)
        assert_no_exception(page)
        overflowing = page.evaluate(OVERFLOW_JS)
        # The page scrolls inside Streamlit's main box: a tall window shows all of it at once.
        height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        page.set_viewport_size({"width": LAPTOP["width"], "height": min(int(height), 8000)})
        drawn(page)
        page.screenshot(path=output_dir / f"fit-1366-{url}-{lang}.png")
        assert overflowing == []
    finally:
        context.close()


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s['width']}x{s['height']}")
def test_projector_fits_the_screen_without_scrolling(browser, demo_server, output_dir, screen):
    context, page = context_page(browser, screen)
    try:
        open_page(page, demo_server.url, "projector")
        assert_no_exception(page)
        body = main(page)
        expect(body).to_contain_text(t("nom.leaders", "th"))
        expect(body).to_contain_text(t("nom.margin", "th"))
        expect(body.locator('[data-testid="stTable"]').first).to_contain_text("P-15")
        page.screenshot(path=output_dir / f"projector-{screen['width']}x{screen['height']}.png")
        assert page.evaluate(SCROLL_JS) == []
        assert page.evaluate(OVERFLOW_JS) == []
        leave = body.get_by_role("link", name=t("projector.back", "th"))
        expect(leave).to_be_in_viewport(ratio=1.0)
        # The ranking is readable from the back of the room: rows of at least 0.8 rem.
        cell = body.locator('[data-testid="stTable"] td').first
        assert float(cell.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 12.8
    finally:
        context.close()


def test_every_request_goes_to_the_dashboards_own_server(browser, demo_server):
    requests: list[str] = []
    context, page = context_page(browser, LAPTOP, requests)
    try:
        for url in ("overview", "nomination", "analysis", "projector"):
            open_page(page, demo_server.url, url)
            drawn(page)
        outside = [
            r for r in requests if not r.startswith((demo_server.url, "data:", "blob:", "about:"))
        ]
        assert outside == []
        assert len(requests) > 10  # the log did record the page's requests
        # No Deploy button, no toolbar or developer menu for viewers.
        expect(page.get_by_role("button", name="Deploy")).to_have_count(0)
        expect(page.locator('[data-testid="stMainMenu"]')).to_have_count(0)
        icon = page.locator('link[rel~="icon"]').first.get_attribute("href") or ""
        assert not icon.startswith("http") or icon.startswith(demo_server.url), icon
    finally:
        context.close()


#: Every address the tab's icon ever had (Streamlit sets it from a page's icon for a moment).
WATCH_ICON_JS = """
window.__kboIcons = [];
new MutationObserver(() => {
  for (const link of document.querySelectorAll('link[rel~="icon"]')) {
    if (window.__kboIcons[window.__kboIcons.length - 1] !== link.href)
      window.__kboIcons.push(link.href);
  }
}).observe(document, {attributes: true, attributeFilter: ['href'], childList: true,
                      subtree: true});
"""


@pytest.mark.parametrize("url", [url for _, _, _, url in PAGES])
def test_a_fresh_servers_first_visitor_asks_no_other_host(browser, tmp_path, url):
    """The projector laptop opens its page right after the server starts, in a room that may
    be offline: that first visit too gets every icon and font from the dashboard's server.

    Requests to any other host are recorded and refused (as offline), and every address the
    tab's icon takes is recorded, however briefly it held it."""
    from tests.browser.conftest import StreamlitServer, base_env

    server = StreamlitServer("fresh-" + url, base_env(tmp_path / "data"), tmp_path).start()
    context = browser.new_context(viewport=LAPTOP, locale="th-TH")
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    outside: list[str] = []

    def offline(route):
        outside.append(route.request.url)
        route.abort()

    try:
        context.route(lambda address: not address.startswith(server.url), offline)
        context.add_init_script(WATCH_ICON_JS)
        page = context.new_page()
        open_page(page, server.url, url)
        drawn(page)
        assert_no_exception(page)
        icons = page.evaluate("window.__kboIcons")
        assert outside == []
        assert icons and all(i.startswith(server.url) for i in icons), icons
    finally:
        context.close()
        server.stop()


WATCH_STALE_JS = """
() => {
  window.__kboStale = [];
  const seen = e => {
    if (e.getAttribute && e.getAttribute('data-stale') === 'true') {
      const style = getComputedStyle(e);
      window.__kboStale.push([style.opacity, style.transitionDuration]);
    }
  };
  new MutationObserver(changes => changes.forEach(c => seen(c.target)))
    .observe(document.body, {attributes: true, attributeFilter: ['data-stale'], subtree: true});
}
"""


@pytest.mark.parametrize("url_path", ["projector", ""], ids=["projector", "overview"])
def test_refresh_has_no_fade_and_no_running_badge(browser, demo_server, url_path):
    """Streamlit greys out a rerunning fragment (opacity 0.33 after 0.5 s, a 1 s transition)
    and shows "Running..." in the header; on the projector neither may show at the refresh, and
    the Overview (the chair's screen) does not fade either."""
    context, page = context_page(browser, LAPTOP)
    try:
        open_page(page, demo_server.url, url_path)
        page.evaluate(WATCH_STALE_JS)
        # Wait for the next automatic refresh (the demo's TTL is 15 s) to mark elements stale.
        page.wait_for_function("window.__kboStale.length > 0", timeout=90_000)
        samples = page.evaluate("window.__kboStale")
        assert {tuple(s) for s in samples} == {("1", "0s")}, samples
        if url_path == "projector":
            expect(page.locator('[data-testid="stStatusWidget"]')).to_be_hidden()
    finally:
        context.close()
