"""Charts and metric cards whole at 1024x768 and 1366x768, Thai broken between words
(issue 19 §2).

* Every text a chart draws (its title, axis and criterion labels, ticks, legend) lies inside
  the chart's own box: at 1024 px the box plot's title was cut to "…27 ค", and the radar's
  "คุณภาพและมาตรฐาน" ran past its left edge at 1024 and 1366 px. Plotly draws in SVG, so this
  reads each ``<text>`` element's box against the chart's ``<svg>``.
* On the Nomination page at 1024 px the metric cards' labels wrap ("ผลิตภัณฑ์ที่เสนอชื่อ
  (เบื้องต้น)" in a quarter of the width): every line ends between two words (the line boxes
  per character, as in ``test_room.py``).

Screenshots: ``room-charts-*.png``.
"""

from __future__ import annotations

import pytest

from tests.browser.helpers import assert_no_exception, open_page
from tests.browser.test_fit import drawn
from tests.browser.test_room import LINES_JS, breaks_between_words, context_page

pytestmark = pytest.mark.browser

SCREENS = [{"width": 1024, "height": 768}, {"width": 1366, "height": 768}]

#: Each chart's texts that reach outside the chart's box (1 px of slack for anti-aliasing).
CHART_TEXT_JS = """
() => {
  const out = [];
  const charts = [...document.querySelectorAll(
    '[data-testid="stMain"] [data-testid="stPlotlyChart"]')];
  for (const chart of charts) {
    const svg = chart.querySelector('svg.main-svg');
    if (!svg) continue;
    const box = svg.getBoundingClientRect();
    for (const text of chart.querySelectorAll('svg.main-svg text')) {
      const words = (text.textContent || '').trim();
      const r = text.getBoundingClientRect();
      if (!words || r.width === 0) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 ||
          r.bottom > box.bottom + 1) {
        out.push(`"${words.slice(0, 40)}" [${Math.round(r.left)}, ${Math.round(r.right)}] ` +
                 `outside [${Math.round(box.left)}, ${Math.round(box.right)}]`);
      }
    }
  }
  return {charts: charts.length, outside: out};
}
"""

METRIC_CARDS = (
    '[data-testid="stMain"] [data-testid="stMetricLabel"], '
    '[data-testid="stMain"] [data-testid="stMetricValue"], '
    '[data-testid="stMain"] [data-testid="stColumn"] [data-testid="stCaptionContainer"]'
)

CASES = [
    ("rankings", "th"),
    ("rankings", "en"),
    ("analysis", "th"),
    ("overview", "th"),
]


@pytest.mark.parametrize("url,lang", CASES, ids=[f"{u}-{lang}" for u, lang in CASES])
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: str(s["width"]))
def test_every_chart_text_lies_inside_its_chart(
    browser, demo_server, output_dir, url, lang, screen
):
    context, page = context_page(browser, screen)
    try:
        open_page(page, demo_server.url, url, lang=lang)
        drawn(page)
        assert_no_exception(page)
        found = page.evaluate(CHART_TEXT_JS)
        name = f"room-charts-{screen['width']}-{url}-{lang}.png"
        page.screenshot(path=output_dir / name, full_page=True)
        assert found["charts"] > 0  # the page did draw its charts
        assert found["outside"] == []
    finally:
        context.close()


def test_thai_in_nomination_metric_cards_breaks_only_between_words(
    browser, demo_server, output_dir
):
    context, page = context_page(browser, SCREENS[0])
    try:
        open_page(page, demo_server.url, "nomination")
        drawn(page)
        texts = page.evaluate(LINES_JS, METRIC_CARDS)
        page.screenshot(path=output_dir / "room-charts-metric-cards.png")
        assert any(len(lines) > 1 for lines in texts)  # some label did wrap at this width
        bad = [b for lines in texts for b in breaks_between_words(lines)]
        assert bad == []
    finally:
        context.close()
