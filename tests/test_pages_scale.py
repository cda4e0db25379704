"""The app stays usable at national scale: every page renders on the demo scaled 10 times
(270 judge tabs of 200 products) with no exception, in Thai."""

from __future__ import annotations

import re

import pytest

from kbo_dashboard.sources import config
from kbo_dashboard.sources.scaled import ScaledDemoSource
from tests.test_pages import PAGE_FILES, no_exception, open_page, texts

SIZE = 10


@pytest.fixture(scope="module")
def national():
    return ScaledDemoSource(SIZE)


@pytest.fixture
def national_app(app_env, no_chair_password, monkeypatch, national):
    monkeypatch.setattr(config, "make_source", lambda settings: national)
    return national


@pytest.mark.timeout(900)
@pytest.mark.parametrize("page", PAGE_FILES)
def test_every_page_renders_at_10x(national_app, page):
    import tests.test_pages as pages_test

    pages_test.TIMEOUT, saved = 600, pages_test.TIMEOUT
    try:
        at = open_page(page, "th")
    finally:
        pages_test.TIMEOUT = saved
    no_exception(at)
    assert at.title


@pytest.mark.timeout(900)
def test_overview_counts_every_judge_at_10x(national_app):
    import tests.test_pages as pages_test

    pages_test.TIMEOUT, saved = 600, pages_test.TIMEOUT
    try:
        at = open_page("pages/overview.py", "th")
    finally:
        pages_test.TIMEOUT = saved
    no_exception(at)
    shown = texts(at).replace(",", "")
    # Per block of 27 judges: two still scoring, and three have a row that cannot count (30
    # above the maximum, text, a half-filled row), so 22 finish: 220 of 270. Scores received:
    # 250 x 200 x 5 + 10 x (120 + 50) x 5, less per block the two bad cells, the three blanked
    # cells of the half-filled row and the conflicted judge's 5 scores = 258,500 - 100 = 258,400
    # of 270 x 200 x 5 - 10 x 5 (declared conflicts) = 269,950 expected. Six issues per block.
    assert "=220/270" in shown
    assert "=258400/269950" in shown
    assert re.search(r"=60$", shown, re.MULTILINE)
