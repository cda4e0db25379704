"""Google Form responses in a real browser: the app on the Sheets API emulator holding the small
workbook with a responses tab (tests/form_workbook.py, worked out there by hand)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import _server, base_env, require_browser
from tests.browser.helpers import assert_no_exception, expect_text, main, open_page
from tests.form_workbook import form_tabs


@pytest.fixture(scope="module")
def form_server(request, tmp_path_factory, emulator, browser):
    require_browser()
    key = emulator.create_spreadsheet(form_tabs(), title="KBO with a Google Form")
    workdir = tmp_path_factory.mktemp("form-server")
    env = base_env(workdir / "data")
    env.update(KBO_SHEETS_API_URL=emulator.url, KBO_SPREADSHEET=key)
    server = _server(request, browser, "form", env, workdir)
    server.j2_link = f"https://docs.google.com/spreadsheets/d/{key}/edit#gid=" + str(
        emulator.sheet(key, "J2").sheet_id
    )
    return server


def test_form_submissions_count_and_the_earlier_one_shows_on_changes(form_server, page):
    open_page(page, form_server.url, "changes", lang="en")
    expect_text(page, "Form submissions replaced by a later one")
    # The table is drawn on a canvas: its rows are checked by the AppTest in
    # tests/test_form_responses.py; here it must be on screen.
    expect(main(page).locator('[data-testid="stDataFrame"]').first).to_be_visible()
    assert_no_exception(page)

    # One judge's own view on a phone-sized screen: J2 finished B2 through the form.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{form_server.url}/judges?judge=J2&lang=en", wait_until="domcontentloaded")
    expect_text(page, "Scored 4 of 4 products")
    expect_text(page, "All scored. Thank you")
    link = main(page).get_by_role("link", name="Open score tab")
    expect(link).to_have_attribute("href", form_server.j2_link)
    assert_no_exception(page)
