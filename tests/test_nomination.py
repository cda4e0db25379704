"""The Nomination page's robustness figures with the full ranking rule (quorum, tie-breaks)."""

from __future__ import annotations

from kbo_dashboard.analysis.nomination import (
    method_key,
    robustness_report,
    what_if_rows,
)
from kbo_dashboard.analysis.panel import competition_panel, order
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.scoring.aggregation import METHODS
from kbo_dashboard.sources.source import RawWorkbook
from tests.workbooks import SCORE_HEADER, SMALL_TABS


def test_the_panel_order_uses_tiebreaks_and_quorum():
    panel = competition_panel(parse(RawWorkbook(SMALL_TABS)))
    # A1 and B1 tie on 76.67; innovation B1 45.33 > A1 45; B2 below quorum 2 is left out.
    assert order(panel, "mean") == ["B1", "A1", "A2"]


def test_leave_one_judge_out_on_the_small_example():
    report = robustness_report(parse(RawWorkbook(SMALL_TABS)), "mean")
    # Without J1: A1 (70+80)/2, A2 (80+70)/2, B1 (70+80)/2 all 75; innovation A2 47.5 wins.
    # Without J2: A1 80, B1 80, A2 70; innovation B1 (46+50)/2 = 48 > A1 47.5: still B1.
    # Without J3: all 75; innovation A1 45 = A2 45 > B1 43, identity 30 = 30: a shared first
    # place, A1 = A2 (not "A1 by id").
    rows = what_if_rows(report)
    mean = rows[rows["method"] == "mean"]
    assert list(zip(mean["judge_id"], mean["without"])) == [("J1", ("A2",)), ("J3", ("A1", "A2"))]
    assert report.margin.points == 0.0
    assert report.comparison.robust


def test_method_key_accepts_settings_spellings():
    assert method_key("trimmed") == "trimmed_mean"
    assert method_key("Median") == "median"
    assert method_key("nonsense") == "mean"
    assert method_key(None) == "mean"


def shared_first_tabs() -> dict:
    """Three judges, A and B share first place after every tie-break; C trails.

    Totals (inn + idn):   A          B          C
      J1               50+30=80   40+30=70   40+20=60
      J2               40+30=70   50+30=80   40+20=60
      J3               45+30=75   45+30=75   40+20=60
    """
    tabs = {k: [list(r) for r in v] for k, v in SMALL_TABS.items() if k in ("Criteria",)}
    tabs["Products"] = [
        ["product_id", "product_name", "producer_group", "category"],
        ["A", "Product A", "G", "food"],
        ["B", "Product B", "G", "food"],
        ["C", "Product C", "G", "food"],
    ]
    tabs["Judges"] = [["judge_id", "judge_name", "sheet"]] + [[j, j, j] for j in ("J1", "J2", "J3")]
    scores = {"J1": (50, 40), "J2": (40, 50), "J3": (45, 45)}
    for judge, (inn_a, inn_b) in scores.items():
        tabs[judge] = [SCORE_HEADER, ["A", "", inn_a, 30], ["B", "", inn_b, 30], ["C", "", 40, 20]]
    return tabs


def test_a_shared_first_place_is_never_robust_and_both_tie_breakers_are_named():
    report = robustness_report(parse(RawWorkbook(shared_first_tabs())), "mean")
    # Mean: A (80+70+75)/3 = 75 = B; innovation 45 = 45; identity 30 = 30 -> A = B.
    # Median: A 75 = B 75 (same criteria). Trimmed (3 judges: drop high and low): A 75 = B 75.
    # Normalised: z(J1) = A +1.22, B 0, C -1.22; z(J2) = A 0, B +1.22, C -1.22; J3 (75, 75, 60):
    # A = B = +0.71. A and B have equal z sums -> equal scores -> A = B under every method.
    assert report.comparison.outcomes == {m: ("A", "B") for m in METHODS}
    assert report.comparison.nominees == {m: None for m in METHODS}
    assert not report.robust
    # Without J1: A (70+75)/2 = 72.5 < B 77.5 -> B alone. Without J2: A 77.5 > B 72.5 -> A.
    # Without J3: A 75 = B 75, criteria equal -> still A = B, so J3 does not change the outcome.
    # Median, trimmed (two judges left: the mean) and normalised (J1 gone: A z 0 + 0.71 <
    # B 1.22 + 0.71) move the same way.
    for method in METHODS:
        assert report.lojo.deciding[method] == ["J1", "J2"]
        assert report.lojo.without[method] == {"J1": ("B",), "J2": ("A",), "J3": ("A", "B")}
    assert report.lojo.any_deciding() == ["J1", "J2"]
    rows = what_if_rows(report)
    assert set(zip(rows["judge_id"], rows["without"])) == {("J1", ("B",)), ("J2", ("A",))}
    # A shared first place is level already: nothing to move.
    assert (report.margin.totals_to_move, report.margin.points_to_move) == (0, 0.0)


def test_prebuilt_totals_give_the_same_report():
    from kbo_dashboard.scoring.scoring import judge_totals

    comp = parse(RawWorkbook(shared_first_tabs()))
    given = robustness_report(comp, "median", totals=judge_totals(comp))
    built = robustness_report(comp, "median")
    assert given.lojo.without == built.lojo.without
    assert given.comparison.outcomes == built.comparison.outcomes
    assert given.margin.moves.equals(built.margin.moves)
