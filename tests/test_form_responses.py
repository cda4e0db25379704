"""Google Form responses: unit tests on the hand-worked workbook (tests/form_workbook.py), the
same through the Sheets API emulator with real gspread, and the pages (AppTest)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from kbo_dashboard.intake.form_responses import submission_time
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.scoring.progress import judge_progress
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.google_source import GoogleSheetSource
from kbo_dashboard.sources.source import RawWorkbook
from tests.form_workbook import FORM_TAB, form_tabs

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def _check(comp) -> None:
    scores = comp.scores.set_index(["judge_id", "product_id", "criterion_id"])["score"]
    assert scores[("J2", "B2", "inn")] == 40 and scores[("J2", "B2", "idn")] == 30
    assert scores[("J3", "B2", "inn")] == 45 and scores[("J3", "B2", "idn")] == 20
    assert scores[("J1", "A1", "inn")] == 50  # the tab's, not the form's 10
    assert len(comp.scores) == 8 + 6 + 6 + 4  # tabs 20 cells, form 4
    where = {(i.code, i.where) for i in comp.issues}
    assert where == {
        ("form_and_tab", f"{FORM_TAB}!5:5"),
        ("form_unknown_judge", f"{FORM_TAB}!B6"),
        ("thai_digits", f"{FORM_TAB}!D4"),
    }
    both = next(i for i in comp.issues if i.code == "form_and_tab")
    assert "J1!C2" in both.message_en and both.severity == "error"
    results = score_competition(comp)
    b2 = results.standings.set_index("product_id").loc["B2"]
    assert b2["score"] == pytest.approx(185 / 3) and b2["n_judges"] == 3 and b2["rank"] == 4
    assert results.nominee == "B1"
    progress = judge_progress(comp)
    assert (progress.judges_finished, progress.judges_total) == (3, 3)
    history = comp.form_history
    changed = ["judge_id", "product_id", "criterion_id", "old_value", "new_value"]
    assert history[changed].values.tolist() == [
        ["J2", "B2", "inn", "35", "40"],
        ["J2", "B2", "idn", "25", "30"],
    ]
    bangkok = dt.timezone(dt.timedelta(hours=7))
    assert list(history["at"]) == [dt.datetime(2022, 5, 23, 11, 0, tzinfo=bangkok)] * 2
    assert list(history["where"]) == [f"{FORM_TAB}!2:2"] * 2


def test_form_responses_count_with_the_tabs():
    _check(parse(RawWorkbook(form_tabs())))


def test_through_the_emulator_in_the_one_batch_get(sheets_emulator):
    key = sheets_emulator.create_spreadsheet(form_tabs())
    source = GoogleSheetSource(key, api_url=sheets_emulator.url)
    for _ in range(2):  # the tab names and values:batchGet, then values:batchGet
        _check(parse(source.fetch()))
    assert sheets_emulator.request_count == 3
    batch_get = sheets_emulator.requests[-1].path
    assert "values:batchGet" in batch_get and "ranges='Form+responses+1'" in batch_get


def test_a_prefilled_empty_tab_row_gives_way_to_the_form():
    tabs = form_tabs()
    tabs["J2"].append(["B2", "Cotton shirt"])  # template row, no scores
    comp = parse(RawWorkbook(tabs))
    rows = comp.rows[(comp.rows["judge_id"] == "J2") & (comp.rows["product_id"] == "B2")]
    assert rows[["tab", "row", "complete"]].values.tolist() == [[FORM_TAB, 3, True]]


def test_responses_tab_named_in_settings_and_judge_by_id():
    tabs = form_tabs()
    tabs["คะแนนจากฟอร์ม"] = tabs.pop(FORM_TAB)
    tabs["Settings"] = [["key", "value"], ["responses_tab", "คะแนนจากฟอร์ม"]]
    comp = parse(RawWorkbook(tabs))
    assert len(comp.scores) == 24 and len(comp.form_history) == 2
    tabs["Settings"][1][1] = "No such tab"
    comp = parse(RawWorkbook(tabs))
    assert [i.code for i in comp.issues] == ["form_tab_missing"] and len(comp.scores) == 20


def test_a_tab_without_judge_column_is_reported():
    tabs = form_tabs()
    tabs[FORM_TAB][0][1] = "Something else"
    comp = parse(RawWorkbook(tabs))
    issue = next(i for i in comp.issues if i.code == "missing_column")
    assert issue.where == f"{FORM_TAB}!1:1" and len(comp.scores) == 20


@pytest.mark.parametrize(
    "cell, expected",
    [
        (44704.5, dt.datetime(2022, 5, 23, 12, 0)),
        ("23/5/2022 10:15:00", dt.datetime(2022, 5, 23, 10, 15)),
        ("2022-05-23 10:15:00", dt.datetime(2022, 5, 23, 10, 15)),
        ("not a time", None),
        (float("nan"), None),
        (1e300, None),
    ],
)
def test_submission_time(cell, expected):
    got = submission_time(cell)
    assert (got.replace(tzinfo=None) if got else None) == expected


def test_changes_page_shows_the_earlier_submission(app_env):
    app_env.use_workbook(form_tabs())
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/changes.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Form submissions replaced by a later one" in [s.value for s in at.subheader]
    table: pd.DataFrame = at.dataframe[0].value
    assert table["Row in the responses tab"].tolist() == [f"{FORM_TAB}!2:2"] * 2
    assert sorted(table.iloc[:, -3].astype(str)) == ["25", "35"]  # the earlier values


def test_a_judge_who_uses_only_the_form_needs_no_tab():
    tabs = form_tabs()
    del tabs["J3"]  # J3 answers B2 through the form only
    comp = parse(RawWorkbook(tabs))
    assert "judge_tab_missing" not in {i.code for i in comp.issues}
    progress = judge_progress(comp).per_judge.set_index("judge_id")
    assert progress.at["J3", "done"] == 1 and progress.at["J3", "remaining"] == ["A1", "A2", "B1"]


def test_a_rejected_form_answer_is_in_the_judges_to_do_with_its_tab():
    from kbo_dashboard.scoring.todo import judge_todos

    tabs = form_tabs()
    tabs[FORM_TAB][2][3] = "70"  # J2's latest B2 answer: innovation 70, above the maximum 60
    todos = {todo.judge_id: todo for todo in judge_todos(parse(RawWorkbook(tabs)))}
    assert todos["J2"].message("th") == (
        f"J2: แก้ช่อง {FORM_TAB}!D3 ของ B2 (คะแนน 70 เกินคะแนนเต็ม 60)"
    )
    assert set(todos) == {"J2"}


# --- for every sequence of submissions: the latest counts, the rest is history --------------
SUBMISSION = st.tuples(
    st.sampled_from(["J1", "J2", "J3"]),  # judge (none of these scored B2 in a tab)
    st.integers(0, 600),  # minutes after 08:00
    st.integers(0, 60),  # innovation
    st.integers(0, 40),  # identity
)


@settings(max_examples=80, deadline=None)
@given(st.lists(SUBMISSION, max_size=12))
def test_the_latest_submission_counts_for_every_sequence(submissions):
    tabs = form_tabs()
    tabs[FORM_TAB] = [tabs[FORM_TAB][0]] + [
        [44704 + (8 * 60 + minute) / 1440, judge, "B2", str(inn), str(idn)]
        for judge, minute, inn, idn in submissions
    ]
    comp = parse(RawWorkbook(tabs))
    # Naive reference: per judge, the submission with the largest (time, row) wins.
    latest: dict[str, tuple] = {}
    for row, (judge, minute, inn, idn) in enumerate(submissions):
        if judge not in latest or (minute, row) >= latest[judge][:2]:
            latest[judge] = (minute, row, inn, idn)
    b2 = comp.scores[comp.scores["product_id"] == "B2"]
    got = {
        (j, c): s for j, c, s in zip(b2["judge_id"], b2["criterion_id"], b2["score"], strict=True)
    }
    # J1 scored B2 in their tab (30 + 20): a J1 answer is an error and the tab counts.
    expected = {("J1", "inn"): 30, ("J1", "idn"): 20}
    for judge, (_, _, inn, idn) in latest.items():
        if judge != "J1":
            expected.update({(judge, "inn"): inn, (judge, "idn"): idn})
    assert ("form_and_tab" in {i.code for i in comp.issues}) == ("J1" in latest)
    assert got == expected
    # Every earlier submission is history, one row per criterion (J1's included).
    assert len(comp.form_history) == 2 * (len(submissions) - len(latest))
