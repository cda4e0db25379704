"""Hostile workbooks for property tests: what a careless or hostile committee sheet can hold.

:func:`hostile_workbooks` draws a :class:`RawWorkbook` as the Source interface returns it, with
missing and renamed tabs and headers, Thai and English headers, duplicate and whitespace IDs,
huge, negative, NaN/inf and Thai-digit numbers, numbers as text (hundreds of digits), decimal
commas, sheet error values, formulas as text, control characters (vertical tab included),
emoji, 10 kB strings, bools, dates, ragged rows and empty tabs.

:func:`reference_scores` is a deliberately small, independent reader of the same tabs: the
valid scores a correct parser must count, worked out without the app's code.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from hypothesis import strategies as st

from kbo_dashboard.sources.source import RawWorkbook

# Header spellings the generator writes, and that the reference reader knows.
HEADERS = {
    "Products": {
        "product_id": ("product_id", "รหัสผลิตภัณฑ์", "Product ID"),
        "product_name": ("product_name", "ชื่อผลิตภัณฑ์", "Product name"),
        "producer_group": ("producer_group", "กลุ่มผู้ผลิต", "Producer group"),
        "category": ("category", "ประเภท", "Category"),
    },
    "Judges": {
        "judge_id": ("judge_id", "รหัสกรรมการ", "Judge ID"),
        "judge_name": ("judge_name", "ชื่อกรรมการ", "Judge name"),
        "sheet": ("sheet", "แท็บคะแนน", "Sheet"),
    },
}
SCORE_ID = ("product_id", "รหัสผลิตภัณฑ์", "Product ID")
CATEGORIES = {"food": "food", "อาหาร": "food", "textile": "textile", "เครื่องดื่ม": "beverage"}
BAD_CATEGORIES = ("spaceships", "", "=1+1", "food\x0b")
# Criteria when the workbook has a Criteria tab: id -> (name_th, name_en, max).
CRITERIA = {"inn": ("นวัตกรรม", "Innovation", 60), "idn": ("อัตลักษณ์", "Identity", 40)}
DEFAULT_MAXIMA = {"innovation": 25, "identity": 20, "quality": 20, "packaging": 15, "value": 20}
DEFAULT_NAMES = {
    "innovation": ("นวัตกรรม", "Innovation"),
    "identity": ("อัตลักษณ์ท้องถิ่น", "Local identity"),
    "quality": ("คุณภาพและมาตรฐาน", "Quality and standards"),
    "packaging": ("บรรจุภัณฑ์", "Packaging"),
    "value": ("ศักยภาพทางการตลาดและมูลค่าเพิ่ม", "Market potential and added value"),
}

THAI = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
LONG = "ผ้าไหม🙂" * 1500  # about 10 kB of UTF-8
NASTY_TEXT = (
    "=SUM(A1:A9)",
    '=HYPERLINK("http://x.test","x")',
    "+66812345678",
    "@cmd",
    "#REF!",
    "#N/A",
    "#DIV/0!",
    "a\x0bb",
    "\x00\x01\x1f",
    "\u200b",
    "🙂🇹🇭",
    "inf",
    "-inf",
    "nan",
    "NaN",
    "Infinity",
    "1e308",
    "1e309",
    "9" * 400,
    "1" * 320 + ".5",
    "TRUE",
    "[link](http://x.test)",
    "<b>x</b>",
    "   ",
    LONG,
)
PRODUCT_IDS = ("P1", "P2", "P3", " P1", "P2 ", "P1\t", "p1", "๑", 7, 7.0, "", "P\x0b9")
JUDGE_IDS = ("J1", "J2", "J3", " J1", "J2\t", 12, "J\x0b4", "🙂")


def mostly(clean: st.SearchStrategy, dirty: st.SearchStrategy) -> st.SearchStrategy:
    """``clean`` three times in four: a workbook must be mostly readable to lose scores."""
    return st.one_of(clean, clean, clean, dirty)


def product_ids() -> st.SearchStrategy:
    return mostly(st.sampled_from(PRODUCT_IDS[:3]), st.sampled_from(PRODUCT_IDS))


def _numbers() -> st.SearchStrategy:
    return st.one_of(
        st.integers(-5, 70),
        st.floats(-1e3, 1e3, allow_nan=False),
        st.sampled_from([float("inf"), float("-inf"), float("nan"), 1e308, -1e308, 5e-324]),
        st.sampled_from([10**40, 10**400, -(10**400)]),
        st.floats(allow_nan=True, allow_infinity=True),
    )


def _number_texts() -> st.SearchStrategy:
    def text(value: int, frac: int | None, thai: bool, comma: bool, pad: bool) -> str:
        out = str(value) if frac is None else f"{value}{',' if comma else '.'}{frac}"
        out = out.translate(TO_THAI) if thai else out
        return f"  {out} " if pad else out

    return st.builds(
        text,
        st.integers(-3, 70),
        st.none() | st.integers(0, 99),
        st.booleans(),
        st.booleans(),
        st.booleans(),
    )


def score_cells() -> st.SearchStrategy:
    """Anything a judge can put in a score cell."""
    return st.one_of(
        st.integers(0, 15),
        st.integers(0, 15),
        st.integers(0, 15),
        _numbers(),
        _number_texts(),
        st.sampled_from(NASTY_TEXT),
        st.booleans(),
        st.none(),
        st.just(""),
        st.dates(dt.date(1900, 1, 1), dt.date(2600, 1, 1)),
        st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2600, 1, 1)),
        st.text(max_size=8),
    )


def any_cells() -> st.SearchStrategy:
    """Anything at all, for names, settings and comments."""
    return st.one_of(score_cells(), st.text(max_size=30))


def _header(draw, spellings: tuple[str, ...], renamed: bool) -> str:
    return (
        draw(st.sampled_from(["renamed", "", "ID ?"]))
        if renamed
        else draw(st.sampled_from(spellings))
    )


def _ragged(draw, row: list) -> list:
    """Trailing cells dropped, as the Sheets API does, or a few junk cells added."""
    cut = draw(st.sampled_from([0, 0, 0, 0, 0, 1, 2]))
    row = row[: len(row) - cut] if cut else row
    if draw(st.booleans()) and draw(st.booleans()):
        row = row + draw(st.lists(any_cells(), max_size=3))
    return row


@st.composite
def _products(draw) -> list[list]:
    spec = HEADERS["Products"]
    order = draw(st.permutations(list(spec)))
    header = [_header(draw, spec[k], draw(st.integers(0, 15)) == 0) for k in order]
    rows = [header]
    for _ in range(draw(st.integers(0, 5))):
        values = {
            "product_id": draw(product_ids()),
            "product_name": draw(any_cells()),
            "producer_group": draw(any_cells()),
            "category": draw(
                mostly(st.sampled_from(list(CATEGORIES)), st.sampled_from(BAD_CATEGORIES))
            ),
        }
        rows.append(_ragged(draw, [values[k] for k in order]))
    return rows


@st.composite
def _judges(draw, sheets: list[str]) -> list[list]:
    spec = HEADERS["Judges"]
    order = draw(st.permutations(list(spec)))
    header = [_header(draw, spec[k], draw(st.integers(0, 15)) == 0) for k in order]
    rows = [header]
    for n, sheet in enumerate(sheets):
        values = {
            "judge_id": draw(mostly(st.just(f"J{n}"), st.sampled_from(JUDGE_IDS))),
            "judge_name": draw(any_cells()),
            "sheet": sheet if draw(st.integers(0, 8)) else f"missing {n}",
        }
        rows.append(_ragged(draw, [values[k] for k in order]))
    return rows


@st.composite
def _criteria(draw) -> list[list]:
    header = ["criterion_id", "name_th", "name_en", "max_score", "weight", "tiebreak_priority"]
    rows = [header]
    for cid, (th, en, maximum) in CRITERIA.items():
        bad = draw(st.integers(0, 10)) == 0
        max_cell = draw(st.one_of(_numbers(), st.sampled_from(NASTY_TEXT))) if bad else maximum
        weight = draw(st.one_of(_numbers(), st.sampled_from(NASTY_TEXT))) if bad else maximum
        rows.append([cid, th, en, max_cell, weight, draw(st.sampled_from([1, 2, "", "x", 1e308]))])
    return rows


@st.composite
def _score_tab(draw, criteria: dict[str, tuple[str, str]]) -> list[list]:
    names = [
        draw(st.sampled_from([cid, th, en, f"{th} (25)"])) for cid, (th, en) in criteria.items()
    ]
    if draw(st.integers(0, 12)) == 0 and names:
        names[0] = "renamed criterion"
    header = [draw(st.sampled_from(SCORE_ID)), *names, "comment"]
    if draw(st.integers(0, 15)) == 0:
        header[0] = "no id here"
    rows = [["Scores 🙂", LONG[:40]]] if draw(st.integers(0, 5)) == 0 else []
    rows.append(header)
    for _ in range(draw(st.integers(0, 4))):
        cells = [draw(score_cells()) for _ in criteria]
        row = [draw(product_ids()), *cells, draw(any_cells())]
        rows.append(_ragged(draw, row))
    return rows


@st.composite
def _settings(draw) -> list[list]:
    keys = ["year", "ปี", "meeting_date", "วันที่ประชุม", "quorum", "องค์ประชุม", "method", "title"]
    rows = [["key", "value"]]
    for key in draw(st.lists(st.sampled_from(keys), max_size=5)):
        rows.append([key, draw(st.one_of(any_cells(), st.sampled_from(["median", "trimmed"])))])
    return rows


@st.composite
def hostile_workbooks(draw) -> RawWorkbook:
    """A committee workbook with anything wrong that a sheet can hold."""
    custom = draw(st.booleans())
    criteria = {k: v[:2] for k, v in CRITERIA.items()} if custom else dict(DEFAULT_NAMES)
    n_judges = draw(st.integers(0, 4))
    sheets = [f"S{n}" for n in range(n_judges)]
    tabs: dict[str, list[list]] = {
        "Products": draw(_products()),
        "Judges": draw(_judges(sheets)),
    }
    if custom:
        tabs["Criteria"] = draw(_criteria())
    if draw(st.booleans()):
        tabs["Settings"] = draw(_settings())
    if draw(st.integers(0, 3)) == 0:
        tabs["Conflicts"] = [
            ["judge_id", "product_id", "reason"],
            *draw(
                st.lists(
                    st.lists(
                        st.one_of(st.sampled_from(JUDGE_IDS + PRODUCT_IDS), any_cells()),
                        max_size=3,
                    ),
                    max_size=3,
                )
            ),
        ]
    for sheet in sheets:
        tabs[sheet] = draw(_score_tab(criteria))
    # Structural damage: a tab dropped, renamed or emptied.
    for name in list(tabs):
        damage = draw(st.integers(0, 60))
        if damage == 0:
            del tabs[name]
        elif damage == 1:
            tabs[f"{name} (old)"] = tabs.pop(name)
        elif damage == 2:
            tabs[name] = draw(st.sampled_from([[], [[]], [[""]]]))
        elif damage == 3:
            tabs[f"  {name.lower()} "] = tabs.pop(name)  # matched case- and space-insensitively
    return RawWorkbook(tabs)


# --- the reference reader ------------------------------------------------------------------
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_COMMA = re.compile(r"^[+-]?\d+,\d+$")


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
    return [{k: _text(r[i]) if i < len(r) else "" for k, i in where.items()} for r in rows[1:]]


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
    reader (a damaged Criteria tab: the app's fallbacks decide then)."""
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
    for judge, sheet in judges.items():
        rows = _tab(raw, sheet)
        tab = next((k for k in raw.tabs if k.strip().casefold() == sheet.casefold()), sheet)
        if rows is None:
            continue
        at = next((i for i, r in enumerate(rows[:5]) if any(c in SCORE_ID for c in r)), None)
        if at is None:
            continue
        header = rows[at]
        pcol = next(i for i, c in enumerate(header) if c in SCORE_ID)
        columns = {}
        for cid, (th, en) in names.items():
            for i, h in enumerate(header):
                if cid not in columns and h in (cid, th, en, f"{th} (25)"):
                    columns[cid] = i
        seen = set()
        for r, row in enumerate(rows[at + 1 :], start=at + 1):
            pid = _text(row[pcol]) if pcol < len(row) else ""
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
def run_pipeline(raw: RawWorkbook, *, xlsx: bool = True, pdf: bool = True, decisions=()):
    """parse -> score (every method) -> rank -> analysis -> CSV/xlsx/PDF in both languages.

    Returns (competition, {method: Results}). Any exception is the property failing.
    """
    from kbo_dashboard.analysis.agreement import agreement_table
    from kbo_dashboard.analysis.judges import judge_matrix, judge_profiles, outlier_scores
    from kbo_dashboard.analysis.nomination import robustness_report, what_if_rows
    from kbo_dashboard.intake.issues import issues_frame
    from kbo_dashboard.intake.parse import parse
    from kbo_dashboard.meeting.live import change_feed
    from kbo_dashboard.reports.export import rankings_table, scores_long, to_csv_bytes
    from kbo_dashboard.reports.pdf import build_pdf
    from kbo_dashboard.reports.xlsx import build_xlsx
    from kbo_dashboard.scoring.aggregation import METHODS
    from kbo_dashboard.scoring.progress import judge_progress
    from kbo_dashboard.scoring.scoring import score_competition

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
    for lang in ("th", "en"):
        for table in (rankings_table(comp, chosen, lang), scores_long(comp, chosen)):
            to_csv_bytes(table)
        to_csv_bytes(issues_frame(comp.issues))
        if xlsx:
            build_xlsx(comp, chosen, decisions, lang=lang)
        if pdf:
            build_pdf(comp, chosen, decisions, lang=lang)
    return comp, results
