"""The in-memory state of the Sheets API v4 emulator: spreadsheets, tabs, cells and A1 ranges.

Behaviour follows the real service as recorded in ``shared/reference/google-sheets-api/``:
ranges echo back as ``Sheet1!A1:D6`` or ``'Sheet 1'!A1:D6`` (clipped to the grid), value rows are
ragged (trailing blanks and trailing empty rows dropped, no ``values`` key when nothing is left),
``UNFORMATTED_VALUE`` renders numbers as JSON numbers (whole numbers without ``.0``) and
``FORMATTED_VALUE`` renders every cell as a string. Errors are :class:`ApiError` with the real
error body. Formulas are limited to plain arithmetic (``=4/2``); other formulas give ``#NAME?``.
The HTTP side lives in :mod:`tests.sheets_emulator`.
"""

from __future__ import annotations

import ast
import datetime as dt
import operator
import re
from dataclasses import dataclass, field
from typing import Any

EPOCH = dt.date(1899, 12, 30)  # day 0 of Sheets' serial dates
ERROR_TYPES = {
    "#NULL!": "NULL_VALUE",
    "#DIV/0!": "DIVIDE_BY_ZERO",
    "#VALUE!": "VALUE",
    "#REF!": "REF",
    "#NAME?": "NAME",
    "#NUM!": "NUM",
    "#N/A": "N_A",
    "#ERROR!": "ERROR",
}
_CELLS = re.compile(r"^([A-Za-z]{0,3})(\d*)(?::([A-Za-z]{0,3})(\d*))?$")
_PLAIN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_LOOKS_LIKE_CELL = re.compile(r"^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*)$")


class ApiError(Exception):
    """An error the emulator answers with, in the real service's body shape."""

    def __init__(self, code: int, status: str, message: str, details: list | None = None):
        super().__init__(message)
        self.code, self.status, self.message, self.details = code, status, message, details

    def body(self) -> dict:
        error: dict[str, Any] = {"code": self.code, "message": self.message, "status": self.status}
        if self.details is not None:
            error["details"] = self.details
        return {"error": error}


def not_found() -> ApiError:
    return ApiError(404, "NOT_FOUND", "Requested entity was not found.")


def permission_denied() -> ApiError:
    return ApiError(403, "PERMISSION_DENIED", "The caller does not have permission")


def bad_range(text: str) -> ApiError:
    return ApiError(400, "INVALID_ARGUMENT", f"Unable to parse range: {text}")


