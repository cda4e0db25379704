"""Every page in a real browser on the demo: it renders, switches language, switches method.

Texts come from the message catalogue (``t(key, lang)``), never typed into the test.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from kbo_dashboard.i18n import t
from kbo_dashboard.ui.frame import PAGES
from tests.browser.conftest import ROOT
from tests.browser.helpers import (
    SIDEBAR,
    assert_no_exception,
    choose_option,
    main,
    nav_link,
    nav_title,
    open_page,
    page_title,
    settled,
    switch_language,
)

pytestmark = pytest.mark.browser

PAGE_URLS = [url for _, _, _, url in PAGES]
FILES = {url: file for file, _, _, url in PAGES}


def require_page(url: str) -> None:
    if not (ROOT / FILES[url]).is_file():
        pytest.fail(f"{FILES[url]} is listed in kbo_dashboard.frame.PAGES but does not exist yet")


@pytest.mark.parametrize("url", PAGE_URLS)
def test_every_page_renders_on_the_demo_without_an_exception(demo_server, page, url):
    require_page(url)
    open_page(page, demo_server.url, url)
    assert_no_exception(page)
    if url != "projector":  # projector mode shows the rankings only, no banners
        expect(main(page)).to_contain_text(t("app.source_kind.demo", "th"))


def test_sidebar_lists_every_page_in_thai_and_opens_them(demo_server, page):
    open_page(page, demo_server.url, "overview")
    sidebar = page.locator(SIDEBAR)
    for url in PAGE_URLS:
        if (ROOT / FILES[url]).is_file():
            expect(nav_link(page, url)).to_contain_text(nav_title(url, "th"))
    nav_link(page, "judges").click()
    expect(main(page).locator("h1").filter(has_text=page_title("judges", "th"))).to_be_visible()
    settled(page)
    assert page.url.endswith("/judges")
    assert_no_exception(page)
    expect(sidebar).to_be_visible()


def test_language_switch_turns_the_pages_english_and_is_kept_across_pages(demo_server, page):
    open_page(page, demo_server.url, "overview")
    expect(main(page)).to_contain_text(t("overview.judges_finished", "th"))

    switch_language(page, "en", "overview")
    expect(main(page)).to_contain_text(t("overview.judges_finished", "en"))
    expect(main(page)).to_contain_text(t("app.source_kind.demo", "en"))
    expect(main(page)).not_to_contain_text(t("overview.judges_finished", "th"))
    expect(nav_link(page, "judges")).to_contain_text(nav_title("judges", "en"))

    # Another page, reached through the sidebar, is English too (the choice is in the session).
    nav_link(page, "judges").click()
    expect(main(page).locator("h1").filter(has_text=page_title("judges", "en"))).to_be_visible()
    settled(page)
    assert_no_exception(page)

    switch_language(page, "th", "judges")
    expect(nav_link(page, "overview")).to_contain_text(nav_title("overview", "th"))


def test_english_from_the_address_bar(demo_server, page):
    """``?lang=en`` opens the dashboard in English (a link the secretary can share)."""
    open_page(page, demo_server.url, "overview", lang="en")
    expect(main(page)).to_contain_text(t("overview.top5", "en"))
    assert_no_exception(page)


def choose_method(page, method: str, lang: str = "th") -> None:
    """Pick ``method`` in the page's aggregation-method select box."""
    box = main(page).locator('[data-testid="stSelectbox"]').filter(has_text=t("pg.method", lang))
    expect(box).to_have_count(1)
    choose_option(page, box, t(f"analysis.method.{method}.name", lang))


@pytest.mark.parametrize("url", ["rankings", "nomination"])
def test_changing_the_aggregation_method_changes_the_method_shown(demo_server, page, url):
    require_page(url)
    open_page(page, demo_server.url, url)
    in_use = t("analysis.method_in_use", "th", name=t("analysis.method.mean.name", "th"))
    expect(main(page)).to_contain_text(in_use)

    choose_method(page, "median")
    median = t("analysis.method_in_use", "th", name=t("analysis.method.median.name", "th"))
    expect(main(page)).to_contain_text(median)
    expect(main(page)).not_to_contain_text(in_use)
    settled(page)
    assert_no_exception(page)

    # The choice is kept when the viewer goes to the Overview.
    nav_link(page, "overview").click()
    expect(main(page).locator("h1").filter(has_text=page_title("overview", "th"))).to_be_visible()
    expect(main(page)).to_contain_text(median)
