"""A score typed into a cell formatted as a time (issue 18, §9): the Google Sheet and the .xlsx
read that cell the same way, and flag it at its cell instead of counting 0:10 as 0.0069."""

from __future__ import annotations

import copy
import datetime as dt

from openpyxl import Workbook

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.sources.google_http import RetryPolicy
from kbo_dashboard.sources.google_source import GoogleSheetSource
from kbo_dashboard.sources.workbook import WorkbookSource
from tests.workbooks import SMALL_TABS


def _with_time_cell() -> dict[str, list[list]]:
    tabs = copy.deepcopy(SMALL_TABS)
    tabs["J1"][1][2] = dt.time(0, 10)  # J1!C2: A1's innovation, typed "0:10" into a time cell
    return tabs


def _from_sheet(sheets_emulator) -> object:
    key = sheets_emulator.create_spreadsheet(SMALL_TABS)
    sheets_emulator.set_cell(key, "J1", "C2", "0:10")  # as a person types it
    src = GoogleSheetSource(
        key, api_url=sheets_emulator.url, policy=RetryPolicy(timeout_s=2, give_up_s=4)
    )
    return src.fetch()


def _from_xlsx(tmp_path) -> object:
    book = Workbook()
    book.remove(book.active)
    for name, rows in _with_time_cell().items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    path = tmp_path / "committee.xlsx"
    book.save(path)
    return WorkbookSource(path).fetch()


def _reading(raw) -> tuple[list, list]:
    comp = parse(raw)
    counted = comp.scores[
        (comp.scores["judge_id"] == "J1")
        & (comp.scores["product_id"] == "A1")
        & (comp.scores["criterion_id"] == "inn")
    ]["score"].tolist()
    at_cell = sorted((i.tab, i.cell, i.code) for i in comp.issues if i.cell == "C2")
    return counted, at_cell


def test_a_time_cell_reads_the_same_from_the_sheet_and_the_xlsx(sheets_emulator, tmp_path):
    sheet, xlsx = _from_sheet(sheets_emulator), _from_xlsx(tmp_path)
    assert sheet.tabs["J1"][1][2] == xlsx.tabs["J1"][1][2] == "0:10:00"
    from_sheet, from_xlsx = _reading(sheet), _reading(xlsx)
    assert from_sheet == from_xlsx
    counted, at_cell = from_sheet
    assert counted == []  # not counted as 10 / 1440 = 0.0069 points
    assert [(tab, cell) for tab, cell, _ in at_cell] == [("J1", "C2")]


def test_a_meeting_time_from_a_time_cell_is_read():
    from kbo_dashboard.intake.settings import read_time

    # The values API gives a time cell as its format's text; a clerk types 9:30 or 09.30 น.
    assert read_time("9:30:00") == dt.time(9, 30)
    assert read_time("1:05:00 PM") == dt.time(13, 5)
    assert read_time("12:00:00 AM") == dt.time(0, 0)
    assert read_time("09.30 น.") == dt.time(9, 30)
    assert read_time("13:00 PM") is None
