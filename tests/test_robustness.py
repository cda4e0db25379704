"""Method comparison, leave-one-judge-out and margin on examples built by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from kbo_dashboard.analysis.robustness import (
    compare_methods,
    leave_one_judge_out,
    margin,
)
from kbo_dashboard.scoring.aggregation import aggregate, score_matrix


def totals_frame(rows):
    return pd.DataFrame(rows, columns=["judge_id", "product_id", "total", "eligible"])


# J3 alone carries A: with J3, A wins on the mean; without J3, B wins.
ONE_JUDGE_DECIDES = totals_frame(
    [
        ("J1", "A", 70.0, True),
        ("J1", "B", 80.0, True),
        ("J2", "A", 70.0, True),
        ("J2", "B", 80.0, True),
        ("J3", "A", 100.0, True),
        ("J3", "B", 70.0, True),
        ("J9", "A", 0.0, False),  # conflict: J9 has no eligible total and is not listed
    ]
)


def test_methods_disagree_so_the_nomination_is_not_robust():
    result = compare_methods(ONE_JUDGE_DECIDES)
    # mean A (70+70+100)/3 = 80 > B (80+80+70)/3 = 76.67
    # trimmed (3 judges, drop high and low): A 70 < B 80 ; median A 70 < B 80
    # normalised: each judge has two products -> z = +-1; A: -1, -1, +1 -> -1/3 ; B +1/3
    assert result.nominees == {"mean": "A", "trimmed_mean": "B", "median": "B", "normalised": "B"}
    assert result.robust is False
    mean_top = result.top[result.top["method"] == "mean"]
    assert mean_top["product_id"].tolist() == ["A", "B"]
    assert mean_top["position"].tolist() == [1, 2]
    assert mean_top["score"].tolist() == pytest.approx([80.0, 230 / 3])


def test_all_methods_agreeing_is_robust_and_top_n_limits_rows():
    totals = totals_frame(
        [(j, p, t, True) for j in ("J1", "J2", "J3") for p, t in (("A", 90.0), ("B", 50.0))]
        + [("J1", "C", 70.0, True), ("J2", "C", 71.0, True), ("J3", "C", 69.0, True)]
    )
    result = compare_methods(totals, top_n=2)
    assert result.robust is True
    assert set(result.nominees.values()) == {"A"}
    assert result.top.groupby("method")["product_id"].apply(list).to_dict() == {
        "mean": ["A", "C"],
        "median": ["A", "C"],
        "normalised": ["A", "C"],
        "trimmed_mean": ["A", "C"],
    }


def test_leave_one_judge_out_finds_the_deciding_judge():
    result = leave_one_judge_out(ONE_JUDGE_DECIDES, methods=["mean", "median"])
    table = result.table.set_index("judge_id")
    assert table.index.tolist() == ["J1", "J2", "J3"]  # J9 has no eligible total
    # mean without J1: A (70+100)/2 = 85, B (80+70)/2 = 75 -> A ; same without J2
    #      without J3: A 70, B 80 -> B   => only J3 decides
    assert table["mean"].tolist() == ["A", "A", "B"]
    assert result.deciding["mean"] == ["J3"]
    # median with everyone: B (A 70 < B 80). Without J1: A median(70,100) = 85,
    #   B median(80,70) = 75 -> A ; without J2 the same ; without J3: B  => J1 and J2 decide
    assert result.nominees["median"] == "B"
    assert table["median"].tolist() == ["A", "A", "B"]
    assert result.deciding["median"] == ["J1", "J2"]
    assert result.any_deciding() == ["J1", "J2", "J3"]


def test_margin_and_totals_to_move_under_the_mean():
    # A: 90, 90, 90, 90 -> mean 90 ; B: 60, 60, 60, 80 -> mean 65 ; margin 25 points
    totals = totals_frame(
        [(f"J{i}", "A", 90.0, True) for i in range(1, 5)]
        + [(f"J{i}", "B", t, True) for i, t in zip(range(1, 5), (60.0, 60.0, 60.0, 80.0))]
    )
    result = margin(totals)
    assert (result.leader, result.runner_up) == ("A", "B")
    assert result.points == pytest.approx(25.0)
    # Closing power of each move: A's totals to 0 close 90/4 = 22.5 each; B's to 100 close
    # 40/4 = 10 (x3) and 20/4 = 5. One move closes at most 22.5 < 25, two close 45: k = 2.
    # Both sides have 4 judges, so every point of gap costs 4 points of totals: 25 * 4 = 100.
    # The runner-up's side is used first: J1's B 60 -> 100 closes 10, J1's A then closes 15,
    # i.e. 90 -> 90 - 15 * 4 = 30. Check: A = (30 + 270)/4 = 75 = (100 + 60 + 60 + 80)/4 = B.
    assert result.totals_to_move == 2
    assert result.points_to_move == pytest.approx(100.0)
    assert result.moves.values.tolist() == [
        ["J1", "A", 90.0, 30.0, "down"],
        ["J1", "B", 60.0, 100.0, "up"],
    ]


def test_raising_the_runner_up_can_cost_less_than_lowering_the_leader():
    # The example: leader 3 judges at 90 (mean 90), runner-up 2 judges at 85 (85).
    # Lowering one leader total closes d/3, so 5 points of gap cost 15; raising one runner-up
    # total closes e/2, so they cost 10: 85 -> 95 gives (95 + 85)/2 = 90.
    totals = totals_frame(
        [(f"J{i}", "L", 90.0, True) for i in (1, 2, 3)]
        + [("J1", "R", 85.0, True), ("J2", "R", 85.0, True)]
    )
    result = margin(totals)
    assert (result.totals_to_move, result.points_to_move) == (1, pytest.approx(10.0))
    assert result.moves.values.tolist() == [["J1", "R", 85.0, 95.0, "up"]]


def test_margin_one_judge_total_can_swap():
    result = margin(ONE_JUDGE_DECIDES)
    # A 80, B 230/3 -> margin 10/3. One total is enough on either side (3 judges each, so
    # 10/3 * 3 = 10 points either way); the runner-up's lowest, J3's B 70, goes up to 80.
    assert result.points == pytest.approx(10 / 3)
    assert (result.totals_to_move, result.points_to_move) == (1, pytest.approx(10.0))
    assert result.moves.values.tolist() == [["J3", "B", 70.0, pytest.approx(80.0), "up"]]


def test_margin_under_the_median_and_the_trimmed_mean():
    result = margin(ONE_JUDGE_DECIDES, method="median")
    assert (result.leader, result.runner_up) == ("B", "A")
    assert result.points == pytest.approx(10.0)  # B median(80, 80, 70) = 80 - A (70, 70, 100) 70
    # Three judges on each side (odd): exact. One move of 10 points either way: lower one of
    # B's 80s to 70 (B's median 70) or raise one of A's 70s to 80 (A's median 80). The lowest
    # level is tried first: J1's B 80 -> 70.
    assert (result.totals_to_move, result.points_to_move) == (1, pytest.approx(10.0))
    assert result.moves.values.tolist() == [["J1", "B", 80.0, 70.0, "down"]]
    # Under the trimmed mean (3 judges: the middle one) the count is exact, the points not given.
    trimmed = margin(ONE_JUDGE_DECIDES, method="trimmed_mean")
    assert (trimmed.totals_to_move, trimmed.points_to_move) == (1, None)
    assert trimmed.moves["new_total"].isna().all()
    normalised = margin(ONE_JUDGE_DECIDES, method="normalised")
    assert (normalised.totals_to_move, normalised.points_to_move) == (None, None)


def test_margin_with_a_tie_or_a_single_product():
    tie = totals_frame([("J1", "A", 70.0, True), ("J1", "B", 70.0, True)])
    result = margin(tie)
    assert (result.leader, result.points, result.totals_to_move) == ("A", 0.0, 0)
    single = margin(totals_frame([("J1", "A", 70.0, True)]))
    assert single.runner_up is None and single.totals_to_move is None


def test_a_prebuilt_score_matrix_gives_the_same_answers():
    matrix = score_matrix(ONE_JUDGE_DECIDES)
    assert score_matrix(matrix) is matrix
    assert compare_methods(matrix).nominees == compare_methods(ONE_JUDGE_DECIDES).nominees
    assert leave_one_judge_out(matrix).deciding == leave_one_judge_out(ONE_JUDGE_DECIDES).deciding
    assert margin(matrix).moves.equals(margin(ONE_JUDGE_DECIDES).moves)
    assert aggregate(matrix, "median").equals(aggregate(ONE_JUDGE_DECIDES, "median"))
