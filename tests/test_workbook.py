"""Local .xlsx workbooks: round trip, template, and the command line."""

import datetime as dt

from openpyxl import load_workbook

from kbo_dashboard.__main__ import main
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.sources.demo import demo_tabs
from kbo_dashboard.sources.workbook import WorkbookSource, read_xlsx, write_xlsx
from tests.workbooks import SMALL_TABS


def test_round_trip_gives_the_same_raw_cells(tmp_path):
    path = tmp_path / "small.xlsx"
    write_xlsx(SMALL_TABS, path)
    assert read_xlsx(path) == SMALL_TABS


def test_demo_round_trip_gives_the_same_issues(tmp_path):
    path = tmp_path / "demo.xlsx"
    write_xlsx(demo_tabs(), path)
    comp = parse(WorkbookSource(path).fetch())
    assert len(comp.issues) == 6 and len(comp.scores) == 2580


def test_dates_become_sheet_serial_numbers(tmp_path):
    path = tmp_path / "dates.xlsx"
    write_xlsx({"Settings": [["key", "value"], ["meeting_date", dt.date(2022, 5, 23)]]}, path)
    # 2022-05-23 is day 44704 counting from 1899-12-30, as Google Sheets counts.
    assert read_xlsx(path)["Settings"][1] == ["meeting_date", 44704]


def test_missing_file_is_a_source_error(tmp_path):
    from kbo_dashboard.sources.source import SourceError

    try:
        WorkbookSource(tmp_path / "nope.xlsx").fetch()
    except SourceError as exc:
        assert "nope.xlsx" in exc.message_en and exc.kind == "not_found"
    else:
        raise AssertionError("expected SourceError")


def test_cli_template_and_demo(tmp_path, capsys):
    empty, demo = tmp_path / "empty.xlsx", tmp_path / "demo.xlsx"
    assert main(["template", str(empty), "--judges", "2"]) == 0
    assert main(["template", str(demo), "--demo"]) == 0
    book = load_workbook(empty)
    assert book.sheetnames == [
        "ตั้งค่า",
        "ผลิตภัณฑ์",
        "กรรมการ",
        "เกณฑ์การให้คะแนน",
        "ส่วนได้เสีย",
        "J01",
        "J02",
    ]
    criteria = [c.value for c in book["เกณฑ์การให้คะแนน"][2]][:4]
    assert criteria == ["innovation", "นวัตกรรม", "Innovation", 25]
    comp = parse(WorkbookSource(empty).fetch())
    assert [i.code for i in comp.issues] == ["no_rows"] and comp.products.empty
    assert len(parse(WorkbookSource(demo).fetch()).products) == 20
    assert "empty.xlsx" in capsys.readouterr().out
