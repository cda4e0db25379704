"""Today's per-cell score-tab reader, kept as the reference for the columnar one.

This is :class:`kbo_dashboard.intake.score_tabs.ScoreTabReader` as it was before the columnar
parse (issue 12): every cell read on its own with :func:`read_score`. The equivalence tests
(tests/test_parse_columnar.py) and the benchmark (bench/bench_refresh.py) compare the two.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kbo_dashboard.intake.cells import cell_text, format_number, is_blank, read_score
from kbo_dashboard.intake.issues import ERROR, INFO, WARNING, make_issue
from kbo_dashboard.intake.parse import ROW_COLUMNS, ROW_TYPES, SCORE_COLUMNS, parse
from kbo_dashboard.intake.score_tabs import ReaderSetup, cell_problem, tab_layout
from kbo_dashboard.sources import layout as L
from kbo_dashboard.sources.source import Rows


@dataclass
class ReferenceScoreTabReader(ReaderSetup):
    """Reads judges' score tabs into valid score cells and per-row status, noting issues."""

    scores: list[tuple] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)

    def read(self, rows: Rows, tab: str, judge_id: str) -> None:
        """Read one judge's tab. Never raises on bad content."""
        layout = tab_layout(rows, self.criteria, tab, judge_id, self.issues)
        if layout is None:
            return
        at, product_col, comment_col, columns = (
            layout.at,
            layout.product_col,
            layout.comment_col,
            layout.columns,
        )
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

    def frames(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The valid score cells and the per-row status, as parse builds them."""
        scores = pd.DataFrame(self.scores, columns=SCORE_COLUMNS).astype({"score": float})
        return scores, pd.DataFrame(self.rows, columns=ROW_COLUMNS).astype(ROW_TYPES)


def reference_parse(raw):
    """:func:`parse` with today's per-cell score-tab reader."""
    return parse(raw, reader_class=ReferenceScoreTabReader)
