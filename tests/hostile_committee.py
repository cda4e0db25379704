"""Mostly readable committee workbooks: the clean share of the hostile-workbook generator.

:func:`committee_workbooks` draws what a real committee sheet usually is: every tab and header
intact, 2-6 judges scoring 3-8 products, almost every score a clean number (JSON numbers,
halves, numbers typed as text, Thai digits, decimal commas), with hostile cells from
:func:`tests.hostile.score_cells` sprinkled in at a per-workbook rate (none, 1 in 50, 1 in 20,
1 in 8), and the slips committees make: a product not yet scored, a blank cell, a row typed
twice, an unknown product, a wrong category, a duplicate ID, a title row above the header,
a tab name in another case, a judge's tab missing. :func:`tests.hostile.hostile_workbooks`
draws one of these for every other example, so "no score lost" rests on thousands of scores.

Rare choices are drawn with :func:`chance` (``sampled_from``): Hypothesis draws the low end of
``st.integers`` far more often than uniformly (0 from ``integers(0, 15)`` about 3 times in 10),
which is what left the damaged generator with so few readable workbooks.
"""

from __future__ import annotations

from hypothesis import strategies as st

from kbo_dashboard.sources.source import RawWorkbook
from tests.hostile import (
    BAD_CATEGORIES,
    CATEGORIES,
    CRITERIA,
    DEFAULT_MAXIMA,
    DEFAULT_NAMES,
    HEADERS,
    SCORE_ID,
    TO_THAI,
    any_cells,
    score_cells,
)

ID_STYLES = ("P{}", "P-{:02d}", "OTOP{:03d}", "{}")  # "{}": a JSON number, 101, 102, ...
NAMES = ("ข้าวเกรียบ", "ผ้าทอมือ", "น้ำพริกเผา", "กระเป๋าสาน", "ชาใบหม่อน", "Rice crackers")
GROUPS = ("กลุ่มแม่บ้าน", "วิสาหกิจชุมชน", "Weavers' group", "")
METHODS = ("mean", "median", "trimmed_mean", "normalised", "trimmed", "")


def chance(k: int) -> st.SearchStrategy:
    """True about once in ``k`` draws."""
    return st.sampled_from(range(k)).map(lambda i: i == 0)


def between(low: int, high: int) -> st.SearchStrategy:
    """An integer from ``low`` to ``high``, each about equally often."""
    return st.sampled_from(range(low, high + 1))


def clean_scores(maximum: int) -> st.SearchStrategy:
    """A valid score as judges type it: mostly a JSON number, sometimes text."""

    def text(value: int, frac: str, thai: bool, pad: bool) -> str:
        out = str(value) + (frac if value < maximum else "")
        out = out.translate(TO_THAI) if thai else out
        return f" {out}  " if pad else out

    whole = st.integers(0, maximum)
    return st.one_of(
        whole,
        whole,
        between(0, maximum),
        st.integers(0, 2 * maximum).map(lambda x: x / 2),  # 12.5 as a JSON number
        whole.map(float),  # 12.0
        st.builds(
            text,
            whole,
            st.sampled_from(["", "", ".5", ",5", ".25", ".1", ",75"]),
            chance(3),
            chance(4),
        ),
    )


@st.composite
def _header(draw, spec: dict[str, tuple[str, ...]]) -> tuple[list[str], list[str]]:
    """The columns in any order, each under one of its spellings: (keys, header row)."""
    order = draw(st.permutations(list(spec)))
    return order, [draw(st.sampled_from(spec[k])) for k in order]


def _trim(row: list) -> list:
    """Trailing blank cells dropped, as the Sheets API returns a row."""
    while row and (row[-1] is None or row[-1] == ""):
        row = row[:-1]
    return row


@st.composite
def _products(draw, pids: list, hostile) -> list[list]:
    order, header = draw(_header(HEADERS["Products"]))
    rows = [header]
    for n, pid in enumerate(pids):
        values = {
            "product_id": f" {pid} " if isinstance(pid, str) and draw(chance(12)) else pid,
            "product_name": hostile(st.sampled_from(NAMES).map(lambda s, n=n: f"{s} {n}")),
            "producer_group": hostile(st.sampled_from(GROUPS)),
            "category": draw(st.sampled_from(BAD_CATEGORIES))
            if draw(chance(12))
            else draw(st.sampled_from(list(CATEGORIES))),
        }
        rows.append([values[k] for k in order])
    if draw(chance(10)):  # an ID typed twice: the first row is kept
        rows.append(list(draw(st.sampled_from(rows[1:]))))
    return rows


