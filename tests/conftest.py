"""Shared pytest fixtures."""

# --- Google Sheets emulator fixtures (helper: issue 3) ---
import pytest

from kbo_dashboard.google_http import RetryPolicy
from tests.sheets_emulator import SheetsEmulator


@pytest.fixture
def sheets_emulator():
    """A fresh Sheets API v4 emulator on 127.0.0.1 (a free port), stopped after the test."""
    with SheetsEmulator() as emu:
        yield emu


@pytest.fixture
def fast_retries() -> RetryPolicy:
    """Small delays so fault tests run in about a second: give up after 1.5 s."""
    return RetryPolicy(timeout_s=0.4, give_up_s=1.5, base_delay_s=0.02, max_delay_s=0.1)


# --- Google Sheets emulator fixtures end ---


# --- pages: judges, issues, analysis, changes, downloads (AppTest fixtures) ---
SOURCE_ENV = (
    "KBO_WORKBOOK",
    "KBO_SPREADSHEET",
    "KBO_SERVICE_ACCOUNT_JSON",
    "KBO_SERVICE_ACCOUNT_FILE",
    "GOOGLE_APPLICATION_CREDENTIALS",
    "KBO_SHEETS_API_URL",
)


@pytest.fixture
def app_env(tmp_path, monkeypatch):
    """A clean app for AppTest: no cached data, the demo source, the audit store in tmp_path.

    ``app_env.use_workbook(tabs)`` writes ``tabs`` to ``tmp_path/committee.xlsx`` and points
    ``KBO_WORKBOOK`` at it (call it again to change cells, then ``app_env.refresh()``).
    """
    import streamlit as st

    from kbo_dashboard.workbook import write_xlsx

    for name in SOURCE_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("KBO_DATA_DIR", str(tmp_path / "data"))

    class AppEnv:
        data_dir = tmp_path / "data"
        workbook = tmp_path / "committee.xlsx"

        def use_workbook(self, tabs):
            write_xlsx(tabs, self.workbook)
            monkeypatch.setenv("KBO_WORKBOOK", str(self.workbook))

        def refresh(self):
            """As if the data TTL had passed: the next run reads the source again."""
            st.cache_data.clear()

    st.cache_data.clear()
    st.cache_resource.clear()
    yield AppEnv()
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def captured_downloads(monkeypatch):
    """Every file a page hands to st.download_button: {file name: bytes}."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    files: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def capture(self, path_or_data, mimetype, kind, filename=None):
        if filename is not None and isinstance(path_or_data, bytes):
            files[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", capture)
    return files


# --- pages: judges, issues, analysis, changes, downloads end ---
