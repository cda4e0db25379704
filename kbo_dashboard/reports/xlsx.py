"""The Excel workbook for the office: the whole result in sheets a clerk can sort and print.

Sheets, in order (Thai names and headers; English with ``lang="en"``):

- Summary (สรุป): draft/demo/final status, the meeting, the method, the quorum, the panel's
  counts (:mod:`kbo_dashboard.scoring.counts`), the nominee, its score and margin, and the final
  decision with its time and the checklist then (:mod:`.xlsx_summary`). Until a decision is
  recorded every sheet prints "ร่าง / DRAFT" in its page header (and the demo mark on demo data).
- Overall ranking (อันดับรวม): every product, best first, with criterion means; autofilter.
- One sheet per category (อาหาร, ผ้าและเครื่องแต่งกาย, ...): that category's ranking.
  Separate sheets, because the committee reads and prints them one category at a time.
- All scores (คะแนนทั้งหมด): every valid score in long form, with its tab and cell and whether it
  counted.
- Agreement (ความเห็นตรงกัน): W, ICC(2,k) and ICC(3,k) with 95% intervals, Krippendorff's
  alpha, and what each rests on (:mod:`kbo_dashboard.reports.agreement_text`).
- Data issues (ปัญหาข้อมูล) and Decisions (มติ, oldest first, the last row marked final).

Headers are bold with frozen panes, columns sized to their text, numbers stay numbers, and
text that could run as a formula (``=``, ``+``, ``-``, ``@``…) is stored as a text cell with
Excel's quote prefix, as if typed with an apostrophe: it shows as typed, with no visible ``'``,
and stays text when edited (the CSVs, read by any program, keep the apostrophe).
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kbo_dashboard.i18n import t
from kbo_dashboard.intake.issues import cell_label, issues_frame
from kbo_dashboard.reports import common as rc
from kbo_dashboard.reports.agreement_text import agreement_frame
from kbo_dashboard.reports.export import FORMULA_PREFIXES, scores_long
from kbo_dashboard.reports.status import ReportStatus, report_status
from kbo_dashboard.reports.xlsx_summary import summary_frame
from kbo_dashboard.scoring.counts import round_score

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell as OpenpyxlCell

    from kbo_dashboard.intake.parse import Competition
    from kbo_dashboard.meeting.decision import Decision
    from kbo_dashboard.scoring.scoring import Results

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
BOLD = Font(bold=True)
SCORE_FORMAT = "0.00"
DATE_FORMAT = "yyyy-mm-dd hh:mm"
MIN_WIDTH, MAX_WIDTH = 8, 60
FORBIDDEN_IN_SHEET_NAME = str.maketrans({c: "-" for c in "[]:*?/\\"})


def build_xlsx(
    comp: Competition,
    results: Results,
    decisions: Iterable[Decision] | None = (),
    lang: str = "th",
    *,
    demo: bool = False,
    now: dt.datetime | None = None,
) -> bytes:
    """The report workbook as .xlsx bytes; every sheet prints "ร่าง / DRAFT" until decided."""
    history = rc.decision_list(decisions)
    status = report_status(history, demo, comp, results)
    book = Workbook()
    summary = book.active
    summary.title = _sheet_name(t("report.sheet.summary", lang))
    frame = summary_frame(comp, results, history, status, lang, now)
    _table(summary, frame, autofilter=False)
    for cells in summary.iter_rows(min_row=2, min_col=1, max_col=1):
        cells[0].font = BOLD
    ranking = _ranking_frame(comp, results, lang)
    _table(book.create_sheet(_sheet_name(t("report.sheet.overall", lang))), ranking)
    per_category = ranking.drop(columns=[t("col.category", lang)])
    categories = _ordered_standings(results)["category"].to_numpy()
    for category in rc.category_order(comp):
        part = per_category[categories == category]
        part = part.sort_values(t("col.category_rank", lang), key=_rank_key, kind="stable")
        _table(book.create_sheet(_sheet_name(t(f"cat.{category}", lang))), part)
    _table(
        book.create_sheet(_sheet_name(t("report.sheet.scores", lang))), _scores(comp, results, lang)
    )
    agreement = agreement_frame(comp, results, lang)
    _table(book.create_sheet(_sheet_name(t("agr.sheet", lang))), agreement)
    _table(book.create_sheet(_sheet_name(t("report.sheet.issues", lang))), _issues(comp, lang))
    _table(
        book.create_sheet(_sheet_name(t("report.sheet.decisions", lang))),
        _decisions(history, lang, comp.settings),
    )
    mark_sheets(book, status)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- the tables -----------------------------------------------------------------------------
def _ordered_standings(results: Results) -> pd.DataFrame:
    """Standings best first; products not yet ranked last, by ID."""
    return results.standings.sort_values(
        ["ranked", "rank", "product_id"],
        ascending=[False, True, True],
        kind="stable",
        na_position="last",
    )


def _rank_key(labels: pd.Series) -> pd.Series:
    """Sort rank labels ("1", "2=", "not yet ranked") numerically, unranked last."""
    return pd.to_numeric(labels.astype(str).str.rstrip("="), errors="coerce").fillna(10**9)


def _ranks(ranks: pd.Series, not_ranked: str) -> pd.Series:
    """Ranks as whole numbers (a shared rank repeats), or the "not yet ranked" text."""
    return ranks.map(lambda r: not_ranked if pd.isna(r) else int(r), na_action=None).astype(object)


def _ranking_frame(comp: Competition, results: Results, lang: str) -> pd.DataFrame:
    frame = _ordered_standings(results)
    not_ranked = t("rank.not_ranked", lang)
    criteria = comp.criteria.set_index("criterion_id")
    columns = {
        t("col.rank", lang): _ranks(frame["rank"], not_ranked),
        t("col.category_rank", lang): _ranks(frame["category_rank"], not_ranked),
        t("col.product_id", lang): frame["product_id"],
        t("col.product_name", lang): frame["product_name"],
        t("col.producer_group", lang): frame["producer_group"],
        t("col.district", lang): frame["district"],
        t("col.category", lang): frame["category"].map(lambda c: t(f"cat.{c}", lang)),
        t("col.score", lang): frame["score"].map(round_score),
        t("col.n_judges", lang): frame["n_judges"].astype(int),
    }
    for cid in comp.criterion_ids:
        label = rc.criterion_label(criteria.loc[cid].to_dict() | {"criterion_id": cid}, lang)
        max_score = criteria.loc[cid, "max_score"]
        columns[f"{label} ({max_score:g})"] = frame[f"mean_{cid}"].map(round_score)
    return pd.DataFrame(columns).reset_index(drop=True)


def _scores(comp: Competition, results: Results, lang: str) -> pd.DataFrame:
    frame = scores_long(comp, results)
    judges = dict(zip(comp.judges["judge_id"], comp.judges["judge_name"]))
    names = rc.product_names(comp)
    criteria = {
        row["criterion_id"]: rc.criterion_label(row, lang) for _, row in comp.criteria.iterrows()
    }
    yes, no = t("report.yes", lang), t("report.no", lang)
    return pd.DataFrame(
        {
            t("col.judge_id", lang): frame["judge_id"],
            t("col.judge_name", lang): frame["judge_id"].map(judges),
            t("col.product_id", lang): frame["product_id"],
            t("col.product_name", lang): frame["product_id"].map(names),
            t("col.criterion_id", lang): frame["criterion_id"],
            t("col.criterion", lang): frame["criterion_id"].map(criteria),
            t("col.score", lang): frame["score"].astype(float),
            t("col.tab", lang): frame["tab"],
            t("col.cell", lang): frame["cell"],
            t("col.counted", lang): frame["counted"].map({True: yes, False: no}),
        }
    )


def _issues(comp: Competition, lang: str) -> pd.DataFrame:
    frame = issues_frame(comp.issues)
    return pd.DataFrame(
        {
            t("col.severity", lang): frame["severity"].map(lambda s: t(f"severity.{s}", lang)),
            t("col.tab", lang): frame["tab"],
            t("col.cell", lang): [cell_label(c, lang) for c in frame["cell"]],
            t("col.judge_id", lang): frame["judge_id"],
            t("col.product_id", lang): frame["product_id"],
            t("col.message", lang): frame[f"message_{lang}"],
            t("col.action", lang): frame[f"action_{lang}"],
            t("col.code", lang): frame["code"],
        }
    )


def _decisions(history: Sequence[Decision], lang: str, settings: dict) -> pd.DataFrame:
    yes, no = t("report.yes", lang), t("report.no", lang)
    rows = []
    for n, d in enumerate(history, start=1):
        rows.append(
            {
                t("col.seq", lang): n,
                # BE text, as every other date the committee reads (issue 19), not an Excel date
                rc.decided_at_header(lang, settings): rc.thai_time(d.decided_at, lang, settings),
                t("col.decided_by", lang): d.decided_by,
                t("col.product_id", lang): d.product_id,
                t("col.product_name", lang): d.product_name,
                t("col.confirmed", lang): yes if d.confirmed_nominee else no,
                t("col.provisional", lang): d.provisional_nominee or None,
                t("col.reason", lang): d.reason,
                t("col.method", lang): rc.method_name(d.method, lang),
                t("col.score", lang): round_score(d.score),
                t("col.rank", lang): d.rank,
                t("col.n_judges", lang): d.n_judges,
                t("col.margin", lang): round_score(d.margin),
                t("col.status", lang): t("report.final", lang) if n == len(history) else "",
            }
        )
    columns = ["col.seq", "col.decided_at", "col.decided_by", "col.product_id"]
    columns += ["col.product_name", "col.confirmed", "col.provisional", "col.reason"]
    columns += ["col.method", "col.score", "col.rank", "col.n_judges", "col.margin", "col.status"]
    headers = [t(c, lang) for c in columns]
    headers[1] = rc.decided_at_header(lang, settings)
    return pd.DataFrame(rows, columns=headers)


def mark_sheets(book: Workbook, status: ReportStatus) -> None:
    """Print "ร่าง / DRAFT" (and the demo mark) in the header of every sheet's pages."""
    marks = " · ".join(status.marks())
    for sheet in book.worksheets:
        if marks:
            sheet.oddHeader.right.text = marks
            sheet.oddHeader.right.color = "C81E1E"
            sheet.sheet_properties.tabColor = "C81E1E"


