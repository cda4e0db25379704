"""How far the judges agree: Kendall's W on their rankings and ICCs on their totals.

Both statistics need a complete block: every judge counted must have an eligible total for every
product counted. Per scope (overall, and each category) we first leave out products nobody has
an eligible total for yet, then leave out every judge missing any remaining product (a judge
still scoring, or one with a declared conflict in that scope). Every judge left out is named next
to each value, including a judge who has scored nothing yet, so the committee sees what the
figure rests on.

Kendall's W uses :func:`scipy.stats.rankdata` on
:func:`~kbo_dashboard.scoring.ranking.rank_key` (average ranks for ties) and the tie-corrected
formula; it equals Friedman's chi-square / (m (n - 1)), which the tests check against
:func:`scipy.stats.friedmanchisquare`. ICCs follow Shrout & Fleiss (1979) from the two-way ANOVA
mean squares, computed with numpy. scipy has no ICC; pingouin has one but pulls in statsmodels,
scikit-learn, matplotlib and seaborn for six lines of arithmetic, so we compute it here and check
it against the paper's published example in the tests. Krippendorff's alpha, which needs no
complete block, and the ICCs' confidence intervals come from
:mod:`kbo_dashboard.analysis.reliability`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import special, stats

from kbo_dashboard.analysis.reliability import (
    FEW_PRODUCTS,
    icc_intervals,
    krippendorff_alpha,
    mean_squares,
)
from kbo_dashboard.scoring.aggregation import ScoreMatrix, Totals, score_matrix
from kbo_dashboard.scoring.counts import format_score
from kbo_dashboard.scoring.ranking import rank_key

OVERALL = "overall"

# Kendall's W bands, after Schmidt (1997), "Managing Delphi surveys using nonparametric
# statistical techniques": 0.1 very weak, 0.3 weak, 0.5 moderate, 0.7 strong.
W_BANDS = ((0.1, "very_weak"), (0.3, "weak"), (0.5, "moderate"), (0.7, "strong"))
# ICC bands after Koo & Li (2016), J. Chiropractic Medicine 15(2): <.5 poor, .5-.75 moderate,
# .75-.9 good, >.9 excellent.
ICC_BANDS = ((0.5, "poor"), (0.75, "moderate"), (0.9, "good"))


@dataclass(frozen=True)
class KendallW:
    """Kendall's coefficient of concordance with its chi-square test."""

    w: float
    chi2: float
    df: int
    p_value: float
    n_judges: int
    n_products: int


def kendalls_w(values: np.ndarray) -> KendallW:
    """Kendall's W for a complete judges x products array (any scores; ranked per judge).

    W = 12 S / (m^2 (n^3 - n) - m sum_j T_j), where S is the sum of squared deviations of the
    products' rank sums from their mean, m judges, n products, and T_j = sum (t^3 - t) over the
    groups of t tied products in judge j's ranking. chi2 = m (n - 1) W with n - 1 df.
    NaN when fewer than 2 judges or 2 products, or when every judge tied every product.
    """
    values = np.asarray(values, dtype=float)
    m, n = values.shape if values.ndim == 2 else (0, 0)
    if m < 2 or n < 2 or np.isnan(values).any():
        return KendallW(np.nan, np.nan, max(n - 1, 0), np.nan, m, n)
    ranks = stats.rankdata(rank_key(values), axis=1)  # equal totals share a rank (issue 17)
    rank_sums = ranks.sum(axis=0)
    s = float(((rank_sums - rank_sums.mean()) ** 2).sum())
    ties = sum(
        float((c**3 - c).sum()) for c in (np.unique(r, return_counts=True)[1] for r in ranks)
    )
    denominator = m**2 * (n**3 - n) - m * ties
    if denominator <= 0:
        return KendallW(np.nan, np.nan, n - 1, np.nan, m, n)
    w = 12.0 * s / denominator
    chi2 = m * (n - 1) * w
    return KendallW(w, chi2, n - 1, float(special.chdtrc(n - 1, chi2)), m, n)