def invalid_values(value: Any) -> ApiError:
    """The real 400 for ``values`` that are not a list of lists."""
    import json

    desc = (
        "Invalid value at 'data.values' (type.googleapis.com/google.protobuf.ListValue), "
        f"{json.dumps(value)}"
    )
    violation = {"field": "data.values", "description": desc}
    details = [
        {"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [violation]}
    ]
    return ApiError(400, "INVALID_ARGUMENT", desc, details)


@dataclass(frozen=True)
class DateValue:
    """A date, time or date-time cell: a serial day number (a fraction for a time of day) that
    renders as the text of its number format (``YYYY-MM-DD``, ``H:MM:SS``, ...) when formatted."""

    serial: float
    pattern: str = "date"  # "date", "time" or "datetime"

    @property
    def text(self) -> str:
        moment = dt.datetime.combine(EPOCH, dt.time()) + dt.timedelta(days=self.serial)
        moment = moment.replace(microsecond=0) + dt.timedelta(
            seconds=round(moment.microsecond / 1e6)
        )
        if self.pattern == "time":
            return f"{moment.hour}:{moment.minute:02d}:{moment.second:02d}"
        if self.pattern == "datetime":
            return (
                f"{moment.date().isoformat()} {moment.hour}:{moment.minute:02d}:{moment.second:02d}"
            )
        return moment.date().isoformat()


@dataclass(frozen=True)
class Formula:
    """A formula and the value it computed."""

    text: str
    value: Any


@dataclass
class Sheet:
    sheet_id: int
    title: str
    rows: list[list[Any]] = field(default_factory=list)
    row_count: int = 1000
    column_count: int = 26
    frozen_rows: int = 0
    frozen_columns: int = 0
    validations: list[dict] = field(default_factory=list)
    protected_ranges: list[dict] = field(default_factory=list)
    formats: list[dict] = field(default_factory=list)

    def cell(self, r: int, c: int) -> Any:
        if r < len(self.rows) and c < len(self.rows[r]):
            return self.rows[r][c]
        return ""

    def set(self, r: int, c: int, value: Any) -> None:
        while len(self.rows) <= r:
            self.rows.append([])
        row = self.rows[r]
        while len(row) <= c:
            row.append("")
        row[c] = value


@dataclass
class Spreadsheet:
    spreadsheet_id: str
    title: str
    sheets: list[Sheet] = field(default_factory=list)
    private: bool = False  # True answers every request with 403, like a sheet not shared

    def sheet_by_title(self, title: str) -> Sheet | None:
        return next((s for s in self.sheets if s.title == title), None)

    def sheet_by_id(self, sheet_id: int) -> Sheet | None:
        return next((s for s in self.sheets if s.sheet_id == sheet_id), None)


# --- A1 notation ------------------------------------------------------------------------------


def col_letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out, index = "", index + 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def col_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def quote_title(title: str) -> str:
    """A tab name as the real service echoes it: plain names bare, others in single quotes."""
    if _PLAIN_NAME.match(title) and not _LOOKS_LIKE_CELL.match(title):
        return title
    return "'" + title.replace("'", "''") + "'"


@dataclass(frozen=True)
class GridRange:
    """A rectangle on one sheet; end indexes are exclusive, already clipped to the grid."""

    sheet: Sheet
    r0: int
    c0: int
    r1: int
    c1: int

    def a1(self) -> str:
        start = f"{col_letters(self.c0)}{self.r0 + 1}"
        end = f"{col_letters(self.c1 - 1)}{self.r1}"
        cells = start if (self.r1 - self.r0, self.c1 - self.c0) == (1, 1) else f"{start}:{end}"
        return f"{quote_title(self.sheet.title)}!{cells}"


def _split_sheet(text: str) -> tuple[str | None, str]:
    """('Sheet name' or None, cells part) of an A1 range."""
    if text.startswith("'"):
        i, name = 1, ""
        while i < len(text):
            if text[i] == "'":
                if text[i + 1 : i + 2] == "'":
                    name, i = name + "'", i + 2
                    continue
                rest = text[i + 1 :]
                if rest == "":
                    return name, ""
                if rest.startswith("!"):
                    return name, rest[1:]
                raise bad_range(text)
            name, i = name + text[i], i + 1
        raise bad_range(text)
    if "!" in text:
        name, _, cells = text.rpartition("!")
        return name, cells
    return None, text


def parse_range(book: Spreadsheet, text: str, *, clip: bool = True) -> GridRange:
    """Resolve an A1 range (``Tab``, ``'Tab'!A1:B2``, ``Tab!A:A``, ``A1:C3``) on ``book``."""
    name, cells = _split_sheet(text)
    if name is None:
        sheet = book.sheet_by_title(cells)
        if sheet is not None:
            cells = ""
        elif book.sheets and cells and _CELLS.match(cells):
            sheet = book.sheets[0]
        else:
            raise bad_range(text)
    else:
        sheet = book.sheet_by_title(name)
        if sheet is None:
            raise bad_range(text)
    if cells == "":
        return GridRange(sheet, 0, 0, sheet.row_count, sheet.column_count)
    m = _CELLS.match(cells)
    if not m or not (m.group(1) or m.group(2)):
        raise bad_range(text)
    ca, ra, cb, rb = m.groups()
    single = cb is None and rb is None
    if single and not (ca and ra):
        raise bad_range(text)
    c0 = col_index(ca) if ca else 0
    r0 = int(ra) - 1 if ra else 0
    if single:
        c1, r1 = c0 + 1, r0 + 1
    else:
        c1 = col_index(cb) + 1 if cb else sheet.column_count
        r1 = int(rb) if rb else sheet.row_count
    if r0 < 0 or r1 <= r0 and not single or c1 <= c0:
        raise bad_range(text)
    if clip:
        r1, c1 = min(r1, sheet.row_count), min(c1, sheet.column_count)
        if r0 >= sheet.row_count or c0 >= sheet.column_count:
            r1, c1 = max(r1, r0 + 1), max(c1, c0 + 1)
    return GridRange(sheet, r0, c0, r1, c1)


# --- values in, values out --------------------------------------------------------------------

_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}


