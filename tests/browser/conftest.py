"""Browser-test fixtures: real ``streamlit run serve.py`` servers (the README's start command)
and headless Debian Chromium.

Scenarios (each one server, shared by the whole session):

* ``demo_server``: no configuration, so the app reads the bundled demo.
* ``sheet_server``: the app reads a Google Sheet from the local Sheets API emulator
  (:class:`tests.sheets_emulator.SheetsEmulator`, in this process, seeded with the demo),
  with a 5 s cache TTL so auto-refresh is quick.

Every server gets its own data directory, its own secrets file (``--secrets.files``, so a
developer's ``.streamlit/secrets.toml`` with a real sheet is never read) and a clean environment
(no inherited ``KBO_*`` variables). It listens on a free loopback port, is ready when
``/_stcore/health`` answers "ok", and its process group is ended after the session.

Skip rule: without Chromium at ``/usr/bin/chromium`` or without Playwright, every browser test
is skipped with one clear message; under ``CI=true`` they fail instead.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

try:
    from playwright.sync_api import Browser, Page, expect, sync_playwright
except ImportError:  # the skip rule below reports it
    sync_playwright = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
#: Debian's Chromium; ``KBO_TEST_CHROMIUM`` may point elsewhere (e.g. to test the skip rule).
CHROMIUM = os.environ.get("KBO_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1920, "height": 1080}
#: Upper bounds, not delays: a wait ends as soon as the app shows what is expected. They are
#: generous because CI machines (and this one) are shared: 2 cores under other jobs' load.
#: Playwright's own default for ``expect`` is 5 s, too short for a loaded machine.
EXPECT_TIMEOUT_MS = 30_000
ACTION_TIMEOUT_MS = 45_000
START_TIMEOUT_S = 60
SHEET_TTL_S = 5
#: Chair password used by every server in these tests (only its salted hash reaches the app).
CHAIR_PASSWORD = "kbo-chair-test-2565"
OUTPUT_DIR = Path(os.environ.get("KBO_BROWSER_OUTPUT", HERE / "output"))


_SKIPPED = pytest.StashKey[str]()


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def missing_browser() -> str | None:
    """Why the browser suite cannot run here, or None when it can."""
    if sync_playwright is None:
        return "browser tests skipped: Python Playwright is not installed (pip install playwright)"
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        return f"browser tests skipped: no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


def require_browser() -> None:
    """Skip (or, under CI, fail) a fixture when the browser suite cannot run here."""
    reason = missing_browser()
    if reason and in_ci():
        pytest.fail(reason.replace("skipped", "cannot run in CI"), pytrace=False)
    if reason:
        pytest.skip(reason)


def _is_browser_item(item: pytest.Item) -> bool:
    return HERE in Path(str(item.path)).resolve().parents


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test here ``browser``; skip them all (outside CI) when Chromium is missing."""
    reason = missing_browser()
    for item in items:
        if not _is_browser_item(item):
            continue
        item.add_marker(pytest.mark.browser)
        if reason and not in_ci():
            item.add_marker(pytest.mark.skip(reason=reason))
            config.stash[_SKIPPED] = reason


# --- the Streamlit server -------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_get(url: str, timeout: float = 5.0) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (loopback only)
        return response.status, response.read()


