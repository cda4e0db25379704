"""Nothing lost: a decision is kept locally until the store has it.

:func:`record` first saves the decision in the local pending store (:class:`PendingDecisions`),
then writes it to the decision store, then clears it from the pending store. A failed write
raises :class:`~kbo_dashboard.meeting.decision.DecisionWriteError` and the decision stays
pending; :func:`retry_pending` writes it later. Every decision has an id and the sheet store
appends a decision only when its id is not in the tab yet, so a retried write that had in fact
reached the sheet adds no row; :func:`forget_held` drops a pending decision the sheet holds.

The pending store is SQLite, one row per pending decision: adding or removing one decision is
one transaction, so two windows or two server threads failing at the same moment never
overwrite each other's pending decisions (a whole-file JSON rewrite lost 250 of 300, issue 11).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from kbo_dashboard.meeting.decision import (
    HEADER,
    Decision,
    decision_from_row,
    decision_row,
)
from kbo_dashboard.meeting.sqlite_store import connected, data_file

if TYPE_CHECKING:
    from collections.abc import Mapping

    from kbo_dashboard.meeting.config import MeetingConfig
    from kbo_dashboard.meeting.decision_store import DecisionStore

PENDING_NAME = "pending_decisions.sqlite3"
#: The previous version's file: imported once, then renamed ``.imported``.
OLD_PENDING_NAME = "pending_decisions.json"
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS pending ("
    "seq INTEGER PRIMARY KEY AUTOINCREMENT, decision_id TEXT UNIQUE, row TEXT NOT NULL)"
)
BUSY_TIMEOUT_S = 30


# --- nothing lost ---------------------------------------------------------------------------
class PendingDecisions:
    """Decisions not yet confirmed written: one SQLite row each until they are."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    def _connect(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return connected(self.path, timeout=BUSY_TIMEOUT_S, schema=SCHEMA)

    def all(self) -> list[Decision]:
        """Pending decisions, oldest first ([] when the store cannot be read)."""
        self._import_old_file()
        try:
            with self._connect() as con:
                rows = [r[0] for r in con.execute("SELECT row FROM pending ORDER BY seq")]
        except sqlite3.Error:
            return []
        found = []
        for text in rows:
            with contextlib.suppress(ValueError, TypeError):
                item = json.loads(text)
                found.append(decision_from_row(HEADER, [item.get(k, "") for k in HEADER]))
        return [d for d in found if d is not None]

    def add(self, decision: Decision) -> bool:
        """Keep ``decision``; False when even the local store cannot be written."""
        row = json.dumps(dict(zip(HEADER, map(str, decision_row(decision)))), ensure_ascii=False)
        try:
            with self._connect() as con, con:
                con.execute(
                    "INSERT OR IGNORE INTO pending (decision_id, row) VALUES (?, ?)",
                    (decision.decision_id, row),
                )
            return True
        except (sqlite3.Error, OSError):
            return False

    def remove(self, decision_id: str) -> None:
        with contextlib.suppress(sqlite3.Error, OSError), self._connect() as con, con:
            con.execute("DELETE FROM pending WHERE decision_id = ?", (decision_id,))

    def _import_old_file(self) -> None:
        """Pending decisions left in the previous version's JSON file move here, once."""
        old = self.path.with_name(OLD_PENDING_NAME)
        if not old.exists():
            return
        with contextlib.suppress(OSError, ValueError, TypeError):
            for item in json.loads(old.read_text(encoding="utf-8")):
                found = decision_from_row(HEADER, [item.get(k, "") for k in HEADER])
                if found is not None and not self.add(found):
                    return  # keep the old file until it can be imported
            old.replace(old.with_suffix(".json.imported"))


def pending_for(data_dir: str | os.PathLike | None = None) -> PendingDecisions:
    return PendingDecisions(data_file(PENDING_NAME, data_dir))


def record(
    store: DecisionStore,
    decision: Decision,
    pending: PendingDecisions | None,
    meeting: MeetingConfig,
    settings: Mapping | None,
) -> None:
    """Sign ``decision`` with the meeting's key, bound to its sheet and ``settings`` (the
    competition's), and write it; on failure it stays in ``pending`` and DecisionWriteError is
    raised. With no signing key (a Google sheet without KBO_DECISION_KEY) nothing is kept and
    DecisionWriteError says to set the key."""
    decision = meeting.sign(decision, settings)
    if pending is not None:
        pending.add(decision)
    store.append(decision)
    if pending is not None:
        pending.remove(decision.decision_id)


def forget_held(pending: PendingDecisions, history: list[Decision]) -> list[Decision]:
    """Forget the pending decisions the store already holds (same ID and signature: a write
    that landed although its answer was lost); returns those still waiting."""
    held = {(d.decision_id, d.signature) for d in history}
    waiting = []
    for d in pending.all():
        if (d.decision_id, d.signature) in held:
            pending.remove(d.decision_id)
        else:
            waiting.append(d)
    return waiting


def retry_pending(store: DecisionStore, pending: PendingDecisions) -> int:
    """Write every pending decision, oldest first; returns how many were written. The store
    writes each once (:meth:`~kbo_dashboard.meeting.decision_store.SheetDecisionStore.append`
    reads before it appends), so a retry of a write that had landed adds no row."""
    written = 0
    for decision in pending.all():
        store.append(decision)  # raises DecisionWriteError; the rest stay pending
        pending.remove(decision.decision_id)
        written += 1
    return written
