"""Every crash class and wrong total the hostile-workbook fuzzing found (issue 11), kept as a
named example. Each builds the smallest workbook that showed it, from tests/workbooks.py."""

from __future__ import annotations

import copy
import io
import math

import pytest
from openpyxl import load_workbook

from kbo_dashboard.intake.cells import cell_text, read_score
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.meeting.live import change_feed
from kbo_dashboard.reports.pdf_document import Document as _Document
from kbo_dashboard.reports.thai_text import PDF_TEXT_MAX, clip
from kbo_dashboard.reports.xlsx import build_xlsx
from kbo_dashboard.scoring.progress import judge_progress
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.source import RawWorkbook
from tests.hostile import LONG
from tests.hostile_reference import run_pipeline
from tests.workbooks import SMALL_TABS


def small(**changes) -> RawWorkbook:
    """SMALL_TABS with tabs replaced; J1 scores A1 50 + 30 = 80 there."""
    tabs = copy.deepcopy(SMALL_TABS)
    tabs.update(changes)
    return RawWorkbook(tabs)


def j1(*rows) -> list[list]:
    return [SMALL_TABS["J1"][0], *rows]


def issues_at(comp, tab: str) -> dict[str, str]:
    return {i.cell: i.code for i in comp.issues if i.tab == tab}


# --- OverflowError in intake/cells.py (186 of 5,000) -----------------------------------------
@pytest.mark.parametrize(
    "cell", [10**400, -(10**400), "9" * 400, "1" * 320 + ".5"], ids=["int", "neg", "text", "dec"]
)
def test_a_number_with_hundreds_of_digits_is_not_a_number(cell):
    assert read_score(cell).kind == "not_a_number"
    # A JSON number is shown by its size (str() refuses past 4,300 digits); text as typed.
    assert cell_text(cell) == (cell if isinstance(cell, str) else "~1e400")


def test_a_hundred_digit_score_is_an_issue_at_its_cell_and_the_row_is_not_counted():
    comp = parse(small(J1=j1(["A1", "", 10**400, 30], ["A2", "", 40, 30])))
    assert issues_at(comp, "J1")["C2"] == "not_a_number"
    totals = score_competition(comp).totals.set_index(["judge_id", "product_id"])["total"]
    assert math.isnan(totals["J1", "A1"])  # missing, not 0.0 and not inf
    assert totals["J1", "A2"] == 70  # 40 + 30: the next row keeps its scores


def test_a_hundred_digit_product_id_is_reported_not_raised():
    comp = parse(small(J1=j1([10**400, "", 50, 30])))
    assert issues_at(comp, "J1")["A2"] == "unknown_product"


# --- "inf" or 1e308 accepted as a score; a total 0.0 where it should be missing (13) -----------
@pytest.mark.parametrize("cell", ["inf", float("inf"), float("nan"), 1e308, "1e308", -1e308])
def test_inf_nan_and_1e308_are_never_scores(cell):
    comp = parse(small(J1=j1(["A1", "", cell, 30])))
    assert issues_at(comp, "J1")["C2"] in {"not_a_number", "above_max", "negative"}
    assert comp.scores.query("judge_id == 'J1' and product_id == 'A1'")["score"].tolist() == [30]


@pytest.mark.parametrize("maximum", [1e308, "9" * 400, float("inf"), 5e-324])
def test_a_huge_or_tiny_maximum_never_makes_a_total_infinite_or_zero(maximum):
    criteria = copy.deepcopy(SMALL_TABS["Criteria"])
    criteria[1][3] = criteria[1][4] = maximum  # innovation
    results = score_competition(parse(small(Criteria=criteria)))
    eligible = results.totals[results.totals["eligible"]]["total"]
    assert len(eligible) and all(math.isfinite(x) and 0 <= x <= 100 for x in eligible)


