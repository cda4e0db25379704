"""Local .xlsx workbooks: the source for offices without Google Workspace, and the template.

:class:`WorkbookSource` reads every tab's values in one pass with openpyxl (``data_only``, so a
formula reads as its last computed value, as the Sheets API's UNFORMATTED_VALUE does). Cells
come back as the same raw types a Google Sheet gives: numbers, text, or ``""`` for blank, with
trailing blanks dropped, dates as sheet serial numbers and a time of day as its text
(``0:10:00``), as the Sheets API gives it, so a score typed into a time cell is flagged the same.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kbo_dashboard.i18n import both, pick
from kbo_dashboard.sources import layout as L
from kbo_dashboard.sources.layout import SHEETS_EPOCH
from kbo_dashboard.sources.source import RawWorkbook, Rows, SourceError


def _raw_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        delta = value - dt.datetime.combine(SHEETS_EPOCH, dt.time())
        return delta.days + delta.seconds / 86400
    if isinstance(value, dt.date):
        return (value - SHEETS_EPOCH).days
    if isinstance(value, dt.time):  # as the Sheets API gives a time cell: its text, not 0.0069
        return f"{value.hour}:{value.minute:02d}:{value.second:02d}"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _trim(row: list) -> list:
    end = len(row)
    while end and row[end - 1] == "":
        end -= 1
    return row[:end]


def read_xlsx(path: str | os.PathLike) -> dict[str, Rows]:
    """Every tab's rows, ragged like the Sheets API's answer."""
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError as exc:
        th, en = both("src.xlsx_not_found", name=Path(path).name)
        raise SourceError(en, th, kind="not_found") from exc
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        th, en = both("src.xlsx_unreadable", name=Path(path).name, error=type(exc).__name__)
        raise SourceError(en, th, kind="bad_file") from exc
    try:
        tabs: dict[str, Rows] = {}
        for sheet in book.worksheets:
            rows = [
                _trim([_raw_value(v) for v in row]) for row in sheet.iter_rows(values_only=True)
            ]
            while rows and not rows[-1]:
                rows.pop()
            tabs[sheet.title] = rows
        return tabs
    finally:
        book.close()


class WorkbookSource:
    """A committee workbook kept as a local .xlsx file."""

    kind = "workbook"

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    def describe(self) -> str:
        return self.path.name

    def fetch(self) -> RawWorkbook:
        return RawWorkbook(read_xlsx(self.path))


HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


DROPDOWN_ROWS = 1000  # rows under a header that get the drop-down


def write_xlsx(tabs: dict[str, Rows], path: str | os.PathLike) -> None:
    """Write tabs to an .xlsx with bold, frozen header rows and readable column widths."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in tabs.items():
        sheet = book.create_sheet(title=name[:31])
        for row in rows:
            sheet.append(list(row))
        if rows:
            for cell in sheet[1]:
                cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            sheet.freeze_panes = "A2"
        widths: dict[int, int] = {}
        for row in rows:
            for i, value in enumerate(row):
                widths[i] = max(widths.get(i, 0), len(str(value)))
        for i, width in widths.items():
            sheet.column_dimensions[get_column_letter(i + 1)].width = min(60, max(10, width + 2))
        _dropdowns(sheet, name, rows)
    book.save(path)


def _dropdowns(sheet, name: str, rows: Rows) -> None:
    """A drop-down list on the layout's choice columns (category, sector, attendance).

    The list is in the header's language (Thai names, or the English codes); another spelling
    the app accepts is still allowed, with a warning.
    """
    tab = next((tab for tab, titles in L.TAB_NAMES.items() if name in titles), None)
    if not rows or tab is None:
        return
    header = [L.normalise_header(c) for c in rows[0]]
    for column in L.COLUMNS.get(tab, ()):
        choices = L.DROPDOWNS.get((tab, column.key))
        at = next((i for i, h in enumerate(header) if h in column.spellings()), None)
        if choices is None or at is None:
            continue
        thai = L.normalise_header(rows[0][at]) == L.normalise_header(column.th)
        names = [spellings[0] if thai else code for code, spellings in choices.items()]
        rule = DataValidation(type="list", formula1='"' + ",".join(names) + '"', allow_blank=True)
        rule.errorStyle, rule.showErrorMessage = "warning", True
        letter = get_column_letter(at + 1)
        rule.add(f"{letter}2:{letter}{DROPDOWN_ROWS}")
        sheet.add_data_validation(rule)


def score_header(criteria, lang: str = "th") -> list[str]:
    """A judge's score tab header: product, name, each criterion with its maximum, comment.

    ``criteria`` are :class:`~kbo_dashboard.sources.layout.CriterionSpec` or parsed rows (any
    object with ``name_th``, ``name_en`` and ``max_score``).
    """
    name = next(c for c in L.COLUMNS[L.PRODUCTS] if c.key == "product_name")
    return [
        pick(L.PRODUCT_ID.th, L.PRODUCT_ID.en, lang),
        pick(name.th, name.en, lang),
        *[f"{pick(c.name_th, c.name_en, lang)} ({c.max_score:g})" for c in criteria],
        pick(L.COMMENT.th, L.COMMENT.en, lang),
    ]


def template_tabs(
    criteria=L.DEFAULT_CRITERIA, n_judges: int = 27, lang: str = "th"
) -> dict[str, Rows]:
    """An empty workbook in the layout: headers, the default criteria and ``n_judges`` judges.

    Tab names, headers and Settings keys are Thai (``lang="th"``) or English; the parser reads
    either. Judge tabs get their product rows once Products is filled (``template --from``).
    """

    def header(tab: str) -> list[str]:
        return [pick(c.th, c.en, lang) for c in L.COLUMNS[tab]]

    def name(tab: str) -> str:
        return L.tab_title(tab, lang)

    keys = [*L.SETTING_KEYS, *L.SIDE_SETTING_KEYS, *L.DOCUMENT_SETTING_KEYS]
    values = {"method": "mean"}
    example = pick(*L.SETTING_EXAMPLE_HEADER, lang)
    tabs: dict[str, Rows] = {
        name(L.SETTINGS): [
            [*header(L.SETTINGS), example],
            *[
                [pick(L.SETTING_TH[k], k, lang), values.get(k, ""), L.SETTING_EXAMPLES[k]]
                for k in keys
            ],
        ],
        name(L.PRODUCTS): [header(L.PRODUCTS)],
        name(L.JUDGES): [header(L.JUDGES)],
        name(L.CRITERIA): [header(L.CRITERIA)]
        + [
            [c.criterion_id, c.name_th, c.name_en, c.max_score, c.weight, c.tiebreak_priority or ""]
            for c in criteria
        ],
        name(L.CONFLICTS): [header(L.CONFLICTS)],
    }
    for n in range(1, n_judges + 1):
        judge_id = f"J{n:02d}"
        tabs[name(L.JUDGES)].append([judge_id, "", "", judge_id])
        tabs[judge_id] = [score_header(criteria, lang)]
    return tabs
