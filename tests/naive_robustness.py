"""The naive references the closed-form robustness code is checked against (tests only).

- :func:`naive_outcomes`: re-score the whole competition without each judge in turn with
  :func:`kbo_dashboard.scoring.scoring.score_competition` (the page's own scoring) and read the
  shared first place from its ranks.
- :func:`old_rank_fn`: the re-ranking function the robustness report used before the closed
  form (quorum, tie-break means, ranked products best first), kept as a second reference.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kbo_dashboard.scoring import ranking
from kbo_dashboard.scoring.aggregation import get_method, score_matrix
from kbo_dashboard.scoring.scoring import judge_totals, score_competition


def first_place(results) -> tuple[str, ...]:
    return tuple(sorted(results.tied_for_first))


def naive_outcomes(comp, method: str) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """(outcome with everyone, {judge: outcome without them}) for judges with a counted total."""
    totals = judge_totals(comp)
    judges = sorted(set(totals.loc[totals["eligible"] & totals["total"].notna(), "judge_id"]))
    whole = first_place(score_competition(comp, method))
    without = {j: first_place(score_competition(comp, method, exclude_judges=[j])) for j in judges}
    return whole, without


def old_rank_fn(comp):
    """Today's (before the closed form) ``rank_fn(totals, method) -> ranked ids best first``."""
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
        columns = [np.where(np.isnan(k), np.inf, -k) for k in keys]
        order = np.lexsort([np.arange(len(score)), *reversed(columns)])
        return [matrix.product_ids[i] for i in order if ranked[i]]

    return rank_fn


def old_report_loop(comp, method: str) -> list[list[str]]:
    """The old leave-one-judge-out loop: the full order without each judge (matrix rows)."""
    matrix = score_matrix(judge_totals(comp))
    rank = old_rank_fn(comp)
    return [rank(matrix.without_judge(i), method) for i in range(len(matrix.judge_ids))]
