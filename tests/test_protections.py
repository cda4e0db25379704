"""Each judge edits only their own tab; only the app edits Decision (emulator + real gspread).

Request shape (Sheets API v4 ``AddProtectedRangeRequest``): ``{"addProtectedRange":
{"protectedRange": {"range": {"sheetId": N}, "description", "warningOnly", "editors":
{"users": [...]}}}}``; a range with only ``sheetId`` is the whole tab. The emulator's reply is
checked against Google's recorded one in tests/test_sheets_emulator.py
(WorksheetTest.test_add_protected_range_normal.json).
"""

from __future__ import annotations

import argparse
import copy
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbo_dashboard.commands.check import run_check
from kbo_dashboard.commands.protections import MARK, protection_requests, wanted_protections
from kbo_dashboard.commands.sheet_setup import init_sheet, run_init
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.sources.config import load_settings, streamlit_secrets
from kbo_dashboard.sources.google_source import GoogleSheetSource
from kbo_dashboard.sources.source import RawWorkbook
from tests.sheets_emulator_api import CALLER
from tests.test_sheet_setup import client_for
from tests.workbooks import SMALL_TABS

APP = "kbo-app@project.iam.gserviceaccount.com"


def _tabs() -> dict:
    tabs = copy.deepcopy(SMALL_TABS)
    tabs["Judges"] = [
        ["รหัสกรรมการ", "ชื่อกรรมการ", "ภาคส่วน", "แท็บคะแนน", "อีเมล"],
        ["J1", "Judge 1", "government", "J1", "j1@example.org"],
        ["J2", "Judge 2", "private", "J2", "j2@example.org"],
        ["J3", "Judge 3", "citizen", "J3", ""],  # no e-mail: warning-only
    ]
    tabs["Settings"] = [["key", "value"], ["staff_emails", "clerk@example.org; chair@example.org"]]
    return tabs


def _whole_tab(sheet) -> list[dict]:
    return [pr for pr in sheet.protected_ranges if set(pr["range"]) <= {"sheetId"}]


def _batch_updates(emu) -> int:
    """spreadsheets.batchUpdate calls (not values:batchUpdate)."""
    return sum(1 for r in emu.requests if r.path.split("?")[0].endswith(":batchUpdate")
               and "/values" not in r.path)  # fmt: skip


def test_init_sheet_protects_each_judge_tab_and_decision_in_one_batch_update(sheets_emulator):
    key = sheets_emulator.create_spreadsheet()
    init_sheet(_tabs(), key, client_for(sheets_emulator), service_email=APP)
    assert sheets_emulator.request_count == 4
    assert _batch_updates(sheets_emulator) == 1
    staff = ["clerk@example.org", "chair@example.org"]
    (j1,) = _whole_tab(sheets_emulator.sheet(key, "J1"))
    assert j1["editors"]["users"] == ["j1@example.org", APP, *staff, CALLER]
    assert "warningOnly" not in j1 and j1["description"] == "KBO judge J1"
    (j3,) = _whole_tab(sheets_emulator.sheet(key, "J3"))
    assert j3["warningOnly"] is True and j3["editors"] == {"users": [CALLER]}
    (decision,) = _whole_tab(sheets_emulator.sheet(key, "Decision"))
    assert decision["editors"]["users"] == [APP, CALLER]  # nobody else
    # Reference tabs keep only their header protection.
    assert _whole_tab(sheets_emulator.sheet(key, "Products")) == []
    assert [pr["range"]["endRowIndex"] for pr in sheets_emulator.sheet(key, "J1").protected_ranges
            if "endRowIndex" in pr["range"]] == [1]  # fmt: skip


def test_27_judges_still_one_batch_update(sheets_emulator, google_env):
    google_env(sheets_emulator.create_spreadsheet())
    assert run_init(_args(demo=True), io.StringIO()) == 0
    assert _batch_updates(sheets_emulator) == 1
    key = next(iter(sheets_emulator.books))
    protected = [s for s in sheets_emulator.book(key).sheets if _whole_tab(s)]
    assert len(protected) == 27 + 1  # every judge's tab and Decision


def _args(**kw) -> argparse.Namespace:
    base = {"secrets": "/nonexistent/secrets.toml", "lang": "en", "demo": False}
    base.update(from_xlsx=None, judges=3, protect_only=False)
    return argparse.Namespace(**{**base, **kw})


