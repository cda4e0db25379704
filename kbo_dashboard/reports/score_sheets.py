"""Per-judge score sheets, แบบให้คะแนนรายกรรมการ: one printable A4 page per judge.

Each page is the paper record a member signs: the judge's name, sector and tab, then one row per
product with the scores they gave for each criterion and their total (a conflict is marked and
left blank), and a signature line at the foot. Draft and demo marks as on every report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from kbo_dashboard.i18n import t
from kbo_dashboard.reports import common as rc
from kbo_dashboard.reports.pdf import new_document
from kbo_dashboard.reports.pdf_document import BODY, LINE, SMALL
from kbo_dashboard.reports.signatures import DOTS, sector_name
from kbo_dashboard.reports.status import report_status
from kbo_dashboard.scoring.counts import format_score


def judge_rows(comp: Any, judge_id: str, lang: str) -> list[list[str]]:
    """One row per product: ID, name, each criterion's score, the total (or the conflict)."""
    scores = comp.scores[comp.scores["judge_id"] == judge_id]
    given = {(r.product_id, r.criterion_id): r.score for r in scores.itertuples()}
    conflicts = set(comp.conflicts.loc[comp.conflicts["judge_id"] == judge_id, "product_id"])
    rows = []
    for product in comp.products.itertuples():
        if product.product_id in conflicts:
            marks = [""] * len(comp.criterion_ids) + [t("sheets.conflict", lang)]
        else:
            values = [given.get((product.product_id, c)) for c in comp.criterion_ids]
            total = (
                sum(v for v in values if v is not None)
                if any(v is not None for v in values)
                else None
            )
            marks = [_score(v) for v in values] + [_score(total)]
        rows.append([product.product_id, product.product_name, *marks])
    return rows


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


def _score(value: Any) -> str:
    text = format_score(value)
    return text[:-3] if text.endswith(".00") else text  # judges type whole numbers


def build_score_sheets(
    comp: Any,
    results: Any = None,
    decisions: Iterable[Any] | None = (),
    lang: str = "th",
    *,
    demo: bool = False,
    now: dt.datetime | None = None,
) -> bytes:
    """Every judge's score sheet as PDF bytes, one page each."""
    pdf = new_document(comp, lang, report_status(decisions, demo), now)
    pdf.set_title(t("sheets.title", lang))
    criteria = [rc.criterion_label(r, lang) for _, r in comp.criteria.iterrows()]
    maxima = [f"{m:g}" for m in comp.criteria["max_score"]]
    headers = [t("col.product_id", lang), t("col.product_name", lang)]
    headers += [f"{c} ({m})" for c, m in zip(criteria, maxima)] + [t("sheets.total", lang)]
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
        rows = judge_rows(comp, judge.judge_id, lang)
        for columns, last in column_groups(len(criteria)):
            n_scores = len(columns) - 2 - last  # criteria in this table
            widths = [14, 50] + [16] * n_scores + ([22] if last else [])
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
