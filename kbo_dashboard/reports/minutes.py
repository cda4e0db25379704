"""A draft of the meeting minutes, รายงานการประชุม, as a Word document the secretary finishes.

The minutes follow the form of the regulation on official correspondence (ระเบียบสำนัก
นายกรัฐมนตรีว่าด้วยงานสารบรรณ, แบบที่ 11), its fixed parts in its order: the title, ครั้งที่
(number/year), เมื่อวันที่, ณ, ผู้มาประชุม (name and position, "แทน" for a substitute),
ผู้ไม่มาประชุม (with the reason), ผู้เข้าร่วมประชุม (staff), เริ่มประชุมเวลา, the agenda items
(ระเบียบวาระที่ ...), เลิกประชุมเวลา and ผู้จดรายงานการประชุม. What the office fills in comes from
Settings when given (``meeting_number``, ``venue``, ``start_time``, ``end_time``, ``recorder``,
``attendees``), else a dotted line; positions, substitutes and reasons from the Judges tab.

The page is A4, the text TH Sarabun New 16 pt throughout, headings bold 16 pt and black (Word
substitutes a Thai font where TH Sarabun New is not installed; the text is marked Thai, so Word
and LibreOffice break lines between words). Tables have fixed column widths, repeat their header
row on every page and never split a row. Every page header says "ร่าง / DRAFT" until a decision
is recorded, and "ข้อมูลตัวอย่าง / DEMO" on the demo.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import TYPE_CHECKING

import pandas as pd
from docx import Document as WordDocument
from docx.shared import Cm

from kbo_dashboard.analysis.readiness import lojo_sentences
from kbo_dashboard.i18n import t
from kbo_dashboard.reports import common as rc
from kbo_dashboard.reports.docx_form import FONT, clean, heading, paragraph, styles, table  # noqa: F401
from kbo_dashboard.reports.signatures import member_marks, members_by_sector, sector_name
from kbo_dashboard.reports.status import Decisions, report_status, status_lines
from kbo_dashboard.scoring.aggregation import METHODS
from kbo_dashboard.scoring.counts import format_count, format_score, is_level, panel_counts

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

    from kbo_dashboard.analysis.nomination import RobustnessReport
    from kbo_dashboard.intake.parse import Competition
    from kbo_dashboard.reports.signatures import JudgeRow
    from kbo_dashboard.reports.status import ReportStatus
    from kbo_dashboard.scoring.scoring import Results

DOTS = "." * 30
SHORT_DOTS = "." * 12
SIGN_DOTS = "." * 24


# --- the fixed parts ---------------------------------------------------------------------------
def title_line(comp: Competition, lang: str) -> str:
    """รายงานการประชุม + the meeting's title (a title starting with การประชุม is not doubled)."""
    title = str(comp.settings.get("title") or t("report.title", lang))
    lead = t("minutes.form.meeting", lang)
    if lang == "th" and title.startswith(lead):
        title = title[len(lead) :]
    return t("minutes.form.title", lang, title=title)


def meeting_number(settings: dict, lang: str) -> str:
    """ครั้งที่ 1/2565: the Settings number (a dotted line when empty) over the BE year."""
    number = str(settings.get("meeting_number") or "").strip() or SHORT_DOTS
    if "/" not in number and settings.get("year"):
        number = f"{number}/{settings['year']}"
    return t("minutes.form.number", lang, number=number)


def clock_text(value: object, lang: str) -> str:
    """09.30 in Thai (the regulation's way), 09:30 in English; a dotted line when unset."""
    if not isinstance(value, dt.time):
        return SHORT_DOTS
    return value.strftime("%H.%M" if lang == "th" else "%H:%M")


def staff_list(text: str) -> list[tuple[str, str]]:
    """The Settings ``attendees``: ``name, position; name, position`` (or one per line)."""
    people = []
    for entry in re.split(r"[;\n]+", text or ""):
        name, _, position = entry.partition(",")
        if name.strip():
            people.append((name.strip(), position.strip()))
    return people