@st.composite
def _judges(draw, judges: list[tuple]) -> list[list]:
    order, header = draw(_header(HEADERS["Judges"]))
    rows = [header]
    for jid, sheet in judges:
        values = {"judge_id": jid, "judge_name": f"นาง ก. {jid}", "sheet": sheet}
        rows.append([values[k] for k in order])
    if draw(chance(15)):  # a judge listed twice: the first row is kept
        rows.append(list(draw(st.sampled_from(rows[1:]))))
    return rows


@st.composite
def _score_tab(draw, criteria, maxima, pids: list, hostile, trim: bool) -> list[list]:
    cids = list(criteria)
    if draw(chance(3)):
        cids = draw(st.permutations(cids))
    names = []
    for cid in cids:
        th, en = criteria[cid]
        m = maxima[cid]
        names.append(draw(st.sampled_from([cid, th, en, f"{th} ({m})", f"{en} ({m})"])))
    rows = [["คะแนนกรรมการ", "KBO 🙂"]] * draw(st.sampled_from([0, 0, 0, 1, 2]))
    rows.append([draw(st.sampled_from(SCORE_ID)), *names, "comment"])
    top = len(rows)  # the first row under the header
    order = draw(st.permutations(pids))
    for pid in order:
        if draw(chance(10)):  # not scored yet
            continue
        cells = ["" if draw(chance(30)) else hostile(clean_scores(maxima[cid])) for cid in cids]
        written = pid
        if draw(chance(10)):
            written = f"{pid}  " if isinstance(pid, str) else float(pid)
        comment = hostile(st.sampled_from(["", "", "ดีมาก", "สีสวย", "packaging?"]))
        rows.append([written, *cells, comment])
        if draw(chance(12)):  # typed twice: only the first row counts
            rows.append([pid, *[draw(clean_scores(maxima[c])) for c in cids]])
    extras = [
        ["P999", *[1] * len(cids)],  # a product not in Products
        ["", *[2] * len(cids)],  # scores without an ID
        [],  # a blank line
    ]
    for extra in extras:
        if draw(chance(8)):
            rows.insert(draw(st.integers(top, len(rows))), extra)
    return [_trim(r) for r in rows] if trim else rows


@st.composite
def committee_workbooks(draw) -> RawWorkbook:
    """A mostly readable committee workbook with a few hostile cells and slips."""
    rate = draw(st.sampled_from([0, 50, 20, 8]))

    def hostile(clean: st.SearchStrategy):
        """A clean value, or (one cell in ``rate``) anything at all."""
        if rate and draw(chance(rate)):
            return draw(st.one_of(score_cells(), any_cells()))
        return draw(clean)

    custom = draw(st.booleans())
    if custom:
        criteria = {k: v[:2] for k, v in CRITERIA.items()}
        maxima = {k: v[2] for k, v in CRITERIA.items()}
    else:
        criteria, maxima = dict(DEFAULT_NAMES), dict(DEFAULT_MAXIMA)
    style = draw(st.sampled_from(ID_STYLES))
    pids = [int(style.format(100 + n)) if style == "{}" else style.format(n) for n in range(1, 9)]
    pids = pids[: draw(between(3, 8))]
    judges = []
    for n in range(draw(between(2, 6))):
        jid = 20 + n if draw(chance(15)) else f"J{n}"
        judges.append((jid, draw(st.sampled_from([f"S{n}", f"กรรมการ {n}", f"Judge {n}", ""]))))
    tabs: dict[str, list[list]] = {
        "Products": draw(_products(pids, hostile)),
        "Judges": draw(_judges(judges)),
    }
    if custom:
        tabs["Criteria"] = [
            ["criterion_id", "name_th", "name_en", "max_score", "weight", "tiebreak_priority"],
            *[[cid, th, en, m, m, n] for n, (cid, (th, en, m)) in enumerate(CRITERIA.items(), 1)],
        ]
    if draw(chance(2)):
        tabs["Settings"] = [
            ["key", "value"],
            ["year", hostile(st.sampled_from([2567, 2568, "2568"]))],
            ["quorum", hostile(between(1, len(judges)))],
            ["method", hostile(st.sampled_from(METHODS))],
        ]
    if draw(chance(4)):
        jid = judges[0][0]
        tabs["Conflicts"] = [["judge_id", "product_id", "reason"], [jid, pids[0], "ญาติ"]]
    trim = draw(st.booleans())
    for jid, sheet in judges:
        if draw(chance(15)):  # listed in Judges, tab not made yet
            continue
        name = sheet or str(jid)
        if draw(chance(8)):
            name = f"  {name.lower()} "  # matched case- and space-insensitively
        tabs[name] = draw(_score_tab(criteria, maxima, pids, hostile, trim))
    if draw(chance(6)):
        tabs["Notes"] = [["บันทึก"], [draw(any_cells())]]
    return RawWorkbook(tabs)
