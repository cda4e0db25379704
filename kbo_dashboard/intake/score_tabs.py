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

import numpy as np
import pandas as pd

from kbo_dashboard.intake.cells import CellReading, cell_text, format_number, is_blank, read_score
from kbo_dashboard.intake.issues import ERROR, INFO, WARNING, Issue, make_issue
from kbo_dashboard.intake.score_block import BLANK, INVALID, SLOW, VALID, classify, grid
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
    if reading.value is None:  # blank: nothing to count, nothing wrong
        return None
    if reading.value < 0:
        return "negative", {}
    if reading.value > maximum:
        return "above_max", {"max": format_number(maximum)}
    return None


@dataclass(frozen=True)
class TabLayout:
    """Where things are in one score tab: header row, product, comment and criterion columns."""

    at: int
    product_col: int
    comment_col: int | None
    columns: dict[str, int]


def tab_layout(
    rows: Rows,
    criteria: pd.DataFrame,
    tab: str,
    judge_id: str,
    issues: list[Issue],
    memo: dict | None = None,
) -> TabLayout | None:
    """The tab's layout; a missing product or criterion column becomes an issue.

    ``memo`` keeps the columns found per header, as most tabs share one header.
    """
    at = header_row(rows)
    if at is None:
        issues.append(
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
        return None
    header = rows[at]
    key = (at, tuple(map(str, header)))
    found = None if memo is None else memo.get(key)
    if found is None:
        columns = criterion_columns(header, criteria)
        missing = [c for c in criteria["criterion_id"] if c not in columns]
        found = (columns, _column(header, L.PRODUCT_ID), _column(header, L.COMMENT), missing)
        if memo is not None:
            memo[key] = found
    columns, product_col, comment_col, missing = found
    assert product_col is not None  # header_row chose this row for its product_id column
    for cid in missing:
        issues.append(
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
    return TabLayout(at, product_col, comment_col, dict(columns))


@dataclass
class ReaderSetup:
    """What a score-tab reader is given: the rubric, the products, conflicts, the issue list."""

    criteria: pd.DataFrame
    known_products: set[str]
    conflicts: dict[tuple[str, str], str]
    issues: list[Issue]


@dataclass
class ScoreTabReader(ReaderSetup):
    """Reads judges' score tabs column by column into valid score cells and per-row status.

    Clean numbers are read as arrays (:mod:`kbo_dashboard.intake.score_block`); only a cell that
    needs a message is read on its own, so the issues are the ones the per-cell reader found.
    """

    _scores: list[dict] = field(default_factory=list)
    _rows: list[dict] = field(default_factory=list)
    _rejected: list[tuple] = field(default_factory=list)  # REJECTED_COLUMNS

    def __post_init__(self) -> None:
        self._maxima = dict(zip(self.criteria["criterion_id"], self.criteria["max_score"]))
        self._memo: dict = {}
        self._by_judge: dict[str, dict[str, str]] = {}
        for (judge_id, pid), reason in self.conflicts.items():
            self._by_judge.setdefault(judge_id, {})[pid] = reason

    def read(self, rows: Rows, tab: str, judge_id: str) -> None:
        """Read one judge's tab. Never raises on bad content."""
        layout = tab_layout(rows, self.criteria, tab, judge_id, self.issues, self._memo)
        if layout is None:
            return
        cids = list(layout.columns)
        cols = [layout.columns[c] for c in cids]
        width = max([layout.product_col, layout.comment_col or 0, *cols]) + 1
        cells = grid(rows[layout.at + 1 :], width)
        first = layout.at + 1  # sheet row index of cells[0]
        pids = _texts(cells[:, layout.product_col])
        block = cells[:, cols]
        events: list[tuple[int, int, Issue]] = []  # (row, step, issue): sorted into sheet order

        def note(i: int, step: int, severity: str, code: str, cell: str, **params) -> None:
            issue = make_issue(
                severity, code, tab=tab, cell=cell, judge_id=judge_id, product_id=pids[i], **params
            )
            events.append((i, step, issue))

        counted: list[int] = []
        seen: set[str] = set()
        known = self.known_products
        for i, pid in enumerate(pids):
            if pid and pid in known and pid not in seen:
                seen.add(pid)
                counted.append(i)
                continue
            cell = L.a1(first + i, layout.product_col)
            if not pid:
                if any(not is_blank(v) for v in block[i]):
                    note(i, 0, ERROR, "blank_id", cell, action="row_skipped")
            elif pid not in known:
                note(i, 0, WARNING, "unknown_product", cell, id=pid, action="row_skipped")
            else:
                note(i, 0, ERROR, "duplicate_product_row", cell, id=pid, action="first_row_kept")

        idx = np.array(counted, dtype=int)
        maxima = np.array([self._maxima[c] for c in cids], dtype=float)
        status, values = classify(block[idx], maxima)
        letters = [L.column_letter(c) for c in cols]
        for k, j in zip(*np.nonzero(status == SLOW)):
            reading = read_score(block[idx[k], j])
            if reading.kind == "blank":
                status[k, j] = BLANK
                continue
            i, cell = idx[k], f"{letters[j]}{first + idx[k] + 1}"
            problem = cell_problem(reading, self._maxima[cids[j]])
            if problem is not None:
                code, extra = problem
                status[k, j] = INVALID
                self._rejected.append((judge_id, pids[i], cids[j], reading.raw, tab, cell))
                note(i, 1, ERROR, code, cell, value=reading.raw, action="cell_ignored", **extra)
                continue
            assert reading.value is not None  # cell_problem passed it: it reads as a number
            if reading.kind == "converted":
                number = format_number(reading.value)
                note(i, 1, INFO, reading.note, cell, value=reading.raw, number=number,
                     action="converted")  # fmt: skip
            status[k, j], values[k, j] = VALID, reading.value

        n = len(self.criteria)
        filled = (status != BLANK).sum(axis=1)
        valid = (status == VALID).sum(axis=1)
        conflicts = self._by_judge.get(judge_id, {})
        partial = (filled > 0) & (filled < n)
        declared = np.array([pids[i] in conflicts for i in counted], dtype=bool)
        for k in np.flatnonzero(partial | (declared & (filled > 0))):
            i, whole_row = counted[k], f"{first + counted[k] + 1}:{first + counted[k] + 1}"
            if partial[k]:
                note(i, 2, WARNING, "partial_row", whole_row, filled=int(filled[k]), total=n,
                     action="row_not_counted")  # fmt: skip
            if declared[k] and filled[k]:
                reason = conflicts[pids[i]] or "-"
                note(i, 3, WARNING, "conflict_scored", whole_row, reason=reason,
                     action="score_ignored")  # fmt: skip
        events.sort(key=lambda e: (e[0], e[1]))
        self.issues.extend(issue for *_, issue in events)

        counted_pids = np.array([pids[i] for i in counted], dtype=object)
        sheet_rows = idx + first + 1
        kk, jj = np.nonzero(status == VALID)
        row_text = sheet_rows.astype(str).astype(object)
        self._scores.append(
            {
                "judge_id": _repeat(judge_id, len(kk)),
                "product_id": counted_pids[kk],
                "criterion_id": np.array(cids, dtype=object)[jj],
                "score": values[kk, jj],
                "tab": _repeat(tab, len(kk)),
                "cell": np.array(letters, dtype=object)[jj] + row_text[kk],
            }
        )
        comment_col = layout.comment_col
        comments = _texts(cells[idx, comment_col]) if comment_col is not None else []
        self._rows.append(
            {
                "judge_id": _repeat(judge_id, len(idx)),
                "product_id": counted_pids,
                "tab": _repeat(tab, len(idx)),
                "row": sheet_rows,
                "filled": filled,
                "valid": valid,
                "complete": (valid == n) & (len(cids) == n),
                "conflict": declared,
                "comment": np.array(comments or [""] * len(idx), dtype=object),
            }
        )

    def frames(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(scores, rows): every valid score cell, and each counted row's status."""
        return _frame(self._scores, SCORE_COLUMNS, {"score": float}), _frame(
            self._rows, ROW_COLUMNS, ROW_TYPES
        )

    def rejected(self) -> pd.DataFrame:
        """Every score cell that could not count, with the text it holds (REJECTED_COLUMNS)."""
        return pd.DataFrame(self._rejected, columns=REJECTED_COLUMNS, dtype=object)

    @property
    def scores(self) -> list[tuple]:
        """The valid score cells as tuples in SCORE_COLUMNS order (for code that reads tuples)."""
        return _tuples(self._scores, SCORE_COLUMNS)

    @property
    def rows(self) -> list[tuple]:
        """Each counted row's status as tuples in ROW_COLUMNS order."""
        return _tuples(self._rows, ROW_COLUMNS)


SCORE_COLUMNS = ["judge_id", "product_id", "criterion_id", "score", "tab", "cell"]
#: A rejected score cell: where it is and its text as typed ("30", "ดีมาก", "#REF!").
REJECTED_COLUMNS = ["judge_id", "product_id", "criterion_id", "raw", "tab", "cell"]
ROW_COLUMNS = [
    "judge_id",
    "product_id",
    "tab",
    "row",
    "filled",
    "valid",
    "complete",
    "conflict",
    "comment",
]
# Typed even when empty, so boolean masks work on a workbook with no score rows yet.
ROW_TYPES = {"row": int, "filled": int, "valid": int, "complete": bool, "conflict": bool}


def _texts(cells: np.ndarray) -> list[str]:
    """:func:`cell_text` of each cell, with plain text and blanks taken the short way."""
    return [v.strip() if type(v) is str else "" if v is None else cell_text(v) for v in cells]


def _repeat(text: str, n: int) -> np.ndarray:
    out = np.empty(n, dtype=object)
    out.fill(text)
    return out


def _tuples(parts: list[dict], columns: list[str]) -> list[tuple]:
    return [t for p in parts for t in zip(*(p[c].tolist() for c in columns))]


def _frame(parts: list[dict], columns: list[str], types: dict) -> pd.DataFrame:
    if not parts:
        return pd.DataFrame(columns=columns).astype(types)
    data = {c: np.concatenate([p[c] for p in parts]) for c in columns}
    return pd.DataFrame(data, columns=columns).astype(types)
