"""The Nomination page never shows a forged decision as final (issue 11).

Real gspread against the emulator; the sheet's Decision tab holds a row the app signed, then
a later row typed by hand (with a markdown link as its reason) and a tampered copy of a signed
row. Only the app's row is final; the others are listed apart as "not recorded by the app",
and every reason is shown as plain text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kbo_dashboard.i18n import t
from kbo_dashboard.meeting import decision as D
from kbo_dashboard.meeting import signing
from kbo_dashboard.sources.demo import demo_tabs
from tests.test_pending_storm import decision

APP = str(Path(__file__).resolve().parent.parent / "app.py")
KEY = "page-test-key"
AT = dt.datetime(2026, 11, 26, 2, 0, tzinfo=dt.UTC)
SHEET_ID = "1PageTestSheet" + "x" * 30
#: What the app binds this sheet's signatures to: its ID and the demo's Settings title and year.
BINDING = signing.Binding(
    f"google:{SHEET_ID}",
    "การประชุมพิจารณาคัดเลือกผลิตภัณฑ์เพื่อการต่อยอดนวัตกรรม (KBO)",
    "2565",
)


def row(
    product: str,
    name: str,
    reason: str,
    minutes: int,
    key: str | None = KEY,
    binding: signing.Binding = BINDING,
) -> list:
    d = replace(
        decision(minutes, "id"),
        product_id=product,
        product_name=name,
        confirmed_nominee=not reason,
        reason=reason,
        provisional_nominee="P-15",
        decided_at=AT + dt.timedelta(minutes=minutes),
        decision_id=f"id-{minutes}",
    )
    return D.decision_row(signing.sign(d, key.encode(), binding) if key else d)


@pytest.fixture
def forged_sheet(sheets_emulator, app_env, monkeypatch):
    tabs = demo_tabs()
    tampered = row("P-15", "real", "", 20)
    tampered[3], tampered[4] = "P-03", "swapped after signing"
    tabs["Decision"] = [
        D.HEADER,
        row("P-15", "signed by the app", "", 0),
        row("P-07", "typed by hand", "[official](http://x.test) *final*", 10, key=None),
        tampered,
    ]
    key = sheets_emulator.create_spreadsheet(tabs, spreadsheet_id=SHEET_ID)
    monkeypatch.setenv("KBO_SHEETS_API_URL", sheets_emulator.url)
    monkeypatch.setenv("KBO_SPREADSHEET", key)
    monkeypatch.setenv(signing.KEY_ENV, KEY)


def test_only_the_apps_signed_decision_is_final_and_reasons_are_plain(forged_sheet):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/nomination.py").run()
    assert not at.exception, [e.value for e in at.exception]
    finals = [s.value for s in at.success if "Committee decision (final)" in s.value]
    assert finals == ["Committee decision (final): P-15 signed by the app"]
    assert t("nom.unsigned_title", "en") in [e.value for e in at.error]
    cells = " ".join(str(v) for table in at.table for v in table.value.to_numpy().ravel())
    assert "P-07 typed by hand" in cells and "P-03 swapped after signing" in cells
    # The markdown link is escaped: shown as typed, never a link or emphasis.
    assert "\\[official\\](http\\:" in cells and "\\*final\\*" in cells  # ui/text.md


def test_without_a_key_a_google_sheets_decision_rows_are_never_final(forged_sheet, monkeypatch):
    monkeypatch.delenv(signing.KEY_ENV)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/nomination.py").run()
    assert not at.exception
    assert not [s.value for s in at.success if "Committee decision (final)" in s.value]
    assert t("nom.unsigned_title", "en") in [e.value for e in at.error]
