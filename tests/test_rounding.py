"""One rounding for every score shown or exported: half up on the decimal value (issue 17).

A clerk re-adding the judges' totals by hand rounds 83.625 to 83.63; Python's ``round`` works on
the binary float and gives 83.62. The pages (AppTest) and every document must agree with the
clerk; a property test checks :func:`format_score` against a naive reference in exact
arithmetic written here.
"""

from __future__ import annotations

import io
import math
from fractions import Fraction
from pathlib import Path

import numpy as np
import pypdf
from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.scoring.counts import (
    format_score,
    format_scores,
    round_half_up,
    round_score,
    round_scores,
)
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.source import RawWorkbook
from tests.workbooks import SCORE_HEADER, SMALL_CRITERIA

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def naive(value: Fraction, digits: int = 2) -> str:
    """Round half up (away from zero) on the exact value, as on paper."""
    scaled = abs(value) * 10**digits
    n = math.floor(scaled + Fraction(1, 2))
    sign = "-" if value < 0 and n else ""
    whole, part = divmod(n, 10**digits)
    return f"{sign}{whole}" + (f".{part:0{digits}d}" if digits else "")


def test_the_issue_examples():
    assert format_score(83.625) == "83.63"
    assert format_score(79.625) == "79.63"
    assert round_score(83.625) == 83.63
    # A float sum that lands one unit in the last place below 83.625 still reads 83.63.
    assert format_score(83.62499999999999) == "83.63"
    assert format_score(1.005) == "1.01"  # the float 1.005 is 1.00499999999999989...
    assert format_score(None) == format_score(float("nan")) == "-"
    assert format_score(-0.001) == "0.00"  # never "-0.00"
    assert list(round_scores(np.array([83.625, 79.625, np.nan]))[:2]) == [83.63, 79.63]


@settings(max_examples=300, deadline=None)
@given(st.integers(-(10**6), 10**6), st.integers(0, 3))
def test_decimal_values_round_half_up(thousandths, digits):
    # 83.625 is stored as the nearest binary float; its decimal value is what a person wrote.
    value = thousandths / 1000
    assert format_score(value, digits) == naive(Fraction(thousandths, 1000), digits)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 200), min_size=1, max_size=40))
def test_a_mean_of_judge_totals_reads_as_a_clerk_re_adds_it(half_points):
    # Judge totals in half points (0..100); the app's mean is a float sum over a float count.
    totals = np.array(half_points, dtype=float) / 2
    mean = float(np.nansum(totals) / len(totals))
    assert format_score(mean) == naive(Fraction(sum(half_points), 2 * len(half_points)))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.floats(-1e7, 1e7),
            st.integers(-(10**6), 10**6).map(lambda k: k / 1000),
            st.sampled_from([math.nan, math.inf, -math.inf, 1e300, -2e15]),
        ),
        max_size=30,
    ),
    st.integers(0, 3),
)
def test_the_vectorised_rounding_is_the_same_rounding(values, digits):
    fast = round_scores(np.array(values, dtype=float), digits)
    one_by_one = [round_half_up(v, digits) for v in values]
    assert [None if np.isnan(v) else v for v in fast.tolist()] == one_by_one
    shown = [v for v in values if not abs(v) > 1e7]  # scores, and NaN: printed the same way
    assert format_scores(shown, digits) == [format_score(v, digits) for v in shown]


# --- the pages and the documents ---

# 8 judges, criteria innovation (max 60) + identity (max 40), weights = maxima: total = sum.
# P1: five judges give 50 + 34 = 84, three give 50 + 33 = 83: mean 669 / 8 = 83.625 -> 83.63.
# P2: five judges give 50 + 30 = 80, three give 50 + 29 = 79: mean 637 / 8 = 79.625 -> 79.63.
# Quorum 8 // 2 + 1 = 5: both ranked; P1 first, margin 4.00.
JUDGES = [f"J{k}" for k in range(1, 9)]


def half_up_tabs() -> dict:
    tabs = {
        "Products": [
            ["product_id", "product_name", "producer_group", "district", "category"],
            ["P1", "Rice crackers", "Group 1", "Mueang", "food"],
            ["P2", "Fish sauce", "Group 2", "Warin", "food"],
        ],
        "Judges": [["judge_id", "judge_name", "sector", "sheet"]]
        + [[j, f"Judge {j}", "government", j] for j in JUDGES],
        "Criteria": SMALL_CRITERIA,
    }
    for k, judge in enumerate(JUDGES):
        high = k < 5
        tabs[judge] = [
            SCORE_HEADER,
            ["P1", "", 50, 34 if high else 33],
            ["P2", "", 50, 30 if high else 29],
        ]
    return tabs


def open_page(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_pages_show_83_63_and_79_63(app_env, no_chair_password):
    app_env.use_workbook(half_up_tabs())
    rankings = open_page("rankings")
    assert list(rankings.dataframe[0].value["Score"]) == ["83.63", "79.63"]
    overview = open_page("overview")
    assert list(overview.table[0].value["Score"]) == ["83.63", "79.63"]
    nomination = open_page("nomination")
    metrics = {m.label: m.value for m in nomination.metric}
    assert "83.63" in metrics.values()
    assert "4.00 points" in metrics.values()


def test_documents_print_83_63_and_79_63():
    from docx import Document as WordDocument

    from kbo_dashboard.reports.export import rankings_table
    from kbo_dashboard.reports.minutes import build_minutes
    from kbo_dashboard.reports.pdf import build_pdf
    from kbo_dashboard.reports.xlsx import build_xlsx

    comp = parse(RawWorkbook(half_up_tabs()))
    results = score_competition(comp)
    assert results.standings.set_index("product_id")["score"].to_dict() == {
        "P1": 83.625,
        "P2": 79.625,
    }
    csv = rankings_table(comp, results, "en")
    assert sorted(csv["score"].tolist()) == [79.63, 83.63]

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(build_xlsx(comp, results, lang="en")), read_only=True)
    cells = [v for sheet in book.worksheets for row in sheet.values for v in row]
    assert 83.63 in cells and 79.63 in cells
    assert 83.62 not in cells and 79.62 not in cells

    pdf = build_pdf(comp, results, lang="en")
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "83.63" in text and "79.63" in text
    assert "83.62" not in text and "79.62" not in text

    document = WordDocument(io.BytesIO(build_minutes(comp, results, lang="en")))
    words = [p.text for p in document.paragraphs] + [
        c.text for table in document.tables for row in table.rows for c in row.cells
    ]
    assert "83.63" in words and "79.63" in words
