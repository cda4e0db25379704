"""The committee's official result as a PDF: "ผลการพิจารณาคัดเลือกผลิตภัณฑ์".

One A4 document, Thai by default: the province and Buddhist Era year, the meeting date, how the
scores were combined, the nominee with its criterion means and margin, the chair's recorded decision
(with its reason and history), the ranking table of every category, and signature lines for the
chair (ประธานกรรมการ) and the secretary (เลขานุการ).

Thai is set in Sarabun (:mod:`kbo_dashboard.reports.fonts`) with HarfBuzz text shaping, so vowels
and tone marks sit where they belong, and the text copies out of the PDF as typed. Lines are broken
between words (:mod:`kbo_dashboard.reports.thai_text`), never inside one; every line is placed by
this module, so fpdf2 never re-wraps it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
from fpdf import FPDF

from kbo_dashboard.i18n import t
from kbo_dashboard.reports import common as rc
from kbo_dashboard.reports.fonts import add_sarabun
from kbo_dashboard.reports.thai_text import clip, wrap

BODY, SMALL, HEADING, TITLE = 12, 10, 14, 18
LINE = 6.2  # mm per body line
TABLE_LINE = 5.2
PAD = 1.2
HEADER_FILL = (221, 235, 247)
SIGNATURE_SPACE = 48  # mm the signature block needs
#: Ranking table columns (mm on A4 portrait): names and producer groups of ~35 Thai characters
#: fit on one line.
RANKING_WIDTHS = [15, 12, 13, 54.5, 51.5, 14, 14]


class _Document(FPDF):
    """A4 with the page number and generation time in the footer."""

    def __init__(self, lang: str, generated: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.lang = lang
        self.generated = generated
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=16)
        self.family = add_sarabun(self)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, "", 8)
        self.cell(self.epw / 2, 5, self.generated)
        page = t("report.page", self.lang, page=self.page_no(), pages="{nb}")
        self.cell(self.epw / 2, 5, page, align="R")

    # --- text ---
    def text_lines(self, text: str, width: float) -> list[str]:
        return wrap(clip(text), width, self.get_string_width)

    def paragraph(
        self, text: str, size: float = BODY, style: str = "", align: str = "L", gap: float = 1
    ) -> None:
        self.set_font(self.family, style, size)
        height = size * 0.5
        for line in self.text_lines(text, self.epw):
            self.cell(self.epw, height, line, align=align, new_x="LMARGIN", new_y="NEXT")
        self.ln(gap)

    def heading(self, text: str) -> None:
        if self.will_page_break(30):
            self.add_page()
        self.ln(2)
        self.paragraph(text, HEADING, "B", gap=1.5)

    def facts(self, rows: Sequence[tuple[str, str]], label_width: float = 70) -> None:
        """Label and value side by side; both wrap within their columns."""
        for label, value in rows:
            self.set_font(self.family, "B", BODY)
            labels = self.text_lines(str(label), label_width - 2) or [""]
            self.set_font(self.family, "", BODY)
            values = self.text_lines(str(value), self.epw - label_width) or [""]
            height = LINE * max(len(labels), len(values))
            if self.will_page_break(height):
                self.add_page()
            y = self.get_y()
            self.set_font(self.family, "B", BODY)
            for n, line in enumerate(labels):
                self.set_xy(self.l_margin, y + n * LINE)
                self.cell(label_width, LINE, line)
            self.set_font(self.family, "", BODY)
            for n, line in enumerate(values):
                self.set_xy(self.l_margin + label_width, y + n * LINE)
                self.cell(self.epw - label_width, LINE, line)
            self.set_xy(self.l_margin, y + height)
        self.ln(1)

    # --- tables ---
    def table_rows(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        aligns: Sequence[str],
    ) -> None:
        """A bordered table; long cells wrap between words; the header repeats on new pages."""
        scale = self.epw / sum(widths)
        widths = [w * scale for w in widths]
        self._row(headers, widths, ["C"] * len(widths), header=True)
        for row in rows:
            if self._row(row, widths, aligns, dry=True):
                self.add_page()
                self._row(headers, widths, ["C"] * len(widths), header=True)
            self._row(row, widths, aligns)
        self.ln(2)

    def _row(
        self,
        cells: Sequence[str],
        widths: Sequence[float],
        aligns: Sequence[str],
        header: bool = False,
        dry: bool = False,
    ) -> bool:
        """Draw one row (or, with ``dry``, say whether it needs a new page first)."""
        self.set_font(self.family, "B" if header else "", SMALL)
        wrapped = [self.text_lines(str(c), w - 2 * PAD) or [""] for c, w in zip(cells, widths)]
        height = max(len(lines) for lines in wrapped) * TABLE_LINE + PAD
        if dry:
            return self.will_page_break(height)
        x, y = self.l_margin, self.get_y()
        for lines, width, align in zip(wrapped, widths, aligns):
            self.rect(x, y, width, height, style="DF" if header else "D")
            for n, line in enumerate(lines):
                self.set_xy(x + PAD, y + PAD / 2 + n * TABLE_LINE)
                self.cell(width - 2 * PAD, TABLE_LINE, line, align=align)
            x += width
        self.set_xy(self.l_margin, y + height)
        return False


def build_pdf(
    comp: Any,
    results: Any,
    decisions: Iterable[Any] | None = (),
    lang: str = "th",
    meeting_date: dt.date | None = None,
) -> bytes:
    """The official result as PDF bytes."""
    history = rc.decision_list(decisions)
    generated = t("report.generated", lang, time=rc.thai_time(dt.datetime.now(dt.UTC), lang))
    pdf = _Document(lang, generated)
    pdf.set_title(t("report.title", lang))
    pdf.set_lang("th" if lang == "th" else "en")
    pdf.set_fill_color(*HEADER_FILL)
    pdf.add_page()
    _heading_block(pdf, comp, lang, meeting_date)
    _summary(pdf, comp, results, lang)
    _nominee(pdf, comp, results, lang)
    _decision(pdf, history, lang)
    _rankings(pdf, comp, results, lang)
    _signatures(pdf, lang)
    return bytes(pdf.output())


def _heading_block(pdf: _Document, comp: Any, lang: str, meeting_date: dt.date | None) -> None:
    settings = comp.settings
    pdf.paragraph(t("report.title", lang), TITLE, "B", align="C")
    if settings.get("title"):
        pdf.paragraph(str(settings["title"]), HEADING, "B", align="C")
    year = settings.get("year") or ""
    if settings.get("province"):
        place = t("report.province_year", lang, province=settings["province"], year=year)
    else:
        place = t("report.year_only", lang, year=year)
    pdf.paragraph(place, BODY, align="C", gap=0)
    day = rc.meeting_date_text(comp, lang, meeting_date)
    if meeting_date or settings.get("meeting_date"):
        day = t("report.meeting_date", lang, date=day)
    pdf.paragraph(day, BODY, align="C", gap=4)


def _summary(pdf: _Document, comp: Any, results: Any, lang: str) -> None:
    counted, total = rc.judges_counted(comp, results)
    method = rc.method_name(results.method, lang)
    intro = t(
        "report.intro",
        lang,
        products=len(comp.products),
        categories=len(rc.category_order(comp)),
        criteria=len(comp.criteria),
        method=method,
        quorum=results.quorum,
    )
    pdf.paragraph(intro, gap=2)
    pdf.heading(t("report.section.summary", lang))
    pdf.facts(
        [
            (t("report.method", lang), method),
            (t("report.quorum", lang), str(results.quorum)),
            (t("report.judges_counted", lang), t("report.judges_of", lang, n=counted, total=total)),
        ]
    )


def _nominee(pdf: _Document, comp: Any, results: Any, lang: str) -> None:
    pdf.heading(t("report.section.nominee", lang))
    names = rc.product_names(comp)
    if results.nominee is None:
        if len(results.tied_for_first) > 1:
            tied = ", ".join(f"{names.get(p, p)} ({p})" for p in results.tied_for_first)
            pdf.paragraph(t("report.tied", lang, products=tied))
        else:
            pdf.paragraph(t("report.no_nominee", lang))
        return
    row = results.standings.set_index("product_id").loc[results.nominee]
    line = t(
        "report.nominee_line",
        lang,
        name=row["product_name"],
        id=results.nominee,
        group=row["producer_group"],
        score=rc.points(row["score"]),
        n=int(row["n_judges"]),
    )
    pdf.paragraph(line, BODY, "B")
    if results.runner_up is not None:
        runner = f"{names.get(results.runner_up, results.runner_up)} ({results.runner_up})"
        margin = t("report.margin_line", lang, runner=runner, margin=rc.points(results.margin))
        pdf.paragraph(margin)
    rows = []
    for _, crit in comp.criteria.iterrows():
        mean = row.get(f"mean_{crit['criterion_id']}")
        rows.append([rc.criterion_label(crit, lang), f"{crit['max_score']:g}", rc.points(mean)])
    rows.append([t("report.score", lang), "100", rc.points(row["score"])])
    headers = [t("col.criterion", lang), t("col.max_score", lang), t("col.mean", lang)]
    pdf.paragraph(t("report.criterion_means", lang), BODY, "B", gap=0.5)
    pdf.table_rows(headers, rows, [110, 30, 34], ["L", "R", "R"])


def _decision_lines(decision: Any, lang: str) -> list[str]:
    key = "report.decision.confirmed" if decision.confirmed_nominee else "report.decision.other"
    lines = [t(key, lang, name=decision.product_name, id=decision.product_id)]
    if decision.reason:
        lines.append(t("report.decision.reason", lang, reason=decision.reason))
    by = t("decision.chair", lang) if decision.decided_by == "chair" else decision.decided_by
    lines.append(
        t("report.decision.when", lang, time=rc.thai_time(decision.decided_at, lang), by=by)
    )
    lines.append(
        t(
            "report.decision.at_the_time",
            lang,
            score=rc.points(decision.score),
            rank=decision.rank if decision.rank is not None else "-",
            n=decision.n_judges,
            method=rc.method_name(decision.method, lang),
        )
    )
    return lines


def _decision(pdf: _Document, history: list[Any], lang: str) -> None:
    pdf.heading(t("report.section.decision", lang))
    if not history:
        pdf.paragraph(t("report.decision.none", lang))
        return
    final, *_ = history[-1:]
    for n, line in enumerate(_decision_lines(final, lang)):
        pdf.paragraph(line, BODY, "B" if n == 0 else "", gap=0.5)
    if len(history) > 1:
        pdf.ln(1)
        pdf.paragraph(t("report.section.history", lang), BODY, "B", gap=0.5)
        yes, no = t("report.yes", lang), t("report.no", lang)
        rows = [
            [
                str(n),
                rc.thai_time(d.decided_at, lang),
                f"{d.product_name} ({d.product_id})",
                yes if d.confirmed_nominee else no,
                d.reason or "-",
            ]
            for n, d in enumerate(history, start=1)
        ]
        headers = [t(k, lang) for k in ("col.seq", "col.decided_at", "col.product_name")]
        headers += [t("col.confirmed", lang), t("col.reason", lang)]
        pdf.table_rows(headers, rows, [10, 38, 45, 22, 60], ["C", "L", "L", "C", "L"])


def _rankings(pdf: _Document, comp: Any, results: Any, lang: str) -> None:
    pdf.heading(t("report.section.rankings", lang))
    not_ranked = t("rank.not_ranked", lang)
    standings = results.standings
    headers = [t(k, lang) for k in ("col.category_rank", "col.rank", "col.id")]
    headers += [t(k, lang) for k in ("col.product_name", "col.producer_group", "col.score")]
    headers.append(t("col.n_judges", lang))
    for category in rc.category_order(comp):
        part = standings[standings["category"] == category]
        part = part.sort_values(
            ["ranked", "category_rank", "product_id"],
            ascending=[False, True, True],
            kind="stable",
            na_position="last",
        )
        rows = [
            [
                _rank_text(r["category_rank"], not_ranked),
                _rank_text(r["rank"], not_ranked),
                str(r["product_id"]),
                str(r["product_name"]),
                str(r["producer_group"]),
                rc.points(r["score"]),
                str(int(r["n_judges"])),
            ]
            for _, r in part.iterrows()
        ]
        if pdf.will_page_break(30):
            pdf.add_page()
        pdf.paragraph(t(f"cat.{category}", lang), BODY, "B", gap=0.5)
        pdf.table_rows(headers, rows, RANKING_WIDTHS, ["C", "C", "L", "L", "L", "R", "R"])


def _rank_text(rank: Any, not_ranked: str) -> str:
    return not_ranked if pd.isna(rank) else str(int(rank))


def _signatures(pdf: _Document, lang: str) -> None:
    if pdf.will_page_break(SIGNATURE_SPACE):
        pdf.add_page()
    pdf.ln(14)
    pdf.set_font(pdf.family, "", BODY)
    half = pdf.epw / 2
    dots = "." * 40
    roles = [t("report.sign.chair", lang), t("report.sign.secretary", lang)]
    rows = [[f"{t('report.sign.line', lang)} {dots}"] * 2, [f"({dots})"] * 2, roles]
    for row in rows:
        for n, text in enumerate(row):
            pdf.set_x(pdf.l_margin + n * half)
            pdf.cell(half, LINE + 2, text, align="C")
        pdf.ln(LINE + 2)
