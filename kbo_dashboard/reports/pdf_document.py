"""The A4 page every PDF of the committee is set on: Sarabun, marks, footer, text and tables.

:class:`Document` puts the draft and demo marks (:mod:`kbo_dashboard.reports.status`) at the
top of every page, and the generation time and
page number in the footer. Lines break between words only (:mod:`.thai_text`); a table header
cell is set in a smaller size rather than cut inside a word ("กรรมก|ารที่นับ" never happens).
A block that must not sit alone on a page (the signatures) asks :meth:`Document.table_rows` to
keep the last row of the table before it on the same page (``keep_with_next``).
"""

from __future__ import annotations

from collections.abc import Sequence

from fpdf import FPDF

from kbo_dashboard.i18n import t
from kbo_dashboard.reports.fonts import add_sarabun
from kbo_dashboard.reports.thai_text import clip, words, wrap

BODY, SMALL, HEADING, TITLE = 12, 10, 14, 18
MIN_HEADER_SIZE = 6.5
LINE = 6.2  # mm per body line
TABLE_LINE = 5.2
PAD = 1.2
HEADER_FILL = (221, 235, 247)
MARK_COLOUR = (200, 30, 30)


class Document(FPDF):
    """A4 portrait with marks on top, the generation time and page number in the footer."""

    def __init__(
        self,
        lang: str,
        generated: str,
        marks: Sequence[str] = (),
        body: float = BODY,
        footer: bool = True,
    ):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.lang = lang
        self.generated = generated
        self.marks = list(marks)
        self.body = body
        self.with_footer = footer  # an official one-page notice has none
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=16)
        self.family = add_sarabun(self)
        self.set_lang("th" if lang == "th" else "en")
        self.set_fill_color(*HEADER_FILL)

    def header(self) -> None:
        if not self.marks:
            return
        # A red, boxed mark in the top margin (not a diagonal watermark: that would be mixed
        # into the text a reader copies out of the page).
        text = " · ".join(self.marks)
        self.set_font(self.family, "B", 13)
        self.set_text_color(*MARK_COLOUR)
        self.set_draw_color(*MARK_COLOUR)
        width = self.get_string_width(text) + 6
        self.set_xy(self.w - self.r_margin - width, 5)
        self.cell(width, 8, text, border=1, align="C")
        self.set_text_color(0, 0, 0)
        self.set_draw_color(0, 0, 0)
        self.set_xy(self.l_margin, self.t_margin)

    def footer(self) -> None:
        if not self.with_footer:
            return
        self.set_y(-12)
        self.set_font(self.family, "", 8)
        self.cell(self.epw / 2, 5, self.generated)
        page = t("report.page", self.lang, page=self.page_no(), pages="{nb}")
        self.cell(self.epw / 2, 5, page, align="R")

    # --- text ---
    def text_lines(self, text: str, width: float) -> list[str]:
        """``text`` wrapped to ``width`` in the current font. A table measures each cell twice
        (to break the page, then to draw) and score tables repeat the same few numbers, so the
        lines are kept per (text, width, font): a cell costs one wrap (issue 18)."""
        key = (text, round(width, 3), self.font_family, self.font_style, self.font_size_pt)
        memo = self.__dict__.setdefault("_lines_memo", {})
        if key not in memo:
            if len(memo) > 50_000:
                memo.clear()
            memo[key] = wrap(clip(text), width, self.get_string_width)  # clip: 10 kB stays cheap
        return list(memo[key])

    def paragraph(
        self,
        text: str,
        size: float | None = None,
        style: str = "",
        align: str = "L",
        gap: float = 1,
        indent: float = 0,
    ) -> None:
        size = size or self.body
        self.set_font(self.family, style, size)
        height = size * 0.5
        lines = self.text_lines(text, self.epw - indent)
        if indent and len(lines) > 1:  # only the first line is indented
            lines = lines[:1] + self.text_lines(text[len(lines[0]) :].lstrip(), self.epw)
        for n, line in enumerate(lines):
            shift = indent if n == 0 else 0
            self.set_x(self.l_margin + shift)
            self.cell(self.epw - shift, height, line, align=align, new_x="LMARGIN", new_y="NEXT")
        self.ln(gap)

    def heading(self, text: str) -> None:
        if self.will_page_break(30):
            self.add_page()
        self.ln(2)
        self.paragraph(text, HEADING, "B", gap=1.5)

    def facts(self, rows: Sequence[tuple[str, str]], label_width: float = 70) -> None:
        """Label and value side by side; both wrap within their columns.

        The label column widens (up to 60% of the line) to hold the longest label on one line:
        a label's second line would read as a label with no value (issue 19).
        """
        self.set_font(self.family, "B", BODY)
        widest = max((self.get_string_width(str(label)) for label, _ in rows), default=0)
        label_width = min(max(label_width, widest + 4), self.epw * 0.6)
        for label, value in rows:
            self.set_font(self.family, "B", BODY)
            labels = self.text_lines(str(label), label_width - 2) or [""]
            self.set_font(self.family, "", BODY)
            values = self.text_lines(str(value), self.epw - label_width) or [""]
            height = LINE * max(len(labels), len(values))
            if self.will_page_break(height):
                self.add_page()
            y = self.get_y()
            for style, lines, x, width in (
                ("B", labels, self.l_margin, label_width),
                ("", values, self.l_margin + label_width, self.epw - label_width),
            ):
                self.set_font(self.family, style, BODY)
                for n, line in enumerate(lines):
                    self.set_xy(x, y + n * LINE)
                    self.cell(width, LINE, line)
            self.set_xy(self.l_margin, y + height)
        self.ln(1)

    # --- tables ---
    def header_size(self, text: str, width: float) -> float:
        """The largest size (at most SMALL) at which every word of ``text`` fits ``width``."""
        size: float = SMALL
        longest = [w for w in words(str(text)) if not w.isspace()]
        while size > MIN_HEADER_SIZE:
            self.set_font(self.family, "B", size)
            if all(self.get_string_width(w) <= width for w in longest):
                break
            size -= 0.5
        return size

    def fit_widths(self, headers: Sequence[str], widths: Sequence[float]) -> list[float]:
        """``widths`` scaled to the page, each column at least as wide as its header's longest
        word at the smallest header size (taken from the widest columns)."""
        scale = self.epw / sum(widths)
        widths = [w * scale for w in widths]
        self.set_font(self.family, "B", MIN_HEADER_SIZE)
        need = [
            max([self.get_string_width(w) for w in words(str(h)) if w.strip()] or [0])
            + 2 * PAD
            + 0.01
            for h in headers
        ]
        for n, width in enumerate(widths):
            short = need[n] - width
            if short > 0:
                donor = max(range(len(widths)), key=lambda i: widths[i] - need[i])
                widths[donor] -= short
                widths[n] += short
        return widths

    def table_rows(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        aligns: Sequence[str],
        keep_with_next: float = 0,
    ) -> None:
        """A bordered table; the header repeats on new pages. ``keep_with_next`` mm after the
        last row must fit on its page, else the last row moves to the next page with it."""
        widths = self.fit_widths(headers, widths)
        first = rows[0] if rows else [""] * len(widths)
        below = self._height(first, widths) + (keep_with_next + 2 if len(rows) == 1 else 0)
        if self._row(headers, widths, aligns, header=True, dry=True, extra=below):
            self.add_page()  # a header never ends a page without a row under it
        self._row(headers, widths, ["C"] * len(widths), header=True)
        for n, row in enumerate(rows):
            extra = keep_with_next + 2 if n == len(rows) - 1 else 0
            if self._row(row, widths, aligns, dry=True, extra=extra):
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
        extra: float = 0,
    ) -> bool:
        """Draw one row (or, with ``dry``, say whether it needs a new page first)."""
        sizes = [
            self.header_size(c, w - 2 * PAD) if header else SMALL for c, w in zip(cells, widths)
        ]
        wrapped = []
        for cell, width, size in zip(cells, widths, sizes):
            self.set_font(self.family, "B" if header else "", size)
            wrapped.append(self.text_lines(str(cell), width - 2 * PAD) or [""])
        height = max(len(lines) for lines in wrapped) * TABLE_LINE + PAD
        if dry:
            return self.will_page_break(height + extra)
        x, y = self.l_margin, self.get_y()
        self.set_auto_page_break(False)  # the row was measured: it is drawn on this page
        for lines, width, align, size in zip(wrapped, widths, aligns, sizes):
            self.set_font(self.family, "B" if header else "", size)
            self.rect(x, y, width, height, style="DF" if header else "D")
            for n, line in enumerate(lines):
                self.set_xy(x + PAD, y + PAD / 2 + n * TABLE_LINE)
                self.cell(width - 2 * PAD, TABLE_LINE, line, align=align)
            x += width
        self.set_auto_page_break(True, margin=16)
        self.set_xy(self.l_margin, y + height)
        return False

    def _height(self, cells: Sequence[str], widths: Sequence[float]) -> float:
        self.set_font(self.family, "", SMALL)
        lines = [len(self.text_lines(str(c), w - 2 * PAD) or [""]) for c, w in zip(cells, widths)]
        return max(lines) * TABLE_LINE + PAD
