"""A decision signed for another sheet is not final here (issue 18 §2).

The signature binds the decision to the sheet (spreadsheet ID, .xlsx path, or the demo) and to
the Settings title and year. A row signed by an app with the same key for a rehearsal sheet,
another competition or another year is "not recorded by the app" here; a row signed before the
binding says so. A decision ID seen twice is flagged at its cells, in Thai and English, and a
row typed above the app's own under its ID never hides it. Then the Nomination page, through
real gspread and the emulator.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import replace
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kbo_dashboard.i18n import t
from kbo_dashboard.meeting import decision as D
from kbo_dashboard.meeting import signing
from kbo_dashboard.meeting.decision_tab import decision_tab_issues
from kbo_dashboard.sources.demo import demo_tabs
from kbo_dashboard.sources.workbook import WorkbookSource
from tests.test_decision_pages import BINDING, KEY, SHEET_ID, row
from tests.test_pending_storm import decision

APP = str(Path(__file__).resolve().parent.parent / "app.py")
K = b"one key for every province"
HERE = signing.Binding("google:1SheetOfUbon", "KBO meeting", "2569")


def signed_here() -> D.Decision:
    return signing.sign(decision(1, "ubon"), K, HERE)


@pytest.mark.parametrize(
    "elsewhere",
    [
        replace(HERE, sheet="google:1RehearsalCopy"),  # a rehearsal sheet
        replace(HERE, title="KBO meeting (rehearsal)"),  # another competition
        replace(HERE, year="2568"),  # last year's
        replace(HERE, sheet="xlsx:/home/office/kbo.xlsx"),
    ],
)
def test_a_decision_signed_for_another_sheet_title_or_year_is_not_final_here(elsewhere):
    pasted = signing.sign(decision(2, "other"), K, elsewhere)
    assert signing.recorded_by_app(pasted, K, elsewhere)  # valid where it was made
    assert signing.verdict(pasted, K, HERE) == "other"
    history = signing.verify([signed_here(), pasted], K, HERE)
    assert D.final(history) == signed_here()  # the later paste is not final
    assert D.not_recorded_by_app(history) == [pasted]


def test_the_binding_is_the_sheet_id_or_the_xlsx_path_and_the_settings(tmp_path):
    google = type("Google", (), {"kind": "google", "key": "1AbC"})()
    assert signing.sheet_of(google) == "google:1AbC"
    (tmp_path / "sub").mkdir()
    book = WorkbookSource(tmp_path / "sub" / ".." / "kbo.xlsx")
    assert signing.sheet_of(book) == f"xlsx:{tmp_path / 'kbo.xlsx'}"  # resolved
    assert signing.sheet_of(type("Demo", (), {"kind": "demo"})()) == "demo"
    settings = {"title": "  การประชุม   KBO ", "year": 2569}
    assert signing.binding_for("demo", settings) == signing.Binding("demo", "การประชุม KBO", "2569")
    assert signing.binding_for("demo", None) == signing.Binding("demo", "", "")


def test_the_signed_message_holds_the_version_the_binding_and_the_row():
    d = decision(3, "m")
    cells = [str(c) for c in D.decision_row(d)[: D.HEADER.index("signature")]]  # no digest here
    message = json.dumps(
        ["kbo-decision-v2", HERE.sheet, HERE.title, HERE.year, *cells],
        ensure_ascii=True,
        separators=(",", ":"),
    )
    expected = hmac.new(K, message.encode("ascii"), hashlib.sha256).hexdigest()
    assert signing.signature_of(d, K, HERE) == expected


def test_a_row_signed_before_the_binding_is_legacy_and_not_final():
    d = decision(4, "old")
    cells = [str(c) for c in D.decision_row(d)[: D.HEADER.index("signature")]]  # no digest here
    old = json.dumps(cells, ensure_ascii=False, separators=(",", ":")).encode()
    legacy = replace(d, signature=hmac.new(K, old, hashlib.sha256).hexdigest())
    assert signing.verdict(legacy, K, HERE) == "legacy"
    assert not signing.recorded_by_app(legacy, K, HERE)
    assert signing.verdict(replace(d, signature=""), K, HERE) == "unsigned"
    assert signing.verdict(signed_here(), None, HERE) == "no_key"


def test_a_decision_id_seen_twice_is_flagged_at_its_cells_in_thai_and_english():
    real = signed_here()
    typed = replace(real, product_id="P9", reason="พิมพ์เอง", signature="")
    copy = D.decision_row(real)
    rows = [D.HEADER, D.decision_row(typed), D.decision_row(real), ["", ""], copy, ["x", "y"]]
    issues = decision_tab_issues(rows, "Decision")
    # Row 5 is blank and skipped; row 6 has no product or time; rows 2, 3 and 5 share the ID
    # (column A, the header's decision_id).
    assert [(i.code, i.where) for i in issues] == [
        ("decision_row_unreadable", "Decision!A6"),
        ("decision_id_repeated", "Decision!A2"),
    ]
    repeated = issues[1]
    cells = "Decision!A2, Decision!A3, Decision!A5"
    assert repeated.message_en == f"Decision ID {real.decision_id} appears in 3 rows: {cells}"
    assert repeated.message_th == f"รหัสมติ {real.decision_id} ปรากฏใน 3 แถว: {cells}"
    assert issues[0].message_en.startswith("Row 6 of the Decision tab is not a decision")
    # The typed row above the app's own does not hide it; the identical copy counts once.
    history = D.decisions_from_rows(rows)
    assert history == [typed, real]
    assert D.final(signing.verify(history, K, HERE)) == real


def test_the_id_column_is_found_by_its_header():
    real = signed_here()
    header = ["note", *D.HEADER]
    rows = [header, ["", *D.decision_row(real)], ["", *D.decision_row(real)]]
    (issue,) = decision_tab_issues(rows, "การตัดสิน")
    assert issue.where == "การตัดสิน!B2"
    assert "การตัดสิน!B2, การตัดสิน!B3" in issue.message_en


# --- the Nomination page, real gspread and the emulator ---
@pytest.fixture
def pasted_sheet(sheets_emulator, app_env, monkeypatch):
    tabs = demo_tabs()
    here = row("P-15", "signed for this sheet", "", 0)
    rehearsal = replace(BINDING, sheet="google:1RehearsalSheet")
    pasted = row("P-07", "signed for the rehearsal", "ซ้อม", 10, binding=rehearsal)
    tabs["Decision"] = [D.HEADER, here, pasted, list(here)]
    key = sheets_emulator.create_spreadsheet(tabs, spreadsheet_id=SHEET_ID)
    monkeypatch.setenv("KBO_SHEETS_API_URL", sheets_emulator.url)
    monkeypatch.setenv("KBO_SPREADSHEET", key)
    monkeypatch.setenv(signing.KEY_ENV, KEY)
    return here


def test_the_page_keeps_a_decision_for_another_sheet_apart_and_flags_the_repeated_id(
    pasted_sheet,
):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/nomination.py").run()
    assert not at.exception, [e.value for e in at.exception]
    finals = [s.value for s in at.success if "Committee decision (final)" in s.value]
    assert finals == ["Committee decision (final): P-15 signed for this sheet"]
    cells = [str(v) for table in at.table for v in table.value.to_numpy().ravel()]
    assert "P-07 signed for the rehearsal" in cells
    assert t("decision.verdict.other", "en") in cells
    assert t("dtab.issues_title", "en") in [w.value for w in at.warning]
    assert "Decision!A2" in cells  # the first of the repeated rows, as text
    assert any("appears in 2 rows: Decision!A2, Decision!A4" in c for c in cells)
