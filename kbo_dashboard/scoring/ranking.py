"""Ranking by a precedence list of metrics, with shared ranks for true ties.

Like Tabbycat's standings, a metric is declared as a small object (key, name, ascending) and a
ranking is a precedence list of metrics: the product score first, then the tie-break criteria
in the committee's order. Products equal on every metric share a rank, shown as ``"1="``.
Products below quorum are not ranked at all; they are "not yet ranked", never ranked low.

Every rank in the app (standings, leave-one-judge-out, Kendall's W, the judges' Spearman
correlations) is taken on :func:`rank_key`: the value rounded to :data:`DECIMALS` decimals, so
totals that are equal in exact arithmetic but come out of float sums a unit in the last place
apart are ranked together (issue 17).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

#: Scores are compared after rounding, so 80.0000000001 and 80 tie as people would expect.
DECIMALS = 9


def rank_key(values) -> np.ndarray:
    """The basis every rank is taken on: ``values`` as floats rounded to :data:`DECIMALS`.

    With criteria maxima summing to 50.5 every total is a multiple of 100/101; two totals equal
    in exact arithmetic can differ by one unit in the last place after a float sum, which a
    plain sort ranks apart. A float error is ~1e-13 on a 0..100 scale, far below 1e-9, and a
    real difference between scores is far above it. NaN stays NaN.
    """
    return np.round(np.asarray(values, dtype=float), DECIMALS)


@dataclass(frozen=True)
class Metric:
    """A column to rank by. ``name_key`` is the catalogue key shown to users."""

    key: str
    name_key: str
    ascending: bool = False


SCORE = Metric("score", "metric.score")


def criterion_metric(criterion_id: str) -> Metric:
    return Metric(f"mean_{criterion_id}", f"criterion:{criterion_id}")


def tiebreak_criteria(criteria: pd.DataFrame) -> list[str]:
    """The tie-break criteria's IDs in ``tiebreak_priority`` order (then sheet order)."""
    pairs = zip(criteria["tiebreak_priority"].tolist(), criteria["criterion_id"].tolist())
    tiebreaks = [(p, i, c) for i, (p, c) in enumerate(pairs) if not pd.isna(p)]
    return [c for _, _, c in sorted(tiebreaks)]


def precedence(criteria: pd.DataFrame) -> list[Metric]:
    """The product score, then each tie-break criterion's mean by ``tiebreak_priority``."""
    return [SCORE, *(criterion_metric(c) for c in tiebreak_criteria(criteria))]


def _sort_keys(frame: pd.DataFrame, metrics: list[Metric]) -> list[np.ndarray]:
    """Metric values oriented so that larger is always better, rounded for comparison."""
    keys = []
    for metric in metrics:
        values = rank_key(pd.to_numeric(frame[metric.key], errors="coerce").to_numpy(float))
        values = -values if metric.ascending else values
        keys.append(np.nan_to_num(values, nan=-np.inf))
    return keys


def rank(
    frame: pd.DataFrame, metrics: list[Metric], eligible: pd.Series, by: str | None = None
) -> pd.Series:
    """1-based ranks for eligible rows (equal keys share the best rank); <NA> for the rest.

    A product's rank is 1 + the number of eligible products strictly ahead of it on the
    precedence list, so two products tied for first are both 1 and the next is 3. With ``by``,
    ranks are counted separately inside each group (e.g. category).
    """
    result = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    mask = eligible.to_numpy(bool)
    if not mask.any():
        return result
    pool = frame[mask]
    keys = _sort_keys(pool, metrics)
    groups = pd.factorize(pool[by])[0] if by else np.zeros(len(pool), dtype=int)
    # np.lexsort sorts by the last key first: group, then each metric best-first.
    order = np.lexsort([*(-k for k in reversed(keys)), groups])
    sorted_groups = groups[order]
    stacked = np.vstack([k[order] for k in keys] + [sorted_groups])
    changed = np.ones(len(order), dtype=bool)
    changed[1:] = (stacked[:, 1:] != stacked[:, :-1]).any(axis=0)
    group_start = np.ones(len(order), dtype=bool)
    group_start[1:] = sorted_groups[1:] != sorted_groups[:-1]
    index = np.arange(len(order))
    first_of_group = np.maximum.accumulate(np.where(group_start, index, 0))
    first_of_tie = np.maximum.accumulate(np.where(changed, index, 0))
    ranks = np.empty(len(order), dtype="int64")
    ranks[order] = first_of_tie - first_of_group + 1
    result[mask] = ranks
    return result


def rank_labels(ranks: pd.Series, not_ranked: str) -> pd.Series:
    """``"1"``, ``"1="`` for a shared rank, or ``not_ranked``."""
    counts = ranks.value_counts()
    return ranks.map(
        lambda r: not_ranked if pd.isna(r) else f"{r}=" if counts.get(r, 0) > 1 else str(r),
        na_action=None,
    ).astype(object)


def group_labels(ranks: pd.Series, groups: pd.Series, not_ranked: str) -> pd.Series:
    """:func:`rank_labels` applied within each group."""
    labels = pd.Series("", index=ranks.index, dtype=object)
    for _, index in groups.groupby(groups, sort=False).groups.items():
        labels[index] = rank_labels(ranks[index], not_ranked)
    return labels