def icc(values: np.ndarray) -> dict[str, float]:
    """The six Shrout & Fleiss (1979) ICCs for a complete targets x judges array.

    From the two-way ANOVA with n targets (products) and k judges:
    BMS = k sum (row mean - grand)^2 / (n-1), JMS = n sum (col mean - grand)^2 / (k-1),
    EMS = residual SS / ((n-1)(k-1)), WMS = (judges SS + residual SS) / (n (k-1)). Then
    ICC(1,1) = (BMS-WMS) / (BMS+(k-1)WMS)            ICC(1,k) = (BMS-WMS) / BMS
    ICC(2,1) = (BMS-EMS) / (BMS+(k-1)EMS+k(JMS-EMS)/n) ICC(2,k) = (BMS-EMS) / (BMS+(JMS-EMS)/n)
    ICC(3,1) = (BMS-EMS) / (BMS+(k-1)EMS)            ICC(3,k) = (BMS-EMS) / BMS
    Keys: "1,1", "2,1", "3,1", "1,k", "2,k", "3,k". NaN when n < 2 or k < 2 or undefined.
    """
    x = np.asarray(values, dtype=float)
    keys = ("1,1", "2,1", "3,1", "1,k", "2,k", "3,k")
    if x.ndim != 2 or x.shape[0] < 2 or x.shape[1] < 2 or np.isnan(x).any():
        return dict.fromkeys(keys, np.nan)
    n, k = x.shape
    bms, jms, ems, wms = mean_squares(x)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = {
            "1,1": (bms - wms) / (bms + (k - 1) * wms),
            "2,1": (bms - ems) / (bms + (k - 1) * ems + k * (jms - ems) / n),
            "3,1": (bms - ems) / (bms + (k - 1) * ems),
            "1,k": (bms - wms) / bms,
            "2,k": (bms - ems) / (bms + (jms - ems) / n),
            "3,k": (bms - ems) / bms,
        }
    return {key: float(v) if np.isfinite(v) else np.nan for key, v in out.items()}