def _position(judge: JudgeRow, lang: str) -> str:
    position = str(getattr(judge, "position", "") or "").strip()
    if not position:
        position = t("minutes.form.member", lang, sector=sector_name(judge.sector or "", lang))
    whom = str(getattr(judge, "stands_in_for", "") or "").strip()
    return t("minutes.form.instead", lang, position=position, whom=whom) if whom else position


def _attendance(document: DocxDocument, comp: Competition, lang: str) -> None:
    marks = member_marks(comp, lang)
    absent = set(comp.judges.loc[comp.judges["attendance"] == "absent", "judge_id"])
    seq, name = t("minutes.form.seq", lang), t("minutes.form.name", lang)
    position, note = t("minutes.form.position", lang), t("minutes.form.note", lang)
    present: list[JudgeRow] = []
    gone: list[JudgeRow] = []
    for _code, members in members_by_sector(comp):
        for judge in members:
            (gone if judge.judge_id in absent else present).append(judge)
    heading(document, t("minutes.present", lang))
    rows = [
        [f"{n}.", judge.judge_name, _position(judge, lang), marks.get(judge.judge_id, "")]
        for n, judge in enumerate(present, start=1)
    ]
    if rows:
        table(document, [seq, name, position, note], rows, [1.2, 4.0, 7.0, 3.8])
    else:
        paragraph(document, t("minutes.none_absent", lang))
    heading(document, t("minutes.absent", lang))
    rows = [
        [f"{n}.", judge.judge_name, _position(judge, lang), judge_reason(judge)]
        for n, judge in enumerate(gone, start=1)
    ]
    if rows:
        reason = t("minutes.form.reason", lang)
        table(document, [seq, name, position, reason], rows, [1.2, 4.0, 6.5, 4.3])
    else:
        paragraph(document, t("minutes.none_absent", lang))
    heading(document, t("minutes.form.staff", lang))
    staff = staff_list(comp.settings.get("attendees") or "")
    if staff:
        rows = [[f"{n}.", who, role] for n, (who, role) in enumerate(staff, start=1)]
        table(document, [seq, name, position], rows, [1.2, 6.8, 8.0])
    else:
        for n in (1, 2):
            paragraph(document, f"{n}. {DOTS} {t('minutes.form.position', lang)} {DOTS}")


def judge_reason(judge: JudgeRow) -> str:
    return str(getattr(judge, "absence_reason", "") or "").strip() or "-"


def _method(document: DocxDocument, comp: Competition, results: Results, lang: str) -> None:
    counts = panel_counts(comp, results)
    heading(document, t("minutes.agenda.method", lang))
    name = rc.method_name(results.method, lang)
    method = METHODS.get(results.method)
    description = method.description(lang) if method else ""
    paragraph(document, t("minutes.method", lang, method=name, description=description))
    paragraph(
        document,
        t(
            "minutes.counts",
            lang,
            products=format_count(len(comp.products)),
            panel=format_count(counts.panel),
            finished=format_count(counts.finished),
            scores=format_count(counts.scores),
            expected=format_count(counts.scores_expected),
            quorum=results.quorum,
        ),
    )


def _rank(value: float) -> str:
    return "-" if pd.isna(value) else str(int(value))


def _results(document: DocxDocument, comp: Competition, results: Results, lang: str) -> None:
    heading(document, t("minutes.agenda.results", lang))
    standings = results.standings
    columns = ("rank", "id", "product", "group", "score", "judges")
    headers = [t(f"minutes.form.col.{c}", lang) for c in columns]
    for category in rc.category_order(comp):
        part = standings[standings["category"] == category].sort_values(
            ["ranked", "category_rank", "product_id"], ascending=[False, True, True]
        )
        paragraph(document, t(f"cat.{category}", lang), bold=True, keep=True)
        rows = [
            [
                _rank(r["category_rank"]),
                r["product_id"],
                r["product_name"],
                r["producer_group"],
                format_score(r["score"]),
                format_count(r["n_judges"]),
            ]
            for _, r in part.iterrows()
        ]
        table(document, headers, rows, [1.8, 1.8, 4.3, 3.7, 2.0, 2.4])


