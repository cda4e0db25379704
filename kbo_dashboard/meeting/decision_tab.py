"""Problems in the ``Decision`` tab, each at its cell, in Thai and English.

Anyone who can edit the sheet can type into the ``Decision`` tab. The decisions the app reads
from it (:func:`~kbo_dashboard.meeting.decision.decisions_from_rows`) skip a row it cannot read,
and only a row the app signed for this sheet can be final. This module says what was set
aside and where: a row that is not a readable decision (no ID, no product, a time that is not
a time), and a decision ID seen in more than one row (a copy, or a row typed under the ID of
another). Both are warnings: the app ignores the unreadable row, and of the rows under one ID
only one the app signed can count.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kbo_dashboard.intake.issues import WARNING, Issue, make_issue
from kbo_dashboard.meeting.decision import decision_from_row
from kbo_dashboard.sources.layout import DECISION, a1

if TYPE_CHECKING:
    from kbo_dashboard.sources.source import Cell, Rows


def _blank(row: list[Cell]) -> bool:
    return all(cell is None or not str(cell).strip() for cell in row)


def decision_tab_issues(rows: Rows | None, tab: str | None = None) -> list[Issue]:
    """The tab's unreadable rows and repeated decision IDs (none for a missing or empty tab).
    ``tab`` is the tab's name as the sheet spells it. Never raises, whatever the cells hold."""
    tab = tab or DECISION
    if not rows:
        return []
    header = [str(h).strip() for h in rows[0]]
    id_col = header.index("decision_id") if "decision_id" in header else 0
    issues: list[Issue] = []
    seen: dict[str, list[int]] = {}
    for index, row in enumerate(rows[1:], start=1):
        row = list(row)
        if _blank(row):
            continue
        found = decision_from_row(header, row)
        if found is None:
            issues.append(
                make_issue(
                    WARNING,
                    "decision_row_unreadable",
                    tab=tab,
                    cell=a1(index, 0),
                    action="decision_row_unreadable",
                    row=index + 1,
                )
            )
            continue
        seen.setdefault(found.decision_id, []).append(index)
    for decision_id, at in seen.items():
        if len(at) < 2:
            continue
        cells = ", ".join(f"{tab}!{a1(i, id_col)}" for i in at)
        issues.append(
            make_issue(
                WARNING,
                "decision_id_repeated",
                tab=tab,
                cell=a1(at[0], id_col),
                action="decision_id_repeated",
                id=decision_id,
                n=len(at),
                cells=cells,
            )
        )
    return issues
