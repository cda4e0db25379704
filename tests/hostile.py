"""Hostile workbooks for property tests: what a careless or hostile committee sheet can hold.

:func:`hostile_workbooks` draws a :class:`RawWorkbook` as the Source interface returns it. Every
other example is a mostly readable committee workbook with hostile cells sprinkled in
(tests/hostile_committee.py), so many valid scores are at stake; the rest come from
:func:`damaged_workbooks`: missing and renamed tabs and headers, Thai and English headers,
duplicate and whitespace IDs, huge, negative, NaN/inf and Thai-digit numbers, numbers as text
(hundreds of digits), decimal commas, sheet error values, formulas as text, control characters
(vertical tab included), emoji, 10 kB strings, bools, dates, ragged rows and empty tabs.

``reference_scores`` (tests/hostile_reference.py) is a deliberately small, independent reader of
the same tabs: the valid scores a correct parser must count, worked out without the app's code.
"""

from __future__ import annotations

import datetime as dt

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


def hostile_workbooks() -> st.SearchStrategy:
    """Every other example a mostly readable committee workbook with a few hostile cells
    (tests/hostile_committee.py), else a damaged one (:func:`damaged_workbooks`)."""
    from tests.hostile_committee import committee_workbooks  # it builds on this module

    return st.one_of(committee_workbooks(), damaged_workbooks())


@st.composite
def damaged_workbooks(draw) -> RawWorkbook:
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