# --- writing a table ------------------------------------------------------------------------
def _sheet_name(name: str) -> str:
    """A legal, at most 31-character sheet name."""
    return name.translate(FORBIDDEN_IN_SHEET_NAME)[:31] or "-"


def _cell(value: object) -> object:
    """A value openpyxl can store: numbers stay numbers, text is text (see :func:`_as_text`)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        value = value.item()
    if isinstance(value, (bool, int, float, dt.datetime, dt.date)):
        return value
    return rc.excel_safe(str(value))


def _as_text(cells: Iterable[OpenpyxlCell]) -> None:
    """Cells whose text could run as a formula stored as text with a quote prefix: openpyxl
    reads a string starting with ``=`` as a formula, and an apostrophe in the value would show
    (issue 18)."""
    for cell in cells:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_PREFIXES):
            cell.data_type = "s"
            cell.quotePrefix = True


def text_width(value: object) -> int:
    """Roughly how many character widths a value takes (Thai marks take none)."""
    text = value.strftime(DATE_FORMAT) if isinstance(value, dt.datetime) else str(value)
    text = f"{value:.2f}" if isinstance(value, float) else text
    return sum(1 for c in text if not unicodedata.combining(c) and c not in "\u0e31\u0e47")


def _table(sheet: Worksheet, frame: pd.DataFrame, autofilter: bool = True) -> None:
    """``frame`` with a bold, frozen header row, sized columns and number formats."""
    sheet.append([_cell(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        sheet.append([_cell(v) for v in row])
    for row in sheet.iter_rows():
        _as_text(row)
    for cell in sheet[1]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    if autofilter and len(frame.columns):
        sheet.auto_filter.ref = sheet.dimensions
    for n, column in enumerate(frame.columns, start=1):
        letter = get_column_letter(n)
        values = frame[column].tolist()
        widest = max([text_width(column) * 0.8] + [text_width(v) for v in values if v is not None])
        sheet.column_dimensions[letter].width = max(MIN_WIDTH, min(MAX_WIDTH, widest + 2))
        for cells in sheet.iter_rows(min_row=2, min_col=n, max_col=n):
            cell = cells[0]
            if isinstance(cell.value, float):
                cell.number_format = SCORE_FORMAT
            elif isinstance(cell.value, dt.datetime):
                cell.number_format = DATE_FORMAT
            elif isinstance(cell.value, str) and text_width(cell.value) > MAX_WIDTH:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
