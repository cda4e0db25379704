"""Issue 17 section 3, paper that matches the screen: the score sheets print the total scoring
counts (or "ไม่นับ" and why), the Changes page keeps corrections of rejected cells, one to-do per
judge everywhere, and the chair acknowledges the open points as they fail."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace

import pytest

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.reports.score_sheets import build_score_sheets, judge_rows
from kbo_dashboard.scoring.row_totals import row_totals
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.demo import DemoSource
from kbo_dashboard.sources.source import RawWorkbook
from tests.workbooks import SMALL_TABS

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")


def sheet_pages(data: bytes) -> list[str]:
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.decode("utf-8").split("\f")[:-1]


def printed_row(page: str, product: str) -> str:
    """The table row of ``product`` on a page, its wrapped lines joined, spaces collapsed."""
    lines = page.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(product + " "))
    rows = [lines[start]]
    for line in lines[start + 1 :]:
        if not line.strip() or re.match(r"^\S", line):  # the next row, or the table's end
            break
        rows.append(line)
    return "".join(" ".join(rows).split())  # Thai wraps without spaces: compare without any


def squash(text: str) -> str:
    return "".join(text.split())


def demo():
    comp = parse(DemoSource().fetch())
    return comp, score_competition(comp)


# --- 1. the score sheets count what scoring counts ---------------------------------------------
# Rubric: innovation max 60, identity max 40, EQUAL weights (1 and 1), so a judge's total is
# 100 * (inn/60 * 1/2 + idn/40 * 1/2), not the raw sum inn + idn.
#   J1 A1: 50, 30 -> 100 * (50/120 + 30/80) = 41.667 + 37.5 = 79.1667 -> "79.17" (raw sum 80)
#   J1 A2: 70 in a 60-point cell (C3) -> not counted (a raw sum would read 100)
#   J1 B1: 46 and nothing for identity -> row 4 scored on 1 of 2 criteria, not counted
#   J1 B2: blank row -> blank
WEIGHTED = {k: [list(r) for r in v] for k, v in SMALL_TABS.items()}
WEIGHTED["Criteria"] = [
    ["criterion_id", "name_th", "name_en", "max_score", "weight", "tiebreak_priority"],
    ["inn", "นวัตกรรม", "Innovation", 60, 1, 1],
    ["idn", "อัตลักษณ์", "Identity", 40, 1, 2],
]
WEIGHTED["J1"] = [
    ["product_id", "product_name", "inn", "idn", "comment"],
    ["A1", "", 50, 30],
    ["A2", "", 70, 30],
    ["B1", "", 46, ""],
    ["B2", "", "", ""],
]


def test_a_judges_row_prints_the_weighted_total_or_not_counted_and_why():
    comp = parse(RawWorkbook(WEIGHTED))
    rows = {r[0]: r[2:] for r in judge_rows(comp, "J1", "th")}
    assert rows["A1"] == ["50", "30", "79.17"]
    assert rows["A2"] == ["70", "30", "ไม่นับ: C3: คะแนน 70 เกินคะแนนเต็ม 60"]
    assert rows["B1"] == ["46", "", "ไม่นับ: แถว 4: ให้คะแนนไม่ครบทุกเกณฑ์ (1/2)"]
    assert rows["B2"] == ["", "", ""]
    english = {r[0]: r[-1] for r in judge_rows(comp, "J1", "en")}
    assert english["A2"] == "Not counted: C3: Score 70 is above the maximum 60"
    # the same total the screen ranks on
    totals = score_competition(comp).totals.set_index(["judge_id", "product_id"])["total"]
    assert row_totals(comp)[("J1", "A1")].total == pytest.approx(totals[("J1", "A1")])
    assert totals[("J1", "A1")] == pytest.approx(100 * (50 / 120 + 30 / 80))


@needs_pdftotext
def test_the_demo_sheets_print_not_counted_rows_as_the_app_counts_them():
    comp, results = demo()
    shown = comp.judges["judge_id"].isin(["J05", "J08", "J14"])  # three pages are enough
    pages = sheet_pages(build_score_sheets(replace(comp, judges=comp.judges[shown]), results))
    by_judge: dict[str, str] = {}
    judge = ""
    for page in pages:  # a long table runs on to a page without the judge's name
        found = re.search(r"\((J\d\d)\)", page)
        judge = found.group(1) if found else judge
        by_judge[judge] = by_judge.get(judge, "") + page
    # J08!C6 holds 30 in the 25-point innovation cell: the sheet said "- 10 12 8 10 40".
    assert printed_row(by_judge["J08"], "P-05") == squash(
        "P-05 ข้าวเกรียบฟักทอง 30 10 12 8 10 ไม่นับ: C6: คะแนน 30 เกินคะแนนเต็ม 25"
    )
    # J14 scored P-15 (the nominee) on 2 of 5 criteria: the sheet said 35.
    assert printed_row(by_judge["J14"], "P-15") == squash(
        "P-15 ผ้าไหมกาบบัว 19 16 ไม่นับ: แถว 16: ให้คะแนนไม่ครบทุกเกณฑ์ (2/5)"
    )
    # J05 declared a conflict with P-09 and scored it anyway: printed, and not counted.
    j05 = printed_row(by_judge["J05"], "P-09")
    assert j05 == squash("P-09 เครื่องทองเหลืองบ้านปะอาว 21 15 15 11 17 ไม่นับ: แถว 10: แจ้งส่วนได้เสียไว้")
    # A counted row prints the judge total that scoring computes.
    total = results.totals.set_index(["judge_id", "product_id"]).at[("J08", "P-06"), "total"]
    assert total == 74 and printed_row(by_judge["J08"], "P-06").endswith("1674")


# --- 4. the acknowledgement names the open points as they fail ---------------------------------
ACK_TH = (
    "รับทราบว่ายังมีข้อที่ไม่ผ่าน (ยังไม่เสร็จ 5 คน: J08, J11, J14, J26, J27; "
    "ข้อผิดพลาด 2 รายการ: J08!C6, J11!E8) และขอบันทึกมติพร้อมข้อเหล่านี้"
)


def test_the_acknowledgement_names_the_failing_points_and_the_row_stores_them(
    app_env, chair_password
):
    from tests.test_chair_form import stored, unlock
    from tests.test_pages import open_page

    at = open_page("pages/nomination.py", "th")
    unlock(at, chair_password)
    assert at.checkbox(key="chair_ack").label == ACK_TH
    at.checkbox(key="chair_ack").check().run()
    at.button(key="chair_record").click().run()
    (row,) = stored(app_env)
    points = json.loads(row["open_points"])
    acknowledged = ACK_TH.split("(", 1)[1].rsplit(")", 1)[0]
    assert "; ".join(p["detail_th"] for p in points) == acknowledged
    assert [p["detail_en"] for p in points] == [
        "5 not finished: J08, J11, J14, J26, J27",
        "2 open errors: J08!C6, J11!E8",
    ]


# --- 3. one to-do per judge --------------------------------------------------------------------
# The demo's slips (kbo_dashboard/sources/demo.py): J05 declared a conflict with P-09 (row 10)
# and scored it anyway; J08!C6 = 30 in a 25-point cell (P-05); J11!E8 = "ดีมาก" (P-07); J14 scored
# 2 of 5 criteria for P-15; J26 and J27 have products not yet scored.
J05_TH = "J05: ลบคะแนน P-09 แถว 10 (แจ้งส่วนได้เสียไว้: ญาติของผู้ประกอบการ)"
J05_EN = "J05: clear the scores of P-09 in row 10 (conflict declared: ญาติของผู้ประกอบการ)"


def test_the_to_do_names_a_conflict_scored_anyway():
    from kbo_dashboard.scoring.todo import judge_todo, judge_todos

    comp = parse(DemoSource().fetch())
    todos = judge_todos(comp)
    assert [x.judge_id for x in todos] == ["J05", "J08", "J11", "J14", "J26", "J27"]
    assert (todos[0].message("th"), todos[0].message("en")) == (J05_TH, J05_EN)
    j08 = judge_todo(comp, "j08")  # the phone link's ID, any case
    assert (j08.to_score, j08.n_to_fix, [i.where for i in j08.fixes]) == ((), 1, ["J08!C6"])
    assert judge_todo(comp, "J01").clear and judge_todo(comp, "J99") is None


def test_the_judges_table_and_the_expander_tell_j08_the_same(app_env):
    from tests.test_pages_data import column, open_page

    at = open_page("judges")
    ids = column(at, 0, "judge_id")
    still = dict(zip(ids, column(at, 0, "remaining")))
    to_fix = dict(zip(ids, column(at, 0, "to_fix")))
    # The table listed P-05 as "ยังไม่ได้ให้คะแนน" while the expander said 0 still to score.
    assert still["J08"] == "" and to_fix["J08"] == "แก้ช่อง C6 ของ P-05 (คะแนน 30 เกินคะแนนเต็ม 25)"
    assert still["J14"] == "P-15 ผ้าไหมกาบบัว" and to_fix["J14"] == ""
    assert to_fix["J05"] == J05_TH.removeprefix("J05: ")
    labels = [e.label for e in at.expander]
    assert "J08 กรรมการคนที่ 8 — ช่องที่ต้องแก้ 1 · ยังไม่ได้ให้คะแนน 0 รายการ" in labels
    assert "J05 กรรมการคนที่ 5 — ช่องที่ต้องแก้ 1 · ยังไม่ได้ให้คะแนน 0 รายการ" in labels
    assert [c.value for c in at.code][0] == J05_TH  # the LINE message


def test_the_phone_view_does_not_thank_a_judge_who_scored_a_conflict(app_env):
    from streamlit.testing.v1 import AppTest

    from tests.test_pages import APP

    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "th"
    at.query_params["judge"] = "J05"
    at.run()
    at.switch_page("pages/judges.py").run()
    assert not at.exception
    assert [h.value for h in at.header] == ["J05 กรรมการคนที่ 5"]
    assert "ให้คะแนนครบแล้ว ขอบคุณครับ/ค่ะ" not in [s.value for s in at.success]
    assert [w.value for w in at.warning] == [
        "ลบคะแนน P-09 แถว 10 (แจ้งส่วนได้เสียไว้: ญาติของผู้ประกอบการ)"
    ]


def test_check_prints_each_judges_to_do(tmp_path, monkeypatch):
    from kbo_dashboard.sources.demo import demo_tabs
    from tests.test_check_readiness import check

    _, text = check(demo_tabs(), tmp_path, monkeypatch, lang="en")
    lines = text.splitlines()
    start = lines.index("What each judge still has to do")
    assert lines[start + 1 : start + 4] == [
        f"  {J05_EN}",
        "  J08: fix cell C6 of P-05 (score 30 is above the maximum 25)",
        "  J11: fix cell E8 of P-07 (score “ดีมาก” is not a number)",
    ]


# --- 2. the Changes page keeps corrections -----------------------------------------------------
def test_a_corrected_rejected_cell_keeps_its_old_text_and_edits_can_be_shown_alone(app_env):
    from kbo_dashboard.i18n import t
    from tests.test_pages_data import column, open_page, small_tabs

    # J1 typed 70 in A1's 60-point innovation cell (C2) and "ดีมาก" for A2's identity (D3).
    app_env.use_workbook(small_tabs({("J1", 1, 2): 70, ("J1", 2, 3): "ดีมาก"}))
    at = open_page("changes")
    app_env.use_workbook(small_tabs({("J1", 1, 2): 55, ("J1", 2, 3): 15}))  # the clerk fixes
    app_env.refresh()
    at.run()
    assert not at.exception
    pairs = list(zip(column(at, 0, "old_value"), column(at, 0, "new_value")))
    # Logged as "-" → 55 and "-" → 15 before: the invalid entries were lost.
    assert sorted(pairs) == [("70", "55"), ("ดีมาก", "15")]
    at.radio(key="changes_period").set_value("all").run()
    assert len(at.dataframe[0].value) == 22  # 20 first entries (18 valid, 2 rejected) + 2 edits
    at.toggle(key="changes_edits").set_value(True).run()
    assert sorted(zip(column(at, 0, "old_value"), column(at, 0, "new_value"))) == sorted(pairs)
    assert at.toggle(key="changes_edits").label == t("changes_page.edits_only", "th")


def test_edits_only_leaves_out_each_cells_first_entry(tmp_path):
    import datetime as dt

    import pandas as pd

    from kbo_dashboard.meeting.audit import AuditStore

    def cells(values: dict) -> pd.DataFrame:
        rows = [(j, "A1", c, v) for (j, c), v in values.items()]
        return pd.DataFrame(rows, columns=["judge_id", "product_id", "criterion_id", "value"])

    store = AuditStore(tmp_path / "audit.sqlite3")
    at = [dt.datetime(2022, 5, 23, 8, m, tzinfo=dt.UTC) for m in range(5)]
    store.record(cells({("J1", "inn"): 50.0}), at[0])  # first entry
    store.record(cells({("J1", "inn"): 50.0, ("J2", "inn"): "30"}), at[1])  # J2: first entry
    store.record(cells({("J1", "inn"): 55.0, ("J2", "inn"): 20.0}), at[2])  # two edits
    store.record(cells({("J2", "inn"): 20.0}), at[3])  # J1 blanked: an edit
    store.record(cells({("J1", "inn"): 40.0, ("J2", "inn"): 20.0}), at[4])  # re-entered: an edit
    edits = store.changes(edits_only=True).astype(object)
    edits = edits.where(edits.notna(), None)  # a blank is None, whatever the column's dtype
    assert list(zip(edits["judge_id"], edits["old_value"], edits["new_value"])) == [
        ("J1", 50.0, 55.0),
        ("J2", "30", 20.0),
        ("J1", 55.0, None),
        ("J1", None, 40.0),
    ]
    assert len(store.changes()) == 6
    assert len(store.changes(since=at[3], edits_only=True)) == 2


def test_a_data_folder_from_the_earlier_version_logs_only_the_rejected_cells_once(tmp_path):
    import datetime as dt
    import sqlite3

    from kbo_dashboard.meeting.audit import AuditStore, score_cells

    comp = parse(DemoSource().fetch())
    path = tmp_path / "audit.sqlite3"
    earlier = comp.scores.rename(columns={"score": "value"})  # what the earlier version stored
    AuditStore(path).record(earlier, dt.datetime(2022, 5, 23, 8, 0, tzinfo=dt.UTC))
    store = AuditStore(path)  # opened again by this version: no migration needed
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    added = store.record(score_cells(comp), dt.datetime(2022, 5, 23, 8, 5, tzinfo=dt.UTC))
    assert added == 2  # J08!C6 "30" and J11!E8 "ดีมาก", each once, as first entries
    new = store.changes(since=dt.datetime(2022, 5, 23, 8, 1, tzinfo=dt.UTC))
    assert sorted(new["new_value"]) == ["30", "ดีมาก"] and new["old_value"].isna().all()
    assert store.changes(edits_only=True).empty
    assert store.record(score_cells(comp), dt.datetime(2022, 5, 23, 8, 9, tzinfo=dt.UTC)) == 0
