"""Reading the reference tabs (Products, Judges, Criteria, Conflicts) as tables of text.

A tab becomes a :class:`Table`: its header matched to the layout's columns (Thai or English, any
order), and each non-blank record with its sheet row, so every issue can name its A1 cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kbo_dashboard.intake.cells import cell_text, is_blank
from kbo_dashboard.intake.issues import ERROR, WARNING, Issue, Where, make_issue
from kbo_dashboard.sources import layout as L
from kbo_dashboard.sources.source import RawWorkbook


@dataclass
class Table:
    """A tab read as header + records, with each record's sheet row index."""

    tab: str
    columns: dict[str, int]
    records: list[tuple[int, dict[str, str]]]


def find_columns(header: list[Any], columns: tuple[L.Column, ...]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, text in enumerate(header):
        folded = L.normalise_header(text)
        for column in columns:
            if column.key not in found and folded in column.spellings():
                found[column.key] = index
                break
    return found


def read_table(raw: RawWorkbook, tab: str, issues: list[Issue], *, required: bool) -> Table | None:
    rows = raw.tab(tab)
    name = raw.tab_name(tab) or tab
    if rows is None:
        if required:
            issues.append(make_issue(ERROR, "missing_tab", tab=tab, action="tab_ignored"))
        return None
    if not rows or all(is_blank(c) for c in rows[0]):
        issues.append(
            make_issue(ERROR if required else WARNING, "empty_tab", tab=name, action="tab_ignored")
        )
        return None
    spec = L.COLUMNS[tab]
    columns = find_columns(rows[0], spec)
    missing = [c for c in spec if c.required and c.key not in columns]
    for column in missing:
        issues.append(
            make_issue(
                ERROR,
                "missing_column",
                tab=name,
                cell="1:1",
                column=f"{column.key} / {column.th}",
                action="tab_ignored",
            )
        )
    if missing:
        return None
    records = []
    for r, row in enumerate(rows[1:], start=1):
        if all(is_blank(c) for c in row):
            continue
        values = {key: cell_text(row[i]) if i < len(row) else "" for key, i in columns.items()}
        records.append((r, values))
    return Table(name, columns, records)


def where(table: Table, r: int, column: str) -> Where:
    """Where a cell of ``table`` is, as issue fields: its tab and A1 address."""
    return {"tab": table.tab, "cell": L.a1(r, table.columns[column])}


def unique_rows(table: Table, id_key: str, issues: list[Issue], **issue_keys: str) -> list[tuple]:
    """Records with a non-blank, first-seen ID; blanks and duplicates become issues."""
    seen: set[str] = set()
    kept = []
    col = table.columns[id_key]
    for r, values in table.records:
        ident = values[id_key]
        where = Where(tab=table.tab, cell=L.a1(r, col))
        if not ident:
            issues.append(make_issue(ERROR, "blank_id", action="row_skipped", **where))
            continue
        if ident in seen:
            ids = set(issue_keys.values())  # the issue's judge_id / product_id is the ID
            issues.append(
                make_issue(
                    ERROR,
                    "duplicate_id",
                    id=ident,
                    action="first_row_kept",
                    judge_id=ident if "judge_id" in ids else "",
                    product_id=ident if "product_id" in ids else "",
                    **where,
                )
            )
            continue
        seen.add(ident)
        kept.append((r, values))
    return kept
