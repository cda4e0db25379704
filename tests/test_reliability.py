"""Krippendorff's alpha on every eligible total, and the ICCs' 95% confidence intervals.

Published values:

- Shrout & Fleiss (1979) Table 2 (6 products x 4 judges): the psych package's ICC() on this data
  set (its documented example, ``ICC(sf)``) gives ICC(2,k) = .62 with 95% limits .071 and .93,
  ICC(3,k) = .91 with limits .676 and .99. By hand for ICC(3,k) (McGraw & Wong 1996, case 3):
  BMS = 11.24, EMS = 1.02, F0 = 11.03 on 5 and 15 df; F(.975; 5, 15) = 3.576 and
  F(.975; 15, 5) = 6.428, so FL = 11.03 / 3.576 = 3.084 and FU = 11.03 * 6.428 = 70.9:
  1 - 1/3.084 = .676 and 1 - 1/70.9 = .986.
- Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the 4 observers x 12 units
  example with missing values: interval alpha = .849.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbo_dashboard.analysis.agreement import agreement_table
from kbo_dashboard.analysis.reliability import icc_intervals, krippendorff_alpha
from tests.test_agreement import PRODUCTS, SHROUT_FLEISS, TOTALS

N = np.nan
KRIPPENDORFF_2011 = np.array(
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
        [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
    ]
)


def test_icc_intervals_match_the_published_values():
    intervals = icc_intervals(SHROUT_FLEISS)
    assert intervals["2,k"] == pytest.approx((0.071, 0.93), abs=0.005)
    assert intervals["3,k"] == pytest.approx((0.676, 0.986), abs=0.001)


def test_icc_intervals_need_a_complete_block_of_two_by_two():
    assert all(math.isnan(v) for v in icc_intervals(np.array([[1.0, 2.0]]))["2,k"])
    assert all(math.isnan(v) for v in icc_intervals(np.array([[1.0, N], [2.0, 3.0]]))["3,k"])


def test_alpha_matches_krippendorff_2011():
    result = krippendorff_alpha(KRIPPENDORFF_2011)
    assert result.alpha == pytest.approx(0.849, abs=0.0005)
    # unit 12 has one value (not pairable); units 1..11 hold 3+4+4+4+4+4+4+4+4+3+2 = 40 values
    assert (result.n_judges, result.n_products, result.n_totals) == (4, 11, 40)


def naive_alpha(values: np.ndarray) -> float:
    """Interval alpha from its definition: 1 - observed / expected disagreement."""
    units = [col[~np.isnan(col)] for col in values.T]
    units = [u for u in units if len(u) >= 2]
    pooled = np.concatenate(units)
    n = len(pooled)
    observed = sum(((u[:, None] - u[None, :]) ** 2).sum() / (len(u) - 1) for u in units) / n
    expected = ((pooled[:, None] - pooled[None, :]) ** 2).sum() / (n * (n - 1))
    return 1 - observed / expected


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.none(), st.integers(0, 20)), min_size=5, max_size=5),
        min_size=2,
        max_size=6,
    )
)
def test_alpha_equals_its_definition_on_random_panels_with_missing_totals(rows):
    values = np.array([[N if v is None else 5.0 * v for v in row] for row in rows])
    result = krippendorff_alpha(values)
    pairable = (~np.isnan(values)).sum(axis=0) >= 2
    pooled = values[:, pairable]
    if not pairable.any() or len(np.unique(pooled[~np.isnan(pooled)])) < 2:
        assert math.isnan(result.alpha)
    else:
        assert result.alpha == pytest.approx(naive_alpha(values), abs=1e-9)
    assert result.n_totals == int((~np.isnan(values[:, pairable])).sum())


def test_agreement_table_alpha_uses_judges_left_out_of_w_and_icc():
    table = agreement_table(TOTALS, PRODUCTS).set_index("scope")
    overall = table.loc["overall"]
    # W and ICC rest on J1 and J2 (J3 has no eligible F1). Alpha uses every eligible total:
    # J1 6 + J2 6 + J3 5 = 17, over all 6 products and 3 judges. This table has no conflict
    # column, so J3's ineligible F1 reads as "not scored" (see the next test for a conflict).
    assert (overall["n_judges"], overall["alpha_judges"], overall["alpha_totals"]) == (2, 3, 17)
    assert overall["left_out"] == (("J3", "not_scored"),)
    values = np.array(
        [[row.get(p, N) for p in PRODUCTS["product_id"]] for row in _scores().values()]
    )
    assert overall["alpha"] == pytest.approx(naive_alpha(values))
    # the ICC intervals bracket the estimate
    assert overall["icc_2k_low"] <= overall["icc_2k"] <= overall["icc_2k_high"]
    assert overall["icc_3k_low"] <= overall["icc_3k"] <= overall["icc_3k_high"]
    # food and herbal have two products or fewer: a caution, not a figure; textile has three
    assert table["few_products"].to_dict() == {
        "overall": False,
        "food": True,
        "herbal": True,
        "textile": False,
    }


def _scores() -> dict:
    from tests.test_agreement import SCORES

    return SCORES


def test_left_out_reasons_tell_a_conflict_from_a_judge_still_scoring():
    totals = pd.DataFrame(
        {
            "judge_id": ["J1", "J1", "J2", "J2", "J3"],
            "product_id": ["A", "B", "A", "B", "A"],
            "total": [80.0, 70.0, 75.0, 60.0, 90.0],
            "eligible": [True, True, True, False, True],
            "conflict": [False, False, False, True, False],
        }
    )
    table = agreement_table(totals).set_index("scope")
    # J2 declared a conflict for B, J3 has not scored B yet: both left out of W and ICC.
    assert table.loc["overall", "left_out"] == (("J2", "conflict"), ("J3", "not_scored"))
