"""Benchmark of one whole dashboard refresh, cold, at 1x, 3x and 10x the demo, old path vs new.

Run: ``python bench/bench_refresh.py`` (``--sizes 1 3``, ``--repeats 3``). The workbook is the
demo scaled k times (``kbo_dashboard.sources.scaled``: k x 27 judge tabs of k x 20 products,
5 criteria, the demo's slips in every block of 27 judges). One refresh, per step:

1. parse and validate every tab;
2. score and rank under the method in use (the workbook's: mean);
3. the Nomination page's robustness report (four methods, leave-one-judge-out, margins, with
   the full tie-break ranking);
4. agreement (Kendall's W, ICC) overall and per category;
5. judge profiles (leniency, outlier scan).

"Old" is the code path before issue 12: the per-cell score-tab reader
(``tests/reference_parse.py``) and leave-one-judge-out as a re-ranking loop, once per judge
and method, with the re-ranking function it used then (``tests/naive_robustness.py``; the
margins' few extra re-ranks are left out, so the old figure is, if anything, low). "New" is
whatever is in the package: :func:`parse` and :func:`robustness_report`, called as the app
calls it (``ui/state.py``), with the standings' judge totals passed in. Steps 2, 4 and 5 are
the same functions on both sides (so both gain from the vectorised totals and agreement).
Nothing is cached between runs (no Streamlit here).

Prints, per size, the median and the fastest run of each step (5 runs, 2 at 10x), the ratio
old/new of the whole refresh, and the peak memory at the largest size (tracemalloc, in a
separate pass so it does not slow the timings: each path's parse, and with
``--memory-refresh`` one whole new refresh) and the process's peak RSS. The
machine's load is printed first and last: the machine is shared, so read the fastest run as
the cost on a quieter machine.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kbo_dashboard.analysis.agreement import agreement_table  # noqa: E402
from kbo_dashboard.analysis.judges import judge_profiles  # noqa: E402
from kbo_dashboard.analysis.nomination import robustness_report  # noqa: E402
from kbo_dashboard.intake.parse import parse  # noqa: E402
from kbo_dashboard.scoring.aggregation import METHODS, score_matrix  # noqa: E402
from kbo_dashboard.scoring.scoring import judge_totals, score_competition  # noqa: E402
from kbo_dashboard.sources.scaled import ScaledDemoSource  # noqa: E402
from tests.naive_robustness import old_rank_fn  # noqa: E402
from tests.reference_parse import reference_parse  # noqa: E402

STEPS = ("parse", "score", "robustness", "agreement", "profiles")


def old_robustness(comp, method: str) -> tuple:
    """The robustness report's re-ranking as computed before issue 12: one full re-rank per
    judge and method (``tests/naive_robustness.old_rank_fn``, the function it used then)."""
    rank_fn = old_rank_fn(comp)
    matrix = score_matrix(judge_totals(comp))
    top = {m: rank_fn(matrix, m)[:3] for m in METHODS}
    judges = np.flatnonzero(~np.isnan(matrix.values).all(axis=1))
    lojo = {m: [rank_fn(matrix.without_judge(i), m)[:1] for i in judges] for m in METHODS}
    return top, lojo


def refresh(raw, old: bool) -> dict[str, float]:
    """One cold refresh; seconds per step."""
    gc.collect()  # the other path's garbage is not charged to this one
    times = {}
    start = time.perf_counter()
    comp = reference_parse(raw) if old else parse(raw)
    times["parse"] = time.perf_counter() - start
    method = comp.settings.get("method") or "mean"
    start = time.perf_counter()
    results = score_competition(comp, method)
    times["score"] = time.perf_counter() - start
    start = time.perf_counter()
    if old:
        old_robustness(comp, method)
    else:  # as the app does (ui/state.py): the standings' totals are passed in, not rebuilt
        robustness_report(comp, method, totals=results.totals)
    times["robustness"] = time.perf_counter() - start
    start = time.perf_counter()
    agreement_table(results.totals, comp.products)
    times["agreement"] = time.perf_counter() - start
    start = time.perf_counter()
    judge_profiles(results.totals)
    times["profiles"] = time.perf_counter() - start
    return times


def peak_mb(fn, *args) -> float:
    """Peak Python memory (tracemalloc) of one call, in MB."""
    tracemalloc.start()
    fn(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def ms(seconds: list[float]) -> str:
    return f"{statistics.median(seconds) * 1000:,.0f} ({min(seconds) * 1000:,.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 3, 10])
    parser.add_argument("--repeats", type=int, default=5, help="runs per size (10x: at most 2)")
    parser.add_argument("--memory-refresh", action="store_true", help="peak of a whole refresh")
    args = parser.parse_args()
    print(f"start: {load()}")
    refresh(ScaledDemoSource(1).fetch(), old=False)  # warm-up: imports and catalogue
    print("| size | cells | path | " + " | ".join(STEPS) + " | total | old / new |")
    print("|---|---:|---|" + "---:|" * (len(STEPS) + 2))
    for k in args.sizes:
        raw = ScaledDemoSource(k).fetch()
        cells = sum(len(row) for rows in raw.tabs.values() for row in rows)
        repeats = min(args.repeats, 2) if k >= 10 else args.repeats
        runs = {True: [], False: []}
        for _ in range(repeats):  # interleaved, so both paths see the same load
            for old in (True, False):
                runs[old].append(refresh(raw, old))
        totals = {old: [sum(r.values()) for r in runs[old]] for old in runs}
        ratio = statistics.median(totals[True]) / statistics.median(totals[False])
        for old in (True, False):
            steps = " | ".join(ms([r[s] for r in runs[old]]) for s in STEPS)
            label = "old" if old else "new"
            tail = f"{ratio:.1f}x" if not old else ""
            print(f"| {k}x | {cells:,} | {label} | {steps} | {ms(totals[old])} | {tail} |")
    k = max(args.sizes)
    raw = ScaledDemoSource(k).fetch()
    # tracemalloc slows Python several times over, and the old robustness loop takes minutes
    # under it at 10x, so by default the peak is measured for each path's parse (its biggest
    # allocation); --memory-refresh also measures one whole new refresh.
    line = f"peak memory at {k}x (tracemalloc): parse old {peak_mb(reference_parse, raw):.0f} MB"
    line += f", new {peak_mb(parse, raw):.0f} MB"
    if args.memory_refresh:
        line += f"; one whole new refresh {peak_mb(refresh, raw, False):.0f} MB"
    print(line)
    import resource

    print(f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"end: {load()}")


if __name__ == "__main__":
    main()
