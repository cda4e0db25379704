"""Shared pytest fixtures."""

# --- the suite's own configuration (issue 20, section 3) ---
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from kbo_dashboard.sources.google_http import RetryPolicy
from tests.sheets_emulator import SheetsEmulator
from tests.workbooks import TEST_DECISION_KEY

#: KBO_ variables that configure the tests themselves, not the app: kept.
HARNESS_ENV = ("KBO_TEST_", "KBO_BROWSER_OUTPUT", "KBO_SHEETS_REFERENCE")
_HOME_VARS = ("HOME", "USERPROFILE", "XDG_CACHE_HOME")
_SAVED_ENV = pytest.StashKey[dict]()
_HOME = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    """Run the suite against its own configuration, whatever the person running it has set up.

    Before any test module is imported: every app ``KBO_*`` variable is removed, and the home
    folder is an empty temporary one (no ``~/.streamlit/secrets.toml`` or ``config.toml``; the
    command line's ``streamlit_secrets`` and Streamlit both look there), and Streamlit's secrets
    are an empty file, not the project's ``.streamlit/secrets.toml``. Browser-test servers
    inherit this home and get their own ``--secrets.files`` (tests/browser/conftest.py). A test
    that wants a setting sets it itself (``monkeypatch.setenv``). Checked by
    tests/test_own_configuration.py with a hostile home, project file and environment.
    """
    from streamlit import config as st_config

    saved = {k: v for k, v in os.environ.items() if k.startswith("KBO_") or k in _HOME_VARS}
    config.stash[_SAVED_ENV] = saved
    for name in saved:
        if name.startswith("KBO_") and not name.startswith(HARNESS_ENV):
            del os.environ[name]
    home = tempfile.mkdtemp(prefix="kbo-test-home-")
    config.stash[_HOME] = home
    # Caches (fontconfig for Chromium, ...) stay where they were: only settings are hidden.
    os.environ.setdefault("XDG_CACHE_HOME", str(Path.home() / ".cache"))
    os.environ["HOME"] = os.environ["USERPROFILE"] = home
    empty = Path(home) / "no-secrets.toml"
    empty.write_text("", encoding="utf-8")
    st_config.set_option("secrets.files", [str(empty)])


def pytest_unconfigure(config: pytest.Config) -> None:
    saved = config.stash.get(_SAVED_ENV, None)
    if saved is None:
        return
    for name in _HOME_VARS:
        os.environ.pop(name, None)
    os.environ.update(saved)
    shutil.rmtree(config.stash[_HOME], ignore_errors=True)


# --- the suite's own configuration end ---


# --- Google Sheets emulator fixtures (helper: issue 3) ---


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


@pytest.fixture(scope="module")
def decision_key():
    """A fixed KBO_DECISION_KEY for a whole test module: the app signs and checks decisions
    with it, as ``tests.workbooks.signed_decision`` does, so a decision the tests make is one
    the app recorded. Module-scoped, so module-scoped fixtures see it too (request it with
    ``usefixtures`` at module level or from such a fixture)."""
    from kbo_dashboard.meeting import signing

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(signing.KEY_ENV, TEST_DECISION_KEY)
        yield TEST_DECISION_KEY.encode()
