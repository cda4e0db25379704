"""The committee's official result as a PDF: "ผลการพิจารณาคัดเลือกผลิตภัณฑ์".

One A4 document, Thai by default: the province and Buddhist Era year, the meeting date, how the
scores were combined, the nominee with its criterion means and margin, the chair's recorded decision
(with its reason and history), the ranking table of every category, signature lines for the
chair (ประธานกรรมการ) and the secretary (เลขานุการ) kept with the table before them, and a page
for the whole committee to sign (:mod:`kbo_dashboard.reports.signatures`). Counts come from
:mod:`kbo_dashboard.scoring.counts`, times from the competition's clock; every page says
"ร่าง / DRAFT" until a decision is recorded, and "ข้อมูลตัวอย่าง / DEMO" on the demo
(:mod:`kbo_dashboard.reports.status`).

Thai is set in Sarabun (:mod:`kbo_dashboard.reports.fonts`) with HarfBuzz text shaping, so vowels
and tone marks sit where they belong, and the text copies out of the PDF as typed. Lines are broken
between words (:mod:`kbo_dashboard.reports.thai_text`), never inside one; every line is placed by
this module, so fpdf2 never re-wraps it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from kbo_dashboard.i18n import t
from kbo_dashboard.reports import common as rc
from kbo_dashboard.reports.pdf_document import BODY, HEADING, TITLE, Document
from kbo_dashboard.reports.signatures import SIGNATURE_SPACE, committee_page, signature_block
from kbo_dashboard.reports.status import ReportStatus, report_status, status_lines
from kbo_dashboard.scoring.counts import format_count, is_level, panel_counts

if TYPE_CHECKING:
    from kbo_dashboard.intake.parse import Competition
    from kbo_dashboard.meeting.decision import Decision
    from kbo_dashboard.scoring.counts import PanelCounts
    from kbo_dashboard.scoring.scoring import Results

#: Ranking table columns (mm on A4 portrait): names and producer groups of ~35 Thai characters
#: fit on one line.
RANKING_WIDTHS = [15, 12, 13, 54.5, 51.5, 14, 14]


def build_pdf(
    comp: Competition,
    results: Results,
    decisions: Iterable[Decision] | None = (),
    lang: str = "th",
    meeting_date: dt.date | None = None,
    *,
    demo: bool = False,
    now: dt.datetime | None = None,
) -> bytes:
    """The official result as PDF bytes: a draft until a decision is recorded."""
    history = rc.decision_list(decisions)
    status = report_status(history, demo, comp, results)
    pdf = new_document(comp, lang, status, now)
    pdf.set_title(t("report.title", lang))
    pdf.add_page()
    _heading_block(pdf, comp, lang, meeting_date)
    _status(pdf, comp, status, lang)
    _summary(pdf, comp, results, lang)
    _nominee(pdf, comp, results, lang)
    _decision(pdf, history, lang, comp.settings)
    _rankings(pdf, comp, results, lang)
    signature_block(pdf, lang)
    committee_page(pdf, comp, lang)
    return bytes(pdf.output())


def new_document(
    comp: Competition,
    lang: str,
    status: ReportStatus,
    now: dt.datetime | None = None,
    *,
    body: float = BODY,
    footer: bool = True,
) -> Document:
    """A document with the marks of ``status`` and the generation time on the competition clock."""
    moment = now or dt.datetime.now(dt.UTC)
    generated = t("report.generated", lang, time=rc.thai_time(moment, lang, comp.settings))
    return Document(lang, generated, status.marks(), body, footer)


def _status(pdf: Document, comp: Competition, status: ReportStatus, lang: str) -> None:
    for n, line in enumerate(status_lines(status, comp.settings, lang)):
        pdf.paragraph(line, BODY, "B" if n == 0 else "", gap=0.5)
    pdf.ln(2)


def _heading_block(
    pdf: Document, comp: Competition, lang: str, meeting_date: dt.date | None
) -> None:
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


def _summary(pdf: Document, comp: Competition, results: Results, lang: str) -> None:
    counts = panel_counts(comp, results)
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
            *count_facts(counts, lang),
        ]
    )


def count_facts(counts: PanelCounts, lang: str) -> list[tuple[str, str]]:
    """The panel's counts as (label, value), worded as in the xlsx summary."""
    facts = [
        (t("count.panel", lang), t("count.judges", lang, n=format_count(counts.panel))),
        (
            t("count.finished", lang),
            t("report.judges_of", lang, n=format_count(counts.finished), total=counts.panel),
        ),
    ]
    if counts.counted_for_nominee is not None:
        n = format_count(counts.counted_for_nominee)
        facts.append((t("count.counted_for_nominee", lang), t("count.judges", lang, n=n)))
    scores = t(
        "count.of", lang, n=format_count(counts.scores), total=format_count(counts.scores_expected)
    )
    return facts + [(t("count.scores", lang), scores)]


