"""The reveal: what the chair's "hide the scores until the result is revealed" switch hides,
from whom, and where the switch is kept.

While the switch is on, no viewer sees a product's score, rank or nominee on any page or in any
document, except the chair who unlocked the chair's form in their own session. The projector
page is the room's screen: it hides them from everyone, the chair too. What a judge sees of
their own entries and to-do, progress counts, data issues and the change feed (which names
products and counts, never a score) stay visible. :func:`withheld` is the one rule; every page
asks it.

The switch is kept in the data folder (``$KBO_DATA_DIR``, a small SQLite file, one row per
switch, never overwritten), so it survives a page reload and a server restart, and every server
process sharing the folder agrees. Pages read it on each refresh tick, so a reveal reaches every
open page within one data TTL.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from kbo_dashboard.meeting.sqlite_store import connected, data_file

SWITCH_NAME = "reveal_switch.sqlite3"
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS switch (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
    "hidden INTEGER NOT NULL, at TEXT NOT NULL, by TEXT NOT NULL DEFAULT '')"
)
BUSY_TIMEOUT_S = 5

# --- what a block of a page, or a document, shows ----------------------------------------------
#: Products' totals, ranks, the nominee, the margin, category leaders, the recorded decision.
RESULTS = "results"
#: Every judge's score cells (the audit trail, the scores CSV, the judge x product heatmap).
ENTRIES = "entries"
#: One judge's own entries and to-do, on their own phone view.
OWN_ENTRIES = "own_entries"
#: Progress counts, data issues, the change feed, the judges' agreement figures: no product's
#: score or rank.
PROGRESS = "progress"

#: Shown while the scores are hidden. Anything else (an unknown kind too) is withheld.
ALWAYS_SHOWN = frozenset({OWN_ENTRIES, PROGRESS})

#: Each download (its key on the Downloads and Changes pages) and what it holds.
DOCUMENTS = {
    "rankings": RESULTS,
    "scores": ENTRIES,
    "issues": PROGRESS,
    "xlsx": RESULTS,
    "pdf": RESULTS,
    "announcement": RESULTS,
    "minutes": RESULTS,
    "score_sheets": ENTRIES,
    "changes": ENTRIES,
    "judge_cards": PROGRESS,
    "judge_todo": PROGRESS,
}


def withheld(shows: str, *, hidden: bool, chair: bool, room: bool = False) -> bool:
    """True when a block that shows ``shows`` must not be drawn for this viewer.

    ``hidden``: the chair's switch is on. ``chair``: this session unlocked the chair's form.
    ``room``: the block is on the projector page, the room's screen (hidden from the chair too).
    """
    if not hidden or shows in ALWAYS_SHOWN:
        return False
    return room or not chair


def document_withheld(kind: str, *, hidden: bool, chair: bool) -> bool:
    """:func:`withheld` for a download named in :data:`DOCUMENTS` (an unknown one is withheld)."""
    return withheld(DOCUMENTS.get(kind, RESULTS), hidden=hidden, chair=chair)


# --- the switch, kept in the data folder ---------------------------------------------------------
class RevealSwitch:
    """The chair's switch in ``path`` (SQLite, append-only), the last value also in memory.

    Reading a missing file creates nothing (off). When the file cannot be read or written
    (a read-only data folder), the switch still works for this process from memory, and
    :meth:`set` returns False so the chair is told it will not survive a restart.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._memory = False

    def _connect(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return connected(self.path, timeout=BUSY_TIMEOUT_S, schema=SCHEMA)

    def hidden(self) -> bool:
        """Whether the scores are hidden now (the last switch stored, else off)."""
        with self._lock:
            if not self.path.exists():
                return self._memory
            try:
                with self._connect() as con:
                    row = con.execute("SELECT hidden FROM switch ORDER BY seq DESC LIMIT 1")
                    last = row.fetchone()
            except sqlite3.Error:
                return self._memory
            self._memory = bool(last[0]) if last else False
            return self._memory

    def set(self, hidden: bool, by: str = "", now: datetime | None = None) -> bool:
        """Switch; True when stored in the data folder, False when kept in memory only."""
        at = (now or datetime.now(UTC)).isoformat()
        with self._lock:
            self._memory = bool(hidden)
            with contextlib.suppress(sqlite3.Error, OSError):
                with self._connect() as con, con:
                    con.execute(
                        "INSERT INTO switch (hidden, at, by) VALUES (?, ?, ?)",
                        (int(bool(hidden)), at, by),
                    )
                return True
            return False

    def history(self) -> list[tuple[bool, str, str]]:
        """Every switch, oldest first: (hidden, ISO time, who)."""
        if not self.path.exists():
            return []
        with contextlib.suppress(sqlite3.Error):
            with self._connect() as con:
                rows = con.execute("SELECT hidden, at, by FROM switch ORDER BY seq").fetchall()
            return [(bool(h), at, by) for h, at, by in rows]
        return []


def switch_path(data_dir: str | os.PathLike | None = None) -> Path:
    """Where the switch is kept: ``reveal_switch.sqlite3`` in the data folder."""
    return data_file(SWITCH_NAME, data_dir)
