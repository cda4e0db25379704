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
from dataclasses import replace
from pathlib import Path

import pytest
from google.auth.credentials import AnonymousCredentials

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.meeting import decision as D
from kbo_dashboard.meeting import decision_store as S
from kbo_dashboard.meeting import password as PW
from kbo_dashboard.meeting import pending as P
from kbo_dashboard.meeting import signing
from kbo_dashboard.meeting.config import MeetingConfig
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
    key, here = b"k" * 32, signing.Binding()
    signed = [signing.sign(d, key, here) for d in (first, second)]
    back = D.decisions_from_rows([D.HEADER, *map(D.decision_row, signed)])
    assert D.final(back) is None  # read back, not yet checked: nothing is final
    assert D.final(signing.verify(back, key, here)) == signed[1] and D.final([]) is None
    assert D.final(signing.verify([first, second], key, here)) is None  # unsigned: never final


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


KEY = b"test-key-" * 4
HERE = signing.Binding()  # the binding for no sheet and no Settings: MEETING's with settings None
#: The meeting these tests record in (record() signs with its key).
MEETING = MeetingConfig("google", "", Path("unused"), KEY)


@pytest.fixture
def signing_key():
    return KEY


def test_record_keeps_a_failed_decision_pending_until_retried(tmp_path, small, signing_key):
    comp, results = small
    pending = P.pending_for(tmp_path)
    d = D.make_decision(comp, results, "A2", "คณะกรรมการเห็นชอบ", now=AT)
    blocker = tmp_path / "blocked"
    blocker.write_text("")
    with pytest.raises(D.DecisionWriteError):
        P.record(S.LocalDecisionStore(blocker / "x.sqlite3"), d, pending, MEETING, None)
    d = signing.sign(d, KEY, HERE)  # record() signs what it keeps
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


def test_sheet_store_creates_the_tab_and_appends_without_overwriting(
    sheet_store, small, signing_key
):
    emu, key, store = sheet_store
    comp, results = small
    assert store.history() == []
    first = signing.sign(D.make_decision(comp, results, "B1", now=AT), KEY, HERE)
    second = D.make_decision(
        comp, results, "A1", '=HYPERLINK("x")', now=AT + dt.timedelta(minutes=3)
    )
    second = signing.sign(second, KEY, HERE)
    store.append(first)
    store.append(second)
    rows = emu.values(key, "Decision")
    assert rows[0] == D.HEADER
    assert [r[3] for r in rows[1:]] == ["B1", "A1"]
    assert rows[2][7] == '=HYPERLINK("x")'  # stored as text (RAW), never run as a formula
    assert json.loads(rows[1][13])[0] == {"id": "B1", "score": 76.6667, "rank": 1, "n": 3}
    assert store.history() == [first, second]
    assert D.final(signing.verify(store.history(), KEY, HERE)).product_id == "A1"


def test_sheet_store_500_on_append_raises_and_loses_nothing(
    sheet_store, small, tmp_path, signing_key
):
    emu, key, store = sheet_store
    comp, results = small
    first = D.make_decision(comp, results, "B1", now=AT)
    store.append(first)  # the tab exists; the next request is the append
    pending = P.pending_for(tmp_path)
    second = D.make_decision(comp, results, "A2", "ตลาดพร้อมกว่า", now=AT)
    emu.inject(500, times=50)
    with pytest.raises(D.DecisionWriteError) as failed:
        P.record(store, second, pending, MEETING, None)
    emu.clear_faults()
    assert "500" in failed.value.message_en and "Try again" in failed.value.message_en
    assert "500" in failed.value.message_th
    second = signing.sign(second, KEY, HERE)
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