def test_a_tiny_maximum_is_a_bad_maximum_and_the_other_criterion_still_counts():
    # 60 / 5e-324 overflowed to inf; the maximum now reads as 0 (2 decimals), a bad maximum.
    criteria = copy.deepcopy(SMALL_TABS["Criteria"])
    criteria[1][3] = 5e-324
    comp = parse(small(Criteria=criteria, J1=j1(["A1", "", 0, 30])))
    assert issues_at(comp, "Criteria")["D2"] == "bad_max_score"
    totals = score_competition(comp).totals.set_index(["judge_id", "product_id"])["total"]
    assert totals["J1", "A1"] == 75  # identity alone: 30 of 40 -> 75 of 100


# --- OverflowError / ValueError in intake/settings.py (63) -------------------------------------
@pytest.mark.parametrize("key", ["year", "meeting_date", "quorum"])
@pytest.mark.parametrize(
    "value", [float("inf"), float("nan"), 1e308, "inf", "nan", 10**400], ids=lambda v: repr(v)[:8]
)
def test_inf_or_nan_as_a_setting_is_a_warning_and_the_default(key, value):
    comp = parse(small(Settings=[["key", "value"], [key, value]]))
    assert issues_at(comp, "Settings")["B2"] == "bad_setting"
    assert comp.settings["quorum"] == 2  # 3 judges // 2 + 1
    assert 2400 < comp.settings["year"] < 3000


# --- IllegalCharacterError in the Excel report (70) --------------------------------------------
def test_control_characters_reach_excel_as_spaces():
    products = copy.deepcopy(SMALL_TABS["Products"])
    products[1][1] = "Rice\x0bcrackers\x00"
    settings = [["key", "value"], ["title", "KBO\x0b2567"]]
    comp = parse(small(Products=products, Settings=settings))
    book = load_workbook(io.BytesIO(build_xlsx(comp, score_competition(comp), lang="en")))
    values = {c.value for sheet in book for row in sheet.iter_rows() for c in row}
    assert "Rice crackers " in values and "KBO 2567" in values


# --- KeyError 'judge_id' in scoring/progress.py from live.change_feed (52) ---------------------
@pytest.mark.parametrize(
    "judges",
    [
        [["judge_id", "judge_name", "sheet"]],  # no judges
        [["judge name", "sheet"], ["J1", "J1"]],  # the ID header renamed
        [],  # an empty tab
    ],
)
def test_a_malformed_judges_tab_keeps_progress_and_the_change_feed_up(judges):
    before = parse(small())
    after = parse(small(Judges=judges))
    assert judge_progress(after).judges_total == 0
    # Nobody finished and no score is new; only the tab's own problem, if any, is news.
    news = {item.key for item in change_feed(before, after)}
    assert news <= {"live.feed.new_issue", "live.feed.new_issue_tab"}
    back = change_feed(after, before)
    assert back[0].key == "live.feed.judge_finished" and back[0].params == {"judge": "J1"}


# --- 20-42 s workbooks: a 10 kB text wrapped word by word into a narrow PDF column ----------------
def test_pdf_text_is_clipped_before_it_is_measured(monkeypatch):
    """Structural bound: no text longer than PDF_TEXT_MAX (plus the ellipsis) is ever measured,
    so a 10 kB name costs what a 300-character one does."""
    widest: list[int] = []
    measure = _Document.get_string_width

    def counting(self, text, *args, **kwargs):
        widest.append(len(text))
        return measure(self, text, *args, **kwargs)

    monkeypatch.setattr(_Document, "get_string_width", counting)
    products = copy.deepcopy(SMALL_TABS["Products"])
    for row in products[1:]:
        row[1] = LONG
    run_pipeline(small(Products=products), documents=("pdf",))
    assert widest and max(widest) <= PDF_TEXT_MAX + 1


def test_clip_keeps_whole_clusters_and_marks_the_cut():
    assert clip("abc", 3) == "abc"
    assert clip("น้ำน้ำ", 4) == "น้ำ…"  # never splits น้ำ from its marks
