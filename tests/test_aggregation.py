"""Aggregation methods on hand-built totals where the methods disagree."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from kbo_dashboard.scoring.aggregation import METHODS, aggregate, get_method, score_matrix


def totals_frame(rows: list[tuple[str, str, float, bool]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["judge_id", "product_id", "total", "eligible"])


# Five eligible judges, two products. J6 (conflict) and J7 (incomplete row) must be ignored.
DISAGREE = totals_frame(
    [
        ("J1", "A", 90.0, True),
        ("J1", "B", 80.0, True),
        ("J2", "A", 70.0, True),
        ("J2", "B", 72.0, True),
        ("J3", "A", 71.0, True),
        ("J3", "B", 73.0, True),
        ("J4", "A", 75.0, True),
        ("J4", "B", 74.0, True),
        ("J5", "A", 60.0, True),
        ("J5", "B", 61.0, True),
        ("J6", "A", 0.0, False),
        ("J6", "B", 100.0, False),
        ("J7", "A", 100.0, False),
        ("J7", "B", float("nan"), False),
    ]
)


def scores(method: str, totals: pd.DataFrame = DISAGREE) -> dict[str, float]:
    frame = aggregate(totals, method)
    return dict(zip(frame["product_id"], frame["score"]))


def test_mean_prefers_a():
    # A: (90+70+71+75+60)/5 = 366/5 = 73.2 ; B: (80+72+73+74+61)/5 = 360/5 = 72.0
    assert scores("mean") == pytest.approx({"A": 73.2, "B": 72.0})


def test_trimmed_mean_drops_one_high_and_one_low():
    # A: (366 - 90 - 60)/3 = 216/3 = 72.0 ; B: (360 - 80 - 61)/3 = 219/3 = 73.0
    assert scores("trimmed_mean") == pytest.approx({"A": 72.0, "B": 73.0})


def test_median_prefers_b():
    # A sorted 60,70,71,75,90 -> 71 ; B sorted 61,72,73,74,80 -> 73
    assert scores("median") == pytest.approx({"A": 71.0, "B": 73.0})


def test_normalised_mean_prefers_b():
    # Each judge scored two products, so each judge's z-scores are +1 (higher) and -1 (lower).
    # A's z: J1 +1, J2 -1, J3 -1, J4 +1, J5 -1 -> mean -1/5 ; B's z mean +1/5.
    # Panel over the 10 eligible totals: mean 726/10 = 72.6; squared deviations sum to 668.4,
    # so the population sd is sqrt(668.4/10) = sqrt(66.84) = 8.1756.
    # A = 72.6 - 0.2 * 8.1756 = 70.965 ; B = 72.6 + 0.2 * 8.1756 = 74.235
    sd = math.sqrt(66.84)
    assert scores("normalised") == pytest.approx({"A": 72.6 - 0.2 * sd, "B": 72.6 + 0.2 * sd})
    assert scores("normalised")["A"] == pytest.approx(70.965, abs=1e-3)


def test_output_shape_and_judge_counts():
    frame = aggregate(DISAGREE)  # default method is the mean
    assert list(frame.columns) == ["product_id", "score", "n_judges"]
    assert frame["product_id"].tolist() == ["A", "B"]
    assert frame["n_judges"].tolist() == [5, 5]  # J6 and J7 not eligible
    assert frame["score"].tolist() == pytest.approx([73.2, 72.0])


def test_trimmed_mean_with_fewer_than_three_judges_is_the_plain_mean():
    totals = totals_frame(
        [("J1", "A", 80.0, True), ("J2", "A", 60.0, True), ("J1", "B", 50.0, True)]
    )
    # A: two totals -> (80+60)/2 = 70 ; B: one total -> 50
    assert scores("trimmed_mean", totals) == pytest.approx({"A": 70.0, "B": 50.0})


def test_trimmed_mean_drops_only_one_of_equal_extremes():
    totals = totals_frame([(f"J{i}", "A", t, True) for i, t in enumerate([90, 90, 60, 60])])
    # drop one 90 and one 60: (90 + 60)/2 = 75
    assert scores("trimmed_mean", totals) == pytest.approx({"A": 75.0})


def test_normalised_judge_with_one_product_or_no_spread_counts_as_panel_mean():
    totals = totals_frame(
        [
            ("J1", "A", 80.0, True),
            ("J1", "B", 60.0, True),
            ("J2", "A", 50.0, True),  # J2 scored only A: sd 0 -> z 0
            ("J3", "A", 70.0, True),  # J3 gave A and B the same: sd 0 -> z 0
            ("J3", "B", 70.0, True),
        ]
    )
    # Panel: 80, 60, 50, 70, 70 -> mean 330/5 = 66; deviations 14, -6, -16, 4, 4
    # squares 196 + 36 + 256 + 16 + 16 = 520 -> population sd sqrt(104) = 10.198
    # J1: mean 70, sd 10 -> A z +1, B z -1. J2 and J3: z 0 -> 66.
    # A = (66 + 10.198 + 66 + 66)/3 ; B = (66 - 10.198 + 66)/2
    sd = math.sqrt(104)
    expected = {"A": (66 + sd + 66 + 66) / 3, "B": (66 - sd + 66) / 2}
    assert scores("normalised", totals) == pytest.approx(expected)


def test_product_without_eligible_judge_has_no_score():
    totals = totals_frame([("J1", "A", 80.0, True), ("J1", "B", 70.0, False)])
    for method in METHODS:
        frame = aggregate(totals, method)
        b = frame[frame["product_id"] == "B"].iloc[0]
        assert np.isnan(b["score"]) and b["n_judges"] == 0
        assert frame.loc[frame["product_id"] == "A", "score"].item() == pytest.approx(80.0)


def test_empty_totals_give_an_empty_table():
    empty = totals_frame([])
    for method in METHODS:
        assert aggregate(empty, method).empty


def test_duplicate_pair_and_unknown_method_are_programming_errors():
    doubled = pd.concat([DISAGREE.iloc[:1], DISAGREE.iloc[:1]])
    with pytest.raises(ValueError, match="more than one row"):
        score_matrix(doubled)
    with pytest.raises(ValueError, match="unknown aggregation method"):
        aggregate(DISAGREE, "geometric")


def test_registry_names_come_from_the_catalogue():
    assert list(METHODS) == ["mean", "trimmed_mean", "median", "normalised"]
    assert get_method("mean").name_en == "Mean"
    assert get_method("median").name_th == "มัธยฐาน"
    for method in METHODS.values():
        assert method.name_th != method.name_en
        assert method.description("en") and method.description("th")
        assert not method.description("en").startswith("analysis.")
