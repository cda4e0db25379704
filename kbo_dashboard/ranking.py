"""Ranking by a precedence list of metrics, with shared ranks for true ties.

Like Tabbycat's standings, a metric is declared as a small object (key, name, ascending) and a
ranking is a precedence list of metrics: the product score first, then the tie-break criteria
in the committee's order. Products equal on every metric share a rank, shown as ``"1="``.
Products below quorum are not ranked at all; they are "not yet ranked", never ranked low.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

#: Scores are compared after rounding, so 80.0000000001 and 80 tie as people would expect.
DECIMALS = 6


@dataclass(frozen=True)
class Metric:
    """A column to rank by. ``name_key`` is the catalogue key shown to users."""

    key: str
    name_key: str
    ascending: bool = False


SCORE = Metric("score", "metric.score")


def criterion_metric(criterion_id: str) -> Metric:
    return Metric(f"mean_{criterion_id}", f"criterion:{criterion_id}")


def precedence(criteria: pd.DataFrame) -> list[Metric]:
    """The product score, then each tie-break criterion's mean by ``tiebreak_priority``."""
    tiebreaks = criteria.dropna(subset=["tiebreak_priority"])
    tiebreaks = tiebreaks.sort_values("tiebreak_priority", kind="stable")
    return [SCORE, *(criterion_metric(c) for c in tiebreaks["criterion_id"])]


def _sort_keys(frame: pd.DataFrame, metrics: list[Metric]) -> pd.DataFrame:
    """Metric values oriented so that larger is always better, rounded for comparison."""
    keys = pd.DataFrame(index=frame.index)
    for n, metric in enumerate(metrics):
        values = pd.to_numeric(frame[metric.key], errors="coerce").round(DECIMALS)
        keys[n] = -values if metric.ascending else values
    return keys.fillna(float("-inf"))


def rank(frame: pd.DataFrame, metrics: list[Metric], eligible: pd.Series) -> pd.Series:
    """1-based ranks for eligible rows (equal keys share the best rank); <NA> for the rest.

    A product's rank is 1 + the number of eligible products strictly ahead of it on the
    precedence list, so two products tied for first are both 1 and the next is 3.
    """
    pool = frame[eligible]
    if pool.empty:
        return pd.Series(pd.NA, index=frame.index, dtype="Int64")
    keys = _sort_keys(pool, metrics)
    cols = list(keys.columns)
    ordered = keys.sort_values(cols, ascending=False, kind="stable")
    new_group = ordered.ne(ordered.shift()).any(axis=1)
    position = pd.Series(range(1, len(ordered) + 1), index=ordered.index)
    ranks = position.where(new_group).ffill()
    return ranks.reindex(frame.index).astype("Int64")


def rank_labels(ranks: pd.Series, not_ranked: str) -> pd.Series:
    """``"1"``, ``"1="`` for a shared rank, or ``not_ranked``."""
    counts = ranks.value_counts()
    return ranks.map(
        lambda r: not_ranked if pd.isna(r) else f"{r}=" if counts.get(r, 0) > 1 else str(r),
        na_action=None,
    ).astype(object)


def rank_within(
    frame: pd.DataFrame, metrics: list[Metric], eligible: pd.Series, by: str
) -> pd.Series:
    """Ranks computed separately inside each group of column ``by`` (e.g. category)."""
    parts = [
        rank(group, metrics, eligible[group.index]) for _, group in frame.groupby(by, sort=False)
    ]
    if not parts:
        return pd.Series(pd.NA, index=frame.index, dtype="Int64")
    return pd.concat(parts).reindex(frame.index).astype("Int64")


def group_labels(ranks: pd.Series, groups: pd.Series, not_ranked: str) -> pd.Series:
    """:func:`rank_labels` applied within each group."""
    labels = pd.Series("", index=ranks.index, dtype=object)
    for _, index in groups.groupby(groups, sort=False).groups.items():
        labels[index] = rank_labels(ranks[index], not_ranked)
    return labels
