"""What the Judges, Data issues, Judge analysis, Changes and Downloads pages show, via AppTest.

Each test runs the real app (app.py + st.navigation) on the demo or on a workbook written with
:func:`kbo_dashboard.sources.workbook.write_xlsx`; expected values are worked out by hand below.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kbo_dashboard.i18n import t
from tests.workbooks import SMALL_TABS, broken_tabs

TIMEOUT = 60
APP = str(Path(__file__).resolve().parent.parent / "app.py")


def open_page(page: str, lang: str = "th") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if lang != "th":
        at.query_params["lang"] = lang
    at.run()
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def column(at: AppTest, index: int, name: str, lang: str = "th") -> list:
    return list(at.dataframe[index].value[t(f"pages.col.{name}", lang)])


def small_tabs(changes: dict) -> dict:
    """SMALL_TABS with {(tab, row index, column index): value} changed."""
    tabs = {k: [list(r) for r in v] for k, v in SMALL_TABS.items()}
    for (tab, row, col), value in changes.items():
        tabs[tab][row][col] = value
    return tabs


def store_as_text(path: Path, tab: str, ref: str, text: str) -> None:
    """Put ``text`` in a cell as a text value (openpyxl would store "=..." as a formula)."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    cell = book[tab][ref]
    cell.value = text
    cell.data_type = "s"
    book.save(path)


# --- Data issues ---

# broken_tabs() by hand, from its comments:
#   Settings:  quorum "many" (warning), year 2022 converted (info)                 -> 1 W, 1 I
#   Products:  duplicate A1 B3, unknown category A4, blank ID B6 (errors)          -> 3 E
#   Judges:    J2 sector "martians" C3 (warning), J3's tab missing (warning)       -> 2 W
#   Conflicts: unknown product Q7 (warning)                                        -> 1 W
#   J1:        "abc" B2 (error), B1 conflict scored (warning), P-404 (warning)     -> 1 E, 2 W
#   J2:        -3 B3, #REF! C3, 99 > 60 B4, #N/A C4, duplicate row A5 (errors)     -> 5 E
#   J4:        Thai digits B2, decimal comma C2 (info); #VALUE! B3, #DIV/0! C3,
#              blank ID with scores A5 (errors); unknown product A9 A4 (warning)  -> 3 E, 1 W, 2 I
# Errors 3+1+5+3 = 12, warnings 1+2+1+2+1 = 7, notes 1+2 = 3, all 22.
# Judge J2: the Judges-tab sector warning + the 5 errors in tab J2 = 6; errors only = 5.


def test_issues_page_lists_each_issue_with_its_cell(app_env):
    app_env.use_workbook(broken_tabs())
    at = open_page("issues")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {
        t("severity.error", "th"): "12",
        t("severity.warning", "th"): "7",
        t("severity.info", "th"): "3",
    }
    where = column(at, 0, "where")
    assert len(where) == 22
    for cell in ("J2!B3", "J2!C3", "J2!B4", "J2!C4", "J2!A5", "J4!B2", "Products!B3"):
        assert cell in where
    row = where.index("J2!B3")
    assert "-3" in column(at, 0, "message")[row]
    assert column(at, 0, "severity")[row] == t("severity.error", "th")
    assert column(at, 0, "judge_id")[row] == "J2"
    assert column(at, 0, "product_id")[row] == "A1"


def test_issues_filter_by_judge_and_severity_narrows_the_table(app_env):
    app_env.use_workbook(broken_tabs())
    at = open_page("issues")
    at.multiselect(key="issues_judge").set_value(["J2"]).run()
    where = column(at, 0, "where")
    assert sorted(where) == ["J2!A5", "J2!B3", "J2!B4", "J2!C3", "J2!C4", "Judges!C3"]
    at.multiselect(key="issues_severity").set_value(["error"]).run()
    assert sorted(column(at, 0, "where")) == ["J2!A5", "J2!B3", "J2!B4", "J2!C3", "J2!C4"]
    at.multiselect(key="issues_judge").set_value([]).run()
    at.multiselect(key="issues_severity").set_value([]).run()
    at.multiselect(key="issues_tab").set_value(["J4"]).run()
    assert len(column(at, 0, "where")) == 6  # J4: 3 errors, 1 warning, 2 notes


def test_issues_page_in_english_offers_the_thai_text(app_env):
    app_env.use_workbook(broken_tabs())
    at = open_page("issues", lang="en")
    at.toggle(key="issues_other_language").set_value(True).run()
    frame = at.dataframe[0].value
    row = list(frame[t("pages.col.where", "en")]).index("J2!B3")
    assert frame[t("pages.col.message", "en")].iloc[row] == "Score -3 is negative"
    assert "-3" in frame[t("pages.col.message_th", "en")].iloc[row]


