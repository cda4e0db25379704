"""Small Playwright helpers for Streamlit pages: open a page, wait for its script run to end.

Waiting is always Playwright's auto-waiting ``expect`` with a timeout, never a sleep.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pandas as pd
from playwright.sync_api import Download, Locator, Page, expect

from kbo_dashboard.i18n import t

# Upper bounds only (each wait ends when the app is ready), generous for a loaded 2-core machine.
RUN_TIMEOUT_MS = 45_000
START_RUN_TIMEOUT_MS = 90_000  # a server's first run imports pandas, plotly, ...
#: How often to reopen a select box whose list did not appear (a rerun redrew it meanwhile).
OPEN_ATTEMPTS = 4
#: Pages whose ``st.title`` is not their navigation title.
HEADINGS = {"projector": "app.title"}
MAIN = '[data-testid="stMain"]'
SIDEBAR = '[data-testid="stSidebar"]'
EXCEPTION = '[data-testid="stException"]'


def main(page: Page) -> Locator:
    return page.locator(MAIN)


def settled(page: Page, timeout_ms: int = RUN_TIMEOUT_MS) -> None:
    """Wait until the app's script run has finished (Streamlit's own ``stApp`` attribute).

    Some elements (download buttons, charts) are drawn a moment after the run ends, so check
    them with an auto-waiting ``expect``, never with an immediate ``count()``.
    """
    app = page.locator('[data-testid="stApp"]')
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=timeout_ms)


def nav_title(url_path: str, lang: str = "th") -> str:
    """The page's title in the navigation, from ``frame.PAGES`` and the catalogue."""
    from kbo_dashboard.ui.frame import PAGES

    keys = {url: key for _, key, _, url in PAGES}
    return t(keys[url_path or PAGES[0][3]], lang)


def page_title(url_path: str, lang: str = "th") -> str:
    """The page's heading (its ``st.title``): usually its navigation title."""
    if url_path in HEADINGS:
        return t(HEADINGS[url_path], lang)
    return nav_title(url_path, lang)


def address(url_path: str) -> str:
    """The path to open: the default (first) page lives at the root, not at its url path."""
    from kbo_dashboard.ui.frame import PAGES

    return "" if url_path == PAGES[0][3] else url_path


def open_page(
    page: Page,
    base_url: str,
    url_path: str = "",
    lang: str | None = None,
    ready_text: str | None = None,
) -> None:
    """Go to ``base_url/url_path`` (optionally ``?lang=``) and wait until it has been drawn.

    Ready means the page's title heading (or ``ready_text``) is visible in the main area and no
    script run is in progress. The first visit to a fresh server includes its cold start.
    """
    query = f"?lang={lang}" if lang else ""
    page.goto(f"{base_url}/{address(url_path)}{query}", wait_until="domcontentloaded")
    if ready_text is None:
        heading = main(page).locator("h1").filter(has_text=page_title(url_path, lang or "th"))
        expect(heading.first).to_be_visible(timeout=START_RUN_TIMEOUT_MS)
    else:
        expect_text(page, ready_text, timeout_ms=START_RUN_TIMEOUT_MS)
    settled(page)


def expect_text(page: Page, text: str, timeout_ms: int = RUN_TIMEOUT_MS) -> None:
    """``text`` appears somewhere in the main area (substring match)."""
    expect(main(page).get_by_text(text, exact=False).first).to_be_visible(timeout=timeout_ms)


def choose_option(page: Page, box: Locator, name: str) -> None:
    """Pick option ``name`` in the Streamlit select box ``box``, then wait for the rerun.

    On a busy machine a click can land while a rerun redraws the box, and its list closes again
    before the option is drawn. So: wait for the app to be idle, open the list, wait (up to
    a bound) for the option; if the list did not open, open it again.
    """
    option = page.get_by_role("option", name=name, exact=True)
    for attempt in range(OPEN_ATTEMPTS):
        settled(page)
        expect(box).to_be_visible()
        box.click()
        try:
            expect(option).to_be_visible(timeout=RUN_TIMEOUT_MS // OPEN_ATTEMPTS)
        except AssertionError:
            if attempt == OPEN_ATTEMPTS - 1:
                raise
            page.keyboard.press("Escape")
            continue
        option.click()
        break
    expect(box.get_by_role("combobox")).to_have_value(name)
    settled(page)


def assert_no_exception(page: Page) -> None:
    """No Python exception on the page, and no modal (e.g. Streamlit's "Page not found")."""
    errors = page.locator(EXCEPTION)
    if errors.count():
        raise AssertionError("the page shows an exception:\n" + errors.first.inner_text())
    expect(errors).to_have_count(0)
    dialogs = page.get_by_role("dialog")
    if dialogs.count():
        raise AssertionError("the page shows a dialog:\n" + dialogs.first.inner_text())


def language_option(page: Page, lang: str, *, include_hidden: bool = False) -> Locator:
    """The sidebar language switch's option for ``lang`` (a segmented control: radio buttons).

    ``include_hidden`` finds it where projector mode hides the sidebar.
    """
    sidebar = page.locator(SIDEBAR)
    label = t(f"lang.{lang}", lang)
    options = {"name": label, "exact": True, "include_hidden": include_hidden}
    return sidebar.get_by_role("radio", **options).or_(sidebar.get_by_role("button", **options))


def switch_language(page: Page, lang: str, url_path: str) -> None:
    """Click the sidebar language switch; wait for the page's title in that language."""
    language_option(page, lang).click()
    heading = main(page).locator("h1").filter(has_text=page_title(url_path, lang))
    expect(heading.first).to_be_visible()
    settled(page)


def nav_link(page: Page, url_path: str) -> Locator:
    """The sidebar link to a page (the default page's address is the bare root)."""
    from kbo_dashboard.ui.frame import PAGES

    shown = [url for _, _, _, url in PAGES]
    return page.locator(f'{SIDEBAR} a[data-testid="stSidebarNavLink"]').nth(shown.index(url_path))


def download(page: Page, button: Locator, into: Path) -> Path:
    """Click a download button and save what the browser receives; returns the saved path."""
    expect(button).to_be_enabled()
    with page.expect_download(timeout=RUN_TIMEOUT_MS) as info:
        button.click()
    got: Download = info.value
    failure = got.failure()
    assert failure is None, f"download failed: {failure}"
    target = into / got.suggested_filename
    got.save_as(target)
    return target


def control(emulator_url: str, verb: str, payload: dict | None = None) -> dict:
    """Call the emulator's test-only control API (``/_emulator/<verb>``) over HTTP."""
    data = None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(
        f"{emulator_url}/_emulator/{verb}",
        data=data,
        method="GET" if data is None else "POST",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
        body = response.read()
    return json.loads(body) if body else {}


def words(text: str) -> str:
    """Collapse whitespace (pdftotext and the DOM break lines in different places)."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(path: Path) -> str:
    """The PDF's text as pdftotext (poppler) extracts it; pypdf when poppler is missing."""
    tool = shutil.which("pdftotext")
    if tool:
        out = subprocess.run(
            [tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=60
        )
        return out.stdout.decode("utf-8")
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def xlsx_sheets(path: Path) -> dict[str, pd.DataFrame]:
    """Every sheet of the workbook, read by pandas (openpyxl) without a header row."""
    return pd.read_excel(path, sheet_name=None, header=None)


def xlsx_text(sheets: dict[str, pd.DataFrame]) -> str:
    """Every non-empty cell of every sheet, one per line."""
    return "\n".join(
        str(v) for frame in sheets.values() for v in frame.to_numpy().ravel() if pd.notna(v)
    )
