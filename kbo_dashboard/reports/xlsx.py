"""The Excel workbook for the office: the whole result in sheets a clerk can sort and print.

Sheets, in order (Thai names and headers; English with ``lang="en"``):

- Summary (สรุป): the meeting, the method, the quorum, judges counted, the nominee, its score
  and margin, and the final decision.
- Overall ranking (อันดับรวม): every product, best first, with criterion means; autofilter.
- One sheet per category (อาหาร, ผ้าและเครื่องแต่งกาย, ...): that category's ranking.
  Separate sheets, because the committee reads and prints them one category at a time.
- All scores (คะแนนทั้งหมด): every valid score in long form, with its tab and cell and whether it
  counted.
- Data issues (ปัญหาข้อมูล) and Decisions (มติ, oldest first, the last row marked final).

Headers are bold with frozen panes, columns sized to their text, numbers stay numbers, and
text that could run as a formula is escaped as in the CSVs (:func:`export.escape_cell`).
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kbo_dashboard.i18n import t
from kbo_dashboard.intake.issues import issues_frame
from kbo_dashboard.reports import common as rc
from kbo_dashboard.reports.export import escape_cell, scores_long

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
BOLD = Font(bold=True)
SCORE_FORMAT = "0.00"
DATE_FORMAT = "yyyy-mm-dd hh:mm"
MIN_WIDTH, MAX_WIDTH = 8, 60
FORBIDDEN_IN_SHEET_NAME = str.maketrans({c: "-" for c in "[]:*?/\\"})


def build_xlsx(
    comp: Any, results: Any, decisions: Iterable[Any] | None = (), lang: str = "th"
) -> bytes:
    """The report workbook as .xlsx bytes."""
    history = rc.decision_list(decisions)
    book = Workbook()
    summary = book.active
    summary.title = _sheet_name(t("report.sheet.summary", lang))
    _summary(summary, comp, results, history, lang)
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
    _table(book.create_sheet(_sheet_name(t("report.sheet.issues", lang))), _issues(comp, lang))
    _table(
        book.create_sheet(_sheet_name(t("report.sheet.decisions", lang))), _decisions(history, lang)
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- the tables -----------------------------------------------------------------------------
def _ordered_standings(results: Any) -> pd.DataFrame:
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


def _ranking_frame(comp: Any, results: Any, lang: str) -> pd.DataFrame:
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
        t("col.score", lang): frame["score"].astype(float).round(2),
        t("col.n_judges", lang): frame["n_judges"].astype(int),
    }
    for cid in comp.criterion_ids:
        label = rc.criterion_label(criteria.loc[cid].to_dict() | {"criterion_id": cid}, lang)
        max_score = criteria.loc[cid, "max_score"]
        columns[f"{label} ({max_score:g})"] = frame[f"mean_{cid}"].astype(float).round(2)
    return pd.DataFrame(columns).reset_index(drop=True)


def _scores(comp: Any, results: Any, lang: str) -> pd.DataFrame:
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


def _issues(comp: Any, lang: str) -> pd.DataFrame:
    frame = issues_frame(comp.issues)
    return pd.DataFrame(
        {
            t("col.severity", lang): frame["severity"].map(lambda s: t(f"severity.{s}", lang)),
            t("col.tab", lang): frame["tab"],
            t("col.cell", lang): frame["cell"],
            t("col.judge_id", lang): frame["judge_id"],
            t("col.product_id", lang): frame["product_id"],
            t("col.message", lang): frame[f"message_{lang}"],
            t("col.action", lang): frame[f"action_{lang}"],
            t("col.code", lang): frame["code"],
        }
    )


def _decisions(history: Sequence[Any], lang: str) -> pd.DataFrame:
    yes, no = t("report.yes", lang), t("report.no", lang)
    rows = []
    for n, d in enumerate(history, start=1):
        rows.append(
            {
                t("col.seq", lang): n,
                t("col.decided_at", lang): rc.local_naive(d.decided_at),
                t("col.decided_by", lang): d.decided_by,
                t("col.product_id", lang): d.product_id,
                t("col.product_name", lang): d.product_name,
                t("col.confirmed", lang): yes if d.confirmed_nominee else no,
                t("col.provisional", lang): d.provisional_nominee or None,
                t("col.reason", lang): d.reason,
                t("col.method", lang): rc.method_name(d.method, lang),
                t("col.score", lang): d.score,
                t("col.rank", lang): d.rank,
                t("col.n_judges", lang): d.n_judges,
                t("col.margin", lang): d.margin,
                t("col.status", lang): t("report.final", lang) if n == len(history) else "",
            }
        )
    columns = ["col.seq", "col.decided_at", "col.decided_by", "col.product_id"]
    columns += ["col.product_name", "col.confirmed", "col.provisional", "col.reason"]
    columns += ["col.method", "col.score", "col.rank", "col.n_judges", "col.margin", "col.status"]
    return pd.DataFrame(rows, columns=[t(c, lang) for c in columns])


# --- the summary sheet ----------------------------------------------------------------------
def _summary(sheet: Worksheet, comp: Any, results: Any, history: list, lang: str) -> None:
    settings = comp.settings
    names = rc.product_names(comp)
    counted, total = rc.judges_counted(comp, results)
    nominee = results.nominee
    standing = results.standings.set_index("product_id")
    latest = history[-1] if history else None
    rows: list[tuple[str, Any]] = [
        (t("report.meeting_title", lang), settings.get("title") or t("report.title", lang)),
        (t("report.province", lang), settings.get("province") or None),
        (t("report.year", lang), int(settings["year"]) if settings.get("year") else None),
        (t("report.date", lang), rc.meeting_date_text(comp, lang)),
        (t("report.method", lang), rc.method_name(results.method, lang)),
        (t("report.quorum", lang), int(results.quorum)),
        (t("report.judges_counted", lang), t("report.judges_of", lang, n=counted, total=total)),
        (
            t("report.nominee", lang),
            f"{names.get(nominee, nominee)} ({nominee})" if nominee else None,
        ),
        (t("report.score", lang), _num(standing["score"].get(nominee)) if nominee else None),
        (t("report.margin", lang), _num(results.margin)),
        (t("report.runner_up", lang), _product(names, results.runner_up)),
        (t("report.final_decision", lang), _decision_text(latest, lang)),
        (t("report.generated", lang, time=""), rc.thai_time(dt.datetime.now(dt.UTC), lang)),
    ]
    if nominee is None and len(results.tied_for_first) > 1:
        tied = ", ".join(_product(names, p) for p in results.tied_for_first)
        rows.insert(8, (t("report.nominee", lang), t("report.tied", lang, products=tied)))
    frame = pd.DataFrame(rows, columns=[t("report.item", lang), t("report.value", lang)])
    _table(sheet, frame, autofilter=False)
    for cells in sheet.iter_rows(min_row=2, min_col=1, max_col=1):
        cells[0].font = BOLD


def _num(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else round(number, 2)


def _product(names: dict[str, str], product_id: str | None) -> str | None:
    return f"{names.get(product_id, product_id)} ({product_id})" if product_id else None


def _decision_text(decision: Any, lang: str) -> str:
    if decision is None:
        return t("report.decision.none", lang)
    key = "report.decision.confirmed" if decision.confirmed_nominee else "report.decision.other"
    parts = [t(key, lang, name=decision.product_name, id=decision.product_id)]
    if decision.reason:
        parts.append(t("report.decision.reason", lang, reason=decision.reason))
    parts.append(
        t(
            "report.decision.when",
            lang,
            time=rc.thai_time(decision.decided_at, lang),
            by=decision.decided_by,
        )
    )
    return " ".join(parts)


# --- writing a table ------------------------------------------------------------------------
def _sheet_name(name: str) -> str:
    """A legal, at most 31-character sheet name."""
    return name.translate(FORBIDDEN_IN_SHEET_NAME)[:31] or "-"


def _cell(value: Any) -> Any:
    """A value openpyxl can store: numbers stay numbers, text is formula-escaped."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        value = value.item()
    if isinstance(value, (bool, int, float, dt.datetime, dt.date)):
        return value
    return escape_cell(rc.excel_safe(str(value)))


def text_width(value: Any) -> int:
    """Roughly how many character widths a value takes (Thai marks take none)."""
    text = value.strftime(DATE_FORMAT) if isinstance(value, dt.datetime) else str(value)
    text = f"{value:.2f}" if isinstance(value, float) else text
    return sum(1 for c in text if not unicodedata.combining(c) and c not in "\u0e31\u0e47")


def _table(sheet: Worksheet, frame: pd.DataFrame, autofilter: bool = True) -> None:
    """``frame`` with a bold, frozen header row, sized columns and number formats."""
    sheet.append([_cell(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        sheet.append([_cell(v) for v in row])
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
