"""Audit trail of scores: every changed score cell, when it changed, in a local SQLite file.

Each refresh passes the full set of score cells to :meth:`AuditStore.record`
(:func:`score_cells`: a counted cell as its number, a rejected cell as the text it holds, so a
correction of 30 or "ดีมาก" keeps the old text). In one write transaction (``BEGIN IMMEDIATE``)
the store compares them with the latest state it holds and appends a row per changed cell:
judge, product, criterion, old value, new value, time. The first snapshot stores every non-blank
cell as new (old value NULL). A blank or missing cell is NULL, so replaying the changes in order
rebuilds every recorded snapshot exactly: nothing is lost. Refreshes that change nothing store
nothing. Two processes or threads recording the same snapshot serialise on the write lock; the
second finds nothing changed and stores nothing.

Where: ``AuditStore(path)``; :func:`default_audit_path` gives ``$KBO_DATA_DIR/audit.sqlite3``
or the per-user data directory (platformdirs: %LOCALAPPDATA%\\kbo-dashboard on Windows,
~/.local/share/kbo-dashboard on Linux).

Size: a change row with its time index is about 115 bytes. A whole meeting (27 judges x
20 products x 5 criteria = 2,700 cells, filled in over 10 refreshes and then corrected three
times each = 10,800 change rows) measures 1.25 MB on disk, latest state included
(bench/bench_analysis.py, docs/performance.md). As a safety cap only the newest
``max_changes`` (default 100,000, about 12 MB) change rows are kept; older ones are deleted.

A file that is not a database, is corrupt, cannot be opened or stays locked longer than
``timeout`` seconds raises :class:`AuditUnavailable` (Thai and English message): pages show it
as a warning and carry on. Schema version 1 is tracked in ``PRAGMA user_version``; a later
"decisions" table (the committee's recorded decisions) is to be added by a version-2 migration
in :data:`MIGRATIONS` without touching these tables. Keeping rejected cells' text needed no new
column (values are untyped), so a data folder made by an earlier version opens as it is: its
next refresh adds each rejected cell once, as a first entry, and logs nothing else.
"""

from __future__ import annotations

import math
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from kbo_dashboard.i18n import pick
from kbo_dashboard.meeting.sqlite_store import connected, data_file

FILE_NAME = "audit.sqlite3"
MAX_CHANGES = 100_000
KEY = ("judge_id", "product_id", "criterion_id")
CHANGE_COLUMNS = ["at", "judge_id", "product_id", "criterion_id", "old_value", "new_value"]

# Statements per schema version; MIGRATIONS[i] upgrades user_version i to i + 1. Value columns
# have no declared type, so SQLite keeps numbers as numbers and text (e.g. "๘") as text.
MIGRATIONS: list[tuple[str, ...]] = [
    (
        """CREATE TABLE IF NOT EXISTS cell_state (
            judge_id TEXT NOT NULL, product_id TEXT NOT NULL, criterion_id TEXT NOT NULL,
            value NOT NULL, PRIMARY KEY (judge_id, product_id, criterion_id)
        ) WITHOUT ROWID""",
        """CREATE TABLE IF NOT EXISTS snapshots (
            id INTEGER PRIMARY KEY, at TEXT NOT NULL, n_changes INTEGER NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS changes (
            id INTEGER PRIMARY KEY, snapshot_id INTEGER NOT NULL, at TEXT NOT NULL,
            judge_id TEXT NOT NULL, product_id TEXT NOT NULL, criterion_id TEXT NOT NULL,
            old_value, new_value
        )""",
        "CREATE INDEX IF NOT EXISTS changes_at ON changes (at)",
    ),
    # version 2 (the lead, later): ("CREATE TABLE IF NOT EXISTS decisions (...)",)
]


class AuditUnavailable(Exception):
    """The audit store cannot be used right now; ``message_th``/``message_en`` are for users."""

    def __init__(self, kind: str, detail: str = ""):
        from kbo_dashboard.i18n import t

        self.kind = kind  # "corrupt", "locked" or "unavailable"
        self.detail = detail
        self.message_th = t(f"analysis.audit.{kind}", "th")
        self.message_en = t(f"analysis.audit.{kind}", "en")
        super().__init__(self.message_en)

    def message(self, lang: str = "th") -> str:
        return pick(self.message_th, self.message_en, lang)


