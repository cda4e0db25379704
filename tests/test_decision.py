"""The chair's decision: password hashing, what a decision holds, and both stores.

The small workbook (tests/workbooks.py) gives nominee B1 (76.667 from 3 judges, rank 1), A1
second with the same score (margin 0), A2 third (73.333), B2 not yet ranked.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys

import pytest
from google.auth.credentials import AnonymousCredentials

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.meeting import decision as D
from kbo_dashboard.meeting import decision_store as S
from kbo_dashboard.meeting import password as PW
from kbo_dashboard.meeting import pending as P
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.google_http import make_gspread_client
from kbo_dashboard.sources.source import RawWorkbook
from tests.workbooks import SMALL_TABS

AT = dt.datetime(2022, 5, 23, 7, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def small():
    comp = parse(RawWorkbook(SMALL_TABS))
    return comp, score_competition(comp)


# --- password ---
def test_password_hash_verifies_the_right_password_only():
    stored = PW.hash_password("ปลาส้ม-2565")
    assert stored.startswith("scrypt$16384$8$1$")
    assert PW.verify_password("ปลาส้ม-2565", stored) is True
    assert PW.verify_password("ปลาส้ม-2566", stored) is False
    assert PW.verify_password("", stored) is False


def test_password_hashes_are_salted():
    assert PW.hash_password("same password") != PW.hash_password("same password")


@pytest.mark.parametrize(
    "stored",
    [
        None,
        "",
        "not a hash",
        "scrypt$16384$8$1$c2FsdA==",  # too few fields
        "bcrypt$16384$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==",
        "scrypt$abc$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==",
        "scrypt$1000$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==",  # n not a power of 2
        "scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==",  # absurd cost
        "scrypt$16384$8$1$!!!$aGFzaGhhc2hoYXNoaGFzaA==",  # not base64
        "scrypt$16384$8$1$c2FsdHNhbHRzYWx0$aGFzaA==",  # hash too short
    ],
)
def test_malformed_stored_hash_is_false_not_an_error(stored):
    assert PW.verify_password("anything", stored) is False


def test_hash_password_cli_prints_a_line_that_verifies():
    done = subprocess.run(
        [sys.executable, "-m", "kbo_dashboard", "hash-password"],
        input="chair-secret-1\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    line = [x for x in done.stdout.splitlines() if x.startswith("KBO_CHAIR_PASSWORD_HASH")][0]
    stored = line.split("=", 1)[1].strip().strip('"')
    assert PW.verify_password("chair-secret-1", stored)
    assert "chair-secret-1" not in done.stdout


def test_chair_password_hash_prefers_the_environment():
    secrets = {"KBO_CHAIR_PASSWORD_HASH": "from-secrets"}
    assert PW.chair_password_hash(secrets, {}) == "from-secrets"
    assert PW.chair_password_hash(secrets, {"KBO_CHAIR_PASSWORD_HASH": "env"}) == "env"
    assert PW.chair_password_hash(None, {}) is None


# --- the decision ---
def test_confirming_the_nominee_keeps_scores_and_ranks_of_that_moment(small):
    comp, results = small
    d = D.make_decision(comp, results, "B1", now=AT)
    assert (d.product_id, d.product_name, d.confirmed_nominee) == ("B1", "Silk scarf", True)
    assert d.score == pytest.approx(230 / 3, abs=1e-4)
    assert (d.rank, d.n_judges, d.margin, d.method) == (1, 3, 0.0, "mean")
    assert d.provisional_nominee == "B1"
    assert d.decided_at == AT and d.decided_by == "chair"
    top = d.top_standings()
    assert [(s["id"], s["rank"], s["n"]) for s in top] == [("B1", 1, 3), ("A1", 2, 3), ("A2", 3, 3)]
    assert top[2]["score"] == pytest.approx(220 / 3, abs=1e-4)


def test_another_product_without_a_reason_is_refused_in_thai_and_english(small):
    comp, results = small
    with pytest.raises(D.DecisionRefused) as refused:
        D.make_decision(comp, results, "A2", reason="   ")
    assert "เหตุผล" in refused.value.message_th
    assert "reason" in refused.value.message_en
    assert isinstance(refused.value, ValueError)


def test_another_product_with_a_reason_is_recorded_as_not_confirming(small):
    comp, results = small
    d = D.make_decision(comp, results, "A2", reason="ตลาดพร้อมกว่า", now=AT)
    assert d.confirmed_nominee is False and d.reason == "ตลาดพร้อมกว่า"
    assert (d.rank, d.provisional_nominee) == (3, "B1")


def test_a_product_not_ranked_yet_is_kept_in_the_standings_json(small):
    comp, results = small
    d = D.make_decision(comp, results, "B2", reason="only one judge so far", now=AT)
    assert d.rank is None and d.n_judges == 1 and d.score == 50.0
    assert [s["id"] for s in d.top_standings()] == ["B1", "A1", "A2", "B2"]


def test_unknown_product_is_refused(small):
    comp, results = small
    with pytest.raises(D.DecisionRefused, match="Z9"):
        D.make_decision(comp, results, "Z9", reason="x")


def test_row_round_trip_and_final_is_the_latest(small):
    comp, results = small
    first = D.make_decision(comp, results, "B1", now=AT)
    second = D.make_decision(comp, results, "A1", "=tie broken by the committee", now=AT)
    rows = [D.HEADER, D.decision_row(first), D.decision_row(second), ["garbage"]]
    back = D.decisions_from_rows(rows)
    assert back == [first, second]
    assert D.final(back) == second and D.final([]) is None


# --- local store ---
def test_local_store_appends_in_order_and_refuses_edits(tmp_path, small):
    comp, results = small
    store = S.decision_store(type("Demo", (), {"kind": "demo"})(), tmp_path)
    assert isinstance(store, S.LocalDecisionStore)
    assert store.path == tmp_path / "decisions.sqlite3"
    assert store.history() == []
    first = D.make_decision(comp, results, "B1", now=AT)
    second = D.make_decision(comp, results, "A2", "เหตุผล", now=AT + dt.timedelta(minutes=5))
    store.append(first)
    store.append(second)
    store.append(first)  # a retry of the same decision is not a new one
    assert store.history() == [first, second]
    con = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("UPDATE decisions SET reason = 'changed'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("DELETE FROM decisions")
    con.close()


def test_local_store_write_failure_says_what_to_do(tmp_path, small):
    comp, results = small
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    store = S.LocalDecisionStore(blocker / "decisions.sqlite3")
    with pytest.raises(D.DecisionWriteError) as failed:
        store.append(D.make_decision(comp, results, "B1", now=AT))
    assert "KBO_DATA_DIR" in failed.value.message_en
    assert "ลองอีกครั้ง" in failed.value.message_th


def test_record_keeps_a_failed_decision_pending_until_retried(tmp_path, small):
    comp, results = small
    pending = P.pending_for(tmp_path)
    d = D.make_decision(comp, results, "A2", "คณะกรรมการเห็นชอบ", now=AT)
    blocker = tmp_path / "blocked"
    blocker.write_text("")
    with pytest.raises(D.DecisionWriteError):
        P.record(S.LocalDecisionStore(blocker / "x.sqlite3"), d, pending)
    assert pending.all() == [d]
    store = S.LocalDecisionStore(tmp_path / "decisions.sqlite3")
    assert P.retry_pending(store, pending) == 1
    assert pending.all() == [] and store.history() == [d]


def test_default_data_dir_follows_kbo_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("KBO_DATA_DIR", str(tmp_path / "kbo"))
    assert S.default_data_dir() == tmp_path / "kbo"


# --- the Decision tab of the sheet, through real gspread and the emulator ---
@pytest.fixture
def sheet_store(sheets_emulator, fast_retries):
    key = sheets_emulator.create_spreadsheet(SMALL_TABS)

    def open_book():
        client = make_gspread_client(AnonymousCredentials(), sheets_emulator.url, fast_retries)
        return client.open_by_key(key)

    source = type("Google", (), {"kind": "google"})()
    store = S.decision_store(source, spreadsheet_factory=open_book)
    assert isinstance(store, S.SheetDecisionStore)
    return sheets_emulator, key, store


def test_sheet_store_creates_the_tab_and_appends_without_overwriting(sheet_store, small):
    emu, key, store = sheet_store
    comp, results = small
    assert store.history() == []
    first = D.make_decision(comp, results, "B1", now=AT)
    second = D.make_decision(
        comp, results, "A1", '=HYPERLINK("x")', now=AT + dt.timedelta(minutes=3)
    )
    store.append(first)
    store.append(second)
    rows = emu.values(key, "Decision")
    assert rows[0] == D.HEADER
    assert [r[3] for r in rows[1:]] == ["B1", "A1"]
    assert rows[2][7] == '=HYPERLINK("x")'  # stored as text (RAW), never run as a formula
    assert json.loads(rows[1][13])[0] == {"id": "B1", "score": 76.6667, "rank": 1, "n": 3}
    assert store.history() == [first, second]
    assert D.final(store.history()).product_id == "A1"


def test_sheet_store_500_on_append_raises_and_loses_nothing(sheet_store, small, tmp_path):
    emu, key, store = sheet_store
    comp, results = small
    first = D.make_decision(comp, results, "B1", now=AT)
    store.append(first)  # the tab exists; the next request is the append
    pending = P.pending_for(tmp_path)
    second = D.make_decision(comp, results, "A2", "ตลาดพร้อมกว่า", now=AT)
    emu.inject(500, times=50)
    with pytest.raises(D.DecisionWriteError) as failed:
        P.record(store, second, pending)
    emu.clear_faults()
    assert "500" in failed.value.message_en and "Try again" in failed.value.message_en
    assert "500" in failed.value.message_th
    assert pending.all() == [second]
    assert [r[3] for r in emu.values(key, "Decision")[1:]] == ["B1"]
    assert P.retry_pending(store, pending) == 1
    assert pending.all() == []
    assert store.history() == [first, second]


def test_sheet_store_permission_denied_names_the_fix(sheet_store, small):
    emu, _, store = sheet_store
    comp, results = small
    emu.inject(403, times=1)
    with pytest.raises(D.DecisionWriteError) as failed:
        store.append(D.make_decision(comp, results, "B1", now=AT))
    assert "Editor" in failed.value.message_en


def test_attempt_gate_locks_after_repeated_wrong_passwords():
    from kbo_dashboard.meeting.password import AttemptGate

    now = [1000.0]
    gate = AttemptGate(limit=3, window_s=60, lock_s=30, clock=lambda: now[0])
    gate.failed()
    gate.failed()
    assert gate.wait_s() == 0  # 2 wrong of 3 allowed
    gate.succeeded()  # a right password clears the count
    gate.failed()
    gate.failed()
    now[0] += 61  # both are now outside the 60 s window
    gate.failed()
    gate.failed()
    assert gate.wait_s() == 0  # only 2 within the window
    gate.failed()  # the third within 60 s: locked for 30 s
    assert gate.wait_s() == 30
    now[0] += 10
    assert gate.wait_s() == 20
    now[0] += 20
    assert gate.wait_s() == 0