@pytest.fixture
def google_env(monkeypatch, sheets_emulator, tmp_path):
    for name in ("KBO_WORKBOOK", "KBO_SERVICE_ACCOUNT_JSON", "KBO_SERVICE_ACCOUNT_FILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))  # no global secrets file
    monkeypatch.setenv("KBO_SHEETS_API_URL", sheets_emulator.url)
    monkeypatch.setenv("KBO_LANG", "en")
    return lambda key: monkeypatch.setenv("KBO_SPREADSHEET", key)


def test_protect_only_refreshes_protections_and_touches_no_value(sheets_emulator, google_env):
    tabs = _tabs()
    key = sheets_emulator.create_spreadsheet(tabs)  # a filled sheet nobody protected
    google_env(key)
    out = io.StringIO()
    assert run_check(_args(), out) == 0
    text = out.getvalue()
    for judge in ("J1", "J2", "J3"):
        assert f"Judge {judge}'s score tab {judge} is not protected" in text
    assert "Judges\tJ3\tJudge J3 has no e-mail in the Judges tab" in text
    assert "J1 has no e-mail" not in text

    before = {
        s.title: sheets_emulator.values(key, s.title) for s in sheets_emulator.book(key).sheets
    }
    sheets_emulator.reset_log()
    out = io.StringIO()
    assert run_init(_args(protect_only=True), out) == 0
    assert "Protected 3 tabs" in out.getvalue()  # no Decision tab yet: nothing to protect there
    assert sheets_emulator.request_count == 3 and _batch_updates(sheets_emulator) == 1
    after = {
        s.title: sheets_emulator.values(key, s.title) for s in sheets_emulator.book(key).sheets
    }
    assert after == before

    # J3 gives an e-mail; running again replaces the app's protections, never doubles them.
    sheets_emulator.set_cell(key, "Judges", "E4", "j3@example.org")
    assert run_init(_args(protect_only=True), io.StringIO()) == 0
    (j3,) = _whole_tab(sheets_emulator.sheet(key, "J3"))
    assert "warningOnly" not in j3 and j3["editors"]["users"][0] == "j3@example.org"
    assert [len(_whole_tab(sheets_emulator.sheet(key, t))) for t in ("J1", "J2", "J3")] == [1] * 3

    out = io.StringIO()
    assert run_check(_args(), out) == 0
    assert "not protected" not in out.getvalue() and "no e-mail" not in out.getvalue()

    # A Decision tab made later (by the app's first decision) is reported until protected.
    sheets_emulator.add_tab(key, "Decision", [["decision_id"]])
    out = io.StringIO()
    assert run_check(_args(), out) == 0
    assert "The Decision tab is not protected" in out.getvalue()
    assert run_init(_args(protect_only=True), io.StringIO()) == 0
    (decision,) = _whole_tab(sheets_emulator.sheet(key, "Decision"))
    assert decision["editors"]["users"] == [CALLER]  # the service account (anonymous here)
    out = io.StringIO()
    assert run_check(_args(), out) == 0 and "not protected" not in out.getvalue()


def test_the_dashboard_refresh_reads_no_protections(sheets_emulator):
    key = sheets_emulator.create_spreadsheet(_tabs())
    source = GoogleSheetSource(key, api_url=sheets_emulator.url)
    source.fetch()  # cold: the tab names, then the values
    source.fetch()
    assert sheets_emulator.request_count == 3  # then one per refresh, no protections read
    assert all("protectedRanges" not in r.path for r in sheets_emulator.requests)


def test_check_reads_secrets_in_streamlits_order(tmp_path, monkeypatch):
    home, project = tmp_path / "home", tmp_path / "project"
    (home / ".streamlit").mkdir(parents=True)
    (project / ".streamlit").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    global_file = home / ".streamlit" / "secrets.toml"
    global_file.write_text(
        'KBO_WORKBOOK = "global.xlsx"\n[connections.kbo]\nspreadsheet = "1GlobalKey0000000"\n'
    )
    project_file = project / ".streamlit" / "secrets.toml"
    # Only the global file: its values are used.
    settings = load_settings(streamlit_secrets(project_file), {})
    assert settings.spreadsheet == "1GlobalKey0000000"
    # Both: combined, and the project's file wins on a key in both.
    project_file.write_text('[connections.kbo]\nspreadsheet = "1ProjectKey000000"\n')
    secrets = streamlit_secrets(project_file)
    assert load_settings(secrets, {}).spreadsheet == "1ProjectKey000000"
    assert secrets["KBO_WORKBOOK"] == "global.xlsx"


# --- for every panel: one protection per judge tab, the right editors -----------------------
@settings(max_examples=60, deadline=None)
@given(
    emails=st.lists(st.booleans(), min_size=0, max_size=40),
    staff=st.lists(st.sampled_from(["a@x.org", "b@x.org", "c@x.org"]), max_size=3),
    old=st.lists(st.sampled_from(["KBO judge J01", "owner's own", "KBO decision"]), max_size=4),
)
def test_protections_for_every_panel(emails, staff, old):
    n = len(emails)
    judges = [["judge_id", "judge_name", "sheet", "email"]]
    judges += [[f"J{i:02d}", f"Judge {i}", f"J{i:02d}", f"j{i}@x.org" if e else ""]
               for i, e in enumerate(emails, start=1)]  # fmt: skip
    tabs = {"Products": [["product_id", "product_name", "producer_group", "category"]],
            "Judges": judges,
            "Settings": [["key", "value"], ["staff_emails", " ".join(staff)]]}  # fmt: skip
    tabs.update({f"J{i:02d}": [["product_id"]] for i in range(1, n + 1)})
    comp = parse(RawWorkbook(tabs))
    ids = {name: 100 + k for k, name in enumerate([*tabs, "Decision"])}
    existing = [{"protectedRangeId": 900 + k, "description": d} for k, d in enumerate(old)]
    requests = protection_requests(wanted_protections(comp, APP, comp.settings["staff_emails"]),
                                   ids, existing)  # fmt: skip
    # Naive reference: delete exactly the app's old ranges, then one add per judge + Decision.
    deleted = [r["deleteProtectedRange"]["protectedRangeId"] for r in requests
               if "deleteProtectedRange" in r]  # fmt: skip
    assert deleted == [900 + k for k, d in enumerate(old) if d.startswith(MARK)]
    added = [r["addProtectedRange"]["protectedRange"] for r in requests if "addProtectedRange" in r]
    assert len(added) == n + 1 and len(requests) == len(deleted) + n + 1
    staff_once = list(dict.fromkeys(staff))
    for i, (has_email, pr) in enumerate(zip(emails, added, strict=False), start=1):
        assert pr["range"] == {"sheetId": ids[f"J{i:02d}"]}
        if has_email:
            assert pr["warningOnly"] is False
            assert pr["editors"]["users"] == [f"j{i}@x.org", APP, *staff_once]
        else:
            assert pr["warningOnly"] is True and "editors" not in pr
    assert added[-1] == {"range": {"sheetId": ids["Decision"]}, "description": "KBO decision",
                         "warningOnly": False, "editors": {"users": [APP]}}  # fmt: skip
