"""The small reference reader for hostile workbooks (tests/hostile.py), and the whole pipeline
as the pages call it. The reader is deliberately independent of the app's parser: it knows only
the header spellings the generator writes, and reads numbers exactly (Decimal)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from kbo_dashboard.reports.registry import DOCUMENTS as REGISTRY
from kbo_dashboard.sources.source import RawWorkbook
from tests.hostile import CATEGORIES, CRITERIA, DEFAULT_MAXIMA, DEFAULT_NAMES, HEADERS, SCORE_ID

THAI = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


# --- the reference reader ------------------------------------------------------------------
_PLAIN = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")  # ASCII digits (after Thai ones)
_COMMA = re.compile(r"^[+-]?[0-9]+,[0-9]{1,2}$")  # "17,5"; never "1,000"
_MAXIMUM = re.compile(r"\s*\(\d+\)$")  # "Innovation (25)": the maximum after a criterion's name


def _text(cell: object) -> str:
    if cell is None or isinstance(cell, bool):
        return "" if cell is None else str(cell).upper()
    if isinstance(cell, (int, float)):
        try:
            d = Decimal(cell)
        except (InvalidOperation, ValueError):
            return str(cell)
        if not d.is_finite():
            return str(cell)
        return str(int(d)) if d == d.to_integral_value() else str(cell)
    return str(cell).strip()


class _Beyond(Exception):
    """The workbook holds something this small reader does not decide (see reference_scores)."""


def _id(cell: object) -> str:
    """An ID or tab name as text. A number in an ID cell must be a whole number up to 10**15:
    how 7.001 or 6e16 reads as an ID (7, 7.001, 6e+16?) is the app's choice, not this reader's."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        d = Decimal(cell)
        if d.is_finite() and (d != d.to_integral_value() or abs(d) > 10**15):
            raise _Beyond(cell)
    return _text(cell)


def _number(cell: object) -> Decimal | None:
    """A cell's number, exactly, or None (blank, text, error, bool, inf, nan)."""
    if isinstance(cell, bool) or cell is None or isinstance(cell, (dt.date, dt.datetime)):
        return None
    if isinstance(cell, (int, float)):
        d = Decimal(cell)
        return d if d.is_finite() else None
    text = str(cell).strip().translate(THAI)
    if _COMMA.match(text):
        text = text.replace(",", ".")
    return Decimal(text) if _PLAIN.match(text) else None


def _tab(raw: RawWorkbook, name: str) -> list[list] | None:
    matches = [v for k, v in raw.tabs.items() if k.strip().casefold() == name.casefold()]
    return matches[0] if matches else None


def _table(raw: RawWorkbook, name: str) -> list[dict[str, str]]:
    rows = _tab(raw, name)
    if not rows or not rows[0]:
        return []
    spec = HEADERS[name]
    where = {}
    for key, spellings in spec.items():
        hits = [i for i, h in enumerate(rows[0]) if h in spellings]
        if not hits:
            return []
        where[key] = hits[0]
    ids = ("product_id", "judge_id", "sheet")
    return [
        {k: (_id if k in ids else _text)(r[i]) if i < len(r) else "" for k, i in where.items()}
        for r in rows[1:]
    ]


