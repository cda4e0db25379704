"""Where the chair's decisions are kept: the sheet's ``Decision`` tab or a local SQLite file.

``Decision`` tab of the Google Sheet (:class:`SheetDecisionStore`, rows appended, never
overwritten) or a local SQLite file (:class:`LocalDecisionStore`, an append-only table) for the
demo and .xlsx sources; :func:`decision_store` picks. ``history()`` is oldest first and the last
entry is the final decision. A decision changes only by recording a new one. A failed write
raises :class:`~kbo_dashboard.meeting.decision.DecisionWriteError`, saying what to do.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeAlias, cast

from kbo_dashboard.i18n import both
from kbo_dashboard.meeting.decision import (
    HEADER,
    Decision,
    DecisionWriteError,
    decision_from_row,
    decision_row,
    decisions_from_rows,
    dedupe,
)

# DATA_DIR_ENV and default_data_dir stay importable from here for the UI.
from kbo_dashboard.meeting.sqlite_store import (  # noqa: F401
    DATA_DIR_ENV,
    connected,
    data_file,
    default_data_dir,
)

if TYPE_CHECKING:
    from gspread import Spreadsheet, Worksheet

    from kbo_dashboard.sources.source import Cell, Rows, Source

DB_NAME = "decisions.sqlite3"


# --- stores ---------------------------------------------------------------------------------
class LocalDecisionStore:
    """Decisions in a SQLite file; the table refuses UPDATE and DELETE."""

    kind = "local"

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        columns = ", ".join(f"{name} TEXT" for name in HEADER if name != "decision_id")
        schema = f"""
            CREATE TABLE IF NOT EXISTS decisions (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, decision_id TEXT UNIQUE, {columns});
            CREATE TRIGGER IF NOT EXISTS decisions_no_update BEFORE UPDATE ON decisions
                BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
            CREATE TRIGGER IF NOT EXISTS decisions_no_delete BEFORE DELETE ON decisions
                BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
            """
        with connected(self.path, timeout=5, schema=schema) as con:
            # A store made by an earlier version lacks newer columns (open_points, signature):
            # add them, empty for the old rows. ADD COLUMN changes no row, so the triggers
            # allow it.
            have = {row[1] for row in con.execute("PRAGMA table_info(decisions)")}
            for name in HEADER:
                if name not in have:
                    # Another process may have added it meanwhile.
                    with contextlib.suppress(sqlite3.OperationalError):
                        con.execute(f"ALTER TABLE decisions ADD COLUMN {name} TEXT")
            yield con

    def append(self, decision: Decision) -> None:
        row = decision_row(decision)
        marks = ", ".join("?" for _ in HEADER)
        try:
            with self._connect() as con, con:
                con.execute(
                    f"INSERT OR IGNORE INTO decisions ({', '.join(HEADER)}) VALUES ({marks})",
                    [str(v) for v in row],
                )
        except (sqlite3.Error, OSError):
            raise _write_error("local", "decision.reason.local") from None

    def history(self) -> list[Decision]:
        try:
            with self._connect() as con:
                rows = con.execute(f"SELECT {', '.join(HEADER)} FROM decisions ORDER BY seq")
                found = [decision_from_row(HEADER, list(r)) for r in rows]
        except (sqlite3.Error, OSError):
            raise _write_error("read", "decision.reason.local") from None
        return dedupe(d for d in found if d is not None)


class SheetDecisionStore:
    """Decisions as rows of the spreadsheet's ``Decision`` tab, appended, never overwritten.

    ``spreadsheet`` is a gspread ``Spreadsheet`` or a function returning one (opened on first
    use, so building the store makes no request).
    """

    kind = "google"

    def __init__(self, spreadsheet: Spreadsheet | Callable[[], Spreadsheet], tab: str = "Decision"):
        self._spreadsheet = spreadsheet
        self.tab = tab

    def _book(self) -> Spreadsheet:
        book = self._spreadsheet
        if callable(book) and not hasattr(book, "worksheet"):
            book = self._spreadsheet = book()
        return cast("Spreadsheet", book)  # opened by now

    def _worksheet(self, create: bool) -> Worksheet | None:
        from gspread.exceptions import APIError, WorksheetNotFound
        from gspread.utils import ValueInputOption

        book = self._book()
        try:
            return book.worksheet(self.tab)
        except WorksheetNotFound:
            if not create:
                return None
        try:
            sheet = book.add_worksheet(self.tab, rows=100, cols=len(HEADER))
        except APIError as exc:  # made meanwhile: by another window, or by our own request
            if exc.response.status_code != 400:  # whose answer was lost and was retried
                raise
            sheet = book.worksheet(self.tab)
            if sheet.row_values(1):
                return sheet
        # Written to a known place, so a retried write never adds a second header.
        sheet.update(values=[HEADER], range_name="A1", value_input_option=ValueInputOption.raw)
        return sheet

    def append(self, decision: Decision) -> None:
        """Write ``decision`` once. An append is not safe to repeat (a write that landed but
        whose answer was lost would be appended again), so each attempt first reads the tab
        and appends only when the decision's ID is not there yet; the client's retry policy
        repeats that whole step, never the bare append."""
        try:
            sheet = self._worksheet(create=True)
            assert sheet is not None  # create=True: found or made
            retry = getattr(getattr(sheet, "client", None), "call", None)
            step = lambda: self._append_once(sheet, decision)  # noqa: E731
            retry(step) if callable(retry) else step()
        except Exception as exc:  # noqa: BLE001 - every failure is reported the same way
            raise _sheet_error("sheet", exc) from None

    def _append_once(self, sheet: Worksheet, decision: Decision) -> None:
        from gspread.utils import InsertDataOption, ValueInputOption

        rows = sheet.get_values()
        if held(rows, decision.decision_id):
            return  # an earlier attempt landed
        _ensure_header(sheet, rows[0] if rows else [])
        sheet.append_row(
            decision_row(decision),
            value_input_option=ValueInputOption.raw,
            insert_data_option=InsertDataOption.insert_rows,
            table_range="A1",
        )

    def history(self) -> list[Decision]:
        try:
            sheet = self._worksheet(create=False)
            rows = sheet.get_values() if sheet is not None else []
        except Exception as exc:  # noqa: BLE001
            raise _sheet_error("read", exc) from None
        return decisions_from_rows(rows)


def _ensure_header(sheet: Worksheet, first_row: list[Cell]) -> None:
    """Add the header cells a Decision tab made by an earlier version lacks (``scores_digest``)
    after its last column, widening the tab if needed: each row is read by its header, so old
    rows keep their meaning and the new row's cells land under their names."""
    from gspread.utils import ValueInputOption

    header = [str(h).strip() for h in first_row]
    missing = [name for name in HEADER if name not in header]
    if not header or not missing:
        return
    if header[: len(HEADER) - len(missing)] != [n for n in HEADER if n not in missing]:
        return  # not a header this app wrote: leave it (the rows are read by name anyway)
    width = len(header) + len(missing)
    if sheet.col_count < width:
        sheet.add_cols(width - sheet.col_count)
    sheet.update([missing], f"{_column(len(header) + 1)}1", value_input_option=ValueInputOption.raw)


