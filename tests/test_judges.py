"""Judge profiles and outlier flags on hand-worked totals."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from kbo_dashboard.analysis.judges import judge_matrix, judge_profiles, outlier_scores


def totals_frame(rows):
    return pd.DataFrame(rows, columns=["judge_id", "product_id", "total", "eligible"])


GRID = {
    "J1": {"A": 80, "B": 70, "C": 60},
    "J2": {"A": 70, "B": 60, "C": 50},
    "J3": {"A": 90, "B": 80, "C": 40},
}
TOTALS = totals_frame(
    [(j, p, float(t), True) for j, row in GRID.items() for p, t in row.items()]
    + [("J2", "D", 10.0, False)]  # not eligible: ignored everywhere
)


def profile(judge_id: str, totals: pd.DataFrame = TOTALS) -> pd.Series:
    table = judge_profiles(totals).set_index("judge_id")
    return table.loc[judge_id]


def test_leniency_against_the_panel_without_the_judge():
    # J1: panel without J1: A (70+90)/2 = 80, B (60+80)/2 = 70, C (50+40)/2 = 45
    #     differences 0, 0, +15 -> leniency +5
    # J2: without J2: A 85, B 75, C 50 -> -15, -15, 0 -> -10
    # J3: without J3: A 75, B 65, C 55 -> +15, +15, -15 -> +5
    table = judge_profiles(TOTALS).set_index("judge_id")
    assert table["leniency"].to_dict() == pytest.approx({"J1": 5.0, "J2": -10.0, "J3": 5.0})
    assert table["n_products"].to_dict() == {"J1": 3, "J2": 3, "J3": 3}
    assert table["mean_total"].to_dict() == pytest.approx({"J1": 70.0, "J2": 60.0, "J3": 70.0})


def test_spread_is_the_sample_standard_deviation():
    # J1: 80, 70, 60 -> deviations 10, 0, -10 -> sqrt(200/2) = 10
    # J3: 90, 80, 40 -> mean 70, deviations 20, 10, -30 -> sqrt(1400/2) = sqrt(700) = 26.458
    assert profile("J1")["spread"] == pytest.approx(10.0)
    assert profile("J3")["spread"] == pytest.approx(math.sqrt(700))


def test_correlation_with_the_panel():
    # J1 totals 80, 70, 60 vs panel-without-J1 80, 70, 45:
    #   x dev 10, 0, -10 ; y mean 65, dev 15, 5, -20
    #   r = (150 + 0 + 200) / sqrt(200 * 650) = 350 / 360.555 = 0.97073 ; same order -> rho 1
    # J3 totals 90, 80, 40 vs 75, 65, 55: x dev 20, 10, -30 ; y dev 10, 0, -10
    #   r = (200 + 0 + 300) / sqrt(1400 * 200) = 500 / 529.150 = 0.94491 ; rho 1
    assert profile("J1")["pearson"] == pytest.approx(350 / math.sqrt(200 * 650))
    assert profile("J3")["pearson"] == pytest.approx(500 / math.sqrt(1400 * 200))
    assert profile("J1")["spearman"] == pytest.approx(1.0)
    assert profile("J3")["spearman"] == pytest.approx(1.0)


def test_judge_with_one_product_has_no_spread_or_correlation():
    totals = pd.concat([TOTALS, totals_frame([("J4", "A", 100.0, True)])], ignore_index=True)
    j4 = profile("J4", totals)
    # panel without J4 for A: (80 + 70 + 90)/3 = 80 -> leniency +20
    assert j4["leniency"] == pytest.approx(20.0)
    assert j4["n_products"] == 1
    assert math.isnan(j4["spread"]) and math.isnan(j4["pearson"]) and math.isnan(j4["spearman"])


def test_heatmap_matrix_absolute_and_relative():
    matrix = judge_matrix(TOTALS)
    assert matrix.index.tolist() == ["J1", "J2", "J3"]
    assert matrix.columns.tolist() == ["A", "B", "C", "D"]  # D: no eligible total
    assert matrix.loc["J3", "C"] == 40.0
    assert matrix["D"].isna().all()
    relative = judge_matrix(TOTALS, relative=True, product_order=["C", "A", "Z"])
    assert relative.columns.tolist() == ["C", "A"]
    # J1 on C: 60 - 45 = +15 ; J2 on A: 70 - 85 = -15
    assert relative.loc["J1", "C"] == pytest.approx(15.0)
    assert relative.loc["J2", "A"] == pytest.approx(-15.0)


OUTLIER_PANEL = {
    # P: median 72 ; |dev| 2, 0, 2, 4, 42 -> MAD 2 ; 30: z = -42 / (1.4826*2) = -14.16 -> flagged
    "P": [70, 72, 74, 76, 30],
    # Q: median 60 ; |dev| 20, 0, 20, 40, 40 -> MAD 20 ; 100: z = 40/29.65 = 1.35 -> not flagged
    "Q": [40, 60, 80, 100, 20],
    # R: median 80, MAD 0 ; 60 is 20 points away (>= 15) -> flagged, z = -inf
    "R": [80, 80, 80, 80, 60],
    # S: median 80, MAD 0 ; 70 is only 10 points away (< 15) -> not flagged
    "S": [80, 80, 80, 80, 70],
    # T: only 3 judges (< 4) -> not assessed
    "T": [90, 90, 10],
}


def outlier_totals():
    rows = []
    for product, totals in OUTLIER_PANEL.items():
        rows += [(f"J{i + 1}", product, float(t), True) for i, t in enumerate(totals)]
    return totals_frame(rows)


def test_outlier_scores_flag_far_totals_with_both_rules():
    flagged = outlier_scores(outlier_totals())
    assert flagged[["judge_id", "product_id"]].values.tolist() == [["J5", "P"], ["J5", "R"]]
    p = flagged.iloc[0]
    assert (p["total"], p["panel_median"], p["difference"]) == (30.0, 72.0, -42.0)
    assert p["robust_z"] == pytest.approx(-42 / (1.4826 * 2))
    assert flagged.iloc[1]["robust_z"] == -np.inf


def test_outlier_thresholds_are_parameters():
    # With a 5-point floor, S's 70 (10 points from 80, MAD 0) is flagged too.
    flagged = outlier_scores(outlier_totals(), min_points=5.0)
    assert ["J5", "S"] in flagged[["judge_id", "product_id"]].values.tolist()
    # With min_judges=3, T (90, 90, 10: median 90, MAD 0) flags the 10.
    flagged = outlier_scores(outlier_totals(), min_judges=3)
    assert ["J3", "T"] in flagged[["judge_id", "product_id"]].values.tolist()


def test_flagged_totals_are_counted_in_profiles_and_never_dropped():
    totals = outlier_totals()
    table = judge_profiles(totals).set_index("judge_id")
    assert table.loc["J5", "n_outliers"] == 2
    assert table.loc["J1", "n_outliers"] == 0
    assert table.loc["J5", "n_products"] == 4  # J5 scored P, Q, R, S (not T)
    assert judge_matrix(totals).loc["J5", "P"] == 30.0


def test_no_product_with_enough_judges_gives_an_empty_flag_table():
    flagged = outlier_scores(TOTALS)  # 3 judges per product
    assert flagged.empty
    assert list(flagged.columns) == [
        "judge_id",
        "product_id",
        "total",
        "panel_median",
        "difference",
        "robust_z",
    ]