def test_issues_page_empty_state(app_env):
    app_env.use_workbook(SMALL_TABS)  # a clean workbook: no issue at all
    at = open_page("issues")
    assert [s.value for s in at.success] == [t("issues_page.none", "th")]
    assert not at.dataframe


# --- Judges ---

# The demo (kbo_dashboard/sources/demo.py): J26 has scored the first 12 of the 20 products in sheet
# order, J27 the first 5, so J26 still has P-13..P-20 (8) and J27 P-06..P-20 (15). Data-entry
# slips leave one incomplete row each for J08 (P-05, above max), J11 (P-07, text) and J14
# (P-15, half-filled): 5 judges unfinished, 22 of 27 finished.


def test_judges_page_shows_what_j26_and_j27_still_have_to_score(app_env):
    at = open_page("judges")
    assert at.metric[0].value == "22/27"
    ids = column(at, 0, "judge_id")
    remaining = dict(zip(ids, column(at, 0, "remaining")))
    j26 = [item.split(" ")[0] for item in remaining["J26"].split(", ")]
    assert j26 == [f"P-{n:02d}" for n in range(13, 21)]
    j27 = [item.split(" ")[0] for item in remaining["J27"].split(", ")]
    assert j27 == [f"P-{n:02d}" for n in range(6, 21)]
    assert remaining["J26"].startswith("P-13 น้ำสมุนไพรกระเจี๊ยบพร้อมดื่ม")
    assert remaining["J01"] == ""
    done = dict(zip(ids, column(at, 0, "done")))
    assert (done["J26"], done["J27"], done["J05"]) == ("12/20", "5/20", "19/19")  # J05: conflict
    labels = [e.label for e in at.expander]
    assert "J26 กรรมการคนที่ 26 — ช่องที่ต้องแก้ 0 · ยังไม่ได้ให้คะแนน 8 รายการ" in labels
    assert "J27 กรรมการคนที่ 27 — ช่องที่ต้องแก้ 0 · ยังไม่ได้ให้คะแนน 15 รายการ" in labels
    # J08!C6 = 30 is a cell to fix, not a product left to score
    assert "J08 กรรมการคนที่ 8 — ช่องที่ต้องแก้ 1 · ยังไม่ได้ให้คะแนน 0 รายการ" in labels


def test_judges_filters_unfinished_and_sector(app_env):
    at = open_page("judges")
    at.toggle(key="judges_unfinished").set_value(True).run()
    # J05 scored P-09 despite a declared conflict: finished, but with something to do
    assert column(at, 0, "judge_id") == ["J05", "J08", "J11", "J14", "J26", "J27"]
    # Demo sectors: J01-J09 government, J10-J15 private, J16-J21 civil, J22-J27 citizen.
    at.multiselect(key="judges_sector").set_value(["citizen"]).run()
    assert column(at, 0, "judge_id") == ["J26", "J27"]
    assert set(column(at, 0, "sector")) == {t("sector.citizen", "th")}


# --- Downloads ---

BOM = b"\xef\xbb\xbf"


def be_today() -> str:
    """Today on the competition's clock (Asia/Bangkok, UTC+7), whatever the server's zone."""
    today = (datetime.now(UTC) + timedelta(hours=7)).date()
    return f"{today.year + 543}-{today.month:02d}-{today.day:02d}"


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data[len(BOM) :].decode("utf-8"))))


def test_downloads_offer_bom_csvs_with_formulas_escaped(app_env, captured_downloads):
    # A1's name is a formula: it must arrive in Excel as text, never run.
    app_env.use_workbook(SMALL_TABS)
    store_as_text(app_env.workbook, "Products", "B2", '=HYPERLINK("http://x.test","A")')
    at = open_page("downloads")
    stamp = be_today()
    names = {
        "rankings": f"kbo-rankings-mean-{stamp}.csv",
        "scores": f"kbo-scores-{stamp}.csv",
        "issues": f"kbo-issues-{stamp}.csv",
    }
    # Each CSV is written only when clicked (deferred), so the page rerun stays light.
    assert set(names.values()) <= set(captured_downloads.deferred)
    for name in names.values():
        assert captured_downloads[name].startswith(BOM)
    rows = read_csv(captured_downloads[names["rankings"]])
    header, body = rows[0], rows[1:]
    # Thai headers in the Thai UI.
    assert header[:3] == ["อันดับรวม", "รหัสผลิตภัณฑ์", "ชื่อผลิตภัณฑ์"]
    by_id = {r[header.index("รหัสผลิตภัณฑ์")]: r for r in body}
    assert by_id["A1"][header.index("ชื่อผลิตภัณฑ์")] == '\'=HYPERLINK("http://x.test","A")'
    # Ranks from tests/workbooks.py: B1 1, A1 2, A2 3, B2 not yet ranked (1 judge < quorum 2).
    assert [r[header.index("รหัสผลิตภัณฑ์")] for r in body] == ["B1", "A1", "A2", "B2"]
    assert [r[0] for r in body] == ["1", "2", "3", t("rank.not_ranked", "th")]
    # Every score in long form: J1 4 products x 2 criteria + J2 3 x 2 + J3 3 x 2 = 20 rows.
    scores = read_csv(captured_downloads[names["scores"]])
    assert scores[0][:4] == ["รหัสกรรมการ", "รหัสผลิตภัณฑ์", "รหัสเกณฑ์", "คะแนน"]
    assert len(scores) - 1 == 20
    # Yes/no in Thai, never True/False: every one of the 20 scores counts.
    assert [r[-1] for r in scores[1:]] == ["ใช่"] * 20
    assert t("analysis.method_in_use", "th", name="ค่าเฉลี่ย") in [m.value for m in at.markdown]


