"""Each judge's row for a product as scoring counts it: the total, or why it does not count.

A row counts when every criterion holds a valid number and the judge declared no conflict
(:func:`kbo_dashboard.scoring.scoring.judge_totals`). Its total is the one scoring computes,
weighted to 100, never a raw sum. A row that does not count carries the data issues that say
why, each with its cell: a rejected cell ("C6: score 30 is above the maximum 25"), a row scored
on some criteria only ("row 16: 2/5"), a conflict scored anyway, or a missing criterion column.
The per-judge score sheets print this; the judge's to-do (:mod:`kbo_dashboard.scoring.todo`)
asks for the same fixes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kbo_dashboard.i18n import pick, t
from kbo_dashboard.intake.issues import Issue
from kbo_dashboard.intake.parse import Competition
from kbo_dashboard.scoring.scoring import judge_totals

#: Issue codes that say why a row does not count.
ROW_CODES = (
    "above_max",
    "negative",
    "not_a_number",
    "sheet_error",
    "partial_row",
    "conflict_scored",
    "missing_column",
)


@dataclass(frozen=True)
class RowTotal:
    """One judge's row for one product."""

    judge_id: str
    product_id: str
    total: float | None  # weighted to 100; None when the row does not count
    counted: bool
    conflict: bool  # the judge declared a conflict with this product
    filled: int  # cells not blank, valid or not
    reasons: tuple[Issue, ...] = ()  # why it does not count, in sheet order

    def why(self, lang: str) -> str:
        """ "C6: score 30 is above the maximum 25; row 16: …", each reason with its cell."""
        return "; ".join(reason_text(issue, lang) for issue in self.reasons)


def reason_text(issue: Issue, lang: str) -> str:
    """One reason with its cell: ``C6: คะแนน 30 เกินคะแนนเต็ม 25`` or ``แถว 16: …``."""
    message = pick(issue.message_th, issue.message_en, lang)
    if issue.code == "conflict_scored":  # the long message would not fit a table cell
        message = t("rowtotal.conflict", lang)
    cell = issue.cell
    if ":" in cell:  # a whole row, "16:16"
        first = cell.split(":", 1)[0]
        cell = t("rowtotal.row", lang, row=first) if first.isdigit() else cell
    return f"{cell}: {message}" if cell else message


def row_reasons(comp: Competition) -> dict[tuple[str, str], list[Issue]]:
    """(judge_id, product_id) -> the issues that keep the row from counting."""
    out: dict[tuple[str, str], list[Issue]] = {}
    for issue in comp.issues:
        if issue.code in ROW_CODES and issue.judge_id and issue.product_id:
            out.setdefault((issue.judge_id, issue.product_id), []).append(issue)
    return out


def row_totals(comp: Competition, totals: pd.DataFrame | None = None) -> dict:
    """(judge_id, product_id) -> :class:`RowTotal` for every row in a judge's tab.

    ``totals``: :func:`judge_totals` of ``comp`` when the caller has them (``Results.totals``).
    """
    totals = judge_totals(comp) if totals is None else totals
    reasons = row_reasons(comp)
    # A judge's tab without a criterion column: every row of theirs.
    columns: dict[str, list[Issue]] = {}
    for issue in comp.issues:
        if issue.code == "missing_column" and issue.judge_id and not issue.product_id:
            columns.setdefault(issue.judge_id, []).append(issue)
    total_of = {
        (j, p): float(v)
        for j, p, v, e in zip(
            totals["judge_id"], totals["product_id"], totals["total"], totals["eligible"]
        )
        if e and not np.isnan(v)
    }
    out = {}
    for row in comp.rows.itertuples():
        key = (row.judge_id, row.product_id)
        total = total_of.get(key)
        why = () if total is not None else (*columns.get(row.judge_id, ()), *reasons.get(key, ()))
        out[key] = RowTotal(
            row.judge_id, row.product_id, total, total is not None, bool(row.conflict),
            int(row.filled), tuple(why),
        )  # fmt: skip
    return out
