"""The announcement of the result, ประกาศผลการคัดเลือก: one A4 page in the usual Thai layout.

Heading ประกาศ..., เรื่อง..., a short rule, the body (first lines indented), "ประกาศ ณ วันที่ ...
พ.ศ. ...", and the signer's block; Sarabun 16 pt as TH Sarabun documents are. The document
number, the signer's name and position come from Settings (``document_number``,
``signer_name``, ``signer_position``; a dotted line to fill in by hand when empty), and
``thai_numerals`` writes every digit as a Thai digit. The product is the chair's final
decision; before one is recorded it is the provisional nominee and the page says
"ร่าง / DRAFT". It is dated the meeting's date unless Settings gives ``announcement_date``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypedDict

from kbo_dashboard.i18n import t
from kbo_dashboard.intake import clock
from kbo_dashboard.intake.cells import with_thai_digits
from kbo_dashboard.reports import common as rc
from kbo_dashboard.reports.pdf import new_document
from kbo_dashboard.reports.status import Decisions, report_status

if TYPE_CHECKING:
    from kbo_dashboard.intake.parse import Competition
    from kbo_dashboard.meeting.decision import Decision
    from kbo_dashboard.scoring.scoring import Results

SIZE = 16
INDENT = 25  # mm, the first line of a paragraph (2.5 cm)
DOTS = "." * 30


def digits(text: str, settings: dict) -> str:
    """``text`` with Thai digits when the Settings say ``thai_numerals``."""
    return with_thai_digits(text) if settings.get("thai_numerals") else text


class AnnouncementText(TypedDict):
    """The announcement's parts (before Thai digits)."""

    number: str
    heading: str
    subject: str
    body: list[str]
    date: str
    signer: str
    position: str


def _chosen(
    comp: Competition, results: Results, decision: Decision | None, lang: str
) -> dict[str, str] | None:
    product_id = decision.product_id if decision is not None else results.nominee
    if product_id is None:
        return None
    found = comp.products[comp.products["product_id"] == product_id]
    if found.empty:  # decided, then renamed or removed from Products: the decision's own name
        name = getattr(decision, "product_name", "") or "-"
        return {"id": product_id, "name": name, "group": "-", "district": "-", "category": "-"}
    row = found.iloc[0]
    return {
        "id": product_id,
        "name": str(row["product_name"]),
        "group": str(row["producer_group"]),
        "district": str(row.get("district") or "-"),
        "category": t(f"cat.{row['category']}", lang),
    }


def announcement_day(settings: dict, decision: Decision | None, now: dt.datetime) -> dt.date:
    """The announcement's date: Settings ``announcement_date``, else the meeting's date, else
    the day of the decision (or today), on the competition's clock (issue 19)."""
    for key in ("announcement_date", "meeting_date"):
        if isinstance(settings.get(key), dt.date):
            return settings[key]
    return clock.local(decision.decided_at if decision is not None else now, settings).date()


def announcement_lines(
    comp: Competition, results: Results, decisions: Decisions, lang: str, now: dt.datetime
) -> AnnouncementText:
    """The announcement's parts as text (before Thai digits): heading, subject, body, date."""
    settings = comp.settings
    status = report_status(decisions)
    province = settings.get("province") or DOTS
    year = settings.get("year") or ""
    chosen = _chosen(comp, results, status.decision, lang)
    meeting = rc.meeting_date_text(comp, lang)
    body = [
        t("ann.body.intro", lang, meeting=meeting, n=len(comp.products), judges=len(comp.judges))
    ]
    if chosen:
        body.append(t("ann.body.result", lang, **chosen))
    else:
        body.append(t("ann.body.none", lang))
    body.append(t("ann.body.close", lang))
    day = announcement_day(settings, status.decision, now)
    return {
        "number": t("ann.number", lang, number=settings.get("document_number") or DOTS),
        "heading": t("ann.heading", lang, province=province),
        "subject": t("ann.subject", lang, year=year),
        "body": body,
        "date": t(
            "ann.date", lang, day=day.day, month=t(f"month.{day.month}", lang), year=day.year + 543
        ),
        "signer": f"({settings.get('signer_name') or DOTS})",
        "position": settings.get("signer_position") or DOTS,
    }


def build_announcement(
    comp: Competition,
    results: Results,
    decisions: Decisions = (),
    lang: str = "th",
    *,
    demo=False,
    now=None,
) -> bytes:
    """The announcement as one-page PDF bytes."""
    now = now or dt.datetime.now(dt.UTC)
    settings = comp.settings
    parts = announcement_lines(comp, results, decisions, lang, now)
    status = report_status(decisions, demo, comp, results)
    pdf = new_document(comp, lang, status, now, body=SIZE, footer=False)
    pdf.set_margins(30, 20, 20)  # the Thai official margins: 3 cm left, 2 cm right
    pdf.set_title(parts["heading"])
    pdf.add_page()

    def say(
        text: str, style: str = "", align: str = "L", gap: float = 1, indent: float = 0
    ) -> None:
        pdf.paragraph(digits(text, settings), SIZE, style, align, gap, indent)

    say(parts["number"], align="R", gap=6)
    say(parts["heading"], style="B", align="C", gap=0)
    say(parts["subject"], style="B", align="C", gap=1)
    pdf.line(pdf.w / 2 - 25, pdf.get_y() + 1, pdf.w / 2 + 25, pdf.get_y() + 1)
    pdf.ln(6)
    for text in parts["body"]:
        say(text, indent=INDENT, gap=2)
    pdf.ln(4)
    say(parts["date"], indent=INDENT * 2, gap=18)
    for text in (t("report.sign.line", lang) + " " + DOTS, parts["signer"], parts["position"]):
        pdf.set_x(pdf.l_margin + pdf.epw / 2 - 20)
        pdf.set_font(pdf.family, "", SIZE)
        pdf.cell(
            pdf.epw / 2 + 20, 9, digits(text, settings), align="C", new_x="LMARGIN", new_y="NEXT"
        )
    return bytes(pdf.output())