def test_downloads_build_the_excel_and_pdf_reports_on_click(app_env, captured_downloads):
    from openpyxl import load_workbook

    app_env.use_workbook(SMALL_TABS)
    open_page("downloads")
    stamp = be_today()
    build_xlsx = captured_downloads.deferred[f"kbo-report-mean-{stamp}.xlsx"]
    build_pdf = captured_downloads.deferred[f"kbo-report-mean-{stamp}.pdf"]
    book = load_workbook(io.BytesIO(build_xlsx()), read_only=True)
    cells = {str(v) for sheet in book.worksheets for row in sheet.values for v in row}
    assert {"B1", "A1", "A2", "B2", "Silk scarf"} <= cells
    assert build_pdf().startswith(b"%PDF-")


def test_downloads_name_the_chosen_method(app_env, captured_downloads):
    app_env.use_workbook(SMALL_TABS)
    at = open_page("downloads", lang="en")
    at.selectbox(key="_method_picker").set_value("median").run()
    assert "Method: Median" in [m.value for m in at.markdown]
    rows = read_csv(captured_downloads[f"kbo-rankings-median-{be_today()}.csv"])
    header = rows[0]
    # Medians (tests/workbooks.py totals): A1 of 80,70,80 = 80; B1 of 80,70,80 = 80;
    # A2 of 70,80,70 = 70. A1 and B1 tie; B1 leads on innovation (136/3 > 135/3).
    # English headers in the English UI.
    ranked = [(r[header.index("Product ID")], r[header.index("Score")]) for r in rows[1:4]]
    assert ranked == [("B1", "80.0"), ("A1", "80.0"), ("A2", "70.0")]
    assert {r[header.index("Method")] for r in rows[1:]} == {"median"}


# --- Changes ---


def test_changes_page_shows_an_edit_between_two_refreshes(app_env):
    app_env.use_workbook(SMALL_TABS)
    at = open_page("changes")
    assert [i.value for i in at.info] == [t("changes_page.none_since", "th")]
    # J1 corrects A1's innovation score (tab J1, row 2, column C): 50 -> 55.
    app_env.use_workbook(small_tabs({("J1", 1, 2): 55}))
    app_env.refresh()
    at.run()
    assert not at.exception
    frame = at.dataframe[0].value
    assert len(frame) == 1
    row = frame.iloc[0]
    assert row[t("pages.col.judge_id", "th")] == "J1"
    assert row[t("pages.col.product_id", "th")] == "A1"
    assert row[t("pages.col.criterion", "th")] == "นวัตกรรม"
    assert (row[t("pages.col.old_value", "th")], row[t("pages.col.new_value", "th")]) == (
        "50",
        "55",
    )
    assert str(datetime.now().astimezone().year + 543) in row[t("pages.col.time", "th")]
    # "All" includes the first load too: 20 cells first shown + the 1 edit.
    at.radio(key="changes_period").set_value("all").run()
    assert len(at.dataframe[0].value) == 21


def test_changes_page_warns_on_a_corrupt_audit_file(app_env):
    app_env.data_dir.mkdir(parents=True)
    (app_env.data_dir / "audit.sqlite3").write_bytes(b"this is not a database" * 100)
    at = open_page("changes")
    assert [w.value for w in at.warning] == [t("analysis.audit.corrupt", "th")]
    # The other pages still work on a corrupt audit file.
    at.switch_page("pages/judges.py").run()
    assert not at.exception
    assert at.metric[0].value == "22/27"


# --- Judge analysis ---


