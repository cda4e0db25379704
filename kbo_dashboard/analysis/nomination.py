"""The Nomination page's questions, computed: "would the winner change if...?".

:func:`robustness_report` ranks exactly as :mod:`kbo_dashboard.scoring.scoring` does (the quorum
and the committee's tie-break criteria) through a
:class:`~kbo_dashboard.analysis.panel.Panel` built once, and feeds it to
:mod:`kbo_dashboard.analysis.robustness`. So the robustness section names the same outcome as
the rest of the page: a product below quorum never wins, a tie on the score goes to the
tie-break criteria, and a first place still shared after them is a tie, never a nominee.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kbo_dashboard.analysis import robustness
from kbo_dashboard.analysis.panel import competition_panel
from kbo_dashboard.intake.parse import Competition
from kbo_dashboard.intake.settings import method_named
from kbo_dashboard.scoring.aggregation import METHODS


def method_key(value: object, default: str = "mean") -> str:
    """The registered aggregation method ``value`` names (its key, a name or an alias, as the
    Settings tab reads it: :func:`~kbo_dashboard.intake.settings.method_named`), else
    ``default``."""
    key: str | None = str(value or "").strip()
    key = key if key in METHODS else method_named(key)
    return key if key is not None and key in METHODS else default


@dataclass(frozen=True)
class RobustnessReport:
    """Methods side by side, leave-one-judge-out and the margin, under one chosen method."""

    method: str
    comparison: robustness.MethodComparison
    lojo: robustness.LeaveOneJudgeOut
    margin: robustness.Margin
    mean_margin: robustness.Margin

    @property
    def robust(self) -> bool:
        """Every method names the same single nominee (a shared first place never is)."""
        return self.comparison.robust


def robustness_report(
    comp: Competition, method: str = "mean", totals: pd.DataFrame | None = None
) -> RobustnessReport:
    """Every robustness figure for the Nomination page, with the full ranking rule.

    ``totals``: the competition's :func:`~kbo_dashboard.scoring.scoring.judge_totals` when the
    caller has them already (``Results.totals``), to save building them again.
    """
    method = method_key(method)
    panel = competition_panel(comp, totals)
    methods = list(METHODS)
    comparison = robustness.compare_methods(panel, methods, top_n=3)
    lojo = robustness.leave_one_judge_out(panel, methods)
    chosen = robustness.margin(panel, method)
    mean = chosen if method == "mean" else robustness.margin(panel, "mean")
    return RobustnessReport(method, comparison, lojo, chosen, mean)


def what_if_rows(report: RobustnessReport) -> pd.DataFrame:
    """One row per (judge, method) where leaving the judge out changes the outcome.

    Columns: judge_id, method, nominee (the outcome with everyone: a tuple of first-placed
    product ids), without (the outcome without the judge, also a tuple).
    """
    rows = []
    for method, judges in report.lojo.deciding.items():
        for judge in judges:
            before = report.lojo.outcomes[method]
            rows.append((judge, method, before, report.lojo.without[method][judge]))
    frame = pd.DataFrame(rows, columns=["judge_id", "method", "nominee", "without"])
    return frame.sort_values(["judge_id", "method"], kind="stable").reset_index(drop=True)
