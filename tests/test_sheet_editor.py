"""What anyone who can edit the sheet can type (issue 18, sections 3 and 9): two judges on one
score tab, tab names that only look alike, and score cells that only look like numbers.

SMALL_TABS (tests/workbooks.py): Judges J1, J2, J3 in rows 2-4, their ``sheet`` in column D;
tab J1 holds 4 complete rows (8 scores), J2 3 rows (6), J3 3 rows (6): 20 scores in all.
"""

from __future__ import annotations

import copy

import pytest

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.sources.source import RawWorkbook, fold_tab_name
from tests.workbooks import SMALL_TABS


def _parse(**tabs):
    raw = copy.deepcopy(SMALL_TABS)
    raw.update(tabs)
    return parse(RawWorkbook(raw))


def _judges(*rows):
    return [SMALL_TABS["Judges"][0], *[list(r) for r in rows]]


def _scores_by_judge(comp) -> dict[str, int]:
    return comp.scores.groupby("judge_id").size().to_dict()


def test_two_judges_naming_one_tab_count_it_once_with_an_error_at_both_cells():
    judges = _judges(
        ["J1", "Judge 1", "government", "J1"],
        ["J2", "Judge 2", "private", "J1"],  # J2 names J1's tab
        ["J3", "Judge 3", "citizen", "J3"],
    )
    comp = _parse(Judges=judges)
    # Before: J1's 8 scores counted as J1 and again as J2.
    assert _scores_by_judge(comp) == {"J1": 8, "J3": 6}
    shared = [i for i in comp.issues if i.code == "judge_tab_shared"]
    assert [(i.severity, i.where, i.judge_id) for i in shared] == [
        ("error", "Judges!D2", "J1"),
        ("error", "Judges!D3", "J2"),
    ]
    for issue in shared:
        assert "J1" in issue.message_th and "J2" in issue.message_th
        assert "J1" in issue.message_en and "J2" in issue.message_en
    assert "J1" in shared[0].action_en and "once" in shared[0].action_en
    assert shared[1].action_en == "Counted this judge as not having scored yet"
    j2 = comp.judges.set_index("judge_id").loc["J2"]
    assert not j2["has_tab"]
    assert not [i for i in comp.issues if i.code == "judge_tab_missing"]


@pytest.mark.parametrize(
    "spelling",
    ["j1", " J1 ", "J 1", "J1\u200b", "\u200dJ1", "Ｊ1", "J1\ufeff"],
    ids=["case", "padded", "inner space", "zero-width space", "joiner", "fullwidth", "BOM"],
)
def test_a_tab_named_only_alike_is_the_same_tab(spelling):
    judges = _judges(
        ["J1", "Judge 1", "government", "J1"],
        ["J2", "Judge 2", "private", spelling],
        ["J3", "Judge 3", "citizen", "J3"],
    )
    comp = _parse(Judges=judges)
    assert _scores_by_judge(comp) == {"J1": 8, "J3": 6}
    assert {i.where for i in comp.issues if i.code == "judge_tab_shared"} == {
        "Judges!D2",
        "Judges!D3",
    }


def test_a_blank_sheet_falls_back_to_the_judge_id_and_is_flagged_at_that_cell():
    judges = _judges(["J1", "Judge 1", "government", "J1"], ["j1", "Judge 2", "private", ""])
    comp = _parse(Judges=judges)
    assert _scores_by_judge(comp) == {"J1": 8}
    assert {i.where for i in comp.issues if i.code == "judge_tab_shared"} == {
        "Judges!D2",
        "Judges!A3",  # the blank sheet cell: the judge ID names the tab
    }


def test_thai_spelled_two_ways_names_one_tab():
    # SARA AM (U+0E33) and NIKHAHIT + SARA AA (U+0E4D U+0E32) look the same; NFKC makes them one.
    tabs = copy.deepcopy(SMALL_TABS)
    tabs["ผู้นำ"] = tabs.pop("J1")
    judges = _judges(
        ["J1", "Judge 1", "government", "ผู้นำ"],
        ["J2", "Judge 2", "private", "ผู้น\u0e4d\u0e32"],
        ["J3", "Judge 3", "citizen", "J3"],
    )
    tabs["Judges"] = judges
    comp = parse(RawWorkbook(tabs))
    assert _scores_by_judge(comp) == {"J1": 8, "J3": 6}
    assert len([i for i in comp.issues if i.code == "judge_tab_shared"]) == 2