# --- never forged: only decisions signed by the app are final (issue 11) ---
def test_a_hand_typed_or_tampered_decision_row_is_never_final(sheet_store, small, signing_key):
    emu, key, store = sheet_store
    comp, results = small
    recorded = D.make_decision(comp, results, "B1", now=AT)
    P.record(store, recorded, None, MEETING, None)  # signed by the app
    sheet = store._worksheet(create=False)
    later = AT + dt.timedelta(minutes=5)
    typed = D.make_decision(comp, results, "A2", "[official](http://x.test)", now=later)
    sheet.append_row(D.decision_row(typed), value_input_option="RAW")  # no signature
    tampered = D.make_decision(comp, results, "B1", now=later)
    tampered = D.decision_row(signing.sign(tampered, KEY, HERE))
    tampered[3], tampered[4] = "A1", "Rice crackers"  # the product changed after signing
    sheet.append_row(tampered, value_input_option="RAW")
    forged = D.decision_row(typed)
    forged[0], forged[D.HEADER.index("signature")] = (
        "f" * 32,
        "0" * 64,
    )  # a new id and a made-up signature
    sheet.append_row(forged, value_input_option="RAW")

    history = MEETING.verify(store.history(), None)
    assert len(history) == 4
    assert D.final(history).decision_id == recorded.decision_id  # the app's, not the later rows
    assert [d.product_id for d in D.not_recorded_by_app(history)] == ["A2", "A1", "A2"]
    elsewhere = replace(MEETING, key=b"another key")  # a key that did not sign it
    assert D.final(elsewhere.verify(history, None)) is None  # nothing is final


def test_without_a_key_a_google_decision_is_refused_and_nothing_kept(sheet_store, small, tmp_path):
    emu, key, store = sheet_store
    comp, results = small
    assert signing.key_for("google", {}, {}) is None
    keyless = replace(MEETING, key=None)
    pending = P.pending_for(tmp_path)
    with pytest.raises(D.DecisionWriteError) as refused:
        P.record(store, D.make_decision(comp, results, "B1", now=AT), pending, keyless, None)
    assert "KBO_DECISION_KEY" in refused.value.message_en
    assert pending.all() == [] and store.history() == []


def test_the_local_store_gets_its_own_key_once(tmp_path):
    first = signing.key_for("workbook", {}, {}, tmp_path)
    assert first and signing.key_for("demo", {}, {}, tmp_path) == first
    assert (tmp_path / signing.KEY_FILE).stat().st_mode & 0o077 == 0  # owner only
    configured = {"KBO_DECISION_KEY": " from-secrets "}
    assert signing.key_for("google", configured, {}) == b"from-secrets"
    assert signing.key_for("google", configured, {"KBO_DECISION_KEY": "env"}) == b"env"


def test_decision_key_command_prints_a_fresh_key(capsys):
    from kbo_dashboard.__main__ import main

    assert main(["decision-key"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith('KBO_DECISION_KEY = "') and len(line) > 50
    assert main(["decision-key"]) == 0
    assert capsys.readouterr().out.strip() != line


# --- Thai passwords: NFKC (issue 11) ---
@pytest.mark.parametrize(
    ("typed_when_set", "typed_now"),
    [("น้ำ\u0e33", "น้ำ\u0e4d\u0e32"), ("น้ำ\u0e4d\u0e32", "น้ำ\u0e33"), ("กำนัน", "ก\u0e4d\u0e32นัน")],
)
def test_sara_am_as_one_character_or_two_is_the_same_password(typed_when_set, typed_now):
    stored = PW.hash_password(typed_when_set, n=2**4)
    assert PW.verify_password(typed_now, stored)
    assert PW.verify_password(typed_when_set, stored)
    assert not PW.verify_password(typed_now + "x", stored)


def test_a_hash_made_before_normalisation_still_matches():
    import base64
    import hashlib

    salt = b"s" * 16
    old = hashlib.scrypt("กำ".encode(), salt=salt, n=16, r=8, p=1, dklen=32)  # U+0E33, raw
    stored = f"scrypt$16$8$1${base64.b64encode(salt).decode()}${base64.b64encode(old).decode()}"
    assert PW.verify_password("กำ", stored)
