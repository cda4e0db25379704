"""Workbook text is shown as text on every page (issue 18, section 4).

A copy of the demo on the Sheets API emulator whose product, judge, criterion and producer
names, Settings ``title`` and ``province`` and Conflicts reasons hold Markdown and Streamlit's
own directives: images and links to an outside host, autolinks, ``:green[…]``, Material icons,
emoji shortcodes, LaTeX, emphasis, code, headings and HTML. Every page is opened in Chromium and
the DOM is checked for what only such text could make: an image or a link to the payload host,
a KaTeX formula, coloured or emphasised payload words, the payload's icon or emoji. The app's
own icons, links and charts stay.
"""

from __future__ import annotations

import pytest

from kbo_dashboard.ui.frame import PAGES
from tests.browser.conftest import SHEET_TTL_S, _server, base_env
from tests.browser.helpers import assert_no_exception, expect_text, main, open_page, settled

HOST = "127.0.0.9"  # nothing listens there: an image from it would only ever fail to load
CORPUS = [
    f"![im](http://{HOST}/pix.png) ผ้าไหม",
    f"[ลิงก์](http://{HOST}/a) <http://{HOST}/b>",
    f"http://{HOST}/auto www.example.test",
    ":green[เขียวจัด] :red-background[แดงจัด] :blue-badge[ป้ายฟ้า]",
    ":material/rocket_launch: :smile: :tada:",
    "$x^2+1$ $$\\frac{a}{b}$$",
    "**หนาจัด** _เอียงจัด_ `โค้ดจัด` ~~ขีดจัด~~",
    "# หัวข้อจัด",
    f"<img src='http://{HOST}/h.png'><a href='http://{HOST}/c'>html</a><b>ตัวหนา</b>",
    "1. ลำดับ | ตาราง | - [ ] งาน > อ้าง",
]
#: Words a payload would style if it were rendered (each only ever inside the payload).
STYLED_WORDS = ["เขียวจัด", "แดงจัด", "ป้ายฟ้า", "หนาจัด", "เอียงจัด", "โค้ดจัด", "ขีดจัด", "หัวข้อจัด"]
STYLED_WORDS += ["ตัวหนา", "html", "ลิงก์"]


def hostile_tabs() -> dict:
    """The demo with the corpus in every name a sheet editor controls."""
    from tests.sheets_emulator import demo_tabs

    tabs = demo_tabs()
    for n, row in enumerate(tabs["Products"][1:]):  # the image on P-15, the demo's nominee
        row[1] = f"{CORPUS[(n + 6) % len(CORPUS)]} {row[0]}"
        row[2] = CORPUS[(n + 3) % len(CORPUS)]
    for n, row in enumerate(tabs["Judges"][1:]):
        row[1] = f"{CORPUS[(n + 5) % len(CORPUS)]} {row[0]}"
    ids = {}
    for n, row in enumerate(tabs["Criteria"][1:]):
        ids[row[1]] = row[0]
        row[1] = f"{CORPUS[(n + 1) % len(CORPUS)]} {row[0]}"
        row[2] = f"{CORPUS[(n + 6) % len(CORPUS)]} {row[0]}"
    for name, rows in tabs.items():  # score headers name criteria by ID (names changed above)
        if name.startswith("J") and name[1:].isdigit():
            rows[0] = [ids.get(h.split(" (")[0], h) if isinstance(h, str) else h for h in rows[0]]
    for row in tabs["Settings"][1:]:
        if row[0] == "title":
            row[1] = CORPUS[5] + " " + CORPUS[0]
        if row[0] == "province":
            row[1] = CORPUS[3]
    for row in tabs["Conflicts"][1:]:
        row[2] = CORPUS[1]
    return tabs


@pytest.fixture(scope="module")
def hostile_server(request, tmp_path_factory, emulator, browser):
    key = emulator.create_spreadsheet(hostile_tabs(), title="hostile text")
    workdir = tmp_path_factory.mktemp("hostile-server")
    env = base_env(workdir / "data")
    env.update(
        KBO_SHEETS_API_URL=emulator.url,
        KBO_SPREADSHEET=key,
        KBO_CACHE_TTL=str(SHEET_TTL_S * 12),
        KBO_SHEETS_TIMEOUT="5",
        KBO_SHEETS_GIVE_UP="10",
    )
    return _server(request, browser, "hostile", env, workdir)


#: What the page's DOM holds that only rendered workbook text could have made.
PROBE = """([host, words]) => {
  const out = [];
  for (const img of document.querySelectorAll('img')) {
    if ((img.getAttribute('src') || '').includes(host)) out.push('img ' + img.src);
  }
  for (const a of document.querySelectorAll('a')) {
    const href = a.getAttribute('href') || a.getAttribute('xlink:href') || '';
    if (href.includes(host) || href.includes('example.test')) {
      const box = a.closest('[data-testid]');
      const where = box ? box.getAttribute('data-testid') : '?';
      const text = box ? (box.textContent || '').slice(0, 120) : '';
      out.push('link ' + href + ' in ' + where + ': ' + text);
    }
  }
  if (document.querySelector('.katex, .katex-display, math')) out.push('katex');
  const styled = 'span, strong, b, em, i, code, del, s, h1, h2, h3, h4, h5, h6, li, blockquote';
  for (const el of document.querySelectorAll(styled)) {
    const text = (el.textContent || '').trim();
    if (words.includes(text)) out.push(el.tagName.toLowerCase() + ' ' + text);
  }
  for (const el of document.querySelectorAll('[data-testid="stIconMaterial"]')) {
    if ((el.textContent || '').includes('rocket_launch')) out.push('icon rocket_launch');
  }
  const body = document.body.innerText;
  for (const emoji of ['\\u{1F604}', '\\u{1F389}']) {
    if (body.includes(emoji)) out.push('emoji ' + emoji);
  }
  return out;
}"""


def rendered_payloads(page) -> list[str]:
    return page.evaluate(PROBE, [HOST, STYLED_WORDS])


@pytest.mark.parametrize("url_path", [url for *_, url in PAGES])
def test_workbook_text_is_never_rendered_as_markdown(hostile_server, page, url_path):
    open_page(page, hostile_server.url, url_path, lang="th")
    assert_no_exception(page)
    assert rendered_payloads(page) == []


def test_the_projector_shows_the_names_as_typed(hostile_server, page):
    open_page(page, hostile_server.url, "projector", lang="en")
    expect_text(page, "ผ้าไหม P-15")
    text = main(page).inner_text().replace("\u2060", "")  # the word joiner is invisible
    assert f"![im](http://{HOST}/pix.png) ผ้าไหม P-15" in text  # as typed, image syntax and all
    assert rendered_payloads(page) == []


def test_the_overview_shows_the_province_as_typed(hostile_server, page):
    open_page(page, hostile_server.url, "overview", lang="th")
    text = main(page).inner_text().replace("\u2060", "")  # the word joiner is invisible
    assert ":green[เขียวจัด] :red-background[แดงจัด]" in text
    assert rendered_payloads(page) == []


def test_a_judge_s_own_view_shows_the_name_as_typed(hostile_server, page):
    page.goto(f"{hostile_server.url}/judges?judge=J01&lang=th", wait_until="domcontentloaded")
    expect_text(page, "J01")
    settled(page)
    assert_no_exception(page)
    assert rendered_payloads(page) == []