@pytest.mark.parametrize("lang", ["th", "en"])
def test_analysis_page_shows_agreement_and_flags_outliers(app_env, lang):
    app_env.use_workbook(SMALL_TABS)
    at = open_page("analysis", lang=lang)
    # SMALL_TABS: only J1 has a total for every product (B2 is scored by J1 alone), so the
    # overall block has 1 judge: W and ICC cannot be computed, and the page says so.
    assert [m.value for m in at.metric[:3]] == ["-", "-", "-"]
    assert t("analysis.agreement.w.unknown", lang) in [m.value for m in at.markdown]
    # Totals spread by at most 10 points: nothing is far enough from the panel to flag.
    assert t("analysis_page.no_outliers", lang) in [s.value for s in at.success]


def panel_tabs(totals: dict[str, dict[str, float]]) -> dict:
    """A workbook with one criterion out of 100 (so a judge's total is the score typed)."""
    products = sorted({p for row in totals.values() for p in row})
    tabs = {
        "Products": [["product_id", "product_name", "producer_group", "district", "category"]]
        + [[p, f"Product {p}", "G", "D", "food"] for p in products],
        "Judges": [["judge_id", "judge_name", "sector", "sheet"]]
        + [[j, f"Judge {j}", "government", j] for j in totals],
        "Criteria": [
            ["criterion_id", "name_th", "name_en", "max_score", "weight", "tiebreak_priority"],
            ["q", "คุณภาพ", "Quality", 100, 100, 1],
        ],
    }
    for judge, row in totals.items():
        tabs[judge] = [["product_id", "q"]] + [[p, s] for p, s in row.items()]
    return tabs


def test_analysis_page_kendalls_w_on_the_textbook_example(app_env):
    # 3 items x 4 judges, ranks X 1,1,2,3; Y 3,2,3,1; Z 2,3,1,2 (rank 1 = best = 90 points).
    # Rank sums X 7, Y 9, Z 8; mean 8; S = 1 + 1 + 0 = 2; W = 12 S / (m^2 (n^3 - n))
    # = 24 / (16 x 24) = 0.0625: very weak agreement.
    points = {1: 90, 2: 80, 3: 70}
    ranks = {"X": (1, 1, 2, 3), "Y": (3, 2, 3, 1), "Z": (2, 3, 1, 2)}
    judges = ["J1", "J2", "J3", "J4"]
    app_env.use_workbook(
        panel_tabs({j: {p: points[r[i]] for p, r in ranks.items()} for i, j in enumerate(judges)})
    )
    at = open_page("analysis", lang="en")
    assert at.metric[0].value == "0.06"
    assert t("analysis.agreement.w.very_weak", "en", w="0.06") in [m.value for m in at.markdown]


def test_analysis_page_flags_an_outlier_total_and_keeps_it(app_env, captured_downloads):
    # P1: 80, 80, 80, 80 and J5's 40. Median 80, MAD 0, |40 - 80| = 40 >= 15 points: flagged.
    # P2: 70, 72, 68, 71, 69: within 2 points of the median 70, nothing flagged.
    # J5's leniency: P1 40 - 80 = -40, P2 69 - (70+72+68+71)/4 = -1.25; mean -20.625.
    p1 = {"J1": 80, "J2": 80, "J3": 80, "J4": 80, "J5": 40}
    p2 = {"J1": 70, "J2": 72, "J3": 68, "J4": 71, "J5": 69}
    app_env.use_workbook(panel_tabs({j: {"P1": p1[j], "P2": p2[j]} for j in p1}))
    at = open_page("analysis")
    assert [w.value for w in at.warning] == [t("analysis_page.n_outliers", "th", n=1)]
    flagged = at.dataframe[-1].value
    assert len(flagged) == 1
    row = flagged.iloc[0]
    assert (row[t("pages.col.judge_id", "th")], row[t("pages.col.product_id", "th")]) == (
        "J5",
        "P1",
    )
    assert (row[t("pages.col.total", "th")], row[t("pages.col.panel_median", "th")]) == (40, 80)
    assert row[t("pages.col.difference", "th")] == -40
    profiles = at.dataframe[1].value.set_index(t("pages.col.judge_id", "th"))
    assert profiles.at["J5", t("pages.col.leniency", "th")] == pytest.approx(-20.625, abs=0.01)
    # Still counted: P1's mean score on the Downloads page is (4 x 80 + 40) / 5 = 72.
    at.switch_page("pages/downloads.py").run()
    rows = read_csv(captured_downloads[f"kbo-rankings-mean-{be_today()}.csv"])
    header = rows[0]
    scores = {r[header.index("รหัสผลิตภัณฑ์")]: r[header.index("คะแนน")] for r in rows[1:]}
    assert scores == {"P1": "72.0", "P2": "70.0"}