def _robustness(document: DocxDocument, report: RobustnessReport, lang: str) -> None:
    heading(document, t("minutes.agenda.robustness", lang))
    nominees = report.comparison.nominees
    by_method = ", ".join(f"{rc.method_name(m, lang)}: {p or '-'}" for m, p in nominees.items())
    key = "minutes.methods_agree" if report.comparison.robust else "minutes.methods_differ"
    paragraph(document, t(key, lang, nominees=by_method))
    for sentence in lojo_sentences(report.lojo, lang) or [t("minutes.lojo_none", lang)]:
        paragraph(document, sentence)
    margin = report.margin
    moves = "-" if margin.totals_to_move is None else format_count(margin.totals_to_move)
    if is_level(margin.points):
        paragraph(document, t("minutes.margin_level", lang))
    else:
        points = format_score(margin.points)
        paragraph(document, t("minutes.margin", lang, points=points, moves=moves))


def _decision(document: DocxDocument, comp: Competition, status: ReportStatus, lang: str) -> None:
    heading(document, t("minutes.agenda.decision", lang))
    for line in status_lines(status, comp.settings, lang):
        paragraph(document, line)
    if status.decision is not None and status.decision.reason:
        paragraph(document, t("report.decision.reason", lang, reason=status.decision.reason))
    paragraph(document, t("minutes.resolution", lang, dots=DOTS))


def _signature(document: DocxDocument, role: str, name: str, lang: str) -> None:
    """(ลงชื่อ) ........ role / (name): in the right half of the page, as the form has it."""
    line = t("minutes.form.sign", lang, dots=SIGN_DOTS, role=role)
    for text in (line, f"({name or SIGN_DOTS})"):
        line_paragraph = paragraph(document, text, keep=True)
        line_paragraph.paragraph_format.left_indent = Cm(4)


def build_minutes(
    comp: Competition,
    results: Results,
    decisions: Decisions = (),
    lang: str = "th",
    *,
    demo=False,
    now=None,
) -> bytes:
    """The draft minutes as .docx bytes."""
    from kbo_dashboard.analysis.nomination import robustness_report

    status = report_status(decisions, demo, comp, results)
    totals = None if getattr(results, "excluded_judges", ()) else results.totals
    report = robustness_report(comp, results.method, totals=totals)
    settings = comp.settings
    document = WordDocument()
    styles(document)
    marks = " · ".join(status.marks())
    if marks:
        document.sections[0].header.paragraphs[0].text = clean(marks)
    heading(document, title_line(comp, lang), level=1, center=True)
    paragraph(document, meeting_number(settings, lang), center=True)
    paragraph(
        document, t("minutes.form.when", lang, date=rc.meeting_date_text(comp, lang)), center=True
    )
    venue = str(settings.get("venue") or "").strip() or DOTS
    paragraph(document, t("minutes.form.where", lang, venue=venue), center=True)
    _attendance(document, comp, lang)
    opened = clock_text(settings.get("start_time"), lang)
    paragraph(document, t("minutes.form.opened", lang, time=opened), bold=True)
    _method(document, comp, results, lang)
    _results(document, comp, results, lang)
    _robustness(document, report, lang)
    _decision(document, comp, status, lang)
    closed = clock_text(settings.get("end_time"), lang)
    paragraph(document, t("minutes.form.closed", lang, time=closed), bold=True, keep=True)
    paragraph(document, "", keep=True)
    recorder = str(settings.get("recorder") or "").strip()
    _signature(document, t("minutes.form.recorder", lang), recorder, lang)
    paragraph(document, "", keep=True)
    _signature(document, t("minutes.form.checker", lang), "", lang)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
