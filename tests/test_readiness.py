"""The readiness checklist: each of its five points on a panel worked out by hand."""

from __future__ import annotations

import json

from kbo_dashboard.analysis.readiness import KEYS, points_from_json, readiness
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.source import RawWorkbook
from tests.workbooks import SCORE_HEADER, SMALL_CRITERIA, SMALL_TABS


def panel(scores: dict[str, dict[str, tuple]]) -> dict[str, list[list]]:
    """Two products (A1 food, B1 textile), three judges; ``scores[judge][product] = (inn, idn)``.

    A judge's total is inn + idn (weights equal the maxima 60 and 40). Quorum 3 // 2 + 1 = 2.
    """
    tabs = {
        "Products": [
            ["product_id", "product_name", "producer_group", "district", "category"],
            ["A1", "Rice crackers", "Group A1", "Mueang", "food"],
            ["B1", "Silk scarf", "Group B1", "Mueang", "textile"],
        ],
        "Judges": [["judge_id", "judge_name", "sector", "sheet"]]
        + [[j, f"Judge {j}", "government", j] for j in ("J1", "J2", "J3")],
        "Criteria": SMALL_CRITERIA,
    }
    for judge in ("J1", "J2", "J3"):
        rows = [[p, "", *cells] for p, cells in scores.get(judge, {}).items()]
        tabs[judge] = [SCORE_HEADER, *rows]
    return tabs


# A1: 90, 90, 90 (mean 90); B1: 60, 60, 60 (mean 60). Every judge scored both: all clear.
CLEAR = {j: {"A1": (55, 35), "B1": (36, 24)} for j in ("J1", "J2", "J3")}


def check(tabs):
    comp = parse(RawWorkbook(tabs))
    return readiness(comp, score_competition(comp))


def by_key(ready):
    return {p.key: p for p in ready.points}


def test_a_complete_clear_panel_is_clear_and_stores_nothing():
    ready = check(panel(CLEAR))
    assert [p.key for p in ready.points] == list(KEYS)
    assert ready.clear
    assert ready.open_points() == []
    assert ready.to_json() == ""
    assert all(p.detail_th == p.detail_en == "" for p in ready.points)


def test_an_unfinished_judge_is_named():
    scores = {**CLEAR, "J3": {"A1": (55, 35)}}  # J3 has not scored B1
    ready = check(panel(scores))
    point = by_key(ready)["judges_finished"]
    assert not point.ok and not ready.clear
    assert point.detail_en == "1 not finished: J3"
    assert point.detail_th == "ยังไม่เสร็จ 1 คน: J3"
    # B1 still has 2 judges (quorum 2): every other point stays clear.
    assert [p.key for p in ready.open_points()] == ["judges_finished"]


def test_an_open_error_is_counted_with_its_cell():
    scores = {**CLEAR, "J2": {"A1": (55, 35), "B1": ("abc", 24)}}  # J2's B1 innovation: B3
    ready = check(panel(scores))
    point = by_key(ready)["no_errors"]
    assert point.detail_en == "1 open error: J2!C3"  # singular at 1 (issue 19)
    # The bad cell also leaves J2 unfinished; B1 keeps 2 judges, at quorum.
    assert [p.key for p in ready.open_points()] == ["judges_finished", "no_errors"]


def test_a_product_below_quorum_is_named():
    # Only J1 scored B1: 1 judge < quorum 2, so B1 is not ranked.
    scores = {"J1": CLEAR["J1"], "J2": {"A1": (55, 35)}, "J3": {"A1": (55, 35)}}
    point = by_key(check(panel(scores)))["quorum"]
    assert not point.ok
    assert point.detail_en == "1 below the quorum of 2: B1"


def test_a_shared_first_place_is_a_tie():
    # Identical scores on every criterion: no tie-break separates A1 and B1.
    same = {j: {"A1": (50, 30), "B1": (50, 30)} for j in ("J1", "J2", "J3")}
    points = by_key(check(panel(same)))
    assert points["not_tied"].detail_en == "Tied for first: A1, B1"
    assert points["robust"].detail_en == "No provisional nominee yet"  # nothing to test


def test_a_nominee_that_depends_on_the_method_and_on_one_judge_is_not_robust():
    # A1: 100, 50, 50 -> mean 66.67, median 50. B1: 60, 60, 60 -> mean 60, median 60.
    # Mean picks A1, the median B1. Without J1 the mean's A1 (50) falls below B1 (60); without
    # J2 or J3 the median's B1 (60) falls below A1 (median of 100 and 50 = 75): all three decide.
    scores = {
        "J1": {"A1": (60, 40), "B1": (36, 24)},
        "J2": {"A1": (30, 20), "B1": (36, 24)},
        "J3": {"A1": (30, 20), "B1": (36, 24)},
    }
    ready = check(panel(scores))
    point = by_key(ready)["robust"]
    assert not point.ok
    assert "Median → B1" in point.detail_en and "Mean → A1" in point.detail_en
    assert point.detail_en.startswith("The methods disagree (")
    # By method (issue 17): the mean's change is J1's; trimmed mean (the middle of three, then
    # the mean of two), median and normalised change without J2 or J3.
    assert point.detail_en.endswith(
        "; Under Mean, leaving out judge J1 changes the winner; Under Trimmed mean (drop highest"
        " and lowest), Median, Judge-normalised mean, leaving out judge J2, J3 changes the winner"
    )
    assert [p.key for p in ready.open_points()] == ["robust"]


def test_the_small_example_and_its_stored_open_points():
    # SMALL_TABS: J2 and J3 have no B2 row; B2 has 1 judge < quorum 2; nominee B1 by the
    # tie-break; without J1 (or J3) the mean names another winner (see test_nomination.py).
    ready = check(SMALL_TABS)
    points = by_key(ready)
    assert points["judges_finished"].detail_en == "2 not finished: J2, J3"
    assert points["no_errors"].ok
    assert points["quorum"].detail_en == "1 below the quorum of 2: B2"
    assert points["not_tied"].ok
    robust = points["robust"].detail_en
    assert "Under every method, leaving out judge J1, J3 changes the winner" in robust
    # B1 and A1 are level on the score (230/3): B1 is first on the tie-break alone (issue 17).
    assert robust.endswith(
        "; Level with second (A1) at 76.67: first place is decided by the tie-break criteria alone"
    )

    stored = json.loads(ready.to_json())
    assert [p["key"] for p in stored] == ["judges_finished", "quorum", "robust"]
    assert stored[0] == {
        "key": "judges_finished",
        "detail_th": "ยังไม่เสร็จ 2 คน: J2, J3",
        "detail_en": "2 not finished: J2, J3",
    }
    assert points_from_json(ready.to_json()) == ready.open_points()
    assert points_from_json("not json") == []
    assert points_from_json("") == []


def test_a_long_list_is_cut_after_eight():
    from kbo_dashboard.analysis.readiness import _listed

    assert _listed([f"J{n}" for n in range(1, 11)]) == "J1, J2, J3, J4, J5, J6, J7, J8, +2"
