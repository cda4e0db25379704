"""The chair's decisions are never lost when writes fail at the same time (issue 11).

Two processes, then two threads, each record decisions into a store whose every write fails,
all at once. Each decision must stay pending (one SQLite row each), and a later retry writes
every one exactly once. The old whole-file JSON lost 250 of 300 and 182 of 200 here. Also: a
local decision store made by the previous version (no open_points/signature columns) opens
and takes new decisions.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kbo_dashboard.meeting import decision as D
from kbo_dashboard.meeting import decision_store as S
from kbo_dashboard.meeting import pending as P
from kbo_dashboard.meeting.config import MeetingConfig

#: record() signs with the meeting's key; the failing store keeps nothing.
MEETING = MeetingConfig("demo", "", Path("unused"), b"storm-test-key")


@pytest.fixture(autouse=True)
def decision_key(monkeypatch):
    """record() signs with KBO_DECISION_KEY (inherited by the spawned processes)."""
    from kbo_dashboard.meeting import signing

    monkeypatch.setenv(signing.KEY_ENV, "storm-test-key")


class FailingStore:
    """A decision store that is down: every append fails, as a 503 storm would."""

    def append(self, decision):
        raise D.DecisionWriteError("down", "ล่ม")


def decision(n: int, who: str) -> D.Decision:
    return D.Decision(
        product_id=f"P{n % 20}",
        product_name="ผ้าไหม",
        confirmed_nominee=False,
        reason=f"{who} #{n}",
        method="mean",
        score=80.5,
        rank=1,
        n_judges=27,
        margin=1.25,
        provisional_nominee="P1",
        standings="[]",
        decided_at=datetime(2026, 11, 26, 3, 0, tzinfo=UTC),
        decision_id=f"{who}-{n:04d}",
    )


def storm(data_dir: str, who: str, count: int, start: threading.Barrier | None = None) -> None:
    """Record ``count`` decisions that all fail to write; each must stay pending."""
    if start is not None:
        start.wait()
    pending = P.pending_for(data_dir)
    for n in range(count):
        with pytest.raises(D.DecisionWriteError):
            P.record(FailingStore(), decision(n, who), pending, MEETING, None)


def _process(data_dir: str, who: str, count: int, start) -> None:
    start.wait()
    storm(data_dir, who, count)


def retried_exactly_once(data_dir, expected: set[str]) -> None:
    pending = P.pending_for(data_dir)
    assert {d.decision_id for d in pending.all()} == expected
    store = S.LocalDecisionStore(data_dir / "written.sqlite3")
    assert P.retry_pending(store, pending) == len(expected)
    assert pending.all() == []
    assert sorted(d.decision_id for d in store.history()) == sorted(expected)


def test_two_processes_failing_at_once_lose_no_pending_decision(tmp_path):
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    workers = [
        context.Process(target=_process, args=(str(tmp_path), who, 150, start))
        for who in ("windowA", "windowB")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=240)
        assert worker.exitcode == 0
    expected = {f"{who}-{n:04d}" for who in ("windowA", "windowB") for n in range(150)}
    retried_exactly_once(tmp_path, expected)  # 300 of 300


def test_two_threads_failing_at_once_lose_no_pending_decision(tmp_path):
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def run(who: str) -> None:
        try:
            storm(str(tmp_path), who, 100, start)
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(who,)) for who in ("t1", "t2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=240)
    assert errors == []
    expected = {f"{who}-{n:04d}" for who in ("t1", "t2") for n in range(100)}
    retried_exactly_once(tmp_path, expected)  # 200 of 200


def test_the_previous_versions_pending_json_is_imported_once(tmp_path):
    import json

    old = decision(1, "old")
    row = dict(zip(D.HEADER[:-2], map(str, D.decision_row(old)[:-2])))  # no new columns then
    (tmp_path / P.OLD_PENDING_NAME).write_text(json.dumps([row]), encoding="utf-8")
    pending = P.pending_for(tmp_path)
    assert [d.decision_id for d in pending.all()] == ["old-0001"]
    assert not (tmp_path / P.OLD_PENDING_NAME).exists()
    assert [d.decision_id for d in pending.all()] == ["old-0001"]  # not imported twice


def test_a_decision_store_from_the_previous_version_opens_and_takes_new_decisions(tmp_path):
    path = tmp_path / S.DB_NAME
    old_columns = [c for c in D.HEADER if c not in ("decision_id", "open_points", "signature")]
    con = sqlite3.connect(path)
    con.execute(
        "CREATE TABLE decisions (seq INTEGER PRIMARY KEY AUTOINCREMENT, decision_id TEXT UNIQUE, "
        + ", ".join(f"{c} TEXT" for c in old_columns)
        + ")"
    )
    first = decision(1, "v1")
    cells = dict(zip(D.HEADER, map(str, D.decision_row(first))))
    names = ["decision_id", *old_columns]
    con.execute(
        f"INSERT INTO decisions ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
        [cells[c] for c in names],
    )
    con.commit()
    con.close()
    store = S.LocalDecisionStore(path)
    second = decision(2, "v2")
    store.append(second)
    history = store.history()
    assert [d.decision_id for d in history] == ["v1-0001", "v2-0002"]
    assert history[0].open_points == "" and history[0].signature == ""
