"""The app in a browser through docs/deploy.md's nginx site (issue 20, section 6).

The page is drawn over Streamlit's WebSocket, so a page that shows the ranking proves the
proxy passes it (``tests/test_deploy.py`` checks the upgrade itself, and that it fails without
the site's upgrade lines). nginx listens on a free loopback port.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ACTION_TIMEOUT_MS, VIEWPORT
from tests.browser.helpers import assert_no_exception, main, open_page
from tests.test_deploy import Nginx, guide_block

pytestmark = pytest.mark.browser


def test_the_projector_works_through_the_guides_nginx_site(browser, demo_server, tmp_path):
    with Nginx(guide_block("nginx"), demo_server.port, tmp_path) as proxy:
        context = browser.new_context(viewport=VIEWPORT)
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        try:
            page = context.new_page()
            open_page(page, proxy.url, "projector")
            assert_no_exception(page)
            expect(main(page).locator('[data-testid="stTable"]').first).to_contain_text("P-15")
        finally:
            context.close()
