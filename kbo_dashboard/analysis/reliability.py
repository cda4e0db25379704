"""Agreement that uses every eligible score, and how sure the ICCs are.

- Krippendorff's alpha (interval metric), from the ``krippendorff`` package, on every eligible
  total with the missing ones left missing: a judge still scoring or with a declared conflict
  still counts for the products they did score. A product counts when at least two judges gave
  it an eligible total (a lone total has nothing to be compared with). Totals are rounded to
  0.1 point first, so the package's table of distinct values stays small at any panel size.
- 95% confidence intervals for ICC(2,k) and ICC(3,k) by McGraw & Wong (1996), "Forming
  inferences about some intraclass correlation coefficients", Psychological Methods 1(1),
  Table 7 (cases 2A and 3, average measures), with F quantiles from :func:`scipy.special.fdtri`
  (what ``scipy.stats.f.ppf`` computes, without its per-call overhead):

  ICC(3,k) (their ICC(C,k)): F0 = BMS / EMS, FL = F0 / F(1-a/2; n-1, (n-1)(k-1)),
  FU = F0 * F(1-a/2; (n-1)(k-1), n-1); interval (1 - 1/FL, 1 - 1/FU).

  ICC(2,k) (their ICC(A,k)), with r = ICC(2,1): a = k r / (n (1 - r)),
  b = 1 + k r (n - 1) / (n (1 - r)),
  v = (a JMS + b EMS)^2 / ((a JMS)^2 / (k - 1) + (b EMS)^2 / ((n - 1)(k - 1))),
  F* = F(1-a/2; n-1, v), F_* = F(1-a/2; v, n-1);
  single-judge bounds L = n (BMS - F* EMS) / (F* (k JMS + (k n - k - n) EMS) + n BMS),
  U = n (F_* BMS - EMS) / (k JMS + (k n - k - n) EMS + n F_* BMS), then Spearman-Brown to k
  judges: k L / (1 + (k - 1) L), and the same for U.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

CONFIDENCE = 0.95
FEW_PRODUCTS = 2  # a scope with this many products or fewer gets a caution, not a figure


@dataclass(frozen=True)
class Alpha:
    """Krippendorff's alpha and what it rests on."""

    alpha: float
    n_judges: int  # judges with at least one total in a product with two or more totals
    n_products: int  # products with two or more eligible totals
    n_totals: int  # the totals used


def krippendorff_alpha(values: np.ndarray) -> Alpha:
    """Alpha (interval) over a judges x products array, NaN = no eligible total."""
    import krippendorff

    present = ~np.isnan(values)
    pairable = present.sum(axis=0) >= 2
    used = present & pairable[None, :]
    n_judges, n_products, n_totals = (
        int(used.any(axis=1).sum()),
        int(pairable.sum()),
        int(used.sum()),
    )
    value = np.nan
    data = np.round(values[:, pairable], 1)
    if n_products >= 1 and len(np.unique(data[~np.isnan(data)])) >= 2:
        value = float(krippendorff.alpha(reliability_data=data, level_of_measurement="interval"))
    return Alpha(value if np.isfinite(value) else np.nan, n_judges, n_products, n_totals)


def mean_squares(x: np.ndarray) -> tuple[float, float, float, float]:
    """(BMS, JMS, EMS, WMS) of a complete targets x judges array (two-way ANOVA)."""
    n, k = x.shape
    grand = x.mean()
    ss_rows = k * ((x.mean(axis=1) - grand) ** 2).sum()
    ss_cols = n * ((x.mean(axis=0) - grand) ** 2).sum()
    ss_res = ((x - grand) ** 2).sum() - ss_rows - ss_cols
    wms = (ss_cols + ss_res) / (n * (k - 1))
    return ss_rows / (n - 1), ss_cols / (k - 1), ss_res / ((n - 1) * (k - 1)), wms


def icc_intervals(values: np.ndarray, confidence: float = CONFIDENCE) -> dict[str, tuple]:
    """{"2,k": (low, high), "3,k": (low, high)} for a complete targets x judges array."""
    nan = (np.nan, np.nan)
    x = np.asarray(values, dtype=float)
    if x.ndim != 2 or x.shape[0] < 2 or x.shape[1] < 2 or np.isnan(x).any():
        return {"2,k": nan, "3,k": nan}
    n, k = x.shape
    bms, jms, ems, _wms = mean_squares(x)
    q = 1 - (1 - confidence) / 2
    df1, df2 = n - 1, (n - 1) * (k - 1)
    out = {"2,k": nan, "3,k": nan}
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        f0 = bms / ems
        fl, fu = f0 / _f_quantile(q, df1, df2), f0 * _f_quantile(q, df2, df1)
        out["3,k"] = (1 - 1 / fl, 1 - 1 / fu)
        r = (bms - ems) / (bms + (k - 1) * ems + k * (jms - ems) / n)  # ICC(2,1)
        a = k * r / (n * (1 - r))
        b = 1 + k * r * (n - 1) / (n * (1 - r))
        v = (a * jms + b * ems) ** 2 / ((a * jms) ** 2 / (k - 1) + (b * ems) ** 2 / df2)
        f_star, f_low = _f_quantile(q, df1, v), _f_quantile(q, v, df1)
        spread = k * jms + (k * n - k - n) * ems
        low = n * (bms - f_star * ems) / (f_star * spread + n * bms)
        high = n * (f_low * bms - ems) / (spread + n * f_low * bms)
        out["2,k"] = tuple(k * s / (1 + (k - 1) * s) for s in (low, high))
    return {
        key: tuple(float(v) if np.isfinite(v) else np.nan for v in pair)
        for key, pair in out.items()
    }


def _f_quantile(q: float, dfn: float, dfd: float) -> float:
    """The F distribution's ``q`` quantile (``scipy.stats.f.ppf(q, dfn, dfd)``)."""
    return float(special.fdtri(dfn, dfd, q))
