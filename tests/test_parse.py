"""Parsing and validation: every bad input becomes an issue at its tab and A1 cell."""

import pytest

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.sources.source import RawWorkbook
from tests.workbooks import SMALL_TABS, broken_tabs, missing_criterion_column_tabs


@pytest.fixture(scope="module")
def broken():
    return parse(RawWorkbook(broken_tabs()))


def where(comp, code):
    return sorted(f"{i.tab}!{i.cell}" if i.cell else i.tab for i in comp.issues if i.code == code)


def test_small_workbook_is_clean():
    comp = parse(RawWorkbook(SMALL_TABS))
    assert comp.issues == []
    assert list(comp.products["product_id"]) == ["A1", "A2", "B1", "B2"]
    # Thai category names and English codes both map onto the codes.
    assert list(comp.products["category"]) == ["food", "food", "textile", "textile"]
    assert comp.criterion_ids == ["inn", "idn"]
    # 4 + 3 + 3 rows, two criteria each.
    assert len(comp.scores) == 20
    assert comp.settings["quorum"] == 2  # more than half of 3 judges


def test_rows_are_matched_by_product_id_not_position():
    comp = parse(RawWorkbook(SMALL_TABS))
    j2 = comp.scores[(comp.scores.judge_id == "J2") & (comp.scores.product_id == "A1")]
    # J2 sorted the tab: A1 is on row 4, not row 2.
    assert dict(zip(j2.criterion_id, j2.score)) == {"inn": 40.0, "idn": 30.0}
    assert set(j2.cell) == {"C4", "D4"}


@pytest.mark.parametrize(
    ("code", "places"),
    [
        ("not_a_number", ["J1!B2"]),
        ("negative", ["J2!B3"]),
        ("above_max", ["J2!B4"]),
        ("sheet_error", ["J2!C3", "J2!C4", "J4!B3", "J4!C3"]),
        ("thai_digits", ["J4!B2"]),
        ("decimal_comma", ["J4!C2"]),
        ("duplicate_id", ["Products!B3"]),
        ("blank_id", ["J4!A5", "Products!B6"]),
        ("unknown_category", ["Products!A4"]),
        ("unknown_product", ["Conflicts!B3", "J1!A4", "J4!A4"]),
        ("duplicate_product_row", ["J2!A5"]),
        ("conflict_scored", ["J1!3:3"]),
        ("judge_tab_missing", ["J3 missing"]),
        ("unknown_sector", ["Judges!C3"]),
        ("bad_setting", ["Settings!B2"]),
        ("year_converted", ["Settings!B3"]),
    ],
)
def test_each_bad_input_is_reported_where_it_is(broken, code, places):
    assert where(broken, code) == places


def test_severities_and_both_languages(broken):
    by_cell = {(i.tab, i.cell, i.code): i for i in broken.issues}
    negative = by_cell[("J2", "B3", "negative")]
    assert negative.severity == "error"
    assert (negative.judge_id, negative.product_id) == ("J2", "A1")
    assert "-3" in negative.message_en and "ติดลบ" in negative.message_th
    assert negative.action_en.startswith("This cell cannot be read, so this judge's whole row")
    assert by_cell[("J4", "B2", "thai_digits")].severity == "info"
    assert by_cell[("J1", "3:3", "conflict_scored")].severity == "warning"


def test_a_bad_cell_keeps_every_other_valid_score(broken):
    scores = {
        (s.judge_id, s.product_id, s.criterion_id): s.score for s in broken.scores.itertuples()
    }
    # J1!B2 is "abc", but C2 (idn = 30) is kept; J4's converted values count.
    assert scores == {
        ("J1", "A1", "idn"): 30.0,
        ("J1", "B1", "inn"): 40.0,
        ("J1", "B1", "idn"): 30.0,
        ("J4", "A1", "inn"): 50.0,
        ("J4", "A1", "idn"): 25.5,
    }
    rows = broken.rows.set_index(["judge_id", "product_id"])
    assert not rows.loc[("J1", "A1"), "complete"]
    assert rows.loc[("J1", "B1"), "conflict"]
    assert rows.loc[("J4", "A1"), "complete"]


def test_blank_cells_mean_not_scored_yet_and_partial_rows_are_flagged():
    tabs = {k: [list(r) for r in v] for k, v in SMALL_TABS.items()}
    tabs["J3"][1] = ["A1", "", 45]  # partly scored: 1 of 2
    tabs["J3"][2] = ["A2", "", "", ""]  # blank: not scored yet, not an issue
    comp = parse(RawWorkbook(tabs))
    assert [(i.code, i.tab, i.cell) for i in comp.issues] == [("partial_row", "J3", "2:2")]
    rows = comp.rows.set_index(["judge_id", "product_id"])
    assert rows.loc[("J3", "A1"), "filled"] == 1 and not rows.loc[("J3", "A1"), "complete"]
    assert rows.loc[("J3", "A2"), "filled"] == 0


def test_missing_tabs_and_columns_do_not_crash():
    comp = parse(RawWorkbook({"Judges": [["judge_id"]]}))
    codes = [(i.code, i.tab) for i in comp.issues]
    assert ("missing_tab", "Products") in codes
    assert ("missing_column", "Judges") in codes
    assert comp.products.empty and comp.scores.empty


def test_missing_criterion_column_in_a_judge_tab():
    comp = parse(RawWorkbook(missing_criterion_column_tabs()))
    missing = [i for i in comp.issues if i.code == "missing_column"]
    assert [(i.tab, i.cell, i.judge_id) for i in missing] == [("J1", "1:1", "J1")]
    # J1's innovation scores are kept, but its rows are not complete.
    assert set(comp.scores[comp.scores.judge_id == "J1"].score) == {50.0, 40.0}
    assert not comp.rows[comp.rows.judge_id == "J1"].complete.any()


def test_headers_in_thai_and_english_any_order():
    tabs = {k: [list(r) for r in v] for k, v in SMALL_TABS.items()}
    tabs["Products"] = [["ประเภท", "ชื่อผลิตภัณฑ์", "รหัสผลิตภัณฑ์", "กลุ่มผู้ผลิต"]] + [
        [r[4], r[1], r[0], r[2]] for r in SMALL_TABS["Products"][1:]
    ]
    tabs["J1"] = [["ความเห็น", "Identity (40)", "รหัสผลิตภัณฑ์", "นวัตกรรม (60)"]] + [
        ["", r[3], r[0], r[2]] for r in SMALL_TABS["J1"][1:]
    ]
    comp = parse(RawWorkbook(tabs))
    assert comp.issues == []
    j1 = comp.scores[(comp.scores.judge_id == "J1") & (comp.scores.product_id == "B1")]
    assert dict(zip(j1.criterion_id, j1.score)) == {"inn": 46.0, "idn": 34.0}


def test_default_criteria_when_the_committee_sets_none():
    tabs = {k: v for k, v in SMALL_TABS.items() if k != "Criteria"}
    comp = parse(RawWorkbook(tabs))
    assert comp.criterion_ids == ["innovation", "identity", "quality", "packaging", "value"]
    assert list(comp.criteria.max_score) == [25, 20, 20, 15, 20]
    assert sum(comp.criteria.max_score) == 100
    # The small tabs have no columns for these criteria: every row is reported, none crash.
    assert {i.code for i in comp.issues} == {"missing_column"}
