"""Kendall's W and the Shrout & Fleiss ICCs against published and hand-worked examples."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from kbo_dashboard.analysis.agreement import (
    agreement_table,
    icc,
    icc_level,
    interpret_icc,
    interpret_w,
    kendalls_w,
    w_level,
)

# Shrout & Fleiss (1979), Table 2: 6 targets (rows) x 4 judges (columns).
SHROUT_FLEISS = np.array(
    [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]],
    dtype=float,
)


def test_icc_matches_shrout_and_fleiss_1979():
    values = icc(SHROUT_FLEISS)
    published = {"1,1": 0.17, "2,1": 0.29, "3,1": 0.71, "1,k": 0.44, "2,k": 0.62, "3,k": 0.91}
    assert {key: round(v, 2) for key, v in values.items()} == published


def test_icc_needs_two_targets_and_two_judges():
    assert all(math.isnan(v) for v in icc(np.array([[1.0, 2.0]])).values())
    assert all(math.isnan(v) for v in icc(np.array([[1.0], [2.0]])).values())


def test_kendalls_w_textbook_example():
    # Items X, Y, Z ranked by 4 judges: X 1,1,2,3 ; Y 3,2,3,1 ; Z 2,3,1,2.
    # Rank sums 7, 9, 8, mean 8 -> S = 1 + 1 + 0 = 2 ; W = 12*2 / (4^2 * (3^3 - 3)) = 24/384
    items_by_judge = np.array([[1, 1, 2, 3], [3, 2, 3, 1], [2, 3, 1, 2]], dtype=float)
    result = kendalls_w(items_by_judge.T)  # judges x items
    assert result.w == pytest.approx(0.0625)
    assert (result.n_judges, result.n_products, result.df) == (4, 3, 2)
    assert result.chi2 == pytest.approx(4 * 2 * 0.0625)  # m (n-1) W = 0.5


def test_kendalls_w_with_ties_and_scipy_friedman():
    # J1 scores 10, 10, 5 -> ranks 2.5, 2.5, 1 (one tie of 2: T = 2^3 - 2 = 6)
    # J2 scores 8, 6, 4 -> ranks 3, 2, 1
    # Rank sums 5.5, 4.5, 2 ; mean 4 ; S = 2.25 + 0.25 + 4 = 6.5
    # W = 12 * 6.5 / (2^2 * 24 - 2 * 6) = 78/84 = 13/14
    values = np.array([[10, 10, 5], [8, 6, 4]], dtype=float)
    result = kendalls_w(values)
    assert result.w == pytest.approx(13 / 14)
    friedman = stats.friedmanchisquare(*values.T)
    assert result.chi2 == pytest.approx(friedman.statistic)
    assert result.p_value == pytest.approx(friedman.pvalue)


def test_kendalls_w_perfect_agreement_and_degenerate_cases():
    assert kendalls_w(np.array([[3.0, 2.0, 1.0], [30.0, 20.0, 10.0]])).w == pytest.approx(1.0)
    assert math.isnan(kendalls_w(np.array([[1.0, 2.0]])).w)  # one judge
    assert math.isnan(kendalls_w(np.array([[5.0, 5.0], [7.0, 7.0]])).w)  # all tied


def totals_frame(rows):
    return pd.DataFrame(rows, columns=["judge_id", "product_id", "total", "eligible"])


PRODUCTS = pd.DataFrame(
    {
        "product_id": ["F1", "F2", "T1", "T2", "T3", "H1"],
        "category": ["food", "food", "textile", "textile", "textile", "herbal"],
    }
)
SCORES = {
    "J1": {"F1": 80, "F2": 70, "T1": 90, "T2": 60, "T3": 50, "H1": 70},
    "J2": {"F1": 75, "F2": 65, "T1": 85, "T2": 55, "T3": 65, "H1": 72},
    "J3": {"F2": 60, "T1": 70, "T2": 80, "T3": 40, "H1": 74},  # F1 not yet scored
}
TOTALS = totals_frame(
    [(j, p, float(t), True) for j, row in SCORES.items() for p, t in row.items()]
    + [("J3", "F1", 99.0, False)]  # conflict: not eligible
)


def test_agreement_table_per_category_leaves_out_incomplete_judges():
    table = agreement_table(TOTALS, PRODUCTS).set_index("scope")
    assert table.index.tolist() == ["overall", "food", "herbal", "textile"]
    # food: J3 has no eligible F1 -> left out; J1 and J2 both put F1 above F2 -> W = 1
    assert table.loc["food", "kendall_w"] == pytest.approx(1.0)
    assert table.loc["food", ["n_products", "n_judges", "n_judges_left_out"]].tolist() == [2, 2, 1]
    # textile, all three judges. Ranks (1 = lowest) T1,T2,T3: J1 3,2,1 ; J2 3,1,2 ; J3 2,3,1
    # rank sums 8, 6, 4 ; mean 6 ; S = 8 ; W = 12*8 / (3^2 * 24) = 96/216 = 4/9
    assert table.loc["textile", "kendall_w"] == pytest.approx(4 / 9)
    assert table.loc["textile", "n_judges_left_out"] == 0
    # overall: J3 left out. J1 (F1..H1 = 80,70,90,60,50,70), F2 and H1 tie at 70:
    #   T3 1, T2 2, F2 3.5, H1 3.5, F1 5, T1 6 (tie T = 2^3 - 2 = 6)
    # J2 (75,65,85,55,65,72): T2 1, F2 2.5, T3 2.5, H1 4, F1 5, T1 6 (tie T = 6)
    # rank sums F1 10, F2 6, T1 12, T2 3, T3 3.5, H1 7.5 ; mean 7
    # S = 9 + 1 + 25 + 16 + 12.25 + 0.25 = 63.5
    # W = 12 * 63.5 / (2^2 * (216 - 6) - 2 * 12) = 762 / 816
    assert table.loc["overall", "kendall_w"] == pytest.approx(762 / 816)
    assert table.loc["overall", ["n_products", "n_judges", "n_judges_left_out"]].tolist() == [
        6,
        2,
        1,
    ]
    # herbal has one product: nothing to rank
    assert math.isnan(table.loc["herbal", "kendall_w"])
    assert table.loc["herbal", "w_level"] == "unknown"


def test_agreement_table_icc_uses_the_complete_block():
    table = agreement_table(TOTALS, PRODUCTS).set_index("scope")
    block = np.array([[SCORES[j][p] for j in ("J1", "J2", "J3")] for p in ("T1", "T2", "T3")])
    expected = icc(block.astype(float))
    assert table.loc["textile", "icc_2k"] == pytest.approx(expected["2,k"])
    assert table.loc["textile", "icc_3k"] == pytest.approx(expected["3,k"])


def test_agreement_table_without_products_is_overall_only():
    table = agreement_table(TOTALS)
    assert table["scope"].tolist() == ["overall"]


@pytest.mark.parametrize(
    ("w", "level"),
    [
        (0.05, "very_weak"),
        (0.29, "weak"),
        (0.3, "moderate"),
        (0.69, "strong"),
        (0.7, "very_strong"),
    ],
)
def test_w_bands(w, level):
    assert w_level(w) == level


@pytest.mark.parametrize(
    ("value", "level"),
    [
        (0.49, "poor"),
        (0.5, "moderate"),
        (0.8, "good"),
        (0.91, "excellent"),
        (float("nan"), "unknown"),
    ],
)
def test_icc_bands(value, level):
    assert icc_level(value) == level


def test_interpretations_are_plain_thai_and_english():
    english = interpret_w(0.0625, "en")
    assert english.startswith("W = 0.06:") and "hardly agree" in english
    thai = interpret_w(0.0625, "th")
    assert thai.startswith("W = 0.06:") and "กรรมการ" in thai
    assert "cannot be computed" in interpret_w(float("nan"), "en")
    assert interpret_icc(0.62, "en").startswith("ICC = 0.62: moderate")
    assert "ความน่าเชื่อถือ" in interpret_icc(0.95, "th")
