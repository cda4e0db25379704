"""Aggregation methods: how the eligible judges' totals become one product's score.

Input is the per-judge totals table from :mod:`kbo_dashboard.scoring.scoring`: one row per
(judge, product) with columns ``judge_id``, ``product_id``, ``total`` (0..100) and ``eligible``.
Only eligible rows with a total count; everything else is ignored here (validation reports it).

Methods are declared like Tabbycat's standings metrics: one small class each, and everything
about a method lives on its class: the ``key``, the catalogue entries of its names, description
and the other words the Settings tab may use for it (:mod:`kbo_dashboard.i18n`), the rule, its
leave-one-judge-out computation, and what "fewest totals to move" can say about it
(:class:`MoveRule`). :data:`METHODS` is the registry (:func:`register` adds one) and
:func:`aggregate` the one entry point. Every method works on a judges x products matrix
(NaN = no eligible total), so the robustness analysis can re-run them hundreds of times cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TypeAlias

import numpy as np
import pandas as pd

from kbo_dashboard.scoring import leave_one_out
from kbo_dashboard.scoring.ranking import rank_key

TOTALS_COLUMNS = ("judge_id", "product_id", "total", "eligible")
DEFAULT_METHOD = "mean"


@dataclass(frozen=True)
class ScoreMatrix:
    """Eligible totals as a judges x products array; NaN where a judge has no eligible total.

    Rows follow ``judge_ids`` and columns ``product_ids``, both sorted ascending. Every judge and
    product in the totals table appears, even one with no eligible total (an all-NaN row/column).
    """

    judge_ids: list[str]
    product_ids: list[str]
    values: np.ndarray

    def without_judge(self, index: int) -> ScoreMatrix:
        """The same matrix with judge row ``index`` removed."""
        keep = np.arange(len(self.judge_ids)) != index
        judges = [j for i, j in enumerate(self.judge_ids) if i != index]
        return ScoreMatrix(judges, self.product_ids, self.values[keep])


# A totals table, or its matrix built once per refresh.
Totals: TypeAlias = pd.DataFrame | ScoreMatrix


def score_matrix(totals: Totals) -> ScoreMatrix:
    """Build the :class:`ScoreMatrix` from a totals table (one row per judge and product).

    A :class:`ScoreMatrix` is returned as it is, so every analysis function that takes totals
    also takes a matrix built once per refresh (the page then pays for the build only once).

    Raises ``ValueError`` when a column is missing or a (judge, product) pair appears twice:
    both are programming errors in the caller, not bad sheet input.
    """
    if isinstance(totals, ScoreMatrix):
        return totals
    missing = [c for c in TOTALS_COLUMNS if c not in totals.columns]
    if missing:
        raise ValueError(f"totals table lacks columns {missing}")
    judge_codes, judges = pd.factorize(totals["judge_id"].astype(str), sort=True)
    product_codes, products = pd.factorize(totals["product_id"].astype(str), sort=True)
    n_products = len(products)
    pair = judge_codes.astype(np.int64) * max(n_products, 1) + product_codes
    if len(np.unique(pair)) != len(pair):
        raise ValueError("totals table has more than one row for a (judge_id, product_id) pair")
    total = pd.to_numeric(totals["total"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    eligible = totals["eligible"].to_numpy(dtype=bool, na_value=False) & ~np.isnan(total)
    values = np.full((len(judges), n_products), np.nan)
    values[judge_codes[eligible], product_codes[eligible]] = total[eligible]
    return ScoreMatrix([str(j) for j in judges], [str(p) for p in products], values)


def _column_counts(values: np.ndarray) -> np.ndarray:
    return (~np.isnan(values)).sum(axis=0)


def _column_mean(values: np.ndarray) -> np.ndarray:
    counts = _column_counts(values)
    sums = np.nansum(values, axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts > 0, sums / counts, np.nan)


def column_median(values: np.ndarray) -> np.ndarray:
    """Median of each column ignoring NaN (NaN for an empty column); faster than nanmedian."""
    n_rows, n_cols = values.shape
    counts = _column_counts(values)
    if n_rows == 0:
        return np.full(n_cols, np.nan)
    ordered = np.sort(values, axis=0)  # NaN sorts last
    low = np.clip((counts - 1) // 2, 0, None)
    high = np.clip(counts // 2, 0, n_rows - 1)
    columns = np.arange(n_cols)
    middle = (ordered[low, columns] + ordered[high, columns]) / 2
    return np.where(counts > 0, middle, np.nan)


class MoveRule(Enum):
    """What :mod:`kbo_dashboard.analysis.moves` can say about closing the gap under a method.

    MONOTONE and the two below it need a product's score to depend on its own column only, the
    same whichever judge gave which total, and never to fall when a total rises.
    """

    #: The score is the plain mean of the counted totals: the exact count and points.
    MEAN = "mean"
    #: The score is the median: the exact count; the points too with an odd count on both sides.
    MEDIAN = "median"
    #: Monotone in every total (as above): the exact count, the points not given.
    MONOTONE = "monotone"
    #: Nothing is said (one total moves other products too, or nothing is known).
    UNKNOWN = "unknown"


class AggregationMethod:
    """Base of every method: a key, catalogue entries, and a rule over the score matrix.

    A new method sets ``key``, writes :meth:`scores` and says what is known about moving its
    totals in ``moves``; the catalogue holds ``analysis.method.<key>.name`` and ``.description``
    (and, if the Settings tab may name it otherwise, ``.aliases``: words separated by ``;``).
    """

    key: str = ""
    #: What "fewest totals to move" can say about this method (nothing, unless declared).
    moves: MoveRule = MoveRule.UNKNOWN

    def catalogue_key(self, entry: str) -> str:
        """The catalogue key of the method's ``name``, ``description`` or ``aliases``."""
        return f"analysis.method.{self.key}.{entry}"

    @property
    def name_th(self) -> str:
        return self.name("th")

    @property
    def name_en(self) -> str:
        return self.name("en")

    def name(self, lang: str = "th") -> str:
        """The method's name as shown to users, from the message catalogue."""
        from kbo_dashboard.i18n import t

        return t(self.catalogue_key("name"), lang)

    def description(self, lang: str = "th") -> str:
        """One or two sentences for the Settings tab and reports."""
        from kbo_dashboard.i18n import t

        return t(self.catalogue_key("description"), lang)

    def scores(self, values: np.ndarray) -> np.ndarray:
        """Each product's score (one per column of ``values``); NaN when no judge counted."""
        raise NotImplementedError

    def without_each_judge(self, values: np.ndarray) -> np.ndarray:
        """Scores with each judge left out in turn: row ``i`` without judge row ``i``.

        The general way scores the panel again without each judge, as
        :func:`~kbo_dashboard.scoring.scoring.score_competition` with that judge excluded
        would; a method with a closed form overrides it (:mod:`.leave_one_out`).
        """
        rows = [self.scores(np.delete(values, i, axis=0)) for i in range(values.shape[0])]
        return np.asarray(rows, dtype=float).reshape(values.shape)


