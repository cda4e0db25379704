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
    """judge_id -> the set of its product_ids. A plain loop over lists: quicker than groupby on
    text, and groupby().apply(set) on an empty or one-group frame can come back as a frame
    without its judge_id key (issue 11)."""
    out: dict[str, set[str]] = {}
    for judge, product in zip(frame["judge_id"].tolist(), frame["product_id"].tolist()):
        out.setdefault(judge, set()).add(product)
    return out


def judge_progress(comp: Competition) -> Progress:
    products = list(comp.products["product_id"])
    conflicts = _sets(comp.conflicts)
    rows = comp.rows
    complete = _sets(rows[rows["complete"].astype(bool)])
    valid_ids = set(products)
    n_criteria = len(comp.criteria)
    scores = comp.scores
    counted = scores["product_id"].isin(valid_ids).to_numpy(copy=True)
    conflict_pairs = set(zip(comp.conflicts["judge_id"], comp.conflicts["product_id"]))
    if conflict_pairs:
        pairs = pd.MultiIndex.from_frame(scores[["judge_id", "product_id"]])
        counted &= ~pairs.isin(list(conflict_pairs))
    received_by_judge = scores["judge_id"][counted].value_counts().to_dict()
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


#: Issue codes of a single score cell the judge has to correct.
FIX_CODES = ("above_max", "negative", "not_a_number", "sheet_error")


def cells_to_fix(comp: Competition) -> dict[str, list]:
    """Judge ID -> the issues of their score cells that were rejected, in sheet order."""
    out: dict[str, list] = {}
    for issue in comp.issues:
        if issue.code in FIX_CODES and issue.judge_id and issue.product_id and issue.cell:
            out.setdefault(issue.judge_id, []).append(issue)
    return out


def fixes_apart(comp: Competition, per_judge: pd.DataFrame) -> pd.DataFrame:
    """``per_judge`` plus ``to_fix`` (rejected cells' issues), ``partly_scored`` and
    ``not_scored`` (products, in the order of ``remaining``).

    A product with a rejected cell is something to fix, not something "not yet scored"; a row
    with some criteria filled in is "partly scored". Each remaining product is in one list.
    """
    fixes = cells_to_fix(comp)
    rows = comp.rows
    started = rows[(rows["filled"] > 0) & ~rows["complete"]]
    partial = set(zip(started["judge_id"], started["product_id"]))
    frame = per_judge.copy()
    frame["to_fix"] = [fixes.get(j, []) for j in frame["judge_id"]]
    fixed = [{i.product_id for i in to_fix} for to_fix in frame["to_fix"]]
    left = [
        [p for p in remaining if p not in fix]
        for remaining, fix in zip(frame["remaining"], fixed, strict=True)
    ]
    pairs = list(zip(frame["judge_id"], left, strict=True))
    frame["partly_scored"] = [[p for p in ps if (j, p) in partial] for j, ps in pairs]
    frame["not_scored"] = [[p for p in ps if (j, p) not in partial] for j, ps in pairs]
    return frame
