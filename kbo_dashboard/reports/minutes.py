"""A draft of the meeting minutes, รายงานการประชุม, as a Word document the secretary finishes.

Made with python-docx, in TH Sarabun New 16 pt (Word substitutes a Thai font where it is not
installed). It holds the attendance (Judges column ``attendance``; conflicts noted), the method,
the results by category, the robustness findings (:func:`analysis.nomination.robustness_report`),
the decision and its reason, and what the readiness checklist showed. Blanks the secretary
fills in (meeting number, place, times, the recorder) are dotted lines. Every page header says
"ร่าง / DRAFT" until a decision is recorded, and "ข้อมูลตัวอย่าง / DEMO" on the demo.
"""

from __future__ import annotations

import io
from typing import Any

import pandas as pd
from docx import Document as WordDocument
from docx.oxml.ns import qn
from docx.shared import Pt

from kbo_dashboard.analysis.readiness import lojo_sentences
from kbo_dashboard.i18n import t
from kbo_dashboard.reports import common as rc
from kbo_dashboard.reports.signatures import DOTS, member_marks, members_by_sector, sector_name
from kbo_dashboard.reports.status import Decisions, report_status, status_lines
from kbo_dashboard.scoring.aggregation import METHODS
from kbo_dashboard.scoring.counts import format_count, format_score, is_level, panel_counts

FONT = "TH Sarabun New"
SIZE = 16


def _font(document: Any) -> None:
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(SIZE)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    size_cs = style.element.get_or_add_rPr().makeelement(qn("w:szCs"), {qn("w:val"): str(SIZE * 2)})
    style.element.get_or_add_rPr().append(size_cs)


def _table(document: Any, headers: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers):
        cell.text = rc.xml_safe(text)
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = rc.xml_safe(text)


def _attendance(document: Any, comp: Any, lang: str) -> None:
    marks = member_marks(comp, lang)
    absent = set(comp.judges.loc[comp.judges["attendance"] == "absent", "judge_id"])
    document.add_heading(t("minutes.present", lang), level=2)
    n = 0
    for code, members in members_by_sector(comp):
        document.add_paragraph(sector_name(code, lang)).runs[0].bold = True
        for judge in members:
            if judge.judge_id in absent:
                continue
            n += 1
            note = f" ({marks[judge.judge_id]})" if judge.judge_id in marks else ""
            document.add_paragraph(rc.xml_safe(f"{n}. {judge.judge_name}{note}"))
    document.add_heading(t("minutes.absent", lang), level=2)
    gone = [j for j in comp.judges.itertuples() if j.judge_id in absent]
    for m, judge in enumerate(gone, start=1):
        line = f"{m}. {judge.judge_name} ({sector_name(judge.sector or '', lang)})"
        document.add_paragraph(rc.xml_safe(line))
    if not gone:
        document.add_paragraph(t("minutes.none_absent", lang))


def _method(document: Any, comp: Any, results: Any, lang: str) -> None:
    counts = panel_counts(comp, results)
    document.add_heading(t("minutes.agenda.method", lang), level=2)
    name = rc.method_name(results.method, lang)
    method = METHODS.get(results.method)
    description = method.description(lang) if method else ""
    document.add_paragraph(t("minutes.method", lang, method=name, description=description))
    document.add_paragraph(
        t(
            "minutes.counts",
            lang,
            products=format_count(len(comp.products)),
            panel=format_count(counts.panel),
            finished=format_count(counts.finished),
            scores=format_count(counts.scores),
            expected=format_count(counts.scores_expected),
            quorum=results.quorum,
        )
    )


def _results(document: Any, comp: Any, results: Any, lang: str) -> None:
    document.add_heading(t("minutes.agenda.results", lang), level=2)
    standings = results.standings
    headers = [t(k, lang) for k in ("col.category_rank", "col.product_id", "col.product_name")]
    headers += [t(k, lang) for k in ("col.producer_group", "col.score", "col.n_judges")]
    for category in rc.category_order(comp):
        part = standings[standings["category"] == category].sort_values(
            ["ranked", "category_rank", "product_id"], ascending=[False, True, True]
        )
        document.add_paragraph(t(f"cat.{category}", lang)).runs[0].bold = True
        rows = [
            [
                "-" if pd.isna(r["category_rank"]) else str(int(r["category_rank"])),
                r["product_id"],
                r["product_name"],
                r["producer_group"],
                format_score(r["score"]),
                format_count(r["n_judges"]),
            ]
            for _, r in part.iterrows()
        ]
        _table(document, headers, rows)


def _robustness(document: Any, report: Any, lang: str) -> None:
    document.add_heading(t("minutes.agenda.robustness", lang), level=2)
    nominees = report.comparison.nominees
    by_method = ", ".join(f"{rc.method_name(m, lang)}: {p or '-'}" for m, p in nominees.items())
    key = "minutes.methods_agree" if report.comparison.robust else "minutes.methods_differ"
    document.add_paragraph(rc.xml_safe(t(key, lang, nominees=by_method)))
    for sentence in lojo_sentences(report.lojo, lang) or [t("minutes.lojo_none", lang)]:
        document.add_paragraph(rc.xml_safe(sentence))
    margin = report.margin
    moves = "-" if margin.totals_to_move is None else format_count(margin.totals_to_move)
    if is_level(margin.points):
        document.add_paragraph(t("minutes.margin_level", lang))
    else:
        document.add_paragraph(
            t("minutes.margin", lang, points=format_score(margin.points), moves=moves)
        )


def _decision(document: Any, comp: Any, status: Any, lang: str) -> None:
    document.add_heading(t("minutes.agenda.decision", lang), level=2)
    for line in status_lines(status, comp.settings, lang):
        document.add_paragraph(rc.xml_safe(line))
    if status.decision is not None and status.decision.reason:
        reason = t("report.decision.reason", lang, reason=status.decision.reason)
        document.add_paragraph(rc.xml_safe(reason))
    document.add_paragraph(t("minutes.resolution", lang, dots=DOTS))


def build_minutes(
    comp: Any, results: Any, decisions: Decisions = (), lang: str = "th", *, demo=False, now=None
) -> bytes:
    """The draft minutes as .docx bytes."""
    from kbo_dashboard.analysis.nomination import robustness_report

    status = report_status(decisions, demo, comp, results)
    totals = None if getattr(results, "excluded_judges", ()) else results.totals
    report = robustness_report(comp, results.method, totals=totals)
    document = WordDocument()
    _font(document)
    marks = " · ".join(status.marks())
    if marks:
        document.sections[0].header.paragraphs[0].text = marks
    title = comp.settings.get("title") or t("report.title", lang)
    document.add_heading(t("minutes.title", lang), level=1)
    document.add_paragraph(rc.xml_safe(title))
    document.add_paragraph(
        t("minutes.when", lang, date=rc.meeting_date_text(comp, lang), dots=DOTS)
    )
    _attendance(document, comp, lang)
    document.add_paragraph(t("minutes.opened", lang, dots=DOTS))
    _method(document, comp, results, lang)
    _results(document, comp, results, lang)
    _robustness(document, report, lang)
    _decision(document, comp, status, lang)
    document.add_paragraph(t("minutes.closed", lang, dots=DOTS))
    document.add_paragraph(t("minutes.recorder", lang, dots=DOTS))
    document.add_paragraph(t("minutes.checker", lang, dots=DOTS))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
