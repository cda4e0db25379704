"""The Sheets API v4 methods the emulator implements, on the state in :mod:`sheets_emulator_model`.

Each method takes the parsed request and returns the JSON body the real service would send, or
raises :class:`ApiError`. ``spreadsheets.get`` honours ``fields`` (a field mask, e.g.
``sheets(properties(title),data(rowData(values(effectiveValue))))``), ``ranges`` and
``includeGridData``. ``batchUpdate`` handles addSheet, deleteSheet, updateSheetProperties,
updateSpreadsheetProperties, setDataValidation, addProtectedRange, deleteProtectedRange,
repeatCell and updateBorders.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from tests.sheets_emulator_model import (
    ApiError,
    GridRange,
    Sheet,
    Spreadsheet,
    col_letters,
    effective_value,
    invalid_values,
    parse_range,
    quote_title,
    read_values,
    render,
    user_entered,
)

CALLER = "kbo-dashboard@kbo-emulator.iam.gserviceaccount.com"  # the emulator's "requesting user"
# Constant parts of the real spreadsheets.get body (see ClientTest.test_open_by_key_has_metadata).
DEFAULT_FORMAT = {
    "backgroundColor": {"red": 1, "green": 1, "blue": 1},
    "padding": {"top": 2, "right": 3, "bottom": 2, "left": 3},
    "verticalAlignment": "BOTTOM",
    "wrapStrategy": "OVERFLOW_CELL",
    "textFormat": {
        "foregroundColor": {},
        "fontFamily": "arial,sans,sans-serif",
        "fontSize": 10,
        "bold": False,
        "italic": False,
        "strikethrough": False,
        "underline": False,
        "foregroundColorStyle": {"rgbColor": {}},
    },
    "backgroundColorStyle": {"rgbColor": {"red": 1, "green": 1, "blue": 1}},
}


def parse_field_mask(mask: str) -> dict:
    """``a.b,c(d,e(f))`` -> ``{"a": {"b": True}, "c": {"d": True, "e": {"f": True}}}``."""
    pos = 0

    def parse_list() -> dict:
        nonlocal pos
        tree: dict = {}
        while pos < len(mask):
            m = re.compile(r"[A-Za-z0-9_.*/]+").match(mask, pos)
            if not m:
                raise ApiError(400, "INVALID_ARGUMENT", "Request contains an invalid argument.")
            pos = m.end()
            *parents, last = re.split(r"[./]", m.group(0))
            node = tree
            for part in parents:
                node = node.setdefault(part, {}) if node.get(part) is not True else {}
            if pos < len(mask) and mask[pos] == "(":
                pos += 1
                sub = parse_list()
                pos += 1  # the closing ")"
                if node.get(last) is not True:
                    node.setdefault(last, {}).update(sub)
            else:
                node[last] = True
            if pos < len(mask) and mask[pos] == ",":
                pos += 1
            elif pos < len(mask) and mask[pos] == ")":
                return tree
        return tree

    return parse_list()


def apply_mask(obj: Any, tree: dict | bool) -> Any:
    if tree is True or tree == {"*": True}:
        return obj
    if isinstance(obj, list):
        return [apply_mask(item, tree) for item in obj]
    if isinstance(obj, dict):
        return {k: apply_mask(obj[k], sub) for k, sub in tree.items() if k in obj}
    return obj


def _grid_data(rng: GridRange) -> dict:
    rows = []
    for r in range(rng.r0, min(rng.r1, len(rng.sheet.rows))):
        cells = []
        for c in range(rng.c0, min(rng.c1, len(rng.sheet.rows[r]))):
            raw = rng.sheet.rows[r][c]
            ev = effective_value(raw)
            cell: dict[str, Any] = {}
            if ev:
                cell = {
                    "userEnteredValue": ev,
                    "effectiveValue": ev,
                    "formattedValue": render(raw, "FORMATTED_VALUE", "SERIAL_NUMBER"),
                }
            cells.append(cell)
        while cells and not cells[-1]:
            cells.pop()
        rows.append({"values": cells} if cells else {})
    while rows and not rows[-1]:
        rows.pop()
    data: dict[str, Any] = {}
    if rng.r0:
        data["startRow"] = rng.r0
    if rng.c0:
        data["startColumn"] = rng.c0
    if rows:
        data["rowData"] = rows
    return data


def sheet_properties(sheet: Sheet, index: int) -> dict:
    grid: dict[str, Any] = {"rowCount": sheet.row_count, "columnCount": sheet.column_count}
    if sheet.frozen_rows:
        grid["frozenRowCount"] = sheet.frozen_rows
    if sheet.frozen_columns:
        grid["frozenColumnCount"] = sheet.frozen_columns
    return {
        "sheetId": sheet.sheet_id,
        "title": sheet.title,
        "index": index,
        "sheetType": "GRID",
        "gridProperties": grid,
    }


def spreadsheets_get(book: Spreadsheet, query: dict[str, list[str]]) -> dict:
    mask = parse_field_mask(query["fields"][0]) if query.get("fields") else None
    want_data = query.get("includeGridData", ["false"])[0].lower() == "true"
    if mask is not None:
        sheets_mask = mask.get("sheets")
        want_data = sheets_mask is True or isinstance(sheets_mask, dict) and "data" in sheets_mask
    ranges = [parse_range(book, text) for text in query.get("ranges", [])]
    sheets = []
    for index, sheet in enumerate(book.sheets):
        mine = [r for r in ranges if r.sheet is sheet]
        if ranges and not mine:
            continue
        entry: dict[str, Any] = {"properties": sheet_properties(sheet, index)}
        if want_data:
            full = GridRange(sheet, 0, 0, sheet.row_count, sheet.column_count)
            entry["data"] = [_grid_data(r) for r in (mine or [full])]
        if sheet.protected_ranges:
            entry["protectedRanges"] = copy.deepcopy(sheet.protected_ranges)
        sheets.append(entry)
    body = {
        "spreadsheetId": book.spreadsheet_id,
        "properties": {
            "title": book.title,
            "locale": "en_US",
            "autoRecalc": "ON_CHANGE",
            "timeZone": "Etc/GMT",
            "defaultFormat": copy.deepcopy(DEFAULT_FORMAT),
        },
        "sheets": sheets,
        "spreadsheetUrl": f"https://docs.google.com/spreadsheets/d/{book.spreadsheet_id}/edit",
    }
    return apply_mask(body, mask) if mask is not None else body


def _options(query: dict[str, list[str]]) -> tuple[str, str, str]:
    return (
        query.get("valueRenderOption", ["FORMATTED_VALUE"])[0],
        query.get("dateTimeRenderOption", ["SERIAL_NUMBER"])[0],
        query.get("majorDimension", ["ROWS"])[0],
    )


def _value_range(rng: GridRange, query: dict[str, list[str]]) -> dict:
    value_option, date_option, major = _options(query)
    body: dict[str, Any] = {"range": rng.a1(), "majorDimension": major}
    values = read_values(rng, value_option, date_option, major)
    if values:
        body["values"] = values
    return body


def values_get(book: Spreadsheet, range_text: str, query: dict[str, list[str]]) -> dict:
    return _value_range(parse_range(book, range_text), query)


def values_batch_get(book: Spreadsheet, query: dict[str, list[str]]) -> dict:
    ranges = [parse_range(book, text) for text in query.get("ranges", [])]
    return {
        "spreadsheetId": book.spreadsheet_id,
        "valueRanges": [_value_range(rng, query) for rng in ranges],
    }


def _write(
    book: Spreadsheet, range_text: str, values: Any, input_option: str, major: str | None
) -> dict:
    if not isinstance(values, list) or not all(isinstance(row, list) for row in values):
        raise invalid_values(values)
    if input_option not in ("RAW", "USER_ENTERED"):
        raise ApiError(
            400, "INVALID_ARGUMENT", "Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED"
        )
    if major == "COLUMNS":
        width = max((len(row) for row in values), default=0)
        values = [[col[r] if r < len(col) else None for col in values] for r in range(width)]
    rng = parse_range(book, range_text, clip=False)
    sheet = rng.sheet
    height, width = len(values), max((len(row) for row in values), default=0)
    if rng.r0 + height > sheet.row_count or rng.c0 + width > sheet.column_count:
        raise ApiError(
            400,
            "INVALID_ARGUMENT",
            f"Range ({range_text}) exceeds grid limits. Max rows: {sheet.row_count}, "
            f"max columns: {sheet.column_count}",
        )
    for i, row in enumerate(values):
        for j, value in enumerate(row):
            if value is None:
                continue  # null means "leave this cell as it is"
            sheet.set(
                rng.r0 + i,
                rng.c0 + j,
                user_entered(value) if input_option == "USER_ENTERED" else value,
            )
    done = GridRange(sheet, rng.r0, rng.c0, rng.r0 + max(height, 1), rng.c0 + max(width, 1))
    return {
        "spreadsheetId": book.spreadsheet_id,
        "updatedRange": done.a1(),
        "updatedRows": height,
        "updatedColumns": width,
        "updatedCells": sum(len(row) for row in values),
    }


def values_update(book: Spreadsheet, range_text: str, query: dict, body: dict) -> dict:
    option = query.get("valueInputOption", [""])[0]
    return _write(book, range_text, body.get("values"), option, body.get("majorDimension"))


def values_batch_update(book: Spreadsheet, body: dict) -> dict:
    option = body.get("valueInputOption", "")
    responses = [
        _write(book, d["range"], d.get("values"), option, d.get("majorDimension"))
        for d in body.get("data", [])
    ]
    return {
        "spreadsheetId": book.spreadsheet_id,
        "totalUpdatedRows": sum(r["updatedRows"] for r in responses),
        "totalUpdatedColumns": sum(r["updatedColumns"] for r in responses),
        "totalUpdatedCells": sum(r["updatedCells"] for r in responses),
        "totalUpdatedSheets": len({r["updatedRange"].rpartition("!")[0] for r in responses}),
        "responses": responses,
    }


def values_append(book: Spreadsheet, range_text: str, query: dict, body: dict) -> dict:
    """Append below the last non-empty row of the range's tab, growing the grid if needed."""
    rng = parse_range(book, range_text)
    sheet = rng.sheet
    used = len(sheet.rows)
    while used and not any(v not in ("", None) for v in sheet.rows[used - 1]):
        used -= 1
    values = body.get("values")
    if not isinstance(values, list):
        raise invalid_values(values)
    sheet.row_count = max(sheet.row_count, used + len(values))
    table = GridRange(sheet, 0, rng.c0, max(used, 1), sheet.column_count)
    start = f"{quote_title(sheet.title)}!{col_letters(rng.c0)}{used + 1}"
    updates = _write(book, start, values, query.get("valueInputOption", [""])[0], None)
    return {"spreadsheetId": book.spreadsheet_id, "tableRange": table.a1(), "updates": updates}


