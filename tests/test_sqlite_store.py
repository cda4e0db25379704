"""The data folder and its SQLite files: one lookup, one way to open (issue 21).

Every store keeps its file in the same folder, ``$KBO_DATA_DIR`` when set; a connection opened
by :func:`connected` is closed when its block ends, even when the block raises.
"""

from __future__ import annotations

import sqlite3

import pytest

from kbo_dashboard.meeting.audit import default_audit_path
from kbo_dashboard.meeting.decision_store import decision_store
from kbo_dashboard.meeting.pending import pending_for
from kbo_dashboard.meeting.reveal import switch_path
from kbo_dashboard.meeting.sqlite_store import connected, default_data_dir


def test_every_store_keeps_its_file_in_the_one_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("KBO_DATA_DIR", str(tmp_path / "kbo"))
    folder = tmp_path / "kbo"
    assert default_data_dir() == folder
    assert default_audit_path() == folder / "audit.sqlite3"
    assert pending_for().path == folder / "pending_decisions.sqlite3"
    assert switch_path() == folder / "reveal_switch.sqlite3"
    assert decision_store(None).path == folder / "decisions.sqlite3"  # demo: a local store
    assert pending_for(tmp_path / "other").path == tmp_path / "other" / "pending_decisions.sqlite3"


def test_a_blank_setting_means_the_per_user_folder(monkeypatch):
    monkeypatch.setenv("KBO_DATA_DIR", "   ")
    assert "kbo-dashboard" in default_data_dir().parts


def test_connected_makes_the_folder_runs_the_schema_and_closes(tmp_path):
    path = tmp_path / "new" / "x.sqlite3"
    with connected(path, timeout=1, schema="CREATE TABLE t (v)") as con, con:
        con.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(sqlite3.ProgrammingError):  # closed on leaving the block
        con.execute("SELECT 1")
    with pytest.raises(LookupError), connected(path, timeout=1) as con:
        assert con.execute("SELECT v FROM t").fetchall() == [(1,)]
        raise LookupError("the block fails")
    with pytest.raises(sqlite3.ProgrammingError):  # closed although the block raised
        con.execute("SELECT 1")


def test_wal_and_autocommit_as_the_audit_trail_opens_it(tmp_path):
    path = tmp_path / "a.sqlite3"
    with connected(path, timeout=1, wal=True, autocommit=True, make_folder=False) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.isolation_level is None
    with connected(path, timeout=1) as con:
        assert con.isolation_level == ""  # Python's default: implicit transactions
