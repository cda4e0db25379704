"""When Google Sheets fails, every page stays up on the last good data, with a banner.

Real gspread over HTTP against the emulator; AppTest runs the pages. Retries give up after
KBO_SHEETS_GIVE_UP seconds (1 s here), and a later refresh recovers by itself.
"""

import time
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from kbo_dashboard.i18n import t
from kbo_dashboard.sources.demo import demo_tabs

APP = str(Path(__file__).resolve().parent.parent / "app.py")
GIVE_UP_S = 1.0


@pytest.fixture
def sheet(sheets_emulator, app_env, monkeypatch):
    key = sheets_emulator.create_spreadsheet(demo_tabs())
    monkeypatch.setenv("KBO_SHEETS_API_URL", sheets_emulator.url)
    monkeypatch.setenv("KBO_SPREADSHEET", key)
    monkeypatch.setenv("KBO_SHEETS_TIMEOUT", "0.3")
    monkeypatch.setenv("KBO_SHEETS_GIVE_UP", str(GIVE_UP_S))
    return sheets_emulator, key


def run(page: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [e.value for e in (*at.warning, *at.error, *at.info, *at.success)]
    parts += [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [str(m.value) for m in at.metric]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize(
    ("fault", "times"),
    [(429, 50), (500, 50), (503, 50), ("slow", 50), ("malformed", 50), ("drop", 50)],
)
def test_unreachable_google_keeps_the_last_good_data_with_a_banner(sheet, fault, times):
    emu, _key = sheet
    first = run("pages/nomination.py")
    assert "P-15" in texts(first)  # the demo's nominee, from a good read

    emu.inject(fault, times=times, delay=2.0)
    st.cache_data.clear()  # the TTL passes
    started = time.monotonic()
    at = run("pages/nomination.py")
    elapsed = time.monotonic() - started
    page = texts(at)
    banner = t("app.stale", "en", time="", reason="").split(";")[0].strip()
    assert banner.rstrip() in page  # "Data as of HH:MM:SS; Google Sheets not reachable: ..."
    assert "P-15" in page  # still the last good data
    # Bounded: gave up within the configured time plus one request timeout and slack.
    assert elapsed < GIVE_UP_S + 0.3 + 4.0

    emu.clear_faults()
    st.cache_data.clear()
    recovered = run("pages/nomination.py")
    assert banner not in texts(recovered)


@pytest.mark.parametrize(
    ("make_fault", "expected"),
    [
        ("private", "share"),
        ("missing", "URL"),
    ],
)
def test_permission_and_not_found_say_what_to_do(sheet, monkeypatch, make_fault, expected):
    emu, key = sheet
    if make_fault == "private":
        monkeypatch.setenv("KBO_SPREADSHEET", emu.create_spreadsheet(demo_tabs(), private=True))
    else:
        monkeypatch.setenv("KBO_SPREADSHEET", "1" + key[1:][::-1])
    st.cache_resource.clear()
    at = run("pages/overview.py")
    errors = " ".join(e.value for e in at.error)
    assert expected.lower() in errors.lower()
