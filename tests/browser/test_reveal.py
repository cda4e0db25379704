"""The reveal in real browsers (issue 17, section 2): two sessions on one server.

1. The chair hides the scores. A second browser context's Overview (already open) drops every
   score and the nominee within one TTL, and its Rankings and Downloads, opened then, show
   none. The chair's own pages still show everything.
2. The chair reveals. The second session's open pages show the scores again within one TTL,
   without a reload (Overview and Rankings refresh themselves; Downloads follows the switch).
3. The switch survives a server restart (it is kept in the data folder).

The server is this module's own (the demo, a 5 s TTL, its own data folder), so the switch never
touches another test's server.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Page, expect

from kbo_dashboard.i18n import t
from kbo_dashboard.meeting.reveal import RevealSwitch, switch_path
from tests.browser.conftest import (
    ACTION_TIMEOUT_MS,
    CHAIR_PASSWORD,
    SHEET_TTL_S,
    VIEWPORT,
    StreamlitServer,
    _server,
    base_env,
)
from tests.browser.helpers import (
    START_RUN_TIMEOUT_MS,
    assert_no_exception,
    main,
    nav_link,
    open_page,
    settled,
)

pytestmark = pytest.mark.browser

TTL_S = SHEET_TTL_S  # 5 s, the shortest TTL the app allows
#: A rerun of the page on a shared, loaded 2-core machine, on top of the TTL (an upper bound
#: only; the measured time is printed: here, at load averages of 20-37 on 2 cores, the hide took
#: 0.1-42 s and the reveal 0.0-27 s to reach the open Overview).
RERUN_SLACK_S = 60
NOMINEE_NAME = "ผ้าไหมกาบบัว"  # the demo's P-15, first under every method
SCORE = re.compile(r"\b\d{2,3}\.\d{2}\b")  # a score as the pages print it, e.g. 84.58
HIDDEN = t("reveal.hidden", "th")
RANKINGS_CSV = t("downloads_page.rankings", "th")


@pytest.fixture(scope="module")
def reveal_server(request, tmp_path_factory, browser) -> StreamlitServer:
    workdir = tmp_path_factory.mktemp("reveal-server")
    env = base_env(workdir / "data")
    env["KBO_CACHE_TTL"] = str(TTL_S)
    server = _server(request, browser, "reveal", env, workdir)
    server.data_dir = workdir / "data"
    return server


@pytest.fixture(scope="module")
def chair(browser, reveal_server) -> Page:
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def viewer(browser, reveal_server):
    """A second browser context (another person's session): several tabs."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    yield context
    context.close()


def unlock(page: Page, url: str) -> None:
    open_page(page, url, "nomination")
    open_panel(page)
    main(page).get_by_role("textbox", name=t("chair.name", "th")).fill("ประธานทดสอบ")
    main(page).get_by_label(t("nom.chair_password", "th")).fill(CHAIR_PASSWORD)
    main(page).get_by_role("button", name=t("nom.chair_unlock", "th")).click()
    expect(switch(page)).to_be_visible(timeout=START_RUN_TIMEOUT_MS)  # scrypt, then a rerun
    settled(page)


def chair_panel(page: Page):
    return main(page).locator('[data-testid="stExpander"]').filter(has_text=t("nom.chair", "th"))


def open_panel(page: Page) -> None:
    """Open the chair's expander. A DOM click: the page above it reflows on every refresh
    tick, so on a loaded machine the summary is rarely "stable" for a positional click."""
    chair_panel(page).locator("summary").dispatch_event("click")


def switch(page: Page):
    """The chair's switch (a toggle) on the Nomination page."""
    return (
        main(page)
        .locator('[data-testid="stCheckbox"]')
        .filter(has_text=t("chair.hide_scores", "th"))
    )


def flip(page: Page, hidden: bool) -> float:
    """Set the chair's switch; returns the moment (monotonic) of the click."""
    box = switch(page)
    if not box.is_visible():  # the expander closed on a rerun or a page change
        open_panel(page)
    box.locator("label").click()
    clicked = time.monotonic()
    now = t("chair.hidden_now" if hidden else "chair.shown_now", "th")
    expect(main(page)).to_contain_text(now, timeout=START_RUN_TIMEOUT_MS)
    settled(page)
    return clicked


def shows_no_result(page: Page) -> None:
    expect(main(page)).to_contain_text(HIDDEN)
    text = main(page).inner_text()
    assert SCORE.findall(text) == [] and NOMINEE_NAME not in text, text
    tables = main(page).locator('[data-testid="stTable"], [data-testid="stDataFrame"]')
    expect(tables).to_have_count(0)


@pytest.mark.timeout(600)  # four sessions on one loaded server
def test_1_the_chair_hides_and_a_second_session_sees_no_score(chair, viewer, reveal_server):
    url = reveal_server.url
    unlock(chair, url)
    overview = viewer.new_page()
    open_page(overview, url)
    expect(main(overview)).to_contain_text(NOMINEE_NAME)  # before: nominee, scores
    assert SCORE.search(main(overview).inner_text())

    hidden_at = flip(chair, hidden=True)
    # The open Overview drops the scores on its next refresh tick, without a reload.
    expect(main(overview)).to_contain_text(HIDDEN, timeout=(TTL_S + RERUN_SLACK_S) * 1000)
    print(f"\nhide reached the open Overview in {time.monotonic() - hidden_at:.1f} s")
    settled(overview)
    shows_no_result(overview)

    rankings = viewer.new_page()
    open_page(rankings, url, "rankings")
    shows_no_result(rankings)
    downloads = viewer.new_page()
    open_page(downloads, url, "downloads")
    expect(main(downloads).get_by_role("button", name=RANKINGS_CSV)).to_have_count(0)
    assert_no_exception(downloads)

    # The chair's own session (the same tab: a new tab is a new session) sees everything.
    nav_link(chair, "overview").dispatch_event("click")  # see open_panel
    expect(main(chair)).to_contain_text(t("reveal.chair_sees", "th"))
    expect(main(chair)).to_contain_text(NOMINEE_NAME)
    assert SCORE.search(main(chair).inner_text())
    nav_link(chair, "nomination").dispatch_event("click")
    expect(chair_panel(chair)).to_be_visible()
    settled(chair)


def test_2_the_reveal_reaches_every_open_page_within_one_ttl(chair, viewer, reveal_server):
    overview, rankings, downloads = viewer.pages
    revealed_at = flip(chair, hidden=False)
    within = (TTL_S + RERUN_SLACK_S) * 1000
    expect(main(overview)).to_contain_text(NOMINEE_NAME, timeout=within)
    overview_s = time.monotonic() - revealed_at
    method_line = t("analysis.method_in_use", "th", name="").strip()  # only with the rankings
    expect(main(rankings)).to_contain_text(method_line, timeout=within)
    expect(main(downloads).get_by_role("button", name=RANKINGS_CSV)).to_be_visible(timeout=within)
    last_s = time.monotonic() - revealed_at
    print(f"\nreveal reached the Overview in {overview_s:.1f} s, all three pages in {last_s:.1f} s")
    expect(main(rankings).locator('[data-testid="stDataFrame"]').first).to_be_visible(
        timeout=within
    )
    settled(overview)
    assert SCORE.search(main(overview).inner_text())  # (Rankings' scores are in a canvas grid)
    for page in (overview, rankings):
        expect(main(page)).not_to_contain_text(HIDDEN)
        assert_no_exception(page)
    assert last_s <= TTL_S + RERUN_SLACK_S


def test_3_the_switch_survives_a_server_restart(chair, browser, reveal_server):
    flip(chair, hidden=True)
    reveal_server.stop()
    reveal_server.start()
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        open_page(page, reveal_server.url)
        settled(page)
        shows_no_result(page)
    finally:
        context.close()
        RevealSwitch(switch_path(reveal_server.data_dir)).set(False)
