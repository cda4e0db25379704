"""init-sheet and check, end to end against the Sheets API emulator with the real gspread client."""

from __future__ import annotations

import argparse
import io

import pandas as pd
import pytest

from kbo_dashboard.commands.check import run_check
from kbo_dashboard.commands.sheet_setup import init_sheet, run_init
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.demo import demo_tabs
from kbo_dashboard.sources.google_http import load_credentials, make_gspread_client
from kbo_dashboard.sources.google_source import GoogleSheetSource
from kbo_dashboard.sources.source import SourceError
from kbo_dashboard.sources.workbook import WorkbookSource, write_xlsx
from tests.workbooks import SMALL_TABS


def client_for(emu):
    return make_gspread_client(load_credentials(anonymous_ok=True), emu.url)


def test_init_sheet_round_trip_is_clean(sheets_emulator):
    tabs = {k: v for k, v in SMALL_TABS.items() if k != "J3"}  # J3's score tab is missing
    key = sheets_emulator.create_spreadsheet()  # a new, blank Google Sheet ("Sheet1")
    result = init_sheet(tabs, key, client_for(sheets_emulator))
    assert sheets_emulator.request_count == 4  # whatever the number of judges
    assert result.judge_tabs == ["J1", "J2", "J3"]

    raw = GoogleSheetSource(key, api_url=sheets_emulator.url).fetch()
    assert list(raw.tabs) == ["Products", "Judges", "Criteria", "J1", "J2", "J3", "Decision"]
    assert raw.tabs["J1"] == SMALL_TABS["J1"]
    # J3 was created with a header and one prefilled row per product (4 products).
    assert [row[0] for row in raw.tabs["J3"][1:]] == ["A1", "A2", "B1", "B2"]
    assert raw.tabs["J3"][0][2:4] == ["นวัตกรรม (60)", "อัตลักษณ์ (40)"]  # names with max
    assert parse(raw).issues == []  # validates clean

    j3 = sheets_emulator.sheet(key, "J3")
    assert (j3.frozen_rows, j3.frozen_columns) == (1, 2)
    header = [pr for pr in j3.protected_ranges if "endRowIndex" in pr["range"]]
    assert [pr["range"]["endRowIndex"] for pr in header] == [1]
    rules = {v["range"]["startColumnIndex"]: v["rule"] for v in j3.validations}
    # Columns C and D hold the criteria "inn" (max 60) and "idn" (max 40).
    assert sorted(rules) == [2, 3]
    assert [x["userEnteredValue"] for x in rules[2]["condition"]["values"]] == ["0", "60"]
    assert [x["userEnteredValue"] for x in rules[3]["condition"]["values"]] == ["0", "40"]
    assert rules[2]["strict"] is True
    assert sheets_emulator.sheet(key, "Products").frozen_rows == 1


def test_init_sheet_refuses_a_sheet_that_already_has_the_layout(sheets_emulator):
    key = sheets_emulator.create_spreadsheet({"Products": [["x"]]})
    with pytest.raises(SourceError) as err:
        init_sheet(SMALL_TABS, key, client_for(sheets_emulator))
    assert err.value.kind == "not_empty" and "Products" in err.value.message_en
    assert sheets_emulator.values(key, "Products") == [["x"]]  # untouched


def test_workbook_and_google_sheet_give_identical_results(sheets_emulator, tmp_path):
    path = tmp_path / "demo.xlsx"
    write_xlsx(demo_tabs(), path)
    key = sheets_emulator.create_spreadsheet()
    init_sheet(WorkbookSource(path).fetch().tabs, key, client_for(sheets_emulator))
    google = GoogleSheetSource(key, api_url=sheets_emulator.url)
    from_xlsx = parse(WorkbookSource(path).fetch())
    for raw in (google.fetch(), google.fetch()):  # spreadsheets.get, then values:batchGet
        from_sheet = parse(raw)
        assert from_sheet.issues == from_xlsx.issues
        pd.testing.assert_frame_equal(from_sheet.scores, from_xlsx.scores)
        a, b = score_competition(from_sheet), score_competition(from_xlsx)
        pd.testing.assert_frame_equal(a.standings, b.standings)
        assert (a.nominee, a.margin) == (b.nominee, b.margin)
    assert len(from_xlsx.issues) >= 4  # the demo's slips are there to compare


def _args(**kw) -> argparse.Namespace:
    return argparse.Namespace(secrets="/nonexistent/secrets.toml", lang="en", **kw)


@pytest.fixture(autouse=True)
def _no_global_secrets(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))  # check reads ~/.streamlit/secrets.toml too


@pytest.fixture
def google_env(monkeypatch, sheets_emulator):
    for name in (
        "KBO_WORKBOOK",
        "KBO_SERVICE_ACCOUNT_JSON",
        "KBO_SERVICE_ACCOUNT_FILE",
        "GOOGLE_APPLICATION_CREDENTIALS",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("KBO_SHEETS_API_URL", sheets_emulator.url)
    monkeypatch.setenv("KBO_LANG", "en")

    def use(key: str) -> None:
        monkeypatch.setenv("KBO_SPREADSHEET", key)

    return use


def test_check_exit_codes(sheets_emulator, google_env):
    google_env(sheets_emulator.create_spreadsheet(SMALL_TABS))
    out = io.StringIO()
    assert run_check(_args(), out) == 0
    assert "no errors" in out.getvalue()

    google_env(sheets_emulator.create_spreadsheet(demo_tabs()))
    out = io.StringIO()
    assert run_check(_args(), out) == 1  # the demo has a score above the maximum, and text
    assert "J08!C6" in out.getvalue() and "above the maximum 25" in out.getvalue()
    # A rejected cell costs the whole row: J08's 30 (C6) and J11's "ดีมาก" (E8) are in
    # otherwise complete rows, so two judge rows are not counted until fixed.
    line = next(x for x in out.getvalue().splitlines() if "J08!C6" in x)
    assert "whole row for this product is not counted until the cell is fixed" in line
    assert "2 judge rows (judge × product) are not counted" in out.getvalue()

    google_env("1NoSuchSpreadsheetKey000")
    out = io.StringIO()
    assert run_check(_args(), out) == 2
    assert "Check the spreadsheet URL or key" in out.getvalue()


def test_init_sheet_command(sheets_emulator, google_env):
    key = sheets_emulator.create_spreadsheet()
    google_env(key)
    out = io.StringIO()
    assert run_init(_args(demo=True, from_xlsx=None, judges=3), out) == 0
    assert "27 judge score tabs" in out.getvalue()
    assert run_init(_args(demo=True, from_xlsx=None, judges=3), out) == 2  # not empty now
    assert run_check(_args(), io.StringIO()) == 1


def test_init_sheet_on_a_sheet_not_shared_says_whom_to_share_with(sheets_emulator, google_env):
    google_env(sheets_emulator.create_spreadsheet(private=True))
    out = io.StringIO()
    assert run_init(_args(demo=True, from_xlsx=None, judges=3), out) == 2
    assert "Share" in out.getvalue()
