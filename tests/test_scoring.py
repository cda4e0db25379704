"""Scores, quorum, ranks and the nomination, against numbers worked out by hand."""

import pandas as pd
import pytest

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.scoring.scoring import judge_totals, score_competition
from kbo_dashboard.sources.source import RawWorkbook
from tests.workbooks import SCORE_HEADER, SMALL_TABS


def small(**changes):
    tabs = {k: [list(r) for r in v] for k, v in SMALL_TABS.items()}
    tabs.update(changes)
    return parse(RawWorkbook(tabs))


def standing(results, product_id):
    return results.standings.set_index("product_id").loc[product_id]


def test_small_example_worked_by_hand():
    results = score_competition(small())
    # Worked out in tests/workbooks.py: A1 = 230/3, A2 = 220/3, B1 = 230/3, B2 below quorum.
    assert standing(results, "A1").score == pytest.approx(76.6667, abs=1e-4)
    assert standing(results, "A2").score == pytest.approx(73.3333, abs=1e-4)
    assert standing(results, "B1").score == pytest.approx(76.6667, abs=1e-4)
    assert standing(results, "B1").mean_inn == pytest.approx(136 / 3)
    assert standing(results, "A1").mean_inn == pytest.approx(45.0)
    ranks = results.standings.set_index("product_id")["rank"]
    assert [ranks["B1"], ranks["A1"], ranks["A2"]] == [1, 2, 3]
    assert pd.isna(ranks["B2"])
    cat = results.standings.set_index("product_id")["category_rank"]
    assert [cat["A1"], cat["A2"], cat["B1"]] == [1, 2, 1]
    assert results.nominee == "B1"
    assert results.runner_up == "A1"
    assert results.margin == pytest.approx(0.0)
    assert results.category_leaders() == {"food": ["A1"], "textile": ["B1"]}


def test_quorum_miss_is_not_yet_ranked_not_ranked_low():
    results = score_competition(small())
    b2 = standing(results, "B2")
    assert b2.n_judges == 1 and not b2.ranked and pd.isna(b2["rank"])
    assert b2.score == pytest.approx(50.0)  # the score is still shown


def test_weights_put_totals_on_a_100_point_scale():
    criteria = [
        ["criterion_id", "name_th", "name_en", "max_score", "weight"],
        ["inn", "i", "Innovation", 10, 3],
        ["idn", "d", "Identity", 5, 1],
    ]
    comp = small(Criteria=criteria, J1=[SCORE_HEADER, ["A1", "", 8, 2]])
    totals = judge_totals(comp).set_index(["judge_id", "product_id"])
    # 100 * (8/10 * 3 + 2/5 * 1) / (3 + 1) = 100 * (2.4 + 0.4) / 4 = 70
    assert totals.loc[("J1", "A1"), "total"] == pytest.approx(70.0)


def test_a_shared_first_place_is_shown_as_1_equals_and_names_no_nominee():
    from kbo_dashboard.scoring.ranking import rank_labels

    # J1's B1 becomes 45 + 35: innovation means now equal (135/3), identity too (95/3).
    comp = small(J1=[SCORE_HEADER, ["A1", "", 50, 30], ["A2", "", 40, 30], ["B1", "", 45, 35]])
    results = score_competition(comp)
    ranks = results.standings.set_index("product_id")["rank"]
    assert [ranks["A1"], ranks["B1"], ranks["A2"]] == [1, 1, 3]
    labels = rank_labels(results.standings["rank"], "-")
    assert dict(zip(results.standings.product_id, labels)) == {
        "A1": "1=",
        "A2": "3",
        "B1": "1=",
        "B2": "-",
    }
    assert results.nominee is None
    assert results.tied_for_first == ["A1", "B1"]


def test_conflict_scores_never_count():
    conflicts = [["judge_id", "product_id", "reason"], ["J2", "A2", "relative"]]
    results = score_competition(small(Conflicts=conflicts))
    # A2 without J2's 80: (70 + 70) / 2 = 70 with 2 judges.
    a2 = standing(results, "A2")
    assert (a2.score, a2.n_judges) == (pytest.approx(70.0), 2)


def test_partial_rows_are_not_counted():
    # J3 leaves A1's identity blank: A1 = (80 + 70) / 2 = 75 from 2 judges.
    results = score_competition(
        small(J3=[SCORE_HEADER, ["A1", "", 45], ["A2", "", 45, 25], ["B1", "", 50, 30]])
    )
    a1 = standing(results, "A1")
    assert (a1.score, a1.n_judges) == (pytest.approx(75.0), 2)
    # B1 now wins on score alone: 230/3 = 76.67 > 75.
    assert results.nominee == "B1"
    assert results.margin == pytest.approx(230 / 3 - 75)


def test_leaving_a_judge_out():
    results = score_competition(small(), exclude_judges=["J3"])
    # Without J3: A1 = (80 + 70)/2 = 75, A2 = 75, B1 = 75: a three-way score tie.
    # Innovation: A1 (50+40)/2 = 45, A2 (40+50)/2 = 45, B1 (46+40)/2 = 43.
    # Identity: A1 30, A2 30 -> A1 and A2 share first.
    assert results.tied_for_first == ["A1", "A2"]
    assert results.nominee is None


def test_no_scores_at_all_ranks_nothing():
    tabs = {k: v for k, v in SMALL_TABS.items() if not k.startswith("J") or k == "Judges"}
    results = score_competition(parse(RawWorkbook(tabs)))
    assert results.nominee is None and results.ranked.empty
    assert results.standings["n_judges"].tolist() == [0, 0, 0, 0]
