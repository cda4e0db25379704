"""What a rejected cell costs, said truthfully: the judge's whole row for that product.

A cell the app cannot read (above the maximum, text such as "ดีมาก") in an otherwise complete
row makes the row ineligible: none of its scores count until the cell is fixed. The issue's
action must say so in both languages, as a partly filled row's does.
"""

from __future__ import annotations

import pytest

from kbo_dashboard.i18n import t
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.scoring.scoring import judge_totals, score_competition
from kbo_dashboard.sources.source import RawWorkbook
from tests.workbooks import SMALL_TABS


@pytest.mark.parametrize("bad", [61, "ดีมาก"])  # innovation's maximum is 60
def test_a_rejected_cell_costs_the_whole_row_and_the_message_says_so(bad):
    tabs = {k: [list(r) for r in v] for k, v in SMALL_TABS.items()}
    tabs["J1"][1][2] = bad  # J1's A1 innovation (C2); identity 30 is still valid
    comp = parse(RawWorkbook(tabs))
    issue = next(i for i in comp.issues if (i.tab, i.cell) == ("J1", "C2"))
    assert issue.severity == "error"
    totals = judge_totals(comp).set_index(["judge_id", "product_id"])
    assert not totals.at[("J1", "A1"), "eligible"]  # identity 30 does not count either
    # A1 is scored by J2 (70) and J3 (80) only: mean 75, from 2 judges.
    a1 = score_competition(comp).standings.set_index("product_id").loc["A1"]
    assert (a1["score"], a1["n_judges"]) == (75.0, 2)
    # The action says the row is not counted until the cell is fixed, in both languages,
    # and no longer that the other cells still count.
    assert "whole row for this product is not counted until the cell is fixed" in issue.action_en
    assert "ยังไม่นับทั้งแถวจนกว่าจะแก้ช่องนี้" in issue.action_th
    assert "still count" not in issue.action_en
    assert t("action.row_not_counted", "en") == "Row not counted until complete"  # partial row
