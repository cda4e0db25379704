"""A decision is written once (issue 18 §7), through real gspread and the emulator.

An append is not safe to repeat: when the write lands but its answer is lost (a 503 after the
row is in), retrying the append adds a copy. The store reads the tab before each attempt and
appends only when the decision's ID is not there; the pending store forgets a decision the
sheet already holds. Each test counts the rows in the emulator's ``Decision`` tab.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from google.auth.credentials import AnonymousCredentials

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.meeting import decision as D
from kbo_dashboard.meeting import decision_store as S
from kbo_dashboard.meeting import pending as P
from kbo_dashboard.meeting import signing
from kbo_dashboard.meeting.config import MeetingConfig
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.google_http import make_gspread_client
from kbo_dashboard.sources.source import RawWorkbook
from tests.workbooks import SMALL_TABS

KEY = b"write-once-test-key"
AT = dt.datetime(2026, 11, 26, 3, 0, tzinfo=dt.UTC)


@pytest.fixture
def small():
    comp = parse(RawWorkbook({k: [list(r) for r in v] for k, v in SMALL_TABS.items()}))
    return comp, score_competition(comp, "mean")


#: The meeting these tests record in: record() signs with its key.
MEETING = MeetingConfig("google", "", Path("unused"), KEY)
HERE = MEETING.binding(None)  # what its signatures bind to (no sheet, no Settings)


@pytest.fixture
def signing_key():
    return KEY


@pytest.fixture
def sheet_store(sheets_emulator, fast_retries):
    key = sheets_emulator.create_spreadsheet(SMALL_TABS)

    def open_book():
        client = make_gspread_client(AnonymousCredentials(), sheets_emulator.url, fast_retries)
        return client.open_by_key(key)

    store = S.decision_store(
        type("Google", (), {"kind": "google"})(), spreadsheet_factory=open_book
    )
    return sheets_emulator, key, store


def ids(emu, key) -> list[str]:
    """The decision IDs in the tab's rows, below the header."""
    rows = emu.values(key, "Decision")
    assert rows[0] == D.HEADER
    return [r[0] for r in rows[1:]]


def test_a_write_that_lands_but_answers_503_leaves_exactly_one_row(
    sheet_store, small, signing_key, tmp_path
):
    emu, key, store = sheet_store
    comp, results = small
    first = D.make_decision(comp, results, "B1", now=AT)
    P.record(store, first, None, MEETING, None)  # the tab exists now
    second = D.make_decision(comp, results, "A2", "เหตุผล", now=AT, decided_by="ประธาน")
    pending = P.pending_for(tmp_path)
    emu.inject("lost", times=1, method="POST")  # the append lands, its answer is a 503
    P.record(store, second, pending, MEETING, None)  # the retry finds the row: no error, no copy
    assert ids(emu, key) == [first.decision_id, second.decision_id]
    assert pending.all() == []


def test_when_every_write_answer_is_lost_the_row_is_still_written_once(
    sheet_store, small, signing_key, tmp_path
):
    emu, key, store = sheet_store
    comp, results = small
    P.record(store, D.make_decision(comp, results, "B1", now=AT), None, MEETING, None)
    emu.inject("lost", times=50, method="POST")  # every append lands and every answer fails
    second = D.make_decision(comp, results, "A2", "เหตุผล", now=AT)
    P.record(store, second, P.pending_for(tmp_path), MEETING, None)
    emu.clear_faults()
    # Before the fix the retry policy appended it again and again (7 copies in the issue).
    assert ids(emu, key).count(second.decision_id) == 1


