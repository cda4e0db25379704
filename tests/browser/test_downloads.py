"""Downloads page on the demo, in a real browser: every file arrives and opens in a real reader.

The files are fetched once per module (one browser session) and then checked one by one:
CSV with pandas (and the raw bytes for the BOM), the workbook with pandas/openpyxl, the PDF with
pdftotext (pypdf when poppler is missing).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from kbo_dashboard.i18n import t
from tests.browser.conftest import ACTION_TIMEOUT_MS, VIEWPORT
from tests.browser.helpers import (
    assert_no_exception,
    download,
    main,
    open_page,
    pdf_text,
    words,
    xlsx_sheets,
    xlsx_text,
)

pytestmark = pytest.mark.browser

KINDS = ("rankings", "scores", "issues", "xlsx", "pdf", "announcement")
BOM = b"\xef\xbb\xbf"
# The demo (kbo_dashboard/sources/demo.py) has the seed report's shape: 20 products in
# these categories.
DEMO_CATEGORIES = {"food": 6, "decorative": 6, "beverage": 2, "textile": 5, "herbal": 1}
NOMINEE_ID, NOMINEE_NAME = "P-15", "ผ้าไหมกาบบัว"  # the demo's top product under every method
RUNNER_UP_ID = "P-08"
PROVINCE = "อุบลราชธานี"


@pytest.fixture(scope="module")
def files(browser, demo_server, tmp_path_factory) -> dict[str, Path]:
    """Each download button on the Downloads page (Thai), clicked once; kind -> saved file."""
    into = tmp_path_factory.mktemp("downloads")
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    page = context.new_page()
    try:
        open_page(page, demo_server.url, "downloads")
        assert_no_exception(page)
        # The page's last element: the PDF button, or the note saying why there is none.
        buttons = main(page).locator('[data-testid="stDownloadButton"]')
        last = buttons.filter(has_text=t("downloads_page.pdf", "th")).or_(
            main(page).locator('[data-testid="stAlert"]').filter(has_text="PDF")
        )
        expect(last.first).to_be_visible()
        saved: dict[str, Path] = {}
        for kind in KINDS:
            button = buttons.filter(has_text=t(f"downloads_page.{kind}", "th")).first
            try:  # wait for it: a rerun may redraw the page while the machine is busy
                button.wait_for(state="visible", timeout=ACTION_TIMEOUT_MS)
            except PlaywrightTimeout:
                continue  # reported by the test for that kind
            saved[kind] = download(page, button, into)
        return saved
    finally:
        context.close()


def need(files: dict[str, Path], kind: str) -> Path:
    if kind not in files:
        pytest.fail(f"the Downloads page has no '{t(f'downloads_page.{kind}', 'th')}' button")
    return files[kind]


def be_today() -> str:
    """Today on the competition's clock (Asia/Bangkok), whatever the server's zone."""
    today = (datetime.now(UTC) + timedelta(hours=7)).date()
    return f"{today.year + 543}-{today:%m-%d}"


# Thai headers in the Thai UI (kbo_dashboard/reports/export.py office_table).
RANK, PRODUCT_ID, NAME, SCORE, METHOD = "อันดับรวม", "รหัสผลิตภัณฑ์", "ชื่อผลิตภัณฑ์", "คะแนน", "วิธีรวมคะแนน"
JUDGE_ID, CRITERION_ID, COUNTED, CATEGORY = "รหัสกรรมการ", "รหัสเกณฑ์", "นับคะแนน", "รหัสประเภท"


def test_rankings_csv_has_bom_and_every_demo_product_best_first(files):
    path = need(files, "rankings")
    assert path.name == f"kbo-rankings-mean-{be_today()}.csv"
    raw = path.read_bytes()
    assert raw.startswith(BOM)
    assert "ผ้าไหมกาบบัว".encode() in raw  # Thai as UTF-8, not mojibake
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype={RANK: str})
    assert len(frame) == 20
    assert frame[PRODUCT_ID].is_unique
    assert frame[CATEGORY].value_counts().to_dict() == DEMO_CATEGORIES
    assert frame.loc[0, [PRODUCT_ID, NAME, RANK]].tolist() == [NOMINEE_ID, NOMINEE_NAME, "1"]
    assert frame.loc[1, PRODUCT_ID] == RUNNER_UP_ID
    ranked = frame[frame[RANK] != t("rank.not_ranked", "th")]
    assert ranked[SCORE].is_monotonic_decreasing
    assert ranked[SCORE].between(0, 100).all()
    assert set(frame[METHOD]) == {"mean"}


def test_scores_csv_is_every_score_in_long_form(files):
    path = need(files, "scores")
    assert path.read_bytes().startswith(BOM)
    frame = pd.read_csv(path, encoding="utf-8-sig")
    assert {JUDGE_ID, PRODUCT_ID, CRITERION_ID, SCORE, COUNTED} <= set(frame.columns)
    # 27 judges x 20 products x 5 criteria, minus what J26 (8 products) and J27 (15) have not
    # scored yet, is at most 2700 - 40 - 75 = 2585 cells; slips drop a few more.
    assert len(frame) == 2580  # 2,575 scores + 5 typed despite J05's conflict (test_documents)
    assert frame[SCORE].between(0, 25).all()
    assert frame[JUDGE_ID].nunique() == 27
    # J05 declared a conflict on P-09 and scored anyway: those scores never count.
    conflict = frame[(frame[JUDGE_ID] == "J05") & (frame[PRODUCT_ID] == "P-09")]
    assert len(conflict) > 0
    assert set(conflict[COUNTED]) == {"ไม่ใช่"} and set(frame[COUNTED]) == {"ใช่", "ไม่ใช่"}


def test_issues_csv_lists_the_demo_slips_with_their_cells(files):
    path = need(files, "issues")
    assert path.read_bytes().startswith(BOM)
    frame = pd.read_csv(path, encoding="utf-8-sig")
    assert {"ระดับ", "รหัสปัญหา", "แท็บ", "ช่อง"} <= set(frame.columns)
    assert {"thai_digits", "above_max", "not_a_number", "partial_row", "conflict_scored"} <= set(
        frame["รหัสปัญหา"]
    )
    # A1 notation: a cell ("E8") or, for a whole-row problem, the row ("แถว 10").
    assert frame["ช่อง"].astype(str).str.fullmatch(r"[A-Z]{1,3}[0-9]+|แถว [0-9]+").all()


def test_xlsx_opens_in_pandas_with_thai_headers_and_every_product(files):
    path = need(files, "xlsx")
    assert re.fullmatch(rf"kbo-report-mean-{be_today()}\.xlsx", path.name)
    assert path.read_bytes()[:2] == b"PK"  # a real zip container
    sheets = xlsx_sheets(path)
    assert len(sheets) >= 3, list(sheets)
    text = xlsx_text(sheets)
    assert NOMINEE_NAME in text
    assert all(f"P-{n:02d}" in text for n in range(1, 21))
    assert re.search("[\u0e00-\u0e7f]", " ".join(map(str, sheets)) + text)  # Thai somewhere
    # The long-form scores are in the workbook: at least one sheet has thousands of rows.
    assert max(len(frame) for frame in sheets.values()) >= 2500


def test_pdf_has_the_official_thai_title_nominee_and_province(files):
    path = need(files, "pdf")
    assert path.read_bytes().startswith(b"%PDF-")
    text = words(pdf_text(path))
    assert "ผลการพิจารณาคัดเลือกผลิตภัณฑ์" in text
    assert NOMINEE_NAME in text
    assert PROVINCE in text
    assert "2565" in text  # the competition year, in the Buddhist Era


def test_downloads_page_shows_the_method_in_use(browser, demo_server):
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        open_page(page, demo_server.url, "downloads", lang="en")
        expect(main(page)).to_contain_text(t("analysis.method_in_use", "en", name="Mean"))
    finally:
        context.close()


def test_announcement_is_one_demo_page_named_with_the_competition_date(files):
    path = need(files, "announcement")
    assert path.name == f"kbo-announcement-mean-{be_today()}.pdf"
    text = words(pdf_text(path))
    assert "ประกาศคณะกรรมการพิจารณาคัดเลือกผลิตภัณฑ์" in text and NOMINEE_NAME in text
    assert "ร่าง / DRAFT" in text and "ข้อมูลตัวอย่าง / DEMO" in text