def test_the_same_judge_id_twice_keeps_the_first_row_only():
    judges = _judges(
        ["J1", "Judge 1", "government", "J1"],
        ["J2", "Judge 2", "private", "J2"],
        ["J1", "Judge 1 again", "citizen", "J3"],  # J1 again, naming another tab
    )
    comp = _parse(Judges=judges)
    assert list(comp.judges["judge_id"]) == ["J1", "J2"]
    assert _scores_by_judge(comp) == {"J1": 8, "J2": 6}  # J3's tab is not J1's too
    duplicate = [i for i in comp.issues if i.code == "duplicate_id" and i.tab == "Judges"]
    assert [(i.severity, i.where) for i in duplicate] == [("error", "Judges!A4")]


def test_distinct_tabs_are_not_flagged():
    comp = _parse()
    assert _scores_by_judge(comp) == {"J1": 8, "J2": 6, "J3": 6}
    assert not [i for i in comp.issues if i.code == "judge_tab_shared"]


def test_an_exact_tab_name_wins_over_one_that_only_looks_alike():
    tabs = copy.deepcopy(SMALL_TABS)
    tabs["j1"] = copy.deepcopy(tabs["J2"])  # a second tab "j1", J2 names it exactly
    tabs["Judges"] = _judges(
        ["J1", "Judge 1", "government", "J1"],
        ["J2", "Judge 2", "private", "j1"],
        ["J3", "Judge 3", "citizen", "J3"],
    )
    comp = parse(RawWorkbook(tabs))
    assert _scores_by_judge(comp) == {"J1": 8, "J2": 6, "J3": 6}


def test_fold_tab_name():
    assert fold_tab_name(" J 0\u200b1\t") == "j01"
    assert fold_tab_name("ผู้นำ") == fold_tab_name("ผู้น\u0e4d\u0e32")
    assert fold_tab_name("J01") != fold_tab_name("J02")


# --- score cells that only look like numbers (section 9) ----------------------------------
@pytest.mark.parametrize(
    ("cell", "kind", "value"),
    [
        ("10", "number", 10.0),
        ("๑๐", "converted", 10.0),  # Thai digits: what a Thai clerk types
        ("12,5", "converted", 12.5),  # a decimal comma
        ("12,25", "converted", 12.25),
        ("١٠", "not_a_number", None),  # Arabic-Indic digits
        ("۱۰", "not_a_number", None),  # Extended Arabic-Indic (Persian) digits
        ("１０", "not_a_number", None),  # fullwidth digits
        ("1٠", "not_a_number", None),  # mixed
        ("1,000", "not_a_number", None),  # a thousands separator, or a slip: not 1.0
        ("1_0", "not_a_number", None),  # float() would read 10
    ],
)
def test_only_ascii_and_thai_digits_make_a_score(cell, kind, value):
    from kbo_dashboard.intake.cells import read_score

    reading = read_score(cell)
    assert (reading.kind, reading.value) == (kind, value)


def test_other_digits_are_flagged_at_their_cell_and_not_counted():
    j1 = copy.deepcopy(SMALL_TABS["J1"])
    j1[1][2] = "١٠"  # A1's innovation, C2
    j1[2][3] = "1,000"  # A2's identity, D3
    j1[3][2] = "๔๖"  # B1's innovation in Thai digits: counted as 46
    comp = _parse(J1=j1)
    j1_scores = comp.scores[comp.scores["judge_id"] == "J1"]
    cells = dict(zip(j1_scores["cell"], j1_scores["score"]))
    assert "C2" not in cells and "D3" not in cells
    assert cells["C4"] == 46.0
    flagged = {(i.where, i.code) for i in comp.issues if i.severity == "error"}
    assert ("J1!C2", "not_a_number") in flagged
    assert ("J1!D3", "not_a_number") in flagged


# --- the fault banner names Google Sheets once (section 9) ---------------------------------
@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_stale_banner_names_google_sheets_once(lang):
    import requests

    from kbo_dashboard.i18n import t
    from kbo_dashboard.sources.google_source import source_error

    error = source_error(requests.ConnectionError("down"), "key", None)
    assert error.kind == "unreachable"  # the banner ui/frame.py shows for it is app.stale
    reason = error.message_th if lang == "th" else error.message_en
    banner = t("app.stale", lang, time="10:00:00", reason=reason)
    prefix = {"th": "ติดต่อ Google Sheets ไม่ได้", "en": "Google Sheets not reachable"}[lang]
    assert banner.count(prefix) == 1, banner  # was: "…ไม่ได้: ติดต่อ Google Sheets ไม่ได้: …"
    assert banner.startswith(t("app.stale", lang, time="10:00:00", reason="").strip())