@dataclass
class StreamlitServer:
    """One ``streamlit run serve.py`` subprocess (the README's command), own process group."""

    name: str
    env: dict[str, str]
    workdir: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    #: The address it listens on: always a loopback one in tests (127.0.0.2 for docs/deploy.md).
    address: str = "127.0.0.1"

    @property
    def url(self) -> str:
        return f"http://{self.address}:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.workdir / f"streamlit-{self.name}.log"

    def start(self) -> StreamlitServer:
        secrets = self.workdir / "secrets.toml"
        if not secrets.exists():
            secrets.write_text("", encoding="utf-8")
        command = [
            sys.executable, "-m", "streamlit", "run", "serve.py",
            "--server.headless", "true",
            "--server.port", str(self.port),
            "--server.address", self.address,
            "--server.fileWatcherType", "none",
            "--browser.gatherUsageStats", "false",
            "--secrets.files", str(secrets),
        ]  # fmt: skip
        log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        log.close()
        self._wait_healthy()
        return self

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit ({self.name}) exited early:\n{self.log_tail()}")
            try:
                status, body = http_get(self.url + "/_stcore/health", timeout=2)
                if status == 200 and body.strip() == b"ok":
                    return
            except OSError:
                pass
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"streamlit ({self.name}) not healthy in {START_TIMEOUT_S} s:\n"
                           f"{self.log_tail()}")  # fmt: skip

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        """End the server's own process group: SIGTERM, then SIGKILL after 10 s."""
        if self.process is None or self.process.poll() is not None:
            return
        pgid = os.getpgid(self.process.pid)
        os.killpg(pgid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(pgid, signal.SIGKILL)
            self.process.wait(timeout=10)


DECISION_KEY = "browser-test-decision-key-" + "1" * 40  # the servers' KBO_DECISION_KEY


def base_env(data_dir: Path) -> dict[str, str]:
    """The inherited environment without any KBO_* or Google settings, plus a data dir."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("KBO_", "STREAMLIT_")) and k != "GOOGLE_APPLICATION_CREDENTIALS"
    }
    env["KBO_DATA_DIR"] = str(data_dir)
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def chair_secrets(env: dict[str, str]) -> None:
    """Give the server the chair password's salted hash (never the password itself) and the
    decision key, which a Google Sheet source needs before the chair can record."""
    from kbo_dashboard.meeting.password import HASH_KEY, hash_password
    from kbo_dashboard.meeting.signing import KEY_ENV

    env[HASH_KEY] = hash_password(CHAIR_PASSWORD)
    env[KEY_ENV] = DECISION_KEY


def _server(request, browser, name: str, env: dict[str, str], workdir: Path) -> StreamlitServer:
    chair_secrets(env)
    server = StreamlitServer(name, env, workdir).start()
    request.addfinalizer(server.stop)
    warm_up(browser, server)
    return server


def warm_up(browser: Browser, server: StreamlitServer) -> None:
    """Open the app's root once, so the server's cold start (imports, first read) is paid here.

    This also makes the server learn its ``st.navigation`` pages before any test follows a deep
    link; ``test_server.py`` checks deep links on a fresh server separately.
    """
    from tests.browser.helpers import open_page

    context = browser.new_context(viewport=VIEWPORT)
    try:
        open_page(context.new_page(), server.url)
    finally:
        context.close()


@pytest.fixture(scope="session")
def demo_server(request, tmp_path_factory, browser) -> StreamlitServer:
    """The app on the bundled demo (no configuration)."""
    require_browser()
    workdir = tmp_path_factory.mktemp("demo-server")
    return _server(request, browser, "demo", base_env(workdir / "data"), workdir)


@pytest.fixture(scope="session")
def emulator():
    """The Sheets API emulator (in this process), holding the demo workbook."""
    from tests.sheets_emulator import SheetsEmulator, demo_tabs

    emu = SheetsEmulator().start()
    emu.demo_key = emu.create_spreadsheet(demo_tabs(), title="KBO demo on the emulator")
    yield emu
    emu.stop()


@pytest.fixture(scope="session")
def sheet_server(request, tmp_path_factory, emulator, browser) -> StreamlitServer:
    """The app on the emulator's copy of the demo, refreshing every ``SHEET_TTL_S`` seconds."""
    require_browser()
    workdir = tmp_path_factory.mktemp("sheet-server")
    env = base_env(workdir / "data")
    env.update(
        KBO_SHEETS_API_URL=emulator.url,
        KBO_SPREADSHEET=emulator.demo_key,
        KBO_CACHE_TTL=str(SHEET_TTL_S),
        KBO_SHEETS_TIMEOUT="3",
        KBO_SHEETS_GIVE_UP="6",
    )
    return _server(request, browser, "sheet", env, workdir)


# --- Chromium -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    require_browser()
    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser context (own session, own cookies) at 1920x1080 that accepts downloads."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="th-TH")
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """Where screenshots go (gitignored); printed so a person can find them."""
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    print(f"\nbrowser test output: {OUTPUT_DIR}")
    return OUTPUT_DIR


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """Say once, at the end, why the browser tests did not run."""
    reason = config.stash.get(_SKIPPED, None)
    if reason:
        terminalreporter.write_line(reason, yellow=True)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    """On a failed browser test, save what the browser showed (PNG and text) to the output."""
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed or not _is_browser_item(item):
        return
    funcargs = getattr(item, "funcargs", {})
    for name in ("page", "chair"):
        tab = funcargs.get(name)
        if tab is None or not hasattr(tab, "screenshot"):
            continue
        folder = OUTPUT_DIR / "failures"
        folder.mkdir(parents=True, exist_ok=True)
        stem = folder / "".join(c if c.isalnum() else "_" for c in item.nodeid)[-120:]
        try:
            tab.screenshot(path=f"{stem}.png", full_page=True)
            Path(f"{stem}.txt").write_text(tab.inner_text("body"), encoding="utf-8")
            report.sections.append(("browser", f"saved {stem}.png and .txt"))
        except Exception as exc:  # noqa: BLE001 - diagnostics must not hide the real failure
            report.sections.append(("browser", f"could not save a screenshot: {exc}"))
