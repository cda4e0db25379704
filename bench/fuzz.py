"""Fuzz run: hostile workbooks (tests/hostile.py) through the whole pipeline, many at once.

Run: ``python bench/fuzz.py`` (10,000 examples, fixed seed; ``-n`` for another count,
``--xlsx-every``/``--pdf-every`` to build the Excel/PDF report for every k-th example, default
1 and 10). For each example it runs
parse -> score (every method) -> analysis -> CSV/xlsx/PDF in both languages, and reports
crashes by exception signature, scores lost or invented against the reference reader, bad
cells not reported, eligible totals outside 0..100, and the slowest case. The figures go to
docs/testing.md ("Fuzzing").
"""

from __future__ import annotations

import argparse
import collections
import math
import statistics
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from tests.hostile import hostile_workbooks  # noqa: E402
from tests.hostile_reference import reference_scores, run_pipeline  # noqa: E402


def signature(exc: BaseException) -> str:
    """Exception type and the innermost frame in the app's code."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "kbo_dashboard" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].name}" if frames else "?"
    return f"{type(exc).__name__} in {where}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--xlsx-every", type=int, default=1)
    parser.add_argument("--pdf-every", type=int, default=10)
    parser.add_argument("--seed", type=int, default=20261126)
    args = parser.parse_args()
    crashes: collections.Counter[str] = collections.Counter()
    stats = collections.Counter()
    times: list[tuple[float, int]] = []
    slowest: dict = {}

    @seed(args.seed)
    @settings(
        max_examples=args.n,
        phases=[Phase.generate],
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(hostile_workbooks())
    def one(raw) -> None:
        n = len(times)
        if n and n % 500 == 0:  # progress, so a long run can be read part-way
            print(f"... {n:,} examples, {sum(crashes.values())} crashes, {dict(stats)}", flush=True)
        started = time.perf_counter()
        try:
            comp, results = run_pipeline(
                raw, xlsx=n % args.xlsx_every == 0, pdf=n % args.pdf_every == 0
            )
        except Exception as exc:  # counted, never raised: the run goes on
            crashes[signature(exc)] += 1
            times.append((time.perf_counter() - started, n))
            return
        elapsed = time.perf_counter() - started
        times.append((elapsed, n))
        if elapsed >= max((t for t, _ in times), default=0):
            slowest.update(seconds=elapsed, tabs={k: len(v) for k, v in raw.tabs.items()})
        for result in results.values():
            totals = result.totals[result.totals["eligible"].astype(bool)]["total"]
            stats["bad_totals"] += sum(not (math.isfinite(x) and 0 <= x <= 100) for x in totals)
        reference = reference_scores(raw)
        if reference is None:
            stats["beyond_reference"] += 1
            return
        expected, bad = reference
        counted = set(
            comp.scores[["judge_id", "product_id", "criterion_id"]].itertuples(index=False)
        )
        stats["scores_expected"] += len(expected)
        stats["scores_lost"] += len(set(expected) - counted)
        stats["scores_invented"] += len(counted - set(expected))
        stats["bad_cells"] += len(bad)
        stats["bad_cells_unreported"] += len(bad - {(i.tab, i.cell) for i in comp.issues})

    began = time.perf_counter()
    one()
    wall = time.perf_counter() - began
    seconds = [t for t, _ in times]
    print(
        f"examples: {len(times):,} (Excel for every {args.xlsx_every}, PDF for every "
        f"{args.pdf_every}; CSV, scoring and analysis for all)  seed {args.seed}"
    )
    print(f"crashes: {sum(crashes.values())}")
    for sig, count in crashes.most_common():
        print(f"  {count:5d}  {sig}")
    for key in (
        "scores_expected",
        "scores_lost",
        "scores_invented",
        "bad_cells",
        "bad_cells_unreported",
        "bad_totals",
        "beyond_reference",
    ):
        print(f"{key}: {stats[key]:,}")
    print(
        f"time per example: median {statistics.median(seconds):.3f} s, "
        f"p99 {sorted(seconds)[int(len(seconds) * 0.99)]:.3f} s, max {max(seconds):.3f} s"
    )
    print(f"slowest case: {slowest}")
    print(f"wall time: {wall:.0f} s")


if __name__ == "__main__":
    main()