def default_audit_path() -> Path:
    """``$KBO_DATA_DIR/audit.sqlite3`` if set, else the per-user data directory."""
    return data_file(FILE_NAME)


def _stamp(at: datetime) -> str:
    """Fixed-width UTC text that sorts in time order; a naive datetime is taken as UTC."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _cell_value(value: object) -> object:
    """Blank (None, NaN, "", whitespace) -> None; numbers -> float; other text kept as text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return None if math.isnan(value) else float(value)
    if hasattr(value, "item"):  # numpy scalar
        return _cell_value(value.item())
    text = str(value)
    return text if text.strip() else None


def score_cells(comp) -> pd.DataFrame:
    """Every non-blank score cell of ``comp`` for :meth:`AuditStore.record`: a counted cell as
    its number, a rejected one as the text it holds ("30" over the maximum, "ดีมาก"), so a
    correction reads 30 → 20, not "-" → 20. Columns: judge_id, product_id, criterion_id, value.
    """
    columns = [*KEY, "value"]
    valid = comp.scores.rename(columns={"score": "value"})[columns].astype({"value": object})
    rejected = getattr(comp, "rejected", None)
    parts = [valid]
    if rejected is not None and not rejected.empty:
        parts.append(rejected.rename(columns={"raw": "value"})[columns].astype({"value": str}))
    cells = pd.concat(parts, ignore_index=True) if len(parts) > 1 else valid
    return cells.drop_duplicates(list(KEY))


def _classify(error: BaseException) -> str:
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return "locked"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return "corrupt"
    return "unavailable"