def _column(number: int) -> str:
    """A1 column letters of a 1-based column number (17 -> Q)."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def held(rows: Rows, decision_id: str) -> bool:
    """Whether the tab's ``rows`` (header first) hold a row with ``decision_id``."""
    if not rows:
        return False
    header = [str(h).strip() for h in rows[0]]
    column = header.index("decision_id") if "decision_id" in header else 0
    return any(len(row) > column and str(row[column]).strip() == decision_id for row in rows[1:])


def _write_error(where: str, reason_key: str, **params: object) -> DecisionWriteError:
    reason_th, reason_en = both(reason_key, **params)
    key = {"local": "decision.write_failed.local", "sheet": "decision.write_failed.sheet"}.get(
        where, "decision.read_failed"
    )
    return DecisionWriteError(both(key, reason=reason_en)[1], both(key, reason=reason_th)[0])


def _sheet_error(where: str, exc: BaseException) -> DecisionWriteError:
    from gspread.exceptions import APIError

    last = getattr(exc, "last", exc)  # google_http.GaveUp keeps the last failure
    if isinstance(last, PermissionError):  # gspread's open_by_key turns 403 into this
        return _write_error(where, "decision.reason.permission")
    if isinstance(last, APIError):
        status = last.response.status_code
        if status in (401, 403):
            return _write_error(where, "decision.reason.permission")
        return _write_error(where, "decision.reason.server", status=status)
    return _write_error(where, "decision.reason.unreachable")


#: Either store: both have ``kind``, ``append`` and ``history``.
DecisionStore: TypeAlias = "LocalDecisionStore | SheetDecisionStore"


class WritableSource(Protocol):
    """A Google source (:class:`~kbo_dashboard.sources.google_source.GoogleSheetSource`)."""

    def open_for_writing(self) -> Spreadsheet: ...


def decision_store(
    source: Source,
    data_dir: str | os.PathLike | None = None,
    *,
    spreadsheet_factory: Callable[[], Spreadsheet] | None = None,
) -> DecisionStore:
    """The Sheet store for a Google source, else the local store in ``data_dir``."""
    if getattr(source, "kind", None) == "google":
        google = cast(WritableSource, source)
        return SheetDecisionStore(spreadsheet_factory or (lambda: _open_spreadsheet(google)))
    return LocalDecisionStore(data_file(DB_NAME, data_dir))


def _open_spreadsheet(source: WritableSource) -> Spreadsheet:
    """The source's spreadsheet through gspread, with write access (``spreadsheets`` scope)."""
    return source.open_for_writing()
