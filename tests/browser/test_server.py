"""The test servers themselves: both scenarios start, answer health checks, and read their source.

If these fail, every other browser test would fail for the same reason; they say so first.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import http_get
from tests.browser.helpers import (
    assert_no_exception,
    control,
    language_option,
    nav_link,
    nav_title,
    open_page,
)

pytestmark = pytest.mark.browser


def test_demo_server_is_healthy_and_serves_the_app(demo_server):
    status, body = http_get(demo_server.url + "/_stcore/health")
    assert (status, body.strip()) == (200, b"ok")
    status, html = http_get(demo_server.url + "/")
    assert status == 200
    assert b'<div id="root">' in html


def test_sheet_server_reads_the_emulator(sheet_server, emulator, page):
    """Opening a page makes the app read the emulator's sheet over real HTTP (gspread)."""
    open_page(page, sheet_server.url)
    assert_no_exception(page)
    requests = control(emulator.url, "requests")
    paths = [path for _, path in requests["requests"]]
    assert any(emulator.demo_key in path for path in paths), paths


@pytest.mark.parametrize("url", ["projector", "rankings"])
def test_a_deep_link_on_a_fresh_server_gets_the_apps_navigation(browser, tmp_path, url):
    """The projector laptop opens ``/projector`` right after the server starts.

    The page must run inside app.py's ``st.navigation`` (language switch, page titles), not as
    a bare file from the ``pages/`` folder (Streamlit's old multipage mode).
    """
    from tests.browser.conftest import VIEWPORT, StreamlitServer, base_env

    server = StreamlitServer("fresh", base_env(tmp_path / "data"), tmp_path).start()
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        open_page(page, server.url, url)
        assert_no_exception(page)
        # app.py ran: its language switch is in the (possibly hidden) sidebar.
        expect(
            language_option(page, "en", include_hidden=True),
            f"/{url} on a fresh server ran pages/{url}.py on its own, without app.py's "
            "st.navigation (Streamlit's old pages/ folder mode): no language switch",
        ).to_be_attached()
        expect(nav_link(page, "overview")).to_contain_text(nav_title("overview", "th"))
    finally:
        context.close()
        server.stop()
