"""Signatures on the committee's PDF: the chair's and secretary's block, and the whole committee.

:func:`signature_block` is the two-column block that closes the result (it never sits alone on
a page: the table before it keeps its last row with it, see ``SIGNATURE_SPACE``).
:func:`committee_page` is a page for every member: by sector, name, a line to sign, and a mark
for a member absent (Judges column ``attendance``) or with a declared conflict.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from kbo_dashboard.i18n import t
from kbo_dashboard.reports.pdf_document import BODY, LINE, Document
from kbo_dashboard.sources.layout import SECTORS

if TYPE_CHECKING:
    from kbo_dashboard.intake.parse import Competition

SIGNATURE_SPACE = 48  # mm the chair's and secretary's block needs
DOTS = "." * 40


def signature_block(pdf: Document, lang: str) -> None:
    """Sign-here lines for the chair (ประธานกรรมการ) and the secretary (เลขานุการ)."""
    if pdf.will_page_break(SIGNATURE_SPACE):
        pdf.add_page()
    pdf.ln(14)
    pdf.set_font(pdf.family, "", BODY)
    half = pdf.epw / 2
    roles = [t("report.sign.chair", lang), t("report.sign.secretary", lang)]
    rows = [[f"{t('report.sign.line', lang)} {DOTS}"] * 2, [f"({DOTS})"] * 2, roles]
    for row in rows:
        for n, text in enumerate(row):
            pdf.set_x(pdf.l_margin + n * half)
            pdf.cell(half, LINE + 2, text, align="C")
        pdf.ln(LINE + 2)


def member_marks(comp: Competition, lang: str) -> dict[str, str]:
    """judge_id -> "absent" and/or "conflict: P-09" in ``lang`` (members with a mark only)."""
    conflicts = comp.conflicts.groupby("judge_id")["product_id"].apply(sorted).to_dict()
    marks: dict[str, str] = {}
    for judge in comp.judges.itertuples():
        parts = []
        if getattr(judge, "attendance", "") == "absent":
            parts.append(t("docs.sign.absent", lang))
        if judge.judge_id in conflicts:
            ids = ", ".join(conflicts[judge.judge_id])
            parts.append(t("docs.sign.conflict", lang, products=ids))
        if parts:
            marks[judge.judge_id] = "; ".join(parts)
    return marks


def sector_name(code: str, lang: str) -> str:
    return t(f"sector.{code}", lang) if code in SECTORS else t("docs.sign.no_sector", lang)


class JudgeRow(Protocol):
    """A row of ``comp.judges`` as ``itertuples`` gives it (columns: intake.parse.JUDGE_COLUMNS)."""

    judge_id: str
    judge_name: str
    sector: str


def members_by_sector(comp: Competition) -> list[tuple[str, list[JudgeRow]]]:
    """(sector code, its members in Judges-tab order), sectors in the layout's order."""
    judges = list(comp.judges.itertuples())
    order = [*SECTORS, ""]
    groups = [(code, [j for j in judges if (j.sector or "") == code]) for code in order]
    return [(code, members) for code, members in groups if members]


def committee_page(pdf: Document, comp: Competition, lang: str) -> None:
    """A new page: every member by sector with a line to sign and a mark where absent."""
    pdf.add_page()
    pdf.paragraph(t("docs.sign.title", lang), 16, "B", align="C", gap=1)
    pdf.paragraph(t("docs.sign.intro", lang, n=len(comp.judges)), gap=2)
    marks = member_marks(comp, lang)
    headers = [t(k, lang) for k in ("docs.sign.seq", "col.judge_name", "docs.sign.signature")]
    headers.append(t("docs.sign.note", lang))
    seq = 0
    for code, members in members_by_sector(comp):
        rows = []
        for judge in members:
            seq += 1
            mark = marks.get(judge.judge_id, "")
            rows.append([str(seq), f"{judge.judge_name} ({judge.judge_id})", "\n", mark])
        if pdf.will_page_break(20):
            pdf.add_page()
        pdf.paragraph(f"{sector_name(code, lang)} ({len(members)})", BODY, "B", gap=0.5)
        pdf.table_rows(headers, rows, [10, 62, 55, 47], ["C", "L", "L", "L"])
