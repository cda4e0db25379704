"""The Nomination page's questions, computed: "would the winner change if...?".

:func:`full_rank_fn` ranks a totals table exactly as :mod:`kbo_dashboard.scoring.scoring` does (the
quorum and the committee's tie-break criteria), but fast enough to re-run for every judge and
method, and :func:`robustness_report` feeds it to :mod:`kbo_dashboard.analysis.robustness`. So the
robustness section names the same nominee as the rest of the page: a product below quorum never
wins, and a tie on the score goes to the tie-break criteria.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kbo_dashboard.analysis import robustness
from kbo_dashboard.intake.parse import Competition
from kbo_dashboard.scoring import ranking
from kbo_dashboard.scoring.aggregation import METHODS, get_method, score_matrix
from kbo_dashboard.scoring.scoring import judge_totals

#: Legacy or alternative method names (e.g. from the Settings tab) -> registry keys.
METHOD_ALIASES = {
    "trimmed": "trimmed_mean",
    "trimmed mean": "trimmed_mean",
    "normalized": "normalised",
}


def method_key(value: object, default: str = "mean") -> str:
    """A registered aggregation method key for ``value``, else ``default``."""
    text = str(value or "").strip().casefold()
    text = METHOD_ALIASES.get(text, text)
    return text if text in METHODS else default


def full_rank_fn(comp: Competition):
    """``rank_fn(totals, method) -> product_ids best first``, ranked products only.

    Same order as :func:`kbo_dashboard.scoring.ranking.rank`: score, then each tie-break criterion's
    mean over the counted judges (all rounded to ``ranking.DECIMALS``), then product_id; only
    products with at least ``quorum`` counted judges. Works on numpy arrays, so leave-one-judge-out
    under every method stays well under a second at the seed's size.
    """
    quorum = int(comp.settings.get("quorum") or 1)
    tiebreak_ids = [m.key.removeprefix("mean_") for m in ranking.precedence(comp.criteria)[1:]]
    scores = comp.scores[comp.scores["criterion_id"].isin(tiebreak_ids)]
    by_pair = scores.pivot_table(
        index=["judge_id", "product_id"], columns="criterion_id", values="score", aggfunc="first"
    ).reindex(columns=tiebreak_ids)
    lookup = {pair: row for pair, row in zip(by_pair.index, by_pair.to_numpy(dtype=float))}
    blank = np.full(len(tiebreak_ids), np.nan)

    def rank_fn(totals: pd.DataFrame, method: str) -> list[str]:
        matrix = score_matrix(totals)
        values = matrix.values
        if values.size == 0:
            return []
        score = get_method(method).scores(values)
        counted = ~np.isnan(values)
        keys = [np.round(score, ranking.DECIMALS)]
        if tiebreak_ids:
            cube = np.array(
                [[lookup.get((j, p), blank) for p in matrix.product_ids] for j in matrix.judge_ids]
            ).reshape(len(matrix.judge_ids), len(matrix.product_ids), len(tiebreak_ids))
            cube = np.where(counted[:, :, None], cube, np.nan)
            n = (~np.isnan(cube)).sum(axis=0)
            with np.errstate(invalid="ignore", divide="ignore"):
                means = np.where(n > 0, np.nansum(cube, axis=0) / n, np.nan)
            keys += [np.round(means[:, c], ranking.DECIMALS) for c in range(len(tiebreak_ids))]
        ranked = (counted.sum(axis=0) >= quorum) & ~np.isnan(score)
        # np.lexsort sorts by the last key first; NaN tie-breaks count as lowest.
        columns = [np.where(np.isnan(k), np.inf, -k) for k in keys]
        order = np.lexsort([np.arange(len(score)), *reversed(columns)])
        return [matrix.product_ids[i] for i in order if ranked[i]]

    return rank_fn


@dataclass(frozen=True)
class RobustnessReport:
    """Methods side by side, leave-one-judge-out and the margin, under one chosen method."""

    method: str
    comparison: robustness.MethodComparison
    lojo: robustness.LeaveOneJudgeOut
    margin: robustness.Margin
    mean_margin: robustness.Margin


def robustness_report(comp: Competition, method: str = "mean") -> RobustnessReport:
    """Every robustness figure for the Nomination page, with the full ranking rule."""
    method = method_key(method)
    totals = judge_totals(comp)
    rank_fn = full_rank_fn(comp)
    methods = list(METHODS)
    comparison = robustness.compare_methods(totals, methods, top_n=3, rank_fn=rank_fn)
    lojo = robustness.leave_one_judge_out(totals, methods, rank_fn=rank_fn)
    chosen = robustness.margin(totals, method, rank_fn=rank_fn)
    mean = chosen if method == "mean" else robustness.margin(totals, "mean", rank_fn=rank_fn)
    return RobustnessReport(method, comparison, lojo, chosen, mean)


def what_if_rows(report: RobustnessReport) -> pd.DataFrame:
    """One row per (judge, method) where leaving the judge out changes the winner.

    Columns: judge_id, method, nominee (with everyone), without (the winner without the judge).
    """
    rows = []
    table = report.lojo.table.set_index("judge_id")
    for method, judges in report.lojo.deciding.items():
        for judge in judges:
            rows.append((judge, method, report.lojo.nominees.get(method), table.at[judge, method]))
    frame = pd.DataFrame(rows, columns=["judge_id", "method", "nominee", "without"])
    return frame.sort_values(["judge_id", "method"], kind="stable").reset_index(drop=True)