def complete_block(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Masks (judges kept, products kept) for the complete block described in the module doc."""
    present = ~np.isnan(values)
    products = present.any(axis=0)
    judges = present[:, products].all(axis=1) if products.any() else np.zeros(len(values), bool)
    return judges, products


def _scope_row(scope: str, values: np.ndarray, judges_ids, product_ids, conflicts) -> dict:
    judges, products = complete_block(values)
    block = values[np.ix_(judges, products)]
    kw = kendalls_w(block)
    iccs = icc(block.T)
    intervals = icc_intervals(block.T)
    alpha = krippendorff_alpha(values)
    out = ~judges if products.any() else np.zeros(len(values), bool)  # everyone not counted
    left_out = [j for j, gone in zip(judges_ids, out) if gone]
    declared = conflicts[:, products].any(axis=1) if conflicts is not None else out & False
    reasons = {j: "conflict" if c else "not_scored" for j, c, gone in
               zip(judges_ids, declared, out) if gone}  # fmt: skip
    return {
        "scope": scope,
        "n_products": int(products.sum()),
        "n_judges": int(judges.sum()),
        "n_judges_left_out": len(left_out),
        "kendall_w": kw.w,
        "chi2": kw.chi2,
        "p_value": kw.p_value,
        "icc_2k": iccs["2,k"],
        "icc_3k": iccs["3,k"],
        "w_level": w_level(kw.w),
        "icc_level": icc_level(iccs["2,k"]),
        "icc_2k_low": intervals["2,k"][0],
        "icc_2k_high": intervals["2,k"][1],
        "icc_3k_low": intervals["3,k"][0],
        "icc_3k_high": intervals["3,k"][1],
        "alpha": alpha.alpha,
        "alpha_judges": alpha.n_judges,
        "alpha_products": alpha.n_products,
        "alpha_totals": alpha.n_totals,
        "left_out": tuple(sorted(reasons.items())),
        "few_products": int(products.sum()) <= FEW_PRODUCTS,
    }


def agreement_table(
    totals: Totals, products: pd.DataFrame | None = None, judges: Iterable[str] = ()
) -> pd.DataFrame:
    """Kendall's W, ICC(2,k), ICC(3,k) and alpha overall and per category, one row per scope.

    ``products`` needs ``product_id`` and ``category``; without it only the overall row is made.
    ``judges``: the whole panel's judge ids, so a judge with no total at all (not in ``totals``)
    is named as left out too. Categories are listed in sorted order after "overall". Columns:
    scope, n_products, n_judges, n_judges_left_out (every judge of the panel not in that scope's
    complete block, while it has a product), kendall_w, chi2,
    p_value, icc_2k, icc_3k, w_level, icc_level; the 95% intervals icc_2k_low, icc_2k_high,
    icc_3k_low, icc_3k_high; Krippendorff's alpha with alpha_judges, alpha_products and
    alpha_totals (what it rests on); left_out ((judge_id, "conflict" | "not_scored") pairs: the
    judges W and the ICCs leave out, and why); few_products (two or fewer: a caution, not a figure).
    """
    matrix = with_judges(score_matrix(totals), judges)
    judges, products_ids = matrix.judge_ids, matrix.product_ids
    conflicts = conflict_matrix(totals, judges, products_ids)
    rows = [_scope_row(OVERALL, matrix.values, judges, products_ids, conflicts)]
    if products is not None and len(products):
        category_of = dict(
            zip(products["product_id"].astype(str), products["category"].astype(str))
        )
        columns = np.array([category_of.get(p, "") for p in matrix.product_ids])
        for category in sorted(set(category_of.values())):
            keep = columns == category
            ids = [p for p, k in zip(products_ids, keep) if k]
            part = conflicts[:, keep] if conflicts is not None else None
            rows.append(_scope_row(category, matrix.values[:, keep], judges, ids, part))
    return pd.DataFrame(rows)


def with_judges(matrix: ScoreMatrix, judges: Iterable[str]) -> ScoreMatrix:
    """``matrix`` with an empty row (no total) for each of ``judges`` it lacks, in id order."""
    missing = sorted({str(j) for j in judges} - set(matrix.judge_ids))
    if not missing:
        return matrix
    ids = matrix.judge_ids + missing
    values = np.vstack([matrix.values, np.full((len(missing), len(matrix.product_ids)), np.nan)])
    order = np.argsort(np.asarray(ids, dtype=object), kind="stable")
    return ScoreMatrix([ids[i] for i in order], matrix.product_ids, values[order])


def conflict_matrix(totals, judge_ids, product_ids) -> np.ndarray | None:
    """Judges x products, True where the judge declared a conflict with the product.

    Why a judge is left out of a scope: "conflict" when a product in it is a declared conflict,
    else "not_scored" (still scoring, or a row not counted until a cell is fixed). None when the
    totals have no ``conflict`` column (every reason is then "not_scored").
    """
    if not hasattr(totals, "columns") or "conflict" not in totals.columns:
        return None
    out = np.zeros((len(judge_ids), len(product_ids)), dtype=bool)
    declared = totals[totals["conflict"].astype(bool)]
    rows = pd.Index(judge_ids).get_indexer(declared["judge_id"].astype(str))
    cols = pd.Index(product_ids).get_indexer(declared["product_id"].astype(str))
    keep = (rows >= 0) & (cols >= 0)
    out[rows[keep], cols[keep]] = True
    return out


def _band(value: float, bands: tuple[tuple[float, str], ...], top: str) -> str:
    if value is None or not np.isfinite(value):
        return "unknown"
    for limit, level in bands:
        if value < limit:
            return level
    return top


def w_level(w: float) -> str:
    """very_weak (< .1), weak (< .3), moderate (< .5), strong (< .7), very_strong, or unknown."""
    return _band(w, W_BANDS, "very_strong")


def icc_level(value: float) -> str:
    """poor (< .5), moderate (< .75), good (< .9), excellent, or unknown."""
    return _band(value, ICC_BANDS, "excellent")


def interpret_w(w: float, lang: str = "th") -> str:
    """Plain-language meaning of Kendall's W for the committee, from the message catalogue."""
    from kbo_dashboard.i18n import t

    value = "-" if not np.isfinite(w) else format_score(w)
    return t(f"analysis.agreement.w.{w_level(w)}", lang, w=value)


def interpret_icc(value: float, lang: str = "th") -> str:
    """Plain-language meaning of the panel's ICC(2,k) for the committee."""
    from kbo_dashboard.i18n import t

    shown = "-" if not np.isfinite(value) else format_score(value)
    return t(f"analysis.agreement.icc.{icc_level(value)}", lang, icc=shown)
