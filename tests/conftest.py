"""Shared pytest fixtures."""

# --- Google Sheets emulator fixtures (helper: issue 3) ---
import pytest

from kbo_dashboard.sources.google_http import RetryPolicy
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

    from kbo_dashboard.sources.workbook import write_xlsx

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
    """Every file a page hands to st.download_button: {file name: bytes}.

    Files built only on click (``data=callable``) are in ``.deferred``: {file name: callable}.
    """
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    class Downloads(dict):
        deferred: dict = {}

        def __missing__(self, name):  # a file built on click: build it as a click would
            return self.deferred[name]()

    files = Downloads()
    files.deferred = {}
    original = MemoryMediaFileStorage.load_and_get_id
    original_deferred = MediaFileManager.add_deferred

    def capture(self, path_or_data, mimetype, kind, filename=None):
        if filename is not None and isinstance(path_or_data, bytes):
            files[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    def capture_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        files.deferred[file_name] = data_callable
        return original_deferred(self, data_callable, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", capture)
    monkeypatch.setattr(MediaFileManager, "add_deferred", capture_deferred)
    return files


# --- pages: judges, issues, analysis, changes, downloads end ---


# --- pages: overview, rankings, nomination, projector (AppTest fixtures) ---
CHAIR_PASSWORD = "correct horse battery"


@pytest.fixture
def chair_password(app_env, monkeypatch):
    """The chair password's hash in the environment (cheap scrypt cost, for speed)."""
    from kbo_dashboard.meeting.password import HASH_KEY, hash_password

    monkeypatch.setenv(HASH_KEY, hash_password(CHAIR_PASSWORD, n=2**8))
    return CHAIR_PASSWORD


@pytest.fixture
def no_chair_password(monkeypatch):
    from kbo_dashboard.meeting.password import HASH_KEY

    monkeypatch.delenv(HASH_KEY, raising=False)


# --- pages: overview, rankings, nomination, projector end ---


TEST_DECISION_KEY = "test-decision-key-" + "0" * 46


@pytest.fixture(scope="module")
def decision_key():
    """A fixed KBO_DECISION_KEY for a whole test module: the app and the report builders sign
    and check decisions with it, so a decision the tests make with
    ``tests.workbooks.signed_decision`` is one the app recorded. Module-scoped, so module-scoped
    fixtures that build reports see it too (request it with ``usefixtures`` at module level or
    from such a fixture)."""
    from kbo_dashboard.meeting import signing

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(signing.KEY_ENV, TEST_DECISION_KEY)
        signing.configure(TEST_DECISION_KEY.encode())
        yield TEST_DECISION_KEY.encode()
        signing.forget()
