"""Documents that crashed or crawled on what a sheet editor can type (issue 18, sections 5, 8).

- the draft minutes with a product not ranked yet (``pd.NA`` rank under pandas 3), and with a
  control character in a judge's name (XML refuses U+000B);
- judge cards trimmed a long name one character at a time (4 kB: 183 s): now by bisection;
- score sheets with many criteria squeezed every column into one table (1,000 criteria: 100 s):
  now at most eight criteria a table, and a bounded number of measurements per cell.

Speed is asserted as work done (measurements), never as wall-clock time.
"""

from __future__ import annotations

import copy
import io

import docx
import pandas as pd
from fpdf import FPDF

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.reports import common as rc
from kbo_dashboard.reports.judge_cards import build_judge_cards
from kbo_dashboard.reports.minutes import build_minutes
from kbo_dashboard.reports.pdf_document import Document
from kbo_dashboard.reports.score_sheets import CRITERIA_PER_TABLE, build_score_sheets, column_groups
from kbo_dashboard.reports.thai_text import fit_line
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.source import RawWorkbook
from tests.workbooks import SMALL_TABS


def _small(**changes):
    tabs = copy.deepcopy(SMALL_TABS)
    tabs.update(changes)
    comp = parse(RawWorkbook(tabs))
    return comp, score_competition(comp, "mean")


def _minutes_text(data: bytes) -> tuple[list[str], list[list[str]]]:
    document = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    return paragraphs, cells


def test_minutes_build_while_a_product_is_not_ranked():
    comp, results = _small()
    # SMALL_TABS: B2 has one judge, below the quorum of 2, so its rank is missing (pd.NA).
    b2 = results.standings.set_index("product_id").loc["B2", "category_rank"]
    assert pd.isna(b2)
    _, cells = _minutes_text(build_minutes(comp, results))
    rows = {row[1]: row for row in cells}
    assert rows["B2"][0] == "-"  # not ranked
    assert rows["B1"][0] == "1" and rows["A1"][0] == "1" and rows["A2"][0] == "2"


def test_minutes_build_with_control_characters_in_names_and_title():
    judges = copy.deepcopy(SMALL_TABS["Judges"])
    judges[1][1] = "Judge\x0bOne\x00"
    products = copy.deepcopy(SMALL_TABS["Products"])
    products[1][1] = "Rice\x0ccrackers"
    settings = [["key", "value"], ["title", "Title\x1fhere"]]
    comp, results = _small(Judges=judges, Products=products, Settings=settings)
    paragraphs, cells = _minutes_text(build_minutes(comp, results, lang="en"))
    assert any(row[1] == "Judge One " for row in cells)  # the VT and NUL became spaces
    assert "Minutes: Title here" in paragraphs
    assert any(row[2] == "Rice crackers" for row in cells)


def test_xml_safe_keeps_text_and_replaces_what_xml_refuses():
    assert rc.xml_safe("ผ้าไหม\tA\nB\r") == "ผ้าไหม\tA\nB\r"
    assert rc.xml_safe("a\x0bb\x00c\ufffed\ud800") == "a b c d "


def _counting(monkeypatch, cls) -> list[str]:
    measured: list[str] = []
    measure = cls.get_string_width

    def counting(self, text, *args, **kwargs):
        measured.append(text)
        return measure(self, text, *args, **kwargs)

    monkeypatch.setattr(cls, "get_string_width", counting)
    return measured


def test_fit_line_trims_by_bisection():
    calls: list[str] = []

    def measure(text: str) -> float:  # one unit per character
        calls.append(text)
        return float(len(text))

    assert fit_line("short", 10, measure) == "short"
    calls.clear()
    line = fit_line("x" * 4000, 50, measure)
    # The longest prefix that fits with its ellipsis: 49 x's + "…" is 50 units.
    assert line == "x" * 49 + "…"
    # One measure of the (300-character) clipped text, then bisection over 300 clusters: 9.
    assert len(calls) <= 10, len(calls)
    assert fit_line("น้ำ" * 10, 4, measure) == "น้ำ…"  # whole clusters only


def test_judge_cards_measure_a_long_name_a_few_times(monkeypatch):
    products = copy.deepcopy(SMALL_TABS["Products"])
    products[1][1] = "ผ้าไหม" * 700  # 4 kB
    judges = copy.deepcopy(SMALL_TABS["Judges"])
    judges[1][1] = "ก" * 4000
    comp, _ = _small(Products=products, Judges=judges)
    measured = _counting(monkeypatch, FPDF)
    assert build_judge_cards(comp, "th").startswith(b"%PDF")
    # Before: one measurement per character trimmed (thousands, each of the whole name).
    assert len(measured) < 200, len(measured)
    assert max(map(len, measured)) <= 310  # never the whole 4 kB name


def _many_criteria(n: int):
    criteria = [SMALL_TABS["Criteria"][0]]
    criteria += [[f"c{i}", f"เกณฑ์ข้อ {i}", f"Criterion {i}", 1, 1, ""] for i in range(n)]
    header = ["product_id"] + [f"c{i}" for i in range(n)]
    tabs = {j: [header] + [[p] + [1] * n for p in ("A1", "A2", "B1", "B2")] for j in SMALL_TABS}
    tabs = {k: v for k, v in tabs.items() if k.startswith("J") and k != "Judges"}
    return _small(Criteria=criteria, **tabs)


def test_column_groups_hold_at_most_eight_criteria_and_end_with_the_total():
    assert column_groups(5) == [([0, 1, 2, 3, 4, 5, 6, 7], True)]  # 5 criteria, then the total
    groups = column_groups(20)
    assert [len(c) - 2 for c, _ in groups] == [8, 8, 4 + 1]
    assert [last for _, last in groups] == [False, False, True]
    assert groups[1][0] == [0, 1, *range(10, 18)]
    assert groups[-1][0][-1] == 22  # the total, after 20 criteria
    assert CRITERIA_PER_TABLE == 8


def test_score_sheets_cost_a_bounded_number_of_measurements_per_cell(monkeypatch):
    counts = {}
    for n in (16, 64):
        comp, results = _many_criteria(n)
        measured = _counting(monkeypatch, Document)
        assert build_score_sheets(comp, results, [], "en").startswith(b"%PDF")
        counts[n] = len(measured)
        monkeypatch.undo()
    # 3 judges x 4 products x (n criteria + ID, name and total) cells.
    per_cell = {n: counts[n] / (3 * 4 * (n + 3)) for n in counts}
    assert per_cell[64] <= per_cell[16] * 1.25 + 0.1, per_cell  # no more per cell as n grows
    assert per_cell[64] < 8, per_cell
