"""Leave-one-judge-out in closed form: every judge's removal scored at once, with numpy.

Each function takes the eligible totals (judges x products, NaN = not counted) and returns the
same shape: row ``i`` holds each product's score with judge row ``i`` left out. A judge with
no total for a product leaves that product's score as it is. The methods of
:mod:`kbo_dashboard.scoring.aggregation` use these as their
:meth:`~kbo_dashboard.scoring.aggregation.AggregationMethod.without_each_judge`:

- mean: the column sums minus judge i's row, over the counts minus one;
- trimmed mean: the same sums, less the highest and lowest left once judge i's total is gone
  (the two largest and two smallest totals of each column are enough to know them);
- median: the sorted column with judge i's total taken out, read at the middle positions;
- judge-normalised: each judge's z-scores do not depend on the other judges, so only the pooled
  mean and standard deviation change; both come from sums minus judge i's row.

A method without a closed form scores the panel again without each judge in turn (the base
class's general way). ``tests/test_panel.py`` compares all of this with the naive re-scoring.
"""

from __future__ import annotations

import numpy as np


def without_each_mean(
    sums: np.ndarray, counts: np.ndarray, filled: np.ndarray, present: np.ndarray
) -> np.ndarray:
    """Column means without each row: (sum - row) / (count - 1); NaN for an empty column."""
    reduced = counts - present
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(reduced > 0, (sums - filled) / reduced, np.nan)


def _parts(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    present = ~np.isnan(values)
    filled = np.where(present, values, 0.0)
    return present, filled, filled.sum(0), present.sum(0)


def mean_without(values: np.ndarray) -> np.ndarray:
    """The mean of each column without each judge."""
    present, filled, sums, counts = _parts(values)
    return without_each_mean(sums, counts, filled, present)


def trimmed_without(values: np.ndarray, whole: np.ndarray) -> np.ndarray:
    """The trimmed mean without each judge; ``whole``: the whole panel's trimmed means."""
    present, filled, sums, counts = _parts(values)
    ordered = np.sort(values, axis=0)  # NaN last
    n_rows = values.shape[0]

    def at(position: np.ndarray) -> np.ndarray:
        return np.take_along_axis(ordered, np.clip(position, 0, n_rows - 1)[None, :], 0)[0]

    hi1, hi2 = at(counts - 1), at(counts - 2)
    lo1, lo2 = ordered[0], at(np.ones_like(counts))
    high = np.where(filled == hi1, hi2, hi1)
    low = np.where(filled == lo1, lo2, lo1)
    reduced = counts - present
    with np.errstate(invalid="ignore", divide="ignore"):
        trimmed = (sums - filled - high - low) / (reduced - 2)
    mean = without_each_mean(sums, counts, filled, present)
    alone = np.where(reduced >= 3, trimmed, mean)
    return np.where(present, alone, whole)


def median_without(values: np.ndarray, whole: np.ndarray) -> np.ndarray:
    """The median without each judge; ``whole``: the whole panel's medians."""
    present = ~np.isnan(values)
    counts = present.sum(0)
    n_rows, n_cols = values.shape
    order = np.argsort(values, axis=0, kind="stable")  # NaN last
    ordered = np.take_along_axis(values, order, 0)
    position = np.empty_like(order)
    np.put_along_axis(position, order, np.arange(n_rows)[:, None].repeat(n_cols, 1), 0)
    reduced = counts - 1  # only used where the judge is present

    def reduced_at(k: np.ndarray) -> np.ndarray:
        """The k-th smallest of the column once this judge's total is gone."""
        k = np.clip(k, 0, None)
        source = np.clip(k + (k >= position), 0, n_rows - 1)
        return np.take_along_axis(ordered, source, 0)

    low = reduced_at(np.broadcast_to((reduced - 1) // 2, values.shape))
    high = reduced_at(np.broadcast_to(reduced // 2, values.shape))
    alone = np.where(reduced > 0, (low + high) / 2, np.nan)
    return np.where(present, alone, whole)


def normalised_without(values: np.ndarray, z: np.ndarray) -> np.ndarray:
    """The judge-normalised mean without each judge; ``z``: each judge's z-scores."""
    present = ~np.isnan(values)
    zf = np.where(present, z, 0.0)
    pooled = values[present]
    if pooled.size == 0:
        return np.full(values.shape, np.nan)
    centre = pooled.mean()
    dev = np.where(present, values - centre, 0.0)
    n_row, s_row, q_row = present.sum(1), dev.sum(1), (dev**2).sum(1)
    n_left = pooled.size - n_row
    with np.errstate(invalid="ignore", divide="ignore"):
        shift = (s_row.sum() - s_row) / n_left  # reduced pool mean, minus centre
        var = (q_row.sum() - q_row) / n_left - shift**2
        pool_mean, pool_sd = centre + shift, np.sqrt(np.clip(var, 0, None))
        counts = present.sum(0)
        z_mean = without_each_mean(zf.sum(0), counts, zf, present)
    return pool_mean[:, None] + z_mean * pool_sd[:, None]