def _arith(node: ast.AST) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_arith(node.left), _arith(node.right))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        value = _arith(node.operand)
        return -value if isinstance(node.op, ast.USub) else value
    raise ValueError("not arithmetic")


def _evaluate(formula: str) -> Any:
    try:
        return _arith(ast.parse(formula[1:].replace("^", "**"), mode="eval").body)
    except ZeroDivisionError:
        return "#DIV/0!"
    except (ValueError, SyntaxError):
        return "#NAME?"


def user_entered(value: Any) -> Any:
    """A value as the Sheets UI would store it if a person typed it (USER_ENTERED)."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if value.startswith("'"):
        return value[1:]
    if value.startswith("="):
        return Formula(value, _evaluate(value))
    if text.upper() in ("TRUE", "FALSE"):
        return text.upper() == "TRUE"
    if re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", text):
        number = float(text)
        return int(number) if number.is_integer() and "e" not in text.lower() else number
    time_of_day = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", text)
    if time_of_day and int(time_of_day[1]) < 24 and int(time_of_day[2]) < 60:
        h, m, sec = (int(x or 0) for x in time_of_day.groups())
        return DateValue((h * 3600 + m * 60 + sec) / 86400, "time")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return DateValue((dt.date.fromisoformat(text) - EPOCH).days)
        except ValueError:
            return value
    return value


def stored(value: Any) -> Any:
    """A seeded Python value as the emulator stores it (dates become serial-day cells)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        delta = value.replace(tzinfo=None) - dt.datetime.combine(EPOCH, dt.time())
        return DateValue(delta.days + delta.seconds / 86400, "datetime")
    if isinstance(value, dt.date):
        return DateValue((value - EPOCH).days)
    if isinstance(value, dt.time):
        return DateValue((value.hour * 3600 + value.minute * 60 + value.second) / 86400, "time")
    return value


def _number(value: float) -> int | float:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def render(cell: Any, value_option: str, date_option: str) -> Any:
    """One stored cell as the values API renders it."""
    if isinstance(cell, Formula):
        if value_option == "FORMULA":
            return cell.text
        cell = cell.value
    if isinstance(cell, DateValue):
        if value_option == "FORMATTED_VALUE" or date_option == "FORMATTED_STRING":
            return cell.text
        return _number(cell.serial)
    if value_option != "FORMATTED_VALUE":
        return _number(cell) if isinstance(cell, float) else cell
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, (int, float)):
        return str(_number(cell))
    return cell


def effective_value(cell: Any) -> dict:
    """A cell as ``CellData.effectiveValue`` (``{}`` for a blank cell)."""
    if isinstance(cell, Formula):
        cell = cell.value
    if isinstance(cell, DateValue):
        return {"numberValue": _number(cell.serial)}
    if cell == "" or cell is None:
        return {}
    if isinstance(cell, bool):
        return {"boolValue": cell}
    if isinstance(cell, (int, float)):
        return {"numberValue": _number(cell)}
    if cell in ERROR_TYPES:
        return {"errorValue": {"type": ERROR_TYPES[cell], "message": f"Error {cell}"}}
    return {"stringValue": cell}


def read_values(rng: GridRange, value_option: str, date_option: str, major: str) -> list[list]:
    """The rendered values of ``rng``, ragged like the real service."""
    grid = [
        [render(rng.sheet.cell(r, c), value_option, date_option) for c in range(rng.c0, rng.c1)]
        for r in range(rng.r0, min(rng.r1, len(rng.sheet.rows)))
    ]
    if major == "COLUMNS":
        width = max((len(row) for row in grid), default=0)
        grid = [[row[c] for row in grid] for c in range(width)]
    for row in grid:
        while row and row[-1] in ("", None):
            row.pop()
    while grid and not grid[-1]:
        grid.pop()
    return grid
