"""Plotly figure builders (kbo_dashboard.ui.charts), on the hand-computed small example."""

from __future__ import annotations

import pandas as pd
import pytest

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.scoring.progress import judge_progress
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.source import RawWorkbook
from kbo_dashboard.ui import charts
from tests.workbooks import SMALL_TABS

# Small example (tests/workbooks.py): inn max 60, idn max 40, weights equal to the maxima.
#            J1       J2       J3     inn mean          idn mean
#   A1     50+30    40+30    45+35    135/3 = 45.00     95/3 = 31.67
#   A2     40+30    50+30    45+25    135/3 = 45.00     85/3 = 28.33
#   B1     46+34    40+30    50+30    136/3 = 45.33     94/3 = 31.33
#   B2     30+20      -        -      30                20


@pytest.fixture(scope="module")
def small():
    comp = parse(RawWorkbook(SMALL_TABS))
    return comp, score_competition(comp)


def test_points_factor_puts_criteria_on_the_100_point_scale():
    criteria = pd.DataFrame(
        {"criterion_id": ["inn", "idn"], "max_score": [60, 40], "weight": [1.0, 1.0]}
    )
    factor = charts.points_factor(criteria)
    # 100 * weight / max / sum(weights): inn 100/60/2, idn 100/40/2.
    assert factor["inn"] == pytest.approx(0.833333, abs=1e-6)
    assert factor["idn"] == pytest.approx(1.25)


def test_criteria_bars_stack_the_criterion_means(small):
    comp, results = small
    fig = charts.criteria_bars(results.standings, comp.criteria, "food", "en")
    inn, idn, score = fig.data
    assert inn.name == "Innovation" and idn.name == "Identity"
    assert list(inn.y) == ["1 · Rice crackers", "2 · Fish sauce"]
    # Weights equal maxima, so a criterion's points are its mean.
    assert list(inn.x) == [45.0, 45.0]
    assert list(idn.x) == [31.67, 28.33]
    assert list(score.x) == [76.67, 73.33]
    assert fig.layout.barmode == "stack"
    assert fig.layout.font.family == "Sarabun, Noto Sans Thai, sans-serif"
    assert fig.layout.title.text == "Food: mean score by criterion"
    th = charts.criteria_bars(results.standings, comp.criteria, "food", "th")
    assert th.layout.title.text == "อาหาร: คะแนนเฉลี่ยแยกตามเกณฑ์"
    assert th.data[0].name == "นวัตกรรม"


def test_criteria_bars_label_products_below_quorum(small):
    comp, results = small
    standings = results.standings
    labels = pd.Series(["1", "not yet ranked"], index=standings.index[[2, 3]])
    fig = charts.criteria_bars(standings, comp.criteria, "textile", "en", labels=labels)
    assert list(fig.data[0].y) == ["1 · Silk scarf", "not yet ranked · Cotton shirt"]
    assert list(fig.data[0].x) == [45.33, 30.0]


def test_radar_compares_with_the_category_average(small):
    comp, results = small
    fig = charts.radar(results.standings, comp.criteria, "B1", "en")
    average, product = fig.data
    # B1: inn 45.33 / 60 = 75.6 %, idn 31.33 / 40 = 78.3 %; closed polygon repeats the first.
    assert list(product.r) == [75.6, 78.3, 75.6]
    assert list(product.theta) == ["Innovation", "Identity", "Innovation"]
    # Textile average of B1 and B2: inn (45.33 + 30) / 2 = 37.67 -> 62.8 %,
    # idn (31.33 + 20) / 2 = 25.67 -> 64.2 %.
    assert list(average.r) == [62.8, 64.2, 62.8]
    assert average.name == "Textiles & clothing average"


def test_score_spread_shows_every_judge_total(small):
    _, results = small
    fig = charts.score_spread(results.totals, "A1", "en")
    box = fig.data[0]
    assert list(box.x) == [80.0, 70.0, 80.0]
    assert list(box.text) == ["J1", "J2", "J3"]
    assert box.boxpoints == "all"
    assert fig.layout.title.text == "A1: totals from 3 judges"


def test_progress_chart_per_judge(small):
    comp, _ = small
    fig = charts.progress_chart(judge_progress(comp).per_judge, "en")
    finished, scored, remaining = fig.data
    assert (finished.name, list(finished.x), list(finished.y)) == ("Finished", ["J1"], [4])
    assert (scored.name, list(scored.x), list(scored.y)) == ("Scored", ["J2", "J3"], [3, 3])
    assert (remaining.name, list(remaining.y)) == ("Still to score", [0, 1, 1])
    assert fig.layout.barmode == "stack"


def test_palette_is_okabe_ito():
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
    assert set(charts.PALETTE[:7]) == okabe_ito