def _a1(row: int, col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"


def _blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def reference_scores(raw: RawWorkbook) -> tuple[dict, set] | None:
    """The scores a correct reader must count, as {(judge, product, criterion): score}, and the
    bad score cells it must report, as {(tab, A1)}; None when the workbook is beyond this small
    reader: a damaged Criteria tab (the app's fallbacks decide then), or an ID cell holding a
    number other than a whole number up to 10**15."""
    try:
        return _reference_scores(raw)
    except _Beyond:
        return None


def _reference_scores(raw: RawWorkbook) -> tuple[dict, set] | None:
    criteria_rows = _tab(raw, "Criteria")
    if criteria_rows is None:
        maxima, names = DEFAULT_MAXIMA, DEFAULT_NAMES
    else:
        good = len(criteria_rows) == 3 and all(
            len(r) == 6 and r[3] == CRITERIA[r[0]][2] and r[4] == r[3] for r in criteria_rows[1:]
        )
        if not good:
            return None
        maxima = {k: v[2] for k, v in CRITERIA.items()}
        names = {k: v[:2] for k, v in CRITERIA.items()}
    products: dict[str, bool] = {}
    for row in _table(raw, "Products"):
        if row["product_id"] and row["product_id"] not in products:
            products[row["product_id"]] = row["category"] in CATEGORIES
    known = {p for p, ok in products.items() if ok}
    judges: dict[str, str] = {}
    for row in _table(raw, "Judges"):
        if row["judge_id"] and row["judge_id"] not in judges:
            judges[row["judge_id"]] = row["sheet"] or row["judge_id"]
    expected: dict[tuple[str, str, str], float] = {}
    bad: set[tuple[str, str]] = set()
    read: set[str] = set()
    for judge, sheet in judges.items():
        rows = _tab(raw, sheet)
        tab = next((k for k in raw.tabs if k.strip().casefold() == sheet.casefold()), sheet)
        if rows is None or tab in read:  # a tab two judges name counts for the first only
            continue
        read.add(tab)
        at = next((i for i, r in enumerate(rows[:5]) if any(c in SCORE_ID for c in r)), None)
        if at is None:
            continue
        header = rows[at]
        pcol = next(i for i, c in enumerate(header) if c in SCORE_ID)
        columns = {}
        for cid, (th, en) in names.items():
            for i, h in enumerate(header):
                name = _MAXIMUM.sub("", h) if isinstance(h, str) else h
                if cid not in columns and name in (cid, th, en):
                    columns[cid] = i
        seen = set()
        for r, row in enumerate(rows[at + 1 :], start=at + 1):
            pid = _id(row[pcol]) if pcol < len(row) else ""
            if not pid or pid not in known or pid in seen:
                continue
            seen.add(pid)
            for cid, i in columns.items():
                value = _number(row[i]) if i < len(row) else None
                if value is not None and 0 <= value <= maxima[cid]:
                    expected[(judge, pid, cid)] = float(value)
                elif i < len(row) and not _blank(row[i]):
                    bad.add((tab, _a1(r, i)))
    return expected, bad


# --- the whole pipeline, as the pages call it ----------------------------------------------
#: Every document the app builds (kbo_dashboard.reports.registry), by kind.
DOCUMENTS = tuple(d.kind for d in REGISTRY)


def build_documents(comp, chosen, decisions, lang: str, which=DOCUMENTS) -> dict[str, float]:
    """Build each document of ``which`` as the Downloads page does; seconds per document."""
    import time

    from kbo_dashboard.reports.registry import BY_KIND

    seconds = {}
    for name in which:
        started = time.perf_counter()
        out = BY_KIND[name].build(comp, chosen, list(decisions), lang=lang, demo=False)
        assert isinstance(out, bytes) and out, name
        seconds[name] = time.perf_counter() - started
    return seconds


def run_pipeline(raw: RawWorkbook, *, documents=DOCUMENTS, decisions=(), timings=None):
    """parse -> score (every method) -> rank -> analysis -> CSV and ``documents`` (every one the
    Downloads page builds, by default) in both languages.

    Returns (competition, {method: Results}). Any exception is the property failing. ``timings``
    (a dict), if given, gets the seconds each document took, both languages together.
    """
    from kbo_dashboard.analysis.agreement import agreement_table
    from kbo_dashboard.analysis.judges import judge_matrix, judge_profiles, outlier_scores
    from kbo_dashboard.analysis.nomination import robustness_report, what_if_rows
    from kbo_dashboard.intake.issues import issues_frame
    from kbo_dashboard.intake.parse import parse
    from kbo_dashboard.meeting.live import change_feed
    from kbo_dashboard.reports.export import office_table, rankings_table, scores_long, to_csv_bytes
    from kbo_dashboard.scoring.aggregation import METHODS
    from kbo_dashboard.scoring.progress import judge_progress
    from kbo_dashboard.scoring.scoring import score_competition
    from kbo_dashboard.scoring.todo import judge_todos, todo_text

    comp = parse(raw)
    empty = parse(RawWorkbook({}))
    change_feed(empty, comp)
    change_feed(comp, empty)
    judge_progress(comp)
    results = {m: score_competition(comp, m) for m in METHODS}
    chosen = results[comp.settings.get("method") or "mean"]
    what_if_rows(robustness_report(comp, chosen.method))
    totals = chosen.totals
    agreement_table(totals, comp.products)
    judge_profiles(totals)
    outlier_scores(totals)
    judge_matrix(totals, relative=True)
    todos = judge_todos(comp)
    for lang in ("th", "en"):
        for table in (rankings_table(comp, chosen, lang), scores_long(comp, chosen)):
            to_csv_bytes(office_table(table, lang, comp))
        to_csv_bytes(office_table(issues_frame(comp.issues), lang, comp))
        todo_text(todos, lang)
        for name, seconds in build_documents(comp, chosen, decisions, lang, documents).items():
            if timings is not None:
                timings[name] = timings.get(name, 0.0) + seconds
    return comp, results
