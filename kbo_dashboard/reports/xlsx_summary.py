"""The xlsx Summary sheet (สรุป): status, the meeting, the counts, the nominee and the decision.

The first row says whether the workbook is a draft, demo data or final; a final one names the
decision, when it was recorded (competition clock) and what the readiness checklist showed.
Counts and scores are those of :mod:`kbo_dashboard.scoring.counts` (the pages and the PDF
show the same numbers).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pandas as pd

from kbo_dashboard.i18n import t
from kbo_dashboard.reports import common as rc
from kbo_dashboard.reports.status import ReportStatus, status_lines
from kbo_dashboard.scoring.counts import format_count, panel_counts, round_score

if TYPE_CHECKING:
    from kbo_dashboard.intake.parse import Competition
    from kbo_dashboard.meeting.decision import Decision
    from kbo_dashboard.scoring.scoring import Results


def summary_frame(
    comp: Competition,
    results: Results,
    history: list,
    status: ReportStatus,
    lang: str,
    now: dt.datetime | None = None,
) -> pd.DataFrame:
    """The Summary sheet as (item, value) rows."""
    settings = comp.settings
    names = rc.product_names(comp)
    counts = panel_counts(comp, results)
    nominee = results.nominee
    standing = results.standings.set_index("product_id")
    latest = status.decision  # the latest decision the app signed (None: a draft)
    marks = " · ".join(status.marks()) or t("docs.status.final", lang)
    scores = t(
        "count.of", lang, n=format_count(counts.scores), total=format_count(counts.scores_expected)
    )
    rows: list[tuple[str, Any]] = [
        (t("docs.status", lang), marks),
        (t("docs.status.detail", lang), "\n".join(status_lines(status, settings, lang))),
        (t("report.meeting_title", lang), settings.get("title") or t("report.title", lang)),
        (t("report.province", lang), settings.get("province") or None),
        (t("report.year", lang), int(settings["year"]) if settings.get("year") else None),
        (t("report.date", lang), rc.meeting_date_text(comp, lang)),
        (t("report.method", lang), rc.method_name(results.method, lang)),
        (t("report.quorum", lang), int(results.quorum)),
        (t("count.panel", lang), counts.panel),
        (t("count.finished", lang), counts.finished),
        (t("count.counted_for_nominee", lang), counts.counted_for_nominee),
        (t("count.scores", lang), scores),
        (
            t("report.nominee", lang),
            f"{names.get(nominee, nominee)} ({nominee})" if nominee else None,
        ),
        (t("report.score", lang), round_score(standing["score"].get(nominee)) if nominee else None),
        (t("report.margin", lang), round_score(results.margin)),
        (t("report.runner_up", lang), _product(names, results.runner_up)),
        (t("report.final_decision", lang), _decision_text(latest, lang, settings)),
        (
            t("report.generated", lang, time=""),
            rc.thai_time(now or dt.datetime.now(dt.UTC), lang, settings),
        ),
    ]
    if nominee is None and len(results.tied_for_first) > 1:
        tied = ", ".join(_label(names, p) for p in results.tied_for_first)
        rows.insert(12, (t("report.nominee", lang), t("report.tied", lang, products=tied)))
    return pd.DataFrame(rows, columns=[t("report.item", lang), t("report.value", lang)])


def _label(names: dict[str, str], product_id: str) -> str:
    return f"{names.get(product_id, product_id)} ({product_id})"


def _product(names: dict[str, str], product_id: str | None) -> str | None:
    return _label(names, product_id) if product_id else None


def _decision_text(decision: Decision | None, lang: str, settings: dict) -> str:
    if decision is None:
        return t("report.decision.none", lang)
    key = "report.decision.confirmed" if decision.confirmed_nominee else "report.decision.other"
    parts = [t(key, lang, name=decision.product_name, id=decision.product_id)]
    if decision.reason:
        parts.append(t("report.decision.reason", lang, reason=decision.reason))
    when = rc.thai_time(decision.decided_at, lang, settings)
    parts.append(t("report.decision.when", lang, time=when, by=decision.decided_by))
    return " ".join(parts)