class AuditStore:
    """The audit trail in one SQLite file. Each call opens its own short connection."""

    def __init__(
        self,
        path: str | os.PathLike | None = None,
        *,
        timeout: float = 2.0,
        max_changes: int = MAX_CHANGES,
    ):
        self.path = Path(path) if path is not None else default_audit_path()
        self.timeout = timeout
        self.max_changes = max_changes
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise AuditUnavailable("unavailable", str(error)) from error
        with self._connect() as db:  # a read: opening never waits for another writer
            version = db.execute("PRAGMA user_version").fetchone()[0]
        if version >= len(MIGRATIONS):
            return
        with self._connect(write=True) as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]  # may have moved on
            for number in range(version, len(MIGRATIONS)):
                for statement in MIGRATIONS[number]:  # idempotent (IF NOT EXISTS)
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")

    @contextmanager
    def _connect(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        """A connection in one transaction (IMMEDIATE when writing); errors -> AuditUnavailable."""
        try:
            with connected(
                self.path, timeout=self.timeout, make_folder=False, wal=True, autocommit=True
            ) as db:
                try:
                    db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                    yield db
                    db.execute("COMMIT")
                except sqlite3.Error:
                    if db.in_transaction:
                        with suppress(sqlite3.Error):
                            db.execute("ROLLBACK")
                    raise
        except sqlite3.Error as error:
            raise AuditUnavailable(_classify(error), str(error)) from error

    def record(self, cells: pd.DataFrame, at: datetime) -> int:
        """Store what changed since the latest state; return the number of changed cells.

        ``cells`` has judge_id, product_id, criterion_id, value: every score cell of this refresh
        (blank = None/NaN/""; a cell missing here that the store holds counts as blanked).
        Raises ``ValueError`` for a missing column or a repeated cell key (caller's bug).
        """
        missing = [c for c in (*KEY, "value") if c not in cells.columns]
        if missing:
            raise ValueError(f"cells table lacks columns {missing}")
        keys = list(zip(*(cells[c].astype(str).tolist() for c in KEY)))
        if len(set(keys)) != len(keys):
            raise ValueError("cells table repeats a (judge_id, product_id, criterion_id) key")
        new = {
            k: v for k, v in zip(keys, map(_cell_value, cells["value"].tolist())) if v is not None
        }
        stamp = _stamp(at)
        with self._connect(write=True) as db:
            old = {(j, p, c): v for j, p, c, v in db.execute("SELECT * FROM cell_state")}
            changed = [(k, old.get(k), v) for k, v in new.items() if old.get(k) != v]
            changed += [(k, v, None) for k, v in old.items() if k not in new]
            if not changed:
                return 0
            changed.sort(key=lambda change: change[0])
            snapshot = db.execute(
                "INSERT INTO snapshots (at, n_changes) VALUES (?, ?)", (stamp, len(changed))
            ).lastrowid
            db.executemany(
                "INSERT INTO changes (snapshot_id, at, judge_id, product_id, criterion_id,"
                " old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(snapshot, stamp, *k, o, n) for k, o, n in changed],
            )
            db.executemany(
                "INSERT OR REPLACE INTO cell_state VALUES (?, ?, ?, ?)",
                [(*k, n) for k, _, n in changed if n is not None],
            )
            db.executemany(
                "DELETE FROM cell_state WHERE judge_id = ? AND product_id = ? AND criterion_id = ?",
                [k for k, _, n in changed if n is None],
            )
            db.execute(
                "DELETE FROM changes WHERE id <= (SELECT MAX(id) FROM changes) - ?",
                (self.max_changes,),
            )
            return len(changed)

    def changes(
        self,
        since: datetime | None = None,
        until: datetime | None = None,
        *,
        edits_only: bool = False,
    ) -> pd.DataFrame:
        """Changes with ``since <= at < until`` (either bound optional), oldest first.

        Columns: at (UTC datetime), judge_id, product_id, criterion_id, old_value, new_value.
        A blank value is missing (NaN or None, as pandas infers the column's dtype).
        ``edits_only``: leave out each cell's first entry (its first row in the trail, from
        blank): what is left are edits after the first entry, blanking and re-entry included.
        """
        table = "changes"
        if edits_only:
            table = (
                "(SELECT *, MIN(id) OVER (PARTITION BY judge_id, product_id, criterion_id)"
                " AS first_id FROM changes)"
            )
        sql = f"SELECT at, judge_id, product_id, criterion_id, old_value, new_value FROM {table}"
        where, params = [], []
        if edits_only:
            where.append("(id > first_id OR old_value IS NOT NULL)")
        if since is not None:
            where.append("at >= ?")
            params.append(_stamp(since))
        if until is not None:
            where.append("at < ?")
            params.append(_stamp(until))
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._connect() as db:
            rows = db.execute(sql + " ORDER BY id", params).fetchall()
        frame = pd.DataFrame(rows, columns=CHANGE_COLUMNS)
        frame["at"] = pd.to_datetime(frame["at"], utc=True, format="ISO8601")
        for column in KEY:
            frame[column] = frame[column].astype("str")
        return frame

    def first_seen(self) -> datetime | None:
        """When the oldest stored snapshot was recorded (UTC), or None for an empty store."""
        with self._connect() as db:
            row = db.execute("SELECT MIN(at) FROM snapshots").fetchone()
        return None if row[0] is None else pd.Timestamp(row[0]).to_pydatetime()

    def snapshots(self) -> pd.DataFrame:
        """Every stored snapshot: id, at (UTC), n_changes; oldest first."""
        with self._connect() as db:
            rows = db.execute("SELECT id, at, n_changes FROM snapshots ORDER BY id").fetchall()
        frame = pd.DataFrame(rows, columns=["id", "at", "n_changes"])
        frame["at"] = pd.to_datetime(frame["at"], utc=True, format="ISO8601")
        return frame

    def latest_state(self) -> pd.DataFrame:
        """The latest recorded non-blank cells: judge_id, product_id, criterion_id, value."""
        with self._connect() as db:
            rows = db.execute("SELECT * FROM cell_state ORDER BY 1, 2, 3").fetchall()
        return pd.DataFrame(rows, columns=[*KEY, "value"])
