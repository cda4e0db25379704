"""Whether a report is a draft, a demo or final, and what a final one says about its decision.

A report is a draft ("ร่าง / DRAFT" on every page and sheet) until the chair has recorded a
decision (:func:`kbo_dashboard.meeting.decision.final`). A report made from the demo data also
carries "ข้อมูลตัวอย่าง / DEMO", decided or not. A final report names the decision, says when it
was recorded on the competition's clock, and what the readiness checklist showed then: the
decision's ``open_points`` (compact JSON list of ``{key, detail_th, detail_en}``; "" is clear).

When the counted scores were edited after the decision
(:func:`kbo_dashboard.meeting.binding.scores_edited`), a report is not final: every page carries
"คะแนนถูกแก้ไขหลังบันทึกมติ / SCORES EDITED AFTER THE DECISION", and the status paragraph says so
with the edited cells and the standings the decision was made on beside today's.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kbo_dashboard.i18n import t
from kbo_dashboard.meeting.decision import Decision, final
from kbo_dashboard.reports import common as rc

if TYPE_CHECKING:
    from kbo_dashboard.intake.parse import Competition
    from kbo_dashboard.meeting.binding import ScoresEdited
    from kbo_dashboard.scoring.scoring import Results

#: The chair's decisions as the report builders take them (oldest first; None: none).
Decisions = Iterable[Decision] | None


@dataclass(frozen=True)
class ReportStatus:
    """The decision a report rests on (None: a draft) and whether its data is the demo."""

    decision: Decision | None
    demo: bool = False
    #: :class:`~kbo_dashboard.meeting.binding.ScoresEdited` when the scores changed after the
    #: decision (None: unchanged, no decision, or a decision without a digest).
    edited: ScoresEdited | None = None

    @property
    def draft(self) -> bool:
        return self.decision is None

    def marks(self) -> list[str]:
        """The bilingual marks printed on every page: draft and/or demo."""
        marks = [t("docs.mark.draft", "th")] if self.draft else []
        marks += [t("binding.mark", "th")] if self.edited is not None else []
        return marks + ([t("docs.mark.demo", "th")] if self.demo else [])


def report_status(
    decisions: Iterable[Decision] | None,
    demo: bool = False,
    comp: Competition | None = None,
    results: Results | None = None,
) -> ReportStatus:
    """The report's status; with ``comp`` (and today's ``results``), whether the scores were
    edited after the decision (the audit trail gives the cells)."""
    decision = final(list(decisions or ()))
    edited = None
    if decision is not None and comp is not None:
        from kbo_dashboard.meeting.binding import audit_changes, scores_edited

        if getattr(decision, "scores_digest", ""):
            edited = scores_edited(decision, comp, results, audit_changes(decision))
    return ReportStatus(decision, bool(demo), edited)


def open_points(decision: Decision) -> list[dict[str, str]]:
    """The checklist's open points saved with ``decision`` ([] when clear or unreadable)."""
    text = getattr(decision, "open_points", "") or ""
    try:
        points = json.loads(text) if text else []
    except ValueError:
        return [{"key": "unreadable", "detail_th": text, "detail_en": text}]
    return [p for p in points if isinstance(p, dict)] if isinstance(points, list) else []


def checklist_lines(decision: Decision, lang: str) -> list[str]:
    """What the readiness checklist showed when ``decision`` was recorded."""
    points = open_points(decision)
    if not points:
        return [t("docs.final.checklist_clear", lang)]
    lines = [t("docs.final.checklist_open", lang, n=len(points))]
    for point in points:
        detail = point.get(f"detail_{lang}") or point.get("detail_th") or ""
        name = t(f"docs.point.{point.get('key', '')}", lang)
        name = point.get("key", "") if name.startswith("docs.point.") else name
        lines.append(f"- {name}: {detail}" if detail else f"- {name}")
    return lines


def status_lines(status: ReportStatus, settings: dict | None, lang: str) -> list[str]:
    """The report's status paragraph: draft, or the final decision, its time and checklist."""
    d = status.decision
    if d is None:  # a draft
        return [t("docs.draft_note", lang)]
    when = rc.thai_time(d.decided_at, lang, settings)
    if status.edited is not None:
        from kbo_dashboard.meeting.binding import notice_lines

        first = t("binding.final_edited", lang, name=d.product_name, id=d.product_id, time=when)
        return [first, *checklist_lines(d, lang), *notice_lines(status.edited, lang, settings)]
    lines = [t("docs.final.decision", lang, name=d.product_name, id=d.product_id, time=when)]
    return lines + checklist_lines(d, lang)
