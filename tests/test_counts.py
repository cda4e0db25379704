"""Every count (kbo_dashboard/scoring/counts.py) for every small panel, against a naive count."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.scoring.counts import format_count, panel_counts
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.source import RawWorkbook
from tests.workbooks import SCORE_HEADER, SMALL_CRITERIA

CRITERIA = ("inn", "idn")
MAXIMA = {"inn": 60, "idn": 40}


@st.composite
def panels(draw):
    n_judges = draw(st.integers(1, 4))
    n_products = draw(st.integers(1, 4))
    judges = [f"J{j}" for j in range(1, n_judges + 1)]
    products = [f"A{p}" for p in range(1, n_products + 1)]
    cells = {
        (j, p, c): draw(st.one_of(st.none(), st.integers(0, MAXIMA[c])))
        for j in judges
        for p in products
        for c in CRITERIA
    }
    conflicts = draw(st.sets(st.tuples(st.sampled_from(judges), st.sampled_from(products))))
    return judges, products, cells, conflicts


def workbook(judges, products, cells, conflicts) -> RawWorkbook:
    tabs = {
        "Products": [["product_id", "product_name", "producer_group", "category"]]
        + [[p, f"name {p}", f"group {p}", "food"] for p in products],
        "Judges": [["judge_id", "judge_name", "sector", "sheet"]]
        + [[j, f"judge {j}", "government", j] for j in judges],
        "Criteria": SMALL_CRITERIA,
        "Conflicts": [["judge_id", "product_id", "reason"]]
        + [[j, p, "family"] for j, p in sorted(conflicts)],
    }
    for j in judges:
        rows = [[p, "", *("" if cells[j, p, c] is None else cells[j, p, c] for c in CRITERIA)]
                for p in products]  # fmt: skip
        tabs[j] = [SCORE_HEADER, *rows]
    return RawWorkbook(tabs)


@settings(max_examples=40, deadline=None)
@given(panels())
def test_counts_match_a_naive_count_for_every_small_panel(panel):
    judges, products, cells, conflicts = panel
    comp = parse(workbook(*panel))
    counts = panel_counts(comp, score_competition(comp))
    # Naive reference: loop over every judge, product and criterion.
    expected = scores = cells_typed = finished = 0
    for j in judges:
        done = True
        for p in products:
            typed = [cells[j, p, c] is not None for c in CRITERIA]
            cells_typed += sum(typed)
            if (j, p) in conflicts:
                continue
            expected += len(CRITERIA)
            scores += sum(typed)
            done = done and all(typed)
        finished += done and any((j, p) not in conflicts for p in products)
    assert counts.panel == len(judges)
    assert (counts.scores, counts.scores_expected) == (scores, expected)
    assert counts.finished == finished
    assert counts.score_cells == cells_typed
    assert counts.scores_set_aside == cells_typed - scores


@given(st.integers(0, 10**9))
def test_format_count_groups_thousands_like_a_naive_formatter(n):
    digits = str(n)
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    assert format_count(n) == ",".join(groups)
