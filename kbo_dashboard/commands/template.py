"""``python -m kbo_dashboard template OUT.xlsx``: a workbook a clerk can use as it is.

* ``template OUT.xlsx``: every tab of the layout, Thai tab names, headers and Settings keys
  (``--lang en`` for English), the default criteria and the seed report's 27 judges
  (``--judges N``);
* ``template --demo OUT.xlsx``: the demo data;
* ``template --from PARTIAL.xlsx OUT.xlsx``: completes a partly filled workbook. Every cell
  already there is kept; missing layout tabs are added; an empty Judges tab gets ``--judges``
  judges; every judge's tab gets the header (if it has none) and a row for each product it
  does not list yet, so judges only type scores.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TextIO

from kbo_dashboard.i18n import pick, t
from kbo_dashboard.intake.cells import cell_text, is_blank
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.intake.score_tabs import header_row
from kbo_dashboard.sources import layout as L
from kbo_dashboard.sources.demo import demo_tabs
from kbo_dashboard.sources.source import RawWorkbook, Rows, SourceError
from kbo_dashboard.sources.workbook import read_xlsx, score_header, template_tabs, write_xlsx

DEFAULT_JUDGES = 27  # the seed report's committee
LAYOUT_TABS = (L.SETTINGS, L.PRODUCTS, L.JUDGES, L.CRITERIA, L.CONFLICTS)


def _has_rows(rows: Rows | None) -> bool:
    return bool(rows and any(not is_blank(c) for row in rows[1:] for c in row))


def complete_workbook(
    partial: dict[str, Rows], lang: str = "th", n_judges: int = DEFAULT_JUDGES
) -> dict[str, Rows]:
    """``partial`` with the missing tabs, judges and product rows added; nothing removed."""
    blank = template_tabs(n_judges=n_judges, lang=lang)
    out = {name: [list(row) for row in rows] for name, rows in partial.items()}
    raw = RawWorkbook(out)
    for tab in LAYOUT_TABS:
        found = raw.tab_name(tab)
        if found is None:
            out[L.tab_title(tab, lang)] = blank[L.tab_title(tab, lang)]
        elif tab == L.JUDGES and not _has_rows(out[found]):
            out[found] = blank[L.tab_title(tab, lang)]
    comp = parse(RawWorkbook(out))
    criteria = list(comp.criteria.itertuples())
    products = [(p.product_id, p.product_name) for p in comp.products.itertuples()]
    for judge in comp.judges.itertuples():
        rows = RawWorkbook(out).tab(judge.sheet)
        name = RawWorkbook(out).tab_name(judge.sheet) or judge.sheet
        if rows is None or header_row(rows) is None:
            rows = [score_header(criteria, lang)] if not rows or _blank(rows) else rows
            if header_row(rows) is None:
                continue  # something else is in that tab: leave it to ``check``
        out[name] = _with_product_rows(rows, products)
    return out


def _blank(rows: Rows) -> bool:
    return all(is_blank(c) for row in rows for c in row)


def _with_product_rows(rows: Rows, products: list[tuple[str, str]]) -> Rows:
    """``rows`` plus a row for each product the tab does not list, in Products order."""
    at = header_row(rows)
    assert at is not None  # complete_workbook passes only tabs with a header row
    header = [L.normalise_header(c) for c in rows[at]]
    id_col = next(i for i, h in enumerate(header) if h in L.PRODUCT_ID.spellings())
    name_spec = next(c for c in L.COLUMNS[L.PRODUCTS] if c.key == "product_name")
    name_col = next((i for i, h in enumerate(header) if h in name_spec.spellings()), None)
    listed = {cell_text(r[id_col]) for r in rows[at + 1 :] if id_col < len(r)}
    out = [list(r) for r in rows]
    for pid, pname in products:
        if pid in listed:
            continue
        row = [""] * (max(id_col, name_col or 0) + 1)
        row[id_col] = pid
        if name_col is not None:
            row[name_col] = pname
        out.append(row)
    return out


def template_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", help="path of the .xlsx to write")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--demo", action="store_true", help="write the demo data instead")
    group.add_argument(
        "--from", dest="partial", metavar="PARTIAL.xlsx", help="complete a partly filled workbook"
    )
    parser.add_argument(
        "--judges", type=int, default=DEFAULT_JUDGES, help="judges in a new template (27)"
    )
    parser.add_argument(
        "--lang", choices=("th", "en"), default="th", help="tab names and headers (Thai)"
    )


def run_template(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    lang = os.environ.get("KBO_LANG", "th")
    try:
        if args.demo:
            tabs = demo_tabs()
        elif args.partial:
            tabs = complete_workbook(read_xlsx(args.partial), args.lang, args.judges)
        else:
            tabs = template_tabs(n_judges=args.judges, lang=args.lang)
    except SourceError as err:
        print(pick(err.message_th, err.message_en, lang), file=out)
        return 2
    write_xlsx(tabs, args.out)
    print(t("cli.template.written", lang, path=args.out, tabs=len(tabs)), file=out)
    return 0
