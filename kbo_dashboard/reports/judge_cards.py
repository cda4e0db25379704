"""Judge cards: one printable card per judge, so each judge is one scan away from their own tab.

A4, two cards a page, cut along the dashed line. Each card has the judge's ID and name, a QR
code (``segno``) of the link that opens the Google Sheet on that judge's tab, the link itself
in small type, and the products in that tab (in the tab's row order).

The demo and .xlsx sources have no sheet link: their cards show the tab's name in large type
where the QR code would be, and say that there is no link (a QR code of a bare tab name would
open nothing on a phone). Cards made from the demo say "ข้อมูลตัวอย่าง / DEMO" on each card.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

import segno
from fpdf import FPDF

from kbo_dashboard.i18n import t
from kbo_dashboard.reports.fonts import add_sarabun
from kbo_dashboard.reports.thai_text import clip, fit_line, wrap

if TYPE_CHECKING:
    from kbo_dashboard.intake.parse import Competition

CARD_HEIGHT = 148.5  # half an A4 page, mm
QR_SIZE = 62  # mm


@dataclass(frozen=True)
class JudgeCard:
    judge_id: str
    judge_name: str
    tab: str
    link: str  # "" when the source has no sheet link
    products: tuple[tuple[str, str], ...]  # (product_id, product_name)


def judge_cards(comp: Competition) -> list[JudgeCard]:
    """A card per judge: their tab's products in row order (all expected ones if it has none)."""
    names = dict(zip(comp.products["product_id"], comp.products["product_name"]))
    conflicts = set(zip(comp.conflicts["judge_id"], comp.conflicts["product_id"]))
    cards = []
    for judge in comp.judges.itertuples():
        rows = comp.rows[comp.rows["judge_id"] == judge.judge_id].sort_values("row")
        ids = [p for p in rows["product_id"] if p in names]
        if not ids:
            ids = [p for p in names if (judge.judge_id, p) not in conflicts]
        link = str(getattr(judge, "link", "") or "")
        products = tuple((p, str(names[p])) for p in ids)
        cards.append(JudgeCard(judge.judge_id, str(judge.judge_name), judge.sheet, link, products))
    return cards


def qr_png(link: str) -> io.BytesIO:
    """The QR code of ``link`` as a PNG (error correction M, a 4-module quiet zone)."""
    out = io.BytesIO()
    segno.make(link, error="m").save(out, kind="png", scale=8, border=4)
    out.seek(0)
    return out


def build_judge_cards(
    comp: Competition, lang: str = "th", title: str = "", *, demo: bool = False
) -> bytes:
    """The cards PDF for every judge of ``comp``."""
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    family = add_sarabun(pdf)
    pdf.set_title(t("cards.title", lang))
    cards = judge_cards(comp)
    for n, card in enumerate(cards):
        if n % 2 == 0:
            pdf.add_page()
        top = (n % 2) * CARD_HEIGHT
        _card(pdf, family, card, top, lang, title)
        if demo:
            _demo_mark(pdf, family, top)
        if n % 2 == 0 and n + 1 < len(cards):
            pdf.set_dash_pattern(dash=2, gap=2)
            pdf.line(5, CARD_HEIGHT, 205, CARD_HEIGHT)
            pdf.set_dash_pattern()
    if not cards:
        pdf.add_page()
        pdf.set_font(family, "", 14)
        pdf.cell(0, 10, t("cards.none", lang))
    return bytes(pdf.output())


def _demo_mark(pdf: FPDF, family: str, top: float) -> None:
    """The demo's mark at the card's top right, in red as on every other document."""
    pdf.set_xy(105, top + 4)
    pdf.set_font(family, "B", 11)
    pdf.set_text_color(200, 30, 30)
    pdf.cell(90, 5, t("docs.mark.demo", "th"), align="R")
    pdf.set_text_color(0, 0, 0)


def _card(pdf: FPDF, family: str, card: JudgeCard, top: float, lang: str, title: str) -> None:
    left = 15
    pdf.set_xy(left, top + 10)
    pdf.set_font(family, "", 10)
    pdf.cell(180, 5, fit_line(title or t("cards.title", lang), 180, pdf.get_string_width))
    pdf.set_xy(left, top + 16)
    pdf.set_font(family, "B", 20)
    pdf.cell(
        180, 10, fit_line(f"{card.judge_id}  {card.judge_name}".strip(), 180, pdf.get_string_width)
    )
    box_top = top + 30
    if card.link:
        pdf.image(qr_png(card.link), x=left, y=box_top, w=QR_SIZE, h=QR_SIZE)
        pdf.set_font(family, "", 10)
        _lines(pdf, t("cards.scan", lang), left, box_top + QR_SIZE + 1, QR_SIZE, "L")
        pdf.set_xy(left, top + CARD_HEIGHT - 14)
        pdf.set_font(family, "", 7)
        pdf.cell(180, 4, fit_line(card.link, 180, pdf.get_string_width))
    else:
        pdf.rect(left, box_top, QR_SIZE, QR_SIZE)
        pdf.set_xy(left, box_top + QR_SIZE / 2 - 12)
        pdf.set_font(family, "B", 22)
        pdf.cell(QR_SIZE, 12, fit_line(card.tab, QR_SIZE, pdf.get_string_width), align="C")
        pdf.set_font(family, "", 10)
        _lines(pdf, t("cards.no_link", lang), left + 3, box_top + QR_SIZE / 2 + 2, QR_SIZE - 6, "C")
    _products(pdf, family, card, left + QR_SIZE + 8, box_top, lang)


def _lines(pdf: FPDF, text: str, x: float, y: float, width: float, align: str) -> None:
    """``text`` wrapped between Thai words within ``width``."""
    for n, line in enumerate(wrap(clip(text), width, pdf.get_string_width)):
        pdf.set_xy(x, y + n * 4.5)
        pdf.cell(width, 4.5, line, align=align)


def _products(pdf: FPDF, family: str, card: JudgeCard, x: float, y: float, lang: str) -> None:
    width = 195 - x
    pdf.set_xy(x, y)
    pdf.set_font(family, "B", 11)
    heading = t("cards.products", lang, tab=card.tab, n=len(card.products))
    pdf.cell(width, 6, fit_line(heading, width, pdf.get_string_width))
    line = min(4.6, 96 / max(1, len(card.products)))
    pdf.set_font(family, "", min(10, line * 2.2))
    for n, (pid, name) in enumerate(card.products):
        pdf.set_xy(x, y + 7 + n * line)
        pdf.cell(width, line, fit_line(f"{pid}  {name}", width, pdf.get_string_width))
