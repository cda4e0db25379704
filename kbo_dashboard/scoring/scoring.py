"""Scores and ranks: from validated cells to the provisional nomination.

- A judge's total for a product is the criterion scores weighted onto a 100-point scale:
  ``100 * sum(score_c / max_c * weight_c) / sum(weight_c)``. With the default rubric the
  weights equal the maxima, so the total is simply the sum of the five scores.
- Only eligible rows count: every criterion scored with a valid number, and no declared
  conflict of interest.
- A product's score aggregates its eligible judges' totals (the mean unless another method is
  chosen, see :mod:`kbo_dashboard.scoring.aggregation`). Below quorum it is "not yet ranked".
- Ranks, overall and within each category, follow :func:`kbo_dashboard.scoring.ranking.precedence`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from kbo_dashboard.intake.parse import Competition
from kbo_dashboard.scoring import ranking

TOTAL_COLUMNS = ["judge_id", "product_id", "total", "eligible", "complete", "conflict"]


@dataclass
class Results:
    """The standings and nomination for one aggregation method."""

    method: str
    quorum: int
    totals: pd.DataFrame
    standings: pd.DataFrame
    criteria: pd.DataFrame
    nominee: str | None
    tied_for_first: list[str] = field(default_factory=list)
    margin: float | None = None
    runner_up: str | None = None
    excluded_judges: tuple[str, ...] = ()

    @property
    def ranked(self) -> pd.DataFrame:
        """Ranked products, best first."""
        frame = self.standings[self.standings["ranked"]]
        return frame.sort_values(["rank", "product_id"], kind="stable")

    def category_leaders(self) -> dict[str, list[str]]:
        """Each category's rank-1 products (several when they share first place)."""
        leaders: dict[str, list[str]] = {}
        top = self.standings[self.standings["category_rank"] == 1]
        for row in top.itertuples():
            leaders.setdefault(row.category, []).append(row.product_id)
        return leaders


def judge_totals(comp: Competition, exclude_judges: Iterable[str] = ()) -> pd.DataFrame:
    """One row per judge × product row that has any score, with its 0..100 total."""
    rows = comp.rows
    excluded = set(exclude_judges)
    if excluded:
        rows = rows[~rows["judge_id"].isin(excluded)]
    if rows.empty:
        return pd.DataFrame(columns=TOTAL_COLUMNS).astype({"total": float, "eligible": bool})
    crit = comp.criteria.set_index("criterion_id")
    # score / max first (at most 1), then the weight's share of 100: no step can overflow,
    # even for a maximum of 5e-324 (issue 11).
    share = 100 * crit["weight"] / crit["weight"].sum()
    cids = comp.scores["criterion_id"]
    scores = comp.scores.assign(
        points=comp.scores["score"] / cids.map(crit["max_score"]) * cids.map(share)
    )
    summed = scores.groupby(["judge_id", "product_id"])["points"].sum()
    frame = rows[["judge_id", "product_id", "complete", "conflict"]].copy()
    keys = pd.MultiIndex.from_frame(frame[["judge_id", "product_id"]])
    frame["total"] = summed.reindex(keys).to_numpy()
    frame["eligible"] = frame["complete"] & ~frame["conflict"]
    frame.loc[~frame["complete"], "total"] = float("nan")
    return frame[TOTAL_COLUMNS].reset_index(drop=True)


def criterion_means(comp: Competition, totals: pd.DataFrame) -> pd.DataFrame:
    """Each product's mean score per criterion over its eligible judges (``mean_<id>``)."""
    pairs = ["judge_id", "product_id"]
    eligible = pd.MultiIndex.from_frame(totals.loc[totals["eligible"], pairs])
    counted = comp.scores[pd.MultiIndex.from_frame(comp.scores[pairs]).isin(eligible)]
    means = counted.groupby(["product_id", "criterion_id"])["score"].mean().unstack()
    means = means.reindex(columns=comp.criterion_ids)
    means.columns = [f"mean_{c}" for c in means.columns]
    return means


def aggregate_scores(totals: pd.DataFrame, method: str) -> pd.DataFrame:
    """``score`` and ``n_judges`` per product from eligible totals, by ``method``."""
    eligible = totals[totals["eligible"]]
    if method == "mean":
        grouped = eligible.groupby("product_id")["total"]
        return pd.DataFrame({"score": grouped.mean(), "n_judges": grouped.size()})
    from kbo_dashboard.scoring.aggregation import aggregate

    return aggregate(eligible, method).set_index("product_id")[["score", "n_judges"]]


def score_competition(
    comp: Competition, method: str | None = None, exclude_judges: Iterable[str] = ()
) -> Results:
    """Standings for every product, overall and per category, and the provisional nominee."""
    method = method or comp.settings.get("method") or "mean"
    excluded = tuple(exclude_judges)
    quorum = int(comp.settings["quorum"])
    totals = judge_totals(comp, excluded)
    agg = aggregate_scores(totals, method)
    means = criterion_means(comp, totals)
    standings = comp.products.set_index("product_id").join(agg).join(means).reset_index()
    standings["n_judges"] = standings["n_judges"].fillna(0).astype(int)
    standings["ranked"] = (standings["n_judges"] >= quorum) & standings["score"].notna()
    metrics = ranking.precedence(comp.criteria)
    for metric in metrics:
        if metric.key not in standings:
            standings[metric.key] = float("nan")
    standings["rank"] = ranking.rank(standings, metrics, standings["ranked"])
    standings["category_rank"] = ranking.rank(
        standings, metrics, standings["ranked"], by="category"
    )
    results = Results(
        method, quorum, totals, standings, comp.criteria, None, excluded_judges=excluded
    )
    _nominate(results)
    return results


def _nominate(results: Results) -> None:
    """The provisional nominee: the sole rank-1 product. A shared first place names none."""
    ranked = results.ranked
    if ranked.empty:
        return
    first = ranked[ranked["rank"] == 1]
    results.tied_for_first = list(first["product_id"])
    if len(first) == 1:
        results.nominee = first["product_id"].iloc[0]
    if len(ranked) >= 2:
        results.runner_up = ranked["product_id"].iloc[1]
        results.margin = float(ranked["score"].iloc[0] - ranked["score"].iloc[1])