class MeanMethod(AggregationMethod):
    """Arithmetic mean of the eligible judges' totals.

    The default, and the rule in the committee's own scoring sheets and in most product and
    hackathon judging forms. Every judge weighs the same; one extreme total moves the mean by
    (its distance from the mean) / n.
    """

    key = "mean"
    moves = MoveRule.MEAN

    def scores(self, values: np.ndarray) -> np.ndarray:
        return _column_mean(values)

    def without_each_judge(self, values: np.ndarray) -> np.ndarray:
        return leave_one_out.mean_without(values)


class TrimmedMeanMethod(AggregationMethod):
    """Mean after dropping the single highest and the single lowest judge total.

    As figure skating panels have long done, and as Tabbycat's "trimmed mean (high-low drop)"
    speaker metric does. Only one total is dropped at each end, even when several are equal.
    With fewer than three totals nothing can be dropped and keep a score, so the plain mean is
    used (as Tabbycat does); the product's ``n_judges`` still says how few judges there were.
    """

    key = "trimmed_mean"
    moves = MoveRule.MONOTONE

    def scores(self, values: np.ndarray) -> np.ndarray:
        counts = _column_counts(values)
        sums = np.nansum(values, axis=0)
        filled_hi = np.where(np.isnan(values), -np.inf, values).max(axis=0, initial=-np.inf)
        filled_lo = np.where(np.isnan(values), np.inf, values).min(axis=0, initial=np.inf)
        with np.errstate(invalid="ignore", divide="ignore"):
            trimmed = (sums - filled_hi - filled_lo) / (counts - 2)
        return np.where(counts >= 3, trimmed, _column_mean(values))

    def without_each_judge(self, values: np.ndarray) -> np.ndarray:
        return leave_one_out.trimmed_without(values, self.scores(values))


class MedianMethod(AggregationMethod):
    """Median of the eligible judges' totals (the mean of the middle two for an even count).

    The rule of Balinski and Laraki's "majority judgment" (a product gets its median grade), and a
    common robust check in panel judging: no single extreme judge can move it far; half the
    judges must move to move it.
    """

    key = "median"
    moves = MoveRule.MEDIAN

    def scores(self, values: np.ndarray) -> np.ndarray:
        return column_median(values)

    def without_each_judge(self, values: np.ndarray) -> np.ndarray:
        return leave_one_out.median_without(values, self.scores(values))


