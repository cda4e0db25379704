"""Scoring progress: who has finished, and what each judge still has to score.

A judge is expected to score every product except those they declared a conflict with. A row
counts as done when it is complete (every criterion a valid number).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kbo_dashboard.intake.parse import Competition

PROGRESS_COLUMNS = [
    "judge_id",
    "judge_name",
    "sector",
    "sheet",
    "done",
    "expected",
    "finished",
    "remaining",
]


@dataclass(frozen=True)
class Progress:
    """The whole panel's progress, for the Overview."""

    judges_finished: int
    judges_total: int
    scores_received: int
    scores_expected: int
    per_judge: pd.DataFrame

    @property
    def share(self) -> float:
        return self.scores_received / self.scores_expected if self.scores_expected else 0.0


def _sets(frame: pd.DataFrame) -> dict[str, set[str]]:
    """judge_id -> set of product_id. A plain loop: groupby().apply(set) on an empty or
    one-group frame can come back as a frame, without its judge_id key (issue 11)."""
    out: dict[str, set[str]] = {}
    for judge, product in zip(frame["judge_id"], frame["product_id"]):
        out.setdefault(judge, set()).add(product)
    return out


def judge_progress(comp: Competition) -> Progress:
    products = list(comp.products["product_id"])
    conflicts = _sets(comp.conflicts)
    rows = comp.rows
    complete = _sets(rows[rows["complete"].astype(bool)])
    valid_ids = set(products)
    n_criteria = len(comp.criteria)
    counted = comp.scores[comp.scores["product_id"].isin(valid_ids)]
    conflict_pairs = set(zip(comp.conflicts["judge_id"], comp.conflicts["product_id"]))
    if conflict_pairs:
        pairs = list(zip(counted["judge_id"], counted["product_id"]))
        counted = counted[[p not in conflict_pairs for p in pairs]]
    received_by_judge = counted.groupby("judge_id").size().to_dict()
    records = []
    received = expected_cells = 0
    for judge in comp.judges.itertuples():
        expected = [p for p in products if p not in conflicts.get(judge.judge_id, set())]
        done = complete.get(judge.judge_id, set())
        remaining = [p for p in expected if p not in done]
        records.append(
            {
                "judge_id": judge.judge_id,
                "judge_name": judge.judge_name,
                "sector": judge.sector,
                "sheet": judge.sheet,
                "done": len(expected) - len(remaining),
                "expected": len(expected),
                "finished": not remaining and bool(expected),
                "remaining": remaining,
            }
        )
        expected_cells += len(expected) * n_criteria
        received += received_by_judge.get(judge.judge_id, 0)
    frame = pd.DataFrame(records, columns=PROGRESS_COLUMNS)
    return Progress(
        judges_finished=int(frame["finished"].sum()),
        judges_total=len(frame),
        scores_received=min(received, expected_cells),
        scores_expected=expected_cells,
        per_judge=frame,
    )