def _nominee(pdf: Document, comp: Competition, results: Results, lang: str) -> None:
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
        margin = (
            t("report.level_line", lang, runner=runner)
            if is_level(results.margin)
            else t("report.margin_line", lang, runner=runner, margin=rc.points(results.margin))
        )
        pdf.paragraph(margin)
    rows = []
    for _, crit in comp.criteria.iterrows():
        mean = row.get(f"mean_{crit['criterion_id']}")
        rows.append([rc.criterion_label(crit, lang), f"{crit['max_score']:g}", rc.points(mean)])
    rows.append([t("report.score", lang), "100", rc.points(row["score"])])
    headers = [t("col.criterion", lang), t("col.max_score", lang), t("col.mean", lang)]
    pdf.paragraph(t("report.criterion_means", lang), BODY, "B", gap=0.5)
    pdf.table_rows(headers, rows, [110, 30, 34], ["L", "R", "R"])


def _decision_lines(decision: Decision, lang: str, settings: dict) -> list[str]:
    key = "report.decision.confirmed" if decision.confirmed_nominee else "report.decision.other"
    lines = [t(key, lang, name=decision.product_name, id=decision.product_id)]
    if decision.reason:
        lines.append(t("report.decision.reason", lang, reason=decision.reason))
    by = t("decision.chair", lang) if decision.decided_by == "chair" else decision.decided_by
    lines.append(
        t(
            "report.decision.when",
            lang,
            time=rc.thai_time(decision.decided_at, lang, settings),
            by=by,
        )
    )
    lines.append(
        t(
            "report.decision.at_the_time",
            lang,
            score=rc.points(decision.score),
            rank=decision.rank if decision.rank is not None else "-",
            n=format_count(decision.n_judges),
            method=rc.method_name(decision.method, lang),
        )
    )
    return lines


def _decision(pdf: Document, history: list[Decision], lang: str, settings: dict) -> None:
    pdf.heading(t("report.section.decision", lang))
    if not history:
        pdf.paragraph(t("report.decision.none", lang))
        return
    final, *_ = history[-1:]
    for n, line in enumerate(_decision_lines(final, lang, settings)):
        pdf.paragraph(line, BODY, "B" if n == 0 else "", gap=0.5)
    if len(history) > 1:
        pdf.ln(1)
        pdf.paragraph(t("report.section.history", lang), BODY, "B", gap=0.5)
        yes, no = t("report.yes", lang), t("report.no", lang)
        rows = [
            [
                str(n),
                rc.thai_time(d.decided_at, lang, settings),
                f"{d.product_name} ({d.product_id})",
                yes if d.confirmed_nominee else no,
                d.reason or "-",
            ]
            for n, d in enumerate(history, start=1)
        ]
        headers = [t("col.seq", lang), rc.decided_at_header(lang, settings)]
        headers.append(t("col.product_name", lang))
        headers += [t("col.confirmed", lang), t("col.reason", lang)]
        pdf.table_rows(headers, rows, [10, 38, 45, 22, 60], ["C", "L", "L", "C", "L"])


def _rankings(pdf: Document, comp: Competition, results: Results, lang: str) -> None:
    pdf.heading(t("report.section.rankings", lang))
    not_ranked = t("rank.not_ranked", lang)
    standings = results.standings
    headers = [t(k, lang) for k in ("col.category_rank", "col.rank", "col.id")]
    headers += [t(k, lang) for k in ("col.product_name", "col.producer_group", "col.score")]
    headers.append(t("col.n_judges", lang))
    categories = rc.category_order(comp)
    for category in categories:
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
        keep = SIGNATURE_SPACE if category == categories[-1] else 0  # signatures never alone
        # The heading and the table header go with the first row (and a lone last row with
        # the signatures).
        if pdf.will_page_break(30 + (keep if len(rows) == 1 else 0)):
            pdf.add_page()
        pdf.paragraph(t(f"cat.{category}", lang), BODY, "B", gap=0.5)
        aligns = ["C", "C", "L", "L", "L", "R", "R"]
        pdf.table_rows(headers, rows, RANKING_WIDTHS, aligns, keep_with_next=keep)


def _rank_text(rank: float, not_ranked: str) -> str:
    return not_ranked if pd.isna(rank) else str(int(rank))
