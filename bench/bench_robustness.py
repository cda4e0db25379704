"""Benchmark of the Nomination page's robustness report: the old re-ranking loop against the
closed form, on the demo's shape scaled k times (k x 27 judges, k x 20 products, 5 criteria).

Run: ``python bench/bench_robustness.py`` (``--sizes 1 3`` to skip 10x; the old path at 10x
takes about half a minute). The old path is the code before the closed form, loaded from git
(``--old-rev``, default the commit before it); the new path is
:func:`kbo_dashboard.analysis.nomination.robustness_report`. Both get the same parsed
competition; parsing is not timed. Prints the median of ``--repeat`` runs (one run for the old
path at 10x) and checks that both name the same nominees.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kbo_dashboard.analysis.nomination import robustness_report  # noqa: E402
from kbo_dashboard.intake.parse import parse  # noqa: E402
from kbo_dashboard.sources import layout as L  # noqa: E402
from kbo_dashboard.sources.source import RawWorkbook  # noqa: E402

OLD_REV = "522ac7a"  # the last commit with the re-ranking loop
CATEGORIES = ("food", "beverage", "textile", "decorative", "herbal")


def scaled_tabs(k: int, seed: int = 2565) -> dict:
    """k x 27 judges scoring k x 20 products; a few still scoring, one conflict."""
    rng = random.Random(seed)
    criteria = L.DEFAULT_CRITERIA
    products = [(f"P{p:04d}", rng.uniform(0.45, 0.9)) for p in range(1, 20 * k + 1)]
    judges = [f"J{j:04d}" for j in range(1, 27 * k + 1)]
    tabs = {
        L.PRODUCTS: [["product_id", "product_name", "producer_group", "category"]]
        + [[p, p, "G", CATEGORIES[i % 5]] for i, (p, _q) in enumerate(products)],
        L.JUDGES: [["judge_id", "judge_name", "sheet"]] + [[j, j, j] for j in judges],
        L.CRITERIA: [
            ["criterion_id", "name_th", "name_en", "max_score", "weight", "tiebreak_priority"]
        ]
        + [
            [c.criterion_id, c.name_th, c.name_en, c.max_score, c.weight, c.tiebreak_priority or ""]
            for c in criteria
        ],
        L.CONFLICTS: [["judge_id", "product_id", "reason"], [judges[4], products[8][0], "family"]],
    }
    header = ["product_id", "product_name", *[c.criterion_id for c in criteria]]
    for n, judge in enumerate(judges):
        leniency = rng.gauss(0, 0.05)
        done = len(products) if n < len(judges) - 2 * k else len(products) // 2
        rows = [header]
        for pid, quality in products[:done]:
            shares = [
                min(0.98, max(0.3, quality + leniency + rng.gauss(0, 0.07))) for _ in criteria
            ]
            rows.append([pid, ""] + [int(round(s * c.max_score)) for s, c in zip(shares, criteria)])
        tabs[judge] = rows
    return tabs


def old_report_fn(rev: str):
    """``robustness_report`` as it was at ``rev`` (the re-ranking loop), loaded from git."""

    def source(path: str) -> str:
        return subprocess.run(
            ["git", "show", f"{rev}:{path}"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout

    robustness = types.ModuleType("old_robustness")
    sys.modules["old_robustness"] = robustness
    exec(
        compile(source("kbo_dashboard/analysis/robustness.py"), "old_robustness", "exec"),
        robustness.__dict__,
    )
    text = source("kbo_dashboard/analysis/nomination.py").replace(
        "from kbo_dashboard.analysis import robustness", "import old_robustness as robustness"
    )
    spec = importlib.util.spec_from_loader("old_nomination", loader=None)
    nomination = importlib.util.module_from_spec(spec)
    sys.modules["old_nomination"] = nomination
    exec(compile(text, "old_nomination", "exec"), nomination.__dict__)
    return nomination.robustness_report


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 3, 10])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--old-rev", default=OLD_REV)
    args = parser.parse_args()
    old_report = old_report_fn(args.old_rev)
    print("size | judges x products | old report | new report | ratio")
    for k in args.sizes:
        comp = parse(RawWorkbook(scaled_tabs(k)))
        old_s, old = timed(lambda c=comp: old_report(c, "mean"), 1 if k >= 10 else args.repeat)
        new_s, new = timed(lambda c=comp: robustness_report(c, "mean"), args.repeat)
        same = old.comparison.nominees == new.comparison.nominees
        print(
            f"{k}x | {27 * k} x {20 * k} | {old_s * 1000:,.0f} ms | {new_s * 1000:,.1f} ms"
            f" | {old_s / new_s:,.0f}x | same nominees: {same}"
        )


if __name__ == "__main__":
    main()
