"""Nothing lost: a decision is kept locally until the store has it.

:func:`record` first saves the decision in a local pending file (:class:`PendingDecisions`),
then writes it to the store, then clears it from the pending file. A failed write raises
:class:`~kbo_dashboard.meeting.decision.DecisionWriteError` and the decision stays pending;
:func:`retry_pending` writes it later. Every decision has an id, so a retried append that had in
fact reached the sheet shows once in ``history()``.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from kbo_dashboard.meeting.decision import HEADER, Decision, decision_from_row, decision_row, dedupe
from kbo_dashboard.meeting.decision_store import default_data_dir

PENDING_NAME = "pending_decisions.json"


# --- nothing lost ---------------------------------------------------------------------------
class PendingDecisions:
    """Decisions not yet confirmed written, kept in a small JSON file until they are."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    def all(self) -> list[Decision]:
        try:
            items = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        found = [decision_from_row(HEADER, [i.get(k, "") for k in HEADER]) for i in items]
        return [d for d in found if d is not None]

    def _write(self, decisions: list[Decision]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        items = [dict(zip(HEADER, map(str, decision_row(d)))) for d in decisions]
        temp = self.path.with_suffix(".tmp")
        temp.write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
        temp.replace(self.path)

    def add(self, decision: Decision) -> bool:
        """Keep ``decision``; False when even the local file cannot be written."""
        try:
            self._write(dedupe([*self.all(), decision]))
            return True
        except OSError:
            return False

    def remove(self, decision_id: str) -> None:
        with contextlib.suppress(OSError):
            self._write([d for d in self.all() if d.decision_id != decision_id])


def pending_for(data_dir: str | os.PathLike | None = None) -> PendingDecisions:
    return PendingDecisions(Path(data_dir or default_data_dir()) / PENDING_NAME)


def record(store: Any, decision: Decision, pending: PendingDecisions | None = None) -> None:
    """Write ``decision``; on failure it stays in ``pending`` and DecisionWriteError is raised."""
    if pending is not None:
        pending.add(decision)
    store.append(decision)
    if pending is not None:
        pending.remove(decision.decision_id)


def retry_pending(store: Any, pending: PendingDecisions) -> int:
    """Write every pending decision, oldest first; returns how many were written."""
    written = 0
    for decision in pending.all():
        store.append(decision)  # raises DecisionWriteError; the rest stay pending
        pending.remove(decision.decision_id)
        written += 1
    return written