def values_clear(book: Spreadsheet, range_text: str) -> dict:
    rng = parse_range(book, range_text)
    for r in range(rng.r0, min(rng.r1, len(rng.sheet.rows))):
        row = rng.sheet.rows[r]
        for c in range(rng.c0, min(rng.c1, len(row))):
            row[c] = ""
    return {"spreadsheetId": book.spreadsheet_id, "clearedRange": rng.a1()}


# --- batchUpdate ------------------------------------------------------------------------------


def _sheet(book: Spreadsheet, sheet_id: Any) -> Sheet:
    sheet = book.sheet_by_id(sheet_id if sheet_id is not None else 0)
    if sheet is None:
        raise ApiError(400, "INVALID_ARGUMENT", f"Invalid requests[0]: No grid with id: {sheet_id}")
    return sheet


def _add_sheet(book: Spreadsheet, req: dict, next_id: Any) -> dict:
    props = req.get("properties", {})
    title = props.get("title") or f"Sheet{len(book.sheets) + 1}"
    if book.sheet_by_title(title):
        raise ApiError(
            400,
            "INVALID_ARGUMENT",
            f'Invalid requests[0].addSheet: A sheet with the name "{title}" already '
            "exists. Please enter another name.",
        )
    grid = props.get("gridProperties", {})
    sheet = Sheet(
        props.get("sheetId", next_id()),
        title,
        row_count=grid.get("rowCount", 1000),
        column_count=grid.get("columnCount", 26),
        frozen_rows=grid.get("frozenRowCount", 0),
        frozen_columns=grid.get("frozenColumnCount", 0),
    )
    index = min(props.get("index", len(book.sheets)), len(book.sheets))
    book.sheets.insert(index, sheet)
    return {"addSheet": {"properties": sheet_properties(sheet, index)}}


