"""Ranking by a precedence list of metrics, with shared ranks."""

import pandas as pd

from kbo_dashboard.scoring.ranking import Metric, group_labels, rank, rank_labels


def test_precedence_breaks_ties_in_order_and_shares_true_ties():
    frame = pd.DataFrame(
        {
            "score": [80, 80, 80, 70, 90, 80.0000000001],
            "inn": [20, 22, 22, 25, 10, 22],
            "late": [1, 3, 3, 0, 0, 2],  # ascending: fewer is better
        },
        index=list("abcdef"),
    )
    eligible = pd.Series([True, True, True, True, True, True], index=frame.index)
    metrics = [Metric("score", "s"), Metric("inn", "i"), Metric("late", "l", ascending=True)]
    ranks = rank(frame, metrics, eligible)
    # e: 90 first. Then 80 (f's float noise rounds away): inn 22 beats 20; of b, c, f
    # (inn 22), f has fewer late (2 < 3) -> f 2nd, b and c share 3rd, a 5th, d (70) 6th.
    assert ranks.to_dict() == {"a": 5, "b": 3, "c": 3, "d": 6, "e": 1, "f": 2}
    assert rank_labels(ranks, "-").to_dict() == {
        "a": "5",
        "b": "3=",
        "c": "3=",
        "d": "6",
        "e": "1",
        "f": "2",
    }


def test_ineligible_rows_are_not_ranked_and_do_not_take_a_place():
    frame = pd.DataFrame({"score": [50, 99, 40]}, index=["x", "y", "z"])
    eligible = pd.Series([True, False, True], index=frame.index)
    ranks = rank(frame, [Metric("score", "s")], eligible)
    assert ranks["x"] == 1 and ranks["z"] == 2 and pd.isna(ranks["y"])
    assert rank_labels(ranks, "not yet ranked")["y"] == "not yet ranked"


def test_group_labels_share_within_each_group():
    ranks = pd.Series([1, 1, 1, 2], index=list("abcd"), dtype="Int64")
    groups = pd.Series(["food", "food", "textile", "textile"], index=list("abcd"))
    assert group_labels(ranks, groups, "-").to_dict() == {"a": "1=", "b": "1=", "c": "1", "d": "2"}


def test_ranks_within_groups():
    frame = pd.DataFrame(
        {"score": [70, 90, 70, 60, 90], "category": ["food", "food", "food", "textile", "textile"]},
        index=list("abcde"),
    )
    eligible = pd.Series(True, index=frame.index)
    ranks = rank(frame, [Metric("score", "s")], eligible, by="category")
    # food: b 90 first, a and c share 2nd; textile: e 1st, d 2nd.
    assert ranks.to_dict() == {"a": 2, "b": 1, "c": 2, "d": 2, "e": 1}
