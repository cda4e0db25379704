"""Leave-one-judge-out for ranking: every judge's removal scored and ranked at once.

A :class:`Panel` holds what ranking needs, built once per refresh: the eligible totals (judges x
products, NaN = not counted), the tie-break criteria's scores on the counted rows (judges x
products x tie-breaks) and the quorum. :func:`scenario_scores` gives, for every "scenario" at
once, each product's score: row 0 is the whole panel, row ``1 + i`` the panel without judge ``i``
(each method's own
:meth:`~kbo_dashboard.scoring.aggregation.AggregationMethod.without_each_judge`, in closed form
for the four built-in methods: :mod:`kbo_dashboard.scoring.leave_one_out`).

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
from kbo_dashboard.scoring.aggregation import METHODS, ScoreMatrix, get_method, score_matrix
from kbo_dashboard.scoring.leave_one_out import without_each_mean


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


def scenario_scores(values: np.ndarray, method: str) -> np.ndarray:
    """Scores per scenario: row 0 the whole panel, row 1 + i without judge row i."""
    rule = get_method(method)
    whole = rule.scores(values)
    if values.shape[0] == 0:
        return whole[None, :]
    return np.vstack([whole[None, :], rule.without_each_judge(values).reshape(values.shape)])


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
    alone = without_each_mean(sums, counts, filled, present)
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