def _update_sheet_properties(book: Spreadsheet, req: dict) -> dict:
    props = req.get("properties", {})
    sheet = _sheet(book, props.get("sheetId"))
    fields = req.get("fields", "*")
    grid = props.get("gridProperties", {})
    names = {f.strip() for f in fields.split(",")}
    everything = "*" in names

    def wanted(name: str) -> bool:
        return everything or name in names or name.split("/")[0] in names

    if wanted("title") and "title" in props:
        sheet.title = props["title"]
    for key, attr in (
        ("rowCount", "row_count"),
        ("columnCount", "column_count"),
        ("frozenRowCount", "frozen_rows"),
        ("frozenColumnCount", "frozen_columns"),
    ):
        if wanted(f"gridProperties/{key}") or wanted(f"gridProperties.{key}"):
            setattr(sheet, attr, grid.get(key, 0))
    return {}


def _range_of(book: Spreadsheet, grid_range: dict) -> dict:
    sheet = _sheet(book, grid_range.get("sheetId"))
    return {"sheet": sheet, "range": {k: v for k, v in grid_range.items() if k != "sheetId"}}


def _add_protected_range(book: Spreadsheet, req: dict, next_id: Any) -> dict:
    """Store a protected range; the reply has the shape of the recorded real one."""
    pr = copy.deepcopy(req.get("protectedRange", {}))
    where = _range_of(book, pr.get("range", {}))
    # Like protobuf JSON, the real reply leaves out defaults (sheetId 0, false, empty lists).
    grid = {k: v for k, v in pr.get("range", {}).items() if (k, v) != ("sheetId", 0)}
    asked = {k: v for k, v in (pr.get("editors") or {}).items() if v}
    pr.update(
        {
            "protectedRangeId": next_id(),
            "range": grid,
            "requestingUserCanEdit": True,
            "editors": asked,
        }
    )
    if not pr.get("warningOnly"):
        pr.pop("warningOnly", None)
    else:
        pr["editors"] = {}  # editors are ignored for a warning-only range
    if pr.get("description") is None:
        pr.pop("description", None)
    reply = {"addProtectedRange": {"protectedRange": copy.deepcopy(pr)}}
    # What spreadsheets.get shows afterwards: the caller is always an editor.
    users = [*pr["editors"].get("users", [])]
    pr["editors"] = {**pr["editors"], "users": [*users, CALLER] if CALLER not in users else users}
    where["sheet"].protected_ranges.append(pr)
    return reply


