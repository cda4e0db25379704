"""Reading one judge's score tab: a row per product, a column per criterion.

Rows are matched by product_id, never by position, because judges sort and insert rows. The
header may sit under a title row (within the first five rows); criterion columns are found by
ID or either name, with a ``(25)`` style suffix ignored. Each cell is read on its own: a bad
cell becomes an issue at its A1 address and never removes another cell's valid score. A row
counts only when every criterion holds a valid number and the judge declared no conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kbo_dashboard.intake.cells import CellReading, cell_text, format_number, is_blank, read_score
from kbo_dashboard.intake.issues import ERROR, INFO, WARNING, Issue, make_issue
from kbo_dashboard.sources import layout as L
from kbo_dashboard.sources.source import Rows

_SUFFIX = re.compile(r"\(.*?\)|\[.*?\]")


def criterion_columns(header: list[Any], criteria: pd.DataFrame) -> dict[str, int]:
    """Score-tab columns per criterion, by ID or either name; ``(25)`` suffixes ignored."""
    spellings = {
        row.criterion_id: {
            L.normalise_header(s) for s in (row.criterion_id, row.name_th, row.name_en) if s
        }
        for row in criteria.itertuples()
    }
    found: dict[str, int] = {}
    for index, text in enumerate(header):
        folded = L.normalise_header(_SUFFIX.sub("", str(text or "")))
        for cid, names in spellings.items():
            if cid not in found and folded in names:
                found[cid] = index
                break
    return found


def _column(header: list[Any], column: L.Column) -> int | None:
    return next(
        (i for i, c in enumerate(header) if L.normalise_header(c) in column.spellings()), None
    )


def header_row(rows: Rows) -> int | None:
    """The first of the top five rows that has a product_id header (judges may add a title)."""
    for r, row in enumerate(rows[:5]):
        if _column(row, L.PRODUCT_ID) is not None:
            return r
    return None


def cell_problem(reading: CellReading, maximum: float) -> tuple[str, dict] | None:
    """Why a non-blank score cell cannot count: (issue code, extra message params), or None."""
    if reading.kind in ("sheet_error", "not_a_number"):
        return reading.kind, {}
    if reading.value < 0:
        return "negative", {}
    if reading.value > maximum:
        return "above_max", {"max": format_number(maximum)}
    return None


@dataclass
class ScoreTabReader:
    """Reads judges' score tabs into valid score cells and per-row status, noting issues."""

    criteria: pd.DataFrame
    known_products: set[str]
    conflicts: dict[tuple[str, str], str]
    issues: list[Issue]
    scores: list[tuple] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)

    def read(self, rows: Rows, tab: str, judge_id: str) -> None:
        """Read one judge's tab. Never raises on bad content."""
        at = header_row(rows)
        if at is None:
            self.issues.append(
                make_issue(
                    ERROR,
                    "missing_column",
                    tab=tab,
                    cell="1:1",
                    judge_id=judge_id,
                    column=f"{L.PRODUCT_ID.key} / {L.PRODUCT_ID.th}",
                    action="judge_not_counted",
                )
            )
            return
        header = rows[at]
        columns = criterion_columns(header, self.criteria)
        for cid in self.criteria["criterion_id"]:
            if cid not in columns:
                self.issues.append(
                    make_issue(
                        ERROR,
                        "missing_column",
                        tab=tab,
                        cell=f"{at + 1}:{at + 1}",
                        judge_id=judge_id,
                        column=cid,
                        action="row_not_counted",
                    )
                )
        product_col = _column(header, L.PRODUCT_ID)
        comment_col = _column(header, L.COMMENT)
        seen: set[str] = set()
        for r in range(at + 1, len(rows)):
            row = rows[r]
            pid = cell_text(row[product_col]) if product_col < len(row) else ""
            cells = {cid: (row[c] if c < len(row) else None) for cid, c in columns.items()}
            where = {"tab": tab, "judge_id": judge_id, "product_id": pid}
            cell = L.a1(r, product_col)
            if not pid:
                if any(not is_blank(v) for v in cells.values()):
                    self._note(ERROR, "blank_id", cell, where, action="row_skipped")
            elif pid not in self.known_products:
                self._note(WARNING, "unknown_product", cell, where, id=pid, action="row_skipped")
            elif pid in seen:
                self._note(
                    ERROR, "duplicate_product_row", cell, where, id=pid, action="first_row_kept"
                )
            else:
                seen.add(pid)
                comment = ""
                if comment_col is not None and comment_col < len(row):
                    comment = cell_text(row[comment_col])
                self._row(r, cells, columns, where, comment)

    def _row(self, r: int, cells: dict, columns: dict, where: dict, comment: str) -> None:
        judge_id, pid = where["judge_id"], where["product_id"]
        maxima = dict(zip(self.criteria["criterion_id"], self.criteria["max_score"]))
        filled = valid = 0
        for cid, raw in cells.items():
            reading = read_score(raw)
            if reading.kind == "blank":
                continue
            filled += 1
            cell = L.a1(r, columns[cid])
            problem = cell_problem(reading, maxima[cid])
            if problem is not None:
                code, extra = problem
                self._note(
                    ERROR, code, cell, where, value=reading.raw, action="cell_ignored", **extra
                )
                continue
            if reading.kind == "converted":
                self._note(
                    INFO,
                    reading.note,
                    cell,
                    where,
                    value=reading.raw,
                    number=format_number(reading.value),
                    action="converted",
                )
            valid += 1
            self.scores.append((judge_id, pid, cid, reading.value, where["tab"], cell))
        n = len(self.criteria)
        whole_row = f"{r + 1}:{r + 1}"
        if 0 < filled < n:
            self._note(
                WARNING,
                "partial_row",
                whole_row,
                where,
                filled=filled,
                total=n,
                action="row_not_counted",
            )
        conflict = self.conflicts.get((judge_id, pid))
        if conflict is not None and filled:
            self._note(
                WARNING,
                "conflict_scored",
                whole_row,
                where,
                reason=conflict or "-",
                action="score_ignored",
            )
        complete = valid == n and len(columns) == n
        self.rows.append(
            (
                judge_id,
                pid,
                where["tab"],
                r + 1,
                filled,
                valid,
                complete,
                conflict is not None,
                comment,
            )
        )

    def _note(self, severity: str, code: str, cell: str, where: dict, **params: Any) -> None:
        self.issues.append(make_issue(severity, code, cell=cell, **where, **params))
