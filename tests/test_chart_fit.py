"""Charts that fit a half-width column at 1366 px (issue 9): titles wrap and sit above, legends
sit at the bottom, the radar leaves room for its labels, the spread uses the totals' range."""

from __future__ import annotations

import pandas as pd

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.source import RawWorkbook
from kbo_dashboard.ui import charts
from tests.workbooks import SMALL_TABS


def test_a_long_title_wraps_at_spaces():
    title = "Rice crackers vs its category's average (% of the maximum)"  # 58 characters
    # The first 42 characters end just after "(%": the break is at the space before "of".
    assert charts.wrap(title, 42) == "Rice crackers vs its category's average (%<br>of the maximum)"
    assert charts.wrap("short", 42) == "short"


def test_title_on_top_and_legend_at_the_bottom_never_overlap():
    comp = parse(RawWorkbook(SMALL_TABS))
    results = score_competition(comp)
    fig = charts.criteria_bars(results.standings, comp.criteria, "food", "en")
    title, legend = fig.layout.title, fig.layout.legend
    assert (title.yref, title.yanchor, title.y) == ("container", "top", 1)
    assert (legend.yref, legend.yanchor, legend.y) == ("container", "bottom", 0)
    # One title line at 14 * 1.25 = 18 px: the top margin holds it (28 + 18 * 1.5 = 55).
    assert fig.layout.margin.t == 55

    radar = charts.radar(results.standings, comp.criteria, "A1", "en")
    assert radar.layout.margin.l == radar.layout.margin.r == 98  # 7 x 14 px for the labels


def test_the_spread_axis_is_the_totals_range_plus_five_points():
    # The small example's B1 totals: 80, 70, 80 -> 65 .. 85.
    assert charts.spread_range(pd.Series([80.0, 70.0, 80.0])) == [65.0, 85.0]
    assert charts.spread_range(pd.Series([98.0, 3.0])) == [0.0, 100.0]  # within 0..100
    assert charts.spread_range(pd.Series([50.0])) == [45.0, 55.0]
    assert charts.spread_range(pd.Series([], dtype=float)) == [0.0, 100.0]
    assert charts.spread_range(pd.Series([100.0, 100.0])) == [95.0, 100.0]
