"""Audit store: write, restart, read; concurrent refresh; corrupt, locked and unusable files."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
import pytest

from kbo_dashboard.meeting.audit import AuditStore, AuditUnavailable, default_audit_path

T1 = datetime(2022, 8, 1, 9, 0, tzinfo=UTC)
T2 = T1 + timedelta(minutes=5)
T3 = T1 + timedelta(minutes=10)


def cells(values: dict[tuple[str, str, str], object]) -> pd.DataFrame:
    rows = [(j, p, c, v) for (j, p, c), v in values.items()]
    return pd.DataFrame(rows, columns=["judge_id", "product_id", "criterion_id", "value"])


FIRST = {
    ("J1", "P1", "innovation"): 20.0,
    ("J1", "P1", "identity"): 15.0,
    ("J1", "P2", "innovation"): None,  # blank: not scored yet
    ("J2", "P1", "innovation"): "๑๘",  # Thai digits kept as typed
}


def test_write_restart_read(tmp_path: Path):
    path = tmp_path / "audit.sqlite3"
    assert AuditStore(path).record(cells(FIRST), T1) == 3  # the blank is not a change
    store = AuditStore(path)  # a restart: a new store on the same file
    assert store.first_seen() == T1
    log = store.changes()
    assert log["old_value"].isna().all()
    assert log[["judge_id", "product_id", "criterion_id"]].values.tolist() == [
        ["J1", "P1", "identity"],
        ["J1", "P1", "innovation"],
        ["J2", "P1", "innovation"],
    ]
    assert log["new_value"].tolist() == [15.0, 20.0, "๑๘"]
    assert (log["at"] == pd.Timestamp(T1)).all()


def test_only_changed_cells_are_stored_and_nothing_is_lost(tmp_path: Path):
    store = AuditStore(tmp_path / "audit.sqlite3")
    store.record(cells(FIRST), T1)
    assert store.record(cells(FIRST), T2) == 0  # the same snapshot again: nothing stored
    second = dict(FIRST)
    second[("J1", "P1", "innovation")] = 22  # an int equal in meaning to a float is compared
    second[("J1", "P1", "identity")] = None  # blanked
    second[("J1", "P2", "innovation")] = 18.5  # newly scored
    del second[("J2", "P1", "innovation")]  # row gone from the sheet: counts as blanked
    assert store.record(cells(second), T3) == 4
    later = store.changes(since=T2)
    shown = later[["criterion_id", "old_value", "new_value"]].astype(object)
    assert shown.where(shown.notna(), None).values.tolist() == [
        ["identity", 15.0, None],
        ["innovation", 20.0, 22.0],
        ["innovation", None, 18.5],
        ["innovation", "๑๘", None],
    ]
    assert len(store.changes(until=T2)) == 3
    assert len(store.changes(since=T1, until=T3)) == 3  # until is exclusive
    assert store.snapshots()["n_changes"].tolist() == [3, 4]
    assert store.latest_state().values.tolist() == [
        ["J1", "P1", "innovation", 22.0],
        ["J1", "P2", "innovation", 18.5],
    ]


def test_naive_and_other_zone_times_are_stored_in_utc(tmp_path: Path):
    store = AuditStore(tmp_path / "audit.sqlite3")
    bangkok = timezone(timedelta(hours=7))
    store.record(cells({("J1", "P1", "c"): 1.0}), datetime(2022, 8, 1, 16, 0, tzinfo=bangkok))
    store.record(cells({("J1", "P1", "c"): 2.0}), datetime(2022, 8, 1, 9, 30))  # naive = UTC
    assert store.changes()["at"].tolist() == [
        pd.Timestamp(T1),
        pd.Timestamp(T1 + timedelta(minutes=30)),
    ]


def test_concurrent_refreshes_of_the_same_snapshot_store_each_change_once(tmp_path: Path):
    path = tmp_path / "audit.sqlite3"
    AuditStore(path)
    snapshot = cells({("J1", f"P{p}", f"c{c}"): float(p + c) for p in range(20) for c in range(5)})
    results: list[int] = []
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def refresh():
        try:
            store = AuditStore(path, timeout=10)
            start.wait()
            results.append(store.record(snapshot, T1))
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=refresh) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    assert sorted(results) == [0, 0, 0, 0, 0, 100]  # one refresh stored all 100 cells
    assert len(AuditStore(path).changes()) == 100


def test_corrupt_file_raises_audit_unavailable(tmp_path: Path):
    path = tmp_path / "audit.sqlite3"
    path.write_bytes(b"this is not a database, just text typed by someone" * 100)
    with pytest.raises(AuditUnavailable) as caught:
        AuditStore(path)
    assert caught.value.kind == "corrupt"
    assert "damaged" in caught.value.message_en
    assert "เสียหาย" in caught.value.message("th")


def test_file_damaged_after_opening_raises_on_use(tmp_path: Path):
    path = tmp_path / "audit.sqlite3"
    store = AuditStore(path)
    store.record(cells(FIRST), T1)
    for extra in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        extra.unlink(missing_ok=True)
    path.write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(AuditUnavailable):
        store.changes()
    with pytest.raises(AuditUnavailable):
        store.record(cells(FIRST), T2)


def test_locked_database_raises_audit_unavailable_but_reads_still_work(tmp_path: Path):
    path = tmp_path / "audit.sqlite3"
    AuditStore(path).record(cells(FIRST), T1)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        store = AuditStore(path, timeout=0.1)  # opening only reads: it does not wait
        with pytest.raises(AuditUnavailable) as caught:
            store.record(cells({("J9", "P9", "c"): 1.0}), T2)
        assert caught.value.kind == "locked"
        assert len(store.changes()) == 3  # WAL: readers are not blocked by a writer
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.record(cells({("J9", "P9", "c"): 1.0}), T2) == 4  # 1 new + 3 blanked


def test_unusable_place_raises_audit_unavailable(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(AuditUnavailable) as caught:
        AuditStore(blocker / "audit.sqlite3")  # parent is a file, not a folder
    assert caught.value.kind == "unavailable"


def test_retention_cap_keeps_the_newest_changes(tmp_path: Path):
    store = AuditStore(tmp_path / "audit.sqlite3", max_changes=5)
    store.record(cells({("J1", "P1", f"c{i}"): 1.0 for i in range(4)}), T1)
    store.record(cells({("J1", "P1", f"c{i}"): 2.0 for i in range(4)}), T2)
    log = store.changes()
    # 8 changes stored, the oldest 3 deleted: one from T1, then all four from T2
    assert len(log) == 5
    assert log["new_value"].tolist() == [1.0, 2.0, 2.0, 2.0, 2.0]


def test_bad_cells_table_is_a_programming_error(tmp_path: Path):
    store = AuditStore(tmp_path / "audit.sqlite3")
    with pytest.raises(ValueError, match="lacks columns"):
        store.record(pd.DataFrame({"judge_id": ["J1"]}), T1)
    doubled = pd.concat([cells(FIRST), cells(FIRST)])
    with pytest.raises(ValueError, match="repeats"):
        store.record(doubled, T1)


def test_empty_store_and_default_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KBO_DATA_DIR", str(tmp_path / "data"))
    assert default_audit_path() == tmp_path / "data" / "audit.sqlite3"
    store = AuditStore()
    assert store.path == tmp_path / "data" / "audit.sqlite3"
    assert store.first_seen() is None and store.changes().empty
    monkeypatch.delenv("KBO_DATA_DIR")
    assert default_audit_path().name == "audit.sqlite3"
    assert "kbo-dashboard" in default_audit_path().parts
