"""Ranks are taken on an exact basis (issue 17): equal totals share a rank, whatever the maxima.

With maxima that are not binary fractions (10.1 + 12.5 + 7.3 + 20.6 = 50.5, so totals are
multiples of 100/101), two totals equal in exact arithmetic can come out of the float sums one
unit in the last place apart. Every rank the app takes (standings, the leave-one-judge-out
outcome, Kendall's W, each judge's Spearman correlation with the panel) must match a naive
reference in exact arithmetic (:class:`fractions.Fraction`) written here.
"""

from __future__ import annotations

import math
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbo_dashboard.analysis.agreement import agreement_table
from kbo_dashboard.analysis.judges import judge_profiles
from kbo_dashboard.analysis.nomination import robustness_report
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.scoring import ranking
from kbo_dashboard.scoring.scoring import judge_totals, score_competition
from kbo_dashboard.sources.source import RawWorkbook

# Tenths whose value is not a binary fraction (k not a multiple of 5): 5.1 .. 24.9.
MAXIMA = st.integers(51, 249).filter(lambda k: k % 5).map(lambda k: k / 10)


def exact(x) -> Fraction:
    """A number as the committee wrote it (10.1 is 101/10, not the nearest binary float)."""
    return Fraction(repr(x))


@st.composite
def panels(draw):
    maxima = draw(st.lists(MAXIMA, min_size=3, max_size=4))
    ids = [f"c{k}" for k in range(len(maxima))]
    n_judges, n_products = draw(st.integers(3, 6)), draw(st.integers(3, 6))
    judges = [f"J{k}" for k in range(1, n_judges + 1)]
    products = [f"P{k}" for k in range(1, n_products + 1)]
    # Small integer scores: equal sums from different splits (exactly equal totals) are common.
    scores = {(j, p): [draw(st.integers(2, 5)) for _ in maxima] for j in judges for p in products}
    tabs = {
        "Settings": [["key", "value"], ["quorum", 1]],
        "Products": [["product_id", "product_name", "producer_group", "category"]]
        + [[p, p, "G", "food"] for p in products],
        "Judges": [["judge_id", "judge_name", "sheet"]] + [[j, j, j] for j in judges],
        "Criteria": [["criterion_id", "name_th", "name_en", "max_score", "weight"]]
        + [[c, c, c, m, m] for c, m in zip(ids, maxima)],
    }
    for j in judges:
        tabs[j] = [["product_id", "product_name", *ids]] + [
            [p, "", *scores[j, p]] for p in products
        ]
    return tabs, maxima, judges, products, scores


def exact_total(cells, maxima) -> Fraction:
    weights = [exact(m) for m in maxima]  # weight = maximum
    points = sum(Fraction(s) / exact(m) * w for s, m, w in zip(cells, maxima, weights))
    return 100 * points / sum(weights)


def average_ranks(values: list[Fraction]) -> list[Fraction]:
    """1-based ranks, ascending, ties sharing the average of their positions."""
    return [
        Fraction(2 * sum(v < x for v in values) + sum(v == x for v in values) + 1, 2)
        for x in values
    ]


def exact_w(rows: list[list[Fraction]]) -> float:
    """Kendall's W, tie-corrected; NaN when every judge tied every product."""
    m, n = len(rows), len(rows[0])
    ranks = [average_ranks(r) for r in rows]
    sums = [sum(r[i] for r in ranks) for i in range(n)]
    mean = sum(sums) / n
    s = sum((x - mean) ** 2 for x in sums)
    ties = sum(sum(r.count(v) ** 3 - r.count(v) for v in set(r)) for r in ranks)
    denominator = m * m * (n**3 - n) - m * ties
    return float(12 * s / denominator) if denominator > 0 else math.nan


def exact_spearman(x: list[Fraction], y: list[Fraction]) -> float:
    rx, ry = average_ranks(x), average_ranks(y)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx, vy = sum((a - mx) ** 2 for a in rx), sum((b - my) ** 2 for b in ry)
    return math.nan if vx == 0 or vy == 0 else float(cov) / math.sqrt(vx * vy)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(panels())
def test_ranks_w_and_spearman_match_exact_arithmetic(panel):
    tabs, maxima, judges, products, scores = panel
    comp = parse(RawWorkbook(tabs))
    total = {k: exact_total(v, maxima) for k, v in scores.items()}
    mean = {p: sum(total[j, p] for j in judges) / len(judges) for p in products}

    # Standings: 1 + the number of products strictly ahead; equal means share the rank.
    results = score_competition(comp)
    ranks = dict(zip(results.standings["product_id"], results.standings["rank"]))
    for p in products:
        assert ranks[p] == 1 + sum(mean[q] > mean[p] for q in products), p
    best = max(mean.values())
    first = tuple(sorted(p for p in products if mean[p] == best))
    assert tuple(sorted(results.tied_for_first)) == first
    assert robustness_report(comp).lojo.outcomes["mean"] == first

    # Kendall's W on every judge's ranking of every product.
    rows = [[total[j, p] for p in products] for j in judges]
    w = agreement_table(judge_totals(comp)).iloc[0]["kendall_w"]
    reference = exact_w(rows)
    assert math.isnan(w) if math.isnan(reference) else abs(w - reference) < 1e-12

    # Each judge's Spearman with the mean of the other judges (leave-self-out).
    profiles = judge_profiles(judge_totals(comp)).set_index("judge_id")
    for j in judges:
        others = [sum(total[o, p] for o in judges if o != j) / (len(judges) - 1) for p in products]
        expected = exact_spearman([total[j, p] for p in products], others)
        got = profiles.at[j, "spearman"]
        if math.isnan(expected):
            assert math.isnan(got), j
        else:
            assert abs(got - expected) < 1e-9, j


def test_equal_totals_one_ulp_apart_share_a_rank():
    # 100 * (5/10.1*10.1 + 3/12.5*12.5) / 22.6 and the same with 4 and 4: both 800/22.6 exactly,
    # but the float sums differ in the last place.
    a = 5 / 10.1 * (100 * 10.1 / 22.6) + 3 / 12.5 * (100 * 12.5 / 22.6)
    b = 4 / 10.1 * (100 * 10.1 / 22.6) + 4 / 12.5 * (100 * 12.5 / 22.6)
    assert a != b  # the float sums really differ...
    key = ranking.rank_key([a, b])
    assert key[0] == key[1]  # ...and rank on the same basis
