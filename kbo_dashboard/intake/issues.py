"""Data issues: every problem the app finds, with where it is and what the app did about it.

An :class:`Issue` is one row of the Data issues page and of the issues CSV. Messages are
rendered from the catalogue in both languages at the moment the issue is found.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import TypedDict

import pandas as pd

from kbo_dashboard.i18n import both, t

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)

ISSUE_COLUMNS = [
    "severity",
    "tab",
    "cell",
    "judge_id",
    "product_id",
    "code",
    "message_th",
    "message_en",
    "action_th",
    "action_en",
]


class Where(TypedDict):
    """A cell an issue is about, as :func:`make_issue`'s keyword arguments (``**where``)."""

    tab: str
    cell: str


@dataclass(frozen=True)
class Issue:
    severity: str
    code: str
    tab: str
    cell: str
    judge_id: str
    product_id: str
    message_th: str
    message_en: str
    action_th: str
    action_en: str

    @property
    def where(self) -> str:
        """``Tab!A1`` (or just the tab), as a spreadsheet user would write it."""
        return f"{self.tab}!{self.cell}" if self.cell else self.tab

    def place(self, lang: str = "th") -> str:
        """Where, as a person reads it (:func:`place`): ``J05!C7`` or ``J05 แถว 10``."""
        return place(self.tab, self.cell, lang)


_WHOLE_ROW = re.compile(r"^(\d+):\1$")


def cell_label(cell: str, lang: str = "th") -> str:
    """A cell as a person reads it: ``C7``, or ``แถว 10`` / ``row 10`` for the whole row 10:10."""
    row = _WHOLE_ROW.match(str(cell or ""))
    return t("where.row", lang, row=row[1]) if row else str(cell or "")


def place(tab: str, cell: str, lang: str = "th") -> str:
    """The one way an issue's place is written, on the Data issues page, in the CSV and the PDF:
    ``J05!C7``, ``J05 แถว 10`` / ``J05 row 10`` for a whole row (not ``J05!10:10``), or the tab."""
    if not cell:
        return str(tab)
    label = cell_label(cell, lang)
    return f"{tab} {label}" if label != cell else f"{tab}!{cell}"


def make_issue(
    severity: str,
    code: str,
    *,
    tab: str,
    cell: str = "",
    judge_id: str = "",
    product_id: str = "",
    action: str,
    action_params: dict | None = None,
    **params: object,
) -> Issue:
    """An issue with message ``issue.<code>`` and action ``action.<action>`` from the catalogue."""
    message_th, message_en = both(f"issue.{code}", tab=tab, **params)
    action_th, action_en = both(f"action.{action}", **(action_params or {}))
    return Issue(
        severity,
        code,
        tab,
        cell,
        judge_id,
        product_id,
        message_th,
        message_en,
        action_th,
        action_en,
    )


def issues_frame(issues: list[Issue]) -> pd.DataFrame:
    """Issues as a table, errors first, then by tab and row order as found."""
    frame = pd.DataFrame([asdict(i) for i in issues], columns=ISSUE_COLUMNS)
    order = {s: n for n, s in enumerate(SEVERITIES)}
    frame["_order"] = frame["severity"].map(order)
    frame = frame.sort_values("_order", kind="stable").drop(columns="_order")
    return frame.reset_index(drop=True)


def count_by_severity(issues: list[Issue]) -> dict[str, int]:
    counts = {s: 0 for s in SEVERITIES}
    for issue in issues:
        counts[issue.severity] = counts.get(issue.severity, 0) + 1
    return counts
