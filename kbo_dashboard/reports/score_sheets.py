"""Per-judge score sheets, แบบให้คะแนนรายกรรมการ: one printable A4 page per judge.

Each page is the paper record a member signs: the judge's name, sector and tab, then one row per
product with the scores they gave for each criterion and the total scoring counts (weighted to
100), or "ไม่นับ" and why for a row that does not count (a declared conflict left blank is
marked), and a signature line at the foot. Draft and demo marks as on every report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kbo_dashboard.i18n import t
from kbo_dashboard.reports import common as rc
from kbo_dashboard.reports.pdf import new_document
from kbo_dashboard.reports.pdf_document import BODY, LINE, SMALL
from kbo_dashboard.reports.signatures import DOTS, sector_name
from kbo_dashboard.reports.status import report_status
from kbo_dashboard.scoring.counts import format_score
from kbo_dashboard.scoring.row_totals import row_totals

if TYPE_CHECKING:
    from kbo_dashboard.intake.parse import Competition
    from kbo_dashboard.meeting.decision import Decision
    from kbo_dashboard.scoring.scoring import Results


def judge_rows(
    comp: Competition, judge_id: str, lang: str, rows: dict | None = None
) -> list[list[str]]:
    """One row per product: ID, name, each criterion's cell, then the total scoring counts.

    The total is :func:`~kbo_dashboard.scoring.row_totals.row_totals`' (weighted to 100, the
    one the screen ranks on). A row that does not count says "ไม่นับ" and why, with the cell;
    a rejected cell shows the text the judge typed. ``rows``: ``row_totals(comp)`` if built.
    """
    rows = row_totals(comp) if rows is None else rows
    scores = comp.scores[comp.scores["judge_id"] == judge_id]
    given = {(r.product_id, r.criterion_id): r.score for r in scores.itertuples()}
    rejected = getattr(comp, "rejected", None)
    if rejected is not None and not rejected.empty:
        mine = rejected[rejected["judge_id"] == judge_id]
        typed = dict(zip(zip(mine["product_id"], mine["criterion_id"]), mine["raw"]))
    else:
        typed = {}
    conflicts = set(comp.conflicts.loc[comp.conflicts["judge_id"] == judge_id, "product_id"])
    out = []
    for product in comp.products.itertuples():
        pid = product.product_id
        row = rows.get((judge_id, pid))
        cells = [
            _score(given[(pid, c)]) if (pid, c) in given else str(typed.get((pid, c), ""))
            for c in comp.criterion_ids
        ]
        if row is not None and row.counted:
            total = _score(row.total)
        elif row is not None and row.filled:
            total = t("sheets.not_counted", lang, why=row.why(lang) or "-")
        elif pid in conflicts:
            total = t("sheets.conflict", lang)
        else:
            total = ""
        out.append([pid, product.product_name, *cells, total])
    return out


#: The most criterion columns one table holds; more criteria continue in another table below
#: (product ID and name repeated), so a column never gets too narrow to hold a score and each
#: cell costs a bounded amount of work (1,000 criteria took 100 s in one table, issue 18).
CRITERIA_PER_TABLE = 8


def column_groups(n_criteria: int) -> list[tuple[list[int], bool]]:
    """The columns of each table of a score sheet (indexes into a :func:`judge_rows` row),
    and whether it is the last table (the one with the total and the signatures)."""
    starts = range(0, max(n_criteria, 1), CRITERIA_PER_TABLE)
    groups = []
    for start in starts:
        last = start + CRITERIA_PER_TABLE >= n_criteria
        stop = min(start + CRITERIA_PER_TABLE, n_criteria)
        columns = [0, 1, *range(2 + start, 2 + stop)] + ([2 + n_criteria] if last else [])
        groups.append((columns, last))
    return groups


def _score(value: object) -> str:
    text = format_score(value)
    return text[:-3] if text.endswith(".00") else text  # judges type whole numbers


def build_score_sheets(
    comp: Competition,
    results: Results | None = None,
    decisions: Iterable[Decision] | None = (),
    lang: str = "th",
    *,
    demo: bool = False,
    now: dt.datetime | None = None,
) -> bytes:
    """Every judge's score sheet as PDF bytes, one page each."""
    pdf = new_document(comp, lang, report_status(decisions, demo, comp, results), now)
    pdf.set_title(t("sheets.title", lang))
    criteria = [rc.criterion_label(r, lang) for _, r in comp.criteria.iterrows()]
    maxima = [f"{m:g}" for m in comp.criteria["max_score"]]
    headers = [t("col.product_id", lang), t("col.product_name", lang)]
    headers += [f"{c} ({m})" for c, m in zip(criteria, maxima)] + [t("sheets.total_100", lang)]
    counted = None if results is None or results.excluded_judges else results
    totals = row_totals(comp, counted.totals if counted is not None else None)
    for judge in comp.judges.itertuples():
        pdf.add_page()
        pdf.paragraph(t("sheets.title", lang), 16, "B", align="C", gap=0)
        pdf.paragraph(comp.settings.get("title") or t("report.title", lang), BODY, align="C", gap=3)
        pdf.facts(
            [
                (t("col.judge_name", lang), f"{judge.judge_name} ({judge.judge_id})"),
                (t("sheets.sector", lang), sector_name(judge.sector or "", lang)),
                (t("col.tab", lang), str(judge.sheet)),
                (t("report.date", lang), rc.meeting_date_text(comp, lang)),
            ],
            label_width=40,
        )
        rows = judge_rows(comp, judge.judge_id, lang, totals)
        for columns, last in column_groups(len(criteria)):
            n_scores = len(columns) - 2 - last  # criteria in this table
            widths = [14, 42] + [16] * n_scores + ([36] if last else [])  # room for "ไม่นับ"
            aligns = ["L", "L"] + ["R"] * (len(columns) - 2)
            part_rows = [[row[i] for i in columns] for row in rows]
            pdf.table_rows(
                [headers[i] for i in columns], part_rows, widths, aligns, 30 if last else 0
            )
        pdf.set_font(pdf.family, "", SMALL)
        pdf.paragraph(t("sheets.certify", lang), SMALL, gap=8)
        for text in (f"{t('report.sign.line', lang)} {DOTS}", f"({judge.judge_name})"):
            pdf.set_font(pdf.family, "", BODY)
            pdf.set_x(pdf.l_margin + pdf.epw / 2)
            pdf.cell(pdf.epw / 2, LINE + 1, text, align="C", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