class NormalisedMethod(AggregationMethod):
    """Mean of judge-normalised totals: each judge's totals as z-scores, put back on the scale.

    As Evalato's score normalisation and many hackathon judging tools do, so a harsh judge and
    a generous judge count the same. For judge j: z = (total - mean_j) / sd_j over j's eligible
    totals, then normalised = panel_mean + z * panel_sd, where panel_mean and panel_sd are over
    all eligible totals (population sd, ddof=0, on both sides). The product's score is the mean
    of its normalised totals.

    A judge with one eligible total, or the same total for every product (sd_j = 0), expresses no
    difference between products: z = 0, so each of their totals counts as the panel mean. Their
    totals are never dropped. Judges who scored different subsets are normalised on their own
    subset, so the method is best read once scoring is complete.
    """

    key = "normalised"

    def z_scores(self, values: np.ndarray) -> np.ndarray:
        """Each judge's totals as z-scores on their own eligible totals (NaN stays NaN)."""
        present = ~np.isnan(values)
        counts = present.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            judge_mean = np.where(counts > 0, np.nansum(values, axis=1) / counts, np.nan)
            centred = values - judge_mean[:, None]
            judge_sd = np.sqrt(np.nansum(centred**2, axis=1) / counts)
            z = np.where(judge_sd[:, None] > 1e-9, centred / judge_sd[:, None], 0.0)
        return np.where(present, z, np.nan)

    def normalised_values(self, values: np.ndarray) -> np.ndarray:
        """The matrix of normalised totals (NaN stays NaN)."""
        present = ~np.isnan(values)
        if not present.any():
            return values.copy()
        z = self.z_scores(values)
        pooled = values[present]
        return np.where(present, pooled.mean() + z * pooled.std(), np.nan)

    def scores(self, values: np.ndarray) -> np.ndarray:
        return _column_mean(self.normalised_values(values))

    def without_each_judge(self, values: np.ndarray) -> np.ndarray:
        # each judge's z-scores do not depend on the other judges
        return leave_one_out.normalised_without(values, self.z_scores(values))


METHODS: dict[str, AggregationMethod] = {
    m.key: m for m in (MeanMethod(), TrimmedMeanMethod(), MedianMethod(), NormalisedMethod())
}
BUILT_IN = frozenset(METHODS)


def register(method: AggregationMethod) -> AggregationMethod:
    """Add ``method`` (a new key) to :data:`METHODS`: every page, analysis and document then
    offers it. :func:`unregister` takes it away again (a test's toy method, say)."""
    if not method.key or method.key in METHODS:
        raise ValueError(f"aggregation method key {method.key!r} is empty or taken")
    METHODS[method.key] = method
    return method


def unregister(method_key: str) -> None:
    """Remove a method :func:`register` added (one of the built-in four cannot be removed)."""
    if method_key in BUILT_IN:
        raise ValueError(f"{method_key!r} is a built-in aggregation method")
    METHODS.pop(method_key, None)


def method_name(method_key: str, lang: str = "th") -> str:
    """The method's name in ``lang``; the key itself for a method not registered (a decision
    typed into the sheet may name anything)."""
    method = METHODS.get(method_key)
    return method.name(lang) if method is not None else method_key


def get_method(method_key: str) -> AggregationMethod:
    """The registered method, or ``ValueError`` naming the known keys."""
    try:
        return METHODS[method_key]
    except KeyError:
        raise ValueError(
            f"unknown aggregation method {method_key!r}; known: {list(METHODS)}"
        ) from None


def aggregate_matrix(matrix: ScoreMatrix, method_key: str = DEFAULT_METHOD) -> pd.DataFrame:
    """:func:`aggregate` on an already built :class:`ScoreMatrix`."""
    scores = get_method(method_key).scores(matrix.values)
    return pd.DataFrame(
        {
            "product_id": pd.Series(matrix.product_ids, dtype="str"),
            "score": scores.astype(float),
            "n_judges": _column_counts(matrix.values).astype(int),
        }
    )


def aggregate(totals: Totals, method_key: str = DEFAULT_METHOD) -> pd.DataFrame:
    """Each product's score under ``method_key``.

    Returns one row per product in ``totals`` (sorted by product_id) with ``score`` (NaN when no
    eligible judge yet) and ``n_judges``, the number of eligible judge totals counted before any
    trimming. Ranking, quorum and tie-breaks are the scoring module's job.
    """
    return aggregate_matrix(score_matrix(totals), method_key)


def ranking_order(scores: np.ndarray) -> np.ndarray:
    """Column indices best first: score descending, then column order (product_id); NaN left out.

    The simple order used when no full tie-break ranking is passed in.
    """
    valid = np.flatnonzero(~np.isnan(scores))
    return valid[np.argsort(-rank_key(scores[valid]), kind="stable")]
