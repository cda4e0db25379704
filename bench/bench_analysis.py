"""Benchmark of the whole nomination analysis, and the size of a meeting's audit trail.

Run: ``python bench/bench_analysis.py`` (add ``--quick`` for fewer repeats). It builds seeded
random scores at the seed's size (27 judges x 20 products x 5 criteria) and at 10x
(270 judges x 200 products), with a few judges still scoring and a declared conflict, then
times one full analysis: every aggregation method, agreement per category, judge profiles,
outliers and heatmap matrix, method comparison, leave-one-judge-out under every method and the
margin under every method. Prints the median of several runs; the figures go to
docs/performance.md ("Analysis").
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kbo_dashboard.analysis.agreement import agreement_table  # noqa: E402
from kbo_dashboard.analysis.judges import judge_matrix, judge_profiles, outlier_scores  # noqa: E402
from kbo_dashboard.analysis.robustness import compare_methods, leave_one_judge_out, margin  # noqa: E402
from kbo_dashboard.meeting.audit import AuditStore  # noqa: E402
from kbo_dashboard.scoring.aggregation import METHODS, aggregate, score_matrix  # noqa: E402

CATEGORIES = ("food", "beverage", "textile", "decorative", "herbal")
CRITERIA_MAX = np.array([25, 20, 20, 15, 20], dtype=float)  # the default 100-point rubric


def build(n_judges: int, n_products: int, seed: int = 2565):
    """Seeded criterion scores, per-judge totals (0..100) and products with categories."""
    rng = np.random.default_rng(seed)
    quality = rng.uniform(0.45, 0.9, n_products)  # each product's true level
    leniency = rng.normal(0.0, 0.06, n_judges)  # harsh and generous judges
    share = quality[None, :, None] + leniency[:, None, None]
    share = share + rng.normal(0.0, 0.08, (n_judges, n_products, len(CRITERIA_MAX)))
    scores = np.clip(np.round(share * CRITERIA_MAX * 2) / 2, 0, CRITERIA_MAX)  # halves
    totals = scores.sum(axis=2)  # weights 1: the maxima already add to 100
    eligible = np.ones((n_judges, n_products), dtype=bool)
    eligible[: max(1, n_judges // 13), n_products // 2 :] = False  # still scoring
    eligible[-1, 0] = False  # a declared conflict
    judges = [f"J{j + 1:03d}" for j in range(n_judges)]
    products = [f"P{p + 1:03d}" for p in range(n_products)]
    jj, pp = np.meshgrid(np.arange(n_judges), np.arange(n_products), indexing="ij")
    totals_frame = pd.DataFrame(
        {
            "judge_id": pd.Series(np.array(judges)[jj.ravel()], dtype="str"),
            "product_id": pd.Series(np.array(products)[pp.ravel()], dtype="str"),
            "total": totals.ravel(),
            "eligible": eligible.ravel(),
        }
    )
    product_frame = pd.DataFrame(
        {
            "product_id": products,
            "category": [CATEGORIES[p % len(CATEGORIES)] for p in range(n_products)],
        }
    )
    return scores, totals_frame, product_frame, judges, products


def analyse(totals: pd.DataFrame, products: pd.DataFrame, build_once: bool = False) -> None:
    """Everything the Nomination, Rankings and Judges views compute from the totals.

    ``build_once``: build the judges x products matrix once and pass it to every function.
    """
    if build_once:
        totals = score_matrix(totals)
    for method in METHODS:
        aggregate(totals, method)
        margin(totals, method)
    agreement_table(totals, products)
    judge_profiles(totals)  # includes the outlier scan
    outlier_scores(totals)
    judge_matrix(totals, relative=True)
    compare_methods(totals)
    leave_one_judge_out(totals)


def time_runs(fn, repeats: int) -> tuple[float, float]:
    """(median, fastest) in milliseconds; the fastest shows the cost on a quiet machine."""
    fn()  # warm-up (imports, caches)
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000, min(runs) * 1000


def audit_meeting(scores: np.ndarray, judges: list[str], products: list[str]) -> dict:
    """Record a meeting: cells fill in over 10 refreshes, then 3 rounds that correct every cell."""
    criteria = [f"c{c + 1}" for c in range(scores.shape[2])]
    index = pd.MultiIndex.from_product([judges, products, criteria])
    flat = scores.reshape(-1).astype(object)
    n = len(flat)
    at = datetime(2022, 8, 1, 9, 0, tzinfo=UTC)
    refresh_ms = []
    with tempfile.TemporaryDirectory() as folder:
        store = AuditStore(Path(folder) / "audit.sqlite3")
        snapshots = []
        for step in range(1, 11):
            values = flat.copy()
            values[step * n // 10 :] = None
            snapshots.append(values)
        for round_ in range(1, 4):
            snapshots.append(np.array([v + 0.5 * round_ for v in flat], dtype=object))
        for i, values in enumerate(snapshots):
            cells = pd.DataFrame(
                {
                    "judge_id": index.get_level_values(0),
                    "product_id": index.get_level_values(1),
                    "criterion_id": index.get_level_values(2),
                    "value": values,
                }
            )
            start = time.perf_counter()
            store.record(cells, at + timedelta(minutes=5 * i))
            refresh_ms.append((time.perf_counter() - start) * 1000)
        n_changes = len(store.changes())
        size = sum(p.stat().st_size for p in Path(folder).iterdir())
    return {"cells": n, "changes": n_changes, "bytes": size, "record_ms": max(refresh_ms)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args()
    for label, n_judges, n_products, repeats in (
        ("seed size (27 x 20 x 5)", 27, 20, 5 if args.quick else 21),
        ("10x (270 x 200 x 5)", 270, 200, 1 if args.quick else 5),
    ):
        scores, totals, products, judges, product_ids = build(n_judges, n_products)
        med, best = time_runs(lambda t=totals, p=products: analyse(t, p), repeats)
        print(f"whole analysis, {label}: median {med:.1f} ms (fastest {best:.1f}), {repeats} runs")
        med, best = time_runs(lambda t=totals, p=products: analyse(t, p, True), repeats)
        print(f"  same, matrix built once: {med:.1f} ms (fastest {best:.1f})")
        for name, fn in (
            ("  all four methods", lambda t=totals: [aggregate(t, m) for m in METHODS]),
            ("  agreement per category", lambda t=totals, p=products: agreement_table(t, p)),
            ("  judge profiles", lambda t=totals: judge_profiles(t)),
            ("  leave-one-judge-out x4", lambda t=totals: leave_one_judge_out(t)),
        ):
            med, best = time_runs(fn, repeats)
            print(f"{name}: {med:.1f} ms (fastest {best:.1f})")
        if n_judges == 27:
            audit = audit_meeting(scores, judges, product_ids)
            print(
                f"audit trail of a meeting: {audit['cells']} cells, {audit['changes']} changes,"
                f" {audit['bytes'] / 1e6:.2f} MB on disk,"
                f" slowest refresh {audit['record_ms']:.0f} ms"
            )


if __name__ == "__main__":
    main()
