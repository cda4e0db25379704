"""Screenshots of the Overview and of projector mode at 1920x1080, saved to the test output.

Projector mode must be readable from the back of a meeting room: no sidebar, large type.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from playwright.sync_api import expect

from kbo_dashboard.i18n import t
from tests.browser.helpers import SIDEBAR, assert_no_exception, main, open_page

pytestmark = pytest.mark.browser

NOMINEE = "P-15"  # the demo's provisional nominee
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk (the first chunk, at byte 16)."""
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def font_px(locator) -> float:
    return float(locator.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px"))


def test_overview_screenshot(demo_server, page, output_dir):
    open_page(page, demo_server.url, "overview")
    expect(main(page).locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_visible()
    assert_no_exception(page)
    target = output_dir / "overview.png"
    page.screenshot(path=target)
    assert png_size(target) == (1920, 1080)
    assert target.stat().st_size > 20_000  # a drawn page, not a blank one
    print(f"\nscreenshot: {target}")


def test_projector_mode_is_large_without_sidebar_and_screenshot(demo_server, page, output_dir):
    open_page(page, demo_server.url, "projector")
    assert_no_exception(page)
    expect(page.locator(SIDEBAR)).to_be_hidden()
    table = main(page).locator('[data-testid="stTable"]').first
    expect(table).to_contain_text(NOMINEE)
    expect(main(page)).to_contain_text(t("overview.judges_finished", "th"))
    # Large type: the ranking table at 1.75 rem (28 px) and the title at 3 rem, not the
    # default 16 px / 2.75 rem; at least 24 px is what reads from 10 m on a projector.
    assert font_px(table.locator("td").first) >= 24
    assert font_px(main(page).locator("h1").first) >= 40

    target = output_dir / "projector.png"
    page.screenshot(path=target)
    assert png_size(target) == (1920, 1080)
    assert target.stat().st_size > 20_000
    print(f"\nscreenshot: {target}")
