"""Leave-one-judge-out in closed form against the naive loop that re-scores without each judge.

Random small panels (hypothesis) with ties, missing cells, rejected cells, conflicts and
products below quorum: the closed form (:mod:`kbo_dashboard.analysis.panel`, through the page's
:func:`robustness_report`) must give exactly the outcome that
:func:`~kbo_dashboard.scoring.scoring.score_competition` gives without each judge.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbo_dashboard.analysis import panel as panel_mod
from kbo_dashboard.analysis.nomination import robustness_report
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.scoring.aggregation import METHODS, score_matrix
from kbo_dashboard.scoring.scoring import judge_totals
from kbo_dashboard.sources.source import RawWorkbook
from tests.naive_robustness import naive_outcomes, old_rank_fn, old_report_loop
from tests.workbooks import SCORE_HEADER, SMALL_CRITERIA

# Few distinct values, so ties on the score and on the tie-break criteria are common.
INNOVATION = st.sampled_from([45] * 5 + [50] * 5 + [None, "ดีมาก", 61])  # 61 > 60: rejected
IDENTITY = st.sampled_from([30] * 6 + [35] * 3 + [None])


@st.composite
def panels(draw) -> dict:
    n_judges = draw(st.integers(2, 6))
    n_products = draw(st.integers(2, 5))
    products = [f"P{k}" for k in range(1, n_products + 1)]
    judges = [f"J{k}" for k in range(1, n_judges + 1)]
    tabs = {
        "Settings": [["key", "value"], ["quorum", draw(st.integers(1, 2))]],
        "Products": [["product_id", "product_name", "producer_group", "category"]]
        + [[p, p, "G", "food"] for p in products],
        "Judges": [["judge_id", "judge_name", "sheet"]] + [[j, j, j] for j in judges],
        "Criteria": SMALL_CRITERIA,
        "Conflicts": [["judge_id", "product_id", "reason"]],
    }
    for judge in judges:
        rows = [SCORE_HEADER]
        for product in products:
            if draw(st.integers(0, 9)) == 0:
                continue  # not scored at all
            rows.append([product, "", draw(INNOVATION), draw(IDENTITY)])
            if draw(st.integers(0, 12)) == 0:
                tabs["Conflicts"].append([judge, product, "family"])
        tabs[judge] = rows
    return tabs


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(panels())
def test_closed_form_outcomes_equal_the_naive_re_scoring(tabs):
    comp = parse(RawWorkbook(tabs))
    assert len(comp.products) == len(tabs["Products"]) - 1
    report = robustness_report(comp)
    for method in METHODS:
        whole, without = naive_outcomes(comp, method)
        assert report.lojo.outcomes[method] == whole
        assert report.lojo.without[method] == without
        changed = sorted(j for j, outcome in without.items() if outcome != whole)
        assert report.lojo.deciding[method] == changed
    outcomes = set(report.comparison.outcomes.values())
    assert report.robust == (len(outcomes) == 1 and len(next(iter(outcomes))) == 1)


@settings(max_examples=30, deadline=None)
@given(panels())
def test_closed_form_order_equals_the_old_re_ranking_loop(tabs):
    comp = parse(RawWorkbook(tabs))
    panel = panel_mod.competition_panel(comp)
    rank = old_rank_fn(comp)
    for method in METHODS:
        assert panel_mod.order(panel, method) == rank(judge_totals(comp), method)
        # first place of each reduced panel, as the old loop saw it (its order, ties by id)
        old = old_report_loop(comp, method)
        new = panel_mod.outcomes(panel, method)[1:]
        for old_order, outcome in zip(old, new):
            assert (old_order[:1] == [] and outcome == ()) or old_order[0] == outcome[0]


def without_row(values: np.ndarray, i: int) -> np.ndarray:
    return np.delete(values, i, axis=0)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 7),
    st.integers(1, 5),
    st.lists(st.one_of(st.none(), st.floats(0, 100, allow_nan=False)), min_size=35, max_size=35),
)
def test_every_method_without_each_judge_matches_a_direct_re_computation(rows, cols, cells):
    values = np.array([np.nan if c is None else c for c in cells[: rows * cols]], dtype=float)
    values = values.reshape(rows, cols)
    for method, rule in METHODS.items():
        fast = panel_mod.scenario_scores(values, method)
        np.testing.assert_allclose(fast[0], rule.scores(values), rtol=0, atol=1e-9)
        for i in range(rows):
            direct = rule.scores(without_row(values, i))
            np.testing.assert_allclose(fast[1 + i], direct, rtol=0, atol=1e-9, err_msg=method)


def test_median_without_each_judge_by_hand():
    # one product, totals 10, 20, 30, 40 (median 25); without 10 -> 30; without 40 -> 20
    values = np.array([[10.0], [20.0], [30.0], [40.0]])
    assert panel_mod.scenario_scores(values, "median")[:, 0].tolist() == [25, 30, 30, 20, 20]
    # trimmed: everyone (100 - 10 - 40) / 2 = 25; without 20: (80 - 10 - 40) / 1 = 30
    trimmed = panel_mod.scenario_scores(values, "trimmed_mean")[:, 0].tolist()
    assert trimmed == pytest.approx([25, 30, 30, 20, 20])


def test_the_quorum_applies_to_the_reduced_panel():
    # A: two judges (quorum 2) at 90; B: three judges at 80. Without J1, A has one judge left,
    # is not ranked, and B wins.
    values = np.array([[90.0, 80.0], [90.0, 80.0], [np.nan, 80.0]])
    panel = panel_mod.Panel.of(
        panel_mod.ScoreMatrix(["J1", "J2", "J3"], ["A", "B"], values), None, 2
    )
    assert panel_mod.outcomes(panel, "mean") == [("A",), ("B",), ("B",), ("A",)]
    assert score_matrix(panel.matrix) is panel.matrix
