"""A Word document in the form Thai government documents use (for the minutes, issue 19).

A4 with the official margins (left 3 cm, right 2 cm); TH Sarabun New 16 pt throughout, marked
Thai so Word and LibreOffice break lines between words; headings bold, black, in the same font
(not Word's blue theme font); tables with fixed column widths, a header row repeated on every
page and rows that never split. python-docx writes the XML; elements it has no API for are
added in the order Word's schema wants (Word refuses a file that breaks it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from kbo_dashboard.reports.common import xml_safe

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import Table, _Row
    from docx.text.paragraph import Paragraph

FONT = "TH Sarabun New"
SIZE = 16  # pt, body and headings alike (the title is larger)
TITLE_SIZE = 18
#: A4 with the margins Thai government documents use: left 3 cm, right 2 cm, 2.5 cm top/bottom.
PAGE = {"page_width": Mm(210), "page_height": Mm(297), "left_margin": Cm(3)}
PAGE |= {"right_margin": Cm(2), "top_margin": Cm(2.5), "bottom_margin": Cm(2)}
TEXT_WIDTH_CM = 16.0
CELL_MARGIN_TWIPS = 57  # 1 mm


def clean(text: object) -> str:
    """``text`` as a string Word can hold (:func:`~kbo_dashboard.reports.common.xml_safe`)."""
    return xml_safe(text)


# --- the page and the styles ------------------------------------------------------------------
#: The order Word's schema wants inside ``w:rPr`` (Word refuses a file that breaks it).
_RPR_TAGS = "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint"
_RPR_TAGS += " noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight"
_RPR_TAGS += " u effect bdr shd fitText vertAlign rtl cs em lang"
_RPR_ORDER = [qn(f"w:{tag}") for tag in _RPR_TAGS.split()]  # noqa: SIM905
_TBLPR_TAGS = "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW"
_TBLPR_TAGS += " jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook"
_TBLPR_ORDER = [qn(f"w:{tag}") for tag in _TBLPR_TAGS.split()]  # noqa: SIM905


def _run_font(rpr: BaseOxmlElement, size: float, bold: bool = False) -> None:
    """One font, one size, black, Thai, on a style's or a run's ``w:rPr`` (theme fonts removed)."""
    for tag in ("w:rFonts", "w:sz", "w:szCs", "w:color", "w:b", "w:bCs", "w:i", "w:iCs", "w:lang"):
        for old in rpr.findall(qn(tag)):
            rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    parts = [fonts]
    if bold:
        parts += [OxmlElement("w:b"), OxmlElement("w:bCs")]
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "000000")
    parts.append(color)
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(int(size * 2)))
        parts.append(element)
    lang = OxmlElement("w:lang")
    for attribute in ("w:val", "w:bidi"):
        lang.set(qn(attribute), "th-TH")
    parts.append(lang)
    for element in parts:
        rpr.append(element)
    _in_order(rpr, _RPR_ORDER)


def _in_order(parent: BaseOxmlElement, order: list[str]) -> None:
    """``parent``'s children sorted into the schema's order (unknown ones last, as they were)."""
    parent[:] = sorted(parent, key=lambda e: order.index(e.tag) if e.tag in order else len(order))


def styles(document: DocxDocument) -> None:
    """A4; Normal and the headings in TH Sarabun New, headings bold, black, no theme font."""
    for name, value in PAGE.items():
        setattr(document.sections[0], name, value)
    normal = document.styles["Normal"]
    _run_font(normal.element.get_or_add_rPr(), SIZE)
    normal.paragraph_format.space_after = Pt(0)
    for name, size in (("Heading 1", TITLE_SIZE), ("Heading 2", SIZE)):
        style = document.styles[name]
        _run_font(style.element.get_or_add_rPr(), size, bold=True)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(6)
        style.paragraph_format.space_after = Pt(3)


def paragraph(
    document: DocxDocument, text: str, *, bold=False, center=False, keep=False
) -> Paragraph:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(clean(text))
    if bold:
        run.bold = True
        run.font.cs_bold = True
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = keep
    return paragraph


def heading(document: DocxDocument, text: str, level: int = 2, center=False) -> None:
    heading = document.add_heading(clean(text), level=level)
    heading.paragraph_format.keep_with_next = True
    if center:
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _row_props(row: _Row, header: bool) -> None:
    """A row never splits across pages; the header row repeats on every page."""
    props = row._tr.get_or_add_trPr()
    props.append(OxmlElement("w:cantSplit"))
    if header:
        props.append(OxmlElement("w:tblHeader"))


def table(
    document: DocxDocument, headers: list[str], rows: list[list[str]], widths: list[float]
) -> Table:
    """A grid with fixed column widths (cm, adding up to the text width)."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False  # w:tblLayout fixed
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    margins = OxmlElement("w:tblCellMar")  # 1 mm each side: a narrow column keeps its word
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.append(margins)
    _in_order(table._tbl.tblPr, _TBLPR_ORDER)
    for column, width in zip(table.columns, widths):
        column.width = Cm(width)
    _row_props(table.rows[0], header=True)
    for cell, text in zip(table.rows[0].cells, headers):
        run = cell.paragraphs[0].add_run(clean(text))
        run.bold = run.font.cs_bold = True
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for values in rows:
        row = table.add_row()
        _row_props(row, header=False)
        for cell, text in zip(row.cells, values):
            cell.paragraphs[0].add_run(clean(text))
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)
    document.add_paragraph()  # a table never runs into the next heading
    return table
