"""Leave-one-judge-out in closed form: every judge's removal scored at once, with numpy.

A :class:`Panel` holds what ranking needs, built once per refresh: the eligible totals (judges x
products, NaN = not counted), the tie-break criteria's scores on the counted rows (judges x
products x tie-breaks) and the quorum. :func:`scenario_scores` gives, for every "scenario" at
once, each product's score: row 0 is the whole panel, row ``1 + i`` the panel without judge ``i``.

- mean: the column sums minus judge i's row, over the counts minus one;
- trimmed mean: the same sums, less the highest and lowest left once judge i's total is gone
  (the two largest and two smallest totals of each column are enough to know them);
- median: the sorted column with judge i's total taken out, read at the middle positions;
- judge-normalised: each judge's z-scores do not depend on the other judges, so only the pooled
  mean and standard deviation change; both come from sums minus judge i's row.

Tie-break means are criterion sums minus judge i's row, and the quorum applies to the reduced
panel's counts, exactly as :func:`kbo_dashboard.scoring.scoring.score_competition` ranks.
:func:`first_places` then marks each scenario's first-placed products (several on a shared first
place). ``tests/test_panel.py`` compares all of this with the naive re-scoring loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from kbo_dashboard.scoring import ranking
from kbo_dashboard.scoring.aggregation import METHODS, NormalisedMethod, ScoreMatrix, score_matrix


@dataclass(frozen=True)
class Panel:
    """Totals, tie-break criterion scores and quorum: what ranking the products needs."""

    matrix: ScoreMatrix
    tiebreaks: np.ndarray  # judges x products x tie-break criteria; NaN where not counted
    quorum: int = 1

    @property
    def values(self) -> np.ndarray:
        return self.matrix.values

    @classmethod
    def of(cls, totals, tiebreaks: np.ndarray | None = None, quorum: int = 1) -> Panel:
        """A panel from totals (or a matrix); no tie-break criteria unless given."""
        matrix = score_matrix(totals)
        if tiebreaks is None:
            tiebreaks = np.empty((*matrix.values.shape, 0))
        return cls(matrix, tiebreaks, max(int(quorum), 1))

    @cached_property
    def scenario_means(self) -> np.ndarray:
        """Tie-break means per scenario (the same under every method), built once."""
        return scenario_tiebreaks(self.tiebreaks)

    def judges_with_totals(self) -> np.ndarray:
        """Row indices of judges with at least one counted total."""
        return np.flatnonzero(~np.isnan(self.values).all(axis=1))


def competition_panel(comp, totals=None) -> Panel:
    """The :class:`Panel` of a :class:`~kbo_dashboard.intake.parse.Competition` (vectorised).

    ``totals``: the competition's judge totals if already built (every judge, none excluded).
    """
    from kbo_dashboard.scoring.scoring import judge_totals, positions

    matrix = score_matrix(judge_totals(comp) if totals is None else totals)
    tiebreak_ids = [m.key.removeprefix("mean_") for m in ranking.precedence(comp.criteria)[1:]]
    cube = np.full((*matrix.values.shape, len(tiebreak_ids)), np.nan)
    scores = comp.scores
    crit = positions(tiebreak_ids, scores["criterion_id"])
    rows = positions(matrix.judge_ids, scores["judge_id"])
    cols = positions(matrix.product_ids, scores["product_id"])
    keep = np.flatnonzero((rows >= 0) & (cols >= 0) & (crit >= 0))[::-1]  # first row wins
    cube[rows[keep], cols[keep], crit[keep]] = scores["score"].to_numpy(float)[keep]
    cube[np.isnan(matrix.values)] = np.nan  # only counted rows break ties
    return Panel(matrix, cube, max(int(comp.settings.get("quorum") or 1), 1))


def _without_each_mean(sums, counts, filled, present) -> np.ndarray:
    """Column means without each row: (sum - row) / (count - 1); NaN for an empty column."""
    reduced = counts - present
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(reduced > 0, (sums - filled) / reduced, np.nan)


def _trimmed_without(values, present, filled, sums, counts) -> np.ndarray:
    ordered = np.sort(values, axis=0)  # NaN last
    n_rows = values.shape[0]

    def at(position):
        return np.take_along_axis(ordered, np.clip(position, 0, n_rows - 1)[None, :], 0)[0]

    hi1, hi2 = at(counts - 1), at(counts - 2)
    lo1, lo2 = ordered[0], at(np.ones_like(counts))
    high = np.where(filled == hi1, hi2, hi1)
    low = np.where(filled == lo1, lo2, lo1)
    reduced = counts - present
    with np.errstate(invalid="ignore", divide="ignore"):
        trimmed = (sums - filled - high - low) / (reduced - 2)
    mean = _without_each_mean(sums, counts, filled, present)
    alone = np.where(reduced >= 3, trimmed, mean)
    whole = METHODS["trimmed_mean"].scores(values)
    return np.where(present, alone, whole)


def _median_without(values, present, counts) -> np.ndarray:
    n_rows, n_cols = values.shape
    order = np.argsort(values, axis=0, kind="stable")  # NaN last
    ordered = np.take_along_axis(values, order, 0)
    position = np.empty_like(order)
    np.put_along_axis(position, order, np.arange(n_rows)[:, None].repeat(n_cols, 1), 0)
    reduced = counts - 1  # only used where the judge is present

    def reduced_at(k):  # k-th smallest of the column once this judge's total is gone
        k = np.clip(k, 0, None)
        source = np.clip(k + (k >= position), 0, n_rows - 1)
        return np.take_along_axis(ordered, source, 0)

    low = reduced_at(np.broadcast_to((reduced - 1) // 2, values.shape))
    high = reduced_at(np.broadcast_to(reduced // 2, values.shape))
    alone = np.where(reduced > 0, (low + high) / 2, np.nan)
    whole = METHODS["median"].scores(values)
    return np.where(present, alone, whole)


def _normalised_without(values, present) -> np.ndarray:
    z = NormalisedMethod().z_scores(values)  # per judge: unchanged by removing another
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
        z_mean = _without_each_mean(zf.sum(0), counts, zf, present)
    return pool_mean[:, None] + z_mean * pool_sd[:, None]


def scenario_scores(values: np.ndarray, method: str) -> np.ndarray:
    """Scores per scenario: row 0 the whole panel, row 1 + i without judge row i."""
    whole = METHODS[method].scores(values)
    if values.shape[0] == 0:
        return whole[None, :]
    present = ~np.isnan(values)
    filled = np.where(present, values, 0.0)
    sums, counts = filled.sum(0), present.sum(0)
    if method == "mean":
        alone = _without_each_mean(sums, counts, filled, present)
    elif method == "trimmed_mean":
        alone = _trimmed_without(values, present, filled, sums, counts)
    elif method == "median":
        alone = _median_without(values, present, counts)
    else:
        alone = _normalised_without(values, present)
    return np.vstack([whole[None, :], alone.reshape(values.shape)])


def scenario_counts(values: np.ndarray) -> np.ndarray:
    """Counted judges per product, per scenario (rows as in :func:`scenario_scores`)."""
    present = ~np.isnan(values)
    counts = present.sum(0)
    return np.vstack([counts[None, :], counts[None, :] - present])


def scenario_tiebreaks(cube: np.ndarray) -> np.ndarray:
    """Tie-break criterion means per scenario: scenarios x products x criteria."""
    present = ~np.isnan(cube)
    filled = np.where(present, cube, 0.0)
    sums, counts = filled.sum(0), present.sum(0)
    with np.errstate(invalid="ignore", divide="ignore"):
        whole = np.where(counts > 0, sums / counts, np.nan)
    alone = _without_each_mean(sums, counts, filled, present)
    return np.concatenate([whole[None], alone], axis=0)


def _keys(scores: np.ndarray, means: np.ndarray) -> list[np.ndarray]:
    """Ranking keys, larger better, rounded like :mod:`kbo_dashboard.scoring.ranking`."""
    keys = [scores, *(means[..., c] for c in range(means.shape[-1]))]
    return [np.nan_to_num(ranking.rank_key(k), nan=-np.inf) for k in keys]


def first_places(scores, counts, means, quorum: int) -> np.ndarray:
    """Boolean scenarios x products: the products placed first (after every tie-break)."""
    first = (counts >= quorum) & ~np.isnan(scores)
    for key in _keys(scores, means):
        best = np.where(first, key, -np.inf).max(axis=-1, keepdims=True, initial=-np.inf)
        first &= key == best
    return first


def order(panel: Panel, method: str) -> list[str]:
    """Ranked product ids best first under ``method`` (ties by product id), whole panel."""
    values = panel.values
    scores = METHODS[method].scores(values)
    means = panel.scenario_means[0]
    ranked = ((~np.isnan(values)).sum(0) >= panel.quorum) & ~np.isnan(scores)
    keys = _keys(scores, means)
    positions = np.lexsort([np.arange(len(scores)), *(-k for k in reversed(keys))])
    return [panel.matrix.product_ids[i] for i in positions if ranked[i]]


def _as_outcomes(panel: Panel, first: np.ndarray) -> list[tuple[str, ...]]:
    products = np.asarray(panel.matrix.product_ids, dtype=object)
    return [tuple(products[row]) for row in first]


def whole_outcome(panel: Panel, method: str) -> tuple[str, ...]:
    """First-placed product ids with the whole panel."""
    values = panel.values
    scores = METHODS[method].scores(values)[None, :]
    counts = (~np.isnan(values)).sum(0)[None, :]
    first = first_places(scores, counts, panel.scenario_means[:1], panel.quorum)
    return _as_outcomes(panel, first)[0]


def outcomes(panel: Panel, method: str) -> list[tuple[str, ...]]:
    """First-placed product ids per scenario (row 0 whole panel, 1 + i without judge i)."""
    scores = scenario_scores(panel.values, method)
    counts = scenario_counts(panel.values)
    first = first_places(scores, counts, panel.scenario_means, panel.quorum)
    return _as_outcomes(panel, first)
