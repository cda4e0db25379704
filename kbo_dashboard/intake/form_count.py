"""Which Google Form submissions count, and the checks on their cells.

Used by :mod:`kbo_dashboard.intake.form_responses`, which finds the responses tab and groups its
rows by judge and product. Here: the latest submission counts and the earlier ones become
history rows (old value, the value that replaced it, when); a product also scored in the judge's
tab is an error naming both cells; each counted cell is checked as in a judge's tab.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kbo_dashboard.intake.cells import format_number, read_score
from kbo_dashboard.intake.issues import ERROR, INFO, WARNING, make_issue
from kbo_dashboard.intake.score_tabs import cell_problem
from kbo_dashboard.sources import layout as L

HISTORY_COLUMNS = [
    "at",
    "judge_id",
    "product_id",
    "criterion_id",
    "old_value",
    "new_value",
    "where",
]


@dataclass
class FormReading:
    """What the responses tab adds: score cells and rows shaped like the score tabs' ones."""

    tab: str | None = None
    scores: list[tuple] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    replaces: set[tuple[str, str]] = field(default_factory=set)  # empty tab rows to drop
    history: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=HISTORY_COLUMNS))


@dataclass(frozen=True)
class Submission:
    r: int
    at: dt.datetime | None
    row: list[Any]


def _order(sub: Submission) -> tuple:
    """Latest last: by timestamp (an unreadable one sorts by row among the rest), then row."""
    stamp = sub.at.timestamp() if sub.at is not None else float("-inf")
    return (stamp, sub.r)


def count_submissions(tab, groups, columns, parts, issues, tab_scores, tab_rows) -> FormReading:
    """The latest submission per (judge, product) counts; see :mod:`form_responses`."""
    out = FormReading(tab)
    filled_in_tab = {(r[0], r[1]): r for r in tab_rows if r[4] > 0}
    empty_in_tab = {(r[0], r[1]) for r in tab_rows if r[4] == 0}
    first_cell: dict[tuple[str, str], str] = {}
    for s in tab_scores:
        first_cell.setdefault((s[0], s[1]), f"{s[4]}!{s[5]}")
    maxima = dict(zip(parts["criteria"]["criterion_id"], parts["criteria"]["max_score"]))
    history = []
    for (judge, product), subs in groups.items():
        subs = sorted(subs, key=_order)
        latest = subs[-1]
        where = {"tab": tab, "judge_id": judge, "product_id": product}
        for old, new in zip(subs, subs[1:]):
            history += _replaced(old, new, columns, judge, product, tab)
        if (judge, product) in filled_in_tab:
            row = filled_in_tab[(judge, product)]
            other = first_cell.get((judge, product), f"{row[2]}!{row[3]}:{row[3]}")
            issues.append(
                make_issue(
                    ERROR,
                    "form_and_tab",
                    cell=f"{latest.r + 1}:{latest.r + 1}",
                    other=other,
                    judge=judge,
                    product=product,
                    action="form_response_ignored",
                    **where,
                )
            )
            continue
        if (judge, product) in empty_in_tab:
            out.replaces.add((judge, product))
        _row(out, latest, columns, maxima, parts["conflicts"], where, issues)
    if history:
        out.history = pd.DataFrame(history, columns=HISTORY_COLUMNS)
    form_judges = {judge for judge, _ in groups}
    issues[:] = [
        i for i in issues if not (i.code == "judge_tab_missing" and i.judge_id in form_judges)
    ]
    return out


def _replaced(old: Submission, new: Submission, columns, judge, product, tab) -> list[list]:
    """One history row per criterion of an earlier submission, replaced by the next one."""
    at = new.at or old.at
    if at is None:
        return []
    rows = []
    for cid, c in columns.items():
        before = old.row[c] if c < len(old.row) else ""
        after = new.row[c] if c < len(new.row) else ""
        rows.append(
            [
                at.astimezone(dt.UTC),
                judge,
                product,
                cid,
                before,
                after,
                f"{tab}!{old.r + 1}:{old.r + 1}",
            ]
        )
    return rows


def _row(out: FormReading, sub: Submission, columns, maxima, conflicts, where, issues) -> None:
    """Check the latest submission's cells like a score tab's row, and keep the valid ones."""
    judge, product = where["judge_id"], where["product_id"]
    filled = valid = 0
    for cid, c in columns.items():
        reading = read_score(sub.row[c] if c < len(sub.row) else "")
        if reading.kind == "blank":
            continue
        filled += 1
        cell = L.a1(sub.r, c)
        problem = cell_problem(reading, maxima[cid])
        if problem is not None:
            code, extra = problem
            issues.append(
                make_issue(
                    ERROR,
                    code,
                    cell=cell,
                    value=reading.raw,
                    action="cell_ignored",
                    **extra,
                    **where,
                )
            )
            continue
        assert reading.value is not None  # cell_problem passed it: it reads as a number
        if reading.kind == "converted":
            issues.append(
                make_issue(
                    INFO,
                    reading.note,
                    cell=cell,
                    value=reading.raw,
                    number=format_number(reading.value),
                    action="converted",
                    **where,
                )
            )
        valid += 1
        out.scores.append((judge, product, cid, reading.value, where["tab"], cell))
    n = len(maxima)
    line = f"{sub.r + 1}:{sub.r + 1}"
    if 0 < filled < n:
        issues.append(
            make_issue(
                WARNING,
                "partial_row",
                cell=line,
                filled=filled,
                total=n,
                action="row_not_counted",
                **where,
            )
        )
    conflict = conflicts.get((judge, product))
    if conflict is not None and filled:
        issues.append(
            make_issue(
                WARNING,
                "conflict_scored",
                cell=line,
                reason=conflict or "-",
                action="score_ignored",
                **where,
            )
        )
    complete = valid == n and len(columns) == n
    out.rows.append(
        (judge, product, where["tab"], sub.r + 1, filled, valid, complete, conflict is not None, "")
    )
