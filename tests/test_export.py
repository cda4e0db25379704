"""CSV downloads: UTF-8 with BOM, formula injection escaped, numbers kept numeric."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from kbo_dashboard.i18n import t
from kbo_dashboard.intake.issues import issues_frame
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.reports.export import (
    escape_cell,
    office_table,
    rankings_table,
    scores_long,
    to_csv_bytes,
)
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.source import RawWorkbook
from tests.workbooks import SMALL_TABS, broken_tabs

BOM = b"\xef\xbb\xbf"


def rows_of(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM)
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def test_bytes_start_with_the_utf8_bom_and_keep_thai():
    data = to_csv_bytes(pd.DataFrame({"ชื่อ": ["ผ้าไหมกาบบัว"]}))
    assert data[:3] == BOM
    assert data == BOM + "ชื่อ\r\nผ้าไหมกาบบัว\r\n".encode()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+66812345678", "'+66812345678"),
        ("-3", "'-3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\nx", "'\nx"),
        ('=HYPERLINK("http://x.test","A")', '\'=HYPERLINK("http://x.test","A")'),
        ("a=b", "a=b"),  # only a leading character is dangerous
        ("ผ้าไหม", "ผ้าไหม"),
        ("", ""),
    ],
)
def test_text_cells_starting_with_a_formula_character_are_escaped(text, expected):
    assert escape_cell(text) == expected
    rows = rows_of(to_csv_bytes(pd.DataFrame({"name": [text]})))
    assert rows[1] == [expected]


def test_numbers_stay_numeric_and_headers_are_escaped_too():
    frame = pd.DataFrame({"=evil": ["x"], "score": [-1.5], "n": [-3]})
    rows = rows_of(to_csv_bytes(frame))
    assert rows == [["'=evil", "score", "n"], ["x", "-1.5", "-3"]]


def test_a_missing_text_value_is_left_blank():
    frame = pd.DataFrame({"product_id": ["A1", None]}, dtype="object")
    assert rows_of(to_csv_bytes(frame)) == [["product_id"], ["A1"], [""]]


@pytest.fixture(scope="module")
def small():
    comp = parse(RawWorkbook(SMALL_TABS))
    return comp, score_competition(comp)


def test_rankings_table_on_the_small_example(small):
    # tests/workbooks.py by hand: B1 76.667 (innovation 45.333), A1 76.667 (45.0), A2 73.333,
    # B2 one judge < quorum 2. Food: A1 1, A2 2. Textile: B1 1, B2 not ranked.
    comp, results = small
    table = rankings_table(comp, results, "en")
    assert list(table["product_id"]) == ["B1", "A1", "A2", "B2"]
    assert list(table["rank_label"]) == ["1", "2", "3", "not yet ranked"]
    assert list(table["category_rank_label"]) == ["1", "1", "2", "not yet ranked"]
    assert list(table["score"]) == [76.67, 76.67, 73.33, 50.0]
    assert list(table["n_judges"]) == [3, 3, 3, 1]
    assert list(table["mean_inn"]) == [45.33, 45.0, 45.0, 30.0]
    assert set(table["method"]) == {"mean"}
    thai = rankings_table(comp, results, "th")
    assert list(thai["rank_label"])[3] == "ยังไม่จัดอันดับ"
    assert list(thai["category_name"]) == ["ผ้าและเครื่องแต่งกาย", "อาหาร", "อาหาร", "ผ้าและเครื่องแต่งกาย"]


def test_rankings_csv_keeps_scores_numeric(small):
    comp, results = small
    rows = rows_of(to_csv_bytes(rankings_table(comp, results, "en")))
    header = rows[0]
    assert [r[header.index("score")] for r in rows[1:]] == ["76.67", "76.67", "73.33", "50.0"]


def test_scores_long_has_every_valid_score(small):
    # J1 scored 4 products, J2 and J3 3 each, 2 criteria each: 8 + 6 + 6 = 20 scores, all in
    # complete rows with no conflict, so all counted (B2's one row counts; B2 lacks quorum).
    comp, results = small
    frame = scores_long(comp, results)
    assert list(frame.columns[:4]) == ["judge_id", "product_id", "criterion_id", "score"]
    assert len(frame) == 20
    assert frame["counted"].all()
    j2_b1 = frame[(frame["judge_id"] == "J2") & (frame["product_id"] == "B1")]
    assert dict(zip(j2_b1["criterion_id"], j2_b1["score"])) == {"inn": 40, "idn": 30}
    assert set(j2_b1["cell"]) == {"C2", "D2"}  # J2 sorted the tab: B1 is on row 2


def test_the_issues_csv_names_the_severity_in_the_readers_language():
    comp = parse(RawWorkbook(broken_tabs()))
    frame = issues_frame(comp.issues)
    thai = office_table(frame, "th", comp)
    english = office_table(frame, "en", comp)
    assert set(thai[t("col.severity", "th")]) <= {"ข้อผิดพลาด", "คำเตือน", "หมายเหตุ"}
    assert "ข้อผิดพลาด" in set(thai[t("col.severity", "th")])
    assert set(english[t("col.severity", "en")]) <= {"Error", "Warning", "Note"}
