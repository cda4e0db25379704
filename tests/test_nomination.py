"""The Nomination page's robustness figures with the full ranking rule (quorum, tie-breaks)."""

from __future__ import annotations

from kbo_dashboard.analysis.nomination import (
    full_rank_fn,
    method_key,
    robustness_report,
    what_if_rows,
)
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.scoring.scoring import judge_totals
from kbo_dashboard.sources.source import RawWorkbook
from tests.workbooks import SMALL_TABS


def test_full_rank_fn_uses_tiebreaks_and_quorum():
    comp = parse(RawWorkbook(SMALL_TABS))
    rank = full_rank_fn(comp)
    # A1 and B1 tie on 76.67; innovation B1 45.33 > A1 45; B2 below quorum 2 is left out.
    assert rank(judge_totals(comp), "mean") == ["B1", "A1", "A2"]


def test_leave_one_judge_out_on_the_small_example():
    report = robustness_report(parse(RawWorkbook(SMALL_TABS)), "mean")
    # Without J1: A1 (70+80)/2, A2 (80+70)/2, B1 (70+80)/2 all 75; innovation A2 47.5 wins.
    # Without J2: A1 80, B1 80, A2 70; innovation B1 (46+50)/2 = 48 > A1 47.5: still B1.
    # Without J3: all 75; innovation A1 45 = A2 45 > B1 43, identity 30 = 30 -> A1 by id.
    rows = what_if_rows(report)
    mean = rows[rows["method"] == "mean"]
    assert list(zip(mean["judge_id"], mean["without"])) == [("J1", "A2"), ("J3", "A1")]
    assert report.margin.points == 0.0
    assert report.comparison.robust


def test_method_key_accepts_settings_spellings():
    assert method_key("trimmed") == "trimmed_mean"
    assert method_key("Median") == "median"
    assert method_key("nonsense") == "mean"
    assert method_key(None) == "mean"
