"""Everyone left out of W and the ICCs is named (issue 17), even a judge who scored nothing."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from kbo_dashboard.analysis.agreement import agreement_table
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.reports.agreement_text import agreement_frame
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.source import RawWorkbook

APP = str(Path(__file__).resolve().parent.parent / "app.py")

# One criterion out of 100 (a total is the score typed). J1..J3 score A, B and C; J4 scored
# B only (still scoring); J5 has a tab and has scored nothing. The complete block: J1..J3 on
# A, B, C. Left out: J4 and J5, both "not scored yet, or a row not counted".
SCORES = {
    "J1": {"A": 90, "B": 80, "C": 70},
    "J2": {"A": 85, "B": 75, "C": 65},
    "J3": {"A": 80, "B": 82, "C": 60},
    "J4": {"B": 70},
    "J5": {},
}
LEFT_OUT_EN = (
    "Left out of W and the ICCs: J4 (not scored yet, or a row not counted), "
    "J5 (not scored yet, or a row not counted)."
)


def tabs() -> dict:
    tabs = {
        "Products": [["product_id", "product_name", "producer_group", "category"]]
        + [[p, p, "G", "food"] for p in "ABC"],
        "Judges": [["judge_id", "judge_name", "sheet"]] + [[j, j, j] for j in SCORES],
        "Criteria": [
            ["criterion_id", "name_th", "name_en", "max_score", "weight"],
            ["q", "คุณภาพ", "Quality", 100, 100],
        ],
    }
    for judge, row in SCORES.items():
        tabs[judge] = [["product_id", "q"]] + [[p, s] for p, s in row.items()]
    return tabs


def test_a_judge_who_scored_nothing_is_named_as_left_out():
    comp = parse(RawWorkbook(tabs()))
    results = score_competition(comp)
    row = agreement_table(results.totals, comp.products, comp.judges["judge_id"]).iloc[0]
    assert (row["n_judges"], row["n_products"]) == (3, 3)
    assert row["left_out"] == (("J4", "not_scored"), ("J5", "not_scored"))
    assert row["n_judges_left_out"] == 2
    # The documents' table (xlsx, PDF) says the same.
    frame = agreement_frame(comp, results, "en")
    assert LEFT_OUT_EN in frame.iloc[0].tolist()[-3]


def test_the_analysis_page_names_every_judge_left_out(app_env):
    app_env.use_workbook(tabs())
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/analysis.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(LEFT_OUT_EN in c.value for c in at.caption), [c.value for c in at.caption]
