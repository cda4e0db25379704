"""The projector uses the screen it has, and nothing on it covers anything else (issue 19 §1).

At 1024x768 (the office's old projector), 1366x768 (a laptop) and 1920x1080, in three states
of the meeting: scores shown, scores hidden by the chair (the reveal), and after the chair's
decision. In each, from the elements' boxes in the browser:

* no text of the title, a section heading, a caption or a banner is covered by a banner, the
  final decision's box or a table: the demo banner sits below the whole title, the hidden
  notice and the decision box below the source line, and a heading's Thai lower vowels
  ("ผู้นำแต่ละประเภท") keep at least 2 px from the table's top border;
* nothing scrolls, and every button and link is inside the screen with its text whole (the
  refresh button after a decision at 1024x768 used to end below the screen);
* at 1920x1080 the content reaches at least 90% of the height (it used to end at 80%).

The server is this module's own (the demo, its own data folder), because the chair's switch
and decision change what every viewer of the server sees. Screenshots: ``projector-room-*.png``.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from kbo_dashboard.i18n import t
from kbo_dashboard.meeting.reveal import RevealSwitch, switch_path
from tests.browser.conftest import (
    ACTION_TIMEOUT_MS,
    CHAIR_PASSWORD,
    VIEWPORT,
    StreamlitServer,
    _server,
    base_env,
)
from tests.browser.helpers import assert_no_exception, main, open_page, settled
from tests.browser.test_decision import (
    CHAIR_NAME,
    NOMINEE,
    acknowledge,
    chair_panel,
    final_line,
    record_button,
)
from tests.browser.test_fit import SCROLL_JS, drawn

pytestmark = pytest.mark.browser

SCREENS = [(1024, 768), (1366, 768), (1920, 1080)]
IDS = [f"{w}x{h}" for w, h in SCREENS]
#: The gap a text keeps from a box drawn after it (a table's border, a banner), in px.
GAP_PX = 2
#: The share of a 1920x1080 screen's height the content must reach.
FILLED = 0.90

#: The page's layout as boxes: the ink of every text that must stay whole (title, headings,
#: captions, banners' text), the boxes that could cover it (banners, the final decision, tables),
#: the lowest element's bottom, and every button and link with whether its text fits it.
LAYOUT_JS = """
() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const box = b => ({top: b.top, bottom: b.bottom, left: b.left, right: b.right});
  const ink = e => {
    const range = document.createRange();
    range.selectNodeContents(e);
    const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
    if (!rects.length) return null;
    return {top: Math.min(...rects.map(r => r.top)), bottom: Math.max(...rects.map(r => r.bottom)),
            left: Math.min(...rects.map(r => r.left)), right: Math.max(...rects.map(r => r.right))};
  };
  const visible = e => e.offsetParent && e.getBoundingClientRect().height > 0;
  const name = e => (e.innerText || '').replace(/\\s+/g, ' ').trim().slice(0, 40);
  const texts = [...main.querySelectorAll(
      'h1, h2, h3, [data-testid="stCaptionContainer"] p, [data-testid="stAlert"] p, .kbo-final')]
    .filter(visible).map(e => ({name: name(e), el: e, box: ink(e)})).filter(x => x.box);
  const covers = [...main.querySelectorAll(
      '[data-testid="stAlert"], .kbo-final, [data-testid="stTable"]')].filter(visible);
  const overlaps = [];
  for (const text of texts) {
    for (const cover of covers) {
      if (cover.contains(text.el) || text.el.contains(cover)) continue;
      const b = cover.getBoundingClientRect();
      const apart = text.box.bottom + GAP <= b.top || b.bottom + GAP <= text.box.top ||
        text.box.right <= b.left || b.right <= text.box.left;
      if (!apart) overlaps.push(`"${text.name}" ${JSON.stringify(text.box)} and ` +
        `${cover.getAttribute('data-testid') || cover.className.split(' ')[0]} "${name(cover)}" ` +
        JSON.stringify(box(b)));
    }
  }
  let bottom = 0;
  for (const e of main.querySelectorAll('[data-testid="stElementContainer"]')) {
    if (visible(e)) bottom = Math.max(bottom, e.getBoundingClientRect().bottom);
  }
  const controls = [...main.querySelectorAll('button, a')].filter(visible).map(e => {
    const b = e.getBoundingClientRect();
    const inside = b.top >= 0 && b.left >= 0 && b.bottom <= innerHeight && b.right <= innerWidth;
    const whole = e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1;
    return {name: name(e), inside, whole, box: box(b)};
  });
  return {overlaps, bottom, height: innerHeight, controls};
}
""".replace("GAP", str(GAP_PX))


@pytest.fixture(scope="module")
def room_server(request, tmp_path_factory, browser) -> StreamlitServer:
    workdir = tmp_path_factory.mktemp("projector-room-server")
    server = _server(request, browser, "projector-room", base_env(workdir / "data"), workdir)
    server.data_dir = workdir / "data"
    return server


def projector_layout(browser, server, screen, output_dir, state: str, lang: str = "th") -> dict:
    """Open the projector at ``screen``, save a screenshot, and return its layout (LAYOUT_JS)."""
    width, height = screen
    context = browser.new_context(viewport={"width": width, "height": height}, locale="th-TH")
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    try:
        page = context.new_page()
        open_page(page, server.url, "projector", lang=lang)
        drawn(page)
        assert_no_exception(page)
        page.screenshot(path=output_dir / f"projector-room-{state}-{lang}-{width}x{height}.png")
        layout = page.evaluate(LAYOUT_JS)
        layout["scrolls"] = page.evaluate(SCROLL_JS)
        return layout
    finally:
        context.close()


def assert_whole(layout: dict) -> None:
    """Nothing covers a text, nothing scrolls, every control is on screen with its text whole."""
    assert layout["overlaps"] == []
    assert layout["scrolls"] == []
    cut = [c for c in layout["controls"] if not (c["inside"] and c["whole"])]
    assert cut == []
    assert layout["controls"]  # the exit link and the refresh button were found


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("screen", SCREENS, ids=IDS)
def test_1_scores_shown_fill_the_screen_and_cover_nothing(
    browser, room_server, output_dir, screen, lang
):
    layout = projector_layout(browser, room_server, screen, output_dir, "shown", lang)
    assert_whole(layout)
    if screen == (1920, 1080):
        assert layout["bottom"] >= FILLED * layout["height"], layout["bottom"]


def test_2_the_hidden_notice_covers_nothing(browser, room_server, output_dir):
    switch = RevealSwitch(switch_path(room_server.data_dir))
    assert switch.set(True, "test")
    try:
        for screen in SCREENS:
            layout = projector_layout(browser, room_server, screen, output_dir, "hidden")
            assert_whole(layout)
    finally:
        assert switch.set(False, "test")


def record_the_nominee(browser, server) -> None:
    """The chair unlocks the Nomination page's form and records the nominee (P-15)."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    try:
        page = context.new_page()
        open_page(page, server.url, "nomination")
        chair_panel(page)
        main(page).get_by_role("textbox", name=t("chair.name", "th")).fill(CHAIR_NAME)
        main(page).get_by_label(t("nom.chair_password", "th")).fill(CHAIR_PASSWORD)
        main(page).get_by_role("button", name=t("nom.chair_unlock", "th")).click()
        expect(record_button(page)).to_be_visible()
        record_button(page).click()
        expect(main(page)).to_contain_text(t("chair.ack_required", "th"))
        acknowledge(page)
        record_button(page).click()
        expect(main(page)).to_contain_text(final_line(NOMINEE))
        settled(page)
    finally:
        context.close()


def test_3_after_the_decision_the_final_box_and_the_refresh_button_fit(
    browser, room_server, output_dir
):
    record_the_nominee(browser, room_server)
    for screen in SCREENS:
        layout = projector_layout(browser, room_server, screen, output_dir, "decided")
        assert_whole(layout)
        refresh = [c for c in layout["controls"] if t("live.refresh_now", "th") in c["name"]]
        assert refresh, layout["controls"]  # the refresh button is there, and (above) on screen
