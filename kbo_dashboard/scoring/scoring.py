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

import numpy as np
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
    crit = comp.criteria.drop_duplicates("criterion_id").set_index("criterion_id")
    # score / max first (at most 1), then the weight's share of 100: no step can overflow,
    # even for a maximum of 5e-324 (issue 11).
    share = 100 * crit["weight"] / crit["weight"].sum()
    cids = comp.scores["criterion_id"]
    maximum, weight_share = _lookup(crit["max_score"], cids), _lookup(share, cids)
    row_pairs, score_pairs, n_pairs = pair_codes(rows, comp.scores)
    with np.errstate(invalid="ignore", divide="ignore"):
        points = comp.scores["score"].to_numpy(float) / maximum * weight_share
    # Like a groupby sum: a NaN point adds nothing, a pair with no score has no total.
    summed = np.bincount(score_pairs, np.nan_to_num(points, nan=0.0), n_pairs)
    scored = np.bincount(score_pairs, minlength=n_pairs) > 0
    frame = rows[["judge_id", "product_id", "complete", "conflict"]].copy()
    total = np.where(scored[row_pairs], summed[row_pairs], np.nan)
    frame["total"] = np.where(frame["complete"].to_numpy(bool), total, np.nan)
    frame["eligible"] = frame["complete"] & ~frame["conflict"]
    return frame[TOTAL_COLUMNS].reset_index(drop=True)


def pair_codes(left: pd.DataFrame, right: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, int]:
    """One code per (judge_id, product_id) pair, shared by two tables: (left's, right's, count).

    Vectorised stand-in for grouping both tables by the pair (a pandas groupby on two text
    columns costs milliseconds per call; this is hashing each column once).
    """
    judge_left, judge_right, n_judges = shared_codes(left["judge_id"], right["judge_id"])
    product_left, product_right, _ = shared_codes(left["product_id"], right["product_id"])
    keys = np.concatenate(
        [product_left * n_judges + judge_left, product_right * n_judges + judge_right]
    )
    codes, pairs = pd.factorize(keys)
    return codes[: len(left)], codes[len(left) :], len(pairs)


def shared_codes(left: pd.Series, right: pd.Series) -> tuple[np.ndarray, np.ndarray, int]:
    """Integer codes for two columns' values in one numbering: (left's, right's, count).

    Each column is factorised on its own (fast on pandas' Arrow-backed text), then only the
    distinct values are matched up. A missing value gets a code of its own.
    """
    codes_l, uniques_l = pd.factorize(left, use_na_sentinel=False)
    codes_r, uniques_r = pd.factorize(right, use_na_sentinel=False)
    known = pd.Index(uniques_l, dtype=object)
    found = known.get_indexer(pd.Index(uniques_r, dtype=object))
    new = found < 0
    found[new] = len(known) + np.arange(int(new.sum()))
    return codes_l.astype(np.int64), found[codes_r].astype(np.int64), len(known) + int(new.sum())


def _lookup(values: pd.Series, keys: pd.Series) -> np.ndarray:
    """``keys.map(values)`` as floats: NaN where a key is not in ``values``' index."""
    codes, uniques = pd.factorize(keys)
    found = values.reindex(pd.Index(uniques, dtype=object)).to_numpy(float)
    return np.append(found, np.nan)[codes] if len(codes) else np.empty(0)


def criterion_means(comp: Competition, totals: pd.DataFrame) -> pd.DataFrame:
    """Each product's mean score per criterion over its eligible judges (``mean_<id>``)."""
    scores = comp.scores
    total_pairs, score_pairs, n_pairs = pair_codes(totals, scores)
    eligible = np.zeros(n_pairs, dtype=bool)
    eligible[total_pairs[totals["eligible"].to_numpy(bool)]] = True
    columns = [f"mean_{c}" for c in comp.criterion_ids]
    product_codes, product_ids = pd.factorize(scores["product_id"], use_na_sentinel=False)
    criterion = positions(comp.criterion_ids, scores["criterion_id"])
    values = scores["score"].to_numpy(float)
    keep = eligible[score_pairs] & (criterion >= 0) & ~np.isnan(values)
    if not keep.any():
        return pd.DataFrame(columns=columns, dtype=float)
    cells = product_codes[keep] * len(columns) + criterion[keep]
    size = len(product_ids) * len(columns)
    sums = np.bincount(cells, values[keep], size).reshape(-1, len(columns))
    counts = np.bincount(cells, minlength=size).reshape(-1, len(columns))
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(counts > 0, sums / counts, np.nan)
    index = pd.Index(np.asarray(product_ids, dtype=object), name="product_id")
    return pd.DataFrame(means, index=index, columns=columns)


def positions(labels: list[str], values) -> np.ndarray:
    """Position of each value in ``labels`` (-1 when absent or missing); one lookup per
    distinct value."""
    codes, uniques = pd.factorize(values)
    found = pd.Index(labels).get_indexer(np.asarray(uniques, dtype=object).astype(str))
    return np.where(codes >= 0, found[codes], -1) if len(codes) else codes


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
    standings = results.standings
    mask = standings["ranked"].to_numpy(bool)
    if not mask.any():
        return
    ranks = standings["rank"].to_numpy(float, na_value=np.nan)[mask]
    ids = standings["product_id"].to_numpy(object)[mask]
    scores = standings["score"].to_numpy(float)[mask]
    order = sorted(range(len(ids)), key=lambda i: (ranks[i], str(ids[i])))  # as ``ranked``
    results.tied_for_first = [ids[i] for i in order if ranks[i] == 1]
    if len(results.tied_for_first) == 1:
        results.nominee = results.tied_for_first[0]
    if len(order) >= 2:
        results.runner_up = ids[order[1]]
        results.margin = float(scores[order[0]] - scores[order[1]])