def test_every_answer_fails_then_recovery_writes_one_row(sheet_store, small, signing_key, tmp_path):
    emu, key, store = sheet_store
    comp, results = small
    P.record(store, D.make_decision(comp, results, "B1", now=AT), None, MEETING, None)
    second = D.make_decision(comp, results, "A2", "เหตุผล", now=AT)
    pending = P.pending_for(tmp_path)
    # Tab lookup and the read pass, the append lands but its answer is lost, then every
    # request fails until the retry budget runs out.
    emu.inject("pass", times=2)
    emu.inject("lost", times=1)
    emu.inject(503, times=200)
    with pytest.raises(D.DecisionWriteError):
        P.record(store, second, pending, MEETING, None)
    emu.clear_faults()
    assert ids(emu, key).count(second.decision_id) == 1  # it had landed
    signed = signing.sign(second, KEY, HERE)
    assert pending.all() == [signed]  # kept: the app could not know it landed
    assert P.retry_pending(store, pending) == 1  # the chair's retry: nothing appended
    assert ids(emu, key).count(second.decision_id) == 1
    assert pending.all() == []


def test_a_chair_retry_after_a_write_that_succeeded_adds_no_row(
    sheet_store, small, signing_key, tmp_path
):
    emu, key, store = sheet_store
    comp, results = small
    decision = signing.sign(D.make_decision(comp, results, "B1", now=AT), KEY, HERE)
    store.append(decision)
    pending = P.pending_for(tmp_path)
    pending.add(decision)  # the server was stopped before it cleared the pending copy
    P.retry_pending(store, pending)
    assert ids(emu, key) == [decision.decision_id]
    assert pending.all() == []


def test_the_pending_store_forgets_a_decision_the_sheet_holds(tmp_path, small, signing_key):
    comp, results = small
    held = signing.sign(D.make_decision(comp, results, "B1", now=AT), KEY, HERE)
    waiting = signing.sign(D.make_decision(comp, results, "A1", "x", now=AT), KEY, HERE)
    pending = P.pending_for(tmp_path)
    pending.add(held)
    pending.add(waiting)
    typed = D.Decision(**{**D.as_dict(waiting), "decided_at": AT, "reason": "y", "signature": ""})
    # The sheet holds `held`, and a row typed under `waiting`'s ID: not the app's write.
    assert P.forget_held(pending, [held, typed]) == [waiting]
    assert pending.all() == [waiting]


def test_a_retried_tab_creation_writes_the_header_once(sheet_store, small, signing_key):
    emu, key, store = sheet_store
    comp, results = small
    # Every first write's answer is lost: the new tab's (so its retry is told the tab exists),
    # the header's and the decision's.
    emu.inject("lost", times=2, method="POST")
    emu.inject("lost", times=1, method="PUT")
    decision = D.make_decision(comp, results, "B1", now=AT)
    P.record(store, decision, None, MEETING, None)
    assert [r[0] for r in emu.values(key, "Decision")] == ["decision_id", decision.decision_id]
    assert [d.decision_id for d in store.history()] == [decision.decision_id]


def test_the_chair_is_not_told_a_decision_the_store_holds_is_still_waiting(
    app_env, chair_password, monkeypatch
):
    """A server stopped between the write and clearing the pending copy: the chair saw "not
    yet recorded" beside the final decision, and a retry added a copy. Now the pending copy is
    forgotten as soon as the store holds it."""
    from kbo_dashboard.sources.demo import demo_tabs
    from tests.test_chair_form import unlock
    from tests.test_pages import no_exception, open_page

    monkeypatch.setenv(signing.KEY_ENV, KEY.decode())
    comp = parse(RawWorkbook(demo_tabs()))
    results = score_competition(comp, "mean")
    binding = signing.binding_for("demo", comp.settings)
    decision = signing.sign(D.make_decision(comp, results, "P-15", now=AT), KEY, binding)
    app_env.data_dir.mkdir(parents=True, exist_ok=True)
    S.LocalDecisionStore(app_env.data_dir / S.DB_NAME).append(decision)
    pending = P.pending_for(app_env.data_dir)
    pending.add(decision)

    at = unlock(open_page("pages/nomination.py", "en"), chair_password)
    no_exception(at)
    assert [s.value for s in at.success if "Committee decision (final)" in s.value]
    assert not [w.value for w in at.warning if "not yet recorded" in w.value.lower()]
    assert "chair_retry" not in {b.key for b in at.button}
    assert pending.all() == []
