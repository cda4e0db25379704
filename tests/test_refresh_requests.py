"""One dashboard refresh is one Sheets API request, however many people are watching.

Real gspread talks over HTTP to the emulator; many AppTest sessions stand in for many viewers
(they share Streamlit's process-wide cache, as browser sessions on one server do).
"""

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from kbo_dashboard.sources.demo import demo_tabs

VIEWERS = 6
APP = Path(__file__).resolve().parent.parent / "app.py"


@pytest.fixture
def sheet_app(sheets_emulator, app_env, monkeypatch):
    key = sheets_emulator.create_spreadsheet(demo_tabs())
    monkeypatch.setenv("KBO_SHEETS_API_URL", sheets_emulator.url)
    monkeypatch.setenv("KBO_SPREADSHEET", key)
    return sheets_emulator


def view(page: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def sheets_requests(emu) -> int:
    return sum(1 for r in emu.requests if "/v4/spreadsheets" in r.path)


def test_many_viewers_cost_one_request_per_refresh(sheet_app):
    pages = ["pages/overview.py", "pages/rankings.py", "pages/nomination.py"]
    for n in range(VIEWERS):
        view(pages[n % len(pages)])
    # Cold start, once for every viewer: the tab names (a few kB), then every value.
    assert sheets_requests(sheet_app) == 2

    # The TTL passes: every viewer's next run shares one new read.
    st.cache_data.clear()
    sheet_app.reset_log()
    for n in range(VIEWERS):
        view(pages[n % len(pages)])
    assert sheets_requests(sheet_app) == 1


def test_a_cache_hit_makes_no_request(sheet_app):
    view("pages/overview.py")
    sheet_app.reset_log()
    at = view("pages/rankings.py")
    at.run()
    assert sheets_requests(sheet_app) == 0


def test_judges_page_links_cost_no_extra_request(sheet_app):
    """Each judge's direct link comes from the cold start's tab names (sheetId per tab)."""
    at = view("pages/judges.py")
    assert sheets_requests(sheet_app) == 2  # the tab names, then the values
    key = next(iter(sheet_app.books))
    table = at.dataframe[0].value
    links = table[table.columns[-1]].tolist()
    ids = [sheet_app.sheet(key, f"J{n:02d}").sheet_id for n in range(1, 28)]
    assert links == [f"https://docs.google.com/spreadsheets/d/{key}/edit#gid={i}" for i in ids]
    # The next refresh is a values:batchGet; the links are still there, still one request.
    st.cache_data.clear()
    sheet_app.reset_log()
    at = view("pages/judges.py")
    assert sheets_requests(sheet_app) == 1
    assert at.dataframe[0].value.iloc[:, -1].tolist() == links
