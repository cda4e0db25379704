"""Judge profiles: how each judge scores compared with the rest of the panel.

All figures use eligible totals only (0..100) and compare a judge with the *other* judges on the
*same* products ("leave-self-out"), so a judge is never compared with themselves:

- panel mean without j for product p: (sum of p's totals - j's total) / (p's count - 1); defined
  when at least one other judge scored p.
- leniency: mean over j's products of (j's total - panel mean without j). Positive = generous.
- spread: sample standard deviation (n - 1) of j's totals; NaN with fewer than 2 totals.
- correlation with the panel: Pearson and Spearman between j's totals and the panel means
  without j, over j's products; NaN with fewer than 3 products or no variation.

Outlier scores (see :func:`outlier_scores`) are flagged for the chair to discuss. Nothing here
drops or changes a score; only an aggregation method defined to trim may leave one out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from kbo_dashboard.scoring.aggregation import Totals, column_median, score_matrix
from kbo_dashboard.scoring.ranking import rank_key

# Iglewicz & Hoaglin (1993): a modified z-score above 3.5 marks a potential outlier.
# 1.4826 x MAD estimates the standard deviation for normally distributed totals.
MAD_SCALE = 1.4826
OUTLIER_Z = 3.5
OUTLIER_MIN_POINTS = 15.0
OUTLIER_MIN_JUDGES = 4


def leave_self_out_means(values: np.ndarray) -> np.ndarray:
    """Judges x products: the mean of the other judges' totals, NaN where j has no total."""
    present = ~np.isnan(values)
    counts = present.sum(axis=0)
    sums = np.nansum(values, axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        others = (sums[None, :] - values) / (counts[None, :] - 1)
    return np.where(present & (counts[None, :] >= 2), others, np.nan)


def _row_pearson(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Row-wise Pearson r over positions where both are present; NaN if < 3 pairs or flat."""
    both = ~np.isnan(x) & ~np.isnan(y)
    x = np.where(both, x, np.nan)
    y = np.where(both, y, np.nan)
    n = both.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        dx = x - np.nansum(x, axis=1, keepdims=True) / n[:, None]
        dy = y - np.nansum(y, axis=1, keepdims=True) / n[:, None]
        num = np.nansum(dx * dy, axis=1)
        den = np.sqrt(np.nansum(dx**2, axis=1) * np.nansum(dy**2, axis=1))
        r = num / den
    return np.where((n >= 3) & (den > 1e-12), np.clip(r, -1.0, 1.0), np.nan)


def _row_ranks(x: np.ndarray) -> np.ndarray:
    if x.size == 0:
        return x.copy()
    return stats.rankdata(rank_key(x), axis=1, nan_policy="omit")  # exact ties share a rank


def judge_profiles(totals: Totals) -> pd.DataFrame:
    """One row per judge (sorted by judge_id).

    Columns: judge_id, n_products (eligible totals), mean_total, leniency, spread, pearson,
    spearman, n_outliers (flagged by :func:`outlier_scores` with its defaults).
    """
    matrix = score_matrix(totals)
    values = matrix.values
    others = leave_self_out_means(values)
    n = (~np.isnan(values)).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_total = np.where(n > 0, np.nansum(values, axis=1) / n, np.nan)
        diff = values - others
        n_diff = (~np.isnan(diff)).sum(axis=1)
        leniency = np.where(n_diff > 0, np.nansum(diff, axis=1) / n_diff, np.nan)
        squares = np.nansum((values - mean_total[:, None]) ** 2, axis=1)
        spread = np.where(n >= 2, np.sqrt(squares / (n - 1)), np.nan)
    paired_x = np.where(np.isnan(others), np.nan, values)
    paired_y = np.where(np.isnan(values), np.nan, others)
    pearson = _row_pearson(paired_x, paired_y)
    spearman = _row_pearson(_row_ranks(paired_x), _row_ranks(paired_y))
    flagged = outlier_scores(totals)
    counts = flagged["judge_id"].value_counts()
    return pd.DataFrame(
        {
            "judge_id": pd.Series(matrix.judge_ids, dtype="str"),
            "n_products": n.astype(int),
            "mean_total": mean_total,
            "leniency": leniency,
            "spread": spread,
            "pearson": pearson,
            "spearman": spearman,
            "n_outliers": [int(counts.get(j, 0)) for j in matrix.judge_ids],
        }
    )


def judge_matrix(
    totals: Totals, relative: bool = False, product_order: list[str] | None = None
) -> pd.DataFrame:
    """Judges x products table for the heatmap (index judge_id, columns product_id).

    Values are eligible totals, or with ``relative=True`` the total minus the panel mean without
    that judge (red/blue heatmap of leniency per product). NaN = no eligible total.
    ``product_order`` (e.g. grouped by category) reorders the columns; unknown ids are skipped.
    """
    matrix = score_matrix(totals)
    values = matrix.values - leave_self_out_means(matrix.values) if relative else matrix.values
    frame = pd.DataFrame(
        values,
        index=pd.Index(matrix.judge_ids, name="judge_id", dtype="str"),
        columns=pd.Index(matrix.product_ids, name="product_id", dtype="str"),
    )
    if product_order is not None:
        frame = frame[[p for p in product_order if p in frame.columns]]
    return frame


def outlier_scores(
    totals: Totals,
    min_points: float = OUTLIER_MIN_POINTS,
    z_limit: float = OUTLIER_Z,
    min_judges: int = OUTLIER_MIN_JUDGES,
) -> pd.DataFrame:
    """Judge totals far from the panel's for that product, flagged for the chair.

    For product p with eligible totals from at least ``min_judges`` judges, take the panel
    median med_p and MAD_p = median |total - med_p| (all p's judges; both are robust, so the
    flagged total itself barely moves them). A judge's total x is flagged when BOTH
      |x - med_p| >= min_points (default 15 points on the 0..100 scale), and
      robust z = (x - med_p) / (1.4826 MAD_p) has |z| > z_limit (default 3.5, Iglewicz & Hoaglin).
    When MAD_p = 0 (most judges gave the same total) z is +-inf, so the points rule decides.
    The points floor stops a tightly agreeing panel from flagging a 3-point difference.

    Returns judge_id, product_id, total, panel_median, difference (x - med_p), robust_z;
    largest |difference| first. Flagged totals still count in every method.
    """
    matrix = score_matrix(totals)
    values = matrix.values
    columns = ["judge_id", "product_id", "total", "panel_median", "difference", "robust_z"]
    count = (~np.isnan(values)).sum(axis=0)
    usable = count >= min_judges
    if not usable.any():
        empty = {c: pd.Series(dtype="str" if c.endswith("_id") else float) for c in columns}
        return pd.DataFrame(empty)
    sub = values[:, usable]
    median = column_median(sub)
    diff = sub - median[None, :]
    mad = column_median(np.abs(diff))
    with np.errstate(invalid="ignore", divide="ignore"):
        z = diff / (MAD_SCALE * mad[None, :])
    z = np.where(np.isnan(diff), np.nan, np.where(np.isnan(z), 0.0, z))  # 0/0 -> 0
    flag = (np.abs(diff) >= min_points) & (np.abs(z) > z_limit)
    rows, cols = np.nonzero(flag)
    product_ids = np.array(matrix.product_ids, dtype=object)[usable]
    frame = pd.DataFrame(
        {
            "judge_id": pd.Series(np.array(matrix.judge_ids, dtype=object)[rows], dtype="str"),
            "product_id": pd.Series(product_ids[cols], dtype="str"),
            "total": sub[rows, cols],
            "panel_median": median[cols],
            "difference": diff[rows, cols],
            "robust_z": z[rows, cols],
        },
        columns=columns,
    )
    frame["_size"] = frame["difference"].abs()
    frame = frame.sort_values(["_size", "product_id", "judge_id"], ascending=[False, True, True])
    return frame.drop(columns="_size").reset_index(drop=True)