def _delete_protected_range(book: Spreadsheet, range_id: Any) -> None:
    for sheet in book.sheets:
        for pr in sheet.protected_ranges:
            if pr.get("protectedRangeId") == range_id:
                sheet.protected_ranges.remove(pr)
                return
    raise ApiError(
        400,
        "INVALID_ARGUMENT",
        f"Invalid requests[0].deleteProtectedRange: No protected range with id: {range_id}",
    )


def batch_update(book: Spreadsheet, body: dict, next_id: Any) -> dict:
    """Apply every request in order; all or none, like the real service."""
    saved = (copy.deepcopy(book.sheets), book.title)
    try:
        return _batch_update(book, body, next_id)
    except (ApiError, KeyError, ValueError, TypeError):
        book.sheets, book.title = saved
        raise


def _batch_update(book: Spreadsheet, body: dict, next_id: Any) -> dict:
    replies = []
    for i, request in enumerate(body.get("requests", [])):
        ((kind, req),) = request.items()
        if kind == "addSheet":
            replies.append(_add_sheet(book, req, next_id))
        elif kind == "deleteSheet":
            sheet = _sheet(book, req.get("sheetId"))
            if len(book.sheets) == 1:
                raise ApiError(
                    400,
                    "INVALID_ARGUMENT",
                    "Invalid requests[0].deleteSheet: You "
                    "can't remove all the sheets in a document.",
                )
            book.sheets.remove(sheet)
            replies.append({})
        elif kind == "updateSheetProperties":
            replies.append(_update_sheet_properties(book, req))
        elif kind == "updateSpreadsheetProperties":
            book.title = req.get("properties", {}).get("title", book.title)
            replies.append({})
        elif kind == "setDataValidation":
            where = _range_of(book, req["range"])
            where["sheet"].validations.append({"range": where["range"], "rule": req.get("rule")})
            replies.append({})
        elif kind == "addProtectedRange":
            replies.append(_add_protected_range(book, req, next_id))
        elif kind == "deleteProtectedRange":
            _delete_protected_range(book, req.get("protectedRangeId"))
            replies.append({})
        elif kind in (
            "repeatCell",
            "updateBorders",
            "updateDimensionProperties",
            "autoResizeDimensions",
        ):
            target = req.get("range") or req.get("dimensions") or {}
            _range_of(book, target)["sheet"].formats.append({kind: req})
            replies.append({})
        else:
            raise ApiError(
                400,
                "INVALID_ARGUMENT",
                f'Invalid JSON payload received. Unknown name "{kind}" at '
                f"'requests[{i}]': Cannot find field.",
            )
    return {"spreadsheetId": book.spreadsheet_id, "replies": replies}
