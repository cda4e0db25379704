"""Scoring progress, including a workbook with no scores yet."""

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.scoring.progress import judge_progress
from kbo_dashboard.sources.source import RawWorkbook
from kbo_dashboard.sources.workbook import template_tabs
from tests.workbooks import SCORE_HEADER, SMALL_TABS


def test_small_example_progress():
    tabs = {k: [list(r) for r in v] for k, v in SMALL_TABS.items()}
    tabs["Conflicts"] = [["judge_id", "product_id"], ["J2", "B2"]]
    tabs["J3"] = [SCORE_HEADER, ["A1", "", 45, 35], ["A2", "", 45]]
    progress = judge_progress(parse(RawWorkbook(tabs)))
    per_judge = progress.per_judge.set_index("judge_id")
    # J1 did all 4. J2 owes 3 (conflict with B2) and did them. J3 did A1 only (A2 is partial).
    assert per_judge.done.to_dict() == {"J1": 4, "J2": 3, "J3": 1}
    assert per_judge.expected.to_dict() == {"J1": 4, "J2": 3, "J3": 4}
    assert per_judge.loc["J3", "remaining"] == ["A2", "B1", "B2"]
    assert (progress.judges_finished, progress.judges_total) == (2, 3)
    # Cells: J1 8 + J2 6 + J3 3 (A1 2, A2's one valid cell) = 17 of (4 + 3 + 4) * 2 = 22.
    assert (progress.scores_received, progress.scores_expected) == (17, 22)


def test_empty_template_has_no_progress_and_does_not_crash():
    progress = judge_progress(parse(RawWorkbook(template_tabs())))
    assert (progress.judges_finished, progress.judges_total) == (0, 27)  # the seed's panel
    assert progress.scores_expected == 0 and progress.share == 0.0
