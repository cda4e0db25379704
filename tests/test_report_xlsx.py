"""The Excel report, opened with openpyxl and pandas as the office would.

Expected values come from the small workbook (tests/workbooks.py): B1 76.667 rank 1 (wins the
tie with A1 on innovation 45.333 vs 45), A1 76.667 rank 2, A2 73.333 rank 3, B2 not ranked
(1 judge < quorum 2). 20 valid scores: J1 4 rows, J2 3, J3 3, two criteria each.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from kbo_dashboard.i18n import t
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.reports.xlsx import build_xlsx
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.source import RawWorkbook
from tests.workbooks import SMALL_TABS, signed_decision

AT = dt.datetime(2022, 5, 23, 7, 30, tzinfo=dt.UTC)  # 14:30 Thai time


@pytest.fixture(scope="module", autouse=True)
def _signing(decision_key):
    """Decisions are signed with the test key, as the app signs what it records."""


@pytest.fixture(scope="module")
def small():
    comp = parse(RawWorkbook(SMALL_TABS))
    results = score_competition(comp)
    decisions = [
        signed_decision(comp, results, "B1", now=AT),
        signed_decision(
            comp, results, "A2", "=SUM(A1) ตลาดพร้อมกว่า", now=AT + dt.timedelta(hours=1)
        ),
    ]
    return comp, results, decisions


@pytest.fixture(scope="module")
def book(small):
    comp, results, decisions = small
    return openpyxl.load_workbook(io.BytesIO(build_xlsx(comp, results, decisions)))


def test_sheets_are_named_in_thai(book):
    assert book.sheetnames == [
        "สรุป",
        "อันดับรวม",
        "อาหาร",
        "ผ้าและเครื่องแต่งกาย",
        "คะแนนทั้งหมด",
        "ความเห็นตรงกัน",
        "ปัญหาข้อมูล",
        "มติ",
    ]


def test_agreement_sheet_gives_alpha_the_intervals_and_what_they_rest_on(small):
    comp, results, _ = small
    frame = pd.read_excel(
        io.BytesIO(build_xlsx(comp, results, (), lang="en")), sheet_name="Agreement"
    )
    rows = frame.set_index("Group")
    # SMALL_TABS: only J1 scored every product (B2 is J1's alone), so W and the ICCs rest on
    # one judge and cannot be computed; alpha uses every eligible total: A1, A2, B1 from J1..J3
    # (9 totals; B2's lone total has nothing to compare with).
    overall = rows.loc["All categories"]
    assert overall["Alpha rests on"].startswith("Alpha uses every eligible total: 9 totals from 3")
    assert "J2 (not scored yet, or a row not counted)" in overall["W and ICC rest on"]
    assert pd.isna(overall["ICC(2,k)"]) and pd.isna(overall["ICC(2,k) 95% CI"])
    # each category has two products: a caution, not a figure
    food = rows.loc["Food"]
    assert pd.isna(food["Alpha"]) and food["Note"].startswith("Food: only 2 products")


def test_overall_ranking_has_thai_headers_numbers_and_b1_first(book):
    sheet = book["อันดับรวม"]
    header = [c.value for c in sheet[1]]
    assert header[:9] == [
        "อันดับรวม",
        "อันดับในประเภท",
        "รหัสผลิตภัณฑ์",
        "ชื่อผลิตภัณฑ์",
        "กลุ่มผู้ผลิต",
        "อำเภอ",
        "ประเภท",
        "คะแนน",
        "กรรมการที่นับ (คน)",
    ]
    assert header[9:] == ["นวัตกรรม (60)", "อัตลักษณ์ (40)"]
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert [r[2] for r in rows] == ["B1", "A1", "A2", "B2"]
    assert rows[0][:2] == [1, 1] and rows[1][:2] == [2, 1]
    assert rows[0][7] == 76.67 and rows[2][7] == 73.33  # numbers, not text
    assert rows[0][9] == 45.33 and rows[1][9] == 45
    assert rows[3][0] == "ยังไม่จัดอันดับ" and rows[3][8] == 1
    assert sheet["H2"].number_format == "0.00"
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    assert sheet.auto_filter.ref == "A1:K5"
    assert sheet.column_dimensions["B"].width >= 10


def test_category_sheets_rank_within_the_category(book):
    food = [[c.value for c in r] for r in book["อาหาร"].iter_rows(min_row=2)]
    assert [(r[1], r[2], r[3]) for r in food] == [
        (1, "A1", "Rice crackers"),
        (2, "A2", "Fish sauce"),
    ]
    textile = [[c.value for c in r] for r in book["ผ้าและเครื่องแต่งกาย"].iter_rows(min_row=2)]
    assert [(r[1], r[2]) for r in textile] == [(1, "B1"), ("ยังไม่จัดอันดับ", "B2")]


def test_every_score_in_long_form(small, book):
    frame = pd.read_excel(io.BytesIO(build_xlsx(*small)), sheet_name="คะแนนทั้งหมด")
    assert list(frame.columns) == [
        "รหัสกรรมการ",
        "ชื่อกรรมการ",
        "รหัสผลิตภัณฑ์",
        "ชื่อผลิตภัณฑ์",
        "รหัสเกณฑ์",
        "เกณฑ์",
        "คะแนน",
        "แท็บ",
        "ช่อง",
        "นับคะแนน",
    ]
    assert len(frame) == 20
    assert frame["คะแนน"].sum() == 80 + 70 + 80 + 50 + 70 + 80 + 70 + 80 + 70 + 80
    j2_b1 = frame[(frame["รหัสกรรมการ"] == "J2") & (frame["รหัสผลิตภัณฑ์"] == "B1")]
    assert sorted(j2_b1["คะแนน"]) == [30, 40]
    assert set(j2_b1["ช่อง"]) == {"C2", "D2"}  # J2 sorted the tab: B1 is on row 2
    assert set(frame["นับคะแนน"]) == {"ใช่"}


def test_summary_names_method_quorum_nominee_margin_and_final_decision(book):
    summary = dict(book["สรุป"].iter_rows(min_row=2, values_only=True))
    assert summary["วิธีรวมคะแนน"] == "ค่าเฉลี่ย"
    assert summary["องค์ประชุม (จำนวนกรรมการขั้นต่ำ)"] == 2
    # Only J1 scored all four products (J2 and J3 left B2 blank).
    assert summary["กรรมการทั้งคณะ"] == 3 and summary["กรรมการที่ให้คะแนนครบ"] == 1
    assert summary["กรรมการที่นับคะแนนผลิตภัณฑ์ที่ได้รับการเสนอชื่อ"] == 3
    assert summary["ผลิตภัณฑ์ที่ได้รับการเสนอชื่อ"] == "Silk scarf (B1)"
    assert summary["คะแนน"] == 76.67 and summary["ส่วนต่างจากอันดับ 2"] == 0
    assert summary["อันดับ 2"] == "Rice crackers (A1)"
    assert summary["มติสุดท้าย"].startswith("ประธานกรรมการเลือก Fish sauce (A2)")
    assert "15:30 น." in summary["มติสุดท้าย"]


def test_decisions_sheet_is_oldest_first_with_the_last_marked_final(book):
    rows = list(book["มติ"].iter_rows(min_row=1, values_only=True))
    header = rows[0]
    assert header[:4] == ("ครั้งที่", "เวลาบันทึก (เวลาประเทศไทย)", "ผู้บันทึก", "รหัสผลิตภัณฑ์")
    first, second = (dict(zip(header, r)) for r in rows[1:])
    assert first["รหัสผลิตภัณฑ์"] == "B1" and first["ยืนยันตามผลคะแนน"] == "ใช่"
    assert first["เวลาบันทึก (เวลาประเทศไทย)"] == "23 พฤษภาคม 2565 เวลา 14:30 น."  # BE (issue 19)
    assert first["สถานะ"] is None and second["สถานะ"] == "มติสุดท้าย"
    assert second["ยืนยันตามผลคะแนน"] == "ไม่ใช่" and second["อันดับรวม"] == 3
    assert second["เหตุผล"] == "=SUM(A1) ตลาดพร้อมกว่า"  # as typed: a text cell, no formula


def test_text_that_looks_like_a_formula_is_escaped():
    tabs = {k: [list(r) for r in v] for k, v in SMALL_TABS.items()}
    tabs["Products"][1][1] = '=HYPERLINK("http://x")'
    comp = parse(RawWorkbook(tabs))
    book = openpyxl.load_workbook(io.BytesIO(build_xlsx(comp, score_competition(comp))))
    names = [r[3] for r in book["อันดับรวม"].iter_rows(min_row=2, values_only=True)]
    assert '=HYPERLINK("http://x")' in names  # no visible apostrophe (issue 18)
    cell = next(c for c in book["อันดับรวม"]["D"] if str(c.value).startswith("="))
    assert cell.data_type == "s"  # text, not a formula
    assert cell.quotePrefix  # and stays text when edited, as if typed with an apostrophe


def test_english_headers_and_no_decision(small):
    comp, results, _ = small
    book = openpyxl.load_workbook(io.BytesIO(build_xlsx(comp, results, None, lang="en")))
    assert book.sheetnames[:2] == ["Summary", "Overall ranking"]
    assert book.sheetnames[2:4] == ["Food", "Textiles & clothing"]
    assert [c.value for c in book["Overall ranking"][1]][:3] == [
        "Overall rank",
        "Rank in category",
        "Product ID",
    ]
    summary = dict(book["Summary"].iter_rows(min_row=2, values_only=True))
    assert summary["Final decision"] == "The chair has not recorded a decision yet."
    assert book["Decisions"].max_row == 1  # the header only


def test_the_decision_time_header_names_the_competitions_zone(small):
    """Asia/Bangkok (the default) reads "Thai time"; another zone is named, and the time is on
    that zone's clock (07:30 UTC is 16:30 in Tokyo)."""
    comp, results, decisions = small
    comp = dataclasses.replace(comp, settings={**comp.settings, "time_zone": "Asia/Tokyo"})
    book = openpyxl.load_workbook(io.BytesIO(build_xlsx(comp, results, decisions, lang="en")))
    sheet = next(s for s in book.worksheets if s.title == t("report.sheet.decisions", "en"))
    header = [c.value for c in sheet[1]]
    assert header[1] == "Recorded at (Asia/Tokyo)"
    assert sheet.cell(2, 2).value == "23 May 2565 BE, 16:30"
